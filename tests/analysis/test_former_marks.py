"""A former post's mark written inside a body's name."""
from pipeline.analysis.former_marks import named_without_former
from tests.conftest import mention


def _words(text, words):
    """(start, end, part of speech) of `words`, given as (word, part of speech) in text order."""
    spans, pos = [], 0
    for word, tag in words:
        assert text.startswith(word, pos)
        spans.append((pos, pos + len(word), tag))
        pos += len(word)
    return spans


def test_a_body_read_with_the_mark_of_a_former_post_is_named_without_it():
    text = "河北省原省委常委张和，天津市装饰布总厂原团委书记崔木岚"
    words = _words(text, [("河北省", "ns"), ("原", "b"), ("省委", "n"), ("常委", "n"), ("张和", "nr"), ("，", "w"),
                          ("天津市", "ns"), ("装饰布", "n"), ("总厂", "n"), ("原", "b"), ("团委", "n"), ("书记", "n"),
                          ("崔木岚", "nr")])
    mentions = [mention(text, "河北省原省委", "ORG"), mention(text, "天津市装饰布总厂原团委", "ORG")]
    named = named_without_former(mentions, words, text)
    assert [m.name for m in named] == ["河北省委", "天津市装饰布总厂团委"]  # one level word: 河北省|省委
    assert [m.text for m in named] == ["河北省原省委", "天津市装饰布总厂原团委"]


def test_a_name_a_word_of_which_begins_with_the_character_keeps_it():
    text = "国际原子能机构总干事，太原市体委主任"
    words = _words(text, [("国际", "n"), ("原子能", "n"), ("机构", "n"), ("总", "b"), ("干事", "n"), ("，", "w"),
                          ("太原市", "ns"), ("体委", "j"), ("主任", "n")])
    mentions = [mention(text, "国际原子能机构", "ORG"), mention(text, "太原市体委", "ORG")]
    assert named_without_former(mentions, words, text) == mentions
    assert named_without_former(mentions, None, text) == mentions
