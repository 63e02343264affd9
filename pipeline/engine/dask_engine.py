"""`zhkg run … --engine dask [--scheduler ADDRESS]`: the per-document stages on a Dask cluster
and the merge as a distributed aggregation by entity key.

1. The parent reads the inputs and submits batches (at most twice the cluster's threads in
   flight). A task analyses its batch's new or changed documents with the worker's own
   `Extractor` (built once per worker), writes their document YAMLs, and writes one Parquet
   partition of per-document rows for the whole batch (reused documents included):
   DIR/parquet/mentions/part-NNNNNN.parquet (one row per entity of a document) and
   DIR/parquet/relations/part-NNNNNN.parquet (one row per relation of a document). It sends
   back only the summaries of what it analysed, for the result cache.
2. The merge: the row tables are shuffled by entity id (relations by edge key: head, tail, type,
   title), and each shuffled partition is aggregated on its worker exactly as `GraphBuilder`
   does (rows in input order: names counted, aliases joined, mentions summed, documents listed,
   first/last dates, the first evidence sentences, highest confidence). The merged tables are
   written to DIR/parquet/nodes/ and DIR/parquet/edges/.
3. The parent reads the merged tables (as large as the graph: distinct entities and edges) and
   writes graph.yaml, GraphML and the other graph files, identical to a single-machine run.

The workers must see DIR at the same path (a shared file system) and run the same zhkg install
(same version, schemas and shipped model). Without `--scheduler`, a `LocalCluster` bound to
127.0.0.1 with `--workers` worker processes of one thread each is started and stopped.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pipeline.config import RunConfig
from pipeline.engine.workers import Item, analyse_batch, worker_extractor
from pipeline.engine.written import Outcome, written_outcomes
from pipeline.errors import DaskUnavailable, EngineError
from pipeline.graph.build import EdgeStats, GraphBuilder, NodeStats, publication_day
from pipeline.records import DocumentSummary, EntitySummary, RelationSummary

PARQUET = "parquet"
ROW_TABLES = ("mentions", "relations")
MERGED_TABLES = ("nodes", "edges")


def require_dask() -> None:
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as error:
        raise DaskUnavailable(f"--engine dask needs dask.distributed, pandas and pyarrow ({error}); "
                              "install them with: pip install 'zhkg[dask]'") from None


# --- schemas of the Parquet tables ----------------------------------------------------------

def _schemas():
    import pyarrow as pa

    strings = pa.list_(pa.string())
    return {
        "mentions": pa.schema([("doc_seq", pa.int64()), ("item", pa.int64()), ("doc", pa.string()),
                               ("day", pa.string()), ("id", pa.string()), ("type", pa.string()),
                               ("name", pa.string()), ("aliases", strings), ("mentions", pa.int64()),
                               ("confidence", pa.float64())]),
        "relations": pa.schema([("doc_seq", pa.int64()), ("item", pa.int64()), ("doc", pa.string()),
                                ("key", pa.string()), ("head", pa.string()), ("tail", pa.string()),
                                ("type", pa.string()), ("title", pa.string()), ("evidence", strings),
                                ("confidence", pa.float64()), ("rule", pa.string())]),
        "nodes": pa.schema([("id", pa.string()), ("doc_seq", pa.int64()), ("item", pa.int64()),
                            ("type", pa.string()), ("names", strings), ("name_counts", pa.list_(pa.int64())),
                            ("aliases", strings), ("mentions", pa.int64()), ("documents", strings),
                            ("confidence", pa.float64()), ("first_seen", pa.string()), ("last_seen", pa.string())]),
        "edges": pa.schema([("head", pa.string()), ("tail", pa.string()), ("type", pa.string()),
                            ("title", pa.string()), ("documents", strings), ("evidence", strings),
                            ("evidence_count", pa.int64()), ("confidence", pa.float64()), ("rules", strings)]),
    }


def edge_key(head: str, tail: str, rtype: str, title: str | None) -> str:
    return "\x1f".join((head, tail, rtype, title or ""))


def batch_rows(items: list[tuple[int, DocumentSummary]]) -> tuple[dict[str, list], dict[str, list]]:
    """Column lists of the mention and relation rows of (doc_seq, summary) pairs."""
    names = {name: [] for name in _schemas()["mentions"].names}
    rels = {name: [] for name in _schemas()["relations"].names}
    for seq, summary in items:
        doc_id, day = summary["id"], publication_day(summary["published"])
        for index, e in enumerate(summary["entities"]):
            for column, value in zip(names, (seq, index, doc_id, day, e.id, e.type, e.name, list(e.aliases),
                                             e.mentions, float(e.confidence))):
                names[column].append(value)
        for index, r in enumerate(summary["relations"]):
            for column, value in zip(rels, (seq, index, doc_id, edge_key(r.head, r.tail, r.type, r.title), r.head,
                                            r.tail, r.type, r.title, list(r.evidence), float(r.confidence), r.rule)):
                rels[column].append(value)
    return names, rels


def _write_table(columns: dict[str, list], schema, path: Path) -> None:
    """A Parquet file written to a temporary name, then renamed (never half a partition)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"_{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(pa.table(columns, schema=schema), tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def dask_batch(config: RunConfig, index: int, items: list[Item], out: str, max_evidence: int,
               key: str) -> dict[str, Outcome]:
    """The task of one batch (runs on a worker): analyse, write YAMLs and the row partitions."""
    out_dir = Path(out)
    documents = [d for _, d, s in items if s is None]
    outcomes = analyse_batch(worker_extractor(config), documents, out_dir, max_evidence, key) if documents else {}
    pairs = []
    for seq, document, summary in items:
        if summary is None:
            outcome = outcomes[document.id]
            if outcome[0] != "ok":
                continue
            summary = outcome[1]
        pairs.append((seq, summary))
    mention_rows, relation_rows = batch_rows(pairs)
    schemas = _schemas()
    _write_table(mention_rows, schemas["mentions"], out_dir / PARQUET / "mentions" / f"part-{index:06d}.parquet")
    _write_table(relation_rows, schemas["relations"], out_dir / PARQUET / "relations" / f"part-{index:06d}.parquet")
    return written_outcomes(outcomes)


# --- the distributed aggregation --------------------------------------------------------------

def _records(frame) -> list[dict]:
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False).to_pylist() if len(frame) else []


def _frame(rows: list[dict], schema):
    columns = {name: [r[name] for r in rows] for name in schema.names}
    return _typed_frame(columns, schema)


def _typed_frame(columns: dict[str, list], schema):
    import pyarrow as pa

    return pa.table(columns, schema=schema).to_pandas()


def aggregate_nodes(frame) -> Any:
    """One shuffled partition of mention rows → one row per entity id (as `GraphBuilder`)."""
    rows = sorted(_records(frame), key=lambda r: (r["doc_seq"], r["item"]))
    builder, first = GraphBuilder(), {}
    for r in rows:
        first.setdefault(r["id"], (r["doc_seq"], r["item"]))
        builder.add_entity(r["doc"], r["day"], EntitySummary(r["id"], r["type"], r["name"], r["aliases"] or [],
                                                             r["mentions"], r["confidence"]))
    merged = [{"id": node_id, "doc_seq": first[node_id][0], "item": first[node_id][1], "type": n.type,
               "names": list(n.name_counts()), "name_counts": list(n.name_counts().values()),
               "aliases": sorted(n.alias_set()),
               "mentions": n.mentions, "documents": n.documents, "confidence": n.confidence,
               "first_seen": n.first_seen, "last_seen": n.last_seen}
              for node_id, n in builder.nodes.items()]
    return _frame(merged, _schemas()["nodes"])


def aggregate_edges(frame) -> Any:
    """One shuffled partition of relation rows → one row per edge key (as `GraphBuilder`)."""
    rows = sorted(_records(frame), key=lambda r: (r["doc_seq"], r["item"]))
    builder = GraphBuilder()
    for r in rows:
        builder.add_relation(r["doc"], RelationSummary(r["type"], r["head"], r["tail"], r["title"],
                                                       r["evidence"] or [], r["confidence"], r["rule"]))
    merged = [{"head": head, "tail": tail, "type": rtype, "title": title, "documents": e.documents,
               "evidence": e.evidence, "evidence_count": e.evidence_count, "confidence": e.confidence,
               "rules": sorted(e.rules)}
              for (head, tail, rtype, title), e in builder.edges.items()]
    return _frame(merged, _schemas()["edges"])


def merge_tables(out: Path, partitions: int) -> None:
    """Shuffle the row tables by key, aggregate each partition, write DIR/parquet/{nodes,edges}."""
    import dask.dataframe as dd

    schemas = _schemas()
    base = Path(out) / PARQUET
    for rows, merged, on, aggregate in (("mentions", "nodes", "id", aggregate_nodes),
                                        ("relations", "edges", "key", aggregate_edges)):
        table = dd.read_parquet(str(base / rows))
        if table.npartitions > partitions:  # one small partition per batch: join neighbours first
            table = table.repartition(npartitions=partitions)
        meta = _typed_frame({name: [] for name in schemas[merged].names}, schemas[merged])
        result = table.shuffle(on=on, npartitions=max(1, partitions)).map_partitions(aggregate, meta=meta)
        result.to_parquet(str(base / merged), schema=schemas[merged], write_index=False,
                          write_metadata_file=False, name_function=lambda i: f"part-{i:06d}.parquet")


def read_merged(out: Path) -> GraphBuilder:
    """A `GraphBuilder` holding the merged tables: nodes in order of first appearance (as the
    single-machine merge adds them), so `.graph()` is the single-machine graph."""
    from collections import Counter

    import pyarrow.parquet as pq

    base = Path(out) / PARQUET
    builder = GraphBuilder()
    nodes = []
    for path in sorted((base / "nodes").glob("*.parquet")):
        nodes += pq.read_table(path).to_pylist()
    for r in sorted(nodes, key=lambda r: (r["doc_seq"], r["item"])):
        builder.nodes[r["id"]] = NodeStats(r["type"], Counter(dict(zip(r["names"], r["name_counts"]))),
                                           set(r["aliases"]), r["mentions"], list(r["documents"]), r["confidence"],
                                           r["first_seen"], r["last_seen"])
    edges = []
    for path in sorted((base / "edges").glob("*.parquet")):
        edges += pq.read_table(path).to_pylist()
    for r in edges:
        builder.edges[(r["head"], r["tail"], r["type"], r["title"])] = EdgeStats(
            r["type"], r["title"], list(r["documents"]), list(r["evidence"]), r["evidence_count"], r["confidence"],
            set(r["rules"]))
    return builder


def clear_parquet(out: Path, tables: tuple[str, ...] = ROW_TABLES + MERGED_TABLES) -> None:
    """Remove the Parquet partitions of an earlier run (only files this engine writes), and
    the folders they leave empty."""
    base = Path(out) / PARQUET
    for table in tables:
        folder = base / table
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.is_file() and (path.suffix == ".parquet" or path.name.endswith(".tmp")
                                   or path.name in ("_metadata", "_common_metadata")):
                path.unlink(missing_ok=True)
        try:
            folder.rmdir()
        except OSError:
            pass
    try:
        base.rmdir()
    except OSError:
        pass


def has_merged_tables(out: Path) -> bool:
    base = Path(out) / PARQUET
    return all(any((base / t).glob("*.parquet")) for t in MERGED_TABLES + ROW_TABLES)


# --- the engine -------------------------------------------------------------------------------

class DaskEngine:
    """Batches as tasks on a Dask cluster: `scheduler` an address (tcp://host:8786), or None for
    a LocalCluster of `workers` processes bound to 127.0.0.1."""

    name = "dask"

    def __init__(self, config: RunConfig, workers: int, out: Path, max_evidence: int, key: str,
                 scheduler: str | None = None, processes: bool = True):
        require_dask()
        import dask
        from distributed import Client, LocalCluster

        self.config, self.out, self.max_evidence, self.key = config, str(Path(out).resolve()), max_evidence, key
        self.cluster = None
        dask.config.set({"dataframe.convert-string": False})
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="30s")
            except (OSError, TimeoutError, ValueError) as error:
                raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                        host="127.0.0.1", dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        threads = sum(self.client.nthreads().values()) or workers
        self.threads = threads
        self.window = 2 * threads
        self.partitions = 0
        clear_parquet(Path(out), ROW_TABLES)  # merged tables stay until a new merge replaces them

    def submit(self, index: int, items: list[Item]):
        self.partitions += 1
        return self.client.submit(dask_batch, self.config, index, items, self.out, self.max_evidence, self.key,
                                  pure=False, key=f"zhkg-batch-{index}-{os.getpid()}-{id(self)}")

    def result(self, handle) -> dict[str, Outcome]:
        outcome = handle.result()
        handle.release()
        return outcome

    def merge(self) -> GraphBuilder:
        """The merged graph aggregates (an empty builder when no batch was written)."""
        if self.partitions == 0:
            return GraphBuilder()
        clear_parquet(Path(self.out), MERGED_TABLES)
        merge_tables(Path(self.out), max(1, min(self.partitions, 4 * self.threads)))
        return read_merged(Path(self.out))

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
