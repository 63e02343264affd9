"""pipeline.analysis.meeting_names: which of a document's event names name one meeting."""
from pipeline.analysis.meeting_names import chinese_number, contracted_events, same_meeting


def test_a_year_inside_an_editions_name_is_left_out_of_its_short_name(schema):
    mapping = same_meeting({"北京2022年冬残奥会", "北京冬残奥会", "博鳌亚洲论坛2021年年会", "博鳌亚洲论坛年会"},
                           schema.recognition, schema.aliases)
    assert mapping["北京冬残奥会"] == "北京2022年冬残奥会" and mapping["博鳌亚洲论坛年会"] == "博鳌亚洲论坛2021年年会"
    earlier = same_meeting({"1986年全国语言文字工作会议", "全国语言文字工作会议"}, schema.recognition, schema.aliases)
    assert "全国语言文字工作会议" not in earlier  # a year before the name dates an earlier edition
    two = same_meeting({"北京2008年残奥会", "北京2022年残奥会", "北京残奥会"}, schema.recognition, schema.aliases)
    assert "北京残奥会" not in two


def test_a_plenary_meeting_is_one_whatever_form_of_its_body_and_head_names_it(schema):
    names = {"中纪委第二次全体会议", "中纪委二次全会", "中央纪委二次全会", "中央纪委三次全会"}
    mapping = same_meeting(names, schema.recognition, schema.aliases)
    assert mapping["中纪委二次全会"] == mapping["中央纪委二次全会"] == "中纪委第二次全体会议"
    assert "中央纪委三次全会" not in mapping  # another number, another meeting
    unnumbered = same_meeting({"国务院第一次全体会议", "国务院全体会议"}, schema.recognition, schema.aliases)
    assert unnumbered["国务院全体会议"] == "国务院第一次全体会议"


def test_a_plenum_is_one_by_its_short_name_and_by_its_committee_s_full_one(schema):
    names = {"中国共产党第二十届中央委员会第四次全体会议", "中共二十届四中全会", "党的二十届三中全会",
             "中国民主同盟第十三届中央委员会第四次全体会议", "民盟十三届四中全会"}
    mapping = same_meeting(names, schema.recognition, schema.aliases)
    assert mapping["中共二十届四中全会"] == "中国共产党第二十届中央委员会第四次全体会议"
    assert mapping["民盟十三届四中全会"] == "中国民主同盟第十三届中央委员会第四次全体会议"  # the league's, not the Party's
    assert "党的二十届三中全会" not in mapping  # another plenum


def test_a_national_events_official_name_is_its_common_one(schema):
    names = {"中华人民共和国第十四届运动会", "第十四届全国运动会", "首届全国职业技能大赛", "中华人民共和国第一届职业技能大赛",
             "中华人民共和国第十三届全国人民代表大会第一次会议"}
    mapping = same_meeting(names, schema.recognition, schema.aliases)
    assert mapping["第十四届全国运动会"] == "中华人民共和国第十四届运动会"
    assert mapping["首届全国职业技能大赛"] == "中华人民共和国第一届职业技能大赛"
    assert "中华人民共和国第十三届全国人民代表大会第一次会议" not in mapping


def test_an_event_named_by_a_contraction_of_another_of_the_documents(schema):
    names = {"杭州第19届亚洲运动会", "杭州亚运会", "中英政府间经贸合作联委会第二次会议", "中英经贸联委会会议",
             "第十四届全运会", "第十四届全国运动会"}
    mapping = contracted_events(names, schema.recognition, schema.aliases)
    assert mapping == {"杭州亚运会": "杭州第19届亚洲运动会", "中英经贸联委会会议": "中英政府间经贸合作联委会第二次会议",
                       "第十四届全运会": "第十四届全国运动会"}


def test_a_contraction_leaves_out_the_edition_year_and_china_s_scope_before_the_name(schema):
    names = {"第二十五届中国国际高新技术成果交易会", "高交会", "1998年长野冬季奥林匹克运动会", "长野冬奥会", "第八届世界游泳锦标赛",
             "世界锦标赛"}
    assert contracted_events(names, schema.recognition, schema.aliases) == {
        "高交会": "第二十五届中国国际高新技术成果交易会", "长野冬奥会": "1998年长野冬季奥林匹克运动会",
        "世界锦标赛": "第八届世界游泳锦标赛"}
    # a contraction writes a number whole: `十大` is no `十一大`
    full = "中国文学艺术界联合会十一大"
    assert contracted_events({"中国文联十一大", full}, schema.recognition, schema.aliases) == {"中国文联十一大": full}
    assert contracted_events({"中国文联十大", full}, schema.recognition, schema.aliases) == {}
    # two editions of one fair: the short name names neither
    names = {"首届中国国际进口博览会", "第二届中国国际进口博览会", "进博会"}
    assert contracted_events(names, schema.recognition, schema.aliases) == {}


def test_no_contraction_leaves_out_a_body_the_disabled_an_edition_or_a_quoted_name(schema):
    def contracted(*names):
        return contracted_events(set(names), schema.recognition, schema.aliases)
    assert contracted("中央人才工作会议", "中央军委人才工作会议") == {}  # the commission's own meeting
    assert contracted("全国政协会议", "全国政协主席会议") == {}
    assert contracted("全国人大一次会议", "全国人大常委会第一次会议") == {}
    assert contracted("北京冬奥会", "北京2022年冬残奥会") == {}
    assert contracted("第二次会议", "第三次全国代表会议") == {}
    assert contracted("“三优一满意”活动", "“三优一满意示范窗口”活动") == {}
    assert contracted("全运会", "全国运动会", "全国残疾人运动会") == {"全运会": "全国运动会"}


def test_an_editions_number_in_arabic_and_chinese_numerals_names_one_meeting(schema):
    names = {"十三届全国人大常委会第72次委员长会议", "十三届全国人大常委会第七十二次委员长会议", "十三届全国人大常委会第二十七次委员长会议"}
    mapping = same_meeting(names, schema.recognition, schema.aliases)
    assert mapping["十三届全国人大常委会第72次委员长会议"] == "十三届全国人大常委会第七十二次委员长会议"
    assert "十三届全国人大常委会第二十七次委员长会议" not in mapping
    assert [chinese_number(n) for n in (10, 15, 22, 102, 160)] == ["十", "十五", "二十二", "一百零二", "一百六十"]
