"""`zhkg run`: stream inputs through the extractor, write per-document YAML, then the merged
graph (YAML + GraphML) and run.yaml. Memory is bounded by the batch, not the corpus."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .config import RunConfig, load_config
from .extract import Extractor
from .graph import GraphBuilder
from .ingest import read_inputs
from .records import Document, RunReport, Skipped
from .resume import remove_temporaries, results_in_order, resume_key, resume_note
from .serialize import graph_to_dict, write_graphml, write_yaml


def _documents(items: Iterable[Document | Skipped], report: RunReport, warn) -> Iterator[Document]:
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            warn(f"zhkg: skipped {item.path}: {item.reason}")
        else:
            report.characters += len(item.text)
            yield item


def run(paths: list[str], out_dir: str | Path, config: RunConfig | None = None,
        extractor: Extractor | None = None, warn=lambda message: print(message, file=sys.stderr),
        resume: bool = False) -> RunReport:
    """Extract every input under `paths` into `out_dir`; returns what was done.

    `resume`: documents already written to `out_dir` by a run with the same version, config,
    schemas and model, with the same text, are read back instead of analysed (pipeline.resume)."""
    config = config or load_config()
    out = Path(out_dir)
    report = RunReport(inputs=[str(p) for p in paths], out_dir=out)
    started = time.perf_counter()
    extractor = extractor or Extractor(config)
    report.timings["load_seconds"] = round(time.perf_counter() - started, 3)

    builder = GraphBuilder()
    extract_started = time.perf_counter()
    key = resume_key(config)
    remove_temporaries(out)
    note = resume_note(out, key) if resume else ""
    if note:
        warn(f"zhkg: --resume: {note}")
    write_yaml(out / "run.yaml", {"zhkg_version": __version__, "status": "running", "resume_key": key,
                                  "inputs": report.inputs, "config": config.as_dict()})
    encoding = None if config.ingest.encoding == "auto" else config.ingest.encoding
    documents = _documents(read_inputs(paths, config.ingest.max_chars, encoding), report, warn)
    reused = 0

    def failed(document: Document, error: BaseException) -> None:
        skip = Skipped(document.path or document.id, f"analysis failed ({type(error).__name__}: {error})")
        report.skipped.append(skip)
        report.characters -= len(document.text)
        warn(f"zhkg: skipped {skip.path}: {skip.reason}")

    for result, data in results_in_order(documents, extractor, out, config.output.max_evidence, key, resume,
                                         config.analysis.batch_size, failed):
        if data is None:
            reused += 1
        else:
            write_yaml(out / "documents" / f"{result.document.id}.yaml", data)
        builder.add(result)
        report.documents += 1
        report.entities += len(result.entities)
        report.relations += len(result.relations)
    report.timings["extract_seconds"] = round(time.perf_counter() - extract_started, 3)

    graph_started = time.perf_counter()
    graph = builder.graph()
    from .export import enrich, type_colors, write_exports  # analytics, colours, GEXF/CSV/JSON/SVG

    analytics_started = time.perf_counter()
    enrich(graph, type_colors(config.schemas_dir))
    report.timings["analytics_seconds"] = round(time.perf_counter() - analytics_started, 3)
    write_yaml(out / "graph.yaml", graph_to_dict(graph))
    if config.output.graphml:
        write_graphml(out / "graph.graphml", graph)
    write_exports(out, graph, config.output)
    report.timings["graph_seconds"] = round(time.perf_counter() - graph_started, 3)
    report.timings["total_seconds"] = round(time.perf_counter() - started, 3)
    write_yaml(out / "run.yaml", {**run_summary(report, config, graph.number_of_nodes(), graph.number_of_edges()),
                                  "status": "complete", "resume_key": key, "reused_documents": reused})
    return report


def run_summary(report: RunReport, config: RunConfig, nodes: int, edges: int) -> dict:
    seconds = report.timings.get("extract_seconds") or 0.0
    return {
        "zhkg_version": __version__,
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "inputs": report.inputs,
        "config": config.as_dict(),
        "counts": {"documents": report.documents, "characters": report.characters,
                   "entities": report.entities, "relations": report.relations,
                   "graph_nodes": nodes, "graph_edges": edges, "skipped": len(report.skipped)},
        "timings": {**report.timings,
                    "characters_per_second": round(report.characters / seconds) if seconds else None},
        "skipped": [{"input": s.path, "reason": s.reason} for s in report.skipped],
    }
