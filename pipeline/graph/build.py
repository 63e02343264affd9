"""Graph stage: merge document results into one NetworkX multigraph keyed by entity id.

Only aggregates are kept (names, counts, document ids, a few evidence snippets), never a
document's text, so memory grows with the number of distinct entities, not with the corpus.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from pipeline.records import DocumentResult, DocumentSummary, EntitySummary, RelationSummary

MAX_EVIDENCE_PER_EDGE = 3


@dataclass(slots=True)
class NodeStats:
    """One entity's aggregates. Compact, since a large corpus has many: `names` is the one name
    seen so far (its count is the number of documents) until a second appears, then a Counter;
    `aliases` is None until one is seen (`name_counts()` and `alias_set()` read either form)."""
    type: str
    names: Counter | str | None = None
    aliases: set[str] | None = None
    mentions: int = 0
    documents: list[str] = field(default_factory=list)
    confidence: float = 0.0
    first_seen: str | None = None
    last_seen: str | None = None

    def add_name(self, name: str) -> None:
        """Count `name` once (call before the document is appended to `documents`)."""
        names = self.names
        if names is None:
            self.names = name
        elif isinstance(names, str):
            if names != name:
                self.names = Counter({names: len(self.documents), name: 1})
        else:
            names[name] += 1

    def name_counts(self) -> Counter:
        """name → number of documents that named the entity so, in order of first use."""
        names = self.names
        if names is None:
            return Counter()
        if isinstance(names, str):
            return Counter({names: len(self.documents)})
        return names

    def alias_set(self) -> set[str]:
        return self.aliases if self.aliases is not None else set()


@dataclass(slots=True)
class EdgeStats:
    type: str
    title: str | None
    documents: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    evidence_count: int = 0
    confidence: float = 0.0
    rules: frozenset[str] | set[str] = frozenset()  # GraphBuilder's: one frozenset per distinct set


def publication_day(published: str | None) -> str | None:
    """The YYYY-MM-DD part of a publication date; None when it is no valid date (`NaN`,
    `2024-13-45`)."""
    if not isinstance(published, str) or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def summary_from_result(result: DocumentResult) -> DocumentSummary:
    """The graph summary of a `DocumentResult` as it is (no evidence cut, no rounding)."""
    d = result.document
    return {"id": d.id, "published": d.published,
            "entities": [EntitySummary(e.id, e.type, e.name, list(e.aliases), len(e.mentions), e.confidence)
                         for e in result.entities],
            "relations": [RelationSummary(r.type, r.head, r.tail, r.title, [s.text for s in r.evidence],
                                          r.confidence, r.rule)
                          for r in result.relations]}


def summary_from_data(data: dict) -> DocumentSummary:
    """The graph summary of a document YAML's data (`outputs.documents.document_to_dict`), i.e.
    of the result as written: evidence cut to `max_evidence`, confidences rounded."""
    meta = data["document"]
    return {"id": meta["id"], "published": meta["published"],
            "entities": [EntitySummary(e["id"], e["type"], e["name"], list(e["aliases"]), len(e["mentions"]),
                                       e["confidence"])
                         for e in data["entities"]],
            "relations": [RelationSummary(r["type"], r["head"], r["tail"], (r.get("attributes") or {}).get("title"),
                                          [s["text"] for s in r["evidence"]], r["confidence"], r["rule"])
                          for r in data["relations"]]}


class GraphBuilder:
    """Accumulates document results (or their summaries) in input order; `graph()` returns the
    merged `nx.MultiDiGraph`. Node order is the order of first appearance; edges are sorted."""

    def __init__(self) -> None:
        self.nodes: dict[str, NodeStats] = {}
        self.edges: dict[tuple[str, str, str, str | None], EdgeStats] = {}
        # one object per distinct type, day, rule and title: each summary brings its own copies
        self._shared: dict[str, str] = {}
        self._rule_sets: dict[frozenset[str], frozenset[str]] = {}

    def _share(self, text: str | None) -> str | None:
        """The builder's one copy of `text` (a type, day, rule or title: few distinct values)."""
        if text is None:
            return None
        return self._shared.setdefault(text, text)

    def add(self, result: DocumentResult) -> None:
        self.add_summary(summary_from_result(result))

    def add_summary(self, summary: DocumentSummary) -> None:
        doc_id, day = summary["id"], self._share(publication_day(summary["published"]))
        for entity in summary["entities"]:
            self.add_entity(doc_id, day, entity)
        for relation in summary["relations"]:
            self.add_relation(doc_id, relation)

    def add_entity(self, doc_id: str, day: str | None, entity: EntitySummary) -> None:
        """One entity of document `doc_id` (documents must come in input order, and an entity
        id at most once per document)."""
        node = self.nodes.get(entity.id)
        if node is None:
            node = self.nodes[entity.id] = NodeStats(self._share(entity.type))
        node.add_name(entity.name)
        if entity.aliases:
            if node.aliases is None:
                node.aliases = set(entity.aliases)
            else:
                node.aliases.update(entity.aliases)
        node.mentions += entity.mentions
        node.documents.append(doc_id)
        node.confidence = max(node.confidence, entity.confidence)
        if day:
            node.first_seen = day if node.first_seen is None or day < node.first_seen else node.first_seen
            node.last_seen = day if node.last_seen is None or day > node.last_seen else node.last_seen

    def add_relation(self, doc_id: str, relation: RelationSummary) -> None:
        """One relation of document `doc_id` (a document's relations come together, in order)."""
        key = (relation.head, relation.tail, relation.type, relation.title)
        edge = self.edges.get(key)
        if edge is None:
            edge = self.edges[key] = EdgeStats(self._share(relation.type), self._share(relation.title))
        if not edge.documents or edge.documents[-1] != doc_id:
            edge.documents.append(doc_id)
        edge.evidence_count += len(relation.evidence)
        for text in relation.evidence:
            if len(edge.evidence) < MAX_EVIDENCE_PER_EDGE and text not in edge.evidence:
                edge.evidence.append(text)
        edge.confidence = max(edge.confidence, relation.confidence)
        rule = self._share(relation.rule)
        if rule not in edge.rules:
            rules = frozenset(edge.rules) | {rule}
            edge.rules = self._rule_sets.setdefault(rules, rules)

    def sorted_edges(self) -> list[tuple[tuple[str, str, str, str | None], EdgeStats]]:
        """The edges by (head, tail, type, title): the order of their ids `e0`, `e1`, …"""
        return sorted(self.edges.items(), key=lambda kv: kv[0][:3] + (kv[0][3] or "",))

    def graph(self, consume: bool = False) -> nx.MultiDiGraph:
        """The merged graph. `consume`: empty this builder as the graph is built, so that the
        aggregates and the graph are never both held in full."""
        from pipeline.graph.analytics import SharedFloats

        g = nx.MultiDiGraph()
        shared = SharedFloats()
        nodes = list(self.nodes.items())
        edges = self.sorted_edges()
        if consume:
            self.nodes, self.edges = {}, {}
        for index, (node_id, n) in enumerate(nodes):
            if consume:
                nodes[index] = None
            g.add_node(node_id, **node_attributes(n, shared, copy=not consume))
        for index, ((head, tail, rtype, title), e) in enumerate(edges):
            if consume:
                edges[index] = None
            g.add_edge(head, tail, key=edge_key(rtype, title), **edge_attributes(index, e, shared, copy=not consume))
        return g


def edge_key(rtype: str, title: str | None) -> str:
    """The key of a relation among the edges between its two entities."""
    return f"{rtype}:{title}" if title else rtype


def node_attributes(n: NodeStats, shared, copy: bool = False) -> dict:
    """An entity's attributes in the graph (`shared`: one float object per value); `copy`:
    lists of its own instead of the aggregate's."""
    names = n.names
    if isinstance(names, str):
        label, aliases = names, sorted(n.aliases - {names}) if n.aliases else []
    else:
        names = n.name_counts()
        label = names.most_common(1)[0][0]
        aliases = sorted((n.alias_set() | set(names)) - {label})
    return {"label": label, "type": n.type, "aliases": aliases, "mentions": n.mentions,
            "documents": len(n.documents), "document_ids": list(n.documents) if copy else n.documents,
            "first_seen": n.first_seen, "last_seen": n.last_seen, "confidence": shared(round(n.confidence, 3))}


def edge_attributes(index: int, e: EdgeStats, shared, copy: bool = False) -> dict:
    """The attributes of the relation numbered `index` (its id `e<index>`); `shared` and `copy`
    as for `node_attributes`."""
    return {"id": f"e{index}", "type": e.type, "label": e.type, "title": e.title, "weight": len(e.documents),
            "documents": list(e.documents) if copy else e.documents, "evidence_count": e.evidence_count,
            "evidence": list(e.evidence) if copy else e.evidence, "confidence": shared(round(e.confidence, 3)),
            "rules": sorted(e.rules)}
