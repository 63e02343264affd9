"""Where the per-document stages run: in this process, in a pool of worker processes
(`zhkg run --workers N`), or on a Dask cluster (`pipeline.engine.dask_engine`).

Every engine does the same work per batch of documents (`analyse_batch`): analyse them with an
`Extractor` built once per worker (or once in the parent, for the workers forked from it), write
each one's document YAML itself (serialisation is a large part of the cost) and send back only
what the graph needs: the document's summary (`graph.build.summary_from_data`, no text), already
serialised for the result cache and the summary spill (`engine.written`), and the size and mtime
of the YAML it wrote. The parent merges the summaries in input order, so any number of workers
gives byte-identical outputs.

The parent keeps at most `window` batches in flight (twice the workers), so memory is bounded
by the batch size, not by the corpus: inputs are read as the workers need them.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from pipeline.config import RunConfig
from pipeline.engine.cache import yaml_stat
from pipeline.engine.written import Outcome, written_outcomes
from pipeline.errors import EngineError
from pipeline.graph.build import summary_from_data
from pipeline.outputs.documents import document_to_dict
from pipeline.outputs.yaml_io import write_yaml
from pipeline.records import Document

# One item of a batch: (sequence number in input order, the document when it must be analysed
# else None, its summary when it is reused else None).
Item = tuple[int, "Document | None", "dict | None"]


def analyse_documents(extractor: Any, documents: list[Document]) -> dict[str, Any]:
    """Results by document id; when the batch fails, each document alone, so that only the one
    that fails is lost (with its exception). The batch runs in a spaCy memory zone: the strings
    its documents add to the vocabulary (entity ids, new characters) are freed after it, so that a
    long run's memory does not grow with the corpus (the results hold no spaCy objects)."""
    with memory_zone(extractor, documents):
        try:
            return {d.id: result for d, result in zip(documents, extractor.process(documents), strict=True)}
        except Exception:  # noqa: BLE001 - retried one by one below
            pass
        outcomes: dict[str, Any] = {}
        for document in documents:
            try:
                outcomes[document.id] = next(iter(extractor.process([document])))
            except Exception as error:  # noqa: BLE001 - reported as a skipped input
                outcomes[document.id] = error
        return outcomes


ANALYSIS_GC_THRESHOLDS = (20_000, 50, 100)  # the garbage collector's, while documents are analysed


@contextmanager
def fewer_collections() -> Iterator[None]:
    """`ANALYSIS_GC_THRESHOLDS` for the block (a run's analysis; the workers forked in it keep them):
    the analysis makes many short-lived containers, freed by reference counting, which Python's
    default (700, 10, 10) scans two thousand times per million characters."""
    before = gc.get_threshold()
    gc.set_threshold(*ANALYSIS_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def memory_zone(extractor: Any, documents: list[Document]) -> AbstractContextManager:
    """The extractor's memory zone for `documents` (a null context for one without)."""
    return extractor.memory_zone(documents) if hasattr(extractor, "memory_zone") else nullcontext()


def analyse_batch(extractor: Any, documents: Sequence[Document], out: Path, max_evidence: int,
                  key: str) -> dict[str, Outcome]:
    """Analyse `documents`, write their YAMLs into out/documents; outcomes by document id."""
    outcomes: dict[str, Outcome] = {}
    if not documents:
        return outcomes
    results = analyse_documents(extractor, list(documents))
    for document in documents:
        result = results[document.id]
        if isinstance(result, BaseException):
            outcomes[document.id] = ("failed", f"{type(result).__name__}: {result}")
            continue
        data = document_to_dict(result, max_evidence, key)
        path = Path(out) / "documents" / f"{document.id}.yaml"
        write_yaml(path, data)
        outcomes[document.id] = ("ok", summary_from_data(data), yaml_stat(path))
    return outcomes


# --- one Extractor per worker process (or thread) -----------------------------------------------

_local = threading.local()
_lock = threading.Lock()


def worker_extractor(config: RunConfig) -> Any:
    """The Extractor of this worker for `config`, built on first use (one per thread)."""
    extractors = getattr(_local, "extractors", None)
    if extractors is None:
        extractors = _local.extractors = {}
    extractor = extractors.get(config)
    if extractor is None:
        from pipeline.extractor import Extractor

        with _lock:  # building loads models; one at a time per process
            extractor = extractors[config] = Extractor(config)
    return extractor


# --- engines --------------------------------------------------------------------------------

class InlineEngine:
    """`--workers 1`: the batches are analysed in this process, one after the other."""

    name = "local"
    window = 1

    def __init__(self, extractor: Any, config: RunConfig, out: Path, max_evidence: int, key: str):
        self.extractor, self.config = extractor, config
        self.froze = False
        self.out, self.max_evidence, self.key = Path(out), max_evidence, key

    def submit(self, index: int, items: list[Item]) -> list[Item]:
        return items

    def result(self, handle: list[Item]) -> dict[str, Outcome]:
        documents = [d for _, d, s in handle if s is None]
        if not documents:
            return {}
        if self.extractor is None:  # built when a document first needs it: a rerun may need none
            from pipeline.extractor import Extractor

            self.extractor = Extractor(self.config)
            gc.freeze()  # the models live until close(): the collector need not scan them again and again
            self.froze = True
        return written_outcomes(analyse_batch(self.extractor, documents, self.out, self.max_evidence, self.key))

    def close(self) -> None:
        self.extractor = None  # freed here unless the caller holds it
        if self.froze:
            gc.unfreeze()
            self.froze = False


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent_pid: int) -> None:
    """End this worker process when its parent ends, even by kill -9: Linux's parent-death
    signal, else a thread that watches the parent's pid. Ctrl-C is the parent's to handle, and
    SIGTERM ends a worker (a forked one would otherwise take the parent's handler)."""
    import ctypes
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent_pid:  # the parent ended before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="zhkg-parent-watch").start()


def _watch_parent(parent_pid: int) -> None:
    import time

    while os.getppid() == parent_pid:
        time.sleep(1.0)
    os._exit(1)


def can_fork() -> bool:
    """Whether worker processes are forked from this one: where the platform has fork, except
    macOS (whose system libraries are not safe in a forked child)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def _init_process(config: RunConfig, parent_pid: int) -> None:
    die_with_parent(parent_pid)
    worker_extractor(config)
    gc.freeze()  # the models live as long as the worker: its collector need not scan them
    gc.set_threshold(*ANALYSIS_GC_THRESHOLDS)


_to_fork: dict[str, Any] = {}  # the Extractor that workers forked now take; emptied once they are


def _init_forked(config: RunConfig, parent_pid: int) -> None:
    die_with_parent(parent_pid)
    _local.extractors = {config: _to_fork["extractor"]}


def _process_batch(config: RunConfig, documents: list[Document], out: str, max_evidence: int,
                   key: str) -> dict[str, Outcome]:
    return written_outcomes(analyse_batch(worker_extractor(config), documents, Path(out), max_evidence, key))


class ProcessEngine:
    """`--workers N`: a pool of N worker processes, at most 2×N batches in flight, started when
    a batch first needs analysing (an unchanged rerun starts none). Where `can_fork`, the
    Extractor is built here (or the run's own is taken) and the workers are forked from this
    process: they start at once and share its loaded models copy-on-write. Elsewhere they are
    spawned and each builds its own. The workers never use this process's open files or cache
    connection, and end without closing or flushing them."""

    name = "local"

    def __init__(self, config: RunConfig, workers: int, out: Path, max_evidence: int, key: str,
                 extractor: Any = None):
        self.config, self.out, self.max_evidence, self.key = config, str(out), max_evidence, key
        self.workers, self.window = workers, 2 * workers
        self.extractor = extractor
        self.pool = None

    def _start(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if not can_fork():
            return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_init_process, initargs=(self.config, os.getpid()))
        if self.extractor is None:
            from pipeline.extractor import Extractor

            self.extractor = Extractor(self.config)
        _to_fork["extractor"], self.extractor = self.extractor, None
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_init_forked, initargs=(self.config, os.getpid()))

    def submit(self, index: int, items: list[Item]):
        documents = [d for _, d, s in items if s is None]
        if not documents:
            return None
        task = (_process_batch, self.config, documents, self.out, self.max_evidence, self.key)
        if self.pool is not None:
            from concurrent.futures.process import BrokenProcessPool

            try:
                return self.pool.submit(*task)
            except BrokenProcessPool as error:  # a worker ended while earlier batches were queued
                raise _worker_ended(error) from None
        self.pool = self._start()
        gc.freeze()  # the workers' collectors must not touch (and so copy) the objects they share with this one
        try:
            return self.pool.submit(*task)  # forks the workers
        finally:
            gc.unfreeze()
            if _to_fork:
                _to_fork.clear()  # the workers have the models: this process frees its copy
                release_memory()

    def result(self, handle) -> dict[str, Outcome]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return {} if handle is None else handle.result()
        except BrokenProcessPool as error:
            raise _worker_ended(error) from None

    def close(self) -> None:
        self.extractor = None
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def abort(self) -> None:
        """End the worker processes now (an interrupted run): batches in progress are lost,
        their documents are analysed again by the next run."""
        if self.pool is None:
            return
        for process in list((self.pool._processes or {}).values()):
            process.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)


def _worker_ended(error: Exception) -> EngineError:
    return EngineError(f"a worker process ended unexpectedly (killed, or out of memory?): {error}")


def release_memory() -> None:
    """Collect freed objects' reference cycles (a model's) and hand free heap pages back to the
    system (glibc's malloc_trim, where there is one)."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def call_forked(function: Callable[[], Any]) -> Callable[[], Any]:
    """Start `function` in a process forked from this one (sharing its objects copy-on-write, and
    ending with it); returns a callable that waits for the result. Without fork, or when the
    child fails, the result is computed in this process when asked for (the same value)."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return function
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    parent_pid = os.getpid()

    def child() -> None:
        die_with_parent(parent_pid)
        try:
            send.send(("ok", function()))
        except Exception as error:  # noqa: BLE001 - the parent computes it itself
            send.send(("failed", f"{type(error).__name__}: {error}"))

    process = context.Process(target=child, name="zhkg-beside", daemon=True)
    try:
        process.start()
    except OSError:
        receive.close()
        send.close()
        return function
    send.close()

    def result() -> Any:
        try:
            status, value = receive.recv()
        except (EOFError, OSError):
            status, value = "failed", None
        finally:
            receive.close()
            process.join()
        return value if status == "ok" else function()

    return result


def run_forked(tasks: Sequence[Callable[[], None]], processes: int) -> None:
    """Run `tasks` (each writes its own files from state this process holds) on `processes`
    processes: this one and `processes - 1` forked children, which share that state copy-on-
    write. Each process takes the next task not yet taken, so list the slowest first. Without
    fork (or with one process or one task) they run here, in order. A task that fails in a child
    ends its process with an error, reported here as `EngineError`."""
    import multiprocessing

    if processes <= 1 or len(tasks) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for task in tasks:
            task()
        return
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)

    def work() -> None:
        while True:
            with taken.get_lock():
                index = taken.value
                taken.value += 1
            if index >= len(tasks):
                return
            tasks[index]()

    gc.freeze()  # the children's collector must not touch (and so copy) every shared object
    parent_pid = os.getpid()

    def child_work() -> None:
        die_with_parent(parent_pid)
        work()

    children = [context.Process(target=child_work, name=f"zhkg-writer-{k}") for k in range(min(processes, len(tasks)) - 1)]
    try:
        for child in children:
            child.start()
        work()
    finally:
        for child in children:
            child.join()
        gc.unfreeze()
    failed = [child.exitcode for child in children if child.exitcode != 0]
    if failed:
        raise EngineError(f"a graph-file writer process failed (exit code {failed[0]})")
