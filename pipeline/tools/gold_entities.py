"""The relation stage alone: relations found on the gold entities of a gold set, so that its
quality is measured apart from recognition (`zhkg eval --gold-entities`, `make eval-relations`).

Every occurrence of a gold entity's name or alias in the text becomes a mention of its type
(longest first; a form inside a longer one of the same type is that one's, inside one of another
type it is nested, as in `中关村实验室党委`); the documents then go through resolution and the
relation rules exactly as in `zhkg run`."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from pipeline.analysis.nlp import make_doc
from pipeline.analysis.sentences import split_sentences
from pipeline.extractor import Extractor
from pipeline.ingest.reader import read_inputs
from pipeline.ingest.textnorm import fold
from pipeline.outputs.documents import document_to_dict
from pipeline.outputs.yaml_io import write_yaml
from pipeline.records import Document, DocumentResult, Mention

STAGES = ("zhkg_resolution", "zhkg_relations")  # what runs after recognition in `zhkg run`


def gold_mentions(text: str, entities: list[dict]) -> list[Mention]:
    """Mentions of the gold `entities` (`type`, `name`, `aliases`) in the analysed `text`."""
    forms = sorted({(fold(str(form)), e["type"]) for e in entities for form in [e["name"], *(e.get("aliases") or [])]
                    if form}, key=lambda f: (-len(f[0]), f))
    found: list[Mention] = []
    for form, etype in forms:
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if all(_compatible(m, start, end, etype) for m in found):
                found.append(Mention(start, end, form, etype, "gold", 1.0))
            start = text.find(form, start + 1)
    return sorted(found, key=lambda m: (m.start, m.end))


def _compatible(mention: Mention, start: int, end: int, etype: str) -> bool:
    """A new span may lie apart from `mention` or inside it when their types differ."""
    if end <= mention.start or mention.end <= start:
        return True
    return mention.start <= start and end <= mention.end and mention.type != etype


def gold_documents(gold_dir: Path) -> Iterator[tuple[Document, dict]]:
    """Each gold document of `gold_dir`: its text read as `zhkg run` reads it, and its gold YAML."""
    golds = {}
    for path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(gold, dict) and "entities" in gold:
            golds[gold["doc_id"]] = gold
    for document in read_inputs([gold_dir / gold["text_file"] for gold in golds.values()]):
        if isinstance(document, Document) and document.id in golds:
            yield document, golds[document.id]


def relate_gold(gold_dir: Path, extractor: Extractor) -> Iterator[DocumentResult]:
    """Each gold document's text (read as `zhkg run` reads it) related on its gold entities."""
    for document, gold in gold_documents(gold_dir):
        doc = make_doc(extractor.nlp, document.text)
        doc._.zhkg_sentences = split_sentences(doc.text)
        doc._.zhkg_mentions = gold_mentions(doc.text, gold["entities"])
        for stage in STAGES:
            doc = extractor.nlp.get_pipe(stage)(doc)
        yield DocumentResult(document, doc._.zhkg_entities, doc._.zhkg_relations)


def write_gold_entity_run(gold_dir: Path, out_dir: Path, extractor: Extractor | None = None) -> int:
    """Write `out_dir/documents/<id>.yaml` for every gold document; returns their number."""
    extractor = extractor or Extractor()
    (out_dir / "documents").mkdir(parents=True, exist_ok=True)
    count = 0
    for result in relate_gold(gold_dir, extractor):
        write_yaml(out_dir / "documents" / f"{result.document.id}.yaml", document_to_dict(result))
        count += 1
    return count
