"""pipeline.relations.bylines: reporters hold 记者 at the body their byline credits; a dated report's
event takes place where its dateline says."""
from pipeline.records import Relation
from pipeline.relations.bylines import dateline_relations, here_relations, reporter_relations
from pipeline.relations.mentions import without_reporters
from tests.conftest import anchored

TEXT = ("标题\n\n人民日报 1998-01-12\n\n本报张北1月12日电记者余继军、何伟报道：张北县召开会议。"
        "新华社贝尔格莱德1月10日电（记者赵金河）会谈举行。本报驻澳大利亚记者李学江报道。新华社记者李斌摄。"
        "王明告诉记者。")


def held(text, mentions):
    names = {m.entity: m.entity.split(":", 1)[1] for m in mentions}
    return {(names[r.head], names[r.tail], r.title) for r in reporter_relations(text, mentions)}


def test_a_reporter_holds_the_post_at_the_body_the_byline_credits():
    mentions = sorted([anchored(TEXT, "人民日报", "ORG"), anchored(TEXT, "新华社", "ORG"), anchored(TEXT, "新华社", "ORG", 1)]
                      + [anchored(TEXT, n, "PERSON") for n in ("余继军", "何伟", "赵金河", "李学江", "李斌", "王明")],
                      key=lambda m: m.start)
    assert held(TEXT, mentions) == {("余继军", "人民日报", "记者"), ("何伟", "人民日报", "记者"), ("赵金河", "新华社", "记者"),
                                    ("李学江", "人民日报", "记者"), ("李斌", "新华社", "记者")}


def test_a_body_the_dateline_or_the_posting_names_is_not_the_one_credited():
    text = "新华社联合国1月12日电（记者周锡生）安南说。新华社驻联合国记者王明报道。"
    mentions = sorted([anchored(text, "新华社", "ORG"), anchored(text, "新华社", "ORG", 1), anchored(text, "联合国", "ORG"),
                       anchored(text, "联合国", "ORG", 1), anchored(text, "周锡生", "PERSON"), anchored(text, "王明", "PERSON")],
                      key=lambda m: m.start)
    assert held(text, mentions) == {("周锡生", "新华社", "记者"), ("王明", "新华社", "记者")}


def test_this_paper_is_only_the_paper_of_the_source_line():
    text = "人民日报社论引起反响。本报记者李学江报道。"  # no source line: which paper?
    mentions = [anchored(text, "人民日报", "ORG"), anchored(text, "李学江", "PERSON")]
    assert held(text, mentions) == set()


def test_the_event_of_a_dated_report_takes_place_where_the_dateline_says_unless_the_text_says():
    text = "本报北京1月11日讯全国档案局长馆长会议今天召开。"
    meeting, beijing = anchored(text, "全国档案局长馆长会议", "EVENT"), anchored(text, "北京", "LOCATION")
    found = dateline_relations(text, [beijing, meeting], meeting.entity, [])
    assert [(r.type, r.head, r.tail) for r in found] == [("located_in", meeting.entity, beijing.entity)]
    elsewhere = Relation("located_in", meeting.entity, "LOCATION:上海", (), 0.9, "location")
    assert dateline_relations(text, [beijing, meeting], meeting.entity, [elsewhere]) == []
    assert dateline_relations(text, [beijing, meeting], None, []) == []


def test_a_foreign_dateline_may_name_its_place_s_country_in_brackets():
    text = "新华社杰里科（约旦河西岸）1月25日电（记者戚德良、支林飞）埃里卡特25日在此间举行的记者招待会上说。"
    mentions = sorted([anchored(text, "新华社", "ORG"), anchored(text, "杰里科", "LOCATION"), anchored(text, "约旦河西岸", "LOCATION"),
                       anchored(text, "戚德良", "PERSON"), anchored(text, "支林飞", "PERSON"), anchored(text, "埃里卡特", "PERSON"),
                       anchored(text, "记者招待会", "EVENT")], key=lambda m: m.start)
    assert held(text, mentions) == {("戚德良", "新华社", "记者"), ("支林飞", "新华社", "记者")}
    found = here_relations(text, mentions, [])
    assert [(r.head, r.tail) for r in found] == [("EVENT:记者招待会", "LOCATION:杰里科")]


def test_a_meeting_named_by_another_place_and_its_kind_is_not_where_the_dateline_says():
    text = "新华社杰里科1月25日电 埃里卡特说，华盛顿会谈令人失望。本报石家庄1月5日讯河北省委工作会议召开。"
    jericho, talks = anchored(text, "杰里科", "LOCATION"), anchored(text, "华盛顿会谈", "EVENT")
    words = {text.index("华盛顿"): text.index("华盛顿") + 3}
    assert dateline_relations(text, [jericho, talks], talks.entity, [], words) == []
    assert len(dateline_relations(text, [jericho, talks], talks.entity, [], {})) == 1  # without the word analysis
    text = "本报石家庄1月5日讯河北省委工作会议召开。"
    city, meeting = anchored(text, "石家庄", "LOCATION"), anchored(text, "河北省委工作会议", "EVENT")
    words = {text.index("河北"): text.index("河北") + 2}
    assert [r.tail for r in dateline_relations(text, [city, meeting], meeting.entity, [], words)] == [city.entity]


def test_an_event_held_here_takes_place_where_the_dateline_before_it_says():
    text = "本报上海1月5日讯上海会议召开。据新华社北京1月6日电今天在此间召开的全国轻工业工作会议提出，要改革。全国纺织会议也提出。"
    shanghai, beijing = anchored(text, "上海", "LOCATION"), anchored(text, "北京", "LOCATION")
    light, textile = anchored(text, "全国轻工业工作会议", "EVENT"), anchored(text, "全国纺织会议", "EVENT")
    found = here_relations(text, [shanghai, beijing, light, textile], [])
    assert [(r.type, r.head, r.tail) for r in found] == [("located_in", light.entity, beijing.entity)]
    elsewhere = Relation("located_in", light.entity, "LOCATION:天津", (), 0.9, "location")
    assert here_relations(text, [shanghai, beijing, light], [elsewhere]) == []


def test_an_event_convened_here_takes_place_where_the_dateline_says():
    text = "本报北京1月16日讯国家体委主任王建华今天上午在这里主持召开1998年中国奥委会全体会议。在这里看到的是郁郁葱葱的全国植树活动。"
    beijing = anchored(text, "北京", "LOCATION")
    plenary, planting = anchored(text, "1998年中国奥委会全体会议", "EVENT"), anchored(text, "全国植树活动", "EVENT")
    found = here_relations(text, [beijing, plenary, planting], [])
    assert [(r.type, r.head, r.tail) for r in found] == [("located_in", plenary.entity, beijing.entity)]


def test_an_event_that_opens_its_sentence_and_is_held_here_later_in_it_takes_place_where_the_dateline_says():
    text = "新华社突尼斯1月5日电（记者刘上阳）阿拉伯内政部长理事会会议在通过了一系列文件后，5日下午在此间闭幕。" \
           "声明说，阿拉伯司法部长会议将在这里举行。"
    tunis = anchored(text, "突尼斯", "LOCATION")
    council, justice = anchored(text, "阿拉伯内政部长理事会会议", "EVENT"), anchored(text, "阿拉伯司法部长会议", "EVENT")
    found = here_relations(text, [tunis, council, justice], [])
    assert [(r.type, r.head, r.tail) for r in found] == [("located_in", council.entity, tunis.entity)]  # 声明说，: no subject


def test_the_people_of_an_author_line_are_no_party_to_what_is_reported():
    text = "送还一顶帽\n\n人民日报 1998-01-09\n\n潘跃王萍\n李为昌荣获大奖。潘跃说。"
    mentions = [anchored(text, n, "PERSON") for n in ("潘跃", "王萍", "李为昌")] + [anchored(text, "潘跃", "PERSON", 1)]
    kept = {(m.entity, m.start) for m in without_reporters(text, sorted(mentions, key=lambda m: m.start))}
    assert kept == {("PERSON:李为昌", text.index("李为昌")), ("PERSON:潘跃", text.rindex("潘跃"))}
    titled = text.replace("潘跃王萍", "水利部部长钮茂生")  # a line with more than names is no author line
    mentions = [anchored(titled, "钮茂生", "PERSON")]
    assert without_reporters(titled, mentions) == mentions
