"""pipeline.analysis.policy_names: a meeting named after a policy keeps the policy's verbs back to the verb that
convenes it or to the start of its sentence."""
import pytest

from pipeline.analysis.policy_names import after_opening_verb, held_subject


@pytest.fixture(scope="module")
def meetings(rules):
    return next(c for c in rules.chunkers if c.label == "EVENT")


def begins(text, stopped_at, suffix, rules, chunker, words=()):
    """The name the chunk stopped at `stopped_at` before `suffix` has once it runs on back over the policy's verbs."""
    suffix_start = text.index(suffix)
    return text[after_opening_verb(text, text.index(stopped_at), suffix_start, chunker, rules, words):suffix_start + len(suffix)]


def test_a_stop_word_inside_a_longer_word_of_the_analysis_stops_no_policy_s_name(rules, meetings):
    text = "国务院召开推动大规模设备更新和消费品以旧换新工作视频会议。"
    renewal = {text.index("更新"): text.index("更新") + 2}  # 更 (more) a stop word, inside the verb 更新
    assert begins(text, "消费品", "会议", rules, meetings, (renewal,)) == "推动大规模设备更新和消费品以旧换新工作视频会议"
    assert begins(text, "消费品", "会议", rules, meetings) == "消费品以旧换新工作视频会议"


def test_a_protected_word_stops_no_policy_s_name(rules, meetings):
    text = "央视网消息（新闻联播）：省部级主要领导干部学习贯彻党的十九届五中全会精神专题研讨班11日在中央党校开班。"
    assert begins(text, "党的", "研讨班", rules, meetings).startswith("省部级主要领导干部学习贯彻")


def test_a_policy_s_name_begins_after_the_aspect_mark_of_a_convening_verb(rules, meetings):
    text = "王克出席了总后在京老干部和科技干部迎春茶话会。"
    in_beijing = {text.index("在京"): text.index("在京") + 2}
    assert begins(text, "科技干部", "茶话会", rules, meetings, (in_beijing,)) == "总后在京老干部和科技干部迎春茶话会"


def test_a_seminar_s_class_opening_or_closing_holds_it(meetings):
    text = "专题研讨班11日在中央党校开班。专题研讨班在北京结业。专题研讨班的精神。"
    ends = [i + 5 for i in range(len(text)) if text.startswith("专题研讨班", i)]
    assert [held_subject(text, end, meetings) for end in ends] == [True, True, False]


def test_a_bare_kind_after_a_conjunction_names_no_policy(rules, meetings):
    text = "施瓦布和论坛执行主席斯马亚在日内瓦举行的记者招待会上说。"  # Schwab and the forum's chairman
    assert begins(text, "论坛", "论坛", rules, meetings) == "论坛"
    text = "省委召开全省乡村振兴推进会议。"  # a policy's verb right before the kind: the policy's meeting
    assert begins(text, "会议", "会议", rules, meetings) == "全省乡村振兴推进会议"
