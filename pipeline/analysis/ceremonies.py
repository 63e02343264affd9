"""The event an opening or closing ceremony or a session's organ is named after (`全球妇女峰会|开幕式`,
`十四届全国人大二次会议|主席团`): an entity of its own, whose mention stands inside the ceremony's or the organ's."""
from __future__ import annotations

from pipeline.records import Mention

CEREMONY_EVENT = "ceremony_event"


def ceremony_events(mentions: list[Mention], ceremonies: tuple[str, ...], event_heads: tuple[str, ...],
                    session_organs: tuple[str, ...] = ()) -> list[Mention]:
    """The mentions with, inside each event's that ends in a ceremony and each organisation's that ends
    in a session's organ, the event's name before it, where that ends in an event's head and is more
    than the head alone (`第九届亚冬会|闭幕式`, `十三届全国人大一次会议|新闻中心`; not `隆重举行|开幕式`, `大会|主席团`)."""
    heads = tuple(h for h in event_heads if h not in ceremonies)
    inner = []
    for m in mentions:
        ends = ceremonies if m.type == "EVENT" else session_organs if m.type == "ORG" else ()
        kind = next((c for c in ends if m.text.endswith(c)), None)
        name = m.text[:-len(kind)] if kind else ""
        head = next((h for h in heads if name.endswith(h)), None) if len(name) >= 2 else None
        if head and (m.type == "EVENT" or len(name) > len(head)):
            inner.append(Mention(m.start, m.start + len(name), name, "EVENT", CEREMONY_EVENT, m.score))
    return sorted(mentions + inner, key=lambda m: (m.start, m.end)) if inner else mentions
