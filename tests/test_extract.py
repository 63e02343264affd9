"""pipeline.extract and pipeline.extractor: the per-document chain (analysis → recognition → resolution →
relations)."""
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

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


def test_min_confidence_drops_weaker_relations(extractor):
    from pipeline.extractor import Extractor

    text = "".join(TEXTS)
    everything = extractor.extract(make_document("d", text, "d.txt")).relations
    assert everything
    threshold = max(r.confidence for r in everything)
    stricter = Extractor(replace(extractor.config, relations=RelationsConfig(threshold)))
    kept = stricter.extract(make_document("d", text, "d.txt")).relations
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


# --- evidence: every relation quotes its text at its offsets ---------------------------------------

EVIDENCE_CORPUS = {
    "sub-body": "中关村实验室党委召开会议\n中关村实验室党委书记王伟主持会议。\n\n中关村实验室主任吴建平出席。\n",
    "ceremony": "2024年度北京市科学技术奖励大会举行\n北京市科学技术奖励大会在京召开。张三获得北京市科学技术奖一等奖。\n",
    "traditional": "國務院總理李強出席第十屆青年科技論壇。\n中國科協副主席王建華獲得國家科技進步一等獎。\n",
    "full-width": "２０２４年，国务院总理李强在京会见德国总理朔尔茨。　\r\n中共中央召开会议，党中央高度重视。\n",
}


def _evidence_problems(out_dir) -> tuple[int, list[str]]:
    """(relations, problems) of a run's document YAMLs: relations without evidence, evidence
    whose offsets do not give its text."""
    from pipeline.outputs.documents import read_document_yaml

    relations, problems = 0, []
    for path in sorted((out_dir / "documents").glob("*.yaml")):
        data = read_document_yaml(path)
        for relation in data["relations"]:
            relations += 1
            where = f"{path.name}: {relation['type']} {relation['head']} → {relation['tail']}"
            if not relation["evidence"]:
                problems.append(f"{where}: no evidence")
            problems += [f"{where}: {span}" for span in relation["evidence"]
                         if data["text"][span["start"]:span["end"]] != span["text"] or span["text"] != span["text"].strip()]
    return relations, problems


def test_every_relation_of_a_run_has_exact_evidence(tmp_path):
    from pipeline.engine.runner import run

    for name, text in EVIDENCE_CORPUS.items():
        (tmp_path / "in" / f"{name}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "in" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    run([str(tmp_path / "in")], tmp_path / "out", warn=lambda message: None)
    relations, problems = _evidence_problems(tmp_path / "out")
    rules = {r["rule"] for p in (tmp_path / "out" / "documents").glob("*.yaml")
             for r in yaml.safe_load(p.read_text(encoding="utf-8"))["relations"]}
    assert {"sub_body", "ceremony"} <= rules  # the rules that quote no evidence of their own
    assert relations >= 8 and problems == []


GOLD_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "dev"


@pytest.mark.skipif(not GOLD_DEV.is_dir(), reason="../shared/gold/dev is not here")
def test_every_relation_of_the_dev_gold_run_has_exact_evidence(tmp_path):
    from pipeline.engine.runner import run

    run([str(GOLD_DEV)], tmp_path / "out", warn=lambda message: None)
    relations, problems = _evidence_problems(tmp_path / "out")
    assert relations > 100 and problems == []


def test_a_trigger_is_a_whole_word_of_the_word_analysis_else_of_pkuseg():
    import spacy

    from pipeline.analysis.segmentation import Segmenter, word_boundaries
    from pipeline.config import DEFAULT_SEGMENTER
    from pipeline.extract import Relations

    text = "他获取了信息，他获奖了"
    check = word_boundaries([(0, 1, "r"), (1, 3, "v"), (3, 4, "u"), (4, 6, "n"), (6, 7, "w"), (7, 8, "r"),
                             (8, 9, "v"), (9, 10, "n"), (10, 11, "u")])
    assert not check(text, 1, 2) and check(text, 8, 9)  # 获 in 获取 is no word; 获|奖 is
    relations = Relations(None, "default", 0.0, "none")
    doc = spacy.blank("zh").make_doc(text)
    doc._.zhkg_words = [(0, 1, "r"), (1, 3, "v")]
    assert relations.word_check(doc)(text, 1, 3) and relations._pkuseg is None  # pkuseg never loaded
    doc._.zhkg_words = None
    if DEFAULT_SEGMENTER.is_dir():
        assert isinstance(relations.word_check(doc), Segmenter)


def test_bodies_named_only_inside_events_and_related_to_nothing_leave_the_entities():
    from pipeline.extract import Anchors, named_only_inside_names
    from pipeline.records import Relation
    from pipeline.relations import Anchored

    # 中国共产党第十五次全国代表大会 … 北约国防部长会议 … 北约 (named alone too) … 市直机关工委第六届文化艺术节
    mentions = [Anchored(0, 14, "EVENT", "E:15"), Anchored(0, 5, "ORG", "O:party"),
                Anchored(20, 28, "EVENT", "E:nato"), Anchored(20, 22, "ORG", "O:nato"), Anchored(30, 32, "ORG", "O:nato"),
                Anchored(40, 54, "EVENT", "E:fest"), Anchored(40, 46, "ORG", "O:wei")]
    anchors = Anchors(mentions, {})
    organised = [Relation("organized", "O:wei", "E:fest", (), 0.9, "trigger")]
    assert named_only_inside_names(anchors, organised) == {"O:party"}
    assert named_only_inside_names(anchors, []) == {"O:party", "O:wei"}


def test_people_named_only_inside_honours_and_related_to_nothing_leave_the_entities():
    from pipeline.extract import Anchors, named_only_inside_names
    from pipeline.relations import Anchored

    # 诺贝尔物理学奖获得者李政道 … 雷锋 named alone … 雷锋式好战士 … 周小燕从教50年音乐会
    mentions = [Anchored(0, 7, "AWARD", "A:nobel"), Anchored(0, 3, "PERSON", "P:nobel"), Anchored(10, 13, "PERSON", "P:li"),
                Anchored(20, 22, "PERSON", "P:lei"), Anchored(30, 36, "AWARD", "A:lei"), Anchored(30, 32, "PERSON", "P:lei"),
                Anchored(40, 50, "EVENT", "E:concert"), Anchored(40, 43, "PERSON", "P:zhou")]
    assert named_only_inside_names(Anchors(mentions, {}), []) == {"P:nobel"}  # inside an event's name: no honour's
