"""The people an event frames take part in it: those a clause names first after a clause of the event
(`在…全会上，X…`, or the bodies it lists first where it names nobody), and the person or body right before 在
and the event (`X在…会议期间…`)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.events import MainEvents
from pipeline.relations.mentions import (
    CLAUSE_MARKS,
    HONORIFICS,
    LIST_SEPARATORS,
    Anchored,
    coordinated_before,
    evidence_of,
    listed_from,
    split_clauses,
)
from pipeline.relations.titles import ATTRIBUTIVE
from pipeline.wordlists import word_at

FRAME_PERSON_CHARS = 20  # how far into the clause after a frame its first person may begin (titles before)


def frame_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                    rules: RelationRules, main_event: MainEvents | str | None = None) -> Iterator[Relation]:
    """`在十九届中央纪委二次全会上，习近平总书记发表重要讲话`: the people a clause names first (with the list they begin,
    whose items may each name a post: `…民革中央主席万鄂湘、民盟中央主席丁仲礼…`), or in a clause that names nobody the bodies
    it lists first (`…吹风会上，|商务部、工业和信息化部等部门介绍`), took part in the event that frames it, a clause of its
    own that opens its sentence or follows a comma: 在, the event's name, and a frame end (上, 中, 时, 期间) or none
    (`在“贸易与投资”论坛，…`); not in an event yet to be held (`在即将召开的…峰会上`). A clause of the event's name and 上
    alone frames too (`报告会上，…`), also after a relative clause of its holding (`今年5月召开的两院院士大会上，…`) or a time
    (`2015年|全国两会上，…`), and so does one of its name and 期间, people only (`峰会期间，我同…`, not
    `两会期间，|全国人大代表…`); and one of a word that refers back to an event (`会上，`, `座谈会上，`) frames the document's
    event (of its part: `main_event`), where that word heads its name unless it is `会上`."""
    main_events = MainEvents.of(main_event)
    events = {m.end: m for m in mentions if m.type == "EVENT" and not m.nested}
    people = [m for m in mentions if m.type == "PERSON" and not m.nested]
    bodies = [m for m in mentions if m.type == "ORG" and not m.nested]
    for start, end in sentences:
        clauses = split_clauses(text, start, end)
        for (clause_start, clause_end), (next_start, next_end) in zip(clauses, clauses[1:]):
            event = _framing_event(text, clause_start, clause_end, events, main_events.at(clause_start), rules)
            if event is None:
                continue
            after = [m for m in people if next_start <= m.start < min(next_end, next_start + FRAME_PERSON_CHARS)]
            if after and not CLAUSE_MARKS.search(text, next_start, after[0].start):
                listed = listed_from(text, after[0].start, people, rules.list_item_gap)
                for person in listed + _listed_speakers(text, next_end, end, people, rules):
                    yield Relation("participated_in", person.entity, event, evidence_of(text, start, end),
                                   rules.frame_confidence, "frame")
            elif not any(next_start <= m.start < next_end for m in people) \
                    and not _period_alone(text, clause_start, clause_end, rules):
                for body in listed_from(text, next_start, bodies, rules.list_item_gap):
                    yield Relation("participated_in", body.entity, event, evidence_of(text, start, end),
                                   rules.frame_confidence, "frame")


def _listed_speakers(text: str, start: int, end: int, people: list[Anchored], rules: RelationRules) -> list[Anchored]:
    """The people named at the end of each item of a list of speakers in text[start:end] whose verb says they
    spoke one by one (`，…主任曲青山，…书记娄勤俭先后发言`), the list's first item being the framed clause's."""
    verb_at = min((at for w in rules.clause_words["listed_speech"] if (at := text.find(w, start, end)) != -1), default=-1)
    if verb_at == -1:
        return []
    return [m for m in people if start <= m.start and m.end <= verb_at
            and (m.end == verb_at or text[m.end] in LIST_SEPARATORS)]


PERIOD = "期间"  # `两会期间，全国人大代表…`: a time the bodies the next clause lists were busy in, not at an event
FRAMES_ALONE = ("上", PERIOD)  # `报告会上，`, `峰会期间，`: a clause of an event's name and one of these alone
# when the event of such a clause was: `2015年|全国两会上，`, `去年|全国两会上，`
TIME_BEFORE = re.compile("(?:[0-9０-９]{4}年|[今去前当同]年|上个?月|本月)(?:[0-9０-９一二三四五六七八九十]{1,2}月)?")
FRAME_BREAK = "间隙"  # `在省政协会议间隙`: in a break of the event, at it
SPEECHES = ("重要讲话", "工作报告", "讲话", "报告", "致辞", "发言")  # `在十五大报告中`: the speech given at the event
# which session of the event, or when (`在|本届|…高峰论坛上`, `在|今年的|全国两会上`): no part of its name
DETERMINER = re.compile(f"(?:{TIME_BEFORE.pattern}|本届|此次|这次|上届)的?")


def inline_frame_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                           rules: RelationRules, main_event: MainEvents | str | None = None) -> Iterator[Relation]:
    """`傅全有在总参军人代表大会上强调…`, `谢里夫在会议期间与…会谈`, `尉健行同志在中央纪委二次全会上的报告`,
    `安徽省代表团在八运会上获…`: a person or a body right before 在 (after the name its title or an honorific) and an event
    right after it or after a word of which session or when (`在|本届|…论坛上`, `在|今年的|全国两会上`), closed by a frame
    end (上, 中, 时, 期间) or 间隙, took part in the event, whatever the verb after, as one whose speech there frames it
    (`江泽民同志在十五大报告中`, `在喀山会晤讲话中`); with the people joined to them, and whom they are with there
    (`习近平主席同|希奇莱马总统在…峰会期间会晤`). Not an event yet to be held: its name comes right after 在, or a relative
    clause of its holding does (`切尔诺梅尔金总理在|去年举行的|中东欧12国领导人会议上重申`; not `在|即将召开的|…`). The end
    of an event's name stands for the document's event (of its part: `main_event`) where its name ends so, else for the last
    event named before whose name does (`习近平总书记在|全会|上作的工作报告` after `党的十九届三中全会`)."""
    main_events = MainEvents.of(main_event)
    openers = tuple(rules.clause_words["time_clause_openers"])
    events = {m.start: m for m in mentions if m.type == "EVENT" and not m.nested}
    subjects = [m for m in mentions if m.type in ("PERSON", "ORG") and not m.nested]
    ends = tuple(rules.clause_words["frame_ends"]) + (FRAME_BREAK,)
    for subject in subjects:
        pos = subject.end + len(word_at(text, subject.end, titles) or "")
        pos += len(next((h for h in HONORIFICS if text.startswith(h, pos)), ""))
        opener = word_at(text, pos, openers)
        event = _event_after_opener(text, pos + len(opener), events, rules) if opener else None
        if opener and event is None:
            earlier = [m.entity for m in events.values() if m.end <= subject.start]
            event = _event_of_kind(text, pos + len(opener), [main_events.at(pos), *reversed(earlier)], ends)
        closed = event.end + len(word_at(text, event.end, SPEECHES) or "") if event is not None else 0
        if event is not None and text.startswith(ends, closed):
            for head in _with_companion(text, coordinated_before(text, [m for m in subjects if m.end <= subject.end]),
                                        subjects, titles):
                yield Relation("participated_in", head.entity, event.entity, evidence_of(text, head.start, event.end),
                               rules.frame_confidence, "inline_frame")


def _event_after_opener(text: str, start: int, events: dict[int, Anchored], rules: RelationRules) -> Anchored | None:
    """The event a frame's opener (在) ending at `start` names: right there, after a relative clause of its holding, or after
    a word of which session or when (`在|本届|…论坛上`)."""
    determiner = DETERMINER.match(text, start)
    return events.get(start) or _held_before(text, start, events, rules) or (
        events.get(determiner.end()) if determiner else None)


COMPANIONS = "同与"  # `习近平主席同|希奇莱马总统在…峰会期间会晤`: whom the framed party met with, there too


def _with_companion(text: str, heads: list[Anchored], subjects: list[Anchored], titles: tuple[str, ...]) -> list[Anchored]:
    """`heads`, and the party right before the first and a companion preposition (after its title) that joins them."""
    before = [m for m in subjects if heads and m.end < heads[0].start]
    if before:
        pos = before[-1].end + len(word_at(text, before[-1].end, titles) or "")
        if pos + 1 == heads[0].start and text[pos] in COMPANIONS:
            return [before[-1], *heads]
    return heads


def _period_alone(text: str, start: int, end: int, rules: RelationRules) -> bool:
    """Whether the clause text[start:end] is an event's name and 期间 alone (`峰会期间，`), which frames people only."""
    openers = tuple(rules.clause_words["time_clause_openers"])
    return text[start:end].rstrip().endswith(PERIOD) and not text.startswith(openers, start)


def _framing_event(text: str, start: int, end: int, events: dict[int, Anchored], main: str | None,
                   rules: RelationRules) -> str | None:
    """The event the clause text[start:end] frames the next one with, if it is a frame."""
    words = rules.clause_words
    opener = next((w for w in words["time_clause_openers"] if text.startswith(w, start)), "")
    frame = text[start:end].rstrip()
    close = next((w for w in words["frame_ends"] if frame.endswith(w)), None) if opener else \
        next((w for w in FRAMES_ALONE if frame.endswith(w)), None)
    if close is None:
        whole = events.get(start + len(frame)) if opener else None  # `在“贸易与投资”论坛，`: 在 and the name alone
        return whole.entity if whole is not None and whole.start == start + len(opener) else None
    event = events.get(start + len(frame) - len(close))
    held_before = text.endswith(_holding_clause_ends(rules), start, event.start) if event else False
    dated = TIME_BEFORE.fullmatch(text, start, event.start) is not None if event else False
    if event is not None and event.start >= start + len(opener) and (opener or event.start == start or held_before or dated) \
            and not any(w in text[start:event.start] for w in words["unheld"]):
        return event.entity
    head = frame[len(opener):len(frame) - len(close)]
    if not opener and main and (frame in rules.event_anaphora or head in rules.event_anaphora and main.endswith(head)):
        return main  # `会上，` refers to it whatever its name; `座谈会上，` where it is one
    return None


def _holding_clause_ends(rules: RelationRules) -> tuple[str, ...]:
    """How a relative clause of an event's holding ends before its name: a holding verb and 的 (`召开的`, `举行的`)."""
    return tuple(f"{verb}{ATTRIBUTIVE}" for verb in rules.held_verbs)


HELD_CLAUSE_CHARS = 12  # a relative clause of an event's holding before its name, at most (`去年11月在北京举行的`)


def _held_before(text: str, pos: int, events: dict[int, Anchored], rules: RelationRules) -> Anchored | None:
    """The event named right after a relative clause of its holding that begins at `pos`, if one does and holds no
    clause mark nor a word of an event yet to be held (`去年举行的|…会议`, not `即将召开的|…峰会`)."""
    start = next((s for s in range(pos + 1, min(len(text), pos + HELD_CLAUSE_CHARS + 1)) if s in events), None)
    clause = text[pos:start] if start is not None else ""
    if clause.endswith(_holding_clause_ends(rules)) and not CLAUSE_MARKS.search(clause) \
            and not any(w in clause for w in rules.clause_words["unheld"]):
        return events[start]
    return None


NAME_END_CHARS = (2, 3, 4)  # how long the end of an event's name that stands for it is (`全会`, `座谈会`, `研讨会`)


def _event_of_kind(text: str, pos: int, candidates: list[str | None], ends: tuple[str, ...]) -> Anchored | None:
    """The first of `candidates` whose name ends with what `pos` begins, a frame end after it (`在|全会|上`)."""
    for n in NAME_END_CHARS:
        if text.startswith(ends, pos + n):
            event = next((c for c in candidates if c and c.endswith(text[pos:pos + n])), None)
            if event:
                return Anchored(pos, pos + n, "EVENT", event)
    return None
