"""A chunk over the conjunction before it: two nouns of a meeting's topic, two fields of a body."""
from pipeline.analysis.conjuncts import over_conjunction


def _tags(text, words):
    """(start, end) → part of speech of `words`, given as (word, part of speech) in text order."""
    tags, pos = {}, 0
    for word, tag in words:
        assert text.startswith(word, pos)
        tags[(pos, pos + len(word))] = tag
        pos += len(word)
    return tags


def _chunker(rules, label):
    return next(c for c in rules.chunkers if c.label == label)


def test_a_body_named_by_two_fields_begins_before_the_first(rules):
    text = "：德国研究与技术部长"
    tags = _tags(text, [("：", "w"), ("德国", "ns"), ("研究", "vn"), ("与", "c"), ("技术", "n"), ("部长", "n")])
    begin, suffix = text.index("技术"), text.index("部长")
    start = over_conjunction(text, begin, suffix, suffix + 1, _chunker(rules, "ORG"), tags, rules.titles, lambda at: 1)
    assert start == 1


def test_a_field_the_word_analysis_reads_as_a_fixed_phrase_is_a_field(rules):
    text = "：山东省潍坊市自然资源和规划局"
    tags = _tags(text, [("：", "w"), ("山东省", "ns"), ("潍坊市", "ns"), ("自然资源", "l"), ("和", "c"), ("规划局", "n")])
    begin = text.index("规划局")
    start = over_conjunction(text, begin, len(text) - 1, len(text), _chunker(rules, "ORG"), tags, rules.titles, lambda at: 1)
    assert start == 1


def test_a_body_after_another_or_a_verb_in_the_first_field_begins_after_the_conjunction(rules):
    org = _chunker(rules, "ORG")
    text = "中国科学院和中国工程院"  # two bodies: a name after the conjunction
    tags = _tags(text, [("中国", "ns"), ("科学院", "n"), ("和", "c"), ("中国", "ns"), ("工程院", "n")])
    assert over_conjunction(text, 6, 8, 11, org, tags, rules.titles, lambda at: 0) == 6
    text = "：云南省解困与扶贫领导小组"  # a verb in the first field: a clause, not a field
    tags = _tags(text, [("：", "w"), ("云南省", "ns"), ("解困", "v"), ("与", "c"), ("扶贫", "vn"), ("领导", "vn"),
                        ("小组", "n")])
    begin = text.index("扶贫")
    assert over_conjunction(text, begin, text.index("领导"), len(text), org, tags, rules.titles, lambda at: 1) == begin


def test_a_meeting_named_by_two_nouns_of_its_topic_begins_before_the_first(rules):
    text = "。周恩来生平和思想研讨会"
    tags = _tags(text, [("。", "w"), ("周恩来", "nr"), ("生平", "n"), ("和", "c"), ("思想", "n"), ("研讨会", "n")])
    begin, suffix = text.index("思想"), text.index("研讨会")
    assert over_conjunction(text, begin, suffix, len(text), _chunker(rules, "EVENT"), tags, rules.titles, lambda at: 1) == 1
