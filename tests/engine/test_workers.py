"""pipeline.engine.workers: a batch's analysis leaves no entity strings in the vocabulary; what
the engines send back."""
import gc
import json

from pipeline.engine.cache import summary_json
from pipeline.engine.workers import ANALYSIS_GC_THRESHOLDS, analyse_documents, fewer_collections
from pipeline.engine.written import written_outcomes
from pipeline.graph.spill import spill_record
from pipeline.ingest.documents import make_document
from pipeline.records import EntitySummary, RelationSummary, summary_from_json

# names no other test uses: the session's extractor has seen every other test's entities
TEXT = "中共中央政治局委员、北京市委书记蔡奇出席第五届星河湖论坛开幕式。外交部发言人毛宁表示欢迎。"


def test_a_batch_leaves_no_entity_ids_in_the_vocabulary_and_its_results_outlive_it(extractor):
    results = analyse_documents(extractor, [make_document("zone-0", TEXT, "zone-0.txt")])
    ids = {e.id for e in results["zone-0"].entities}
    assert "EVENT:第五届星河湖论坛开幕式" in ids
    assert "EVENT:第五届星河湖论坛开幕式" not in extractor.nlp.vocab.strings
    assert "星" in extractor.nlp.vocab.strings  # the characters' lexemes stay: made once, not per batch
    assert "䶵" not in extractor.nlp.vocab.strings
    later = analyse_documents(extractor, [make_document("zone-1", TEXT + "䶵", "zone-1.txt")])
    assert "䶵" in extractor.nlp.vocab.strings and "EVENT:第五届星河湖论坛开幕式" not in extractor.nlp.vocab.strings
    assert [e.id for e in later["zone-1"].entities] == [e.id for e in results["zone-0"].entities]


def test_the_collector_runs_less_often_during_the_analysis_only():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == ANALYSIS_GC_THRESHOLDS
    assert gc.get_threshold() == before


def test_written_outcomes_carry_the_cache_row_the_spill_record_and_the_counts():
    summary = {"id": "d1", "published": "2024-01-02",
               "entities": [EntitySummary("PERSON:蔡奇", "PERSON", "蔡奇", [], 2, 0.9)],
               "relations": [RelationSummary("role", "PERSON:蔡奇", "ORG:北京市委", "书记", ["蔡奇"], 0.8, "title")]}
    outcomes = written_outcomes({"d1": ("ok", summary, (10, 20)), "d2": ("failed", "ValueError: x")})
    assert outcomes["d2"] == ("failed", "ValueError: x")
    status, written, stat = outcomes["d1"]
    assert (status, stat, written.entities, written.relations) == ("ok", (10, 20), 1, 1)
    assert written.summary_json == summary_json(summary)
    assert written.spill_record == spill_record(summary)
    assert summary_from_json(json.loads(written.summary_json)) == summary
