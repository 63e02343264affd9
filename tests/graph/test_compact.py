"""pipeline.graph.compact, spill and the analytics on numbered nodes: the run's graph without
networkx gives networkx's values and the files written from the networkx graph, byte for byte."""
from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest

from pipeline.config import load_config
from pipeline.graph.analytics import (
    community_numbers,
    enrich,
    linked_graph,
    ordered_subgraph,
    pagerank_values,
    type_colors,
    undirected,
)
from pipeline.graph.build import GraphBuilder
from pipeline.graph.compact import CompactGraph
from pipeline.graph.spill import DocumentLog, SummarySpill
from pipeline.outputs import date_edges, write_graph_files
from pipeline.records import EntitySummary, RelationSummary

TYPES = ("PERSON", "ORG", "LOCATION", "EVENT")


def random_multigraph(seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(f"N{rng.randrange(10**6)}" for _ in range(rng.randint(1, 60)))
    nodes = list(graph)
    for _ in range(rng.randint(0, 2 * len(nodes))):
        graph.add_edge(rng.choice(nodes), rng.choice(nodes[: max(1, len(nodes) // 3)]), weight=rng.randint(1, 4))
    return graph


def numbered_edges(graph: nx.MultiDiGraph) -> list[tuple[int, int, int]]:
    number = {node: i for i, node in enumerate(graph)}
    return [(number[u], number[v], w) for u, v, w in graph.edges(data="weight", default=1)]


@pytest.mark.parametrize("seed", range(12))
def test_linked_graph_is_the_ordered_linked_part_of_the_undirected_graph(seed):
    graph = random_multigraph(seed)
    simple = undirected(graph)
    expected = ordered_subgraph(simple, [n for n in simple if simple.degree(n) > 0])
    expected = nx.relabel_nodes(expected, {node: i for i, node in enumerate(graph)})
    found = linked_graph(numbered_edges(graph))
    assert list(found.nodes) == list(expected.nodes)
    assert list(found.edges(data=True)) == list(expected.edges(data=True))
    assert all(list(found.adj[n]) == list(expected.adj[n]) for n in found)


@pytest.mark.parametrize("seed", range(12))
def test_pagerank_values_are_networkx_floats(seed):
    graph = random_multigraph(seed)
    expected = nx.pagerank(undirected(graph), alpha=0.85, weight="weight")
    assert pagerank_values(len(graph), linked_graph(numbered_edges(graph))) == list(expected.values())


def test_communities_are_numbered_by_size_then_first_node():
    graph = random_multigraph(4)
    linked = linked_graph(numbered_edges(graph))
    found = nx.community.louvain_communities(linked, weight="weight", seed=42)
    found += [{n} for n in range(len(graph)) if n not in linked]
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    numbers, count = community_numbers(len(graph), linked, 42)
    assert count == len(ordered)
    assert list(numbers) == [next(i for i, c in enumerate(ordered) if n in c) for n in range(len(graph))]


def summaries(seed: int) -> list[dict]:
    """Documents of random entities and relations: repeated names, aliases, dates, a relation
    whose end is no entity, and two relations whose edge keys meet (`r` with title "" and None)."""
    rng = random.Random(seed)
    people = [f"{t}:{rng.choice('甲乙丙丁')}{i}" for i, t in enumerate(rng.choice(TYPES) for _ in range(25))]
    documents = []
    for number in range(30):
        chosen = rng.sample(people, rng.randint(1, 6))
        entities = [EntitySummary(e, e.split(":")[0], rng.choice([e.split(":")[1], e.split(":")[1] + "同志"]),
                                  rng.sample(["别名", "又名"], rng.randint(0, 1)), rng.randint(1, 3),
                                  rng.choice([0.5, 0.81234, 0.9])) for e in chosen]
        relations = [RelationSummary(rng.choice(["holds_position", "member_of"]), rng.choice(chosen), rng.choice(chosen),
                                     rng.choice([None, "主任", "书记"]), [f"证据{rng.randrange(5)}"], 0.7,
                                     rng.choice(["a", "b"])) for _ in range(rng.randint(0, 4))]
        if number % 7 == 0:
            relations += [RelationSummary("r", chosen[0], "ORG:外部", None, ["甲"], 0.6, "a"),
                          RelationSummary("r", chosen[0], "ORG:外部", "", ["乙"], 0.6, "b")]
        day = rng.choice([None, "2024-08-13 09:00", "2023-01-05", "不是日期"])
        documents.append({"id": f"d{number}", "published": day, "entities": entities, "relations": relations})
    return documents


def builder_of(documents: list[dict]) -> GraphBuilder:
    builder = GraphBuilder()
    for summary in documents:
        builder.add_summary(summary)
    return builder


def dates_of(documents: list[dict]) -> dict[str, str]:
    return {d["id"]: d["published"][:10] for d in documents if d["published"] and d["published"][0] == "2"}


@pytest.mark.parametrize("seed", range(3))
def test_compact_graph_writes_the_files_of_the_networkx_graph(seed, tmp_path: Path):
    documents = summaries(seed)
    output, colors = load_config().output, type_colors()
    graph = builder_of(documents).graph()
    enrich(graph, colors)
    write_graph_files(tmp_path / "networkx", graph, output, dates_of(documents))
    compact = CompactGraph(builder_of(documents), dates_of(documents))
    assert compact.enrich(colors) == graph.graph["analytics"]
    write_graph_files(tmp_path / "compact", compact, output, dates_of(documents))
    written = sorted(p.name for p in (tmp_path / "networkx").iterdir())
    assert written == sorted(p.name for p in (tmp_path / "compact").iterdir()) and "graph.yaml" in written
    for name in written:
        assert (tmp_path / "compact" / name).read_bytes() == (tmp_path / "networkx" / name).read_bytes(), name


def test_compact_graph_reads_as_the_networkx_graph():
    documents = summaries(7)
    graph = builder_of(documents).graph()
    enrich(graph, type_colors())
    compact = CompactGraph(builder_of(documents), dates_of(documents))
    compact.enrich(type_colors())
    date_edges(graph, dates_of(documents))
    assert list(compact.nodes) == list(graph.nodes) and len(compact) == graph.number_of_nodes()
    assert list(compact.nodes(data=True)) == list(graph.nodes(data=True))
    assert [e[:3] for e in compact.edges(keys=True)] == list(graph.edges(keys=True))
    assert list(compact.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert list(compact.edges(data="weight")) == list(graph.edges(data="weight"))
    assert compact.number_of_edges() == graph.number_of_edges()
    keep = list(graph)[3:9]
    assert nx.utils.graphs_equal(ordered_subgraph(compact, keep), ordered_subgraph(graph, keep))


def test_spill_gives_the_builder_of_its_summaries(tmp_path: Path):
    documents = summaries(3)
    spill = SummarySpill(tmp_path)
    for summary in documents:
        spill.add(summary)
    ids = [d["id"] for d in documents]
    merged = spill.builder(ids)
    assert nx.utils.graphs_equal(merged.graph(), builder_of(documents).graph())
    assert merged.nodes[documents[0]["entities"][0].id].documents[0] is ids[0]
    assert list(tmp_path.iterdir()) == []


def test_document_log_gives_back_ids_in_order_and_shared_days(tmp_path: Path):
    log = DocumentLog(tmp_path)
    added = [("b-文档", "2024-01-05"), ("a", None), ("C:odd\n", "2024-01-05"), ("d", "2023-12-31"), ("e", "")]
    for doc_id, day in added:
        log.add(doc_id, day)
    assert log.count == len(added)
    ids, dates = log.read()
    assert ids == [doc_id for doc_id, _ in added]
    assert dates == {"b-文档": "2024-01-05", "C:odd\n": "2024-01-05", "d": "2023-12-31"}
    assert dates["b-文档"] is dates["C:odd\n"]  # one string per distinct day
    assert list(dates) == ["b-文档", "C:odd\n", "d"] and all(any(k is i for i in ids) for k in dates)
    assert list(tmp_path.iterdir()) == []  # an unnamed file, closed by read()
