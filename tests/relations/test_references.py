"""The person a third-person pronoun stands for (`pronoun_mentions`)."""
from pipeline.analysis.sentences import split_sentences
from pipeline.relations.references import pronoun_mentions
from tests.conftest import anchored
from tests.relations.test_relations import name, pairs, trig


def pronoun_words(text, *pronouns):
    """The word analysis's pronoun words: each of `pronouns` where it first occurs after the previous."""
    words, pos = [], 0
    for pronoun in pronouns:
        pos = text.index(pronoun, pos)
        words.append((pos, pos + len(pronoun), "r"))
        pos += len(pronoun)
    return words


def stands_for(text, people, *pronouns):
    mentions = [anchored(text, person, "PERSON") for person in people]
    found = pronoun_mentions(text, split_sentences(text), mentions, pronoun_words(text, *pronouns))
    return [(text[m.start:m.end], name(m.entity)) for m in found]


def test_a_pronoun_stands_for_the_one_person_named_in_the_sentence_before(relation_rules):
    text = "董现明是北京交通医院的耳鼻喉疾病专家。他捧出了科研成果，并获得国家科技进步奖。"
    assert stands_for(text, ["董现明"], "他") == [("他", "董现明")]
    mentions = [anchored(text, "董现明", "PERSON"), anchored(text, "国家科技进步奖", "AWARD")]
    mentions += pronoun_mentions(text, split_sentences(text), mentions[:1], pronoun_words(text, "他"))
    assert pairs(trig(text, sorted(mentions, key=lambda m: m.start), relation_rules), "received") == {
        ("董现明", "国家科技进步奖")}


def test_a_pronoun_is_not_bound_in_its_own_clause():
    text = "阿尔希波夫来华援建。１９５８年周恩来授予他“感谢状”。"
    assert stands_for(text, ["阿尔希波夫", "周恩来"], "他") == [("他", "阿尔希波夫")]


def test_a_person_named_in_an_earlier_clause_of_the_sentence_is_nearest():
    text = "习近平会见了普京。齐文明赢得了很多荣誉，他被评为先进个人。"
    assert stands_for(text, ["普京", "齐文明"], "他") == [("他", "齐文明")]


def test_two_people_named_before_leave_the_pronoun_open():
    text = "习近平会见普京。他说，两国关系很好。"
    assert stands_for(text, ["习近平", "普京"], "他") == []


def test_a_pronoun_resolved_before_counts_as_a_person_named():
    text = "梁惠珍参加大会。她与女儿王洁萍合写的论文受到肯定。大会授予她金奖。"
    assert stands_for(text, ["梁惠珍", "王洁萍"], "她", "她") == [("她", "梁惠珍")]


def test_only_a_pronoun_word_of_its_own_is_a_mention():
    text = "刘我成来到村里。他们和其他干部交谈。"
    words = [(text.index("他们"), text.index("他们") + 2, "r"), (text.index("其他"), text.index("其他") + 2, "r")]
    mentions = [anchored(text, "刘我成", "PERSON")]
    assert pronoun_mentions(text, split_sentences(text), mentions, words) == []
    verb = [(text.index("他"), text.index("他") + 1, "v")]
    assert pronoun_mentions(text, split_sentences(text), mentions, verb) == []


def test_beyond_the_reach_the_one_person_named_in_the_paragraph_is_the_antecedent():
    text = "李华来到学校。学校很大。操场很新。他参观了教室。"
    assert stands_for(text, ["李华"], "他") == [("他", "李华")]
    assert stands_for("李华来到学校。\n学校很大。操场很新。他参观了教室。", ["李华"], "他") == []
    assert stands_for("李华会见王明。学校很大。操场很新。他参观了教室。", ["李华", "王明"], "他") == []


def test_who_does_to_another_what_is_done_to_the_pronoun_in_a_parallel_clause_is_no_antecedent():
    text = "记者采访了阿尔希波夫。１９５８年周总理授予他“感谢状”；大连市政府授予他“荣誉市民”称号。"
    assert stands_for(text, ["阿尔希波夫", "周总理"], "他", "他") == [("他", "阿尔希波夫"), ("他", "阿尔希波夫")]
    text = "记者采访了阿尔希波夫。周总理接见了李华；后来李华授予他勋章。"  # the earlier clause's agent of another verb
    assert stands_for(text, ["阿尔希波夫", "周总理", "李华"], "他") == []
