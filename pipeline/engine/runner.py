"""`zhkg run`: stream inputs through the extractor, write per-document YAML, then the merged
graph (YAML + GraphML + exports) and run.yaml. Memory is bounded by the batch, not the corpus.

- Engines (`pipeline.engine.workers`, `pipeline.engine.dask_engine`): the batches are analysed in a pool of
  `workers` processes, or on a Dask cluster (`engine="dask"`). The workers write the document
  YAMLs and send back summaries, kept here in input order (`graph.spill`) and merged once the
  analysis has ended: the outputs are byte-identical whatever the engine and the number of
  workers. With one worker, inputs of at most `INLINE_MAX_BYTES` (or a run given its
  `extractor`) are analysed in this process instead: small runs skip a worker's start, while
  large ones leave the analysis's memory to a process that ends before the graph stage.
- Memory: the merged graph, which grows with the corpus, is built only after the models and
  worker processes are gone, as columns (`graph.compact`), not networkx objects; its files are
  written side by side in forked processes only while a forked copy is no larger than a worker
  was (`engine.memory.graph_processes`). So the run's peak stays the analysis's as the corpus grows.
- Incremental (`pipeline.engine.resume`, `pipeline.engine.cache`): a document already written to `out_dir`
  with the same text, metadata, version, config, schemas and model is reused, not analysed
  (`force=True` analyses everything and rebuilds the graph). Document YAMLs of documents no longer in the input are
  deleted (`report.removed`). When the documents of the graph are exactly those of the
  previous complete run, its graph files are kept as they are (`report.graph_reused`).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.config import RunConfig, load_config
from pipeline.engine.batches import batches
from pipeline.engine.cache import ResultCache, summary_json, yaml_stat
from pipeline.engine.lock import OutputLock
from pipeline.engine.memory import graph_processes
from pipeline.engine.progress import Progress
from pipeline.engine.resume import previous_data, previous_run, remove_stale, remove_temporaries, resume_key, resume_note
from pipeline.engine.workers import fewer_collections, release_memory
from pipeline.errors import analysis_failed, printable
from pipeline.graph.build import summary_from_data
from pipeline.graph.spill import DocumentLog, SummarySpill
from pipeline.ingest.jsonl import Limits
from pipeline.ingest.reader import find_inputs, read_inputs
from pipeline.outputs.documents import iso_date
from pipeline.outputs.yaml_io import write_yaml
from pipeline.records import Document, RunReport, Skipped

ENGINES = ("local", "dask")
INLINE_MAX_BYTES = 8 << 20


def _documents(items: Iterable[Document | Skipped], report: RunReport, warn) -> Iterator[Document]:
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            warn(f"zhkg: skipped {printable(item.path)}: {printable(item.reason)}")
        else:
            report.characters += len(item.text)
            yield item


def input_bytes(paths: Iterable[str | Path]) -> int:
    """The size on disk of the input files under `paths`."""
    total = 0
    for item in find_inputs(paths):
        if isinstance(item, Path):
            try:
                total += item.stat().st_size
            except OSError:
                pass
    return total


def _make_engine(engine: str, workers: int, config: RunConfig, extractor, out: Path, key: str,
                 scheduler: str | None, dask_options: dict | None, paths: list[str]):
    max_evidence = config.output.max_evidence
    if engine == "dask":
        from pipeline.engine.dask_engine import DaskEngine

        return DaskEngine(config, workers, out, max_evidence, key, scheduler, **(dask_options or {}))
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; expected one of {ENGINES}")
    if workers <= 1 and (extractor is not None or input_bytes(paths) <= INLINE_MAX_BYTES):
        from pipeline.engine.workers import InlineEngine

        return InlineEngine(extractor, config, out, max_evidence, key)
    from pipeline.engine.workers import ProcessEngine

    return ProcessEngine(config, max(workers, 1), out, max_evidence, key, extractor)


def _start_engine(run_yaml: Path, running: dict, cache: ResultCache, *engine_args):
    """`_make_engine(*engine_args)`, once `run_yaml` says `running`; when the engine cannot start
    (no model, bad schemas, …), `run_yaml` says `status: failed` with the reason before the error goes on."""
    write_yaml(run_yaml, running)
    try:
        return _make_engine(*engine_args)
    except Exception as error:
        cache.close()
        _record_failure(run_yaml, running, error)
        raise


def _record_failure(run_yaml: Path, running: dict, error: Exception) -> None:
    write_yaml(run_yaml, {**running, "status": "failed", "reason": str(error) or type(error).__name__})


def graph_files(config: RunConfig, engine: str) -> list[str]:
    """The files (relative to the output folder) that a run's graph stage writes."""
    output = config.output
    names = ["graph.yaml"]
    names += ["graph.graphml"] if output.graphml else []
    names += ["graph.gexf"] if output.gexf else []
    names += ["nodes.csv", "edges.csv"] if output.csv else []
    names += ["graph.json"] if output.json else []
    names += ["graph.svg"] if output.svg else []
    return names


def run(paths: list[str], out_dir: str | Path, config: RunConfig | None = None,
        extractor: Any = None, warn=lambda message: print(message, file=sys.stderr),
        resume: bool = False, *, force: bool = False, workers: int = 1, engine: str = "local",
        scheduler: str | None = None, progress: bool | None = None,
        dask_options: dict | None = None, wait: bool = False) -> RunReport:
    """Extract every input under `paths` into `out_dir`; returns what was done.

    Incremental: documents already written to `out_dir` by a run with the same version, config,
    schemas and model, with the same text and metadata, are reused instead of analysed; `force`
    analyses every document again and rebuilds the graph. `resume` (finishing an interrupted run) is the same and only
    adds a note when `out_dir` holds no run.yaml. `workers`: processes (local engine) or, for
    `engine="dask"` without a `scheduler` address, LocalCluster workers on 127.0.0.1.
    `progress`: a progress bar on stderr (None: when stderr is a terminal).

    One run at a time writes `out_dir`: `OutputBusy` when another holds its lock (`wait`: wait
    for it). On KeyboardInterrupt (SIGINT, or SIGTERM as `errors.Interrupted`) the worker
    processes are ended at once and the folder is left as `resume` finishes it."""
    config = config or load_config()
    with OutputLock(Path(out_dir), wait=wait):
        return _run_locked(paths, Path(out_dir), config, extractor, warn, resume, force, workers, engine,
                           scheduler, progress, dask_options)


def _run_locked(paths, out: Path, config: RunConfig, extractor, warn, resume: bool, force: bool, workers: int,
                engine: str, scheduler: str | None, progress: bool | None, dask_options: dict | None) -> RunReport:
    """`run` while holding the folder's lock."""
    report = RunReport(inputs=[str(p) for p in paths], out_dir=out)
    started = time.perf_counter()
    key = resume_key(config)
    out.mkdir(parents=True, exist_ok=True)
    remove_temporaries(out)
    previous = previous_run(out)
    if note := (resume_note(out, key) if not force and (resume or previous) else ""):
        warn(f"zhkg: {printable(note)}")
    running = {"zhkg_version": __version__, "status": "running", "resume_key": key, "engine": engine,
               "inputs": report.inputs, "config": config.as_dict()}
    cache = ResultCache(out, warn)
    runner = _start_engine(out / "run.yaml", running, cache, engine, workers, config, extractor, out, key, scheduler,
                           dask_options, paths)
    report.timings["load_seconds"] = round(time.perf_counter() - started, 3)
    bar = Progress(paths, progress)
    spill = log = None
    try:
        spill = SummarySpill(out) if runner.name != "dask" else None
        log = DocumentLog(out)
        with fewer_collections():
            fingerprint = _extract(paths, out, config, key, cache, runner, report, warn, force, bar, spill, log)
        bar.close()
        report.timings["extract_seconds"] = round(time.perf_counter() - started - report.timings["load_seconds"], 3)
        if runner.name != "dask":
            runner.close()  # the model and the worker processes are not needed for the rest
            release_memory()  # so that what follows starts low
        seen, dates = log.read()  # the documents kept, now that no worker holds memory beside them
        report.removed = remove_stale(out, set(seen))
        if report.removed:
            warn(f"zhkg: removed {len(report.removed)} document(s) no longer in the input from {out / 'documents'}")
        cache.retain(seen)
        fingerprint.update(json.dumps([engine, config.as_dict()["output"]]).encode("utf-8"))
        graph_key = fingerprint.hexdigest()[:16]
        # a forced run rebuilds the graph too: its analysis may differ from the one the files hold
        nodes, edges = _graph_stage(out, config, runner, spill, seen, dates, {} if force else previous, graph_key,
                                    engine, workers, report)
    except Exception as error:
        _record_failure(out / "run.yaml", running, error)
        raise
    except BaseException:
        getattr(runner, "abort", runner.close)()
        raise
    finally:
        bar.close()
        runner.close()
        cache.close()
        for temporary in (spill, log):
            if temporary is not None:
                temporary.close()
    report.timings["total_seconds"] = round(time.perf_counter() - started, 3)
    write_yaml(out / "run.yaml", {**run_summary(report, config, nodes, edges),
                                  "status": "complete", "engine": engine, "workers": workers,
                                  "resume_key": key, "graph_key": graph_key,
                                  "analysed_documents": report.analysed, "reused_documents": report.reused,
                                  "removed_documents": report.removed, "graph_reused": report.graph_reused})
    return report


def _extract(paths, out: Path, config: RunConfig, key: str, cache: ResultCache, runner, report: RunReport,
             warn, force: bool, bar: Progress, spill: SummarySpill | None, log: DocumentLog):
    """Analyse or reuse every input document, their summaries kept in `spill` (None for the
    Dask engine, which merges on the cluster) and the ids and days of those written in `log`;
    returns a hash of them."""
    encoding = None if config.ingest.encoding == "auto" else config.ingest.encoding
    documents = iter(_documents(read_inputs(paths, config.ingest.max_chars, encoding, exclude=out,
                                           limits=Limits(config.ingest.max_line_bytes, config.ingest.max_reported_skips),
                                           follow_symlinks=config.ingest.follow_symlinks), report, warn))
    collector = _Collector(runner, cache, key, report, warn, bar, spill, log)
    reusable = not force and _holds_documents(out)  # a folder without documents has none to reuse
    pending: deque = deque()
    sequence = 0
    index = 0
    for batch_docs in batches(documents, max(1, config.analysis.batch_size)):
        reused = _reused_summaries(batch_docs, out, key, cache) if reusable else {}
        batch = []
        for document in batch_docs:
            batch.append((sequence, document, reused.get(document.id)))
            sequence += 1
        items = [(seq, None if summary is not None else document, summary) for seq, document, summary in batch]
        pending.append((batch, runner.submit(index, items)))
        index += 1
        while len(pending) >= runner.window:
            collector.finish(*pending.popleft())
    while pending:
        collector.finish(*pending.popleft())
    return collector.fingerprint


def _holds_documents(out: Path) -> bool:
    """Whether out/documents has any entry (a document YAML of an earlier run, perhaps)."""
    try:
        with os.scandir(out / "documents") as entries:
            return next(entries, None) is not None
    except OSError:
        return False


def _reused_summaries(documents: list[Document], out: Path, key: str, cache: ResultCache) -> dict[str, dict]:
    """The summaries of the `documents` that `out` already holds unchanged, by document id: from
    the cache, else read back from their YAML files (and then cached)."""
    reused = cache.lookup(documents, key)
    entries = []
    for document in documents:
        if document.id not in reused:
            data = previous_data(out, document, key)
            if data is not None:
                reused[document.id] = summary_from_data(data)
                entries.append((document, key, yaml_stat(out / "documents" / f"{document.id}.yaml"),
                                summary_json(reused[document.id])))
    cache.store(entries)
    return reused


class _Collector:
    """Takes the engine's finished batches in input order: counts them in the report, caches the
    new summaries, keeps them for the graph (in `spill`; None for Dask), the ids and days of the
    documents kept in `log` (for the GEXF edge intervals), and hashes the documents kept."""

    def __init__(self, runner, cache: ResultCache, key: str, report: RunReport, warn, bar: Progress,
                 spill: SummarySpill | None, log: DocumentLog):
        self.runner, self.cache, self.key, self.report, self.warn, self.bar = runner, cache, key, report, warn, bar
        self.spill, self.log = spill, log
        self.fingerprint = hashlib.sha256(key.encode("utf-8"))

    def finish(self, batch: list[tuple[int, Document, dict | None]], handle) -> None:
        """Wait for the batch `handle` and take its documents, analysed or reused."""
        report = self.report
        outcomes = self.runner.result(handle)
        entries = []
        characters = 0
        for _, document, summary in batch:
            characters += len(document.text)
            if summary is None:
                outcome = outcomes[document.id]
                if outcome[0] != "ok":
                    skip = Skipped(document.path or document.id, analysis_failed(outcome[1]))
                    report.skipped.append(skip)
                    report.characters -= len(document.text)
                    self.warn(f"zhkg: skipped {printable(skip.path)}: {printable(skip.reason)}")
                    continue
                _, written, stat = outcome
                entries.append((document, self.key, stat, written.summary_json))
                report.analysed += 1
                if self.spill is not None:
                    self.spill.add_record(written.spill_record)
                self._keep(document, written.entities, written.relations)
            else:
                report.reused += 1
                if self.spill is not None:
                    self.spill.add(summary)
                self._keep(document, len(summary["entities"]), len(summary["relations"]))
        self.cache.store(entries)
        self.bar.update(len(batch), characters)

    def _keep(self, document: Document, entities: int, relations: int) -> None:
        """Count a written document (of `entities` and `relations`); keep its id and date for the
        graph, and hash it."""
        self.log.add(document.id, iso_date(document.published))
        self.fingerprint.update(json.dumps([document.id, document.sha256, document.title, document.source,
                                            document.published], ensure_ascii=False).encode("utf-8"))
        self.report.documents += 1
        self.report.entities += entities
        self.report.relations += relations


def _graph_stage(out: Path, config: RunConfig, runner, spill: SummarySpill | None, seen: list[str],
                 dates: dict[str, str], previous: dict, graph_key: str, engine: str, workers: int,
                 report: RunReport) -> tuple[int, int]:
    """Merge (the summaries of `spill`, the documents `seen`; on the cluster for Dask),
    analytics and the graph files; or keep the previous run's when its documents were exactly
    these. Returns (nodes, edges)."""
    graph_started = time.perf_counter()
    expected = graph_files(config, engine)
    kept = (previous.get("status") == "complete" and previous.get("graph_key") == graph_key
            and all((out / name).is_file() for name in expected))
    if kept and engine == "dask":
        from pipeline.engine.dask_engine import has_merged_tables

        kept = has_merged_tables(out)
    counts = previous.get("counts") or {}
    if kept and isinstance(counts.get("graph_nodes"), int) and isinstance(counts.get("graph_edges"), int):
        report.graph_reused = True
        report.timings["graph_seconds"] = round(time.perf_counter() - graph_started, 3)
        return counts["graph_nodes"], counts["graph_edges"]

    merge_started = time.perf_counter()
    if spill is None:
        builder = runner.merge()
    else:
        from pipeline.engine.dask_engine import clear_parquet  # tables of an earlier Dask run would be stale

        clear_parquet(out)
        builder = spill.builder(seen)
    report.timings["merge_seconds"] = round(time.perf_counter() - merge_started, 3)
    from pipeline.graph.compact import CompactGraph

    graph = CompactGraph(builder, dates)
    del builder
    if engine == "local" and workers > 1:
        release_memory()  # the builder's garbage handed back, so that forking is weighed on what the graph holds
    processes = graph_processes(engine, workers)
    import gc

    from pipeline.engine.workers import call_forked, run_forked
    from pipeline.graph.analytics import type_colors
    from pipeline.outputs import graph_writers

    gc.freeze()  # the graph lives until the files are written: the collector need not scan it again and again
    try:
        analytics_started = time.perf_counter()
        # betweenness beside PageRank and Louvain, when the run has the processes for it
        graph.enrich(type_colors(config.schemas_dir), beside=call_forked if processes > 1 else None)
        report.timings["analytics_seconds"] = round(time.perf_counter() - analytics_started, 3)
        # the analytics' working graphs are garbage now: hand their pages back before the writers
        # fork, which would otherwise each count them (and the freed model's) in their own memory
        release_memory()
        writers = graph_writers(out, graph, config.output, dates)
        run_forked(writers, processes)
    finally:
        gc.unfreeze()
    report.timings["graph_seconds"] = round(time.perf_counter() - graph_started, 3)
    return graph.number_of_nodes(), graph.number_of_edges()


def _rate(characters: int, seconds: float | None) -> int | None:
    return round(characters / seconds) if seconds else None


def run_summary(report: RunReport, config: RunConfig, nodes: int, edges: int) -> dict:
    """run.yaml. `characters_per_second` is the whole run's (reading, analysis, outputs, graph);
    `analysis_characters_per_second` the document stage's alone."""
    timings = report.timings
    return {
        "zhkg_version": __version__,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": report.inputs,
        "config": config.as_dict(),
        "counts": {"documents": report.documents, "characters": report.characters,
                   "entities": report.entities, "relations": report.relations,
                   "graph_nodes": nodes, "graph_edges": edges, "skipped": len(report.skipped)},
        "timings": {**timings, "characters_per_second": _rate(report.characters, timings.get("total_seconds")),
                    "analysis_characters_per_second": _rate(report.characters, timings.get("extract_seconds"))},
        "skipped": [{"input": s.path, "reason": s.reason} for s in report.skipped],
    }
