"""The recognizer's character embedding: each character embedded with the character before it and
the one after it as two bigrams, besides itself and its static vector (character bigrams are the
feature that lifts Chinese character-level NER most in published comparisons)."""
from __future__ import annotations

import numpy as np
from spacy.attrs import ORTH
from spacy.ml.staticvectors import StaticVectors
from spacy.ml.staticvectors import forward as static_vectors_forward
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vectors import Mode, Vectors
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.layers.hashembed import forward as hash_embed_forward
from thinc.types import Floats2d, Ints2d, Ragged

_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant: (a * _MIX) ^ b keeps the order of a and b


def char_ngram_ids(docs: list[Doc]) -> list[np.ndarray]:
    """For each token: its ORTH id, and ids of the bigrams it forms with the previous and the
    next token (0 past either end), as an (n, 3) uint64 array per doc."""
    out = []
    for doc in docs:
        orth = doc.to_array([ORTH]).astype(np.uint64).reshape(-1)
        before = np.concatenate((np.zeros(1, np.uint64), orth[:-1]))
        after = np.concatenate((orth[1:], np.zeros(1, np.uint64)))
        with np.errstate(over="ignore"):
            out.append(np.stack([orth, (before * _MIX) ^ orth, (orth * _MIX) ^ after], axis=1))
    return out


_last_ngrams: tuple[list[Doc], list[np.ndarray]] = ([], [])  # the docs of the last call, and their ids


def _ngram_features(model: Model, docs: list[Doc], is_train: bool):
    """The ids of `char_ngram_ids`; those of the last call's docs again when given the same docs
    (the recognizer's tok2vec and its words head embed the same batch one after the other)."""
    global _last_ngrams
    last_docs, last_ids = _last_ngrams
    if len(docs) == len(last_docs) and all(a is b and len(a) == len(i) for a, b, i in zip(docs, last_docs, last_ids)):
        ids = last_ids
    else:
        ids = char_ngram_ids(docs)
        _last_ngrams = (list(docs), ids)
    return [model.ops.asarray2i(i, dtype="uint64") for i in ids], lambda d: []


def _hash_embed_forward(model: Model, ids: np.ndarray, is_train: bool):
    """thinc's HashEmbed forward; in prediction its four rows summed a column of keys at a time
    with numpy, which gives the same sums as thinc's row-by-row `gather_add` (added to zeros in
    the same order) at about a third of its cost: the rows of a column are taken by `np.take`
    with native indices (all in range, so "clip" clips nothing) into one reused buffer."""
    if is_train or not len(ids):
        return hash_embed_forward(model, ids, is_train)
    table = model.get_param("E")
    keys = model.ops.hash(model.ops.as_contig(ids, dtype="uint64"), model.attrs["seed"]) % table.shape[0]
    output = np.zeros((len(keys), table.shape[1]), dtype=table.dtype)
    rows = np.empty_like(output)
    for column in np.ascontiguousarray(keys.T, dtype=np.intp):
        output += np.take(table, column, axis=0, out=rows, mode="clip")
    return output, lambda d_output: model.ops.alloc1i(len(ids))


def _hash_embed(width: int, rows: int, column: int, seed: int) -> Model:
    """thinc's `HashEmbed` (the same layer, parameters and training) with a faster prediction."""
    model = HashEmbed(width, rows, column=column, seed=seed, dropout=0.0)
    model.layers[-1]._func = _hash_embed_forward
    return model


class _ProjectedVectors:
    """spaCy's StaticVectors forward; in prediction the keys' rows found by a binary search in the
    sorted keys instead of by `Vectors.find` a key at a time, and, on a batch of at least
    `MIN_ROWS` tokens, the rows of the whole vectors table projected once (`gemm(vectors, W.T)`,
    redone when W or the table changes) instead of the batch's vectors projected at each call.
    That holds only where BLAS computes a row of a product the same whatever the other rows of a
    large enough matrix (its kernel for small ones sums in another order), which is checked on the
    first projection: where it does not (OpenBLAS's kernels sum a row by its place in the
    matrix), the batch's vectors are projected as spaCy does."""

    MIN_ROWS = 256

    def __init__(self) -> None:
        self.weights: np.ndarray | None = None
        self.data: np.ndarray | None = None
        self.projected: np.ndarray | None = None
        self.exact: bool | None = None
        self.keys = np.zeros(0, dtype=np.uint64)  # the vectors' keys, sorted, and their rows
        self.rows = np.zeros(0, dtype=np.int64)

    def __call__(self, model: Model, docs: list[Doc], is_train: bool):
        vectors = docs[0].vocab.vectors if docs else None
        if (is_train or not sum(len(doc) for doc in docs) or not isinstance(vectors, Vectors)
                or vectors.mode != Mode.default or not len(vectors.key2row)):
            return static_vectors_forward(model, docs, is_train)
        projected = self._projection(model, vectors)
        keys = model.ops.flatten([doc.to_array(getattr(vectors, "attr", ORTH)) for doc in docs])
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        rows = np.where(self.keys[at] == keys, self.rows[at], -1)  # vectors.find(keys=keys)
        if projected is not None and len(rows) >= self.MIN_ROWS:
            output = projected[rows]
        else:
            batch = model.ops.as_contig(model.ops.asarray(vectors.data)[rows])
            output = model.ops.gemm(batch, self.weights, trans2=True)
        output[rows < 0] = 0
        return Ragged(output, model.ops.asarray1i([len(doc) for doc in docs])), lambda d_output: []

    def _projection(self, model: Model, vectors: Vectors) -> np.ndarray | None:
        """The whole table projected where that is exact (None elsewhere); the sorted keys and
        the weights brought up to date either way."""
        weights = model.ops.as_contig(model.get_param("W"))
        if (self.data is not vectors.data or len(self.keys) != len(vectors.key2row) or self.weights is None
                or not np.array_equal(self.weights, weights)):
            data = model.ops.asarray(vectors.data)
            self.projected = model.ops.gemm(data, weights, trans2=True)
            self.weights, self.data = weights.copy(), vectors.data
            keys, rows = (np.array(column, dtype=dtype) for column, dtype in
                          zip(zip(*vectors.key2row.items()), (np.uint64, np.int64)))
            order = np.argsort(keys)
            self.keys, self.rows = keys[order], rows[order]
            if self.exact is None:
                rng = np.random.default_rng(0)
                self.exact = all(np.array_equal(model.ops.gemm(data[some], weights, trans2=True), self.projected[some])
                                 for some in (rng.integers(0, len(data), n) for n in (self.MIN_ROWS, 4096)))
        return self.projected if self.exact else None


def _static_vectors(width: int) -> Model:
    """spaCy's `StaticVectors` (the same layer, parameters and training) with a faster prediction."""
    model = StaticVectors(width, dropout=0.0)
    model._func = _ProjectedVectors()
    return model


@registry.architectures("zhkg.CharNgramEmbed.v1")
def char_ngram_embed(width: int, rows: int, bigram_rows: int,
                     include_static_vectors: bool) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of the character (`rows`) and of its two bigrams (`bigram_rows` each),
    with the static character vectors when `include_static_vectors`, mixed by a Maxout layer."""
    tables = [_hash_embed(width, n, column=i, seed=8 + i) for i, n in enumerate((rows, bigram_rows, bigram_rows))]
    features: Model[list[Doc], list[Ints2d]] = Model("zhkg_char_ngrams", _ngram_features)
    embedded = chain(features, list2ragged(), with_array(concatenate(*tables)))
    if include_static_vectors:
        embedded = concatenate(embedded, _static_vectors(width))
    mixed = with_array(Maxout(width, width * (len(tables) + include_static_vectors), nP=3, dropout=0.0,
                              normalize=True))
    return chain(embedded, mixed, ragged2list())
