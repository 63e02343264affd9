"""The recognizer's character and bigram features (pipeline.analysis.embedding)."""
import numpy as np
import spacy

from pipeline.analysis.embedding import char_ngram_embed, char_ngram_ids


def test_bigram_ids_name_the_pair_in_order():
    nlp = spacy.blank("zh")
    first, second = char_ngram_ids([nlp.make_doc("中国人"), nlp.make_doc("人国中国")])
    assert first.shape == (3, 3) and first.dtype == np.uint64
    assert first[1, 1] == second[3, 1]  # 中国, the bigram before 国, in both texts
    assert first[0, 2] == first[1, 1]  # 中国 after 中 is 中国 before 国
    assert first[1, 1] != second[1, 2]  # 国中 is not 中国
    assert first[0, 1] != first[1, 1] and first[2, 2] != first[1, 2]  # the ends have no neighbour


def test_the_layer_gives_one_vector_per_character():
    nlp = spacy.blank("zh")
    docs = [nlp.make_doc("新华社北京电"), nlp.make_doc("李强")]
    model = char_ngram_embed(width=8, rows=50, bigram_rows=50, include_static_vectors=False)
    model.initialize(X=docs)
    assert [v.shape for v in model.predict(docs)] == [(6, 8), (2, 8)]


def test_prediction_is_thincs_own():
    from thinc.layers.hashembed import forward as thinc_forward

    nlp = spacy.blank("zh")
    docs = [nlp.make_doc("新华社北京电：李强主持会议"), nlp.make_doc("中国")]
    model = char_ngram_embed(width=8, rows=50, bigram_rows=50, include_static_vectors=False)
    model.initialize(X=docs)
    fast = model.predict(docs)
    for layer in model.walk():
        if layer.name == "hashembed":
            layer._func = thinc_forward
    assert all(np.array_equal(a.view(np.int32), b.view(np.int32)) for a, b in zip(fast, model.predict(docs)))
