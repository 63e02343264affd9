"""The graph stage's helpers that use the run's processes: betweenness beside PageRank and
Louvain (`workers.call_forked`), identical to one process."""
from __future__ import annotations

import os
import random

import networkx as nx
import pytest

from pipeline.engine.workers import call_forked, can_fork
from pipeline.graph.analytics import ANALYTICS, PARALLEL_MIN_LINKED, add_analytics


def _graph(linked: int, isolated: int, seed: int = 3) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(f"n{i}" for i in range(linked + isolated))
    for i in range(1, linked):
        for _ in range(rng.randint(1, 2)):
            graph.add_edge(f"n{i}", f"n{rng.randrange(i)}", weight=rng.randint(1, 4))
    return graph


def test_call_forked_gives_the_childs_result():
    pid = os.getpid()
    assert call_forked(lambda: (os.getpid() != pid or not can_fork(), [0.1, 2.5]))() == (True, [0.1, 2.5])


def test_call_forked_computes_here_when_the_child_fails():
    parent = os.getpid()
    assert call_forked(lambda: 7 if os.getpid() == parent else 1 // 0)() == 7


@pytest.mark.parametrize("linked", [PARALLEL_MIN_LINKED + 100, 40])
def test_betweenness_beside_is_identical(linked):
    alone, beside = _graph(linked, 50), _graph(linked, 50)
    info = add_analytics(alone)
    assert add_analytics(beside, beside=call_forked) == info
    for node, attrs in alone.nodes(data=True):
        assert {k: attrs[k] for k in ANALYTICS} == {k: beside.nodes[node][k] for k in ANALYTICS}


@pytest.mark.parametrize(("engine", "workers", "resident", "worker_peak", "expected"), [
    ("local", 1, 10, 100, 1),      # one worker: nothing to share the graph stage with
    ("dask", 2, 10, 100, 1),
    ("local", 2, 90, 100, 2),      # a forked copy no larger than a worker was
    ("local", 2, 110, 100, 1),     # a large graph: forking would raise the run's peak
    ("local", 3, None, 0, 3),      # resident memory unknown: as many processes as workers
])
def test_graph_stage_forks_only_copies_no_larger_than_a_worker(monkeypatch, engine, workers, resident, worker_peak,
                                                              expected):
    from pipeline.engine import memory

    monkeypatch.setattr(memory, "resident_bytes", lambda: resident)
    monkeypatch.setattr(memory, "largest_child_bytes", lambda: worker_peak)
    assert memory.graph_processes(engine, workers) == expected


def test_resident_and_child_memory_are_measured_where_linux_tells():
    from pipeline.engine import memory

    resident = memory.resident_bytes()
    assert resident is None or resident > 1 << 20
    if resident is not None:
        assert memory.largest_child_bytes() >= 0


def test_forking_is_weighed_once_the_builders_memory_is_handed_back(tmp_path, extractor, monkeypatch):
    from pipeline.config import load_config
    from pipeline.engine import runner
    from pipeline.graph.compact import CompactGraph
    from tests.helpers import make_corpus

    calls: list[str] = []
    build = CompactGraph.__init__
    monkeypatch.setattr(CompactGraph, "__init__", lambda self, *args: calls.append("graph") or build(self, *args))
    monkeypatch.setattr(runner, "release_memory", lambda: calls.append("release"))
    monkeypatch.setattr(runner, "graph_processes", lambda engine, workers: calls.append("weigh") or 1)
    runner.run([str(make_corpus(tmp_path / "in", 2))], tmp_path / "out", load_config(), extractor=extractor, workers=2,
               warn=lambda message: None)
    assert calls[calls.index("graph"):calls.index("weigh") + 1] == ["graph", "release", "weigh"]
