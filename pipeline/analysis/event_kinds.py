"""Event chunks that name no event: a count of editions before the kind (`连续三届|残奥会`), a kind of event that
common nouns alone describe (`机关干部|大会`, `拳击|比赛`), or one that attributes of reach, scale or rank class
(`全国性|会议`, `大型综合性|运动会`)."""
from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.analysis.wordindex import LONGEST_WORD
from pipeline.rules import RecognitionRules

COMMON_NOUN = "n"
EDITIONS, ORDINAL_MARK = "届", "第"
COUNTING_POS = frozenset({"v", "vn", "a", "d"})  # `连续|三届`, `过往|12届`: a count of editions, no ordinal


def _counted_editions(text: str, start: int, tags: Mapping[tuple[int, int], str]) -> bool:
    """Whether a predicate's count of editions stands right before `start`, the suffix (`连续三届|残奥会`,
    `过往12届|冬残奥会`): the kind counted, no edition named; not a body's term (`中共十九届|…`)."""
    numeral = next((s for s in range(start - 1 - LONGEST_WORD, start - 1) if tags.get((s, start - 1)) == "m"), None)
    if text[start - 1:start] != EDITIONS or tags.get((start - 1, start)) != "q" or numeral is None \
            or ORDINAL_MARK in text[numeral - 1:numeral + 1]:
        return False
    return any(tags.get((s, numeral)) in COUNTING_POS for s in range(max(0, numeral - LONGEST_WORD), numeral))


SCOPES = frozenset({"全国", "中央", "国际", "世界", "全球", "全省", "全市", "全军"})  # common nouns that scope a name
NAME_POS = frozenset({"ns", "nt", "nz", "j", "nr"})  # names of the word analysis
MAX_SCOPED_WORDS = 4  # the common nouns looked back over for a scope (`全国|群众|影评|征文比赛`)


def described_only(text: str, chunk: tuple[int, int, int], tags: Mapping[tuple[int, int], str],
                    rules: RecognitionRules) -> bool:
    """Whether an event's chunk (begin, suffix start, end) counts editions or describes a kind of event, naming none: so
    does a scope alone before a generic head (`国际|大赛`, `世界|大赛`, `国际|会议`; not `国际|能源大会`)."""
    return _counted_editions(text, chunk[1], tags) or _common_kind(text, *chunk, tags, rules) \
        or _classed_kind(text, chunk[0], chunk[1], tags) \
        or text[chunk[0]:chunk[1]] in SCOPES and text[chunk[1]:chunk[2]] in rules.generic_chunks


# the attributes (区别词) that class an event by its reach, scale, standing or rank (`全国性`, `国际性`, `综合性`, `历史性`,
# `大型`, `国家级`, `高级别`), after an ordinal or a count of editions (`第一次|全国性|工作会议`, `几届|全国性|舞蹈比赛`)
COMMON_NOUNS = frozenset({COMMON_NOUN})
CLASSED = COMMON_NOUNS | {"vn"}  # and what is held or done (`摄影`, `工作`)
ATTRIBUTES = re.compile(r"(?:第[一二三四五六七八九十0-9]+次|几届)?"
                        r"(?:[\u4e00-\u9fff]{1,3}性|[大中小]型|高级别|[\u4e00-\u9fff]{1,2}级)+")


def _classed_kind(text: str, begin: int, start: int, tags: Mapping[tuple[int, int], str]) -> bool:
    """Whether an event's chunk begins with attributes that class its kind and has nothing but common nouns of the word
    analysis after them (`全国性|会议`, `大型综合性|运动会`, `全国性|摄影|比赛`, `历史性|会晤`): a kind of event, no name."""
    attributes = ATTRIBUTES.match(text, begin, start)
    return attributes is not None and _words_of(attributes.end(), start, tags, CLASSED) is not None


def _words_of(begin: int, end: int, tags: Mapping[tuple[int, int], str], kinds: frozenset[str]) -> list[tuple[int, int]] | None:
    """The words, each of one of `kinds`, the word analysis cuts text[begin:end] into (the shortest first); None where some
    part of it is no such word."""
    words, pos = [], begin
    while pos < end:
        word = next((e for e in range(pos + 1, min(end, pos + LONGEST_WORD) + 1) if tags.get((pos, e)) in kinds), None)
        if word is None:
            return None
        words.append((pos, word))
        pos = word
    return words


def _common_kind(text: str, begin: int, start: int, end: int, tags: Mapping[tuple[int, int], str],
                 rules: RecognitionRules) -> bool:
    """Whether an event's chunk is a kind of event that common nouns describe (`rules.common_kinds`: `机关干部|大会`,
    `拳击|比赛`), the word analysis cutting what comes before its kind into common nouns alone, none that scopes a name,
    and not the short form of a name the document writes with a scope or a name before it (`全国|科技大会`,
    `全国群众影评|征文比赛`)."""
    if text[start:end] not in rules.common_kinds:
        return False
    words = _words_of(begin, start, tags, COMMON_NOUNS)
    if words is None or any(text[s:e] in SCOPES for s, e in words):
        return False
    at = -1
    while (at := text.find(text[begin:end], at + 1)) != -1:
        if at != begin and _scoped_before(text, at, tags):
            return False
    return True


def _scoped_before(text: str, pos: int, tags: Mapping[tuple[int, int], str]) -> bool:
    """Whether a name or a word of scope begins the common nouns right before `pos` (`全国|群众影评|征文比赛`)."""
    for _ in range(MAX_SCOPED_WORDS):
        word = next(((s, tags[(s, pos)]) for s in range(max(0, pos - LONGEST_WORD), pos) if (s, pos) in tags), None)
        if word is None:
            return False
        if word[1] in NAME_POS or text[word[0]:pos] in SCOPES:
            return True
        if word[1] != COMMON_NOUN:
            return False
        pos = word[0]
    return False
