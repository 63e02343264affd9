"""Matching word lists against a text at a position: the helpers the recognition rules share."""
from __future__ import annotations

import re
from collections.abc import Iterable

HAN_CLASS = "\u4e00-\u9fff\u3400-\u4dbf"
NAME_CHAR = re.compile(rf"[{HAN_CLASS}A-Za-z0-9·“”]")


def alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def protected(text: str, start: int, end: int, protected: tuple[str, ...]) -> bool:
    """Whether [start, end) lies inside an occurrence of a protected word."""
    for word in protected:
        first = max(0, end - len(word))
        found = text.find(word, first, start + len(word))
        if found != -1 and found <= start and end <= found + len(word):
            return True
    return False
