"""Words and parts of speech: decoding a position x part-of-speech tagger (pipeline.analysis.words)
and `doc._.zhkg_words` set by the recognizer when its model has a `words` component."""
import numpy as np
import pytest
import spacy

from pipeline.analysis.doctext import char_doc
from pipeline.analysis.recognizer import ModelEntities, load_recognizer
from pipeline.analysis.sentences import split_sentences
from pipeline.analysis.words import decode_words, word_scheme
from pipeline.config import DEFAULT_NER_MODEL
from pipeline.ingest.textnorm import analysis_text

LABELS = ("B-n", "I-n", "E-n", "S-n", "B-v", "E-v", "S-v", "S-w")
SCHEME = word_scheme(LABELS)
HAS_WORDS = DEFAULT_NER_MODEL.is_dir() and "words" in spacy.util.load_config(DEFAULT_NER_MODEL / "config.cfg")["nlp"]["pipeline"]


def scores_for(*tags: str, strength: float = 5.0) -> np.ndarray:
    scores = np.zeros((len(tags), len(LABELS)), dtype=np.float32)
    for i, tag in enumerate(tags):
        scores[i, LABELS.index(tag)] = strength
    return scores


def words_of(scores: np.ndarray, forced=None) -> list[tuple[int, int, str]]:
    (starts, ends, tags), = decode_words([scores], SCHEME, forced)
    return [(s, e, SCHEME.pos[t]) for s, e, t in zip(starts.tolist(), ends.tolist(), tags.tolist())]


def test_consistent_sequence_is_read_as_it_is():
    assert words_of(scores_for("B-n", "I-n", "E-n", "S-v", "B-v", "E-v", "S-w")) == [
        (0, 3, "n"), (3, 4, "v"), (4, 6, "v"), (6, 7, "w")]


def test_inconsistent_sequence_is_repaired():
    # a word left open (B-n then B-v), one that ends without beginning (E-v), a part of speech
    # that changes inside a word (B-n E-v): still words in order, covering every row
    words = words_of(scores_for("B-n", "B-v", "E-v", "E-v", "B-n", "E-v", "S-w"))
    assert [(s, e) for s, e, _ in words] == [(0, 1), (1, 3), (3, 4), (4, 6), (6, 7)]
    assert words[1][2] == "v"
    assert all(pos in SCHEME.pos for _, _, pos in words)


def test_part_of_speech_is_chosen_over_the_whole_word():
    scores = scores_for("B-v", "I-n", "E-n")
    assert words_of(scores) == [(0, 3, "n")]


def test_forced_starts_and_several_documents():
    forced = [np.array([True, False, True, False])]
    assert [(s, e) for s, e, _ in words_of(scores_for("B-n", "I-n", "I-n", "E-n"), forced)] == [(0, 2), (2, 4)]
    empty = np.zeros((0, len(LABELS)), dtype=np.float32)
    decoded = decode_words([scores_for("S-v", "B-n", "E-n"), empty, scores_for("B-n", "E-n")], SCHEME)
    assert [(s.tolist(), e.tolist()) for s, e, _ in decoded] == [([0, 1], [1, 3]), ([], []), ([0], [2])]


needs_words = pytest.mark.skipif(not HAS_WORDS, reason="the shipped model has no words component")


@pytest.fixture(scope="module")
def recognizer():
    return ModelEntities(load_recognizer("default"), 4000)


def assert_covers(text: str, words: list[tuple[int, int, str]]) -> None:
    """In order, without overlap, every character but blanks in exactly one word, none in a blank."""
    covered = [False] * len(text)
    last = 0
    for start, end, _ in words:
        assert last <= start < end
        assert not any(ch.isspace() for ch in text[start:end])
        covered[start:end] = [True] * (end - start)
        last = end
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(text))


@needs_words
def test_words_of_a_short_text(recognizer):
    text = analysis_text("王小红昨天在杭州参观了一座新建的科技馆，她说展品非常精彩。")  # what the recognizer reads
    doc = next(recognizer.pipe([char_doc(recognizer.model.vocab, text)]))
    assert_covers(text, doc._.zhkg_words)
    found = {text[s:e]: pos for s, e, pos in doc._.zhkg_words}
    assert found.get("杭州") == "ns"
    assert found.get("参观") == "v"
    assert found.get(",") == found.get("。") == "w"


@needs_words
def test_a_name_dot_is_a_word_of_its_own(recognizer):
    text = analysis_text("第36届中国·哈尔滨国际冰雪节开幕，副委员长艾力更·依明巴海出席。")
    doc = next(recognizer.pipe([char_doc(recognizer.model.vocab, text)]))
    assert_covers(text, doc._.zhkg_words)
    words = [text[s:e] for s, e, _ in doc._.zhkg_words]
    assert words.count("·") == 2
    assert "哈尔滨" in words


def test_a_word_begins_at_and_after_each_name_dot():
    from pipeline.analysis.recognizer import _at_name_dots

    text = "中国·哈尔滨，沃纳•福诺斯·“九·一八”"
    tokens = np.array([(i, 1) for i in range(len(text))])
    assert np.flatnonzero(_at_name_dots(text, tokens)).tolist() == [2, 3, 9, 10, 13, 14]  # not in 九·一八
    assert not _at_name_dots("没有间隔号", tokens[:5]).any()


@needs_words
def test_words_of_a_long_text_read_in_pieces(recognizer):
    text = analysis_text("湖南长沙举行全省科技工作会议。\n\n  会议总结了去年的工作 并部署今年的任务。\n" * 5)
    doc = char_doc(recognizer.model.vocab, text)
    doc._.zhkg_sentences = split_sentences(text)
    doc = next(ModelEntities(recognizer.model, 40).pipe([doc]))
    assert_covers(text, doc._.zhkg_words)
    assert ("长沙" in {text[s:e] for s, e, _ in doc._.zhkg_words})


@pytest.mark.skipif(not DEFAULT_NER_MODEL.is_dir(), reason="no shipped model")
def test_no_words_component_gives_none():
    recognizer = ModelEntities(load_recognizer("default", exclude=["words"]), 4000)
    doc = next(recognizer.pipe([char_doc(recognizer.model.vocab, "国务院总理在北京会见外宾。")]))
    assert doc._.zhkg_words is None


@needs_words
def test_shipped_model_loads_offline_with_three_components():
    nlp = spacy.load(DEFAULT_NER_MODEL)
    assert nlp.pipe_names == ["tok2vec", "tagger", "words"]
    assert any(label.startswith("S-") for label in nlp.get_pipe("words").labels)
