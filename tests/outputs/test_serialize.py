"""pipeline.outputs: document YAML, graph YAML, GraphML, atomic writes."""
import json
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
import yaml

from pipeline.graph.build import GraphBuilder
from pipeline.ingest.documents import make_document
from pipeline.outputs.atomic import atomic_write
from pipeline.outputs.documents import document_to_dict
from pipeline.outputs.graph_yaml import graph_to_dict
from pipeline.outputs.graphml import graphml_ready, write_graphml
from pipeline.outputs.yaml_io import dump_yaml, write_yaml
from pipeline.records import DocumentResult, Entity, Relation, Span
from tests.conftest import DOCUMENT_SCHEMA
from tests.graph.test_graph import two_documents

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(DOCUMENT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def small_result():
    text = "科技论坛开幕\n新华社 2024-08-13 09:08:44\n中关村实验室主任王建华获得国家科技进步一等奖。"
    doc = make_document("doc-1", text, "doc-1.txt")
    start = text.index("中关村实验室")
    lab = Entity("ORG:中关村实验室", "ORG", "中关村实验室", [], [Span(start, start + 6, "中关村实验室")], 0.7)
    p = text.index("王建华")
    person = Entity("PERSON:王建华", "PERSON", "王建华", [], [Span(p, p + 3, "王建华")], 0.85)
    a = text.index("国家科技进步一等奖")
    award = Entity("AWARD:国家科技进步一等奖", "AWARD", "国家科技进步一等奖", [], [Span(a, a + 9, "国家科技进步一等奖")], 0.75)
    sentence = Span(start, len(text), text[start:])
    relations = [
        Relation("holds_position", person.id, lab.id, (Span(start, p + 3, text[start:p + 3]),), 0.85, "title_chain", "主任"),
        Relation("received", person.id, award.id, (sentence,) * 5, 0.8, "trigger:win"),
    ]
    return DocumentResult(doc, [lab, person, award], relations)


# --- document YAML --------------------------------------------------------------------------

def test_document_dict_follows_the_contract(validator):
    data = document_to_dict(small_result(), max_evidence=3)
    validator.validate(data)
    assert data["document"]["id"] == "doc-1"
    assert data["document"]["title"] == "科技论坛开幕"
    assert data["document"]["source"] == "新华社"
    assert data["document"]["published"] == "2024-08-13 09:08:44"
    assert data["document"]["chars"] == len(data["text"])
    held = next(r for r in data["relations"] if r["type"] == "holds_position")
    assert held["attributes"] == {"title": "主任"}
    assert held["head"] == "PERSON:王建华" and held["tail"] == "ORG:中关村实验室"
    received = next(r for r in data["relations"] if r["type"] == "received")
    assert received["attributes"] == {}
    assert len(received["evidence"]) == 3


def test_document_yaml_round_trips_and_offsets_index_text(tmp_path: Path, validator):
    path = tmp_path / "documents" / "doc-1.yaml"
    write_yaml(path, document_to_dict(small_result()))
    raw = path.read_text(encoding="utf-8")
    assert "中关村实验室" in raw  # Chinese is written as is, not escaped
    data = yaml.safe_load(raw)
    validator.validate(data)
    text = data["text"]
    for entity in data["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    ids = {e["id"] for e in data["entities"]}
    for r in data["relations"]:
        assert r["head"] in ids and r["tail"] in ids
        for span in r["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]


def test_document_schema_rejects_bad_documents(validator):
    data = document_to_dict(small_result())
    bad_type = json.loads(json.dumps(data, ensure_ascii=False))
    bad_type["entities"][0]["type"] = "THING"
    assert not validator.is_valid(bad_type)
    bad_id = json.loads(json.dumps(data, ensure_ascii=False))
    bad_id["document"]["id"] = "../evil"
    assert not validator.is_valid(bad_id)
    bad_relation = json.loads(json.dumps(data, ensure_ascii=False))
    bad_relation["relations"][0]["type"] = "married_to"
    assert not validator.is_valid(bad_relation)
    no_mentions = json.loads(json.dumps(data, ensure_ascii=False))
    no_mentions["entities"][0]["mentions"] = []
    assert not validator.is_valid(no_mentions)


def test_yaml_text_with_odd_characters_round_trips(tmp_path: Path):
    text = "第一行\n\t缩进：“引号”\u3000全角空格 # 不是注释 \u2028分隔"
    path = tmp_path / "x.yaml"
    write_yaml(path, {"text": text, "n": None})
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == {"text": text, "n": None}


def test_dump_yaml_keeps_key_order():
    assert dump_yaml({"b": 1, "a": 2}).splitlines() == ["b: 1", "a: 2"]


# --- atomic writes --------------------------------------------------------------------------

def test_atomic_write_replaces_and_leaves_no_temporary_files(tmp_path: Path):
    path = tmp_path / "out.yaml"
    path.write_text("old", encoding="utf-8")
    atomic_write(path, lambda h: h.write("new"))
    assert path.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


def test_atomic_write_failure_keeps_the_old_file(tmp_path: Path):
    path = tmp_path / "out.yaml"
    path.write_text("old", encoding="utf-8")

    def broken(handle):
        handle.write("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(path, broken)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


def test_atomic_write_creates_folders(tmp_path: Path):
    path = tmp_path / "a" / "b" / "c.bin"
    atomic_write(path, lambda h: h.write(b"\x00\x01"), mode="wb")
    assert path.read_bytes() == b"\x00\x01"


# --- graph YAML and GraphML -----------------------------------------------------------------

@pytest.fixture()
def graph():
    builder = GraphBuilder()
    for r in two_documents():
        builder.add(r)
    builder.add(small_result())
    return builder.graph()


def test_graph_dict(graph):
    data = graph_to_dict(graph)
    assert data["directed"] is True
    assert {n["id"] for n in data["nodes"]} == set(graph.nodes)
    assert len(data["edges"]) == graph.number_of_edges()
    names = {n["id"]: n["label"] for n in data["nodes"]}
    assert names["ORG:中关村实验室"] == "中关村实验室"
    for e in data["edges"]:
        assert e["source"] in names and e["target"] in names
    yaml.safe_load(dump_yaml(data))


def test_graphml_ready_cleans_values(graph):
    graph.add_node("ORG:坏\x0b名字", label="坏\x0b名字", type="ORG", aliases=["甲\x01", "乙"], first_seen=None)
    ready = graphml_ready(graph)
    node = ready.nodes["ORG:坏\x0b名字"]
    assert node["label"] == "坏名字"
    assert node["aliases"] == "甲|乙"
    assert "first_seen" not in node
    for _, _, data in ready.edges(data=True):
        assert "type" not in data and "label" not in data
        assert data["relation"] in {"holds_position", "received"}
        assert all(not isinstance(v, (list, set, tuple)) and v is not None for v in data.values())
    # the input graph is left as it was
    assert graph.nodes["ORG:坏\x0b名字"]["aliases"] == ["甲\x01", "乙"]


def key_ids(path: Path) -> list[str]:
    return [k.get("id") for k in ET.parse(path).getroot().iter(f"{GRAPHML_NS}key")]


def test_graphml_loads_in_networkx_and_igraph(tmp_path: Path, graph):
    graph.add_edge("PERSON:王建华", "AWARD:国家科技进步一等奖", key="received:odd", id="e99", type="received",
                   label="received", title=None, weight=1, documents=["d9"], evidence=["含\x0c控制字符"],
                   confidence=0.5, rules=["test"])
    path = tmp_path / "graph.graphml"
    write_graphml(path, graph)
    loaded = nx.read_graphml(path)
    assert set(loaded.nodes) == set(graph.nodes)
    assert loaded.number_of_edges() == graph.number_of_edges()
    assert {d["label"] for _, d in loaded.nodes(data=True)} == {d["label"] for _, d in graph.nodes(data=True)}

    igraph = pytest.importorskip("igraph")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = igraph.Graph.Read_GraphML(str(path))
    assert g.vcount() == graph.number_of_nodes()
    assert g.ecount() == graph.number_of_edges()
    assert set(g.vs["label"]) == {d["label"] for _, d in graph.nodes(data=True)}


def test_graphml_key_ids_are_unique(tmp_path: Path, graph):
    path = tmp_path / "graph.graphml"
    write_graphml(path, graph)
    ids = key_ids(path)
    assert len(ids) == len(set(ids)), f"key ids declared twice: {sorted(i for i in set(ids) if ids.count(i) > 1)}"


def test_graphml_edge_ids_are_unique(tmp_path: Path, graph):
    path = tmp_path / "graph.graphml"
    write_graphml(path, graph)
    edges = list(ET.parse(path).getroot().iter(f"{GRAPHML_NS}edge"))
    ids = [e.get("id") for e in edges]
    assert len(edges) == graph.number_of_edges()
    assert all(ids) and len(ids) == len(set(ids))


def test_graphml_of_an_empty_graph(tmp_path: Path):
    path = tmp_path / "graph.graphml"
    write_graphml(path, nx.MultiDiGraph())
    assert nx.read_graphml(path).number_of_nodes() == 0
