"""pipeline.tools.gold_entities: the relation stage run on gold entities."""
from pathlib import Path

import yaml

from pipeline.tools.gold_entities import gold_mentions, write_gold_entity_run


def spans(mentions):
    return [(m.text, m.type) for m in mentions]


def test_every_occurrence_of_a_name_or_alias_is_a_mention():
    text = "中关村实验室主任吴建平出席会议。实验室党委书记王建华讲话，吴建平主任作总结。"
    entities = [{"type": "ORG", "name": "中关村实验室", "aliases": ["实验室"]},
                {"type": "PERSON", "name": "吴建平"}, {"type": "PERSON", "name": "王建华"}]
    assert spans(gold_mentions(text, entities)) == [
        ("中关村实验室", "ORG"), ("吴建平", "PERSON"), ("实验室", "ORG"), ("王建华", "PERSON"), ("吴建平", "PERSON")]


def test_a_name_inside_a_longer_one_of_another_type_is_nested_and_kept():
    text = "中关村实验室党委召开会议。"
    entities = [{"type": "ORG", "name": "中关村实验室党委"}, {"type": "ORG", "name": "中关村实验室"},
                {"type": "EVENT", "name": "中关村实验室党委会议"}]
    assert spans(gold_mentions(text, entities)) == [("中关村实验室党委", "ORG")]
    text = "中关村实验室第六届文化艺术节开幕。"
    entities = [{"type": "EVENT", "name": "中关村实验室第六届文化艺术节"}, {"type": "ORG", "name": "中关村实验室"}]
    assert spans(gold_mentions(text, entities)) == [("中关村实验室", "ORG"), ("中关村实验室第六届文化艺术节", "EVENT")]


GOLD_RELATIONS = [{"head": "李强", "type": "holds_position", "tail": "国务院", "title": "总理"},
                  {"head": "李强", "type": "participated_in", "tail": "2024年全国科技大会"}]


def gold_folder(tmp_path: Path) -> Path:
    """A gold set of one document: a premier attending a conference."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "d1.txt").write_text("国务院总理李强出席2024年全国科技大会。\n", encoding="utf-8")
    (gold / "d1.yaml").write_text(yaml.safe_dump({
        "doc_id": "d1", "text_file": "d1.txt",
        "entities": [{"type": "ORG", "name": "国务院"}, {"type": "PERSON", "name": "李强"},
                     {"type": "EVENT", "name": "2024年全国科技大会"}],
        "relations": GOLD_RELATIONS}, allow_unicode=True), encoding="utf-8")
    return gold


def test_relations_are_found_on_the_gold_entities(tmp_path: Path, extractor):
    assert write_gold_entity_run(gold_folder(tmp_path), tmp_path / "out", extractor) == 1
    written = yaml.safe_load((tmp_path / "out" / "documents" / "d1.yaml").read_text(encoding="utf-8"))
    found = {(r["type"], r["head"], r["tail"]) for r in written["relations"]}
    assert found == {("holds_position", "PERSON:李强", "ORG:国务院"),
                     ("participated_in", "PERSON:李强", "EVENT:2024年全国科技大会")}


def test_zhkg_eval_gold_entities_scores_the_relation_stage(tmp_path: Path, capsys):
    from pipeline.cli import main

    gold = gold_folder(tmp_path)
    assert main(["eval", "--gold", str(gold), "--pred", str(tmp_path / "pred"), "--gold-entities"]) == 0
    micro = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("relation  micro"))
    assert micro.split()[-4:] == ["1.000", "2", "0", "0"]
