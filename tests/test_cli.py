"""`zhkg run` end to end: exit statuses, per-document YAML, graph YAML, GraphML and run.yaml."""
from __future__ import annotations

import contextlib
import io
import json
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
import yaml

from pipeline.cli import main
from tests.conftest import DOCUMENT_SCHEMA
from tests.helpers import assert_offsets_index_text

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"

LAB_NEWS = (
    "中关村实验室党委召开党建工作会议\n"
    "新华社 2024-08-13 09:08:44\n"
    "中关村实验室党委13日召开党建工作会议。国务院总理李强出席会议。"
    "中关村实验室主任王建华获得国家科技进步一等奖。实验室将继续加强科研攻关。\n"
)
CITY_NEWS = (
    "北京市召开机关党建工作交流研讨会\r\n\r\n"
    "北京市机关党建工作交流研讨会在京召开。北京市委常委于英杰同志出席会议并讲话。"
    "会上，市司法局作交流发言。\r\n"
)
JSONL = [
    {"id": "forum-1", "title": "青年科技论坛开幕", "text": "第三届青年科技论坛在杭州举行。全国政协委员张伟出席论坛并致辞。",
     "source": "央视网", "date": "2024-05-01"},
    {"id": "../../evil", "text": "中国科协授予李明同志全国优秀科技工作者称号。"},
]


def make_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "lab-news.txt").write_text(LAB_NEWS, encoding="utf-8")
    (folder / "city-news.txt").write_bytes(CITY_NEWS.encode("gb18030"))
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in JSONL) + "\n",
                                       encoding="utf-8")
    return folder


def invoke(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def good_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli-good")
    inputs = make_inputs(base / "inputs")
    out = base / "out"
    status, stdout, stderr = invoke(["run", str(inputs), "--out", str(out)])
    return {"base": base, "inputs": inputs, "out": out, "status": status, "stdout": stdout, "stderr": stderr}


@pytest.fixture(scope="module")
def documents(good_run):
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((good_run["out"] / "documents").glob("*.yaml"))}


@pytest.fixture(scope="module")
def run_yaml(good_run):
    return yaml.safe_load((good_run["out"] / "run.yaml").read_text(encoding="utf-8"))


# --- a clean run ----------------------------------------------------------------------------

def test_run_exit_status_zero(good_run):
    assert good_run["status"] == 0, good_run["stderr"]


def test_one_yaml_per_document(good_run, documents):
    assert len(documents) == 4
    assert {"lab-news", "city-news", "forum-1"} <= set(documents)
    for stem, data in documents.items():
        assert data["document"]["id"] == stem


def test_path_traversal_id_stays_inside_the_output(good_run, documents):
    [evil] = [stem for stem in documents if stem not in {"lab-news", "city-news", "forum-1"}]
    assert "/" not in evil and "\\" not in evil and not evil.startswith(".")
    assert "中国科协" in documents[evil]["text"]
    base = good_run["base"]
    stray = [p for p in base.rglob("*.yaml") if good_run["out"] not in p.parents]
    assert stray == []
    assert not (base / "evil.yaml").exists() and not (base.parent / "evil.yaml").exists()


def test_documents_validate_against_the_schema(documents):
    validator = jsonschema.Draft202012Validator(json.loads(DOCUMENT_SCHEMA.read_text(encoding="utf-8")))
    for stem, data in documents.items():
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], stem


def test_offsets_index_the_text(documents):
    for data in documents.values():
        assert data["document"]["chars"] == len(data["text"])
        assert_offsets_index_text(data)


def test_relations_reference_entities_of_their_document(documents):
    for data in documents.values():
        ids = {e["id"] for e in data["entities"]}
        assert len(ids) == len(data["entities"])
        for relation in data["relations"]:
            assert relation["head"] in ids and relation["tail"] in ids
        for entity in data["entities"]:
            assert entity["id"].startswith(f"{entity['type']}:")


def test_metadata_of_the_documents(documents):
    lab = documents["lab-news"]["document"]
    assert lab["title"] == "中关村实验室党委召开党建工作会议"
    assert (lab["source"], lab["published"]) == ("新华社", "2024-08-13 09:08:44")
    city = documents["city-news"]
    assert "\r" not in city["text"]
    assert city["document"]["title"] == "北京市召开机关党建工作交流研讨会"
    forum = documents["forum-1"]["document"]
    assert (forum["title"], forum["source"], forum["published"]) == ("青年科技论坛开幕", "央视网", "2024-05-01")


def test_extraction_content(documents):
    def names(stem, etype):
        return {e["name"] for e in documents[stem]["entities"] if e["type"] == etype}

    assert "李强" in names("lab-news", "PERSON")
    assert "国家科技进步一等奖" in names("lab-news", "AWARD")
    assert "北京市机关党建工作交流研讨会" in names("city-news", "EVENT")


def graphml_path(good_run) -> Path:
    return good_run["out"] / "graph.graphml"


def test_graphml_loads_in_networkx(good_run, documents):
    g = nx.read_graphml(graphml_path(good_run))
    names = {e["name"] for d in documents.values() for e in d["entities"]}
    assert g.number_of_nodes() > 0
    assert {data["label"] for _, data in g.nodes(data=True)} == names
    ids = {e["id"]: e["name"] for d in documents.values() for e in d["entities"]}
    for node, data in g.nodes(data=True):
        assert data["label"] == ids[node]


def test_graphml_loads_in_igraph(good_run, documents):
    igraph = pytest.importorskip("igraph")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = igraph.Graph.Read_GraphML(str(graphml_path(good_run)))
    names = {e["name"] for d in documents.values() for e in d["entities"]}
    assert set(g.vs["label"]) == names
    assert g.is_directed()


def test_graphml_edge_ids_unique(good_run):
    edges = list(ET.parse(graphml_path(good_run)).getroot().iter(f"{GRAPHML_NS}edge"))
    ids = [e.get("id") for e in edges]
    assert all(ids) and len(ids) == len(set(ids))


def test_graphml_key_ids_declared_once(good_run):
    ids = [k.get("id") for k in ET.parse(graphml_path(good_run)).getroot().iter(f"{GRAPHML_NS}key")]
    assert len(ids) == len(set(ids)), f"declared twice: {sorted({i for i in ids if ids.count(i) > 1})}"


def test_graph_yaml(good_run, documents):
    graph = yaml.safe_load((good_run["out"] / "graph.yaml").read_text(encoding="utf-8"))
    node_ids = {n["id"] for n in graph["nodes"]}
    assert node_ids == {e["id"] for d in documents.values() for e in d["entities"]}
    for edge in graph["edges"]:
        assert edge["source"] in node_ids and edge["target"] in node_ids
    relation_keys = {(r["head"], r["tail"], r["type"], (r["attributes"] or {}).get("title"))
                     for d in documents.values() for r in d["relations"]}
    assert len(graph["edges"]) == len(relation_keys)


def test_run_yaml_counts_match_the_outputs(good_run, documents, run_yaml):
    counts = run_yaml["counts"]
    assert counts["documents"] == len(documents) == 4
    assert counts["entities"] == sum(len(d["entities"]) for d in documents.values())
    assert counts["relations"] == sum(len(d["relations"]) for d in documents.values())
    assert counts["characters"] == sum(len(d["text"]) for d in documents.values())
    assert counts["skipped"] == 0 and run_yaml["skipped"] == []
    graph = yaml.safe_load((good_run["out"] / "graph.yaml").read_text(encoding="utf-8"))
    assert counts["graph_nodes"] == len(graph["nodes"])
    assert counts["graph_edges"] == len(graph["edges"])
    assert run_yaml["inputs"] == [str(good_run["inputs"])]
    assert set(run_yaml["config"]) == {"paths", "ingest", "analysis", "relations", "output"}


def test_no_temporary_files_left(good_run):
    leftovers = [p.name for p in good_run["out"].rglob("*")
                 if (p.name.startswith(".") or p.suffix == ".tmp") and p.name != ".zhkg.lock"]  # the folder's lock
    assert leftovers == []


def test_summary_on_stderr(good_run):
    assert "4 documents" in good_run["stderr"]


# --- a run with inputs that cannot be read --------------------------------------------------

@pytest.fixture(scope="module")
def partial_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli-partial")
    inputs = base / "inputs"
    inputs.mkdir()
    (inputs / "lab-news.txt").write_text(LAB_NEWS, encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    (inputs / "feed.jsonl").write_text(json.dumps(JSONL[0], ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    out = base / "out"
    status, stdout, stderr = invoke(["run", str(inputs), "--out", str(out)])
    return {"inputs": inputs, "out": out, "status": status, "stderr": stderr}


def test_unreadable_inputs_exit_one(partial_run):
    assert partial_run["status"] == 1


def test_readable_inputs_are_still_written(partial_run):
    out = partial_run["out"]
    assert {p.stem for p in (out / "documents").glob("*.yaml")} == {"lab-news", "forum-1"}
    assert (out / "graph.yaml").is_file() and (out / "graph.graphml").is_file()


def test_skipped_inputs_listed_with_reasons(partial_run):
    data = yaml.safe_load((partial_run["out"] / "run.yaml").read_text(encoding="utf-8"))
    skipped = {Path(s["input"]).name: s["reason"] for s in data["skipped"]}
    assert set(skipped) == {"empty.txt", "picture.txt", "feed.jsonl:2"}
    assert all(reason for reason in skipped.values())
    assert "empty" in skipped["empty.txt"]
    assert "binary" in skipped["picture.txt"]
    assert data["counts"]["skipped"] == 3
    assert data["counts"]["documents"] == 2


def test_skipped_inputs_named_on_stderr(partial_run):
    for name in ("empty.txt", "picture.txt", "feed.jsonl:2"):
        assert name in partial_run["stderr"]


# --- usage errors ---------------------------------------------------------------------------

def test_missing_path_exit_two(tmp_path: Path):
    missing = tmp_path / "no-such-input.txt"
    status, _, stderr = invoke(["run", str(missing), "--out", str(tmp_path / "out")])
    assert status == 2
    assert str(missing) in stderr
    assert not (tmp_path / "out" / "run.yaml").exists()


@pytest.mark.parametrize("config_text, key", [
    ("[analysis]\nbatch_sise = 8\n", "batch_sise"),
    ("[analysis]\nbatch_size = \"many\"\n", "batch_size"),
    ("[output]\ngraphml = 3\n", "graphml"),
    ("[outputt]\ngraphml = false\n", "outputt"),
    ("[analysis\nbatch_size = 8\n", None),
])
def test_malformed_config_exit_two(tmp_path: Path, config_text, key):
    inputs = tmp_path / "in.txt"
    inputs.write_text("中关村实验室召开会议。", encoding="utf-8")
    config = tmp_path / "bad.cfg"
    config.write_text(config_text, encoding="utf-8")
    status, _, stderr = invoke(["run", str(inputs), "--out", str(tmp_path / "out"), "--config", str(config)])
    assert status == 2
    assert str(config) in stderr
    if key:
        assert key in stderr
    assert not (tmp_path / "out" / "run.yaml").exists()


def test_missing_config_file_exit_two(tmp_path: Path):
    inputs = tmp_path / "in.txt"
    inputs.write_text("中关村实验室召开会议。", encoding="utf-8")
    config = tmp_path / "absent.cfg"
    status, _, stderr = invoke(["run", str(inputs), "--out", str(tmp_path / "out"), "--config", str(config)])
    assert status == 2
    assert str(config) in stderr


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2


# --- zhkg init-config and the help of zhkg run -------------------------------------------------------

def test_init_config_writes_the_defaults_that_run_reads(tmp_path, capsys):
    from pipeline.config import load_config

    target = tmp_path / "my.cfg"
    assert main(["init-config", str(target)]) == 0
    assert "[analysis]" in target.read_text(encoding="utf-8")
    assert load_config(target) == load_config()
    target.write_text(target.read_text(encoding="utf-8").replace("batch_size = 16", "batch_size = 4"), encoding="utf-8")
    assert load_config(target).analysis.batch_size == 4
    assert main(["init-config", str(target)]) == 2  # an edited file is not overwritten
    assert load_config(target).analysis.batch_size == 4
    assert main(["init-config", str(target), "--force"]) == 0
    assert load_config(target) == load_config()
    capsys.readouterr()
    assert main(["init-config", "-"]) == 0
    assert "[paths]" in capsys.readouterr().out


def test_run_help_gives_examples_and_no_package_path(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and "zhkg run news/ --out kg" in text and "init-config" in text
    assert "pipeline/" not in text and "site-packages" not in text
