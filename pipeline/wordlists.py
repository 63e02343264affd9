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
def by_first(words: tuple[str, ...]) -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    """First character → the lengths of the words that begin with it, the longest first, each with
    those words; "" → the empty word's group, where the list has one (it begins anywhere)."""
    return _grouped(words, 0)


@by_identity
def by_last(words: tuple[str, ...]) -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    """`by_first` for the last character."""
    return _grouped(words, -1)


def _grouped(words: tuple[str, ...], edge: int) -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    empty = ((0, frozenset({""})),) if "" in words else ()
    lengths: dict[str, dict[int, set[str]]] = {}
    for word in words:
        if word:
            lengths.setdefault(word[edge], {}).setdefault(len(word), set()).add(word)
    grouped = {char: tuple((n, frozenset(group[n])) for n in sorted(group, reverse=True)) + empty
               for char, group in lengths.items()}
    grouped[""] = empty
    return grouped


def word_at(text: str, start: int, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that begins at `start` in `text`, if any."""
    groups = by_first(words)
    for length, group in groups.get(text[start:start + 1], groups[""]):
        if text[start:start + length] in group:
            return text[start:start + length]
    return None


def ends_with_any(text: str, end: int, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that ends at `end` in `text`, if any."""
    groups = by_last(words)
    for length, group in groups.get(text[end - 1:end] if end > 0 else "", groups[""]):
        if length <= end and text[end - length:end] in group:
            return text[end - length:end]
    return None


def words_ending(text: str, end: int, words: tuple[str, ...]) -> list[str]:
    """All of `words` that end at `end` in `text`, the longest first."""
    groups = by_last(words)
    return [text[end - length:end] for length, group in groups.get(text[end - 1:end] if end > 0 else "", groups[""])
            if length <= end and text[end - length:end] in group]


def starts_with_any(text: str, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that `text` starts with, if any."""
    return word_at(text, 0, words)
