"""The event an opening or closing ceremony or a session's organ is named after."""
from pipeline.analysis.ceremonies import ceremony_events
from tests.conftest import mention

CEREMONIES = ("开幕式", "闭幕式")
HEADS = ("峰会", "亚冬会", "论坛", "开幕式", "闭幕式", "大会", "会议")
ORGANS = ("主席团", "新闻中心")


def test_a_ceremony_named_after_its_event_names_the_event_inside_it():
    text = "习近平出席全球妇女峰会开幕式。第九届亚冬会闭幕式在哈尔滨举行。"
    ceremonies = [mention(text, "全球妇女峰会开幕式", "EVENT"), mention(text, "第九届亚冬会闭幕式", "EVENT")]
    found = ceremony_events(ceremonies, CEREMONIES, HEADS)
    assert [(text[m.start:m.end], m.type) for m in found] == [
        ("全球妇女峰会", "EVENT"), ("全球妇女峰会开幕式", "EVENT"), ("第九届亚冬会", "EVENT"), ("第九届亚冬会闭幕式", "EVENT")]


def test_a_ceremony_whose_name_before_it_ends_in_no_event_head_names_nothing_more():
    for text, name in [("大会隆重举行开幕式。", "隆重举行开幕式"), ("出席开幕式。", "开幕式"), ("论坛会场。", "论坛会场")]:
        mentions = [mention(text, name, "EVENT")]
        assert ceremony_events(mentions, CEREMONIES, HEADS) == mentions, text
    text = "中欧论坛开幕式"
    assert ceremony_events([mention(text, text, "ORG")], CEREMONIES, HEADS) == [mention(text, text, "ORG")]


def test_a_session_s_organ_names_the_session_inside_it_and_a_bare_kind_names_none():
    text = "关于十四届全国人大二次会议主席团交付审议的议案。大会主席团第一次会议。"
    presidium = mention(text, "十四届全国人大二次会议主席团", "ORG")
    found = ceremony_events([presidium], CEREMONIES, HEADS, ORGANS)
    assert [(text[m.start:m.end], m.type) for m in found] == [("十四届全国人大二次会议", "EVENT"), (presidium.text, "ORG")]
    bare = [mention(text, "大会主席团", "ORG")]
    assert ceremony_events(bare, CEREMONIES, HEADS, ORGANS) == bare
    assert ceremony_events([presidium], CEREMONIES, HEADS) == [presidium]


def test_a_session_named_only_by_its_presidium_is_an_event(extract):
    facts = extract("会议审议全国人大农委关于十四届全国人大二次会议主席团交付审议的代表议案审议结果的报告。")
    assert "十四届全国人大二次会议" in facts.names("EVENT")
    assert "十四届全国人大二次会议主席团" in facts.names("ORG")


def test_who_attends_a_ceremony_takes_part_in_the_ceremony_and_its_event_is_an_entity(extract):
    facts = extract("新华社北京10月13日电 国家主席习近平13日在北京出席全球妇女峰会开幕式并发表主旨讲话。")
    assert {"全球妇女峰会", "全球妇女峰会开幕式"} <= facts.names("EVENT")
    assert ("习近平", "全球妇女峰会开幕式") in facts.relation_pairs("participated_in")
    assert ("习近平", "全球妇女峰会") not in facts.relation_pairs("participated_in")
    assert ("全球妇女峰会开幕式", "北京") in facts.relation_pairs("located_in")
