"""The graph files name the same things alike: every edge has its first and last date in every format."""
from __future__ import annotations

import csv
import json

import networkx as nx
import yaml

from pipeline.config import OutputConfig
from pipeline.graph.build import GraphBuilder
from pipeline.outputs import write_graph_files
from pipeline.records import Document, DocumentResult, Entity, Relation, Span

DATES = {"a": "2023-01-05", "b": "2024-08-13", "c": None}


def _graph() -> nx.MultiDiGraph:
    builder = GraphBuilder()
    for doc_id, day in DATES.items():
        person = Entity("PERSON:吴建平", "PERSON", "吴建平", mentions=[Span(0, 3, "吴建平")])
        lab = Entity("ORG:中关村实验室", "ORG", "中关村实验室", mentions=[Span(3, 9, "中关村实验室")])
        relation = Relation("holds_position", person.id, lab.id, (Span(0, 11, "吴建平中关村实验室主任"),), 0.8,
                            "title_chain", "主任")
        builder.add(DocumentResult(Document(doc_id, "吴建平中关村实验室主任", published=day), [person, lab], [relation]))
    return builder.graph()


def test_every_edge_has_its_first_and_last_date_in_every_format(tmp_path):
    graph = _graph()
    write_graph_files(tmp_path, graph, OutputConfig(svg=False), {k: v for k, v in DATES.items() if v})
    expected = ("2023-01-05", "2024-08-13")
    (edge,) = yaml.safe_load((tmp_path / "graph.yaml").read_text(encoding="utf-8"))["edges"]
    assert (edge["first_seen"], edge["last_seen"]) == expected
    (edge,) = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))["edges"]
    assert (edge["first_seen"], edge["last_seen"]) == expected
    ((_, _, attrs),) = nx.read_graphml(tmp_path / "graph.graphml").edges(data=True)
    assert (attrs["edge_first_seen"], attrs["edge_last_seen"]) == expected
    ((_, _, attrs),) = nx.read_gexf(tmp_path / "graph.gexf").edges(data=True)
    assert (attrs["start"], attrs["end"]) == expected
    with open(tmp_path / "edges.csv", encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["first_seen"], row["last_seen"]) == expected
    assert (row["relation"], row["title"]) == ("holds_position", "主任")
