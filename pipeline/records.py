"""Typed records passed between the pipeline's stages."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypedDict


@dataclass(frozen=True)
class Document:
    """One decoded input document (ingest output)."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    path: str | None = None
    sha256: str = ""


@dataclass(frozen=True)
class Skipped:
    """An input that produced no document, with the reason in plain words."""

    path: str
    reason: str


@dataclass(frozen=True, init=False)
class Span:
    """A character span of the document text: [start, end) in code points."""

    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str):
        self.__dict__.update(start=start, end=end, text=text)  # see Mention.__init__


@dataclass(frozen=True, init=False)
class Mention:
    """One recognised entity mention (recognition output)."""

    start: int
    end: int
    text: str
    type: str
    source: str
    score: float = 1.0
    name: str | None = None

    def __init__(self, start: int, end: int, text: str, type: str, source: str, score: float = 1.0,
                 name: str | None = None):
        """The dataclass's own `__init__` sets a frozen instance's fields one checked
        `object.__setattr__` at a time: filled at once, a mention is made three times faster."""
        self.__dict__.update(start=start, end=end, text=text, type=type, source=source, score=score, name=name)


@dataclass
class Entity:
    """One referent within a document: all its mentions and surface forms."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    confidence: float = 1.0
    titles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    """A typed, directed relation between two entities of one document."""

    type: str
    head: str
    tail: str
    evidence: tuple[Span, ...]
    confidence: float
    rule: str
    title: str | None = None
    status: str | None = None  # holds_position: current | former | new | ended (see schemas/relations.yaml)


@dataclass
class DocumentResult:
    """Everything the pipeline extracted from one document."""

    document: Document
    entities: list[Entity]
    relations: list[Relation]


@dataclass
class RunReport:
    """What a run did: inputs, outputs, skips and timings."""

    inputs: list[str]
    out_dir: Path
    documents: int = 0
    entities: int = 0
    relations: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    characters: int = 0
    analysed: int = 0  # documents analysed by this run
    reused: int = 0  # documents whose earlier results were reused (incremental runs)
    removed: list[str] = field(default_factory=list)  # stale document YAMLs deleted from out_dir
    graph_reused: bool = False  # the graph files of the previous run were kept (nothing changed)

    @property
    def exit_status(self) -> int:
        return 1 if self.skipped else 0


# --- graph summaries: what the graph needs of a document, without its text -------------------
# Small to send between processes, kept in the result cache (pipeline.engine.cache) as JSON, where
# each NamedTuple is a plain list, and turned into Parquet rows (pipeline.engine.dask_engine).

class EntitySummary(NamedTuple):
    """One entity of a document as the graph merges it."""

    id: str
    type: str
    name: str
    aliases: list[str]
    mentions: int
    confidence: float


class RelationSummary(NamedTuple):
    """One relation of a document as the graph merges it: evidence as its sentences' text."""

    type: str
    head: str
    tail: str
    title: str | None
    evidence: list[str]
    confidence: float
    rule: str


class DocumentSummary(TypedDict):
    """A document's graph summary: its id, publication date, entities and relations."""

    id: str
    published: str | None
    entities: list[EntitySummary]
    relations: list[RelationSummary]


def summary_from_json(data: dict[str, Any]) -> DocumentSummary:
    """The `DocumentSummary` of its JSON form (entities and relations as lists). KeyError or
    TypeError when `data` is not one."""
    return {"id": data["id"], "published": data["published"],
            "entities": [EntitySummary(*row) for row in data["entities"]],
            "relations": [RelationSummary(*row) for row in data["relations"]]}
