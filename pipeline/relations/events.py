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
    held = [m for m in events if _stated_as_held(text, m.end, rules) or _held_before(text, m.start, rules)]
    attended = [m for m in events if text.endswith(rules.attended_verbs, 0, m.start)]
    return (held or attended)[0].entity if held or attended else None


def _held_object(text: str, start: int, rules: RelationRules) -> bool:
    verb = next((v for v in rules.held_verbs if text.startswith(v, start - len(v))), None)
    return verb is not None and not any(text.startswith(w, start - len(verb) - len(w)) for w in rules.unrealised_before)


AGENT = "由"  # the agent of a passive or relative clause (`由…举办的`)


def _held_before(text: str, start: int, rules: RelationRules) -> bool:
    """Whether a relative clause of holding with its agent names the event (`由…举办的|“慈善之春”
    芭蕾舞专场晚会`); without one it refers to an event held before (`刚刚召开的|…全会`)."""
    verb = next((v for v in rules.held_verbs if text.endswith(v, 0, start - 1)), None) \
        if text.endswith("的", 0, start) else None
    if verb is None:
        return False
    clause_start = max((text.rfind(c, 0, start) for c in "，,。；;！？\n"), default=-1) + 1
    return AGENT in text[clause_start:start - 1 - len(verb)]


def _stated_as_held(text: str, end: int, rules: RelationRules) -> bool:
    after = text[end:end + rules.held_max_gap + max(map(len, rules.held_verbs), default=0)]
    clause = after[:min((after.find(c) for c in "，,。；;！？\n" if c in after), default=len(after))]
    return any(v in clause for v in rules.held_verbs)
