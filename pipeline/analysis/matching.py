"""Matching word lists against a text at a position: the helpers the recognition rules share."""
from __future__ import annotations

import re
from collections.abc import Iterable

HAN_CLASS = "\u4e00-\u9fff\u3400-\u4dbf"
HAN = re.compile(f"[{HAN_CLASS}]")  # one Chinese character
NAME_DOTS = "·•・"  # the mark between the parts of a transliterated name (`艾力更·依明巴海`)
NAME_DOTS_SET = frozenset(NAME_DOTS)
CONJUNCTIONS = frozenset("和与及")  # what joins two names (`王建华和李明`)
PAUSES = frozenset("、，。；：,;:\n")  # the marks after which a list's item or a clause begins
QUOTES = "“”"  # the quotation marks of the folded text (`『』` fold to them)
NAME_CHAR = re.compile(rf"[{HAN_CLASS}A-Za-z0-9·{QUOTES}]")
YEAR_MARK = "’"  # a closing quotation mark, and the apostrophe of a two-digit year (`’98`)
ASPECT_MARKS = ("了", "过")  # aspect particles between a verb and its object (`出席了晚会`, `举办了“…”`)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, the longest first: `(?:w1|w2|…)` with the words
    ordered by length, written as a tree of their shared beginnings (`(?:中(?:央|国)|…)`), where
    the one character that can follow each beginning is chosen at once, and not by trying
    every word in turn. It matches, and backtracks, as the flat alternation does: the words
    that match at a position are beginnings of one another, and are tried the longest first."""
    return "(?:" + _tree(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def _tree(words: list[str]) -> str:
    """The alternatives of `words` (ordered by length, each without the shared beginning that the
    caller wrote), grouped by their first character; the empty word last."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
    branches, single = [], []
    for first, rests in groups.items():
        if rests == [""]:
            single.append(first)
        else:
            branches.append(re.escape(first) + "(?:" + _tree(rests) + ")")
    if len(single) == 1:
        branches.append(re.escape(single[0]))
    elif single:
        branches.append("[" + "".join(re.escape(c) for c in single) + "]")
    if "" in words:
        branches.append("")
    return "|".join(branches)


def protected(text: str, start: int, end: int, protected: tuple[str, ...]) -> bool:
    """Whether [start, end) lies inside an occurrence of a protected word."""
    for word in protected:
        first = max(0, end - len(word))
        found = text.find(word, first, start + len(word))
        if found != -1 and found <= start and end <= found + len(word):
            return True
    return False
