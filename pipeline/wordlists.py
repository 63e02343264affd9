"""Finding the longest word of a list at a position of a text, in as many set lookups as the
list has word lengths (not one comparison per word): what the recognition and relation rules
ask of their word lists at almost every character."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

Built = TypeVar("Built")
MAX_CACHED = 64


def by_identity(build: Callable[[Any], Built]) -> Callable[[Any], Built]:
    """`build(value)` built once per object: cached by the object's identity, not its hash (a
    tuple's hash is computed again, element by element, at every call: too slow for the word
    lists asked at every character). The cache holds the objects, so their ids stay theirs."""
    cache: dict[int, tuple[Any, Built]] = {}

    @wraps(build)
    def cached(value: Any) -> Built:
        entry = cache.get(id(value))
        if entry is None or entry[0] is not value:
            if len(cache) >= MAX_CACHED:
                cache.clear()
            entry = cache[id(value)] = (value, build(value))
        return entry[1]

    return cached


@by_identity
def word_set(words: tuple[str, ...]) -> frozenset[str]:
    """A word list as a set, built once per list."""
    return frozenset(words)


@by_identity
def by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    lengths = sorted({len(w) for w in words}, reverse=True)
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)


def word_at(text: str, start: int, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that begins at `start` in `text`, if any."""
    for length, group in by_length(words):
        if text[start:start + length] in group:
            return text[start:start + length]
    return None


def ends_with_any(text: str, end: int, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that ends at `end` in `text`, if any."""
    for length, group in by_length(words):
        if length <= end and text[end - length:end] in group:
            return text[end - length:end]
    return None


def starts_with_any(text: str, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that `text` starts with, if any."""
    return word_at(text, 0, words)
