"""The training data of the word and part-of-speech head: PD98 lines to words, tags and labels."""
from spacy.util import load_config

from pipeline.training.words import CONFIG, bies_tags, pd98_words, pos_tag


def test_pd98_line_to_words_and_labels():
    line = ("19980101-01-001-006/m  １２月/t  ，/w  [中央/n  人民/n  广播/vn  电台/n]nt  主席/n  江/nr  泽民/nr  "
            "李/nr  鹏/nr  发表/v  讲话/Vg  了/y  ")
    pid, text, words = pd98_words(line)
    assert pid == "19980101-01-001-006"
    assert text == "12月,中央人民广播电台主席江泽民李鹏发表讲话了"
    assert [(text[s:e], pos) for s, e, pos in words] == [
        ("12月", "t"), (",", "w"), ("中央", "n"), ("人民", "n"), ("广播", "vn"), ("电台", "n"), ("主席", "n"),
        ("江泽民", "nr"), ("李鹏", "nr"), ("发表", "v"), ("讲话", "v"), ("了", "u")]
    tags = bies_tags(words)
    assert len(tags) == len(text)
    assert tags[:4] == ["B-t", "I-t", "E-t", "S-w"]
    assert tags[-5:] == ["B-v", "E-v", "B-v", "E-v", "S-u"]


def test_tag_folding():
    assert [pos_tag(t) for t in ("n", "ns", "Ng", "ad", "vd", "an", "k", "nx", "")] == [
        "n", "ns", "n", "a", "v", "a", "x", "x", "x"]


def test_config_freezes_the_recognizer():
    cfg = load_config(CONFIG)
    assert cfg["nlp"]["pipeline"] == ["tok2vec", "tagger", "words"]
    assert cfg["training"]["frozen_components"] == ["tok2vec", "tagger"]
