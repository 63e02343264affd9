"""The files a run writes, one module per format: document YAML (`documents`), graph.yaml
(`graph_yaml`), GraphML (`graphml`), GEXF (`gexf`), Gephi CSVs (`gephi_csv`), node-link JSON
(`node_link`) and the overview picture (`overview`) as SVG (`svg`) and PNG (`png`), each written atomically (`atomic`).

`GRAPH_FORMATS` is the table of graph files by their name in the config's `[output]` section;
graph.yaml is always written."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.outputs.documents import document_dates
from pipeline.outputs.gephi_csv import write_csv
from pipeline.outputs.gexf import edge_interval, write_gexf
from pipeline.outputs.graph_yaml import write_graph_yaml
from pipeline.outputs.graphml import write_graphml
from pipeline.outputs.node_link import write_json
from pipeline.outputs.overview import overview
from pipeline.outputs.png import write_png
from pipeline.outputs.svg import write_svg

# A graph file's writer: (output folder, graph, [output] config, doc id → publication date or None).
GraphWriter = Callable[[Path, nx.MultiDiGraph, Any, "Mapping[str, str] | None"], None]


def _graph_yaml(out_dir: Path, graph: nx.MultiDiGraph, output: Any, dates: Mapping[str, str] | None) -> None:
    write_graph_yaml(out_dir / "graph.yaml", graph)


def _graphml(out_dir: Path, graph: nx.MultiDiGraph, output: Any, dates: Mapping[str, str] | None) -> None:
    write_graphml(out_dir / "graph.graphml", graph)


def _publication_dates(out_dir: Path, graph: nx.MultiDiGraph) -> dict[str, str]:
    """doc id → publication date of the documents of `graph`'s edges, read from out_dir/documents."""
    ids = (d for _, _, docs in graph.edges(data="documents", default=[]) for d in docs or [])
    return document_dates(out_dir / "documents", ids)


def date_edges(graph: nx.MultiDiGraph, dates: Mapping[str, str]) -> None:
    """Give every edge `first_seen` and `last_seen` (as nodes have them): the first and last
    publication date of its documents, None when none is dated."""
    for _, _, attrs in graph.edges(data=True):
        attrs["first_seen"], attrs["last_seen"] = edge_interval(attrs, dates)


def _gexf(out_dir: Path, graph: nx.MultiDiGraph, output: Any, dates: Mapping[str, str] | None) -> None:
    write_gexf(out_dir / "graph.gexf", graph, dates or {})


def _json(out_dir: Path, graph: nx.MultiDiGraph, output: Any, dates: Mapping[str, str] | None) -> None:
    write_json(out_dir / "graph.json", graph)


def _csv(out_dir: Path, graph: nx.MultiDiGraph, output: Any, dates: Mapping[str, str] | None) -> None:
    write_csv(out_dir, graph)


def _svg(out_dir: Path, graph: nx.MultiDiGraph, output: Any, dates: Mapping[str, str] | None) -> None:
    write_svg(out_dir / "graph.svg", graph, getattr(output, "svg_max_nodes", 150))


def _png(out_dir: Path, graph: nx.MultiDiGraph, output: Any, dates: Mapping[str, str] | None) -> None:
    write_png(out_dir / "graph.png", graph, getattr(output, "svg_max_nodes", 150))


def _pictures(out_dir: Path, graph: nx.MultiDiGraph, output: Any, dates: Mapping[str, str] | None) -> None:
    """graph.svg and graph.png, of one overview."""
    picture = overview(graph, getattr(output, "svg_max_nodes", 150))
    write_svg(out_dir / "graph.svg", graph, picture=picture)
    write_png(out_dir / "graph.png", graph, picture=picture)


# [output] name → writer of its files.
GRAPH_FORMATS: dict[str, GraphWriter] = {
    "graphml": _graphml,
    "gexf": _gexf,
    "json": _json,
    "csv": _csv,
    "svg": _svg,
    "png": _png,
}


# the writers by their time on a large graph, the slowest first (so that processes sharing them end together)
SLOWEST_FIRST = (_pictures, _png, _gexf, _graphml, _graph_yaml, _svg, _csv, _json)


def graph_writers(out_dir: Path, graph: nx.MultiDiGraph, output: Any,
                  dates: Mapping[str, str] | None = None) -> list[Callable[[], None]]:
    """The writers of graph.yaml and of each graph file that `output` ([output] of the config)
    turns on, the slowest first (svg and png as one, of one overview), each ready to run (in this
    process or a forked one). `dates`: doc id → publication date (YYYY-MM-DD) for the GEXF edge
    intervals."""
    out_dir = Path(out_dir)
    if isinstance(graph, nx.Graph):  # a CompactGraph has its edges' dates
        date_edges(graph, _publication_dates(out_dir, graph) if dates is None else dates)
    chosen = [_graph_yaml] + [write for name, write in GRAPH_FORMATS.items() if getattr(output, name, True)]
    if _svg in chosen and _png in chosen:
        chosen[chosen.index(_svg)] = _pictures
        chosen.remove(_png)
    chosen.sort(key=SLOWEST_FIRST.index)
    return [partial(write, out_dir, graph, output, dates) for write in chosen]


def write_graph_files(out_dir: Path, graph: nx.MultiDiGraph, output: Any,
                      dates: Mapping[str, str] | None = None) -> None:
    """Write what `graph_writers` gives, one after the other."""
    for write in graph_writers(out_dir, graph, output, dates):
        write()
