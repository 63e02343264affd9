"""Meetings named by their kind alone: a body's meeting and a document's unnamed meeting."""
import pytest

from pipeline.analysis.unnamed_events import bare_events, body_meetings, one_ceremony, unnamed_events
from tests.conftest import mention


def test_a_body_opening_its_clause_names_the_meeting_it_holds(rules, schema):
    text = "央视网消息：中共中央政治局5月27日召开会议，审议有关文件。"
    found = body_meetings(text, [mention(text, "中共中央政治局", "ORG")], rules, schema.aliases)
    assert [(text[m.start:m.end], m.name) for m in found] == [("会议", "中共中央政治局会议")]
    text = "中共全国人大常委会党组21日上午举行了会议"
    found = body_meetings(text, [mention(text, "中共全国人大常委会党组", "ORG")], rules, schema.aliases)
    assert [m.name for m in found] == ["中共全国人大常委会党组会议"]


def test_a_body_that_is_no_subject_or_a_meeting_with_more_to_its_name_names_none(rules, schema):
    for text, body in [("李克强到国家市场监督管理总局召开会议。", "国家市场监督管理总局"),  # a place, no subject
                       ("联合国安理会16日就沙特问题举行会议。", "联合国安理会"),  # more than a date between
                       ("国务院召开会议室改造工作会。", "国务院")]:  # `会议室`: the meeting word runs on
        assert body_meetings(text, [mention(text, body, "ORG")], rules, schema.aliases) == [], text


def test_a_meeting_kind_held_or_attended_is_an_event_where_no_name_ends_with_it(rules):
    text = "韩正到国家电网调研并主持召开座谈会。座谈会前，韩正来到调度中心。王勇参加座谈会。"
    found = bare_events(text, [mention(text, "韩正", "PERSON")], rules)
    assert [(m.start, m.name) for m in found] == [(text.index("座谈会"), "座谈会"),
                                                  (text.index("座谈会前"), "座谈会"),
                                                  (text.rindex("座谈会"), "座谈会")]
    text = "习近平看望了参加全国政协会议的委员，并参加联组会，听取意见。"  # a joint group meeting of a session
    assert [m.name for m in bare_events(text, [mention(text, "习近平", "PERSON")], rules)] == ["联组会"]
    text = "习近平出席全国民营企业座谈会。座谈会上，企业家发言。"
    assert bare_events(text, [mention(text, "全国民营企业座谈会", "EVENT")], rules) == []


@pytest.mark.parametrize("text, kind", [("总政文化部和解放军报联合举办座谈会，官兵代表参加。", "座谈会"),
                                        ("中央电视台于日前在北京举行了颁奖大会。", "颁奖大会"),
                                        ("省委、省政府召开表彰大会，会议由省长主持。", "表彰大会"),
                                        ("习近平向阮富仲授予“友谊勋章”，并举行隆重颁授仪式。", "颁授仪式"),
                                        ("唐山市委、市政府召开紧急会议，部署救灾工作。", "紧急会议")])
def test_an_award_ceremony_an_emergency_or_a_hosted_meeting_is_an_event_by_its_kind(rules, text, kind):
    assert [(m.start, m.name) for m in bare_events(text, [], rules)] == [(text.index(kind), kind)]


def test_the_kinds_a_document_names_its_award_ceremony_by_are_one_event(rules):
    text = "习近平举行隆重颁授仪式。何立峰参加授勋仪式。授勋仪式后，两人茶叙。"
    found = one_ceremony([mention(text, "颁授仪式", "EVENT"), mention(text, "授勋仪式", "EVENT"),
                          mention(text, "授勋仪式", "EVENT", 1), mention(text, "何立峰", "PERSON")],
                         rules.meeting_ceremonies)
    assert [(m.text, m.name) for m in found if m.type == "EVENT"] == [("颁授仪式", "颁授仪式"), ("授勋仪式", "颁授仪式"),
                                                                       ("授勋仪式", "颁授仪式")]
    text = "习近平出席座谈会，并参加授勋仪式。"  # a meeting is no ceremony: each keeps its name
    kept = [mention(text, "座谈会", "EVENT"), mention(text, "授勋仪式", "EVENT")]
    assert one_ceremony(kept, rules.meeting_ceremonies) == kept


@pytest.mark.parametrize("text", ["龙永图今天在美国亚洲基金会于此间举行的研讨会上说，两国应密切合作。",
                                  "出席研讨会的各界人士说，讲话全面阐述了政策。"])
def test_a_meeting_kind_in_a_relative_clause_of_holding_or_attending_is_an_event(rules, text):
    assert [(m.start, m.name) for m in bare_events(text, [], rules)] == [(text.index("研讨会"), "研讨会")]


def test_a_meeting_kind_opening_its_clause_hosted_by_someone_is_an_event(rules):
    text = "各民主党派中央今天在京集会。座谈会由全国政协副主席何鲁丽主持。"
    assert [(m.start, m.name) for m in bare_events(text, [], rules)] == [(text.index("座谈会"), "座谈会")]


def test_a_meeting_kind_nobody_holds_or_attends_is_no_event(rules):
    for text in ["座谈会纪要已经印发。", "座谈会由于天气原因推迟举行。", "这次座谈会由他主持。"]:
        assert bare_events(text, [], rules) == [], text


def test_unnamed_events_keep_the_mentions_and_add_no_overlapping_one(rules, schema):
    text = "中共中央政治局召开会议。习近平出席座谈会。"
    mentions = [mention(text, "中共中央政治局", "ORG"), mention(text, "习近平", "PERSON")]
    got = unnamed_events(text, mentions, rules, schema.aliases)
    assert [(m.text, m.name) for m in got] == [("中共中央政治局", None), ("会议", "中共中央政治局会议"),
                                               ("习近平", None), ("座谈会", "座谈会")]
    assert unnamed_events(text, [mention(text, "召开会议", "EVENT")], rules, schema.aliases)[0].text == "召开会议"


def test_the_body_meeting_and_its_chair_reach_the_graph(extract):
    facts = extract("中共中央政治局召开会议\n央视网消息：中共中央政治局10月24日召开会议，研究有关问题。"
                    "中共中央总书记习近平主持会议。")
    assert "中共中央政治局会议" in facts.names("EVENT")
    assert ("中共中央政治局", "中共中央政治局会议") in facts.relation_pairs("organized")
    assert ("习近平", "中共中央政治局会议") in facts.relation_pairs("participated_in")


def test_an_unnamed_meeting_reaches_the_graph_with_who_held_it(extract):
    facts = extract("栗战书同地方人大负责同志座谈\n央视网消息：栗战书29日在京主持召开座谈会，听取意见。王晨出席座谈会。")
    assert facts.names("EVENT") == {"座谈会"}
    assert ("王晨", "座谈会") in facts.relation_pairs("participated_in")


def test_a_ceremony_of_commemoration_named_by_its_kind_is_one_event(extract):
    facts = extract("各界人士纪念孙中山逝世100周年\n首都各界人士会聚中山堂，举行仪式，纪念孙中山先生逝世100周年。"
                    "纪念仪式由全国政协副主席何报翔主持。")
    assert "纪念仪式" in facts.names("EVENT")
    assert ("何报翔", "纪念仪式") in facts.relation_pairs("participated_in")


def test_the_first_mention_of_a_body_names_its_meeting(rules, schema):
    text = "全国人大常委会党组举行会议\n中共全国人大常委会党组21日举行会议，学习讲话精神。"
    mentions = [mention(text, "全国人大常委会党组", "ORG"), mention(text, "中共全国人大常委会党组", "ORG")]
    assert [m.name for m in body_meetings(text, mentions, rules, schema.aliases)] == ["全国人大常委会党组会议"] * 2
