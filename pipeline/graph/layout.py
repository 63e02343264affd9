"""Deterministic layouts of the graph: force-directed components packed in rows (used by the
SVG overview and the HTML view), and the nodes of highest PageRank that such pictures keep."""
from __future__ import annotations

import math
from typing import Any

import networkx as nx
import numpy as np

from pipeline.graph.analytics import SEED, ordered_subgraph, undirected

FORCE_LAYOUT_MAX_NODES = 4000


def force_layout(graph: nx.Graph, nodes: list[Any], seed: int = SEED, iterations: int | None = None) -> np.ndarray:
    """Fruchterman–Reingold positions of `nodes` (one connected component of `graph`) in
    [-1, 1]², vectorised with numpy (float32; n×n arrays, so for components of a few thousand
    nodes): repulsion k²/d between all pairs, attraction d²/k × weight along edges, a cooling
    step size; the same model as networkx's spring layout, an order of magnitude faster here."""
    n = len(nodes)
    iterations = iterations or (100 if n < 1000 else 60)
    adjacency = nx.to_numpy_array(graph, nodelist=nodes, weight="weight", dtype=np.float32)
    pos = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    step = 0.1
    for _ in range(iterations):
        dx = pos[:, 0][:, None] - pos[:, 0][None, :]
        dy = pos[:, 1][:, None] - pos[:, 1][None, :]
        d2 = np.maximum(dx * dx + dy * dy, np.float32(1e-4))
        force = k * k / d2 - adjacency * np.sqrt(d2) / k
        move = np.stack([(dx * force).sum(axis=1), (dy * force).sum(axis=1)], axis=1)
        length = np.sqrt((move * move).sum(axis=1))
        length[length < 0.01] = 0.1
        pos += move * (np.float32(step) / length)[:, None]
        step -= 0.1 / (iterations + 1)
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    return pos / extent


def component_layouts(graph: nx.Graph, seed: int = SEED) -> list[dict[Any, tuple[float, float]]]:
    """Positions per connected component, largest first, each from the force-directed
    `force_layout` scaled with the square root of its size (about one unit between neighbours)."""
    simple = graph if not graph.is_directed() and not graph.is_multigraph() else undirected(graph)
    order = {node: i for i, node in enumerate(simple.nodes)}
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(order[n] for n in c)))
    layouts = []
    for members in components:
        nodes = sorted(members, key=order.get)
        if len(nodes) == 1:
            pos = {nodes[0]: (0.0, 0.0)}
        elif len(nodes) == 2:  # one above the other: their labels, to the right, do not collide
            pos = {nodes[0]: (0.0, -0.4), nodes[1]: (0.0, 0.4)}
        elif len(nodes) <= FORCE_LAYOUT_MAX_NODES:
            raw = force_layout(simple, nodes, seed)
            scale = 1.3 * math.sqrt(len(nodes))
            pos = {n: (float(raw[i][0]) * scale, float(raw[i][1]) * scale) for i, n in enumerate(nodes)}
        else:  # networkx's memory-lean spring layout (slower) beyond what n×n arrays allow
            raw = nx.spring_layout(ordered_subgraph(simple, nodes), seed=seed, weight="weight", iterations=50)
            scale = 1.3 * math.sqrt(len(nodes))
            pos = {n: (float(raw[n][0]) * scale, float(raw[n][1]) * scale) for n in nodes}
        layouts.append(pos)
    return layouts


def pack(layouts: list[dict[Any, tuple[float, float]]], row_width: float | None = None,
         extra: Any = None, gap: float = 1.0) -> dict[Any, tuple[float, float]]:
    """Place component layouts left to right in rows of `row_width` units (default: about a
    square); `extra(node)` is room a node needs to its right (its label), in units."""
    boxes = []
    for pos in layouts:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        right = max(x + (extra(n) if extra else 0.0) for n, (x, _) in pos.items())
        boxes.append((pos, min(xs), min(ys), right - min(xs) + gap, max(ys) - min(ys) + gap))
    if row_width is None:
        total = sum(w * h for *_, w, h in boxes)
        row_width = max(max((w for *_, w, _ in boxes), default=1.0), math.sqrt(total) * 1.3)
    placed: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, min_x, min_y, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in pos.items():
            placed[node] = (round(x + px - min_x, 4), round(y + py - min_y, 4))
        x += width
        row_height = max(row_height, height)
    return placed


def layout(graph: nx.Graph, seed: int = SEED) -> dict[Any, tuple[float, float]]:
    """Deterministic positions for `graph` (any networkx graph): its connected components laid
    out by `force_layout` and packed in rows, largest first, single nodes last."""
    return pack(component_layouts(graph, seed))


def top_nodes(graph: nx.MultiDiGraph, limit: int) -> list[Any]:
    """The `limit` nodes of highest PageRank (then degree, then first seen in the graph)."""
    order = {node: i for i, node in enumerate(graph.nodes)}
    ranked = sorted(graph.nodes(data=True), key=lambda item: (-(item[1].get("pagerank") or 0.0),
                                                                -(item[1].get("degree") or 0), order[item[0]]))
    return [node for node, _ in ranked[:limit]]
