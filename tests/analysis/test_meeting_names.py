"""pipeline.analysis.meeting_names: which of a document's event names name one meeting."""
from pipeline.analysis.meeting_names import same_meeting


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
