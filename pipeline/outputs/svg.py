"""graph.svg: a static picture of the merged graph's most central entities, readable without
Gephi or a browser's scripts."""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import networkx as nx

from pipeline.graph.analytics import DEFAULT_COLOR, SIZE_MAX, SIZE_MIN, ordered_subgraph, undirected
from pipeline.graph.layout import component_layouts, pack, top_nodes
from pipeline.outputs.atomic import atomic_write
from pipeline.rules import package_entity_types

TYPE_NAMES_ZH = {name: t.name_zh for name, t in package_entity_types().items()}
# Rendered wherever one of these (or any CJK font the system maps sans-serif to) is installed.
CJK_FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
             '"Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif')
MARGIN, TOP = 40.0, 100.0  # pixels around the picture; above the drawing (title and legend)


def _rgb(attrs: Mapping[str, Any]) -> str:
    r, g, b = (int(attrs.get(channel, default)) for channel, default in zip("rgb", DEFAULT_COLOR, strict=True))
    return f"rgb({r},{g},{b})"


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _radius(attrs: Mapping[str, Any]) -> float:
    return 4.0 + 14.0 * (float(attrs.get("size", SIZE_MIN)) - SIZE_MIN) / (SIZE_MAX - SIZE_MIN)


def _label(graph: nx.MultiDiGraph, node: Any) -> str:
    return str(graph.nodes[node].get("label", node))


@dataclass(frozen=True)
class _Frame:
    """Where things go: pixels per layout unit, node positions (in units), the picture's size,
    and the grid of the list of unlinked entities below the drawing."""

    unit: float
    pos: dict[Any, tuple[float, float]]
    min_y: float
    width: int
    height: int
    list_top: float
    column: float
    columns: int

    def at(self, node: Any) -> tuple[float, float]:
        x, y = self.pos[node]
        return MARGIN + 20 + x * self.unit, TOP + 30 + (y - self.min_y) * self.unit


def _frame(graph: nx.MultiDiGraph, simple: nx.Graph, linked: list[Any], single: list[Any], width: int) -> _Frame:
    """Lay out the linked nodes (components packed in rows, room for labels to their right) and
    size the picture: at least `width` pixels wide, as high as the drawing and the list."""
    layouts = component_layouts(ordered_subgraph(simple, linked))
    widest = max((max(p[0] for p in pos.values()) - min(p[0] for p in pos.values()) for pos in layouts), default=0.0)
    unit = min(90.0, (width - 2 * MARGIN - 260) / max(widest, 1.0))

    def label_room(node: Any) -> float:
        return (len(_label(graph, node)) * 15 + 30) / unit

    pos = pack(layouts, (width - 2 * MARGIN - 40) / unit, label_room, gap=0.8)
    ys = [p[1] for p in pos.values()] or [0.0]
    width = max(width, int(2 * MARGIN + 20 + max((x + label_room(n)) * unit for n, (x, _) in pos.items()))) \
        if pos else width
    drawing_height = ((max(ys) - min(ys)) * unit + 60) if linked else 0.0
    label_chars = max((len(_short(_label(graph, n))) for n in single), default=0)
    column = 30 + 14 * label_chars
    columns = max(1, int((width - 2 * MARGIN) // column)) if single else 1
    rows = math.ceil(len(single) / columns)
    list_top = TOP + drawing_height + (36 if single else 0)
    return _Frame(unit, pos, min(ys), width, int(list_top + rows * 24 + MARGIN), list_top, column, columns)


def _svg_head(graph: nx.MultiDiGraph, shown: int, frame: _Frame) -> list[str]:
    """The SVG element, arrow marker, background, title and the legend of entity types."""
    width, height = frame.width, frame.height
    title = (f"zhkg 知识图谱：{graph.number_of_nodes()} 个实体，{graph.number_of_edges()} 条关系"
             + (f"（显示 PageRank 最高的 {shown} 个）" if shown < graph.number_of_nodes() else ""))
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family=\'{CJK_FONTS}\'>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="36" font-size="20" font-weight="bold" fill="#222">{escape(title)}</text>',
    ]
    x = MARGIN
    for etype in dict.fromkeys(attrs.get("type") for _, attrs in graph.nodes(data=True)):
        color = next(_rgb(a) for _, a in graph.nodes(data=True) if a.get("type") == etype)
        name = f"{TYPE_NAMES_ZH.get(etype, '')} {etype}".strip()
        out.append(f'<circle cx="{x + 7}" cy="64" r="7" fill="{color}"/>'
                   f'<text x="{x + 20}" y="69" font-size="14" fill="#333">{escape(name)}</text>')
        x += 50 + 9 * len(name)
    return out


def _svg_edges(graph: nx.MultiDiGraph, sub: nx.MultiDiGraph, frame: _Frame) -> list[str]:
    """The relations among the drawn nodes: arrows ending at the target's circle, wider with weight."""
    out = ['<g stroke="#999" stroke-opacity="0.8" fill="none">']
    for u, v, attrs in sub.edges(data=True):
        if u == v:
            continue
        (x1, y1), (x2, y2) = frame.at(u), frame.at(v)
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        r_end = _radius(graph.nodes[v]) + 1.5
        x2e, y2e = x2 - (x2 - x1) * r_end / length, y2 - (y2 - y1) * r_end / length
        stroke = 1.0 + min(4.0, math.log2(float(attrs.get("weight", 1) or 1)))
        rel = escape(" ".join(str(p) for p in (attrs.get("type"), attrs.get("title")) if p))
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2e:.1f}" y2="{y2e:.1f}" stroke-width="{stroke:.1f}" '
                   f'marker-end="url(#arrow)"><title>{rel}</title></line>')
    out.append("</g>")
    return out


def _dot(graph: nx.MultiDiGraph, node: Any, cx: float, cy: float, r: float) -> str:
    attrs = graph.nodes[node]
    tip = escape(f"{attrs.get('label', node)}（{attrs.get('type', '')}）")
    return (f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{_rgb(attrs)}" stroke="#fff" '
            f'stroke-width="1.5"><title>{tip}</title></circle>')


def _svg_nodes(graph: nx.MultiDiGraph, linked: list[Any], labelled: set[Any], frame: _Frame) -> list[str]:
    """The linked nodes' circles (most central on top) and the labels of `labelled`."""
    out = [_dot(graph, node, *frame.at(node), _radius(graph.nodes[node])) for node in reversed(linked)]
    out.append('<g fill="#222" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">')
    for node in linked:
        if node in labelled:
            attrs = graph.nodes[node]
            cx, cy = frame.at(node)
            size = 12 + round(4 * (float(attrs.get("size", SIZE_MIN)) - SIZE_MIN) / (SIZE_MAX - SIZE_MIN))
            out.append(f'<text x="{cx + _radius(attrs) + 3:.1f}" y="{cy + size / 3:.1f}" font-size="{size}">'
                       f'{escape(str(attrs.get("label", node)))}</text>')
    out.append("</g>")
    return out


def _svg_unlinked(graph: nx.MultiDiGraph, single: list[Any], frame: _Frame) -> list[str]:
    """The list of the shown entities that have no relation among them, in columns."""
    if not single:
        return []
    out = [f'<text x="{MARGIN}" y="{frame.list_top - 12:.0f}" font-size="15" fill="#555">'
           f'未与其他实体相连的实体（{len(single)} 个）</text>']
    for i, node in enumerate(single):
        cx = MARGIN + 8 + (i % frame.columns) * frame.column
        cy = frame.list_top + (i // frame.columns) * 24 + 6
        out.append(_dot(graph, node, cx, cy, 6.0))
        out.append(f'<text x="{cx + 12:.1f}" y="{cy + 5:.1f}" font-size="13" fill="#333">'
                   f'{escape(_short(_label(graph, node)))}</text>')
    return out


def svg_overview(graph: nx.MultiDiGraph, max_nodes: int = 150, max_labels: int = 80, width: int = 1200) -> str:
    """A static SVG picture of the `max_nodes` nodes of highest PageRank: the linked ones drawn
    with their relations, the unlinked ones listed below. Text uses a CJK font-family list
    (no font is embedded), so Chinese renders wherever a CJK font is installed."""
    keep = top_nodes(graph, max_nodes)
    sub = ordered_subgraph(graph, keep)
    simple = undirected(sub)
    linked = [n for n in keep if simple.degree(n) > 0]
    single = [n for n in keep if simple.degree(n) == 0]
    frame = _frame(graph, simple, linked, single, width)
    out = [*_svg_head(graph, len(keep), frame), *_svg_edges(graph, sub, frame),
           *_svg_nodes(graph, linked, set(linked[:max_labels]), frame), *_svg_unlinked(graph, single, frame), "</svg>"]
    return "\n".join(out) + "\n"


def write_svg(path: Path, graph: nx.MultiDiGraph, max_nodes: int = 150) -> None:
    text = svg_overview(graph, max_nodes=max_nodes)
    atomic_write(path, lambda handle: handle.write(text))
