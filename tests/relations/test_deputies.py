"""pipeline.relations.deputies: a bare title listed after a post at a body, or carried on from it, held at the same body."""
import pytest

from pipeline.relations.deputies import carried_post_relations, listed_deputy_relations, listed_post_relations
from pipeline.relations.titles import title_chain_relations
from tests.conftest import anchored


def chained(text, names, rules, relation_rules):
    """The mentions of `names` in `text` and the title chain's relations over them."""
    mentions = sorted((anchored(text, n, t) for n, t in names), key=lambda m: m.start)
    return mentions, list(title_chain_relations(text, mentions, rules.titles, relation_rules))


def held(relations):
    return {(r.head.split(":", 1)[1], r.tail.split(":", 1)[1], r.title) for r in relations}


def deputies(text, names, rules, relation_rules):
    mentions, chain = chained(text, names, rules, relation_rules)
    return held(listed_deputy_relations(text, mentions, chain, relation_rules.chain_confidence))


def test_a_deputy_listed_after_the_head_of_a_body_holds_the_deputy_s_post_there(rules, relation_rules):
    text = "四川省委书记谢世杰、省长宋宝瑞、副书记张中伟先后到川北革命老区。"
    names = (("四川省委", "ORG"), ("谢世杰", "PERSON"), ("宋宝瑞", "PERSON"), ("张中伟", "PERSON"))
    assert deputies(text, names, rules, relation_rules) == {("张中伟", "四川省委", "副书记")}
    text = "中央组织部部长张全景，副部长赵宗鼐、李建华出席。"
    names = (("中央组织部", "ORG"), ("张全景", "PERSON"), ("赵宗鼐", "PERSON"), ("李建华", "PERSON"))
    assert deputies(text, names, rules, relation_rules) == {("赵宗鼐", "中央组织部", "副部长"),
                                                            ("李建华", "中央组织部", "副部长")}


def test_no_deputy_across_a_sentence_end_nor_of_another_post(rules, relation_rules):
    text = "四川省委书记谢世杰出席。副书记张中伟讲话。"
    names = (("四川省委", "ORG"), ("谢世杰", "PERSON"), ("张中伟", "PERSON"))
    assert deputies(text, names, rules, relation_rules) == set()
    text = "四川省委书记谢世杰、副省长张中伟出席。"  # the deputy of another post: not the committee's
    names = (("四川省委", "ORG"), ("谢世杰", "PERSON"), ("张中伟", "PERSON"))
    assert deputies(text, names, rules, relation_rules) == set()
    text = "四川省委书记谢世杰、省政府党组副书记张中伟出席。"  # a body of its own before the title
    names = (("四川省委", "ORG"), ("谢世杰", "PERSON"), ("省政府党组", "ORG"), ("张中伟", "PERSON"))
    assert deputies(text, names, rules, relation_rules) == set()


def listed_posts(text, names, rules, relation_rules):
    mentions, chain = chained(text, names, rules, relation_rules)
    return held(listed_post_relations(text, mentions, chain, rules.titles, relation_rules))


def test_a_bare_title_right_after_a_name_with_a_post_at_a_body_is_held_there(rules, relation_rules):
    text = "会议听取了市政协副主席张明、秘书长李华和副秘书长王强、赵刚的说明。"
    names = (("市政协", "ORG"), ("张明", "PERSON"), ("李华", "PERSON"), ("王强", "PERSON"), ("赵刚", "PERSON"))
    assert listed_posts(text, names, rules, relation_rules) == {
        ("李华", "市政协", "秘书长"), ("王强", "市政协", "副秘书长"), ("赵刚", "市政协", "副秘书长")}
    text = "中国人民解放军北部战区陆军司令员张明、政委李华出席。"  # the body right before the first title
    names = (("中国人民解放军北部战区陆军", "ORG"), ("张明", "PERSON"), ("李华", "PERSON"))
    assert listed_posts(text, names, rules, relation_rules) == {("李华", "中国人民解放军北部战区陆军", "政委")}


@pytest.mark.parametrize("text, body", [
    ("市委书记张明、市长李华出席。", "市委"),  # a place's head of government: not the committee's
    ("国民议会议长张明和外长李华出席。", "国民议会"),  # a title that names its own body
    ("市政协副主席张明，秘书长李华出席。", "市政协"),  # not listed with the name: a clause of its own
])
def test_no_listed_post_for_a_title_of_another_body_nor_after_a_clause_mark(rules, relation_rules, text, body):
    names = ((body, "ORG"), ("张明", "PERSON"), ("李华", "PERSON"))
    assert listed_posts(text, names, rules, relation_rules) == set()


def carried_posts(text, names, rules, relation_rules):
    mentions, chain = chained(text, names, rules, relation_rules)
    return held(carried_post_relations(text, mentions, chain, rules.titles, relation_rules))


def test_a_bare_title_of_the_same_post_carries_its_body_on_through_a_run_of_reports(rules, relation_rules):
    text = ("会议听取了宪法法律委副主任委员周光权作的刑法修正案草案审议结果的报告。\n"
            "副主任委员徐辉作的长江保护法草案审议结果的报告，主任委员李飞作的乡村振兴促进法草案修改情况的汇报。")
    names = (("宪法法律委", "ORG"), ("周光权", "PERSON"), ("徐辉", "PERSON"), ("李飞", "PERSON"))
    assert carried_posts(text, names, rules, relation_rules) == {
        ("徐辉", "宪法法律委", "副主任委员"), ("李飞", "宪法法律委", "主任委员")}


@pytest.mark.parametrize("text", [
    "宪法法律委副主任委员周光权作了报告。秘书长李飞作了说明。",  # another post: its own body, unsaid
    "宪法法律委副主任委员周光权作了报告。交通运输部部长李小鹏作了说明，副主任委员李飞作了说明。",  # another post between
    "宪法法律委副主任委员周光权作了关于修改刑法、民法典、长江保护法、黄河保护法、湿地保护法、黑土地保护法、"
    "海警法、海上交通安全法、国防法、兵役法和军事设施保护法等七部法律的草案审议结果的报告。副主任委员李飞作了说明。",  # too far
    "宪法法律委副主任委员周光权作了报告。他说副主任委员李飞已出席。",  # not where it opens a clause
])
def test_no_carried_post_for_another_title_after_another_post_far_on_or_inside_a_clause(rules, relation_rules, text):
    names = [("宪法法律委", "ORG"), ("周光权", "PERSON"), ("李飞", "PERSON")]
    names += [("交通运输部", "ORG"), ("李小鹏", "PERSON")] if "李小鹏" in text else []
    assert {r for r in carried_posts(text, names, rules, relation_rules) if r[0] == "李飞"} == set()


def test_a_bare_title_that_stands_for_its_holder_carries_no_post(rules, relation_rules):
    text = "联合国秘书长安南批准了计划。\n秘书长发言人卡洛斯说，安南已通知安理会。"
    mentions = [anchored(text, "联合国", "ORG"), anchored(text, "安南", "PERSON"),
                anchored(text, "发言人", "PERSON", entity="PERSON:卡洛斯"), anchored(text, "卡洛斯", "PERSON")]
    chain = list(title_chain_relations(text, mentions, rules.titles, relation_rules))
    assert list(carried_post_relations(text, mentions, chain, rules.titles, relation_rules)) == []
