"""pipeline.analysis.nlp: the whole chain as one spaCy `Language` (`load_nlp`), what it puts on a
`Doc`, and the round trip through `nlp.to_disk` and `spacy.load` in a fresh process."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline import load_nlp
from pipeline.extract import SPANS_KEY
from pipeline.ingest.documents import make_document
from pipeline.ingest.textnorm import fold

TEXT = ("市直机关工委第六届文化艺术节在北京开幕。中关村实验室主任吴建平获得国家科学技术进步奖一等奖。"
        "北京市委书记尹力出席2024中关村论坛年会。")
FIVE_TYPES = {"PERSON", "ORG", "LOCATION", "EVENT", "AWARD"}


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_pipeline_is_the_whole_chain(nlp):
    assert nlp.pipe_names[-2:] == ["zhkg_resolution", "zhkg_relations"]
    assert nlp.pipe_names[0] == "zhkg_sentences" and "zhkg_entity_rules" in nlp.pipe_names


def test_an_organisation_named_inside_an_event_stays_a_mention_where_it_has_a_part(nlp):
    doc = nlp("市直机关工委第六届文化艺术节由工委主办，在北京开幕。")
    spans = {(s.text, s.label_) for s in doc.spans[SPANS_KEY]}
    assert ("市直机关工委", "ORG") in spans  # a mention of the organiser, inside the event's name
    assert ("市直机关工委", "ORG") not in {(e.text, e.label_) for e in doc.ents}  # doc.ents keeps the event
    names = {e.id: e.name for e in doc._.zhkg_entities}
    assert ("市直机关工委", "organized") in {(names[r.head], r.type) for r in doc._.zhkg_relations}


def test_spans_hold_every_final_mention_and_ents_the_non_overlapping_ones(nlp):
    doc = nlp(TEXT)
    spans = list(doc.spans[SPANS_KEY])
    assert {s.label_ for s in spans} == FIVE_TYPES
    entities = {e.id: e for e in doc._.zhkg_entities}
    mentions = {(m.start, m.end, e.type, e.id) for e in entities.values() for m in e.mentions}
    assert {(s.start_char, s.end_char, s.label_, s.kb_id_) for s in spans} == mentions
    # an organisation named only inside an event's name and related to nothing is no entity
    assert "市直机关工委" not in {e.name for e in entities.values()}
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert ("市直机关工委第六届文化艺术节", "EVENT") in {(e.text, e.label_) for e in doc.ents}
    assert set(ents) <= {(s.start_char, s.end_char, s.label_) for s in spans}
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:]))


def test_relations_join_the_resolved_entities(nlp):
    doc = nlp(TEXT)
    names = {e.id: e.name for e in doc._.zhkg_entities}
    relations = {(r.type, names[r.head], names[r.tail]) for r in doc._.zhkg_relations}
    assert ("holds_position", "吴建平", "中关村实验室") in relations
    assert ("received", "吴建平", "国家科学技术进步奖一等奖") in relations


def test_zhkg_run_uses_the_same_pipeline(nlp, extractor):
    assert extractor.nlp.pipe_names == nlp.pipe_names
    result = extractor.extract(make_document("d", TEXT, "d.txt"))
    doc = nlp(TEXT)
    assert result.entities == doc._.zhkg_entities
    assert result.relations == doc._.zhkg_relations


def test_a_text_with_full_width_marks_and_digits_reads_as_in_a_run(nlp, extractor):
    text = "１９９８年１月，中央慰问组组长张志刚在拉萨主持召开座谈会，西藏自治区党委副书记丹增出席。"
    doc = nlp(text)
    assert doc._.zhkg_text == text and doc.text == fold(text)
    assert all(doc.text[start:end] != "," or pos == "w" for start, end, pos in doc._.zhkg_words)  # a mark, not a word's end
    result = extractor.extract(make_document("d", text, "d.txt"))
    assert result.entities == doc._.zhkg_entities and result.relations == doc._.zhkg_relations
    assert {"张志刚", "丹增"} <= {e.name for e in doc._.zhkg_entities}


def _facts(doc) -> dict:
    return {"spans": [[s.start_char, s.end_char, s.label_, s.kb_id_] for s in doc.spans[SPANS_KEY]],
            "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
            "entities": [[e.id, e.name, e.aliases, len(e.mentions)] for e in doc._.zhkg_entities],
            "relations": [[r.type, r.head, r.tail, r.title, [[s.start, s.end] for s in r.evidence]]
                          for r in doc._.zhkg_relations]}


FRESH_PROCESS = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
doc = nlp(sys.argv[2])
print(json.dumps({
    "pipes": nlp.pipe_names,
    "spans": [[s.start_char, s.end_char, s.label_, s.kb_id_] for s in doc.spans["zhkg"]],
    "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
    "entities": [[e.id, e.name, e.aliases, len(e.mentions)] for e in doc._.zhkg_entities],
    "relations": [[r.type, r.head, r.tail, r.title, [[s.start, s.end] for s in r.evidence]]
                  for r in doc._.zhkg_relations]}, ensure_ascii=False))
"""


def test_to_disk_then_spacy_load_in_a_fresh_process_gives_the_same_results(nlp, tmp_path):
    factories = subprocess.run([sys.executable, "-c", "from importlib import metadata; "
                                "print(*(e.name for e in metadata.entry_points(group='spacy_factories')))"],
                               capture_output=True, text=True, cwd=tmp_path, check=True).stdout.split()
    if "zhkg_relations" not in factories:
        pytest.skip("zhkg is not installed, so spaCy cannot find its factories (pip install -e .)")
    nlp.to_disk(tmp_path / "zhkg-nlp")
    text = TEXT.replace("开幕。", "开幕，")  # a full-width mark: the saved pipeline's tokenizer folds it too
    loaded = subprocess.run([sys.executable, "-c", FRESH_PROCESS, str(tmp_path / "zhkg-nlp"), text],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    facts = json.loads(loaded.stdout)
    assert facts.pop("pipes") == nlp.pipe_names
    assert facts == _facts(nlp(text))
    assert facts["relations"]
