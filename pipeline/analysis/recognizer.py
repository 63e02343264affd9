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
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from pipeline.analysis import embedding  # noqa: F401  (registers the shipped model's embedding layer)
from pipeline.analysis.doctext import analysed_text, char_doc
from pipeline.analysis.tagging import biluo_scheme, decode
from pipeline.analysis.words import decode_words, word_scheme
from pipeline.config import DEFAULT_NER_MODEL, NER_CHARS

Word = tuple[int, int, str]

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
        units: list[tuple[int, int, Doc]] = []
        for i, doc in enumerate(docs):
            if len(text := analysed_text(doc)) <= self.max_chars:
                units.append((i, 0, doc))
            else:
                units += [(i, start, char_doc(self.model.vocab, text[start:end]))
                          for start, end in sentence_pieces(doc._.zhkg_sentences or [], self.max_chars)]
        found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        words: list[list[Word]] = [[] for _ in docs]
        for group in fill(units, self.max_chars):
            indices, starts, pieces = zip(*group)
            for i, start, spans, piece_words in zip(indices, starts, *self._analyse(list(pieces), list(starts))):
                found[i].extend((start + s, start + e, label) for s, e, label in spans)
                words[i].extend(piece_words)
        for doc, spans, doc_words in zip(docs, found, words):
            doc.set_ents([span for s, e, label in spans if (span := doc.char_span(s, e, label)) is not None])
            doc._.zhkg_words = doc_words if self.words else None

    def _analyse(self, pieces: list[Doc], offsets: list[int]) -> tuple[list[list[tuple[int, int, str]]], list[list[Word]]]:
        """Of each piece: the (start, end, label) character offsets of its entities, and its words
        at the piece's offset in its document."""
        for component in self.encoders:
            pieces = list(component.pipe(pieces, batch_size=len(pieces)))
        words = self._words(pieces, offsets) if self.words else [[] for _ in pieces]
        if not self.tagger:
            return [[(e.start_char, e.end_char, e.label_) for e in piece.ents] for piece in pieces], words
        return [[span for s, e, label in spans if (span := _unblanked(piece, s, e, label))]
                for piece, spans in zip(pieces, decode(self.tagger.model.predict(pieces), self.scheme))], words

    def _words(self, pieces: list[Doc], offsets: list[int]) -> list[list[Word]]:
        """(start, end, part of speech) character offsets, plus the piece's offset, of the words of
        each piece (whose tok2vec the encoders have set): a word never holds a blank, nor a
        character's trailing space."""
        tokens = [piece.to_array([IDX, LENGTH, IS_SPACE, SPACY]).astype(np.int64).reshape(-1, 4) for piece in pieces]
        pos = np.array(self.word_scheme.pos)
        words = []
        decoded = decode_words(self.words.model.predict(pieces), self.word_scheme, [_after_blank(t) for t in tokens])
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


def _unblanked(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """The character offsets of tokens [start, end) without the blanks, symbols and emoji at
    either edge (a name never begins or ends with a line break or a 😀); None when nothing else
    is left."""
    while start < end and _no_name_edge(doc[start].text):
        start += 1
    while end > start and _no_name_edge(doc[end - 1].text):
        end -= 1
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label) if start < end else None


def _no_name_edge(token: str) -> bool:
    """A separator, control character or symbol (Unicode categories Z, C, S)."""
    return unicodedata.category(token[0])[0] in "ZCS" or token.isspace()


def load_recognizer(model: str, vocab: Vocab | bool = True, exclude: Iterable[str] = ()) -> Language:
    """The recognizer's pipeline folder `model` ("default": the shipped one), computing with
    numpy's BLAS on one thread (the pipeline runs in parallel by processes), not with thinc's
    BLIS, whose generic kernel is slower on common CPUs; the results are the same."""
    threadpool_limits(1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        return spacy.load(DEFAULT_NER_MODEL if model == "default" else model, vocab=vocab, exclude=list(exclude))


@Language.factory("zhkg_ner", default_config={"model": None, "max_chars": NER_CHARS},
                  requires=["doc._.zhkg_sentences"], assigns=["doc.ents", "doc._.zhkg_words"])
def make_model_entities(nlp: Language, name: str, model: str, max_chars: int) -> ModelEntities:
    """`model`: a spaCy pipeline folder, or "default" for the shipped one."""
    return ModelEntities(load_recognizer(model, nlp.vocab), max_chars)
