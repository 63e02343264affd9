"""pipeline.relations.governments: the government a head of government's title is held at."""
from pipeline.relations.governments import level_government, place_government
from tests.conftest import anchored


def orgs(text, *names):
    return {m.end: m for m in (anchored(text, n, "ORG") for n in names)}


def test_a_place_s_head_of_government_holds_at_its_government_where_the_document_names_it(relation_rules):
    text = "武汉市政府召开会议。"
    assert place_government("武汉市", "市长", orgs(text, "武汉市政府"), relation_rules).entity == "ORG:武汉市政府"
    assert place_government("武汉市", "书记", orgs(text, "武汉市政府"), relation_rules) is None  # no head of government
    assert place_government("青岛市", "市长", orgs(text, "武汉市政府"), relation_rules) is None


def test_a_bare_level_title_holds_at_the_government_of_the_last_committee_s_place_or_the_one_named(relation_rules):
    text = "四川省委召开会议。江西省委书记李明、省长王建华出席。江西省政府发文。"
    found = orgs(text, "四川省委", "江西省委", "江西省政府")
    assert level_government("省长", text.index("省长"), found, relation_rules).entity == "ORG:江西省政府"
    assert level_government("省长", text.index("江西省委"), found, relation_rules) is None  # 四川's: not named
    alone = "安徽省政府召开会议。省长王建华出席。"
    assert level_government("省长", alone.index("省长"), orgs(alone, "安徽省政府"), relation_rules).entity == "ORG:安徽省政府"
    assert level_government("市长", alone.index("省长"), orgs(alone, "安徽省政府"), relation_rules) is None
    bare = "安徽省政府召开会议。省委书记李明、省长王建华出席。"  # 省委 names no place
    found = orgs(bare, "安徽省政府", "省委")
    assert level_government("省长", bare.index("省长"), found, relation_rules).entity == "ORG:安徽省政府"


def test_a_chain_runs_on_past_a_caretaker_government_before_the_post(extract):
    facts = extract("萨摩亚人权保护党领袖、看守政府总理图伊拉埃帕出席会议。")
    assert facts.titles("图伊拉埃帕", "萨摩亚人权保护党") == {"领袖"}
