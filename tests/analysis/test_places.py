"""pipeline.analysis.places: names read as people's that the document shows to be places'."""
from pipeline.analysis.places import people_named_in_places, without_demonyms
from pipeline.records import Mention


def test_a_name_the_text_calls_a_place_is_a_place_throughout(rules):
    text = "首府埃尔比勒遭袭。埃尔比勒局势平稳。哈尔科夫方向。在波特兰、西雅图、洛杉矶。普京、西雅图、李强。"

    def at(surface, etype, n=0, source="model"):
        start = -1
        for _ in range(n + 1):
            start = text.index(surface, start + 1)
        return Mention(start, start + len(surface), surface, etype, source)
    mentions = [at("埃尔比勒", "PERSON"), at("埃尔比勒", "PERSON", 1), at("哈尔科夫", "PERSON"), at("波特兰", "LOCATION"),
                at("西雅图", "PERSON"), at("洛杉矶", "LOCATION"), at("普京", "PERSON"), at("西雅图", "LOCATION", 1),
                at("李强", "PERSON", source="rule:lexicon")]
    got = people_named_in_places(mentions, rules.place_finals, text, rules.place_heads, rules.place_nouns)
    assert [m.type for m in got] == ["LOCATION"] * 6 + ["PERSON", "LOCATION", "PERSON"]
    assert [m.type for m in people_named_in_places(mentions, rules.place_finals)] == [m.type for m in mentions]


def test_a_name_joined_to_a_place_before_a_noun_that_locates_by_both_is_a_place(rules):
    text = "库拉霍沃和波克罗夫斯克方向局势紧张。普京和莫斯科官员"
    mentions = [Mention(0, 4, "库拉霍沃", "PERSON", "model"), Mention(5, 11, "波克罗夫斯克", "LOCATION", "model"),
                Mention(18, 20, "普京", "PERSON", "model"), Mention(21, 24, "莫斯科", "LOCATION", "model")]
    got = people_named_in_places(mentions, rules.place_finals, text, rules.place_heads, rules.place_nouns)
    assert [m.type for m in got] == ["LOCATION", "LOCATION", "PERSON", "LOCATION"]  # no noun of place after 莫斯科


def test_a_name_after_the_part_of_a_country_it_lies_in_is_a_place(rules):
    text = "莱希出生在位于伊朗东北部的马什哈德。"
    mentions = [Mention(0, 2, "莱希", "PERSON", "model"), Mention(13, 17, "马什哈德", "PERSON", "model")]
    got = people_named_in_places(mentions, rules.place_finals, text, rules.place_heads, rules.place_nouns)
    assert [m.type for m in got] == ["PERSON", "LOCATION"]


def test_a_name_right_after_the_state_it_lies_in_is_a_place(rules):
    text = "复信美国伊利诺伊州北奈尔斯高中学生。（河北石家庄市顾克）"

    def at(surface, etype):
        return Mention(text.index(surface), text.index(surface) + len(surface), surface, etype, "model")
    mentions = [at("伊利诺伊州", "LOCATION"), at("北奈尔斯", "PERSON"), at("石家庄市", "LOCATION"), at("顾克", "PERSON")]
    got = people_named_in_places(mentions, rules.place_finals, text)
    assert [(m.text, m.type) for m in got][1::2] == [("北奈尔斯", "LOCATION"), ("顾克", "PERSON")]  # a letter's writer


def test_a_name_right_after_a_place_that_names_a_chinese_division_without_its_term_is_that_division(rules):
    text = "在北京延庆，龙舟赛举行。浙江德清近日实现全覆盖。商务部部长钟山出席。（河北石家庄市顾克）"
    mentions = [_at(text, name, etype) for name, etype in [("北京", "LOCATION"), ("延庆", "PERSON"), ("浙江", "LOCATION"),
                                                           ("德清", "PERSON"), ("钟山", "PERSON"), ("石家庄市", "LOCATION"),
                                                           ("顾克", "PERSON")]]
    places = rules.known_places
    got = people_named_in_places(mentions, rules.place_finals, text, divisions=places)
    assert [m.text for m in got if m.type == "PERSON"] == ["钟山", "顾克"]  # 钟山区 is a district too, but after a title


def _at(text, surface, etype, n=0, source="model"):
    start = -1
    for _ in range(n + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, etype, source)


def test_people_in_a_list_of_more_places_than_people_are_places(rules):
    text = "杭州亚运村以及宁波、温州、金华、桐庐、淳安5个分村。会见王毅、李强、北京代表。"
    mentions = [_at(text, name, etype, source=source[0] if source else "model") for name, etype, *source in [
        ("宁波", "LOCATION"), ("温州", "LOCATION"), ("金华", "LOCATION"), ("桐庐", "PERSON"), ("淳安", "PERSON", "rule:enumeration"),
        ("王毅", "PERSON"), ("李强", "PERSON"), ("北京", "LOCATION")]]
    got = people_named_in_places(mentions, rules.place_finals, text)
    assert [(m.text, m.type) for m in got if m.text in ("桐庐", "淳安", "王毅", "李强")] == [
        ("桐庐", "LOCATION"), ("淳安", "LOCATION"), ("王毅", "PERSON"), ("李强", "PERSON")]


def test_a_name_the_text_calls_a_place_where_nothing_was_found_is_a_place(rules):
    text = "在红军城（乌称波克罗夫斯克）控制7个居民点。在波克罗夫斯克地区击退进攻。会见普京。"
    mentions = [_at(text, "红军城", "LOCATION"), _at(text, "波克罗夫斯克", "PERSON"), _at(text, "普京", "PERSON")]
    got = people_named_in_places(mentions, rules.place_finals, text, rules.place_heads, rules.place_nouns)
    assert [m.type for m in got] == ["LOCATION", "LOCATION", "PERSON"]


def test_a_place_named_right_after_a_holders_title_somewhere_is_a_person(rules):
    from pipeline.analysis.places import people_named_after_titles

    text = "习近平同俄罗斯总统普京互致贺电。在我和普京总统的共同引领下。习主席东南亚之行。英国首相特拉斯。总统日前访日。"
    mentions = [_at(text, "普京", "PERSON"), _at(text, "普京", "LOCATION", 1), _at(text, "东南亚", "LOCATION"),
                _at(text, "英国", "LOCATION", source="rule:lexicon"), _at(text, "特拉斯", "LOCATION"),
                _at(text, "日", "LOCATION", 1)]
    got = people_named_after_titles(mentions, text, rules.person_titles, rules.known_places)
    assert [m.type for m in got] == ["PERSON", "PERSON", "LOCATION", "LOCATION", "PERSON", "LOCATION"]
    leader = "哈马斯领导人哈尼亚遇刺。暗杀哈尼亚的侵略者。"  # a movement's leader
    got = people_named_after_titles([_at(leader, "哈尼亚", "LOCATION"), _at(leader, "哈尼亚", "LOCATION", 1)], leader,
                                    rules.person_titles, rules.known_places)
    assert [m.type for m in got] == ["PERSON", "PERSON"]
    listed = "会见西班牙共产党总书记圣地亚哥。"  # a place's name in the lexicon of places stays a place
    mention = _at(listed, "圣地亚哥", "LOCATION")
    assert people_named_after_titles([mention], listed, rules.person_titles, rules.known_places) == [mention]


def test_a_name_listed_between_two_people_is_a_person_s(rules):
    from pipeline.analysis.places import people_named_after_titles

    text = "选举出张希东、陈贵州、陈蔚文、贵州、王刚等代表。访问北京、陈州。"
    mentions = [_at(text, n, t) for n, t in (("张希东", "PERSON"), ("陈贵州", "LOCATION"), ("陈蔚文", "PERSON"),
                                              ("贵州", "LOCATION"), ("王刚", "PERSON"), ("北京", "LOCATION"), ("陈州", "LOCATION"))]
    got = people_named_after_titles(mentions, text, rules.person_titles, rules.known_places)
    assert [m.type for m in got] == ["PERSON", "PERSON", "PERSON", "LOCATION", "PERSON", "LOCATION", "LOCATION"]


def test_a_name_a_virus_strain_s_head_follows_is_no_person_nor_place(rules):
    from pipeline.analysis.places import without_strains

    text = "报告了奥密克戎变异株。奥密克戎不等同于流感，德尔塔变异株传播力强，英国变异株蔓延。会见普京。"
    mentions = [_at(text, "奥密克", "PERSON", source="words"), _at(text, "奥密克", "PERSON", 1),
                _at(text, "德尔塔", "LOCATION"), _at(text, "英国", "LOCATION"), _at(text, "普京", "PERSON")]
    got = without_strains(mentions, text, rules.strain_heads, rules.known_places)
    assert [m.text for m in got] == ["英国", "普京"]  # a listed place stays


def test_a_body_named_as_a_venue_is_a_place_and_its_city_apart(rules):
    from pipeline.analysis.places import venues

    text = "习近平在北京钓鱼台国宾馆会见。会议在北京饭店举行。北京大学出席。"
    mentions = [_at(text, "北京钓鱼台国宾馆", "ORG"), _at(text, "北京饭店", "ORG"), _at(text, "北京大学", "ORG")]
    got = venues(mentions, rules.venue_heads, rules.known_places)
    assert [(m.text, m.type) for m in got] == [("北京", "LOCATION"), ("钓鱼台国宾馆", "LOCATION"),
                                               ("北京饭店", "LOCATION"), ("北京大学", "ORG")]
    assert [text[m.start:m.end] for m in got] == [m.text for m in got]


def test_a_hall_written_right_after_its_venue_is_one_place_with_it(rules):
    from pipeline.analysis.places import venues

    text = "习近平在人民大会堂北大厅举行欢迎仪式，在人民大会堂会谈。南大厅另有活动。"
    mentions = [_at(text, "人民大会堂", "LOCATION"), _at(text, "北大厅", "LOCATION"),
                _at(text, "人民大会堂", "LOCATION", 1), _at(text, "南大厅", "LOCATION")]
    got = venues(mentions, rules.venue_heads, rules.known_places)
    assert [(m.text, text[m.start:m.end]) for m in got] == [("人民大会堂北大厅", "人民大会堂北大厅"), ("人民大会堂", "人民大会堂"),
                                                            ("南大厅", "南大厅")]



def test_a_museum_a_library_or_a_zoo_is_an_institution_and_a_memorial_a_site(rules):
    from pipeline.analysis.places import institutions

    text = "中国国家博物馆、天津图书馆、沈阳市动物园和毛主席纪念堂"
    mentions = [_at(text, name, "LOCATION") for name in ("中国国家博物馆", "天津图书馆", "沈阳市动物园", "毛主席纪念堂")]
    got = institutions(mentions, rules.institution_heads)
    assert [m.type for m in got] == ["ORG", "ORG", "ORG", "LOCATION"]


def test_a_region_s_military_command_is_a_body_but_a_district_so_named_a_place(rules):
    from pipeline.analysis.places import institutions

    text = "省委常委、省军区司令员沈善文和河北省军区领导到宜昌市点军区看望。"
    mentions = [_at(text, "省军区", "LOCATION"), _at(text, "河北省军区", "LOCATION"), _at(text, "点军区", "LOCATION")]
    got = institutions(mentions, rules.institution_heads, rules.known_places)
    assert [(m.text, m.type) for m in got] == [("省军区", "ORG"), ("河北省军区", "ORG"), ("点军区", "LOCATION")]


def test_a_palace_is_a_venue_but_a_body_before_its_post(rules):
    from pipeline.analysis.places import venues

    text = "特朗普在白宫会见来访的总理。白宫透露，白宫发言人桑德斯说。北京饭店总经理王明说。"
    mentions = [_at(text, "白宫", "ORG")] + [_at(text.replace("在白宫", "在某某"), "白宫", "ORG", n) for n in (0, 1)]
    mentions.append(_at(text, "北京饭店", "ORG"))
    got = venues(mentions, rules.venue_heads, rules.known_places, text, rules.titles, rules.seat_heads, rules.seat_prepositions)
    assert [m.type for m in got] == ["LOCATION", "ORG", "ORG", "ORG"]
    assert venues(mentions[:1], rules.venue_heads, rules.known_places)[0].type == "ORG"  # a seat, without its context


def test_the_office_of_a_head_of_state_is_the_body_after_its_place_and_the_site_after_a_preposition(rules):
    from pipeline.analysis.places import venues

    text = "土耳其总统府发表声明。李强在曼谷总理府同巴育举行会谈。伊总统府遭检查。德国总理府发言人说。"
    mentions = [_at(text, name, "LOCATION") for name in ("土耳其", "曼谷", "伊", "德国")]
    got = venues(mentions, rules.venue_heads, rules.known_places, text, rules.titles, rules.seat_heads, rules.seat_prepositions,
                 rules.seat_offices)
    assert [(m.text, m.type) for m in got] == [("土耳其总统府", "ORG"), ("曼谷", "LOCATION"), ("总理府", "LOCATION"),
                                               ("伊", "LOCATION"), ("德国总理府", "ORG")]  # `伊`: an abbreviation


def test_the_whole_recognition_finds_the_office_of_a_head_of_state(extract):
    facts = extract("土耳其总统府21日发表声明说，埃尔多安将访问俄罗斯。李强在曼谷总理府同巴育总理举行会谈。")
    assert "土耳其总统府" in facts.names("ORG")
    assert {"曼谷", "总理府"} <= facts.names("LOCATION")


def test_headquarters_after_a_preposition_are_the_place_and_its_city_apart(rules):
    from pipeline.analysis.places import venues

    text = "会议在布鲁塞尔北约总部召开。北约总部宣布。少年宫在北京少年宫举行。"
    mentions = [_at(text, "布鲁塞尔北约总部", "ORG"), _at(text, "北约总部", "ORG", 1), _at(text, "北京少年宫", "ORG")]
    got = venues(mentions, rules.venue_heads, rules.known_places, text, rules.titles, rules.seat_heads, rules.seat_prepositions)
    assert [(m.text, m.type) for m in got] == [("布鲁塞尔", "LOCATION"), ("北约总部", "LOCATION"), ("北约总部", "ORG"),
                                               ("北京少年宫", "LOCATION")]  # `北京|少年宫`: too short a seat to split


def test_a_person_named_only_in_the_ideology_named_after_them_is_no_mention():
    from pipeline.analysis.places import without_eponyms

    text = "坚持马克思主义，学习马克思列宁主义。"
    mentions = [_at(text, "马克思", "PERSON"), _at(text, "马克思", "PERSON", 1), _at(text, "列宁", "PERSON")]
    assert without_eponyms(mentions, text, ("主义", "列宁主义")) == []
    text = "马克思主义诞生于马克思的著作。"  # named as a person too: kept wherever the recognizer found it
    mentions = [_at(text, "马克思", "PERSON"), _at(text, "马克思", "PERSON", 1)]
    assert without_eponyms(mentions, text, ("主义", "列宁主义")) == mentions


def test_a_place_named_only_in_an_accord_or_a_crisis_named_after_it_is_no_mention():
    from pipeline.analysis.places import without_eponyms

    text = "双方落实奥斯陆协议和希伯伦协议，希伯伦局势紧张。"
    mentions = [_at(text, "奥斯陆", "LOCATION"), _at(text, "希伯伦", "LOCATION"), _at(text, "希伯伦", "LOCATION", 1)]
    assert without_eponyms(mentions, text, ("主义",), ("协议", "条约")) == mentions[1:]
    assert without_eponyms(mentions, text, ("主义",)) == mentions  # places stay where no accord's head is given
    text = "东南亚金融危机冲击墨西哥。"  # a crisis named after a place: the place named elsewhere stays
    crisis = [_at(text, "东南亚", "LOCATION"), _at(text, "墨西哥", "LOCATION")]
    assert without_eponyms(crisis, text, (), ("金融危机", "危机")) == crisis[1:]
    ideology = [_at("坚持马克思主义", "马克思", "LOCATION")]  # an ideology's head makes no place a name's part
    assert without_eponyms(ideology, "坚持马克思主义", ("主义",), ("协议",)) == ideology


def test_a_place_right_before_the_word_for_its_person_names_no_place_but_where_one_comes_from():
    text = "我们中国人喝茶水。钟敬之是浙江嵊县人，１９３４年入党。中国人大。"
    words = [(0, 2, "r"), (2, 4, "ns"), (4, 5, "n"), (5, 6, "v"), (6, 8, "n"), (8, 9, "w"), (9, 12, "nr"), (12, 13, "v"),
             (13, 15, "ns"), (15, 17, "ns"), (17, 18, "n"), (18, 19, "w"), (19, 24, "t"), (24, 26, "v"), (26, 27, "w"),
             (27, 31, "nt"), (31, 32, "w")]
    places = [Mention(text.index(name), text.index(name) + len(name), name, "LOCATION", "model", 0.9)
              for name in ("中国", "浙江", "嵊县")]
    congress = Mention(27, 31, "中国人大", "ORG", "model", 0.9)
    assert [m.text for m in without_demonyms(places + [congress], text, words)] == ["浙江", "嵊县", "中国人大"]
    assert without_demonyms(places, text, None) == places



def test_places_and_people_named_only_in_what_is_named_after_them_are_no_entities(extract):
    facts = extract("全会强调，坚持马克思主义。东南亚金融危机波及韩国，中东和平进程陷入僵局。")
    assert "马克思" not in facts.names("PERSON")
    assert not facts.names("LOCATION") & {"东南亚", "中东"}
    assert "韩国" in facts.names("LOCATION")


def test_a_place_named_only_in_a_law_named_after_it_is_no_entity(extract):
    facts = extract("全国人大常委会审议长江保护法草案。")
    assert "长江" not in facts.names("LOCATION")


def test_a_launch_site_named_after_its_place_is_a_place_named_whole(extract):
    facts = extract("我国在文昌航天发射场使用长征七号运载火箭成功发射卫星。")
    assert "文昌航天发射场" in facts.names("LOCATION")
    assert "文昌" not in facts.names("LOCATION")


def test_an_exhibition_hall_named_after_a_body_is_one_place(extract):
    facts = extract("代表们来到中国共产党历史展览馆参观。")
    assert "中国共产党历史展览馆" in facts.names("LOCATION")
    assert "历史展览馆" not in facts.names("LOCATION")


def test_the_asia_pacific_region_is_a_place_named_whole(extract):
    facts = extract("中方愿同各方一道维护亚太地区和平稳定。")
    assert "亚太地区" in facts.names("LOCATION")


def test_a_region_s_countries_counted_are_one_place(extract):
    facts = extract("波罗的海三国领导人出席会议。习近平同中亚五国元首会晤。中俄两国关系良好。")
    assert {"波罗的海三国", "中亚五国"} <= facts.names("LOCATION")
    assert not {"波罗的海", "中亚", "俄两国"} & facts.names("LOCATION")


def test_a_royal_palace_named_by_its_city_is_one_place(extract):
    facts = extract("国家主席习近平在金边王宫会见柬埔寨国王西哈莫尼。西班牙国王在马德里王宫举行欢迎宴会。")
    assert {"金边王宫", "马德里王宫"} <= facts.names("LOCATION")
    assert not {"金边", "马德里"} & facts.names("LOCATION")
