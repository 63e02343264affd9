"""Deterministic pictures of the graph: a ForceAtlas2 layout that separates communities (used by
the HTML view and the SVG/PNG overview), the nodes of highest PageRank that a picture keeps,
and a greedy placement of labels that never overlap."""
from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import networkx as nx
import numpy as np

from pipeline.graph.analytics import SEED, undirected

REPULSION_BLOCK = 512  # rows of the pairwise repulsion computed at once (memory: block × n × 8 bytes)
GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))


def _start_positions(nodes: list[Any], communities: Mapping[Any, int], rng: np.random.Generator) -> np.ndarray:
    """Each community starts as a small cloud around its own point of a sunflower spiral (the
    largest in the middle), so the layout begins with the communities apart."""
    sizes: dict[int, int] = {}
    for node in nodes:
        sizes[communities.get(node, -1)] = sizes.get(communities.get(node, -1), 0) + 1
    order = sorted(sizes, key=lambda c: (-sizes[c], c))
    centres = {c: (math.sqrt(i) * math.cos(i * GOLDEN_ANGLE), math.sqrt(i) * math.sin(i * GOLDEN_ANGLE))
               for i, c in enumerate(order)}
    spread = math.sqrt(len(nodes)) * 0.5
    pos = np.array([centres[communities.get(n, -1)] for n in nodes], dtype=np.float32) * spread
    return pos + rng.normal(0.0, 0.5, (len(nodes), 2)).astype(np.float32)


def _repulsion(pos: np.ndarray, mass: np.ndarray, scaling: float) -> np.ndarray:
    """FA2 repulsion kr·m_i·m_j/d between all pairs, in blocks of rows."""
    force = np.empty_like(pos)
    for start in range(0, len(pos), REPULSION_BLOCK):
        block = slice(start, start + REPULSION_BLOCK)
        diff = pos[block, None, :] - pos[None, :, :]
        d2 = np.maximum((diff * diff).sum(axis=2), np.float32(0.01))
        strength = (scaling * mass[block, None] * mass[None, :]) / d2
        force[block] = (diff * strength[:, :, None]).sum(axis=1)
    return force


def forceatlas2(simple: nx.Graph, nodes: list[Any], communities: Mapping[Any, int] | None = None,
                iterations: int = 120, seed: int = SEED) -> np.ndarray:
    """ForceAtlas2 (Jacomy et al. 2014) positions of `nodes` of the undirected weighted graph
    `simple`, LinLog attraction (so communities separate), gravity
    (so components stay together) and FA2's adaptive speed; exact repulsion in numpy (O(n²) per
    iteration, memory O(n) by blocks). Deterministic for a given `seed`."""
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v], float(w)) for u, v, w in simple.edges(nodes, data="weight", default=1)
             if u in index and v in index and u != v]
    rows = np.array([e[0] for e in edges], dtype=np.intp)
    cols = np.array([e[1] for e in edges], dtype=np.intp)
    weights = np.array([e[2] for e in edges], dtype=np.float32)
    mass = np.ones(n, dtype=np.float32)
    np.add.at(mass, rows, 1.0)
    np.add.at(mass, cols, 1.0)
    pos = _start_positions(nodes, communities or {}, np.random.default_rng(seed))
    scaling, gravity = np.float32(2.0), np.float32(0.05)
    speed, efficiency = 1.0, 1.0
    previous = np.zeros_like(pos)
    for _ in range(iterations):
        force = _repulsion(pos, mass, scaling)
        diff = pos[cols] - pos[rows]
        distance = np.maximum(np.sqrt((diff * diff).sum(axis=1)), np.float32(1e-3))
        pull = diff * (weights * np.log1p(distance) / distance)[:, None]
        attraction = np.zeros_like(pos)
        np.add.at(attraction, rows, pull)
        np.add.at(attraction, cols, -pull)
        force += attraction - gravity * mass[:, None] * pos
        swinging = mass * np.sqrt(((force - previous) ** 2).sum(axis=1))
        traction = mass * np.sqrt(((force + previous) ** 2).sum(axis=1)) / 2
        speed, efficiency = _adapt_speed(n, float(swinging.sum()), float(traction.sum()) or 1.0, speed, efficiency)
        pos += force * (speed / (1.0 + np.sqrt(speed * swinging)))[:, None].astype(np.float32)
        previous = force
    return pos - pos.mean(axis=0)


def _adapt_speed(n: int, swing: float, traction: float, speed: float, efficiency: float) -> tuple[float, float]:
    """FA2's global speed: as fast as the swinging (oscillation) of the nodes allows."""
    optimal_jitter = 0.05 * math.sqrt(n)
    jitter = max(math.sqrt(optimal_jitter), min(10.0, optimal_jitter * traction / n ** 2))
    if swing / traction > 2.0:
        efficiency = max(efficiency * 0.5, 0.05)
        jitter = max(jitter, 1.0)
    target = jitter * efficiency * traction / swing if swing else math.inf
    if swing > jitter * traction:
        efficiency = max(efficiency * 0.7, 0.05)
    elif speed < 1000:
        efficiency *= 1.3
    return speed + min(target - speed, 0.5 * speed), efficiency


def corpus_layout(graph: nx.MultiDiGraph, iterations: int | None = None, seed: int = SEED) -> dict[Any, tuple[float, float]]:
    """Positions of every node: the linked ones by `forceatlas2` (started apart by their
    `community` attribute), the unlinked ones on a ring of sunflower rows around them, ordered by
    type and PageRank so each type fills its own arc."""
    simple = undirected(graph)
    linked = [n for n in graph.nodes if simple.degree(n) > 0]
    single = [n for n in graph.nodes if simple.degree(n) == 0]
    positions: dict[Any, tuple[float, float]] = {}
    radius = 0.0
    if linked:
        communities = {n: graph.nodes[n].get("community", -1) for n in linked}
        steps = iterations or (150 if len(linked) <= 1000 else 100 if len(linked) <= 3000 else 70)
        pos = forceatlas2(simple, linked, communities, steps, seed)
        positions.update((node, (round(float(x), 3), round(float(y), 3))) for node, (x, y) in zip(linked, pos))
        radius = float(np.sqrt((pos * pos).sum(axis=1)).max())
    if single:  # a sunflower annulus, about one unit of area each, in rings by type
        single.sort(key=lambda n: (str(graph.nodes[n].get("type")), -(graph.nodes[n].get("pagerank") or 0.0)))
        inner2 = (radius * 1.15 + 2.0) ** 2
        for i, node in enumerate(single):
            ring = math.sqrt(inner2 + 2.0 * (i + 0.5) / math.pi)
            positions[node] = (round(ring * math.cos(i * GOLDEN_ANGLE), 3), round(ring * math.sin(i * GOLDEN_ANGLE), 3))
    return positions


def top_nodes(graph: nx.MultiDiGraph, limit: int) -> list[Any]:
    """The `limit` nodes of highest PageRank (then degree, then first seen in the graph)."""
    ranked = heapq.nsmallest(limit, ((-(attrs.get("pagerank") or 0.0), -(attrs.get("degree") or 0), i, node)
                                     for i, (node, attrs) in enumerate(graph.nodes(data=True))))
    return [node for *_, node in ranked]


# --- labels ---------------------------------------------------------------------------------

class Box(NamedTuple):
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom


class PlacedLabel(NamedTuple):
    x: float  # the text's anchor: left end of its baseline
    y: float
    box: Box


def text_width(text: str, font_size: float) -> float:
    """Width of `text` in a CJK sans-serif font: full-width characters one em, others 0.6 em."""
    return sum(font_size if ord(c) > 0x2E7F else 0.6 * font_size for c in text)


class _Grid:
    """Boxes bucketed by cells of a square grid, for collision checks in near-constant time."""

    def __init__(self, cell: float = 64.0):
        self.cell, self.cells = cell, {}

    def _keys(self, box: Box) -> Iterable[tuple[int, int]]:
        for i in range(int(box.left // self.cell), int(box.right // self.cell) + 1):
            for j in range(int(box.top // self.cell), int(box.bottom // self.cell) + 1):
                yield i, j

    def free(self, box: Box) -> bool:
        return not any(box.overlaps(other) for key in self._keys(box) for other in self.cells.get(key, ()))

    def add(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)


def place_labels(items: Iterable[tuple[Any, float, float, float, str, float]],
                 bounds: Box | None = None) -> dict[Any, PlacedLabel]:
    """Greedy label placement: `items` (node, x, y, radius, text, font size) in priority order;
    each node's disc and its label must overlap no disc or label placed before it (the label
    tried right, left, above, below, then at the four diagonals). A node whose label finds no
    free place is left out of the result — the caller does not draw it."""
    grid, placed = _Grid(), {}
    for node, x, y, r, text, size in items:
        disc = Box(x - r, y - r, x + r, y + r)
        if not grid.free(disc):
            continue
        width, height, gap = text_width(text, size), size * 1.2, 3.0
        candidates = [(x + r + gap, y + size * 0.35), (x - r - gap - width, y + size * 0.35),
                      (x - width / 2, y - r - gap - size * 0.25), (x - width / 2, y + r + gap + size * 0.95),
                      (x + r, y - r - size * 0.2), (x - r - width, y - r - size * 0.2),
                      (x + r, y + r + size * 0.9), (x - r - width, y + r + size * 0.9)]
        for tx, ty in candidates:
            box = Box(tx - 1, ty - size * 0.95, tx + width + 1, ty - size * 0.95 + height)
            inside = bounds is None or (box.left >= bounds.left and box.right <= bounds.right
                                        and box.top >= bounds.top and box.bottom <= bounds.bottom)
            if inside and grid.free(box) and not box.overlaps(disc):
                grid.add(disc)
                grid.add(box)
                placed[node] = PlacedLabel(tx, ty, box)
                break
    return placed
