"""Graph stage: merge document results into one NetworkX multigraph keyed by entity id.

Only aggregates are kept (names, counts, document ids, a few evidence snippets), never a
document's text, so memory grows with the number of distinct entities, not with the corpus.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from .records import DocumentResult

MAX_EVIDENCE_PER_EDGE = 3


@dataclass
class NodeStats:
    type: str
    names: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    documents: list[str] = field(default_factory=list)
    confidence: float = 0.0
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass
class EdgeStats:
    type: str
    title: str | None
    documents: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    evidence_count: int = 0
    confidence: float = 0.0
    rules: set[str] = field(default_factory=set)


def _date(published: str | None) -> str | None:
    return published[:10] if published else None


class GraphBuilder:
    """Accumulates `DocumentResult`s; `graph()` returns the merged `nx.MultiDiGraph`."""

    def __init__(self) -> None:
        self.nodes: dict[str, NodeStats] = {}
        self.edges: dict[tuple[str, str, str, str | None], EdgeStats] = {}

    def add(self, result: DocumentResult) -> None:
        doc_id, day = result.document.id, _date(result.document.published)
        for entity in result.entities:
            node = self.nodes.setdefault(entity.id, NodeStats(entity.type))
            node.names[entity.name] += 1
            node.aliases.update(entity.aliases)
            node.mentions += len(entity.mentions)
            node.documents.append(doc_id)
            node.confidence = max(node.confidence, entity.confidence)
            if day:
                node.first_seen = min(filter(None, [node.first_seen, day]))
                node.last_seen = max(filter(None, [node.last_seen, day]))
        for relation in result.relations:
            key = (relation.head, relation.tail, relation.type, relation.title)
            edge = self.edges.setdefault(key, EdgeStats(relation.type, relation.title))
            if doc_id not in edge.documents:
                edge.documents.append(doc_id)
            edge.evidence_count += len(relation.evidence)
            for span in relation.evidence:
                if len(edge.evidence) < MAX_EVIDENCE_PER_EDGE and span.text not in edge.evidence:
                    edge.evidence.append(span.text)
            edge.confidence = max(edge.confidence, relation.confidence)
            edge.rules.add(relation.rule)

    def graph(self) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        for node_id, n in self.nodes.items():
            label = n.names.most_common(1)[0][0]
            aliases = sorted((n.aliases | set(n.names)) - {label})
            g.add_node(node_id, label=label, type=n.type, aliases=aliases, mentions=n.mentions,
                       documents=len(n.documents), document_ids=list(n.documents),
                       first_seen=n.first_seen, last_seen=n.last_seen, confidence=round(n.confidence, 3))
        for index, ((head, tail, rtype, title), e) in enumerate(sorted(self.edges.items(), key=lambda kv: kv[0][:3] + (kv[0][3] or "",))):
            g.add_edge(head, tail, key=f"{rtype}:{title}" if title else rtype, id=f"e{index}", type=rtype,
                       label=rtype, title=title, weight=len(e.documents), documents=list(e.documents),
                       evidence_count=e.evidence_count, evidence=list(e.evidence),
                       confidence=round(e.confidence, 3), rules=sorted(e.rules))
        return g
