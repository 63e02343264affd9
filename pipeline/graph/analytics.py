"""Graph analytics and visual attributes on the merged graph (see README "Open it in Gephi"):

* `degree`, `weighted_degree` — relation edges at the node in the directed multigraph (in + out),
  plain and summed over `weight` (the number of documents that support an edge).
* `pagerank`, `betweenness`, `community` — on the *undirected* simple graph in which the parallel
  and opposite relations between two entities are one edge whose weight is their summed
  `weight`: a relation's direction is grammar (who holds a post *at* which body), not flow, so
  a body is as central as the people who serve in it. PageRank is weighted (alpha 0.85);
  betweenness is normalised, unweighted shortest-path betweenness, exact while
  nodes × (nodes + edges) stays within `BETWEENNESS_BUDGET`, beyond it estimated from k seeded
  sample sources (k = budget / (nodes + edges), at least `BETWEENNESS_MIN_K`); `community` is
  networkx Louvain (seeded), numbered by size, largest first.
* `size` grows with the square root of PageRank from `SIZE_MIN` to `SIZE_MAX`; `r`, `g`, `b`
  is the colour of the entity type in schemas/entity_types.yaml.

How each was computed (exact or sampled, seed, counts) is kept in `graph.graph["analytics"]`.
"""
from __future__ import annotations

import math
import random
from array import array
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

SEED = 42
SIZE_MIN, SIZE_MAX = 10.0, 50.0
BETWEENNESS_BUDGET = 2_000_000
BETWEENNESS_MIN_K = 32
PARALLEL_MIN_LINKED = 500  # linked entities from which betweenness is worth a process of its own
# starts a computation beside this process; the callable it returns waits for its result
Background = Callable[[Callable[[], Any]], Callable[[], Any]]
DEFAULT_COLOR = (149, 165, 166)
ANALYTICS = ("degree", "weighted_degree", "pagerank", "betweenness", "community")
VISUALS = ("size", "r", "g", "b")


def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph of `graph`: one edge per linked pair of entities, its weight
    the summed `weight` of their relations in both directions; self-loops dropped."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for u, v, weight in graph.edges(data="weight", default=1):
        if u == v:
            continue
        weight = weight if isinstance(weight, (int, float)) and not isinstance(weight, bool) else 1
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return simple


class SharedFloats(dict):
    """One float object per value among a graph's attributes (most entities share their
    `weighted_degree`, `betweenness`, `pagerank` and `size`: those without a relation): 24
    bytes per attribute and entity fewer. -0.0 and NaN are kept as they are."""

    def __call__(self, value: float) -> float:
        if value != value or (value == 0.0 and math.copysign(1.0, value) < 0):
            return value
        return self.setdefault(value, value)


def _sig(value: float, digits: int = 6) -> float:
    return float(f"{value:.{digits}g}")


def ordered_subgraph(graph: nx.Graph, nodes: Iterable[Any]) -> nx.Graph:
    """The subgraph of `graph` induced by `nodes`, as a new graph whose nodes come in the order
    of `nodes` and edges in the order of `graph`. (A networkx subgraph *view* iterates its nodes
    in the order of a Python set, which changes with the hash seed from one process to the next,
    and seeded layouts and sampled betweenness would change with it.) A `CompactGraph` makes
    its own."""
    nodes = list(nodes)
    if not isinstance(graph, nx.Graph):
        return graph.ordered_subgraph(nodes)
    keep = set(nodes)
    sub = graph.__class__()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    if graph.is_multigraph():
        sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep)
    else:
        sub.add_edges_from((u, v, d) for u, v, d in graph.edges(data=True) if u in keep and v in keep)
    return sub


def raw_betweenness(graph: nx.Graph, k: int | None = None, seed: int | None = None) -> dict[Any, float]:
    """`nx.betweenness_centrality(graph, k, normalized=False, seed=seed)` of a simple undirected
    graph as networkx 3.5+ computes it: Brandes's algorithm from every node, or from k sources
    drawn by `random.Random(seed)` and scaled up (a source by N/(2(k-1)), any other node by
    N/(2k), N = nodes - 1). The operations come in networkx's order, so the floats are its own,
    on lists of node numbers instead of graph views: several times faster."""
    nodes = list(graph)
    number = {node: i for i, node in enumerate(nodes)}
    neighbours = [[number[w] for w in graph.adj[v]] for v in nodes]
    count = len(nodes)
    sampled = k is not None and k != count
    sources = [number[node] for node in random.Random(seed).sample(nodes, k)] if sampled else range(count)
    totals = [0.0] * count
    paths, dependency = [0.0] * count, [0.0] * count
    distance = [-1] * count
    predecessors: list[list[int]] = [[] for _ in range(count)]
    for source in sources:
        reached = [source]  # in breadth-first order: the queue, and the stack read backwards
        paths[source], distance[source], predecessors[source] = 1.0, 0, []
        for v in reached:
            further, paths_v = distance[v] + 1, paths[v]
            for w in neighbours[v]:
                known = distance[w]
                if known < 0:
                    reached.append(w)
                    distance[w], paths[w], predecessors[w] = further, paths_v, [v]
                elif known == further:
                    paths[w] += paths_v
                    predecessors[w].append(v)
        for w in reversed(reached):
            share = (1 + dependency[w]) / paths[w]
            for v in predecessors[w]:
                dependency[v] += paths[v] * share
            if w != source:
                totals[w] += dependency[w]
        for w in reached:
            distance[w], dependency[w] = -1, 0.0
    pairs = count - 1
    if pairs < 2:
        return dict(zip(nodes, totals, strict=True))
    if not sampled:
        return {node: totals[i] * 0.5 for i, node in enumerate(nodes)}  # each unordered pair counted once
    source_scale = pairs / ((k - 1) * 2) if k > 1 else math.nan
    other_scale = pairs / (k * 2)
    chosen = set(sources)
    return {node: totals[i] * (source_scale if i in chosen else other_scale) for i, node in enumerate(nodes)}


def _numeric(weight: Any) -> int | float:
    return weight if isinstance(weight, (int, float)) and not isinstance(weight, bool) else 1


def linked_graph(edges: Iterable[tuple[int, int, Any]]) -> nx.Graph:
    """`ordered_subgraph(undirected(graph), linked nodes)` of a multigraph whose nodes are
    numbered 0, 1, … in their order, from its edges as (head, tail, weight) in its edge order:
    the same nodes (as numbers), edges, weights and neighbour order, without a graph of the
    unlinked nodes."""
    neighbours: dict[int, dict[int, list]] = {}
    for u, v, weight in edges:
        if u == v:
            continue
        cell = neighbours.setdefault(u, {}).get(v)
        if cell is None:  # as `undirected`: one weight for both directions, first seen first
            neighbours[u][v] = neighbours.setdefault(v, {})[u] = [_numeric(weight)]
        else:
            cell[0] += _numeric(weight)
    linked = nx.Graph()
    order = sorted(neighbours)
    linked.add_nodes_from(order)
    # nx.Graph.edges order: each pair once, from the node that comes first
    linked.add_edges_from((u, v, {"weight": cell[0]}) for u in order for v, cell in neighbours.pop(u).items() if v > u)
    return linked


def pagerank_values(count: int, linked: nx.Graph, alpha: float = 0.85, max_iter: int = 100,
                    tol: float = 1.0e-6) -> list[float]:
    """`nx.pagerank(simple, alpha, weight="weight")` by node number, where `simple` is the
    undirected graph of `count` numbered nodes whose linked part is `linked`: networkx's sparse
    matrix and power iteration, so its floats, without a networkx graph of every node."""
    import numpy as np
    import scipy as sp

    if count == 0:
        return []
    rows, cols, data = [], [], []
    for u, v, weight in linked.edges(data="weight", default=1):
        rows.append(u)
        cols.append(v)
        data.append(weight)
    # both directions, as `nx.to_scipy_sparse_array` makes an undirected graph's matrix
    matrix = sp.sparse.coo_array((data + data, (rows + cols, cols + rows)), shape=(count, count), dtype=float)
    matrix = matrix.asformat("csr")
    out_weight = matrix.sum(axis=1)
    out_weight[out_weight != 0] = 1.0 / out_weight[out_weight != 0]
    matrix = sp.sparse.dia_array((out_weight.T, 0), shape=matrix.shape).tocsr() @ matrix
    x = np.repeat(1.0 / count, count)
    p = np.repeat(1.0 / count, count)
    is_dangling = np.where(out_weight == 0)[0]
    for _ in range(max_iter):
        xlast = x
        x = alpha * (x @ matrix + sum(x[is_dangling]) * p) + (1 - alpha) * p
        if np.absolute(x - xlast).sum() < count * tol:
            return x.tolist()
    raise nx.PowerIterationFailedConvergence(max_iter)


def linked_betweenness(count: int, linked: nx.Graph, seed: int, budget: int) -> tuple[list[float], dict[str, Any]]:
    """Normalised betweenness of the nodes of `linked` (in its order; none when it has two
    nodes or fewer) in a graph of `count` nodes whose others are isolated, and how it was
    computed. Compact to send between processes."""
    n_linked, m = linked.number_of_nodes(), linked.number_of_edges()
    info: dict[str, Any] = {"exact": True, "sources": n_linked, "seed": None}
    if n_linked <= 2:
        return [], info
    k = None
    if n_linked * (n_linked + m) > budget:
        k = min(n_linked, max(BETWEENNESS_MIN_K, budget // (n_linked + m)))
        info = {"exact": k == n_linked, "sources": k, "seed": seed}
        k = None if k == n_linked else k
    # isolated nodes lie on no path: raw scores on the linked part are those of the whole
    # graph; normalised as networkx does for the whole graph (pairs of the other n-1 nodes)
    raw = raw_betweenness(linked, k, seed if k else None)
    scale = 2.0 / ((count - 1) * (count - 2))
    return [value * scale for value in raw.values()], info


def community_numbers(count: int, linked: nx.Graph, seed: int) -> tuple[array, int]:
    """Each node's community by node number, and how many there are: networkx Louvain on
    `linked`, every other node a community of its own; numbered by size, largest first, then
    by their first node."""
    found = nx.community.louvain_communities(linked, weight="weight", seed=seed) if len(linked) else []
    numbers = array("q", bytes(8 * count))
    grouped = bytearray(count)
    groups = sorted((c for c in found if len(c) > 1), key=lambda c: (-len(c), min(c)))
    for index, members in enumerate(groups):
        for node in members:
            numbers[node], grouped[node] = index, 1
    index = len(groups)
    for node in range(count):
        if not grouped[node]:
            numbers[node] = index
            index += 1
    return numbers, index


class NodeAnalytics(NamedTuple):
    """PageRank, betweenness (both to 6 significant digits) and community by node number."""

    pagerank: array
    betweenness: array
    community: array


def node_analytics(count: int, edges: Iterable[tuple[int, int, Any]], seed: int = SEED,
                   budget: int = BETWEENNESS_BUDGET, beside: Background | None = None) -> tuple[NodeAnalytics, dict]:
    """PageRank, betweenness and community of a multigraph of `count` numbered nodes, from its
    edges as (head, tail, weight) in its edge order (see `add_analytics`), and how they were
    computed."""
    # most entities of a large graph have no relation: they lie on no path and each is a
    # community of its own, so betweenness and Louvain run on the linked part only
    linked = linked_graph(edges)
    between = partial(linked_betweenness, count, linked, seed, budget)
    if beside is not None and len(linked) > PARALLEL_MIN_LINKED:
        between = beside(between)
    pagerank = array("d", map(_sig, pagerank_values(count, linked)))
    community, communities = community_numbers(count, linked, seed)
    values, betweenness_info = between()
    betweenness = array("d", bytes(8 * count))
    for node, value in zip(linked, values):
        betweenness[node] = _sig(value)
    info = {
        "undirected": "pagerank, betweenness and community use the undirected graph, relations between "
                      "two entities merged into one edge of summed weight",
        "pagerank": {"alpha": 0.85, "weight": "weight"},
        "betweenness": {"normalized": True, "weight": None, **betweenness_info},
        "community": {"method": "louvain", "seed": seed, "resolution": 1.0, "weight": "weight",
                      "count": communities},
    }
    return NodeAnalytics(pagerank, betweenness, community), info


def add_analytics(graph: nx.MultiDiGraph, seed: int = SEED, budget: int = BETWEENNESS_BUDGET,
                  beside: Background | None = None) -> dict[str, Any]:
    """Set `degree`, `weighted_degree`, `pagerank`, `betweenness` and `community` on every node
    of `graph` (in place); returns how they were computed. `beside`: starts a computation in
    another process (e.g. `engine.workers.call_forked`); betweenness is computed there while this
    process computes PageRank and Louvain (the same values)."""
    number = {node: i for i, node in enumerate(graph)}
    edges = ((number[u], number[v], weight) for u, v, weight in graph.edges(data="weight", default=1))
    values, info = node_analytics(len(number), edges, seed, budget, beside)
    weighted = dict(graph.degree(weight="weight"))
    shared = SharedFloats()
    for i, (node, attrs) in enumerate(graph.nodes(data=True)):
        attrs["degree"] = int(graph.degree(node))
        attrs["weighted_degree"] = shared(float(weighted[node]))
        attrs["pagerank"] = shared(values.pagerank[i])
        attrs["betweenness"] = shared(values.betweenness[i])
        attrs["community"] = values.community[i]
    return info


def node_size(pagerank: float, low: float, high: float) -> float:
    """`size`: from SIZE_MIN at the lowest PageRank `low` to SIZE_MAX at the highest `high`."""
    share = (pagerank - low) / (high - low) if high > low else 0.5
    return round(SIZE_MIN + (SIZE_MAX - SIZE_MIN) * math.sqrt(share), 2)


def add_visuals(graph: nx.MultiDiGraph, colors: Mapping[str, Iterable[int]]) -> None:
    """Set `size` (from `pagerank`) and the type colour `r`, `g`, `b` on every node (in place)."""
    ranks = [attrs.get("pagerank", 0.0) for _, attrs in graph.nodes(data=True)]
    low, high = (min(ranks), max(ranks)) if ranks else (0.0, 0.0)
    shared = SharedFloats()
    for _, attrs in graph.nodes(data=True):
        attrs["size"] = shared(node_size(attrs.get("pagerank", 0.0), low, high))
        r, g, b = (int(c) for c in colors.get(attrs.get("type"), DEFAULT_COLOR))
        attrs["r"], attrs["g"], attrs["b"] = r, g, b


def enrich(graph: nx.MultiDiGraph, colors: Mapping[str, Iterable[int]], seed: int = SEED,
           beside: Background | None = None) -> dict[str, Any]:
    """Analytics, then size and colour, on `graph` in place; the method notes go to
    `graph.graph["analytics"]` and are returned. `beside`: see `add_analytics`."""
    info = add_analytics(graph, seed, beside=beside)
    add_visuals(graph, colors)
    graph.graph["analytics"] = info
    return info


def type_colors(schemas_dir: str | Path | None = None) -> dict[str, tuple[int, int, int]]:
    """Entity type → (r, g, b) from schemas/entity_types.yaml."""
    from pipeline.rules import load_entity_types
    from pipeline.schema_files import default_schemas_dir

    directory = Path(schemas_dir) if schemas_dir else default_schemas_dir()
    return {name: t.color for name, t in load_entity_types(directory).items()}
