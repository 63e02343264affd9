"""Relation constructions of unseen news (issue 14): bare triggers, the main event, source
credits, institution officers, shared titles, light verbs, nominal triggers, name keys."""
import pytest

from pipeline.analysis.meeting_names import same_meeting
from pipeline.analysis.segmentation import load_word_check
from pipeline.analysis.sentences import split_sentences
from pipeline.config import DEFAULT_SEGMENTER
from pipeline.relations import extract_relations
from pipeline.relations.attachments import winner_relations
from pipeline.relations.events import MainEvents, choose_main_event, choose_main_events, headline_starts
from pipeline.relations.home_titles import home_title_relations
from pipeline.relations.pairs import candidates
from pipeline.relations.titles import bare_title_mentions, title_chain_relations
from pipeline.relations.triggers import sentence_triggers, trigger_relations
from tests.conftest import anchored
from tests.relations.test_relations import all_relations, entities_of, name, pairs, trig


@pytest.fixture(scope="module")
def word_check():
    if not DEFAULT_SEGMENTER.is_dir():
        pytest.skip("no shipped segmenter")
    return load_word_check(DEFAULT_SEGMENTER)


def main_event_of(text, events, relation_rules, word_check=None):
    """The main event of `text` among the event names `events` (each its first occurrence)."""
    return choose_main_event(text, [anchored(text, name, "EVENT") for name in events], relation_rules, word_check)


# --- a trigger with no event after it ----------------------------------------------------------

def test_trigger_ending_its_clause_takes_the_event_named_before_it(relation_rules):
    text = "第六届文化艺术节开幕式举行，市委书记尹力出席。"
    mentions = [anchored(text, "第六届文化艺术节开幕式", "EVENT"), anchored(text, "尹力", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("尹力", "第六届文化艺术节开幕式")}


def test_a_trigger_naming_a_kind_of_event_takes_the_one_of_that_kind_the_sentence_before_names(relation_rules):
    text = "会后，常委会举行第六讲专题讲座，王晨主持。李明作了题为《科技与法治》的讲座。李明还作了说明。"
    names = ["常委会第五次会议", "第六讲专题讲座", "王晨", "李明"]
    mentions = [anchored(text, "第六讲专题讲座", "EVENT"), anchored(text, "王晨", "PERSON"), anchored(text, "李明", "PERSON"),
                anchored(text, "李明", "PERSON", occurrence=1)]
    got = pairs(trig(text, mentions, relation_rules, main_event=f"EVENT:{names[0]}"), "participated_in")
    assert got == {("王晨", "第六讲专题讲座"), ("李明", "第六讲专题讲座"), ("李明", names[0])}  # 说明: no kind of event


def test_a_trigger_whose_object_is_the_kind_of_an_event_named_before_it_in_the_sentence_takes_that_event(relation_rules):
    text = "商会举行会员元旦团拜酒会，副社长李明出席了酒会。王红出席了晚会。"
    mentions = [anchored(text, "会员元旦团拜酒会", "EVENT"), anchored(text, "李明", "PERSON"), anchored(text, "王红", "PERSON")]
    got = pairs(trig(text, mentions, relation_rules, main_event="EVENT:全省春节晚会"), "participated_in")
    assert got == {("李明", "会员元旦团拜酒会"), ("王红", "全省春节晚会")}  # 晚会: no kind of the reception


def test_a_passive_host_s_subject_named_by_its_kind_is_the_event_named_before_it(relation_rules):
    text = "世界华人书画展在京开幕。此次书画展由中国艺术研究院和中国美协主办。会议由李明主持。"
    mentions = [anchored(text, "世界华人书画展", "EVENT"), anchored(text, "中国艺术研究院", "ORG"), anchored(text, "中国美协", "ORG"),
                anchored(text, "李明", "PERSON")]
    got = pairs(trig(text, mentions, relation_rules, main_event="EVENT:全国书画工作会议"), "organized")
    assert got == {("中国艺术研究院", "世界华人书画展"), ("中国美协", "世界华人书画展")}  # 会议: whom it presides, no organiser


def test_a_speech_at_events_listed_is_given_at_each(relation_rules):
    text = "习近平总书记在全国科技大会、国家科学技术奖励大会、两院院士大会上的重要讲话，指明方向。"
    events = ["全国科技大会", "国家科学技术奖励大会", "两院院士大会"]
    mentions = [anchored(text, "习近平", "PERSON")] + [anchored(text, e, "EVENT") for e in events]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("习近平", e) for e in events}
    text = "开幕式在北京举行，晚会在上海举行，李明出席。"  # not joined: the last one only
    mentions = [anchored(text, "开幕式", "EVENT"), anchored(text, "晚会", "EVENT"), anchored(text, "李明", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("李明", "晚会")}


def test_a_bare_trigger_refers_to_no_event_named_for_its_guidance(relation_rules):
    text = "全国政协党组举行集体学习 学习贯彻习近平总书记在中央纪委四次全会上的重要讲话和全会精神 汪洋主持并讲话"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "中央纪委四次全会", "EVENT"), anchored(text, "汪洋", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("习近平", "中央纪委四次全会")}


def test_a_speech_at_a_plenum_is_none_at_a_main_event_of_another_kind(relation_rules):
    text = "他表示，要深入学习贯彻习近平总书记在全会上的重要讲话精神，助力改革。"
    mentions = [anchored(text, "习近平", "PERSON")]
    symposium = trig(text, mentions, relation_rules, main_event="EVENT:2024年上半年宏观经济形势分析座谈会")
    assert pairs(symposium, "participated_in") == set()
    plenum = trig(text, mentions, relation_rules, main_event="EVENT:党的二十届三中全会")
    assert pairs(plenum, "participated_in") == {("习近平", "党的二十届三中全会")}
    meeting = "他表示，习近平总书记在会上的重要讲话，为做好工作指明了方向。"  # 会上 alone refers to the main event
    assert pairs(trig(meeting, [anchored(meeting, "习近平", "PERSON")], relation_rules,
                      main_event="EVENT:中央经济工作会议"), "participated_in") == {("习近平", "中央经济工作会议")}


def test_trigger_ending_its_sentence_takes_the_main_event(relation_rules):
    text = "会议在京开幕。王沪宁出席。"
    mentions = [anchored(text, "王沪宁", "PERSON")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:全国政协十四届二次会议")
    assert pairs(got, "participated_in") == {("王沪宁", "全国政协十四届二次会议")}


def test_without_a_main_event_a_bare_trigger_abstains(relation_rules):
    text = "会议在京开幕。王沪宁出席。"
    assert trig(text, [anchored(text, "王沪宁", "PERSON")], relation_rules) == []


def test_main_event_is_named_in_the_title_line(relation_rules):
    text = "2024年全国科技大会召开\n党的二十大以来，科技事业取得成就。"
    mentions = [anchored(text, "2024年全国科技大会", "EVENT"), anchored(text, "党的二十大", "EVENT")]
    assert choose_main_event(text, mentions, relation_rules) == "EVENT:2024年全国科技大会"


@pytest.mark.parametrize("title, expected", [
    ("党组举行集体学习 学习贯彻习近平总书记在中央纪委四次全会上的重要讲话", None),  # a speech studied
    ("在全国政协新年茶话会上的讲话", "EVENT:全国政协新年茶话会"),  # the speech's own text
])
def test_an_event_whose_important_speech_is_studied_is_no_main_event(relation_rules, title, expected):
    text = f"{title}\n\n汪洋主持并讲话。"
    event = "中央纪委四次全会" if "中央纪委" in title else "全国政协新年茶话会"
    assert main_event_of(text, [event], relation_rules) == expected


def test_an_event_whose_significance_is_expounded_is_no_main_event(relation_rules):
    text = "中央宣讲团宣讲全会精神\n\n高翔11月5日作宣讲报告。高翔围绕深刻领会党的二十届四中全会召开的重大时代意义作了阐释。"
    assert main_event_of(text, ["党的二十届四中全会"], relation_rules) is None
    text = "宣讲报告会举行\n\n陈吉宁在报告中深入阐释了党的二十大的重大意义。"
    assert main_event_of(text, ["党的二十大"], relation_rules) is None


def test_main_event_is_one_stated_as_held(relation_rules):
    text = "新闻联播\n要深入学习党的二十大精神。2024年全国科技大会6月24日在北京召开。"
    mentions = [anchored(text, "党的二十大", "EVENT"), anchored(text, "2024年全国科技大会", "EVENT")]
    assert choose_main_event(text, mentions, relation_rules) == "EVENT:2024年全国科技大会"


@pytest.mark.parametrize("opened", ["在中奥两国国歌声中拉开帷幕", "今天落下帷幕", "在北京开赛"])
def test_an_event_whose_curtain_rises_or_falls_or_whose_matches_start_is_held(relation_rules, opened):
    text = f"中国民乐轰动维也纳\n\n他出席过党的十五大。“虎年春节中国民族音乐会”{opened}。"
    mentions = [anchored(text, "党的十五大", "EVENT"), anchored(text, "虎年春节中国民族音乐会", "EVENT")]
    assert choose_main_event(text, mentions, relation_rules) == "EVENT:虎年春节中国民族音乐会"


def test_an_event_the_lead_says_is_spoken_at_comes_before_one_held_later(relation_rules):
    lead = "王兆国作说明\n\n人民日报 1998-01-24\n\n１月２０日，王兆国在政协第八届全国委员会常委会第２３次会议上作说明。\n"
    events = ["政协第八届全国委员会常委会第２３次会议", "十五大"]
    assert main_event_of(lead + "十五大闭幕不久，政治局就部署了这项工作。", events, relation_rules) == f"EVENT:{events[0]}"
    later = "王兆国作说明\n\n１月２０日，政治局部署了这项工作。\n十五大闭幕不久，王兆国在政协第八届全国委员会常委会第２３次会议上作说明。"
    assert main_event_of(later, events, relation_rules) == "EVENT:十五大"  # after the lead: background


def test_an_event_the_lead_holds_comes_before_one_held_later(relation_rules):
    text = ("研究院举行全会\n\n本报上海３月２日讯市科学研究院今天在沪举行２０２６年第一次全体会议。院长出席会议。\n"
            "研究院还将召开第三届学术年会。")
    events = ["２０２６年第一次全体会议", "第三届学术年会"]
    assert main_event_of(text, events, relation_rules) == f"EVENT:{events[0]}"
    later = "研究院举行全会\n\n本报上海３月２日讯院长今天到所里调研。\n研究院还举行２０２６年第一次全体会议。"
    assert main_event_of(later, events[:1], relation_rules) is None  # after the lead: no held object counts


def test_a_campaign_in_the_title_gives_way_to_a_meeting_the_text_says_is_held(relation_rules):
    text = "全国农村妇女“双学双比”活动取得新进展\n“双学双比”竞赛活动领导小组第十次会议今天在农业部召开。"
    events = ["全国农村妇女“双学双比”活动", "“双学双比”竞赛活动领导小组第十次会议"]
    assert main_event_of(text, events, relation_rules) == "EVENT:“双学双比”竞赛活动领导小组第十次会议"
    text = "中央国家机关开展“三优一满意”活动综述\n各部门狠抓落实。"
    assert main_event_of(text, ["“三优一满意”活动"], relation_rules) == "EVENT:“三优一满意”活动"


def test_an_event_held_by_someone_in_a_relative_clause_is_stated_as_held(relation_rules):
    text = "乔石观看演出\n乔石观看了由中华慈善总会举办的慈善专场晚会。刚刚召开的十五届一中全会很重要。"
    mentions = [anchored(text, "慈善专场晚会", "EVENT"), anchored(text, "十五届一中全会", "EVENT")]
    assert choose_main_event(text, mentions, relation_rules) == "EVENT:慈善专场晚会"
    assert choose_main_event(text, mentions[1:], relation_rules) is None  # held before, without its agent


def test_an_event_whose_clause_names_who_chairs_it_is_stated_as_held(relation_rules):
    text = "纪念讲话发表三周年\n各民主党派中央今天在京集会。座谈会由全国政协副主席、民革中央主席何鲁丽主持。"
    assert choose_main_event(text, [anchored(text, "座谈会", "EVENT")], relation_rules) == "EVENT:座谈会"
    later = "论坛\n明年的论坛将由北京市政府主办。"
    assert choose_main_event(later, [anchored(later, "论坛", "EVENT", occurrence=1)], relation_rules) is None


def test_an_event_held_here_now_or_on_the_report_s_day_in_a_relative_clause_is_stated_as_held(relation_rules):
    text = "档案工作卓有成效\n本报北京一月十九日讯记者从此间召开的全国档案局长馆长会议上了解到，刚刚召开的十五届一中全会很重要。"
    mentions = [anchored(text, "十五届一中全会", "EVENT"), anchored(text, "全国档案局长馆长会议", "EVENT")]
    assert choose_main_event(text, mentions, relation_rules) == "EVENT:全国档案局长馆长会议"
    now = "会议\n正在举行的第五届数字中国建设峰会很重要。"
    assert choose_main_event(now, [anchored(now, "第五届数字中国建设峰会", "EVENT")], relation_rules) == "EVENT:第五届数字中国建设峰会"
    today = "培养青年兴业领头人\n本报北京１月７日讯李克强在今天召开的实施再就业工程座谈会上指出，要培养人才。"
    assert choose_main_event(today, [anchored(today, "实施再就业工程座谈会", "EVENT")], relation_rules) == (
        "EVENT:实施再就业工程座谈会")


def test_without_one_held_the_main_event_is_one_people_attend(relation_rules):
    text = "代表委员议国是\n党的二十大以来，参加十四届全国人大二次会议的代表开始分组审议。马兴瑞在参加新疆代表团审议时说。"
    mentions = [anchored(text, "党的二十大", "EVENT"), anchored(text, "十四届全国人大二次会议", "EVENT")]
    assert choose_main_event(text, mentions, relation_rules) == "EVENT:十四届全国人大二次会议"
    own = "习近平在参加内蒙古代表团审议时强调\n习近平在参加他所在的十三届全国人大二次会议内蒙古代表团审议时强调。"
    mentions = [anchored(own, "十三届全国人大二次会议", "EVENT")]  # the delegation a deputy belongs to
    assert choose_main_event(own, mentions, relation_rules) == "EVENT:十三届全国人大二次会议"


def test_an_event_to_be_held_is_no_main_event(relation_rules):
    text = "新闻联播\n下周，二十届三中全会将在北京召开。第二届进博会11月5日在上海开幕。"
    assert main_event_of(text, ["二十届三中全会", "第二届进博会"], relation_rules) == "EVENT:第二届进博会"
    assert main_event_of(text, ["二十届三中全会"], relation_rules) is None
    text = "新闻联播\n自首届峰会在瑞典召开以来，合作日益密切。中共二十大结束后不久访华。第二届峰会在里加结束。"
    assert main_event_of(text, ["首届峰会", "中共二十大", "第二届峰会"], relation_rules) == "EVENT:第二届峰会"
    text = "新闻联播\n2023年全国两会召开在即。代表们忙着调研。"
    assert main_event_of(text, ["2023年全国两会"], relation_rules) is None


def test_an_event_whose_spirit_is_studied_is_no_main_event(relation_rules):
    text = "中央宣讲团在各地宣讲党的二十大精神\n宣讲团成员肖捷作宣讲报告。"
    assert main_event_of(text, ["党的二十大"], relation_rules) is None
    text = "党的二十大在京开幕\n大会精神鼓舞人心。"
    assert main_event_of(text, ["党的二十大"], relation_rules) == "EVENT:党的二十大"


def test_an_event_a_visitor_came_to_attend_is_no_main_event_of_the_meeting_with_them(relation_rules):
    text = "王沪宁会见柬埔寨首相\n王沪宁在京会见来华出席2025年上海合作组织峰会的柬埔寨首相洪玛奈。"
    assert main_event_of(text, ["2025年上海合作组织峰会"], relation_rules) is None
    text = "代表委员议国是\n参加十四届全国人大二次会议的代表开始分组审议。"
    assert main_event_of(text, ["十四届全国人大二次会议"], relation_rules) == "EVENT:十四届全国人大二次会议"
    # nor one the visitors whom the title's subject welcomes came to attend, named in the title
    text = "习近平欢迎出席第二届高峰论坛的外方领导人\n习近平举行宴会，欢迎出席第二届高峰论坛的外方领导人。李强出席。"
    assert main_event_of(text, ["第二届高峰论坛"], relation_rules) is None
    # nor where the talks come after the visitor whom the relative clause describes: the holding is theirs
    text = "新闻联播\n习近平在人民大会堂同来华出席第三届高峰论坛并进行国事访问的印尼总统佐科举行会谈。"
    assert main_event_of(text, ["第三届高峰论坛"], relation_rules) is None
    text = "新闻联播\n习近平出席第三届高峰论坛并会见外方代表。"
    assert main_event_of(text, ["第三届高峰论坛"], relation_rules) == "EVENT:第三届高峰论坛"
    # nor a later one of the events the visitors attend, joined to the first
    text = "习近平会见出席中意企业家委员会 中意第三方市场合作论坛 中意文化合作机制会议代表\n习近平会见双方代表。"
    assert main_event_of(text, ["中意第三方市场合作论坛", "中意文化合作机制会议"], relation_rules) is None
    text = "新闻联播\n韩正会见出席第十五届博览会和商务与投资峰会的越南副总理。"
    assert main_event_of(text, ["第十五届博览会", "商务与投资峰会"], relation_rules) is None
    text = "习近平出席第十五届博览会和商务与投资峰会\n习近平出席第十五届博览会和商务与投资峰会。"
    assert main_event_of(text, ["第十五届博览会", "商务与投资峰会"], relation_rules) == "EVENT:第十五届博览会"


@pytest.mark.parametrize(("text", "main"), [
    ("习近平举行宴会\n席间演奏了来自参加圆桌峰会国家的曲目。", None),
    ("李强参加圆桌峰会\n李强参加圆桌峰会并讲话。", "EVENT:圆桌峰会"),
])
def test_an_event_its_attendees_are_named_after_is_theirs_not_the_document_s(relation_rules, text, main):
    assert main_event_of(text, ["圆桌峰会"], relation_rules) == main


ROUNDUP = ("国内联播快讯\n\n央视网消息（新闻联播）：\n"
           "第八届乌兰牧骑艺术节开幕\n第八届乌兰牧骑艺术节今天在阿拉善盟开幕。\n"
           "小微企业融资成本下降\n银保监会副主席周亮表示，小微企业融资成本下降。\n"
           "全国养老护理职业技能大赛举行\n首届全国养老护理职业技能大赛今天在北京举行。李明出席。\n")


def roundup_mentions():
    text = ROUNDUP
    return [anchored(text, "第八届乌兰牧骑艺术节", "EVENT"), anchored(text, "周亮", "PERSON"),
            anchored(text, "全国养老护理职业技能大赛", "EVENT"), anchored(text, "李明", "PERSON")]


def test_a_roundup_is_a_run_of_items_under_headlines(relation_rules):
    starts = headline_starts(ROUNDUP, relation_rules.headline_max_chars)
    assert [ROUNDUP[s:ROUNDUP.index("\n", s)] for s in starts] == [
        "第八届乌兰牧骑艺术节开幕", "小微企业融资成本下降", "全国养老护理职业技能大赛举行"]
    # no headline: a line that ends in a clause mark, a note in brackets, one no paragraph follows
    text = "题目\n记者张三报道：\n正文说了一件事。\n（附图片１张）\n正文又说了一件事。\n编后\n"
    assert headline_starts(text, relation_rules.headline_max_chars) == []


def test_each_item_of_a_roundup_has_its_own_main_event(relation_rules):
    events = choose_main_events(ROUNDUP, roundup_mentions(), relation_rules)
    by_item = [events.at(ROUNDUP.index(line)) for line in ("第八届乌兰牧骑艺术节开幕", "周亮", "李明")]
    assert by_item == ["EVENT:第八届乌兰牧骑艺术节", None, "EVENT:全国养老护理职业技能大赛"]
    # the whole document's choice, for one that is no roundup
    assert choose_main_event(ROUNDUP, roundup_mentions(), relation_rules) == "EVENT:第八届乌兰牧骑艺术节"


def test_a_title_that_names_the_event_makes_it_the_main_event_of_every_part(relation_rules):
    text = "第八届乌兰牧骑艺术节开幕\n" + ROUNDUP.split("\n", 1)[1]
    assert choose_main_events(text, [anchored(text, "第八届乌兰牧骑艺术节", "EVENT")], relation_rules) == \
        MainEvents((0,), ("EVENT:第八届乌兰牧骑艺术节",))


def test_a_bare_trigger_in_a_roundup_refers_to_its_own_item(rules, relation_rules):
    mentions = roundup_mentions()
    events = choose_main_events(ROUNDUP, mentions, relation_rules)
    found = all_relations(ROUNDUP, mentions, rules, relation_rules, main_event=events)
    assert pairs(found, "participated_in") == {("李明", "全国养老护理职业技能大赛")}
    heads = {(c.head, c.tail) for c in candidates(ROUNDUP, split_sentences(ROUNDUP), mentions, relation_rules,
                                                   main_event=events) if c.relation == "participated_in"}
    assert ("PERSON:周亮", "EVENT:第八届乌兰牧骑艺术节") not in heads
    assert ("PERSON:李明", "EVENT:全国养老护理职业技能大赛") in heads


def test_a_roundup_item_s_ceremony_confers_the_awards_of_its_item_alone(rules, relation_rules):
    text = ("国际联播快讯\n\n央视网消息（新闻联播）：\n"
            "第二十八届上海电视节颁奖典礼举行\n第二十八届上海电视节颁奖典礼昨晚举行，评出最佳电视剧奖。\n"
            "丝绸之路国际电影节开幕\n第九届丝绸之路国际电影节今天开幕，近1600部影片角逐金丝路奖。\n")
    mentions = [anchored(text, "第二十八届上海电视节颁奖典礼", "EVENT"), anchored(text, "最佳电视剧奖", "AWARD"),
                anchored(text, "第九届丝绸之路国际电影节", "EVENT"), anchored(text, "金丝路奖", "AWARD")]
    found = all_relations(text, mentions, rules, relation_rules, main_event=choose_main_events(text, mentions, relation_rules))
    assert pairs(found, "awarded_by") == {("最佳电视剧奖", "第二十八届上海电视节颁奖典礼")}


@pytest.mark.parametrize(("text", "names", "attends"), [
    ("李强会见来华出席中拉论坛第四届部长级会议的巴西总统卢拉。", ["李强", "卢拉"], "卢拉"),
    # a visit joined to the attending
    ("李强会见来华出席中拉论坛第四届部长级会议并进行国事访问的巴西总统卢拉。", ["李强", "卢拉"], "卢拉"),
    # the trigger in the object of a meeting verb, with more than the event before 的
    ("李强会见来华出席中拉论坛第四届部长级会议和纪念活动的巴西总统卢拉。", ["李强", "卢拉"], "卢拉"),
    # a predicate joined by 并 keeps its subject
    ("李强会见外宾并出席中拉论坛第四届部长级会议。", ["李强"], "李强"),
    ("李强出席中拉论坛第四届部长级会议并发表题为《携手前行》的主旨演讲。", ["李强"], "李强"),
])
def test_a_visitor_who_came_to_attend_attends_not_who_meets_them(relation_rules, text, names, attends):
    event = "中拉论坛第四届部长级会议"
    mentions = sorted([anchored(text, name, "PERSON") for name in names] + [anchored(text, event, "EVENT")],
                      key=lambda m: m.start)
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {(attends, event)}


def test_a_reporter_is_no_subject_of_the_report(relation_rules):
    text = "本报北京１月８日讯记者张建玲报道：今天，近百名老新闻工作者欢聚一堂，参加中国记协举办的老新闻工作者新春茶话会。"
    mentions = [anchored(text, "张建玲", "PERSON"), anchored(text, "中国记协", "ORG"),
                anchored(text, "老新闻工作者新春茶话会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == set()


def test_a_speech_its_speaker_possesses_is_at_no_event_unless_the_clause_says(relation_rules):
    def attended(text):
        found = trig(text, [anchored(text, "习近平", "PERSON")], relation_rules, main_event="EVENT:全会")
        return pairs(found, "participated_in")
    assert attended("会议认为，习近平总书记的重要讲话，深刻总结了成功实践。") == set()
    assert attended("学习习近平总书记在会上的重要讲话。") == {("习近平", "全会")}
    assert attended("学习领会习近平总书记在会上的重要讲话和全会精神。") == {("习近平", "全会")}  # a noun, but framed
    assert attended("学习领会习近平总书记的重要讲话和全会精神。") == set()


def test_the_activities_recapitulated_are_those_the_sentence_before_names(relation_rules):
    text = "汪洋出席中资企业代表座谈会和孔子课堂揭牌仪式。夏宝龙参加上述活动。"
    mentions = [anchored(text, "汪洋", "PERSON"), anchored(text, "中资企业代表座谈会", "EVENT"),
                anchored(text, "孔子课堂揭牌仪式", "EVENT"), anchored(text, "夏宝龙", "PERSON")]
    got = pairs(trig(text, mentions, relation_rules, main_event="EVENT:访问"), "participated_in")
    assert ("夏宝龙", "中资企业代表座谈会") in got and ("夏宝龙", "孔子课堂揭牌仪式") in got
    assert ("夏宝龙", "访问") not in got


def test_the_activities_recapitulated_are_all_those_the_item_says_were_attended_or_held(relation_rules):
    text = ("韩正会见王瑞杰，并共同主持中新双边合作联委会第十五次会议。韩正表示，要落实中共十九届四中全会部署。"
            "会后，韩正和王瑞杰共同出席了合作文件签字仪式。陈敏尔参加上述活动。")
    names = (("韩正", "PERSON"), ("王瑞杰", "PERSON"), ("中新双边合作联委会第十五次会议", "EVENT"),
             ("中共十九届四中全会", "EVENT"), ("合作文件签字仪式", "EVENT"))
    mentions = [anchored(text, n, t) for n, t in names] + [anchored(text, "陈敏尔", "PERSON")]
    got = {tail for head, tail in pairs(trig(text, mentions, relation_rules), "participated_in") if head == "陈敏尔"}
    assert got == {"中新双边合作联委会第十五次会议", "合作文件签字仪式"}  # not the plenum only spoken of
    visit = "习近平同来华出席第三届高峰论坛的印尼总统佐科举行会谈。双方发表声明。王毅参加上述活动。"
    mentions = [anchored(visit, n, t) for n, t in (("习近平", "PERSON"), ("第三届高峰论坛", "EVENT"), ("佐科", "PERSON"),
                                                  ("王毅", "PERSON"))]
    assert pairs(trig(visit, mentions, relation_rules), "participated_in") == {("佐科", "第三届高峰论坛")}  # the visitor's


def test_no_activity_recapitulated_is_one_yet_to_be_held(relation_rules):
    text = "习近平出席中法全球治理论坛闭幕式。容克表示，我期待着即将举行的欧中领导人会晤取得积极成果。王毅参加上述活动。"
    names = (("习近平", "PERSON"), ("中法全球治理论坛闭幕式", "EVENT"), ("容克", "PERSON"), ("欧中领导人会晤", "EVENT"),
             ("王毅", "PERSON"))
    mentions = [anchored(text, n, t) for n, t in names]
    got = {tail for head, tail in pairs(trig(text, mentions, relation_rules), "participated_in") if head == "王毅"}
    assert got == {"中法全球治理论坛闭幕式"}


def test_a_meeting_chaired_and_convened_is_held_a_past_one_convened_is_not(relation_rules):
    text = "李强在上海调研\n去年成功举办首届峰会。调研中，李强主持召开座谈会。"
    assert main_event_of(text, ["首届峰会", "座谈会"], relation_rules) == "EVENT:座谈会"
    assert main_event_of(text, ["首届峰会"], relation_rules) is None


def test_an_event_congratulated_on_its_success_is_no_main_event(relation_rules):
    events = ["中共二十大", "欢迎宴会"]
    text = "巴西总统访华\n总统祝贺中共二十大成功召开。欢迎宴会当晚在人民大会堂举行。"
    assert main_event_of(text, events, relation_rules) == "EVENT:欢迎宴会"
    text = "新闻联播\n中共二十大成功召开。欢迎宴会当晚在人民大会堂举行。"
    assert main_event_of(text, events, relation_rules) == "EVENT:中共二十大"
    # the congratulation after the event, in its clause
    text = "巴西总统访华\n总统就中共二十大成功举行向中国人民表示热烈祝贺。欢迎宴会当晚在人民大会堂举行。"
    assert main_event_of(text, events, relation_rules) == "EVENT:欢迎宴会"


def test_a_title_congratulating_on_an_event_reports_the_messages_not_the_event(relation_rules):
    events = ["中共二十大", "中国共产党第二十次全国代表大会"]
    text = ("多国政党政府领导人热烈祝贺中共二十大召开\n在中国共产党第二十次全国代表大会召开之际，多国领导人致电祝贺。"
            "新加坡人民行动党秘书长李显龙表示，一个繁荣稳定的中国有利于世界。")
    assert main_event_of(text, events, relation_rules) is None
    # a letter is read out at the event, whose report follows
    events = ["首届文化强国建设高峰论坛", "论坛"]
    text = "习近平致信祝贺首届文化强国建设高峰论坛开幕\n论坛今天在深圳开幕。"
    assert main_event_of(text, events, relation_rules) == "EVENT:首届文化强国建设高峰论坛"


@pytest.mark.parametrize("awaited", ["以实际行动迎接党的二十大胜利召开", "各地喜迎党的二十大召开"])
def test_an_event_whose_holding_is_awaited_is_no_main_event(relation_rules, awaited):
    text = f"凝心聚力 齐创未来\n代表们表示，要{awaited}。"
    assert main_event_of(text, ["党的二十大"], relation_rules) is None
    events = ["党的二十大", "座谈会"]
    text = f"凝心聚力 齐创未来\n代表们表示，要{awaited}。座谈会今天在京举行。"
    assert main_event_of(text, events, relation_rules) == "EVENT:座谈会"


def test_a_holding_verb_in_a_noun_states_nothing_held(relation_rules, word_check):
    events = ["东京奥运会", "第二届进博会"]
    text = "新闻联播\n国立竞技场是东京奥运会的开幕式举办地。第二届进博会11月5日在上海开幕。"
    assert main_event_of(text, events, relation_rules) == "EVENT:第二届进博会"
    text = "新闻联播\n东京奥运会开幕日很热。第二届进博会11月5日在上海开幕。"
    assert main_event_of(text, events, relation_rules) == "EVENT:东京奥运会"  # without words
    assert main_event_of(text, events, relation_rules, word_check) == "EVENT:第二届进博会"
    text = "新闻联播\n为完成香港回归和中共十五大召开这两件大事作出了贡献。"  # a clause in apposition to a noun
    assert main_event_of(text, ["中共十五大"], relation_rules) is None


def test_an_event_only_referred_to_is_no_main_event(relation_rules):
    text = "新闻联播\n要深入学习党的二十大精神，党的二十大以来成就显著。"
    mentions = [anchored(text, "党的二十大", "EVENT"), anchored(text, "党的二十大", "EVENT", occurrence=1)]
    assert choose_main_event(text, mentions, relation_rules) is None


def test_the_source_credit_takes_no_event_relation(relation_rules):
    text = "央视网消息（新闻联播）：举办青年科技工作者沙龙。"
    mentions = [anchored(text, "央视网", "ORG"), anchored(text, "青年科技工作者沙龙", "EVENT")]
    assert trig(text, mentions, relation_rules) == []


# --- posts -------------------------------------------------------------------------------------

def test_officer_title_is_held_at_the_institution_the_title_line_names(rules, relation_rules):
    text = "中关村实验室召开党建工作会议\n吴建平主任出席会议。"
    mentions = [anchored(text, "中关村实验室", "ORG"), anchored(text, "吴建平", "PERSON")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {("吴建平", "中关村实验室", "主任")}


def test_an_officer_title_opening_a_clause_is_held_at_the_institution_the_title_line_names(rules, relation_rules):
    text = "事在人为———记吉林市电力器材有限公司\n总经理关景华告诉记者，销售没有定额。吉林省副总经理张三说，不同。"
    mentions = [anchored(text, "吉林市电力器材有限公司", "ORG"), anchored(text, "关景华", "PERSON"),
                anchored(text, "吉林省", "LOCATION"), anchored(text, "张三", "PERSON")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {("关景华", "吉林市电力器材有限公司", "总经理")}


def test_an_officer_title_opening_a_sentence_is_held_at_the_institution_that_begins_the_sentence_before(rules, relation_rules):
    text = "香港各界迎新年\n香港中华总商会今天举行团拜酒会，嘉宾出席。会长曾宪梓致词。校长王明说，不同。主任李华也讲了话。"
    mentions = [anchored(text, "香港中华总商会", "ORG")] + [anchored(text, person, "PERSON") for person in ("曾宪梓", "王明", "李华")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {("曾宪梓", "香港中华总商会", "会长")}  # no 校长 of a 商会


def test_a_title_after_the_count_that_closes_a_list_of_names_is_each_one_s_at_the_institution(rules, relation_rules):
    text = "全国政协常委会会议举行\n曹培玺、宋海、楼继伟等12位常委作大会发言。王明、李华等3位专家出席。"
    mentions = [anchored(text, "全国政协常委会", "ORG")] + [
        anchored(text, person, "PERSON") for person in ("曹培玺", "宋海", "楼继伟", "王明", "李华")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {
        (person, "全国政协常委会", "常委") for person in ("曹培玺", "宋海", "楼继伟")}  # 专家: no officer of it


def test_a_title_after_names_joined_right_before_it_is_each_one_s_at_the_institution(rules, relation_rules):
    text = "全国政协常委会会议举行\n秦博勇和石爱中常委在联合发言中建议，强化监管。李明，王刚常委建议，多措并举。"
    mentions = [anchored(text, "全国政协常委会", "ORG")] + [
        anchored(text, person, "PERSON") for person in ("秦博勇", "石爱中", "李明", "王刚")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {
        (person, "全国政协常委会", "常委") for person in ("秦博勇", "石爱中", "王刚")}  # 李明: a clause of his own


def test_without_one_in_the_title_line_the_institution_is_the_one_named_most(rules, relation_rules):
    text = "菜篮子工程述评\n康达尔公司是一家涉农企业。去年康达尔公司产值高。总经理欧锡钊说，康达尔公司组建了车队。"
    mentions = [anchored(text, "康达尔公司", "ORG", n) for n in range(3)] + [anchored(text, "欧锡钊", "PERSON")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {("欧锡钊", "康达尔公司", "总经理")}
    assert list(home_title_relations(text, mentions[1:], rules.titles, relation_rules)) == []  # named twice: too few


def test_a_chair_is_held_at_the_standing_committee_the_title_line_names(rules, relation_rules):
    text = "全国人大常委会第五十次委员长会议举行\n赵乐际委员长主持会议。"
    mentions = [anchored(text, "全国人大常委会", "ORG"), anchored(text, "赵乐际", "PERSON")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {("赵乐际", "全国人大常委会", "委员长")}


@pytest.mark.parametrize("line, body", [
    ("全国政协十四届常委会第十二次会议举行全体会议", "全国政协十四届常委会"),
    ("政协第十三届全国委员会常务委员会第二十二次会议举行", "政协第十三届全国委员会常务委员会"),
    ("全国政协举行双周协商座谈会", "全国政协"),
])
def test_a_standing_member_speaks_at_the_committee_the_title_line_names(rules, relation_rules, line, body):
    text = f"{line}\n易纲常委发言提出，深化金融体制改革。"
    mentions = [anchored(text, body, "ORG"), anchored(text, "易纲", "PERSON")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {("易纲", body, "常委")}
    text = "中关村实验室召开会议\n易纲常委发言。"  # a laboratory has no standing members
    mentions = [anchored(text, "中关村实验室", "ORG"), anchored(text, "易纲", "PERSON")]
    assert not list(home_title_relations(text, mentions, rules.titles, relation_rules))

def test_a_title_after_a_name_right_after_an_organisation_is_held_there(rules, relation_rules):
    text = "会议举行\n中组部李景田局长介绍说，国务院李强代表党中央讲话。"
    mentions = [anchored(text, "中组部", "ORG"), anchored(text, "李景田", "PERSON"),
                anchored(text, "国务院", "ORG"), anchored(text, "李强", "PERSON")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {("李景田", "中组部", "局长")}  # 代表: a verb too
    text = "招待会举行\n我驻悉尼总领馆王明总领事致词。"  # a consular post
    mentions = [anchored(text, "驻悉尼总领馆", "ORG"), anchored(text, "王明", "PERSON")]
    got = list(home_title_relations(text, mentions, rules.titles, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {("王明", "驻悉尼总领馆", "总领事")}


@pytest.mark.parametrize("text, org", [
    ("央视网消息：习近平主席出席会议。", "央视网"),          # a source credit is no institution
    ("联合国大会开幕\n古特雷斯主任出席会议。", "联合国"),      # 主任 is no officer of a 联合国
    ("会议召开\n吴建平主任出席中关村实验室会议。", "中关村实验室"),  # not named in the title line
])
def test_a_bare_title_without_its_institution_gives_no_post(rules, relation_rules, text, org):
    person = "习近平" if "习近平" in text else ("古特雷斯" if "古特雷斯" in text else "吴建平")
    mentions = [anchored(text, org, "ORG"), anchored(text, person, "PERSON")]
    assert list(home_title_relations(text, mentions, rules.titles, relation_rules)) == []


def test_a_title_before_coordinated_names_is_each_ones(rules, relation_rules):
    text = "中央军委委员魏凤和、李作成、苗华参加活动。"
    mentions = [anchored(text, "中央军委", "ORG")] + [anchored(text, p, "PERSON") for p in ("魏凤和", "李作成", "苗华")]
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {
        ("魏凤和", "中央军委", "委员"), ("李作成", "中央军委", "委员"), ("苗华", "中央军委", "委员")}


def test_a_conjunction_before_a_list_ends_the_titled_names(rules, relation_rules):
    text = "中央军委主席江泽民和乔石、朱镕基等出席。中央军委委员魏凤和、李作成和苗华参加。"
    people = ("江泽民", "乔石", "朱镕基", "魏凤和", "李作成", "苗华")
    mentions = [anchored(text, "中央军委", "ORG")] + [anchored(text, p, "PERSON") for p in people]
    mentions.append(anchored(text, "中央军委", "ORG", occurrence=1))
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    # the list after 和 is a second group; a conjunction before the last name ends one list
    assert {(name(r.head), r.title) for r in got} == {("江泽民", "主席"), ("魏凤和", "委员"), ("李作成", "委员"), ("苗华", "委员")}


@pytest.mark.parametrize("text, organ, body, posts", [
    ("会议由农业部党组副书记、副部长刘成果主持。", "农业部党组", "农业部", {("农业部党组", "副书记"), ("农业部", "副部长")}),
    ("清华大学党委书记、校长王某作报告。", "清华大学党委", "清华大学", {("清华大学党委", "书记"), ("清华大学", "校长")}),
    ("投资促进局党组成员、副局长谢彬，", "投资促进局党组", "投资促进局", {("投资促进局党组", "成员"), ("投资促进局", "副局长")}),
    ("省农业农村厅兽医局党支部书记、局长马某违规收受礼金。", "省农业农村厅兽医局党支部", "省农业农村厅兽医局",
     {("省农业农村厅兽医局党支部", "书记"), ("省农业农村厅兽医局", "局长")}),
    ("县医院党总支书记、院长马某讲话。", "县医院党总支", "县医院", {("县医院党总支", "书记"), ("县医院", "院长")}),
])
def test_the_titles_after_a_party_organ_s_are_its_body_s(rules, relation_rules, text, organ, body, posts):
    person = next(p for p in ("刘成果", "王某", "谢彬", "马某") if p in text)
    mentions = [anchored(text, body, "ORG"), anchored(text, organ, "ORG"), anchored(text, person, "PERSON")]
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    assert {(name(r.tail), r.title) for r in got} == posts


def test_the_titles_after_a_former_post_at_a_party_organ_are_its_body_s(rules, relation_rules):
    text = "农业农村部原党组书记、部长唐某严重违纪违法。"
    mentions = [anchored(text, "农业农村部", "ORG"), anchored(text, "农业农村部原党组", "ORG", entity="ORG:农业农村部党组"),
                anchored(text, "唐某", "PERSON")]
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    assert {(name(r.tail), r.title, r.status) for r in got} == {("农业农村部党组", "书记", "former"), ("农业农村部", "部长", "former")}
    text = "农业农村部党组书记、部长唐某出席会议。"
    mentions = [anchored(text, "农业农村部", "ORG"), anchored(text, "农业农村部党组", "ORG"), anchored(text, "唐某", "PERSON")]
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    assert {r.status for r in got} == {"current"}


def test_the_titles_after_a_party_organ_s_are_its_body_s_where_the_body_is_named_elsewhere(rules, relation_rules):
    text = "国家教委召开会议。国家教委党组书记、副主任陈至立作报告。"
    mentions = [anchored(text, "国家教委", "ORG"), anchored(text, "国家教委党组", "ORG"), anchored(text, "陈至立", "PERSON")]
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    assert {(name(r.tail), r.title) for r in got} == {("国家教委党组", "书记"), ("国家教委", "副主任")}


def test_the_titles_after_a_party_organ_s_are_its_body_s_where_the_body_is_written_so_before(rules, relation_rules):
    text = "江苏省对省应急管理厅问责。给予省应急管理厅党组书记、厅长陈忠伟处分。"
    mentions = [anchored(text, "省应急管理厅", "ORG", entity="ORG:江苏省应急管理厅"),
                anchored(text, "省应急管理厅党组", "ORG", entity="ORG:江苏省应急管理厅党组"), anchored(text, "陈忠伟", "PERSON")]
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    assert {(name(r.tail), r.title) for r in got} == {("江苏省应急管理厅党组", "书记"), ("江苏省应急管理厅", "厅长")}


def test_the_titles_after_a_party_organ_s_need_its_body_named(rules, relation_rules):
    text = "市委常委、副市长王某出席。"
    mentions = [anchored(text, "市委", "ORG"), anchored(text, "王某", "PERSON")]
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    assert {(name(r.tail), r.title) for r in got} == {("市委", "常委")}


@pytest.mark.parametrize("text, party, title", [
    ("发来贺电的还有马耳他工党领袖、政府总理阿贝拉。", "马耳他工党", "领袖"),
    ("东帝汶人民解放党主席、政府总理鲁瓦克致电。", "东帝汶人民解放党", "主席"),
])
def test_a_chain_runs_on_past_a_post_at_a_bare_government(rules, relation_rules, text, party, title):
    person = text[text.index("总理") + 2:text.index("总理") + 5]
    mentions = [anchored(text, party, "ORG"), anchored(text, person, "PERSON")]
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    assert {(name(r.tail), r.title) for r in got} == {(party, title)}  # 总理 is the unnamed government's


@pytest.mark.parametrize("text, org, person, title", [
    ("中央代表团副团长王沪宁出席。", "中央代表团", "王沪宁", "副团长"),
    ("泰华通讯记者协会荣誉主席颜雄说。", "泰华通讯记者协会", "颜雄", "荣誉主席"),
    ("美国商会高级副会长薄迈伦出席。", "美国商会", "薄迈伦", "高级副会长"),
    ("上海京剧院艺术总监黎中城发言。", "上海京剧院", "黎中城", "艺术总监"),
    ("新芬党领导人亚当斯表示欢迎。", "新芬党", "亚当斯", "领导人"),
    ("日本大藏省大臣桥本龙太郎表示。", "日本大藏省", "桥本龙太郎", "大臣"),
    ("特使、外务省次官小村正彦举行了会谈。", "外务省", "小村正彦", "次官"),
    ("大藏省事务次官小村武提出辞职。", "大藏省", "小村武", "事务次官"),
    ("韩国国防部长官金龙显已提出辞职。", "韩国国防部", "金龙显", "长官"),
    ("日本内阁官房长官菅义伟说。", "日本内阁", "菅义伟", "官房长官"),
    ("国防大学学员韩卫国观看后谈到。", "国防大学", "韩卫国", "学员"),
    ("首规委副总建筑师谢远骥介绍说。", "首规委", "谢远骥", "副总建筑师"),
    ("国家统计局辽宁调查总队一级巡视员赵贵军。", "国家统计局辽宁调查总队", "赵贵军", "一级巡视员"),
    ("中国农业银行湖南省分行原副巡视员蒋祁。", "中国农业银行湖南省分行", "蒋祁", "副巡视员"),
])
def test_a_title_keeps_its_modifier(rules, relation_rules, text, org, person, title):
    mentions = [anchored(text, org, "ORG"), anchored(text, person, "PERSON")]
    got = [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]
    assert {r.title for r in got} == {title}


# --- participation frames ----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["财政部部长刘昆作了说明。", "会议听取了刘昆作的关于预算执行情况的报告。",
                                  "刘昆就草案作说明。", "刘昆代表领导小组作了1997年双拥工作总结。",
                                  "刘昆对1998年全国双拥工作作了部署。", "会议听取了刘昆关于预算执行情况的汇报。",
                                  "刘昆作了题为《预算执行情况》的讲座。"])
def test_a_light_verb_and_a_participation_noun_are_taking_part(relation_rules, text):
    mentions = [anchored(text, "刘昆", "PERSON")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:十三届全国人大常委会第三次会议")
    assert pairs(got, "participated_in") == {("刘昆", "十三届全国人大常委会第三次会议")}


@pytest.mark.parametrize("said", ["时说", "说", "指出"])
def test_who_speaks_saying_or_in_a_time_clause_takes_part_with_the_body_spoken_for(relation_rules, said):
    text = f"杨健委员代表台盟中央发言{said}，两岸交流日渐紧密。"
    mentions = [anchored(text, "杨健", "PERSON"), anchored(text, "台盟中央", "ORG")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:全国政协十三届一次会议")
    assert pairs(got, "participated_in") == {("杨健", "全国政协十三届一次会议"), ("台盟中央", "全国政协十三届一次会议")}


def test_a_document_titled_as_a_report_is_no_report_given(relation_rules):
    text = "会议审议通过了国家科委《关于深化科技体制改革的汇报提纲》。"
    mentions = [anchored(text, "国家科委", "ORG")]
    assert trig(text, mentions, relation_rules, main_event="EVENT:国家科技领导小组第四次会议") == []


def test_a_report_that_ends_its_clause_refers_to_no_event_before_a_semicolon(relation_rules):
    text = "会议听取了关于全国政协十三届四次会议重点提案督办情况的汇报；听取了全国政协提案委员会关于2021年工作情况的汇报。"
    mentions = [anchored(text, "全国政协十三届四次会议", "EVENT"), anchored(text, "全国政协提案委员会", "ORG")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:第六十四次主席会议")
    assert pairs(got, "participated_in") == {("全国政协提案委员会", "第六十四次主席会议")}


def test_an_event_a_report_is_about_is_not_where_it_is_given(relation_rules):
    text = "委员长会议上，秘书长刘奇就常委会第三次会议议程草案作了汇报。"
    mentions = [anchored(text, "委员长会议", "EVENT"), anchored(text, "刘奇", "PERSON"),
                anchored(text, "常委会第三次会议", "EVENT")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:委员长会议")
    assert pairs(got, "participated_in") == {("刘奇", "委员长会议")}
    # the whole topic is spoken of: the second event listed in it, and the body whose list of members is reported on
    text = "委员长会议上，秘书长刘奇就常委会第八次会议议程草案和全国人大二次会议议程草案、主席团和秘书长名单草案、列席人员名单草案等作了汇报。"
    mentions = [anchored(text, n, t) for n, t in (("委员长会议", "EVENT"), ("刘奇", "PERSON"), ("常委会第八次会议", "EVENT"),
                                                  ("全国人大二次会议", "EVENT"), ("主席团", "ORG"))]
    got = trig(text, mentions, relation_rules, main_event="EVENT:委员长会议")
    assert pairs(got, "participated_in") == {("刘奇", "委员长会议")}  # nor 列席: a list of those who attend as a group
    text = "主席团举行第二次会议。陈希就二十届中央委员会委员和中央纪律检查委员会委员候选人建议名单作了说明。"  # a term first
    mentions = [anchored(text, n, t) for n, t in (("第二次会议", "EVENT"), ("陈希", "PERSON"), ("中央委员会", "ORG"),
                                                  ("中央纪律检查委员会", "ORG"))]
    got = trig(text, mentions, relation_rules, main_event="EVENT:第二次会议")
    assert pairs(got, "participated_in") == {("陈希", "第二次会议")}


def test_an_event_that_marks_a_time_is_no_occasion_of_a_speech(relation_rules):
    def attended(text):
        mentions = [anchored(text, "王沪宁", "PERSON"), anchored(text, "党的十九大", "EVENT"), anchored(text, "习近平", "PERSON")]
        return pairs(trig(text, mentions, relation_rules, main_event="EVENT:全国宣传部长会议"), "participated_in")
    assert ("习近平", "党的十九大") not in attended("王沪宁表示，党的十九大以来，习近平总书记发表一系列重要讲话。")
    assert ("习近平", "党的十九大") in attended("王沪宁表示，党的十九大开幕，习近平总书记发表重要讲话。")


def test_the_body_a_speaker_is_entrusted_by_takes_part(relation_rules):
    text = "受国务院委托，刘昆作了说明。"
    mentions = [anchored(text, "国务院", "ORG"), anchored(text, "刘昆", "PERSON")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:十三届全国人大常委会第三次会议")
    assert pairs(got, "participated_in") == {("国务院", "十三届全国人大常委会第三次会议"),
                                             ("刘昆", "十三届全国人大常委会第三次会议")}


@pytest.mark.parametrize("text", ["胡锦涛代表党中央、国务院向出席茶话会的老同志拜年。",
                                  "胡锦涛发表讲话，代表党中央、国务院，向全国各族人民致以新春的祝福。"])
def test_who_greets_a_gathering_for_bodies_takes_part_with_them(relation_rules, text):
    mentions = [anchored(text, "胡锦涛", "PERSON"), anchored(text, "党中央", "ORG"), anchored(text, "国务院", "ORG")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:在京老同志迎春茶话会")
    assert pairs(got, "participated_in") == {(name, "在京老同志迎春茶话会") for name in ("胡锦涛", "党中央", "国务院")}


@pytest.mark.parametrize("result", ["名列第二", "获得铜牌", "以25秒15摘金", "获亚军"])
def test_who_places_in_a_competition_takes_part_in_it(relation_rules, result):
    text = f"在女子50米自由泳决赛中，中国选手单莺{result}。"
    mentions = [anchored(text, "中国", "LOCATION"), anchored(text, "单莺", "PERSON")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:第八届世界游泳锦标赛")
    assert pairs(got, "participated_in") == {("单莺", "第八届世界游泳锦标赛")}
    # a document about no competition: a medal is an honour, not a result of its event
    assert pairs(trig(text, mentions, relation_rules, main_event="EVENT:全国体育工作会议"), "participated_in") == set()


def test_bodies_a_pronoun_greets_for_take_part(relation_rules):
    text = "他代表中共中央、国务院，向各民主党派表示良好的祝愿。"
    mentions = [anchored(text, "中共中央", "ORG"), anchored(text, "国务院", "ORG")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:全国政协新年茶话会")
    assert pairs(got, "participated_in") == {("中共中央", "全国政协新年茶话会"), ("国务院", "全国政协新年茶话会")}


def test_a_greeting_in_a_letter_is_no_taking_part(relation_rules):
    text = "习近平在贺信中代表中共中央，向大会的召开致以热烈的祝贺。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "中共中央", "ORG")]
    assert pairs(trig(text, mentions, relation_rules, main_event="EVENT:中国科协第十次全国代表大会"),
                 "participated_in") == set()


@pytest.mark.parametrize("text", ["江泽民同志在党的十五大报告中指出，要完善干部离退休制度。",
                                  "江泽民总书记在党的十五大报告中再次郑重呼吁：两岸可先进行谈判。"])
def test_who_gave_a_congress_s_report_took_part_in_it(relation_rules, text):
    mentions = [anchored(text, "江泽民", "PERSON"), anchored(text, "党的十五大", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules, main_event="EVENT:在京老同志迎春茶话会"),
                 "participated_in") == {("江泽民", "党的十五大")}


def test_entrusting_a_person_makes_no_participant(relation_rules):
    text = "受习近平委托，刘昆作了说明。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "刘昆", "PERSON")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:十三届全国人大常委会第三次会议")
    assert pairs(got, "participated_in") == {("刘昆", "十三届全国人大常委会第三次会议")}


@pytest.mark.parametrize("text", ["王建华的讲话全文刊发。", "王建华在音乐会开幕之前预祝演出成功。", "王建华祝愿出席会议的代表身体健康。"])
def test_a_trigger_used_as_a_noun_states_nothing(relation_rules, text):
    assert trig(text, [anchored(text, "王建华", "PERSON")], relation_rules, main_event="EVENT:音乐会") == []


@pytest.mark.parametrize("text, event", [("习近平总书记在文化传承发展座谈会上的重要讲话引起强烈反响。", "文化传承发展座谈会"),
                                         # an occasion frames it too
                                         ("要深入学习领会习近平总书记在决战决胜脱贫攻坚座谈会和听取汇报时的重要讲话精神。", "决战决胜脱贫攻坚座谈会")])
def test_a_speech_at_an_event_is_taking_part(relation_rules, text, event):
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, event, "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("习近平", event)}


def test_the_spirit_of_a_speech_is_no_speaking_at_the_event_named_with_it(relation_rules):
    text = "国务院党组要把思想和行动统一到习近平总书记重要讲话精神和中央纪委四次全会部署上来。"
    mentions = [anchored(text, "国务院党组", "ORG"), anchored(text, "习近平", "PERSON"),
                anchored(text, "中央纪委四次全会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == set()


# --- words -------------------------------------------------------------------------------------

def test_word_check_after_line_breaks_and_spaces(word_check):
    text = "会议\n\n  王沪宁出席会议"
    start = text.index("出席")
    assert word_check(text, start, start + 2)


def test_a_trigger_glued_to_the_name_before_it_is_still_a_trigger(relation_rules, word_check):
    text = "会议在京举行。刘昆作了说明。"
    spans = [(text.index("刘昆"), text.index("刘昆") + 2)]
    found = sentence_triggers(text, split_sentences(text)[1], relation_rules, spans, word_check)
    assert [rule.name for _, _, rule in found] == ["report"]


def test_a_trigger_that_is_a_word_after_a_place_inside_a_word_is_a_trigger(relation_rules):
    from pipeline.analysis.segmentation import word_boundaries

    text = "习近平会见来京出席论坛的武文赏。"
    words = [(0, 3, "nr"), (3, 5, "v"), (5, 7, "v"), (7, 9, "v"), (9, 11, "n"), (11, 12, "u"), (12, 15, "nr"),
             (15, 16, "w")]
    spans = [(text.index("京"), text.index("京") + 1)]  # the place 京 of the word 来京
    found = sentence_triggers(text, split_sentences(text)[0], relation_rules, spans, word_boundaries(words))
    assert [(text[s:e], rule.name) for s, e, rule in found] == [("出席", "attend")]


def test_an_event_a_title_follows_is_an_office_no_event_taken_part_in(extract):
    facts = extract("博鳌亚洲论坛2025年年会开幕式在海南博鳌举行。开幕式上，博鳌亚洲论坛理事长潘基文致欢迎辞。")
    assert ("潘基文", "博鳌亚洲论坛2025年年会开幕式") in facts.relation_pairs("participated_in")
    assert ("潘基文", "博鳌亚洲论坛") not in facts.relation_pairs("participated_in")


# --- names of one meeting ----------------------------------------------------------------------

def test_long_and_short_order_of_a_meeting_name_are_one_entity(schema):
    long, short = "政协第十三届全国委员会常务委员会第二十二次会议", "全国政协十三届常委会第二十二次会议"
    npc_long, npc_short = "第十三届全国人民代表大会常务委员会第三次会议", "十三届全国人大常委会第三次会议"
    mapping = same_meeting({long, short, npc_long, npc_short, "全国政协十三届常委会第二十一次会议"},
                           schema.recognition, schema.aliases)
    assert mapping == {long: long, short: long, npc_long: npc_long, npc_short: npc_long}


def test_the_full_name_of_the_political_consultative_conference_is_one_key_with_its_short_forms(schema):
    full, short = "中国人民政治协商会议第十三届全国委员会第三次会议", "政协第十三届全国委员会第三次会议"
    mapping = same_meeting({full, short, "全国政协十三届三次会议", "全国政协十三届四次会议"}, schema.recognition, schema.aliases)
    assert mapping == {full: full, short: full, "全国政协十三届三次会议": full}


def test_a_meeting_named_without_its_body_is_the_one_the_document_names_with_it(extract):
    facts = extract("十三届全国人大常委会第一百一十三次委员长会议在京举行。第一百一十三次委员长会议听取了报告。"
                    "委员长会议决定。")
    assert facts.names("EVENT") == {"十三届全国人大常委会第一百一十三次委员长会议"}


def test_a_meeting_name_without_its_term_joins_the_one_with_it(schema):
    mapping = same_meeting({"全国政协第三十七次主席会议", "政协第十三届全国委员会第三十七次主席会议"},
                           schema.recognition, schema.aliases)
    assert mapping["全国政协第三十七次主席会议"] == "政协第十三届全国委员会第三十七次主席会议"


def test_a_bare_body_is_the_term_of_the_first_meeting_where_the_text_names_two_terms(schema):
    eighth, ninth = "中国人民政治协商会议第八届全国委员会", "中国人民政治协商会议第九届全国委员会"
    orgs = {"全国政协", eighth, ninth}
    # the report of the eighth's standing committee session that announces the ninth's first session
    occasions = ["政协八届第二十三次常委会议", "政协九届一次会议"]
    assert same_meeting(orgs, schema.recognition, schema.aliases, occasions)["全国政协"] == eighth
    assert same_meeting(orgs, schema.recognition, schema.aliases, occasions[::-1])["全国政协"] == ninth
    assert "全国政协" not in same_meeting({"全国政协", ninth}, schema.recognition, schema.aliases, occasions)
    assert same_meeting({"全国政协", ninth}, schema.recognition, schema.aliases, occasions[1:])["全国政协"] == ninth


def test_a_session_named_by_the_short_form_with_a_term_is_the_one_of_its_full_name(schema):
    full = "中国人民政治协商会议第九届全国委员会第一次会议"
    assert same_meeting({full, "政协九届一次会议"}, schema.recognition, schema.aliases)["政协九届一次会议"] == full


def test_whole_chain_shares_a_title_and_resolves_the_meeting(extract):
    facts = extract("全国政协十三届常委会第二十二次会议举行\n政协第十三届全国委员会常务委员会第二十二次会议21日举行。"
                    "全国政协副主席刘奇葆主持会议。")
    assert ("刘奇葆", "政协第十三届全国委员会常务委员会第二十二次会议") in facts.relation_pairs("participated_in")


def test_a_predicate_joined_by_bing_shares_the_subject(relation_rules):
    text = "王建华参加会见并出席第三届青年科技论坛。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "第三届青年科技论坛", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("王建华", "第三届青年科技论坛")}


def test_names_listed_in_whole_clauses_share_the_trigger(relation_rules):
    text = "张三，李四，王五分别出席第三届青年科技论坛。"
    mentions = [anchored(text, p, "PERSON") for p in ("张三", "李四", "王五")]
    mentions.append(anchored(text, "第三届青年科技论坛", "EVENT"))
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {
        (p, "第三届青年科技论坛") for p in ("张三", "李四", "王五")}


def test_a_clause_that_is_more_than_a_name_ends_the_list(relation_rules):
    text = "张三来到北京，李四出席第三届青年科技论坛。"
    mentions = [anchored(text, "张三", "PERSON"), anchored(text, "李四", "PERSON"),
                anchored(text, "第三届青年科技论坛", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("李四", "第三届青年科技论坛")}


def test_a_committee_named_after_its_parent_is_part_of_it(relation_rules):
    from pipeline.relations.attachments import sub_body_relations

    entities = {"ORG:全国人大常委会": ("ORG", "全国人大常委会"),
                "ORG:全国人大常委会代表资格审查委员会": ("ORG", "全国人大常委会代表资格审查委员会"),
                "ORG:全国政协": ("ORG", "全国政协"), "ORG:全国政协办公厅": ("ORG", "全国政协办公厅"),
                "ORG:十三届全国人大": ("ORG", "十三届全国人大"),
                "ORG:十三届全国人大四次会议主席团": ("ORG", "十三届全国人大四次会议主席团")}
    assert {(name(r.head), name(r.tail)) for r in sub_body_relations(entities, relation_rules)} == {
        ("全国人大常委会代表资格审查委员会", "全国人大常委会"), ("全国政协办公厅", "全国政协")}  # a session's presidium: none


def test_an_event_before_a_convening_verb_is_its_subject_not_its_object(relation_rules):
    text = "习近平、李克强在主席台就座，祝贺大会召开。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "李克强", "PERSON")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:全国政协十三届一次会议")
    assert not pairs(got, "organized")


def test_a_convening_verb_after_de_is_a_noun(relation_rules):
    text = "王建华向第三届青年科技论坛的召开表示祝贺。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "第三届青年科技论坛", "EVENT")]
    assert not pairs(trig(text, mentions, relation_rules), "organized")


@pytest.mark.parametrize("text, expected", [("全国工商联负责人、各国际组织驻华代表等出席了招待会。", set()),
                                            ("全国工商联组织了招待会。", {("全国工商联", "招待会")})])
def test_organise_after_a_kind_of_organisation_is_a_noun(relation_rules, text, expected):
    mentions = [anchored(text, "全国工商联", "ORG"), anchored(text, "招待会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == expected


def test_a_name_after_a_preposition_is_no_subject(relation_rules):
    text = "金正恩为中国艺术团举行欢迎招待会。"
    mentions = [anchored(text, "金正恩", "PERSON"), anchored(text, "中国艺术团", "ORG"),
                anchored(text, "欢迎招待会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("金正恩", "欢迎招待会")}


# --- posts over time ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, person, org, title, status", [
    ("国务院总理李强出席论坛。", "李强", "国务院", "总理", "current"),
    ("原第七一九研究所所长黄旭华获奖。", "黄旭华", "第七一九研究所", "所长", "former"),
    ("时任北京市委书记蔡奇出席。", "蔡奇", "北京市委", "书记", "former"),
    ("会议经表决，任命应勇为全国人大宪法和法律委员会副主任委员。", "应勇", "全国人大宪法和法律委员会", "副主任委员", "new"),
    ("王建华当选为中国科协主席。", "王建华", "中国科协", "主席", "new"),
    ("王建华担任中国科协主席。", "王建华", "中国科协", "主席", "current"),
    ("会议决定免去姜伟的最高人民法院副院长职务。", "姜伟", "最高人民法院", "副院长", "ended"),
])
def test_a_post_carries_how_the_text_states_it(rules, relation_rules, text, person, org, title, status):
    mentions = [anchored(text, person, "PERSON"), anchored(text, org, "ORG")]
    got = {(name(r.head), name(r.tail), r.title, r.status)
           for r in extract_relations(text, split_sentences(text), mentions,
                                      {m.entity: (m.type, name(m.entity)) for m in mentions}, rules.titles, None,
                                      relation_rules)
           if r.type == "holds_position"}
    assert got == {(person, org, title, status)}


def test_each_post_a_dismissal_lists_is_ended_and_so_is_a_membership_taken_away(rules, relation_rules):
    text = "会议通过关于免去吴英杰第十四届全国政协常委、文化文史和学习委员会主任职务的决定；通过关于撤销张建春第十四届全国政协委员资格的决定。"
    mentions = [anchored(text, "吴英杰", "PERSON"), anchored(text, "第十四届全国政协", "ORG"),
                anchored(text, "文化文史和学习委员会", "ORG"), anchored(text, "张建春", "PERSON"),
                anchored(text, "第十四届全国政协", "ORG", 1)]
    got = {(name(r.head), name(r.tail), r.title, r.status)
           for r in extract_relations(text, split_sentences(text), mentions,
                                      {m.entity: (m.type, name(m.entity)) for m in mentions}, rules.titles, None,
                                      relation_rules)
           if r.type == "holds_position"}
    assert got == {("吴英杰", "第十四届全国政协", "常委", "ended"), ("吴英杰", "文化文史和学习委员会", "主任", "ended"),
                   ("张建春", "第十四届全国政协", "委员", "ended")}


def test_a_title_word_used_as_a_verb_is_no_bare_title(rules, relation_rules):
    text = "习近平代表中共中央，向参加全国两会的女代表致以祝福。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "中共中央", "ORG"), anchored(text, "全国两会", "EVENT")]
    got = extract_relations(text, split_sentences(text), mentions, {m.entity: (m.type, name(m.entity)) for m in mentions},
                            rules.titles, None, relation_rules)
    assert not pairs(got, "participated_in")


def test_a_trigger_joined_by_he_is_a_noun(relation_rules):
    text = "党组要坚决贯彻习近平总书记重要讲话和中央纪委四次全会精神。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "中央纪委四次全会", "EVENT")]
    assert trig(text, mentions, relation_rules) == []


@pytest.mark.parametrize("text", ["习近平指出，开展这次主题教育，根本任务是坚持学思用贯通。",
                                  "习近平介绍，举办这次主题教育是今年最重要的工作。"])
def test_who_reports_is_no_subject_of_what_is_reported(relation_rules, text):
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "主题教育", "EVENT")]
    assert trig(text, mentions, relation_rules) == []


@pytest.mark.parametrize("text", ["梅德韦杰夫表示，很高兴来华出席首届中国国际进口博览会。",
                                  "古特雷斯说，非常荣幸应邀出席首届中国国际进口博览会。"])
def test_what_is_reported_opening_with_the_speaker_s_gladness_is_the_speaker_s(relation_rules, text):
    speaker = text[:text.index("表示" if "表示" in text else "说")]
    mentions = [anchored(text, speaker, "PERSON"), anchored(text, "首届中国国际进口博览会", "EVENT")]
    assert {(r.type, r.head, r.tail) for r in trig(text, mentions, relation_rules)} == {
        ("participated_in", mentions[0].entity, mentions[1].entity)}


def test_who_convenes_a_meeting_takes_part_in_it(relation_rules):
    text = "李克强主持召开国务院常务会议。国务院开展大督查。"
    mentions = [anchored(text, "李克强", "PERSON"), anchored(text, "国务院常务会议", "EVENT"),
                anchored(text, "国务院", "ORG", 1), anchored(text, "大督查", "EVENT")]
    got = trig(text, mentions, relation_rules)
    assert pairs(got, "organized") == {("李克强", "国务院常务会议"), ("国务院", "大督查")}
    assert pairs(got, "participated_in") == {("李克强", "国务院常务会议")}  # a body that launches a campaign: no


def test_a_recipient_preposition_marks_who_receives_the_award(relation_rules):
    text = "习近平向黄旭华颁发2019年度国家最高科学技术奖。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "黄旭华", "PERSON"),
                anchored(text, "2019年度国家最高科学技术奖", "AWARD")]
    assert pairs(trig(text, mentions, relation_rules), "received") == {("黄旭华", "2019年度国家最高科学技术奖")}


@pytest.mark.parametrize("text, body, person", [
    ("习近平在人民大会堂向越共中央总书记阮富仲授予“友谊勋章”。", ("越共中央", "ORG"), "阮富仲"),
    ("习近平向俄罗斯总统普京授予“友谊勋章”。", ("俄罗斯", "LOCATION"), "普京"),
])
def test_the_recipient_a_preposition_marks_may_follow_a_title_chain(rules, relation_rules, text, body, person):
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, *body), anchored(text, person, "PERSON"),
                anchored(text, "友谊勋章", "AWARD")]
    if "人民大会堂" in text:
        mentions.append(anchored(text, "人民大会堂", "LOCATION"))
    assert pairs(all_relations(text, mentions, rules, relation_rules), "received") == {(person, "友谊勋章")}


def test_who_a_preposition_marks_with_a_title_chain_holds_no_joined_meeting(rules, relation_rules):
    text = "习近平向越共中央总书记阮富仲授予“友谊勋章”，并举行隆重颁授仪式。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "越共中央", "ORG"), anchored(text, "阮富仲", "PERSON"),
                anchored(text, "友谊勋章", "AWARD"), anchored(text, "颁授仪式", "EVENT")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "organized") == {("习近平", "颁授仪式")}


@pytest.mark.parametrize("opening, closing", [("（", "）"), ("(", ")")])
def test_who_a_bracketed_byline_names_is_no_subject_of_what_follows_it(relation_rules, opening, closing):
    text = f"新华社北京1月10日电{opening}解放军报记者陈大鹏、新华社记者周志方{closing}受总政治部委托，总政文化部举办座谈会。"
    mentions = [anchored(text, "新华社", "ORG"), anchored(text, "解放军报", "ORG"), anchored(text, "新华社", "ORG", 1),
                anchored(text, "总政治部", "ORG"), anchored(text, "总政文化部", "ORG"), anchored(text, "座谈会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules, main_event="EVENT:座谈会"), "participated_in") == {("总政治部", "座谈会")}


def test_an_award_given_to_someone_after_the_verb(relation_rules):
    text = "2019年度国家最高科学技术奖颁给黄旭华。"
    mentions = [anchored(text, "2019年度国家最高科学技术奖", "AWARD"), anchored(text, "黄旭华", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules), "received") == {("黄旭华", "2019年度国家最高科学技术奖")}


def test_a_meeting_decided_on_is_not_yet_organised(relation_rules):
    text = "汪洋主持召开全国政协主席会议，决定6月20日召开全国政协十三届常委会第二十二次会议。"
    mentions = [anchored(text, "汪洋", "PERSON"), anchored(text, "全国政协主席会议", "EVENT"),
                anchored(text, "全国政协十三届常委会第二十二次会议", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("汪洋", "全国政协主席会议")}


def test_a_meeting_wished_for_is_not_yet_organised(relation_rules):
    text = "特朗普希望最快于22日举行美俄乌三方会议。"
    mentions = [anchored(text, "特朗普", "PERSON"), anchored(text, "美俄乌三方会议", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == set()
    text = "由黄河艺术团和希望中文学校联合举办的春节联欢晚会在这里举行。"  # 希望 in a name is no wish
    mentions = [anchored(text, "黄河艺术团", "ORG"), anchored(text, "希望中文学校", "ORG"), anchored(text, "春节联欢晚会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("黄河艺术团", "春节联欢晚会"),
                                                                       ("希望中文学校", "春节联欢晚会")}


def test_an_attendance_wished_for_is_no_participation_yet(relation_rules):
    for text, expected in [("习主席期待卢卡申科出席上海合作组织青岛峰会。", set()),
                           ("卢卡申科出席上海合作组织青岛峰会。", {("卢卡申科", "上海合作组织青岛峰会")})]:
        mentions = [anchored(text, "卢卡申科", "PERSON"), anchored(text, "上海合作组织青岛峰会", "EVENT")]
        assert pairs(trig(text, mentions, relation_rules), "participated_in") == expected, text


def test_the_bodies_a_speaker_of_a_listed_clause_stands_for_take_part(extract):
    facts = extract("全国政协召开座谈会。丁石孙代表各民主党派、全国工商联和无党派人士，李克强代表全国总工会、共青团中央和"
                    "全国妇联分别在会上发言。")
    assert {(n, "座谈会") for n in ("丁石孙", "全国工商联", "李克强", "全国总工会", "共青团中央", "全国妇联")} <= \
        facts.relation_pairs("participated_in")
    facts = extract("全国政协召开座谈会。王明代表团员青年发言。")  # no body after 代表: nobody stands for one
    assert facts.relation_pairs("participated_in") == {("王明", "座谈会")}


def test_the_bodies_whose_officials_brief_a_meeting_take_part_but_not_those_quoted(relation_rules):
    text = "全国政协召开座谈会。国家统计局、全国工商联负责同志介绍有关情况。"
    mentions = [anchored(text, n, t) for n, t in (("全国政协", "ORG"), ("座谈会", "EVENT"), ("国家统计局", "ORG"),
                                                  ("全国工商联", "ORG"))]
    assert pairs(trig(text, mentions, relation_rules, main_event="EVENT:座谈会"), "participated_in") == {
        ("国家统计局", "座谈会"), ("全国工商联", "座谈会")}
    answered = "全国政协召开双周协商座谈会。财政部、商务部负责人作了协商交流，司法部负责人做了交流回应。"
    mentions = [anchored(answered, n, t) for n, t in (("全国政协", "ORG"), ("双周协商座谈会", "EVENT"), ("财政部", "ORG"),
                                                      ("商务部", "ORG"), ("司法部", "ORG"))]
    assert pairs(trig(answered, mentions, relation_rules, main_event="EVENT:双周协商座谈会"), "participated_in") == {
        ("财政部", "双周协商座谈会"), ("商务部", "双周协商座谈会"), ("司法部", "双周协商座谈会")}
    quoted = "国务院新闻办举行发布会。据水利部负责人介绍，今年汛期偏早。"
    mentions = [anchored(quoted, "国务院新闻办", "ORG"), anchored(quoted, "发布会", "EVENT"), anchored(quoted, "水利部", "ORG")]
    assert pairs(trig(quoted, mentions, relation_rules, main_event="EVENT:发布会"), "participated_in") == set()


def organisers(text, names, relation_rules):
    """The (organiser, event) pairs the triggers find in `text`, whose mentions are `names` ((surface, type))."""
    return pairs(trig(text, [anchored(text, n, t) for n, t in names], relation_rules), "organized")


def test_a_scheduled_meeting_has_its_organiser_but_no_host_at_it_yet(relation_rules):
    forum = ("国际粮食减损大会", "EVENT")
    scheduled = "农业农村部将于9月9日至11日在山东济南举办国际粮食减损大会。"
    assert organisers(scheduled, [("农业农村部", "ORG"), forum], relation_rules) == {("农业农村部", "国际粮食减损大会")}
    text = "习近平宣布，中方将在疫情得到控制后即举办第二届亚洲文明对话大会。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "第二届亚洲文明对话大会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == set()
    held = "习近平在北京举办第二届亚洲文明对话大会。"
    mentions = [anchored(held, "习近平", "PERSON"), anchored(held, "第二届亚洲文明对话大会", "EVENT")]
    assert pairs(trig(held, mentions, relation_rules), "participated_in") == {("习近平", "第二届亚洲文明对话大会")}
    decided = "国务院决定于9月在山东举办国际粮食减损大会。"  # decided on, not yet scheduled
    assert organisers(decided, [("国务院", "ORG"), forum], relation_rules) == set()


def test_an_unnumbered_meeting_name_joins_the_one_numbered_name(schema):
    long = "政协第十四届全国委员会第二十九次主席会议"
    mapping = same_meeting({"全国政协主席会议", long}, schema.recognition, schema.aliases)
    assert mapping["全国政协主席会议"] == long
    two = {"十三届全国人大常委会第十四次会议", "十三届全国人大常委会第十五次会议", "全国人大常委会会议"}
    assert same_meeting(two, schema.recognition, schema.aliases) == {}


def test_the_short_name_of_a_termed_body_joins_it_and_keeps_its_sub_bodies(rules, relation_rules, extract):
    facts = extract("政协第十四届全国委员会第二十九次主席会议召开\n全国政协主席王沪宁主持。全国政协办公厅负责会务。")
    # one body, named as the text names it alone (its full name is written only in the session's)
    assert "政协第十四届全国委员会" in facts.entity("ORG", "全国政协").aliases
    assert ("王沪宁", "全国政协") in facts.relation_pairs("holds_position")
    assert ("全国政协办公厅", "全国政协") in facts.relation_pairs("part_of")


@pytest.mark.parametrize("verb", ["荣膺", "获评", "捧得"])
def test_verbs_of_winning(relation_rules, verb):
    text = f"王建华{verb}全国优秀科技工作者称号。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "全国优秀科技工作者称号", "AWARD")]
    assert pairs(trig(text, mentions, relation_rules), "received") == {("王建华", "全国优秀科技工作者称号")}


def test_the_body_that_establishes_an_award_confers_it(relation_rules):
    text = "中国科协设立的全国创新争先奖章。"
    mentions = [anchored(text, "中国科协", "ORG"), anchored(text, "全国创新争先奖章", "AWARD")]
    assert pairs(trig(text, mentions, relation_rules), "awarded_by") == {("全国创新争先奖章", "中国科协")}


# --- passives, purposes, reciprocal meetings, places ---------------------------------------------

def test_a_passive_with_an_agent_gives_the_award_to_its_subject(relation_rules):
    text = "该院化学系是一个老牌团队，被教育部授予“先进集体”称号。"
    mentions = [anchored(text, "该院", "ORG"), anchored(text, "化学系", "ORG"), anchored(text, "教育部", "ORG"),
                anchored(text, "“先进集体”称号", "AWARD")]
    got = trig(text, mentions, relation_rules)
    assert pairs(got, "received") == {("化学系", "“先进集体”称号")}
    assert pairs(got, "awarded_by") == {("“先进集体”称号", "教育部")}


def test_a_name_after_a_copula_is_no_subject_of_a_passive(relation_rules):
    text = "这支队伍是张明创建的，被市政府评为青年突击队。"
    mentions = [anchored(text, "张明", "PERSON"), anchored(text, "市政府", "ORG"), anchored(text, "青年突击队", "AWARD")]
    assert pairs(trig(text, mentions, relation_rules), "received") == set()


def test_a_meeting_prepared_for_is_not_yet_organised(relation_rules):
    text = "省政协常委会举行会议，为召开省政协五次会议作准备。"
    mentions = [anchored(text, "省政协常委会", "ORG"), anchored(text, "省政协五次会议", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == set()


def test_the_parties_to_a_meeting_between_them_take_part_in_it(relation_rules):
    text = "王刚和李伟举行正式会谈。"
    mentions = [anchored(text, "王刚", "PERSON"), anchored(text, "李伟", "PERSON"), anchored(text, "正式会谈", "EVENT")]
    got = trig(text, mentions, relation_rules)
    assert pairs(got, "organized") == set()
    assert pairs(got, "participated_in") == {("王刚", "正式会谈"), ("李伟", "正式会谈")}


def test_a_place_one_goes_to_is_no_subject(relation_rules):
    text = "刘洋来到市科协调研，并主持召开青年人才座谈会。"
    mentions = [anchored(text, "刘洋", "PERSON"), anchored(text, "市科协", "ORG"),
                anchored(text, "青年人才座谈会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("刘洋", "青年人才座谈会")}


def test_a_title_many_hold_standing_alone_names_no_one(relation_rules, rules):
    text = "侨胞王芳代表出席。各界代表获得纪念奖章。"
    mentions = [anchored(text, "王芳", "PERSON"), anchored(text, "纪念奖章", "AWARD")]
    assert bare_title_mentions(text, mentions, rules.titles, []) != []  # without the group titles
    assert bare_title_mentions(text, mentions, rules.titles, [], relation_rules.group_titles) == []


def test_a_title_that_modifies_a_noun_names_no_one(relation_rules, rules):
    text = "王沪宁主席主持会议。主席会议举行集体学习。主席强调，要加强学习。"
    mentions = [anchored(text, "王沪宁", "PERSON")]
    found = bare_title_mentions(text, mentions, rules.titles, [], frozenset(), relation_rules.title_compounds)
    assert [text[m.start:m.end + 2] for m in found] == ["主席强调"]  # not 主席|会议


def test_a_granting_verb_without_an_object_in_its_clause_confers_nothing(relation_rules):
    text = "市科协、表彰奖励获得者代表，优秀科技工作者代表出席。"
    mentions = [anchored(text, "市科协", "ORG"), anchored(text, "优秀科技工作者", "AWARD")]
    assert pairs(trig(text, mentions, relation_rules), "awarded_by") == set()


def test_congratulating_those_commended_confers_nothing(relation_rules):
    text = "习近平代表党中央，向受表彰的全国自强模范表示祝贺。中华全国总工会授予张桂梅全国五一劳动奖章。"
    mentions = [anchored(text, "党中央", "ORG"), anchored(text, "全国自强模范", "AWARD"),
                anchored(text, "中华全国总工会", "ORG"), anchored(text, "张桂梅", "PERSON"), anchored(text, "全国五一劳动奖章", "AWARD")]
    assert pairs(trig(text, mentions, relation_rules), "awarded_by") == {("全国五一劳动奖章", "中华全国总工会")}



def test_an_event_that_dates_the_clause_confers_nothing(relation_rules):
    text = "欢迎仪式前，加蒂授予钱其琛“大十字”勋章。颁奖典礼之后，他又向张三颁发了金奖。"
    mentions = [anchored(text, "欢迎仪式", "EVENT"), anchored(text, "加蒂", "PERSON"), anchored(text, "钱其琛", "PERSON"),
                anchored(text, "“大十字”勋章", "AWARD"), anchored(text, "颁奖典礼", "EVENT"), anchored(text, "张三", "PERSON"),
                anchored(text, "金奖", "AWARD")]
    assert pairs(trig(text, mentions, relation_rules), "awarded_by") == set()  # before the welcome, not at it
    held = "在欢迎仪式上，加蒂授予钱其琛“大十字”勋章。"
    mentions = [anchored(held, "欢迎仪式", "EVENT"), anchored(held, "钱其琛", "PERSON"), anchored(held, "“大十字”勋章", "AWARD")]
    assert pairs(trig(held, mentions, relation_rules), "awarded_by") == {("“大十字”勋章", "欢迎仪式")}


# --- where an event is held -----------------------------------------------------------------------

def test_a_place_locates_an_event_only_with_a_holding_verb_after_it_in_its_clause_or_framing_it(relation_rules):
    from pipeline.relations.locations import location_relations

    def located(text, mentions):
        return pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")

    held = "全省科技大会在京召开。"
    assert located(held, [anchored(held, "全省科技大会", "EVENT"), anchored(held, "京", "LOCATION")]) == {
        ("全省科技大会", "京")}
    # `在京企业` are companies based there; the sentence's holding verb is in another clause
    based = "全省科技大会代表推选工作开展以来，在京企业多措并举。"
    assert located(based, [anchored(based, "全省科技大会", "EVENT"), anchored(based, "京", "LOCATION")]) == set()
    # a meeting held there first: the summit is where its guest came from, not where they meet
    visit = "习近平在人民大会堂会见来华出席夏季达沃斯论坛的越南总理。"
    assert located(visit, [anchored(visit, "人民大会堂", "LOCATION"), anchored(visit, "夏季达沃斯论坛", "EVENT")]) == set()
    going = "李强赴秘鲁出席亚太经合组织第三十一次领导人非正式会议。"
    assert located(going, [anchored(going, "秘鲁", "LOCATION"), anchored(going, "亚太经合组织第三十一次领导人非正式会议", "EVENT")]) == {
        ("亚太经合组织第三十一次领导人非正式会议", "秘鲁")}
    gone = "种植户哈德逊让儿子去上海参加了进博会。去年北京举办了冬奥会。"
    assert located(gone, [anchored(gone, "上海", "LOCATION"), anchored(gone, "进博会", "EVENT"), anchored(gone, "北京", "LOCATION"),
                          anchored(gone, "冬奥会", "EVENT")]) == {("进博会", "上海")}  # 去年: last year, no going
    framed = "特别是去年在雅典的世界田径锦标赛上，国际田径联合会做出了决定。在北京的企业中，王明的展会最大。"
    assert located(framed, [anchored(framed, "雅典", "LOCATION"), anchored(framed, "世界田径锦标赛", "EVENT"),
                            anchored(framed, "北京", "LOCATION"), anchored(framed, "展会", "EVENT")]) == {("世界田径锦标赛", "雅典")}
    frame = "音乐会在中奥两国国歌声中拉开帷幕。"  # 中 of 中奥 modifies the anthems a locative frame closes
    assert located(frame, [anchored(frame, "音乐会", "EVENT"), anchored(frame, "中", "LOCATION")]) == set()
    later = "国家教委今天在南京召开工作会议，强调要按照党的十五大确定的方针。"  # the meeting, not a recognised one
    assert located(later, [anchored(later, "南京", "LOCATION"), anchored(later, "党的十五大", "EVENT")]) == set()
    back = "李岚清在经验交流会上讲话。这次会议是国家教委在扬州召开的。习近平在人民大会堂同来华访问的卢拉会谈。"
    mentions = [anchored(back, "经验交流会", "EVENT"), anchored(back, "扬州", "LOCATION"), anchored(back, "华", "LOCATION")]
    assert pairs(location_relations(back, split_sentences(back), mentions, relation_rules, "EVENT:经验交流会"),
                 "located_in") == {("经验交流会", "扬州")}  # not 华: 人民大会堂 holds 大会, which refers to nothing
    kind = "习近平7日在人民大会堂东门外广场举行仪式，欢迎总统访华。习近平等出席欢迎仪式。"  # the main event by its kind
    mentions = [anchored(kind, "人民大会堂东门外广场", "LOCATION"), anchored(kind, "欢迎仪式", "EVENT")]
    for main, found in (("EVENT:欢迎仪式", {("欢迎仪式", "人民大会堂东门外广场")}), ("EVENT:经验交流会", set())):
        assert pairs(location_relations(kind, split_sentences(kind), mentions, relation_rules, main), "located_in") == found


def test_a_verb_of_being_based_before_a_place_and_de_locates_the_body_after_it(relation_rules):
    from pipeline.relations.locations import location_relations

    def located(text, mentions, noun_starts=frozenset()):
        return pairs(location_relations(text, split_sentences(text), mentions, relation_rules, None, noun_starts),
                     "located_in")

    text = "习近平来到位于河北省最北部的塞罕坝机械林场考察。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "河北省", "LOCATION"),
                anchored(text, "塞罕坝机械林场", "ORG")]
    assert located(text, mentions) == {("塞罕坝机械林场", "河北省")}
    chained = "位于北京市海淀区的中国科学院大学开学。"  # of two places in a row, the more precise
    mentions = [anchored(chained, "北京市", "LOCATION"), anchored(chained, "海淀区", "LOCATION"),
                anchored(chained, "中国科学院大学", "ORG")]
    assert located(chained, mentions) == {("中国科学院大学", "海淀区")}
    # the body names the memorial park after it, which is what lies there
    park = "习近平来到位于桂林市全州县的红军长征湘江战役纪念园。"
    mentions = [anchored(park, "桂林市", "LOCATION"), anchored(park, "全州县", "LOCATION"), anchored(park, "红军", "ORG")]
    assert located(park, mentions, frozenset({park.index("长征")})) == set()
    assert located(park, mentions) == {("红军", "全州县")}  # what the word analysis tells


def test_a_body_s_headquarters_after_it_say_where_it_is_based_the_last_place_of_a_row_the_most_precise(relation_rules):
    from pipeline.relations.locations import location_relations

    text = "国际调解院总部设在中国香港，是全球首个调解机构。世界卫生组织位于瑞士日内瓦。"
    mentions = [anchored(text, "国际调解院", "ORG"), anchored(text, "中国", "LOCATION"), anchored(text, "香港", "LOCATION"),
                anchored(text, "世界卫生组织", "ORG"), anchored(text, "瑞士", "LOCATION"), anchored(text, "日内瓦", "LOCATION")]
    got = pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")
    assert got == {("国际调解院", "香港"), ("世界卫生组织", "日内瓦")}


def test_a_body_founded_at_a_place_is_based_there(relation_rules):
    from pipeline.relations.locations import location_relations

    text = "“一带一路”电影节联盟在上海成立。产业联盟9日在甘肃兰州挂牌成立。上海代表团在北京参观。"
    mentions = [anchored(text, "“一带一路”电影节联盟", "ORG"), anchored(text, "上海", "LOCATION"),
                anchored(text, "产业联盟", "ORG"), anchored(text, "甘肃", "LOCATION"), anchored(text, "兰州", "LOCATION"),
                anchored(text, "上海代表团", "ORG", 0), anchored(text, "北京", "LOCATION")]
    got = pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")
    assert got == {("“一带一路”电影节联盟", "上海"), ("产业联盟", "兰州")}  # not where a body goes (`在北京参观`)


def test_a_firm_opened_or_put_into_production_at_a_place_is_based_there(relation_rules):
    from pipeline.relations.locations import location_relations

    text = "华韵影视光盘公司，日前在北京正式投入生产。渣打证券公司在上海正式开业。光明公司在天津参展。"
    names = [("华韵影视光盘公司", "ORG"), ("北京", "LOCATION"), ("渣打证券公司", "ORG"), ("上海", "LOCATION"),
             ("光明公司", "ORG"), ("天津", "LOCATION")]
    mentions = [anchored(text, n, t) for n, t in names]
    got = pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")
    assert got == {("华韵影视光盘公司", "北京"), ("渣打证券公司", "上海")}  # not where a firm shows its wares


def test_a_place_from_which_an_event_is_attended_by_video_is_not_the_event_s(relation_rules):
    from pipeline.relations.locations import location_relations

    remote = "习近平在北京以视频方式出席二十国集团领导人第十六次峰会。"
    there = "习近平在罗马出席二十国集团领导人第十六次峰会。"
    for text, expected in ((remote, set()), (there, {("二十国集团领导人第十六次峰会", "罗马")})):
        mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "北京" if text is remote else "罗马", "LOCATION"),
                    anchored(text, "二十国集团领导人第十六次峰会", "EVENT")]
        assert pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in") == expected


@pytest.mark.parametrize("means, expected", [("线上线下相结合", {("金砖国家工商论坛", "北京")}), ("视频", set())])
def test_an_event_held_both_at_a_place_and_online_is_there(relation_rules, means, expected):
    from pipeline.relations.locations import location_relations

    text = f"金砖国家工商论坛当日在北京以{means}方式举行。"
    mentions = [anchored(text, "金砖国家工商论坛", "EVENT"), anchored(text, "北京", "LOCATION")]
    assert pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in") == expected


# --- winners and recipients -----------------------------------------------------------------------

CEREMONY = "2025年度全省科学技术奖颁奖大会在杭州举行。"


def _winners(text, people, relation_rules, awards=("2025年度全省科学技术奖",),
             events=("2025年度全省科学技术奖颁奖大会",)):
    mentions = [anchored(text, p, "PERSON") for p in people] + [anchored(text, e, "EVENT") for e in events]
    entities = {f"AWARD:{a}": ("AWARD", a) for a in awards} | entities_of(mentions)
    return pairs(winner_relations(text, split_sentences(text), mentions, entities, relation_rules), "received")


def test_the_items_of_a_list_of_winners_received_the_ceremonys_award(relation_rules):
    text = CEREMONY + "省科学院研究员王立新、浙江大学教授陈晓梅等两名获奖代表发言。"
    assert _winners(text, ["王立新", "陈晓梅"], relation_rules) == {("王立新", "2025年度全省科学技术奖"),
                                                  ("陈晓梅", "2025年度全省科学技术奖")}


def test_winners_named_after_a_title_of_winners(relation_rules):
    text = CEREMONY + "获奖者代表刘芳、青年代表张军在会上发言。"
    assert _winners(text, ["刘芳", "张军"], relation_rules) == {("刘芳", "2025年度全省科学技术奖")}


def test_winners_of_no_one_award_are_left_alone(relation_rules):
    text = "王立新、陈晓梅等获奖代表发言。"
    assert _winners(text, ["王立新", "陈晓梅"], relation_rules, awards=("全省科学技术奖", "全省青年科技奖"), events=()) == set()


def test_an_award_holder_word_in_a_list_names_no_holder(rules, relation_rules):
    text = "2024年度省科技进步奖获奖者、省科协主席王强出席会议。"
    mentions = [anchored(text, "2024年度省科技进步奖", "AWARD"), anchored(text, "省科协", "ORG"),
                anchored(text, "王强", "PERSON")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "received") == set()


def test_who_grants_in_an_earlier_clause_receives_nothing(relation_rules):
    text = "为表彰先进，省委、省政府决定授予20名个人“优秀科技工作者”称号。"
    mentions = [anchored(text, "省委", "ORG"), anchored(text, "省政府", "ORG"),
                anchored(text, "优秀科技工作者", "AWARD")]
    got = trig(text, mentions, relation_rules)
    assert pairs(got, "received") == set()
    assert pairs(got, "awarded_by") == {("优秀科技工作者", "省委"), ("优秀科技工作者", "省政府")}


def test_a_relative_clause_on_a_predicate_noun_describes_the_subject(relation_rules):
    text = "李华因此成为首位获得国际数学奖的中国女数学家。"
    mentions = [anchored(text, "李华", "PERSON"), anchored(text, "国际数学奖", "AWARD")]
    assert pairs(trig(text, mentions, relation_rules), "received") == {("李华", "国际数学奖")}


def test_every_item_of_a_list_ending_in_deng_takes_part(relation_rules):
    text = ("座谈会上，省科学院研究员王立新，浙江大学校长、中国科学院院士陈晓梅，"
            "市农科所所长周平等3位代表先后发言。")
    mentions = [anchored(text, "座谈会", "EVENT"), anchored(text, "王立新", "PERSON"),
                anchored(text, "陈晓梅", "PERSON"), anchored(text, "周平", "PERSON")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:座谈会")
    assert pairs(got, "participated_in") == {("王立新", "座谈会"), ("陈晓梅", "座谈会"), ("周平", "座谈会")}


def test_the_main_event_is_the_one_a_title_says_is_held(relation_rules):
    text = "省人大一次会议举行第三次全体会议\n会议表决通过决议。"
    mentions = [anchored(text, "省人大一次会议", "EVENT"), anchored(text, "第三次全体会议", "EVENT")]
    assert choose_main_event(text, mentions, relation_rules) == "EVENT:第三次全体会议"
    planned = "省人大常委会第九次会议举行 为召开省人大二次会议作准备\n会议审议报告。"
    mentions = [anchored(planned, "省人大常委会第九次会议", "EVENT"), anchored(planned, "省人大二次会议", "EVENT")]
    assert choose_main_event(planned, mentions, relation_rules) == "EVENT:省人大常委会第九次会议"


def test_an_appointment_of_names_written_with_their_honorific(rules, relation_rules):
    text = "任命王立新、陈晓梅同志为省科学院副院长。"
    mentions = [anchored(text, "王立新", "PERSON"), anchored(text, "陈晓梅同志", "PERSON", entity="PERSON:陈晓梅"),
                anchored(text, "省科学院", "ORG")]
    got = all_relations(text, mentions, rules, relation_rules)
    assert pairs(got, "holds_position") == {("王立新", "省科学院"), ("陈晓梅", "省科学院")}


def test_a_list_of_names_reads_on_across_each_gloss_of_sex_or_nationality(rules, relation_rules):
    text = "大会选举王立新（回族）、陈晓梅（女，满族）、赵刚为省人大常委会副主任。省政协副主席李红（女）、张强出席。"
    mentions = [anchored(text, n, "PERSON") for n in ("王立新", "陈晓梅", "赵刚", "李红", "张强")]
    mentions += [anchored(text, "省人大常委会", "ORG"), anchored(text, "省政协", "ORG")]
    got = all_relations(text, mentions, rules, relation_rules)
    assert {("王立新", "省人大常委会"), ("陈晓梅", "省人大常委会"), ("赵刚", "省人大常委会"),
            ("李红", "省政协"), ("张强", "省政协")} <= pairs(got, "holds_position")
    apposed = "王立新（省科学院副院长）、陈晓梅出席。"
    mentions = [anchored(apposed, "王立新", "PERSON"), anchored(apposed, "陈晓梅", "PERSON"), anchored(apposed, "省科学院", "ORG")]
    assert pairs(all_relations(apposed, mentions, rules, relation_rules), "holds_position") == {("王立新", "省科学院")}


def test_taking_part_in_a_side_meeting_is_no_part_in_the_main_event(relation_rules):
    text = "全省科技大会开幕。王立新、陈晓梅参加会见。"
    mentions = [anchored(text, "全省科技大会", "EVENT"), anchored(text, "王立新", "PERSON"), anchored(text, "陈晓梅", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules, main_event="EVENT:全省科技大会"), "participated_in") == set()


def test_taking_part_in_talks_is_taking_part_in_the_main_event_where_that_is_the_talks(relation_rules):
    text = "中英外长会谈举行。王立新、陈晓梅参加了会谈。"
    mentions = [anchored(text, "中英外长会谈", "EVENT"), anchored(text, "王立新", "PERSON"), anchored(text, "陈晓梅", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules, main_event="EVENT:中英外长会谈"), "participated_in") == {
        ("王立新", "中英外长会谈"), ("陈晓梅", "中英外长会谈")}


def test_an_organisation_whose_last_character_begins_a_title_names_a_post(rules, relation_rules):
    text = "国防部长洛佩斯主持召开军事会议。"
    mentions = [anchored(text, "国防部", "ORG"), anchored(text, "洛佩斯", "PERSON"), anchored(text, "军事会议", "EVENT")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "organized") == {("洛佩斯", "军事会议")}


def test_names_between_two_joined_predicates_are_the_first_ones_object(relation_rules):
    text = "省长王立新出席开幕式，宣读省委书记陈晓梅贺信并致辞。"
    mentions = [anchored(text, "王立新", "PERSON"), anchored(text, "开幕式", "EVENT"), anchored(text, "陈晓梅", "PERSON")]
    got = pairs(trig(text, mentions, relation_rules), "participated_in")
    assert ("陈晓梅", "开幕式") not in got and ("王立新", "开幕式") in got


def test_a_trigger_in_a_relative_clause_of_place_has_no_subject(relation_rules):
    names = [("王立新", "PERSON"), ("全省科技峰会", "EVENT")]
    assert organisers("王立新向在杭州举行的全省科技峰会发表书面致辞。", names, relation_rules) == set()
    assert organisers("王立新在杭州举行全省科技峰会。", names, relation_rules) == {("王立新", "全省科技峰会")}


# --- a roster of those present -------------------------------------------------------------------

def test_a_roster_lists_who_took_part_and_the_bodies_represented(rules, relation_rules):
    from pipeline.relations.attachments import roster_relations

    text = ("国庆招待会在人民大会堂举行。\n出席招待会的还有：全国人大常委会副委员长、国务院副总理王毅，以及中央军委委员。"
            "\n国务院新闻办公室发布白皮书。")
    event = "EVENT:庆祝中华人民共和国成立76周年招待会"
    mentions = [anchored(text, "招待会", "EVENT", 1, entity=event), anchored(text, "全国人大常委会", "ORG"),
                anchored(text, "国务院", "ORG"), anchored(text, "王毅", "PERSON"), anchored(text, "中央军委", "ORG"),
                anchored(text, "国务院新闻办公室", "ORG")]
    got = pairs(roster_relations(text, mentions, None, rules.titles, relation_rules), "participated_in")
    assert got == {("全国人大常委会", event[6:]), ("国务院", event[6:]), ("王毅", event[6:]), ("中央军委", event[6:])}
    # a roster of an event referred to by a generic word is the main event's, where its name holds
    # that word (the colon may be left out), else no one's
    text = "出席招待会的还有王毅。"
    assert not list(roster_relations(text, [anchored(text, "王毅", "PERSON")], None, rules.titles, relation_rules))
    got = roster_relations(text, [anchored(text, "王毅", "PERSON")], event, rules.titles, relation_rules)
    assert pairs(got, "participated_in") == {("王毅", event[6:])}
    text = "参加座谈会的还有有关部门负责同志李德洙。"
    got = roster_relations(text, [anchored(text, "李德洙", "PERSON")], "EVENT:中共十五大", rules.titles, relation_rules)
    assert not list(got)
    text = "出席会议的有关部门负责同志李德洙。"
    got = roster_relations(text, [anchored(text, "李德洙", "PERSON")], "EVENT:全国工作会议", rules.titles, relation_rules)
    assert not list(got)  # `的有关`: no roster


def test_a_roster_of_an_events_opening_or_closing_is_the_main_events(rules, relation_rules):
    from pipeline.relations.attachments import roster_relations

    text = "出席闭幕会的领导同志还有：丁薛祥、王晨等。"
    mentions = [anchored(text, "丁薛祥", "PERSON"), anchored(text, "王晨", "PERSON")]
    session = "EVENT:全国政协十三届三次会议"
    got = pairs(roster_relations(text, mentions, session, rules.titles, relation_rules), "participated_in")
    assert got == {("丁薛祥", session[6:]), ("王晨", session[6:])}
    text = "出席座谈会的领导同志还有：丁薛祥。"  # a meeting of its own, not a part of the session
    assert not list(roster_relations(text, mentions[:1], session, rules.titles, relation_rules))


def test_a_roster_may_describe_who_it_lists_before_its_verb(rules, relation_rules):
    from pipeline.relations.attachments import roster_relations

    text = "出席团拜会的国务院领导同志还有，国务院副总理王建华、李明，国务委员张华等。"
    event = "EVENT:春节团拜会"
    mentions = [anchored(text, "团拜会", "EVENT", entity=event), anchored(text, "国务院", "ORG", 1),
                anchored(text, "王建华", "PERSON"), anchored(text, "李明", "PERSON"), anchored(text, "张华", "PERSON")]
    got = pairs(roster_relations(text, mentions, None, rules.titles, relation_rules), "participated_in")
    assert {("王建华", "春节团拜会"), ("李明", "春节团拜会"), ("张华", "春节团拜会")} <= got


def test_a_roster_of_relatives_lists_who_came_not_whose_relatives(rules, relation_rules):
    from pipeline.relations.attachments import roster_relations

    text = "出席招待会的有：华罗庚夫人吴筱元、肖华夫人王新兰等。"
    mentions = [anchored(text, n, "PERSON") for n in ("华罗庚", "吴筱元", "肖华", "王新兰")]
    got = pairs(roster_relations(text, mentions, "EVENT:迎春招待会", rules.titles, relation_rules), "participated_in")
    assert got == {("吴筱元", "迎春招待会"), ("王新兰", "迎春招待会")}


def test_a_person_a_kinship_noun_follows_describes_who_attends(extract):
    facts = extract("第五届世界互联网大会今天在乌镇开幕。国家主席习近平夫人彭丽媛出席大会开幕式。")
    attended = {head for head, _ in facts.relation_pairs("participated_in")}
    assert "彭丽媛" in attended and "习近平" not in attended
    facts = extract("第五届世界互联网大会今天在乌镇开幕。国家主席习近平夫人、世界卫生组织亲善大使彭丽媛和联合国秘书长古特雷斯共同出席。")
    attended = {head for head, _ in facts.relation_pairs("participated_in")}
    assert {"彭丽媛", "古特雷斯"} <= attended and "习近平" not in attended  # neither by the rules nor by the pair model


def test_a_head_of_state_before_the_post_of_his_envoy_describes_who_attends(extract):
    facts = extract("习近平主席特使、全国人大常委会副委员长王东明出席津巴布韦总统就职仪式。")
    attended = {head for head, _ in facts.relation_pairs("participated_in")}
    assert "王东明" in attended and "习近平" not in attended


def test_a_democratic_party_and_its_central_committee_are_two_bodies(extract):
    facts = extract("民建中央主席成思危在座谈会上说，民建与台湾经济界人士素有联系。")
    assert {"民建中央", "民建"} <= facts.names("ORG")
    assert ("成思危", "民建中央") in facts.relation_pairs("holds_position")


def test_speaking_at_a_meeting_is_taking_part_in_it(extract):
    facts = extract("全国档案局长馆长会议在京召开。国家档案局局长王刚在会上指出，今年的任务很重。"
                    "李明在党的十五大报告的基础上提出新看法。"
                    "国家民委主任张华在会上代表国家民委向与会代表拜年。国务院副总理孙春兰在会上传达了重要指示。"
                    "民建中央主席成思危也在会上讲了话。局长郑筱萸在会上部署了全年工作。")
    attended = facts.relation_pairs("participated_in")
    assert ("王刚", "全国档案局长馆长会议") in attended
    assert ("张华", "全国档案局长馆长会议") in attended  # who speaks for a body there
    assert ("国家民委", "全国档案局长馆长会议") in attended  # and the body spoken for
    assert {("孙春兰", "全国档案局长馆长会议"), ("成思危", "全国档案局长馆长会议"), ("郑筱萸", "全国档案局长馆长会议")} <= attended
    assert ("李明", "党的十五大") not in attended  # `在…基础上`: no meeting


def test_who_is_elected_at_a_named_meeting_takes_part_in_it(extract):
    facts = extract("新华社北京3月4日电 赵乐际在4日举行的十四届全国人大一次会议主席团第一次会议上，被推选为主席团常务主席。"
                    "李强在中央经济工作会议上指出，要稳中求进。")
    attended = facts.relation_pairs("participated_in")
    assert ("赵乐际", "十四届全国人大一次会议主席团第一次会议") in attended
    assert ("李强", "中央经济工作会议") in attended  # a 会议, not only a …会, before 上


def test_an_object_in_an_earlier_clause_is_no_subject_of_the_trigger(relation_rules):
    from pipeline.analysis.sentences import split_sentences
    from pipeline.relations.triggers import trigger_relations

    text = "一年来，全国政协坚持履职，隆重庆祝中国人民政治协商会议成立75周年，扎实开展党纪学习教育。"
    mentions = [anchored(text, "全国政协", "ORG"), anchored(text, "中国人民政治协商会议", "ORG"),
                anchored(text, "党纪学习教育", "EVENT")]
    celebrate = text.index("庆祝") + 2  # where the verb 庆祝 ends
    verbs = frozenset({text.index("坚持") + 2, celebrate, text.index("开展") + 2})
    found = trigger_relations(text, split_sentences(text), mentions, None, relation_rules, None, verbs)
    assert pairs(found, "organized") == {("全国政协", "党纪学习教育")}
    found = trigger_relations(text, split_sentences(text), mentions, None, relation_rules)  # no word analysis
    assert ("中国人民政治协商会议", "党纪学习教育") in pairs(found, "organized")


def test_a_ceremony_joined_to_another_meeting_confers_the_awards(relation_rules):
    from pipeline.relations.attachments import ceremony_relations

    entities = {"EVENT:全国脱贫攻坚奖表彰大会暨先进事迹报告会": ("EVENT", "全国脱贫攻坚奖表彰大会暨先进事迹报告会"),
                "EVENT:先进事迹报告会": ("EVENT", "先进事迹报告会"),
                "AWARD:全国脱贫攻坚奖": ("AWARD", "全国脱贫攻坚奖")}
    main = "EVENT:全国脱贫攻坚奖表彰大会暨先进事迹报告会"
    got = {(name(r.head), name(r.tail)) for r in ceremony_relations(entities, {main}, relation_rules, set())}
    assert got == {("全国脱贫攻坚奖", "全国脱贫攻坚奖表彰大会暨先进事迹报告会")}


def test_a_ceremony_named_in_passing_confers_only_the_awards_received(relation_rules):
    from pipeline.relations.attachments import ceremony_relations

    entities = {"EVENT:国家科学技术奖励大会": ("EVENT", "国家科学技术奖励大会"),
                "AWARD:国家自然科学奖一等奖": ("AWARD", "国家自然科学奖一等奖"),
                "AWARD:英国女王技术成就奖": ("AWARD", "英国女王技术成就奖")}
    got = {(name(r.head), name(r.tail)) for r in ceremony_relations(entities, {None}, relation_rules,
                                                                    {"AWARD:国家自然科学奖一等奖"})}
    assert got == {("国家自然科学奖一等奖", "国家科学技术奖励大会")}


def test_a_name_coordinated_with_a_place_after_a_place_word_is_no_subject(relation_rules):
    text = "赵乐际在江苏和安徽省人大常委会机关调研，看望机关干部，并主持召开座谈会。"
    mentions = [anchored(text, "赵乐际", "PERSON"), anchored(text, "江苏", "LOCATION"),
                anchored(text, "安徽省人大常委会机关", "ORG"), anchored(text, "座谈会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("赵乐际", "座谈会")}
    text = "在大使馆与交流中心联合举办的研讨会上，嘉宾发言。"  # 在 frames the phrase; the two hold it
    mentions = [anchored(text, "大使馆", "ORG"), anchored(text, "交流中心", "ORG"), anchored(text, "研讨会", "EVENT")]
    assert ("交流中心", "研讨会") in pairs(trig(text, mentions, relation_rules), "organized")


def test_a_relative_clause_with_yi_wei_names_a_bodys_leader(relation_rules):
    from pipeline.relations.appointments import leader_relations

    text = "以中联部部长宋涛为团长的中国艺术团访问朝鲜。以钟南山为组长的3人专家组抵达。宋涛为团长。"
    mentions = [anchored(text, "中联部", "ORG"), anchored(text, "宋涛", "PERSON"), anchored(text, "中国艺术团", "ORG"),
                anchored(text, "朝鲜", "LOCATION"), anchored(text, "钟南山", "PERSON"), anchored(text, "专家组", "ORG"),
                anchored(text, "宋涛", "PERSON", 1)]
    got = {(r.head[7:], r.tail[4:], r.title) for r in leader_relations(text, mentions, relation_rules)}
    assert got == {("宋涛", "中国艺术团", "团长"), ("钟南山", "专家组", "组长")}  # no body after the last: none


def test_a_person_put_at_a_bodys_head_leads_it(rules, relation_rules):
    from pipeline.relations.appointments import leader_relations

    text = "分成小党：以王明为首的“自由党”；在以李华首相为首的王国政府领导下；以美国为首的联军。"
    mentions = [anchored(text, "王明", "PERSON"), anchored(text, "自由党", "ORG"), anchored(text, "李华", "PERSON"),
                anchored(text, "王国政府", "ORG"), anchored(text, "美国", "LOCATION"), anchored(text, "联军", "ORG")]
    got = {(r.head[7:], r.tail[4:], r.title) for r in leader_relations(text, mentions, relation_rules, rules.titles)}
    assert got == {("王明", "自由党", "领导人"), ("李华", "王国政府", "首相")}  # a country at the head leads nothing


def test_a_person_put_at_a_bodys_head_leads_it_without_yi_and_after_an_honorific(rules, relation_rules):
    from pipeline.relations.appointments import leader_relations

    text = "前首相羽田孜为首的太阳党同意联合。以本扬总书记同志为首的老挝党中央。选举王明为主席的大会闭幕。"
    mentions = [anchored(text, "羽田孜", "PERSON"), anchored(text, "太阳党", "ORG"), anchored(text, "本扬", "PERSON"),
                anchored(text, "老挝党中央", "ORG"), anchored(text, "王明", "PERSON"), anchored(text, "大会", "EVENT")]
    got = {(r.head[7:], r.tail[4:], r.title) for r in leader_relations(text, mentions, relation_rules, rules.titles)}
    assert got == {("羽田孜", "太阳党", "领导人"), ("本扬", "老挝党中央", "总书记")}


def test_a_person_before_a_verb_of_leading_leads_the_body_after_it(rules, relation_rules):
    from pipeline.relations.appointments import led_body_relations

    text = ("桥党与内塔尼亚胡领导的利库德集团结盟。美国人里特领导的核查小组撤离。罗利总理同志领导的人民民族运动党获胜。"
            "江泽民会见了州长卡尔森率领的明尼苏达州代表团。总督勒布朗和总理克雷蒂安率领的加拿大政府代表团来访。"
            "院长吕飞杰率领的农科院下乡。")
    names = [("桥党", "ORG"), ("内塔尼亚胡", "PERSON"), ("利库德集团", "ORG"), ("里特", "PERSON"), ("核查小组", "ORG"),
             ("罗利", "PERSON"), ("人民民族运动党", "ORG"), ("江泽民", "PERSON"), ("卡尔森", "PERSON"),
             ("明尼苏达州代表团", "ORG"), ("勒布朗", "PERSON"), ("克雷蒂安", "PERSON"), ("加拿大政府代表团", "ORG"),
             ("吕飞杰", "PERSON"), ("农科院", "ORG")]
    mentions = [anchored(text, n, t) for n, t in names]
    got = {(r.head[7:], r.tail[4:], r.title) for r in led_body_relations(text, mentions, relation_rules, rules.titles)}
    assert got == {("内塔尼亚胡", "利库德集团", "领导人"), ("里特", "核查小组", "领导人"), ("罗利", "人民民族运动党", "总理"),
                   ("卡尔森", "明尼苏达州代表团", "团长")}  # two leaders together: neither; 率领 a body no delegation: none


def test_the_bare_title_of_a_delegation_s_leader_is_a_post_at_the_body_the_delegation_is_of(rules, relation_rules):
    from pipeline.relations.appointments import led_delegation_relations

    text = ("伊拉克国民议会议员访华。江泽民会见了由议长哈马迪博士率领的伊拉克国民议会代表团。"
            "王岐山会见由干事长二阶俊博率领的日本自民党代表团。李鹏会见由哈桑率领的伊拉克国民议会代表团。")
    mentions = [anchored(text, "伊拉克国民议会", "ORG"), anchored(text, "江泽民", "PERSON"), anchored(text, "哈马迪", "PERSON"),
                anchored(text, "伊拉克国民议会代表团", "ORG"), anchored(text, "王岐山", "PERSON"),
                anchored(text, "二阶俊博", "PERSON"), anchored(text, "日本自民党代表团", "ORG"), anchored(text, "李鹏", "PERSON"),
                anchored(text, "哈桑", "PERSON"), anchored(text, "伊拉克国民议会代表团", "ORG", 1)]
    got = {(r.head[7:], r.tail[4:], r.title) for r in led_delegation_relations(text, mentions, relation_rules, rules.titles)}
    assert got == {("哈马迪", "伊拉克国民议会", "议长")}  # 日本自民党 is named nowhere else; 哈桑 has no title


def test_a_trigger_opening_a_time_clause_takes_the_name_beginning_the_next(relation_rules):
    text = "2024年1月，在主持集体学习时，习近平总书记作了阐述。在出席论坛时，他向李强介绍情况。"
    mentions = [anchored(text, "集体学习", "EVENT"), anchored(text, "习近平", "PERSON"), anchored(text, "论坛", "EVENT"),
                anchored(text, "李强", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("习近平", "集体学习")}


def test_the_people_a_byline_names_are_no_party_to_the_relations():
    from pipeline.relations.mentions import without_reporters

    text = "新华社珀斯1月11日电（记者马小林、曹剑杰）参加锦标赛的运动员原媛、周哲文抵达。本报记者何伟"
    mentions = [anchored(text, name, "PERSON") for name in ("马小林", "曹剑杰", "原媛", "周哲文", "何伟")]
    assert [text[m.start:m.end] for m in without_reporters(text, mentions)] == ["原媛", "周哲文"]


def test_who_comes_to_a_meeting_or_watches_a_gala_s_performance_attends_it(extract):
    facts = extract("中国残疾人联合会第八次全国代表大会18日上午在北京开幕。习近平、李强等党和国家领导人到会祝贺。"
                    "中国残联第八次全国代表大会代表等参加开幕会。")
    attended = facts.relation_pairs("participated_in")
    assert {("习近平", "中国残疾人联合会第八次全国代表大会"), ("李强", "中国残疾人联合会第八次全国代表大会")} <= attended
    assert facts.names("EVENT") == {"中国残疾人联合会第八次全国代表大会"}  # the body's short form names the same congress
    facts = extract("2024年新年戏曲晚会29日晚在国家大剧院举行。党和国家领导人习近平、李强等，同首都各界群众欢聚一堂，一起观看演出。")
    assert {("习近平", "2024年新年戏曲晚会"), ("李强", "2024年新年戏曲晚会")} <= facts.relation_pairs("participated_in")


def test_a_meeting_convened_by_its_kind_is_the_document_s_meeting(relation_rules):
    text = "国家教委工作会议提出改革要加快\n本报南京1月16日电国家教委今天在南京召开1998年度工作会议，强调要加快。"
    mentions = [anchored(text, "国家教委", "ORG", occurrence=1)]
    got = trig(text, mentions, relation_rules, main_event="EVENT:国家教委工作会议")
    assert pairs(got, "organized") == {("国家教委", "国家教委工作会议")}
    other = "国家教委工作会议提出改革要加快\n国家教委今天召开1998年度招生会议，强调要加快。"  # another meeting
    assert trig(other, [anchored(other, "国家教委", "ORG", occurrence=1)], relation_rules,
                main_event="EVENT:国家教委工作会议") == []


def test_the_agent_of_a_relative_clause_that_places_the_meeting_convenes_it(relation_rules):
    text = "李岚清在由国务院办公厅于南京召开的全国住房工作会议上强调。习近平向在庆州举行的峰会致辞。"
    mentions = [anchored(text, "李岚清", "PERSON"), anchored(text, "国务院办公厅", "ORG"), anchored(text, "南京", "LOCATION"),
                anchored(text, "全国住房工作会议", "EVENT"), anchored(text, "习近平", "PERSON"), anchored(text, "庆州", "LOCATION"),
                anchored(text, "峰会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("国务院办公厅", "全国住房工作会议")}


def test_a_clause_bound_stops_at_a_folded_comma(extract):
    facts = extract("中共中央纪律检查委员会、监察部今天在京召开新闻工作座谈会，中央纪委常务副书记韩杼滨在会上提出，要加大宣传力度。"
                    "国家能源局局长章建华应邀作题为“坚定不移落实能源安全新战略，推动能源绿色低碳高质量发展”的报告。")
    assert ("中共中央纪律检查委员会", "新闻工作座谈会") in facts.relation_pairs("organized")  # `在京召开…，` is no speech
    assert ("章建华", "新闻工作座谈会") in facts.relation_pairs("participated_in")  # a quoted title may hold a comma


def test_a_person_a_doctrine_is_named_after_is_party_to_nothing(relation_rules):
    from pipeline.relations.mentions import without_doctrine_names

    text = "邓小平同志出席会议。学员们学习邓小平理论、毛泽东思想和习近平外交思想。"
    mentions = [anchored(text, "邓小平", "PERSON"), anchored(text, "邓小平", "PERSON", 1), anchored(text, "毛泽东", "PERSON"),
                anchored(text, "习近平", "PERSON")]
    assert [m.start for m in without_doctrine_names(text, mentions, relation_rules.doctrine_heads)] == [0]


def test_a_relative_clause_after_an_honour_s_noun_describes_the_noun_after_it(relation_rules):
    text = "江泽民会见了这位多次获得全国劳动模范称号的高级工程师。获得全国五一劳动奖章称号的王进喜出席大会。"
    mentions = [anchored(text, "江泽民", "PERSON"), anchored(text, "全国劳动模范", "AWARD"),
                anchored(text, "全国五一劳动奖章", "AWARD"), anchored(text, "王进喜", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules), "received") == {("王进喜", "全国五一劳动奖章")}


def test_whom_the_earlier_clause_meets_does_a_joint_trigger_too(relation_rules):
    text = "韩正在重庆会见新加坡副总理王瑞杰，并共同主持中新双边合作联委会第十五次会议。王毅会见布林肯，并出席晚宴。"
    names = [("韩正", "PERSON"), ("重庆", "LOCATION"), ("王瑞杰", "PERSON"), ("中新双边合作联委会第十五次会议", "EVENT"),
             ("王毅", "PERSON"), ("布林肯", "PERSON"), ("晚宴", "EVENT")]
    mentions = [anchored(text, n, t) for n, t in names]
    verb_ends = frozenset({text.index("会见") + 2, text.index("会见", text.index("王毅")) + 2})
    found = list(trigger_relations(text, split_sentences(text), mentions, None, relation_rules, verb_ends=verb_ends))
    assert pairs(found, "participated_in") == {("韩正", "中新双边合作联委会第十五次会议"), ("王瑞杰", "中新双边合作联委会第十五次会议"),
                                              ("王毅", "晚宴")}


def test_an_item_titled_with_a_leader_s_tour_is_about_no_event_it_mentions(relation_rules):
    text = "李强在黑龙江调研\n\n李强2月15日在黑龙江调研。他感谢哈尔滨市干部群众为亚冬会成功举办付出的努力。"
    assert main_event_of(text, ["亚冬会"], relation_rules) is None
    held = "亚冬会在哈尔滨闭幕\n\n第九届亚冬会14日在哈尔滨闭幕。"
    assert main_event_of(held, ["第九届亚冬会"], relation_rules) == "EVENT:第九届亚冬会"
    # a leaders' meeting: the next story, which has no headline, holds its own event
    text = ("习近平会见斯里兰卡总理\n\n国家主席习近平在北京会见斯里兰卡总理。习近平指出，两国友谊源远流长。\n"
            "全球妇女峰会配套活动成果展在北京开幕，彭丽媛出席并致辞。")
    assert main_event_of(text, ["成果展"], relation_rules) is None
    # but the event the group the leader meets came for is the item's
    text = ("习近平会见全国优秀县委书记\n\n习近平29日上午在北京亲切会见全国优秀县委书记。\n"
            "全国优秀县委书记表彰会议29日下午在京举行。陈希在会上说，要学习先进。")
    assert main_event_of(text, ["全国优秀县委书记表彰会议"], relation_rules) == "EVENT:全国优秀县委书记表彰会议"


def test_a_clause_of_names_a_list_s_end_describes_shares_the_next_clause_s_predicate(relation_rules):
    text = "李克强、栗战书、汪洋等党和国家领导人，国际残奥委会主席帕森斯出席开幕式。"
    people = ("李克强", "栗战书", "汪洋", "帕森斯")
    mentions = [anchored(text, p, "PERSON") for p in people] + [anchored(text, "开幕式", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {(p, "开幕式") for p in people}
    # a list's end that says more than who they are is a clause of its own
    text = "李克强、栗战书等人的讲话引起热议，帕森斯出席开幕式。"
    mentions = sorted([anchored(text, p, "PERSON") for p in ("李克强", "栗战书", "帕森斯")] + [anchored(text, "开幕式", "EVENT")],
                      key=lambda m: m.start)
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("帕森斯", "开幕式")}


def test_a_clause_that_only_lists_names_shares_the_next_clause_s_predicate(relation_rules):
    text = "石泰峰、刘国中、何立峰，中共中央、国务院有关部门负责人出席座谈会。"
    people = ("石泰峰", "刘国中", "何立峰")
    mentions = [anchored(text, p, "PERSON") for p in people] + [
        anchored(text, "中共中央", "ORG"), anchored(text, "国务院", "ORG"), anchored(text, "座谈会", "EVENT")]
    assert {(p, "座谈会") for p in people} <= pairs(trig(text, mentions, relation_rules), "participated_in")
    # a clause whose names are a verb's objects is no list of subjects
    text = "会见石泰峰、刘国中，中共中央负责人出席座谈会。"
    mentions = [anchored(text, p, "PERSON") for p in people[:2]] + [anchored(text, "中共中央", "ORG"),
                                                                     anchored(text, "座谈会", "EVENT")]
    assert not {p for p, _ in pairs(trig(text, mentions, relation_rules), "participated_in")} & set(people)


def test_the_bodies_whose_officials_make_up_a_clause_share_the_next_clause_s_predicate(relation_rules):
    text = "中央农村工作领导小组成员，各省、新疆生产建设兵团负责同志，中央军委机关有关部门负责同志参加会议。"
    bodies = ("中央农村工作领导小组", "新疆生产建设兵团", "中央军委")
    mentions = [anchored(text, b, "ORG") for b in bodies] + [anchored(text, "会议", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {(b, "会议") for b in bodies}
    # a body a clause names with more than its officials (`…的负责同志`) is none of them
    text = "新疆生产建设兵团的负责同志，中央军委机关有关部门负责同志参加会议。"
    mentions = [anchored(text, b, "ORG") for b in bodies[1:]] + [anchored(text, "会议", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("中央军委", "会议")}


def test_each_speaker_of_a_list_the_framed_clauses_name_one_by_one_takes_part(extract):
    facts = extract("习近平出席座谈会并发表重要讲话。座谈会上，中央党史和文献研究院院长曲青山，中央军委委员、中央军委政治工作部"
                    "主任苗华，参加过抗日战争的老战士代表王恩田先后发言。")
    taking_part = facts.relation_pairs("participated_in")
    assert {("曲青山", "座谈会"), ("苗华", "座谈会"), ("王恩田", "座谈会")} <= taking_part


def test_the_one_holder_of_an_award_first_in_a_chain_of_titles_received_it(extract):
    facts = extract("他就是国家最高科技奖获得者、中国科学院院士吴孟超。诺贝尔经济学奖得主、美国著名经济学家托马斯·萨金特说。")
    assert {("吴孟超", "国家最高科技奖"), ("托马斯·萨金特", "诺贝尔经济学奖")} <= facts.relation_pairs("received")


def test_a_clause_of_a_person_s_relatives_leaves_the_subject_to_the_clauses_before(relation_rules):
    text = "全国人大常委会、全国政协部分领导同志，刘少奇同志亲属等出席了座谈会。"
    mentions = [anchored(text, "全国人大常委会", "ORG"), anchored(text, "全国政协", "ORG"), anchored(text, "刘少奇", "PERSON"),
                anchored(text, "座谈会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("全国人大常委会", "座谈会"),
                                                                          ("全国政协", "座谈会")}


def test_who_takes_part_in_a_group_discussion_takes_part_in_the_session(extract):
    facts = extract("委员们议国是\n参加全国政协十三届四次会议的委员们在分组讨论时表示，要推动发展。"
                    "全国政协副主席邵鸿在参加九三学社界委员小组讨论时说，要坚定信念。")
    assert {("邵鸿", "九三学社界委员小组讨论"), ("邵鸿", "全国政协十三届四次会议")} <= facts.relation_pairs("participated_in")


def test_an_emir_and_an_indonesian_party_s_chairman_are_titles(extract):
    facts = extract("科威特埃米尔纳瓦夫表示祝贺。印度尼西亚民主斗争党总主席、前总统梅加瓦蒂表示祝贺。")
    assert "纳瓦夫" in facts.names("PERSON")  # the title is no part of his name
    assert facts.titles("梅加瓦蒂", "印度尼西亚民主斗争党") == {"总主席"}  # the word analysis reads `党总|主席`


def test_a_post_that_names_its_body_s_kind_after_a_country_is_held_at_that_country_s_body(relation_rules):
    from pipeline.relations.state_posts import place_body_relations

    text = "伊朗外长扎里夫表示，伊朗外交部发言人说。牙买加参议长塔瓦雷斯出席。美国外长蓬佩奥说。"
    mentions = [anchored(text, "伊朗", "LOCATION"), anchored(text, "扎里夫", "PERSON"), anchored(text, "伊朗外交部", "ORG"),
                anchored(text, "牙买加", "LOCATION"), anchored(text, "塔瓦雷斯", "PERSON"), anchored(text, "美国", "LOCATION"),
                anchored(text, "蓬佩奥", "PERSON")]
    got = list(place_body_relations(text, mentions, relation_rules))
    assert {(name(r.head), name(r.tail), r.title) for r in got} == {("扎里夫", "伊朗外交部", "外长")}  # no body named: none


def test_a_post_held_at_a_body_under_one_title_gets_no_second_from_the_country_s_post(extract):
    facts = extract("南非外交部部长恩佐出席开馆仪式。南非外长恩佐在讲话中表示祝贺。伊朗外长扎里夫说，伊朗外交部支持。")
    assert facts.titles("恩佐", "南非外交部") == {"部长"}
    assert facts.titles("扎里夫", "伊朗外交部") == {"外长"}


def test_who_speaks_in_an_address_takes_part_in_the_document_s_event(extract):
    facts = extract("中国共产党与“一国两制”主题论坛12日在香港举行。香港中联办主任骆惠宁在主旨演讲中表示，历史雄辩地证明了这一点。")
    assert ("骆惠宁", "中国共产党与“一国两制”主题论坛") in facts.relation_pairs("participated_in")


def test_a_body_named_on_its_own_held_its_plenary_meeting_end_to_end(extract):
    facts = extract("全国绿化委员会全体会议12日在北京召开。全国绿化委员会主任韩正出席会议。")
    assert ("全国绿化委员会", "全国绿化委员会全体会议") in facts.relation_pairs("organized")


def test_committees_listed_after_a_congress_s_committee_belong_to_the_congress(extract):
    facts = extract("全国政协十四届常委会第五次会议在京开幕。全国政协主席王沪宁主持。会议听取了全国政协社会和法制委员会、"
                    "民族和宗教委员会、外事委员会的报告。中共中央办公厅、国务院办公厅印发通知。")
    assert {("全国政协社会和法制委员会", "全国政协"), ("民族和宗教委员会", "全国政协"), ("外事委员会", "全国政协")} \
        <= facts.relation_pairs("part_of")
    assert ("国务院办公厅", "中共中央") not in facts.relation_pairs("part_of")  # another body's unit, listed


def test_an_appointment_to_a_post_of_one_state_body_is_held_there(extract):
    facts = extract("会议根据国务院总理李强的提名，决定丁薛祥为国务院副总理，李尚福、王小洪、秦刚为国务委员。"
                    "泰国国会选举赛塔为总理。")
    assert {("李尚福", "国务院"), ("王小洪", "国务院"), ("秦刚", "国务院")} <= facts.relation_pairs("holds_position")
    assert facts.titles("秦刚", "国务院") == {"国务委员"}
    assert ("赛塔", "国务院") not in facts.relation_pairs("holds_position")  # a head of government anywhere


def test_a_post_at_a_party_organ_after_another_post_and_jian_is_held_at_the_body_before(extract):
    facts = extract("北京电子动力公司总经理兼党委书记陈铭出席会议。")
    assert facts.titles("陈铭", "北京电子动力公司") == {"总经理", "党委书记"}


def test_a_post_listed_after_a_form_of_address_is_held_at_the_body_of_the_post_before(extract):
    facts = extract("费加罗报社副社长吉马迪先生、总编辑吉斯贝尔先生等出席晚宴。")
    assert facts.titles("吉斯贝尔", "费加罗报社") == {"总编辑"}


def test_a_delegation_leader_s_own_title_is_a_post_at_the_body_the_delegation_is_of(extract):
    facts = extract("人民日报记者报道。以许中田副社长为团长的人民日报代表团访问法国。以宋涛为团长的中国艺术团访问。")
    assert facts.titles("许中田", "人民日报代表团") == {"团长"}
    assert facts.titles("许中田", "人民日报") == {"副社长"}
    assert facts.titles("宋涛", "中国艺术团") == {"团长"}


def test_bodies_joined_by_and_share_the_title_after_them(extract):
    facts = extract("古巴共产党第一书记、国务委员会和部长会议主席卡斯特罗15日发来慰问电。")
    assert facts.titles("卡斯特罗", "国务委员会") == {"主席"}
    assert facts.titles("卡斯特罗", "部长会议") == {"主席"}
    assert facts.titles("卡斯特罗", "古巴共产党") == {"第一书记"}


def test_a_comma_parts_the_posts_of_a_long_title_chain(extract):
    facts = extract("来看本台记者对中央统战部副部长，全国工商联党组书记、常务副主席徐乐江的专访。")
    assert facts.titles("徐乐江", "中央统战部") == {"副部长"}
    assert facts.titles("徐乐江", "全国工商联") == {"常务副主席"}


def test_and_joins_two_posts_of_one_person_after_a_body_s_post(extract):
    facts = extract("古巴国务委员会主席和部长会议主席卡斯特罗在圣地亚哥省参加了投票。中共中央总书记和巴西总统卢拉共同宣布。")
    assert facts.titles("卡斯特罗", "古巴国务委员会") == {"主席"}
    assert facts.titles("卡斯特罗", "部长会议") == {"主席"}
    assert ("卢拉", "中共中央") not in facts.relation_pairs("holds_position")  # not over a place's post


def test_who_reports_to_the_meeting_takes_part_however_long_the_report_s_title(extract):
    facts = extract("十三届全国人大常委会第一百零三次委员长会议21日在北京举行。全国人大常委会秘书长杨振武向会议作了关于全国人大"
                    "监察和司法委员会、财政经济委员会、外事委员会、环境与资源保护委员会、社会建设委员会等5个专门委员会的"
                    "代表议案审议结果报告审议情况的汇报。")
    assert ("杨振武", "十三届全国人大常委会第一百零三次委员长会议") in facts.relation_pairs("participated_in")


def test_who_visits_the_exhibition_the_document_is_about_takes_part_in_it(extract):
    facts = extract("全国政协主席汪洋28日到民族文化宫参观“党的光辉照边疆 各族儿女心向党——全国兴边富民成就展”。"
                    "孙春兰、曹建明、巴特尔和中央军委委员张升民一同参观展览。")
    assert ("曹建明", "党的光辉照边疆 各族儿女心向党——全国兴边富民成就展") in facts.relation_pairs("participated_in")


def test_who_attends_with_the_subject_takes_part_too(extract):
    facts = extract("当地时间20日下午，国务院总理李强在柏林同德国总理朔尔茨出席第十一届中德经济技术合作论坛闭幕式并发表讲话。")
    assert ("朔尔茨", "第十一届中德经济技术合作论坛闭幕式") in facts.relation_pairs("participated_in")


def test_who_reports_to_the_meeting_takes_part_in_it_whatever_the_report_is_about(extract):
    facts = extract("十三届全国人大常委会第五十一次委员长会议28日在北京举行。全国人大常委会法制工作委员会主任沈春耀向会议作了关于十三届"
                    "全国人大三次会议召开时间的决定草案审议情况的汇报。全国人大常委会秘书长杨振武向会议作了关于个别代表的代表资格的"
                    "报告、中央军委关于提请审议批准增补人民解放军选举委员会成员的议案和任免案审议情况的汇报。")
    attended = facts.relation_pairs("participated_in")
    assert ("沈春耀", "十三届全国人大常委会第五十一次委员长会议") in attended  # not the session the report is about
    assert ("中央军委", "十三届全国人大常委会第五十一次委员长会议") not in attended  # a bill's mover, inside the report's title


def test_whose_report_a_relative_clause_names_takes_part_however_long_its_list_of_bills(extract):
    facts = extract("十三届全国人大五次会议主席团常务主席第二次会议10日上午在北京人民大会堂举行。会议听取了全国人大宪法和法律委员会"
                    "主任委员李飞分别作的全国人大宪法和法律委员会关于修改地方各级人民代表大会和地方各级人民政府组织法的决定草案、"
                    "关于十四届全国人大代表名额和选举问题的决定草案修改稿审议结果的报告。")
    assert ("李飞", "十三届全国人大五次会议主席团常务主席第二次会议") in facts.relation_pairs("participated_in")


def test_the_bodies_joined_to_the_subject_by_the_official_jointly_with_act_too(extract):
    facts = extract("农业农村部会同国家发展改革委、山东省人民政府在山东济南举办国际粮食减损大会。")
    assert {("农业农村部", "国际粮食减损大会"), ("国家发展改革委", "国际粮食减损大会"),
            ("山东省人民政府", "国际粮食减损大会")} <= facts.relation_pairs("organized")


def test_a_body_whose_members_a_relative_clause_of_attending_describes_unnamed_takes_no_part(extract):
    facts = extract("参加十三届全国人大四次会议的全国人大代表今天继续审议政府工作报告。")
    assert ("全国人大", "十三届全国人大四次会议") not in facts.relation_pairs("participated_in")
    facts = extract("参加十三届全国人大四次会议的解放军代表团今天审议政府工作报告。")  # the body itself
    assert ("解放军代表团", "十三届全国人大四次会议") in facts.relation_pairs("participated_in")


def test_the_bodies_a_speaker_congratulates_on_behalf_of_take_part(extract):
    facts = extract("全国语言文字工作会议今天在北京开幕。李岚清在会上讲话。他说，在此，我代表党中央和国务院向这次会议"
                    "将要表彰的先进集体和先进个人表示祝贺！")
    assert {("党中央", "全国语言文字工作会议"), ("国务院", "全国语言文字工作会议")} <= facts.relation_pairs("participated_in")


def test_who_launched_an_uprising_organised_it(extract):
    facts = extract("1927年12月11日，叶挺、周文雍、聂荣臻等领导和发动了震撼中外的广州武装起义。")
    assert {("叶挺", "广州武装起义"), ("周文雍", "广州武装起义"), ("聂荣臻", "广州武装起义")} <= facts.relation_pairs("organized")


def test_a_title_inside_another_s_title_chain_is_no_mention_of_its_one_holder(extract):
    facts = extract("中央纪委书记李希4日在北京会见来华出席纪念中国人民抗日战争暨世界反法西斯战争胜利80周年活动的"
                    "古巴共产党中央委员会第一书记、古巴国家主席迪亚斯-卡内尔。")
    attended = facts.relation_pairs("participated_in")
    assert ("迪亚斯-卡内尔", "纪念中国人民抗日战争暨世界反法西斯战争胜利80周年活动") in attended
    assert not any(head == "李希" for head, _ in attended)


def test_a_visitor_met_before_a_clause_break_is_not_who_attends_after_it(extract):
    facts = extract("全国人大常委会委员长赵乐际对澳大利亚进行正式友好访问，在堪培拉会见总督莫斯廷，出席总理阿尔巴尼斯举行的"
                    "工作早餐会。")
    attended = facts.relation_pairs("participated_in")
    assert ("赵乐际", "工作早餐会") in attended
    assert ("莫斯廷", "工作早餐会") not in attended


def test_a_companion_after_tong_of_a_joint_trigger_takes_part_too(extract):
    facts = extract("第七届中国国际进口博览会14日在上海开幕，彭丽媛同联合国妇女署执行主任巴胡斯共同出席并致辞。")
    fair = "第七届中国国际进口博览会"
    assert {("彭丽媛", fair), ("巴胡斯", fair)} <= facts.relation_pairs("participated_in")


def test_the_bodies_whose_officials_a_roster_lists_took_part(extract):
    facts = extract("国务院举行庆祝中华人民共和国成立75周年招待会。出席招待会的还有：王毅、尹力，中共中央书记处、全国人大常委会、"
                    "最高人民法院、中央军委领导同志和从领导职务上退下来的同志。")
    reception = "庆祝中华人民共和国成立75周年招待会"
    assert {(body, reception) for body in ("中共中央书记处", "全国人大常委会", "最高人民法院", "中央军委", "王毅")} <= \
        facts.relation_pairs("participated_in")


def test_who_briefs_on_what_was_done_did_not_do_it(extract):
    facts = extract("赵乐际介绍了召开中共十九届六中全会情况。李希还介绍了中国共产党开展深入贯彻中央八项规定精神学习教育情况。")
    organised = facts.relation_pairs("organized")
    assert not {head for head, _ in organised} & {"赵乐际", "李希"}
    assert ("中国共产党", "深入贯彻中央八项规定精神学习教育") in organised
    assert not {head for head, _ in facts.relation_pairs("participated_in")} & {"赵乐际", "李希"}


def test_who_asks_or_invites_others_to_hold_or_attend_an_event_does_neither(extract):
    facts = extract("罗马尼亚总统康斯坦丁内斯库要求参众两院在下周三召开联席会议。阿联酋总统邀请巴沙尔出席气候变化大会。"
                    "德索萨应习近平邀请出席第二届“一带一路”国际合作高峰论坛。")
    assert "康斯坦丁内斯库" not in {head for head, _ in facts.relation_pairs("organized") | facts.relation_pairs("participated_in")}
    assert ("巴沙尔", "气候变化大会") in facts.relation_pairs("participated_in")
    assert ("德索萨", "第二届“一带一路”国际合作高峰论坛") in facts.relation_pairs("participated_in")  # invited: 应…邀请
    facts = extract("虽然农活繁忙，但是山核桃种植户哈德逊还是让儿子去上海参加了进博会。")
    assert "哈德逊" not in {head for head, _ in facts.relation_pairs("participated_in")}  # 让: he let his son go


def test_a_head_of_government_of_a_country_holds_the_post_at_its_government_named_by_its_short_form(extract):
    facts = extract("以色列总理内塔尼亚胡８日宣布，以政府将分步骤制定和实施撤军方案。")
    assert facts.titles("内塔尼亚胡", "以政府") == {"总理"}


def test_an_officer_after_the_list_of_a_body_s_deputies_holds_the_post_there(extract):
    facts = extract("全国人大常委会副委员长王晨、曹建明，秘书长杨振武出席会议。中国科协主席万钢，秘书长王刚参加。")
    assert facts.titles("杨振武", "全国人大常委会") == {"秘书长"}
    assert facts.titles("万钢", "中国科协") == {"主席"}
    assert ("王刚", "中国科协") not in facts.relation_pairs("holds_position")  # after one officer, no list


@pytest.mark.parametrize("verb", ["重申", "呼吁", "阐述"])
def test_who_says_something_at_a_meeting_takes_part_in_it(extract, verb):
    facts = extract(f"巴总理纳瓦兹·谢里夫在当天的内阁会议上{verb}了政府铲除恐怖主义活动的决心。")
    assert ("纳瓦兹·谢里夫", "内阁会议") in facts.relation_pairs("participated_in")


def test_an_event_held_that_day_is_the_main_one_with_the_verb_s_aspect_and_the_name_s_quotation_marks(relation_rules):
    text = "广州地区军民联欢庆新春乔石等出席\n新华社广州１月２６日电今天晚上，广东省委共同举办了“１９９８年广州地区军民春节联欢晚会”。"
    assert main_event_of(text, ["１９９８年广州地区军民春节联欢晚会"], relation_rules) == "EVENT:１９９８年广州地区军民春节联欢晚会"
    held_before = "乔石等出席\n去年成功举办了“首届峰会”。今天，代表们出席了晚会。"
    assert main_event_of(held_before, ["首届峰会"], relation_rules) is None


def test_who_gives_an_address_written_in_the_variant_form_takes_part(extract):
    facts = extract("中国科协第十次全国代表大会第三次全体会议29日在人民大会堂举行。科技部部长王志刚和全国总工会书记处第一书记陈刚，"
                    "分别代表科技界和人民团体致词。")
    session = "中国科协第十次全国代表大会第三次全体会议"
    assert {("王志刚", session), ("陈刚", session)} <= facts.relation_pairs("participated_in")


def test_who_prepares_and_hosts_an_event_organises_it(extract):
    facts = extract("元旦刚过，武汉市委、市政府便开始筹办春节灯会，把建筑物上的灯饰连成片。")
    assert {("武汉市委", "春节灯会"), ("武汉市政府", "春节灯会")} <= facts.relation_pairs("organized")


def test_a_body_that_conducts_its_numbered_study_session_organises_it(extract):
    facts = extract("中共中央政治局7月28日下午就深入实施新时代人才强军战略进行第四十一次集体学习。")
    assert {(head, tail.endswith("第四十一次集体学习")) for head, tail in facts.relation_pairs("organized")} == {
        ("中共中央政治局", True)}


def test_a_team_s_member_holds_the_post_at_the_team(extract):
    facts = extract("获得女排世界杯冠军的中国女排队员杨珺菁出席了表彰大会。")
    assert facts.titles("杨珺菁", "中国女排") == {"队员"}
