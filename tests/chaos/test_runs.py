"""Chaos: two runs into one folder, signals, kill -9, and the small ones (ids that differ
only by control characters or case, invalid dates, hand-edited YAMLs)."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
import yaml

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.engine.lock import LOCK_NAME, OutputLock
from pipeline.engine.resume import previous_data, remove_stale
from pipeline.engine.runner import run
from pipeline.graph.build import publication_day
from pipeline.outputs.gexf import write_gexf
from pipeline.outputs.graphml import write_graphml
from pipeline.records import Document
from tests.chaos.conftest import zhkg
from tests.helpers import assert_same_outputs, news

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and the parent-death signal")


def test_a_second_run_into_a_busy_folder_exits_2_naming_the_holder(tmp_path: Path, capsys):
    (tmp_path / "a.txt").write_text("会议召开。", encoding="utf-8")
    out = tmp_path / "kg"
    (out / "documents").mkdir(parents=True)
    temporary = out / "documents" / ".m00099.yaml.abc.tmp"  # another run's file being written
    temporary.write_text("half", encoding="utf-8")
    with OutputLock(out):
        assert main(["run", str(tmp_path / "a.txt"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"is in use by a zhkg run with pid {os.getpid()}" in err and "--wait" in err
    assert temporary.is_file() and not (out / "run.yaml").exists()


def test_wait_takes_the_folder_when_the_other_run_ends(tmp_path: Path, extractor):
    (tmp_path / "a.txt").write_text(news(1), encoding="utf-8")
    out = tmp_path / "kg"
    holder = OutputLock(out).__enter__()
    threading.Timer(0.5, holder.__exit__, (None, None, None)).start()
    started = time.perf_counter()
    report = run([str(tmp_path / "a.txt")], out, extractor=extractor, warn=lambda m: None, wait=True)
    assert report.documents == 1 and time.perf_counter() - started >= 0.4
    assert (out / LOCK_NAME).is_file()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _long_corpus(folder: Path, count: int = 80) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"doc-{i:04d}.txt").write_text(news(i) + news(i + 1) * 20, encoding="utf-8")
    return folder


def _start_with_workers(corpus: Path, out: Path, config: Path):
    process = zhkg("run", str(corpus), "--out", str(out), "--config", str(config), "--workers", "2",
                   "--progress", "off")
    deadline = time.time() + 120
    while time.time() < deadline:
        done = list((out / "documents").glob("*.yaml")) if (out / "documents").is_dir() else []
        if done and len([c for c in _children(process.pid) if _alive(c)]) >= 2:
            return process
        assert process.poll() is None, process.communicate()
        time.sleep(0.1)
    raise AssertionError("the workers did not start")


@linux_only
@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_workers_at_once_and_resume_finishes(tmp_path, rules_only, signum, status):
    corpus = _long_corpus(tmp_path / "in")
    out = tmp_path / "kg"
    process = _start_with_workers(corpus, out, rules_only)
    workers = _children(process.pid)
    process.send_signal(signum)
    _, err = process.communicate(timeout=10)
    assert process.returncode == status
    assert "Traceback" not in err and f"stopped by {signal.Signals(signum).name}" in err
    assert err.count("stopped by") == 1
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)]
    assert yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))["status"] == "running"
    finished = zhkg("run", str(corpus), "--out", str(out), "--config", str(rules_only), "--resume")
    finished.communicate(timeout=240)
    clean = tmp_path / "clean"
    run([str(corpus)], clean, load_config(rules_only), warn=lambda m: None)
    assert_same_outputs(out, clean, ("graph.yaml", "graph.graphml", "graph.gexf", "graph.json"))


@linux_only
def test_workers_die_with_a_killed_leader(tmp_path, rules_only):
    corpus = _long_corpus(tmp_path / "in")
    process = _start_with_workers(corpus, tmp_path / "kg", rules_only)
    workers = _children(process.pid)
    process.kill()
    process.communicate(timeout=10)
    deadline = time.time() + 5
    while [w for w in workers if _alive(w)] and time.time() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


# --- graph ids, dates, stale and edited documents ------------------------------------------

def test_node_ids_stay_distinct_in_graphml_and_gexf(tmp_path: Path):
    graph = nx.MultiDiGraph()
    names = ["李\x02强", "李强", "李\uffff强", "李\\x02强"]
    for name in names:
        graph.add_node(f"PERSON:{name}", label=name, type="PERSON")
    graph.add_edge("PERSON:李\x02强", "PERSON:李强", key="knows", id="e0", type="knows")
    write_graphml(tmp_path / "g.graphml", graph)
    write_gexf(tmp_path / "g.gexf", graph)
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == 4
    gexf_ids = {n.get("id") for n in ET.parse(tmp_path / "g.gexf").iter("{http://www.gexf.net/1.2draft}node")}
    assert len(gexf_ids) == 4 and "PERSON:李\\x02强" in gexf_ids and "PERSON:李\\\\x02强" in gexf_ids
    edge = next(ET.parse(tmp_path / "g.gexf").iter("{http://www.gexf.net/1.2draft}edge"))
    assert (edge.get("source"), edge.get("target")) == ("PERSON:李\\x02强", "PERSON:李强")


@pytest.mark.parametrize("published, day", [("NaN", None), ("2024-13-45", None), ("2024-02-30T08:00", None),
                                            ("2024-08-13 09:08:44", "2024-08-13"), (None, None)])
def test_only_valid_dates_become_first_and_last_seen(published, day):
    assert publication_day(published) == day


def _document_yaml(folder: Path, doc_id: str) -> Path:
    path = folder / f"{doc_id}.yaml"
    path.write_text(yaml.safe_dump({"document": {"id": doc_id, "sha256": "00"}, "text": "x"}), encoding="utf-8")
    return path


def test_a_case_only_id_change_leaves_no_stale_yaml(tmp_path: Path):
    folder = tmp_path / "documents"
    folder.mkdir()
    _document_yaml(folder, "News")
    _document_yaml(folder, "news")
    assert remove_stale(tmp_path, {"news"}) == ["News"]
    assert sorted(p.name for p in folder.iterdir()) == ["news.yaml"]


def test_a_hand_edited_document_yaml_is_analysed_again(tmp_path: Path, extractor):
    (tmp_path / "a.txt").write_text(news(2), encoding="utf-8")
    out = tmp_path / "kg"
    run([str(tmp_path / "a.txt")], out, extractor=extractor, warn=lambda m: None)
    path = out / "documents" / "a.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    document = Document(id="a", text=data["text"], title=data["document"]["title"],
                        source=data["document"]["source"], published=data["document"]["published"],
                        sha256=data["document"]["sha256"])
    key = data["document"]["pipeline"]
    assert previous_data(out, document, key) is not None
    path.write_text(path.read_text(encoding="utf-8").replace("工作会议", "工作报告"), encoding="utf-8")
    assert previous_data(out, document, key) is None
    report = run([str(tmp_path / "a.txt")], out, extractor=extractor, warn=lambda m: None)
    assert report.analysed == 1 and report.reused == 0
