"""The recognizer's faster prediction (issue 17) gives the same numbers as thinc's and spaCy's
layers, and the vectorised decoding the same tags as a plain Viterbi."""
import itertools

import numpy as np
import pytest
from spacy.ml.staticvectors import forward as static_vectors_forward
from thinc.layers import layernorm, maxout

from pipeline.analysis import embedding
from pipeline.analysis.embedding import char_ngram_ids
from pipeline.analysis.recognizer import _layer_norm_forward, _maxout_forward, _unblanked_spans, load_recognizer
from pipeline.analysis.tagging import NEVER, best_tags, biluo_scheme, log_softmax, unsure_runs
from pipeline.config import DEFAULT_NER_MODEL
from tests.helpers import news

LABELS = ("O", "B-PERSON", "I-PERSON", "L-PERSON", "U-PERSON", "B-ORG", "I-ORG", "L-ORG", "U-ORG")
SCHEME = biluo_scheme(LABELS)
needs_model = pytest.mark.skipif(not DEFAULT_NER_MODEL.is_dir(), reason="no shipped model")


@needs_model
def test_prediction_forwards_are_bit_identical_to_thinc():
    model = load_recognizer("default")
    texts = [news(i) for i in range(30)] + ["中共中央政治局常委、国务院总理李强在北京人民大会堂会见联合国秘书长古特雷斯。"]
    batches = [[model.make_doc(text) for text in texts], [model.make_doc(texts[-1])]]  # a large and a small batch
    nodes = [node for _, pipe in model.pipeline for node in pipe.model.walk()]
    fast = {id(node): node._func for node in nodes}
    assert _layer_norm_forward in fast.values() and _maxout_forward in fast.values()
    thinc = {_layer_norm_forward: layernorm.forward, _maxout_forward: maxout.forward}

    def outputs() -> list[np.ndarray]:
        found = []
        for docs in batches:
            tok2vec = model.get_pipe("tok2vec")
            tok2vec.set_annotations(docs, tok2vec.predict(docs))
            found += [doc.tensor.copy() for doc in docs]
            for name in ("tagger", "words"):
                found += [np.asarray(scores) for scores in model.get_pipe(name).model.predict(docs)]
        return found

    fast_outputs = outputs()
    for node in nodes:
        func = node._func
        node._func = (static_vectors_forward if isinstance(func, embedding._ProjectedVectors)
                      else thinc.get(func, func))
    try:
        slow_outputs = outputs()
    finally:
        for node in nodes:
            node._func = fast[id(node)]
    assert len(fast_outputs) == len(slow_outputs)
    assert all(a.dtype == b.dtype and np.array_equal(a.view(np.uint32), b.view(np.uint32))
               for a, b in zip(fast_outputs, slow_outputs))


def test_layer_norm_and_maxout_match_thinc_on_random_rows():
    from thinc.api import LayerNorm, Maxout

    rng = np.random.default_rng(0)
    for width in (24, 40, 64):
        norm = LayerNorm(width)
        norm.initialize()
        norm.set_param("G", rng.standard_normal(width).astype(np.float32))
        norm.set_param("b", rng.standard_normal(width).astype(np.float32))
        X = (rng.standard_normal((500, width)) * rng.uniform(0.01, 100, (500, 1))).astype(np.float32)
        assert np.array_equal(_layer_norm_forward(norm, X, False)[0], layernorm.forward(norm, X, False)[0])
        for pieces in (2, 3):
            layer = Maxout(16, width, nP=pieces)
            layer.initialize()
            assert np.array_equal(_maxout_forward(layer, X, False)[0], maxout.forward(layer, X, False)[0])


def plain_viterbi(logp: np.ndarray) -> list[int]:
    """The best allowed tag sequence, between two O tags, by trying every sequence."""
    best, best_score = None, -np.inf
    for tags in itertools.product(range(len(LABELS)), repeat=len(logp)):
        score = SCHEME.first[tags[0]] + sum(logp[i, t] for i, t in enumerate(tags))
        score += sum(SCHEME.transition[a, b] for a, b in zip(tags, tags[1:])) + SCHEME.transition[tags[-1], 0]
        if score > best_score and score > NEVER / 2:
            best, best_score = list(tags), score
    return best


def test_best_tags_of_runs_of_different_lengths_are_the_plain_viterbi_ones():
    rng = np.random.default_rng(1)
    logp = log_softmax(rng.standard_normal((12, len(LABELS))) * 3)
    runs = [(0, 3), (3, 4), (5, 9), (9, 9), (10, 12)]
    tags = best_tags(logp, runs, SCHEME)
    for start, end in runs:
        if end > start:
            assert tags[start:end].tolist() == plain_viterbi(logp[start:end])
    assert tags[4] == tags[9] == SCHEME.outside


def test_unsure_runs_are_cut_at_document_breaks():
    logp = np.log(np.full((8, len(LABELS)), 0.5 / (len(LABELS) - 1)))
    logp[:, 0] = np.log([0.999, 0.5, 0.5, 0.5, 0.999, 0.5, 0.5, 0.5])
    assert unsure_runs(logp, 0, np.array([2, 2, 6])) == [(1, 2), (2, 4), (5, 6), (6, 8)]
    assert unsure_runs(logp, 0, np.array([], dtype=np.int64)) == [(1, 4), (5, 8)]


def test_unblanked_spans_drop_blank_and_symbol_edges():
    import spacy

    doc = spacy.blank("zh").make_doc("\u2029李强 😀\n王")
    tokens = doc.to_array(["IDX", "LENGTH"]).astype(np.int64).reshape(-1, 2)
    assert _unblanked_spans(doc.text, tokens, [(0, len(doc), "PERSON"), (3, 5, "ORG")]) == [(1, 7, "PERSON")]


def test_the_ngram_ids_of_the_same_docs_are_reused_and_of_others_computed():
    import spacy

    nlp = spacy.blank("zh")
    docs = [nlp.make_doc("李强出席"), nlp.make_doc("会议")]
    layer = next(node for node in embedding.char_ngram_embed(8, 100, 100, False).walk() if node.name == "zhkg_char_ngrams")
    ids, _ = layer(docs, is_train=False)
    again, _ = layer(list(docs), is_train=False)
    other, _ = layer([nlp.make_doc("李强出席"), docs[1]], is_train=False)
    expected = char_ngram_ids(docs)
    assert all(np.array_equal(a, e) for a, e in zip(ids, expected))
    assert all(np.array_equal(a, e) for a, e in zip(again, expected))
    assert all(np.array_equal(a, e) for a, e in zip(other, expected))


def test_word_tags_match_taking_each_rows_labels():
    from pipeline.analysis.words import POSITIONS, word_scheme, word_tags

    labels = [f"{p}-{pos}" for pos in ("n", "v", "ns", "nr") for p in POSITIONS if (p, pos) != ("I", "nr")]
    scheme = word_scheme(labels)
    rng = np.random.default_rng(4)
    scores = rng.standard_normal((40, len(labels))).astype(np.float32)
    starts = np.array([0, 1, 4, 5, 9, 20, 39])
    ends = np.append(starts[1:], len(scores))
    position = np.full(len(scores), POSITIONS.index("I"))
    position[ends - 1], position[starts] = POSITIONS.index("E"), POSITIONS.index("B")
    position[starts[ends - starts == 1]] = POSITIONS.index("S")
    chosen = np.take_along_axis(scores, scheme.columns[position], axis=1) + scheme.absent[position]
    assert np.array_equal(word_tags(scores, starts, scheme), np.add.reduceat(chosen, starts, axis=0).argmax(axis=1))


@needs_model
def test_static_vectors_found_by_search_are_spacys_with_or_without_the_projection():
    model = load_recognizer("default")
    node = next(node for node in model.get_pipe("tok2vec").model.walk()
                if isinstance(node._func, embedding._ProjectedVectors))
    texts = [news(i) for i in range(12)] + ["Ω生僻字龘靐齉爩，没有向量的字。"]
    batches = [[model.make_doc(text) for text in texts], [model.make_doc(texts[-1])]]
    node._func(node, batches[0], False)  # checks once whether this BLAS projects exactly
    for docs in batches:
        expected = static_vectors_forward(node, docs, False)[0].data
        for exact in (False, node._func.exact):
            node._func.exact = exact
            assert np.array_equal(node._func(node, docs, False)[0].data, expected)


def test_mentions_and_spans_are_made_with_the_dataclass_fields():
    import dataclasses
    import inspect

    from pipeline.records import Mention, Span

    for cls in (Mention, Span):
        fields = dataclasses.fields(cls)
        parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
        assert [(p.name, p.default) for p in parameters] == [
            (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default) for f in fields]
    mention = Mention(1, 3, "李强", "PERSON", "model")
    assert dataclasses.replace(mention, end=2) == Mention(1, 2, "李强", "PERSON", "model", 1.0, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.start = 0


def test_char_docs_made_from_known_orth_ids_are_the_same():
    import spacy

    from pipeline.analysis.doctext import char_doc

    nlp = spacy.blank("zh")
    text = "  李强 出席\u3000会议。\n\n 王 毅\t😀 x  "
    orths = {char: nlp.vocab[char].orth for char in "李出席会议王😀"}
    expected = nlp.make_doc(text)
    for doc in (char_doc(nlp.vocab, text), char_doc(nlp.vocab, text, orths)):
        assert doc.to_bytes(exclude=["user_data"]) == expected.to_bytes(exclude=["user_data"])
        assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in expected]
