"""Word segmentation with the shipped pkuseg model, where a word decides.

The analysed `Doc` keeps one token per character (the recognizer is trained on characters,
and entity boundaries often fall inside pkuseg words). Word-level patterns ask this module
whether a span of text is a whole word, segmenting only a small window around it.
"""
from __future__ import annotations

from pathlib import Path

WINDOW = 6


class WordCheck:
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


def load_word_check(model_dir: str | Path | None) -> WordCheck | None:
    """The word check of a pkuseg model folder, or None when there is none."""
    return WordCheck(model_dir) if model_dir and Path(model_dir).is_dir() else None
