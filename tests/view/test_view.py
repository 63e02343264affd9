"""pipeline.view.page / `zhkg view`: the self-contained HTML page and its data (the page in a
browser: test_browser.py; the run it shows: conftest.py)."""
from __future__ import annotations

import contextlib
import io
import re
from html.parser import HTMLParser

from pipeline.cli import main
from pipeline.graph.analytics import type_colors
from pipeline.view.page import LIBRARIES, page_data, render_html, write_view
from tests.view.conftest import LAB, WANG, XINHUA


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


# --- the page -------------------------------------------------------------------------------

def test_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    parser = Tags()
    parser.feed(text)
    assert not [t for t, a in parser.tags if t == "link"]
    assert all("src" not in a for t, a in parser.tags), "no external scripts, images or frames"
    assert len([a for t, a in parser.tags if t == "script"]) == 3 and text.count("</script>") == 3
    for library in LIBRARIES:  # sigma.js and graphology, inlined
        assert library.read_text(encoding="utf-8")[-2000:] in text
    assert "default-src 'none'" in text  # the page may fetch nothing
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", text)
    assert "@import" not in text and "url(http" not in text


def test_page_data(run_dir, graph):
    from pipeline.view.page import documents_table

    data = page_data(graph, documents_table(run_dir, ["d1", "d2", "d3", "d4"]))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == set(graph.nodes) and len(data["edges"]) == graph.number_of_edges()
    wang = nodes[WANG]
    assert wang["label"] == "王建华" and wang["aliases"] == ["王建华主任"]
    assert wang["color"] == "#%02x%02x%02x" % tuple(type_colors()["PERSON"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(nodes)
    documents = data["documents"]
    assert sorted(documents[k][0] for k in wang["docs"]) == ["d1", "d2", "d3"]
    assert {documents[k][2] for k in wang["docs"]} == {"2024-08-13", "2023-01-05", None}
    assert data["dates"] == ["2023-01-05", "2024-02-01", "2024-08-13"]
    director = next(e for e in data["edges"] if e["title"] == "主任")
    assert director["source"] == WANG and director["target"] == LAB and director["confidence"] == 0.8
    assert director["evidence"] == ["中关村实验室主任王建华", "实验室主任王建华"]
    assert sorted(documents[k][0] for k in director["docs"]) == ["d1", "d2"]
    assert data["types"]["PERSON"] == {"color": wang["color"], "total": 2, "name": "人物"}
    assert nodes[XINHUA]["degree"] == 0


def test_page_data_keeps_the_most_central_nodes(graph):
    data = page_data(graph, max_nodes=3)
    kept = {n["id"] for n in data["nodes"]}
    assert kept == set(sorted(graph.nodes, key=lambda n: -graph.nodes[n]["pagerank"])[:3])
    assert all(e["source"] in kept and e["target"] in kept for e in data["edges"])
    assert data["total_nodes"] == graph.number_of_nodes()


def test_hostile_names_cannot_break_out_of_the_data(graph):
    hostile = graph.copy()
    hostile.nodes[XINHUA]["label"] = "</script><script>alert(1)</script><!--%DATA%"
    text = render_html(page_data(hostile), title="%SCRIPT%")
    assert text.count("</script>") == 3 and "<!--" not in text.split("graph-data")[1]
    assert "%DATA%" in text and "<title>%SCRIPT%</title>" in text  # placeholders are filled once, not in values


def test_view_reads_graph_yaml_when_there_is_no_json(graph, tmp_path):
    from pipeline.outputs.graph_yaml import graph_to_dict
    from pipeline.outputs.yaml_io import write_yaml

    write_yaml(tmp_path / "graph.yaml", graph_to_dict(graph))
    assert "中关村实验室" in write_view(tmp_path).read_text(encoding="utf-8")


# --- zhkg view ------------------------------------------------------------------------------

def invoke(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, err.getvalue()


def test_cli_view(run_dir, tmp_path):
    target = tmp_path / "elsewhere.html"
    status, stderr = invoke(["view", str(run_dir), "--out", str(target)])
    assert status == 0 and str(target) in stderr
    assert "王建华" in target.read_text(encoding="utf-8")


def test_cli_view_usage_errors(tmp_path):
    status, stderr = invoke(["view", str(tmp_path / "absent")])
    assert status == 2 and "not a folder" in stderr
    status, stderr = invoke(["view", str(tmp_path)])
    assert status == 2 and "graph.json" in stderr
    status, stderr = invoke(["view", str(tmp_path), "--max-nodes", "0"])
    assert status == 2 and "--max-nodes" in stderr
    assert not (tmp_path / "graph.html").exists()
