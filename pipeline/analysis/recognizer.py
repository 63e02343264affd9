"""The trained recognizer as the spaCy component `zhkg_ner`, read a bounded number of
characters at a time."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

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
        length = len(unit[2].text)
        if group and size + length > max_chars:
            yield group
            group, size = [], 0
        group.append(unit)
        size += length
    if group:
        yield group


class ModelEntities:
    """spaCy component: the trained recognizer (a pipeline folder with `tok2vec` and `ner` on
    character tokens, loaded into this pipeline's vocab) sets `doc.ents`. It reads at most
    `max_chars` characters at a time: long documents in pieces of whole sentences, short ones
    several together. Its working memory, about 7 KB a character (thinc keeps every layer's
    activations), is so bounded by `max_chars`, whatever the length of the documents or the
    number in a batch."""

    def __init__(self, model: Language, max_chars: int):
        self.model, self.max_chars = model, max_chars

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
            if len(doc.text) <= self.max_chars:
                units.append((i, 0, doc))
            else:
                units += [(i, start, self.model.make_doc(doc.text[start:end]))
                          for start, end in sentence_pieces(doc._.zhkg_sentences or [], self.max_chars)]
        found: dict[int, list[tuple[int, int, str]]] = {}
        for group in fill(units, self.max_chars):
            pieces = [piece for _, _, piece in group]
            for _, component in self.model.pipeline:
                pieces = list(component.pipe(pieces, batch_size=len(pieces)))
            for (i, start, _), piece in zip(group, pieces):
                if piece is not docs[i]:
                    found.setdefault(i, []).extend((start + e.start_char, start + e.end_char, e.label_)
                                                   for e in piece.ents)
        for i, spans in found.items():
            doc = docs[i]
            doc.ents = [span for s, e, label in spans if (span := doc.char_span(s, e, label)) is not None]


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
