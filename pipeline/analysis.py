"""Linguistic analysis stage: the spaCy `zh` pipeline that segments and splits sentences,
followed by the recognition components (the trained recognizer `zhkg_ner`, then
`zhkg_entity_rules`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from . import recognition  # noqa: F401  (registers the zhkg_entity_rules factory)

PACKAGE_MODELS = Path(__file__).resolve().parent / "models"
DEFAULT_NER_MODEL = PACKAGE_MODELS / "ner"
NER_CHARS = 4000  # characters the recognizer reads at a time ([analysis] ner_chars)
SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n+")


def split_sentences(text: str, max_chars: int = 400) -> list[tuple[int, int]]:
    """Sentence spans [start, end): split after 。！？ (with closing quotes) and at newlines;
    a sentence longer than `max_chars` is cut at its last comma or semicolon before the limit."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.extend(_cut_long(text, start, match.end(), max_chars))
        start = match.end()
    if start < len(text):
        spans.extend(_cut_long(text, start, len(text), max_chars))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _cut_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > max_chars:
        window = text[start:start + max_chars]
        cut = max(window.rfind(c) for c in "，,；;")
        cut = start + (cut + 1 if cut > 0 else max_chars)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


if not Doc.has_extension("zhkg_sentences"):
    Doc.set_extension("zhkg_sentences", default=None)


@Language.component("zhkg_sentences")
def set_sentences(doc: Doc) -> Doc:
    """Store the sentence spans as character offsets in `doc._.zhkg_sentences`."""
    doc._.zhkg_sentences = split_sentences(doc.text)
    return doc


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


@Language.factory("zhkg_ner", default_config={"model": None, "max_chars": NER_CHARS})
def make_model_entities(nlp: Language, name: str, model: str, max_chars: int) -> ModelEntities:
    return ModelEntities(spacy.load(model, vocab=nlp.vocab), max_chars)


def build_nlp(ner_model: str | Path | None = DEFAULT_NER_MODEL, schemas_dir: str | Path | None = None,
              ner_chars: int = NER_CHARS) -> Language:
    """The analysis + recognition pipeline: char segmentation, sentences, model, rules.

    `ner_model` is a spaCy pipeline folder with a `ner` component trained on character
    tokens, read `ner_chars` characters at a time; None (or a missing folder) gives a
    rules-only pipeline."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhkg_sentences")
    if ner_model and Path(ner_model).is_dir():
        nlp.add_pipe("zhkg_ner", config={"model": str(ner_model), "max_chars": ner_chars})
    nlp.add_pipe("zhkg_entity_rules", config={"schemas_dir": str(schemas_dir) if schemas_dir else None})
    return nlp
