"""pipeline.analysis.brackets: a name within its brackets and quotation marks."""
from pipeline.analysis.brackets import balanced, bracketed_name_forms, bracketed_short_forms
from pipeline.records import Mention


def test_a_name_stays_within_its_brackets_and_quotation_marks():
    def kept(name):
        mention = balanced(Mention(5, 5 + len(name), name, "ORG", "model", 0.9))
        return mention and (mention.text, mention.start)
    assert kept("宁夏)东方集团有限公司") == ("东方集团有限公司", 8)
    assert kept("“邮发服务有限公司") == ("邮发服务有限公司", 6)
    assert kept("中国人民大学（北京") == ("中国人民大学", 5)
    assert kept("伽利略”号") is None
    assert kept("共创繁荣”的国庆70周年招待会") == ("国庆70周年招待会", 11)
    assert kept("“不忘初心、牢记使命”主题教育") == ("“不忘初心、牢记使命”主题教育", 5)
    assert kept("-华盛顿") == ("华盛顿", 6)  # `北京-纽约|-华盛顿`: a dash joins names
    assert kept("—华") is None
    assert kept("’98北京新年音乐会") == ("’98北京新年音乐会", 5)  # the apostrophe of a year
    assert kept("’北京新年音乐会") == ("北京新年音乐会", 6)


def test_a_name_takes_in_the_mark_that_opens_or_closes_it_right_outside():
    def kept(document, name):
        start = document.index(name)
        mention = balanced(Mention(start, start + len(name), name, "ORG", "model", 0.9), document)
        return mention and mention.text
    assert kept("开着“中国红”车队", "中国红”车队") == "“中国红”车队"
    assert kept("刊登在美国《华尔街日报》上", "美国《华尔街日报") == "华尔街日报"
    assert kept("读中国人民大学（北京", "中国人民大学（北京") == "中国人民大学"


def test_a_name_alone_in_brackets_after_an_organisation_s_is_its_short_form_wherever_the_document_writes_it():
    text = "巴勒斯坦伊斯兰圣战组织（杰哈德）发表声明。杰哈德表示，委员会（哈马斯）另有安排。"

    def at(surface: str, etype: str, occurrence: int = 0) -> Mention:
        start = text.find(surface) if occurrence == 0 else text.find(surface, text.find(surface) + 1)
        return Mention(start, start + len(surface), surface, etype, "model", 0.9)

    mentions = [at("巴勒斯坦伊斯兰圣战组织", "ORG"), at("杰哈德", "PERSON"), at("杰哈德", "PERSON", 1), at("委员会", "ORG"),
                at("哈马斯", "ORG")]
    got = bracketed_short_forms(mentions, text, generic={"委员会"})
    assert [(m.text, m.type, m.name) for m in got[1:3]] == [("杰哈德", "ORG", "巴勒斯坦伊斯兰圣战组织")] * 2
    assert got[4] == mentions[4]  # after a generic head: a name of its own


def test_an_acronym_in_brackets_after_an_organisation_s_name_is_its_short_form():
    text = "亚太经合组织（APEC）成员。APEC领导人表示。委员会（WTO）成立。"
    mentions = [Mention(0, 6, "亚太经合组织", "ORG", "lexicon"), Mention(14, 18, "APEC", "ORG", "model"),
                Mention(27, 30, "委员会", "ORG", "chunk")]
    got = bracketed_short_forms(mentions, text, generic={"委员会"})
    assert (got[1].type, got[1].name) == ("ORG", "亚太经合组织")


def test_a_name_of_the_short_form_in_a_full_name_s_brackets_and_that_name_s_end_is_the_full_name():
    names = {"二十国集团（G20）领导人第十七次峰会", "G20峰会", "APEC领导人非正式会议", "G20外长会议"}
    assert bracketed_name_forms(names) == {"G20峰会": "二十国集团（G20）领导人第十七次峰会"}  # G20外长会议: another meeting
