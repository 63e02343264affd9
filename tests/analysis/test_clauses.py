"""pipeline.analysis.clauses: organisation and event names that run across a clause."""
from pipeline.analysis.clauses import verbal_meetings, without_clause_subjects
from pipeline.records import Mention


def test_an_organisation_or_event_run_across_a_clause_begins_after_its_predicate():
    def mention(text, name, etype):
        start = text.index(name)
        return Mention(start, start + len(name), name, etype, "rule:chunk", 0.9)
    text = "国务院委托国家计委召开会议。交通部长伯塞斯库公开批评政府。党历来重视党史学习教育。"
    words = [(0, 3, "nt"), (3, 5, "v"), (5, 7, "n"), (7, 9, "j"), (9, 11, "v"), (11, 13, "n"), (13, 14, "w"),
             (14, 18, "n"), (18, 22, "nr"), (22, 24, "a"), (24, 26, "v"), (26, 28, "n"), (28, 29, "w"),
             (29, 30, "n"), (30, 32, "d"), (32, 34, "v"), (34, 36, "n"), (36, 38, "v"), (38, 40, "vn"), (40, 41, "w")]
    found = [mention(text, "国务院委托国家计委", "ORG"), mention(text, "交通部长伯塞斯库公开批评政府", "ORG"),
             mention(text, "党历来重视党史学习教育", "EVENT")]
    commission = Mention(5, 9, "国家计委", "ORG", "model", 0.9)
    assert [m.text for m in without_clause_subjects(found + [commission], words)] == ["国家计委", "党史学习教育",
                                                                                     "国家计委"]
    assert [m.text for m in without_clause_subjects(found, words)] == [found[0].text, "党史学习教育"]  # no name after
    assert without_clause_subjects(found, None) == found

    text = "国务院扶贫开发领导小组和党史学习教育，中央全面深化改革委员会，会议研究部署第二批主题教育。"
    words = [(0, 3, "nt"), (3, 5, "vn"), (5, 7, "vn"), (7, 9, "vn"), (9, 11, "n"), (11, 12, "c"), (12, 14, "n"),
             (14, 16, "v"), (16, 18, "vn"), (18, 19, "w"), (19, 21, "n"), (21, 23, "a"), (23, 25, "v"), (25, 27, "vn"),
             (27, 30, "n"), (30, 31, "w"), (31, 33, "n"), (33, 35, "v"), (35, 37, "v"), (37, 39, "m"), (39, 40, "q"),
             (40, 42, "n"), (42, 44, "vn"), (44, 45, "w")]
    own = [mention(text, "国务院扶贫开发领导小组", "ORG"), mention(text, "党史学习教育", "EVENT"),
           mention(text, "中央全面深化改革委员会", "ORG")]
    assert without_clause_subjects(own, words) == own  # verbal nouns, no adverbial, an adjective alone
    headed = [mention(text, "会议研究部署第二批主题教育", "EVENT")]
    assert [m.text for m in without_clause_subjects(headed, words, frozenset({"会议"}))] == ["第二批主题教育"]
    assert without_clause_subjects(headed, words) == headed


def test_a_verb_before_a_body_s_head_word_is_the_body_s_purpose_not_a_predicate():
    text = "中央全面依法治国委员会第三次会议"
    words = [(0, 2, "n"), (2, 4, "a"), (4, 6, "d"), (6, 8, "v"), (8, 11, "n"), (11, 13, "m"), (13, 14, "q"), (14, 16, "n")]
    session = [Mention(0, 16, text, "EVENT", "rule:chunk", 0.9)]
    assert [m.text for m in without_clause_subjects(session, words)] == ["委员会第三次会议"]
    assert without_clause_subjects(session, words, body_heads=frozenset({"委员会"})) == session


def test_a_verb_before_the_head_that_ends_a_meeting_s_name_is_its_topic_not_a_predicate():
    text = "中央全面依法治国工作会议"
    words = [(0, 2, "n"), (2, 4, "a"), (4, 6, "d"), (6, 8, "v"), (8, 10, "vn"), (10, 12, "n")]
    meeting = [Mention(0, 12, text, "EVENT", "rule:chunk", 0.9)]
    assert [m.text for m in without_clause_subjects(meeting, words)] == ["工作会议"]
    assert without_clause_subjects(meeting, words, body_heads=frozenset({"工作会议"})) == meeting

def test_a_body_or_title_found_before_a_verb_and_a_name_is_a_clause_s_subject():
    text = "国家技术监督局委托广东省技术监督局，财政部部长兼国家税务总局，北京协和医院援鄂医疗队"

    def mention(name, source="rule:chunk"):
        start = text.index(name)
        return Mention(start, start + len(name), name, "ORG", source, 0.9)
    words = [(0, 2, "n"), (2, 4, "n"), (4, 6, "vn"), (6, 7, "n"), (7, 9, "v"), (9, 12, "ns"), (12, 14, "n"),
             (14, 16, "vn"), (16, 17, "n"), (17, 18, "w"), (18, 21, "nt"), (21, 23, "n"), (23, 24, "v"), (24, 26, "n"),
             (26, 28, "n"), (28, 30, "n"), (30, 31, "w"), (31, 33, "ns"), (33, 35, "nz"), (35, 37, "n"), (37, 38, "v"),
             (38, 39, "j"), (39, 42, "n")]
    chunks = [mention("国家技术监督局委托广东省技术监督局"), mention("财政部部长兼国家税务总局"),
              mention("北京协和医院援鄂医疗队")]
    found = [mention("国家技术监督局", "model"), mention("北京协和医院", "model"), mention("国家税务总局", "model")]
    kept = without_clause_subjects(chunks + found, words, titles=frozenset({"部长"}))
    assert [m.text for m in kept] == ["广东省技术监督局", "国家税务总局", "北京协和医院援鄂医疗队", "国家技术监督局",
                                      "北京协和医院", "国家税务总局"]
    assert without_clause_subjects(chunks[:1], words) == chunks[:1]  # no subject found


def test_a_preposition_between_two_names_found_ends_an_organisation_s_clause():
    text = "在北京人民大会堂同欧盟委员会主席会谈，中国同东盟博览会"
    words = [(0, 1, "p"), (1, 3, "ns"), (3, 8, "n"), (8, 9, "p"), (9, 11, "j"), (11, 14, "n"), (14, 16, "n"),
             (16, 18, "v"), (18, 19, "w"), (19, 21, "ns"), (21, 22, "p"), (22, 24, "j"), (24, 27, "n")]
    chunk = Mention(1, 14, text[1:14], "ORG", "rule:chunk", 0.7)
    hall, commission = Mention(1, 8, text[1:8], "LOCATION", "model"), Mention(9, 14, text[9:14], "ORG", "model")
    expo = Mention(19, 27, text[19:27], "EVENT", "rule:chunk", 0.9)
    china, asean = Mention(19, 21, "中国", "LOCATION", "rule:lexicon"), Mention(22, 24, "东盟", "ORG", "rule:lexicon")
    kept = without_clause_subjects([chunk, hall, commission, expo, china, asean], words)
    assert [m.text for m in kept][:2] == ["欧盟委员会", text[1:8]]
    assert expo in kept  # an event may join two parties by a preposition
    text = "华中科技大学同济医院"  # 同济, a listed name, begins with the preposition's character
    words = [(0, 4, "nt"), (4, 6, "n"), (6, 7, "p"), (7, 10, "n")]
    hospital = Mention(0, 10, text, "ORG", "rule:chunk", 0.7)
    found = [hospital, Mention(0, 6, text[0:6], "ORG", "model"), Mention(7, 10, text[7:10], "ORG", "model")]
    assert without_clause_subjects(found, words, listed_starts=frozenset({6}))[0] == hospital
    assert without_clause_subjects(found, words)[0].text == "济医院"


def test_a_person_found_and_a_preposition_before_a_body_found_end_an_event_s_clause():
    text = "赵乐际同全国人大常委会会议列席代表座谈"
    words = [(0, 3, "nr"), (3, 4, "p"), (4, 6, "n"), (6, 8, "j"), (8, 11, "j"), (11, 13, "n"), (13, 15, "v")]
    chunk = Mention(0, 13, text[0:13], "EVENT", "rule:chunk", 0.9)
    person, body = Mention(0, 3, "赵乐际", "PERSON", "rule:lexicon"), Mention(4, 11, text[4:11], "ORG", "rule:lexicon")
    assert [m.text for m in without_clause_subjects([chunk, person, body], words)][0] == "全国人大常委会会议"
    place = Mention(0, 3, "赵乐际", "LOCATION", "model")
    assert without_clause_subjects([chunk, place, body], words)[0] == chunk  # a place may join a meeting's parties


def _worded(phrases: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of phrases given as (word, part of speech), joined by 。, and its word analysis."""
    text, words = "", []
    for phrase in phrases:
        for word, pos in [*phrase, ("。", "w")]:
            words.append((len(text), len(text) + len(word), pos))
            text += word
    return text, words


def test_a_head_that_is_also_a_verb_names_no_meeting_where_it_is_the_verb():
    text, words = _worded([
        [("委员长", "n"), ("同志", "n"), ("3", "m"), ("次", "q"), ("会晤", "v")],
        [("两", "m"), ("国", "n"), ("元首", "n"), ("多次", "m"), ("会晤", "v")],
        [("双方", "n"), ("在", "p"), ("喀山", "ns"), ("成功", "a"), ("会晤", "v")],
        [("期待", "v"), ("领导人", "n"), ("实现", "v"), ("会晤", "v")],
        [("乌克兰", "ns"), ("总统", "n"), ("泽连斯基", "nr"), ("会晤", "v")],
        [("金砖", "n"), ("国家", "n"), ("领导人", "n"), ("厦门", "ns"), ("会晤", "v")],
        [("俄中", "j"), ("总理", "n"), ("第二十八", "m"), ("次", "q"), ("定期", "d"), ("会晤", "v")],
        [("中印", "j"), ("领导人", "n"), ("第二", "m"), ("次", "q"), ("非正式", "b"), ("会晤", "vn")],
        [("领导人", "n"), ("第二", "m"), ("次", "q"), ("会晤", "vn")]])
    chunks = [Mention(start, start + len(chunk), chunk, "EVENT", "rule:chunk", 0.92)
              for chunk in text.split("。")[:-1] for start in [text.index(chunk)]]
    person = Mention(text.index("泽连斯基"), text.index("泽连斯基") + 4, "泽连斯基", "PERSON", "model", 0.9)
    kept = verbal_meetings(chunks + [person], words, text, ("会晤",))
    assert [m.text for m in kept if m.type == "EVENT"] == ["金砖国家领导人厦门会晤", "俄中总理第二十八次定期会晤",
                                                          "中印领导人第二次非正式会晤", "领导人第二次会晤"]
    assert verbal_meetings(chunks, None, text, ("会晤",)) == chunks


def test_an_honour_chunk_begins_after_its_predicate_and_after_a_verb_of_winning(rules):
    from pipeline.analysis.clauses import clause_predicates

    text, words = _worded([
        [("他们", "r"), ("精心", "d"), ("编选", "v"), ("纽伯瑞", "nz"), ("儿童", "n"), ("文学奖", "n")],
        [("朱震宇", "nr"), ("等", "u"), ("获奖", "vn"), ("先进", "a"), ("集体", "n"), ("代表", "n")],
        [("表彰", "v"), ("获奖", "vn"), ("先进", "a"), ("单位", "n")],
        [("奥斯卡", "nz"), ("获奖", "vn"), ("影片", "n"), ("音乐会", "n")]])

    def chunk(name, etype):
        return Mention(text.index(name), text.index(name) + len(name), name, etype, "rule:chunk", 0.92)
    found = [chunk("精心编选纽伯瑞儿童文学奖", "AWARD"), chunk("获奖先进集体", "AWARD"), chunk("奥斯卡获奖影片音乐会", "EVENT"),
             chunk("获奖先进单位", "AWARD")]
    assert [m.text for m in clause_predicates(found, words, text, rules)] == [  # 先进单位 alone: a generic head
        "纽伯瑞儿童文学奖", "先进集体", "奥斯卡获奖影片音乐会"]


def test_a_negation_in_a_chunk_ends_a_clause_with_the_verbs_it_negates(rules):
    from pipeline.analysis.clauses import clause_predicates

    text, words = _worded([
        [("我们", "r"), ("不", "d"), ("搞", "v"), ("送别", "vn"), ("仪式", "n")],
        [("行动", "vn"), ("未", "d"), ("报", "v"), ("经", "v"), ("局长", "n"), ("办公会议", "n")],
        [("“", "w"), ("不忘初心", "i"), ("”", "w"), ("主题", "n"), ("教育", "vn")]])

    def chunk(name):
        return Mention(text.index(name), text.index(name) + len(name), name, "EVENT", "rule:chunk", 0.92)
    found = [chunk("不搞送别仪式"), chunk("行动未报经局长办公会议"), chunk("“不忘初心”主题教育")]
    # not inside quotes: a slogan's words
    assert [m.text for m in clause_predicates(found, words, text, rules)] == ["送别仪式", "局长办公会议", "“不忘初心”主题教育"]


def test_an_event_chunk_that_begins_a_clause_with_its_predicate_begins_after_it(rules):
    from pipeline.analysis.clauses import clause_predicates

    text, words = _worded([
        [("双方", "n"), ("讨论", "v"), ("，", "w"), ("筹备", "v"), ("领导人", "n"), ("会晤", "vn")],
        [("线上", "s"), ("，", "w"), ("设置", "v"), ("全球", "n"), ("服务", "vn"), ("贸易", "vn"), ("峰会", "n")],
        [("设施", "n"), ("，", "w"), ("周密", "a"), ("做好", "v"), ("竞赛", "vn")],
        [("今天", "t"), ("，", "w"), ("摔跤", "v"), ("女子", "n"), ("自由式", "n"), ("比赛", "vn")],
        [("同时", "c"), ("，", "w"), ("深入", "a"), ("推进", "v"), ("东北", "f"), ("振兴", "v"), ("座谈会", "n")],
        [("会议", "n"), ("闭幕", "v"), ("，", "w"), ("闭幕会", "n")]])

    def chunk(name):
        return Mention(text.index(name), text.index(name) + len(name), name, "EVENT", "rule:chunk", 0.92)
    found = [chunk("筹备领导人会晤"), chunk("设置全球服务贸易峰会"), chunk("周密做好竞赛"), chunk("摔跤女子自由式比赛"),
             chunk("深入推进东北振兴座谈会"), chunk("闭幕会")]
    assert [m.text for m in clause_predicates(found, words, text, rules)] == [  # 竞赛 alone: too short
        "领导人会晤", "全球服务贸易峰会", "摔跤女子自由式比赛", "深入推进东北振兴座谈会", "闭幕会"]
    assert clause_predicates(found, None, text, rules) == found


def test_an_event_chunk_begins_after_a_term_s_determiner_right_after_its_predicate(rules):
    from pipeline.analysis.clauses import clause_predicates

    text, words = _worded([[("精神", "n"), ("，", "w"), ("积极", "a"), ("筹划", "v"), ("明年", "t"), ("建交", "v"), ("70", "m"),
                             ("周年", "q"), ("庆祝", "v"), ("活动", "vn")]])
    start, end = text.index("积极"), text.index("活动") + 2
    found = [Mention(start, end, text[start:end], "EVENT", "rule:chunk", 0.92)]
    assert [m.text for m in clause_predicates(found, words, text, rules)] == ["建交70周年庆祝活动"]


def test_an_event_chunk_that_begins_a_predicate_joined_to_one_before_begins_after_it(rules):
    from pipeline.analysis.clauses import clause_predicates

    text, words = _worded([
        [("确定", "v"), ("为", "v"), ("友好年", "n"), ("并", "c"), ("启动", "v"), ("系列", "n"), ("活动", "vn")],
        [("召开", "v"), ("会议", "n"), ("并", "c"), ("举办", "v"), ("中国", "ns"), ("国际", "n"), ("进口", "vn"),
         ("博览会", "n")],
        [("中国", "ns"), ("和", "c"), ("发展", "v"), ("中", "f"), ("国家", "n"), ("论坛", "n")]])

    def chunk(name):
        return Mention(text.index(name), text.index(name) + len(name), name, "EVENT", "rule:chunk", 0.92)
    found = [chunk("启动系列活动"), chunk("举办中国国际进口博览会"), chunk("发展中国家论坛")]
    assert [m.text for m in clause_predicates(found, words, text, rules)] == [  # 系列活动 alone: a generic head
        "中国国际进口博览会", "发展中国家论坛"]  # 和 joins names, not predicates


def test_a_meeting_head_after_one_name_a_preposition_governs_or_after_whom_they_met_with_is_the_verb():
    text, words = _worded([
        [("普京", "nr"), ("在", "p"), ("与", "p"), ("默克尔", "ns"), ("会晤", "v"), ("后", "f")],
        [("总统", "n"), ("在", "p"), ("伊朗", "ns"), ("会晤", "vn")],
        [("中国", "ns"), ("与", "c"), ("东盟", "ns"), ("领导人", "n"), ("会晤", "v")],
        [("中国", "ns"), ("与", "c"), ("东盟", "ns"), ("会晤", "v")],
        [("他", "r"), ("同", "p"), ("委内瑞拉", "ns"), ("总统", "n"), ("会谈", "v")],
        [("李强", "nr"), ("同", "v"), ("意大利", "ns"), ("总理", "n"), ("会谈", "v")],  # a headline's 同, read as a verb
        [("出席", "v"), ("在", "p"), ("中英", "j"), ("外长", "n"), ("会谈", "vn")]])

    def chunk(name):
        return Mention(text.index(name), text.index(name) + len(name), name, "EVENT", "rule:chunk", 0.92)
    found = [chunk("默克尔会晤"), chunk("伊朗会晤"), chunk("东盟领导人会晤"), chunk("东盟会晤"), chunk("委内瑞拉总统会谈"),
             chunk("意大利总理会谈"), chunk("中英外长会谈")]
    assert [m.text for m in verbal_meetings(found, words, text, ("会晤", "会谈"))] == [
        "东盟领导人会晤", "东盟会晤", "中英外长会谈"]


def test_an_event_chunk_begun_by_words_no_name_begins_with_begins_after_their_predicate(rules):
    from pipeline.analysis.clauses import clause_predicates

    text, words = _worded([
        [("聚集", "v"), ("在", "p"), ("附近", "f"), ("观看", "v"), ("“", "w"), ("独立日", "n"), ("”", "w"), ("音乐会", "n")],
        [("希望", "v"), ("各方", "r"), ("充分", "a"), ("利用", "v"), ("全球", "n"), ("数字", "n"), ("博览会", "n")],
        [("四", "m"), ("年", "q"), ("再次", "d"), ("赢得", "v"), ("世界", "n"), ("锦标赛", "n")],
        [("出席", "v"), ("当地", "s"), ("庆祝", "v"), ("广西", "ns"), ("成立", "v"), ("60", "m"), ("周年", "q"),
         ("座谈会", "n")],
        [("会议", "n"), ("进一步", "d"), ("推动", "v"), ("长江", "ns"), ("经济带", "n"), ("座谈会", "n")],
        [("参加", "v"), ("2021年", "t"), ("创新", "v"), ("经济", "n"), ("论坛", "n")],
        [("各界", "r"), ("人士", "n"), ("座谈会", "n")],
        [("从中", "d"), ("共", "d"), ("二十", "m"), ("大", "a")]])

    def chunk(name):
        return Mention(text.index(name), text.index(name) + len(name), name, "EVENT", "rule:chunk", 0.92)
    found = [chunk("附近观看“独立日”音乐会"), chunk("方充分利用全球数字博览会"), chunk("次赢得世界锦标赛"),
             chunk("当地庆祝广西成立60周年座谈会"), chunk("进一步推动长江经济带座谈会"), chunk("2021年创新经济论坛"),
             chunk("界人士座谈会"), chunk("中共二十大")]
    assert [m.text for m in clause_predicates(found, words, text, rules)] == [
        "“独立日”音乐会", "全球数字博览会", "世界锦标赛", "庆祝广西成立60周年座谈会", "进一步推动长江经济带座谈会",
        "2021年创新经济论坛", "界人士座谈会", "中共二十大"]


def test_a_chunk_opening_its_clause_begins_after_a_modal_its_predicate_and_the_predicate_s_complement(rules):
    from pipeline.analysis.clauses import clause_predicates

    text, words = _worded([
        [("要", "v"), ("充分", "a"), ("发挥", "v"), ("道德", "n"), ("模范", "n")],
        [("要", "v"), ("继续", "v"), ("办", "v"), ("好", "a"), ("中", "j"), ("越", "j"), ("建交", "v"), ("75", "m"),
         ("周年", "q"), ("庆祝", "vn"), ("活动", "vn")],
        [("可", "v"), ("持续", "v"), ("发展", "v"), ("午餐会", "n")]])  # 可 of 可持续, split: no modal of obligation

    def chunk(name, etype="EVENT"):
        return Mention(text.index(name), text.index(name) + len(name), name, etype, "rule:chunk", 0.92)
    found = [chunk("要充分发挥道德模范", "AWARD"), chunk("要继续办好中越建交75周年庆祝活动"), chunk("可持续发展午餐会")]
    assert [m.text for m in clause_predicates(found, words, text, rules)] == [
        "道德模范", "中越建交75周年庆祝活动", "可持续发展午餐会"]


def test_an_event_name_right_after_a_verb_holds_its_topic_s_adverbials():
    text = "召开水域禁捕和退捕工作会议，党历来重视党史学习教育"
    words = [(0, 2, "v"), (2, 4, "n"), (4, 5, "d"), (5, 6, "v"), (6, 7, "c"), (7, 9, "v"), (9, 11, "vn"), (11, 13, "n"),
             (13, 14, "w"), (14, 15, "n"), (15, 17, "d"), (17, 19, "v"), (19, 21, "n"), (21, 23, "v"), (23, 25, "vn")]
    events = [Mention(2, 13, text[2:13], "EVENT", "rule:chunk", 0.9), Mention(14, 25, text[14:25], "EVENT", "rule:chunk", 0.9)]
    assert [m.text for m in without_clause_subjects(events, words)] == ["水域禁捕和退捕工作会议", "党史学习教育"]


def test_an_honour_chunk_after_a_verb_of_granting_begins_after_its_recipient(rules):
    from pipeline.analysis.clauses import without_recipients

    text = "加蒂授予钱其琛“大十字”勋章。钱其琛致答谢辞。评委会授予孙中山文学奖。"

    def mention(name, etype, source="rule:chunk", nth=0):
        start = text.index(name) if not nth else text.index(name, text.index(name) + 1)
        return Mention(start, start + len(name), name, etype, source, 0.9)
    people = [mention("钱其琛", "PERSON", "model"), mention("钱其琛", "PERSON", "model", nth=1), mention("孙中山", "PERSON", "model")]
    found = without_recipients([mention("钱其琛“大十字”勋章", "AWARD"), mention("孙中山文学奖", "AWARD")] + people, text,
                               rules.granting_verbs)
    # the recipient the document names again is the verb's first object; a name found only in the honour is its own
    assert [m.text for m in found if m.type == "AWARD"] == ["“大十字”勋章", "孙中山文学奖"]
    assert without_recipients(found, text, ()) == found
