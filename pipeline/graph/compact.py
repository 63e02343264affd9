"""The run's merged graph as columns instead of networkx objects: what `GraphBuilder.graph()`
and `analytics.enrich` make of a builder, in a fraction of the memory, read through the part of
`nx.MultiDiGraph`'s interface that the graph writers use (`nodes(data=True)`, `edges(keys=True,
data=True)`, `graph`, `number_of_nodes()`, …). Each node's and edge's attribute dict is made
when it is read, with the keys, values and order networkx would hold, so every file written from
it is byte for byte the one written from the networkx graph.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from pipeline.graph.analytics import DEFAULT_COLOR, SEED, Background, node_analytics, node_size
from pipeline.graph.build import EdgeStats, GraphBuilder, NodeStats, edge_attributes, edge_key, node_attributes
from pipeline.outputs.gexf import edge_interval


class _Nodes:
    """`graph.nodes`: iterating gives the node ids; `graph.nodes(data=True)` (id, attributes)."""

    def __init__(self, graph: CompactGraph):
        self._graph = graph

    def __iter__(self) -> Iterator[str]:
        return iter(self._graph.ids)

    def __call__(self, data: bool = False) -> Iterator:
        graph = self._graph
        if not data:
            return iter(graph.ids)
        return ((node, graph.node_attributes(i)) for i, node in enumerate(graph.ids))


class CompactGraph:
    """The merged graph of `builder` (consumed: emptied as its aggregates move here). Nodes in
    the builder's order, then any relation end that is no entity (as `add_edge` adds it); edges
    in networkx's order (by head, then as added: sorted by tail, type and title), a later edge
    with the key of an earlier one between the same entities taking its place. `dates`: doc
    id → publication day, for the edges' first and last day seen."""

    def __init__(self, builder: GraphBuilder, dates: Mapping[str, str]):
        self.graph: dict[str, Any] = {}
        self.ids: list[str] = list(builder.nodes)
        self.stats: list[NodeStats | None] = list(builder.nodes.values())
        edges = builder.sorted_edges()
        builder.nodes, builder.edges = {}, {}
        number = {node: i for i, node in enumerate(self.ids)}
        for (head, tail, _, _), _ in edges:
            for end in (head, tail):
                if end not in number:
                    number[end] = len(self.ids)
                    self.ids.append(end)
                    self.stats.append(None)
        self.heads, self.tails, self.numbers = array("q"), array("q"), array("q")
        self.edge_stats: list[EdgeStats] = []
        self.first_seen: list[str | None] = []
        self.last_seen: list[str | None] = []
        slots: dict[tuple[int, int, str], int] = {}
        for index in sorted(range(len(edges)), key=lambda i: number[edges[i][0][0]]):
            (head, tail, rtype, title), stats = edges[index]
            first, last = edge_interval({"documents": stats.documents}, dates)
            slot = slots.setdefault((number[head], number[tail], edge_key(rtype, title)), len(self.numbers))
            if slot < len(self.numbers):
                self.numbers[slot], self.edge_stats[slot] = index, stats
                self.first_seen[slot], self.last_seen[slot] = first, last
                continue
            self.heads.append(number[head])
            self.tails.append(number[tail])
            self.numbers.append(index)
            self.edge_stats.append(stats)
            self.first_seen.append(first)
            self.last_seen.append(last)
        self.nodes = _Nodes(self)
        self.degree = self.weighted_degree = self.analytics = self.sizes = None
        self.colors: dict[str, tuple[int, ...]] = {}

    def enrich(self, colors: Mapping[str, Any], seed: int = SEED, beside: Background | None = None) -> dict[str, Any]:
        """`analytics.enrich` on these columns: the analytics, size and colour of every node; the
        notes go to `graph["analytics"]` and are returned."""
        count = len(self.ids)
        self.degree, self.weighted_degree = array("q", bytes(8 * count)), array("d", bytes(8 * count))
        for head, tail, stats in zip(self.heads, self.tails, self.edge_stats, strict=True):
            for end in (head, tail):
                self.degree[end] += 1
                self.weighted_degree[end] += len(stats.documents)
        edges = ((head, tail, len(stats.documents))
                 for head, tail, stats in zip(self.heads, self.tails, self.edge_stats, strict=True))
        self.analytics, info = node_analytics(count, edges, seed, beside=beside)
        ranks = self.analytics.pagerank
        low, high = (min(ranks), max(ranks)) if ranks else (0.0, 0.0)
        self.sizes = array("d", (node_size(rank, low, high) for rank in ranks))
        self.colors = {kind: tuple(int(c) for c in color) for kind, color in colors.items()}
        self.graph["analytics"] = info
        return info

    def node_attributes(self, i: int) -> dict[str, Any]:
        """The attributes of node number `i`, as the networkx graph holds them."""
        stats = self.stats[i]
        attrs = node_attributes(stats, float) if stats is not None else {}
        if self.analytics is not None:
            values = self.analytics
            attrs.update(degree=self.degree[i], weighted_degree=self.weighted_degree[i], pagerank=values.pagerank[i],
                         betweenness=values.betweenness[i], community=values.community[i], size=self.sizes[i])
            attrs["r"], attrs["g"], attrs["b"] = self.colors.get(attrs.get("type"), DEFAULT_COLOR)
        return attrs

    def edge_attributes(self, slot: int) -> dict[str, Any]:
        attrs = edge_attributes(self.numbers[slot], self.edge_stats[slot], float)
        attrs["first_seen"], attrs["last_seen"] = self.first_seen[slot], self.last_seen[slot]
        return attrs

    def edges(self, keys: bool = False, data: bool | str = False, default: Any = None) -> Iterator[tuple]:
        """As `nx.MultiDiGraph.edges`: (head, tail[, key][, attributes or one attribute])."""
        ids = self.ids
        for slot, (head, tail, stats) in enumerate(zip(self.heads, self.tails, self.edge_stats, strict=True)):
            edge = (ids[head], ids[tail], edge_key(stats.type, stats.title)) if keys else (ids[head], ids[tail])
            if data is True:
                edge += (self.edge_attributes(slot),)
            elif data:
                edge += (self.edge_attributes(slot).get(data, default),)
            yield edge

    def ordered_subgraph(self, nodes: list[str]) -> nx.MultiDiGraph:
        """`analytics.ordered_subgraph` of this graph: a networkx graph of `nodes` (in their
        order) and the edges among them."""
        wanted = set(nodes)
        attributes = {node: self.node_attributes(i) for i, node in enumerate(self.ids) if node in wanted}
        sub = nx.MultiDiGraph()
        sub.graph.update(self.graph)
        sub.add_nodes_from((node, attributes[node]) for node in nodes)
        sub.add_edges_from(edge for edge in self.edges(keys=True, data=True) if edge[0] in wanted and edge[1] in wanted)
        return sub

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def number_of_nodes(self) -> int:
        return len(self.ids)

    def number_of_edges(self) -> int:
        return len(self.numbers)

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

