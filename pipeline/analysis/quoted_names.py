"""Names in quotation marks: a chunk's quotes balanced, a campaign named by its quoted slogan
(`开展“三优一满意”活动`, `『三下乡』活动`: corner brackets are folded to curly quotes), and the names the marks
delimit, which the checks of a name's edges and clauses leave whole."""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from pipeline.analysis.conjuncts import VERBS, tagged
from pipeline.analysis.wordindex import FOLLOWING_NOUNS, LONGEST_WORD, VERBAL

QUOTED_THEME_CHARS = 30
OPENING_QUOTE, CLOSING_QUOTE = "“", "”"
SENTENCE_END = re.compile(r"[。！？；”\n;!?]")
CLAUSE_BREAK = re.compile(r"[，,。！？；：:“”\n;!?]")


def enclosed(text: str, start: int, end: int) -> bool:
    """Whether quotation marks enclose text[start:end] whole (`“从都国际论坛”`)."""
    return start > 0 and text.startswith(OPENING_QUOTE, start - 1) and text.startswith(CLOSING_QUOTE, end)


def opens_with_slogan(name: str) -> bool:
    """Whether a name opens with a slogan in quotation marks (`“把农村青年最喜爱的书送下乡”活动`)."""
    return name.startswith(OPENING_QUOTE) and CLOSING_QUOTE in name


def balance_quotes(text: str, begin: int, suffix_start: int) -> int:
    """Start a chunk after a quote mark it does not close or open (`“青年…沙龙`), or, where the
    chunk was stopped inside a quoted theme right before its head (`“不忘初心、|牢记使命”主题教育`),
    at the theme's opening mark: the theme names the event."""
    depth_start = begin
    for pos in range(begin, suffix_start):
        if text[pos] == "“" and text.find("”", pos + 1, suffix_start) == -1:
            return pos + 1
        if text[pos] == "”" and text.rfind("“", depth_start, pos) == -1:
            opening = text.rfind("“", max(0, pos - QUOTED_THEME_CHARS), depth_start)
            if opening != -1 and not SENTENCE_END.search(text, opening, pos):
                return opening
            begin = pos + 1
    return begin


def whole_quoted(text: str, begin: int, suffix_start: int, end: int, tags: Mapping[tuple[int, int], str],
                 min_chars: int) -> int:
    """A chunk that ends at a closing quote whose opening one is before it (`首届“天坛文明对话暨世界文明与|
    奥林匹克论坛”`) begins after the opening quote: the quotes delimit the name, conjunctions inside it
    included; not where the quoted words make a clause, with a verb of the word analysis or a comma
    (`“要开好这次|大会”`), nor without the word analysis, which tells verbs, nor where the chunk has fewer
    than `min_chars` before its suffix: a quoted common noun (`“数字|政府”`), not a name."""
    if not tags or not text.startswith("”", end) or suffix_start - begin < min_chars:
        return begin
    opening = text.rfind("“", max(0, begin - QUOTED_THEME_CHARS), begin)
    if opening == -1 or CLAUSE_BREAK.search(text, opening + 1, begin) or tagged(tags, opening + 1, begin, VERBS):
        return begin
    return opening + 1


def after_governing_verb(text: str, begin: int, closing: int, tags: Mapping[tuple[int, int], str]) -> int:
    """A quoted name's chunk that a verb of the word analysis begins (`积极投入|“泰人助泰”运动`,
    `争创|“…示范窗口”活动`) starts at the opening quote: the verb governs the name."""
    opening = text.rfind("“", begin, closing)
    if opening > begin and any(tags.get((p, opening)) in VERBAL for p in range(max(begin, opening - LONGEST_WORD), opening)):
        return opening
    return begin


@lru_cache(maxsize=8)
def quoted_guards(suffixes: frozenset[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A quoted name's suffix (`”活动`) is none where a longer suffix runs on from its word (`“双创”|活动周`)."""
    guards = ((quoted, tuple(s[len(quoted) - 1:] for s in sorted(suffixes) if s.startswith(quoted[1:]) and len(s) >= len(quoted)))
              for quoted in sorted(suffixes) if quoted.startswith("”"))
    return tuple((quoted, followers) for quoted, followers in guards if followers)


def modifies_following(start: int, end: int, tags: Mapping[tuple[int, int], str]) -> bool:
    """Whether the word text[start:end] modifies what follows it, by the word analysis: a noun follows
    (`“巾帼建功”活动|领导小组`), or a word runs on past its end (`“双创”|活动周`)."""
    following = range(end + 1, end + LONGEST_WORD + 1)
    return any(tags.get((end, e)) in FOLLOWING_NOUNS for e in following) \
        or any((p, e) in tags for p in range(start, end) for e in following)
