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
    unsure, breaks = logp[:, outside] < np.log(SURE_OUTSIDE), np.asarray(breaks, dtype=np.int64)
    cut = np.zeros(len(unsure) + 1, dtype=bool)
    cut[breaks[(breaks > 0) & (breaks < len(unsure))]] = True
    before, here = np.concatenate(([False], unsure)), np.concatenate((unsure, [False]))
    starts, ends = np.flatnonzero(here & (~before | cut)), np.flatnonzero(before & (~here | cut))
    return list(zip(starts.tolist(), ends.tolist()))


def best_tags(logp: np.ndarray, runs: list[tuple[int, int]], scheme: Scheme) -> np.ndarray:
    """The best allowed tag of every row in `runs`, each run decoded between two O tags (followed
    by a row where only O is possible); the tags of other rows are O. The runs are taken longest
    first, so that each step of the recursion computes only the runs still going on."""
    tags = np.full(len(logp), scheme.outside)
    if not runs:
        return tags
    bounds = np.array(runs, dtype=np.int64).reshape(-1, 2)
    order = np.argsort(bounds[:, 0] - bounds[:, 1], kind="stable")  # longest first
    starts, lengths = bounds[order, 0], bounds[order, 1] - bounds[order, 0]
    n_runs, n_tags, width = len(runs), len(scheme.labels), int(lengths[0]) + 1
    run_of = np.repeat(np.arange(n_runs), lengths)
    step = np.arange(len(run_of)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    rows = np.repeat(starts, lengths) + step
    padded = np.full((n_runs, width, n_tags), NEVER)
    padded[:, :, scheme.outside] = 0.0
    padded[run_of, step] = logp[rows]
    active = np.searchsorted(-lengths, -np.arange(width), side="right")  # runs with length >= t
    score = padded[:, 0] + scheme.first
    back = np.zeros((n_runs, width, n_tags), dtype=np.int64)
    for t in range(1, width):
        k = active[t]
        candidates = score[:k, :, None] + scheme.transition
        back[:k, t] = candidates.argmax(axis=1)
        score = candidates.max(axis=1) + padded[:k, t]
    path = np.empty((n_runs, width), dtype=np.int64)
    current = np.full(n_runs, scheme.outside)  # the row after each run is O, which ends every entity
    for t in range(width - 1, 0, -1):
        k = active[t]
        current[:k] = back[np.arange(k), t, current[:k]]
        path[:k, t - 1] = current[:k]
    tags[rows] = path[run_of, step]
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
    docs = np.searchsorted(offsets, starts, side="right") - 1
    spans: list[list[tuple[int, int, str]]] = [[] for _ in scores]
    for doc, start, end, tag in zip(docs.tolist(), (starts - offsets[docs]).tolist(), (ends - offsets[docs]).tolist(),
                                    tags[starts].tolist()):
        spans[doc].append((start, end, scheme.types[tag]))
    return spans
