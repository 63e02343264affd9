"""pipeline.engine.workers: a batch's analysis leaves no entity strings in the vocabulary."""
from pipeline.engine.workers import analyse_documents
from pipeline.ingest.documents import make_document


def test_a_batch_leaves_no_entity_ids_in_the_vocabulary_and_its_results_outlive_it(extractor):
    documents = [make_document("zone-0", "中关村实验室党委书记吴建平出席第一届西峡湖论坛。", "zone-0.txt")]
    results = analyse_documents(extractor, documents)
    ids = {e.id for e in results["zone-0"].entities}
    assert "PERSON:吴建平" in ids
    assert not [i for i in ids if i in extractor.nlp.vocab.strings]
    assert "吴" in extractor.nlp.vocab.strings  # the characters' lexemes stay: made once, not per batch
