"""graph.svg: the static overview (`pipeline.outputs.overview`) as SVG, readable without Gephi or
a browser's scripts. Text names a list of CJK fonts (none is embedded), so Chinese renders
wherever one is installed."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import networkx as nx

from pipeline.outputs.atomic import atomic_write
from pipeline.outputs.overview import CJK_FONTS, Dot, Overview, Text, overview


def _rgb(color: tuple[int, int, int]) -> str:
    return "rgb({},{},{})".format(*color)


def _dot(dot: Dot, stroke: str = ' stroke="#fff" stroke-width="1.5"') -> str:
    tip = f"<title>{escape(dot.tip)}</title>" if dot.tip else ""
    return f'<circle cx="{dot.x:.1f}" cy="{dot.y:.1f}" r="{dot.r:.1f}" fill="{_rgb(dot.color)}"{stroke}>{tip}</circle>'


def _text(text: Text) -> str:
    weight = ' font-weight="bold"' if text.bold else ""
    return (f'<text x="{text.x:.1f}" y="{text.y:.1f}" font-size="{text.size:g}" fill="{text.color}"{weight}>'
            f"{escape(text.text)}</text>")


def svg_text(picture: Overview) -> str:
    """The SVG document of an overview."""
    width, height = picture.width, picture.height
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f"font-family='{CJK_FONTS}'>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        _text(Text(40, 36, picture.title, 20, bold=True)),
    ]
    out += [_dot(dot, "") + _text(text) for text, dot in picture.legend]
    out.append('<g stroke="#999" stroke-opacity="0.8" fill="none">')
    out += [f'<line x1="{line.x1:.1f}" y1="{line.y1:.1f}" x2="{line.x2:.1f}" y2="{line.y2:.1f}" '
            f'stroke-width="{line.width:.1f}" marker-end="url(#arrow)"><title>{escape(line.tip)}</title></line>'
            for line in picture.lines]
    out.append("</g>")
    out += [_dot(dot) for dot in picture.dots]
    out.append('<g stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">')
    out += [_text(text) for text in picture.texts]
    out += ["</g>", "</svg>"]
    return "\n".join(out) + "\n"


def svg_overview(graph: nx.MultiDiGraph, max_nodes: int = 150, width: int = 1200) -> str:
    """The SVG overview of the `max_nodes` nodes of highest PageRank."""
    return svg_text(overview(graph, max_nodes, width))


def write_svg(path: Path, graph: nx.MultiDiGraph, max_nodes: int = 150, picture: Overview | None = None) -> None:
    """graph.svg of `picture`, else of the overview of `graph`'s `max_nodes` most central nodes."""
    text = svg_text(picture) if picture is not None else svg_overview(graph, max_nodes=max_nodes)
    atomic_write(path, lambda handle: handle.write(text))
