"""The event a document is about, which bare triggers (`韩正出席。`, `出席大会`) refer to."""
from __future__ import annotations

from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import Anchored, title_end


def choose_main_event(text: str, mentions: list[Anchored], rules: RelationRules) -> str | None:
    """The first event named in the title line, the object of a holding verb there first
    (`十四届全国人大一次会议举行第四次全体会议`: the session held is the item's event; not in
    `为召开…作准备`), else the first one the text says is held (`…会议在京召开`, within its clause),
    else the first it says people attend (`参加十四届全国人大二次会议的代表`); none otherwise.
    Events used as time references (`党的十八大以来`) are not candidates."""
    events = [m for m in mentions if m.type == "EVENT" and not text.startswith(rules.time_markers, m.end)]
    in_title = [m for m in events if m.end <= title_end(text)]
    held_there = [m for m in in_title if _held_object(text, m.start, rules)]
    if in_title:
        return (held_there or in_title)[0].entity
    held = [m for m in events if _stated_as_held(text, m.end, rules)]
    attended = [m for m in events if text.endswith(rules.attended_verbs, 0, m.start)]
    return (held or attended)[0].entity if held or attended else None


def _held_object(text: str, start: int, rules: RelationRules) -> bool:
    verb = next((v for v in rules.held_verbs if text.startswith(v, start - len(v))), None)
    return verb is not None and not any(text.startswith(w, start - len(verb) - len(w)) for w in rules.unrealised_before)


def _stated_as_held(text: str, end: int, rules: RelationRules) -> bool:
    after = text[end:end + rules.held_max_gap + max(map(len, rules.held_verbs), default=0)]
    clause = after[:min((after.find(c) for c in "，,。；;！？\n" if c in after), default=len(after))]
    return any(v in clause for v in rules.held_verbs)
