"""Shared fixtures of the zhkg test suite.

The spaCy pipeline is built once per session (`extractor`); it loads pipeline/models/ner when
that folder exists, so tests through it assert only what the rules guarantee or what any correct
recognizer must find. Tests that need the shared corpus (../shared or $ZHKG_SHARED) skip without it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.ingest.documents import make_document
from pipeline.records import DocumentResult, Mention
from pipeline.relations import Anchored
from pipeline.rules import load_schema

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = REPO / "schemas"
DOCUMENT_SCHEMA = SCHEMAS / "document.schema.json"


def shared_dir() -> Path:
    """The shared corpus folder: $ZHKG_SHARED, else the `shared` folder next to the repository."""
    env = os.environ.get("ZHKG_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not path.is_dir():
        pytest.skip(f"shared corpus not found at {path} (set ZHKG_SHARED to run this test)")
    return path


@pytest.fixture(scope="session")
def gold_dev(shared: Path) -> Path:
    path = shared / "gold" / "dev"
    if not path.is_dir() or not any(path.glob("*.yaml")):
        pytest.skip(f"gold dev set not found at {path}")
    return path


@pytest.fixture(scope="session")
def schema():
    return load_schema()


@pytest.fixture(scope="session")
def rules(schema):
    """Recognition rules of schemas/recognition.yaml."""
    return schema.recognition


@pytest.fixture(scope="session")
def relation_rules(schema):
    """Relation rules of schemas/relations.yaml."""
    return schema.relations


@pytest.fixture(scope="session")
def extractor():
    """The whole per-document chain, built once (loads the trained model when present)."""
    from pipeline.extractor import Extractor

    return Extractor()


@dataclass
class Facts:
    """A `DocumentResult` seen as names and (type, head name, tail name, title) tuples."""

    result: DocumentResult

    @property
    def text(self) -> str:
        return self.result.document.text

    def names(self, etype: str) -> set[str]:
        return {e.name for e in self.result.entities if e.type == etype}

    def all_names(self) -> set[str]:
        return {e.name for e in self.result.entities}

    def entity(self, etype: str, name: str):
        found = [e for e in self.result.entities if e.type == etype and e.name == name]
        assert found, f"no {etype} {name!r}; entities: {self.describe_entities()}"
        return found[0]

    def relations(self) -> set[tuple[str, str, str, str | None]]:
        by_id = {e.id: e.name for e in self.result.entities}
        return {(r.type, by_id[r.head], by_id[r.tail], r.title) for r in self.result.relations}

    def relation_pairs(self, rtype: str) -> set[tuple[str, str]]:
        return {(h, t) for kind, h, t, _ in self.relations() if kind == rtype}

    def titles(self, head: str, tail: str) -> set[str | None]:
        return {title for kind, h, t, title in self.relations() if kind == "holds_position" and (h, t) == (head, tail)}

    def describe_entities(self) -> list[str]:
        return [f"{e.type}:{e.name}" for e in self.result.entities]


@pytest.fixture(scope="session")
def extract(extractor):
    """extract(text) -> Facts: the text through the whole chain, as one document."""

    def run(text: str, doc_id: str = "test-doc") -> Facts:
        return Facts(extractor.extract(make_document(doc_id, text, f"{doc_id}.txt")))

    return run


def mention(text: str, surface: str, etype: str, occurrence: int = 0, score: float = 0.8,
            source: str = "test") -> Mention:
    """A Mention of `surface` at its n-th occurrence in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, etype, source, score)


def anchored(text: str, surface: str, etype: str, occurrence: int = 0, entity: str | None = None,
             nested: bool = False) -> Anchored:
    """An Anchored mention of `surface` whose entity id is `TYPE:surface` unless given."""
    m = mention(text, surface, etype, occurrence)
    return Anchored(m.start, m.end, etype, entity or f"{etype}:{surface}", nested)
