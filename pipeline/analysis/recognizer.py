"""The trained recognizer as the spaCy component `zhkg_ner`, read a bounded number of
characters at a time: the entities, and the words with their part of speech where the model has a
`words` component."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

import numpy as np
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from spacy.vocab import Vocab
from thinc.api import Model, use_ops
from thinc.layers import layernorm, maxout
from threadpoolctl import threadpool_limits

from pipeline.analysis import embedding  # noqa: F401  (registers the shipped model's embedding layer)
from pipeline.analysis.doctext import analysed_text, char_doc
from pipeline.analysis.matching import NAME_DOTS_SET
from pipeline.analysis.tagging import biluo_scheme, decode
from pipeline.analysis.words import decode_words, word_scheme
from pipeline.config import DEFAULT_NER_MODEL, NER_CHARS

Word = tuple[int, int, str]
NUMERALS = frozenset("0123456789〇一二三四五六七八九十")

if not Doc.has_extension("zhkg_words"):
    Doc.set_extension("zhkg_words", default=None)


def sentence_pieces(sentences: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Spans that cover `sentences`: consecutive sentences joined while the span stays within
    `max_chars` characters (the text between two pieces is blank)."""
    pieces: list[tuple[int, int]] = []
    for start, end in sentences:
        if pieces and end - pieces[-1][0] <= max_chars:
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    return pieces


def fill(units: Iterable[tuple[int, int, Doc]], max_chars: int) -> Iterator[list[tuple[int, int, Doc]]]:
    """(doc index, offset, piece) units in groups of at most `max_chars` characters (at least one)."""
    group: list[tuple[int, int, Doc]] = []
    size = 0
    for unit in units:
        length = len(analysed_text(unit[2]))
        if group and size + length > max_chars:
            yield group
            group, size = [], 0
        group.append(unit)
        size += length
    if group:
        yield group


class ModelEntities:
    """spaCy component: the trained recognizer (a pipeline folder on character tokens, loaded into
    this pipeline's vocab) sets `doc.ents`. The recognizer is a `tagger` whose labels are BILUO
    tags (decoded by `pipeline.analysis.tagging`) or an `ner` component. When it has a `words`
    component (a tagger over position-in-word x part-of-speech labels, decoded by
    `pipeline.analysis.words`), it also sets `doc._.zhkg_words`: (start, end, part of speech) in
    character offsets, in order, every character but blanks in one word (None without one). It reads at most
    `max_chars` characters at a time: long documents in pieces of whole sentences, short ones
    several together. Its working memory, about 7 KB a character (thinc keeps every layer's
    activations), is so bounded by `max_chars`, whatever the length of the documents or the
    number in a batch."""

    def __init__(self, model: Language, max_chars: int):
        self.model, self.max_chars = model, max_chars
        self.tagger = model.get_pipe("tagger") if "tagger" in model.pipe_names else None
        self.scheme = biluo_scheme(self.tagger.labels) if self.tagger else None
        self.words = model.get_pipe("words") if "words" in model.pipe_names else None
        self.word_scheme = word_scheme(self.words.labels) if self.words else None
        self.encoders = [pipe for name, pipe in model.pipeline
                         if pipe is not self.tagger and name != "words"]  # all of an `ner` model

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self._recognise(batch)
            yield from batch

    def _recognise(self, docs: list[Doc]) -> None:
        """Short documents are read as they are; long ones in pieces, whose entities and words are
        then set on the document at their offsets."""
        found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        words: list[list[Word]] = [[] for _ in docs]
        for group in fill(self._units(docs), self.max_chars):
            indices, starts, pieces = zip(*group)
            for i, start, spans, piece_words in zip(indices, starts, *self._analyse(list(pieces), list(starts))):
                found[i].extend((start + s, start + e, label) for s, e, label in spans)
                words[i].extend(piece_words)
        for doc, spans, doc_words in zip(docs, found, words):
            doc.set_ents([span for s, e, label in spans if (span := doc.char_span(s, e, label)) is not None])
            doc._.zhkg_words = doc_words if self.words else None

    def _units(self, docs: list[Doc]) -> Iterator[tuple[int, int, Doc]]:
        """(doc index, offset, piece) of each document, or of each of its pieces, made one at a
        time (a long document's pieces are not all held at once)."""
        for i, doc in enumerate(docs):
            if len(text := analysed_text(doc)) <= self.max_chars:
                yield i, 0, doc
            else:
                for start, end in sentence_pieces(doc._.zhkg_sentences or [], self.max_chars):
                    yield i, start, char_doc(self.model.vocab, text[start:end])

    def _analyse(self, pieces: list[Doc], offsets: list[int]) -> tuple[list[list[tuple[int, int, str]]], list[list[Word]]]:
        """Of each piece: the (start, end, label) character offsets of its entities, and its words
        at the piece's offset in its document."""
        for component in self.encoders:
            pieces = list(component.pipe(pieces, batch_size=len(pieces)))
        tokens = [piece.to_array([IDX, LENGTH, IS_SPACE, SPACY]).astype(np.int64).reshape(-1, 4) for piece in pieces]
        words = self._words(pieces, offsets, tokens) if self.words else [[] for _ in pieces]
        if not self.tagger:
            return [[(e.start_char, e.end_char, e.label_) for e in piece.ents] for piece in pieces], words
        return [_unblanked_spans(analysed_text(piece), t, spans)
                for piece, t, spans in zip(pieces, tokens, decode(self.tagger.model.predict(pieces), self.scheme))], words

    def _words(self, pieces: list[Doc], offsets: list[int], tokens: list[np.ndarray]) -> list[list[Word]]:
        """(start, end, part of speech) character offsets, plus the piece's offset, of the words of
        each piece (whose tok2vec the encoders have set; `tokens`: its rows (idx, length, is space,
        trailing space)): a word never holds a blank, nor a character's trailing space."""
        pos = np.array(self.word_scheme.pos)
        words = []
        forced = [_after_blank(t) | _at_name_dots(analysed_text(piece), t) for piece, t in zip(pieces, tokens)]
        decoded = decode_words(self.words.model.predict(pieces), self.word_scheme, forced)
        for t, offset, (starts, ends, tags) in zip(tokens, offsets, decoded):
            keep = (ends - starts > 1) | (t[starts, 2] == 0)
            first, last = offset + t[starts[keep], 0], offset + t[ends[keep] - 1, 0] + t[ends[keep] - 1, 1]
            words.append(list(zip(first.tolist(), last.tolist(), pos[tags[keep]].tolist())))
        return words


def _after_blank(tokens: np.ndarray) -> np.ndarray:
    """Of tokens as rows (idx, length, is space, trailing space): which are a blank or follow a blank
    or a trailing space (where a word must begin)."""
    blank = tokens[:, 2] > 0
    after = np.zeros(len(tokens), dtype=bool)
    after[1:] = blank[1:] | blank[:-1] | (tokens[:-1, 3] > 0)
    return after


def _at_name_dots(text: str, tokens: np.ndarray) -> np.ndarray:
    """Of tokens as rows (idx, ...) of `text`: which are a name's middle dot or follow one (where a
    word must begin: `中国|·|哈尔滨`, `艾力更|·|依明巴海`; the model may read the dot as a word's first
    or last character). Not a dot between numerals (`九·一八`, a date)."""
    at = np.zeros(len(tokens), dtype=bool)
    if NAME_DOTS_SET.isdisjoint(text):
        return at
    dots = [i for i, char in enumerate(text) if char in NAME_DOTS_SET
            and not (text[i - 1:i] in NUMERALS and text[i + 1:i + 2] in NUMERALS)]
    rows = np.searchsorted(tokens[:, 0], dots)
    at[rows] = True
    at[rows[rows + 1 < len(tokens)] + 1] = True
    return at


def _unblanked(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """The character offsets of tokens [start, end) of `doc` without the blanks, symbols and emoji
    at either edge (a name never begins or ends with a line break or a 😀); None when nothing else
    is left."""
    tokens = doc.to_array([IDX, LENGTH]).astype(np.int64).reshape(-1, 2)
    return next(iter(_unblanked_spans(analysed_text(doc), tokens, [(start, end, label)])), None)


def _unblanked_spans(text: str, tokens: np.ndarray, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The character offsets of the spans [start, end) of tokens (of a doc of `text`, whose
    tokens are the rows (idx, length, ...) of `tokens`) without the blanks, symbols and emoji at
    either edge (a name never begins or ends with a line break or a 😀); a span where nothing
    else is left is dropped."""
    if not spans:
        return []
    idx, length = tokens[:, 0].tolist(), tokens[:, 1].tolist()
    found = []
    for start, end, label in spans:
        while start < end and _no_name_edge(text[idx[start]:idx[start] + length[start]]):
            start += 1
        while end > start and _no_name_edge(text[idx[end - 1]:idx[end - 1] + length[end - 1]]):
            end -= 1
        if start < end:
            found.append((idx[start], idx[end - 1] + length[end - 1], label))
    return found


def _no_name_edge(token: str) -> bool:
    """A separator, control character or symbol (Unicode categories Z, C, S)."""
    return unicodedata.category(token[0])[0] in "ZCS" or token.isspace()


def load_recognizer(model: str, vocab: Vocab | bool = True, exclude: Iterable[str] = ()) -> Language:
    """The recognizer's pipeline folder `model` ("default": the shipped one), computing with
    numpy's BLAS on one thread (the pipeline runs in parallel by processes), not with thinc's
    BLIS, whose generic kernel is slower on common CPUs; the results are the same."""
    threadpool_limits(1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(DEFAULT_NER_MODEL if model == "default" else model, vocab=vocab, exclude=list(exclude))
    for _, pipe in nlp.pipeline:
        if isinstance(getattr(pipe, "model", None), Model):
            for node in pipe.model.walk():
                if node._func is layernorm.forward:
                    node._func = _layer_norm_forward
                elif node._func is maxout.forward:
                    node._func = _maxout_forward
    return nlp


def _layer_norm_forward(model: Model, X: np.ndarray, is_train: bool):
    """thinc's LayerNorm forward; in prediction the same operations in the same order as thinc's
    (numpy's `mean` and `var`: row sums by `np.add.reduce` divided by the width, the squared
    deviations summed the same way), so bit-identical, with the deviations computed once and
    scaled in place, at about two thirds of its cost."""
    if is_train or X.dtype != np.float32 or X.ndim != 2:
        return layernorm.forward(model, X, is_train)
    width = np.intp(X.shape[1])  # numpy divides by the count as an intp
    mean = np.add.reduce(X, axis=1, keepdims=True)
    np.true_divide(mean, width, out=mean, casting="unsafe")
    Y = X - mean
    var = np.add.reduce(np.square(Y), axis=1, keepdims=True)
    np.true_divide(var, width, out=var, casting="unsafe")
    var += 1e-08
    Y *= var ** (-1.0 / 2.0)
    Y *= model.get_param("G")
    Y += model.get_param("b")
    return Y, _no_backprop


def _maxout_forward(model: Model, X: np.ndarray, is_train: bool):
    """thinc's Maxout forward; in prediction the greatest piece taken by `np.maximum` (the same
    value) without the index of the piece that gives it, which only training needs."""
    if is_train or X.dtype != np.float32 or X.ndim != 2:
        return maxout.forward(model, X, is_train)
    n_out, pieces = model.get_dim("nO"), model.get_dim("nP")
    W = model.ops.reshape2f(model.get_param("W"), n_out * pieces, model.get_dim("nI"))
    Y = model.ops.gemm(X, W, trans2=True)
    Y += model.ops.reshape1f(model.get_param("b"), n_out * pieces)
    Z = Y.reshape(len(Y), n_out, pieces)
    best = np.maximum(Z[:, :, 0], Z[:, :, 1]) if pieces > 1 else Z[:, :, 0].copy()
    for piece in range(2, pieces):
        np.maximum(best, Z[:, :, piece], out=best)
    return best, _no_backprop


def _no_backprop(dY: np.ndarray) -> np.ndarray:
    raise NotImplementedError("a prediction-only forward has no backprop")


@Language.factory("zhkg_ner", default_config={"model": None, "max_chars": NER_CHARS},
                  requires=["doc._.zhkg_sentences"], assigns=["doc.ents", "doc._.zhkg_words"])
def make_model_entities(nlp: Language, name: str, model: str, max_chars: int) -> ModelEntities:
    """`model`: a spaCy pipeline folder, or "default" for the shipped one."""
    return ModelEntities(load_recognizer(model, nlp.vocab), max_chars)
