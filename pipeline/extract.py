"""The per-document stages chained: analysis → recognition → resolution → relations."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.analysis.nlp import build_nlp
from pipeline.analysis.resolution import resolve
from pipeline.analysis.segmentation import load_word_check
from pipeline.analysis.sentences import split_sentences
from pipeline.config import RunConfig, load_config
from pipeline.ingest.convert import original_evidence, original_names
from pipeline.ingest.textnorm import analysis_text, fold
from pipeline.records import Document, DocumentResult, Mention
from pipeline.relations import Anchored, extract_relations
from pipeline.relations.events import choose_main_event
from pipeline.rules import Schema, load_schema


class Extractor:
    """Turns `Document`s into `DocumentResult`s, streaming in batches through spaCy."""

    def __init__(self, config: RunConfig | None = None):
        self.config = config or load_config()
        self.schema: Schema = load_schema(self.config.schemas_dir)
        self.nlp = build_nlp(self.config.ner_model_path, self.config.schemas_dir, self.config.analysis.ner_chars)
        self.is_word = load_word_check(self.config.segmenter_path)

    def process(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        pairs = ((folded, (d, folded)) for d in documents for folded in (analysis_text(d.text),))
        for doc, (document, text) in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.config.analysis.batch_size):
            yield self.relate(document, text, doc._.zhkg_mentions or [], doc._.zhkg_sentences)

    def relate(self, document: Document, text: str, mentions: list[Mention],
               sentences: list[tuple[int, int]] | None = None) -> DocumentResult:
        entities, anchor = resolve(mentions, text, document.text, self.schema.recognition, self.schema.aliases)
        anchored = [
            Anchored(m.start, m.end, m.type, anchor[(m.start, m.end, m.type)], nested=_nested(m, mentions))
            for m in mentions if (m.start, m.end, m.type) in anchor
        ]
        by_id = {e.id: (e.type, e.name) for e in entities}
        main_event = choose_main_event(text, anchored, self.schema.relations)
        relations = extract_relations(
            text, sentences if sentences is not None else split_sentences(text), anchored, by_id, self.schema.recognition.titles,
            main_event, self.schema.relations, self.is_word,
        )
        minimum = self.config.relations.min_confidence
        relations = [r for r in relations if r.confidence >= minimum]
        # names, aliases and evidence in the document's own script and width (offsets are shared)
        return DocumentResult(document, original_names(entities, text, fold(document.text)),
                              original_evidence(relations, text, document.text))

    def extract(self, document: Document) -> DocumentResult:
        return next(self.process([document]))


def _nested(mention: Mention, mentions: list[Mention]) -> bool:
    length = mention.end - mention.start
    return any(o is not mention and o.start <= mention.start and mention.end <= o.end and o.end - o.start > length
               for o in mentions)
