"""pipeline.graph.analytics and pipeline.outputs: analytics, GEXF, Gephi CSVs, node-link JSON, SVG, and the GraphML they
enrich — each read back with an independent reader. Graphs come from hand-made document
results (no spaCy): `run` is driven by a stand-in extractor."""
from __future__ import annotations

import csv
import io
import json
import math
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
import yaml

from pipeline.config import load_config
from pipeline.engine.runner import run
from pipeline.graph.analytics import ANALYTICS, SIZE_MAX, SIZE_MIN, add_analytics, enrich, type_colors, undirected
from pipeline.graph.build import GraphBuilder
from pipeline.outputs import write_graph_files as write_exports
from pipeline.outputs.documents import document_dates
from pipeline.outputs.gephi_csv import write_csv
from pipeline.outputs.gexf import gexf_ready, write_gexf
from pipeline.outputs.graphml import write_graphml
from pipeline.outputs.node_link import graph_json, read_graph, write_json
from pipeline.outputs.svg import svg_overview
from pipeline.records import Document, DocumentResult, Entity, Relation, Span

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GEXF_NS = "{http://www.gexf.net/1.2draft}"
VIZ_NS = "{http://www.gexf.net/1.2draft/viz}"
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}
ODD_EVIDENCE = '王建华说："创新, 是第一动力"\n——新华社|记者\x0b报道'

# --- hand-made documents --------------------------------------------------------------------

DOCS = {
    "d1": ("2024-08-13 09:08:44", "中关村实验室主任王建华获得国家科技进步一等奖。"),
    "d2": ("2023-01-05", "王建华出席在北京举行的科技论坛。中关村实验室位于北京。"),
    "d3": (None, "李强出席科技论坛。中关村实验室党委书记王建华。"),
    "d4": ("2024-02-01", "新华社报道。"),
}


def entity(etype, name, aliases=(), confidence=0.8):
    return Entity(f"{etype}:{name}", etype, name, list(aliases), [Span(0, len(name), name)], confidence)


def relation(rtype, head, tail, title=None, evidence="证据句。"):
    return Relation(rtype, head.id, tail.id, (Span(0, len(evidence), evidence),), 0.8, "test", title)


def contents(doc_id):
    lab, wang = entity("ORG", "中关村实验室", ["实验室"]), entity("PERSON", "王建华", ["王建华主任"])
    award, forum = entity("AWARD", "国家科技进步一等奖"), entity("EVENT", "科技论坛")
    beijing, li = entity("LOCATION", "北京"), entity("PERSON", "李强", ["李强总理"])
    if doc_id == "d1":
        return [lab, wang, award], [relation("holds_position", wang, lab, "主任", "中关村实验室主任王建华"),
                                    relation("received", wang, award, evidence=ODD_EVIDENCE)]
    if doc_id == "d2":
        return [wang, forum, beijing, lab], [relation("participated_in", wang, forum, evidence="王建华出席科技论坛"),
                                             relation("located_in", forum, beijing),
                                             relation("located_in", lab, beijing),
                                             relation("holds_position", wang, lab, "主任", "实验室主任王建华")]
    if doc_id == "d3":
        return [li, forum, lab, wang], [relation("participated_in", li, forum),
                                        relation("holds_position", wang, lab, "党委书记")]
    return [entity("ORG", "新华社")], []  # an entity with no relation


def results() -> list[DocumentResult]:
    out = []
    for doc_id, (published, text) in DOCS.items():
        entities, relations = contents(doc_id)
        out.append(DocumentResult(Document(doc_id, text, published=published), entities, relations))
    return out


def built_graph() -> nx.MultiDiGraph:
    builder = GraphBuilder()
    for r in results():
        builder.add(r)
    return builder.graph()


class FakeExtractor:
    """Stands in for the spaCy chain: the hand-made result of each ingested document."""

    def process(self, documents):
        for doc in documents:
            entities, relations = contents(doc.id)
            yield DocumentResult(doc, entities, relations)


def write_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [{"id": doc_id, "text": text, **({"date": published} if published else {})}
             for doc_id, (published, text) in DOCS.items()]
    path = folder / "feed.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("export")
    report = run([str(write_inputs(base / "in"))], base / "out", load_config(), extractor=FakeExtractor(),
                 warn=lambda message: None)
    assert report.documents == 4 and not report.skipped
    return base / "out"


@pytest.fixture(scope="module")
def graph_yaml(out) -> dict:
    return yaml.safe_load((out / "graph.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nodes(graph_yaml) -> dict[str, dict]:
    return {n["id"]: n for n in graph_yaml["nodes"]}


# --- zhkg run writes every format -----------------------------------------------------------

def test_run_writes_every_format_atomically(out):
    names = {p.name for p in out.iterdir()}
    assert {"graph.yaml", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.json", "graph.svg",
            "run.yaml", "documents"} <= names
    assert [p.name for p in out.rglob("*")
            if (p.name.startswith(".") or p.suffix == ".tmp") and p.name != ".zhkg.lock"] == []  # the folder's lock
    summary = yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))
    timings, characters = summary["timings"], summary["counts"]["characters"]
    assert timings["analytics_seconds"] >= 0
    # the whole run's rate, and the document stage's, which is the faster
    assert timings["characters_per_second"] == round(characters / timings["total_seconds"])
    assert timings["analysis_characters_per_second"] == round(characters / timings["extract_seconds"])
    assert timings["analysis_characters_per_second"] >= timings["characters_per_second"]


def test_output_switches_turn_formats_off(tmp_path: Path):
    config_file = tmp_path / "quiet.cfg"
    config_file.write_text("[output]\ngexf = false\ncsv = false\njson = false\nsvg = false\n", encoding="utf-8")
    run([str(write_inputs(tmp_path / "in"))], tmp_path / "out", load_config(config_file),
        extractor=FakeExtractor(), warn=lambda message: None)
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"graph.yaml", "graph.graphml", "run.yaml"} <= names
    assert not names & {"graph.gexf", "nodes.csv", "edges.csv", "graph.json", "graph.svg"}


# --- analytics ------------------------------------------------------------------------------

def test_analytics_on_every_node_of_graph_yaml(graph_yaml, nodes):
    edges = graph_yaml["edges"]
    for node_id, n in nodes.items():
        assert set(ANALYTICS) <= set(n), node_id
        incident = [e for e in edges if node_id in (e["source"], e["target"])]
        assert n["degree"] == len(incident)
        assert n["weighted_degree"] == pytest.approx(sum(e["weight"] for e in incident))
        assert 0.0 <= n["betweenness"] <= 1.0
        assert isinstance(n["community"], int) and n["community"] >= 0
        assert SIZE_MIN <= n["size"] <= SIZE_MAX
    assert sum(n["pagerank"] for n in nodes.values()) == pytest.approx(1.0, abs=1e-4)
    assert graph_yaml["analytics"]["community"]["method"] == "louvain"
    assert graph_yaml["analytics"]["betweenness"]["exact"] is True
    # evidence stays in the YAML
    assert any(ODD_EVIDENCE in e["evidence"] for e in edges)


def test_analytics_values(nodes):
    # 王建华 and 科技论坛 link the two halves of the graph; 新华社 is alone
    hub = max(nodes.values(), key=lambda n: n["betweenness"])
    assert hub["label"] in {"王建华", "中关村实验室", "科技论坛"}
    assert nodes["ORG:新华社"]["degree"] == 0 and nodes["ORG:新华社"]["betweenness"] == 0.0
    assert nodes["ORG:新华社"]["size"] == SIZE_MIN
    biggest = max(nodes.values(), key=lambda n: n["pagerank"])
    assert biggest["size"] == SIZE_MAX
    assert nodes["PERSON:王建华"]["weighted_degree"] == 5.0  # 主任 ×2 documents, 党委书记, received, participated_in
    assert nodes["ORG:新华社"]["community"] != nodes["PERSON:王建华"]["community"]


def test_analytics_match_networkx_on_the_undirected_graph():
    g = built_graph()
    add_analytics(g)
    simple = undirected(g)
    exact = nx.betweenness_centrality(simple, normalized=True)
    pagerank = nx.pagerank(simple, weight="weight")
    for node, attrs in g.nodes(data=True):
        assert attrs["betweenness"] == pytest.approx(exact[node], rel=1e-5, abs=1e-9)
        assert attrs["pagerank"] == pytest.approx(pagerank[node], rel=1e-5)


def test_analytics_ignore_direction_and_are_deterministic():
    first, second = built_graph(), built_graph()
    add_analytics(first)
    reversed_graph = nx.MultiDiGraph()
    reversed_graph.add_nodes_from(second.nodes(data=True))
    reversed_graph.add_edges_from((v, u, k, d) for u, v, k, d in second.edges(keys=True, data=True))
    add_analytics(reversed_graph)
    for node in first.nodes:
        for name in ("pagerank", "betweenness", "community", "degree", "weighted_degree"):
            assert first.nodes[node][name] == reversed_graph.nodes[node][name], (node, name)


def test_betweenness_is_sampled_above_the_budget():
    g = nx.MultiDiGraph()
    base = nx.barabasi_albert_graph(300, 2, seed=3)
    g.add_nodes_from(f"ORG:{n}" for n in base.nodes)
    g.add_edges_from((f"ORG:{u}", f"ORG:{v}", {"weight": 1}) for u, v in base.edges)
    info = add_analytics(g, budget=20_000)
    assert info["betweenness"]["exact"] is False and info["betweenness"]["seed"] == 42
    assert 32 <= info["betweenness"]["sources"] < 300
    first = {n: a["betweenness"] for n, a in g.nodes(data=True)}
    add_analytics(g, budget=20_000)
    assert first == {n: a["betweenness"] for n, a in g.nodes(data=True)}
    exact = nx.betweenness_centrality(nx.Graph(base), normalized=True)
    top_exact = max(exact, key=exact.get)
    assert first[f"ORG:{top_exact}"] > sorted(first.values())[len(first) // 2]  # the hub stays high


@pytest.mark.parametrize("sources", [None, 1, 7, 29], ids=["exact", "one", "seven", "sampled"])
def test_raw_betweenness_is_networkx_float_for_float(sources):
    from pipeline.graph.analytics import raw_betweenness

    if sources and tuple(int(p) for p in nx.__version__.split(".")[:2]) < (3, 5):
        pytest.skip("networkx before 3.5 scales sampled betweenness otherwise")
    for seed in range(20):
        graph = nx.relabel_nodes(nx.gnm_random_graph(30, 20 + 4 * seed, seed=seed), lambda n: f"N{(n * 7) % 30}")
        expected = nx.betweenness_centrality(graph, k=sources, normalized=False, seed=42 if sources else None)
        found = raw_betweenness(graph, sources, 42 if sources else None)
        assert list(found) == list(expected)
        assert all(a == b or (math.isnan(a) and math.isnan(b)) for a, b in zip(found.values(), expected.values()))


def test_empty_graph_exports(tmp_path: Path):
    g = nx.MultiDiGraph()
    enrich(g, type_colors())
    write_graphml(tmp_path / "graph.graphml", g)
    write_exports(tmp_path, g, load_config().output)
    assert nx.read_graphml(tmp_path / "graph.graphml").number_of_nodes() == 0
    assert nx.read_gexf(tmp_path / "graph.gexf").number_of_nodes() == 0
    assert list(csv.reader(io.StringIO((tmp_path / "nodes.csv").read_text(encoding="utf-8")))) == [["Id", "Label", "Category"]]
    assert json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))["nodes"] == []
    ET.parse(tmp_path / "graph.svg")


# --- GraphML --------------------------------------------------------------------------------

def test_graphml_follows_the_graphml_rules(out):
    root = ET.parse(out / "graph.graphml").getroot()
    keys = list(root.iter(f"{GRAPHML_NS}key"))
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids)), "key ids declared once"
    declared = {k.get("id"): k for k in keys}
    assert all(k.get("attr.type") in GRAPHML_TYPES for k in keys)
    assert all(k.get("for") in {"node", "edge", "graph", "all"} for k in keys)
    [graph] = root.findall(f"{GRAPHML_NS}graph")
    assert graph.get("edgedefault") == "directed"
    node_ids = [n.get("id") for n in graph.iter(f"{GRAPHML_NS}node")]
    assert len(node_ids) == len(set(node_ids))
    edge_ids = [e.get("id") for e in graph.iter(f"{GRAPHML_NS}edge")]
    assert all(edge_ids) and len(edge_ids) == len(set(edge_ids))
    for element, kind in [(n, "node") for n in graph.iter(f"{GRAPHML_NS}node")] + \
                         [(e, "edge") for e in graph.iter(f"{GRAPHML_NS}edge")]:
        for data in element.findall(f"{GRAPHML_NS}data"):
            key = declared.get(data.get("key"))
            assert key is not None, f"undeclared key {data.get('key')}"
            assert key.get("for") in {kind, "all"}
            assert data.text != "None"  # None values are left out, never written as text
            if key.get("attr.type") in {"int", "long"}:
                int(data.text)
            elif key.get("attr.type") in {"float", "double"}:
                float(data.text)
    for edge in graph.iter(f"{GRAPHML_NS}edge"):
        assert edge.get("source") in node_ids and edge.get("target") in node_ids
    types = {k.get("attr.name"): (k.get("for"), k.get("attr.type")) for k in keys}
    for name in ("r", "g", "b", "degree", "community"):
        assert types[name][0] == "node" and types[name][1] in {"int", "long"}, name
    for name in ("size", "pagerank", "betweenness", "weighted_degree"):
        assert types[name] == ("node", "double"), name
    assert types["label"] == ("node", "string") and types["relation"] == ("edge", "string")
    assert types["weight"][0] == "edge"


def odd_graph() -> nx.MultiDiGraph:
    """Values that XML escapes or forbids, ids that need escaping, and one name of two types."""
    g = built_graph()
    enrich(g, type_colors())
    g.add_node("ORG:A&B<C>\"D'\x02", label="A&B <C> \"D\" 'E'\r\n\tF]]>\x0b", flag=True, share=np.float32(0.5))
    g.add_node(7, label="seven", confidence=1, count=np.int64(3), empty="")
    g.add_edge("ORG:A&B<C>\"D'\x02", 7, key="rel", id='e"1\n', type="part_of", documents=["d1", "d\x012"])
    g.add_edge(7, 7, key="loop", type="part_of", label=None, weight=2.5)
    return g


@pytest.mark.parametrize("make", [nx.MultiDiGraph, built_graph, odd_graph], ids=["empty", "built", "odd"])
def test_graphml_is_what_networkx_writes(tmp_path: Path, make):
    pytest.importorskip("lxml")
    from pipeline.outputs.graphml import graphml_ready, xml_safe_ids

    graph = make()
    expected = io.BytesIO()
    nx.write_graphml(xml_safe_ids(graphml_ready(graph)), expected, named_key_ids=True, edge_id_from_attribute="id")
    write_graphml(tmp_path / "g.graphml", graph)
    assert (tmp_path / "g.graphml").read_bytes() == expected.getvalue()


def test_graphml_in_networkx_and_igraph(out, nodes):
    g = nx.read_graphml(out / "graph.graphml")
    assert g.is_directed() and set(g.nodes) == set(nodes)
    colors = type_colors()
    for node, attrs in g.nodes(data=True):
        assert (attrs["r"], attrs["g"], attrs["b"]) == tuple(colors[attrs["type"]])
        assert attrs["pagerank"] == pytest.approx(nodes[node]["pagerank"])
        assert attrs["size"] == nodes[node]["size"]
    igraph = pytest.importorskip("igraph")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ig = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert ig.is_directed() and ig.vcount() == len(nodes)
    assert set(ig.vs["label"]) == {n["label"] for n in nodes.values()}
    by_label = {v["label"]: v for v in ig.vs}
    assert by_label["王建华"]["community"] == nodes["PERSON:王建华"]["community"]
    assert by_label["王建华"]["r"] == colors["PERSON"][0]
    assert {e["relation"] for e in ig.es} >= {"holds_position", "received", "located_in"}


# --- GEXF -----------------------------------------------------------------------------------

def test_gexf_reads_back_in_networkx(out, nodes):
    g = nx.read_gexf(out / "graph.gexf")
    assert g.is_directed() and set(g.nodes) == set(nodes)
    colors = type_colors()
    for node, attrs in g.nodes(data=True):
        source = nodes[node]
        assert attrs["label"] == source["label"]
        assert attrs["type"] == source["type"]
        assert (attrs["viz"]["color"]["r"], attrs["viz"]["color"]["g"], attrs["viz"]["color"]["b"]) == tuple(colors[source["type"]])
        assert attrs["viz"]["size"] == pytest.approx(source["size"])
        assert attrs.get("start") == source["first_seen"] and attrs.get("end") == source["last_seen"]
        for name in ANALYTICS:
            assert attrs[name] == pytest.approx(source[name]), name
    assert g.number_of_edges() == 7
    relations = {(u, v, d["relation"], d.get("title")) for u, v, d in g.edges(data=True)}
    assert ("PERSON:王建华", "ORG:中关村实验室", "holds_position", "党委书记") in relations


def test_gexf_is_a_dynamic_graph_with_dated_edges(out):
    root = ET.parse(out / "graph.gexf").getroot()
    assert root.tag == f"{GEXF_NS}gexf" and root.get("version") == "1.2"
    graph = root.find(f"{GEXF_NS}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == ("dynamic", "date", "directed")
    node_ids = {n.get("id") for n in graph.iter(f"{GEXF_NS}node")}
    assert graph.find(f"{GEXF_NS}nodes/{GEXF_NS}node[@id='ORG:中关村实验室']").get("start") == "2023-01-05"
    edges = list(graph.iter(f"{GEXF_NS}edge"))
    assert len({e.get("id") for e in edges}) == len(edges)
    for edge in edges:
        assert edge.get("source") in node_ids and edge.get("target") in node_ids
        assert edge.get("type") in (None, "directed", "undirected", "mutual")
        assert edge.find(f"{VIZ_NS}color") is None
    dated = {(e.get("label"), e.get("start"), e.get("end")) for e in edges}
    assert ("holds_position", "2023-01-05", "2024-08-13") in dated  # 主任, seen in d2 and d1
    assert ("holds_position", None, None) in dated  # 党委书记, only in the undated d3
    for node in graph.iter(f"{GEXF_NS}node"):
        assert node.find(f"{VIZ_NS}color") is not None and node.find(f"{VIZ_NS}size") is not None


def test_gexf_cleans_values(tmp_path: Path):
    g = built_graph()
    enrich(g, type_colors())
    g.nodes["ORG:新华社"]["first_seen"] = "2024年2月"  # not an ISO date: no interval
    g.nodes["ORG:新华社"]["label"] = "新华\x01社"
    ready = gexf_ready(g)
    assert "start" not in ready.nodes["ORG:新华社"] and ready.nodes["ORG:新华社"]["label"] == "新华社"
    for _, _, data in ready.edges(data=True):
        assert "type" not in data and data["relation"]
        assert not any(isinstance(v, (list, tuple, set)) or v is None for v in data.values())
    write_gexf(tmp_path / "g.gexf", g)
    assert nx.read_gexf(tmp_path / "g.gexf").nodes["ORG:新华社"]["label"] == "新华社"


def test_document_dates_read_only_the_header(out):
    dates = document_dates(out / "documents", ["d1", "d2", "d3", "missing"])
    assert dates == {"d1": "2024-08-13", "d2": "2023-01-05"}


# --- CSV ------------------------------------------------------------------------------------

def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def test_nodes_csv_in_gephi_layout(out, nodes):
    rows = read_csv(out / "nodes.csv")
    assert list(rows[0])[:3] == ["Id", "Label", "Category"]
    assert {r["Id"] for r in rows} == set(nodes)
    wang = next(r for r in rows if r["Id"] == "PERSON:王建华")
    assert (wang["Label"], wang["Category"]) == ("王建华", "PERSON")
    assert wang["aliases"] == "王建华主任"
    for name in ANALYTICS + ("size", "r", "g", "b", "first_seen", "last_seen"):
        assert name in wang, name
    assert float(wang["pagerank"]) == pytest.approx(nodes["PERSON:王建华"]["pagerank"])
    assert int(wang["community"]) == nodes["PERSON:王建华"]["community"]
    assert next(r for r in rows if r["Id"] == "ORG:中关村实验室")["first_seen"] == "2023-01-05"
    assert next(r for r in rows if r["Id"] == "PERSON:李强")["last_seen"] == ""  # only in an undated document


def test_edges_csv_in_gephi_layout(out, graph_yaml, nodes):
    rows = read_csv(out / "edges.csv")
    assert list(rows[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    assert len(rows) == len(graph_yaml["edges"])
    assert {r["Type"] for r in rows} == {"Directed"}
    assert all(r["Source"] in nodes and r["Target"] in nodes for r in rows)
    director = next(r for r in rows if r["title"] == "主任")
    assert (director["Label"], director["relation"], director["Weight"]) == ("holds_position", "holds_position", "2")
    odd = next(r for r in rows if r["relation"] == "received")
    assert odd["evidence"] == " ".join(ODD_EVIDENCE.split())  # quotes, commas, | survive; newlines become spaces


def test_csv_written_with_write_csv(tmp_path: Path):
    g = built_graph()
    write_csv(tmp_path, g)  # without analytics: the columns the graph has
    assert len(read_csv(tmp_path / "nodes.csv")) == g.number_of_nodes()


# --- JSON -----------------------------------------------------------------------------------

def test_graph_json_is_node_link_with_edges(out, graph_yaml):
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert data["directed"] is True and data["multigraph"] is True
    assert "edges" in data and "links" not in data
    assert data["graph"]["analytics"] == graph_yaml["analytics"]
    g = nx.node_link_graph(data, edges="edges")
    assert g.number_of_nodes() == len(graph_yaml["nodes"]) and g.number_of_edges() == len(graph_yaml["edges"])
    wang = g.nodes["PERSON:王建华"]
    assert wang["aliases"] == ["王建华主任"] and wang["document_ids"] == ["d1", "d2", "d3"]
    assert any(ODD_EVIDENCE in d["evidence"] for _, _, d in g.edges(data=True))
    assert "王建华" in (out / "graph.json").read_text(encoding="utf-8")  # not \\u-escaped


def test_read_graph_from_json_or_yaml(out, tmp_path: Path):
    from_json = read_graph(out)
    (tmp_path / "graph.yaml").write_bytes((out / "graph.yaml").read_bytes())
    from_yaml = read_graph(tmp_path)
    assert set(from_json.nodes) == set(from_yaml.nodes)
    assert from_json.number_of_edges() == from_yaml.number_of_edges()
    assert from_yaml.nodes["PERSON:王建华"]["pagerank"] == from_json.nodes["PERSON:王建华"]["pagerank"]
    with pytest.raises(FileNotFoundError):
        read_graph(tmp_path / "nothing")


def test_write_json_round_trip(tmp_path: Path):
    g = built_graph()
    write_json(tmp_path / "g.json", g)
    assert json.loads((tmp_path / "g.json").read_text(encoding="utf-8")) == json.loads(json.dumps(graph_json(g)))


# --- SVG ------------------------------------------------------------------------------------

SVG_NS = "{http://www.w3.org/2000/svg}"


def test_svg_overview(out, nodes):
    root = ET.parse(out / "graph.svg").getroot()
    assert root.tag == f"{SVG_NS}svg"
    fonts = root.get("font-family")
    assert "Noto Sans CJK SC" in fonts and "Microsoft YaHei" in fonts and fonts.rstrip().endswith("sans-serif")
    texts = {t.text for t in root.iter(f"{SVG_NS}text")}
    assert {"王建华", "中关村实验室", "新华社"} <= texts
    colors = {f"rgb({r},{g},{b})" for r, g, b in type_colors().values()}
    circles = [c for c in root.iter(f"{SVG_NS}circle") if c.find(f"{SVG_NS}title") is not None]
    assert len(circles) == len(nodes)
    assert {c.get("fill") for c in circles} <= colors
    assert len(list(root.iter(f"{SVG_NS}line"))) == 7
    width, height = float(root.get("width")), float(root.get("height"))
    for c in circles:
        assert 0 <= float(c.get("cx")) <= width and 0 <= float(c.get("cy")) <= height


def test_svg_keeps_the_most_central_nodes():
    g = built_graph()
    enrich(g, type_colors())
    root = ET.fromstring(svg_overview(g, max_nodes=3))
    shown = {t.text for t in root.iter(f"{SVG_NS}text")}
    top = sorted(g.nodes, key=lambda n: -g.nodes[n]["pagerank"])[:3]
    assert {g.nodes[n]["label"] for n in top} <= shown
    assert "新华社" not in shown
    assert any("显示 PageRank 最高的 3 个" in (t or "") for t in shown)


def test_csv_written_in_chunks_is_the_whole_tables_bytes(tmp_path, monkeypatch):
    """write_csv streams a few thousand rows at a time: the files are nodes_csv's and edges_csv's bytes."""
    from pipeline.outputs import gephi_csv

    builder = GraphBuilder()
    for number in range(7):
        builder.add(_doc_with_relation(number))
    graph = builder.graph()
    enrich(graph, type_colors())
    monkeypatch.setattr(gephi_csv, "CHUNK_ROWS", 2)
    write_csv(tmp_path, graph)
    assert (tmp_path / "nodes.csv").read_bytes() == gephi_csv.nodes_csv(graph)
    assert (tmp_path / "edges.csv").read_bytes() == gephi_csv.edges_csv(graph)
    assert (tmp_path / "nodes.csv").read_bytes().count(b"\r\n") == graph.number_of_nodes() + 1
    monkeypatch.setattr(gephi_csv, "CHUNK_ROWS", 10_000)
    write_csv(tmp_path / "whole", graph)
    assert (tmp_path / "whole" / "edges.csv").read_bytes() == (tmp_path / "edges.csv").read_bytes()


def _doc_with_relation(number):
    from pipeline.records import Document, DocumentResult, Entity, Relation, Span

    person = Entity(f"PERSON:人{number}", "PERSON", f"人{number}", [], [Span(0, 2, f"人{number}")], 0.9)
    org = Entity("ORG:机构", "ORG", "机构", ["该机构"], [Span(3, 5, "机构")], 0.8)
    rel = Relation("holds_position", person.id, org.id, (Span(0, 5, f"人{number}任机构主任"),), 0.7, "test", "主任")
    return DocumentResult(Document(f"d{number}", "正文", published=f"2024-01-0{number + 1}"), [person, org], [rel])
