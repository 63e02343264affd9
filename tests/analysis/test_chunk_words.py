"""pipeline.analysis.chunk_words: suffix-anchored chunks checked against the word analysis."""
from pipeline.analysis.chunk_words import hosted_start, unworded_chunks
from pipeline.records import Mention


def test_a_chunk_that_ends_inside_a_word_is_no_name():
    text = "国家领导人步入宴会厅出席宴会。"
    hall = Mention(0, 9, text[0:9], "EVENT", "rule:chunk", 0.9)  # 国家领导人步入宴会|厅
    banquet = Mention(12, 14, text[12:14], "EVENT", "rule:chunk", 0.9)
    by_model = Mention(7, 9, text[7:9], "EVENT", "model", 0.9)
    words = [(0, 2, "n"), (2, 5, "n"), (5, 7, "v"), (7, 10, "n"), (10, 12, "v"), (12, 14, "n"), (14, 15, "w")]
    assert unworded_chunks([hall, banquet, by_model], words) == [banquet, by_model]
    assert unworded_chunks([hall], None) == [hall]
    text = "新中国第一部宪法"
    first = Mention(0, 6, text[0:6], "ORG", "rule:chunk", 0.8)
    assert unworded_chunks([first], [(0, 1, "a"), (1, 3, "ns"), (3, 5, "m"), (5, 6, "q"), (6, 8, "n")]) == []
    text = "韩国统一部表示"  # a body's head the analysis reads as a classifier after no numeral: a name
    ministry = Mention(0, 5, text[0:5], "ORG", "rule:chunk", 0.8)
    assert unworded_chunks([ministry], [(0, 2, "ns"), (2, 4, "vn"), (4, 5, "q"), (5, 7, "v")]) == [ministry]


def test_a_chunk_whose_last_character_the_analysis_joins_to_a_postposition_of_time_is_a_name():
    text = "我在中非合作论坛北京峰会上宣布"
    summit = Mention(2, 12, text[2:12], "EVENT", "rule:chunk", 0.9)
    words = [(0, 1, "r"), (1, 2, "p"), (2, 3, "j"), (3, 4, "j"), (4, 6, "vn"), (6, 8, "n"), (8, 11, "ns"), (11, 13, "t"),
             (13, 15, "v")]
    assert unworded_chunks([summit], words) == [summit]
    hall = [(2, 3, "j"), (3, 4, "j"), (4, 6, "vn"), (6, 8, "n"), (8, 11, "ns"), (11, 13, "n")]  # a noun: 峰|会上 no time
    assert unworded_chunks([summit], hall) == []


def test_a_chunk_that_holds_an_adverb_before_a_verb_past_its_start_is_a_clause():
    text = "大同市政府坚持依法办，进一步推动长江经济带发展座谈会"
    clause = Mention(0, 10, text[0:10], "ORG", "rule:chunk", 0.7)
    forum = Mention(11, 26, text[11:26], "EVENT", "rule:chunk", 0.7)
    words = [(0, 5, "n"), (5, 7, "v"), (7, 9, "d"), (9, 10, "v"), (10, 11, "w"), (11, 14, "d"), (14, 16, "v"),
             (16, 18, "ns"), (18, 21, "n"), (21, 23, "vn"), (23, 26, "n")]
    assert unworded_chunks([clause, forum], words) == [forum]
    assert unworded_chunks([clause], [*words[:2], (7, 9, "n"), *words[3:]]) == [clause]
    text = "三国首脑定期会晤，2021中非创新合作大会"
    talks, forum = Mention(0, 8, text[0:8], "EVENT", "rule:chunk"), Mention(9, 21, text[9:21], "EVENT", "rule:chunk")
    words = [(0, 2, "n"), (2, 4, "n"), (4, 6, "d"), (6, 8, "v"), (8, 9, "w"), (9, 13, "m"), (13, 14, "f"),
             (14, 15, "d"), (15, 17, "v"), (17, 19, "vn"), (19, 21, "n")]
    assert unworded_chunks([talks, forum], words) == [talks, forum]  # a verb that names it; `非`, one character


def test_an_adverb_and_verb_before_a_body_s_head_word_are_its_purpose():
    text = "中央全面依法治国委员会第三次会议，市政府依法办"
    session = Mention(0, 16, text[0:16], "EVENT", "rule:chunk", 0.7)
    body = Mention(0, 11, text[0:11], "ORG", "rule:chunk", 0.7)
    clause = Mention(17, 23, text[17:23], "ORG", "rule:chunk", 0.7)  # no head word after the verb
    words = [(0, 2, "n"), (2, 4, "a"), (4, 6, "d"), (6, 8, "v"), (8, 11, "n"), (11, 13, "m"), (13, 14, "q"),
             (14, 16, "n"), (16, 17, "w"), (17, 20, "n"), (20, 22, "d"), (22, 23, "v")]
    heads = {"ORG": ("委员会", "办")}
    assert unworded_chunks([session, body, clause], words, heads) == [session, body]
    assert unworded_chunks([session, body], words) == []


def test_an_adverb_and_verb_before_the_head_that_ends_a_meeting_s_name_are_its_topic():
    text = "中央全面依法治国工作会议"
    meeting = Mention(0, 12, text, "EVENT", "rule:chunk", 0.9)
    words = [(0, 2, "n"), (2, 4, "a"), (4, 6, "d"), (6, 8, "v"), (8, 10, "vn"), (10, 12, "n")]
    assert unworded_chunks([meeting], words, {"EVENT": ("工作会议", "会议")}) == [meeting]
    assert unworded_chunks([meeting], words, {"EVENT": ("会议",)}) == []  # `工作|会议`: a verb's object, a clause

def test_a_chunk_whose_suffix_ends_a_verb_ends_before_that_verb():
    text = "中共中央对外联络部建部70周年，开展援建部分"
    words = [(0, 4, "nt"), (4, 6, "v"), (6, 9, "n"), (9, 11, "v"), (11, 13, "m"), (13, 15, "q"), (15, 16, "w"),
             (16, 18, "v"), (18, 20, "v"), (20, 22, "n")]
    ministry = Mention(0, 11, text[0:11], "ORG", "rule:chunk", 0.8)
    aid = Mention(16, 20, text[16:20], "ORG", "rule:chunk", 0.8)
    kept = unworded_chunks([ministry, aid], words, {"ORG": ("部",)})
    assert [m.text for m in kept] == ["中共中央对外联络部", "开展援建"]  # no suffix ends 开展援: as it was


def test_games_named_by_their_host_begin_at_the_host_or_the_year_before_it():
    heads = ("冬奥会", "奥运会")
    words = [(0, 2, "n"), (2, 4, "ns"), (4, 7, "j")]
    assert hosted_start("距离北京冬奥会", 0, 4, heads, {(s, e): p for s, e, p in words}) == 2
    text = "1992年法国阿尔贝维尔冬奥会"
    words = [(0, 5, "t"), (5, 7, "ns"), (7, 12, "ns"), (12, 15, "j")]
    assert hosted_start(text, 0, 12, heads, {(s, e): p for s, e, p in words}) == 0  # the year before both places
    assert hosted_start(text, 5, 12, heads, {(s, e): p for s, e, p in words}) == 5
    text = "项目直通2024巴黎奥运会"
    words = [(0, 2, "n"), (2, 4, "v"), (4, 8, "m"), (8, 10, "ns"), (10, 13, "j")]
    assert hosted_start(text, 0, 10, heads, {(s, e): p for s, e, p in words}) == 4
    text = "第十届全运会"  # no host named
    assert hosted_start(text, 0, 3, ("全运会",), {(0, 3): "m", (3, 6): "j"}) == 0
    assert hosted_start("距离北京研讨会", 0, 4, heads, {(2, 4): "ns"}) == 0  # no games

