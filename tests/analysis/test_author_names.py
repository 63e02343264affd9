from pipeline.analysis.author_names import author_people
from pipeline.records import Mention

SURNAMES = frozenset({"陈", "潘", "王", "高", "欧阳", "吉"})
STRONG = frozenset({"陈", "潘", "王"})
OPENING = "送还一顶帽\n\n人民日报 1998-01-09\n\n"


def people(line, mentions=(), opening=OPENING):
    text = f"{opening}{line}\n现代科学认为，社会的分化总是先于结构的整合。"
    return [(m.text, text[m.start:m.end]) for m in author_people(text, list(mentions), SURNAMES, STRONG)]


def test_the_author_line_of_a_paper_s_article_names_who_wrote_it():
    assert people("陈瑶") == [("陈瑶", "陈瑶")]
    assert people("欧阳晓光") == [("欧阳晓光", "欧阳晓光")]  # a compound surname: one name of four characters
    assert people(" 陈瑶 ") == [("陈瑶", "陈瑶")]


def test_two_names_written_together_on_the_author_line_are_two_people():
    assert people("潘跃王萍") == [("潘跃", "潘跃"), ("王萍", "王萍")]


def test_an_author_line_of_no_name_names_no_one():
    place = Mention(len(OPENING), len(OPENING) + 2, "吉林", "LOCATION", "rule:lexicon", 1.0)
    assert people("吉林", [place]) == []  # a place the lexicon knows
    assert people("开栏的话") == [] and people("天气趋势分析") == [] and people("汇率") == []
    assert people("水利部部长钮茂生") == []
    assert people("陈瑶", opening="送还一顶帽\n\n") == []  # no source line: no author line


def test_the_whole_recognition_finds_the_author_the_recognizer_misses(extract):
    facts = extract(f"{OPENING}王大成\n现代科学认为，社会的分化总是先于结构的整合。")
    assert "王大成" in facts.names("PERSON")
