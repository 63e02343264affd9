"""pipeline.analysis.boundaries: event names without the predicate words that govern them."""
import pytest

from pipeline.analysis.boundaries import governed_start, trim_governing_predicates
from pipeline.records import Mention


@pytest.mark.parametrize("name, kept", [
    ("按程序提请十四届全国人大四次会议", "十四届全国人大四次会议"),
    ("讨论拟提请十九届四中全会", "十九届四中全会"),
    ("要继续抓好中央人大工作会议", "中央人大工作会议"),
])
def test_a_governing_predicate_is_no_part_of_an_event_name(rules, name, kept):
    assert name[governed_start(name, rules):] == kept


@pytest.mark.parametrize("name", ["庆祝中国共产党成立100周年大会", "十三届全国人大常委会第三次会议", "党的十九届四中全会",
                                  "中共十九届六中全会", "决战决胜脱贫攻坚座谈会",
                                  # no meeting ends before the term: not `…反馈会` at its start, nor `协商会|议`
                                  "十九届中央第九轮巡视集中反馈会议", "中国人民政治协商会议第九届全国委员会第一次会议"])
def test_a_name_whose_words_are_its_own_keeps_them(rules, name):
    assert governed_start(name, rules) == 0


def test_only_event_mentions_are_trimmed(rules):
    text = "会议提请十四届全国人大四次会议审议。"
    event = Mention(2, 15, "提请十四届全国人大四次会议", "EVENT", "rule:chunk")
    org = Mention(2, 15, "提请十四届全国人大四次会议", "ORG", "rule:chunk")
    trimmed = trim_governing_predicates([event, org], rules)
    assert [(m.start, m.text, m.type) for m in trimmed] == [(4, "十四届全国人大四次会议", "EVENT"),
                                                           (2, "提请十四届全国人大四次会议", "ORG")]
    assert text[trimmed[0].start:trimmed[0].end] == trimmed[0].text


def _event_with_place(text: str, event: str, place: str) -> list[Mention]:
    start = text.index(event)
    return [Mention(start, start + len(event), event, "EVENT", "rule:chunk"),
            Mention(text.index(place), text.index(place) + len(place), place, "LOCATION", "model")]


def test_a_governed_event_name_may_begin_at_a_place_it_holds(rules):
    text = "我们预祝北京冬奥会取得圆满成功。"
    trimmed = trim_governing_predicates(_event_with_place(text, "预祝北京冬奥会", "北京"), rules, text)
    assert trimmed[0].text == "北京冬奥会" and text[trimmed[0].start:trimmed[0].end] == "北京冬奥会"


@pytest.mark.parametrize("text, event, place", [
    ("他们喜迎中华人民共和国成立75周年文艺晚会。", "喜迎中华人民共和国成立75周年文艺晚会", "中华人民共和国"),
    ("县里召开深入推进长三角一体化发展座谈会。", "深入推进长三角一体化发展座谈会", "长三角"),
    ("深入推进长三角一体化发展座谈会在合肥召开。", "深入推进长三角一体化发展座谈会", "长三角"),
    # what a news item's lead ends with a colon before opens a sentence too
    ("央视网消息（新闻联播）：深入推进长三角一体化发展座谈会在合肥召开。", "深入推进长三角一体化发展座谈会", "长三角"),
    # nor does a meeting's name it holds cut it (中央民族工作会议)
    ("贯彻落实中央民族工作会议精神经验交流会18日在京召开。", "贯彻落实中央民族工作会议精神经验交流会", "京"),
])
def test_an_anniversary_a_convening_verb_or_the_sentence_start_keeps_the_leading_verb(rules, text, event, place):
    assert trim_governing_predicates(_event_with_place(text, event, place), rules, text)[0].text == event


def test_a_convening_verb_before_a_bare_kind_is_no_part_of_a_name(rules):
    text = "双方将担任轮值主席国并主办峰会。"
    summit = Mention(text.index("主办"), text.index("。"), "主办峰会", "EVENT", "rule:chunk", 0.92)
    assert [m.text for m in trim_governing_predicates([summit], rules, text)] == ["峰会"]


def test_nothing_before_a_numbered_session_of_the_party_is_part_of_its_name(rules):
    text = "张玉卓从深刻认识党的二十届四中全会的重大意义作了宣讲。"
    chunk = Mention(text.index("深刻"), text.index("全会") + 2, "深刻认识党的二十届四中全会", "EVENT", "rule:chunk", 0.92)
    plenum = Mention(text.index("党的"), text.index("全会") + 2, "党的二十届四中全会", "EVENT", "rule:pattern", 0.9)
    words = [(0, 3, "nr"), (3, 4, "p"), (4, 6, "a"), (6, 8, "n"), (8, 9, "n"), (9, 10, "u"), (10, 12, "m"), (12, 13, "q"),
             (13, 17, "j"), (17, 18, "u")]  # 认识 read as a noun: no predicate
    assert trim_governing_predicates([chunk, plenum], rules, text, words)[0].text == "党的二十届四中全会"


def test_a_verb_of_the_word_analysis_governs_an_event_name(rules):
    text = "我们见证北京冬奥会成功举办。"
    mentions = _event_with_place(text, "见证北京冬奥会", "北京")
    words = [(0, 2, "r"), (2, 4, "v"), (4, 6, "ns"), (6, 9, "n")]
    assert trim_governing_predicates(mentions, rules, text)[0].text == "见证北京冬奥会"  # 见证: in no lexicon
    assert trim_governing_predicates(mentions, rules, text, words)[0].text == "北京冬奥会"


def test_a_name_pattern_finds_no_person_where_the_words_read_a_verb():
    from pipeline.analysis.boundaries import unworded_people

    text = "印方愿同中方合作，常委于英杰同志出席。"
    words = [(0, 2, "n"), (2, 3, "v"), (3, 4, "p"), (4, 6, "n"), (6, 8, "v"), (8, 9, "w"),
             (9, 11, "n"), (11, 12, "p"), (12, 14, "nr"), (14, 16, "n"), (16, 18, "v"), (18, 19, "w")]
    found = [Mention(0, 3, "印方愿", "PERSON", "rule:pattern"), Mention(11, 14, "于英杰", "PERSON", "rule:pattern"),
             Mention(0, 3, "印方愿", "PERSON", "model")]
    assert [(m.text, m.source) for m in unworded_people(found, words)] == [("于英杰", "rule:pattern"), ("印方愿", "model")]
    assert unworded_people(found, None) == found
    assert text[11:14] == "于英杰" and text[2:3] == "愿"


def test_a_name_of_two_characters_before_an_adverb_and_a_mark_ends_after_the_adverb():
    from pipeline.analysis.boundaries import unworded_people

    text = "少将金度均，中将安益山均出席"
    words = [(0, 2, "n"), (2, 4, "nr"), (4, 5, "d"), (5, 6, "w"), (6, 8, "n"), (8, 11, "nr"), (11, 12, "d"), (12, 14, "v")]
    found = [Mention(2, 4, "金度", "PERSON", "model"), Mention(8, 11, "安益山", "PERSON", "model")]
    assert [m.text for m in unworded_people(found, words, text)] == ["金度均", "安益山"]  # 均 before 出席 is the adverb
    text = "记者张三也出席"  # one before a verb stays an adverb
    words = [(0, 2, "n"), (2, 4, "nr"), (4, 5, "d"), (5, 7, "v")]
    assert [m.text for m in unworded_people([Mention(2, 4, "张三", "PERSON", "model")], words, text)] == ["张三"]


def test_a_name_pattern_finds_no_person_across_a_pronoun_a_particle_or_after_a_classifier():
    from pipeline.analysis.boundaries import unworded_people

    text = "但他指出，记者风趣地说，一位男同志，何老伯说"
    words = [(0, 1, "c"), (1, 2, "r"), (2, 4, "v"), (4, 5, "w"), (5, 7, "n"), (7, 9, "a"), (9, 10, "u"),
             (10, 11, "v"), (11, 12, "w"), (12, 13, "m"), (13, 14, "q"), (14, 15, "b"), (15, 17, "n"), (17, 18, "w"),
             (18, 19, "r"), (19, 21, "n"), (21, 22, "v")]

    def pattern(name):
        start = text.index(name)
        return Mention(start, start + len(name), name, "PERSON", "rule:pattern", 0.8)
    found = [pattern("但他"), pattern("风趣地"), pattern("位男"), pattern("何老伯")]
    assert [m.text for m in unworded_people(found, words)] == ["何老伯"]  # a surname read as a pronoun stays


def test_a_name_pattern_finds_no_person_that_a_place_s_name_begins():
    from pipeline.analysis.boundaries import unworded_people

    text = "英国大律师、山西大同人、王大同律师"
    words = [(0, 2, "ns"), (2, 3, "a"), (3, 5, "n"), (5, 6, "w"), (6, 8, "ns"), (8, 10, "ns"), (10, 11, "n"),
             (11, 12, "w"), (12, 15, "nr"), (15, 17, "n")]

    def pattern(name):
        start = text.index(name)
        return Mention(start, start + len(name), name, "PERSON", "rule:pattern", 0.8)
    found = [pattern("英国大"), pattern("山西大"), pattern("王大同")]
    assert [m.text for m in unworded_people(found, words)] == ["王大同"]


def test_a_listed_place_that_a_word_runs_across_is_no_place():
    from pipeline.analysis.place_words import unworded_places

    text = "我们隆重庆祝，以色列国防部长称，安徽歙县城郊"

    def listed(name, etype="LOCATION"):
        start = text.index(name)
        return Mention(start, start + len(name), name, etype, "rule:lexicon", 0.9)
    chongqing, ministry, county = listed("重庆"), listed("国防部", "ORG"), listed("歙县")
    by_model = Mention(chongqing.start, chongqing.end, "重庆", "LOCATION", "model", 0.9)
    words = [(0, 2, "r"), (2, 4, "a"), (4, 6, "v"), (6, 7, "w"), (7, 10, "ns"), (10, 14, "n"), (14, 15, "v"),
             (15, 16, "w"), (16, 18, "ns"), (18, 21, "n"), (21, 22, "n")]  # 隆重|庆祝, 国防部长, 歙县城 (wrong)
    kept = unworded_places([chongqing, ministry, county, by_model], words, text, ("部长",), "州省市县区")
    assert kept == [ministry, county]  # a title, a place's generic term
    fragment = Mention(text.index("国防"), text.index("国防") + 2, "国防", "ORG", "model", 0.9)
    assert unworded_places([fragment], words, text) == []  # the recognizer's, cut by 国防部长
    assert unworded_places([chongqing], None, text) == [chongqing]


def test_a_body_whose_last_word_runs_on_into_a_title_after_it_stays():
    from pipeline.analysis.place_words import unworded_places

    text = "印度尼西亚民主斗争党总主席梅加瓦蒂，该党总体实力"
    words = [(0, 5, "ns"), (5, 7, "a"), (7, 9, "vn"), (9, 11, "n"), (11, 13, "n"), (13, 17, "nr"), (17, 18, "w"),
             (18, 19, "r"), (19, 21, "n"), (21, 23, "n"), (23, 25, "n")]  # 党总|主席 (wrong), 党总|体 (wrong too)
    party = Mention(0, 10, "印度尼西亚民主斗争党", "ORG", "model", 0.9)
    other = Mention(18, 20, "该党", "ORG", "model", 0.9)
    assert unworded_places([party, other], words, text, ("总主席", "主席")) == [party]  # 总体 begins no title


def test_a_listed_body_whose_last_word_the_word_analysis_glues_to_a_preposition_stays():
    from pipeline.analysis.place_words import unworded_places

    text = "中央书记处在中央政治局领导下，商务部门"
    words = [(0, 2, "n"), (2, 6, "n"), (6, 8, "n"), (8, 11, "n"), (11, 13, "v"), (13, 14, "f"), (14, 15, "w"),
             (15, 17, "n"), (17, 19, "n")]  # 书记处在 (wrong), 商务|部门
    secretariat = Mention(0, 5, "中央书记处", "ORG", "rule:lexicon", 0.9)
    ministry = Mention(15, 18, "商务部", "ORG", "rule:lexicon", 0.9)
    assert unworded_places([secretariat, ministry], words, text) == [secretariat]


def test_a_generic_head_after_verbs_or_adjectives_only_names_no_event():
    from pipeline.analysis.boundaries import bare_heads

    text = "要学习领会全会精神，确保大会圆满成功，召开十四届全国人大四次会议"

    def chunk(name):
        start = text.index(name)
        return Mention(start, start + len(name), name, "EVENT", "rule:chunk", 0.9)
    plenum, congress, session = chunk("学习领会全会"), chunk("确保大会"), chunk("十四届全国人大四次会议")
    words = [(0, 1, "v"), (1, 3, "v"), (3, 5, "v"), (5, 7, "n"), (7, 9, "n"), (9, 10, "w"), (10, 12, "v"),
             (12, 14, "n"), (14, 16, "d"), (16, 18, "v"), (18, 19, "w"), (19, 21, "v"), (21, 23, "m"),
             (23, 24, "q"), (24, 26, "n"), (26, 28, "j"), (28, 29, "m"), (29, 30, "q"), (30, 32, "n")]
    generic = frozenset({"全会", "大会", "会议"})
    assert bare_heads([plenum, congress, session], words, generic) == [session]
    assert bare_heads([plenum], None, generic) == [plenum]


def test_a_competition_named_only_by_a_distinguishing_word_is_no_name(rules):
    from pipeline.analysis.boundaries import bare_heads

    words = [(0, 2, "v"), (2, 4, "b"), (4, 6, "vn"), (6, 8, "v"), (8, 10, "n")]  # 依托|全新|竞赛|排名|系统
    contest = Mention(2, 6, "全新竞赛", "EVENT", "rule:chunk", 0.92)
    assert bare_heads([contest], words, rules.generic_chunks) == []  # 竞赛, a generic head as 比赛 and 大赛 are


def test_an_object_head_right_after_a_verb_is_its_object_whatever_comes_before(rules):
    from pipeline.analysis.boundaries import bare_heads

    text = "为主题抓好学习教育，十三届全国政协双周协商座谈会"

    def chunk(name):
        start = text.index(name)
        return Mention(start, start + len(name), name, "EVENT", "rule:chunk", 0.9)
    campaign, forum = chunk("主题抓好学习教育"), chunk("十三届全国政协双周协商座谈会")
    words = [(0, 1, "v"), (1, 3, "n"), (3, 5, "v"), (5, 7, "v"), (7, 9, "vn"), (9, 10, "w"), (10, 13, "m"),
             (13, 17, "j"), (17, 19, "n"), (19, 21, "v"), (21, 24, "n")]
    assert bare_heads([campaign, forum], words, rules.generic_chunks, rules.object_heads) == [forum]
    assert bare_heads([campaign], words, rules.generic_chunks) == [campaign]  # 主题 is a noun
    text = "要巩固拓展主题教育成果，“不忘初心”主题教育"
    consolidating, quoted = Mention(0, 9, text[0:9], "EVENT", "rule:chunk"), Mention(12, 22, text[12:22], "EVENT", "rule:chunk")
    words = [(0, 1, "v"), (1, 3, "v"), (3, 5, "vn"), (5, 7, "n"), (7, 9, "vn"), (9, 11, "n"), (11, 12, "w"),
             (12, 13, "w"), (13, 17, "l"), (17, 18, "w"), (18, 20, "n"), (20, 22, "vn")]
    assert bare_heads([consolidating, quoted], words, rules.generic_chunks, rules.object_heads) == [quoted]
    text = "政治交接主题教育"  # a verbal noun after a noun modifies it
    handover = Mention(0, 8, text, "EVENT", "rule:chunk")
    words = [(0, 2, "n"), (2, 4, "vn"), (4, 6, "n"), (6, 8, "vn")]
    assert bare_heads([handover], words, rules.generic_chunks, rules.object_heads) == [handover]
    text = "去国际舞台拿大奖"  # an award a verb takes is no name
    prize = Mention(0, 8, text, "AWARD", "rule:chunk")
    words = [(0, 1, "v"), (1, 3, "n"), (3, 5, "n"), (5, 6, "v"), (6, 8, "n")]
    assert bare_heads([prize], words, rules.generic_chunks, rules.object_heads) == []


def test_a_verb_and_its_resultative_complement_govern_an_event_name(rules):
    text = "开好十四届全国人大四次会议，参加完脱贫攻坚总结表彰大会"
    session = Mention(0, 13, text[0:13], "EVENT", "rule:chunk", 0.9)
    ceremony = Mention(16, 27, text[16:27], "EVENT", "rule:chunk", 0.9)
    words = [(0, 1, "v"), (1, 2, "a"), (2, 4, "m"), (4, 5, "q"), (5, 7, "n"), (7, 9, "j"), (9, 10, "m"),
             (10, 11, "q"), (11, 13, "n"), (13, 14, "w"), (14, 16, "v"), (16, 17, "v"), (17, 19, "vn"),
             (19, 21, "vn"), (21, 23, "vn"), (23, 25, "vn"), (25, 27, "n")]
    trimmed = trim_governing_predicates([session, ceremony], rules, text, words)
    assert [m.text for m in trimmed] == ["十四届全国人大四次会议", "脱贫攻坚总结表彰大会"]
    assert [m.text for m in trim_governing_predicates([ceremony], rules, text)] == ["完脱贫攻坚总结表彰大会"]


def test_a_chunk_begins_the_listed_event_that_ends_it_after_a_word_no_name_s_modifier(rules):
    from pipeline.analysis.boundaries import trim_governing_predicates

    def trimmed(text, words, known):
        start = text.index(known)
        chunk = Mention(0, start + len(known), text[:start + len(known)], "EVENT", "rule:chunk", 0.8)
        listed = Mention(start, start + len(known), known, "EVENT", "rule:lexicon", 0.9)
        return [m.text for m in trim_governing_predicates([chunk, listed], rules, text, words)][0]

    assert trimmed("祝北京冬奥会成功", [(0, 1, "v"), (1, 3, "ns"), (3, 6, "n")], "北京冬奥会") == "北京冬奥会"
    assert trimmed("疫情给冬奥会", [(0, 2, "n"), (2, 3, "p"), (3, 6, "n")], "冬奥会") == "冬奥会"
    assert trimmed("北京2022年冬奥会", [(0, 2, "ns"), (2, 7, "t"), (7, 10, "n")], "冬奥会") == "北京2022年冬奥会"
    assert trimmed("十五运会和残特奥会", [(0, 4, "j"), (4, 5, "c"), (5, 6, "a"), (6, 9, "j")], "特奥会") == "十五运会和残特奥会"
    assert trimmed("“跟党走、奋进新时代”政治交接主题教育", [(0, 1, "w"), (1, 2, "p"), (2, 3, "n"), (3, 4, "v"), (4, 5, "w"),
                                            (5, 7, "v"), (7, 10, "n"), (10, 11, "w"), (11, 13, "n"), (13, 15, "vn"),
                                            (15, 19, "n")], "主题教育") == "“跟党走、奋进新时代”政治交接主题教育"


def test_a_chunk_begins_the_end_it_shares_with_another_event_s_name_after_a_verb(rules):
    from pipeline.analysis.boundaries import trim_governing_predicates

    def trimmed(text, chunk_text, other, words):
        start = text.rindex(chunk_text)
        chunk = Mention(start, start + len(chunk_text), chunk_text, "EVENT", "rule:chunk", 0.8)
        named = Mention(0, len(other), other, "EVENT", "rule:chunk", 0.9)
        return [m.text for m in trim_governing_predicates([named, chunk], rules, text, words)][1]

    text = "国际合作高峰论坛。祝愿高峰论坛成功"
    words = [(0, 2, "n"), (2, 4, "vn"), (4, 6, "n"), (6, 8, "n"), (8, 9, "w"), (9, 11, "v"), (11, 13, "n"), (13, 15, "n")]
    assert trimmed(text, "祝愿高峰论坛", "国际合作高峰论坛", words) == "高峰论坛"
    # a kind of event is no short form of a name; nor is a name the other ends with all of
    text = "全国科技大会。祝愿大会成功"
    assert trimmed(text, "祝愿大会", "全国科技大会", [(0, 2, "n"), (2, 4, "n"), (4, 6, "n"), (6, 7, "w"), (7, 9, "v"),
                                                (9, 11, "n")]) == "祝愿大会"
    text = "学习贯彻科技会议精神专题会议。学习贯彻科技会议精神专题会议"  # the same name elsewhere
    words = [(0, 4, "v"), (4, 6, "n"), (6, 8, "n"), (8, 10, "n"), (10, 12, "n"), (12, 14, "n"), (14, 15, "w")]
    words += [(s + 15, e + 15, pos) for s, e, pos in words[:-1]]
    assert trimmed(text, "学习贯彻科技会议精神专题会议", "学习贯彻科技会议精神专题会议", words) == "学习贯彻科技会议精神专题会议"
    # the end shared inside the chunk's own kind is none (`…集中|行动`: the kind is 集中行动)
    text = "冬季行动。扫黄打非集中行动"
    words = [(0, 2, "t"), (2, 4, "vn"), (4, 5, "w"), (5, 9, "j"), (9, 11, "v"), (11, 13, "vn")]
    assert trimmed(text, "扫黄打非集中行动", "冬季行动", words) == "扫黄打非集中行动"


def test_two_short_forms_read_as_one_name_are_the_two_places():
    from pipeline.analysis.place_words import short_form_pairs

    text = "俄德关系，法德两国，西宁市"
    short_forms = {"俄": ("俄罗斯",), "德": ("德国",), "法": ("法国",), "西": ("西班牙",), "宁": ("宁夏",)}
    pair, organisation = Mention(0, 2, text[0:2], "LOCATION", "model", 0.9), Mention(5, 7, text[5:7], "ORG", "model", 0.9)
    city = Mention(10, 12, text[10:12], "LOCATION", "model", 0.9)
    words = [(0, 1, "j"), (1, 2, "j"), (2, 4, "n"), (4, 5, "w"), (5, 6, "j"), (6, 7, "ns"), (7, 8, "m"), (8, 9, "q"),
             (9, 10, "w"), (10, 13, "ns")]
    found = short_form_pairs([pair, organisation, city], words, short_forms)
    assert [(m.text, m.type) for m in found] == [("俄", "LOCATION"), ("德", "LOCATION"), ("法", "LOCATION"),
                                                 ("德", "LOCATION"), ("西宁", "LOCATION")]
    assert short_form_pairs([pair], None, short_forms) == [pair]


def test_two_short_forms_that_name_a_city_too_are_the_two_places_the_text_writes_in_full():
    from pipeline.analysis.place_words import short_form_pairs

    short_forms = {"巴": ("巴基斯坦", "巴西"), "中": ("中国",)}
    words = [(0, 4, "ns"), (4, 5, "w"), (5, 7, "ns"), (7, 9, "n"), (9, 11, "n")]
    text = "巴基斯坦，巴中铁杆情谊，中国"
    lexicon = Mention(5, 7, "巴中", "LOCATION", "rule:lexicon", 0.9)
    assert [m.text for m in short_form_pairs([lexicon], words, short_forms, text)] == ["巴", "中"]
    city = "巴基斯坦，巴中铁杆情谊，中国的巴中市"  # the city written with its term: the city
    assert short_form_pairs([lexicon], words, short_forms, city) == [lexicon]
    assert short_form_pairs([lexicon], words, short_forms, "巴中铁杆情谊，中国") == [lexicon]
    province = Mention(0, 2, "辽宁", "LOCATION", "rule:lexicon", 0.9)  # 辽's full name is the name itself
    assert short_form_pairs([province], [(0, 2, "ns")], {"辽": ("辽宁",), "宁": ("宁夏",)}, "辽宁，宁夏") == [province]


def test_a_country_s_first_character_in_a_pair_is_its_short_form(rules):
    from pipeline.analysis.place_words import short_form_pairs

    text = "习近平会见吉尔吉斯斯坦总统。习近平指出，中吉关系处于历史最好时期，中国愿同吉方合作。"
    pair = Mention(text.index("中吉"), text.index("中吉") + 2, "中吉", "LOCATION", "model", 0.9)
    found = short_form_pairs([pair], [(0, 1, "w")], rules.place_full_forms, text)
    assert [m.text for m in found] == ["中", "吉"]
    assert "吉尔吉斯斯坦" in rules.place_full_forms["吉"] and "卢" not in rules.place_full_forms  # 卢: a surname (卢军)


def test_a_listed_place_begun_by_a_conjunction_of_its_own_is_no_place():
    from pipeline.analysis.place_words import unworded_places

    text = "县委书记和县长带队，和县县长"
    words = [(0, 2, "n"), (2, 4, "n"), (4, 5, "c"), (5, 7, "n"), (7, 9, "v"), (9, 10, "w"), (10, 12, "ns"), (12, 14, "n")]
    joined, county = (Mention(4, 6, "和县", "LOCATION", "rule:lexicon", 0.9),
                      Mention(10, 12, "和县", "LOCATION", "rule:lexicon", 0.9))
    assert unworded_places([joined, county], words, text, ("县长",), "县") == [county]


def test_the_slogans_that_list_landforms_and_the_carbon_goals_name_no_place_and_no_person(extract):
    facts = extract("他表示，绿水青山就是金山银山，要构建山水林田湖草沙生命共同体，如期实现碳达峰、碳中和。")
    assert not facts.names("LOCATION") and not facts.names("PERSON")


def test_an_organisation_begins_after_a_place_found_on_its_own_at_its_start():
    from pipeline.analysis.boundaries import without_leading_places

    text = "出席的还有在京中共中央政治局委员"
    start = text.index("京")
    place = Mention(start, start + 1, "京", "LOCATION", "rule:pattern", 0.9)
    org = Mention(start, start + 8, text[start:start + 8], "ORG", "model", 0.9)
    assert [m.text for m in without_leading_places([place, org])] == ["京", "中共中央政治局"]
    assert without_leading_places([org]) == [org]


def test_a_short_chunk_after_a_distributive_determiner_is_a_kind_not_a_name():
    from pipeline.analysis.boundaries import distributed_chunks

    text = "各团组会议现场，各民主党派中央脱贫攻坚工作座谈会"
    short = Mention(1, 5, "团组会议", "EVENT", "rule:chunk", 0.9)
    long_start = text.index("民主党派")
    long = Mention(long_start, len(text), text[long_start:], "EVENT", "rule:chunk", 0.9)
    words = [(0, 1, "r"), (1, 3, "n"), (3, 5, "n"), (5, 7, "s"), (7, 8, "w"), (8, 9, "r"), (9, 13, "n"),
             (13, 15, "n"), (15, 19, "l"), (19, 21, "vn"), (21, 24, "n")]
    assert distributed_chunks([short, long], words, text, "各每") == [long]
    model = Mention(1, 5, "团组会议", "EVENT", "model", 0.9)
    assert distributed_chunks([model], words, text, "各每") == [model]


def test_the_names_listed_before_what_closes_a_list_of_places_are_places(extract):
    facts = extract("俄军无人机袭击了扎波罗热、苏梅、哈尔科夫等地。乌方称，苏梅有两人受伤。")
    assert {"苏梅", "哈尔科夫"} <= facts.names("LOCATION")
    assert not facts.names("PERSON") & {"苏梅", "哈尔科夫"}
    facts = extract("习近平、李强和王沪宁等地方领导出席。")  # 等|地方: no list of places
    assert {"习近平", "李强", "王沪宁"} <= facts.names("PERSON")
    for text in ("俄军当天凌晨对哈尔科夫、赫尔松、苏梅等多地的能源设施发动打击。",
                 "俄罗斯国防部12日称，俄军在哈尔科夫、赫尔松等多个方向发动攻击。"):
        facts = extract(text)
        assert not facts.names("PERSON") & {"苏梅", "哈尔科夫", "赫尔松"}, facts.describe_entities()



def test_a_count_of_districts_closes_a_list_of_places_and_a_place_word_in_it_no_mention_covers_is_one(extract):
    facts = extract("香港特区临时区域市政局今天在大埔、天水围等７个地区举办嘉年华会。")
    assert {"大埔", "天水围"} <= facts.names("LOCATION")
    facts = extract("普京、拜登等多个国家领导人出席。")  # 等多个国家: a title opens there
    assert {"普京", "拜登"} <= facts.names("PERSON")


def test_a_person_s_name_that_also_names_a_division_of_the_document_is_the_place(extract):
    facts = extract("乌克兰哈尔科夫州遭到袭击。当地官员称，哈尔科夫有两人受伤。")
    assert "哈尔科夫" not in facts.names("PERSON")


def _sample_words(seed: int = 7, length: int = 400) -> list[tuple[int, int, str]]:
    """A word analysis of `length` characters: words of one to four characters in text order, a
    blank (no word) here and there."""
    import random

    rng, words, pos = random.Random(seed), [], 0
    while pos < length:
        size = rng.choice((1, 1, 2, 2, 2, 3, 4))
        if rng.random() > 0.1:
            words.append((pos, min(pos + size, length), rng.choice("nvdpcaburtqf")))
        pos += size
    return words


def test_the_word_analysis_indexes_equal_a_scan_of_its_words():
    from pipeline.analysis.wordindex import WordAnalysis

    words = _sample_words()
    analysis = WordAnalysis(words)
    assert analysis == words
    assert analysis.starting == {s: (e, pos) for s, e, pos in words}
    inside = {p: (s, e) for s, e, _ in words for p in range(s + 1, e)}
    end = max(e for _, e, _ in words)
    assert {p: analysis.crossing[p] for p in range(-1, end + 2) if p in analysis.crossing} == inside
    assert all(analysis.crossing.get(p) == inside.get(p) for p in range(-1, end + 2))
    assert analysis.long_word_starts == {e: s for s, e, _ in words if e - s >= 2}
    assert analysis.ending == {e: pos for _, e, pos in words}
    assert analysis.starts == sorted(s for s, _, _ in words)


def test_unworded_people_equals_a_scan_of_every_word():
    import random

    from pipeline.analysis.boundaries import unworded_people
    from pipeline.analysis.wordindex import PREDICATE_POS

    def scanned(mentions, words):  # every word against every mention; a name read as one word of 3+ kept
        return [m for m in mentions if not (m.type == "PERSON" and m.source == "rule:pattern" and not (
            m.end - m.start >= 3 and any(s == m.start and e == m.end for s, e, _ in words)) and any(
            (m.start <= s and e <= m.end and pos in PREDICATE_POS and (s > m.start or e - s > 1)) or s < m.start < e
            or (m.start < s and e <= m.end and pos in "ru") or (s == m.start and pos == "q")
            or (m.start <= s and e <= m.end and pos in "tf" and e - s > 1)
            or (s == m.start and pos == "c" and e - s == 1)
            or (s < m.end < e and (pos in PREDICATE_POS or pos in "run"))
            for s, e, pos in words if s < m.end and e > m.start))]

    rng, words = random.Random(3), _sample_words()
    starts = [rng.randrange(396) for _ in range(300)]
    mentions = [Mention(s, s + rng.randint(2, 4), "某某", "PERSON", "rule:pattern") for s in starts]
    assert unworded_people(mentions, words) == scanned(mentions, words)
    assert 0 < len(scanned(mentions, words)) < len(mentions)


def test_a_pattern_s_person_holds_no_time_word_locative_or_plural_and_ends_no_word():
    from pipeline.analysis.boundaries import unworded_people

    def person(text, start, end):
        return Mention(start, end, text[start:end], "PERSON", "rule:pattern")

    text = "职工们说，具体来说，春节前夕，冯瑛冰说"
    workers, concretely, eve, name = person(text, 0, 3), person(text, 5, 8), person(text, 10, 13), person(text, 16, 19)
    words = [(0, 2, "n"), (2, 3, "x"), (3, 4, "v"), (4, 5, "w"), (5, 7, "a"), (7, 9, "u"), (9, 10, "w"),
             (10, 12, "t"), (12, 14, "f"), (14, 15, "w"), (15, 16, "w"), (16, 19, "nr"), (19, 20, "v")]
    assert unworded_people([workers, concretely, name], words) == [name]
    eve = person(text, 11, 14)  # `节|前夕`: a locative of two characters inside
    assert unworded_people([eve], words) == []
    novel = "武侠小说畅销"
    assert unworded_people([person(novel, 0, 3)], [(0, 4, "n"), (4, 6, "v")]) == []


def test_a_verb_or_short_form_before_a_short_form_is_no_person():
    from pipeline.analysis.boundaries import unworded_people

    text = "西部陆海新通道，恽代英"
    land_sea, yun = Mention(2, 4, text[2:4], "PERSON", "model"), Mention(8, 11, text[8:11], "PERSON", "model")
    words = [(0, 2, "f"), (2, 3, "v"), (3, 4, "j"), (4, 7, "n"), (7, 8, "w"), (8, 9, "w"), (9, 10, "j"), (10, 11, "j")]
    assert unworded_people([land_sea, yun], words) == [yun]
    named = [(0, 2, "f"), (2, 3, "nr"), (3, 4, "j"), (4, 7, "n")]  # `陆/nr`: a surname
    assert unworded_people([land_sea], named) == [land_sea]


def test_a_recognised_person_that_begins_and_ends_inside_words_that_are_no_names_is_none():
    from pipeline.analysis.boundaries import unworded_people

    text = "县里根据要求，易卜拉欣·伊斯干达"
    reagan, cut = Mention(1, 3, text[1:3], "PERSON", "model"), Mention(9, 15, text[9:15], "PERSON", "model")
    words = [(0, 2, "n"), (2, 4, "p"), (4, 6, "n"), (6, 7, "w"), (7, 11, "nr"), (11, 12, "w"), (12, 16, "nr")]
    assert unworded_people([reagan, cut], words) == [cut]  # a name cut inside names is another rule's


def test_a_known_person_s_name_that_a_function_word_runs_into_is_no_person():
    from pipeline.analysis.boundaries import unworded_people

    text = "学会如何维护利益，副主席何维出席"
    inside, known = Mention(3, 5, text[3:5], "PERSON", "rule:lexicon"), Mention(12, 14, text[12:14], "PERSON", "rule:lexicon")
    words = [(0, 2, "v"), (2, 4, "r"), (4, 6, "v"), (6, 8, "n"), (8, 9, "w"), (9, 12, "n"), (12, 14, "nr"), (14, 16, "v")]
    assert unworded_people([inside, known], words) == [known]


def test_a_verb_that_takes_a_person_before_a_name_anchors_no_name(extract):
    assert "见溥杰" not in extract("是我请姑姑带我去见溥杰先生。").names("PERSON")


def test_a_recognised_name_that_runs_into_the_next_word_ends_with_its_name_word():
    from pipeline.analysis.boundaries import unworded_people

    text = "选手刘洋成功卫冕，胡塞武装"
    liu, houthi = Mention(2, 5, text[2:5], "PERSON", "model"), Mention(9, 12, text[9:12], "PERSON", "model")
    words = [(0, 2, "n"), (2, 4, "nr"), (4, 6, "a"), (6, 8, "v"), (8, 9, "w"), (9, 11, "nr"), (11, 13, "n")]
    assert [(m.start, m.end, m.text) for m in unworded_people([liu, houthi], words)] == [(2, 4, "刘洋")]


def test_a_name_read_as_one_word_elsewhere_keeps_its_characters():
    from pipeline.analysis.boundaries import unworded_people

    text = "总统特朗普一再表示。总统特朗普通过气。"
    first, second = Mention(2, 5, "特朗普", "PERSON", "model"), Mention(12, 15, "特朗普", "PERSON", "model")
    words = [(0, 2, "n"), (2, 5, "nr"), (5, 7, "d"), (7, 9, "v"), (9, 10, "w"),
             (10, 12, "n"), (12, 14, "nr"), (14, 17, "a"), (17, 18, "n"), (18, 19, "w")]
    assert [text[m.start:m.end] for m in unworded_people([first, second], words)] == ["特朗普", "特朗普"]
    assert [m.text for m in unworded_people([second], words)] == ["特朗"]


def test_a_name_the_analysis_reads_as_one_word_is_kept_whatever_its_part_of_speech():
    from pipeline.analysis.boundaries import unworded_people

    text = "；戚建国常委发言，打招呼"
    person = Mention(1, 4, "戚建国", "PERSON", "rule:pattern")
    short = Mention(9, 11, "招呼", "PERSON", "rule:pattern")
    words = [(0, 1, "w"), (1, 4, "v"), (4, 6, "n"), (6, 8, "vn"), (8, 9, "w"), (9, 10, "v"), (10, 12, "v")]
    assert [text[m.start:m.end] for m in unworded_people([person, short], words)] == ["戚建国"]


def test_a_place_begun_inside_a_place_word_that_ends_with_it_is_that_word():
    from pipeline.analysis.place_words import unworded_places

    text = "靠近边境的代尔祖尔省，中欧班列"
    cut, short = Mention(6, 10, "尔祖尔省", "LOCATION", "model"), Mention(12, 13, "欧", "LOCATION", "model")
    words = [(0, 2, "v"), (2, 4, "s"), (4, 5, "u"), (5, 10, "ns"), (10, 11, "w"), (11, 13, "ns"), (13, 15, "n")]
    got = unworded_places([cut, short], words, text)
    assert [(m.start, m.text) for m in got] == [(5, "代尔祖尔省"), (12, "欧")]


def test_the_word_check_by_bisection_equals_the_set_of_word_boundaries():
    from pipeline.analysis.segmentation import is_boundary

    words = _sample_words()
    bounds = {p for s, e, _ in words for p in (s, e)}
    assert [is_boundary(words, p) for p in range(-1, 402)] == [p in bounds for p in range(-1, 402)]
    assert not is_boundary([], 0)


def test_a_council_named_like_a_meeting_is_a_body_unless_a_session_of_it_is_named(extract):
    facts = extract("受委员长会议委托，沈春耀作了说明。")
    assert "委员长会议" in facts.names("ORG") and "委员长会议" not in facts.names("EVENT")
    facts = extract("栗战书主持召开十三届全国人大常委会第八十四次委员长会议。委员长会议听取了报告。")
    assert "十三届全国人大常委会第八十四次委员长会议" in facts.names("EVENT")
    assert "委员长会议" not in facts.names("ORG")
    facts = extract("早在南非过渡期开始之前，非洲人国民大会就同中国进行了合作。")  # a party named as an assembly
    assert "非洲人国民大会" in facts.names("ORG") and "非洲人国民大会" not in facts.names("EVENT")


def test_a_verb_and_its_preposition_or_an_event_named_on_its_own_bound_a_governed_event_name(rules):
    text = "场馆沿用自北京冬奥会，各方助力冬奥会"
    governed = Mention(2, 10, text[2:10], "EVENT", "rule:chunk", 0.9)
    helped = Mention(13, 18, text[13:18], "EVENT", "rule:chunk", 0.9)
    beijing = Mention(5, 7, "北京", "LOCATION", "rule:lexicon", 0.9)
    games = Mention(15, 18, "冬奥会", "EVENT", "rule:lexicon", 0.9)
    words = [(0, 2, "n"), (2, 4, "v"), (4, 5, "p"), (5, 7, "ns"), (7, 10, "j"), (10, 11, "w"), (11, 13, "r"),
             (13, 15, "v"), (15, 18, "j")]
    trimmed = trim_governing_predicates([governed, helped, beijing, games], rules, text, words)
    assert [m.text for m in trimmed if m.type == "EVENT"] == ["北京冬奥会", "冬奥会", "冬奥会"]
    assert [m.text for m in trim_governing_predicates([governed, helped], rules, text, words)] == [governed.text,
                                                                                                  helped.text]


def test_no_person_begins_with_a_one_character_abbreviation_before_more_words():
    from pipeline.analysis.boundaries import unworded_people

    words = [(0, 1, "j"), (1, 2, "j"), (2, 3, "m"), (3, 4, "n"), (4, 5, "c"), (5, 6, "j"), (6, 7, "j"), (7, 9, "n"),
             (9, 10, "w"), (10, 12, "nr"), (12, 14, "v")]
    found = [Mention(0, 2, "美英", "PERSON", "model"), Mention(5, 7, "巴以", "PERSON", "rule:pattern"),
             Mention(10, 12, "韩正", "PERSON", "model"), Mention(0, 1, "美", "LOCATION", "model")]
    assert [m.text for m in unworded_people(found, words)] == ["韩正", "美"]  # 美英两国和巴以双方，韩正出席


def test_a_congress_without_a_session_s_number_is_the_assembly():
    from pipeline.analysis.organs import councils_as_bodies

    assembly = Mention(0, 10, "古巴全国人民政权代表大会", "EVENT", "rule:chunk", 0.9)
    congress = Mention(12, 24, "中国共产党第二十次全国代表大会", "EVENT", "rule:chunk", 0.9)
    bare = Mention(30, 36, "党的全国代表大会", "EVENT", "rule:chunk", 0.9)
    councils = ("委员长会议", "主席会议", "代表大会")
    assert [m.type for m in councils_as_bodies([assembly], councils)] == ["ORG"]
    assert [m.type for m in councils_as_bodies([congress, bare], councils)] == ["EVENT", "EVENT"]


def test_the_un_general_assembly_is_the_organ_and_its_numbered_session_an_event(rules):
    from pipeline.analysis.organs import councils_as_bodies

    organ = Mention(0, 5, "联合国大会", "EVENT", "rule:chunk", 0.92)
    session = Mention(10, 19, "第75届联合国大会", "EVENT", "rule:chunk", 0.92)
    term = Mention(20, 34, "十三届全国人大常委会委员长会议", "EVENT", "rule:chunk", 0.92)
    assert [m.type for m in councils_as_bodies([organ], rules.councils)] == ["ORG"]
    assert [m.type for m in councils_as_bodies([session], rules.councils)] == ["EVENT"]
    assert [m.type for m in councils_as_bodies([term], rules.councils)] == ["ORG"]  # 届: the NPC's term, no session


def test_a_congress_of_delegates_held_once_is_an_event_and_a_people_s_congress_the_assembly(rules):
    from pipeline.analysis.organs import councils_as_bodies

    congresses = [Mention(0, 8, "总参军人代表大会", "EVENT", "rule:chunk", 0.92),
                  Mention(10, 19, "四川省人民代表大会", "EVENT", "rule:chunk", 0.92),
                  Mention(20, 29, "中国共产党全国代表大会", "EVENT", "rule:chunk", 0.92)]
    assert [m.type for m in councils_as_bodies(congresses, rules.councils)] == ["EVENT", "ORG", "ORG"]


def test_a_celebration_keeps_its_verb_unless_a_body_begins_after_it(rules):
    assert governed_start("庆祝2019年教师节暨表彰大会", rules, predicate_ends=[2]) == 0
    assert governed_start("召开2019年全国科技大会", rules) == 2
    assert governed_start("庆祝中国人民政治协商会议", rules, name_starts=[2], predicate_ends=[2]) == 2


def test_a_place_cut_by_a_word_keeps_what_the_word_analysis_allows():
    from pipeline.analysis.place_words import unworded_places

    text = "示范县，武汉市民，高铁浏阳河隧道"
    words = [(0, 3, "n"), (3, 4, "w"), (4, 6, "ns"), (6, 8, "n"), (8, 9, "w"), (9, 10, "a"), (10, 14, "ns"),
             (14, 16, "n")]
    county = Mention(1, 3, "范县", "LOCATION", "rule:lexicon")
    city = Mention(4, 7, "武汉市", "LOCATION", "model")
    river = Mention(11, 14, "浏阳河", "LOCATION", "model")
    kept = unworded_places([county, city, river], words, text, (), "县市河", frozenset({"武汉", "范县"}))
    assert [m.text for m in kept] == ["武汉", "浏阳河"]
    # a place found in the place word the listed name begins inside: the word analysis read it right
    text = "上海城区管理"
    words = [(0, 2, "ns"), (2, 4, "n"), (4, 6, "vn")]
    district, city = Mention(1, 4, "海城区", "LOCATION", "rule:lexicon"), Mention(0, 2, "上海", "LOCATION", "model")
    assert [m.text for m in unworded_places([city, district], words, text, (), "区")] == ["上海"]
    assert [m.text for m in unworded_places([district], words, text, (), "区")] == ["海城区"]
    # not a place found there that is a listed place and the generic term the name begins with (`汉中镇|巴县`)
    text = "陕西汉中镇巴县"
    words = [(0, 2, "ns"), (2, 5, "ns"), (5, 7, "ns")]
    county, town = Mention(4, 7, "镇巴县", "LOCATION", "rule:lexicon"), Mention(2, 5, "汉中镇", "LOCATION", "model")
    kept = unworded_places([town, county], words, text, (), "县镇", frozenset({"汉中"}))
    assert [m.text for m in kept] == ["汉中镇", "镇巴县"]


def test_a_campaign_s_batch_may_begin_a_governed_name(rules):
    assert governed_start("历史使命感做好第二批主题教育", rules, predicate_ends=[7]) == 7


def test_a_one_character_verb_the_event_mention_begins_with_governs_it(rules):
    text = "报中央政治局会议审议，深入学习六中全会精神"
    words = [(0, 1, "v"), (1, 3, "n"), (3, 6, "n"), (6, 8, "n"), (8, 10, "v"), (10, 11, "w"), (11, 13, "a"),
             (13, 15, "v"), (15, 19, "j"), (19, 21, "n")]
    report, plenum = Mention(0, 8, text[0:8], "EVENT", "rule:chunk"), Mention(11, 19, text[11:19], "EVENT", "rule:chunk")
    trimmed = trim_governing_predicates([report, plenum], rules, text, words)
    assert [m.text for m in trimmed] == ["中央政治局会议", "六中全会"]
    spoken = Mention(0, 8, text[0:8], "EVENT", "rule:chunk")
    assert trim_governing_predicates([spoken], rules, text, [(0, 3, "n"), *words[2:]])[0] == spoken  # no verb word
    text = "涉港国安立法意见座谈会"
    forum, hong_kong = Mention(0, 11, text, "EVENT", "rule:chunk"), Mention(1, 2, "港", "LOCATION", "model")
    words = [(0, 1, "v"), (1, 2, "j"), (2, 4, "n"), (4, 6, "vn"), (6, 8, "n"), (8, 11, "n")]
    assert trim_governing_predicates([forum, hong_kong], rules, text, words)[0] == forum  # a modifier, not a verb


def test_a_one_character_verb_inside_or_a_classifier_before_a_meeting_s_name_governs_it(rules):
    text = "在全国人大机关作党的十九届六中全会精神宣讲，这座2022年冬奥会场馆"
    talk = Mention(1, 17, text[1:17], "EVENT", "rule:chunk")
    games = Mention(text.index("座"), text.index("场馆"), "座2022年冬奥会", "EVENT", "rule:chunk")
    words = [(0, 1, "p"), (1, 3, "n"), (3, 5, "j"), (5, 7, "n"), (7, 8, "v"), (8, 9, "n"), (9, 10, "u"), (10, 12, "m"),
             (12, 13, "q"), (13, 17, "j"), (17, 19, "n"), (19, 21, "v"), (21, 22, "w"), (22, 23, "r"), (23, 24, "q"),
             (24, 29, "t"), (29, 32, "j"), (32, 34, "n")]
    trimmed = trim_governing_predicates([talk, games], rules, text, words)
    assert [m.text for m in trimmed] == ["党的十九届六中全会", "2022年冬奥会"]
    noun = [(s, e, "n" if s == 7 else pos) for s, e, pos in words]  # `作` read as no verb
    assert trim_governing_predicates([talk], rules, text, noun)[0] == talk


def test_a_name_pattern_finds_no_person_after_a_one_character_conjunction():
    from pipeline.analysis.boundaries import unworded_people

    text = "常委会委员及与会同志，于英杰同志"
    words = [(0, 3, "j"), (3, 5, "n"), (5, 6, "c"), (6, 8, "vn"), (8, 10, "n"), (10, 11, "w"), (11, 14, "nr"),
             (14, 16, "n")]
    found = [Mention(5, 8, "及与会", "PERSON", "rule:pattern"), Mention(11, 14, "于英杰", "PERSON", "rule:pattern")]
    assert [text[m.start:m.end] for m in unworded_people(found, words)] == ["于英杰"]


def test_a_name_pattern_finds_no_person_that_a_verb_runs_on_from():
    from pipeline.analysis.boundaries import unworded_people

    text = "中央办公厅主任蔡奇陪同考察"
    words = [(0, 2, "n"), (2, 5, "n"), (5, 7, "n"), (7, 9, "nr"), (9, 11, "v"), (11, 13, "v")]
    found = [Mention(7, 10, "蔡奇陪", "PERSON", "rule:pattern"), Mention(7, 9, "蔡奇", "PERSON", "rule:pattern")]
    assert [text[m.start:m.end] for m in unworded_people(found, words)] == ["蔡奇"]


def test_a_name_pattern_finds_no_person_inside_an_idiom():
    from pipeline.analysis.boundaries import unworded_people

    text = "鼓励科学家通力合作"
    words = [(0, 2, "v"), (2, 5, "n"), (5, 9, "i")]
    assert unworded_people([Mention(5, 8, text[5:8], "PERSON", "rule:pattern")], words) == []


def test_a_listed_place_read_as_an_adjective_coordinated_with_another_is_that_adjective():
    from pipeline.analysis.place_words import unworded_places

    text = "祝愿人民幸福安康，在安康考察，连接了中卫的机场"
    words = [(0, 2, "v"), (2, 4, "n"), (4, 6, "a"), (6, 8, "a"), (8, 9, "w"), (9, 10, "p"), (10, 12, "ns"),
             (12, 14, "v"), (14, 15, "w"), (15, 17, "v"), (17, 18, "u"), (18, 20, "a"), (20, 21, "u"), (21, 23, "n")]
    wish, city, other = (Mention(6, 8, "安康", "LOCATION", "rule:lexicon"), Mention(10, 12, "安康", "LOCATION", "rule:lexicon"),
                         Mention(18, 20, "中卫", "LOCATION", "rule:lexicon"))
    assert unworded_places([wish, city, other], words, text) == [city, other]


def test_a_generic_head_right_after_a_cardinal_count_names_nothing(rules):
    from pipeline.analysis.boundaries import bare_heads

    text = "中贝两国政府，只有一项一等奖，十九届三中全会，建部70年大会"

    def chunk(name, etype):
        start = text.index(name)
        return Mention(start, start + len(name), name, etype, "rule:chunk", 0.9)
    chunks = [chunk("中贝两国政府", "ORG"), chunk("只有一项一等奖", "AWARD"), chunk("十九届三中全会", "EVENT"),
              chunk("建部70年大会", "EVENT")]
    words = [(0, 1, "j"), (1, 2, "j"), (2, 3, "m"), (3, 4, "n"), (4, 6, "n"), (6, 7, "w"), (7, 8, "d"), (8, 9, "v"),
             (9, 10, "m"), (10, 11, "q"), (11, 14, "n"), (14, 15, "w"), (15, 17, "m"), (17, 18, "q"), (18, 19, "m"),
             (19, 20, "f"), (20, 22, "n"), (22, 23, "w"), (23, 25, "v"), (25, 27, "m"), (27, 28, "q"), (28, 30, "n")]
    assert [m.text for m in bare_heads(chunks, words, rules.generic_chunks)] == ["十九届三中全会", "建部70年大会"]
    text = "颁发的第一项大奖，第一次会议"  # an ordinal with a counting classifier counts; a session's number names
    chunks = [Mention(3, 8, "第一项大奖", "AWARD", "rule:chunk", 0.9), Mention(9, 14, "第一次会议", "EVENT", "rule:chunk", 0.9)]
    words = [(0, 2, "v"), (2, 3, "u"), (3, 5, "m"), (5, 6, "q"), (6, 8, "n"), (8, 9, "w"), (9, 11, "m"), (11, 12, "q"),
             (12, 14, "n")]
    assert [m.text for m in bare_heads(chunks, words, rules.generic_chunks)] == ["第一次会议"]
    text = "二十届历次全会"  # all the plenums of a term
    plenums = Mention(0, 7, text, "EVENT", "rule:chunk", 0.9)
    assert bare_heads([plenums], [(0, 2, "m"), (2, 3, "q"), (3, 5, "b"), (5, 7, "n")], rules.generic_chunks) == []


def test_a_generic_head_after_one_word_counting_the_places_before_it_names_nothing(rules):
    from pipeline.analysis.boundaries import bare_heads
    # 深圳和重庆两地政府，重庆地方政府
    both = Mention(3, 9, "重庆两地政府", "ORG", "rule:chunk", 0.9)
    local = Mention(10, 16, "重庆地方政府", "ORG", "rule:chunk", 0.9)
    words = [(0, 2, "ns"), (2, 3, "c"), (3, 5, "ns"), (5, 7, "n"), (7, 9, "n"), (9, 10, "w"), (10, 12, "ns"),
             (12, 14, "n"), (14, 16, "n")]
    assert bare_heads([both, local], words, rules.generic_chunks) == [local]


def test_a_person_the_recognizer_ends_inside_a_common_noun_is_none():
    from pipeline.analysis.boundaries import unworded_people

    text = "胡塞武装发言人表示，马克思主义，王毅外长"
    words = [(0, 2, "nr"), (2, 4, "n"), (4, 7, "n"), (7, 9, "v"), (9, 10, "w"), (10, 15, "n"), (15, 16, "w"),
             (16, 18, "nr"), (18, 20, "n")]
    found = [Mention(0, 3, "胡塞武", "PERSON", "model"), Mention(10, 13, "马克思", "PERSON", "model"),
             Mention(16, 18, "王毅", "PERSON", "model")]
    # a noun begun inside the name cuts it; one the name begins (`马克思|主义`) does not
    assert [m.text for m in unworded_people(found, words)] == ["马克思", "王毅"]
    assert [text[m.start:m.end] for m in found] == ["胡塞武", "马克思", "王毅"]


def test_a_one_character_verb_of_holding_governs_the_bare_kind_after_it(rules):
    text = "将在京办音乐会，中拉论坛开幕"
    words = [(0, 1, "d"), (1, 2, "p"), (2, 3, "j"), (3, 4, "v"), (4, 7, "n"), (7, 8, "w"), (8, 9, "j"), (9, 10, "v"),
             (10, 12, "n"), (12, 14, "v")]
    events = [Mention(2, 7, "京办音乐会", "EVENT", "rule:chunk"), Mention(8, 12, "中拉论坛", "EVENT", "rule:chunk")]
    assert [m.text for m in trim_governing_predicates(events, rules, text, words)] == ["音乐会", "中拉论坛"]


def test_a_one_character_verb_of_holding_governs_the_kind_and_the_noun_that_names_it(rules):
    text = "组织用人单位进厂开招聘洽谈会，国新办新闻发布会"
    words = [(0, 2, "v"), (2, 4, "vn"), (4, 6, "n"), (6, 7, "v"), (7, 8, "n"), (8, 9, "v"), (9, 11, "vn"), (11, 14, "n"),
             (14, 15, "w"), (15, 17, "a"), (17, 18, "v"), (18, 20, "n"), (20, 23, "n")]  # 国新|办 (wrong)
    fair = Mention(2, 14, text[2:14], "EVENT", "rule:chunk")
    briefing = Mention(15, 23, "国新办新闻发布会", "EVENT", "rule:chunk")
    office = Mention(15, 18, "国新办", "ORG", "rule:lexicon")
    trimmed = trim_governing_predicates([fair, office, briefing], rules, text, words)
    assert [m.text for m in trimmed] == ["招聘洽谈会", "国新办", "国新办新闻发布会"]  # the office's name ends in 办


def test_a_quoted_theme_is_no_predicate_of_the_event_it_names(rules):
    text = "主办的“洗雪百年国耻,喜迎香港回归”大型档案文物展览"
    words = [(0, 2, "v"), (2, 3, "u"), (3, 4, "w"), (4, 6, "v"), (6, 8, "n"), (8, 10, "n"), (10, 11, "w"), (11, 13, "v"),
             (13, 15, "ns"), (15, 17, "v"), (17, 18, "w"), (18, 20, "b"), (20, 22, "n"), (22, 24, "n"), (24, 26, "vn")]
    events = [Mention(3, 26, text[3:26], "EVENT", "rule:chunk"), Mention(13, 15, "香港", "LOCATION", "model")]
    assert trim_governing_predicates(events, rules, text, words)[0].text == text[3:26]


def test_a_policy_of_aid_names_the_work_meeting_and_governs_no_place_in_it(rules):
    from pipeline.analysis.boundaries import trim_governing_predicates

    text = "第十次全国对口支援新疆工作会议召开。"
    meeting = Mention(0, 15, text[:15], "EVENT", "rule:chunk")
    place = Mention(text.index("新疆"), text.index("新疆") + 2, "新疆", "LOCATION", "model")
    words = [(0, 2, "m"), (2, 3, "q"), (3, 5, "n"), (5, 7, "a"), (7, 9, "v"), (9, 11, "ns"), (11, 13, "vn"), (13, 15, "n"),
             (15, 17, "v"), (17, 18, "w")]
    assert [m.text for m in trim_governing_predicates([meeting, place], rules, text, words)][0] == text[:15]


def test_a_site_s_chunk_is_whole_words_of_names_and_nouns():
    from pipeline.analysis.place_words import unworded_places

    text = "上海漕河泾新兴技术开发区，灯笼点亮良渚古城遗址公园，建设县级新区"
    words = [(0, 2, "ns"), (2, 5, "ns"), (5, 7, "b"), (7, 9, "n"), (9, 12, "n"), (12, 13, "w"), (13, 15, "n"),
             (15, 17, "v"), (17, 19, "ns"), (19, 21, "n"), (21, 23, "n"), (23, 25, "n"), (25, 26, "w"), (26, 28, "v"),
             (28, 30, "b"), (30, 32, "n")]
    sites = [Mention(0, 12, text[0:12], "LOCATION", "rule:chunk"), Mention(13, 25, text[13:25], "LOCATION", "rule:chunk"),
             Mention(28, 32, text[28:32], "LOCATION", "rule:chunk")]
    # a verb inside, or a first word that is no name, unmakes a site's chunk
    assert [m.text for m in unworded_places(sites, words, text)] == ["上海漕河泾新兴技术开发区"]


def test_a_site_is_named_after_the_divisions_that_locate_it():
    from pipeline.analysis.place_words import unworded_places

    text = "习水县四渡赤水纪念馆，四川省平武县自然保护区"
    words = [(0, 3, "ns"), (3, 7, "nz"), (7, 10, "n"), (10, 11, "w"), (11, 14, "ns"), (14, 17, "ns"), (17, 19, "n"),
             (19, 22, "n")]
    sites = [Mention(0, 10, text[0:10], "LOCATION", "rule:chunk"), Mention(11, 22, text[11:22], "LOCATION", "rule:chunk")]
    # not where no name follows the division (`平武县|自然保护区`)
    assert [m.text for m in unworded_places(sites, words, text)] == ["四渡赤水纪念馆", "平武县自然保护区"]


def test_a_site_s_generic_term_is_whole_whatever_words_make_it():
    from pipeline.analysis.place_words import unworded_places

    text = "建设海南自由贸易港，北京老城重要历史片区"
    words = [(0, 2, "v"), (2, 4, "ns"), (4, 6, "a"), (6, 9, "n"), (9, 10, "w"), (10, 14, "ns"), (14, 16, "a"), (16, 18, "n"),
             (18, 20, "n")]
    sites = [Mention(2, 9, text[2:9], "LOCATION", "rule:chunk"), Mention(10, 20, text[10:20], "LOCATION", "rule:chunk")]
    assert unworded_places(sites, words, text) == []  # without the terms, `自由` is an adjective of the name
    kept = unworded_places(sites, words, text, site_terms=("自由贸易港", "片区"))
    assert [m.text for m in kept] == ["海南自由贸易港"]  # not `重要`, an adjective before the term


def test_a_zone_s_part_is_named_with_the_zone_s_whole_term_and_its_province_in_brackets(rules):
    from pipeline.analysis.place_words import unworded_places

    text = "考察了中国(福建)自由贸易试验区厦门片区，北京老城重要历史片区"
    words = [(0, 2, "v"), (2, 3, "u"), (3, 5, "ns"), (5, 6, "w"), (6, 8, "ns"), (8, 9, "w"), (9, 11, "a"), (11, 13, "vn"),
             (13, 16, "n"), (16, 18, "ns"), (18, 20, "n"), (20, 21, "w"), (21, 25, "ns"), (25, 27, "a"), (27, 29, "n"),
             (29, 31, "n")]
    sites = [Mention(3, 20, text[3:20], "LOCATION", "rule:chunk"), Mention(21, 31, text[21:31], "LOCATION", "rule:chunk")]
    assert "自由贸易试验区" in rules.suffixes("LOCATION")
    kept = unworded_places(sites, words, text, site_terms=rules.suffixes("LOCATION"))
    assert [m.text for m in kept] == ["中国(福建)自由贸易试验区厦门片区"]  # still not `重要`


def test_an_organisation_s_parliamentary_assembly_is_a_body_of_it(rules):
    from pipeline.analysis.organs import councils_as_bodies

    text = "欧洲委员会议会大会以克里米亚问题为由"
    assembly = Mention(0, 9, text[:9], "EVENT", "rule:chunk", 0.92)
    misread = Mention(0, 7, text[:7], "ORG", "model", 0.9)  # 欧洲委员会议会: the recognizer's span runs into 议会大会
    found = councils_as_bodies([misread, assembly], rules.councils)
    assert [(m.text, m.type) for m in found] == [("欧洲委员会", "ORG"), ("欧洲委员会议会大会", "ORG")]
    assert text[found[0].start:found[0].end] == "欧洲委员会"


def test_a_country_s_short_form_begun_with_is_no_part_of_its_place():
    from pipeline.analysis.place_words import short_form_pairs

    text = "俄库尔斯克火车站，在宾夕法尼亚州"
    short_forms = {"俄": ("俄罗斯",), "美": ("美国",)}
    station = Mention(0, 8, text[0:8], "LOCATION", "model", 0.9)
    state = Mention(10, 16, text[10:16], "LOCATION", "model", 0.9)
    words = [(0, 1, "j"), (1, 5, "ns"), (5, 8, "n"), (8, 9, "w"), (9, 10, "p"), (10, 11, "j"), (11, 16, "ns")]
    found = short_form_pairs([station, state], words, short_forms)
    # 宾 is no country's short form: a transliteration the word analysis cut
    assert [m.text for m in found] == ["库尔斯克火车站", "宾夕法尼亚州"]
