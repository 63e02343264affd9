"""Matching word lists against a text at a position: the helpers the recognition rules share."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

HAN_CLASS = "\u4e00-\u9fff\u3400-\u4dbf"
NAME_CHAR = re.compile(rf"[{HAN_CLASS}A-Za-z0-9·“”]")


def alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def ends_with_any(text: str, end: int, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that ends at `end` in `text`, if any."""
    for length, group in by_length(words):
        if length <= end and text[end - length:end] in group:
            return text[end - length:end]
    return None


@lru_cache(maxsize=32)
def by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    lengths = sorted({len(w) for w in words}, reverse=True)
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)


def protected(text: str, start: int, end: int, protected: tuple[str, ...]) -> bool:
    """Whether [start, end) lies inside an occurrence of a protected word."""
    for word in protected:
        first = max(0, end - len(word))
        found = text.find(word, first, start + len(word))
        if found != -1 and found <= start and end <= found + len(word):
            return True
    return False


def starts_with_any(text: str, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that `text` starts with, if any."""
    for length, group in by_length(words):
        if text[:length] in group:
            return text[:length]
    return None
