import pytest

from pipeline.analysis.organs import (
    chain_organs,
    congress_holders,
    crossing_event_bodies,
    event_bodies,
    listed_level_bodies,
    organ_bodies,
    posted_missions,
    standing_forums,
    without_level_kinds,
)
from pipeline.records import Mention
from tests.conftest import mention


def organs_found(text, bodies, rules, bare=()):
    mentions = [mention(text, body, "ORG") for body in bodies] + [mention(text, organ, "ORG") for organ in bare]
    return {(m.text, m.name) for m in chain_organs(mentions, text, rules.chain_organs, rules.titles)
            if m.source == "chain_organ"}


@pytest.mark.parametrize("text, bodies, expected", [
    # the organ of the body whose post ends at the separator
    ("全国人大常委会委员长、党组书记王建华主持会议。", ["全国人大常委会"], {("党组", "全国人大常委会党组")}),
    ("全国妇联副主席、书记处第一书记王建华说。", ["全国妇联"], {("书记处", "全国妇联书记处")}),
    # after another organ's post, the organ of that organ's body
    ("中共中央政治局常委、书记处书记王建华出席。", ["中共中央政治局"], {("书记处", "中共中央书记处")}),
    # a committee's department whose head's title shares its last character (组织部|长)
    ("黑龙江省委副书记、组织部长王建华带领省委组织部成员走访。", ["黑龙江省委"], {("组织部", "黑龙江省委组织部")}),
    ("各部门、组织部同志出席。", [], set()),
    # the committee's political and legal affairs commission, its former head's post after a former post
    ("青海省委原常委、政法委原书记王建华被开除党籍。", ["青海省委"], {("政法委", "青海省委政法委")}),
    # no body's post before the separator, or no post after the organ: no organ
    ("各部门、党组书记王建华出席。", [], set()),
    ("水利部、党组和党委负责同志出席。", ["水利部"], set()),
])
def test_an_organ_named_bare_in_a_title_chain_is_its_bodys(text, bodies, expected, rules):
    assert organs_found(text, bodies, rules) == expected


def test_a_bare_mention_of_the_organ_takes_its_full_name(rules):
    text = "自然资源部部长、党组书记王建华出席。"
    mentions = chain_organs([mention(text, "自然资源部", "ORG"), mention(text, "党组", "ORG")], text,
                            rules.chain_organs, rules.titles)
    assert [(m.text, m.name) for m in mentions if m.text == "党组"] == [("党组", "自然资源部党组")]


def bodies_found(text, organs_named, rules, others=()):
    mentions = [mention(text, name, "ORG") for name in organs_named] + [mention(text, n, t) for n, t in others]
    return [m.text for m in organ_bodies(mentions, text, rules.body_organs, rules.place_generics, rules.generic_chunks)
            if m.source == "organ_body"]


@pytest.mark.parametrize("text, organ, expected", [
    ("农业部党组书记王建华出席。", "农业部党组", ["农业部"]),
    ("中共全国人大常委会党组召开会议。", "中共全国人大常委会党组", ["全国人大常委会"]),  # past the party's name
    ("渠黎镇党委书记王建华说。", "渠黎镇党委", []),  # a place's party committee is no part of it
    ("十八洞村党支部书记王建华说。", "十八洞村党支部", []),
    ("山西省原粮食局党组书记王建华说。", "山西省原粮食局党组", ["山西省原粮食局"]),
    ("中储粮集团公司原党组书记王建华说。", "中储粮集团公司原党组", ["中储粮集团公司"]),  # a former post's: not `…原`
    ("太原党委书记王建华说。", "太原党委", []),
    ("工作团队临时党支部成立。", "工作团队临时党支部", []),  # a task force's temporary branch
    ("西坑村新一届党支部组成后。", "西坑村新一届党支部", []),  # the committee of a new term
])
def test_a_body_named_only_with_its_party_organ_is_named_there(text, organ, expected, rules):
    assert bodies_found(text, [organ], rules) == expected


@pytest.mark.parametrize("text, organ, name", [
    ("农业农村部原党组书记、部长唐某严重违纪。", "农业农村部原党组", "农业农村部党组"),
    ("中共湖南省株洲市城发集团原党委副书记廖某。", "中共湖南省株洲市城发集团原党委", "中共湖南省株洲市城发集团党委"),
    ("农业部党组书记王建华出席。", "农业部党组", None),
])
def test_an_organ_of_a_former_post_is_named_without_the_word_former(text, organ, name, rules):
    found = organ_bodies([mention(text, organ, "ORG")], text, rules.body_organs, rules.place_generics, rules.generic_chunks)
    assert next(m.name for m in found if m.text == organ) == name


def test_a_body_the_document_names_elsewhere_is_not_named_again_inside_its_organ(rules):
    text = "农业部召开会议。农业部党组书记王建华出席。"
    assert bodies_found(text, ["农业部党组"], rules, [("农业部", "ORG")]) == []


def test_a_forum_with_a_post_of_its_own_is_a_standing_body(rules):
    text = "博鳌亚洲论坛理事长潘基文出席博鳌亚洲论坛年会。他曾出席中非合作论坛。"
    mentions = [mention(text, "博鳌亚洲论坛", "EVENT"), mention(text, "博鳌亚洲论坛年会", "EVENT"),
                mention(text, "中非合作论坛", "EVENT")]
    found = standing_forums(mentions, text, rules.standing_forums, rules.standing_forum_posts)
    assert [(m.text, m.type) for m in found] == [("博鳌亚洲论坛", "ORG"), ("博鳌亚洲论坛年会", "EVENT"), ("中非合作论坛", "EVENT")]


def test_a_council_of_ministers_with_its_chairman_is_a_standing_body(rules):
    text = "古巴部长会议副主席会见东盟经济部长会议代表。"
    mentions = [mention(text, "古巴部长会议", "EVENT"), mention(text, "东盟经济部长会议", "EVENT")]
    found = standing_forums(mentions, text, rules.standing_forums, rules.standing_forum_posts)
    assert [(m.text, m.type) for m in found] == [("古巴部长会议", "ORG"), ("东盟经济部长会议", "EVENT")]


def test_an_event_named_before_a_standing_body_of_it_names_the_body():
    text = "进口博览会秘书处发布，电影节联盟成立，论坛在京开幕"
    expo, festival, forum = Mention(0, 5, "进口博览会", "EVENT", "rule:chunk"), \
        Mention(11, 14, "电影节", "EVENT", "rule:chunk"), Mention(19, 21, "论坛", "EVENT", "rule:chunk")
    alliance, beijing = Mention(14, 16, "联盟", "ORG", "model"), Mention(22, 23, "京", "LOCATION", "model")
    bodies = ("组委会", "秘书处", "联盟")
    assert [(m.text, m.type) for m in event_bodies([expo, festival, alliance, forum, beijing], text, bodies)] == [
        ("进口博览会秘书处", "ORG"), ("电影节联盟", "ORG"), ("论坛", "EVENT"), ("京", "LOCATION")]
    assert event_bodies([forum], text, ()) == [forum]


def test_a_body_the_recognizer_begins_inside_a_campaign_name_is_named_from_the_campaign():
    text = "党史学习教育领导小组办公室主任发言，中央“不忘初心、牢记使命”主题教育领导小组印发通知，党史学习教育座谈会"
    campaign, cut = Mention(0, 6, "党史学习教育", "EVENT", "rule:chunk"), Mention(4, 13, "教育领导小组办公室", "ORG", "model")
    found = crossing_event_bodies([campaign, cut], text, ("领导小组办公室", "领导小组"))
    assert [(m.text, m.type) for m in found[2:]] == [("党史学习教育领导小组办公室", "ORG")]
    at = text.rindex("党史学习教育")
    meeting = Mention(at + 4, at + 9, "教育座谈会", "ORG", "model")  # runs past the campaign by no body of it
    assert crossing_event_bodies([Mention(at, at + 6, "党史学习教育", "EVENT", "rule:chunk"), meeting], text, ("领导小组",))[2:] == []
    at = text.index("“")
    central = Mention(at, at + 15, "“不忘初心、牢记使命”主题教育", "EVENT", "rule:chunk")
    assert [m.text for m in event_bodies([central], text, ("领导小组",))] == ["中央“不忘初心、牢记使命”主题教育领导小组"]


def test_a_short_name_the_document_gives_an_event_names_its_standing_body(extract):
    facts = extract("中国共产党成立100周年庆祝活动圆满结束。要总结庆祝活动的经验。庆祝活动领导小组组长王沪宁出席。")
    assert "庆祝活动领导小组" in facts.names("ORG")  # 庆祝活动 is the event's name only where the document names it
    assert ("王沪宁", "庆祝活动领导小组") in facts.relation_pairs("holds_position")


def test_a_body_of_a_campaign_is_one_organisation_end_to_end(extract):
    facts = extract("党史学习教育中央宣讲团成员曲青山作报告。党史学习教育领导小组办公室成员参加报告会。")
    assert {"党史学习教育中央宣讲团", "党史学习教育领导小组办公室"} <= facts.names("ORG")
    assert ("曲青山", "党史学习教育中央宣讲团") in facts.relation_pairs("holds_position")


def test_a_place_s_bodies_listed_bare_after_one_of_them_are_that_place_s(rules):
    places = frozenset({"新疆维吾尔自治区"})
    text = "新疆维吾尔自治区党委、人大、政府和政协举行团拜会。自治区党委和政府负责同志出席。"
    found = listed_level_bodies([mention(text, "新疆维吾尔自治区党委", "ORG"), mention(text, "自治区党委", "ORG")],
                                text, rules.level_bodies, places)
    assert [(m.text, m.name) for m in found if m.source == "rule:level_body"] == [
        ("人大", "新疆维吾尔自治区人大"), ("政府", "新疆维吾尔自治区人民政府"), ("政协", "新疆维吾尔自治区政协")]
    text = "新疆维吾尔自治区党委、人大代表和政协委员出席。"  # who sit in the bodies, not the bodies
    assert listed_level_bodies([mention(text, "新疆维吾尔自治区党委", "ORG")], text, rules.level_bodies, places) == [
        mention(text, "新疆维吾尔自治区党委", "ORG")]


def test_a_body_named_by_several_levels_of_administration_at_once_is_a_kind_of_body_none():
    text = "各省、自治区、直辖市双拥工作领导小组成员，县市委书记，省市场监管局，市县政协。"
    kinds = [mention(text, "直辖市双拥工作领导小组", "ORG"), mention(text, "县市委", "ORG"), mention(text, "市县政协", "ORG")]
    market = mention(text, "省市场监管局", "ORG")
    assert without_level_kinds(kinds + [market]) == [market]


def missions(text, words, places, rules):
    found = posted_missions([mention(text, p, t) for p, t in places], text, words, rules.mission_heads,
                            rules.place_full_forms)
    return [m.text for m in found if m.source == "posted_mission"]


def test_a_body_posted_in_a_place_is_named_by_its_sender_the_place_and_its_kind(rules):
    text = "中国驻欧盟使团、驻比利时使馆官员到机场送行。"
    words = [(0, 2, "ns"), (2, 3, "v"), (3, 5, "j"), (5, 7, "n"), (7, 8, "w"), (8, 9, "v"), (9, 12, "ns"), (12, 14, "n"),
             (14, 16, "n")]
    # the recognizer's body that runs over the kind (`比利时使馆`) is no place of the posting
    assert missions(text, words, [("中国", "LOCATION"), ("比利时使馆", "ORG")], rules) == ["中国驻欧盟使团", "驻比利时使馆"]
    # a place's short form in one word with 驻, two places in a row, a permanent posting
    text = "德国驻华大使馆、中国常驻联合国日内瓦办事处"
    words = [(0, 2, "ns"), (2, 4, "vn"), (4, 7, "n"), (7, 8, "w"), (8, 10, "ns"), (10, 12, "v"), (12, 15, "nt"),
             (15, 18, "ns"), (18, 21, "n")]
    assert missions(text, words, [("德国", "LOCATION"), ("中国", "LOCATION")], rules) == [
        "德国驻华大使馆", "中国常驻联合国日内瓦办事处"]
    # no place after 驻 (`驻训`, `驻村`), or a post or people, not a body, after the place
    text = "驻训部队和驻村工作队，驻华使节和驻英国大使出席。"
    words = [(0, 2, "v"), (2, 4, "n"), (4, 5, "c"), (5, 7, "v"), (7, 10, "n"), (10, 11, "w"), (11, 13, "vn"), (13, 15, "n"),
             (15, 16, "c"), (16, 17, "v"), (17, 19, "ns"), (19, 21, "n")]
    assert missions(text, words, [("英国", "LOCATION")], rules) == []


def test_a_congress_numbered_right_after_its_holder_is_the_holder_s():
    text = "越共十三大和中共二十大，国务院十三大任务"
    found = congress_holders([mention(text, "越共", "ORG"), mention(text, "十三大", "EVENT"),
                              mention(text, "国务院", "ORG"), mention(text, "十三大", "EVENT", 1)], ("党", "共"))
    assert [(m.text, m.type) for m in found] == [("越共", "ORG"), ("越共十三大", "EVENT"), ("国务院", "ORG"), ("十三大", "EVENT")]


def test_a_congress_numbered_after_a_country_and_a_holder_is_the_country_s_party_s():
    text = "老挝党十一大以来，老挝十一大项目，老挝党的十一大"
    mentions = [mention(text, "老挝", "LOCATION"), mention(text, "十一大", "EVENT"), mention(text, "老挝", "LOCATION", 1),
                mention(text, "十一大", "EVENT", 1), mention(text, "老挝", "LOCATION", 2), mention(text, "十一大", "EVENT", 2)]
    found = congress_holders(mentions, ("党", "共"), text)
    assert [m.text for m in found if m.type == "EVENT"] == ["老挝党十一大", "十一大", "十一大"]


def test_a_congress_numbered_up_to_the_tenth_after_its_holder_is_one_where_a_congress_s_follower_comes_next(rules):
    text = "中国文联十大、中国作协九大开幕式。劳动党八大召开。工会十大新闻，民建一大早"
    holders = [mention(text, name, "ORG") for name in ("中国文联", "中国作协", "劳动党", "工会", "民建")]
    found = congress_holders(holders, rules.congress_holders, text, rules.congress_followers)
    assert [(m.text, m.type) for m in found] == [("中国文联十大", "EVENT"), ("中国作协九大", "EVENT"), ("劳动党八大", "EVENT"),
                                                 ("工会", "ORG"), ("民建", "ORG")]


def test_a_party_s_name_takes_the_faction_its_brackets_name_after_it():
    from pipeline.analysis.organs import bracketed_factions

    text = "尼泊尔共产党(联合马列)主席阿迪卡里、印度人民党(团结派)和中国(上海)自贸区"
    mentions = [mention(text, "尼泊尔共产党", "ORG"), mention(text, "联合马列", "LOCATION"), mention(text, "阿迪卡里", "PERSON"),
                mention(text, "印度人民党", "ORG"), mention(text, "中国", "LOCATION")]
    found = bracketed_factions(mentions, ("党", "共"), text)
    assert [(m.text, m.type) for m in found] == [("尼泊尔共产党(联合马列)", "ORG"), ("阿迪卡里", "PERSON"),
                                                 ("印度人民党(团结派)", "ORG"), ("中国", "LOCATION")]


def test_a_person_before_the_head_of_a_government_names_the_government_he_heads():
    from pipeline.analysis.organs import led_governments

    text = "克林顿政府批评此事，金大中说，岸田内阁支持率下跌。美国克林顿政府表示。"
    mentions = [mention(text, "克林顿", "PERSON"), mention(text, "金大中", "PERSON"), mention(text, "岸田", "PERSON"),
                Mention(text.rindex("美国"), text.rindex("政府") + 2, "美国克林顿政府", "ORG", "chunk", 0.7),
                Mention(text.rindex("克林顿"), text.rindex("克林顿") + 3, "克林顿", "PERSON", "model", 0.9)]
    found = led_governments(mentions, text, ("政府", "内阁"))
    assert [(m.text, m.type) for m in found] == [("克林顿政府", "ORG"), ("金大中", "PERSON"), ("岸田内阁", "ORG"),
                                                 ("美国克林顿政府", "ORG"), ("克林顿", "PERSON")]


def test_a_country_s_one_character_form_before_the_head_of_a_government_names_its_government(extract):
    facts = extract("缅甸总统会见代表团。他说，缅政府坚定支持一个中国原则，新政府成立后将继续合作。")
    assert "缅政府" in facts.names("ORG") and "新政府" not in facts.all_names()  # 新 an adjective there
    facts = extract("以色列总理宣布，以政府将分步骤撤军。以色列政府表示。")
    assert facts.entity("ORG", "以色列政府")  # one body, written both ways
    assert not {n for n in facts.names("ORG") if n.endswith("政府") and n != "以色列政府"}
    assert "西政府" not in extract("西班牙首相访问巴西。巴西政府表示欢迎。").all_names()  # inside another name
    # the government's forces, and a short form the word analysis reads as a verb (叙 narrates)
    assert "叙政府军" in extract("叙利亚局势紧张，叙政府军当天在哈马省发动进攻。").names("ORG")


def test_a_body_posted_abroad_and_a_party_s_congress_end_to_end(extract):
    facts = extract("越共十三大以来，中越关系发展良好。中国驻欧盟使团、驻比利时使馆官员到机场送行。")
    assert {"中国驻欧盟使团", "驻比利时使馆"} <= facts.names("ORG") and "越共十三大" in facts.names("EVENT")
