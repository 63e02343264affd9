"""The recognizer's character embedding: each character embedded with the character before it and
the one after it as two bigrams, besides itself and its static vector (character bigrams are the
feature that lifts Chinese character-level NER most in published comparisons)."""
from __future__ import annotations

import numpy as np
from spacy.attrs import ORTH
from spacy.ml.staticvectors import StaticVectors
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.layers.hashembed import forward as hash_embed_forward
from thinc.types import Floats2d, Ints2d

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


def _ngram_features(model: Model, docs: list[Doc], is_train: bool):
    return [model.ops.asarray2i(ids, dtype="uint64") for ids in char_ngram_ids(docs)], lambda d: []


def _hash_embed_forward(model: Model, ids: np.ndarray, is_train: bool):
    """thinc's HashEmbed forward; in prediction its four rows summed a column of keys at a time
    with numpy, which gives the same sums as thinc's row-by-row `gather_add` (added to zeros in
    the same order) at about half its cost."""
    if is_train or not len(ids):
        return hash_embed_forward(model, ids, is_train)
    table = model.get_param("E")
    keys = model.ops.hash(model.ops.as_contig(ids, dtype="uint64"), model.attrs["seed"]) % table.shape[0]
    output = np.zeros((len(keys), table.shape[1]), dtype=table.dtype)
    for column in keys.T:
        output += table[column]
    return output, lambda d_output: model.ops.alloc1i(len(ids))


def _hash_embed(width: int, rows: int, column: int, seed: int) -> Model:
    """thinc's `HashEmbed` (the same layer, parameters and training) with a faster prediction."""
    model = HashEmbed(width, rows, column=column, seed=seed, dropout=0.0)
    model.layers[-1]._func = _hash_embed_forward
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
        embedded = concatenate(embedded, StaticVectors(width, dropout=0.0))
    mixed = with_array(Maxout(width, width * (len(tables) + include_static_vectors), nP=3, dropout=0.0,
                              normalize=True))
    return chain(embedded, mixed, ragged2list())
