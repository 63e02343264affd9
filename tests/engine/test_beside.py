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
