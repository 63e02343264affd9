"""pipeline.engine.workers: a batch's analysis leaves no entity strings in the vocabulary."""
from pipeline.engine.workers import analyse_documents
from pipeline.ingest.documents import make_document

# names no other test uses: the session's extractor has seen every other test's entities
TEXT = "中共中央政治局委员、北京市委书记蔡奇出席第五届星河湖论坛开幕式。外交部发言人毛宁表示欢迎。"


def test_a_batch_leaves_no_entity_ids_in_the_vocabulary_and_its_results_outlive_it(extractor):
    results = analyse_documents(extractor, [make_document("zone-0", TEXT, "zone-0.txt")])
    ids = {e.id for e in results["zone-0"].entities}
    assert "EVENT:第五届星河湖论坛开幕式" in ids
    assert "EVENT:第五届星河湖论坛开幕式" not in extractor.nlp.vocab.strings
    assert "星" in extractor.nlp.vocab.strings  # the characters' lexemes stay: made once, not per batch
