"""Where a name stands in a trigger's clause: after a preposition or a place word (no subject), as the anchor of
a time phrase, before a relative clause's marker, or under a meeting verb or a copula that takes the clause."""
from __future__ import annotations

import re

from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import CLAUSE_MARKS, NAME_JOINERS, Anchored
from pipeline.wordlists import word_at


def oblique(text: str, start: int, rules: RelationRules, mentions: list[Anchored] = ()) -> bool:
    """A name right after a preposition (`为艺术团`), or after a place word that makes it where something happens or whither
    one goes (`来到市科协调研`, `在研究所召开`), is no subject; nor is one coordinated with such a name
    (`在江苏和|安徽省人大常委会机关调研`), unless a relative clause follows (`在大使馆与|中心联合举办的研讨会上`).
    A name after a co-agent's word (`会同`) acts with the subject."""
    words = rules.clause_words
    if start and ((text.startswith(words["oblique_prepositions"], start - 1) and not text.endswith(words["co_agents"], 0, start))
                  or any(text.startswith(w, start - len(w)) for w in words["place_words"])):
        return True
    before = next((m for m in mentions if m.end == start - 1), None) if start and text[start - 1] in NAME_JOINERS else None
    return before is not None and oblique(text, before.start, rules, mentions) and not relative_after(text, start)


def relative_after(text: str, start: int) -> bool:
    """Whether a relative clause marker follows in the clause (`在X与Y联合举办的研讨会上`: 在 frames
    the whole phrase, X and Y are the relative clause's subjects)."""
    end = CLAUSE_MARKS.search(text, start)
    return "的" in text[start:end.start() if end else len(text)]


TIME_POSTPOSITIONS = ("前", "后")  # `仪式前，`: a one-character postposition that ends a time adverbial


def dates_a_clause(text: str, end: int, rules: RelationRules) -> bool:
    """Whether the name that ends at `end` is the anchor of a time phrase: a time word follows it
    (`time_anchors`: `之后`, `以前`), or a one-character postposition that ends the clause (`仪式前，`)."""
    return text.startswith(tuple(rules.clause_words["time_anchors"]), end) or (
        text.startswith(TIME_POSTPOSITIONS, end) and CLAUSE_MARKS.match(text, end + 1) is not None)


def relative_with_place(text: str, head_end: int, t_start: int, t_end: int, rules: RelationRules) -> bool:
    """`习近平向在庆州举行的峰会致辞`: a trigger in a relative clause that starts with its place
    (`在…举行的`) has no subject of its own; the sentence's is another verb's."""
    return (any(text.startswith(w, t_end) for w in rules.relative_markers)
            and any(p in text[head_end:t_start] for p in rules.location_prepositions))


def relative_marker_at(text: str, pos: int, rules: RelationRules) -> int | None:
    """Where the relative marker that ends a clause at `pos` stands: right there (`出席论坛的代表`), after
    a visit joined to the attending (`出席…会议并进行国事访问的|巴西总统卢拉`) or an honour's noun (`…红旗手称号的`);
    None without one, nor where the event's programme follows (`欣赏…音乐会的|精彩节目`: no relative clause)."""
    words = rules.clause_words
    pos += len(word_at(text, pos, words["coordinated_visits"]) or word_at(text, pos, words["honour_nouns"]) or "")
    marker = next((w for w in rules.relative_markers if text.startswith(w, pos)), None)
    if marker is None or word_at(text, pos + len(marker), words["programme_nouns"]):
        return None
    return pos


def in_meeting_object(text: str, head_end: int, t_start: int, rules: RelationRules) -> bool:
    """Whether a meeting verb between a head and the trigger takes the trigger's clause as its object
    (`习近平会见来华出席…的`), no predicate joiner or clause break after it (`会见外宾并出席…`, `会见总督莫斯廷，出席…`)."""
    between = text[head_end:t_start]
    words = rules.clause_words
    at = max((between.rfind(w) + len(w) for w in words["meeting_verbs"] if w in between), default=-1)
    return at != -1 and not any(j in between[at:] for j in words["predicate_joiners"]) \
        and not CLAUSE_MARKS.search(between, at)


def copula_between(text: str, start: int, end: int, rules: RelationRules) -> bool:
    """`屠呦呦…成为第一位获得诺贝尔奖的科学家`: a clause that describes a noun after a copula describes the subject."""
    return any(w in text[start:end] for w in rules.clause_words["copulas"])


# the preposition of a request's frame (`应习近平邀请`, `应…要求`), where the verb of asking is a noun; not in a word (`响应`,
# `应对`, `应该`)
ASKED_BY = re.compile("(?<![响适反供相顺呼])应(?![该当对用急有变届])")


def briefed_subjects(text: str, heads: list[Anchored], clause_start: int, t_start: int, rules: RelationRules) -> list[Anchored]:
    """The heads of a trigger that a briefing verb of its clause takes as its topic (`赵乐际介绍了|召开…全会情况`), or a verb
    of asking as what it asks for (`康斯坦丁内斯库要求|参众两院…召开联席会议`, `习近平邀请|普京出席…`): only those named after
    the verb (`李希介绍了|中国共产党开展…情况`); who briefs or asks did not do it. A verb of asking in a request's frame is
    none (`德索萨应习近平邀请…出席`)."""
    words = rules.clause_words
    at = max((i + len(v) for v in words["briefing_verbs"] if (i := text.rfind(v, clause_start, t_start)) != -1), default=-1)
    asked = max((i + len(v) for v in words["requesting_verbs"] if (i := text.rfind(v, clause_start, t_start)) != -1
                 and not ASKED_BY.search(text, clause_start, i)), default=-1)
    at = max(at, asked)
    return heads if at == -1 else [h for h in heads if h.start >= at]
