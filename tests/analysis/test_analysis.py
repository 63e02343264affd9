"""pipeline.analysis: sentence splitting and the spaCy pipeline."""
import pytest
import spacy

from pipeline.analysis.nlp import build_nlp
from pipeline.analysis.recognizer import fill, sentence_pieces
from pipeline.analysis.sentences import split_sentences
from pipeline.config import DEFAULT_NER_MODEL


def pieces(text, **kwargs):
    return [text[s:e] for s, e in split_sentences(text, **kwargs)]


def test_split_after_sentence_ends():
    text = "中关村实验室召开会议。王建华出席！大家满意吗？是的"
    assert pieces(text) == ["中关村实验室召开会议。", "王建华出席！", "大家满意吗？", "是的"]


def test_closing_quote_stays_with_its_sentence():
    text = "他说：“要抓好落实。”会议结束。"
    assert pieces(text) == ["他说：“要抓好落实。”", "会议结束。"]


def test_newlines_split_and_blank_lines_vanish():
    text = "标题行\n\n新华社 2024-08-13\n正文第一句。正文第二句。\n"
    got = pieces(text)
    assert [p.strip() for p in got] == ["标题行", "新华社 2024-08-13", "正文第一句。", "正文第二句。"]
    assert all(p.strip() for p in got)


def test_spans_are_ordered_disjoint_and_cover_every_character():
    text = "第一句。\n第二句！第三句？\n\n最后"
    spans = split_sentences(text)
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        assert s1 < e1 <= s2
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace("\n", "") == text.replace("\n", "")


def test_long_sentence_is_cut_at_a_comma_before_the_limit():
    clause = "中关村实验室开展科研攻关，"
    text = clause * 10 + "取得成果。"
    spans = split_sentences(text, max_chars=40)
    assert len(spans) > 1
    for s, e in spans:
        assert e - s <= 40
    for s, e in spans[:-1]:
        assert text[e - 1] in "，,；;"
    assert "".join(text[s:e] for s, e in spans) == text


def test_long_sentence_without_commas_is_cut_at_the_limit():
    text = "字" * 95 + "。"
    spans = split_sentences(text, max_chars=40)
    assert [e - s for s, e in spans] == [40, 40, 16]


def test_empty_and_whitespace_text():
    assert split_sentences("") == []
    assert split_sentences(" \n \n") == []


@pytest.fixture(scope="module")
def rules_only_nlp():
    return build_nlp(ner_model=None)


def test_rules_only_pipeline_components(rules_only_nlp):
    assert rules_only_nlp.pipe_names == ["zhkg_sentences", "zhkg_entity_rules"]


def test_missing_model_folder_gives_rules_only_pipeline(tmp_path):
    nlp = build_nlp(ner_model=tmp_path / "no-such-model")
    assert "ner" not in nlp.pipe_names
    assert nlp.pipe_names[-1] == "zhkg_entity_rules"


def test_pipeline_sets_sentences_and_mentions(rules_only_nlp):
    text = "中国科协召开会议。北京市司法局召开研讨会。"
    doc = rules_only_nlp(text)
    assert [text[s:e] for s, e in doc._.zhkg_sentences] == ["中国科协召开会议。", "北京市司法局召开研讨会。"]
    mentions = doc._.zhkg_mentions
    assert mentions is not None
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert {("ORG", "中国科协"), ("ORG", "北京市司法局")} <= {(m.type, m.text) for m in mentions}


# --- the trained recognizer, read a bounded number of characters at a time -----------------------

def test_sentence_pieces_join_whole_sentences_within_the_limit():
    sentences = [(0, 30), (30, 70), (71, 100), (100, 190), (190, 200)]
    assert sentence_pieces(sentences, 100) == [(0, 100), (100, 200)]
    assert sentence_pieces(sentences, 50) == [(0, 30), (30, 70), (71, 100), (100, 190), (190, 200)]


def test_fill_groups_pieces_up_to_the_limit_in_order():
    nlp = spacy.blank("zh")
    units = [(i, 0, nlp.make_doc("字" * n)) for i, n in enumerate([30, 50, 30, 120, 10])]
    groups = [[i for i, _, _ in group] for group in fill(units, 100)]
    assert groups == [[0, 1], [2], [3], [4]]  # a piece over the limit goes alone


needs_model = pytest.mark.skipif(not DEFAULT_NER_MODEL.is_dir(), reason="no shipped model")
PARAGRAPH = "国务院总理李强在北京会见了德国总理朔尔茨。\n"


@needs_model
def test_long_document_is_read_in_pieces_with_entities_at_their_offsets():
    whole = build_nlp(ner_chars=4000)(PARAGRAPH)
    assert {(e.text, e.label_) for e in whole.ents} >= {("李强", "PERSON"), ("北京", "LOCATION")}
    expected = [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    nlp = build_nlp(ner_chars=len(PARAGRAPH))
    calls: list[int] = []
    tok2vec = nlp.get_pipe("zhkg_ner").model.get_pipe("tok2vec")
    original = tok2vec.pipe
    tok2vec.pipe = lambda docs, **kw: (calls.append(sum(len(d.text) for d in docs)), original(docs, **kw))[1]
    doc = nlp(PARAGRAPH * 5)
    assert calls == [len(PARAGRAPH.strip())] * 5  # each sentence, without its line break
    n = len(PARAGRAPH)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (k * n + s, k * n + e, label) for k in range(5) for s, e, label in expected]


@needs_model
def test_short_documents_are_read_together_up_to_the_limit():
    nlp = build_nlp(ner_chars=3 * len(PARAGRAPH))
    calls: list[int] = []
    tok2vec = nlp.get_pipe("zhkg_ner").model.get_pipe("tok2vec")
    original = tok2vec.pipe
    tok2vec.pipe = lambda docs, **kw: (calls.append(len(docs)), original(docs, **kw))[1]
    docs = list(nlp.pipe([PARAGRAPH] * 7, batch_size=16))
    assert calls == [3, 3, 1]
    assert all([e.text for e in doc.ents] == [e.text for e in docs[0].ents] for doc in docs)


def test_char_doc_is_the_character_segmenters_doc():
    import random

    from pipeline.analysis.doctext import analysed_text, char_doc

    nlp = spacy.blank("zh")
    alphabet = list("中国人民 \n\t\u3000\xa0\u2028\r\x0b") + ["a", "1", "·"]
    rng = random.Random(0)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        made = char_doc(nlp.vocab, text)
        assert [(t.text, t.whitespace_) for t in made] == [(t.text, t.whitespace_) for t in nlp.make_doc(text)]
        assert analysed_text(made) == made.text == text
