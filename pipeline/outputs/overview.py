"""The static overview of a graph (drawn as graph.svg and graph.png): its most central entities
laid out by ForceAtlas2, every drawn node labelled and no label overlapping another. A node
whose label finds no free place is not drawn (the title says how many were left out); entities
without a relation among the kept ones are listed in columns below the drawing."""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

import networkx as nx

from pipeline.graph.analytics import DEFAULT_COLOR, SIZE_MAX, SIZE_MIN, ordered_subgraph, undirected
from pipeline.graph.layout import Box, corpus_layout, place_labels, text_width, top_nodes
from pipeline.rules import package_entity_types

TYPE_NAMES_ZH = {name: t.name_zh for name, t in package_entity_types().items()}
# Rendered wherever one of these (or any CJK font the system maps sans-serif to) is installed.
CJK_FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
             '"Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif')
MARGIN, TOP = 40.0, 100.0  # pixels around the picture; above the drawing (title and legend)
PIXELS_PER_NODE = 9000.0  # drawing area per linked node: room for its label among the others
LIST_ROW = 24.0


class Dot(NamedTuple):
    x: float
    y: float
    r: float
    color: tuple[int, int, int]
    tip: str


class Text(NamedTuple):
    x: float  # left end of the baseline
    y: float
    text: str
    size: float
    color: str = "#222222"
    bold: bool = False


class Line(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    tip: str


class Overview(NamedTuple):
    width: int
    height: int
    title: str
    legend: list[tuple[Text, Dot]]
    lines: list[Line]
    dots: list[Dot]  # most central last (drawn on top)
    texts: list[Text]  # the labels of the dots and of the list below


def color_of(attrs: Mapping[str, Any]) -> tuple[int, int, int]:
    r, g, b = (int(attrs.get(channel, default)) for channel, default in zip("rgb", DEFAULT_COLOR, strict=True))
    return r, g, b


def _radius(attrs: Mapping[str, Any]) -> float:
    return 4.0 + 14.0 * (float(attrs.get("size", SIZE_MIN)) - SIZE_MIN) / (SIZE_MAX - SIZE_MIN)


def _font_size(attrs: Mapping[str, Any]) -> float:
    return 12.0 + round(4 * (float(attrs.get("size", SIZE_MIN)) - SIZE_MIN) / (SIZE_MAX - SIZE_MIN))


def _label(graph: nx.MultiDiGraph, node: Any) -> str:
    return str(graph.nodes[node].get("label", node))


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _legend(graph: nx.MultiDiGraph) -> list[tuple[Text, Dot]]:
    out, x = [], MARGIN
    for etype in dict.fromkeys(attrs.get("type") for _, attrs in graph.nodes(data=True)):
        color = next(color_of(a) for _, a in graph.nodes(data=True) if a.get("type") == etype)
        name = f"{TYPE_NAMES_ZH.get(etype, '')} {etype}".strip()
        out.append((Text(x + 20, 69, name, 14, "#333333"), Dot(x + 7, 64, 7, color, "")))
        x += 36 + text_width(name, 14)
    return out


def _scaled(graph: nx.MultiDiGraph, linked: list[Any], width: int) -> tuple[dict[Any, tuple[float, float]], float]:
    """Pixel positions of the linked nodes (the drawing's top left at MARGIN, TOP) and the
    drawing's height: the layout stretched to `width` and to an area of PIXELS_PER_NODE each."""
    raw = corpus_layout(ordered_subgraph(graph, linked))
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    inner = width - 2 * MARGIN - 160  # room for labels at both sides
    height = max(200.0, min(4 * inner, len(linked) * PIXELS_PER_NODE / inner))
    return ({n: (MARGIN + 80 + (x - min(xs)) / span_x * inner, TOP + 30 + (y - min(ys)) / span_y * (height - 60))
             for n, (x, y) in raw.items()}, height)


def _listed(graph: nx.MultiDiGraph, single: list[Any], top: float, width: int) -> tuple[list[Dot], list[Text], float]:
    """The unlinked entities in columns below the drawing; the bottom of the list."""
    if not single:
        return [], [], top
    column = 30 + max(text_width(_short(_label(graph, n)), 13) for n in single)
    columns = max(1, int((width - 2 * MARGIN) // column))
    texts = [Text(MARGIN, top + 12, f"未与其他实体相连的实体（{len(single)} 个）", 15, "#555555")]
    marks = []
    for i, node in enumerate(single):
        cx, cy = MARGIN + 8 + (i % columns) * column, top + 36 + (i // columns) * LIST_ROW
        marks.append(Dot(cx, cy, 6.0, color_of(graph.nodes[node]), _tip(graph, node)))
        texts.append(Text(cx + 12, cy + 5, _short(_label(graph, node)), 13, "#333333"))
    return marks, texts, top + 36 + math.ceil(len(single) / columns) * LIST_ROW


def _tip(graph: nx.MultiDiGraph, node: Any) -> str:
    return f"{_label(graph, node)}（{graph.nodes[node].get('type', '')}）"


def _lines(sub: nx.MultiDiGraph, pos: Mapping[Any, tuple[float, float]]) -> list[Line]:
    """The relations among the drawn nodes, ending at the target's circle, wider with weight."""
    out = []
    for u, v, attrs in sub.edges(data=True):
        if u == v or u not in pos or v not in pos:
            continue
        (x1, y1), (x2, y2) = pos[u], pos[v]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        end = _radius(sub.nodes[v]) + 1.5
        width = 1.0 + min(4.0, math.log2(float(attrs.get("weight", 1) or 1)))
        tip = " ".join(str(p) for p in (attrs.get("type"), attrs.get("title")) if p)
        out.append(Line(x1, y1, x2 - (x2 - x1) * end / length, y2 - (y2 - y1) * end / length, width, tip))
    return out


def overview(graph: nx.MultiDiGraph, max_nodes: int = 150, width: int = 1200) -> Overview:
    """What the overview draws: the `max_nodes` nodes of highest PageRank, the linked ones laid
    out and labelled (most central first), the unlinked ones listed below."""
    keep = top_nodes(graph, max_nodes)
    sub = ordered_subgraph(graph, keep)  # all that is read below but the legend and the counts
    simple = undirected(sub)
    linked = [n for n in keep if simple.degree(n) > 0]
    single = [n for n in keep if simple.degree(n) == 0]
    pos, height = _scaled(sub, linked, width) if linked else ({}, 0.0)
    bounds = Box(MARGIN / 2, TOP, width - MARGIN / 2, TOP + height)
    labels = place_labels(((n, *pos[n], _radius(sub.nodes[n]), _label(sub, n), _font_size(sub.nodes[n]))
                           for n in linked), bounds)
    drawn = {n: pos[n] for n in linked if n in labels}
    dots = [Dot(*drawn[n], _radius(sub.nodes[n]), color_of(sub.nodes[n]), _tip(sub, n)) for n in reversed(list(drawn))]
    texts = [Text(labels[n].x, labels[n].y, _label(sub, n), _font_size(sub.nodes[n])) for n in drawn]
    marks, listed, bottom = _listed(sub, single, TOP + height + 10 if linked else TOP, width)
    shown = len(drawn) + len(single)
    title = (f"zhkg 知识图谱：{graph.number_of_nodes()} 个实体，{graph.number_of_edges()} 条关系"
             + (f"（显示 PageRank 最高的 {shown} 个" if shown < graph.number_of_nodes() else "")
             + (f"，{len(linked) - len(drawn)} 个因标签无处安放而略去" if len(drawn) < len(linked) else "")
             + ("）" if shown < graph.number_of_nodes() else ""))
    return Overview(width, int(bottom + MARGIN), title, _legend(graph), _lines(sub, drawn),
                    marks + dots, texts + listed)
