"""pipeline.analysis.wordindex: the word analysis and its indexes."""
from pipeline.analysis.wordindex import RESIDENT_POS, WordAnalysis, after_subject, chunk_words, inside_word, with_residents


def test_a_resident_attributive_before_a_noun_is_one_modifier():
    text = "在京老同志出席，在京召开会议，在华外国专家"
    words = [(0, 1, "p"), (1, 2, "j"), (2, 3, "a"), (3, 5, "n"), (5, 7, "v"), (7, 8, "w"),
             (8, 9, "p"), (9, 10, "j"), (10, 12, "v"), (12, 14, "n"), (14, 15, "w"),
             (15, 16, "p"), (16, 17, "j"), (17, 19, "n"), (19, 21, "n")]
    merged = with_residents(words, text, ["在京", "在华"])
    assert isinstance(merged, WordAnalysis)
    assert (0, 2, RESIDENT_POS) in merged and (15, 17, RESIDENT_POS) in merged
    assert (8, 9, "p") in merged and (9, 10, "j") in merged  # `在京|召开`: where, before a verb
    assert merged.inside(1, RESIDENT_POS) and not merged.inside(9, RESIDENT_POS)
    assert with_residents(words, text, ["在沪"]) == words
    assert with_residents(None, text, ["在京"]) is None


def test_a_resident_attributive_with_nothing_after_it_is_a_preposition_and_its_place():
    text = "他们在京"
    words = [(0, 2, "r"), (2, 3, "p"), (3, 4, "j")]
    assert with_residents(words, text, ["在京"]) == words


SAYING = frozenset({"称", "说", "表示"})


def test_a_subject_and_its_verb_before_a_name_make_a_clause():
    def tags_of(*words):
        tags, pos = {}, 0
        for word, tag in words:
            tags[pos, pos + len(word)] = tag
            pos += len(word)
        return tags, "".join(w for w, _ in words)

    tags, text = tags_of(("俄", "j"), ("称", "v"), ("俄美", "j"), ("总统", "n"), ("会晤", "vn"))
    assert after_subject(0, len(text) - 2, tags, text, SAYING) == 2  # a country's name and a verb of saying
    tags, text = tags_of(("中国", "ns"), ("建立", "v"), ("关系", "n"), ("峰会", "n"))
    assert after_subject(0, len(text) - 2, tags, text, SAYING) == 0  # no verb of saying: the name's
    tags, text = tags_of(("习近平", "nr"), ("走进", "v"), ("北京", "ns"), ("冬奥会", "j"))
    assert after_subject(0, len(text) - 3, tags, text, SAYING) == 5
    # in a body's name, any verb of two characters after a place or a short form makes a clause; not one of one
    # character, nor one after a body's full name: the body's purpose
    tags, text = tags_of(("海南省", "ns"), ("证券委", "j"), ("推举", "v"), ("上市", "vn"), ("公司", "n"))
    assert after_subject(0, len(text) - 2, tags, text, SAYING, acting=True) == 8
    assert after_subject(0, len(text) - 2, tags, text, SAYING) == 0
    tags, text = tags_of(("厦门市", "ns"), ("反", "v"), ("腐败", "n"), ("协调小组", "n"))
    assert after_subject(0, len(text) - 4, tags, text, SAYING, acting=True) == 0
    tags, text = tags_of(("国务院", "nt"), ("减轻", "v"), ("企业", "n"), ("负担", "n"), ("联席会议", "n"))
    assert after_subject(0, len(text) - 4, tags, text, SAYING, acting=True) == 0


def test_a_noun_that_runs_past_the_end_of_a_known_name_is_no_noun():
    words = [(0, 2, "n"), (2, 6, "n"), (6, 8, "n"), (8, 11, "n"), (11, 13, "v")]  # 中央|书记处在|中央|政治局|领导
    nominal, tags, verbs = chunk_words(words, {0: 5, 6: 11})  # 中央书记处, 中央政治局
    assert nominal == {0: 2, 6: 8, 8: 11} and tags[2, 6] == "n" and verbs == {11: 13}
    assert chunk_words(words)[0] == {0: 2, 2: 6, 6: 8, 8: 11}


def test_whole_words_are_words_of_the_parts_of_speech_asked_for_that_end_where_asked():
    from pipeline.analysis.wordindex import WordAnalysis

    words = WordAnalysis([(0, 2, "n"), (2, 3, "c"), (3, 5, "n"), (5, 7, "v")])
    assert words.whole_words(0, 5, frozenset("nc"))
    assert not words.whole_words(0, 5, frozenset("n"))  # a conjunction between
    assert not words.whole_words(0, 4, frozenset("nc"))  # a word runs past the end
    assert not words.whole_words(1, 5, frozenset("nc"))  # no word begins there


def test_a_span_lies_inside_a_longer_word_only():
    renewal = {12: 14}  # `设备|更新`: 更 inside the verb 更新
    assert inside_word(12, 13, renewal) and not inside_word(12, 14, renewal) and not inside_word(14, 15, renewal)
    assert not inside_word(12, 13, None)
