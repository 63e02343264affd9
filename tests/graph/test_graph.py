"""pipeline.graph.build: merging document results into one multigraph."""
from pipeline.graph.build import MAX_EVIDENCE_PER_EDGE, GraphBuilder
from pipeline.records import Document, DocumentResult, Entity, Relation, Span


def entity(etype, name, aliases=(), mentions=1, confidence=0.8):
    spans = [Span(i, i + len(name), name) for i in range(mentions)]
    return Entity(f"{etype}:{name}", etype, name, list(aliases), spans, confidence)


def relation(rtype, head, tail, title=None, evidence=("证据",), confidence=0.7, rule="test"):
    spans = tuple(Span(0, len(e), e) for e in evidence)
    return Relation(rtype, head, tail, spans, confidence, rule, title)


def result(doc_id, entities, relations, published=None):
    return DocumentResult(Document(doc_id, "正文", published=published), entities, relations)


def two_documents():
    lab = entity("ORG", "中关村实验室", aliases=["实验室"], mentions=2, confidence=0.7)
    person = entity("PERSON", "王建华", confidence=0.85)
    award = entity("AWARD", "国家科技进步一等奖")
    first = result("d1", [lab, person], [
        relation("holds_position", person.id, lab.id, title="主任", evidence=("中关村实验室主任王建华",), confidence=0.85),
    ], published="2024-08-13 09:08:44")
    lab2 = entity("ORG", "中关村实验室", aliases=["该实验室"], mentions=1, confidence=0.9)
    person2 = entity("PERSON", "王建华", confidence=0.6)
    second = result("d2", [lab2, person2, award], [
        relation("holds_position", person2.id, lab2.id, title="主任", evidence=("实验室主任王建华",), confidence=0.7),
        relation("holds_position", person2.id, lab2.id, title="党委书记", evidence=("实验室党委书记王建华",)),
        relation("received", person2.id, award.id),
    ], published="2023-01-05")
    return first, second


def test_nodes_merge_across_documents():
    builder = GraphBuilder()
    for r in two_documents():
        builder.add(r)
    g = builder.graph()
    assert set(g.nodes) == {"ORG:中关村实验室", "PERSON:王建华", "AWARD:国家科技进步一等奖"}
    lab = g.nodes["ORG:中关村实验室"]
    assert lab["label"] == "中关村实验室"
    assert lab["type"] == "ORG"
    assert lab["aliases"] == ["实验室", "该实验室"]
    assert lab["mentions"] == 3
    assert lab["documents"] == 2
    assert lab["document_ids"] == ["d1", "d2"]
    assert lab["confidence"] == 0.9
    assert (lab["first_seen"], lab["last_seen"]) == ("2023-01-05", "2024-08-13")
    award = g.nodes["AWARD:国家科技进步一等奖"]
    assert award["documents"] == 1 and award["first_seen"] == award["last_seen"] == "2023-01-05"


def test_edges_merge_by_type_and_title():
    builder = GraphBuilder()
    for r in two_documents():
        builder.add(r)
    g = builder.graph()
    edges = {(u, v, d["type"], d["title"]): d for u, v, d in g.edges(data=True)}
    assert set(edges) == {
        ("PERSON:王建华", "ORG:中关村实验室", "holds_position", "主任"),
        ("PERSON:王建华", "ORG:中关村实验室", "holds_position", "党委书记"),
        ("PERSON:王建华", "AWARD:国家科技进步一等奖", "received", None),
    }
    director = edges[("PERSON:王建华", "ORG:中关村实验室", "holds_position", "主任")]
    assert director["weight"] == 2
    assert director["documents"] == ["d1", "d2"]
    assert director["evidence"] == ["中关村实验室主任王建华", "实验室主任王建华"]
    assert director["evidence_count"] == 2
    assert director["confidence"] == 0.85
    ids = [d["id"] for _, _, d in g.edges(data=True)]
    assert len(ids) == len(set(ids)) == 3


def test_edge_evidence_is_capped_and_deduplicated():
    builder = GraphBuilder()
    person, lab = entity("PERSON", "王建华"), entity("ORG", "中关村实验室")
    for i in range(6):
        builder.add(result(f"d{i}", [person, lab], [
            relation("holds_position", person.id, lab.id, title="主任", evidence=(f"句子{i % 2}", f"另一句{i}"))]))
    [(_, _, data)] = builder.graph().edges(data=True)
    assert len(data["evidence"]) == MAX_EVIDENCE_PER_EDGE
    assert len(set(data["evidence"])) == len(data["evidence"])
    assert data["evidence_count"] == 12
    assert data["weight"] == 6


def test_same_document_twice_counts_once_per_edge():
    builder = GraphBuilder()
    person, award = entity("PERSON", "王建华"), entity("AWARD", "国家科技进步一等奖")
    doc = result("d1", [person, award], [relation("received", person.id, award.id),
                                         relation("received", person.id, award.id, evidence=("另一句",))])
    builder.add(doc)
    [(_, _, data)] = builder.graph().edges(data=True)
    assert data["weight"] == 1 and data["documents"] == ["d1"]


def test_undated_documents_leave_dates_empty():
    builder = GraphBuilder()
    builder.add(result("d1", [entity("ORG", "中关村实验室")], []))
    node = builder.graph().nodes["ORG:中关村实验室"]
    assert node["first_seen"] is None and node["last_seen"] is None


def test_empty_graph():
    g = GraphBuilder().graph()
    assert g.number_of_nodes() == 0 and g.number_of_edges() == 0
    assert g.is_directed() and g.is_multigraph()


def _reference_labels(sequence):
    """Label and aliases as the merge defined them with a Counter of names per node."""
    from collections import Counter

    names = Counter()
    for name in sequence:
        names[name] += 1
    label = names.most_common(1)[0][0]
    return label, sorted(set(names) - {label})


def test_compact_names_give_the_counters_label_and_aliases():
    """A node keeps one name until a second appears; label (ties: the first name) and aliases
    are those a Counter of every name gives."""
    import random

    from pipeline.records import EntitySummary

    rng = random.Random(5)
    sequences = [["甲"], ["甲", "甲"], ["甲", "乙"], ["乙", "甲", "甲"], ["甲", "乙", "乙", "甲"], ["甲", "乙", "丙", "丙"]]
    sequences += [[rng.choice("甲乙丙") for _ in range(rng.randint(1, 9))] for _ in range(200)]
    for sequence in sequences:
        builder = GraphBuilder()
        for index, name in enumerate(sequence):
            builder.add_entity(f"d{index}", None, EntitySummary("PERSON:x", "PERSON", name, [], 1, 0.5))
        attrs = builder.graph().nodes["PERSON:x"]
        assert (attrs["label"], attrs["aliases"]) == _reference_labels(sequence), sequence
        assert builder.nodes["PERSON:x"].name_counts() == __import__("collections").Counter(sequence)


def test_compact_node_holds_no_empty_containers_and_shares_repeated_strings():
    from pipeline.records import EntitySummary, RelationSummary

    builder = GraphBuilder()
    for doc in ("d1", "d2"):
        builder.add_summary({"id": doc, "published": "2024-08-13 09:00",
                             "entities": [EntitySummary(f"PERSON:{doc}", "".join(["PER", "SON"]), doc, [], 1, 0.5)],
                             "relations": [RelationSummary("".join(["rece", "ived"]), f"PERSON:{doc}", "AWARD:x",
                                                           None, [], 0.5, "".join(["ru", "le"]))]})
    first, second = builder.nodes["PERSON:d1"], builder.nodes["PERSON:d2"]
    assert first.aliases is None and isinstance(first.names, str)
    assert first.type is second.type and first.first_seen is second.first_seen == "2024-08-13"
    (edge1, edge2) = builder.edges.values()
    assert edge1.type is edge2.type and next(iter(edge1.rules)) is next(iter(edge2.rules))
    graph = builder.graph()
    assert graph.nodes["PERSON:d1"]["aliases"] == [] and graph.nodes["PERSON:d1"]["label"] == "d1"


def test_shared_floats_keep_each_value_and_sign():
    import math

    from pipeline.graph.analytics import SharedFloats

    shared = SharedFloats()
    first = shared(float("10.0"))
    assert shared(float("10.0")) is first and shared(0.0) is shared(float("0.0"))
    negative_zero = shared(-0.0)
    assert math.copysign(1.0, negative_zero) < 0 and repr(shared(0.0)) == "0.0"
    assert math.isnan(shared(float("nan")))
