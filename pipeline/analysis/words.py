"""Words and their part of speech from a character tagger whose labels are a position in the word
(`B`egin, `I`nside, `E`nd, `S`ingle) and a part of speech, e.g. `B-ns`, `E-ns`, `S-v`.

Decoding is consistent by construction and costs a few numpy operations per batch: a word begins
at a character where the model's probability of a word beginning there (B or S), averaged with
that of a word ending just before (E or S on the previous character), exceeds one half; each word
then takes the part of speech whose labels, at the word's positions, have the highest summed
score (the summed log probability less a constant of the word)."""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from pipeline.analysis.tagging import NEVER

POSITIONS = "BIES"


class WordScheme(NamedTuple):
    """The tagger's labels as a (position, part of speech) grid of label columns."""

    pos: tuple[str, ...]
    columns: np.ndarray  # [position in POSITIONS, part of speech] -> label index (0 where absent)
    absent: np.ndarray  # [position, part of speech] -> NEVER where that label is absent, else 0
    sums: np.ndarray  # [label, (all, begins a word, ends a word)] -> 1 or 0


def word_scheme(labels: tuple[str, ...] | list[str]) -> WordScheme:
    """The scheme of a tagger whose labels are `B-`/`I-`/`E-`/`S-` + a part of speech."""
    labels = tuple(labels)
    pos = tuple(sorted({label[2:] for label in labels}))
    columns = np.full((len(POSITIONS), len(pos)), -1)
    for index, label in enumerate(labels):
        columns[POSITIONS.index(label[0]), pos.index(label[2:])] = index
    sums = np.array([(1, label[0] in "BS", label[0] in "ES") for label in labels], dtype=np.float32)
    return WordScheme(pos, np.maximum(columns, 0), np.where(columns < 0, NEVER, 0.0).astype(np.float32), sums)


def word_starts(scores: np.ndarray, scheme: WordScheme) -> np.ndarray:
    """Whether a word begins at each row of `scores` (logits; the first row always begins one)."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    totals = np.exp(shifted, out=shifted) @ scheme.sums
    begin, end = totals[:, 1] / totals[:, 0], totals[:, 2] / totals[:, 0]
    return begin + np.concatenate(([1.0], end[:-1])) > 1.0


def word_tags(scores: np.ndarray, starts: np.ndarray, scheme: WordScheme) -> np.ndarray:
    """The best part of speech (index into `scheme.pos`) of each word, the words beginning at the
    rows `starts` (`starts[0]` is 0)."""
    ends = np.append(starts[1:], len(scores))
    position = np.full(len(scores), POSITIONS.index("I"))
    position[ends - 1] = POSITIONS.index("E")
    position[starts] = POSITIONS.index("B")
    position[starts[ends - starts == 1]] = POSITIONS.index("S")
    grid = scores[:, scheme.columns.ravel()].reshape(len(scores), *scheme.columns.shape)  # [row, position, pos]
    chosen = grid[np.arange(len(scores)), position] + scheme.absent[position]
    return np.add.reduceat(chosen, starts, axis=0).argmax(axis=1)


def decode_words(scores: list[np.ndarray], scheme: WordScheme,
                 forced: list[np.ndarray] | None = None) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The words of each document's tagger scores as arrays (starts, ends, part-of-speech indices
    into `scheme.pos`), in row offsets; `forced`: per document, a mask of the rows where a word must
    begin whatever the scores."""
    lengths = [len(s) for s in scores]
    offsets = np.cumsum([0, *lengths])
    if not offsets[-1]:
        return [(np.zeros(0, np.int64),) * 3 for _ in scores]
    rows = np.concatenate(scores)
    begins = word_starts(rows, scheme)
    begins[offsets[:-1][np.array(lengths) > 0]] = True
    if forced is not None:
        begins |= np.concatenate(forced)
    starts = np.flatnonzero(begins)
    ends = np.append(starts[1:], len(rows))
    tags = word_tags(rows, starts, scheme)
    cuts = np.searchsorted(starts, offsets)
    return [(starts[a:b] - offset, ends[a:b] - offset, tags[a:b])
            for a, b, offset in zip(cuts[:-1], cuts[1:], offsets[:-1])]
