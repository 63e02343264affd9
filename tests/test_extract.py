"""pipeline.extract: the per-document chain (analysis → recognition → resolution → relations)."""
from dataclasses import replace

from pipeline.config import RelationsConfig
from pipeline.ingest.documents import make_document

TEXTS = [
    "国务院总理李强出席论坛。",
    "中国科协副主席王建华获得国家科技进步一等奖。",
    "第十届青年科技论坛在京召开。",
]


def test_process_streams_documents_in_order(extractor):
    documents = (make_document(f"d{i}", TEXTS[i % len(TEXTS)], f"d{i}.txt") for i in range(40))
    results = list(extractor.process(documents))
    assert [r.document.id for r in results] == [f"d{i}" for i in range(40)]
    first, again = results[0], results[3]
    assert [e.id for e in first.entities] == [e.id for e in again.entities]


def test_results_keep_the_original_text(extractor):
    text = "２０２４年，国务院总理李强出席论坛。"
    result = extractor.extract(make_document("full-width", text, "x.txt"))
    assert result.document.text == text
    for entity in result.entities:
        assert entity.id.startswith(f"{entity.type}:")
        for span in entity.mentions:
            assert text[span.start:span.end] == span.text


def test_every_relation_joins_two_entities_of_the_document(extractor):
    for text in TEXTS:
        result = extractor.extract(make_document("d", text, "d.txt"))
        ids = {e.id for e in result.entities}
        for relation in result.relations:
            assert relation.head in ids and relation.tail in ids and relation.head != relation.tail
            assert 0 < relation.confidence <= 1 and relation.rule


def test_min_confidence_drops_weaker_relations(extractor, monkeypatch):
    text = "".join(TEXTS)
    everything = extractor.extract(make_document("d", text, "d.txt")).relations
    assert everything
    threshold = max(r.confidence for r in everything)
    monkeypatch.setattr(extractor, "config", replace(extractor.config, relations=RelationsConfig(threshold)))
    kept = extractor.extract(make_document("d", text, "d.txt")).relations
    assert kept and all(r.confidence >= threshold for r in kept)
    assert len(kept) == sum(1 for r in everything if r.confidence >= threshold)


def test_empty_result_for_text_without_entities(extractor):
    result = extractor.extract(make_document("plain", "今天天气很好，我们一起去散步。", "x.txt"))
    assert result.entities == [] and result.relations == []


def test_two_documents_naming_one_body_two_ways_give_one_node(extractor):
    from pipeline.graph.build import GraphBuilder

    builder = GraphBuilder()
    for doc_id, text in (("a", "中国科协召开会议。"), ("b", "中国科学技术协会召开会议。")):
        builder.add(extractor.extract(make_document(doc_id, text, f"{doc_id}.txt")))
    graph = builder.graph()
    orgs = [n for n, attrs in graph.nodes(data=True) if attrs["type"] == "ORG"]
    assert len(orgs) == 1
    attrs = graph.nodes[orgs[0]]
    assert attrs["documents"] == 2
    assert {attrs["label"], *attrs["aliases"]} >= {"中国科协", "中国科学技术协会"}


def test_party_centre_short_form_is_the_central_committee(extract):
    facts = extract("中共中央召开会议。党中央高度重视科技工作。")
    entity = facts.entity("ORG", "中共中央")
    assert "党中央" in entity.aliases
    assert "党中央" not in facts.names("ORG")


def test_one_name_of_two_types_gives_two_nodes():
    from pipeline.graph.build import GraphBuilder
    from pipeline.records import Document, DocumentResult, Entity, Span

    builder = GraphBuilder()
    for doc_id, etype in (("a", "LOCATION"), ("b", "ORG")):
        entity = Entity(f"{etype}:新华", etype, "新华", mentions=[Span(0, 2, "新华")])
        builder.add(DocumentResult(Document(doc_id, "新华"), [entity], []))
    graph = builder.graph()
    assert sorted(attrs["type"] for _, attrs in graph.nodes(data=True)) == ["LOCATION", "ORG"]
