"""pipeline.analysis.analysed_mentions: candidates from the recognizer and the word analysis."""
from pipeline.records import Mention


def test_the_word_analysis_finds_people_the_recognizer_misses_or_cuts_short(rules):
    from pipeline.analysis.analysed_mentions import worded_people

    text = "中国科学院大气物理研究所曾庆存院士和孙家栋院士，风华正茂"
    surnames = frozenset(rules.lexicons["SURNAME"])
    words = [(0, 12, "nt"), (12, 15, "nr"), (15, 17, "n"), (17, 18, "c"), (18, 21, "nr"), (21, 23, "n"),
             (23, 24, "w"), (24, 26, "nr"), (26, 28, "i")]
    org = Mention(0, 12, text[:12], "ORG", "model", 0.9)
    cut = Mention(18, 20, "孙家", "PERSON", "model", 0.9)
    found = worded_people(text, words, surnames, [org, cut])
    assert [(m.text, m.source) for m in found] == [("曾庆存", "words"), ("孙家栋", "words")]  # not 风华: two characters
    assert worded_people(text, None, surnames, [org]) == []


def test_a_transliterated_name_cut_one_short_is_the_analysis_s_word_where_it_ends_its_phrase(rules):
    from pipeline.analysis.analysed_mentions import worded_people

    surnames = frozenset(rules.lexicons["SURNAME"])
    text = "总理帕什尼扬，沈雷身边，帕什尼扬表示"
    words = [(0, 2, "n"), (2, 6, "nr"), (6, 7, "w"), (7, 11, "nr"), (11, 12, "w"), (12, 16, "nr"), (16, 18, "v")]
    cut = [Mention(2, 5, "帕什尼", "PERSON", "model"), Mention(7, 10, "沈雷身", "PERSON", "model"),
           Mention(12, 15, "帕什尼", "PERSON", "model")]
    assert [m.text for m in worded_people(text, words, surnames, cut)] == ["帕什尼扬"]  # not a surname's, nor mid-phrase


def test_a_name_begun_late_after_a_title_begins_right_after_it(rules):
    from pipeline.analysis.analysed_mentions import titled_people

    def late(text, words, name, late_name):
        start = text.index(name) + len(name) - len(late_name)
        person = Mention(start, start + len(late_name), late_name, "PERSON", "model")
        return [m.text for m in titled_people([person], text, rules.titles, words) if m.type == "PERSON"]
    text = "蒙古国总统呼日勒苏赫通电话"
    words = [(0, 3, "ns"), (3, 5, "n"), (5, 7, "nz"), (7, 11, "nr"), (11, 13, "n")]
    assert late(text, words, "呼日勒苏赫", "勒苏赫") == ["呼日勒苏赫"]
    text = "总统夫人彭丽媛出席"  # a common noun between: no part of the name
    assert late(text, [(0, 2, "n"), (2, 4, "n"), (4, 7, "nr"), (7, 9, "v")], "彭丽媛", "彭丽媛") == ["彭丽媛"]
    text = "本报记者严正孙勇军报道"  # another person's name between
    words = [(0, 2, "r"), (2, 4, "n"), (4, 6, "nr"), (6, 9, "nr"), (9, 11, "v")]
    assert late(text, words, "孙勇军", "孙勇军") == ["孙勇军"]
    text = "教练员陈融雪出席"  # the title's word goes on: 员 is no part of the name
    assert late(text, [(0, 3, "n"), (3, 6, "nr"), (6, 8, "v")], "陈融雪", "陈融雪") == ["陈融雪"]
    text = "丹麦女王玛格丽特二世互致贺电"  # begun inside the title's word: after it
    words = [(0, 2, "ns"), (2, 4, "n"), (4, 9, "nr"), (9, 10, "n"), (10, 11, "d"), (11, 12, "v"), (12, 14, "n")]
    assert late(text, words, "女王玛格丽特二世", "王玛格丽特二世") == ["玛格丽特二世"]
    text = "他的子女王小刚出席"  # 子女 is no title: the name is whole
    assert late(text, [(0, 1, "r"), (1, 2, "u"), (2, 4, "n"), (4, 7, "nr"), (7, 9, "v")], "王小刚", "王小刚") == ["王小刚"]


def test_a_statistical_person_right_after_a_known_name_and_its_title_is_none(rules):
    from pipeline.analysis.analysed_mentions import titled_people

    text = "在习近平主席英明领导下，马拉维总统查克维拉表示"
    words = [(0, 1, "p"), (1, 4, "nr"), (4, 6, "n"), (6, 8, "nr"), (8, 10, "v"), (10, 11, "f"), (11, 12, "w"),
             (12, 15, "nr"), (15, 17, "n"), (17, 21, "nr"), (21, 23, "v")]
    known = Mention(1, 4, "习近平", "PERSON", "rule:lexicon", 0.95)
    misread = [Mention(6, 8, "英明", "PERSON", "model"), Mention(12, 15, "马拉维", "PERSON", "model"),
               Mention(17, 21, "查克维拉", "PERSON", "model")]
    kept = [m.text for m in titled_people([known, *misread], text, rules.titles, words)]
    assert kept == ["习近平", "马拉维", "查克维拉"]  # 马拉维, the recognizer's own person, may be a misread country


def test_the_word_analysis_finds_places_with_their_generic_term_and_organisations(rules):
    from pipeline.analysis.analysed_mentions import worded_names

    text = "江西省奉新县澡下镇教师，路透社报道，游客在三里屯"
    words = [(0, 3, "ns"), (3, 6, "ns"), (6, 9, "ns"), (9, 11, "n"), (11, 12, "w"), (12, 15, "nt"), (15, 17, "v"),
             (17, 18, "w"), (18, 20, "n"), (20, 21, "p"), (21, 22, "m"), (22, 24, "ns")]
    province = Mention(0, 3, "江西省", "LOCATION", "model", 0.9)
    found = worded_names(text, words, [province], rules.place_generics)
    assert [(m.text, m.type) for m in found] == [("奉新县", "LOCATION"), ("澡下镇", "LOCATION"), ("路透社", "ORG")]
    text = "来到绥中县明水满族乡祝家沟村"
    words = [(0, 2, "v"), (2, 5, "ns"), (5, 7, "ns"), (7, 10, "ns"), (10, 14, "ns")]
    found = worded_names(text, words, [], rules.word_place_generics)
    assert [m.text for m in found] == ["绥中县", "明水满族乡", "祝家沟村"]  # a people's township takes its name


def test_model_mentions_read_from_the_token_arrays_equal_the_docs_entities():
    import spacy

    from pipeline.analysis.analysed_mentions import model_mentions
    from pipeline.analysis.doctext import char_doc

    nlp = spacy.blank("zh")
    text = "国家主席习近平  在北京会见 美国总统，中华人民共和国 外交部发言人答问。"
    doc = char_doc(nlp.vocab, text)
    names = [("习近平", "PERSON"), ("北京", "LOCATION"), ("美国", "LOCATION"), ("中华人民共和国", "ORG"), ("外交部", "ORG")]
    spans = [(text.find(name), text.find(name) + len(name), label) for name, label in names]
    doc.set_ents([doc.char_span(s, e, label) for s, e, label in spans])
    expected = [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    assert [(m.start, m.end, m.text, m.type) for m in model_mentions(doc, text)] == expected
    assert len(expected) == len(spans) and model_mentions(char_doc(nlp.vocab, "无"), "无") == []


def test_a_recognizer_entity_across_a_blank_is_the_names_on_either_side():
    import spacy

    from pipeline.analysis.analysed_mentions import model_mentions
    from pipeline.analysis.doctext import char_doc

    text = "全国人大香港代表团 澳门代表团 举行全体会议"
    doc = char_doc(spacy.blank("zh").vocab, text)
    doc.set_ents([doc.char_span(0, 15, "ORG"), doc.char_span(16, 17, "LOCATION")])
    assert [(m.start, m.end, m.text, m.type) for m in model_mentions(doc, text)] == [
        (0, 9, "全国人大香港代表团", "ORG"), (10, 15, "澳门代表团", "ORG"), (16, 17, "举", "LOCATION")]


def test_a_person_or_place_that_is_a_whole_work_title_is_no_mention(rules):
    import spacy

    from pipeline.analysis.analysed_mentions import model_mentions, worded_names
    from pipeline.analysis.doctext import char_doc

    text = "演出了《天鹅湖》，《北京晚报》报道，游览天鹅湖"
    doc = char_doc(spacy.blank("zh").vocab, text)
    doc.set_ents([doc.char_span(4, 7, "LOCATION"), doc.char_span(10, 14, "ORG"), doc.char_span(20, 23, "LOCATION")])
    assert [(m.start, m.text) for m in model_mentions(doc, text)] == [(10, "北京晚报"), (20, "天鹅湖")]
    words = [(0, 2, "v"), (2, 3, "u"), (3, 4, "w"), (4, 7, "ns"), (7, 8, "w")]
    assert worded_names(text, words, [], rules.place_generics) == []


def _at(text: str, name: str, label: str, after: int = 0) -> Mention:
    start = text.index(name, after)
    return Mention(start, start + len(name), name, label, "model", 0.9)


def test_people_on_either_side_of_a_middle_dot_are_one_person():
    from pipeline.analysis.analysed_mentions import dotted_names

    text = "副委员长艾力更·依明巴海出席，张春贤、艾力更·依明巴海、万鄂湘"
    listed = text.index("、")
    found = dotted_names([_at(text, "艾力", "PERSON"), _at(text, "·依明巴海", "PERSON"),  # 更, a word, left out
                          _at(text, "张春贤", "PERSON"), _at(text, "·依明", "PERSON", listed),
                          _at(text, "巴海", "LOCATION", listed), _at(text, "万鄂湘", "PERSON")], text)
    assert [(m.start, m.text) for m in found] == [(4, "艾力更·依明巴海"), (text.index("张"), "张春贤"),
                                                 (listed + 1, "艾力更·依明巴海"), (text.index("万"), "万鄂湘")]
    text = "总统伊万・杜克・马克斯对我国进行国事访问"
    found = dotted_names([_at(text, "伊万・", "PERSON"), _at(text, "杜克・", "PERSON"), _at(text, "马克斯", "PERSON")], text)
    assert [m.text for m in found] == ["伊万・杜克・马克斯"]


def test_no_name_begins_or_ends_with_a_middle_dot():
    from pipeline.analysis.analysed_mentions import dotted_names

    text = "第36届中国·哈尔滨冰雪节，“最美海岸·珠澳同行”，杜克・访华"
    found = dotted_names([_at(text, "中国", "LOCATION"), _at(text, "·哈尔滨", "LOCATION"), _at(text, "·珠澳", "PERSON"),
                          _at(text, "杜克・", "PERSON")], text)
    assert [(m.text, m.type) for m in found] == [("中国", "LOCATION"), ("哈尔滨", "LOCATION"), ("杜克", "PERSON")]  # 珠澳: a slogan's
    plain = [_at(text, "中国", "LOCATION")]
    assert dotted_names(plain, text) is plain


def test_a_noun_that_ends_in_dang_names_a_party_unless_a_determiner_role_or_party_affair_word_makes_it_none(rules):
    from pipeline.analysis.analysed_mentions import worded_parties

    text = "工党和友爱新党合并。全党同志，执政党和朝野政党。宣传战线党的建设。"
    words = [(0, 2, "n"), (2, 3, "c"), (3, 7, "n"), (7, 9, "v"), (9, 10, "w"), (10, 12, "n"), (12, 14, "n"), (14, 15, "w"),
             (15, 18, "n"), (18, 19, "c"), (19, 23, "n"), (23, 24, "w"), (24, 26, "n"), (26, 29, "n"), (29, 30, "u"),
             (30, 32, "vn"), (32, 33, "w")]
    assert text[26:29] == "战线党" and text[19:23] == "朝野政党"
    found = worded_parties(text, words, [], rules.generic_parties)
    assert [(m.text, m.type) for m in found] == [("工党", "ORG"), ("友爱新党", "ORG")]
    taken = [Mention(0, 2, "工党", "ORG", "model", 0.9)]
    assert [m.text for m in worded_parties(text, words, taken, rules.generic_parties)] == ["友爱新党"]
    slogan = "感党恩、听党话"  # the Party's kindness and word: 党 begins them (the analysis reads `感党` as one noun)
    assert worded_parties(slogan, [(0, 2, "n"), (2, 3, "v"), (3, 4, "w"), (4, 5, "v"), (5, 7, "n")], [],
                          rules.generic_parties) == []
    titled = "《共产党宣言》"
    assert worded_parties(titled, [(0, 1, "w"), (1, 4, "n"), (4, 6, "n"), (6, 7, "w")], [], rules.generic_parties) == []


def test_a_body_named_by_its_level_alone_is_found_where_the_analysis_reads_its_words(rules):
    from pipeline.analysis.analysed_mentions import worded_level_bodies

    suffixes = next(c.suffixes for c in rules.chunkers if c.label == "ORG")
    text = "市公安局出动警力，县财政局拨款。城市公安局，市场繁荣。"
    words = [(0, 1, "n"), (1, 4, "n"), (4, 6, "v"), (6, 8, "n"), (8, 9, "w"), (9, 10, "n"), (10, 13, "n"), (13, 15, "v"),
             (15, 16, "w"), (16, 18, "n"), (18, 21, "n"), (21, 22, "w"), (22, 24, "n"), (24, 26, "a"), (26, 27, "w")]
    assert [m.text for m in worded_level_bodies(text, words, [], suffixes)] == ["市公安局", "县财政局"]
    taken = [Mention(0, 4, "市公安局", "ORG", "model", 0.9)]
    assert [m.text for m in worded_level_bodies(text, words, taken, suffixes)] == ["县财政局"]
