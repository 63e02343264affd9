"""The event an opening or closing ceremony is named after (`全球妇女峰会|开幕式`): an entity of its own,
whose mention stands inside the ceremony's."""
from __future__ import annotations

from pipeline.records import Mention

CEREMONY_EVENT = "ceremony_event"


def ceremony_events(mentions: list[Mention], ceremonies: tuple[str, ...], event_heads: tuple[str, ...]) -> list[Mention]:
    """The mentions with, inside each event's that ends in a ceremony, the event's name before it,
    where that ends in an event's head (`第九届亚冬会|闭幕式`; not `隆重举行|开幕式`)."""
    heads = tuple(h for h in event_heads if h not in ceremonies)
    inner = []
    for m in mentions:
        ceremony = next((c for c in ceremonies if m.text.endswith(c)), None) if m.type == "EVENT" else None
        name = m.text[:-len(ceremony)] if ceremony else ""
        if len(name) >= 2 and name.endswith(heads):
            inner.append(Mention(m.start, m.start + len(name), name, "EVENT", CEREMONY_EVENT, m.score))
    return sorted(mentions + inner, key=lambda m: (m.start, m.end)) if inner else mentions
