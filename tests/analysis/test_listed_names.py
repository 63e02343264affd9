"""pipeline.analysis.listed_names: names listed under one head, and the last name of a list before one."""
from pipeline.analysis.listed_names import (
    after_listed_people,
    counted_honours,
    listed_bodies,
    listed_organisations,
    listed_plenums,
    sector_meetings,
    shared_modifier_honours,
)
from tests.conftest import mention


def test_plenums_listed_under_one_term_are_each_named_in_full():
    text = "学习党的二十届二中、三中和四中全会精神"
    found = [(text[m.start:m.end], m.name) for m in listed_plenums(text)]
    assert found == [("党的二十届二中", "党的二十届二中全会"), ("三中", "党的二十届三中全会"), ("四中全会", "党的二十届四中全会")]


def test_the_other_items_of_a_list_of_counted_honours_holding_an_award_are_awards():
    text = "大会表彰了10名全国三八红旗手标兵、298名全国三八红旗手和199个全国三八红旗集体。会议有120名代表、30个团组。"
    award = mention(text, "全国三八红旗手标兵", "AWARD")
    assert [m.text for m in counted_honours(text, [award])] == ["全国三八红旗手", "全国三八红旗集体"]
    assert counted_honours(text, []) == []  # a list of counted things holding no award holds none


def test_a_counted_item_found_as_an_award_keeps_its_name_without_the_predicate_after_it():
    text = "对10个全军军事训练先进单位和23名全军军事训练先进个人予以表彰。"
    found = [mention(text, "全军军事训练先进单位", "AWARD"), mention(text, "全军军事训练先进个人", "AWARD")]
    assert counted_honours(text, found) == []


def test_bare_honour_kinds_listed_after_an_honour_share_its_modifier():
    text = "第五届全国文明城市、文明村镇和文明单位代表，省级文明家庭创建工作，市级文明单位、文明校园评选活动。"
    kinds = frozenset({"文明城市", "文明村镇", "文明单位", "文明家庭", "文明校园", "奖"})
    first = mention(text, "第五届全国文明城市", "AWARD")
    found = [(text[m.start:m.end], m.name) for m in shared_modifier_honours(text, [first, mention(text, "市级文明单位", "AWARD")], kinds)]
    # not an item a noun runs on from (`文明校园|评选活动`), nor after a name that is not an honour of the kinds
    assert found == [("文明村镇", "第五届全国文明村镇"), ("文明单位", "第五届全国文明单位")]
    assert shared_modifier_honours(text, [mention(text, "全国文明城市", "EVENT")], kinds) == []


def test_an_honour_s_chunk_begins_after_the_last_person_of_a_list():
    text = "中国文联授予杨在葆、王铁成、许还山终身成就电影艺术家称号。钱学森奖颁给李华。"
    chunk = mention(text, "许还山终身成就电影艺术家", "AWARD", source="rule:chunk")
    named = mention(text, "钱学森奖", "AWARD", source="rule:chunk")  # an honour named after a person keeps the name
    people = [mention(text, n, "PERSON") for n in ("杨在葆", "王铁成", "许还山", "钱学森")]
    got = after_listed_people([chunk, named, *people], text)
    assert {m.text for m in got if m.type == "AWARD"} == {"终身成就电影艺术家", "钱学森奖"}
    text = "世界著名科学家、诺贝尔物理学奖获得者李政道。"  # a list of descriptions: the honour's eponym
    chunk = mention(text, "诺贝尔物理学奖", "AWARD", source="rule:chunk")
    got = after_listed_people([chunk, mention(text, "诺贝尔", "PERSON")], text)
    assert {m.text for m in got if m.type == "AWARD"} == {"诺贝尔物理学奖"}


def test_an_item_after_a_body_in_a_list_of_bodies_of_one_kind_is_one_too():
    text = "听取了经济委员会、农业和农村委员会、人口资源环境委员会的汇报，委员会、各专门委员会出席。"
    words = [(0, 2, "v"), (2, 3, "u"), (3, 5, "n"), (5, 8, "n"), (8, 9, "w"), (9, 11, "n"), (11, 12, "c"), (12, 14, "n"),
             (14, 17, "n"), (17, 18, "w"), (18, 20, "n"), (20, 22, "n"), (22, 24, "n"), (24, 27, "n"), (27, 28, "u"),
             (28, 30, "vn"), (30, 31, "w"), (31, 34, "n"), (34, 35, "w"), (35, 36, "r"), (36, 38, "b"), (38, 41, "n"),
             (41, 43, "v")]
    bodies = [mention(text, "经济委员会", "ORG"), mention(text, "人口资源环境委员会", "ORG"), mention(text, "委员会", "ORG", 3)]
    found = [m.text for m in listed_bodies(bodies, text, words) if m.source == "listed_body"]
    # not an item a name found covers, nor one in other words than common nouns and conjunctions (`各|专门|委员会`)
    assert found == ["农业和农村委员会"]


def test_a_listed_body_the_recognizer_cut_after_its_first_fields_is_named_whole():
    text = "表决了民族委员会、教育科学文化卫生委员会、外事委员会名单。"
    words = [(0, 2, "v"), (2, 3, "u"), (3, 5, "n"), (5, 8, "n"), (8, 9, "w"), (9, 11, "vn"), (11, 13, "n"), (13, 15, "n"),
             (15, 17, "a"), (17, 20, "n"), (20, 21, "w"), (21, 23, "n"), (23, 26, "n"), (26, 28, "n"), (28, 29, "w")]
    cut = mention(text, "文化卫生委员会", "ORG")
    bodies = [mention(text, "民族委员会", "ORG"), cut, mention(text, "外事委员会", "ORG")]
    got = listed_bodies(bodies, text, words)
    assert [m.text for m in got if m.source == "listed_body"] == ["教育科学文化卫生委员会"]
    assert cut not in got


def test_the_names_of_a_list_of_bodies_that_holds_one_found_are_bodies():
    text = "来自中国工商银行、华为、宁德时代和博世等企业负责人，汽车制造厂、饭店等企业，王强、李明等企业家"
    words = [(0, 2, "v"), (2, 4, "ns"), (4, 6, "n"), (6, 8, "n"), (8, 9, "w"), (9, 11, "nz"), (11, 12, "w"), (12, 14, "ns"),
             (14, 16, "n"), (16, 17, "c"), (17, 19, "n"), (19, 20, "u"), (20, 22, "n"), (22, 25, "n"), (25, 26, "w"),
             (26, 28, "n"), (28, 31, "n"), (31, 32, "w"), (32, 34, "n"), (34, 35, "u"), (35, 37, "n"), (37, 38, "w"),
             (38, 40, "nr"), (40, 41, "w"), (41, 43, "nr"), (43, 44, "u"), (44, 47, "n")]
    found = [mention(text, "中国工商银行", "ORG"), mention(text, "宁德", "LOCATION"), mention(text, "博世", "PERSON"),
             mention(text, "王强", "PERSON"), mention(text, "李明", "PERSON")]
    got = {(m.text, m.type) for m in listed_organisations(found, words, text, ("等企业",))}
    # not a kind (`饭店`), nor a list without a body found, nor one an end closes inside a word (`等|企业家`)
    assert got == {("中国工商银行", "ORG"), ("华为", "ORG"), ("宁德时代", "ORG"), ("博世", "ORG"), ("王强", "PERSON"),
                   ("李明", "PERSON")}
    text = "在央视新闻、央视频、央视网等新媒体平台播出"  # a body found inside an item: the item is the body
    words = [(0, 1, "p"), (1, 3, "j"), (3, 5, "n"), (5, 6, "w"), (6, 8, "j"), (8, 9, "n"), (9, 10, "w"), (10, 13, "nt"),
             (13, 14, "u"), (14, 15, "a"), (15, 17, "n"), (17, 19, "n"), (19, 21, "v")]
    found = [mention(text, "央视", "ORG", 1), mention(text, "央视网", "ORG")]
    got = {(m.text, m.type) for m in listed_organisations(found, words, text, ("等新媒体平台",))}
    assert got == {("央视新闻", "ORG"), ("央视频", "ORG"), ("央视网", "ORG")}


def test_a_meeting_of_sectors_is_named_from_the_first_sector_listed():
    text = "赵乐际参加了九三学社、共青团和青联、妇联界委员联组会。会见了代表、委员联组会"
    words = [(0, 3, "nr"), (3, 5, "v"), (5, 6, "u"), (6, 10, "nt"), (10, 11, "w"), (11, 14, "n"), (14, 15, "c"),
             (15, 17, "j"), (17, 18, "w"), (18, 21, "n"), (21, 23, "n"), (23, 26, "n"), (26, 27, "w"), (27, 29, "v"),
             (29, 30, "u"), (30, 32, "n"), (32, 33, "w"), (33, 35, "n"), (35, 38, "n")]
    meetings = [mention(text, "妇联界委员联组会", "EVENT"), mention(text, "委员联组会", "EVENT", 1)]
    got = sector_meetings(meetings, text, words, ("联组会",))
    # not past the verb, nor over a list before another kind of meeting
    assert [m.text for m in got] == ["九三学社、共青团和青联、妇联界委员联组会", "代表、委员联组会"]
    assert [m.text for m in sector_meetings(meetings, text, words, ("座谈会",))] == ["妇联界委员联组会", "委员联组会"]
    assert sector_meetings(meetings, text, None, ("联组会",)) == meetings

