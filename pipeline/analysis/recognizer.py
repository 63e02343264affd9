"""The trained recognizer as the spaCy component `zhkg_ner`, read a bounded number of
characters at a time."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from pipeline.analysis import embedding  # noqa: F401  (registers the shipped model's embedding layer)
from pipeline.analysis.doctext import analysed_text, char_doc
from pipeline.analysis.tagging import biluo_scheme, decode
from pipeline.config import DEFAULT_NER_MODEL, NER_CHARS


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
    tags (decoded by `pipeline.analysis.tagging`) or an `ner` component. It reads at most
    `max_chars` characters at a time: long documents in pieces of whole sentences, short ones
    several together. Its working memory, about 7 KB a character (thinc keeps every layer's
    activations), is so bounded by `max_chars`, whatever the length of the documents or the
    number in a batch."""

    def __init__(self, model: Language, max_chars: int):
        self.model, self.max_chars = model, max_chars
        self.tagger = model.get_pipe("tagger") if "tagger" in model.pipe_names else None
        self.scheme = biluo_scheme(self.tagger.labels) if self.tagger else None
        self.encoders = [pipe for _, pipe in model.pipeline if pipe is not self.tagger]  # all of an `ner` model

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self._recognise(batch)
            yield from batch

    def _recognise(self, docs: list[Doc]) -> None:
        """Short documents are read as they are; long ones in pieces, whose entities are then
        set on the document at their offsets."""
        units: list[tuple[int, int, Doc]] = []
        for i, doc in enumerate(docs):
            if len(text := analysed_text(doc)) <= self.max_chars:
                units.append((i, 0, doc))
            else:
                units += [(i, start, char_doc(self.model.vocab, text[start:end]))
                          for start, end in sentence_pieces(doc._.zhkg_sentences or [], self.max_chars)]
        found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        for group in fill(units, self.max_chars):
            pieces = [piece for _, _, piece in group]
            for (i, start, _), spans in zip(group, self._entities(pieces)):
                found[i].extend((start + s, start + e, label) for s, e, label in spans)
        for doc, spans in zip(docs, found):
            doc.ents = [span for s, e, label in spans if (span := doc.char_span(s, e, label)) is not None]

    def _entities(self, pieces: list[Doc]) -> list[list[tuple[int, int, str]]]:
        """(start, end, label) character offsets of the entities of each piece."""
        for component in self.encoders:
            pieces = list(component.pipe(pieces, batch_size=len(pieces)))
        if not self.tagger:
            return [[(e.start_char, e.end_char, e.label_) for e in piece.ents] for piece in pieces]
        return [[span for s, e, label in spans if (span := _unblanked(piece, s, e, label))]
                for piece, spans in zip(pieces, decode(self.tagger.model.predict(pieces), self.scheme))]


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


@Language.factory("zhkg_ner", default_config={"model": None, "max_chars": NER_CHARS},
                  requires=["doc._.zhkg_sentences"], assigns=["doc.ents"])
def make_model_entities(nlp: Language, name: str, model: str, max_chars: int) -> ModelEntities:
    """`model`: a spaCy pipeline folder, or "default" for the shipped one. Its layers compute
    with numpy's BLAS on one thread (the pipeline runs in parallel by processes), not with
    thinc's BLIS, whose generic kernel is slower on common CPUs; the results are the same."""
    threadpool_limits(1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        return ModelEntities(spacy.load(DEFAULT_NER_MODEL if model == "default" else model, vocab=nlp.vocab),
                             max_chars)
