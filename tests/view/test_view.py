"""pipeline.view.page / `zhkg view`: the self-contained HTML page, drawn in headless Chromium.

The Chromium tests skip where no Chromium is installed (Debian: `apt-get install chromium`;
or set $CHROMIUM). They open the page offline (every host name fails to resolve) and read the
attributes the page sets on <body> once Cytoscape.js has drawn the graph."""
from __future__ import annotations

import contextlib
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.graph.analytics import enrich, type_colors
from pipeline.outputs import write_graph_files as write_exports
from pipeline.view.page import LIBRARY, dump_dom, find_chromium, page_data, render_html, screenshot, write_view
from tests.outputs.test_export import built_graph

REPO = Path(__file__).resolve().parents[2]


def enriched():
    g = built_graph()
    enrich(g, type_colors())
    return g


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    """A run's output folder (graph.json and friends) for the hand-made graph."""
    out = tmp_path_factory.mktemp("view")
    write_exports(out, enriched(), load_config().output)
    return out


@pytest.fixture(scope="module")
def page(run_dir) -> Path:
    return write_view(run_dir)


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if not found:
        pytest.skip("Chromium not found: install Debian's `chromium` package (or set $CHROMIUM) to run the browser tests")
    return found


def body_attributes(dom: str) -> dict[str, str]:
    match = re.search(r"<body([^>]*)>", dom)
    assert match, dom[:500]
    return dict(re.findall(r'([\w-]+)="([^"]*)"', match.group(1)))


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
    tags = parser.tags
    assert not [t for t, a in tags if t == "link"]
    assert all("src" not in a for t, a in tags), "no external scripts, images or frames"
    scripts = [a for t, a in tags if t == "script"]
    assert len(scripts) == 3 and text.count("</script>") == 3
    assert LIBRARY.read_text(encoding="utf-8")[:2000] in text  # the vendored library, inlined
    assert "default-src 'none'" in text  # the page may fetch nothing
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", text)
    assert "@import" not in text and "url(http" not in text


def test_page_data(run_dir):
    g = enriched()
    data = page_data(g)
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    wang = next(n["data"] for n in data["nodes"] if n["data"]["id"] == "PERSON:王建华")
    assert wang["label"] == "王建华" and wang["aliases"] == ["王建华主任"]
    assert wang["color"] == "#%02x%02x%02x" % tuple(type_colors()["PERSON"])
    assert wang["size"] == g.nodes["PERSON:王建华"]["size"]
    director = next(e["data"] for e in data["edges"] if e["data"].get("title") == "主任")
    assert director["name"] == "任职·主任" and director["evidence"]
    positions = {(n["position"]["x"], n["position"]["y"]) for n in data["nodes"]}
    assert len(positions) == len(data["nodes"])
    assert data["types"]["PERSON"] == {"color": wang["color"], "total": 2, "shown": 2, "name": "人物"}


def test_page_data_keeps_the_most_central_nodes():
    g = enriched()
    data = page_data(g, max_nodes=3)
    kept = {n["data"]["id"] for n in data["nodes"]}
    assert kept == set(sorted(g.nodes, key=lambda n: -g.nodes[n]["pagerank"])[:3])
    assert all(e["data"]["source"] in kept and e["data"]["target"] in kept for e in data["edges"])
    assert data["total_nodes"] == g.number_of_nodes()


def test_hostile_names_cannot_break_out_of_the_data(tmp_path):
    g = enriched()
    g.nodes["ORG:新华社"]["label"] = "</script><script>alert(1)</script><!--"
    text = render_html(g)
    assert text.count("</script>") == 3 and "<!--" not in text.split("graph-data")[1]


def test_view_reads_graph_yaml_when_there_is_no_json(run_dir, tmp_path):
    from pipeline.outputs.graph_yaml import graph_to_dict
    from pipeline.outputs.yaml_io import write_yaml

    write_yaml(tmp_path / "graph.yaml", graph_to_dict(enriched()))
    text = write_view(tmp_path).read_text(encoding="utf-8")
    assert "中关村实验室" in text


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
    status, _ = invoke(["view", str(run_dir)])
    assert status == 0 and (run_dir / "graph.html").is_file()


def test_cli_view_usage_errors(tmp_path):
    status, stderr = invoke(["view", str(tmp_path / "absent")])
    assert status == 2 and "not a folder" in stderr
    status, stderr = invoke(["view", str(tmp_path)])
    assert status == 2 and "graph.json" in stderr
    assert not (tmp_path / "graph.html").exists()


# --- in the browser -------------------------------------------------------------------------

def test_page_draws_every_node_in_chromium(page, chromium):
    attrs = body_attributes(dump_dom(page))
    g = enriched()
    assert attrs.get("data-drawn") == "true", attrs
    assert int(attrs["data-drawn-nodes"]) == g.number_of_nodes()
    assert int(attrs["data-drawn-edges"]) == g.number_of_edges()


def test_search_filter_and_hover_in_chromium(page, chromium):
    query = urlencode({"q": "王建华主任", "hide": "AWARD,LOCATION", "focus": "PERSON:王建华"})
    dom = dump_dom(page, query=query)
    attrs = body_attributes(dom)
    assert attrs.get("data-drawn") == "true", attrs
    assert attrs["data-matches"] == "1"  # found by its alias
    assert attrs["data-visible-nodes"] == str(enriched().number_of_nodes() - 2)
    assert attrs["data-focus"] == "PERSON:王建华"
    tip = dom[dom.index('id="tip"'):]
    assert "别名：王建华主任" in tip  # aliases
    assert "中关村实验室主任王建华" in tip  # evidence of a relation


def test_screenshot_is_not_blank(page, chromium, tmp_path):
    image_module = pytest.importorskip("PIL.Image")
    png = screenshot(page, tmp_path / "shot.png", width=1000, height=700)
    with image_module.open(png) as image:
        counts = image.convert("RGB").getcolors(maxcolors=1 << 24)
    colors = {tuple(c) for c in type_colors().values()}
    drawn = {color for count, color in counts if color in colors and count >= 20}
    assert len(drawn) >= 4, "nodes of at least four entity types drawn in their colours"


def test_screenshot_for_the_readme(chromium, tmp_path):
    """outputs/graph.png, the README's picture: the committed outputs/ of `make run` in the view."""
    outputs = REPO / "outputs"
    if not (outputs / "graph.json").is_file():
        pytest.skip("outputs/graph.json not found: run `make run` first")
    page = write_view(outputs, tmp_path / "graph.html", title="zhkg 知识图谱 · seeds/")
    attrs = body_attributes(dump_dom(page))
    assert attrs.get("data-drawn") == "true"
    shot = screenshot(page, tmp_path / "graph.png", width=1400, height=900)
    shutil.copyfile(shot, outputs / ".graph.png.tmp")
    (outputs / ".graph.png.tmp").replace(outputs / "graph.png")
