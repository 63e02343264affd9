"""pipeline.engine.workers: a batch's analysis leaves no strings in the vocabulary."""
from pipeline.engine.workers import analyse_documents
from pipeline.ingest.documents import make_document


def test_a_batch_adds_no_strings_to_the_vocabulary_and_its_results_outlive_it(extractor):
    documents = [make_document(f"zone-{i}", text, f"zone-{i}.txt") for i, text in enumerate(
        ["中关村实验室党委书记吴建平出席第一届西峡湖论坛。", "韦伦采市与布达佩斯举行端午节活动。"])]
    strings = len(extractor.nlp.vocab.strings)
    results = analyse_documents(extractor, documents)
    assert len(extractor.nlp.vocab.strings) == strings
    assert "吴建平" in {e.name for e in results["zone-0"].entities}
