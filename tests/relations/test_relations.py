"""pipeline.relations: relation rules on anchored mentions, and relations of the whole chain
(gold guidelines, schema v1)."""
import shutil
from pathlib import Path

import pytest

from pipeline.analysis.sentences import split_sentences
from pipeline.errors import SchemaError
from pipeline.records import Relation, Span
from pipeline.relation_rules import load_relation_rules
from pipeline.relations import extract_relations, without_named_subjects
from pipeline.relations.attachments import (
    award_event_relations,
    award_holder_relations,
    named_conferrer_relations,
    office_holder_relations,
    own_meeting_relations,
    speaker_relations,
    sub_body_relations,
)
from pipeline.relations.frames import frame_relations, inline_frame_relations
from pipeline.relations.locations import ceremony_place_relations, location_relations, venue_relations
from pipeline.relations.titles import title_chain_relations
from pipeline.relations.triggers import trigger_relations
from tests.conftest import SCHEMAS, anchored


def name(entity_id: str) -> str:
    return entity_id.split(":", 1)[1]


def tuples(relations):
    return {(r.type, name(r.head), name(r.tail), r.title) for r in relations}


def pairs(relations, rtype):
    return {(name(r.head), name(r.tail)) for r in relations if r.type == rtype}


def chain(text, mentions, rules, relation_rules):
    return [r for r, _ in title_chain_relations(text, mentions, rules.titles, relation_rules)]


def entities_of(mentions):
    return {m.entity: (m.type, name(m.entity)) for m in mentions}


def all_relations(text, mentions, rules, relation_rules, main_event=None):
    return extract_relations(text, split_sentences(text), mentions, entities_of(mentions), rules.titles,
                             main_event, relation_rules)


# --- schemas/relations.yaml -----------------------------------------------------------------

GUIDELINE_TYPES = {
    "holds_position": ({"PERSON"}, {"ORG"}),
    "part_of": ({"ORG"}, {"ORG"}),
    "located_in": ({"ORG", "EVENT"}, {"LOCATION"}),
    "participated_in": ({"PERSON", "ORG"}, {"EVENT"}),
    "organized": ({"PERSON", "ORG"}, {"EVENT"}),
    "received": ({"PERSON", "ORG"}, {"AWARD"}),
    "awarded_by": ({"AWARD"}, {"ORG", "EVENT"}),
}


def test_relation_types_follow_the_guidelines(relation_rules):
    assert {k: (set(h), set(t)) for k, (h, t) in relation_rules.types.items()} == GUIDELINE_TYPES


def test_allows(relation_rules):
    assert relation_rules.allows("received", "PERSON", "AWARD")
    assert not relation_rules.allows("received", "AWARD", "PERSON")
    assert not relation_rules.allows("no_such_relation", "PERSON", "ORG")


def test_trigger_with_unknown_relation_is_a_schema_error(tmp_path: Path):
    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, folder)
    path = folder / "relations.yaml"
    path.write_text(path.read_text(encoding="utf-8") +
                    "\n  - {name: bogus_rule, relation: married_to, words: [嫁给]}\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="bogus_rule") as error:
        load_relation_rules(folder)
    assert "relations.yaml" in str(error.value)


# --- title chains ---------------------------------------------------------------------------

def test_title_chain_party_committee_member(rules, relation_rules):
    text = "北京市委常委于英杰同志出席会议。"
    mentions = [anchored(text, "北京市委", "ORG"), anchored(text, "于英杰", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {("holds_position", "于英杰", "北京市委", "常委")}


def test_a_president_s_aide_listed_after_a_post_at_a_body_holds_no_post_there(rules, relation_rules):
    text = "俄罗斯谈判代表团团长、总统助理梅津斯基说。"
    mentions = [anchored(text, "俄罗斯谈判代表团", "ORG"), anchored(text, "梅津斯基", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {("holds_position", "梅津斯基", "俄罗斯谈判代表团", "团长")}


@pytest.mark.parametrize("text, body, person", [
    ("国家农民党和民主党因运输部长伯塞斯库的去留问题发生争执。", "民主党", "伯塞斯库"),  # 因: the title begins its phrase
    ("美日合资的日本日立公司合资。总经理戴锡榕说。", "日本日立公司", "戴锡榕"),  # the sentence ends between them
])
def test_a_title_after_a_preposition_or_a_sentence_s_end_is_no_post_at_the_body_before(rules, relation_rules, text, body,
                                                                                       person):
    mentions = [anchored(text, body, "ORG"), anchored(text, person, "PERSON")]
    assert chain(text, mentions, rules, relation_rules) == []


def test_a_post_that_opens_the_clause_after_a_body_s_is_held_there(rules, relation_rules):
    text = "记者踏入首家股份制医院———广济医院，医院院长林才宇介绍说。"
    mentions = [anchored(text, "广济医院", "ORG"), anchored(text, "林才宇", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {("holds_position", "林才宇", "广济医院", "院长")}


def test_title_chain_state_council_premier(rules, relation_rules):
    text = "国务院总理李强出席论坛。"
    mentions = [anchored(text, "国务院", "ORG"), anchored(text, "李强", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {("holds_position", "李强", "国务院", "总理")}


def test_title_chain_reads_chief_executives_negotiators_commanders_and_rotating_chairs(rules, relation_rules):
    for text, org, titles in (("美国联合电脑公司董事长兼首席执行官王建华说。", "美国联合电脑公司", {"董事长", "首席执行官"}),
                              ("外经贸部副部长兼首席谈判代表王建华说。", "外经贸部", {"副部长", "首席谈判代表"}),
                              ("福特汽车公司总裁兼CEO王建华说。", "福特汽车公司", {"总裁", "CEO"}),
                              ("黎真主党高级指挥官王建华死亡。", "黎真主党", {"高级指挥官"}),
                              ("波黑主席团轮值主席王建华说。", "波黑主席团", {"轮值主席"})):
        mentions = [anchored(text, org, "ORG"), anchored(text, "王建华", "PERSON")]
        assert tuples(chain(text, mentions, rules, relation_rules)) == {
            ("holds_position", "王建华", org, title) for title in titles}


def test_title_chain_two_bodies(rules, relation_rules):
    text = "中共中央政治局常委、国务院副总理王建华出席会议。"
    mentions = [anchored(text, "中共中央政治局", "ORG"), anchored(text, "国务院", "ORG"),
                anchored(text, "王建华", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {
        ("holds_position", "王建华", "中共中央政治局", "常委"),
        ("holds_position", "王建华", "国务院", "副总理"),
    }


def test_a_membership_a_sentence_opens_with_before_a_comma_is_held_by_the_person_of_the_chain_after_it(rules, relation_rules):
    text = "会后宣讲。中央宣讲团成员，中央财办副主任祝卫东在河南宣讲。会议要求中央宣讲团成员，中央财办副主任韩俊宣讲。"
    mentions = [anchored(text, "中央宣讲团", "ORG"), anchored(text, "中央财办", "ORG"), anchored(text, "祝卫东", "PERSON"),
                anchored(text, "中央宣讲团", "ORG", 1), anchored(text, "中央财办", "ORG", 1), anchored(text, "韩俊", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {
        ("holds_position", "祝卫东", "中央财办", "副主任"), ("holds_position", "祝卫东", "中央宣讲团", "成员"),
        ("holds_position", "韩俊", "中央财办", "副主任")}  # the second membership opens no sentence


def test_title_chain_describes_the_name_after_de(rules, relation_rules):
    text = "身兼靖江市委副书记、市政协主席的王新民说，省委的张三和会议的李四也说。"
    mentions = [anchored(text, "靖江市委", "ORG"), anchored(text, "市政协", "ORG"), anchored(text, "王新民", "PERSON"),
                anchored(text, "省委", "ORG"), anchored(text, "张三", "PERSON"), anchored(text, "李四", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {
        ("holds_position", "王新民", "靖江市委", "副书记"), ("holds_position", "王新民", "市政协", "主席")}


def test_title_chain_runs_on_past_a_description_of_the_person(rules, relation_rules):
    text = "全国政协委员、中国载人航天工程总设计师周建平发言。全国政协委员、著名演员冯远征发言。王明、著名演员李华发言。"
    mentions = [anchored(text, "全国政协", "ORG"), anchored(text, "中国", "LOCATION"), anchored(text, "周建平", "PERSON"),
                anchored(text, "全国政协", "ORG", occurrence=1), anchored(text, "冯远征", "PERSON"),
                anchored(text, "王明", "PERSON"), anchored(text, "李华", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {
        ("holds_position", "周建平", "全国政协", "委员"), ("holds_position", "冯远征", "全国政协", "委员")}


def test_title_chain_runs_on_past_a_post_held_at_once_at_a_body_not_named(rules, relation_rules):
    text = "苏丹主权委员会主席兼武装部队总司令布尔汉讲话。中国科协副主席兼秘书长张三发言。"
    mentions = [anchored(text, "苏丹主权委员会", "ORG"), anchored(text, "布尔汉", "PERSON"),
                anchored(text, "中国科协", "ORG"), anchored(text, "张三", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {
        ("holds_position", "布尔汉", "苏丹主权委员会", "主席"), ("holds_position", "张三", "中国科协", "副主席"),
        ("holds_position", "张三", "中国科协", "秘书长")}


def test_title_chain_bodies_listed_before_a_title_share_it(rules, relation_rules):
    text = "中国天主教爱国会、中国天主教主教团名誉主席王建华，全国政协委员、北京市委书记李明出席。"
    mentions = [anchored(text, "中国天主教爱国会", "ORG"), anchored(text, "中国天主教主教团", "ORG"),
                anchored(text, "王建华", "PERSON"), anchored(text, "全国政协", "ORG"), anchored(text, "北京市委", "ORG"),
                anchored(text, "李明", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {
        ("holds_position", "王建华", "中国天主教爱国会", "名誉主席"), ("holds_position", "王建华", "中国天主教主教团", "名誉主席"),
        ("holds_position", "李明", "全国政协", "委员"), ("holds_position", "李明", "北京市委", "书记")}


@pytest.mark.parametrize("text, bodies, expected", [
    # a title fused with its body's last character (国防部|长)
    ("中央军委副主席、国务委员兼国防部长王建华上将在座。", [("中央军委", "ORG", 0), ("国防部", "ORG", 0)],
     {("中央军委", "副主席"), ("国防部", "部长")}),
    # a post of a place names no organisation, but the chain runs on past it
    ("中共中央政治局委员、北京市委书记、北京市市长王建华出席晚会。",
     [("中共中央政治局", "ORG", 0), ("北京市委", "ORG", 0), ("北京市", "LOCATION", 1)],
     {("中共中央政治局", "委员"), ("北京市委", "书记")}),
    # a longer title that would take the body's last characters (纪委书记) gives way to one that follows it
    ("中共中央政治局常委、中央纪委书记王建华作工作报告。", [("中共中央政治局", "ORG", 0), ("中央纪委", "ORG", 0)],
     {("中共中央政治局", "常委"), ("中央纪委", "书记")}),
    # posts of the ministries and arts (审计长, 署长, 演员)
    ("原国家审计署审计长王建华在会上回忆。", [("国家审计署", "ORG", 0)], {("国家审计署", "审计长")}),
    ("中国评剧院演员王建华获奖。", [("中国评剧院", "ORG", 0)], {("中国评剧院", "演员")}),
    # who presides over a presidium's meetings: no meeting of it
    ("全国政协十三届一次会议主席团会议主持人王建华出席会议。", [("全国政协十三届一次会议主席团", "ORG", 0)],
     {("全国政协十三届一次会议主席团", "会议主持人")}),
    # a place's head of government holds the post at its government where the document names it
    ("武汉市政府召开会议。武汉市市长王建华出席。", [("武汉市政府", "ORG", 0), ("武汉市", "LOCATION", 1)], {("武汉市政府", "市长")}),
    ("泰国总理王建华表示，泰国政府支持。", [("泰国", "LOCATION", 0), ("泰国政府", "ORG", 0)], {("泰国政府", "总理")}),
    # and the chain runs on past the place and the places it lies in
    ("全国人大代表、江苏省盐城市大丰区区长王建华调研。",
     [("全国人大", "ORG", 0), ("江苏省", "LOCATION", 0), ("盐城市", "LOCATION", 0), ("大丰区", "LOCATION", 0)],
     {("全国人大", "代表")}),
    ("泰国总理王建华表示支持。", [("泰国", "LOCATION", 0)], set()),  # a country's: no government named
    # a title that names only its level (省长) holds at the one government of that level the document names
    ("安徽省政府召开会议。省委书记李明、省长王建华出席。", [("安徽省政府", "ORG", 0)], {("安徽省政府", "省长")}),
    ("安徽省政府、江苏省政府召开会议。副省长王建华出席。", [("安徽省政府", "ORG", 0), ("江苏省政府", "ORG", 0)], set()),
    ("青岛市政府召开会议。副省长王建华出席。", [("青岛市政府", "ORG", 0)], set()),
    # of the place whose body of that level is named last before the title, not another's named elsewhere
    ("四川省委书记李明、省长王建华出席。江西省政府召开会议。", [("四川省委", "ORG", 0), ("江西省政府", "ORG", 0)], set()),
    ("四川省委召开会议。江西省委书记李明、省长王建华出席。江西省政府发文。",
     [("四川省委", "ORG", 0), ("江西省委", "ORG", 0), ("江西省政府", "ORG", 0)], {("江西省政府", "省长")}),
    # a title that names its own body (外长) takes none of the chain's
    ("国务院副总理兼外长王建华出席。", [("国务院", "ORG", 0)], {("国务院", "副总理")}),
])
def test_title_chain_past_fused_titles_places_and_titles_naming_their_body(rules, relation_rules, text, bodies,
                                                                           expected):
    mentions = [anchored(text, surface, etype, n) for surface, etype, n in bodies] + [anchored(text, "王建华", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {
        ("holds_position", "王建华", body, title) for body, title in expected}


def test_title_chain_second_title_at_the_same_body(rules, relation_rules):
    # guidelines: a second title at the same body (副主席兼秘书长) is a second relation
    text = "中国科协副主席兼秘书长王建华出席会议。"
    mentions = [anchored(text, "中国科协", "ORG"), anchored(text, "王建华", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {
        ("holds_position", "王建华", "中国科协", "副主席"),
        ("holds_position", "王建华", "中国科协", "秘书长"),
    }


def test_title_chain_bare_titles_listed_after_a_post_at_a_body_are_held_there(rules, relation_rules):
    # `中央纪委常委、秘书长X`: the bare title after a post at a body is a second post there
    for text, body, titles in (("市科协常委、秘书长王建华出席会议。", "市科协", {"常委", "秘书长"}),
                               ("实验中学董事长、校长王建华出席会议。", "实验中学", {"董事长", "校长"})):
        mentions = [anchored(text, body, "ORG"), anchored(text, "王建华", "PERSON")]
        assert tuples(chain(text, mentions, rules, relation_rules)) == {
            ("holds_position", "王建华", body, title) for title in titles}


@pytest.mark.parametrize("text, body, title", [
    ("人民阵线主席、总统王建华出席会议。", "人民阵线", "主席"),  # a state's office, no party's
    ("中央军委副主席、国务委员王建华出席会议。", "中央军委", "副主席"),  # a post of its own body (国务院)
    ("市科学院院长、党组书记王建华出席会议。", "市科学院", "院长"),  # the party organ's post
    ("市科学院院长、研究员王建华出席会议。", "市科学院", "院长"),  # a profession, many hold it
])
def test_title_chain_bare_titles_no_listed_body_holds(rules, relation_rules, text, body, title):
    mentions = [anchored(text, body, "ORG"), anchored(text, "王建华", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {("holds_position", "王建华", body, title)}


def test_title_chain_party_group_secretary(rules, relation_rules):
    # gold convention: `国务院党组书记X` → holds_position(X, 国务院党组, 书记)
    text = "国务院党组书记王建华主持会议。"
    mentions = [anchored(text, "国务院党组", "ORG"), anchored(text, "王建华", "PERSON")]
    got = chain(text, mentions, rules, relation_rules)
    assert pairs(got, "holds_position") == {("王建华", "国务院党组")}
    assert all("书记" in r.title for r in got)


def test_title_without_a_named_body_gives_no_relation(rules, relation_rules):
    # guidelines: a title whose organisation the text does not name gets no relation (两院院士, 国家主席)
    for text, person in (("两院院士王建华出席会议。", "王建华"), ("国家主席王建华出席会议。", "王建华")):
        mentions = [anchored(text, person, "PERSON")]
        assert chain(text, mentions, rules, relation_rules) == []


def test_state_president_is_not_a_post_of_the_preceding_body(rules, relation_rules):
    # `中共中央总书记、国家主席X`: 总书记 of 中共中央; 国家主席 names no body of the text
    text = "中共中央总书记、国家主席王建华出席会议。"
    mentions = [anchored(text, "中共中央", "ORG"), anchored(text, "王建华", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {("holds_position", "王建华", "中共中央", "总书记")}


def test_title_chain_skips_a_short_modifier(rules, relation_rules):
    text = "北京市科协第十届主席王建华出席会议。"
    mentions = [anchored(text, "北京市科协", "ORG"), anchored(text, "王建华", "PERSON")]
    assert tuples(chain(text, mentions, rules, relation_rules)) == {("holds_position", "王建华", "北京市科协", "主席")}


def test_title_chain_evidence_spans_the_chain(rules, relation_rules):
    text = "会上，国务院总理李强讲话。"
    mentions = [anchored(text, "国务院", "ORG"), anchored(text, "李强", "PERSON")]
    [relation] = chain(text, mentions, rules, relation_rules)
    [span] = relation.evidence
    assert text[span.start:span.end] == span.text == "国务院总理李强"
    assert relation.rule == "title_chain"


# --- sub-bodies -----------------------------------------------------------------------------

def test_a_body_s_plenary_meeting_named_after_it_is_held_by_it(relation_rules):
    text = "全国绿化委员会第一次全体会议召开。全国绿化委员会、中央纪委和中央政治局出席全国绿化委员会工作会议。中央纪委第二次全会。"
    names = ["全国绿化委员会", "中央纪委", "中央政治局"]
    events = ["全国绿化委员会第一次全体会议", "全国绿化委员会工作会议", "中央纪委第二次全会", "中央政治局会议"]
    entities = {f"ORG:{n}": ("ORG", n) for n in names} | {f"EVENT:{n}": ("EVENT", n) for n in events}
    mentions = [anchored(text, "全国绿化委员会", "ORG", 1), anchored(text, "中央纪委", "ORG", 0), anchored(text, "中央政治局", "ORG"),
                anchored(text, "中央纪委", "ORG", 1, nested=True)]
    # not a meeting named otherwise (`工作会议`, `会议`: its own or not), nor a body named only inside the meeting's name
    assert pairs(own_meeting_relations(entities, mentions, relation_rules), "organized") == {
        ("全国绿化委员会", "全国绿化委员会第一次全体会议"), ("中央纪委", "中央纪委第二次全会")}
    alone = [m for m in mentions if m.nested]
    assert pairs(own_meeting_relations(entities, alone, relation_rules), "organized") == set()


def test_an_activity_named_by_a_body_and_its_quoted_name_is_held_by_the_body(relation_rules):
    text = "汪洋出席全国政协“委员讲堂”活动。全国政协主席汪洋讲话。全国妇联“巾帼建功”活动开展。"
    entities = {"ORG:全国政协": ("ORG", "全国政协"), "ORG:全国妇联": ("ORG", "全国妇联"),
                "EVENT:全国政协“委员讲堂”活动": ("EVENT", "全国政协“委员讲堂”活动"),
                "EVENT:全国妇联“巾帼建功”活动": ("EVENT", "全国妇联“巾帼建功”活动")}
    mentions = [anchored(text, "全国政协", "ORG", 1), anchored(text, "全国妇联", "ORG", nested=True)]
    # not a body the text names only inside the activity's name
    assert pairs(own_meeting_relations(entities, mentions, relation_rules), "organized") == {("全国政协", "全国政协“委员讲堂”活动")}


def test_an_event_whose_name_gives_its_host_place_in_brackets_is_held_there(relation_rules):
    from pipeline.relations.attachments import bracketed_host_relations

    events = ["第十九届中国(深圳)国际文化产业博览交易会", "2025减贫治理与全球发展（怒江）国际论坛", "全国银行系统行长（经理）会议",
              "中国（海南）改革发展研究院会议", "（深圳）固定会议"]
    entities = {f"EVENT:{n}": ("EVENT", n) for n in events} | {"LOCATION:深圳市": ("LOCATION", "深圳市"),
                                                                "LOCATION:怒江州": ("LOCATION", "怒江州")}
    surfaces = [("LOCATION:怒江州", "怒江")]
    assert pairs(bracketed_host_relations(entities, relation_rules, surfaces), "located_in") == {
        ("第十九届中国(深圳)国际文化产业博览交易会", "深圳市"), ("2025减贫治理与全球发展（怒江）国际论坛", "怒江州")}


def test_sub_body_party_committee_is_part_of_its_body(relation_rules):
    entities = {"ORG:中关村实验室党委": ("ORG", "中关村实验室党委"), "ORG:中关村实验室": ("ORG", "中关村实验室"),
                "ORG:北京市司法局党委": ("ORG", "北京市司法局党委"), "ORG:北京市司法局": ("ORG", "北京市司法局")}
    assert pairs(sub_body_relations(entities, relation_rules), "part_of") == {
        ("中关村实验室党委", "中关村实验室"), ("北京市司法局党委", "北京市司法局")}


def test_a_body_s_departments_bureaus_and_boards_are_part_of_it(relation_rules):
    names = ["中共中央", "中共中央组织部", "国务院", "国务院宗教事务局", "飞鹰集团公司", "飞鹰集团公司董事会", "团中央",
             "团中央书记处", "北京大学", "国务院港澳办", "经济日报", "经济日报办", "全国人大常委会", "全国人大常委会法工委",
             "中央和国家机关", "中央和国家机关工委", "国际奥委会", "国际奥委会执委会"]
    entities = {f"ORG:{n}": ("ORG", n) for n in names}
    # not `经济日报|办`: 办 alone names no office; `中央和国家机关|工委` is the party's committee for the organs
    assert pairs(sub_body_relations(entities, relation_rules), "part_of") == {
        ("中共中央组织部", "中共中央"), ("国务院宗教事务局", "国务院"), ("飞鹰集团公司董事会", "飞鹰集团公司"),
        ("团中央书记处", "团中央"), ("国务院港澳办", "国务院"), ("全国人大常委会法工委", "全国人大常委会"),
        ("国际奥委会执委会", "国际奥委会")}


def test_departments_centres_branches_and_councils_are_units_but_a_company_is_whole(relation_rules):
    names = ["水利部", "水利部财务司", "清华大学", "清华大学工程物理系", "国家体委", "国家体委冬运中心", "北京城建集团二公司",
             "北京城建集团二公司一分公司", "联合国", "联合国安理会", "飞鹰集团", "飞鹰集团公司"]
    entities = {f"ORG:{n}": ("ORG", n) for n in names}
    assert pairs(sub_body_relations(entities, relation_rules), "part_of") == {
        ("水利部财务司", "水利部"), ("清华大学工程物理系", "清华大学"), ("国家体委冬运中心", "国家体委"),
        ("北京城建集团二公司一分公司", "北京城建集团二公司"), ("联合国安理会", "联合国")}  # not `飞鹰集团|公司`


def test_a_press_organ_s_boards_stations_and_branches_and_a_body_s_research_office_are_its_units(relation_rules):
    names = ["人民日报", "人民日报编委会", "光明日报", "光明日报编辑部", "新华社", "新华社上海记者站", "中央电视台", "中央电视台研究室",
             "新华社香港分社", "新华社亚太总分社"]
    entities = {f"ORG:{n}": ("ORG", n) for n in names}
    assert pairs(sub_body_relations(entities, relation_rules), "part_of") == {
        ("人民日报编委会", "人民日报"), ("光明日报编辑部", "光明日报"), ("新华社上海记者站", "新华社"), ("中央电视台研究室", "中央电视台"),
        ("新华社香港分社", "新华社"), ("新华社亚太总分社", "新华社")}


def test_agencies_chambers_stations_and_troupes_are_units_but_a_broadcaster_s_channel_is_not_linked(relation_rules):
    names = ["联合国", "联合国妇女署", "联合国特委会", "美国国会", "美国国会参议院", "哈萨克斯坦议会", "哈萨克斯坦议会下院",
             "中央广播电视总台", "中央广播电视总台北美总站", "南京军区", "南京军区前线话剧团", "央视", "央视新闻频道"]
    entities = {f"ORG:{n}": ("ORG", n) for n in names}
    assert pairs(sub_body_relations(entities, relation_rules), "part_of") == {
        ("联合国妇女署", "联合国"), ("联合国特委会", "联合国"), ("美国国会参议院", "美国国会"), ("哈萨克斯坦议会下院", "哈萨克斯坦议会"),
        ("中央广播电视总台北美总站", "中央广播电视总台"), ("南京军区前线话剧团", "南京军区")}


def test_an_award_named_after_a_body_or_a_contest_is_conferred_by_it(relation_rules):
    entities = {"ORG:全国政协": ("ORG", "全国政协"), "AWARD:第十三届全国政协优秀提案": ("AWARD", "第十三届全国政协优秀提案"),
                "EVENT:全国奥林匹克物理竞赛": ("EVENT", "全国奥林匹克物理竞赛"),
                "AWARD:全国奥林匹克物理竞赛一等奖": ("AWARD", "全国奥林匹克物理竞赛一等奖"),
                "EVENT:东京奥运会": ("EVENT", "东京奥运会"), "AWARD:首枚金牌": ("AWARD", "首枚金牌"),
                "EVENT:北京冬奥会": ("EVENT", "北京冬奥会"), "AWARD:北京冬奥会突出贡献个人": ("AWARD", "北京冬奥会突出贡献个人")}
    surfaces = [("AWARD:首枚金牌", "东京奥运会首枚金牌")]  # the award written with the Games' name
    # after an event's name only a prize: an honour named after the Games is conferred by others
    assert pairs(named_conferrer_relations(entities, relation_rules, surfaces), "awarded_by") == {
        ("第十三届全国政协优秀提案", "全国政协"), ("全国奥林匹克物理竞赛一等奖", "全国奥林匹克物理竞赛"), ("首枚金牌", "东京奥运会")}


def test_a_unit_named_by_its_parent_s_short_form_is_part_of_the_parent_the_document_names(relation_rules):
    names = ["中央军委", "军委政治工作部", "全国人大常委会", "常委会预算工委", "常委会代表资格审查委员会"]
    entities = {f"ORG:{n}": ("ORG", n) for n in names}
    assert pairs(sub_body_relations(entities, relation_rules), "part_of") == {
        ("军委政治工作部", "中央军委"), ("常委会预算工委", "全国人大常委会"), ("常委会代表资格审查委员会", "全国人大常委会")}
    # a provincial standing committee's unit is no part of the NPC's where the document does not name that
    entities = {f"ORG:{n}": ("ORG", n) for n in ["湖北省人大常委会", "常委会预算工委"]}
    assert pairs(sub_body_relations(entities, relation_rules), "part_of") == set()


def test_the_party_s_organ_in_a_body_is_part_of_the_body(relation_rules):
    names = ["中共全国人大常委会党组", "全国人大常委会", "中共中央", "中共中央政治局"]
    entities = {f"ORG:{n}": ("ORG", n) for n in names}
    assert pairs(sub_body_relations(entities, relation_rules), "part_of") == {
        ("中共全国人大常委会党组", "全国人大常委会"), ("中共中央政治局", "中共中央")}


def test_a_person_an_event_s_name_names_takes_no_part_in_it_but_in_an_own_ceremony(relation_rules):
    entities = {f"{t}:{n}": (t, n) for t, n in [("PERSON", "陶铸"), ("PERSON", "胡锦涛"), ("EVENT", "纪念陶铸同志诞辰90周年座谈会"),
                                                 ("PERSON", "卢拉"), ("EVENT", "巴西新任总统卢拉就职仪式"), ("ORG", "中共中央"),
                                                 ("EVENT", "中共中央政治局会议")]}
    found = [Relation("participated_in", f"PERSON:{p}", f"EVENT:{e}", (), 0.8, "test") for p, e in [
        ("陶铸", "纪念陶铸同志诞辰90周年座谈会"), ("胡锦涛", "纪念陶铸同志诞辰90周年座谈会"), ("卢拉", "巴西新任总统卢拉就职仪式")]]
    found.append(Relation("participated_in", "ORG:中共中央", "EVENT:中共中央政治局会议", (), 0.8, "test"))
    assert pairs(without_named_subjects(found, entities, relation_rules), "participated_in") == {
        ("胡锦涛", "纪念陶铸同志诞辰90周年座谈会"), ("卢拉", "巴西新任总统卢拉就职仪式"), ("中共中央", "中共中央政治局会议")}


def test_the_speakers_of_a_discussion_take_part_in_it(relation_rules):
    text = ("全国扫黄办今日在京召开座谈会。中国期刊协会常务副会长张伯海认为，扫黄工作意义重大。"
            "文化部副局长王强、研究员赵明、李华等指出，要加大力度。")
    mentions = [anchored(text, "座谈会", "EVENT"), anchored(text, "中国期刊协会", "ORG"), anchored(text, "张伯海", "PERSON"),
                anchored(text, "王强", "PERSON"), anchored(text, "赵明", "PERSON"), anchored(text, "李华", "PERSON")]
    entities = entities_of(mentions)
    sentences = split_sentences(text)
    got = pairs(speaker_relations(text, [(None, sentences)], mentions, entities, relation_rules), "participated_in")
    assert got == {("张伯海", "座谈会"), ("王强", "座谈会"), ("赵明", "座谈会"), ("李华", "座谈会")}  # all those listed
    # a document about something else: its speakers are no participants
    assert not list(speaker_relations(text, [("ORG:中国期刊协会", sentences)], mentions, entities, relation_rules))
    text = "国务院召开常务会议。李强指出，要稳增长。"
    mentions = [anchored(text, "常务会议", "EVENT"), anchored(text, "李强", "PERSON")]
    assert not list(speaker_relations(text, [(None, split_sentences(text))], mentions, entities_of(mentions), relation_rules))
    text = "习近平会见肯尼亚总统\n\n新闻联播 2023-10-19\n\n习近平会见鲁托。习近平指出，两国是好朋友。鲁托祝贺中方成功举办高峰论坛。"
    mentions = [anchored(text, "习近平", "PERSON", occurrence=2), anchored(text, "高峰论坛", "EVENT")]
    assert not list(speaker_relations(text, [(None, split_sentences(text))], mentions, entities_of(mentions),
                                      relation_rules))  # the forum is held after the lead: no discussion reported


def test_sub_body_without_its_parent_gives_nothing(relation_rules):
    entities = {"ORG:中关村实验室党委": ("ORG", "中关村实验室党委"), "ORG:北京市司法局": ("ORG", "北京市司法局")}
    assert list(sub_body_relations(entities, relation_rules)) == []


def test_sub_body_needs_organisations(relation_rules):
    entities = {"ORG:中关村实验室党委": ("ORG", "中关村实验室党委"), "EVENT:中关村实验室": ("EVENT", "中关村实验室")}
    assert list(sub_body_relations(entities, relation_rules)) == []


# --- triggers -------------------------------------------------------------------------------

def trig(text, mentions, relation_rules, main_event=None):
    return list(trigger_relations(text, split_sentences(text), mentions, main_event, relation_rules))


def test_a_trigger_in_its_object_s_own_relative_clause_keeps_its_subject(relation_rules):
    text = "于永波同参加中宣部召开的全国先进典型座谈会的代表徐洪刚、韩素云座谈。"
    mentions = [anchored(text, p, t) for p, t in (("于永波", "PERSON"), ("中宣部", "ORG"), ("全国先进典型座谈会", "EVENT"),
                                               ("徐洪刚", "PERSON"), ("韩素云", "PERSON"))]
    found = trig(text, mentions, relation_rules)
    assert pairs(found, "organized") == {("中宣部", "全国先进典型座谈会")}
    assert pairs(found, "participated_in") == {("徐洪刚", "全国先进典型座谈会"), ("韩素云", "全国先进典型座谈会")}


def test_trigger_received(relation_rules):
    text = "王建华获得国家科技进步一等奖。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "国家科技进步一等奖", "AWARD")]
    assert pairs(trig(text, mentions, relation_rules), "received") == {("王建华", "国家科技进步一等奖")}


def test_trigger_attend(relation_rules):
    text = "王建华出席第三届青年科技论坛。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "第三届青年科技论坛", "EVENT")]
    got = trig(text, mentions, relation_rules)
    assert pairs(got, "participated_in") == {("王建华", "第三届青年科技论坛")}
    assert not pairs(got, "organized")


@pytest.mark.parametrize("text", ["出席会议的党外人士还有王建华、李明和张华。", "出席座谈会的还有王建华、李明和张华。"])
def test_attendees_listed_after_a_relative_clause_take_part(relation_rules, text):
    mentions = [anchored(text, name, "PERSON") for name in ("王建华", "李明", "张华")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:民主协商会")
    assert pairs(got, "participated_in") == {("王建华", "民主协商会"), ("李明", "民主协商会"), ("张华", "民主协商会")}


def test_a_list_after_a_relative_clause_is_of_attendees_only_where_it_begins_there(relation_rules):
    text = "出席会议的还有有关部门负责同志和专家王建华。"
    got = trig(text, [anchored(text, "王建华", "PERSON")], relation_rules, main_event="EVENT:民主协商会")
    assert pairs(got, "participated_in") == set()


def test_trigger_attend_coordinated_events(relation_rules):
    text = "王建华出席主题教育总结会议和党纪学习教育部署会。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "主题教育总结会议", "EVENT"),
                anchored(text, "党纪学习教育部署会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {
        ("王建华", "主题教育总结会议"), ("王建华", "党纪学习教育部署会")}


def test_trigger_coordinated_heads(relation_rules):
    text = "王建华、李明出席第三届青年科技论坛。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "李明", "PERSON"),
                anchored(text, "第三届青年科技论坛", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {
        ("王建华", "第三届青年科技论坛"), ("李明", "第三届青年科技论坛")}


def test_trigger_organized(relation_rules):
    text = "中关村实验室举办青年科技工作者沙龙。"
    mentions = [anchored(text, "中关村实验室", "ORG"), anchored(text, "青年科技工作者沙龙", "EVENT")]
    got = trig(text, mentions, relation_rules)
    assert pairs(got, "organized") == {("中关村实验室", "青年科技工作者沙龙")}
    assert not pairs(got, "participated_in")


def test_trigger_chairing_and_convening_is_organizing(relation_rules):
    # guidelines: `主持召开 M` → organized(person, M)
    text = "王建华主持召开党建工作推进会。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "党建工作推进会", "EVENT")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("王建华", "党建工作推进会")}


def test_trigger_passive_host(relation_rules):
    text = "第三届青年科技论坛由中关村实验室主办。"
    mentions = [anchored(text, "第三届青年科技论坛", "EVENT"), anchored(text, "中关村实验室", "ORG")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("中关村实验室", "第三届青年科技论坛")}
    text = "女子比赛由江苏的李菊对辽宁的王楠。"  # a match's pairing, no host
    mentions = [anchored(text, "女子比赛", "EVENT"), anchored(text, "李菊", "PERSON"), anchored(text, "王楠", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == set()


def test_passive_hosts_listed_across_an_unnamed_item_all_host(relation_rules):
    text = "青年科技论坛由中关村实验室和某咨询有限公司、北京大学共同主办。"
    mentions = [anchored(text, "青年科技论坛", "EVENT"), anchored(text, "中关村实验室", "ORG"), anchored(text, "北京大学", "ORG")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {
        ("中关村实验室", "青年科技论坛"), ("北京大学", "青年科技论坛")}
    text = "青年科技论坛由中关村实验室和全国三十多所高等院校科研院所联合组成专家组、北京大学共同主持。"  # no list item
    mentions = [anchored(text, "青年科技论坛", "EVENT"), anchored(text, "中关村实验室", "ORG"), anchored(text, "北京大学", "ORG")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("中关村实验室", "青年科技论坛")}


def test_the_body_the_next_clause_names_as_undertaking_a_hosted_event_organises_it(relation_rules):
    text = "青年科技论坛由中关村实验室主办，北京大学承办，清华大学师生参加。"
    mentions = [anchored(text, "青年科技论坛", "EVENT"), anchored(text, "中关村实验室", "ORG"), anchored(text, "北京大学", "ORG"),
                anchored(text, "清华大学", "ORG")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {
        ("中关村实验室", "青年科技论坛"), ("北京大学", "青年科技论坛")}
    text = "青年科技论坛由中关村实验室主办，北京大学派员参加。"  # no undertaking
    mentions = [anchored(text, "青年科技论坛", "EVENT"), anchored(text, "中关村实验室", "ORG"), anchored(text, "北京大学", "ORG")]
    assert pairs(trig(text, mentions, relation_rules), "organized") == {("中关村实验室", "青年科技论坛")}


def test_trigger_grant_gives_awarded_by_and_received(relation_rules):
    text = "中国科协授予王建华全国优秀科技工作者称号。"
    mentions = [anchored(text, "中国科协", "ORG"), anchored(text, "王建华", "PERSON"),
                anchored(text, "全国优秀科技工作者称号", "AWARD")]
    got = trig(text, mentions, relation_rules)
    assert pairs(got, "awarded_by") == {("全国优秀科技工作者称号", "中国科协")}
    assert pairs(got, "received") == {("王建华", "全国优秀科技工作者称号")}


def test_trigger_event_anaphora_uses_the_main_event(relation_rules):
    text = "第三届青年科技论坛开幕。王建华出席会议并致辞。"
    mentions = [anchored(text, "第三届青年科技论坛", "EVENT"), anchored(text, "王建华", "PERSON")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:第三届青年科技论坛")
    assert pairs(got, "participated_in") == {("王建华", "第三届青年科技论坛")}


def test_trigger_stays_within_its_sentence(relation_rules):
    text = "王建华获得表彰。第三届青年科技论坛开幕。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "第三届青年科技论坛", "EVENT")]
    assert trig(text, mentions, relation_rules) == []


def test_trigger_word_inside_a_name_is_no_trigger(relation_rules):
    # 举办 inside the event's own name does not make the person its organiser
    text = "王建华参观中关村举办成果展览会。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "中关村举办成果展览会", "EVENT")]
    assert not pairs(trig(text, mentions, relation_rules), "organized")


def test_trigger_evidence_is_the_sentence(relation_rules):
    text = "会议开始。王建华获得国家科技进步一等奖。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "国家科技进步一等奖", "AWARD")]
    [relation] = trig(text, mentions, relation_rules)
    [span] = relation.evidence
    assert text[span.start:span.end].strip() == span.text == "王建华获得国家科技进步一等奖。"
    assert relation.rule == "trigger:win"
    assert 0 < relation.confidence <= 1


# --- award holders, locations, award events ---------------------------------------------------

def test_award_holder(relation_rules):
    text = "2018年度国家最高科学技术奖获得者王建华出席。"
    mentions = [anchored(text, "2018年度国家最高科学技术奖", "AWARD"), anchored(text, "王建华", "PERSON")]
    assert pairs(award_holder_relations(text, mentions, relation_rules), "received") == {
        ("王建华", "2018年度国家最高科学技术奖")}


def test_an_honour_in_apposition_names_its_holders(relation_rules):
    text = "全国劳动模范时传祥、张秉贵出席。"
    mentions = [anchored(text, "全国劳动模范", "AWARD"), anchored(text, "时传祥", "PERSON"), anchored(text, "张秉贵", "PERSON")]
    assert pairs(award_holder_relations(text, mentions, relation_rules), "received") == {
        ("时传祥", "全国劳动模范"), ("张秉贵", "全国劳动模范")}


def test_an_honour_first_in_a_chain_of_titles_names_the_person_the_chain_ends_in(relation_rules):
    text = "运动员们聆听了全国劳动模范、党的十五大代表李素丽同志的事迹。"
    mentions = [anchored(text, "全国劳动模范", "AWARD"), anchored(text, "李素丽", "PERSON")]
    assert pairs(award_holder_relations(text, mentions, relation_rules), "received") == {("李素丽", "全国劳动模范")}


@pytest.mark.parametrize("text", ["表彰了10名中国改革友谊奖章获得者，记者采访了王建华。",
                                  "中国改革友谊奖章、先进工作者等代表王建华出席。"])
def test_winners_named_apart_from_their_award_received_nothing_here(relation_rules, text):
    mentions = [anchored(text, "中国改革友谊奖章", "AWARD"), anchored(text, "王建华", "PERSON")]
    assert pairs(award_holder_relations(text, mentions, relation_rules), "received") == set()


def test_location_of_an_event_abroad(relation_rules):
    # `在奥克兰…出席…论坛` → located_in(论坛, 奥克兰)
    text = "王建华在奥克兰出席中新教育合作论坛。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "奥克兰", "LOCATION"),
                anchored(text, "中新教育合作论坛", "EVENT")]
    got = list(location_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "located_in") == {("中新教育合作论坛", "奥克兰")}


def test_the_events_listed_before_a_place_they_are_held_at_are_all_there(relation_rules):
    text = "中国曲艺家协会第九次全国代表大会、中国摄影家协会第十次全国代表大会今天在北京闭幕。"
    mentions = [anchored(text, "中国曲艺家协会第九次全国代表大会", "EVENT"), anchored(text, "中国摄影家协会第十次全国代表大会", "EVENT"),
                anchored(text, "北京", "LOCATION")]
    got = list(location_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "located_in") == {("中国曲艺家协会第九次全国代表大会", "北京"), ("中国摄影家协会第十次全国代表大会", "北京")}


def test_where_someone_comes_to_take_part_in_an_event_is_where_it_is(relation_rules):
    text = "林华卿来京参加了党的第十五次全国代表大会。王明在巴黎参加第一届国际大提琴比赛。"
    mentions = [anchored(text, "林华卿", "PERSON"), anchored(text, "京", "LOCATION"), anchored(text, "党的第十五次全国代表大会", "EVENT"),
                anchored(text, "王明", "PERSON"), anchored(text, "巴黎", "LOCATION"), anchored(text, "第一届国际大提琴比赛", "EVENT")]
    got = list(location_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "located_in") == {("党的第十五次全国代表大会", "京"), ("第一届国际大提琴比赛", "巴黎")}


def test_a_place_that_opens_its_clause_before_a_verb_of_holding_is_where_the_event_is(relation_rules):
    text = "春节过后，江西召开扶贫开发领导小组会议。古巴１１日举行大选。王明称赞江西召开的座谈会。"
    mentions = [anchored(text, "江西", "LOCATION"), anchored(text, "扶贫开发领导小组会议", "EVENT"),
                anchored(text, "古巴", "LOCATION"), anchored(text, "大选", "EVENT"), anchored(text, "王明", "PERSON"),
                anchored(text, "江西", "LOCATION", 1), anchored(text, "座谈会", "EVENT")]
    got = list(location_relations(text, split_sentences(text), sorted(mentions, key=lambda m: m.start), relation_rules))
    assert pairs(got, "located_in") == {("扶贫开发领导小组会议", "江西"), ("大选", "古巴")}  # not a verb's object


def test_location_in_jing(relation_rules):
    # guidelines: `在京` → LOCATION 京; an event held there is located_in it
    text = "第十届青年科技论坛在京召开。"
    mentions = [anchored(text, "第十届青年科技论坛", "EVENT"), anchored(text, "京", "LOCATION")]
    got = list(location_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "located_in") == {("第十届青年科技论坛", "京")}


def test_a_meeting_named_by_a_place_the_document_names_and_its_kind_takes_place_there():
    text = "埃里卡特说，华盛顿会谈令人失望。内塔尼亚胡在华盛顿说，香港回归以来，遵义会议。"
    washington = anchored(text, "华盛顿", "LOCATION", 1)
    talks, handover = anchored(text, "华盛顿会谈", "EVENT"), anchored(text, "香港回归", "EVENT")
    zunyi = anchored(text, "遵义会议", "EVENT")
    words = {m.start: m.start + len(place) for m, place in ((talks, "华盛顿"), (handover, "香港"), (zunyi, "遵义"))}
    mentions, kinds = [talks, washington, handover, zunyi], ("会谈", "会议")
    found = venue_relations(text, mentions, [], words, kinds)
    assert pairs(found, "located_in") == {("华盛顿会谈", "华盛顿")}  # 回归 is no kind of event; 遵义 is named nowhere
    assert venue_relations(text, mentions, found, words, kinds) == []  # placed already
    assert venue_relations(text, mentions, [], {}, kinds) == []  # no word analysis, no place word


def test_a_government_a_title_chain_reaches_by_its_level_alone_holds_the_event_where_it_is_written(extract):
    facts = extract("中共北京市委、北京市人民政府今天举行老干部团拜会。中共北京市委书记、市长贾庆林讲话。")
    assert facts.titles("贾庆林", "北京市人民政府") == {"市长"}
    assert {("中共北京市委", "老干部团拜会"), ("北京市人民政府", "老干部团拜会")} <= facts.relation_pairs("organized")


def test_an_event_is_held_where_its_opening_ceremony_is(relation_rules):
    text = "丁薛祥在北京出席中哈企业家委员会第八次会议开幕式。中哈企业家委员会第八次会议达成共识。"
    ceremony, meeting = anchored(text, "中哈企业家委员会第八次会议开幕式", "EVENT"), anchored(text, "中哈企业家委员会第八次会议", "EVENT", 1)
    beijing = anchored(text, "北京", "LOCATION")
    mentions = [beijing, ceremony, meeting]
    found = list(location_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(found, "located_in") == {("中哈企业家委员会第八次会议开幕式", "北京")}
    added = ceremony_place_relations(mentions, found, entities_of(mentions), relation_rules)
    assert pairs(added, "located_in") == {("中哈企业家委员会第八次会议", "北京")}
    assert ceremony_place_relations(mentions, found + added, entities_of(mentions), relation_rules) == []  # placed already


def test_games_and_a_country_a_guest_comes_to_are_not_where_a_ceremony_places_an_event(relation_rules):
    text = "习近平会见来华出席中阿合作论坛部长级会议开幕式的哈马德。中阿合作论坛部长级会议开幕。冬奥会开幕式在国家体育场举行。冬奥会开幕。"
    mentions = [anchored(text, "华", "LOCATION", entity="LOCATION:中国"),
                anchored(text, "中阿合作论坛部长级会议开幕式", "EVENT"), anchored(text, "中阿合作论坛部长级会议", "EVENT", 1),
                anchored(text, "冬奥会开幕式", "EVENT"), anchored(text, "国家体育场", "LOCATION"), anchored(text, "冬奥会", "EVENT", 1)]
    first, third = text.index("习"), text.index("冬")
    found = [Relation("located_in", "EVENT:中阿合作论坛部长级会议开幕式", "LOCATION:中国",
                      (Span(first, text.index("。"), text[first:text.index("。")]),), 0.8, "location"),
             Relation("located_in", "EVENT:冬奥会开幕式", "LOCATION:国家体育场", (Span(third, third + 15, text[third:third + 15]),),
                      0.8, "location")]
    assert ceremony_place_relations(mentions, found, entities_of(mentions), relation_rules) == []


def test_an_event_held_at_a_venue_of_a_city_is_located_at_the_venue(relation_rules):
    # guidelines: `在北京人民大会堂` → located_in 人民大会堂 (北京 accepted too)
    text = "十四届全国人大一次会议在北京人民大会堂举行第四次全体会议。"
    mentions = [anchored(text, "十四届全国人大一次会议", "EVENT"), anchored(text, "北京", "LOCATION"),
                anchored(text, "人民大会堂", "LOCATION"), anchored(text, "第四次全体会议", "EVENT")]
    got = list(location_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "located_in") == {("十四届全国人大一次会议", "人民大会堂"), ("第四次全体会议", "人民大会堂")}


def test_an_event_held_in_a_capital_named_in_apposition_is_in_the_capital(relation_rules):
    text = "第二届环波罗的海国家首脑会议23日在拉脱维亚首都里加结束。"
    mentions = [anchored(text, "第二届环波罗的海国家首脑会议", "EVENT"), anchored(text, "拉脱维亚", "LOCATION"),
                anchored(text, "里加", "LOCATION")]
    got = list(location_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "located_in") == {("第二届环波罗的海国家首脑会议", "里加")}
    text = "伊朗去年在首都德黑兰成功地举行了第八届伊斯兰国家首脑会议。"  # the capital's apposition alone
    mentions = [anchored(text, "伊朗", "LOCATION"), anchored(text, "德黑兰", "LOCATION"),
                anchored(text, "第八届伊斯兰国家首脑会议", "EVENT")]
    got = list(location_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "located_in") == {("第八届伊斯兰国家首脑会议", "德黑兰")}
    text = "公开赛今天在首都体育馆拉开帷幕。"  # 首都 begins a venue's name: 体育馆 alone is no capital
    mentions = [anchored(text, "公开赛", "EVENT"), anchored(text, "体育馆", "LOCATION")]
    assert list(location_relations(text, split_sentences(text), mentions, relation_rules)) == []


def test_an_event_held_in_a_place_described_before_its_name_is_in_that_place(relation_rules):
    text = "第四届世界沙滩足球赛在巴西著名旅游城市里约热内卢举行。研讨会今天在这位伟人的故乡淮安市举行。"
    mentions = [anchored(text, "第四届世界沙滩足球赛", "EVENT"), anchored(text, "巴西", "LOCATION"),
                anchored(text, "里约热内卢", "LOCATION"), anchored(text, "研讨会", "EVENT"), anchored(text, "淮安市", "LOCATION")]
    got = list(location_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "located_in") == {("第四届世界沙滩足球赛", "里约热内卢"), ("研讨会", "淮安市")}
    text = "会议在北京召开，研究城市规划。"  # a place's description holds no mark
    mentions = [anchored(text, "会议", "EVENT"), anchored(text, "北京", "LOCATION")]
    assert pairs(list(location_relations(text, split_sentences(text), mentions, relation_rules)), "located_in") == {
        ("会议", "北京")}


def test_location_needs_a_preposition(relation_rules):
    text = "奥克兰代表团出席中新教育合作论坛。"
    mentions = [anchored(text, "奥克兰", "LOCATION"), anchored(text, "中新教育合作论坛", "EVENT")]
    assert list(location_relations(text, split_sentences(text), mentions, relation_rules)) == []


def test_award_given_at_an_event(relation_rules):
    # guidelines: awarded_by links the event at which the award was given (`在…中荣获`)
    text = "王建华在第六届文化艺术节中荣获合唱比赛二等奖。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "第六届文化艺术节", "EVENT"),
                anchored(text, "合唱比赛二等奖", "AWARD")]
    got = list(award_event_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "awarded_by") == {("合唱比赛二等奖", "第六届文化艺术节")}


def test_a_prize_written_right_after_an_event_s_name_is_the_event_s(relation_rules):
    text = "15部影片入围长春电影节“金鹿奖”。市里表彰长春电影节“优秀志愿者”。"
    mentions = [anchored(text, "长春电影节", "EVENT"), anchored(text, "金鹿奖", "AWARD"),
                anchored(text, "长春电影节", "EVENT", 1), anchored(text, "优秀志愿者", "AWARD")]
    got = list(award_event_relations(text, split_sentences(text), mentions, relation_rules))
    assert pairs(got, "awarded_by") == {("金鹿奖", "长春电影节")}  # an honour, no prize: not by the event


# --- extract_relations ----------------------------------------------------------------------

def test_extract_relations_combines_rules(rules, relation_rules):
    text = "中关村实验室党委书记王建华在京出席第三届青年科技论坛。中关村实验室获得先进集体称号。"
    mentions = [anchored(text, "中关村实验室党委", "ORG"), anchored(text, "王建华", "PERSON"),
                anchored(text, "京", "LOCATION"), anchored(text, "第三届青年科技论坛", "EVENT"),
                anchored(text, "中关村实验室", "ORG", occurrence=1), anchored(text, "先进集体称号", "AWARD")]
    got = tuples(all_relations(text, mentions, rules, relation_rules))
    assert ("part_of", "中关村实验室党委", "中关村实验室", None) in got
    assert ("participated_in", "王建华", "第三届青年科技论坛", None) in got
    assert ("located_in", "第三届青年科技论坛", "京", None) in got
    assert ("received", "中关村实验室", "先进集体称号", None) in got
    # the party committee is the body whose secretary 王建华 is
    assert any(t[:3] == ("holds_position", "王建华", "中关村实验室党委") and "书记" in t[3] for t in got)


def test_extract_relations_respects_type_constraints(rules, relation_rules):
    text = "北京市获得国家科技进步一等奖。王建华在北京市出席会议。"
    mentions = [anchored(text, "北京市", "LOCATION"), anchored(text, "国家科技进步一等奖", "AWARD"),
                anchored(text, "王建华", "PERSON"), anchored(text, "北京市", "LOCATION", occurrence=1)]
    for r in all_relations(text, mentions, rules, relation_rules):
        head, tail = entities_of(mentions)[r.head][0], entities_of(mentions)[r.tail][0]
        assert relation_rules.allows(r.type, head, tail)
    assert not pairs(all_relations(text, mentions, rules, relation_rules), "received")


def test_extract_relations_deduplicates(rules, relation_rules):
    text = "王建华获得国家科技进步一等奖。王建华荣获国家科技进步一等奖。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "国家科技进步一等奖", "AWARD"),
                anchored(text, "王建华", "PERSON", occurrence=1),
                anchored(text, "国家科技进步一等奖", "AWARD", occurrence=1)]
    got = [r for r in all_relations(text, mentions, rules, relation_rules) if r.type == "received"]
    assert len(got) == 1
    assert len(got[0].evidence) == 2


def test_extract_relations_never_relates_an_entity_to_itself(rules, relation_rules):
    text = "中关村实验室党委和中关村实验室党委召开会议。"
    mentions = [anchored(text, "中关村实验室党委", "ORG"), anchored(text, "中关村实验室党委", "ORG", occurrence=1)]
    assert all(r.head != r.tail for r in all_relations(text, mentions, rules, relation_rules))


def test_chairing_a_meeting_is_participation(rules, relation_rules):
    # guidelines: `主持会议` → participated_in(person, M), not organized
    text = "王建华主持青年科技工作者座谈会。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "青年科技工作者座谈会", "EVENT")]
    got = all_relations(text, mentions, rules, relation_rules)
    assert pairs(got, "participated_in") == {("王建华", "青年科技工作者座谈会")}
    assert not pairs(got, "organized")


def test_body_represented_by_a_speaker_takes_part(rules, relation_rules):
    # guidelines: a body `代表` by a speaker takes part too
    text = "王建华代表中国科协在第三届青年科技论坛上发言。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "中国科协", "ORG"),
                anchored(text, "第三届青年科技论坛", "EVENT")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "participated_in") == {
        ("王建华", "第三届青年科技论坛"), ("中国科协", "第三届青年科技论坛")}


def test_award_conferred_by_two_bodies(rules, relation_rules):
    # guidelines: awarded_by links the conferring body (`党中央、国务院决定授予`)
    text = "中共中央、国务院决定授予王建华全国教书育人楷模称号。"
    mentions = [anchored(text, "中共中央", "ORG"), anchored(text, "国务院", "ORG"), anchored(text, "王建华", "PERSON"),
                anchored(text, "全国教书育人楷模称号", "AWARD")]
    got = all_relations(text, mentions, rules, relation_rules)
    assert pairs(got, "awarded_by") == {("全国教书育人楷模称号", "中共中央"), ("全国教书育人楷模称号", "国务院")}
    assert pairs(got, "received") == {("王建华", "全国教书育人楷模称号")}


def test_organisation_based_in_a_place(rules, relation_rules):
    # guidelines: located_in ORG → LOCATION, cue 位于
    text = "中关村实验室位于北京市海淀区。"
    mentions = [anchored(text, "中关村实验室", "ORG"), anchored(text, "北京市海淀区", "LOCATION")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "located_in") == {
        ("中关村实验室", "北京市海淀区")}


# --- the whole chain ------------------------------------------------------------------------

def test_chain_holds_position_premier(extract):
    facts = extract("国务院总理李强出席论坛。")
    assert facts.titles("李强", "国务院") == {"总理"}


def test_chain_holds_position_bank_governor_and_section_chief(extract):
    facts = extract("中国人民银行行长易纲出席论坛。到8楼找到负责人张科长。张科长问清缘由。")
    assert facts.titles("易纲", "中国人民银行") == {"行长"}
    assert "张科长" not in facts.names("PERSON")  # a surname and a title: no name


def test_a_possessed_speech_is_its_speaker_s_not_its_clause_subject_s(extract):
    facts = extract("倪虹紧紧围绕学习贯彻习近平总书记在党的二十届四中全会上的重要讲话精神，对全会精神作了深入宣讲。")
    attended = facts.relation_pairs("participated_in")
    assert ("习近平", "党的二十届四中全会") in attended and ("倪虹", "党的二十届四中全会") not in attended
    facts = extract("全国政协召开主席会议。会议传达学习了习近平总书记关于加强和改进人民政协工作的重要讲话精神。")
    assert not {head for head, _ in facts.relation_pairs("participated_in")} & {"人民政协", "习近平"}
    facts = extract("各界人士表示，习近平主席在庆祝澳门回归祖国20周年大会暨澳门特别行政区第五届政府就职典礼上的讲话振奋人心。")
    assert any(event.startswith("庆祝澳门回归祖国20周年大会") for head, event in facts.relation_pairs("participated_in")
               if head == "习近平")  # the ceremony's name alone, or with the inauguration it is joined to (`…大会暨…就职典礼`)


def test_who_speaks_at_a_banquet_takes_part_in_it(extract):
    facts = extract("香港特区政府举行欢迎晚宴。国家主席习近平在香港特区政府欢迎晚宴上指出，香港要把握机遇。")
    assert ("习近平", "香港特区政府欢迎晚宴") in facts.relation_pairs("participated_in")


def test_people_listed_and_counted_before_a_body_s_post_hold_it(extract):
    facts = extract("近日，王建华、李明、张伟等3位中关村实验室老教授给青年科技工作者写信。")
    assert [facts.titles(person, "中关村实验室") for person in ("王建华", "李明", "张伟")] == [{"教授"}] * 3
    facts = extract("王建华、李明等五位全国人大代表团团员出席。")  # the delegation is a body of its own
    assert not facts.titles("王建华", "全国人大")


def test_chain_holds_position_city_committee(extract):
    # guidelines: `北京市委常委于英杰同志` → holds_position(于英杰, 北京市委, 常委)
    facts = extract("北京市委常委于英杰同志出席会议。")
    assert facts.titles("于英杰", "北京市委") == {"常委"}


def test_chain_member_attends_session(extract):
    facts = extract("全国政协委员王建华出席全国政协十四届二次会议。")
    assert facts.titles("王建华", "全国政协") == {"委员"}
    assert ("王建华", "全国政协十四届二次会议") in facts.relation_pairs("participated_in")


def test_chain_two_titles_at_one_body(extract):
    facts = extract("中国科协副主席兼秘书长王建华出席会议。")
    assert facts.titles("王建华", "中国科协") == {"副主席", "秘书长"}


def test_chain_party_committee_part_of_lab(extract):
    facts = extract("中关村实验室党委召开会议。中关村实验室主任王建华出席。")
    assert ("中关村实验室党委", "中关村实验室") in facts.relation_pairs("part_of")
    assert facts.titles("王建华", "中关村实验室") == {"主任"}


def test_chain_party_committee_secretary(extract):
    # `X党委书记Y` → holds_position(Y, X党委, 书记) and X党委 part_of X
    facts = extract("北京市司法局党委书记王建华出席会议。北京市司法局局长李明讲话。")
    assert ("北京市司法局党委", "北京市司法局") in facts.relation_pairs("part_of")
    titles = facts.titles("王建华", "北京市司法局党委")
    assert titles and all("书记" in t for t in titles)
    assert facts.titles("李明", "北京市司法局") == {"局长"}


def test_chain_party_group_secretary(extract):
    facts = extract("国务院党组书记王建华主持会议，传达国务院有关精神。")
    assert "国务院党组" in facts.names("ORG")
    titles = facts.titles("王建华", "国务院党组")
    assert titles and all("书记" in t for t in titles)
    assert ("国务院党组", "国务院") in facts.relation_pairs("part_of")


def test_chain_received_award(extract):
    # `X获得Y一等奖` → received
    facts = extract("中国科协副主席王建华获得国家科技进步一等奖。")
    assert ("王建华", "国家科技进步一等奖") in facts.relation_pairs("received")
    assert facts.titles("王建华", "中国科协") == {"副主席"}


def test_chain_event_in_jing(extract):
    facts = extract("第十届青年科技论坛在京召开。")
    assert ("第十届青年科技论坛", "京") in facts.relation_pairs("located_in")


def test_chain_event_in_a_city(extract):
    facts = extract("第三届青年科技论坛在杭州举行。")
    assert ("第三届青年科技论坛", "杭州") in facts.relation_pairs("located_in")


def test_chain_org_hosts_event(extract):
    facts = extract("中国科协举办青年科技工作者沙龙。")
    assert ("中国科协", "青年科技工作者沙龙") in facts.relation_pairs("organized")
    facts = extract("青年科技论坛由中国科协主办。")
    assert ("中国科协", "青年科技论坛") in facts.relation_pairs("organized")


def test_chain_award_granted_by_body(extract):
    facts = extract("中国科协授予王建华同志全国优秀科技工作者称号。")
    awards = [a for a in facts.names("AWARD") if "全国优秀科技工作者" in a]
    assert len(awards) == 1
    assert ("王建华", awards[0]) in facts.relation_pairs("received")
    assert (awards[0], "中国科协") in facts.relation_pairs("awarded_by")


def test_chain_relations_reference_entities_and_respect_types(extract, relation_rules):
    facts = extract("北京市委常委于英杰同志在京出席第三届青年科技论坛。中关村实验室党委书记王建华获得先进个人称号。"
                    "中关村实验室举办青年科技工作者沙龙。")
    types = {e.id: e.type for e in facts.result.entities}
    for r in facts.result.relations:
        assert r.head in types and r.tail in types
        assert relation_rules.allows(r.type, types[r.head], types[r.tail])
        for span in r.evidence:
            assert facts.text[span.start:span.end].strip() == span.text


# --- appointments, officers' posts, ceremonies, winners, bare titles, whole words ------------

def test_appointment_gives_each_named_person_the_post(rules, relation_rules):
    text = "会议决定王建华、李明同志为中国科协副主席。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "李明", "PERSON"), anchored(text, "中国科协", "ORG")]
    got = tuples(all_relations(text, mentions, rules, relation_rules))
    assert ("holds_position", "王建华", "中国科协", "副主席") in got
    assert ("holds_position", "李明", "中国科协", "副主席") in got


@pytest.mark.parametrize("verb", ["当选", "再次当选", "连任", "当选为"])
def test_an_election_without_wei_gives_the_post_as_one_with_it_does(rules, relation_rules, verb):
    text = f"多国政党祝贺习近平{verb}中共中央总书记。"
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "中共中央", "ORG")]
    assert ("holds_position", "习近平", "中共中央", "总书记") in tuples(all_relations(text, mentions, rules, relation_rules))
    text = f"多国政党祝贺习近平主席{verb}中共中央总书记。"  # a title after the name
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "中共中央", "ORG")]
    assert ("holds_position", "习近平", "中共中央", "总书记") in tuples(all_relations(text, mentions, rules, relation_rules))


def test_appointment_with_adverbials_before_the_verb_lists_every_post(rules, relation_rules):
    text = "李明曾担任全国文联委员、中国作协副主席、常务理事。"
    mentions = [anchored(text, "李明", "PERSON"), anchored(text, "全国文联", "ORG"), anchored(text, "中国作协", "ORG")]
    got = all_relations(text, mentions, rules, relation_rules)
    assert {(r.head, r.tail, r.title, r.status) for r in got if r.type == "holds_position"} == {
        ("PERSON:李明", "ORG:全国文联", "委员", "former"), ("PERSON:李明", "ORG:中国作协", "副主席", "former")}
    text = "王建华１９５３年调任中央电影局主任。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "中央电影局", "ORG")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "holds_position") == {("王建华", "中央电影局")}
    text = "去年，吴官正同志到山东担任山东省委书记不久，就提出要求。"  # where the post was taken up
    mentions = [anchored(text, "吴官正", "PERSON"), anchored(text, "山东", "LOCATION"), anchored(text, "山东省委", "ORG")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "holds_position") == {("吴官正", "山东省委")}
    text = "谢希德生前是复旦大学教授，长期从事物理研究。"  # an obituary's post held until death
    mentions = [anchored(text, "谢希德", "PERSON"), anchored(text, "复旦大学", "ORG")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "holds_position") == {("谢希德", "复旦大学")}


def test_a_clause_that_begins_with_the_appointment_verb_states_the_biography_s_subject_s_posts(rules, relation_rules):
    text = ("牟爱牧是四川人。１９３８年恢复组织关系。解放战争期间，先后任八路军办事处总务科科长，延安招待所处长。"
            "新中国成立后，曾任二机部办公厅顾问。")
    names = [("牟爱牧", "PERSON"), ("八路军办事处总务科", "ORG"), ("延安招待所", "ORG"), ("二机部办公厅", "ORG")]
    mentions = [anchored(text, n, t) for n, t in names]
    got = all_relations(text, mentions, rules, relation_rules)
    assert {(name(r.tail), r.title) for r in got if r.type == "holds_position" and name(r.head) == "牟爱牧"} == {
        ("八路军办事处总务科", "科长"), ("延安招待所", "处长"), ("二机部办公厅", "顾问")}


def test_who_joins_a_party_is_its_member_the_subject_said_or_not(rules, relation_rules):
    text = ("欧阳洛，1900年出生于江西永新县。1924年加入中国共产党。1929年9月，欧阳洛被调往湖北。次年2月开始担任湖北省委书记。"
            "黄公略1927年加入了中国共产党。王建华说，李明加入世界贸易组织谈判。")
    names = [("欧阳洛", "PERSON"), ("中国共产党", "ORG"), ("湖北省委", "ORG"), ("黄公略", "PERSON"), ("王建华", "PERSON"),
             ("李明", "PERSON"), ("世界贸易组织", "ORG")]
    mentions = sorted([anchored(text, n, t) for n, t in names] + [anchored(text, "中国共产党", "ORG", 1)],
                      key=lambda m: m.start)
    got = all_relations(text, mentions, rules, relation_rules)
    assert {(name(r.head), name(r.tail), r.title) for r in got if r.type == "holds_position"} == {
        ("欧阳洛", "中国共产党", "党员"), ("欧阳洛", "湖北省委", "书记"), ("黄公略", "中国共产党", "党员")}  # no party, no member


def test_an_unsaid_subject_is_none_where_the_clause_names_a_person_or_the_title_a_state(rules, relation_rules):
    text = "刘金生被判刑。曾任靖江市委副书记的王新民受贿。布莱尔访华。担任欧盟轮值主席国是一个机会。"
    names = [("刘金生", "PERSON"), ("靖江市委", "ORG"), ("王新民", "PERSON"), ("布莱尔", "PERSON"), ("欧盟", "ORG")]
    got = all_relations(text, [anchored(text, n, t) for n, t in names], rules, relation_rules)
    assert pairs(got, "holds_position") <= {("王新民", "靖江市委")}

def test_a_copula_before_a_post_states_it_as_an_appointment_verb_does(rules, relation_rules):
    for text, status in (("王建华是鄢家河村党支部副书记。", "current"), ("王建华原是山东省日照市委书记。", "former"),
                         ("王建华现在担任空军指挥学院副院长。", "current")):
        org = next(o for o in ("鄢家河村党支部", "山东省日照市委", "空军指挥学院") if o in text)
        mentions = [anchored(text, "王建华", "PERSON"), anchored(text, org, "ORG")]
        got = all_relations(text, mentions, rules, relation_rules)
        assert [(r.head, r.tail, r.status) for r in got if r.type == "holds_position"] == [
            ("PERSON:王建华", f"ORG:{org}", status)]


def test_a_bracket_of_posts_after_a_name_gives_the_person_those_posts(rules, relation_rules):
    text = "闵耀良（农业部市场信息司司长）：要以市场需求为导向。王建华（原北京市委委员、常委）说。"
    mentions = [anchored(text, "闵耀良", "PERSON"), anchored(text, "农业部市场信息司", "ORG"),
                anchored(text, "王建华", "PERSON"), anchored(text, "北京市委", "ORG")]
    got = all_relations(text, mentions, rules, relation_rules)
    assert {(r.head, r.tail, r.title, r.status) for r in got if r.type == "holds_position"} == {
        ("PERSON:闵耀良", "ORG:农业部市场信息司", "司长", "current"), ("PERSON:王建华", "ORG:北京市委", "委员", "former"),
        ("PERSON:王建华", "ORG:北京市委", "常委", "former")}
    text = "李明（北京大学校长，1998年）说。"  # the bracket holds more than posts
    mentions = [anchored(text, "李明", "PERSON"), anchored(text, "北京大学", "ORG")]
    assert not [r for r in all_relations(text, mentions, rules, relation_rules) if r.type == "holds_position"]
    # more posts may follow those read, a unit nothing found or roles, ending in a title
    text = "罗明（中央电视台副总编辑、总编室主任）：坚持精品。王明（原中顾委委员，《潘汉年》总策划、总顾问）说。"
    mentions = [anchored(text, "罗明", "PERSON"), anchored(text, "中央电视台", "ORG"), anchored(text, "王明", "PERSON"),
                anchored(text, "中顾委", "ORG")]
    got = all_relations(text, mentions, rules, relation_rules)
    assert {(r.head, r.tail, r.title, r.status) for r in got if r.type == "holds_position"} == {
        ("PERSON:罗明", "ORG:中央电视台", "副总编辑", "current"), ("PERSON:王明", "ORG:中顾委", "委员", "former")}
    text = "杨伟光（中央电视台台长、《潘汉年》总监制）：这部剧好。"  # or one more item of the description after a list's mark
    mentions = [anchored(text, "杨伟光", "PERSON"), anchored(text, "中央电视台", "ORG")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "holds_position") == {("杨伟光", "中央电视台")}


def test_posts_set_off_after_a_name_that_end_their_clause_are_the_persons(rules, relation_rules):
    text = "名单：春天的故事王建国上海交通大学副校长\n本文作者张立，北京医科大学神经科学研究所所长、中国科学院院士、博士生导师。"
    names = {"王建国": "PERSON", "上海交通大学": "ORG", "张立": "PERSON", "北京医科大学神经科学研究所": "ORG", "中国科学院": "ORG"}
    mentions = [anchored(text, name, kind) for name, kind in names.items()]
    assert {t for t in tuples(all_relations(text, mentions, rules, relation_rules)) if t[0] == "holds_position"} == {
        ("holds_position", "王建国", "上海交通大学", "副校长"), ("holds_position", "张立", "北京医科大学神经科学研究所", "所长"),
        ("holds_position", "张立", "中国科学院", "院士")}
    text = "活佛王明，中国佛教协会副会长、拉卜楞寺活佛李强出席。"  # the list's next post, of the next name
    mentions = [anchored(text, "王明", "PERSON"), anchored(text, "中国佛教协会", "ORG"), anchored(text, "李强", "PERSON")]
    assert not [r for r in all_relations(text, mentions, rules, relation_rules) if r.head == "PERSON:王明"]


def test_an_appointment_reads_a_title_with_its_rank(rules, relation_rules):
    text = "任命王建华为最高人民检察院副检察长、检察委员会委员。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "最高人民检察院", "ORG"), anchored(text, "检察委员会", "ORG")]
    assert {t for t in tuples(all_relations(text, mentions, rules, relation_rules)) if t[0] == "holds_position"} == {
        ("holds_position", "王建华", "最高人民检察院", "副检察长"), ("holds_position", "王建华", "检察委员会", "委员")}


def test_committee_ranks_listed_after_a_rank_are_posts_at_the_committee(rules, relation_rules):
    for text in ("会议决定，王建华同志任河北省委委员、常委、书记。", "河北省委委员、常委、书记王建华出席。"):
        mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "河北省委", "ORG")]
        got = tuples(all_relations(text, mentions, rules, relation_rules))
        assert {t for t in got if t[0] == "holds_position"} == {
            ("holds_position", "王建华", "河北省委", title) for title in ("委员", "常委", "书记")}
    text = "王建华同志任北京市委常委、副市长。"  # a city's deputy mayor holds no post at its party committee
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "北京市委", "ORG")]
    assert {t[3] for t in tuples(all_relations(text, mentions, rules, relation_rules))} == {"常委"}


def test_an_appointment_passes_over_a_post_of_no_body_named_and_reads_on_after_he_and_jian(rules, relation_rules):
    text = "王建华先后担任浙江省委副书记、代省长和省委书记，福建省委常委。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "浙江省委", "ORG"), anchored(text, "省委", "ORG", 1),
                anchored(text, "福建省委", "ORG")]
    assert {t[2:] for t in tuples(all_relations(text, mentions, rules, relation_rules)) if t[0] == "holds_position"} == {
        ("浙江省委", "副书记"), ("省委", "书记"), ("福建省委", "常委")}  # 代省长: the government is not named
    text = "2008年，王建华赴任世界银行副行长兼首席经济学家。"  # after 兼, a second post at the body
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "世界银行", "ORG")]
    assert {t[2:] for t in tuples(all_relations(text, mentions, rules, relation_rules)) if t[0] == "holds_position"} == {
        ("世界银行", "副行长"), ("世界银行", "首席经济学家")}
    text = "王建华任浙江省委副书记、省长李明出席。"  # another person's title ends the list
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "浙江省委", "ORG"), anchored(text, "李明", "PERSON")]
    assert {t[2:] for t in tuples(all_relations(text, mentions, rules, relation_rules))
            if t[0] == "holds_position" and t[1] == "王建华"} == {("浙江省委", "副书记")}


def test_preposition_wei_after_an_adverb_appoints_no_one(rules, relation_rules):
    text = "王建华还为北京大学学生作报告。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "北京大学", "ORG")]
    assert not pairs(all_relations(text, mentions, rules, relation_rules), "holds_position")


def test_a_bodys_members_without_a_name_after_them_stand_for_the_body(rules, relation_rules):
    text = "国家科学技术奖励大会在京举行。国家科技领导小组成员，奖励委员会委员，获奖代表参加大会。领导小组成员王建华讲话。"
    mentions = [anchored(text, "国家科学技术奖励大会", "EVENT"), anchored(text, "国家科技领导小组", "ORG"),
                anchored(text, "奖励委员会", "ORG"),
                anchored(text, "领导小组", "ORG", occurrence=1, entity="ORG:国家科技领导小组"), anchored(text, "王建华", "PERSON")]
    got = all_relations(text, mentions, rules, relation_rules, main_event="EVENT:国家科学技术奖励大会")
    assert {("国家科技领导小组", "国家科学技术奖励大会"), ("奖励委员会", "国家科学技术奖励大会")} <= pairs(got, "participated_in")
    assert ("holds_position", "王建华", "国家科技领导小组", "成员") in tuples(got)
    text = "国家科学技术奖励大会在京举行。中共中央政治局常委、领导小组组长王建华出席大会。"  # a chain goes on to a name
    mentions = [anchored(text, "国家科学技术奖励大会", "EVENT"), anchored(text, "中共中央政治局", "ORG"),
                anchored(text, "领导小组", "ORG"), anchored(text, "王建华", "PERSON")]
    got = all_relations(text, mentions, rules, relation_rules, main_event="EVENT:国家科学技术奖励大会")
    assert pairs(got, "participated_in") == {("王建华", "国家科学技术奖励大会")}


def test_a_bare_leading_group_stands_for_the_group_the_document_names(extract):
    facts = extract("全国科技工作领导小组在京召开会议。领导小组成员王建华、李明参加会议。")
    assert facts.titles("王建华", "全国科技工作领导小组") == {"成员"}
    assert facts.titles("李明", "全国科技工作领导小组") == {"成员"}


@pytest.mark.parametrize("text, person, body, title", [
    ("闻喜县新华书店送书下乡。书店副经理任随意很快联系出版社。", "任随意", "闻喜县新华书店", "副经理"),
    ("第九届亚运会组委会今天成立。组委会主席王强说，筹备顺利。", "王强", "第九届亚运会组委会", "主席"),
    ("河西医院实行院长负责制。医院院长宋国桐说，人心稳定。", "宋国桐", "河西医院", "院长"),
])
def test_a_bare_bookshop_committee_or_hospital_stands_for_the_one_the_document_names(extract, text, person, body, title):
    assert extract(text).titles(person, body) == {title}


def test_a_post_of_one_state_body_is_held_there_where_the_document_names_it(rules, relation_rules):
    text = "国务院举行团拜会。国务委员李铁映、迟浩田出席。全国人大常委会开会，张春贤副委员长主持。"
    mentions = [anchored(text, "国务院", "ORG"), anchored(text, "李铁映", "PERSON"), anchored(text, "迟浩田", "PERSON"),
                anchored(text, "全国人大常委会", "ORG"), anchored(text, "张春贤", "PERSON")]
    got = tuples(all_relations(text, mentions, rules, relation_rules))
    assert {t for t in got if t[0] == "holds_position"} == {
        ("holds_position", "李铁映", "国务院", "国务委员"), ("holds_position", "迟浩田", "国务院", "国务委员"),
        ("holds_position", "张春贤", "全国人大常委会", "副委员长")}
    text = "李强同新加坡总理黄循财会谈。黄循财总理表示感谢。国务院有关部门负责人参加。副总理王明出席。"
    mentions = [anchored(text, "李强", "PERSON"), anchored(text, "新加坡", "LOCATION"), anchored(text, "黄循财", "PERSON"),
                anchored(text, "黄循财", "PERSON", occurrence=1), anchored(text, "国务院", "ORG"), anchored(text, "王明", "PERSON")]
    got = pairs(all_relations(text, mentions, rules, relation_rules), "holds_position")
    assert got == {("王明", "国务院")}  # a foreign premier holds no post at the State Council
    text = "国务院召开会议。中共中央政治局委员、国务委员兼外交部长王明出席。新加坡总理兼国防部长黄循财访华。"
    mentions = [anchored(text, "国务院", "ORG"), anchored(text, "中共中央政治局", "ORG"), anchored(text, "外交部", "ORG"),
                anchored(text, "王明", "PERSON"), anchored(text, "新加坡", "LOCATION"), anchored(text, "国防部", "ORG"),
                anchored(text, "黄循财", "PERSON")]
    got = tuples(all_relations(text, mentions, rules, relation_rules))
    assert ("holds_position", "王明", "国务院", "国务委员") in got  # the post a chain shares by 兼
    assert not [t for t in got if t[1] == "黄循财" and t[2] == "国务院"]
    text = "国务院召开会议。政治局委员李华和国务委员兼国家科委主任王明出席。"
    mentions = [anchored(text, "国务院", "ORG"), anchored(text, "李华", "PERSON"), anchored(text, "国家科委", "ORG"),
                anchored(text, "王明", "PERSON")]
    got = tuples(all_relations(text, mentions, rules, relation_rules))
    assert ("holds_position", "王明", "国务院", "国务委员") in got  # a chain after a conjunction
    text = "国务院召开会议。中共中央政治局委员、国务委员王明出席。"  # the body before 、 is the earlier post's
    mentions = [anchored(text, "国务院", "ORG"), anchored(text, "中共中央政治局", "ORG"), anchored(text, "王明", "PERSON")]
    got = tuples(all_relations(text, mentions, rules, relation_rules))
    assert {("holds_position", "王明", "国务院", "国务委员"), ("holds_position", "王明", "中共中央政治局", "委员")} <= got


def test_appointment_needs_the_verb(rules, relation_rules):
    text = "王建华和中国科协副主席李明座谈。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "中国科协", "ORG"), anchored(text, "李明", "PERSON")]
    got = tuples(all_relations(text, mentions, rules, relation_rules))
    assert ("holds_position", "李明", "中国科协", "副主席") in got
    assert not any(head == "王建华" for kind, head, _, _ in got if kind == "holds_position")


def test_officer_title_after_a_name_is_held_at_the_documents_institution(rules, relation_rules):
    text = "中关村实验室召开大会。王建华主任讲话。中关村实验室将继续努力。"
    mentions = [anchored(text, "中关村实验室", "ORG"), anchored(text, "王建华", "PERSON"),
                anchored(text, "中关村实验室", "ORG", occurrence=1)]
    got = tuples(all_relations(text, mentions, rules, relation_rules))
    assert ("holds_position", "王建华", "中关村实验室", "主任") in got


def test_government_title_after_a_name_is_not_guessed(rules, relation_rules):
    text = "中关村实验室召开大会。王建华副总理讲话。"
    mentions = [anchored(text, "中关村实验室", "ORG"), anchored(text, "王建华", "PERSON")]
    assert not pairs(all_relations(text, mentions, rules, relation_rules), "holds_position")


def test_ceremony_confers_the_awards_of_its_document(rules, relation_rules):
    text = "全国科技奖励大会在京举行。王建华获得国家科技进步一等奖。"
    mentions = [anchored(text, "全国科技奖励大会", "EVENT"), anchored(text, "王建华", "PERSON"),
                anchored(text, "国家科技进步一等奖", "AWARD")]
    got = all_relations(text, mentions, rules, relation_rules)
    assert ("国家科技进步一等奖", "全国科技奖励大会") in pairs(got, "awarded_by")
    assert ("王建华", "国家科技进步一等奖") in pairs(got, "received")


def test_an_ordinary_meeting_confers_nothing(rules, relation_rules):
    text = "全国科技工作会议在京举行。王建华曾获国家科技进步一等奖。"
    mentions = [anchored(text, "全国科技工作会议", "EVENT"), anchored(text, "王建华", "PERSON"),
                anchored(text, "国家科技进步一等奖", "AWARD")]
    assert not pairs(all_relations(text, mentions, rules, relation_rules), "awarded_by")


def test_winners_in_a_relative_clause_follow_the_award(rules, relation_rules):
    text = "李明向获得国家最高科学技术奖的王建华院士和赵华院士颁发奖章。"
    mentions = [anchored(text, "李明", "PERSON"), anchored(text, "国家最高科学技术奖", "AWARD"),
                anchored(text, "王建华", "PERSON"), anchored(text, "赵华", "PERSON")]
    got = pairs(all_relations(text, mentions, rules, relation_rules), "received")
    assert got == {("王建华", "国家最高科学技术奖"), ("赵华", "国家最高科学技术奖")}


def test_a_bare_title_held_by_one_person_refers_to_them(rules, relation_rules):
    text = "中共中央总书记王建华出席论坛。总书记参加青年科技论坛。"
    mentions = [anchored(text, "中共中央", "ORG"), anchored(text, "王建华", "PERSON"),
                anchored(text, "青年科技论坛", "EVENT")]
    got = pairs(all_relations(text, mentions, rules, relation_rules), "participated_in")
    assert ("王建华", "青年科技论坛") in got


def test_a_bare_title_held_by_two_people_stays_unresolved(rules, relation_rules):
    text = "国务院副总理王建华、国务院副总理李明出席大会。副总理参加青年科技论坛。"
    mentions = [anchored(text, "国务院", "ORG"), anchored(text, "王建华", "PERSON"),
                anchored(text, "国务院", "ORG", occurrence=1), anchored(text, "李明", "PERSON"),
                anchored(text, "青年科技论坛", "EVENT")]
    got = pairs(all_relations(text, mentions, rules, relation_rules), "participated_in")
    assert not any(tail == "青年科技论坛" for _, tail in got)


def test_triggers_must_be_whole_words_when_a_segmenter_is_given(relation_rules):
    from pipeline.relations.triggers import sentence_triggers

    text = "王建华获取了数据。"
    inside_a_word = lambda t, start, end: False  # noqa: E731  (a segmenter that sees no word there)
    assert sentence_triggers(text, (0, len(text)), relation_rules, [])
    assert not sentence_triggers(text, (0, len(text)), relation_rules, [], inside_a_word)


def test_those_who_attended_the_gala_an_agent_held_took_part_in_it(extract):
    facts = extract("新华社北京1月4日电 全国人大常委会委员长乔石今天晚上观看了由中华慈善总会举办的“慈善之春”芭蕾舞专场晚会。"
                    "全国人大常委会副委员长王光英等出席了晚会。")
    gala = "“慈善之春”芭蕾舞专场晚会"
    assert ("王光英", gala) in facts.relation_pairs("participated_in")
    assert ("中华慈善总会", gala) in facts.relation_pairs("organized")


@pytest.mark.parametrize("text, event, expected", [
    ("在中共中央政治局第八次集体学习中，习近平总书记指明路径。", "中共中央政治局第八次集体学习", {("习近平", "中共中央政治局第八次集体学习")}),
    ("在全国两会上，王建华和李明提出建议。", "全国两会", {("王建华", "全国两会"), ("李明", "全国两会")}),
    # an event yet to be held frames nothing; nor one that is no frame of its own clause
    ("在即将召开的上海合作组织青岛峰会上，王建华将讲话。", "上海合作组织青岛峰会", set()),
    ("王建华在全国两会上提出，李明赞同。", "全国两会", set()),
    # the event's name and 上 alone frame too, also after a relative clause of its holding
    ("全国两会上，王建华提出建议。", "全国两会", {("王建华", "全国两会")}),
    ("今年3月召开的全国两会上，王建华提出建议。", "全国两会", {("王建华", "全国两会")}),
    ("今年3月所说的全国两会上，王建华提出建议。", "全国两会", set()),
    # or after when it was held; and so does the name and 期间
    ("2015年全国两会上，王建华提出建议。", "全国两会", {("王建华", "全国两会")}),
    ("去年全国两会期间，王建华提出建议。", "全国两会", {("王建华", "全国两会")}),
    ("李明说全国两会上，王建华提出建议。", "全国两会", set()),
    # 在 and the name alone frame too, but not a name that is no whole clause after 在
    ("在全国两会，王建华提出建议。", "全国两会", {("王建华", "全国两会")}),
    ("在北京举办全国两会，王建华提出建议。", "全国两会", set()),
    # a list whose items are each named with a post (`民革中央主席万鄂湘、民盟中央主席丁仲礼…`)
    ("在全国两会上，民盟中央主席王建华、民建中央主席李明和习近平回答了记者提问。", "全国两会",
     {("王建华", "全国两会"), ("李明", "全国两会"), ("习近平", "全国两会")}),
])
def test_the_people_a_clause_names_first_take_part_in_the_event_framing_it(relation_rules, text, event, expected):
    names = [n for n in ("王建华", "李明", "习近平") if n in text]
    mentions = sorted([anchored(text, event, "EVENT")] + [anchored(text, n, "PERSON") for n in names], key=lambda m: m.start)
    got = frame_relations(text, split_sentences(text), mentions, relation_rules)
    assert pairs(got, "participated_in") == expected


@pytest.mark.parametrize("text, expected", [
    ("在今天举行的国务院政策例行吹风会上，商务部、工业和信息化部等部门介绍，消费将恢复。",
     {("商务部", "国务院政策例行吹风会"), ("工业和信息化部", "国务院政策例行吹风会")}),
    # a clause that names a person speaks of the person, whatever body it names first
    ("在今天举行的国务院政策例行吹风会上，商务部副部长盛秋平介绍，消费将恢复。", {("盛秋平", "国务院政策例行吹风会")}),
    # a body that is no first name of the clause is what it speaks of, not who speaks
    ("在今天举行的国务院政策例行吹风会上，据介绍，商务部将出台措施。", set()),
    # the name and 期间 alone mark a time the bodies were busy in, not an event they attended
    ("国务院政策例行吹风会期间，商务部将出台措施。", set()),
    ("在国务院政策例行吹风会期间，商务部介绍，消费将恢复。", {("商务部", "国务院政策例行吹风会")}),
])
def test_the_bodies_a_clause_without_people_lists_first_take_part_in_the_event_framing_it(relation_rules, text, expected):
    event = "国务院政策例行吹风会"
    mentions = sorted([anchored(text, event, "EVENT")] + [anchored(text, n, "ORG") for n in ("商务部", "工业和信息化部") if n in text]
                      + ([anchored(text, "盛秋平", "PERSON")] if "盛秋平" in text else []), key=lambda m: m.start)
    got = frame_relations(text, split_sentences(text), mentions, relation_rules)
    assert pairs(got, "participated_in") == expected


@pytest.mark.parametrize("text, expected", [
    ("李明传达了王建华同志在全国两会上的报告。", {("王建华", "全国两会")}),  # the speaker, not who relays it
    ("王建华和李明在全国两会期间接受采访。", {("王建华", "全国两会"), ("李明", "全国两会")}),
    ("王建华总书记在全国两会间隙会见李明。", {("王建华", "全国两会")}),
    ("王建华同志在全国两会报告中提出目标。", {("王建华", "全国两会")}),  # the speech given there
    ("王建华在全国两会召开前会见李明。", set()),  # before it, no frame end after its name
    ("王建华在即将召开的全国两会上讲话。", set()),  # no name right after 在: yet to be held
    ("王建华在去年举行的全国两会上重申立场。", {("王建华", "全国两会")}),  # a relative clause of its holding
    ("王建华在本届全国两会上的讲话。", {("王建华", "全国两会")}),  # which session: no part of the name
    ("王建华在今年的全国两会上指出方向。", {("王建华", "全国两会")}),  # when
    ("王建华在本地全国两会上讲话。", set()),
    ("王建华在即将举行的全国两会上讲话。", set()),
    ("王建华在北京，李明举行的全国两会上讲话。", set()),  # no clause mark inside
    ("王建华主席同李明总统在全国两会期间会晤。", {("王建华", "全国两会"), ("李明", "全国两会")}),  # whom he met there
    ("王建华说，李明在全国两会期间会晤了代表。", {("李明", "全国两会")}),  # who reports is no companion
])
def test_a_person_right_before_an_event_framed_by_zai_takes_part_in_it(rules, relation_rules, text, expected):
    names = [n for n in ("王建华", "李明") if n in text]
    mentions = sorted([anchored(text, "全国两会", "EVENT")] + [anchored(text, n, "PERSON") for n in names],
                      key=lambda m: m.start)
    got = inline_frame_relations(text, mentions, rules.titles, relation_rules)
    assert pairs(got, "participated_in") == expected


def test_a_body_right_before_an_event_framed_by_zai_takes_part_in_it(rules, relation_rules):
    text = "安徽省代表团在八运会上获5枚金牌，江苏省代表团和上海市代表团在八运会期间创造纪录。"
    bodies = ("安徽省代表团", "江苏省代表团", "上海市代表团")
    mentions = sorted([anchored(text, b, "ORG") for b in bodies]
                      + [anchored(text, "八运会", "EVENT", n) for n in (0, 1)],
                      key=lambda m: m.start)
    got = inline_frame_relations(text, mentions, rules.titles, relation_rules)
    assert pairs(got, "participated_in") == {(b, "八运会") for b in bodies}


@pytest.mark.parametrize("text, expected", [
    ("李明主持召开党组会议，学习十九届三中全会精神。王建华同志在全会上作了报告。", {("王建华", "十九届三中全会")}),
    ("李明主持召开党组会议，学习十九届三中全会精神。王建华在会议期间会见了他。", {("王建华", "党组会议")}),
    ("李明主持召开党组会议。王建华在全会上作了报告。", set()),  # no plenum named before
])
def test_the_end_of_an_event_s_name_after_zai_stands_for_the_event(rules, relation_rules, text, expected):
    names = ("李明", "王建华")
    mentions = sorted([anchored(text, n, "PERSON") for n in names] + [anchored(text, "党组会议", "EVENT")]
                      + ([anchored(text, "十九届三中全会", "EVENT")] if "十九届三中全会" in text else []),
                      key=lambda m: m.start)
    got = inline_frame_relations(text, mentions, rules.titles, relation_rules, "EVENT:党组会议")
    assert pairs(got, "participated_in") == expected


@pytest.mark.parametrize("text, expected", [
    ("座谈会举行。会上，王建华介绍了经验。", {("王建华", "青年科技座谈会")}),
    ("座谈会举行。座谈会上，王建华介绍了经验。", {("王建华", "青年科技座谈会")}),
    ("座谈会举行。晚会上，王建华介绍了经验。", set()),  # no word of the document's event
])
def test_a_word_referring_back_to_the_document_s_event_frames_it(relation_rules, text, expected):
    mentions = [anchored(text, "王建华", "PERSON")]
    got = frame_relations(text, split_sentences(text), mentions, relation_rules, "EVENT:青年科技座谈会")
    assert pairs(got, "participated_in") == expected


def test_bodies_whose_office_holders_attend_take_part(rules, relation_rules):
    text = "花篮仪式举行。在京中央书记处书记，部分全国人大常委会副委员长，国务委员，最高人民法院院长出席仪式。"
    bodies = [anchored(text, n, "ORG") for n in ("中央书记处", "全国人大常委会", "最高人民法院")]
    got = office_holder_relations(text, split_sentences(text), bodies, "EVENT:花篮仪式", rules.titles, relation_rules)
    assert pairs(got, "participated_in") == {(n, "花篮仪式") for n in ("中央书记处", "全国人大常委会", "最高人民法院")}
    named = "花篮仪式举行。全国人大常委会副委员长王建华，最高人民法院院长李明出席仪式。"  # their posts, not the bodies
    mentions = [anchored(named, n, "ORG") for n in ("全国人大常委会", "最高人民法院")] + [
        anchored(named, n, "PERSON") for n in ("王建华", "李明")]
    assert list(office_holder_relations(named, split_sentences(named), mentions, "EVENT:花篮仪式", rules.titles,
                                        relation_rules)) == []


def test_a_titled_name_that_makes_up_a_clause_before_the_trigger_s_is_one_of_its_heads(rules, relation_rules):
    text = "中共中央政治局委员、中央办公厅主任王建华，国务委员李明、张华出席欢迎仪式。"
    mentions = [anchored(text, "中共中央政治局", "ORG"), anchored(text, "中央办公厅", "ORG"), anchored(text, "王建华", "PERSON"),
                anchored(text, "李明", "PERSON"), anchored(text, "张华", "PERSON"), anchored(text, "欢迎仪式", "EVENT")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "participated_in") == {
        ("王建华", "欢迎仪式"), ("李明", "欢迎仪式"), ("张华", "欢迎仪式")}
    # a post of no body listed before the chain's: `国务委员、|国家民委主任…`
    text = "中共中央政治局委员、国务院秘书长王建华，国务委员、国家民委主任李明，中央统战部部长张华出席了座谈会。"
    mentions = [anchored(text, "中共中央政治局", "ORG"), anchored(text, "国务院", "ORG"), anchored(text, "王建华", "PERSON"),
                anchored(text, "国家民委", "ORG"), anchored(text, "李明", "PERSON"), anchored(text, "中央统战部", "ORG"),
                anchored(text, "张华", "PERSON"), anchored(text, "座谈会", "EVENT")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "participated_in") == {
        ("王建华", "座谈会"), ("李明", "座谈会"), ("张华", "座谈会")}


def test_the_names_listed_in_a_clause_before_the_trigger_s_are_its_heads(rules, relation_rules):
    text = "全国政协副主席王建华、李明、阿沛·阿旺晋美、张华，秘书长赵强出席了常委会会议。"
    people = ("王建华", "李明", "阿沛·阿旺晋美", "张华", "赵强")
    mentions = [anchored(text, "全国政协", "ORG")] + [anchored(text, n, "PERSON") for n in people] + [
        anchored(text, "常委会会议", "EVENT")]
    found = pairs(all_relations(text, mentions, rules, relation_rules), "participated_in")
    assert found == {(n, "常委会会议") for n in people}


def test_the_audience_of_a_performance_takes_part_in_it(relation_rules):
    text = "王建华、李明与首都群众一起欣赏了新年音乐会的精彩节目。张华观看比赛。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "李明", "PERSON"), anchored(text, "新年音乐会", "EVENT"),
                anchored(text, "张华", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {
        ("王建华", "新年音乐会"), ("李明", "新年音乐会")}  # no event named after 观看: nothing


def test_the_visitors_of_an_exhibition_named_after_the_verb_take_part_in_it(relation_rules):
    text = "王建华前往市博物馆，参观“奋斗的足迹——建市40周年成就展”。李明参观展厅。"
    mentions = [anchored(text, "王建华", "PERSON"), anchored(text, "市博物馆", "ORG"),
                anchored(text, "奋斗的足迹——建市40周年成就展", "EVENT"), anchored(text, "李明", "PERSON")]
    assert pairs(trig(text, mentions, relation_rules), "participated_in") == {("王建华", "奋斗的足迹——建市40周年成就展")}


def test_a_place_in_the_trigger_s_clause_is_no_subject_that_ends_the_search_for_heads(relation_rules):
    # `港澳…代表`: places that modify the clause's noun; the bodies of the clauses before take part
    text = "全国人大常委会、国务院领导同志，约700名港澳各界代表出席。"
    mentions = [anchored(text, "全国人大常委会", "ORG"), anchored(text, "国务院", "ORG"), anchored(text, "港", "LOCATION"),
                anchored(text, "澳", "LOCATION")]
    assert pairs(trig(text, mentions, relation_rules, main_event="EVENT:国庆招待会"), "participated_in") == {
        ("全国人大常委会", "国庆招待会"), ("国务院", "国庆招待会")}


def test_the_people_listed_after_an_appointment_s_relative_clause_hold_the_post(rules, relation_rules):
    text = "同时被推选为主席团常务主席的还有王建华、李明和张华。"
    mentions = [anchored(text, "主席团", "ORG")] + [anchored(text, n, "PERSON") for n in ("王建华", "李明", "张华")]
    assert tuples(all_relations(text, mentions, rules, relation_rules)) >= {
        ("holds_position", "王建华", "主席团", "常务主席"), ("holds_position", "李明", "主席团", "常务主席"),
        ("holds_position", "张华", "主席团", "常务主席")}


def test_an_event_that_holds_another_at_a_place_is_there_too(relation_rules):
    text = "十三届全国人大常委会第十一次会议26日在北京人民大会堂举行第二次全体会议。"
    mentions = [anchored(text, "十三届全国人大常委会第十一次会议", "EVENT"), anchored(text, "北京人民大会堂", "LOCATION"),
                anchored(text, "第二次全体会议", "EVENT")]
    got = pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")
    assert got == {("十三届全国人大常委会第十一次会议", "北京人民大会堂"), ("第二次全体会议", "北京人民大会堂")}
    text = "习近平赴巴厘岛出席二十国集团领导人峰会、赴曼谷出席亚太经合组织领导人非正式会议。"  # the first, an object: not there
    mentions = [anchored(text, "习近平", "PERSON"), anchored(text, "巴厘岛", "LOCATION"), anchored(text, "曼谷", "LOCATION"),
                anchored(text, "二十国集团领导人峰会", "EVENT"), anchored(text, "亚太经合组织领导人非正式会议", "EVENT")]
    got = pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")
    assert ("二十国集团领导人峰会", "曼谷") not in got and ("亚太经合组织领导人非正式会议", "曼谷") in got


def test_an_event_a_clause_opened_by_bing_holds_is_at_the_place_of_the_clause_before(relation_rules):
    text = "王明在天津会见新加坡副总理李华，并共同主持中新双边合作联委会第十九次会议。"
    names = {"天津": "LOCATION", "新加坡": "LOCATION", "中新双边合作联委会第十九次会议": "EVENT"}
    mentions = [anchored(text, name, kind) for name, kind in names.items()]
    got = pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")
    assert got == {("中新双边合作联委会第十九次会议", "天津")}
    text = "王明在广州会见李华，在深圳举行会谈，并出席中新合作论坛。"  # the clause between names a place of its own
    names = {"广州": "LOCATION", "深圳": "LOCATION", "会谈": "EVENT", "中新合作论坛": "EVENT"}
    mentions = [anchored(text, name, kind) for name, kind in names.items()]
    got = pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")
    assert got == {("会谈", "深圳"), ("中新合作论坛", "深圳")}
    text = "王明在湖南调研并主持召开先进制造业发展座谈会。"  # the visit goes on to hold it, in its clause
    names = {"湖南": "LOCATION", "先进制造业发展座谈会": "EVENT"}
    mentions = [anchored(text, name, kind) for name, kind in names.items()]
    got = pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")
    assert got == {("先进制造业发展座谈会", "湖南")}
    text = "王明在重庆会见李华，并主持中新合作会议、中新（重庆）互联互通项目理事会会议。"  # up to a place of its own
    names = {"重庆": "LOCATION", "中新合作会议": "EVENT", "互联互通项目理事会会议": "EVENT"}
    mentions = [anchored(text, name, kind) for name, kind in names.items()] + [anchored(text, "重庆", "LOCATION", 1)]
    got = pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")
    assert got == {("中新合作会议", "重庆")}
    text = "王明在浙江舟山、台州考察，并主持召开企业座谈会。"  # which of the places listed, the text does not say
    names = {"浙江舟山": "LOCATION", "台州": "LOCATION", "企业座谈会": "EVENT"}
    mentions = [anchored(text, name, kind) for name, kind in names.items()]
    assert not pairs(location_relations(text, split_sentences(text), mentions, relation_rules), "located_in")


def test_who_gather_at_an_occasion_take_part_in_it(extract):
    facts = extract("国务院在人民大会堂举行国庆招待会。习近平、李克强等党和国家领导人与近500位中外人士欢聚一堂，共庆华诞。")
    assert {("习近平", "国庆招待会"), ("李克强", "国庆招待会")} <= facts.relation_pairs("participated_in")


def test_a_head_of_government_listed_after_a_city_committee_s_post_is_at_that_city_s_government(rules, relation_rules):
    text = "北京市政府和天津市政府发出通知。天津市委书记、市长张立昌出席。"
    mentions = [anchored(text, "北京市政府", "ORG"), anchored(text, "天津市政府", "ORG"), anchored(text, "天津市委", "ORG"),
                anchored(text, "张立昌", "PERSON")]
    found = all_relations(text, mentions, rules, relation_rules)
    assert pairs(found, "holds_position") == {("张立昌", "天津市委"), ("张立昌", "天津市政府")}
    text = "北京市政府发出通知。天津市委书记、市长张立昌出席。"  # the document names no government of that city
    mentions = [anchored(text, "北京市政府", "ORG"), anchored(text, "天津市委", "ORG"), anchored(text, "张立昌", "PERSON")]
    assert pairs(all_relations(text, mentions, rules, relation_rules), "holds_position") == {("张立昌", "天津市委")}


def test_who_perform_at_a_performance_take_part_in_it(relation_rules):
    text = "新年音乐会今晚举行。中国交响乐团、上海交响乐团首次联袂演出。"
    mentions = [anchored(text, "新年音乐会", "EVENT"), anchored(text, "中国交响乐团", "ORG"), anchored(text, "上海交响乐团", "ORG")]
    got = trig(text, mentions, relation_rules, main_event="EVENT:新年音乐会")
    assert pairs(got, "participated_in") == {("中国交响乐团", "新年音乐会"), ("上海交响乐团", "新年音乐会")}


def test_a_body_that_possesses_an_event_holds_it(relation_rules):
    from pipeline.relations.attachments import possessed_event_relations

    text = "国新办的新闻发布会上，外交部介绍了外交部的例行记者会和中国的两会。"
    mentions = [anchored(text, "国新办", "ORG"), anchored(text, "新闻发布会", "EVENT"), anchored(text, "外交部", "ORG"),
                anchored(text, "例行记者会", "EVENT"), anchored(text, "中国", "LOCATION"), anchored(text, "两会", "EVENT")]
    mentions.insert(4, anchored(text, "外交部", "ORG", 1))
    got = pairs(possessed_event_relations(text, mentions, relation_rules), "organized")
    assert got == {("国新办", "新闻发布会"), ("外交部", "例行记者会")}  # a place possesses none; the subject holds none
    flag = "中国代表团的闭幕式旗手是苏翊鸣。"  # the event modifies the noun after it (word analysis: 旗手 a noun)
    mentions = [anchored(flag, "中国代表团", "ORG"), anchored(flag, "闭幕式", "EVENT")]
    noun_starts = frozenset({flag.index("旗手")})
    assert not list(possessed_event_relations(flag, mentions, relation_rules, noun_starts))
    assert pairs(possessed_event_relations(flag, mentions, relation_rules), "organized") == {("中国代表团", "闭幕式")}


def test_who_holds_the_event_a_relative_clause_points_back_to_organised_it(extract):
    facts = extract("首都军民迎新春文艺晚会今晚在中国剧院举行。由民政部、广播电影电视部举办的这台晚会，以歌舞为主。")
    assert facts.relation_pairs("organized") == {("民政部", "首都军民迎新春文艺晚会"), ("广播电影电视部", "首都军民迎新春文艺晚会")}
