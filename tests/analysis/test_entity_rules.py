"""pipeline.analysis.entity_rules: chunks, patterns, person cleaning, overlap resolution, and the
recognition results of the whole chain on short texts (gold guidelines, schema v1)."""
import pytest

from pipeline.analysis.chunks import find_chunk_mentions
from pipeline.analysis.entity_rules import clean_person, compile_patterns, find_pattern_mentions, merge_mentions
from pipeline.analysis.matching import alternation
from pipeline.analysis.model_spans import word_aligned
from pipeline.analysis.wordindex import word_analysis
from pipeline.records import Mention
from tests.conftest import mention


@pytest.fixture(scope="module")
def patterns(rules):
    return compile_patterns(rules)


def chunks(text, rules, etype=None, anchors=None):
    return {m.text for m in find_chunk_mentions(text, rules, anchors) if etype is None or m.type == etype}


def names(mentions):
    return {m.text for m in mentions}


def chunks_known(text, rules, known_ends):
    return {m.text for m in find_chunk_mentions(text, rules, None, known_ends)}


def test_a_meeting_noun_is_no_head_where_it_begins_a_longer_word(rules):
    assert "全国政协重点提案办理协商会" in chunks("汪洋主持全国政协重点提案办理协商会。", rules, "EVENT")
    found = chunks("出席中国人民政治协商会议第十三届全国委员会第一次会议。", rules, "EVENT")
    assert not any(name.endswith("协商会") for name in found)
    assert "中国人民政治协商会议第十三届全国委员会第一次会议" in found


def test_a_news_agency_before_a_byline_is_named_after_the_dateline(patterns):
    assert found("本报北京一月六日讯新华社记者王黎报道", patterns, "ORG") == {"新华社"}


def test_a_news_agency_s_pattern_begins_after_a_byline_s_title_or_name(patterns, rules):
    text = "新华社通讯员孙海龙新华社记者李清华"
    words = [(0, 3, "nt"), (3, 6, "n"), (6, 9, "nr"), (9, 12, "nt"), (12, 14, "n"), (14, 17, "nr")]
    person = mention(text, "孙海龙", "PERSON", source="model")
    pattern = [m for m in find_pattern_mentions(text, patterns) if m.type == "ORG" and m.end == 12]
    assert [m.text for m in pattern] == ["员孙海龙新华社"]  # the pattern alone runs into the title's last character
    merged = merge_mentions(pattern + [person], rules, text, words)
    assert [(m.text, m.type) for m in merged] == [("孙海龙", "PERSON"), ("新华社", "ORG")]


def test_a_person_s_name_cut_one_character_short_of_its_name_word_runs_to_the_word_s_end(rules):
    text = "社会运动党主席克吕埃马齐等人，罪犯王某忏悔，欧阳山尊到场。"
    words = [(0, 5, "n"), (5, 7, "n"), (7, 12, "nr"), (12, 13, "u"), (13, 14, "n"), (14, 15, "w"), (15, 17, "n"),
             (17, 19, "nr"), (19, 21, "v"), (21, 22, "w"), (22, 26, "nr"), (26, 28, "v"), (28, 29, "w")]
    cut = [mention(text, "克吕埃马", "PERSON", source="model"), mention(text, "王", "PERSON", source="model"),
           mention(text, "欧阳", "PERSON", source="model")]
    merged = merge_mentions(cut, rules, text, words)
    assert [m.text for m in merged if m.type == "PERSON"] == ["克吕埃马齐", "欧阳"]  # `王|某` withholds it; `欧阳|山尊`: two
    assert [m.text for m in merge_mentions([mention(text, "欧阳山", "PERSON", source="model")], rules, text, words)] == \
        ["欧阳山尊"]
    assert [m.text for m in merge_mentions(cut[:1], rules, text, None)] == ["克吕埃马"]  # no word analysis

def test_the_national_games_are_named_by_their_number(patterns):
    assert found("八运会在上海开幕，十四运会和第九届全运会。", patterns, "EVENT") >= {"八运会", "十四运会"}
    assert not found("第二十八运会员", patterns, "EVENT") & {"八运会", "十八运会"}


def test_a_presidium_s_meetings_presider_is_no_meeting(rules):
    assert "全国政协十三届一次会议主席团会议" not in chunks("全国政协十三届一次会议主席团会议主持人王建华出席。", rules, "EVENT")


def test_a_suffix_with_false_followers_gives_way_to_a_longer_suffix_it_begins(rules):
    assert "模范城" in rules.suffixes("AWARD") and "模范" in rules.false_suffix_followers  # 模范 is guarded
    assert chunks("连续三次被命名为全国双拥模范城的太原市", rules, "AWARD") == {"全国双拥模范城"}
    assert chunks("发挥全国劳动模范作用", rules, "AWARD") == set()


def test_intergovernmental_names_no_government(extract):
    facts = extract("南方中心是总部设在日内瓦的发展中国家政府间智库机构。联合国教科文组织保护非物质文化遗产政府间委员会开会。")
    assert not {n for n in facts.names("ORG") if n.endswith("政府")}
    assert "联合国教科文组织" in facts.names("ORG")


def found(text, patterns, etype):
    return {m.text for m in find_pattern_mentions(text, patterns) if m.type == etype}


# --- alternation ----------------------------------------------------------------------------

def test_alternation_prefers_longest_words_and_escapes():
    import re

    regex = re.compile(alternation(["会", "大会", "表彰大会", "a.b"]))
    assert regex.match("表彰大会").group(0) == "表彰大会"
    assert regex.match("大会").group(0) == "大会"
    assert regex.match("axb") is None


# --- find_chunk_mentions --------------------------------------------------------------------

def test_event_chunk_stops_at_a_verb(rules):
    text = "王建华出席北京市机关党建工作交流研讨会。"
    assert "北京市机关党建工作交流研讨会" in chunks(text, rules, "EVENT")
    assert not any("出席" in c for c in chunks(text, rules))


@pytest.mark.parametrize("text, whole", [("中国选手在第八届世界游泳锦标赛游泳首日比赛中夺得金牌。", "第八届世界游泳锦标赛"),
                                         ("全国跳水锦标赛跳水比赛今天结束。", "全国跳水锦标赛")])
def test_a_contest_s_part_right_after_its_name_is_named_by_the_contest(rules, text, whole):
    part = max(find_chunk_mentions(text, rules), key=lambda m: m.end - m.start)
    assert part.text.endswith("比赛") and part.name == whole


def test_a_contest_named_far_before_a_part_names_nothing_of_it(rules):
    found = [m for m in find_chunk_mentions("全国游泳锦标赛青少年男子组十米跳台预选比赛今天结束。", rules) if m.text.endswith("比赛")]
    assert found and all(m.name is None for m in found)


@pytest.mark.parametrize("text, name", [("要用好两党理论研讨会等平台。", "两党理论研讨会"),
                                        ("开好全国宣传思想工作会议。", "全国宣传思想工作会议")])
def test_event_chunk_stops_at_a_verb_and_its_resultative_complement(rules, text, name):
    assert chunks(text, rules, "EVENT") == {name}


@pytest.mark.parametrize("text, name", [("江苏苏宁队夺得中超联赛冠军。", "中超联赛"),
                                        ("将草案表决稿提请大会主席团第四次会议审议。", "大会主席团第四次会议"),
                                        ("目前已累计召开55次专家协商会。", "专家协商会"),
                                        ("全国妇联召开两次巾帼扶贫行动工作会议。", "巾帼扶贫行动工作会议"),
                                        ("十九届中央纪委二次全会今天开幕。", "十九届中央纪委二次全会"),
                                        ("培养一批2000年奥运会的后备苗子。", "2000年奥运会"),
                                        # the first session is an ordinal, no adverb (`首次|访问`) that stops the chunk
                                        ("叙利亚宪法委员会首次会议在日内瓦开幕。", "叙利亚宪法委员会首次会议")])
def test_event_chunk_stops_at_a_winning_or_submitting_verb_and_a_count_of_times(rules, text, name):
    assert chunks(text, rules, "EVENT") == {name}


@pytest.mark.parametrize("text, name", [("中国女排参加世界女排大奖赛等比赛。", "世界女排大奖赛"),
                                        ("2025中国网球公开赛今天开幕。", "2025中国网球公开赛"),
                                        ("她在洲际冠军杯赛中夺冠。", "洲际冠军杯赛")])
def test_a_competition_named_by_its_format_is_an_event(rules, text, name):
    assert name in chunks(text, rules, "EVENT")


@pytest.mark.parametrize("text, name", [("南斯拉夫大选今天举行。", "南斯拉夫大选"), ("纪念南昌起义90周年。", "南昌起义"),
                                        ("全国开展扫黑除恶专项斗争。", "扫黑除恶专项斗争"),
                                        ("冬季扫黄打非集中行动开始。", "冬季扫黄打非集中行动"),
                                        ("中俄地方合作交流年开幕。", "中俄地方合作交流年"),
                                        ("两国总理宣布启动“中柬友好年”。", "中柬友好年"),
                                        ("双方办好中国—东盟数字经济合作年。", "中国—东盟数字经济合作年"),
                                        ("两国元首宣布启动中俄科技创新年。", "中俄科技创新年")])
def test_elections_uprisings_campaigns_and_years_between_countries_are_events(extract, text, name):
    assert name in {e.name for e in extract(text).result.entities if e.type == "EVENT"}


@pytest.mark.parametrize("text", ["上述会谈没有结果。", "他们曾多次起义。"])
def test_a_determiner_or_a_count_before_a_verbal_head_names_no_event(extract, text):
    assert not [e.name for e in extract(text).result.entities if e.type == "EVENT"]


def test_an_ordinal_of_things_counted_begins_no_name(extract):
    facts = extract("许海峰为我国夺得第一枚奥运会金牌。中国队共获得3枚奖章。")
    assert facts.names("EVENT") == {"奥运会"} and facts.names("AWARD") == {"奥运会金牌"}


def test_a_frequent_place_name_that_begins_inside_a_word_begins_no_organisation(extract):
    names = extract("韩国统一部12日称，设在开城工业园区内韩朝联络办公室将于14日正式揭牌成立。").names("ORG")
    assert "韩朝联络办公室" in names and not any(name.startswith("区内") for name in names)


def test_a_site_named_from_a_place_found_is_a_location(rules):
    text = "他考察了上海漕河泾新兴技术开发区，又到周口店北京人遗址和一个景区，建成未央湖旅游度假区。"
    anchors = {text.index("上海"), text.index("周口店"), text.index("未央湖")}
    assert chunks(text, rules, "LOCATION", anchors) == {"上海漕河泾新兴技术开发区", "周口店北京人遗址", "未央湖旅游度假区"}
    assert chunks(text, rules, "LOCATION") == set()  # from no place found, no site


def test_a_level_of_administration_before_a_body_s_head_names_a_kind_not_a_body(rules):
    text = "加强县级以上地方人大建设，省级政协和县级人大，四级人大代表。北京市人大常委会。"
    assert chunks(text, rules, "ORG", {text.index("北京市")}) == {"北京市人大", "北京市人大常委会"}


def test_a_square_an_airport_a_bridge_or_a_community_named_from_a_place_found_is_a_location(rules):
    text = "专机抵达广州白云机场，车队驶过南京长江大桥，来到天安门广场和杨庙社区。"
    anchors = {text.index(place) for place in ("广州", "南京", "天安门", "杨庙")}
    assert chunks(text, rules, "LOCATION", anchors) == {"广州白云机场", "南京长江大桥", "天安门广场", "杨庙社区"}


@pytest.mark.parametrize("text", ["第十九届中国（深圳）国际文化产业博览交易会开幕。", "第十九届中国(深圳)国际文化产业博览交易会开幕。"])
def test_a_fair_s_host_city_in_brackets_is_in_its_name(rules, text):
    assert chunks(text, rules, "EVENT") == {text[:-3]}
    assert chunks("2019全球（青岛）创投风投大会", rules, "EVENT") == {"2019全球（青岛）创投风投大会"}
    assert chunks("一月十七日电（记者王黎）全国精神文明建设工作会议", rules, "EVENT") == {"全国精神文明建设工作会议"}
    assert chunks("新华社济南１月１３日电（肖冠军）全国国际象棋棋王棋后大奖赛", rules, "EVENT") == {"全国国际象棋棋王棋后大奖赛"}


def test_a_front_is_an_organisation(rules):
    text = "哥斯达黎加广泛阵线、黎巴嫩未来阵线的代表出席。"  # anchored at the countries' names
    anchors = {text.index("哥斯达黎加"), text.index("黎巴嫩")}
    assert {"哥斯达黎加广泛阵线", "黎巴嫩未来阵线"} <= chunks(text, rules, "ORG", anchors)


def test_award_chunk_stops_at_the_winning_verb(rules):
    text = "王建华获得国家科技进步一等奖。"
    assert chunks(text, rules, "AWARD") == {"国家科技进步一等奖"}


def test_ranked_result_award(rules):
    text = "东城区代表队荣获合唱比赛二等奖。"
    assert "合唱比赛二等奖" in chunks(text, rules, "AWARD")


def test_meetings_joined_by_ji_are_one_event(rules):
    text = "全省科技工作表彰大会暨创新成果报告会在杭州召开。"
    assert "全省科技工作表彰大会暨创新成果报告会" in chunks(text, rules, "EVENT")


def test_an_award_after_a_count_leaves_out_the_noun_counted(rules):
    text = "省妇联授予12位优秀女性2025年度全省三八红旗手标兵荣誉称号。"
    assert chunks(text, rules, "AWARD") == {"2025年度全省三八红旗手标兵"}


def test_an_honour_named_after_a_festival_date_is_no_count(rules):
    text = "授予29名同志“七一勋章”，向八一勋章获得者颁授勋章，他获得两项奖章。"
    assert chunks(text, rules, "AWARD") == {"七一勋章", "八一勋章"}


def test_a_one_character_suffix_read_as_a_verb_with_its_object_ends_no_organisation(rules):
    text = "新疆群众盛赞政府办实事，省政府办联合发文。"
    tags = {(0, 2): "ns", (2, 4): "n", (4, 6): "v", (6, 8): "n", (8, 9): "v", (9, 11): "n", (11, 12): "w",
            (12, 13): "n", (13, 15): "n", (15, 16): "v", (16, 18): "d", (18, 20): "v", (20, 21): "w"}
    found = names(find_chunk_mentions(text, rules, {0, 12}, tags=tags))
    assert not any(name.endswith("政府办") and name.startswith("新疆") for name in found)
    assert "省政府办" in found  # no object after it: the office
    assert "新疆群众盛赞政府办" in names(find_chunk_mentions(text, rules, {0, 12}))  # without the word analysis


def test_an_honour_named_by_its_bearer_is_an_award(rules):
    text = "节日里，全国三八红旗手梁建英说，她被评为上海市“三八”红旗手。"
    assert chunks(text, rules, "AWARD") == {"全国三八红旗手", "上海市“三八”红旗手"}


def test_a_national_honour_named_by_merit_and_holder_is_an_award(rules, patterns):
    text = "全国优秀党务工作者王明、全国十大杰出青年李华和全国杰出青年志愿者张强获得全国杰出青年科学基金。"
    assert found(text, patterns, "AWARD") == {"全国优秀党务工作者", "全国十大杰出青年", "全国杰出青年志愿者"}


def test_a_quoted_title_is_named_by_itself(rules, patterns):
    text = "授予15名个人“优秀志愿者”称号，授予张明“人民教育家”国家荣誉称号，授予李为昌“文明使者”光荣称号。"
    assert not any("个人" in c or "张明" in c for c in chunks(text, rules, "AWARD"))
    assert found(text, patterns, "AWARD") == {"优秀志愿者", "人民教育家", "文明使者"}


def test_a_campaign_is_named_by_its_quoted_slogan(rules):
    text = "各地开展文化科技卫生“三下乡”活动，把“三优一满意”活动作为重点。公安部开展“净网2018”专项行动，推进“万企帮万村”行动。"
    assert {"文化科技卫生“三下乡”活动", "“三优一满意”活动", "“净网2018”专项行动", "“万企帮万村”行动"} <= chunks(text, rules, "EVENT")
    assert not chunks("开展专项行动，采取行动。", rules, "EVENT")  # unquoted, a kind of action


def test_a_military_exercise_is_named_by_its_quoted_name(rules):
    text = "由美国在黑海主导的“海上微风-2020”联合军事演习结束。泰国“金色眼镜蛇”联合军演举行。“寒风24”演习定于今天举行。"
    assert {"“海上微风-2020”联合军事演习", "泰国“金色眼镜蛇”联合军演", "“寒风24”演习"} <= chunks(text, rules, "EVENT")
    assert not chunks("两国举行联合军事演习，演习结束。", rules, "EVENT")  # unquoted, a kind of exercise


def _analysed(analysis):
    """The text and (start, end) → part of speech of a word analysis written `word/tag word/tag …`."""
    text, tags = "", {}
    for word, tag in (item.rsplit("/", 1) for item in analysis.split()):
        tags[(len(text), len(text) + len(word))] = tag
        text += word
    return text, tags


def test_a_quoted_name_keeps_the_conjunctions_inside_its_quotes(rules):
    text, tags = _analysed("今天/t ，/w 首/m 届/q “/w 天坛/n 文明/n 对话/vn 暨/c 世界/n 文明/n 与/c 奥林匹克/nz 论坛/n ”/w "
                           "在/p 京/j 举办/v 。/w")
    assert names(find_chunk_mentions(text, rules, tags=tags)) == {"天坛文明对话暨世界文明与奥林匹克论坛"}
    # a quoted clause, with its verb; a quoted common noun, which no chunk names without its quotes
    text, tags = _analysed("他/r 说/v ：/w “/w 我们/r 要/v 开好/v 这次/r 大会/n ”/w ，/w “/w 依附/v 企业/n 的/u 寄生/v 公司/n ”/w "
                           "要/v 削减/v 。/w")
    assert not any(name.startswith(("我们", "依附", "寄生")) for name in names(find_chunk_mentions(text, rules, tags=tags)))


def test_a_verb_before_a_quoted_campaign_governs_it(rules):
    text = "积极投入“泰人助泰”运动"
    tags = {(0, 2): "ad", (2, 4): "v", (4, 5): "w", (5, 7): "n", (7, 9): "v", (9, 10): "w", (10, 12): "vn"}
    assert names(find_chunk_mentions(text, rules, tags=tags)) == {"“泰人助泰”运动"}
    assert chunks(text, rules, "EVENT") == {"积极投入“泰人助泰”运动"}  # without the word analysis


def test_a_quoted_campaign_is_no_name_where_it_modifies_what_follows(rules):
    text = "全国“双创”活动周开幕，“巾帼建功”活动领导小组成员出席。"
    tags = {(17, 19): "vn", (19, 21): "n", (21, 23): "n"}  # 领导 小组 成员
    found = names(find_chunk_mentions(text, rules, tags=tags))
    assert "全国“双创”活动周" in found  # the longer head
    assert not any(name.endswith("”活动") for name in found)


def test_a_stop_word_inside_a_noun_of_the_word_analysis_stops_no_chunk(rules):
    text = "第75届联合国大会一般性辩论开幕。"
    assert "第75届联合国大会" in names(find_chunk_mentions(text, rules, nominal_words={4: 7}))  # 联合国
    assert "第75届联合国大会" not in chunks(text, rules)  # `合` (联合) stops it otherwise
    text = "海南自由贸易港知识产权法院和最高级别勋章"
    found = names(find_chunk_mentions(text, rules, {0}, nominal_words={2: 4, 14: 16}))  # 自由, 最高
    assert {"海南自由贸易港知识产权法院", "最高级别勋章"} <= found
    assert not {"海南自由贸易港知识产权法院", "最高级别勋章"} & chunks(text, rules, anchors={0})


def test_an_organisation_inside_a_title_that_runs_on_is_no_name(rules):
    text = "贯彻落实《中国共产党普通高等学校基层组织工作条例》，北京大学党委"
    anchors = {text.index("中国共产党"), text.index("北京大学")}
    found = names(find_chunk_mentions(text, rules, anchors, nominal_words={12: 14}))  # 高等
    assert "中国共产党普通高等学校" not in found and "北京大学党委" in found


def test_a_stop_word_inside_a_known_name_stops_no_chunk(rules):
    text = "维谢格拉德集团和以色列峰会在耶路撒冷举行，上海合作组织成员国元首理事会会议开幕。"
    known = {text.index("以色列"): text.index("以色列") + 3, text.index("上海合作组织"): text.index("上海合作组织") + 6}
    found = chunks_known(text, rules, known)
    # `以` begins no name: the summit, its sentence's subject, is named over the conjunction back to the start
    assert "维谢格拉德集团和以色列峰会" in found and "上海合作组织成员国元首理事会会议" in found
    assert "上海合作组织成员国元首理事会会议" not in chunks(text, rules)  # `组织` stops it otherwise


def test_a_meeting_named_after_a_policy_keeps_its_verb_after_a_convening_verb(rules):
    assert "深入推进长江经济带发展座谈会" in chunks("王立新主持召开深入推进长江经济带发展座谈会。", rules, "EVENT")
    # without a convening verb before it, the policy verb still stops the name
    assert "长江经济带发展座谈会" in chunks("要深入推进长江经济带发展座谈会精神落实。", rules, "EVENT")
    # nor one at the start of its sentence, whose subject it is; a conjunction there joins two names
    text = "推动高质量发展香港论坛在广州举行。古巴国务委员会主席和部长会议主席卡斯特罗会见了他。"
    found = chunks(text, rules, "EVENT")
    assert "推动高质量发展香港论坛" in found and "部长会议" in found


def test_a_book_title_before_an_event_is_in_its_name(rules):
    assert "《科技简史》第二卷首发式" in chunks("《科技简史》第二卷首发式在杭州举行。", rules, "EVENT")
    assert "《黄大年》首映式" in chunks("电影《黄大年》首映式在京举行。", rules, "EVENT")
    assert "中华医药优秀奖颁奖活动" in chunks("中华医学会今天举行中华医药优秀奖颁奖活动。", rules, "EVENT")


def test_a_country_s_minister_holds_the_post_at_the_country_s_ministry(extract):
    facts = extract("外交部长王明同南非外交部长恩佐举行会谈。美国前国防部长佩里访华。")
    assert {("王明", "外交部"), ("恩佐", "南非外交部")} <= facts.relation_pairs("holds_position")
    assert "美国前国防部" not in facts.names("ORG")  # a former minister's: 前 is the title's


def test_a_ministry_named_by_two_fields_joined_is_one_body(extract):
    facts = extract("记者报道：德国研究与技术部长吕特格说，陪同总统访华的贝宁外交和合作部长奥绍出席。")
    assert {("吕特格", "德国研究与技术部"), ("奥绍", "贝宁外交和合作部")} <= facts.relation_pairs("holds_position")
    facts = extract("中国科学院和中国工程院院士出席。")  # two bodies joined, no fields
    assert "中国科学院和中国工程院" not in facts.names("ORG")
    facts = extract("乌克兰专家组正在坠机现场调查。乌克兰国家安全和国防委员会方面13日表示。")  # a field's adjective (安全)
    assert "乌克兰国家安全和国防委员会" in facts.names("ORG")


def test_a_quoted_common_noun_with_a_body_s_head_names_no_body(extract):
    facts = extract("各地推进“数字政府”建设，打造“森林生态银行”。")
    assert not {"数字政府", "森林生态银行"} & facts.names("ORG")


def test_the_central_people_s_government_is_one_body_by_either_name(extract):
    facts = extract("贺一诚获中央政府任命。中华人民共和国中央人民政府将支持澳门，伊拉克中央政府表示欢迎。")
    central = [e for e in facts.result.entities if "中央政府" in {e.name, *e.aliases}]
    assert len(central) == 1 and "中华人民共和国中央人民政府" in {central[0].name, *central[0].aliases}  # one body
    assert "伊拉克中央政府" in facts.names("ORG")


def test_a_body_s_chunk_that_holds_a_place_s_clause_names_no_body(extract):
    facts = extract("海南省证券委推举上市公司。纪委协助同级党委抓好党风廉政建设。国务院减轻企业负担部级联席会议召开。")
    assert not {n for n in facts.names("ORG") if "推举" in n or "协助" in n}
    assert "国务院减轻企业负担部级联席会议" in facts.names("ORG")  # a body's purpose after the body that set it up


def test_a_speaker_of_parliament_is_no_meeting(extract):
    facts = extract("国家主席会见中美洲议会议长。")  # `议会|议长`: the word analysis ends no name inside 议长
    assert not any(name.endswith("会议") for name in facts.names("EVENT"))


def test_a_goal_named_after_the_country_names_no_place(extract):
    facts = extract("推进美丽中国建设，建设平安中国，孩子们编着中国结。")
    assert "中国" not in facts.names("LOCATION")
    assert "中国" in extract("美丽中国建设取得成效，中国经济稳步增长。").names("LOCATION")


def test_the_state_by_its_era_and_the_party_s_members_name_no_place(extract):
    facts = extract("今年是新中国成立75周年，新时代中国共产党人初心不改。")
    assert "中国" not in facts.names("LOCATION")
    assert "中国" in extract("新中国成立以来，中国人口稳步增长。").names("LOCATION")


def test_a_hall_or_a_system_named_after_a_meeting_is_no_meeting(extract):
    facts = extract("国家领导人步入宴会厅。代表们在人民大会堂会议室讨论。要坚持好、完善好、运行好人民代表大会制度。"
                    "论坛在乌干达首都坎帕拉国际会议中心举行。")
    assert not facts.names("EVENT") - {"论坛"}
    assert "坎帕拉国际会议中心" in facts.names("LOCATION")


def test_the_founding_a_ceremony_marks_is_in_its_name(extract):
    facts = extract("中国侨联成立大会在北京召开。中国科学院深圳先进技术研究院揭牌仪式今天举行。")
    assert {"中国侨联成立大会", "中国科学院深圳先进技术研究院揭牌仪式"} <= facts.names("EVENT")


def test_a_day_of_a_games_is_no_competition(extract):
    facts = extract("东京奥运会进入开幕后第五比赛日的争夺。女子200米自由泳比赛今天举行。")
    assert facts.names("EVENT") == {"东京奥运会", "女子200米自由泳比赛"}


def test_games_named_by_their_host_begin_at_the_host(extract):
    facts = extract("距离北京冬奥会开幕还有150天。国际奥委会有信心东京奥运会如期举办。他参加了1992年法国阿尔贝维尔冬奥会。")
    assert facts.names("EVENT") == {"北京冬奥会", "东京奥运会", "1992年法国阿尔贝维尔冬奥会"}


def test_a_festival_s_competition_section_is_no_event(extract):
    facts = extract("第九届北京国际电影节今晚闭幕。电影节“天坛奖”主竞赛单元共选出15部影片。")
    assert facts.names("EVENT") == {"第九届北京国际电影节"}
    assert facts.names("AWARD") == {"天坛奖"}
    # the festival's bare head stands for it, and the prize written after it is its
    assert ("天坛奖", "第九届北京国际电影节") in facts.relation_pairs("awarded_by")


def test_a_congress_session_by_its_contraction_is_an_event(extract):
    facts = extract("本报合肥1月17日电记者刘杰报道：刚结束的合肥市人代会向代表通报：本市再就业取得显著成效。")
    assert "合肥市人代会" in facts.names("EVENT") and "合肥市人代会" not in facts.names("ORG")


def test_sub_body_chunk(rules):
    text = "中关村实验室党委召开会议。"
    # anchors: starts of known organisations and places (ORG chunks may require one)
    assert "中关村实验室党委" in chunks(text, rules, "ORG", anchors={0})


def test_a_central_body_is_named_from_its_level_without_a_known_name(rules):
    text = "中央党的建设工作领导小组3日召开会议。"
    assert "中央党的建设工作领导小组" in chunks(text, rules, "ORG", anchors=set())
    # a two-character head after the level names no central body (`中央人大工作会议`)
    assert not chunks("召开中央人大工作会议。", rules, "ORG", anchors=set())


@pytest.mark.parametrize("text", ["召开会议，研究工作。", "大会强调，要抓好落实。", "参加活动。", "荣获一等奖。"],
                         ids=["huiyi", "dahui", "huodong", "yidengjiang"])
def test_generic_heads_are_not_chunks(rules, text):
    # guidelines: generic activity words (会议, 活动) and bare ranks are no entities
    assert not chunks(text, rules) & {"会议", "大会", "活动", "一等奖"}


@pytest.mark.parametrize("text", ["中国加快构建新发展格局。", "广东推动形成区域协调发展布局。", "上海服务党和国家工作大局。"])
def test_a_suffix_closing_a_common_word_ends_no_name(rules, text):
    # 格局, 布局, 大局 (lexicons/suffix_words.txt) end in the bureau suffix 局 and name no bureau
    assert not [m.text for m in find_chunk_mentions(text, rules, anchors={0}) if m.type == "ORG"]
    assert [m.text for m in find_chunk_mentions("国家统计局发布数据。", rules, anchors={0}) if m.type == "ORG"] == ["国家统计局"]

def test_an_organisation_chunk_stops_at_a_verb_before_a_known_name(rules):
    text = "非盟加入二十国集团。"
    assert [m.text for m in find_chunk_mentions(text, rules, anchors={0, 4}) if m.end == 9] == ["二十国集团"]
    # with nothing known after the verb, the verb may belong to the name (`…启动建设工作团队…`)
    assert [m.text for m in find_chunk_mentions(text, rules, anchors={0}) if m.end == 9] == [text[:9]]
    # but never 会同, which joins two agents (`国家林草局|会同|财政部`)
    text = "国家林草局会同财政部印发通知。"
    assert [m.text for m in find_chunk_mentions(text, rules, anchors={0}) if "会同" in m.text] == []

@pytest.mark.parametrize("text", ["他是杭州一家智能研究院的工程师。", "省内20余家公立医院参与。"])
def test_a_count_of_bodies_ends_an_organisation_chunk(rules, text):
    assert not [m.text for m in find_chunk_mentions(text, rules, anchors={2}) if "家" in m.text]

@pytest.mark.parametrize("text, name", [
    ("习近平在庆祝中国共产党成立100周年大会上发表讲话。", "庆祝中国共产党成立100周年大会"),
    ("在纪念毛泽东同志诞辰130周年座谈会上。", "纪念毛泽东同志诞辰130周年座谈会"),
])
def test_a_celebration_is_named_with_its_anniversary_and_verb(rules, text, name):
    assert name in chunks(text, rules, "EVENT")


def test_a_celebration_is_named_with_the_relation_whose_establishment_it_marks(extract):
    facts = extract("双方要落实中国—东盟建立对话关系30周年纪念峰会成果。代表团参观了改革开放40周年成就展。")
    assert {"中国—东盟建立对话关系30周年纪念峰会", "改革开放40周年成就展"} <= facts.names("EVENT")

@pytest.mark.parametrize("text, name", [
    # the set phrase 以A换/代B keeps its preposition
    ("国务院召开消费品以旧换新工作视频会议。", "消费品以旧换新工作视频会议"),
    ("各地召开以工代赈工作推进会。", "以工代赈工作推进会"),
    # a meeting noun in 会 before 议 is part of 会议
    ("国务院召开第四次全国教职工住房建设工作经验交流会议。", "第四次全国教职工住房建设工作经验交流会议"),
    ("省委召开全省乡村振兴推进会议。", "全省乡村振兴推进会议"),
    # a quoted theme before the head is in the name
    ("全党开展“不忘初心、牢记使命”主题教育。", "“不忘初心、牢记使命”主题教育"),
    ("中共中央政治局召开“不忘初心、牢记使命”专题民主生活会。", "“不忘初心、牢记使命”专题民主生活会"),
    # meeting kinds head event names; 第N讲 is one ordinal
    ("第二十四届中国国际投资贸易洽谈会在厦门开幕。", "第二十四届中国国际投资贸易洽谈会"),
    ("中央党校举办全国党校系统专题研讨班。", "全国党校系统专题研讨班"),
    ("十三届全国人大常委会第二十八讲专题讲座在京举行。", "十三届全国人大常委会第二十八讲专题讲座"),
    # an event of two parties, named by both after a verb that opens a name
    ("栗战书出席中国全国人大与南非国民议会定期交流机制第五次会议开幕式并致辞。", "中国全国人大与南非国民议会定期交流机制第五次会议开幕式"),
    ("习近平向中国共产党与世界马克思主义政党论坛致贺信。", "中国共产党与世界马克思主义政党论坛"),
    # exhibitions by their kinds, not a hall or a compound (`展览馆`, `展览挂图`)
    ("参观了改革开放40周年成就展。", "改革开放40周年成就展"),
    ("举办的大型档案文物展览开幕。", "大型档案文物展览"),
    # a policy the meeting implements, with the adverb of a compound (`再就业`, re-employment)
    ("国务院召开实施再就业工程座谈会。", "实施再就业工程座谈会"),
    # two fields a conjunction joins, after the verb that convenes, or before it, the meeting the sentence's subject
    ("国务院召开全国粮棉油及“菜篮子”工作会议。", "全国粮棉油及“菜篮子”工作会议"),
    ("2025年西藏文化和旅游发展大会在拉萨开幕。", "2025年西藏文化和旅游发展大会"),
    # the general debate of a session of the General Assembly
    ("王毅在第78届联大一般性辩论上发言。", "第78届联大一般性辩论"),
])
def test_an_event_name_is_whole(rules, text, name):
    assert name in chunks(text, rules, "EVENT")

def test_the_groups_a_meeting_is_for_listed_with_deng_are_in_its_name(extract):
    facts = extract("国务院召开全国高校毕业生等青年就业创业工作电视电话会议。")
    assert facts.names("EVENT") == {"全国高校毕业生等青年就业创业工作电视电话会议"}


def test_a_leader_s_familiar_form_is_a_name_of_the_leader_or_a_person_of_its_own(extract):
    facts = extract("国家主席习近平会见了他。习主席说，中方愿意合作。温家宝说，温总理很忙。")
    assert facts.names("PERSON") == {"习近平", "温家宝"}
    facts = extract("当年毛主席和周总理接见了他。他们参观了毛主席纪念堂。")  # the full names written nowhere
    assert facts.names("PERSON") == {"毛主席", "周总理"} and "毛主席纪念堂" in facts.names("LOCATION")


def test_a_call_after_a_title_is_no_person(extract):
    facts = extract("去年3月，习近平主席同恩达伊施米耶总统通电话，就加强两国关系交换意见。")
    assert "通电话" not in facts.names("PERSON") and "恩达伊施米耶" in facts.names("PERSON")


def test_a_dateline_is_no_part_of_an_organisation_name(extract):
    facts = extract("新华社北京一月六日电外交部发言人沈国放今天表示，中方欢迎。")
    assert {"新华社", "外交部"} <= facts.names("ORG")
    assert not [name for name in facts.names("ORG") if "电" in name]

def test_an_organisation_in_a_list_without_marks_begins_after_the_person_before_it(extract, rules):
    facts = extract("名单如下：陕西人民艺术剧院副院长刘远西北农业大学副教授宁毓华。")
    assert {"陕西人民艺术剧院", "西北农业大学"} <= facts.names("ORG")
    text = "全国人民代表大会香港特别行政区筹备委员会成立。"  # 代表 is a title, 大会 no name
    found = find_chunk_mentions(text, rules, anchors={0, text.index("香港")}, known_ends={0: 8})
    assert text[:20] in {m.text for m in found if m.type == "ORG"}

def test_an_organisation_in_a_list_begins_after_the_persons_name_before_it(extract, rules):
    facts = extract("征文一等奖：春天的故事王建国上海交通大学副校长\n腾飞的东方赵立新中共苏州市委副书记")
    assert {"上海交通大学", "中共苏州市委"} <= facts.names("ORG")
    assert {"王建国", "赵立新"} <= facts.names("PERSON")
    text = "承德纳兰性德研究会"  # a word of five characters is no person's name before the body
    tags = {(0, 5): "nr", (5, 6): "j", (6, 9): "n"}
    assert "承德纳兰性德研究会" in names(find_chunk_mentions(text, rules, anchors={0, 5}, tags=tags))


def test_a_rank_among_things_a_fixed_phrase_and_a_verb_object_word_name_nothing(rules):
    assert not chunks("这是我国首个标准化博览会，第三个比赛开始。", rules, "EVENT") - {"标准化博览会"}
    assert not chunks("反对核军备竞赛。", rules, "EVENT")
    assert not chunks("一些欧洲国家政府和经济界人士认为。", rules, "ORG", anchors={2})  # governments of countries, a plural
    assert not chunks("他感谢中国政府授奖。", rules, "AWARD")


def test_an_event_honouring_two_groups_keeps_its_conjunction(rules):
    text = "庆祝2019年教师节暨全国教育系统先进集体和先进个人表彰大会10日在京举行。"
    assert "庆祝2019年教师节暨全国教育系统先进集体和先进个人表彰大会" in chunks(text, rules, "EVENT")
    assert not [c for c in chunks("他说先进经验和会议精神要落实。", rules, "EVENT") if "和" in c]


def test_a_gala_is_an_event(rules):
    assert "“慈善之春”芭蕾舞专场晚会" in chunks("乔石观看了“慈善之春”芭蕾舞专场晚会。", rules, "EVENT")


def test_a_clock_time_is_when_not_what(rules):
    assert "中国人民政治协商会议第十三届全国委员会第一次会议" in chunks(
        "下午3点整中国人民政治协商会议第十三届全国委员会第一次会议开幕。", rules, "EVENT")


def test_a_field_of_policy_keeps_its_preposition_and_a_launched_campaign_its_verbs(rules):
    assert "2026年中央对台工作会议" in chunks("2026年中央对台工作会议在京召开。", rules, "EVENT")
    assert "学习贯彻习近平新时代中国特色社会主义思想主题教育" in chunks(
        "扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育。", rules, "EVENT")
    assert not [c for c in chunks("要对全省工作会议精神进行部署。", rules, "EVENT") if "对" in c]
    assert "塞尔维亚对华合作国家委员会" in chunks("塞尔维亚对华合作国家委员会主席尼科利奇。", rules, "ORG", anchors={0})


def test_a_preposition_with_a_pronoun_still_ends_an_event_name(rules):
    assert not [c for c in chunks("会议要求以此带动全省工作会议精神落实。", rules, "EVENT") if "以" in c]

def test_an_event_for_two_groups_keeps_its_conjunction_after_a_preposition_of_place(rules):
    assert "全国劳动模范和先进工作者表彰大会" in chunks("习近平在全国劳动模范和先进工作者表彰大会上讲话。", rules, "EVENT")
    assert not [c for c in chunks("习近平和李强出席座谈会。", rules, "EVENT") if "和" in c]

def test_a_quotation_ended_in_an_earlier_sentence_is_no_theme(rules):
    assert not [c for c in chunks("他说：“要团结。”全会随后闭幕。", rules, "EVENT") if "“" in c]

def test_the_bare_number_of_a_party_congress_is_an_event(extract):
    facts = extract("认真学习贯彻十五大精神。十大新闻今天揭晓。")
    assert "十五大" in facts.names("EVENT")
    assert "十五大" not in facts.names("ORG") and "十大" not in facts.all_names()
    facts = extract("团十八大以来，共青团坚持正确方向。来自全国各地的团十九大代表参加。")  # the Youth League's
    assert {"团十八大", "团十九大"} <= facts.names("EVENT") and not {"十八大", "十九大"} & facts.names("EVENT")


def test_a_peace_conference_named_after_where_it_met_is_an_event(extract):
    facts = extract("中国支持从马德里和会开始的和平进程。双方保持互访和会晤传统，精简文件和会议。")
    assert facts.names("EVENT") == {"马德里和会"} and "马德里" not in facts.all_names()


def test_the_election_of_a_named_office_or_chamber_is_an_event(extract):
    facts = extract("德国联邦议院选举23日举行。美国将举行国会中期选举。各地坚持民主选举。")
    assert facts.names("EVENT") == {"德国联邦议院选举", "国会中期选举"}
    facts = extract("美国多家互联网巨头在俄国家杜马选举筹备和进行过程中有违法行为。")
    assert facts.names("EVENT") == {"俄国家杜马选举"} and not facts.names("ORG")


def test_a_championship_by_its_short_name_is_an_event(extract):
    facts = extract("正在卡塔尔多哈进行的2018体操世锦赛，当地时间29号晚间进行了男子团体决赛。")
    assert "2018体操世锦赛" in facts.names("EVENT")


def test_no_name_crosses_the_jian_that_joins_two_posts(extract):
    facts = extract("古巴国务委员会主席兼部长会议主席迪亚斯-卡内尔在现场指挥救援。")
    assert facts.names("ORG") == {"古巴国务委员会", "部长会议"} and not facts.names("EVENT")


def test_every_form_of_a_party_congress_s_number_names_one_event(extract):
    facts = extract("胜利召开党的第十五次全国代表大会。时隔10年，十五大再次强调这个问题。党的十五大是里程碑。"
                    "全省二十大城市都参加。")
    assert facts.names("EVENT") == {"党的第十五次全国代表大会"}
    assert "二十大" not in facts.all_names()

def test_a_festival_numbered_by_its_editions_is_an_event(extract):
    facts = extract("第36届中国·哈尔滨国际冰雪节5日开幕。春节期间，第十四届全国人大三次会议审议节能法。")
    assert "第36届中国·哈尔滨国际冰雪节" in facts.names("EVENT")
    assert not [n for n in facts.all_names() if n.endswith(("节", "节能法")) and n != "第36届中国·哈尔滨国际冰雪节"]

def test_a_country_s_armed_forces_named_by_their_kind_are_an_organisation(extract):
    facts = extract("以色列国防军20日发表声明。也门政府军与胡塞武装交火。")
    assert {"以色列国防军", "也门政府军"} <= facts.names("ORG")


def test_games_named_with_their_paralympic_twin_are_one_modifier_of_a_name(extract):
    facts = extract("习近平主持召开北京2022年冬奥会和冬残奥会筹办工作汇报会。北京2022年冬奥会和冬残奥会组织委员会发布公告。"
                    "中国代表团参加了亚运会和世界杯赛。")
    assert "北京2022年冬奥会和冬残奥会筹办工作汇报会" in facts.names("EVENT")
    assert "北京2022年冬奥会和冬残奥会组织委员会" in facts.names("ORG")
    assert "亚运会和世界杯赛" not in facts.all_names()


def test_a_stop_word_inside_a_body_the_recognizer_found_stops_no_event_name(extract):
    facts = extract("韩正和王瑞杰共同主持苏州工业园区联合协调理事会第二十次会议。")
    assert "苏州工业园区联合协调理事会第二十次会议" in facts.names("EVENT")


def test_a_periodical_in_book_title_marks_is_its_publisher(extract):
    facts = extract("本期《求是》杂志将发表重要文章。据《纽约时报》报道，《解放军报》也刊文。两国发表《联合公报》，"
                    "他读了《情况通报》。")
    assert {"求是", "纽约时报", "解放军报"} <= facts.names("ORG")
    assert not {"联合公报", "情况通报"} & facts.all_names()


@pytest.mark.parametrize("text", ["他曾获得1987年一等奖。", "我国将会有一个世界性儿童文学奖。", "目前国家自然科学奖分为四个等级。"])
def test_a_year_a_count_or_a_time_word_names_no_award(rules, text):
    assert not [c for c in chunks(text, rules, "AWARD") if c[:2] in ("19", "会有", "目前")]

def test_two_events_joined_by_a_conjunction_stay_two(rules):
    found = chunks("大会期间举办高层论坛和多场平行分论坛。", rules, "EVENT")
    assert "高层论坛" in found and not [c for c in found if "和" in c or "多场" in c]

def test_a_date_is_no_part_of_an_event_name(rules):
    assert not [c for c in chunks("双方将共同筹备好9月中非合作论坛北京峰会。", rules, "EVENT") if "9月" in c]
    assert "第31届四月之春国际友谊艺术节" in chunks("在第31届四月之春国际友谊艺术节上演出。", rules, "EVENT")

@pytest.mark.parametrize("text, word", [
    ("开创工作新局面。", "局面"),
    ("做好各项部署。", "部署"),
    ("全国政协委员出席。", "委员"),
    ("受到奖励。", "奖励"),
], ids=["jumian", "bushu", "weiyuan", "jiangli"])
def test_suffix_inside_a_longer_word_is_no_chunk(rules, text, word):
    # 局面, 部署, 委员, 奖励 are ordinary words: no chunk may end inside them
    inside = text.index(word) + 1
    assert not [m.text for m in find_chunk_mentions(text, rules) if m.end == inside]


def test_chunk_does_not_cross_punctuation(rules):
    text = "会上，东城区直机关工委作交流发言。"
    got = chunks(text, rules, "ORG", anchors={text.index("东城区")})
    assert "东城区直机关工委" in got
    assert not any("，" in c or "会上" in c for c in got)


def test_chunk_offsets_index_the_text(rules):
    text = "据悉，中关村实验室党委和北京市司法局联合举办第三届青年科技论坛。"
    for m in find_chunk_mentions(text, rules):
        assert text[m.start:m.end] == m.text
        assert m.source == "rule:chunk"


# --- find_pattern_mentions ------------------------------------------------------------------

def test_person_after_title(patterns):
    assert found("国务院总理李强出席论坛。", patterns, "PERSON") == {"李强"}


def test_person_before_honorific(patterns):
    assert found("会上，王建华同志讲话。", patterns, "PERSON") == {"王建华"}
    # comrade follows a person's name only: more confident than the recognizer's place (`谷文昌`, 文昌 a city)
    assert {(m.text, m.score) for m in find_pattern_mentions("学习谷文昌同志。", patterns) if m.type == "PERSON"} >= {
        ("谷文昌", 0.92)}


@pytest.mark.parametrize("text, words", [("习近平主席同总理先生举行会晤。", "同总理"), ("再次感谢总统先生的盛情邀请。", "谢总统")])
def test_a_title_after_a_surname_character_is_no_name(patterns, text, words):
    # 同 and 谢 are surnames, but `同总理先生` is `with Mr Prime Minister`
    assert words not in found(text, patterns, "PERSON")


def test_veteran_comrades_after_a_surname_character_are_no_name(patterns):
    # 向 is a surname, but `领导人向老同志拜年` is `the leaders greet the veteran comrades`
    assert found("中央领导人向老同志拜年。市长向老同志问好。", patterns, "PERSON") == set()
    assert found("工党领导人王建华同志说。", patterns, "PERSON") == {"王建华"}


def test_whom_an_appointment_or_a_dismissal_names_is_a_person(patterns):
    assert found("任命宫鸣为最高人民检察院副检察长，免去孙谦的领导职务。", patterns, "PERSON") == {"宫鸣", "孙谦"}
    assert found("会议任命王建华、李明为中国科协领导。", patterns, "PERSON") == {"李明"}
    assert found("实行任命制为主的制度。", patterns, "PERSON") == set()


def test_person_before_title_after_punctuation(patterns):
    assert "王建华" in found("会上，王建华主任表示，要抓好落实。", patterns, "PERSON")


def test_person_pattern_never_includes_titles_or_honorifics(patterns, rules):
    text = "中关村实验室主任王建华表示，副主任李明同志、秘书长张伟出席。"
    for name in found(text, patterns, "PERSON"):
        assert not any(name.endswith(w) or name.startswith(w) for w in rules.titles + rules.honorifics)


def test_source_line_names_the_media_org(patterns):
    # guidelines: `央视网消息` names the ORG 央视网
    assert found("央视网消息（新闻联播）：国务院召开常务会议。", patterns, "ORG") == {"央视网"}


def test_source_after_a_preposition_is_the_media_org(patterns):
    # `据新华社消息` names 新华社; 据 is a preposition, not part of the name
    assert found("据新华社消息，中关村实验室召开会议。", patterns, "ORG") == {"新华社"}


def test_a_dateline_is_no_part_of_the_media_org(patterns):
    assert found("本报北京1月13日讯新华社记者报道。", patterns, "ORG") == {"新华社"}


def test_in_jing_is_a_location(patterns):
    # guidelines: `在京` → LOCATION 京
    assert found("第十届科技大会在京召开。", patterns, "LOCATION") == {"京"}


def test_pattern_offsets_index_the_text(patterns):
    text = "国务院总理李强出席论坛，会议由王建华同志主持。"
    for m in find_pattern_mentions(text, patterns):
        assert text[m.start:m.end] == m.text


# --- clean_person ---------------------------------------------------------------------------

@pytest.mark.parametrize("surface, name", [
    ("吴建平主任", "吴建平"),
    ("于英杰同志", "于英杰"),
    ("院长王建华", "王建华"),
    ("王建华副主任同志", "王建华"),
    ("李强总理", "李强"),
    ("欧阳明华", "欧阳明华"),
], ids=["title-after", "honorific", "title-before", "title-and-honorific", "premier", "two-char-surname"])
def test_clean_person_drops_titles_and_honorifics(rules, surface, name):
    text = f"，{surface}出席。"
    cleaned = clean_person(mention(text, surface, "PERSON"), rules)
    assert cleaned is not None
    assert cleaned.text == name
    assert text[cleaned.start:cleaned.end] == name
    assert cleaned.type == "PERSON"


@pytest.mark.parametrize("surface", ["委员", "同志", "书记", "主任"], ids=["weiyuan", "tongzhi", "shuji", "zhuren"])
def test_clean_person_rejects_a_bare_title_or_honorific(rules, surface):
    # guidelines: roles without a name (党员, 委员) are not PERSON entities
    assert clean_person(mention(f"{surface}出席。", surface, "PERSON"), rules) is None


def test_clean_person_rejects_a_single_character(rules):
    assert clean_person(Mention(0, 1, "王", "PERSON", "test"), rules) is None


@pytest.mark.parametrize("surface", ["布朗族", "傣族", "维吾尔族", "计划部", "科技局", "纸箱厂"])
def test_clean_person_rejects_a_people_s_or_a_unit_s_name(rules, surface):
    assert clean_person(mention(f"{surface}、阿昌族等", surface, "PERSON"), rules) is None


def test_a_two_character_name_may_end_in_a_unit_s_suffix(rules):
    assert clean_person(mention("王局出席", "王局", "PERSON"), rules).text == "王局"


def test_a_name_with_an_indefinite_determiner_names_nothing_but_a_military_unit(rules):
    text = "辽宁某市公安局破获一起案件，习近平视察中部战区陆军某师，张某作案"
    found = merge_mentions([mention(text, "辽宁某市公安局", "ORG"), mention(text, "辽宁", "LOCATION"),
                            mention(text, "中部战区陆军某师", "ORG"), mention(text, "张某", "PERSON")], rules, text)
    assert {(m.type, m.text) for m in found} == {("LOCATION", "辽宁"), ("ORG", "中部战区陆军某师"), ("PERSON", "张某")}


def test_a_name_ending_in_a_session_s_count_is_an_event_s_cut_not_a_body(rules):
    text = "全国政协十三届一次会议副秘书长作说明，第十三届全国人大常委会开会"
    found = merge_mentions([mention(text, "全国政协十三届一次", "ORG"), mention(text, "第十三届全国人大常委会", "ORG")],
                           rules, text)
    assert [m.text for m in found] == ["第十三届全国人大常委会"]


def test_a_copula_or_a_photograph_s_credit_after_a_name_is_trimmed(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "（新华社记者马平摄）迪尼是在戈里齐亚市出生的。"
    assert trim_model_mention(mention(text, "马平摄", "PERSON", source="model"), rules, text, {}).text == "马平"
    assert trim_model_mention(mention(text, "迪尼是", "PERSON", source="model"), rules, text, {}).text == "迪尼"
    text = "总是"  # a word of the analysis that ends in it stays whole
    assert trim_model_mention(Mention(0, 2, text, "ORG", "model", 0.9), rules, text, {2: 0}).text == "总是"


def test_an_ordinal_is_no_name(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "被列入市委书记第一号调研课题，第一批试点单位是中国第一汽车集团。"
    assert trim_model_mention(mention(text, "第一号", "ORG", source="model"), rules, text, {}) is None
    assert trim_model_mention(mention(text, "第一批", "ORG", source="model"), rules, text, {}) is None
    assert trim_model_mention(mention(text, "中国第一汽车集团", "ORG", source="model"), rules, text, {}).text == "中国第一汽车集团"


# --- merge_mentions -------------------------------------------------------------------------

def test_merge_longer_mention_wins(rules):
    text = "中关村实验室党委召开会议。"
    merged = merge_mentions([mention(text, "中关村实验室", "ORG"), mention(text, "中关村实验室党委", "ORG")], rules)
    assert [(m.type, m.text) for m in merged] == [("ORG", "中关村实验室党委")]


def test_merge_same_span_more_confident_wins(rules):
    text = "中关村论坛开幕。"
    low = mention(text, "中关村论坛", "ORG", score=0.6)
    high = mention(text, "中关村论坛", "EVENT", score=0.95)
    assert [(m.type, m.text) for m in merge_mentions([low, high], rules)] == [("EVENT", "中关村论坛")]


def test_merge_keeps_org_nested_in_event(rules):
    text = "市直机关工委第六届文化艺术节开幕。"
    event = mention(text, "市直机关工委第六届文化艺术节", "EVENT")
    org = mention(text, "市直机关工委", "ORG")
    merged = {(m.type, m.text) for m in merge_mentions([event, org], rules)}
    assert merged == {("EVENT", "市直机关工委第六届文化艺术节"), ("ORG", "市直机关工委")}


def test_what_ends_an_event_s_name_is_its_short_name_not_a_body(rules):
    text = "党的十五大再次强调。"
    event, org = mention(text, "党的十五大", "EVENT"), Mention(2, 5, "十五大", "ORG", "model", 0.9)
    bare = Mention(2, 5, "十五大", "EVENT", "rule:pattern", 0.95)
    assert {(m.type, m.text) for m in merge_mentions([event, org, bare], rules)} == {("EVENT", "党的十五大")}


def test_an_assembly_before_a_session_s_number_is_the_session_s_not_a_body_inside_it(rules):
    text = "十四届全国人大二次会议和全国人大常委会第三次会议"
    session, assembly = mention(text, "十四届全国人大二次会议", "EVENT"), mention(text, "十四届全国人大", "ORG")
    sitting, committee = mention(text, "全国人大常委会第三次会议", "EVENT"), mention(text, "全国人大常委会", "ORG")
    merged = {(m.type, m.text) for m in merge_mentions([session, assembly, sitting, committee], rules)}
    assert merged == {("EVENT", "十四届全国人大二次会议"), ("EVENT", "全国人大常委会第三次会议"), ("ORG", "全国人大常委会")}


def test_merge_drops_partial_overlaps(rules):
    text = "北京市司法局长王建华"
    a = mention(text, "北京市司法局", "ORG")
    b = Mention(5, 10, text[5:10], "PERSON", "test", 0.5)  # 局长王建华, crossing the ORG's end
    merged = merge_mentions([a, b], rules)
    for x in merged:
        for y in merged:
            if x is not y:
                assert x.end <= y.start or y.end <= x.start or (x.start <= y.start and y.end <= x.end) \
                    or (y.start <= x.start and x.end <= y.end)


def test_merge_drops_never_entities(rules):
    text = "我国科技界和我们都支持中关村实验室。"
    candidates = [mention(text, "我国", "LOCATION", score=0.95), mention(text, "我们", "ORG"),
                  mention(text, "中关村实验室", "ORG")]
    assert {m.text for m in merge_mentions(candidates, rules)} == {"中关村实验室"}


def test_merge_cleans_persons(rules):
    text = "吴建平主任出席。"
    [merged] = merge_mentions([mention(text, "吴建平主任", "PERSON")], rules)
    assert (merged.text, merged.start, merged.end) == ("吴建平", 0, 3)


def test_a_person_named_like_a_province_or_prefecture_is_a_place(rules):
    text = "乌克兰军队袭击了俄罗斯奥廖尔州，洛桑江村出席。"
    merged = merge_mentions([mention(text, "奥廖尔州", "PERSON", source="model"), mention(text, "洛桑江村", "PERSON")], rules)
    assert [(m.text, m.type) for m in merged] == [("奥廖尔州", "LOCATION"), ("洛桑江村", "PERSON")]


def test_a_person_span_gives_up_the_start_of_a_title_after_it(rules):
    text = "王卫常委建议，加快立法。"
    [merged] = merge_mentions([mention(text, "王卫常", "PERSON", source="model")], rules, text)
    assert merged.text == "王卫"


def test_merge_result_is_sorted(rules):
    text = "中关村实验室和北京市司法局举办论坛。"
    merged = merge_mentions([mention(text, "北京市司法局", "ORG"), mention(text, "中关村实验室", "ORG")], rules)
    assert [m.start for m in merged] == sorted(m.start for m in merged)


# --- the whole chain ------------------------------------------------------------------------

def test_chain_person_after_state_title(extract):
    facts = extract("国务院总理李强出席论坛。")
    assert "李强" in facts.names("PERSON")
    assert "国务院" in facts.names("ORG")
    assert not any("总理" in n for n in facts.all_names())


def test_chain_person_without_title_or_honorific(extract):
    # guidelines: `北京市委常委于英杰同志` → PERSON 于英杰 (title and 同志 are not part of the name)
    facts = extract("北京市委常委于英杰同志出席会议。")
    assert "于英杰" in facts.names("PERSON")
    assert not any("同志" in n or "常委" in n for n in facts.names("PERSON"))


def test_chain_org_does_not_swallow_the_title(extract):
    facts = extract("北京市委常委于英杰同志出席会议。")
    assert "北京市委" in facts.names("ORG")
    assert "北京市委常委" not in facts.all_names()


def test_chain_lab_and_its_party_committee_are_orgs(extract):
    # guidelines: 中关村实验室 and 中关村实验室党委 are ORG entities
    facts = extract("中关村实验室党委召开会议。中关村实验室主任王建华出席。")
    assert {"中关村实验室", "中关村实验室党委"} <= facts.names("ORG")


def test_chain_media_source_org(extract):
    facts = extract("据新华社消息，中关村实验室党委召开会议。")
    assert "新华社" in facts.names("ORG")
    assert "据新华社" not in facts.all_names()


def test_chain_org_does_not_swallow_a_verb(extract):
    # 举办 and 主办 are verbs: the organisation is 中国科协
    facts = extract("中国科协举办青年科技工作者沙龙。")
    assert "中国科协" in facts.names("ORG")
    assert not any(n.endswith("举办") for n in facts.all_names())
    facts = extract("青年科技论坛由中国科协主办。")
    assert "中国科协" in facts.names("ORG")
    assert not any(n.endswith("主办") for n in facts.all_names())


def test_chain_award_does_not_swallow_the_recipient(extract):
    facts = extract("中国科协授予王建华同志全国优秀科技工作者称号。")
    assert "王建华" in facts.names("PERSON")
    assert facts.names("AWARD")
    assert not any("王建华" in n for n in facts.names("AWARD"))
    assert any("全国优秀科技工作者" in n for n in facts.names("AWARD"))


def test_chain_named_event_and_award(extract):
    facts = extract("中关村实验室主任王建华在北京市机关党建工作交流研讨会上获得2023年度机关党建研究成果二等奖。")
    assert "北京市机关党建工作交流研讨会" in facts.names("EVENT")
    assert "2023年度机关党建研究成果二等奖" in facts.names("AWARD")
    assert "王建华" in facts.names("PERSON")


def test_chain_generic_words_are_not_entities(extract):
    facts = extract("会议指出，我们要加强基层党组织建设，我国广大党员和科技工作者积极参加活动。")
    names = facts.all_names()
    for word in ("会议", "我们", "我国", "基层党组织", "党员", "科技工作者", "活动"):
        assert word not in names


def test_chain_lexicon_campaign_event(extract):
    facts = extract("中关村实验室党委扎实开展党纪学习教育。")
    assert "党纪学习教育" in facts.names("EVENT")


def test_chain_central_office_named_by_its_short_form_at_a_paragraph_start(extract):
    facts = extract("王晨主持座谈会。\n中央国安办、全国人大宪法法律委负责同志发言。中央国家安全委员会办公室负责同志说。")
    assert "中央国安办" in facts.entity("ORG", "中央国家安全委员会办公室").aliases
    assert "国安办" not in facts.all_names()
    facts = extract("国新办召开新闻发布会。国务院新闻办公室发言人说。")
    assert "国新办" in facts.entity("ORG", "国务院新闻办公室").aliases


def test_chain_an_intergovernmental_organisation_is_an_organisation_not_a_region(extract):
    facts = extract("东盟秘书长高金洪出席开幕式。东南亚国家联盟成立于1967年。")
    assert "东盟" not in facts.names("LOCATION")
    assert "东盟" in facts.entity("ORG", "东南亚国家联盟").aliases  # its short form


def test_chain_place_inside_an_org_name_is_not_a_location(extract):
    # guidelines: 北京市 in 北京市生态环境局 is no separate LOCATION unless it stands alone
    facts = extract("北京市生态环境局召开党建工作会议。")
    assert "北京市生态环境局" in facts.names("ORG")
    assert "北京市" not in facts.names("LOCATION")


def test_chain_full_width_text_offsets(extract):
    text = "２０２４年８月１３日，国务院总理李强出席论坛。\u3000中关村实验室召开会议。"
    facts = extract(text)
    assert "李强" in facts.names("PERSON")
    for entity in facts.result.entities:
        for span in entity.mentions:
            assert text[span.start:span.end] == span.text


def test_no_mention_crosses_a_line_break(rules):
    from pipeline.analysis.entity_rules import merge_mentions

    text = "王建华\n李明"
    across = Mention(0, len(text), text, "PERSON", "model", 0.9)
    assert merge_mentions([across], rules) == []


def test_a_name_may_end_in_a_function_character_that_ends_a_word_of_it(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "中央军委委员魏凤和、李作成参加活动。"
    start = text.index("魏凤和")
    kept = trim_model_mention(mention(text, "魏凤和", "PERSON", source="model"), rules, text, {start + 3: start})
    assert kept.text == "魏凤和"
    text = "中央军委委员魏凤和李作成参加活动。"  # without the word analysis, a conjunction before a name is none of it
    assert trim_model_mention(mention(text, "魏凤和", "PERSON", source="model"), rules, text).text == "魏凤"
    text = "王建华和李明参加活动。"  # 王建华|和: the word ends before the conjunction
    assert trim_model_mention(mention(text, "王建华和", "PERSON", source="model"), rules, text, {3: 0}).text == "王建华"
    text = "出席的有魏凤和、周忠和。"  # before a list mark a conjunction joins nothing: it ends the name
    assert trim_model_mention(mention(text, "魏凤和", "PERSON", source="model"), rules, text).text == "魏凤和"
    assert trim_model_mention(mention(text, "周忠", "PERSON", source="model"), rules, text).text == "周忠和"
    text = "在会议中研究"
    assert trim_model_mention(Mention(1, 4, "会议中", "ORG", "model", 0.9), rules, text, {3: 1}).text == "会议"


def test_a_body_run_on_into_a_member_state_s_role_names_the_body(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "中国作为联合国安理会常任理事国，欧盟成员国也支持。"
    assert trim_model_mention(mention(text, "联合国安理会常任理事国", "ORG", source="model"), rules, text).text == "联合国安理会"
    assert trim_model_mention(mention(text, "欧盟成员国", "ORG", source="model"), rules, text).text == "欧盟"
    text = "上海合作组织成员国元首理事会会议"
    assert trim_model_mention(mention(text, "上海合作组织成员国元首理事会", "ORG", source="model"), rules, text).text == (
        "上海合作组织成员国元首理事会")


def test_a_statistical_place_ends_before_the_verb_after_a_place_s_name(rules):
    text = "莱索托钦佩中国改革开放取得的成就，在湖南怀化调研"
    words = word_analysis([(0, 3, "ns"), (3, 5, "v"), (5, 7, "ns"), (7, 9, "v"), (9, 11, "v"), (11, 13, "v"), (13, 14, "u"),
                           (14, 16, "n"), (16, 17, "w"), (17, 18, "p"), (18, 20, "ns"), (20, 22, "v"), (22, 24, "v")])
    glued = mention(text, "莱索托钦佩", "LOCATION", source="model", score=0.9)
    city = mention(text, "湖南怀化", "LOCATION", source="model", score=0.9)  # 怀化, a listed city, misread as a verb
    from pipeline.analysis.model_spans import without_edge_verbs
    assert [m.text for m in without_edge_verbs([glued, city], words, rules.known_places)] == ["莱索托", "湖南怀化"]


def test_a_person_the_recognizer_began_inside_a_place_s_word_begins_after_it():
    from pipeline.analysis.model_spans import at_word_start
    text = "欢迎卡塔尔国埃米尔塔米姆访华，会见欧阳山尊"
    words = word_analysis([(0, 2, "v"), (2, 6, "ns"), (6, 12, "nr"), (12, 14, "v"), (14, 15, "w"), (15, 17, "v"),
                           (17, 21, "nr")])
    emir, person = Mention(4, 12, text[4:12], "PERSON", "model"), Mention(18, 21, "阳山尊", "PERSON", "model")
    assert [at_word_start(m, words, text).text for m in (emir, person)] == ["埃米尔塔米姆", "阳山尊"]  # not in a place's word
    assert at_word_start(emir, word_analysis(None), text) == emir


def test_a_person_the_recognizer_began_a_character_into_a_name_word_that_begins_a_list_item_begins_with_it():
    from pipeline.analysis.model_spans import at_word_start
    text = "选举张舟、买买提明·扎克尔为副主席，会见欧阳山尊"
    words = word_analysis([(0, 2, "v"), (2, 4, "nr"), (4, 5, "w"), (5, 9, "nr"), (9, 10, "w"), (10, 13, "nr"), (13, 14, "v"),
                           (14, 17, "n"), (17, 18, "w"), (18, 20, "v"), (20, 24, "nr")])
    listed, met = Mention(6, 13, text[6:13], "PERSON", "model"), Mention(21, 24, text[21:24], "PERSON", "model")
    assert [at_word_start(m, words, text).text for m in (listed, met)] == ["买买提明·扎克尔", "阳山尊"]  # 会见 is no list mark


def test_a_pattern_s_person_begins_after_another_person_s_name_word_but_not_after_its_own_surname():
    from pipeline.analysis.model_spans import PATTERN, at_word_start
    text = "记者严正孙勇军；王会生常委建议"
    words = word_analysis([(0, 2, "n"), (2, 4, "nr"), (4, 7, "nr"), (7, 8, "w"), (8, 9, "nr"), (9, 11, "n"), (11, 13, "n"),
                           (13, 15, "n")])
    byline, member = Mention(2, 7, text[2:7], "PERSON", PATTERN), Mention(8, 11, text[8:11], "PERSON", PATTERN)
    assert [at_word_start(m, words, text).text for m in (byline, member)] == ["孙勇军", "王会生"]  # `王|会生`: a surname word


def test_a_name_begins_after_a_causative_verb_of_its_own_word(rules):
    from pipeline.analysis.model_spans import without_edge_verbs
    text = "使股东大会各负其责，令联邦通信委员会被动，让·梅泰·亚彭德说，使馆工作人员"
    words = word_analysis([(0, 1, "v"), (1, 3, "n"), (3, 5, "n"), (10, 11, "v"), (11, 17, "nt"), (20, 27, "nr"),
                           (30, 32, "n")])
    found = [mention(text, "使股东大会", "EVENT", source="rule:chunk"), mention(text, "令联邦通信委员会", "ORG", source="model"),
             mention(text, "让·梅泰·亚彭德", "PERSON", source="model"), mention(text, "使馆", "ORG", source="model")]
    assert [m.text for m in without_edge_verbs(found, words)] == ["股东大会", "联邦通信委员会", "让·梅泰·亚彭德", "使馆"]


def test_a_statistical_name_that_is_one_verb_after_another_is_none():
    from pipeline.analysis.model_spans import without_edge_verbs
    text = "赴塔吉克斯坦投资兴业，兴业银行，开拓兴业"
    words = word_analysis([(0, 1, "v"), (1, 6, "ns"), (6, 8, "v"), (8, 10, "v"), (10, 11, "w"), (11, 13, "nz"),
                           (13, 15, "n"), (15, 16, "w"), (16, 18, "v"), (18, 20, "nz")])
    found = [mention(text, "兴业", "ORG", source="model"), mention(text, "兴业银行", "ORG", source="model"),
             mention(text, "兴业", "ORG", 2, source="model")]
    # not a name the word analysis reads as a name, after a verb or not
    assert [m.start for m in without_edge_verbs(found, words)] == [11, 18]


def test_a_shop_s_name_the_recognizer_reads_as_a_place_is_an_organisation_s(rules):
    text = "西单商场、华威商场和贵友大厦"
    found = [mention(text, name, "LOCATION", source="model", score=0.9) for name in ("西单商场", "华威商场", "贵友大厦")]
    assert [(m.text, m.type) for m in merge_mentions(found, rules, text)] == [
        ("西单商场", "ORG"), ("华威商场", "ORG"), ("贵友大厦", "LOCATION")]


def test_a_one_character_abbreviation_is_no_trailing_function_character(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "中美两国领导人会晤。"
    assert trim_model_mention(Mention(0, 1, "中", "LOCATION", "model", 0.9), rules, text).text == "中"
    assert trim_model_mention(Mention(0, 2, "中，", "LOCATION", "model", 0.9), rules, "中，美").text == "中"
    assert trim_model_mention(Mention(0, 1, "，", "LOCATION", "model", 0.9), rules, "，美") is None


def test_a_one_character_abbreviation_beside_its_full_name_is_its_alias(extract):
    facts = extract("中国和德国发表联合声明。双方表示，中德关系稳定发展。")
    assert "中" in facts.entity("LOCATION", "中国").aliases


@pytest.mark.parametrize("side", ["韩方", "乌军", "以军"])
def test_a_place_short_form_with_side_or_army_is_no_person(rules, side):
    from pipeline.analysis.entity_rules import clean_person

    text = f"{side}表示欢迎。"
    assert clean_person(mention(text, side, "PERSON", source="model"), rules) is None
    text = "村支书王军表示欢迎。"
    assert clean_person(mention(text, "王军", "PERSON", source="model"), rules).text == "王军"


@pytest.mark.parametrize("text, pair", [
    ("四川、重庆两地联合行动。川渝首批事项落地。", "川渝"),
    ("韩国和朝鲜举行会谈。韩朝共同努力。", "韩朝"),
])
def test_two_places_short_forms_written_in_full_are_no_person(rules, text, pair):
    from pipeline.analysis.entity_rules import clean_person

    assert clean_person(mention(text, pair, "PERSON", source="model"), rules, text) is None


@pytest.mark.parametrize("text, name", [
    ("国家主席会见喀麦隆总统比亚。比亚表示感谢。", "比亚"),  # neither 比利时 nor 亚洲 written
    ("韩国代表团抵达。韩朝表示欢迎。", "韩朝"),  # 朝鲜 not written
])
def test_a_name_of_short_forms_stays_a_person_unless_both_places_are_written(rules, text, name):
    from pipeline.analysis.entity_rules import clean_person

    assert clean_person(mention(text, name, "PERSON", source="model"), rules, text).text == name


def test_an_organisation_span_gives_up_the_start_of_a_title_after_it(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "朝鲜劳动党委员长金正恩出席。"
    assert trim_model_mention(mention(text, "朝鲜劳动党委", "ORG", source="model"), rules, text).text == "朝鲜劳动党"
    text = "外交部长王毅出席。"
    assert trim_model_mention(mention(text, "外交部", "ORG", source="model"), rules, text).text == "外交部"


def test_the_light_verb_after_a_name_is_no_part_of_it(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "受国务院委托，应急管理部副部长黄明作了说明。"
    assert trim_model_mention(mention(text, "黄明作", "PERSON", source="model"), rules, text).text == "黄明"


def test_a_session_number_after_a_termed_body_stays_in_the_name(rules):
    texts = {m.text for m in find_chunk_mentions("学习贯彻十五届全省人大一次会议精神", rules)}
    assert "十五届全省人大一次会议" in texts
    assert {m.text for m in find_chunk_mentions("这是一次会议", rules)} == set()  # `一次` counts here


def test_a_stop_word_inside_a_verb_of_an_event_s_theme_stops_no_event_name(rules):
    text = "出席二十国集团领导人应对新冠肺炎特别峰会，单位受到中关村实验室党委表扬"
    verbs = {10: 12, 24: 26}  # 应对, 受到
    found = names(find_chunk_mentions(text, rules, anchors={text.index("单位")}, verbs=verbs))
    assert "二十国集团领导人应对新冠肺炎特别峰会" in found
    assert "新冠肺炎特别峰会" in names(find_chunk_mentions(text, rules))
    assert not [n for n in found if "受到" in n]  # an organisation's name stops there all the same


def test_a_government_right_after_a_verb_is_its_object(extract):
    facts = extract("叙利亚反政府武装发动袭击。日本银行串通政府。北京市人民政府发布通知。")
    assert not {n for n in facts.names("ORG") if n.endswith("反政府") or "串通" in n}
    assert {"日本银行", "北京市人民政府"} <= facts.names("ORG")


def test_a_description_with_an_evaluative_or_ranking_modifier_names_no_body(extract):
    facts = extract("美国知名跨国公司纷纷来华投资。路桥区首家股份制医院开业。英国主要病毒检测实验室发布报告。")
    assert not {n for n in facts.names("ORG") if any(w in n for w in ("知名", "首家", "主要"))}


def test_no_name_begins_with_a_part_of_the_year(extract):
    facts = extract("去年年底中央经济工作会议提出，要做好工作。")
    assert "中央经济工作会议" in facts.names("EVENT")


def test_the_preposition_of_whom_an_offering_honours_is_the_ceremony_s(extract):
    facts = extract("烈士纪念日向人民英雄敬献花篮仪式30日上午在北京天安门广场隆重举行。习近平等出席仪式。"
                    "国务院总理李克强29日向全球未来科技创新合作大会致贺信。")
    assert {"烈士纪念日向人民英雄敬献花篮仪式", "全球未来科技创新合作大会"} <= facts.names("EVENT")


def test_a_congress_keeps_the_representatives_in_its_name(rules):
    texts = {m.text for m in find_chunk_mentions("第九届全县人民代表大会第三次会议开幕", rules, nominal_words={7: 11})}
    assert "第九届全县人民代表大会第三次会议" in texts


def test_a_given_name_ending_in_a_conjunction_or_a_postposition_is_kept(extract):
    facts = extract("画家吴冠中和黄永玉的作品展在京开幕。黄振中和李强会见了代表。")
    assert {"吴冠中", "黄永玉", "黄振中", "李强"} <= facts.names("PERSON")
    assert not {"吴冠", "黄振"} & facts.names("PERSON")


def test_an_adverb_between_a_name_and_its_verb_is_not_the_name(rules):
    text = "国务院总理李强将出席会议。"
    assert ("李强", "PERSON") in {(m.text, m.type) for m in find_pattern_mentions(text, compile_patterns(rules))}


def test_an_event_name_does_not_reach_over_a_letter_sent_to_it(rules):
    assert chunks("习近平致信全省会员代表大会", rules, "EVENT") == {"全省会员代表大会"}


def test_a_common_word_after_a_title_is_no_person(rules):
    from pipeline.analysis.entity_rules import clean_person

    text = "宣读主席贺信并致辞"
    assert clean_person(Mention(0, 2, "高度", "PERSON", "rule:pattern", 0.85), rules) is None
    # nor is what the recognizer reads as a person there (`王宫`, `殷殷`), People's Daily never naming one so
    assert clean_person(Mention(0, 2, "王宫", "PERSON", "model", 0.9), rules) is None
    assert clean_person(Mention(0, 2, "王毅", "PERSON", "model", 0.9), rules).text == "王毅"
    assert "贺信并" not in {m.text for m in find_pattern_mentions(text, compile_patterns(rules))}


def test_a_common_word_with_its_particle_after_a_title_is_no_person(rules):
    text = "国资委相关负责人介绍了情况。"
    start = text.index("介绍了")
    assert merge_mentions([Mention(start, start + 3, "介绍了", "PERSON", "rule:pattern", 0.85)], rules, text) == []


def test_punctuation_never_ends_a_name_whatever_the_words_read(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "俄军攻占阿夫杰耶夫卡，并逼近。"
    span = Mention(4, 11, text[4:11], "PERSON", "model", 0.9)  # the analysis joins `卡，` into one word
    assert trim_model_mention(span, rules, text, {11: 4}).text == "阿夫杰耶夫卡"


def test_only_a_place_has_a_one_character_name(rules):
    text = "中美双方在联大会议上"
    found = merge_mentions([Mention(1, 2, "美", "LOCATION", "model", 0.9), Mention(5, 6, "联", "ORG", "model", 0.9)],
                           rules, text)
    assert [(m.text, m.type) for m in found] == [("美", "LOCATION")]


def test_in_an_event_name_a_stop_word_read_as_a_noun_stops_nothing(rules):
    text = "举行第15届伊斯兰合作组织首脑会议，全国党建研究会负责同志调研"
    org = (text.index("组织"), text.index("组织") + 2)
    comrade = (text.index("同志"), text.index("同志") + 2)
    tags = {org: "n", comrade: "n"}
    found = names(find_chunk_mentions(text, rules, {text.index("全国")}, tags=tags))
    assert "第15届伊斯兰合作组织首脑会议" in found
    assert "第15届伊斯兰合作组织首脑会议" not in names(find_chunk_mentions(text, rules))
    assert not any("同志" in name for name in found)  # an organisation's name stops at a person noun


def test_a_name_begins_after_a_subject_and_its_predicate(rules):
    text = "习近平走进北京冬奥会展示中心，周小燕从教50年音乐会"
    tags = {(0, 3): "nr", (3, 4): "v", (4, 5): "v", (5, 7): "ns", (7, 10): "j", (15, 18): "nr", (18, 20): "v",
            (20, 23): "m", (23, 26): "n"}
    found = names(find_chunk_mentions(text, rules, tags=tags, verbs={18: 20}))
    assert "北京冬奥会" in found and not any("走进" in name for name in found)
    assert "周小燕从教50年音乐会" in found  # a number after them: the theme of a jubilee


def test_a_meeting_name_holds_two_nouns_of_its_topic_joined_by_a_conjunction(extract):
    facts = extract("以“学习周恩来研究周恩来”为主题的江苏省周恩来生平和思想研讨会，今天在江苏淮安市举行。"
                    "23日，非洲和世界银行领导人论坛在乌干达首都坎帕拉举行。")
    assert {"江苏省周恩来生平和思想研讨会", "非洲和世界银行领导人论坛"} <= facts.names("EVENT")
    # an abbreviation, a verb in the first conjunct, a noun or a post after the name: two phrases joined
    facts = extract("全国人民认真贯彻党的十五大和中央经济工作会议精神。会议采取企业改革经验交流报告与理论专题讲座相结合。"
                    "总书记的重要讲话，在参会的两院院士和中国科协大会代表中引起了强烈反响。")
    assert not any(conjunction in name for name in facts.names("EVENT") for conjunction in "和与")
    assert {"中央经济工作会议", "理论专题讲座"} <= facts.names("EVENT")


def test_a_meeting_named_before_a_word_and_a_new_term_is_no_part_of_the_name(rules):
    from pipeline.analysis.boundaries import governed_start

    name = "委员长会议建议十四届全国人大四次会议"
    assert name[governed_start(name, rules):] == "十四届全国人大四次会议"
    name = "中央党校建校90周年庆祝大会暨2023年春季学期开学典礼"  # joined by 暨: one event
    assert governed_start(name, rules) == 0


def test_a_name_is_not_propagated_into_a_word_that_is_no_noun(extract):
    facts = extract("中国愿同各国一道，帮助发展中国家加强卫生系统。")
    china = facts.entity("LOCATION", "中国")
    assert [m.start for m in china.mentions] == [0]


def test_a_short_form_gives_way_to_the_full_name_written_where_it_stands():
    from pipeline.analysis.propagation import propagate

    text = "中关村科学城管理委员会主任王建华主持。中关村科学城管理委员会副主任李强说，委员会要加强协调。"
    found = [mention(text, "中关村科学城管理委员会", "ORG", 1), mention(text, "委员会", "ORG", 0, source="short_form"),
             mention(text, "委员会", "ORG", 2, source="short_form")]
    spans = {(m.start, m.end, m.source) for m in propagate(text, found)}
    assert (0, 11, "propagated") in spans and (0 + 8, 11, "short_form") not in spans
    assert (text.rindex("委员会"), text.rindex("委员会") + 3, "short_form") in spans


def test_a_person_cut_short_after_a_preposition_is_the_whole_name_the_text_writes_there():
    from pipeline.analysis.propagation import propagate

    text = "习近平同尼日利亚总统提努布会谈。会谈前，习近平为提努布举行欢迎仪式。"
    found = [mention(text, "提努布", "PERSON"), mention(text, "努布", "PERSON", 1), mention(text, "习近平", "PERSON")]
    cut = text.index("为提努布") + 2
    assert {(m.start, m.end, m.text) for m in propagate(text, found) if m.end == cut + 2} == {(cut - 1, cut + 2, "提努布")}


def test_a_name_before_a_title_and_what_a_member_says_is_a_person(extract):
    facts = extract("燕瑛常委说，要加强监督。会上，燕瑛常委发言建议加强合作。")
    assert "燕瑛" in facts.names("PERSON") and "燕瑛" not in facts.names("LOCATION")


def test_a_short_form_with_a_party_organ_after_it_is_that_organ_of_the_full_name():
    from pipeline.analysis.propagation import short_form_mentions

    text = "郑州圆方集团是民营企业，圆方集团发展快。集团党委书记薛荣说。"
    found = [mention(text, "郑州圆方集团", "ORG"), mention(text, "圆方集团", "ORG", 1)]
    organs = ("党委", "党组")
    shorts = short_form_mentions(text, found, {"ORG": ("集团",)}, organs)
    assert [(m.text, m.name) for m in shorts if m.name] == [("集团党委", "郑州圆方集团党委")]
    assert {m.text for m in short_form_mentions(text, found, {"ORG": ("集团",)})} == {"集团"}
    two = found + [mention("北京建工集团", "北京建工集团", "ORG")]
    assert not [m for m in short_form_mentions(text, two, {"ORG": ("集团",)}, organs) if m.name]  # which one?


def test_a_generic_head_after_a_verbal_noun_heads_a_longer_name_not_the_document_s():
    from pipeline.analysis.propagation import short_form_mentions

    text = "国家发展和改革委员会主任何立峰出席。表彰工作委员会副主任王毅宣读命令。委员会成立于2016年。"
    found = [mention(text, "国家发展和改革委员会", "ORG")]
    words = [(text.index("表彰"), text.index("表彰") + 2, "v"), (text.index("工作"), text.index("工作") + 2, "vn")]
    compound = text.index("工作委员会") + 2
    shorts = short_form_mentions(text, found, {"ORG": ("委员会",)}, (), words)
    assert text.rindex("委员会") in [m.start for m in shorts] and compound not in [m.start for m in shorts]
    assert compound in [m.start for m in short_form_mentions(text, found, {"ORG": ("委员会",)})]  # without the analysis


def test_a_name_before_a_landform_term_is_the_landform_s(rules):
    text = "探访叙利亚耶尔穆克盆地，走进云贵高原和蒙古国草原。智利中部瓦尔帕莱索大区森林火灾。"

    def at(name, etype):
        start = text.index(name)
        return Mention(start, start + len(name), name, etype, "model", 0.9)
    merged = merge_mentions([at("耶尔穆克", "PERSON"), at("贵", "LOCATION"), at("蒙古国", "LOCATION"),
                             at("瓦尔帕莱索", "PERSON")], rules, text)
    assert [(m.type, m.text) for m in merged] == [("LOCATION", "耶尔穆克盆地"), ("LOCATION", "贵"), ("LOCATION", "蒙古国"),
                                                  ("LOCATION", "瓦尔帕莱索大区")]
    text = "长江中下游平原降雨偏多，推动长江经济带发展。"  # a river's reaches and region, one term after another
    merged = merge_mentions([at("长江", "LOCATION"), Mention(14, 16, "长江", "LOCATION", "model", 0.9)], rules, text)
    assert [m.text for m in merged] == ["长江中下游平原", "长江经济带"]
    text = "援助物资运抵加沙地带。"  # a strip of land
    assert [m.text for m in merge_mentions([at("加沙", "LOCATION")], rules, text)] == ["加沙地带"]
    text = "三峡库区移民安置。"  # a reservoir's area
    assert [m.text for m in merge_mentions([at("三峡", "LOCATION")], rules, text)] == ["三峡库区"]
    text = "给欧洲经济带来影响。"  # no landform where a verb of the word analysis runs on past its term (`经济|带来`)
    words = [(0, 1, "p"), (1, 3, "ns"), (3, 5, "n"), (5, 7, "v"), (7, 9, "vn"), (9, 10, "w")]
    assert [m.text for m in merge_mentions([at("欧洲", "LOCATION")], rules, text, words)] == ["欧洲"]


def test_a_place_before_the_term_of_its_area_names_the_area(rules):
    text = "东北地区工业基础雄厚，地中海地区局势紧张。王明地区经理说。"

    def at(name, etype):
        start = text.index(name)
        return Mention(start, start + len(name), name, etype, "model", 0.9)
    merged = merge_mentions([at("东北", "LOCATION"), at("地中海", "LOCATION"), at("王明", "PERSON")], rules, text)
    assert [(m.type, m.text) for m in merged] == [("LOCATION", "东北地区"), ("LOCATION", "地中海地区"), ("PERSON", "王明")]


def test_the_side_of_a_river_or_a_lake_is_no_part_of_its_name(rules):
    text = "黄浦江畔的东方明珠，鄱阳湖畔的村庄，河畔公园。"

    def at(name):
        start = text.index(name)
        return Mention(start, start + len(name), name, "LOCATION", "model", 0.9)
    merged = merge_mentions([at("黄浦江畔"), at("鄱阳湖畔")], rules, text)
    assert [m.text for m in merged] == ["黄浦江", "鄱阳湖"]


def test_a_river_before_the_term_of_its_bank_names_the_bank(rules):
    text = "以军撤出约旦河西岸，雅鲁藏布江北岸降雨。美国西岸港口繁忙。黄河东岸地区干旱。"

    def at(name):
        start = text.index(name)
        return Mention(start, start + len(name), name, "LOCATION", "model", 0.9)
    merged = merge_mentions([at("约旦河"), at("雅鲁藏布江"), at("美国"), at("黄河")], rules, text)
    # a country's coast is no river's bank; a bank's area is named with it
    assert [m.text for m in merged] == ["约旦河西岸", "雅鲁藏布江北岸", "美国", "黄河东岸地区"]


def test_a_programme_named_in_quotes_by_its_head_is_an_event(extract):
    facts = extract("北京市实施“菜篮子工程”以来成效显著。团中央开展『国聘行动』。影片获得“五个一工程”奖。")
    assert {"菜篮子工程", "国聘行动"} <= facts.names("EVENT")
    assert "五个一工程" not in facts.names("EVENT")  # the prize named after a programme


def test_a_ceremony_of_state_or_of_worship_named_大典_is_an_event_not_a_compendium(extract):
    facts = extract("展品包括开国大典影像。辛丑年黄帝故里拜祖大典在河南新郑举行。图书馆展出《永乐大典》12册。他作重大典型报告。")
    assert {"开国大典", "辛丑年黄帝故里拜祖大典"} <= facts.names("EVENT")
    assert not {n for n in facts.names("EVENT") if "永乐" in n or "重大" in n}


def test_an_inter_ministerial_mechanism_is_an_organisation_and_its_session_an_event(extract):
    facts = extract("经国务院减轻企业负担部级联席会议批准，发布通知。国务院旅游工作部际联席会议第五次全体会议在京召开。")
    assert "国务院减轻企业负担部级联席会议" in facts.names("ORG")
    assert "国务院减轻企业负担部级联席会议" not in facts.names("EVENT")
    assert "国务院旅游工作部际联席会议第五次全体会议" in facts.names("EVENT")


def test_a_news_agency_s_branch_by_its_region_is_one_organisation(extract):
    orgs = extract("示威者暴力冲击新华社亚太总分社，围殴路人。").names("ORG")
    assert "新华社亚太总分社" in orgs and "亚太总分社" not in orgs


@pytest.mark.parametrize(("text", "name", "parts"), [
    ("据俄通社—塔斯社莫斯科１月５日电，俄罗斯总统发表讲话。", "俄通社—塔斯社", {"俄通社", "塔斯社"}),  # Russia's news agency, whole
    ("政治部主任卡杜米７日代表巴解组织发表一项声明。", "巴解组织", set()),  # the PLO by its short form
])
def test_a_listed_foreign_organisation_is_found_as_written(extract, text, name, parts):
    orgs = extract(text).names("ORG")
    assert name in orgs and not parts & orgs


def test_a_work_meeting_named_by_the_short_form_of_its_head_is_an_event(extract):
    facts = extract("年初，自治区召开了全区经济工作会。市里的扶贫工作会议推迟。双方举行工作会谈。")
    assert "全区经济工作会" in facts.names("EVENT")
    assert not {n for n in facts.names("EVENT") if n.endswith("工作会")} - {"全区经济工作会"}  # not talks (`工作会谈`)


def test_honours_listed_after_one_share_its_modifier(extract):
    facts = extract("第七届全国文明城市、文明村镇、文明单位代表，第三届全国文明家庭、文明校园代表在大会上发言。")
    assert {"第七届全国文明城市", "第七届全国文明村镇", "第七届全国文明单位", "第三届全国文明家庭", "第三届全国文明校园"} <= facts.names("AWARD")
    assert not {"文明村镇", "文明单位", "文明校园"} & facts.names("AWARD")


def test_an_exhibition_named_in_quotes_is_an_event_with_its_theme_and_subtitle(extract):
    facts = extract("市民参观“奋斗的足迹——庆祝建市40周年大型展览”。学校举办“‘红色记忆’校史图片展”。他们参观了展览。")
    assert {"奋斗的足迹——庆祝建市40周年大型展览", "‘红色记忆’校史图片展"} <= facts.names("EVENT")
    assert not {"校史图片展", "展览"} & facts.names("EVENT")


def test_a_group_discussion_of_a_session_s_members_is_an_event_not_a_body(extract):
    facts = extract("全国政协副主席邵鸿在参加九三学社界委员小组讨论时说，要坚定信念。")
    assert "九三学社界委员小组讨论" in facts.names("EVENT") and not {n for n in facts.names("ORG") if "小组" in n}
    assert ("邵鸿", "九三学社界委员小组讨论") in facts.relation_pairs("participated_in")


def test_a_person_before_a_transport_line_head_is_the_line_s_name(rules):
    text = "张吉怀高铁今天开通，梅龙高铁全线铺轨，济郑高铁竣工。李明高度评价。"

    def at(name):
        start = text.index(name)
        return Mention(start, start + len(name), name, "PERSON", "model", 0.9)
    merged = merge_mentions([at("张吉怀"), at("梅龙"), at("郑高铁"), at("李明")], rules, text)  # or ending in its head
    assert [m.text for m in merged] == ["李明"]


@pytest.mark.parametrize("name", ["德方愿", "马方愿"])
def test_a_place_s_side_begins_no_longer_name(rules, name):
    from pipeline.analysis.entity_rules import clean_person

    text = f"{name}同中方加强合作。"
    assert clean_person(mention(text, name, "PERSON", source="rule:pattern"), rules, text) is None
    text = "副市长马军海出席。"  # 军 begins given names
    assert clean_person(mention(text, "马军海", "PERSON", source="model"), rules, text).text == "马军海"


def test_a_side_by_the_first_character_of_a_country_the_document_names_is_no_person(rules):
    from pipeline.analysis.entity_rules import clean_person

    text = "博茨瓦纳总统马西西访华。博方愿同中方共同努力。"
    assert clean_person(mention(text, "博方愿", "PERSON", source="model"), rules, text) is None
    text = "博方愿同中方共同努力。"  # no country of that initial named
    assert clean_person(mention(text, "博方愿", "PERSON", source="model"), rules, text).text == "博方愿"


def test_a_person_one_character_short_of_a_place_s_ending_is_the_place(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "在顿涅茨克和卢甘斯克多个定居点，马斯克表示。"
    got = trim_model_mention(mention(text, "卢甘斯", "PERSON", source="model"), rules, text)
    assert (got.text, got.type) == ("卢甘斯克", "LOCATION")
    assert trim_model_mention(mention(text, "马斯", "PERSON", source="model"), rules, text).text == "马斯"  # 马斯克 is Musk


def test_a_person_cut_short_of_a_word_ending_in_a_division_s_term_is_the_place(rules):
    from pipeline.analysis.model_spans import trim_model_mention

    text = "以及阿勒颇省的居民点。（阎三囤秦宏平）"
    word_starts = {6: 2, 10: 7, 15: 12}  # 阿勒颇省, 居民点, 阎三囤: words of the analysis
    got = trim_model_mention(mention(text, "阿勒", "PERSON", source="model"), rules, text, word_starts)
    assert (got.text, got.type) == ("阿勒颇省", "LOCATION")
    # a word that ends in no division's term stays the person's (a byline's 阎三囤, read as a place)
    got = trim_model_mention(mention(text, "阎三", "PERSON", source="model"), rules, text, word_starts)
    assert (got.text, got.type) == ("阎三", "PERSON")


def test_a_person_before_the_noun_of_an_armed_group_names_the_group(rules):
    from pipeline.analysis.organs import armed_groups

    text = "也门胡塞武装发表声明。要用理论武装头脑，胡塞武装群众。"
    words = [(0, 2, "ns"), (2, 4, "nr"), (4, 6, "n"), (6, 8, "v"), (8, 10, "n"), (10, 11, "w"), (11, 12, "v"), (12, 13, "p"),
             (13, 15, "n"), (15, 17, "v"), (17, 19, "n"), (19, 20, "w"), (20, 22, "nr"), (22, 24, "v"), (24, 26, "n")]
    mentions = [mention(text, "也门", "LOCATION"), mention(text, "胡塞", "PERSON"), mention(text, "胡塞", "PERSON", 1)]
    got = armed_groups(mentions, text, words, ("武装",), frozenset({"也门"}))
    assert [(m.text, m.type) for m in got] == [("也门胡塞武装", "ORG"), ("胡塞", "PERSON")]  # not before the verb's object


def test_a_people_s_name_before_the_head_of_an_armed_group_read_as_a_verb_without_an_object_names_the_group(rules):
    from pipeline.analysis.organs import armed_groups

    text = "叙利亚库尔德武装已经撤离。俄武装部队"
    words = [(0, 3, "ns"), (3, 6, "ns"), (6, 8, "v"), (8, 10, "d"), (10, 12, "v"), (12, 13, "w"), (13, 14, "j"), (14, 16, "v"),
             (16, 18, "n")]
    mentions = [mention(text, "叙利亚", "LOCATION"), mention(text, "库尔德", "LOCATION"), mention(text, "俄", "LOCATION")]
    got = armed_groups(mentions, text, words, ("武装",), frozenset({"叙利亚"}))
    assert [(m.text, m.type) for m in got] == [("叙利亚库尔德武装", "ORG"), ("俄", "LOCATION")]
    countries = armed_groups(mentions, text, words, ("武装",), frozenset({"叙利亚", "库尔德"}))
    assert [m.text for m in countries] == ["叙利亚", "库尔德", "俄"]  # a place of the lexicons is no people's name


@pytest.mark.parametrize("text, name", [("中华武术走向世界", "中华"), ("华夏文明源远流长", "华夏"), ("神州大地", "神州")])
def test_the_nation_s_names_modify_and_name_no_place(rules, text, name):
    assert merge_mentions([Mention(0, 2, name, "LOCATION", "model", 0.9)], rules, text) == []
    assert [m.text for m in merge_mentions([Mention(0, 2, "北京", "LOCATION", "model", 0.9)], rules, "北京大地")] == ["北京"]


def test_a_people_a_faith_and_the_celestial_bodies_name_no_place(extract):
    facts = extract("阿拉伯国家和伊斯兰世界支持沙特阿拉伯。太阳照耀着地球。阿拉伯半岛。")
    assert facts.names("LOCATION") == {"沙特阿拉伯", "阿拉伯半岛"}


def test_who_lives_in_the_capital_is_in_the_name_of_their_meeting(extract):
    facts = extract("中共中央、国务院今天上午在人民大会堂举行在京老同志迎春茶话会。江泽民出席茶话会。"
                    "全国政协今天在京召开双周协商座谈会。")
    assert {"在京老同志迎春茶话会", "双周协商座谈会"} <= facts.names("EVENT")
    assert ("participated_in", "江泽民", "在京老同志迎春茶话会") in {r[:3] for r in facts.relations()}


def test_a_celebration_s_activities_are_an_event_and_an_evening_gala_alone_is_none(extract):
    facts = extract("习近平出席在青岛举行的庆祝人民海军成立70周年海上阅兵活动。编导满天飞，多数人都陷入晚会里。")
    assert "庆祝人民海军成立70周年海上阅兵活动" in facts.names("EVENT")
    assert not any(name.endswith("晚会") for name in facts.names("EVENT"))  # `陷入|晚会`: a generic head


def test_an_intergovernmental_group_is_a_known_organisation(extract):
    facts = extract("俄罗斯实现了成为“七国集团”正式成员，使之变成“八国集团”的目标。")
    assert {"七国集团", "八国集团"} <= facts.names("ORG")


def test_a_broadcaster_s_channel_is_an_organisation(extract):
    facts = extract("纪录片今晚起在央视综合频道播出，并在中央广播电视总台央视新闻频道同步播出。")
    assert {"央视综合频道", "中央广播电视总台央视新闻频道"} <= facts.names("ORG") and "央视" not in facts.names("ORG")


def test_what_only_modifies_a_stripped_honour_s_class_names_no_honour(extract):
    facts = extract("院士称号是科学技术方面的最高荣誉称号。这一崇高荣誉称号。国家授予他“人民科学家”国家荣誉称号。")
    assert facts.names("AWARD") == {"人民科学家"}


def test_a_meeting_quoted_after_a_verb_that_holds_it_keeps_its_name_s_verb(rules):
    text = "研究中心在北京举办了“加强村民自治法制建设国际学术研讨会”。他说“加强合作研讨会”很好。"
    names = {m.text for m in find_chunk_mentions(text, rules) if m.type == "EVENT"}
    assert "加强村民自治法制建设国际学术研讨会" in names and "加强合作研讨会" not in names


def test_a_determiner_of_the_whole_or_of_kinds_ends_an_event_chunk(rules):
    text = "整场演唱会精彩纷呈。各地举办种种纪念活动。最后音乐会结束。美以首脑两轮会谈在华盛顿举行。"
    found = chunks(text, rules, "EVENT")
    assert not {"整场演唱会", "种种纪念活动", "最后音乐会"} & found
    assert "首脑两轮会谈" in found  # rounds name the talks


def test_attributes_of_reach_scale_or_rank_and_common_nouns_name_no_event(extract):
    facts = extract("国务院办公厅每年召开一次全国性会议。莫斯科具有举办大型综合性运动会的经验。全国性摄影比赛开幕。"
                    "两国领导人举行了历史性会晤。全国科技大会在京召开。")
    assert facts.names("EVENT") == {"全国科技大会"}


def test_a_scope_alone_before_a_generic_head_names_no_event(extract):
    facts = extract("以选拔方式产生参加国际大赛的人选势在必行。他多次参加世界大赛。国际能源大会在京召开。")
    assert facts.names("EVENT") == {"国际能源大会"}


def test_a_determiner_of_a_round_or_a_place_ends_an_event_chunk(rules):
    text = "巴赫表示，此届世界军人运动会正值建国70周年。位次较上届全运会提升。此处万人大会召开。每届全国人大一次会议的预备会议由常委会主持。"
    found = chunks(text, rules, "EVENT")
    assert not {c for c in found if c.startswith(("此届", "较上届", "上届", "此处", "每届"))}
    assert "世界军人运动会" in found


def test_a_verb_of_wishing_is_no_part_of_the_event_it_wishes_well(rules):
    text = "普京预祝中国共产党第二十次全国代表大会取得圆满成功。巴赫祝愿运动会圆满成功。"
    found = chunks(text, rules, "EVENT")
    assert "中国共产党第二十次全国代表大会" in found
    assert not {c for c in found if c.startswith(("预祝", "祝愿", "普京"))}


def test_a_span_of_time_up_to_now_ends_an_event_chunk(rules):
    text = "一年来“巾帼建功”活动成效显著。近几个月来救灾活动持续。2023年全国科技活动周开幕。"
    found = chunks(text, rules, "EVENT")
    assert {"“巾帼建功”活动", "2023年全国科技活动周"} <= found
    assert not any("来" in name for name in found)


def test_multi_sport_games_by_their_short_names_are_events(rules):
    text = "平昌冬残奥会选手刘思彤、里约残奥会冠军文晓燕出席。第十四届全运会闭幕。深圳大运会开幕。"
    assert {"平昌冬残奥会", "里约残奥会", "第十四届全运会", "深圳大运会"} <= chunks(text, rules, "EVENT")
    found = chunks("东京奥运会和残奥会组织委员会成立。", rules)
    assert not any(name.endswith("和残奥会") for name in found)  # the pair names one body


def test_a_count_of_editions_before_the_games_names_none(rules):
    text = "连续三届奥运会冠军。第二十七届奥运会开幕。"
    tags = {(0, 2): "a", (2, 3): "m", (3, 4): "q", (4, 7): "j", (7, 9): "n", (9, 10): "w", (10, 14): "m", (14, 15): "q",
            (15, 18): "j", (18, 20): "v", (20, 21): "w"}
    found = names(find_chunk_mentions(text, rules, None, tags=tags))
    assert "第二十七届奥运会" in found and not any(name.endswith("三届奥运会") for name in found)


def test_a_verb_that_takes_an_exhibition_or_a_show_begins_no_name(rules):
    found = chunks("王沪宁会见嘉宾代表并参观海峡论坛十五年主题展，还观看阅兵仪式。", rules, "EVENT")
    assert "海峡论坛十五年主题展" in found and not any(name.startswith(("参观", "观看")) for name in found)


def test_a_name_between_a_title_and_a_person_s_verb_is_a_person_though_the_recognizer_reads_a_place(rules, patterns):
    text = "听取了全国人大财经委主任委员钟山作的调研报告。"
    place = Mention(text.index("钟山"), text.index("钟山") + 2, "钟山", "LOCATION", "model", 0.9)
    merged = merge_mentions([place, *find_pattern_mentions(text, patterns)], rules, text)
    assert ("钟山", "PERSON") in {(m.text, m.type) for m in merged}


def tagged(*words):
    """The (start, end) → part of speech map of a word analysis written as (word, tag) pairs."""
    tags, pos = {}, 0
    for word, tag in words:
        tags[pos, pos + len(word)] = tag
        pos += len(word)
    return tags


def test_a_one_character_suffix_read_as_a_verb_with_a_verb_or_an_adjective_after_it_ends_no_organisation(rules):
    text = "中国画家要来南斯拉夫办展览，要把邱县事办好。"
    tags = tagged(("中国", "ns"), ("画家", "n"), ("要", "v"), ("来", "v"), ("南斯拉夫", "ns"), ("办", "v"), ("展览", "v"),
                  ("，", "w"), ("要", "v"), ("把", "p"), ("邱县", "ns"), ("事", "n"), ("办", "v"), ("好", "a"), ("。", "w"))
    assert not any(name.endswith("办") for name in names(find_chunk_mentions(text, rules, {0, 7, 17}, tags=tags)))
    assert any(name.endswith("办") for name in names(find_chunk_mentions(text, rules, {0, 7, 17})))


def test_a_one_character_suffix_read_as_a_verb_with_a_count_after_it_ends_no_organisation(rules):
    text = "我到民政部门办点事。"
    tags = tagged(("我", "r"), ("到", "v"), ("民政部门", "n"), ("办", "v"), ("点", "q"), ("事", "n"), ("。", "w"))
    assert not any(name.endswith("办") for name in names(find_chunk_mentions(text, rules, {0, 2}, tags=tags)))
    assert any(name.endswith("办") for name in names(find_chunk_mentions(text, rules, {0, 2})))

def test_a_one_character_suffix_that_ends_a_longer_verb_ends_no_organisation(rules):
    text = "在完成党中央交办任务方面"
    tags = tagged(("在", "p"), ("完成", "v"), ("党中央", "nt"), ("交办", "v"), ("任务", "n"), ("方面", "n"))
    assert not any(name.endswith("交办") for name in names(find_chunk_mentions(text, rules, {3}, tags=tags)))
    assert "党中央交办" in names(find_chunk_mentions(text, rules, {3}))  # without the word analysis


def test_a_preposition_after_a_name_or_a_verb_ends_an_event_s_name(rules):
    text = "国家主席习近平同论坛前任主席会见记者。"
    tags = tagged(("国家", "n"), ("主席", "n"), ("习近平", "nr"), ("同", "p"), ("论坛", "n"), ("前任", "b"))
    assert not any("同" in name for name in names(find_chunk_mentions(text, rules, tags=tags)))
    dialogue = "金砖国家领导人同金砖国家工商理事会和新开发银行对话会举行。"
    tags = tagged(("金砖", "nz"), ("国家", "n"), ("领导人", "n"), ("同", "p"), ("金砖", "nz"), ("国家", "n"), ("工商", "n"),
                  ("理事会", "n"), ("和", "c"), ("新", "a"), ("开发", "vn"), ("银行", "n"), ("对话会", "n"))
    assert "金砖国家领导人同金砖国家工商理事会和新开发银行对话会" in names(find_chunk_mentions(dialogue, rules, tags=tags))


def test_the_leaders_a_meeting_gathers_are_part_of_its_name(rules):
    text = "李克强在南京主持召开部分地方政府主要负责人视频座谈会。"
    assert "部分地方政府主要负责人视频座谈会" in chunks(text, rules, "EVENT")


def test_a_weak_surname_after_a_title_and_before_a_mark_begins_a_name(patterns):
    assert "于长江" in found("驻澳门部队司令员于长江、政委林庆华到机场迎接。", patterns, "PERSON")
    assert not found("部长高度重视，主任会议、", patterns, "PERSON")  # a word, no name, runs on past the mark


def test_the_un_s_bodies_by_their_short_forms_and_the_central_newspapers_are_organisations(extract):
    facts = extract("联合国贸易和发展会议秘书长基图伊说，世卫组织专家和联合国工发组织代表同意。解放军报记者夏洪青报道。")
    assert {"联合国贸易和发展会议", "世卫组织", "联合国工发组织", "解放军报"} <= facts.names("ORG")
    assert not {"联合国", "解放军"} & facts.names("ORG") and "发展会议" not in facts.names("EVENT")
    assert ("基图伊", "联合国贸易和发展会议") in facts.relation_pairs("holds_position")


def test_a_first_national_edition_is_part_of_the_event_s_name_and_a_span_of_days_before_it_is_not(extract):
    facts = extract("习近平致信祝贺首届全国职业技能大赛举办。这两天首届全国技能大赛正在广州举行。")
    contest = next(e for e in facts.result.entities if e.name == "首届全国职业技能大赛")
    assert contest.aliases == ["首届全国技能大赛"]  # its contraction, named whole
    assert not {"职业技能大赛", "两天首届全国技能大赛"} & facts.names("EVENT")


def test_the_national_administrations_named_with_a_conjunction_are_whole_and_their_short_forms_aliases(extract):
    facts = extract("国家粮食和物资储备局今天发布消息。国家林业和草原局副局长李春良表示，国家林草局将加强保护。")
    assert {"国家粮食和物资储备局", "国家林业和草原局"} <= facts.names("ORG")
    assert "物资储备局" not in facts.names("ORG")
    forestry = next(e for e in facts.result.entities if e.name == "国家林业和草原局")
    assert "国家林草局" in forestry.aliases
    assert ("李春良", "国家林业和草原局") in facts.relation_pairs("holds_position")


def test_the_gulf_and_arab_leagues_short_forms_are_bodies_and_summits_named_for_three_parties_whole(extract):
    facts = extract("李强在吉隆坡出席东盟－中国－海合会峰会。王毅会见阿盟秘书长盖特。")
    assert facts.names("EVENT") == {"东盟-中国-海合会峰会"}
    assert "阿盟" in facts.names("ORG") and not {"中国-海合会", "阿盟"} & facts.names("LOCATION")
    assert ("李强", "东盟-中国-海合会峰会") in facts.relation_pairs("participated_in")


def test_a_ministers_meeting_named_by_its_ministers_is_an_event(extract):
    facts = extract("俄罗斯外交部长拉夫罗夫出席北约外长会。16日举行的北约防长会决定提供援助。")
    assert {"北约外长会", "北约防长会"} <= facts.names("EVENT")
    assert ("拉夫罗夫", "北约外长会") in facts.relation_pairs("participated_in")


def test_the_vice_chairs_of_the_npc_and_cppcc_are_people_whole_even_where_a_name_ends_in_a_conjunction(extract):
    facts = extract("会议在人民大会堂举行。万鄂湘副委员长主持会议。罗富和表示，要加强合作。艾力更·依明巴海出席。")
    assert {"万鄂湘", "罗富和", "艾力更·依明巴海"} <= facts.names("PERSON")
    assert not {"湘", "罗富", "艾力更·依明"} & (facts.names("PERSON") | facts.names("LOCATION"))
    facts = extract("国务院召开党组会议。\n韩正等出席。")  # a listed name takes nothing after it along
    assert "韩正" in facts.names("PERSON") and "韩正等" not in facts.names("PERSON")


def test_a_security_conference_is_an_event_whole_and_a_state_s_security_council_a_body(extract):
    facts = extract("斯托尔滕贝格将在15日开幕的慕尼黑安全会议上与拉夫罗夫会谈。普京召集俄联邦安全会议。")
    assert "慕尼黑安全会议" in facts.names("EVENT") and "俄联邦安全会议" in facts.names("ORG")
    assert not {"慕尼黑安全会", "俄联邦安全会"} & (facts.names("EVENT") | facts.names("ORG"))
    assert "党的二十届四中全会" in extract("党的二十届四中全会在北京召开。").names("EVENT")


def test_world_capitals_and_ukraine_s_regions_are_places_whole(extract):
    facts = extract("新华社蒙得维的亚1月5日电。代表团抵达萨拉热窝。乌克兰第聂伯罗彼得罗夫斯克州遭袭，哈尔科夫方向战斗仍在继续。"
                    "联合国授予中国赴南苏丹（朱巴）维和步兵营“和平荣誉勋章”。")
    assert {"蒙得维的亚", "萨拉热窝", "第聂伯罗彼得罗夫斯克州", "哈尔科夫", "朱巴"} <= facts.names("LOCATION")
    assert not {"蒙得维", "萨拉", "聂伯罗彼得罗夫斯克州"} & facts.names("LOCATION")
    assert not {"哈尔科夫", "朱巴"} & facts.names("PERSON")
    assert not extract("市政府宣布城市更新计划，要在这里加强合作。").names("LOCATION")


def test_an_activity_named_by_its_anniversary_is_an_event_without_the_verb_that_holds_it(extract):
    facts = extract("习近平出席纪念苏联伟大卫国战争胜利80周年活动。北京大学举办建校120周年活动。")
    assert facts.names("EVENT") == {"纪念苏联伟大卫国战争胜利80周年活动", "建校120周年活动"}
    assert ("习近平", "纪念苏联伟大卫国战争胜利80周年活动") in facts.relation_pairs("participated_in")
    assert ("北京大学", "建校120周年活动") in facts.relation_pairs("organized")
    facts = extract("5月，习主席对俄罗斯进行国事访问，并出席纪念苏联伟大卫国战争胜利80周年庆典。")
    assert facts.names("EVENT") == {"纪念苏联伟大卫国战争胜利80周年庆典"}  # a celebration named by its anniversary
    assert "苏联" not in facts.names("LOCATION")


def test_china_s_polar_research_stations_are_places_with_their_pole_and_country(extract):
    facts = extract("中国南极秦岭站开站活动在北京举行。南极中山站、北极黄河站和长城站的队员参加。")
    assert {"中国南极秦岭站", "南极中山站", "北极黄河站", "长城站"} <= facts.names("LOCATION")
    assert not {"秦岭站", "中山站", "黄河站", "南极", "北极"} & facts.names("LOCATION")
    facts = extract("中国南极秦岭站开站。南极秦岭站位于罗斯海，秦岭站是第五个考察站。")
    station = next(e for e in facts.result.entities if e.name == "中国南极秦岭站")
    assert set(station.aliases) == {"南极秦岭站", "秦岭站"}


def test_an_event_s_edition_before_a_known_name_names_the_body_named_after_the_event(rules):
    text = "第24届冬奥会工作领导小组组长韩正，第七届中国法学会会长王乐泉。"
    anchors = {text.index("冬奥会"), text.index("中国法学会")}
    found = chunks(text, rules, "ORG", anchors=anchors)
    assert "第24届冬奥会工作领导小组" in found
    assert "中国法学会" in found and "第七届中国法学会" not in found  # the body's own term


def test_where_the_recognizer_s_names_begin_inside_a_word_they_begin_at_a_word_s_start():
    text = "原子能研究所，安全建设部，第十三届全国政协，任日月集团"
    words = word_analysis([(0, 3, "n"), (3, 6, "n"), (7, 9, "a"), (9, 12, "nt"), (13, 16, "m"), (16, 17, "q"),
                           (17, 19, "n"), (19, 21, "j"), (22, 25, "n"), (25, 27, "n")])
    inside = {text.index("子能"), text.index("全建"), text.index("十三"), text.index("日月")}
    aligned = {0, text.index("建设部"), text.index("十三"), text.index("任日月")}
    assert word_aligned(inside, words, text) == aligned
    assert word_aligned(inside, words, text, frozenset({"任"})) == aligned - {text.index("任日月")} | {text.index("日月")}
    assert word_aligned(inside, None, text) == inside


def test_the_central_leading_groups_the_commissions_replaced_are_bodies(extract):
    facts = extract("该意见由十九届中央全面深化改革领导小组第一次会议审议通过。")
    assert facts.names("EVENT") == {"十九届中央全面深化改革领导小组第一次会议"}  # not `改革领导小组…`: 深化 stops no name


def test_a_campaign_named_by_its_period_is_an_event(rules):
    text = "2024年国家网络安全宣传周9月9日在广州开幕。2025年全国家庭教育宣传周活动启动。第32个全国税收宣传月启动。"
    found = chunks(text, rules, "EVENT")
    assert {"2024年国家网络安全宣传周", "2025年全国家庭教育宣传周", "全国税收宣传月"} <= found


def test_the_first_of_a_series_names_an_event_as_its_ordinal_does(rules):
    text = "首场记者会今天举行。第二场报告会在京举行。两场报告会、本届论坛都很成功。"
    found = chunks(text, rules, "EVENT")
    assert {"首场记者会", "第二场报告会"} <= found
    assert not {"两场报告会", "本届论坛"} & found  # a count and a determiner name no event


def test_the_free_trade_port_is_a_site_named_after_its_place(extract):
    facts = extract("海南自贸港建设一周年，海南自贸港政策落地见效。")
    assert "海南自贸港" in facts.names("LOCATION")
    assert "海南" not in facts.names("LOCATION")  # only inside the port's name


def test_a_gloss_in_brackets_inside_a_name_is_the_name_s_but_a_byline_or_a_person_s_people_is_not(extract):
    facts = extract("李强在莫斯科出席上海合作组织成员国政府首脑（总理）理事会第二十四次会议。")
    assert {n.replace("(", "（").replace(")", "）") for n in facts.names("EVENT")} == {
        "上海合作组织成员国政府首脑（总理）理事会第二十四次会议"}
    facts = extract("新华社北京一月十七日电（记者王黎）全国精神文明建设工作会议今天在北京结束。")
    assert "全国精神文明建设工作会议" in facts.names("EVENT")
    assert "国家民族事务委员会" in extract("一、免去巴特尔（蒙古族）国家民族事务委员会主任职务。").names("ORG")


def test_a_theme_verb_before_a_book_title_and_an_adjective_of_ke_are_in_an_event_s_name(extract):
    facts = extract("台盟中央在京召开纪念《告台湾同胞书》发表40周年座谈会。")
    assert "纪念《告台湾同胞书》发表40周年座谈会" in facts.names("EVENT")
    facts = extract("第二届联合国全球可持续交通大会今天在北京开幕，首届可再生能源论坛同期举行。")
    assert {"第二届联合国全球可持续交通大会", "首届可再生能源论坛"} <= facts.names("EVENT")
    facts = extract("中国可持续发展研究会今天成立。清华大学可持续发展研究院院长表示。")
    assert {"中国可持续发展研究会", "清华大学可持续发展研究院"} <= facts.names("ORG")


def test_no_name_begins_with_this_and_next_year_nor_is_cut_inside_a_known_body(extract):
    facts = extract("今明两年中俄地方合作交流年活动丰富。今年6月上合组织青岛峰会取得丰硕成果。")
    assert {"中俄地方合作交流年", "上合组织青岛峰会"} <= facts.names("EVENT")
    facts = extract("2025上海合作组织国家电影节电影市场昨天在重庆开幕。")
    assert "2025上海合作组织国家电影节" in facts.names("EVENT")


def test_a_body_whose_head_is_doubled_by_its_head_s_title_ends_at_its_own_head(extract):
    facts = extract("美国国家航空和宇宙航行局局长戈尔丁会见了代表团。")
    assert "美国国家航空和宇宙航行局" in facts.names("ORG")
    assert facts.titles("戈尔丁", "美国国家航空和宇宙航行局") == {"局长"}


def test_the_circles_and_peoples_a_gathering_is_for_are_part_of_its_name(extract):
    facts = extract("北京市人民政府今天上午在京举行首都各民族人士迎春茶话会。首都各界纪念毛泽东同志诞辰120周年座谈会在京举行。")
    assert {"首都各民族人士迎春茶话会", "首都各界纪念毛泽东同志诞辰120周年座谈会"} <= facts.names("EVENT")


def test_an_early_party_congress_is_named_by_its_one_digit_number_after_the_party(patterns):
    assert found("中共一大被迫转移到嘉兴，党的七大在延安召开。", patterns, "EVENT") == {"中共一大", "党的七大"}
    assert "党的十九大" in found("党的十九大以来", patterns, "EVENT")


def test_a_leading_group_named_after_its_task_keeps_the_task_s_verb(extract):
    facts = extract("国务院副总理、推进南水北调后续工程高质量发展领导小组组长韩正出席。推动长三角一体化发展领导小组成员参加。")
    assert {"推进南水北调后续工程高质量发展领导小组", "推动长三角一体化发展领导小组"} <= facts.names("ORG")
    assert ("韩正", "推进南水北调后续工程高质量发展领导小组") in facts.relation_pairs("holds_position")


def test_the_leaders_a_seminar_gathers_are_in_its_name(extract):
    facts = extract("7月26日，习近平总书记在省部级主要领导干部专题研讨班上发表重要讲话。")
    assert "省部级主要领导干部专题研讨班" in facts.names("EVENT")


def test_a_round_of_central_inspection_is_an_event_named_by_its_term_and_ordinal(extract):
    facts = extract("近日，十九届中央第九轮巡视完成对中央办公厅等单位的反馈。")
    assert "十九届中央第九轮巡视" in facts.names("EVENT")


def test_a_coordination_group_is_an_organisation(extract):
    assert "福建省反腐败协调小组" in extract("福建省反腐败协调小组召开会议。").names("ORG")


def test_a_trade_fair_named_by_its_kind_is_an_event(extract):
    events = extract("大庆展团在首届中国产品印度展销会上签约。第35届北京图书订货会今天开幕。").names("EVENT")
    assert {"首届中国产品印度展销会", "第35届北京图书订货会"} <= events


def test_a_name_ends_before_the_copula_of_its_appointment(extract):
    people = extract("会议决定，李尚福、王小洪、秦刚为国务委员。").names("PERSON")
    assert "秦刚" in people and "秦刚为" not in people


def test_a_listed_short_form_of_a_body_named_in_the_document_is_a_mention_of_it():
    from pipeline.analysis.propagation import abbreviated_mentions
    from pipeline.rules import Aliases

    aliases = Aliases({}, {"总政": "中国人民解放军总政治部", "工商局": "工商行政管理局", "北大": "北京大学"})
    text = "总政治部主任出席。总政副主任、总政话剧团团长和工商局长发言。咸阳市工商行政管理局、工商局干部参加。"
    words = [(0, 4, "nt"), (4, 6, "n"), (6, 8, "v"), (8, 9, "w"), (9, 11, "j"), (11, 12, "b"), (12, 14, "n"), (14, 15, "w"),
             (15, 20, "nt"), (20, 22, "n"), (22, 23, "c"), (23, 27, "n"), (27, 29, "v"), (29, 30, "w"), (30, 40, "nt"),
             (40, 41, "w"), (41, 44, "nt"), (44, 46, "n"), (46, 48, "v"), (48, 49, "w")]
    found = [mention(text, "总政治部", "ORG"), mention(text, "咸阳市工商行政管理局", "ORG")]
    shorts = abbreviated_mentions(text, found, aliases, frozenset({"总政治部"}), words)
    # not where a word runs on (`总政话剧团`, `工商局长`); 北京大学 is not named
    assert [(m.text, m.start, m.name) for m in shorts] == [("工商局", 41, "咸阳市工商行政管理局"), ("总政", 9, "总政治部")]
    # where 总政治部 is no known name, only a short form of a full form the document writes
    assert [m.text for m in abbreviated_mentions(text, found, aliases, frozenset(), words)] == ["工商局"]
    league = Aliases({}, {"共青团": "中国共产主义青年团"})
    text = "中国共产主义青年团成立。中国共青团员和共青团干部参加。"
    words = [(0, 9, "nt"), (9, 11, "v"), (11, 12, "w"), (12, 14, "ns"), (14, 17, "nt"), (17, 18, "n"), (18, 19, "c"),
             (19, 22, "nt"), (22, 24, "n"), (24, 26, "v"), (26, 27, "w")]
    found = [mention(text, "中国共产主义青年团", "ORG"), mention(text, "中国", "LOCATION", 1)]
    # not after a place, whose body it would name with it (`中国|共青团`)
    assert [m.start for m in abbreviated_mentions(text, found, league, frozenset(), words)] == [19]


def test_a_listed_short_form_and_its_other_occurrences_name_the_body_the_document_names(extract):
    facts = extract("总政治部主任于永波出席。总政副主任周子玉、唐天标等参加了会见。")
    assert {("周子玉", "总政治部"), ("唐天标", "总政治部")} <= facts.relation_pairs("holds_position")
    facts = extract("总参谋长傅全有日前在总参军人代表大会上强调。傅全有要求总参机关的同志把握方向。充分发挥总参谋部的职能作用。")
    assert "总参" not in facts.names("ORG")  # an alias of 总参谋部 wherever it stands, no entity of its own


def test_a_centre_of_innovation_information_or_services_is_an_organisation_but_not_a_hub_to_become(extract):
    facts = extract("中国互联网络信息中心发布报告。北京新生命养老助残服务中心主任唐占鑫介绍。加快建设粤港澳大湾区国际科技创新中心。")
    assert {"中国互联网络信息中心", "北京新生命养老助残服务中心"} <= facts.names("ORG")
    assert not {n for n in facts.names("ORG") if n.endswith("科技创新中心")}


def test_a_standing_body_named_by_会议_is_an_organisation_not_a_meeting(extract):
    facts = extract("前美国参谋长联席会议主席鲍威尔表示反对。亚洲政党国际会议成员党代表出席会议。")
    assert {"美国参谋长联席会议", "亚洲政党国际会议"} <= facts.names("ORG")
    assert facts.titles("鲍威尔", "美国参谋长联席会议") == {"主席"}
    assert not {n for n in facts.names("EVENT") if n.endswith("参谋长联席会议")}


def test_an_event_named_for_a_place_and_a_known_body_joined_by_a_dash_is_named_whole(extract):
    facts = extract("中方愿同拉美和加勒比国家一道，推动中国－拉共体论坛建设。")
    assert "中国-拉共体论坛" in facts.names("EVENT")


def test_department_stores_are_businesses(extract):
    facts = extract("上海南京路新世界商厦开业。北京市百货大楼的售货员张秉贵。")
    assert {"新世界商厦", "北京市百货大楼"} <= facts.names("ORG")
    assert not {"新世界商厦", "百货大楼"} & facts.names("LOCATION")


def test_bookshops_are_businesses_and_the_paper_s_dateline_begins_no_name(extract):
    facts = extract("本报讯山西省图书发行先进单位闻喜县新华书店持之以恒开展图书下乡活动。闻喜县新华书店共有26名干部职工。")
    assert "闻喜县新华书店" in facts.names("ORG") and "新华书店" not in facts.names("LOCATION")
    assert not any(name.startswith("本报讯") for name in facts.names("AWARD"))


def test_delegations_named_by_their_purpose_and_national_ones_are_organisations(extract):
    facts = extract("王沪宁29日在京会见全国少数民族参观团。李希会见古共省市委领导干部考察团。他参加了全国性专门委员会。")
    assert {"全国少数民族参观团", "古共省市委领导干部考察团"} <= facts.names("ORG")
    assert "全国性专门委员会" not in facts.names("ORG")  # 全国性, 'nationwide', no level


def test_a_communist_party_s_short_form_is_its_full_name_s_alias(extract):
    facts = extract("越共中央总书记阮富仲会见客人。越南共产党中央委员会总书记阮富仲表示感谢。")
    assert "越南共产党中央委员会" in facts.names("ORG")
    assert "越共中央" in facts.entity("ORG", "越南共产党中央委员会").aliases
    assert "越共中央" not in facts.names("ORG")


def test_a_listed_campaign_keeps_the_verbs_its_name_opens_with(extract):
    facts = extract("党中央决定在全党开展深入贯彻中央八项规定精神学习教育，这是今年党建工作的重点任务。")
    assert "深入贯彻中央八项规定精神学习教育" in facts.names("EVENT")


def test_a_general_party_branch_is_an_organisation_named_whole(extract):
    facts = extract("江苏沭阳新河镇双荡村党总支副书记李敏介绍，村里建起了合作社。")
    assert "江苏沭阳新河镇双荡村党总支" in facts.names("ORG")
    assert facts.titles("李敏", "江苏沭阳新河镇双荡村党总支") == {"副书记"}


def test_the_red_cross_federation_is_one_body_joined_by_either_conjunction(extract):
    facts = extract("红十字会和红新月会国际联合会以及国内外红十字会提供援助。红十字会与红新月会国际联合会已将基金调入。")
    assert facts.names("ORG") == {"红十字会和红新月会国际联合会"}
    assert set(facts.entity("ORG", "红十字会和红新月会国际联合会").aliases) == {"红十字会与红新月会国际联合会"}


def test_a_firm_named_with_its_seat_in_brackets_begins_at_its_own_name(extract):
    facts = extract("丁薛祥在博世汽车部件（苏州）有限公司和中新生命科学园调研。")
    assert "博世汽车部件（苏州）有限公司" in {n.replace("(", "（").replace(")", "）") for n in facts.names("ORG")}


def test_an_anniversary_joined_before_an_event_s_name_is_in_it(extract):
    facts = extract("习近平总书记在庆祝中华全国总工会成立100周年暨全国劳动模范和先进工作者表彰大会上发表重要讲话。")
    assert "庆祝中华全国总工会成立100周年暨全国劳动模范和先进工作者表彰大会" in facts.names("EVENT")
    assert facts.names("AWARD") == set()


def test_a_quoted_theme_with_a_list_mark_after_a_convening_verb_names_the_meeting(extract):
    facts = extract("2003年6月，习近平主持召开“千村示范、万村整治”工程推进大会，会上定下目标。")
    assert "“千村示范、万村整治”工程推进大会" in facts.names("EVENT")


def test_a_determiner_of_kinds_is_no_part_of_an_event_s_name(rules):
    assert not any(c.startswith("此类") for c in chunks("莫斯科具有举办此类大型运动会的丰富经验。", rules, "EVENT"))


def test_a_body_named_only_in_the_law_that_organises_it_is_none_of_the_document_s(extract):
    facts = extract("会议听取了全国人民代表大会组织法修正草案、全国人民代表大会议事规则修正草案修改情况的汇报。")
    assert "全国人民代表大会" not in facts.names("ORG")
    facts = extract("全国人民代表大会审议了全国人民代表大会组织法修正草案。")  # also named alone
    assert "全国人民代表大会" in facts.names("ORG")


def test_a_firm_described_by_its_country_or_region_alone_is_no_name(extract):
    facts = extract("产品由香港公司代销。美国公司利润增长了约８０％。中国电影公司今天成立。")
    assert facts.names("ORG") == {"中国电影公司"}


def test_a_name_after_an_ambassador_s_title_is_a_person_s(extract):
    facts = extract("多米尼加首任驻华大使加拉维托、斐济驻华大使坦吉萨金鲍向习近平呈递国书。")
    assert "加拉维托" in facts.names("PERSON")
    assert "加拉维托" not in facts.names("LOCATION")


def test_a_body_named_by_its_level_after_a_conjunction_is_no_field_of_the_name_before(extract):
    facts = extract("北京市朝阳区领导和区计生委干部到街道办事处给计生户送春联。")
    assert not any("领导" in n for n in facts.names("ORG"))
    assert "德国研究与技术部" in extract("德国研究与技术部长出席。").names("ORG")  # two fields of one body


def test_a_monarch_s_regnal_number_ends_the_name(extract):
    facts = extract("在习近平主席和查尔斯三世国王的共同支持下，理事会成立。摩洛哥国王穆罕默德六世致电习近平。")
    assert {"查尔斯三世", "穆罕默德六世"} <= facts.names("PERSON")
    assert not {"查尔斯", "穆罕默德"} & facts.names("PERSON")


def test_a_port_of_entry_named_by_its_place_is_a_site(extract):
    assert "横琴口岸" in extract("届时，珠海主城区到横琴口岸行车时间可缩短近半小时。").names("LOCATION")


def test_a_kind_of_event_that_common_nouns_alone_describe_is_no_name(extract):
    facts = extract("人事部召开机关干部大会。工厂举行职工大会。学校举办拳击比赛。")
    assert facts.names("EVENT") == set()
    facts = extract("全国科技大会在北京召开。习近平出席科技大会并讲话。")  # the short form of a name written whole
    assert "全国科技大会" in facts.names("EVENT")
    assert ("participated_in", "习近平", "全国科技大会", None) in facts.relations()
    facts = extract("全国群众影评征文比赛拉开帷幕。由中国电影评论学会主办的此次征文比赛，将评出一等奖。")
    assert ("organized", "中国电影评论学会", "全国群众影评征文比赛", None) in facts.relations()


def test_a_place_named_only_before_the_works_built_there_is_part_of_its_name(extract):
    assert "三峡" not in extract("会议回顾总结三峡工程一期建设情况。").names("LOCATION")
    assert "三峡" in extract("会议回顾总结三峡工程一期建设情况。移民迁往三峡库区以外。").names("LOCATION")  # named alone too


def test_a_consumption_campaign_is_named_by_its_season_or_month(extract):
    facts = extract("由农业农村部、商务部联合发起的2021年中国农民丰收节金秋消费季今天在北京启动。")
    assert "2021年中国农民丰收节金秋消费季" in facts.names("EVENT")
    assert ("organized", "商务部", "2021年中国农民丰收节金秋消费季", None) in facts.relations()


def test_a_campaign_named_in_quotation_marks_by_its_head_is_an_event_but_not_a_short_common_noun(extract):
    facts = extract("甘肃团省委开始组织开展“百万农村青年科技传播活动”。伊朗政府指责以色列发动“破坏活动”。")
    assert facts.names("EVENT") == {"百万农村青年科技传播活动"}


def test_citations_for_merit_are_awards_their_holders_receive(extract):
    facts = extract("陆国梁两次荣立个人三等功。孙景坤荣立一等功。")
    assert {"个人三等功", "一等功"} <= facts.names("AWARD")
    assert {("received", "陆国梁", "个人三等功", None), ("received", "孙景坤", "一等功", None)} <= facts.relations()
    assert "特等功" not in extract("他是一名特等功臣。").names("AWARD")  # a hero so honoured


def test_a_clause_that_keeps_a_title_names_no_honour(extract):
    facts = extract("最高人民检察院决定对１９８８年以来荣获“模范检察院”称号的１９个人民检察院保持称号。")
    assert facts.names("AWARD") == {"模范检察院"}


def test_a_periodical_a_noun_of_the_press_introduces_is_its_publisher(extract):
    facts = extract("据新华社平壤１月７日电朝鲜劳动党中央机关报《劳动新闻》今天发表评论。")
    assert "劳动新闻" in facts.names("ORG")


def test_the_elections_of_a_special_administrative_region_are_events(extract):
    facts = extract("去年以来，香港先后举行了选举委员会选举、第七届立法会选举、第六任行政长官选举。")
    assert {"第七届立法会选举", "第六任行政长官选举"} <= facts.names("EVENT")
    assert not facts.names("ORG")


def test_the_house_that_publishes_a_periodical_is_named_by_its_title(extract):
    facts = extract("新华社各部门开展讨论，如《望》周刊社开展了讨论；《半月谈》杂志社和《新华每日电讯》社也开展讨论。")
    assert {"《望》周刊社", "《半月谈》杂志社", "《新华每日电讯》社"} <= facts.names("ORG")


def test_the_body_a_commentary_s_author_works_at_is_one(extract):
    facts = extract("这种后果岂非与学习的初衷背道而驰？！（作者单位：解放日报）")
    assert facts.names("ORG") == {"解放日报"}


def test_a_member_of_an_academy_s_divisions_holds_that_title_at_the_academy(extract):
    facts = extract("中国社会科学院学部委员、研究员李林同志就这个问题作了讲解。")
    assert "中国社会科学院学部" not in facts.names("ORG")
    assert ("holds_position", "李林", "中国社会科学院", "学部委员") in facts.relations()


def test_an_activity_named_by_a_quoted_slogan_and_its_kind_keeps_the_slogan_s_clause(extract):
    facts = extract("新年伊始就开展了这次“把农村青年最喜爱的书送下乡”活动。由团中央、新闻出版署组织开展的“全国农村青年最喜爱的"
                    "科普读物”征集活动刚刚揭晓。民进党当局纵容“台独”分裂活动。")
    assert facts.names("EVENT") == {"“把农村青年最喜爱的书送下乡”活动", "“全国农村青年最喜爱的科普读物”征集活动"}


def test_a_special_administrative_region_s_executive_council_is_a_body(extract):
    facts = extract("由李家超监誓，香港特别行政区行政会议成员宣誓就职。国务院认为，香港特别行政区行政长官会同行政会议依据条例作出决定。")
    assert "香港特别行政区行政会议" in facts.names("ORG")
    assert "香港特别行政区行政会议" not in facts.names("EVENT")
    assert not [name for name in facts.all_names() if "会同" in name]  # the co-agent's verb joins two, in no name


def test_a_parliament_named_as_an_assembly_is_a_body(extract):
    facts = extract("中国全国人大愿同俄罗斯联邦会议一道，落实好两国元首共识。")
    assert "俄罗斯联邦会议" in facts.names("ORG")
    assert "俄罗斯联邦会议" not in facts.names("EVENT")


@pytest.mark.parametrize("text, etype, wholes, part", [
    # a name its quotation marks enclose keeps a first character that is a preposition elsewhere
    ("“从都国际论坛”由中国人民对外友好协会同澳大利亚中国友好交流协会共同创办。", "EVENT", {"从都国际论坛"}, "都国际论坛"),
    # a zone of industry or of trials named by its place is a site
    ("1980年，深圳蛇口工业区的一声炮响，拉开了经济特区建设的大幕。", "LOCATION", {"深圳蛇口工业区"}, "蛇口"),
    # a zone of cooperation between two places is a site as the zones of trials are
    ("中白工业园、中埃苏伊士经贸合作区等稳步推进共建。", "LOCATION", {"中埃苏伊士经贸合作区"}, "中埃"),
    # a team sent on a mission is a body, named by who sends it
    ("中国作物种质资源考察队在三峡库区考察。", "ORG", {"中国作物种质资源考察队"}, "种质资源考察队"),
    # a congress's presidium is a body named by its session, the party's name first
    ("中国共产党第二十次全国代表大会主席团18日下午举行第二次会议。", "ORG", {"中国共产党第二十次全国代表大会主席团"}, "中国共产党"),
    # no name before a title begins a title (`候补委员`)
    ("陈希就二十届中央委员会委员、候补委员和中央纪律检查委员会委员候选人名单作了说明。", "PERSON", {"陈希"}, "候补"),
    # a body its quotation marks enclose, named after a person, is one name though no known name begins it
    ("１２月份又有“革命武装力量”和“安德烈斯·卡斯特罗联合阵线”两个组织的６４０人交出武器。", "ORG", {"安德烈斯·卡斯特罗联合阵线"},
     "联合阵线"),
    # a body named in quotation marks by its head is one name, a verb inside included
    ("“拯救比萨斜塔专家委员会”决定采取一项新措施。巴方首批加入“全球发展倡议之友小组”。", "ORG",
     {"拯救比萨斜塔专家委员会", "全球发展倡议之友小组"}, "比萨斜塔专家委员会"),
])
def test_a_name_is_found_whole_not_its_part(extract, text, etype, wholes, part):
    names = extract(text).names(etype)
    assert wholes <= names
    assert part not in names


def test_a_body_named_by_its_level_alone_is_the_document_s_place_s(extract):
    names = extract("贵阳市召开会议。市公安局出动警力。").names("ORG")
    assert "贵阳市公安局" in names


def test_a_medal_named_by_its_event_is_an_award_its_winner_receives(extract):
    facts = extract("孙淑伟、田亮获得男子双人跳台金牌，郭晶晶摘取了女子三米跳板银牌。")
    assert {"男子双人跳台金牌", "女子三米跳板银牌"} <= facts.names("AWARD")
    assert ("received", "郭晶晶", "女子三米跳板银牌", None) in facts.relations()
    # a medal a verb takes alone is no name (`夺得|金牌`), nor is a count of medals (`4枚银牌1枚铜牌`)
    assert not extract("中国选手郑九源摘得铜牌。").names("AWARD")
    assert extract("中国队获得4枚银牌1枚铜牌，她共获得三枚奥运会金牌。").names("AWARD") == {"奥运会金牌"}


def test_a_team_named_by_its_sport_is_a_body(extract):
    assert {"中国跳水队", "斐济男子七人制橄榄球队"} <= extract(
        "中国跳水队在本届世锦赛上夺得第五枚金牌。习近平祝贺斐济男子七人制橄榄球队荣获银牌。").names("ORG")
