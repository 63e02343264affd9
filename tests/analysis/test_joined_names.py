"""pipeline.analysis.joined_names: names written together without a mark between them."""
from pipeline.analysis.joined_names import (
    conjoined_bodies,
    hyphenated_names,
    hyphenated_people,
    joined_branches,
    joined_state_forms,
    placed_bodies,
    split_joined_names,
    split_listed_people,
)
from pipeline.records import Mention
from tests.conftest import mention


def test_two_known_bodies_written_together_are_two_names():
    text = "中共中央国务院举行春节团拜会"
    joined = Mention(0, 7, "中共中央国务院", "ORG", "model")
    known = frozenset({"中共中央", "国务院", "中央"})
    assert [(m.start, m.end, m.text) for m in split_joined_names([joined], known)] == [(0, 4, "中共中央"), (4, 7, "国务院")]
    assert text[4:7] == "国务院"
    one_name = Mention(0, 4, "中共中央", "ORG", "model")
    assert split_joined_names([one_name], known) == [one_name]
    three = Mention(0, 11, "中共中央国务院中央军委", "ORG", "model")
    assert [m.text for m in split_joined_names([three], known | {"中央军委"})] == ["中共中央", "国务院", "中央军委"]
    assert split_joined_names([three], known) == [three]  # a part no known name: one mention as found


def test_a_known_body_and_another_country_s_a_conjunction_joins_are_two_names():
    text = "中国全国人大同蒙古国家大呼拉尔长期保持友好交往"
    joined = mention(text, "中国全国人大同蒙古国家大呼拉尔", "ORG")
    countries = frozenset({"蒙古", "中国"})
    found = conjoined_bodies([joined, mention(text, "中国全国人大", "ORG")], frozenset(), countries)
    assert [(m.start, m.end, m.text) for m in found] == [(0, 6, "中国全国人大"), (7, 15, "蒙古国家大呼拉尔"),
                                                          (0, 6, "中国全国人大")]
    assert conjoined_bodies([joined], frozenset({"全国人大"}), countries) == [joined]  # no known body before 同
    one_name = Mention(0, 12, "国家卫生和计划生育委员会", "ORG", "model")  # no known body before 和
    assert conjoined_bodies([one_name], frozenset({"国家卫生健康委员会"}), countries) == [one_name]
    company = Mention(0, 6, "清华同方公司", "ORG", "model")  # no country's body after 同
    assert conjoined_bodies([company], frozenset({"清华"}), countries) == [company]


def test_a_place_s_committee_and_government_written_as_one_are_two_names():
    joined = Mention(3, 10, "象山县委县政府", "ORG", "rule:chunk")
    assert [(m.start, m.end, m.text) for m in split_joined_names([joined], frozenset())] == [
        (3, 7, "象山县委"), (7, 10, "县政府")]
    generic = Mention(0, 4, "党委政府", "ORG", "rule:chunk")  # no place's level before 委
    assert split_joined_names([generic], frozenset()) == [generic]


def test_a_known_body_s_department_after_it_is_one_name():
    joined = Mention(0, 7, "解放军总政治部", "ORG", "model")
    known = frozenset({"解放军", "总政治部", "中共中央", "国务院"})
    assert split_joined_names([joined], known, "部处室局厂") == [joined]
    assert len(split_joined_names([Mention(0, 7, "中共中央国务院", "ORG", "model")], known, "部处室局厂")) == 2


def test_people_listed_without_marks_are_split_into_the_people_named_elsewhere():
    def person(start, text):
        return Mention(start, start + len(text), text, "PERSON", "model", 0.9)

    listed = person(0, "张三丰李四王小五")
    others = [person(20, "张三丰"), person(30, "李四"), person(40, "王小五")]
    assert [(m.start, m.text) for m in split_listed_people([listed, *others])[:3]] == [
        (0, "张三丰"), (3, "李四"), (5, "王小五")]
    # a name not all of whose parts are named elsewhere stays whole
    assert split_listed_people([person(0, "欧阳文华"), person(9, "欧阳")])[0].text == "欧阳文华"
    assert split_listed_people([listed, others[0]])[0].text == "张三丰李四王小五"


def test_a_known_state_and_the_form_of_its_state_found_apart_are_one_place():
    text = "应巴西联邦共和国总统邀请，联邦共和国"
    brazil, form = Mention(1, 3, "巴西", "LOCATION", "model"), Mention(3, 8, "联邦共和国", "LOCATION", "model")
    alone = Mention(13, 18, "联邦共和国", "LOCATION", "model")  # after no place: left as found
    assert (text[1:3], text[3:8], text[13:18]) == ("巴西", "联邦共和国", "联邦共和国")
    joined = joined_state_forms([brazil, form, alone], frozenset({"巴西"}))
    assert [(m.start, m.end, m.text) for m in joined] == [(1, 8, "巴西联邦共和国"), (13, 18, "联邦共和国")]
    assert joined_state_forms([brazil, form], frozenset()) == [brazil, form]  # an unknown place: no state


def test_a_branch_named_by_its_place_right_after_its_body_is_one_body_with_it(rules):
    text = "国家统计局河南调查总队负责人说，中国银行北京分行和国务院国资委也参加。"
    found = [mention(text, "国家统计局", "ORG"), mention(text, "河南调查总队", "ORG"), mention(text, "中国银行", "ORG"),
             mention(text, "北京分行", "ORG"), mention(text, "国务院", "ORG"), mention(text, "国资委", "ORG")]
    names = [m.text for m in joined_branches(found, rules.known_places)]
    assert names == ["国家统计局河南调查总队", "中国银行北京分行", "国务院", "国资委"]  # 国资委 names no place


def test_a_body_found_apart_from_the_place_it_is_named_with_is_one_body(rules):
    text = "委内瑞拉统一社会主义党主席马杜罗。武汉中国地质大学。中南海国务院小礼堂。"
    found = [mention(text, "委内瑞拉", "LOCATION"), mention(text, "统一社会主义党", "ORG"), mention(text, "武汉", "LOCATION"),
             mention(text, "中国地质大学", "ORG"), mention(text, "中南海", "LOCATION"), mention(text, "国务院", "ORG")]
    words = [(0, 4, "ns"), (4, 6, "a"), (6, 11, "n"), (17, 19, "ns"), (19, 21, "ns"), (21, 23, "n"), (23, 25, "n")]
    got = [(m.text, m.type) for m in placed_bodies(found, words, rules.known_places, frozenset({"国务院"}))]
    assert got == [("委内瑞拉统一社会主义党", "ORG"), ("武汉", "LOCATION"), ("中国地质大学", "ORG"),  # its own place begins it
                   ("中南海", "LOCATION"), ("国务院", "ORG")]  # a known body's name is whole
    text = "新版海洋学说指出美国北约是主要威胁"
    found = [mention(text, "美国", "LOCATION"), mention(text, "北约", "ORG")]
    assert placed_bodies(found, [], rules.known_places, frozenset()) == found  # a headline's list of two short names


def test_a_treaty_s_signatures_written_together_are_its_signatories():
    text = "大使祝有容和国务部长让·梅泰·亚彭德签署公报。祝有容让·梅泰·亚彭德"
    mentions = [mention(text, "祝有容", "PERSON"), mention(text, "让·梅泰·亚彭德", "PERSON"),
                mention(text, "祝有容让·梅泰·亚彭德", "PERSON")]
    assert [m.text for m in split_listed_people(mentions)] == ["祝有容", "让·梅泰·亚彭德", "祝有容", "让·梅泰·亚彭德"]


def test_two_people_a_hyphen_joins_are_one_double_barrelled_name():
    text = "伊拉克总理阿卜杜勒-迈赫迪会见李强，中国-东盟合作。"
    found = [mention(text, "伊拉克", "LOCATION"), mention(text, "阿卜杜勒", "PERSON"), mention(text, "迈赫迪", "PERSON"),
             mention(text, "李强", "PERSON"), mention(text, "中国", "LOCATION"), mention(text, "东盟", "ORG")]
    assert [(m.text, m.type) for m in hyphenated_people(found, text)] == [
        ("伊拉克", "LOCATION"), ("阿卜杜勒-迈赫迪", "PERSON"), ("李强", "PERSON"), ("中国", "LOCATION"), ("东盟", "ORG")]


def test_two_places_a_hyphen_joins_are_one_division_where_the_second_is_a_division():
    text = "德国北莱茵-威斯特法伦州，中国-东盟自由贸易区，深圳-香港地区，阿卜杜勒-迈赫迪"
    found = [mention(text, "德国", "LOCATION"), mention(text, "北莱茵", "LOCATION"), mention(text, "威斯特法伦州", "LOCATION"),
             mention(text, "中国", "LOCATION"), mention(text, "东盟自由贸易区", "LOCATION"), mention(text, "深圳", "LOCATION"),
             mention(text, "香港地区", "LOCATION"), mention(text, "阿卜杜勒", "PERSON"), mention(text, "迈赫迪", "PERSON")]
    joined = hyphenated_names(found, text, "州省市县区", frozenset({"德国", "中国", "深圳"}))
    assert [m.text for m in joined] == ["德国", "北莱茵-威斯特法伦州", "中国", "东盟自由贸易区", "深圳", "香港地区", "阿卜杜勒-迈赫迪"]
    assert [m.type for m in joined][1] == "LOCATION"
