"""The event a document is about, which bare triggers (`韩正出席。`, `出席大会`) refer to."""
from __future__ import annotations

from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import Anchored, title_end


def choose_main_event(text: str, mentions: list[Anchored], rules: RelationRules) -> str | None:
    """The first event named in the title line, else the first one the text says is held
    (`…会议在京召开`, within its clause); none otherwise. Events used as time references
    (`党的十八大以来`) are not candidates."""
    events = [m for m in mentions if m.type == "EVENT" and not text.startswith(rules.time_markers, m.end)]
    in_title = [m for m in events if m.end <= title_end(text)]
    if in_title:
        return in_title[0].entity
    held = [m for m in events if _stated_as_held(text, m.end, rules)]
    return held[0].entity if held else None


def _stated_as_held(text: str, end: int, rules: RelationRules) -> bool:
    after = text[end:end + rules.held_max_gap + max(map(len, rules.held_verbs), default=0)]
    clause = after[:min((after.find(c) for c in "，,。；;！？\n" if c in after), default=len(after))]
    return any(v in clause for v in rules.held_verbs)
