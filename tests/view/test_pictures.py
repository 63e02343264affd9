"""pipeline.graph.layout (ForceAtlas2, label placement) and the static overview drawn from it
(pipeline.outputs.overview, graph.svg, graph.png)."""
from __future__ import annotations

import itertools
import math
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from pipeline.graph.analytics import enrich, type_colors
from pipeline.graph.layout import Box, corpus_layout, forceatlas2, place_labels, text_width
from pipeline.outputs.overview import overview
from pipeline.outputs.png import cjk_font_file, write_png


def two_communities() -> nx.Graph:
    """Two cliques of eight joined by one edge."""
    g = nx.Graph()
    for base in (0, 8):
        g.add_edges_from(((base + i, base + j) for i, j in itertools.combinations(range(8), 2)), weight=1)
    g.add_edge(0, 8, weight=1)
    return g


def test_forceatlas2_separates_communities_and_is_deterministic():
    g = two_communities()
    nodes = list(g.nodes)
    pos = forceatlas2(g, nodes, {n: n // 8 for n in nodes})
    assert np.array_equal(pos, forceatlas2(g, nodes, {n: n // 8 for n in nodes}))
    a, b = pos[:8], pos[8:]
    spread = max(np.linalg.norm(a - a.mean(axis=0), axis=1).max(), np.linalg.norm(b - b.mean(axis=0), axis=1).max())
    assert np.linalg.norm(a.mean(axis=0) - b.mean(axis=0)) > 1.5 * spread


def test_corpus_layout_puts_unlinked_nodes_around_the_linked_ones():
    g = nx.MultiDiGraph(two_communities())
    g.add_nodes_from(["alone-1", "alone-2", "alone-3"])
    pos = corpus_layout(g)
    assert set(pos) == set(g.nodes)
    linked_radius = max(math.hypot(*pos[n]) for n in range(16))
    assert all(math.hypot(*pos[n]) > linked_radius for n in ("alone-1", "alone-2", "alone-3"))


def test_place_labels_never_overlaps_and_drops_what_does_not_fit():
    items = [(i, 100.0 + (i % 3) * 4, 100.0 + (i // 3) * 4, 3.0, "中关村实验室", 14.0) for i in range(12)]
    items.append(("far", 400.0, 400.0, 3.0, "新华社", 14.0))
    placed = place_labels(items, Box(0, 0, 600, 600))
    assert 0 < len(placed) < 12 and "far" in placed and 0 in placed  # the first always finds room
    boxes = [p.box for p in placed.values()]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))


def enriched_graph() -> nx.MultiDiGraph:
    from tests.outputs.test_export import built_graph

    g = built_graph()
    enrich(g, type_colors())
    return g


def test_overview_labels_every_drawn_node_without_overlaps():
    g = nx.MultiDiGraph()
    for i in range(60):  # a dense star: not every label can find room
        g.add_node(f"PERSON:人物{i}", label=f"人物{i}号", type="PERSON")
        g.add_edge("ORG:中心", f"PERSON:人物{i}", weight=1)
    g.nodes["ORG:中心"].update(label="中心机构", type="ORG")
    enrich(g, type_colors())
    picture = overview(g, max_nodes=61, width=500)
    drawn = picture.dots
    labels = picture.texts
    assert len(drawn) == len(labels) and {t.text for t in labels} >= {"中心机构"}
    boxes = [Box(t.x, t.y - 0.9 * t.size, t.x + text_width(t.text, t.size), t.y + 0.2 * t.size) for t in labels]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    if len(drawn) < 61:
        assert "因标签无处安放而略去" in picture.title


def test_png_overview(tmp_path: Path):
    image_module = pytest.importorskip("PIL.Image")
    if not cjk_font_file():
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk)")
    g = enriched_graph()
    assert write_png(tmp_path / "graph.png", g)
    picture = overview(g)
    with image_module.open(tmp_path / "graph.png") as image:
        assert image.size == (picture.width, picture.height)
        colors = {c for _, c in image.convert("RGB").getcolors(maxcolors=1 << 24)}
    assert {tuple(c) for c in type_colors().values()} & colors


def test_png_is_not_written_without_a_cjk_font(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr("pipeline.outputs.png.cjk_font_file", lambda: None)
    (tmp_path / "graph.png").write_bytes(b"stale")
    assert not write_png(tmp_path / "graph.png", enriched_graph())
    assert not (tmp_path / "graph.png").exists() and "no CJK font" in capsys.readouterr().err
