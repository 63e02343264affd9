"""pipeline.analysis.resolution: one entity per referent within a document."""
import pytest

from pipeline.analysis.organs import CHAIN_ORGAN
from pipeline.analysis.resolution import canonical_names as _canonical_names
from pipeline.analysis.resolution import entity_id, organs_as_written, session_organs
from pipeline.analysis.resolution import resolve as _resolve
from pipeline.records import Mention
from pipeline.rules import load_schema
from tests.conftest import mention


def canonical_names(mentions, text, rules):
    """pipeline.analysis.resolution.canonical_names with the repository's alias tables."""
    return _canonical_names(mentions, text, rules, load_schema().aliases)


def resolve(mentions, text, original, rules):
    """pipeline.analysis.resolution.resolve with the repository's alias tables."""
    return _resolve(mentions, text, original, rules, load_schema().aliases)


def test_entity_id():
    assert entity_id("ORG", "中关村实验室") == "ORG:中关村实验室"


def test_short_form_resolves_to_the_full_name_in_the_same_document(rules):
    text = "中关村实验室召开会议。实验室主任出席。"
    mentions = [mention(text, "中关村实验室", "ORG"), mention(text, "实验室", "ORG", occurrence=1)]
    names = canonical_names(mentions, text, rules)
    assert names[("ORG", "实验室")] == "中关村实验室"
    assert names[("ORG", "中关村实验室")] == "中关村实验室"


def test_a_country_s_listed_short_form_is_an_alias_of_its_full_name(rules):
    text = "印度尼西亚总统佐科访华。印尼是东盟大国。俄罗斯联邦总统说，俄罗斯愿意合作。"
    mentions = [mention(text, n, "LOCATION") for n in ("印度尼西亚", "印尼", "俄罗斯联邦")] \
        + [mention(text, "俄罗斯", "LOCATION", occurrence=1)]
    names = canonical_names(mentions, text, rules)
    assert names[("LOCATION", "印尼")] == "印度尼西亚"
    assert names[("LOCATION", "俄罗斯")] == "俄罗斯联邦"
    alone = "印尼是东盟大国。"
    assert canonical_names([mention(alone, "印尼", "LOCATION")], alone, rules)[("LOCATION", "印尼")] == "印尼"


def test_a_country_s_one_character_form_is_the_country_written_only_inside_another_name(rules):
    def short_form(text, short):
        mentions = [mention(text, short, "LOCATION", occurrence=text.count(short) - 1)]
        return canonical_names(mentions, text, rules)[("LOCATION", short)]
    assert short_form("俄罗斯国防部22日称，俄军打击了目标。核力量仍是俄优先任务。", "俄") == "俄罗斯"
    assert short_form("中国共产党代表团访问越南。中越两国友好。", "中") == ""  # China's: its bodies go without its name
    assert short_form("上海合作组织秘书长说，沪港两地合作。", "沪") == ""  # a division of China's
    assert short_form("印度尼西亚驻印度大使馆说，中印合作。", "印") == ""  # two full forms written: none chosen
    assert short_form("欧洲议会说，中欧合作。", "欧") == ""  # a continent's


@pytest.mark.parametrize(("text", "etype", "full", "short"), [
    ("话剧《虎踞钟山》轰动京城。北京市民争相观看。", "LOCATION", "北京", "京城"),  # the capital's literary name
    ("石油输出国组织部长级会议在维也纳举行。欧佩克决定减产。", "ORG", "石油输出国组织", "欧佩克"),  # OPEC's usual short form
])
def test_a_listed_short_or_literary_form_is_an_alias_of_the_full_name(rules, text, etype, full, short):
    names = canonical_names([mention(text, short, etype), mention(text, full, etype)], text, rules)
    assert names[(etype, short)] == names[(etype, full)] == full


def test_a_name_with_two_places_written_from_the_other_side_is_the_one_china_opens(rules):
    text = "老中铁路运营良好，中老铁路造福两国。俄中议会合作委员会和美俄峰会、俄美峰会。中日关系。"
    names = {"老中铁路": "LOCATION", "中老铁路": "LOCATION", "俄中议会合作委员会": "ORG", "美俄峰会": "EVENT",
             "俄美峰会": "EVENT"}
    found = canonical_names([mention(text, n, t) for n, t in names.items()], text, rules)
    assert found[("LOCATION", "老中铁路")] == found[("LOCATION", "中老铁路")] == "中老铁路"
    assert found[("EVENT", "美俄峰会")] == found[("EVENT", "俄美峰会")] == "俄美峰会"
    assert found[("ORG", "俄中议会合作委员会")] == "俄中议会合作委员会"  # the other order is not written


def test_a_name_written_again_with_another_dash_is_the_form_written_first(rules):
    text = "李克强向第三届中国—中东欧国家创新合作大会致贺信。第三届中国-中东欧国家创新合作大会6日举行。中国-东盟博览会。"
    names = ["第三届中国—中东欧国家创新合作大会", "第三届中国-中东欧国家创新合作大会", "中国-东盟博览会"]
    found = canonical_names([mention(text, n, "EVENT") for n in names], text, rules)
    assert found[("EVENT", names[1])] == found[("EVENT", names[0])] == names[0]
    assert found[("EVENT", "中国-东盟博览会")] == "中国-东盟博览会"


def test_an_event_s_activities_are_the_event_the_document_names_alone(rules):
    text = "2024年是“中朝友好年”。以“中朝友好年”活动为契机。开展送温暖活动。"
    names = ["中朝友好年", "“中朝友好年”活动", "送温暖活动"]
    found = canonical_names([mention(text, n, "EVENT") for n in names], text, rules)
    assert found[("EVENT", "“中朝友好年”活动")] == "中朝友好年"
    assert found[("EVENT", "送温暖活动")] == "送温暖活动"  # no 送温暖 named alone


def test_the_people_s_liberation_army_by_any_of_its_names_is_one_body(rules):
    text = "感谢人民解放军！解放军情洒灾区。"
    mentions = [mention(text, "人民解放军", "ORG"), mention(text, "解放军", "ORG", occurrence=1)]
    names = canonical_names(mentions, text, rules)
    assert names[("ORG", "解放军")] == names[("ORG", "人民解放军")] == "人民解放军"


def test_a_body_named_with_a_middle_part_left_out_is_its_full_name(rules):
    text = "中央应对新型冠状病毒感染肺炎疫情工作领导小组召开会议。中央应对疫情工作领导小组副组长出席。领导小组成员参加。"
    mentions = [mention(text, "中央应对新型冠状病毒感染肺炎疫情工作领导小组", "ORG"), mention(text, "中央应对疫情工作领导小组", "ORG"),
                mention(text, "领导小组", "ORG", occurrence=2)]
    names = canonical_names(mentions, text, rules)
    assert names[("ORG", "中央应对疫情工作领导小组")] == names[("ORG", "领导小组")] == mentions[0].text
    text = "中华人民共和国香港特别行政区政府和中华人民共和国政府"  # a place left out names another body
    mentions = [mention(text, "中华人民共和国香港特别行政区政府", "ORG"), mention(text, "中华人民共和国政府", "ORG"),
                mention(text, "香港", "LOCATION")]
    assert canonical_names(mentions, text, rules)[("ORG", "中华人民共和国政府")] == "中华人民共和国政府"
    text = "北京大学和北京师范大学"  # a start and an end of two characters: two universities
    mentions = [mention(text, "北京大学", "ORG"), mention(text, "北京师范大学", "ORG")]
    assert canonical_names(mentions, text, rules)[("ORG", "北京大学")] == "北京大学"


def test_a_country_s_party_named_by_the_country_and_dang_is_the_party_the_document_names(rules):
    text = "中共中央致电老挝人民革命党中央委员会，祝贺老挝人民革命党成立70周年。老挝党中央着力巩固党的领导，老挝党团结带领人民。"
    mentions = [mention(text, "老挝人民革命党中央委员会", "ORG"), mention(text, "老挝人民革命党", "ORG", 1),
                mention(text, "老挝党中央", "ORG"), mention(text, "老挝党", "ORG", 1), mention(text, "老挝", "LOCATION")]
    names = canonical_names(mentions, text, rules)
    assert names[("ORG", "老挝党中央")] == "老挝人民革命党中央委员会" and names[("ORG", "老挝党")] == "老挝人民革命党"
    text = "越南共产党和老挝人民革命党的代表团出席。越南党代表团团长致辞。"  # not another country's party
    mentions = [mention(text, "越南共产党", "ORG"), mention(text, "老挝人民革命党", "ORG"), mention(text, "越南党", "ORG"),
                mention(text, "越南", "LOCATION")]
    assert canonical_names(mentions, text, rules)[("ORG", "越南党")] == "越南共产党"
    text = "越南共产党中央委员会和越南祖国阵线。越南党员。"  # the party's committee is no party; 党员 no organ of it
    mentions = [mention(text, "越南共产党中央委员会", "ORG"), mention(text, "越南党", "ORG"), mention(text, "越南", "LOCATION")]
    assert canonical_names(mentions, text, rules)[("ORG", "越南党")] == "越南党"


def test_a_national_body_named_bare_before_another_country_s_is_the_news_country_s(rules):
    text = "外交部长钱其琛会见。英国外交部发表声明。俄外交部称，外交部发言人说"
    bare_first = [mention(text, "外交部", "ORG"), mention(text, "英国外交部", "ORG")]
    assert canonical_names(bare_first, text, rules)[("ORG", "外交部")] == "外交部"
    foreign_first = [mention(text, "俄外交部", "ORG"), mention(text, "外交部", "ORG", occurrence=3)]
    assert canonical_names(foreign_first, text, rules)[("ORG", "外交部")] == "俄外交部"
    text = "纽约市政府宣布。市政府称"  # named before the bare name, a foreign body is its antecedent
    city = [mention(text, "纽约市政府", "ORG"), mention(text, "市政府", "ORG", occurrence=1)]
    assert canonical_names(city, text, rules)[("ORG", "市政府")] == "纽约市政府"


def test_a_body_named_by_a_contraction_of_its_full_name_is_that_body(rules):
    text = ("广播电影电视部和中国作家协会今天召开会议。广电部部长、中国作协主席出席。"
            "大名县经济委员会主任和大名县委书记参加。中直机关工委、中直机关纪律检查工作委员会和中直工委也参加。")
    names = canonical_names([mention(text, name, "ORG") for name in (
        "广播电影电视部", "中国作家协会", "广电部", "中国作协", "大名县经济委员会", "大名县委",
        "中直机关工委", "中直机关纪律检查工作委员会", "中直工委")], text, rules)
    assert names[("ORG", "广电部")] == "广播电影电视部" and names[("ORG", "中国作协")] == "中国作家协会"
    assert names[("ORG", "大名县委")] == "大名县委"  # a level's body, no contraction
    assert names[("ORG", "中直机关工委")] == "中直机关工委"  # a modifier left out of a name kept whole
    assert names[("ORG", "中直工委")] != "中直机关纪律检查工作委员会"  # it could stand for either
    text = "上海合作组织和海湾阿拉伯国家合作委员会发表声明。上合组织秘书长和海合会秘书长出席。"
    names = canonical_names([mention(text, name, "ORG") for name in ("上海合作组织", "海湾阿拉伯国家合作委员会", "上合组织", "海合会")],
                            text, rules)
    assert names[("ORG", "上合组织")] == "上海合作组织" and names[("ORG", "海合会")] == "海湾阿拉伯国家合作委员会"


def test_the_contraction_of_a_body_is_not_the_organ_named_after_it(rules):
    text = "中央纪律检查委员会常务委员会召开会议，中央纪委书记主持。"
    names = canonical_names([mention(text, "中央纪律检查委员会常务委员会", "ORG"), mention(text, "中央纪委", "ORG")],
                            text, rules)
    assert names[("ORG", "中央纪委")] != "中央纪律检查委员会常务委员会"


def test_an_event_named_without_its_year_is_no_short_form_of_an_earlier_edition(rules):
    text = "做好工作\n\n人民日报 1998-01-08\n\n全国语言文字工作会议今天召开。1986年全国语言文字工作会议以来，工作取得成绩。"
    names = canonical_names([mention(text, "全国语言文字工作会议", "EVENT"), mention(text, "1986年全国语言文字工作会议", "EVENT")],
                            text, rules)
    assert names[("EVENT", "全国语言文字工作会议")] == "全国语言文字工作会议"
    text = "晚会\n\n新闻联播（央视网） 2023-12-30 19:00:00\n\n2024年新年戏曲晚会今晚举行。新年戏曲晚会名家荟萃。"
    names = canonical_names([mention(text, "2024年新年戏曲晚会", "EVENT"), mention(text, "新年戏曲晚会", "EVENT", occurrence=0)],
                            text, rules)
    assert names[("EVENT", "新年戏曲晚会")] == "2024年新年戏曲晚会"  # the coming edition, named before its year


def test_short_form_of_an_event(rules):
    text = "第三届青年科技论坛开幕。论坛期间举办多场活动。"
    mentions = [mention(text, "第三届青年科技论坛", "EVENT"), mention(text, "青年科技论坛", "EVENT")]
    assert canonical_names(mentions, text, rules)[("EVENT", "青年科技论坛")] == "第三届青年科技论坛"


def test_short_form_never_crosses_types(rules):
    text = "中关村论坛开幕。中关村实验室参会。"
    mentions = [mention(text, "中关村论坛", "EVENT"), mention(text, "中关村实验室", "ORG")]
    names = canonical_names(mentions, text, rules)
    assert names[("EVENT", "中关村论坛")] == "中关村论坛"
    assert names[("ORG", "中关村实验室")] == "中关村实验室"


def test_persons_are_never_merged_by_suffix(rules):
    # 李明 and 王李明 are different people even though one name ends the other
    text = "王李明和李明出席。"
    mentions = [mention(text, "王李明", "PERSON"), mention(text, "李明", "PERSON", occurrence=1)]
    names = canonical_names(mentions, text, rules)
    assert names[("PERSON", "李明")] == "李明"


def test_a_part_of_a_transliterated_name_is_the_person_it_names(rules):
    text = "俄罗斯总统弗拉基米尔·普京表示，普京说。穆罕默德·本·扎耶德和穆罕默德·本·萨勒曼会谈，穆罕默德说。"
    mentions = [mention(text, name, "PERSON") for name in ("弗拉基米尔·普京", "普京", "穆罕默德·本·扎耶德", "穆罕默德·本·萨勒曼")]
    mentions.append(mention(text, "穆罕默德", "PERSON", occurrence=2))
    names = canonical_names(mentions, text, rules)
    assert names[("PERSON", "普京")] == "弗拉基米尔·普京"
    assert names[("PERSON", "穆罕默德")] == "穆罕默德"  # the part of two full names names neither for sure


def test_a_family_name_is_no_short_form_of_a_relative_s_full_name(rules):
    text = "菲律宾总统马科斯出席仪式。王岐山会见了马科斯的母亲伊梅尔达·马科斯。"
    mentions = [mention(text, "马科斯", "PERSON"), mention(text, "马科斯", "PERSON", occurrence=1),
                mention(text, "伊梅尔达·马科斯", "PERSON")]
    names = canonical_names(mentions, text, rules)
    assert names[("PERSON", "马科斯")] == "马科斯"
    text = "拉吉夫·甘地的遗孀索尼亚·甘地决定参选。国大党多次敦请索尼亚出任党主席。"  # her given name is hers alone
    mentions = [mention(text, n, "PERSON") for n in ("拉吉夫·甘地", "索尼亚·甘地", "索尼亚")]
    assert canonical_names(mentions, text, rules)[("PERSON", "索尼亚")] == "索尼亚·甘地"


def test_an_elder_named_by_the_surname_and_lao_is_the_one_person_of_that_surname(rules):
    text = "侯祥麟院士和贝时璋院士、贝聿铭出席。侯老说，贝老说。"
    mentions = [mention(text, name, "PERSON") for name in ("侯祥麟", "贝时璋", "贝聿铭", "侯老", "贝老")]
    names = canonical_names(mentions, text, rules)
    assert names[("PERSON", "侯老")] == "侯祥麟"
    assert names[("PERSON", "贝老")] == "贝老"  # two people of that surname: neither for sure


def test_a_person_named_by_the_given_name_alone_is_the_one_full_name_ending_with_it(rules):
    text = "周恩来总理和邓颖超出席。恩来同志说，颖超同志说，小平同志说。"
    mentions = [mention(text, name, "PERSON") for name in ("周恩来", "邓颖超", "恩来", "颖超", "小平")]
    names = canonical_names(mentions, text, rules)
    assert names[("PERSON", "恩来")] == "周恩来" and names[("PERSON", "颖超")] == "邓颖超"
    assert names[("PERSON", "小平")] == "小平"  # no full name ends with it


def test_ambiguous_short_form_is_not_merged(rules):
    # 实验室 ends two different labs: it names neither for sure
    text = "中关村实验室和怀柔实验室签约。实验室将开展合作。"
    mentions = [mention(text, "中关村实验室", "ORG"), mention(text, "怀柔实验室", "ORG"),
                mention(text, "实验室", "ORG", occurrence=2)]
    names = canonical_names(mentions, text, rules)
    assert names[("ORG", "中关村实验室")] == "中关村实验室"
    assert names[("ORG", "怀柔实验室")] == "怀柔实验室"
    assert names[("ORG", "实验室")] not in {"中关村实验室", "怀柔实验室"}


def test_city_abbreviation_expands_in_a_beijing_document(rules):
    # guidelines: `市司法局` is 北京市司法局 when the context is Beijing
    text = "北京市召开机关党建工作会议。市司法局作交流发言。"
    mentions = [mention(text, "北京市", "LOCATION"), mention(text, "市司法局", "ORG")]
    assert canonical_names(mentions, text, rules)[("ORG", "市司法局")] == "北京市司法局"


def test_city_abbreviation_stays_without_a_home_city(rules):
    # no city named: the short form is the name
    text = "市司法局召开会议。"
    assert canonical_names([mention(text, "市司法局", "ORG")], text, rules)[("ORG", "市司法局")] == "市司法局"


def test_city_abbreviation_prefers_a_full_name_of_the_text(rules):
    text = "北京市召开会议。北京市司法局、市司法局党委参会。"
    mentions = [mention(text, "北京市司法局", "ORG"), mention(text, "市司法局", "ORG")]
    assert canonical_names(mentions, text, rules)[("ORG", "市司法局")] == "北京市司法局"


def test_resolve_groups_mentions_with_aliases_and_offsets(rules):
    text = "中关村实验室召开会议。实验室主任出席，中关村实验室党委参会。"
    mentions = [mention(text, "中关村实验室", "ORG"), mention(text, "实验室", "ORG", occurrence=1),
                mention(text, "中关村实验室党委", "ORG")]
    entities, anchor = resolve(mentions, text, text, rules)
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"中关村实验室", "中关村实验室党委"}
    lab = by_name["中关村实验室"]
    assert lab.id.startswith("ORG:")
    assert lab.aliases == ["实验室"]
    assert len(lab.mentions) == 2
    for span in lab.mentions:
        assert text[span.start:span.end] == span.text
    for m in mentions:
        assert anchor[(m.start, m.end, m.type)] in {e.id for e in entities}


def test_resolve_beijing_alias(rules):
    text = "北京市召开机关党建工作会议。市司法局作交流发言。"
    mentions = [mention(text, "北京市", "LOCATION"), mention(text, "市司法局", "ORG")]
    entities, _ = resolve(mentions, text, text, rules)
    org = next(e for e in entities if e.type == "ORG")
    assert org.name == "北京市司法局"
    assert org.aliases == ["市司法局"]


def test_resolve_spans_use_the_original_text(rules):
    original = "中关村实验室召开２０２４年会议，ＡＩ研究院参会。"
    folded = "中关村实验室召开2024年会议，AI研究院参会。"
    m = mention(folded, "AI研究院", "ORG")
    entities, _ = resolve([m], folded, original, rules)
    [entity] = entities
    assert entity.mentions[0].text == "ＡＩ研究院" == original[m.start:m.end]


def test_resolve_drops_generic_names(rules):
    text = "会议强调，党委要加强领导。"
    entities, anchor = resolve([mention(text, "党委", "ORG"), mention(text, "会议", "EVENT")], text, text, rules)
    assert entities == [] and anchor == {}


def test_resolve_one_entity_per_type_and_name(rules):
    text = "中关村实验室召开会议。中关村实验室主任出席。"
    mentions = [mention(text, "中关村实验室", "ORG"), mention(text, "中关村实验室", "ORG", occurrence=1)]
    entities, _ = resolve(mentions, text, text, rules)
    assert len(entities) == 1 and len(entities[0].mentions) == 2 and entities[0].aliases == []


def test_known_alias_and_full_name_are_one_entity(rules):
    # guidelines: the canonical name is the fullest proper name in the text; the other form is an alias
    text = "中国科学技术协会召开会议。中国科协主席出席。"
    mentions = [mention(text, "中国科学技术协会", "ORG"), mention(text, "中国科协", "ORG")]
    entities, anchor = resolve(mentions, text, text, rules)
    assert len(entities) == 1
    assert entities[0].name == "中国科学技术协会"
    assert entities[0].aliases == ["中国科协"]
    assert len(set(anchor.values())) == 1


# --- the whole chain ------------------------------------------------------------------------

def test_chain_lab_short_form_is_an_alias(extract):
    # guidelines: `实验室` = 中关村实验室 is an alias in the same document
    facts = extract("中关村实验室召开党建工作会议。实验室主任王建华出席会议。")
    lab = facts.entity("ORG", "中关村实验室")
    assert "实验室" in lab.aliases
    assert "实验室" not in facts.all_names()


def test_chain_city_abbreviation_in_a_beijing_document(extract):
    facts = extract("北京市召开机关党建工作会议。会上，市司法局作交流发言。")
    org = facts.entity("ORG", "北京市司法局")
    assert "市司法局" in org.aliases
    assert "市司法局" not in facts.names("ORG")


def test_a_one_character_place_is_an_alias_of_the_full_name_the_document_writes(rules):
    text = "中美两国元首会晤。美国总统出席。"
    mentions = [mention(text, "中", "LOCATION"), mention(text, "美", "LOCATION"), mention(text, "美国", "LOCATION")]
    entities, _ = resolve(mentions, text, text, rules)
    assert [(e.name, e.aliases) for e in entities] == [("美国", ["美"])]


def test_a_place_written_without_the_larger_place_its_other_form_begins_with_is_that_form(rules):
    text = "习近平来到贵州晴隆县考察。晴隆县是贫困县。"
    mentions = [mention(text, "贵州", "LOCATION"), mention(text, "贵州晴隆县", "LOCATION"), mention(text, "晴隆县", "LOCATION")]
    assert canonical_names(mentions, text, rules)[("LOCATION", "晴隆县")] == "贵州晴隆县"
    # not where the rest is no place (`白` of 白俄罗斯), nor where two forms end with it
    text = "白俄罗斯和俄罗斯签署协议。"
    mentions = [mention(text, "白俄罗斯", "LOCATION"), mention(text, "俄罗斯", "LOCATION", occurrence=1)]
    assert canonical_names(mentions, text, rules)[("LOCATION", "俄罗斯")] == "俄罗斯"
    text = "贵州晴隆县和云南晴隆县。晴隆县。"
    mentions = [mention(text, "贵州", "LOCATION"), mention(text, "云南", "LOCATION"), mention(text, "贵州晴隆县", "LOCATION"),
                mention(text, "云南晴隆县", "LOCATION"), mention(text, "晴隆县", "LOCATION", occurrence=2)]
    assert canonical_names(mentions, text, rules)[("LOCATION", "晴隆县")] == "晴隆县"


def test_a_national_body_written_with_the_news_country_s_name_is_the_body_it_names_without(rules):
    text = "全国政协主席王沪宁说，中国全国政协愿同吉方加强交流。中国共产党和共产党人。"
    mentions = [mention(text, "全国政协", "ORG"), mention(text, "中国全国政协", "ORG"), mention(text, "中国共产党", "ORG"),
                mention(text, "共产党", "ORG", occurrence=1)]
    names = canonical_names(mentions, text, rules)
    assert names[("ORG", "中国全国政协")] == "全国政协"
    assert names[("ORG", "中国共产党")] == "中国共产党"  # 共产党 is no national body of the lexicon


def test_a_body_named_with_its_state_s_common_name_is_the_one_named_with_the_full_form(rules):
    text = "朝鲜民主主义人民共和国政府发表声明，朝鲜政府表示。中华人民共和国政府和中国政府。中非共和国政府。"
    names = ["朝鲜民主主义人民共和国政府", "朝鲜政府", "中华人民共和国政府", "中国政府", "中非共和国政府"]
    found = canonical_names([mention(text, n, "ORG") for n in names], text, rules)
    assert found[("ORG", "朝鲜政府")] == "朝鲜民主主义人民共和国政府" and found[("ORG", "中国政府")] == "中华人民共和国政府"
    assert found[("ORG", "中非共和国政府")] == "中非共和国政府"


def test_jing_stays_a_place_of_its_own_as_the_guidelines_say(rules):
    text = "会议在京召开。"
    entities, _ = resolve([mention(text, "京", "LOCATION")], text, text, rules)
    assert [e.name for e in entities] == ["京"]


def test_a_government_written_with_and_without_renmin_is_one_body(rules):
    text = "安徽省人民政府召开会议。安徽省政府负责同志出席。"
    names = canonical_names([mention(text, "安徽省人民政府", "ORG"), mention(text, "安徽省政府", "ORG")], text, rules)
    assert names[("ORG", "安徽省政府")] == "安徽省人民政府"


def test_a_body_named_with_its_country_s_one_character_form_is_the_body_the_document_names_in_full(rules):
    text = "俄罗斯国防部发表声明。美国国防部长与中美国防部官员出席。俄国防部表示，美国防部副部长出席。"
    bodies = ["俄罗斯国防部", "美国国防部", "中美国防部", "俄国防部", "美国防部"]
    names = canonical_names([mention(text, name, "ORG") for name in bodies], text, rules)
    assert names[("ORG", "俄国防部")] == "俄罗斯国防部"
    assert names[("ORG", "美国防部")] == "美国国防部"  # not 中美国防部, which holds its characters


def test_a_body_named_with_the_first_character_of_a_country_no_list_gives_is_the_body_named_in_full(rules):
    text = "牙买加参议院愿加强往来。牙参议院表示支持。新参议院成立。"
    bodies = ["牙买加参议院", "牙参议院", "新参议院"]
    names = canonical_names([mention(text, name, "ORG") for name in bodies], text, rules)
    assert names[("ORG", "牙参议院")] == "牙买加参议院"
    assert names[("ORG", "新参议院")] == "新参议院"  # 新 is no first character of a country the document names


def test_a_site_named_with_a_middle_part_left_out_is_the_site_named_in_full(rules):
    text = "上海自贸试验区临港新片区挂牌，上海自贸试验区新片区发展迅速；盐城滩涂自然保护区即盐城自然保护区。"
    sites = ["上海自贸试验区临港新片区", "上海自贸试验区新片区", "盐城滩涂自然保护区", "盐城自然保护区"]
    names = canonical_names([mention(text, name, "LOCATION") for name in sites], text, rules)
    assert names[("LOCATION", "上海自贸试验区新片区")] == "上海自贸试验区临港新片区"
    assert names[("LOCATION", "盐城自然保护区")] == "盐城滩涂自然保护区"


def test_a_party_s_central_committee_of_a_term_is_the_central_committee(rules):
    text = "中共中央发出通知。祝贺他当选中国共产党第二十届中央委员会总书记，向中央委员会报告工作。"
    forms = ["中共中央", "中国共产党第二十届中央委员会", "中央委员会"]
    names = canonical_names([mention(text, name, "ORG") for name in forms], text, rules)
    assert len({names[("ORG", name)] for name in forms}) == 1


def test_a_body_named_alone_only_by_short_names_is_named_by_one_of_the_alias_table_first(rules):
    text = "会议决定召开中国共产党第二十届中央委员会第三次全体会议，政治局向中央委员会报告工作。中共中央总书记主持会议。"
    plenum = mention(text, "中国共产党第二十届中央委员会第三次全体会议", "EVENT")
    forms = [mention(text, "中国共产党第二十届中央委员会", "ORG"), mention(text, "中央委员会", "ORG", 1),
             mention(text, "中共中央", "ORG")]
    names = canonical_names([plenum, *forms], text, rules)
    assert {names[("ORG", m.text)] for m in forms} == {"中共中央"}  # not the longer 中央委员会


def test_a_body_named_with_a_one_character_form_stays_itself_where_the_document_writes_no_full_name(rules):
    text = "俄国防部发表声明。日本经济新闻社报道。"
    names = canonical_names([mention(text, "俄国防部", "ORG"), mention(text, "日本经济新闻社", "ORG")], text, rules)
    assert names[("ORG", "俄国防部")] == "俄国防部"
    assert names[("ORG", "日本经济新闻社")] == "日本经济新闻社"


def test_an_autonomous_region_s_body_named_by_its_level_is_the_region_s_its_sentence_names(rules):
    text = "代表团抵达广西壮族自治区首府南宁，自治区政府主席出席欢迎仪式。"
    entities, _ = resolve([mention(text, "广西壮族自治区", "LOCATION"), mention(text, "自治区政府", "ORG")], text, text, rules)
    assert {e.name for e in entities} == {"广西壮族自治区", "广西壮族自治区政府"}


def test_a_mention_with_a_name_of_its_own_resolves_by_that_name(rules):
    from pipeline.records import Mention

    text = "学习十九届二中、三中全会精神"
    mentions = [Mention(2, 7, "十九届二中", "EVENT", "rule:plenum_list", 0.95, "十九届二中全会"),
                Mention(8, 12, "三中全会", "EVENT", "rule:plenum_list", 0.95, "十九届三中全会")]
    entities, _ = resolve(mentions, text, text, rules)
    assert [(e.name, e.aliases, [m.text for m in e.mentions]) for e in entities] == [
        ("十九届二中全会", [], ["十九届二中"]), ("十九届三中全会", [], ["三中全会"])]


def test_a_congress_keeps_the_name_that_says_whose_it_is(rules):
    text = "中共二十大胜利闭幕。中国共产党第二十次全国代表大会是一次大会。"
    mentions = [mention(text, "中共二十大", "EVENT"), mention(text, "第二十次全国代表大会", "EVENT")]
    names = canonical_names(mentions, text, rules)
    assert names[("EVENT", "第二十次全国代表大会")] == names[("EVENT", "中共二十大")] == "中共二十大"


def test_a_body_named_by_its_level_alone_is_the_only_place_of_that_level_s(rules):
    text = "天津市召开会议。市委书记张立昌讲话，市政府负责人参加。"
    mentions = [mention(text, "天津市", "LOCATION"), mention(text, "市委", "ORG"), mention(text, "市政府", "ORG")]
    names = canonical_names(mentions, text, rules)
    assert (names[("ORG", "市委")], names[("ORG", "市政府")]) == ("天津市委", "天津市政府")
    text = "天津市召开会议。市委书记讲话，北京代表参加。"
    mentions = [mention(text, "天津市", "LOCATION"), mention(text, "市委", "ORG"), mention(text, "北京", "LOCATION")]
    assert canonical_names(mentions, text, rules)[("ORG", "市委")] == "市委"  # which city's?
    text = "河北省栾城县做好再就业工作。去年初，县委、县政府对企业进行了重组。"  # a county the lexicon no longer lists
    mentions = [mention(text, "河北省", "LOCATION"), mention(text, "栾城县", "LOCATION"), mention(text, "县委", "ORG"),
                mention(text, "县政府", "ORG")]
    names = canonical_names(mentions, text, rules)
    assert (names[("ORG", "县委")], names[("ORG", "县政府")]) == ("栾城县委", "栾城县政府")


def test_a_body_named_by_its_level_alone_is_the_one_of_its_level_the_document_names_with_its_place(rules):
    text = "该团是中共厦门市委常委会决定成立的。市委书记石兆彬讲话，北京舞蹈学院支持。"
    mentions = [mention(text, "中共厦门市委常委会", "ORG"), mention(text, "市委", "ORG"), mention(text, "北京", "LOCATION")]
    assert canonical_names(mentions, text, rules)[("ORG", "市委")] == "厦门市委"  # though another city is named
    text = "北京市委和上海市委负责人出席。市委书记讲话，天津代表参加。"
    mentions = [mention(text, "北京市委", "ORG"), mention(text, "上海市委", "ORG"), mention(text, "市委", "ORG"),
                mention(text, "天津", "LOCATION")]
    assert canonical_names(mentions, text, rules)[("ORG", "市委")] == "市委"  # which of the two?


def test_a_level_s_body_is_found_where_it_stands_alone(extract):
    facts = extract("天津市的这股新风，源于市委的主要领导。市委书记张立昌提出要加快发展。城市委员会成立。")
    assert ("张立昌", "天津市委") in facts.relation_pairs("holds_position")
    assert "市委" not in facts.all_names()
    assert not [m for m in facts.entity("ORG", "天津市委").mentions if m.start > 30]  # not in 城市委员会


def test_a_level_s_body_the_document_cannot_place_keeps_its_bare_name_unless_it_names_no_place_of_that_level(extract):
    facts = extract("去年杭州市居民人均收入高于北京、天津等大城市。市委、市政府确定的计划已经全部完成。")
    assert {"市委", "市政府"} <= facts.names("ORG")  # which city's? the text's own words
    generic = extract("他说，作为省委书记自定菜单，就要有担当。")
    assert "省委" not in generic.names("ORG")  # a kind of body: no province is named


def test_a_special_region_s_government_by_its_kind_is_the_one_the_document_names_with_its_region(extract):
    facts = extract("新一任行政长官和特区政府将全力支持中华总商会的工作。澳门特别行政区政府表示欢迎。")
    assert "澳门特别行政区政府" in facts.names("ORG") and "特区政府" not in facts.names("ORG")
    assert "特区政府" in facts.entity("ORG", "澳门特别行政区政府").aliases
    alone = extract("董建华表示，中华总商会将继续全力支持特区政府的工作。")
    assert "特区政府" in alone.names("ORG")


def test_the_session_s_organ_is_the_one_the_document_names_in_full():


    orgs = {"十四届全国人大一次会议主席团", "大会主席团", "大会秘书处", "国务院"}
    assert session_organs(orgs) == {"大会主席团": "十四届全国人大一次会议主席团"}
    assert session_organs({"大会主席团", "甲会议主席团", "乙会议主席团"}) == {}  # two sessions: neither


def test_a_chinese_place_written_with_and_without_its_division_s_term_is_one_place(rules):
    text = "江苏淮安市举行纪念活动。江苏省、淮安各界参加。新疆维吾尔自治区代表团抵达新疆。吉林省、吉林市和吉林。坎大哈省的坎大哈。"
    names = ("江苏", "淮安市", "江苏省", "淮安", "新疆维吾尔自治区", "新疆", "吉林省", "吉林市", "吉林", "坎大哈省", "坎大哈")
    mentions = [mention(text, name, "LOCATION", occurrence=1 if name in ("新疆", "吉林", "坎大哈") else 0) for name in names]
    got = canonical_names(mentions, text, rules)
    assert got[("LOCATION", "江苏")] == "江苏省" and got[("LOCATION", "淮安")] == "淮安市"
    assert got[("LOCATION", "新疆")] == "新疆维吾尔自治区"
    assert got[("LOCATION", "吉林")] == "吉林"  # a province and a city of that name: which one?
    assert got[("LOCATION", "坎大哈")] == "坎大哈"  # abroad a city and its province are two places


def test_a_city_no_lexicon_knows_is_one_place_with_and_without_its_term(rules):
    text = "湖北省襄樊市出租汽车司机李为昌。一位初到襄樊的客商。蒙特利尔市长说，蒙特利尔欢迎。"
    mentions = [mention(text, name, "LOCATION") for name in ("湖北省", "襄樊市", "襄樊", "蒙特利尔")]
    mentions.append(mention(text, "蒙特利尔", "LOCATION", occurrence=1))
    got = canonical_names(mentions, text, rules)
    assert got[("LOCATION", "襄樊")] == "襄樊市"
    assert got[("LOCATION", "蒙特利尔")] == "蒙特利尔"  # no 蒙特利尔市 named as a place
    text = "我们来到威舍镇。镇上商店林立，威舍日见繁荣。百育乡的农民说，百育变了。"  # townships: no lexicon lists them
    got = canonical_names([mention(text, name, "LOCATION") for name in ("威舍镇", "威舍", "百育乡", "百育")], text, rules)
    assert got[("LOCATION", "威舍")] == "威舍镇" and got[("LOCATION", "百育")] == "百育乡"
    text = "援助物资运抵加沙地带。加沙人道局势恶化。"  # a strip of land named after its town
    got = canonical_names([mention(text, name, "LOCATION") for name in ("加沙地带", "加沙")], text, rules)
    assert got[("LOCATION", "加沙")] == "加沙地带"
    text = "那曲地区海拔高。那曲的牧民说。澳门特区成立以来，澳门发展迅速。"  # a prefecture, a special region
    got = canonical_names([mention(text, name, "LOCATION") for name in ("那曲地区", "那曲", "澳门特区", "澳门")], text, rules)
    assert got[("LOCATION", "那曲地区")] == got[("LOCATION", "那曲")] and got[("LOCATION", "澳门")] == "澳门特区"


def test_a_place_s_area_is_the_place(rules):
    text = "2020年北京地区空气质量良好，北京市政府表示，北京市将继续治理。俄远东地区合作发展，远东经济增长。"
    names = ("北京地区", "北京市", "俄远东地区", "远东")
    got = canonical_names([mention(text, name, "LOCATION") for name in names], text, rules)
    assert got[("LOCATION", "北京地区")] == "北京市"  # a division the document names with its term only
    assert got[("LOCATION", "俄远东地区")] == "俄远东地区"  # not the area of 远东: of 俄远东
    text = "北京地区空气质量良好，北京、北京市各界。远东地区经济增长，远东合作发展。"
    names = ("北京地区", "北京", "北京市", "远东地区", "远东")
    mentions = [mention(text, name, "LOCATION", occurrence=1 if name == "远东" else 0) for name in names]
    got = canonical_names(mentions, text, rules)
    assert got[("LOCATION", "北京地区")] == got[("LOCATION", "北京")] == got[("LOCATION", "北京市")] == "北京市"
    assert got[("LOCATION", "远东地区")] == got[("LOCATION", "远东")]
    text = "那曲地区降雪已达40余次。慰问组将赴那曲县和安多县慰问。"  # the prefecture and its seat, a county
    got = canonical_names([mention(text, name, "LOCATION") for name in ("那曲地区", "那曲县", "安多县")], text, rules)
    assert got[("LOCATION", "那曲地区")] == "那曲地区"


def test_a_site_named_with_its_generic_term_contracted_is_the_site_named_with_the_full_term(rules):
    text = "加快建设海南自由贸易港。海南自贸港政策落地，上海自贸区和天津自由贸易港。"
    names = ("海南自由贸易港", "海南自贸港", "上海自贸区", "天津自由贸易港")
    got = canonical_names([mention(text, name, "LOCATION") for name in names], text, rules)
    assert got[("LOCATION", "海南自贸港")] == "海南自由贸易港"
    assert got[("LOCATION", "上海自贸区")] == "上海自贸区"  # no 上海自由贸易区 named
    text = "香港特区行政长官发表声明。香港特别行政区维护国家安全。"
    got = canonical_names([mention(text, name, "LOCATION") for name in ("香港特区", "香港特别行政区")], text, rules)
    assert got[("LOCATION", "香港特区")] == "香港特别行政区"

def test_a_state_written_with_and_without_the_form_of_its_state_is_one_place(rules):
    text = "应巴西联邦共和国总统邀请，他访问巴西。希腊共和国总统说，希腊愿合作。中华人民共和国和中国。"
    names = ("巴西联邦共和国", "巴西", "希腊共和国", "希腊")
    mentions = [mention(text, name, "LOCATION", occurrence=1 if name in ("巴西", "希腊") else 0) for name in names]
    got = canonical_names(mentions, text, rules)
    assert got[("LOCATION", "巴西")] == "巴西联邦共和国" and got[("LOCATION", "希腊")] == "希腊共和国"


def test_a_person_named_only_inside_the_title_of_a_work_is_no_entity(rules):
    text = "乐队演奏了《梁山伯与祝英台》，纪念梁思成。新华社播发通讯《以习近平同志为核心的党中央引领推动》。"
    mentions = [mention(text, "梁山伯", "PERSON"), mention(text, "祝英台", "PERSON"), mention(text, "梁思成", "PERSON"),
                mention(text, "习近平", "PERSON", source="rule:lexicon")]
    entities, anchor = resolve(mentions, text, text, rules)
    assert {e.name for e in entities} == {"梁思成", "习近平"}  # a leader the lexicon knows stays
    assert set(anchor.values()) == {e.id for e in entities}


def test_a_body_or_place_named_only_inside_a_longer_title_of_a_work_is_no_entity(rules):
    text = "中共中央印发《中国共产党领导外事工作条例》。《人民日报》发表评论。两国发表《中华人民共和国和巴西联邦共和国联合声明》。"
    mentions = [mention(text, "中共中央", "ORG"), mention(text, "中国共产党", "ORG", source="rule:lexicon"),
                mention(text, "人民日报", "ORG"), mention(text, "中华人民共和国", "LOCATION"),
                mention(text, "巴西联邦共和国", "LOCATION")]
    entities, _ = resolve(mentions, text, text, rules)
    assert {e.name for e in entities} == {"中共中央", "人民日报"}  # a paper's whole title names the paper


def test_a_body_is_named_as_the_text_names_it_alone_not_as_inside_a_session_s_name(rules):
    text = "中国人民政治协商会议全国委员会举行茶话会。将召开中国人民政治协商会议第九届全国委员会第一次会议。全国政协主席李瑞环主持。"
    mentions = [mention(text, "中国人民政治协商会议全国委员会", "ORG"),
                mention(text, "中国人民政治协商会议第九届全国委员会", "ORG"),
                mention(text, "中国人民政治协商会议第九届全国委员会第一次会议", "EVENT"), mention(text, "全国政协", "ORG")]
    names = canonical_names(mentions, text, rules)
    assert {names[("ORG", n)] for n in ("全国政协", "中国人民政治协商会议第九届全国委员会")} == {"中国人民政治协商会议全国委员会"}
    # written alone, the longest name stays the name
    text = "中国人民政治协商会议第九届全国委员会举行茶话会。全国政协主席李瑞环主持。"
    mentions = [mention(text, "中国人民政治协商会议第九届全国委员会", "ORG"), mention(text, "全国政协", "ORG")]
    assert canonical_names(mentions, text, rules)[("ORG", "全国政协")] == "中国人民政治协商会议第九届全国委员会"


def test_a_level_s_body_after_a_place_s_body_in_a_list_is_that_place_s(rules):
    text = "北京市委发出通知。天津市委书记张立昌代表天津市委、市政府慰问。河北省委和省政府，县委、市政府。"
    mentions = [mention(text, "北京市委", "ORG"), mention(text, "天津市委", "ORG", 1), mention(text, "市政府", "ORG"),
                mention(text, "河北省委", "ORG"), mention(text, "省政府", "ORG"), mention(text, "县委", "ORG"),
                mention(text, "市政府", "ORG", 1)]
    entities, _ = resolve(mentions, text, text, rules)
    names = {e.name for e in entities}
    assert {"天津市政府", "河北省政府"} <= names
    assert "北京市政府" not in names
    text = "山西省省委、省政府去年初把扶贫作为重点工程。"  # the level written twice: 山西省|省委
    entities, _ = resolve([mention(text, "山西省省委", "ORG"), mention(text, "省政府", "ORG")], text, text, rules)
    assert {e.name for e in entities} == {"山西省省委", "山西省政府"}


def test_a_body_named_with_a_country_s_short_form_is_the_one_the_document_writes_in_full(rules):
    text = "印度尼西亚国际银行等五家银行合并。印尼国际银行将成为最大的银行，巴新政府表示欢迎，巴布亚新几内亚政府发表声明。"
    mentions = [mention(text, "印度尼西亚国际银行", "ORG"), mention(text, "印尼国际银行", "ORG"), mention(text, "巴新政府", "ORG"),
                mention(text, "巴布亚新几内亚政府", "ORG")]
    entities, _ = resolve(mentions, text, text, rules)
    assert {e.name for e in entities} == {"印度尼西亚国际银行", "巴布亚新几内亚政府"}


def test_a_level_s_body_in_a_sentence_that_names_one_place_of_that_level_is_that_place_s(rules):
    text = "北京市政府发出通知。同日，天津组建了以市政府副秘书长刘红升为团长的慰问团。唐山市委和石家庄召开会议，市委要求。"
    mentions = [mention(text, "北京市政府", "ORG"), mention(text, "天津", "LOCATION"), mention(text, "市政府", "ORG", 1),
                mention(text, "刘红升", "PERSON"), mention(text, "唐山市委", "ORG"), mention(text, "石家庄", "LOCATION"),
                mention(text, "市委", "ORG", 1)]
    entities, _ = resolve(mentions, text, text, rules)
    names = {e.name for e in entities}
    assert "天津市政府" in names and "石家庄市委" not in names  # two cities in the last sentence: neither


def test_the_official_short_forms_of_the_taiwan_affairs_bodies_name_them(rules):
    text = "中共中央台湾工作办公室、中华全国台湾同胞联谊会举办座谈会。座谈会由中台办、全国台联、海协会主办。"
    names = ["中共中央台湾工作办公室", "中华全国台湾同胞联谊会", "中台办", "全国台联", "海协会"]
    got = canonical_names([mention(text, n, "ORG") for n in names], text, rules)
    assert got[("ORG", "中台办")] == "中共中央台湾工作办公室" and got[("ORG", "全国台联")] == "中华全国台湾同胞联谊会"
    assert got.get(("ORG", "海协会"), "海协会") == "海协会"  # its full name is not written here


def test_an_organ_named_bare_in_a_chain_of_posts_keeps_the_text_s_name(rules):
    text = "中共中央政治局常委、书记处书记王建华出席。"
    mentions = [mention(text, "中共中央政治局", "ORG"), Mention(10, 13, "书记处", "ORG", CHAIN_ORGAN, 0.8, "中共中央书记处")]
    entities, anchor = resolve(mentions, text, text, rules)
    written = {e.id: (e.name, e.aliases) for e in organs_as_written(entities, mentions, anchor, text)}
    assert written["ORG:中共中央书记处"] == ("书记处", ["中共中央书记处"])
    assert written["ORG:中共中央政治局"] == ("中共中央政治局", [])
    full = "中共中央书记处书记王建华说，中共中央政治局常委、书记处书记李明出席。"
    mentions = [mention(full, "中共中央书记处", "ORG"), Mention(24, 27, "书记处", "ORG", CHAIN_ORGAN, 0.8, "中共中央书记处")]
    entities, anchor = resolve(mentions, full, full, rules)
    assert [e.name for e in organs_as_written(entities, mentions, anchor, full)] == ["中共中央书记处"]  # written in full too


def test_a_division_s_kind_alone_is_no_place(rules):
    text = "落实中央对特别行政区全面管治权。"
    assert resolve([mention(text, "特别行政区", "LOCATION")], text, text, rules)[0] == []
    named = "西藏自治区召开会议，自治区主席出席。"
    entities, _ = resolve([mention(named, "西藏自治区", "LOCATION"), mention(named, "自治区", "LOCATION", 1)],
                          named, named, rules)
    assert [e.name for e in entities] == ["西藏自治区"]


def test_a_company_written_with_and_without_its_legal_form_is_one(rules):
    text = "微软公司宣布，微软将裁员。中国邮政集团公司即中国邮政集团有限公司。中国石化集团公司和中国石化股份有限公司。"
    names = ["微软公司", "微软", "中国邮政集团公司", "中国邮政集团有限公司", "中国石化集团公司", "中国石化股份有限公司"]
    found = canonical_names([mention(text, n, "ORG") for n in names], text, rules)
    assert found[("ORG", "微软")] == "微软公司" and found[("ORG", "中国邮政集团公司")] == "中国邮政集团有限公司"
    assert found[("ORG", "中国石化股份有限公司")] == "中国石化股份有限公司"  # the group's listed company


def test_a_long_name_without_a_legal_form_is_not_its_company(rules):
    text = "山东鲁能泰山足球俱乐部和山东鲁能泰山足球俱乐部股份有限公司。"
    names = ["山东鲁能泰山足球俱乐部", "山东鲁能泰山足球俱乐部股份有限公司"]
    found = canonical_names([mention(text, n, "ORG") for n in names], text, rules)
    assert found[("ORG", "山东鲁能泰山足球俱乐部")] == "山东鲁能泰山足球俱乐部"


def test_a_meetings_contraction_is_no_other_name_of_a_form_it_already_has(rules):
    text = "中纪委第二次全体会议召开。中纪委二次全会和中央纪委二次全会的精神。"
    names = ["中纪委第二次全体会议", "中纪委二次全会", "中央纪委二次全会"]
    found = canonical_names([mention(text, n, "EVENT") for n in names], text, rules)
    assert {found[("EVENT", n)] for n in names} == {"中纪委第二次全体会议"}


def test_an_events_name_given_again_after_the_one_longer_name_before_it_names_that_event(rules):
    text = "长野冬奥会即将开幕。冬奥会的准备工作就绪。札幌冬奥会曾在日本举行。奥运会的历史。东京奥运会。北京奥运会。"
    names = ["长野冬奥会", "冬奥会", "札幌冬奥会", "奥运会", "东京奥运会", "北京奥运会"]
    found = canonical_names([mention(text, n, "EVENT") for n in names], text, rules)
    assert found[("EVENT", "冬奥会")] == "长野冬奥会"
    assert found[("EVENT", "奥运会")] == "奥运会"  # none before it


def test_a_state_written_by_its_first_character_and_zhou_is_the_state(rules):
    text = "得克萨斯州发生枪击事件。得州州长表示。福州和福建漳州。"
    names = ["得克萨斯州", "得州", "福州", "福建漳州"]
    found = canonical_names([mention(text, n, "LOCATION") for n in names], text, rules)
    assert found[("LOCATION", "得州")] == "得克萨斯州" and found[("LOCATION", "福州")] == "福州"  # a Chinese city


def test_a_person_named_familiarly_or_by_a_japanese_surname_is_the_one_full_name(rules):
    text = "何善德是局长。老何说，要干好。桥本龙太郎首相表示，桥本还说。冯惠芳和冯小刚。小冯笑了。"
    names = ["何善德", "老何", "桥本龙太郎", "桥本", "冯惠芳", "冯小刚", "小冯"]
    found = canonical_names([mention(text, n, "PERSON") for n in names], text, rules)
    assert found[("PERSON", "老何")] == "何善德" and found[("PERSON", "桥本")] == "桥本龙太郎"
    assert found[("PERSON", "小冯")] == "小冯"  # two people of that surname


def test_a_short_form_of_a_short_form_names_the_full_body(extract):
    facts = extract("河北省高邑县委书记李保中\n\n李保中，1947年生，历任河北高邑县委常委、组织部长，县委副书记，"
                    "县委副书记兼政协主席，1996年1月任高邑县委书记。")
    assert {"河北高邑县委", "高邑县委", "县委"} <= set(facts.entity("ORG", "河北省高邑县委").aliases)
    assert not {"高邑县委", "县委"} & facts.names("ORG")


def test_a_level_s_body_is_the_place_s_that_the_document_s_level_bodies_name_most(rules):
    text = "广东顺德市委、顺德市政府重视。番禺市有位客商来顺德。走访了市招标办。"
    mentions = [mention(text, "广东顺德市委", "ORG"), mention(text, "顺德市政府", "ORG"), mention(text, "番禺市", "LOCATION"),
                mention(text, "顺德", "LOCATION", occurrence=2), mention(text, "市招标办", "ORG")]
    names = canonical_names(mentions, text, rules)
    assert names[("ORG", "市招标办")] == "顺德市招标办"  # not 番禺市's, the one city written with its level
