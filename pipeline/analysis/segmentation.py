"""Whether a span of text is a whole word, where a word decides (a relation trigger).

The analysed `Doc` keeps one token per character (the recognizer is trained on characters,
and entity boundaries often fall inside words). The recognizer's word analysis
(`doc._.zhkg_words`) answers it; without one, the shipped pkuseg model does, segmenting only
a small window around the span.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path

WINDOW = 6


class Segmenter:
    """`check(text, start, end)`: whether text[start:end] is one or more whole pkuseg words."""

    def __init__(self, model_dir: str | Path):
        import spacy_pkuseg

        self.segmenter = spacy_pkuseg.pkuseg(model_name=str(model_dir), user_dict=None)

    def __call__(self, text: str, start: int, end: int) -> bool:
        left = max(0, start - WINDOW)
        window = text[left:end + WINDOW]
        bounds, pos = {left}, 0
        for word in self.segmenter.cut(window):
            pos = window.find(word, pos) + len(word)  # the segmenter drops whitespace
            bounds.add(left + pos)
        return start in bounds and end in bounds


def load_word_check(model_dir: str | Path | None) -> Segmenter | None:
    """The word check of a pkuseg model folder, or None when there is none."""
    return Segmenter(model_dir) if model_dir and Path(model_dir).is_dir() else None


def word_boundaries(words: list[tuple[int, int, str]]) -> Callable[[str, int, int], bool]:
    """The word check of a word analysis (`doc._.zhkg_words`: start, end, part of speech, in text
    order, never overlapping): whether text[start:end] begins and ends at its word boundaries."""
    return lambda text, start, end: is_boundary(words, start) and is_boundary(words, end)


def is_boundary(words: list[tuple[int, int, str]], pos: int) -> bool:
    """Whether a word of `words` (in text order, never overlapping) begins or ends at `pos`: the
    first word that begins there or later, or the one before it, which alone may end there."""
    i = bisect_left(words, (pos,))
    return (i < len(words) and words[i][0] == pos) or (i > 0 and words[i - 1][1] == pos)
