"""Entity spans from a character tagger's BILUO scores: the best tag sequence that the BILUO
scheme allows (Viterbi), found only where the tagger is unsure.

Where the tagger gives `O` a probability of at least `SURE_OUTSIDE`, the character is taken as
outside; the runs of characters between such ones are decoded independently, all runs of a batch
at once, so that a batch costs a few numpy operations per character of its longest run."""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

SURE_OUTSIDE = 0.99
NEVER = -1e9


class Scheme(NamedTuple):
    """The tagger's labels and which tag sequences BILUO allows, as additive log weights."""

    labels: tuple[str, ...]
    outside: int  # index of "O"
    transition: np.ndarray  # [previous, next]
    first: np.ndarray  # tags a run may start with (after an O)
    types: tuple[str, ...]  # entity type of each label ("" for O)


def biluo_scheme(labels: tuple[str, ...] | list[str]) -> Scheme:
    """The scheme of a tagger whose labels are `O` and `B-`/`I-`/`L-`/`U-` + a type."""
    labels = tuple(labels)
    moves = [label[0] if label != "O" else "O" for label in labels]
    types = tuple(label[2:] for label in labels)
    allowed = np.zeros((len(labels), len(labels)), dtype=bool)
    for a, move in enumerate(moves):
        for b, nxt in enumerate(moves):
            if move in "BI":
                allowed[a, b] = nxt in "IL" and types[b] == types[a]
            else:
                allowed[a, b] = nxt in "BUO"
    first = np.array([move in "BUO" for move in moves])
    return Scheme(labels, labels.index("O"), np.where(allowed, 0.0, NEVER), np.where(first, 0.0, NEVER), types)


def log_softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def unsure_runs(logp: np.ndarray, outside: int, breaks: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of the runs of rows not surely outside, never across a row in `breaks`
    (the first rows of the documents concatenated in `logp`)."""
    unsure = logp[:, outside] < np.log(SURE_OUTSIDE)
    edges = np.diff(np.concatenate(([False], unsure, [False])).astype(np.int8))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    runs: list[tuple[int, int]] = []
    for start, end in zip(starts.tolist(), ends.tolist()):
        inner = breaks[(breaks > start) & (breaks < end)].tolist()
        runs += list(zip([start, *inner], [*inner, end]))
    return runs


def best_tags(logp: np.ndarray, runs: list[tuple[int, int]], scheme: Scheme) -> np.ndarray:
    """The best allowed tag of every row in `runs`, each run decoded between two O tags (padded
    with rows where only O is possible); the tags of other rows are O."""
    tags = np.full(len(logp), scheme.outside)
    if not runs:
        return tags
    n_tags, width = len(scheme.labels), max(end - start for start, end in runs) + 1
    padded = np.full((len(runs), width, n_tags), NEVER)
    padded[:, :, scheme.outside] = 0.0
    for k, (start, end) in enumerate(runs):
        padded[k, : end - start] = logp[start:end]
    score = padded[:, 0] + scheme.first
    back = np.zeros((len(runs), width, n_tags), dtype=np.int64)
    for t in range(1, width):
        candidates = score[:, :, None] + scheme.transition
        back[:, t] = candidates.argmax(axis=1)
        score = np.take_along_axis(candidates, back[:, t][:, None, :], axis=1)[:, 0] + padded[:, t]
    path = np.empty((len(runs), width), dtype=np.int64)
    path[:, -1] = scheme.outside  # the last padding row is O, which ends every entity before it
    for t in range(width - 1, 0, -1):
        path[:, t - 1] = back[np.arange(len(runs)), t, path[:, t]]
    for k, (start, end) in enumerate(runs):
        tags[start:end] = path[k, : end - start]
    return tags


def decode(scores: list[np.ndarray], scheme: Scheme) -> list[list[tuple[int, int, str]]]:
    """Entity spans (start, end, type), in token offsets, of each document's tagger scores."""
    lengths = [len(s) for s in scores]
    if not sum(lengths):
        return [[] for _ in scores]
    logp = log_softmax(np.concatenate(scores).astype(np.float64))
    offsets = np.cumsum([0, *lengths])
    tags = best_tags(logp, unsure_runs(logp, scheme.outside, offsets[1:-1]), scheme)
    moves = np.array([label[0] for label in scheme.labels])[tags]
    starts, ends = np.flatnonzero(np.isin(moves, ("B", "U"))), np.flatnonzero(np.isin(moves, ("L", "U"))) + 1
    spans: list[list[tuple[int, int, str]]] = [[] for _ in scores]
    for start, end in zip(starts.tolist(), ends.tolist()):
        doc = int(np.searchsorted(offsets, start, side="right")) - 1
        spans[doc].append((start - offsets[doc], end - offsets[doc], scheme.types[tags[start]]))
    return spans
