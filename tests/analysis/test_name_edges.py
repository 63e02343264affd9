"""pipeline.analysis.name_edges: where a name begins and ends against the word analysis, listed
names and its own brackets."""
import pytest

from pipeline.analysis.name_edges import (
    begun_with_known_names,
    completed_people,
    dash_joined_names,
    session_bodies,
    without_leading_function_words,
    without_trailing_predicates,
)
from pipeline.records import Mention


def test_a_recognizer_name_ends_before_a_function_word_or_a_verb_of_stationing():
    text = "西班牙中央政府驻当地代表，塔里木油田比去年，义乌西站开通"
    words = [(0, 3, "ns"), (3, 7, "n"), (7, 8, "v"), (8, 10, "s"), (10, 12, "n"), (12, 13, "w"), (13, 16, "ns"),
             (16, 18, "n"), (18, 19, "p"), (19, 21, "t"), (21, 22, "w"), (22, 25, "ns"), (25, 26, "v"), (26, 28, "v")]
    found = [Mention(0, 8, text[0:8], "ORG", "model"), Mention(13, 19, text[13:19], "LOCATION", "model"),
             Mention(22, 26, text[22:26], "LOCATION", "model"), Mention(13, 19, text[13:19], "LOCATION", "rule:lexicon")]
    assert [m.text for m in without_trailing_predicates(found, words, text)] == [
        "西班牙中央政府", "塔里木油田", "义乌西站", "塔里木油田比"]  # 站 may be a verb: kept; lists are as written


def test_a_recognizer_person_that_a_verb_runs_on_from_ends_before_it():
    text = "主任蔡奇陪同考察，丁辉清晰地记得"
    words = [(0, 2, "n"), (2, 4, "nr"), (4, 6, "v"), (6, 8, "v"), (8, 9, "w"), (9, 11, "nr"), (11, 13, "a"),
             (13, 14, "u"), (14, 16, "v")]
    found = [Mention(2, 5, "蔡奇陪", "PERSON", "model"), Mention(9, 12, "丁辉清", "PERSON", "model")]
    assert [m.text for m in without_trailing_predicates(found, words, text)] == ["蔡奇", "丁辉清"]


def test_a_name_begun_inside_a_listed_name_begins_where_that_name_begins():
    text = "粤港澳大湾区建设领导小组，美国防部长"
    region = Mention(0, 6, "粤港澳大湾区", "LOCATION", "rule:lexicon")
    group = Mention(2, 12, text[2:12], "ORG", "model")
    america, ministry = Mention(13, 15, "美国", "LOCATION", "rule:lexicon"), Mention(14, 17, "国防部", "ORG", "model")
    words = [(0, 1, "j"), (1, 2, "j"), (2, 3, "j"), (3, 6, "ns"), (6, 8, "vn"), (8, 10, "vn"), (10, 12, "n"),
             (12, 13, "w"), (13, 14, "j"), (14, 17, "nt"), (17, 18, "n")]
    moved = begun_with_known_names([region, group, america, ministry], text, words)
    assert [m.text for m in moved] == ["粤港澳大湾区", "粤港澳大湾区建设领导小组", "美国", "国防部"]
    assert begun_with_known_names([america, ministry], text)[1].text == "美国防部"  # without words to tell


def test_a_chunk_begins_after_the_function_word_it_begins_with_or_inside():
    text = "每当春节联欢晚会开始，同委员长会晤"
    words = [(0, 2, "p"), (2, 4, "t"), (4, 6, "vn"), (6, 8, "n"), (8, 10, "v"), (10, 11, "w"), (11, 12, "p"),
             (12, 15, "n"), (15, 17, "vn")]
    gala, meeting = Mention(1, 8, text[1:8], "EVENT", "rule:chunk"), Mention(11, 17, text[11:17], "EVENT", "rule:chunk")
    by_model = Mention(1, 8, text[1:8], "EVENT", "model")
    assert [m.text for m in without_leading_function_words([gala, meeting, by_model], words)] == [
        "春节联欢晚会", "委员长会晤", text[1:8]]


def test_a_chunk_the_recognizer_began_inside_a_word_begins_after_that_word():
    text = "注意热水器安全建设部要求开展检查"
    words = [(0, 2, "v"), (2, 5, "n"), (5, 7, "a"), (7, 10, "nt"), (10, 12, "v"), (12, 14, "v"), (14, 16, "vn")]
    glued = Mention(6, 10, text[6:10], "ORG", "rule:chunk", 0.8)  # 安|全建设部
    assert without_leading_function_words([glued], words) == [Mention(7, 10, "建设部", "ORG", "rule:chunk", 0.8)]
    text = "在南京市政府调研"  # begun inside a name word: no word class tells where the name begins
    city = Mention(2, 6, text[2:6], "ORG", "rule:chunk", 0.8)
    assert without_leading_function_words([city], [(0, 1, "p"), (1, 3, "ns"), (3, 4, "n"), (4, 6, "n"), (6, 8, "v")]) == [city]


@pytest.mark.parametrize("text, words, spans, expected", [
    # an adverb and the preposition it modifies (`必须|经|职工大会`)
    ("必须经职工大会讨论，最美家庭", [(0, 2, "d"), (2, 3, "p"), (3, 5, "n"), (5, 7, "n"), (7, 9, "v"), (9, 10, "w"),
                                    (10, 11, "d"), (11, 12, "a"), (12, 14, "n")],
     [(0, 7, "EVENT"), (10, 14, "AWARD")], ["职工大会", "最美家庭"]),
    # a postposition that ends a noun's place (`在掌声中|会议`), not one after a number (`2020中超联赛`)
    ("在掌声中会议开始，2020中超联赛", [(0, 1, "p"), (1, 3, "n"), (3, 4, "f"), (4, 6, "n"), (6, 8, "v"), (8, 9, "w"),
                                      (9, 13, "m"), (13, 14, "f"), (14, 17, "n")],
     [(1, 6, "EVENT"), (9, 17, "EVENT")], ["会议", "2020中超联赛"]),
    # nor one that begins a compound the analysis splits, a word of one character the name runs on after (中|线)
    ("后续工程中线引江补汉工程开工动员大会", [(0, 2, "n"), (2, 4, "n"), (4, 5, "f"), (5, 6, "v"), (6, 8, "v"), (8, 10, "vn"),
                                           (10, 12, "n"), (12, 14, "v"), (14, 16, "vn"), (16, 18, "n")],
     [(0, 18, "EVENT")], ["后续工程中线引江补汉工程开工动员大会"]),
])
def test_a_chunk_begins_after_what_ends_an_adverbial(text, words, spans, expected):
    chunks = [Mention(start, end, text[start:end], etype, "rule:chunk") for start, end, etype in spans]
    assert [m.text for m in without_leading_function_words(chunks, words)] == expected


def test_a_recognizer_name_begins_after_a_verb_that_governs_a_name():
    text = "民政部联合国务院扶贫办出台，联合国开发计划署"
    words = [(0, 3, "nt"), (3, 5, "v"), (5, 8, "nt"), (8, 11, "j"), (11, 13, "v"), (13, 14, "w"), (14, 17, "nt"),
             (17, 23, "nt")]
    office, undp = Mention(3, 11, text[3:11], "ORG", "model"), Mention(14, 23, text[14:23], "ORG", "model")
    chunk = Mention(3, 11, text[3:11], "ORG", "rule:chunk")
    assert [m.text for m in without_leading_function_words([office, undp, chunk], words)] == [
        "国务院扶贫办", "联合国开发计划署", text[3:11]]


def test_a_recognizer_name_begins_after_a_one_character_preposition_before_a_noun():
    text = "经专家委员会评审，经贸委批准"
    words = [(0, 1, "p"), (1, 3, "n"), (3, 6, "n"), (6, 8, "v"), (8, 9, "w"), (9, 10, "p"), (10, 12, "j"), (12, 14, "v")]
    committee, short = Mention(0, 6, text[:6], "ORG", "model"), Mention(9, 12, text[9:12], "ORG", "model")
    assert [m.text for m in without_leading_function_words([committee, short], words)] == ["专家委员会", "经贸委"]


def test_an_honour_begins_after_a_verb_before_its_year():
    text = "联合公布2020年全国教书育人楷模名单"
    words = [(0, 2, "v"), (2, 4, "v"), (4, 9, "t"), (9, 11, "n"), (11, 15, "l"), (15, 17, "n"), (17, 19, "n")]
    award = Mention(2, 17, text[2:17], "AWARD", "rule:chunk")
    event = Mention(2, 17, text[2:17], "EVENT", "rule:chunk")
    assert [m.text for m in without_leading_function_words([award, event], words)] == [
        "2020年全国教书育人楷模", text[2:17]]


def test_no_name_begins_with_a_determiner_of_a_term(rules):
    text = "新一届中央财经委员会，新一届国务院第一次全体会议，十四届全国政协，本届，出席了今晚音乐会，本年度唯一国家技术发明一等奖，" \
        "新一轮“疏解整治促提升”专项行动"
    found = [Mention(text.index(n), text.index(n) + len(n), n, label, source) for n, label, source in [
        ("新一届中央财经委员会", "ORG", "model"), ("新一届国务院第一次全体会议", "EVENT", "rule:chunk"),
        ("十四届全国政协", "ORG", "rule:lexicon"), ("本届", "EVENT", "model"), ("今晚音乐会", "EVENT", "rule:chunk"),
        ("本年度唯一国家技术发明一等奖", "AWARD", "rule:chunk"), ("新一轮“疏解整治促提升”专项行动", "EVENT", "rule:chunk")]]
    assert [m.text for m in without_leading_function_words(found, None, rules.term_determiners)] == [
        "中央财经委员会", "国务院第一次全体会议", "十四届全国政协", "本届", "音乐会", "国家技术发明一等奖", "“疏解整治促提升”专项行动"]  # nothing left of 本届: no name, dropped elsewhere


def test_what_an_aspect_particle_ends_inside_a_chunk_is_a_predicate():
    text = "这标志着长野冬奥会的序幕"
    words = [(0, 1, "r"), (1, 3, "v"), (3, 4, "u"), (4, 6, "ns"), (6, 9, "j"), (9, 10, "u"), (10, 12, "n")]
    games = Mention(1, 9, text[1:9], "EVENT", "rule:chunk")
    assert [m.text for m in without_leading_function_words([games], words)] == ["长野冬奥会"]


def test_a_pronoun_or_a_negation_inside_an_honour_ends_a_clause_a_conjunction_does_not():
    text = "争个什么奖，善小而不奖，诺贝尔生理学或医学奖"
    words = [(0, 1, "v"), (1, 2, "q"), (2, 4, "r"), (4, 5, "n"), (5, 6, "w"), (6, 7, "n"), (7, 8, "a"), (8, 9, "c"),
             (9, 10, "d"), (10, 11, "n"), (11, 12, "w"), (12, 15, "nr"), (15, 18, "n"), (18, 19, "c"), (19, 22, "n")]
    chunks = [Mention(0, 5, text[0:5], "AWARD", "rule:chunk"), Mention(6, 11, text[6:11], "AWARD", "rule:chunk"),
              Mention(12, 22, text[12:22], "AWARD", "rule:chunk")]
    assert [m.text for m in without_leading_function_words(chunks, words)] == ["奖", "奖", "诺贝尔生理学或医学奖"]


def test_what_a_demonstrative_ends_inside_a_chunk_is_an_adverbial_unless_it_is_quoted():
    text = "值此纪念马克思诞辰专题研讨会召开之际，“中国这十年”新闻发布会"
    words = [(0, 1, "v"), (1, 2, "r"), (2, 4, "v"), (4, 7, "nr"), (7, 9, "n"), (9, 11, "n"), (11, 14, "n"),
             (14, 16, "v"), (16, 18, "f"), (18, 19, "w"), (19, 20, "w"), (20, 22, "ns"), (22, 23, "r"), (23, 25, "m"),
             (25, 26, "w"), (26, 28, "n"), (28, 31, "n")]
    chunks = [Mention(0, 14, text[0:14], "EVENT", "rule:chunk"), Mention(19, 31, text[19:31], "EVENT", "rule:chunk")]
    assert [m.text for m in without_leading_function_words(chunks, words)] == [
        "纪念马克思诞辰专题研讨会", "“中国这十年”新闻发布会"]


def test_an_event_named_for_two_parties_joined_by_a_dash_begins_with_the_first():
    text = "出席第八次中国——中东欧国家领导人会晤，首届中国—中亚峰会，礼赞新中国——庆祝国庆文艺晚会，中国—上海合作组织合作"
    def at(surface, etype, n=0):
        start = -1
        for _ in range(n + 1):
            start = text.index(surface, start + 1)
        return Mention(start, start + len(surface), surface, etype, "test")
    mentions = [at("中国", "LOCATION"), at("中东欧", "LOCATION"), at("中东欧国家领导人会晤", "EVENT"),
                at("中国", "LOCATION", 1), at("中亚", "LOCATION"), at("中亚峰会", "EVENT"), at("中国", "LOCATION", 2),
                at("庆祝国庆文艺晚会", "EVENT"), at("中国", "LOCATION", 3), at("上海合作组织", "ORG")]
    got = [m.text for m in dash_joined_names(mentions, text) if m.type != "LOCATION"]
    assert got == ["第八次中国——中东欧国家领导人会晤", "首届中国—中亚峰会", "庆祝国庆文艺晚会", "上海合作组织"]
    text = "举办首届中国-阿拉伯国家峰会"  # the second party is a place of the word analysis only
    china, summit = Mention(4, 6, "中国", "LOCATION", "test"), Mention(7, 14, "阿拉伯国家峰会", "EVENT", "test")
    words = [(0, 2, "v"), (2, 3, "m"), (3, 4, "q"), (4, 6, "ns"), (6, 10, "ns"), (10, 12, "n"), (12, 14, "n")]
    assert [m.text for m in dash_joined_names([china, summit], text, words)][1] == "首届中国-阿拉伯国家峰会"
    assert dash_joined_names([china, summit], text, [*words[:4], (6, 10, "n"), *words[5:]])[1] == summit


def test_a_body_named_by_its_own_head_for_two_parties_joined_by_a_dash_begins_with_the_first():
    text = "建设中国—东盟技术转移中心，出席阿曼-中国友好协会活动，深化中国—上海合作组织合作"
    def at(surface, etype, source="model"):
        return Mention(text.index(surface), text.index(surface) + len(surface), surface, etype, source)
    mentions = [at("中国", "LOCATION"), at("东盟", "ORG", "rule:lexicon"), at("东盟技术转移中心", "ORG", "rule:chunk"),
                at("阿曼", "LOCATION"), at("中国友好协会", "ORG"), Mention(19, 21, "中国", "LOCATION", "rule:lexicon"),
                Mention(30, 32, "中国", "LOCATION", "rule:lexicon"), at("上海", "LOCATION"), at("上海合作组织", "ORG")]
    got = [m.text for m in dash_joined_names(mentions, text, None, frozenset({"东盟", "上海合作组织"})) if m.type == "ORG"]
    assert got == ["东盟", "中国—东盟技术转移中心", "阿曼-中国友好协会", "上海合作组织"]  # a known body: their relation


def test_an_event_named_for_three_parties_begins_with_the_first():
    text = "出席东盟-中国-海合会峰会"
    asean, china, gulf = (Mention(2, 4, "东盟", "ORG", "test"), Mention(5, 7, "中国", "LOCATION", "test"),
                          Mention(8, 11, "海合会", "ORG", "test"))
    summit = Mention(8, 13, "海合会峰会", "EVENT", "test")
    assert dash_joined_names([asean, china, gulf, summit], text)[3].text == "东盟-中国-海合会峰会"
    assert dash_joined_names([china, gulf, summit], text)[2].text == "中国-海合会峰会"  # 东盟 not found: two


def test_a_person_s_name_cut_short_is_the_longer_name_found_where_the_text_goes_on_with_it():
    text = "同总统阿纳斯塔夏季斯通电话。阿纳斯塔夏季斯表示，库尔德武装，库尔德人，卡什代村的卡什说"
    words = [(0, 1, "p"), (1, 3, "n"), (3, 7, "nr"), (7, 11, "nz"), (11, 13, "n"), (13, 14, "w"), (14, 21, "nr"),
             (21, 23, "v"), (23, 24, "w"), (24, 27, "ns"), (27, 29, "n"), (29, 30, "w"), (30, 33, "ns"), (33, 34, "n"),
             (34, 35, "w"), (35, 39, "ns"), (39, 40, "u"), (40, 42, "nr"), (42, 43, "v")]

    def person(name, occurrence=0):
        start = text.index(name) if not occurrence else text.index(name, text.index(name) + 1)
        return Mention(start, start + len(name), name, "PERSON", "model")
    cut, whole = person("阿纳斯塔"), person("阿纳斯塔夏季斯", 1)
    kurd_cut, kurd = Mention(24, 28, "库尔德武", "PERSON", "model"), Mention(30, 33, "库尔德", "PERSON", "model")
    village, short = Mention(35, 39, "卡什代村", "PERSON", "model"), Mention(35, 37, "卡什", "PERSON", "model")
    done = completed_people([cut, whole, kurd_cut, kurd, village, short], text, words, "村")
    assert [m.text for m in done] == ["阿纳斯塔夏季斯", "阿纳斯塔夏季斯", "库尔德武", "库尔德", "卡什代村", "卡什"]
    assert text[done[0].start:done[0].end] == "阿纳斯塔夏季斯"


def test_the_body_whose_session_an_event_names_is_all_of_the_name_before_the_session():
    text = "全国人大常委会中小企业促进法执法检查组第一次全体会议，中央财经委员会第四次会议"
    event = Mention(0, 26, text[0:26], "EVENT", "rule:chunk", 0.9)
    npc, group = Mention(0, 7, "全国人大常委会", "ORG", "rule:lexicon"), Mention(12, 19, text[12:19], "ORG", "model")
    plain = Mention(27, 38, text[27:38], "EVENT", "rule:chunk", 0.9)
    committee = Mention(30, 34, text[30:34], "ORG", "model")  # no body found where the event begins: kept
    got = session_bodies([event, npc, group, plain, committee], text)
    assert [m.text for m in got] == [text[0:26], "全国人大常委会", "全国人大常委会中小企业促进法执法检查组", text[27:38], text[30:34]]


def test_a_body_found_beginning_inside_a_word_takes_the_name_its_session_gives():
    text = "中央全面依法治国委员会主任习近平主持召开中央全面依法治国委员会第三次会议"
    cut = Mention(5, 11, text[5:11], "ORG", "model")  # `依|法治国委员会`
    event = Mention(20, 36, text[20:36], "EVENT", "rule:chunk", 0.9)
    words = [(0, 2, "n"), (2, 4, "a"), (4, 6, "d"), (6, 8, "v"), (8, 11, "n"), (11, 13, "n"), (13, 16, "nr")]
    assert [m.text for m in session_bodies([cut, event], text, words)] == ["中央全面依法治国委员会", event.text]
    assert session_bodies([cut, event], text) == [cut, event]  # without a word analysis: as found
    whole = Mention(4, 11, text[4:11], "ORG", "model")  # begins at a word: kept
    assert session_bodies([whole, event], text, words) == [whole, event]


def test_a_body_s_name_never_ends_in_the_number_of_a_term():
    text = "全国政协十四届二次会议，十四届全国人大，全国政协十四"
    cut, termed, bare = (Mention(0, 6, "全国政协十四", "ORG", "model"), Mention(12, 19, "十四届全国人大", "ORG", "model"),
                         Mention(20, 26, "全国政协十四", "ORG", "model"))
    assert [m.text for m in session_bodies([cut, termed, bare], text)] == ["全国政协", "十四届全国人大", "全国政协十四"]
    with_term = Mention(0, 7, "全国政协十四届", "ORG", "model")
    assert [m.text for m in session_bodies([with_term], text)] == ["全国政协"]


def test_an_organisation_a_name_pattern_finds_begins_after_the_predicate_words_inside_it():
    text = "裁判问题对新华社记者，在武汉的总台记者"
    words = [(0, 2, "vn"), (2, 4, "n"), (4, 5, "p"), (5, 8, "nt"), (8, 10, "n"), (10, 11, "w"), (11, 12, "p"),
             (12, 14, "ns"), (14, 15, "u"), (15, 17, "n"), (17, 19, "n")]
    xinhua, cmg = Mention(0, 8, text[0:8], "ORG", "rule:pattern", 0.9), Mention(12, 17, text[12:17], "ORG", "rule:pattern", 0.9)
    by_model = Mention(0, 8, text[0:8], "ORG", "model")
    assert [m.text for m in without_leading_function_words([xinhua, cmg, by_model], words)] == ["新华社", "总台", text[0:8]]
    text = "推动长江经济带发展领导小组，另据俄新社"  # unless a verb of its task opens it
    words = [(0, 2, "v"), (2, 4, "ns"), (4, 7, "n"), (7, 9, "vn"), (9, 11, "vn"), (11, 13, "n"), (13, 14, "w"), (14, 15, "d"),
             (15, 16, "p"), (16, 19, "nt")]
    group, agency = Mention(0, 13, text[0:13], "ORG", "rule:pattern", 0.95), Mention(14, 19, text[14:19], "ORG", "rule:pattern")
    trimmed = without_leading_function_words([group, agency], words, task_verbs=frozenset({"推动"}))
    assert [m.text for m in trimmed] == ["推动长江经济带发展领导小组", "俄新社"]


def test_a_chunk_begins_after_a_long_preposition_or_a_count_unless_quoted():
    text = "县按照省委部署，荣获两项国家科技进步奖，“为了明天的希望”音乐会"
    words = [(0, 1, "n"), (1, 3, "p"), (3, 5, "n"), (5, 7, "v"), (7, 8, "w"), (8, 10, "v"), (10, 11, "m"),
             (11, 12, "q"), (12, 14, "n"), (14, 16, "n"), (16, 18, "vn"), (18, 19, "n"), (19, 20, "w"), (20, 21, "w"),
             (21, 23, "p"), (23, 25, "t"), (25, 26, "u"), (26, 28, "n"), (28, 29, "w"), (29, 32, "n")]
    chunks = [Mention(0, 5, text[0:5], "ORG", "rule:chunk"), Mention(10, 19, text[10:19], "AWARD", "rule:chunk"),
              Mention(20, 32, text[20:32], "EVENT", "rule:chunk")]
    assert [m.text for m in without_leading_function_words(chunks, words)] == [
        "省委", "国家科技进步奖", "“为了明天的希望”音乐会"]


def test_a_chunk_begins_after_the_one_of_a_determiner():
    text = "举行这一开馆仪式，一等奖"
    words = [(0, 2, "v"), (2, 3, "r"), (3, 4, "m"), (4, 6, "vn"), (6, 8, "n"), (8, 9, "w"), (9, 12, "n")]
    chunks = [Mention(3, 8, text[3:8], "EVENT", "rule:chunk"), Mention(9, 12, text[9:12], "AWARD", "rule:chunk")]
    assert [m.text for m in without_leading_function_words(chunks, words)] == ["开馆仪式", "一等奖"]


def test_a_chunk_begins_after_a_verb_and_the_count_of_its_object():
    text = "寄几张武术比赛，庆五一文艺晚会"
    words = [(0, 1, "v"), (1, 2, "m"), (2, 3, "q"), (3, 5, "n"), (5, 7, "vn"), (7, 8, "w"), (8, 9, "v"), (9, 11, "m"),
             (11, 13, "n"), (13, 15, "n")]
    chunks = [Mention(0, 7, text[0:7], "EVENT", "rule:chunk"), Mention(8, 15, text[8:15], "EVENT", "rule:chunk")]
    assert [m.text for m in without_leading_function_words(chunks, words)] == ["武术比赛", "庆五一文艺晚会"]


def test_a_chunk_begun_inside_a_pronoun_begins_after_it_where_it_begins_with_its_classifier():
    text = "担任每次大会全体会议的主席，该县供电局"
    words = [(0, 2, "v"), (2, 4, "r"), (4, 6, "n"), (6, 8, "n"), (8, 10, "n"), (10, 11, "u"), (11, 13, "n"),
             (13, 14, "w"), (14, 16, "r"), (16, 19, "n")]
    chunks = [Mention(3, 10, text[3:10], "EVENT", "rule:chunk"), Mention(15, 19, text[15:19], "ORG", "rule:chunk")]
    assert [m.text for m in without_leading_function_words(chunks, words)] == ["大会全体会议", "县供电局"]


def test_a_chunk_begun_inside_a_plural_pronoun_begins_after_it():
    text = "这些先进集体先进个人"
    words = [(0, 2, "r"), (2, 4, "a"), (4, 6, "n"), (6, 8, "a"), (8, 10, "n")]
    chunks = [Mention(1, 10, text[1:10], "AWARD", "rule:chunk")]
    assert [m.text for m in without_leading_function_words(chunks, words)] == ["先进集体先进个人"]


def test_a_chunk_begins_after_a_datelines_head():
    text = "一月二十日讯中共中央纪律检查委员会第二次全体会议"
    words = [(0, 2, "t"), (2, 5, "t"), (5, 6, "n"), (6, 10, "nt"), (10, 12, "n"), (12, 14, "vn"), (14, 17, "n"),
             (17, 19, "m"), (19, 20, "q"), (20, 22, "n"), (22, 24, "n")]
    chunks = [Mention(5, 24, text[5:24], "EVENT", "rule:chunk")]
    assert [m.text for m in without_leading_function_words(chunks, words)] == ["中共中央纪律检查委员会第二次全体会议"]


def test_a_committee_of_two_fields_joined_by_a_conjunction_is_named_by_both():
    from pipeline.analysis.name_edges import conjoined_fields

    text = "王广华为民族和宗教委员会副主任，教育部和宗教委员会主任，报告的情况和宗教委员会主任"
    words = [(0, 3, "nr"), (3, 4, "p"), (4, 6, "n"), (6, 7, "c"), (7, 9, "n"), (9, 12, "n"), (12, 13, "b"),
             (13, 15, "n"), (15, 16, "w"), (16, 19, "nt"), (19, 20, "c"), (20, 22, "n"), (22, 25, "n"), (25, 27, "n"),
             (27, 28, "w"), (28, 30, "n"), (30, 31, "u"), (31, 33, "n"), (33, 34, "c"), (34, 36, "n"), (36, 39, "n"),
             (39, 41, "n")]
    committees = [Mention(7, 12, "宗教委员会", "ORG", "model"), Mention(16, 19, "教育部", "ORG", "rule:lexicon"),
                  Mention(20, 25, "宗教委员会", "ORG", "model"), Mention(34, 39, "宗教委员会", "ORG", "model")]
    got = conjoined_fields(committees, words, text, ("主任", "副主任"))
    # a name's field does not join, nor a noun phrase's head (`…的情况|和`)
    assert [m.text for m in got] == ["民族和宗教委员会", "教育部", "宗教委员会", "宗教委员会"]
    assert text[4:12] == "民族和宗教委员会" and text[34:39] == "宗教委员会"
    assert conjoined_fields(committees, None, text, ("主任",)) == committees


def test_a_listed_committee_of_two_fields_is_named_by_both():
    from pipeline.analysis.name_edges import conjoined_fields

    text = "主任周伯华、文史和学习委员会主任王太华。民族和宗教委员会主任朱维群"
    words = [(0, 2, "n"), (2, 5, "nr"), (5, 6, "w"), (6, 8, "n"), (8, 9, "c"), (9, 11, "vn"), (11, 14, "n"),
             (14, 16, "n"), (16, 19, "nr"), (19, 20, "w"), (20, 22, "n"), (22, 23, "c"), (23, 25, "n"), (25, 28, "n"),
             (28, 30, "n"), (30, 33, "nr")]
    committees = [Mention(9, 14, "学习委员会", "ORG", "model"), Mention(23, 28, "宗教委员会", "ORG", "model")]
    assert [m.text for m in conjoined_fields(committees, words, text, ("主任",))] == ["文史和学习委员会", "民族和宗教委员会"]


def test_a_body_of_two_fields_after_a_place_is_named_from_the_place():
    from pipeline.analysis.name_edges import conjoined_fields

    text = "中国物流与采购联合会发布，美国政府和国会表示，朝阳区领导和区计生委支持，驻京部队和武警部队出席"
    words = [(0, 2, "ns"), (2, 4, "n"), (4, 5, "c"), (5, 7, "vn"), (7, 10, "n"), (10, 12, "v"), (12, 13, "w"),
             (13, 15, "ns"), (15, 17, "n"), (17, 18, "c"), (18, 20, "n"), (20, 22, "v"), (22, 23, "w"),
             (23, 26, "ns"), (26, 28, "n"), (28, 29, "c"), (29, 30, "n"), (30, 33, "j"), (33, 35, "v"), (35, 36, "w"),
             (36, 37, "v"), (37, 38, "j"), (38, 40, "n"), (40, 41, "c"), (41, 45, "n"), (45, 47, "v")]
    found = [Mention(0, 2, "中国", "LOCATION", "rule:lexicon"), Mention(5, 10, "采购联合会", "ORG", "model"),
             Mention(13, 15, "美国", "LOCATION", "rule:lexicon"), Mention(18, 20, "国会", "ORG", "model"),
             Mention(23, 26, "朝阳区", "LOCATION", "model"), Mention(29, 33, "区计生委", "ORG", "rule:chunk"),
             Mention(37, 38, "京", "LOCATION", "model"), Mention(41, 45, "武警部队", "ORG", "model")]
    got = conjoined_fields(found, words, text, (), ("联合会", "政府", "部队"))
    # not where the first field names a body, the second begins with a level, or the place is a character
    assert [m.text for m in got if m.type == "ORG"] == ["中国物流与采购联合会", "国会", "区计生委", "武警部队"]


def test_a_numeral_between_a_person_s_name_and_a_pause_ends_the_name():
    from pipeline.analysis.name_edges import completed_people

    text = "日本首相安倍晋三、德国总理默克尔。安倍晋三表示，王毅一行抵达。"
    found = [Mention(4, 7, "安倍晋", "PERSON", "model"), Mention(17, 20, "安倍晋", "PERSON", "model"),
             Mention(26, 28, "王毅", "PERSON", "model")]
    assert [m.text for m in completed_people(found, text)] == ["安倍晋三", "安倍晋三", "王毅"]  # `一行` is no name's


def test_a_numeral_between_a_person_s_name_and_a_verb_or_an_adverb_ends_the_name():
    from pipeline.analysis.name_edges import completed_people

    text = "安倍晋三主持会议。安倍晋三共同会见。王毅三次访问。王毅一人前往。"
    words = [(0, 3, "nr"), (3, 4, "m"), (4, 6, "v"), (6, 8, "n"), (8, 9, "w"), (9, 12, "nr"), (12, 13, "m"), (13, 15, "d"),
             (15, 17, "v"), (17, 18, "w"), (18, 20, "nr"), (20, 21, "m"), (21, 22, "q"), (22, 24, "vn"), (24, 25, "w"),
             (25, 27, "nr"), (27, 28, "m"), (28, 29, "n"), (29, 31, "v"), (31, 32, "w")]
    found = [Mention(s, e, text[s:e], "PERSON", "model") for s, e, pos in words if pos == "nr"]
    assert [m.text for m in completed_people(found, text, words)] == ["安倍晋三", "安倍晋三", "王毅", "王毅"]  # a count
    assert [m.text for m in completed_people(found, text)] == ["安倍晋", "安倍晋", "王毅", "王毅"]  # no word analysis


def test_a_name_begins_after_a_date_and_never_inside_a_time_word():
    text = "１１月初俄日首脑会晤、９月下旬俄法首脑会晤，去年底中央经济工作会议"
    words = [(0, 3, "t"), (3, 4, "f"), (4, 5, "j"), (5, 6, "j"), (6, 8, "n"), (8, 10, "vn"), (10, 11, "w"),
             (11, 13, "t"), (13, 15, "t"), (15, 16, "j"), (16, 17, "j"), (17, 19, "n"), (19, 21, "v"), (21, 22, "w"),
             (22, 25, "t"), (25, 27, "n"), (27, 29, "n"), (29, 31, "vn"), (31, 33, "n")]
    chunks = [Mention(3, 10, text[3:10], "EVENT", "rule:chunk"), Mention(13, 21, text[13:21], "EVENT", "rule:chunk"),
              Mention(24, 33, text[24:33], "EVENT", "rule:chunk"), Mention(22, 33, text[22:33], "EVENT", "rule:chunk")]
    assert [m.text for m in without_leading_function_words(chunks, words)] == [
        "俄日首脑会晤", "俄法首脑会晤", "中央经济工作会议", "去年底中央经济工作会议"]  # a name may begin with a time word
