"""`Extractor`: documents through the zhkg spaCy pipeline (`pipeline.analysis.nlp.load_nlp`)
to `DocumentResult`s, streamed in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager

from pipeline.analysis.nlp import load_nlp, make_doc
from pipeline.config import RunConfig, load_config
from pipeline.ingest.textnorm import fold
from pipeline.records import Document, DocumentResult


class Extractor:
    """Turns `Document`s into `DocumentResult`s with `self.nlp`, the `Language` of `load_nlp(config)`."""

    def __init__(self, config: RunConfig | None = None):
        self.config = config or load_config()
        self.nlp = load_nlp(self.config)
        self._seen: set[str] = set()  # the characters of the documents `memory_zone` was given
        self.orths: dict[str, int] = {}  # their folded forms' orth ids: their lexemes, made outside the zones, stay

    def process(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        docs = ((make_doc(self.nlp, document.text, self.orths), document) for document in documents)
        for doc, document in self.nlp.pipe(docs, as_tuples=True, batch_size=self.config.analysis.batch_size):
            yield DocumentResult(document, doc._.zhkg_entities, doc._.zhkg_relations)

    def extract(self, document: Document) -> DocumentResult:
        return next(self.process([document]))

    def memory_zone(self, documents: Iterable[Document]) -> AbstractContextManager:
        """spaCy's memory zone for analysing `documents`: what they add to the vocabulary (entity
        ids, spans) is freed after it. Their characters' lexemes are made first, outside it, to be
        kept: made inside, they would be made again for every batch."""
        vocab = self.nlp.vocab
        characters = set().union(*(set(document.text) for document in documents)) - self._seen
        lasting = not vocab.in_memory_zone  # made in an enclosing zone, a lexeme goes with it
        for char in set(fold("".join(characters))):  # fold maps each character to one character
            orth = vocab[char].orth  # makes the lexeme
            if lasting:
                self.orths[char] = orth
        if lasting:
            self._seen |= characters
        return self.nlp.memory_zone()
