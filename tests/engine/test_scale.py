"""Scale: worker processes, incremental reruns, the progress bar and the Dask engine — all give
the outputs of a plain single-process run into an empty folder."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.engine import runner
from pipeline.engine.lock import LOCK_NAME, OutputLock
from pipeline.engine.progress import Progress, count_records, wanted
from pipeline.engine.runner import run
from pipeline.engine.workers import can_fork
from tests.helpers import assert_same_outputs, make_corpus, news

REPO = Path(__file__).resolve().parents[2]
GRAPH_FILES = ("graph.yaml", "graph.graphml", "graph.gexf", "graph.json", "nodes.csv", "edges.csv", "graph.svg")
def small_batches(tmp: Path) -> Path:
    config = tmp / "small.cfg"
    config.write_text("[analysis]\nbatch_size = 2\n", encoding="utf-8")
    return config


def run_yaml(out: Path) -> dict:
    return yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("scale") / "in", 12)


@pytest.fixture(scope="module")
def single(corpus, extractor) -> Path:
    """The reference: one process, batches of 2, into an empty folder."""
    out = corpus.parent / "single"
    config = load_config(small_batches(corpus.parent))
    run([str(corpus)], out, config, extractor=extractor, warn=lambda m: None)
    return out


# --- worker processes ---------------------------------------------------------------------------

def test_two_workers_give_the_single_process_outputs(corpus, single, tmp_path):
    out = tmp_path / "two"
    report = run([str(corpus)], out, load_config(small_batches(tmp_path)), workers=2, warn=lambda m: None)
    assert report.documents == 12 and report.analysed == 12 and report.exit_status == 0
    assert_same_outputs(out, single, GRAPH_FILES)
    assert run_yaml(out)["workers"] == 2


def engines_made(monkeypatch) -> list:
    made: list = []
    make = runner._make_engine
    monkeypatch.setattr(runner, "_make_engine", lambda *args: made.append(make(*args)) or made[-1])
    return made


def test_one_worker_analyses_large_inputs_in_a_worker_process(corpus, single, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "INLINE_MAX_BYTES", 0)
    made = engines_made(monkeypatch)
    out = tmp_path / "one"
    report = run([str(corpus)], out, load_config(small_batches(tmp_path)), workers=1, warn=lambda m: None)
    assert [type(engine).__name__ for engine in made] == ["ProcessEngine"]
    assert report.analysed == 12 and report.exit_status == 0
    assert_same_outputs(out, single, GRAPH_FILES)


def test_one_worker_analyses_small_inputs_in_this_process(corpus, tmp_path, monkeypatch):
    made = engines_made(monkeypatch)
    run([str(corpus)], tmp_path / "out", load_config(small_batches(tmp_path)), workers=1, warn=lambda m: None)
    assert [type(engine).__name__ for engine in made] == ["InlineEngine"]


needs_fork = pytest.mark.skipif(not can_fork(), reason="workers are forked only where the platform can fork")


@needs_fork
def test_forked_workers_take_the_models_of_this_process(corpus, single, tmp_path, extractor, monkeypatch):
    from pipeline import extractor as extractor_module

    def no_second_model(self, config=None):
        raise AssertionError("a worker built its own Extractor")

    monkeypatch.setattr(extractor_module.Extractor, "__init__", no_second_model)
    out = tmp_path / "two"
    report = run([str(corpus)], out, load_config(small_batches(tmp_path)), extractor=extractor, workers=2,
                 warn=lambda m: None)
    assert report.analysed == 12 and report.exit_status == 0
    assert_same_outputs(out, single, GRAPH_FILES)


def _crash_on(document_id: str, analyse):
    def analyse_or_crash(extractor, documents, *args):
        if any(d.id == document_id for d in documents):
            os._exit(3)
        return analyse(extractor, documents, *args)
    return analyse_or_crash


@needs_fork
def test_a_crashed_worker_fails_the_run_clearly_and_loses_nothing_written(corpus, single, tmp_path, extractor,
                                                                          monkeypatch):
    from pipeline.engine import workers
    from pipeline.errors import EngineError

    config = load_config(small_batches(tmp_path))
    out = tmp_path / "out"
    with monkeypatch.context() as patch:  # the forked workers inherit the patched module
        patch.setattr(workers, "analyse_batch", _crash_on("doc-0008", workers.analyse_batch))
        with pytest.raises(EngineError, match="a worker process ended unexpectedly"):
            run([str(corpus)], out, config, extractor=extractor, workers=2, warn=lambda m: None)
    assert run_yaml(out)["status"] == "failed"
    written = sorted(p.name for p in (out / "documents").glob("*.yaml"))
    assert "doc-0000.yaml" in written and "doc-0008.yaml" not in written
    report = run([str(corpus)], out, config, extractor=extractor, workers=2, warn=lambda m: None)
    assert report.reused == len(written) and report.analysed == 12 - len(written)
    assert_same_outputs(out, single, GRAPH_FILES)


def _holds_lock_file(out: Path) -> bool:
    return any(os.path.realpath(f"/proc/self/fd/{fd}") == str(out / LOCK_NAME) for fd in os.listdir("/proc/self/fd"))


@needs_fork
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_forked_process_does_not_hold_the_folder_lock(tmp_path):
    import multiprocessing

    out = tmp_path.resolve()
    with OutputLock(out):
        assert _holds_lock_file(out)
        child = multiprocessing.get_context("fork").Process(target=lambda: os._exit(3 if _holds_lock_file(out) else 0))
        child.start()
        child.join()
    assert child.exitcode == 0


# --- incremental reruns -----------------------------------------------------------------------

def test_rerun_analyses_only_new_and_changed_documents_and_drops_removed_ones(corpus, single, tmp_path, extractor):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in corpus.iterdir():
        (inputs / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    config = load_config(small_batches(tmp_path))
    run([str(inputs)], out, config, extractor=extractor, warn=lambda m: None)

    (inputs / "doc-0003.txt").write_text(news(3, "（更新）"), encoding="utf-8")  # changed
    (inputs / "doc-0005.txt").unlink()  # removed
    for i in (20, 21):  # added
        (inputs / f"doc-{i:04d}.txt").write_text(news(i), encoding="utf-8")
    messages: list[str] = []
    report = run([str(inputs)], out, config, extractor=extractor, warn=messages.append)
    summary = run_yaml(out)
    assert (summary["analysed_documents"], summary["reused_documents"]) == (3, 10)
    assert (report.analysed, report.reused) == (3, 10)
    assert summary["removed_documents"] == ["doc-0005"] and report.removed == ["doc-0005"]
    assert any("removed 1 document" in m for m in messages)
    assert not (out / "documents" / "doc-0005.yaml").exists()
    graph = yaml.safe_load((out / "graph.yaml").read_text(encoding="utf-8"))
    assert not any("doc-0005" in n["document_ids"] for n in graph["nodes"])
    assert any("doc-0021" in n["document_ids"] for n in graph["nodes"])

    fresh = tmp_path / "fresh"
    run([str(inputs)], fresh, config, extractor=extractor, warn=lambda m: None)
    assert_same_outputs(out, fresh, GRAPH_FILES)


def test_unchanged_rerun_reuses_everything_and_force_analyses_everything(corpus, single, tmp_path, extractor):
    out = tmp_path / "out"
    config = load_config(small_batches(tmp_path))
    run([str(corpus)], out, config, extractor=extractor, warn=lambda m: None)
    stamps = {name: (out / name).stat().st_mtime_ns for name in GRAPH_FILES}

    class NoAnalysis:
        def process(self, documents):
            raise AssertionError("an unchanged document was analysed")

    report = run([str(corpus)], out, config, extractor=NoAnalysis(), warn=lambda m: None)
    assert (report.analysed, report.reused, report.removed) == (0, 12, [])
    summary = run_yaml(out)
    assert summary["graph_reused"] is True and summary["status"] == "complete"
    assert {name: (out / name).stat().st_mtime_ns for name in GRAPH_FILES} == stamps
    assert_same_outputs(out, single, GRAPH_FILES)

    # without the cache the documents are read back from their YAMLs: still nothing analysed
    (out / "cache.sqlite").unlink()
    report = run([str(corpus)], out, config, extractor=NoAnalysis(), warn=lambda m: None)
    assert (report.analysed, report.reused) == (0, 12)

    report = run([str(corpus)], out, config, extractor=extractor, warn=lambda m: None, force=True)
    assert (report.analysed, report.reused) == (12, 0)
    assert run_yaml(out)["graph_reused"] is False  # the analysis may have changed under the same key
    assert_same_outputs(out, single, GRAPH_FILES)


def test_a_document_yaml_edited_by_hand_is_checked_again(corpus, tmp_path, extractor):
    out = tmp_path / "out"
    run([str(corpus)], out, extractor=extractor, warn=lambda m: None)
    path = out / "documents" / "doc-0001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sha256: ", "sha256: 0"), encoding="utf-8")
    report = run([str(corpus)], out, extractor=extractor, warn=lambda m: None)
    assert (report.analysed, report.reused) == (1, 11)


def test_only_zhkg_documents_are_removed(corpus, tmp_path, extractor):
    out = tmp_path / "out"
    (out / "documents").mkdir(parents=True)
    (out / "documents" / "notes.yaml").write_text("my: notes\n", encoding="utf-8")
    report = run([str(corpus)], out, extractor=extractor, warn=lambda m: None)
    assert report.removed == [] and (out / "documents" / "notes.yaml").exists()


def test_another_config_analyses_again(corpus, tmp_path, extractor):
    out = tmp_path / "out"
    run([str(corpus)], out, extractor=extractor, warn=lambda m: None)
    config = load_config()
    other = replace(config, relations=replace(config.relations, min_confidence=0.9))
    messages: list[str] = []
    report = run([str(corpus)], out, other, extractor=extractor, warn=messages.append)
    assert (report.analysed, report.reused) == (12, 0)
    assert any("analysed again" in m for m in messages)


# --- progress bar -------------------------------------------------------------------------------

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(corpus):
    assert not wanted(io.StringIO())
    assert wanted(FakeTerminal())
    quiet = Progress([str(corpus)], stream=io.StringIO())
    assert not quiet.enabled and quiet.bar is None
    terminal = FakeTerminal()
    bar = Progress([str(corpus)], stream=terminal)
    bar.update(3, 300)
    bar.close()
    assert bar.enabled and "3/12" in terminal.getvalue()


def test_no_progress_bar_in_redirected_output(corpus, tmp_path, capsys):
    status = main(["run", str(corpus), "--out", str(tmp_path / "out"), "--config", str(small_batches(tmp_path))])
    err = capsys.readouterr().err
    assert status == 0
    assert "\r" not in err and "doc/s" not in err and "%|" not in err
    assert err.strip().splitlines()[-1].startswith("zhkg: 12 documents (12 analysed, 0 reused, 0 removed)")


def test_count_records(tmp_path):
    (tmp_path / "a.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "一"}\n{"text": "二"}\n{"text": "三"}', encoding="utf-8")
    assert count_records([tmp_path]) == 4


# --- command line -------------------------------------------------------------------------------

@pytest.mark.parametrize("extra, message", [
    (["--workers", "0"], "--workers"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--engine dask"),
    (["--force", "--resume"], "--force"),
])
def test_scale_usage_errors(corpus, tmp_path, capsys, extra, message):
    status = main(["run", str(corpus), "--out", str(tmp_path / "out"), *extra])
    assert status == 2 and message in capsys.readouterr().err


# --- the Dask engine ----------------------------------------------------------------------------

def test_dask_aggregation_is_the_graph_builders(corpus, single):
    """The per-partition aggregation, fed rows in any order, gives GraphBuilder's merge."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    import pandas as pd

    from pipeline.engine.dask_engine import _schemas, aggregate_edges, aggregate_nodes, batch_rows
    from pipeline.graph.build import GraphBuilder, summary_from_data
    from pipeline.outputs.documents import read_document_yaml

    summaries = [summary_from_data(read_document_yaml(p)) for p in sorted((single / "documents").glob("*.yaml"))]
    builder = GraphBuilder()
    for summary in summaries:
        builder.add_summary(summary)
    mentions, relations = batch_rows(list(enumerate(summaries)))
    schemas = _schemas()
    import pyarrow as pa

    frames = [pa.table(cols, schema=schemas[name]).to_pandas().sample(frac=1.0, random_state=7)
              for name, cols in (("mentions", mentions), ("relations", relations))]
    nodes = aggregate_nodes(frames[0])
    edges = aggregate_edges(frames[1])
    assert isinstance(nodes, pd.DataFrame) and len(nodes) == len(builder.nodes)
    assert len(edges) == len(builder.edges)
    by_id = {r["id"]: r for r in pa.Table.from_pandas(nodes).to_pylist()}
    for node_id, stats in builder.nodes.items():
        row = by_id[node_id]
        assert row["documents"] == stats.documents and row["names"] == list(stats.name_counts())
        assert (row["mentions"], row["first_seen"], row["last_seen"]) == (stats.mentions, stats.first_seen,
                                                                          stats.last_seen)


def test_dask_engine_gives_the_single_machine_outputs(corpus, single, tmp_path):
    pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")
    out = tmp_path / "dask"
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--engine", "dask",
               "--workers", "2", "--config", str(small_batches(tmp_path))]
    env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0"}
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=240, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert_same_outputs(out, single, GRAPH_FILES)
    summary = run_yaml(out)
    assert summary["engine"] == "dask" and summary["analysed_documents"] == 12

    import pyarrow.parquet as pq

    nodes = pq.read_table(out / "parquet" / "nodes").to_pylist()
    edges = pq.read_table(out / "parquet" / "edges").to_pylist()
    graph = yaml.safe_load((out / "graph.yaml").read_text(encoding="utf-8"))
    assert sorted(n["id"] for n in nodes) == sorted(n["id"] for n in graph["nodes"])
    assert len(edges) == len(graph["edges"])
    assert len(list((out / "parquet" / "mentions").glob("part-*.parquet"))) == 6  # 12 documents, batches of 2
    json.dumps(nodes[0], ensure_ascii=False)  # plain values


# --- compressed jsonl ---------------------------------------------------------------------------

def test_gzip_jsonl_is_read_as_its_plain_file(tmp_path):
    import gzip

    from pipeline.ingest.reader import read_inputs
    from pipeline.records import Skipped

    lines = "".join(json.dumps({"title": f"标题{i}", "text": news(i)}, ensure_ascii=False) + "\n" for i in range(5))
    (tmp_path / "plain").mkdir()
    (tmp_path / "packed").mkdir()
    (tmp_path / "plain" / "feed.jsonl").write_text(lines, encoding="utf-8")
    data = gzip.compress(lines.encode("utf-8"))
    (tmp_path / "packed" / "feed.jsonl.gz").write_bytes(data)
    plain = list(read_inputs([tmp_path / "plain"]))
    packed = list(read_inputs([tmp_path / "packed"]))
    assert [(d.id, d.text, d.title) for d in packed] == [(d.id, d.text, d.title) for d in plain]
    assert [d.id for d in packed] == [f"feed-{i}" for i in range(1, 6)]
    assert count_records([tmp_path / "packed"]) == 5
    (tmp_path / "packed" / "feed.jsonl.gz").write_bytes(data[: len(data) // 2])
    cut = list(read_inputs([tmp_path / "packed"]))
    assert isinstance(cut[-1], Skipped) and "truncated" in cut[-1].reason


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_forked_writers_run_every_task_once(tmp_path):
    from functools import partial

    from pipeline.engine.workers import run_forked

    tasks = [partial(_write, tmp_path / f"{k}.txt", f"task {k}") for k in range(7)]
    run_forked(tasks, processes=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k}.txt" for k in range(7))
    assert all((tmp_path / f"{k}.txt").read_text(encoding="utf-8") == f"task {k}" for k in range(7))


def _fail_outside(parent: int) -> None:
    import time

    time.sleep(0.02)
    if os.getpid() != parent:
        raise OSError("disk full")


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork")
def test_a_writer_failing_in_a_child_fails_the_run():
    from functools import partial

    from pipeline.engine.workers import run_forked
    from pipeline.errors import EngineError

    with pytest.raises(EngineError, match="writer process failed"):
        run_forked([partial(_fail_outside, os.getpid())] * 20, processes=2)


def test_a_folder_without_documents_is_not_searched_for_them(corpus, single, tmp_path, extractor, monkeypatch):
    def no_search(*args):
        raise AssertionError("a new folder was searched for documents to reuse")

    monkeypatch.setattr(runner, "_reused_summaries", no_search)
    run([str(corpus)], tmp_path / "out", load_config(small_batches(tmp_path)), extractor=extractor,
        warn=lambda m: None)
    assert_same_outputs(tmp_path / "out", single, GRAPH_FILES)
