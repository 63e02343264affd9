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
from .serialize import document_to_dict, graph_to_dict, write_graphml, write_yaml


def _documents(items: Iterable[Document | Skipped], report: RunReport, warn) -> Iterator[Document]:
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            warn(f"zhkg: skipped {item.path}: {item.reason}")
        else:
            report.characters += len(item.text)
            yield item


def run(paths: list[str], out_dir: str | Path, config: RunConfig | None = None,
        extractor: Extractor | None = None, warn=lambda message: print(message, file=sys.stderr)) -> RunReport:
    """Extract every input under `paths` into `out_dir`; returns what was done."""
    config = config or load_config()
    out = Path(out_dir)
    report = RunReport(inputs=[str(p) for p in paths], out_dir=out)
    started = time.perf_counter()
    extractor = extractor or Extractor(config)
    report.timings["load_seconds"] = round(time.perf_counter() - started, 3)

    builder = GraphBuilder()
    extract_started = time.perf_counter()
    documents = _documents(read_inputs(paths, config.ingest.max_chars), report, warn)
    for result in extractor.process(documents):
        write_yaml(out / "documents" / f"{result.document.id}.yaml",
                   document_to_dict(result, config.output.max_evidence))
        builder.add(result)
        report.documents += 1
        report.entities += len(result.entities)
        report.relations += len(result.relations)
    report.timings["extract_seconds"] = round(time.perf_counter() - extract_started, 3)

    graph_started = time.perf_counter()
    graph = builder.graph()
    write_yaml(out / "graph.yaml", graph_to_dict(graph))
    if config.output.graphml:
        write_graphml(out / "graph.graphml", graph)
    report.timings["graph_seconds"] = round(time.perf_counter() - graph_started, 3)
    report.timings["total_seconds"] = round(time.perf_counter() - started, 3)
    write_yaml(out / "run.yaml", run_summary(report, config, graph.number_of_nodes(), graph.number_of_edges()))
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
