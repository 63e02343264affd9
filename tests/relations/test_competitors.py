"""pipeline.relations.competitors: who a contest's result is reported of took part in it."""
from pipeline.analysis.sentences import split_sentences
from pipeline.relations.competitors import competitor_relations
from tests.conftest import anchored
from tests.relations.test_relations import entities_of, pairs

REPORT = ("碧波扬威小陈妍握定金牌\n人民日报 1998-01-13\n"
          "本报珀斯１月１２日电记者许立群报道：中国选手在第八届世界游泳锦标赛首日比赛中开门见喜。"
          "日本选手田岛宁子名列第三，中国选手吴艳艳名列第四。"
          "获得冠军的是亚特兰大奥运会冠军比利时选手德博格拉夫。"
          "徐浩和余卓成为中国代表团再添一金。"
          "图为陈妍在比赛中。（新华社记者宋晓刚摄）")
NAMES = [("第八届世界游泳锦标赛", "EVENT"), ("许立群", "PERSON"), ("田岛宁子", "PERSON"), ("吴艳艳", "PERSON"),
         ("亚特兰大奥运会", "EVENT"), ("德博格拉夫", "PERSON"), ("徐浩", "PERSON"), ("余卓成", "PERSON"),
         ("中国代表团", "ORG"), ("陈妍", "PERSON"), ("新华社", "ORG"), ("宋晓刚", "PERSON")]


def competitors(text, names, relation_rules, event=None):
    mentions = [anchored(text, n, t) for n, t in names]
    parts = [(event, split_sentences(text))]
    return pairs(competitor_relations(text, parts, mentions, entities_of(mentions), relation_rules), "participated_in")


def test_who_a_result_is_reported_of_took_part_in_the_contest_the_lead_names(relation_rules):
    assert competitors(REPORT, NAMES, relation_rules) == {
        (person, "第八届世界游泳锦标赛") for person in ("田岛宁子", "吴艳艳", "德博格拉夫", "徐浩", "余卓成", "中国代表团")}


def test_the_main_event_is_the_contest_where_it_is_one(relation_rules):
    text = "全运会举行跳水决赛\n辽宁选手王明夺得金牌。"
    names = [("全运会", "EVENT"), ("王明", "PERSON")]
    assert competitors(text, names, relation_rules, "EVENT:全运会") == {("王明", "全运会")}


def test_no_contest_no_competitors(relation_rules):
    text = "全国劳动模范表彰大会举行\n王明获得全国劳动模范称号，李华夺得第一名。"
    names = [("全国劳动模范表彰大会", "EVENT"), ("王明", "PERSON"), ("李华", "PERSON")]
    assert competitors(text, names, relation_rules, "EVENT:全国劳动模范表彰大会") == set()


def test_a_winner_described_by_an_earlier_result_reports_none(relation_rules):
    text = "北京冬残奥会开幕式举行\n旗手是残奥会羽毛球金牌得主王明、东京残奥会冠军李华。"
    names = [("北京冬残奥会", "EVENT"), ("王明", "PERSON"), ("李华", "PERSON")]
    assert competitors(text, names, relation_rules, "EVENT:北京冬残奥会") == set()


def test_who_takes_the_oath_or_carries_the_flame_to_the_cauldron_at_the_games_opening_takes_part(relation_rules):
    text = ("第九届全国运动会开幕\n运动员王明、裁判员李华分别代表全体参赛运动员和裁判员宣誓。张强致辞。"
            "赵刚、孙丽等2位火炬手接力传递，最后由周红点燃主火炬。")
    names = [("第九届全国运动会", "EVENT"), ("王明", "PERSON"), ("李华", "PERSON"), ("张强", "PERSON"), ("赵刚", "PERSON"),
             ("孙丽", "PERSON"), ("周红", "PERSON")]
    assert competitors(text, names, relation_rules, "EVENT:第九届全国运动会") == {
        (person, "第九届全国运动会") for person in ("王明", "李华", "赵刚", "孙丽", "周红")}
    relay = [("第九届全国运动会", "EVENT"), ("赵刚", "PERSON"), ("孙丽", "PERSON"), ("周红", "PERSON")]
    assert competitors(text, relay, relation_rules) == set()  # the games the lead names is not the document's event
