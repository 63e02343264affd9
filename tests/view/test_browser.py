"""The page of `zhkg view` in a real headless Chromium (WebGL through SwiftShader), driven over
the DevTools protocol like a user: typing, clicking, moving sliders. Skipped where no Chromium
is installed (Debian: `apt-get install chromium`; or set $CHROMIUM)."""
from __future__ import annotations

import pytest

from pipeline.graph.analytics import type_colors
from pipeline.view.browser import Browser, find_chromium
from tests.view.conftest import LAB, LI, WANG, XINHUA

FADED = "#e4e4e4"


@pytest.fixture(scope="module")
def browser():
    if not find_chromium():
        pytest.skip("Chromium not found: install Debian's `chromium` package (or set $CHROMIUM) to run the browser tests")
    with Browser(width=1000, height=700) as opened:
        yield opened


@pytest.fixture
def opened(browser, page):
    browser.open(page)
    return browser


def body(browser, name):
    return browser.evaluate(f"document.body.dataset.{name}")


def centre_of(browser, selector):
    return browser.evaluate(f"(function () {{ var r = document.querySelector({selector!r}).getBoundingClientRect();"
                            " return [r.left + r.width / 2, r.top + r.height / 2]; })()")


def node_on_screen(browser, node):
    """The viewport pixel of a node's centre (the graph container starts below the header)."""
    return browser.evaluate(f"(function () {{ var z = window.zhkg, a = z.graph.getNodeAttributes({node!r}),"
                            " p = z.renderer.graphToViewport(a), r = document.getElementById('graph').getBoundingClientRect();"
                            " return [r.left + p.x, r.top + p.y]; })()")


def test_page_loads_offline_and_draws(opened, graph):
    assert opened.errors() == []
    assert opened.evaluate("performance.getEntriesByType('resource').length") == 0  # nothing fetched
    assert opened.evaluate("!!document.querySelector('#graph canvas.sigma-nodes')")
    linked = [n for n in graph.nodes if graph.degree(n) > 0]
    assert int(body(opened, "visibleNodes")) == len(linked)  # 新华社, without relation, hidden by default
    assert int(body(opened, "visibleEdges")) == graph.number_of_edges()
    assert "1 个，已隐藏" in opened.evaluate("document.getElementById('isolated-count').textContent")
    labels = opened.evaluate("window.zhkg.labels")
    top = max(linked, key=lambda n: graph.nodes[n]["pagerank"])
    assert labels[0] == top and set(labels) <= set(linked) and len(labels) >= 3


def test_search_by_alias_centres_labels_and_highlights(opened):
    opened.click(*centre_of(opened, "#search"))
    opened.type_text("王建华主")
    opened.wait_for(f"document.body.dataset.selected === {WANG!r}")
    # the camera eases there: wait until the node is centred (or time out), then check
    opened.wait_for(f"(function () {{ var z = window.zhkg, p = z.renderer.graphToViewport(z.graph.getNodeAttributes({WANG!r})),"
                    " r = document.getElementById('graph').getBoundingClientRect();"
                    " return Math.abs(p.x - r.width / 2) < 3 && Math.abs(p.y - r.height / 2) < 3; })()")
    x, y = node_on_screen(opened, WANG)
    cx, cy = centre_of(opened, "#graph")
    assert abs(x - cx) < 3 and abs(y - cy) < 3
    assert WANG in opened.evaluate("window.zhkg.labels")
    colors = opened.evaluate(f"[{LAB!r}, {LI!r}].map(function (n) {{ return window.zhkg.renderer.getNodeDisplayData(n).color; }})")
    assert colors[0] != FADED and colors[1] == FADED  # a neighbour keeps its colour, 李强 fades
    assert "王建华主任" in opened.evaluate("document.getElementById('panel').textContent")


def test_filters_change_the_visible_counts(opened, graph):
    before = int(body(opened, "visibleNodes")), int(body(opened, "visibleEdges"))
    opened.click(*centre_of(opened, 'input[data-type="PERSON"]'))
    after = int(body(opened, "visibleNodes")), int(body(opened, "visibleEdges"))
    people = sum(1 for n in graph.nodes if n.startswith("PERSON:"))
    person_edges = sum(1 for u, v in graph.edges() if u.startswith("PERSON:") or v.startswith("PERSON:"))
    assert after == (before[0] - people, before[1] - person_edges)
    opened.click(*centre_of(opened, 'input[data-type="PERSON"]'))
    opened.click(*centre_of(opened, "#isolated"))
    assert int(body(opened, "visibleNodes")) == graph.number_of_nodes()
    assert XINHUA in opened.evaluate("window.zhkg.graph.nodes().filter(function (n) {"
                                     " return !window.zhkg.renderer.getNodeDisplayData(n).hidden; })")


def test_the_timeline_shows_a_period(opened, graph):
    opened.evaluate("(function () { var el = document.getElementById('date-from'); el.value = 1;"
                    " el.dispatchEvent(new Event('input')); })()")  # from 2024-02-01 on: d1 only has relations
    assert "2024-02-01 – 2024-08-13" in opened.evaluate("document.getElementById('date-label').textContent")
    d1_edges = sum(1 for *_, docs in graph.edges(data="documents") if "d1" in docs)
    assert int(body(opened, "visibleEdges")) == d1_edges < graph.number_of_edges()


def test_minimum_degree_and_community_filters(opened, graph):
    opened.evaluate("(function () { var el = document.getElementById('min-degree'); el.value = 3;"
                    " el.dispatchEvent(new Event('input')); })()")
    assert int(body(opened, "visibleNodes")) == sum(1 for n in graph.nodes if graph.nodes[n]["degree"] >= 3)
    opened.evaluate("(function () { var el = document.getElementById('min-degree'); el.value = 0;"
                    " el.dispatchEvent(new Event('input')); var c = document.getElementById('community');"
                    " c.value = c.options[1].value; c.dispatchEvent(new Event('change')); })()")
    community = int(opened.evaluate("document.getElementById('community').value"))
    members = [n for n in graph.nodes if graph.nodes[n]["community"] == community and graph.nodes[n]["degree"] > 0]
    assert int(body(opened, "visibleNodes")) == len(members)


def test_a_click_opens_the_panel_with_evidence(opened):
    opened.click(*node_on_screen(opened, WANG))
    opened.wait_for(f"document.body.dataset.selected === {WANG!r}")
    panel = opened.evaluate("document.getElementById('panel').innerText")
    assert "别名：王建华主任" in panel
    assert "任职·主任 → 中关村实验室" in panel and "置信度 0.80" in panel
    assert "中关村实验室主任王建华" in panel  # an evidence sentence
    assert "2024-08-13" in panel and "d1" in panel  # the document it comes from, with its date
    opened.click(*centre_of(opened, "#panel .close"))
    assert body(opened, "selected") == ""


def test_colour_and_size_switches(opened):
    before = opened.evaluate(f"window.zhkg.renderer.getNodeDisplayData({WANG!r}).color")
    assert before == "#%02x%02x%02x" % tuple(type_colors()["PERSON"])
    opened.evaluate("(function () { var el = document.getElementById('color-by'); el.value = 'community';"
                    " el.dispatchEvent(new Event('change')); })()")
    assert opened.evaluate(f"window.zhkg.renderer.getNodeDisplayData({WANG!r}).color") != before


def test_screenshot_shows_the_types_in_their_colours(opened, tmp_path):
    image_module = pytest.importorskip("PIL.Image")
    png = opened.screenshot(tmp_path / "shot.png")
    with image_module.open(png) as image:
        counts = image.convert("RGB").getcolors(maxcolors=1 << 24)
    colors = {tuple(c) for c in type_colors().values()}
    drawn = {color for count, color in counts if color in colors and count >= 20}
    assert len(drawn) >= 4, "nodes of at least four entity types drawn in their colours"
