"""pipeline.tools.lexicons: the word lists distilled from the shared corpora, on a small made-up copy."""
import json

from pipeline.tools.lexicons import admin_places


def test_a_place_s_short_form_that_people_s_daily_uses_only_as_a_common_word_is_left_out(tmp_path):
    divisions = tmp_path / "lexicons/admin_divisions"
    divisions.mkdir(parents=True)
    tree = [{"name": "广西壮族自治区", "children": [{"name": "来宾市", "children": [{"name": "兴宾区"}]},
                                                 {"name": "桂林市", "children": []}]}]
    (divisions / "pcas-code.json").write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
    (divisions / "HK-MO-TW.json").write_text("{}", encoding="utf-8")
    corpus = tmp_path / "peoples_daily_1998"
    corpus.mkdir()
    (corpus / "splits.json").write_text(json.dumps({"train": ["19980101-01-001"], "dev": [], "test": []}))
    lines = ["19980101-01-001-001/m  各方/r  来宾/n  和/c  桂林/ns  客人/n  。/w"] * 3
    (corpus / "199801.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    places = admin_places(tmp_path)
    assert {"广西", "来宾市", "桂林", "桂林市", "兴宾区"} <= set(places)
    assert "来宾" not in places
    assert "来宾" in admin_places(tmp_path, common_min_count=4)  # seen too rarely to tell


def test_a_prefecture_s_short_form_drops_its_whole_generic_term_but_not_a_given_name_s(tmp_path):
    divisions = tmp_path / "lexicons/admin_divisions"
    divisions.mkdir(parents=True)
    tree = [{"name": "新疆维吾尔自治区", "children": [{"name": "和田地区", "children": [{"name": "和田市"}]}]},
            {"name": "西藏自治区", "children": [{"name": "阿里地区", "children": []}]}]
    (divisions / "pcas-code.json").write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
    (divisions / "HK-MO-TW.json").write_text("{}", encoding="utf-8")
    corpus = tmp_path / "peoples_daily_1998"
    corpus.mkdir()
    (corpus / "splits.json").write_text(json.dumps({"train": [], "dev": [], "test": []}))
    (corpus / "199801.txt").write_text("", encoding="utf-8")
    places = set(admin_places(tmp_path))
    assert {"新疆", "和田地区", "和田", "阿里地区"} <= places
    assert not {"和田地", "阿里地", "阿里"} & places  # 阿里 is the given name Ali more than the place


def test_a_common_word_a_surname_starts_may_carry_a_stray_name_tag_and_three_characters(tmp_path):
    from pipeline.tools.lexicons import common_words

    corpus = tmp_path / "peoples_daily_1998"
    corpus.mkdir()
    (corpus / "splits.json").write_text(json.dumps({"train": ["19980101-01-001"], "dev": [], "test": []}))
    lines = ["19980101-01-001-001/m  卫星/n  运动员/n  王宫/n  王府井/ns  。/w"] * 60
    lines.append("19980101-01-001-002/m  卫星/nr  王宫/nr  王宫/nr  。/w")
    (corpus / "199801.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert common_words(tmp_path, {"卫", "运", "王"}) == ["卫星", "运动员"]  # 王宫 is a name 2 times in 62
    assert common_words(tmp_path, {"卫", "运", "王"}, max_named_share=0) == ["运动员"]
