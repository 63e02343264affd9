"""Fast tests of the NER corpus converters (tiny in-memory samples) and the shipped model."""
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from pipeline.training.corpora import (  # noqa: E402
    MISSING,
    MSRA_TYPES,
    make_doc,
    parse_cluener_line,
    parse_pd98_line,
    read_char_tagged,
    spans_from_tags,
)

MODEL = Path(__file__).resolve().parents[2] / "pipeline" / "models" / "ner"


def surfaces(record):
    text, spans = record
    return [(text[s:e], label) for s, e, label in spans]


def test_pd98_brackets_names_and_digits():
    line = ("19980101-01-001-006/m  １２月/t  ，/w  [中央/n  人民/n  广播/vn  电台/n]nt  、/w  "
            "[香港/ns  特别/a  行政区/n]ns  主席/n  江/nr  泽民/nr  [上海/ns  大众/nz]nz  李/nr  鹏/nr  ")
    pid, record = parse_pd98_line(line)
    assert pid == "19980101-01-001-006"
    assert record[0].startswith("12月,中央人民广播电台")  # folded, no spaces
    assert surfaces(record) == [
        ("中央人民广播电台", "ORG"), ("香港特别行政区", "LOCATION"), ("江泽民", "PERSON"),
        ("上海", "LOCATION"), ("李鹏", "PERSON"),
    ]


def test_pd98_single_tokens():
    _, record = parse_pd98_line("19980101-01-001-004/m  中共中央/nt  总书记/n  、/w  北京/ns  市长/n")
    assert surfaces(record) == [("中共中央", "ORG"), ("北京", "LOCATION")]


def test_pd98_name_list_is_split():
    line = "1-1-1-1/m  江/nr  泽民/nr  李/nr  鹏/nr  朱/nr  镕基/nr  、/w  吴/nr  希曾/nr  岑红/nr  克林顿/nr"
    _, record = parse_pd98_line(line)
    assert [s for s, _ in surfaces(record)] == ["江泽民", "李鹏", "朱镕基", "吴希曾", "岑红", "克林顿"]


def test_pd98_abbreviations_missing():
    line = "1-1-1-1/m  中/j  美/j  关系/n  [中共/j  中央/n]nt  欧盟/j"
    _, record = parse_pd98_line(line)
    assert surfaces(record) == [("中共中央", "ORG")]
    _, record = parse_pd98_line(line, abbrev_missing=True)
    assert surfaces(record) == [("中", MISSING), ("美", MISSING), ("中共中央", "ORG"), ("欧盟", MISSING)]
    doc = make_doc(spacy.blank("zh"), record)
    assert [t.ent_iob_ for t in doc] == ["", "", "O", "O", "B", "I", "I", "I", "", ""]


def test_bmes_and_bio_tags():
    assert spans_from_tags("B-PER M-PER E-PER O S-LOC B-ORG E-ORG".split(), MSRA_TYPES) == [
        (0, 3, "PERSON"), (4, 5, "LOCATION"), (5, 7, "ORG")]
    assert spans_from_tags("B-PER I-PER O B-LOC B-LOC I-LOC".split(), MSRA_TYPES) == [
        (0, 2, "PERSON"), (3, 4, "LOCATION"), (4, 6, "LOCATION")]


def test_read_char_tagged_bmes_and_tab_bio():
    bmes = ["王 B-PER\n", "小 M-PER\n", "明 E-PER\n", "在 O\n", "京 S-LOC\n", "\n", "好 O\n"]
    records = list(read_char_tagged(bmes, MSRA_TYPES))
    assert [surfaces(r) for r in records] == [[("王小明", "PERSON"), ("京", "LOCATION")], []]
    bio = ["新\tB-ORG\n", "华\tI-ORG\n", "社\tI-ORG\n", "１\tO\n", "\n"]
    (text, spans), = read_char_tagged(bio, MSRA_TYPES)
    assert text == "新华社1" and spans == [(0, 3, "ORG")]


def test_cluener_mapping():
    line = ('{"text": "浙商银行叶老桂在北京", "label": {"name": {"叶老桂": [[4, 6]]}, '
            '"company": {"浙商银行": [[0, 3]]}, "address": {"北京": [[8, 9]]}}}')
    assert surfaces(parse_cluener_line(line)) == [("浙商银行", "ORG"), ("叶老桂", "PERSON")]
    assert ("北京", "LOCATION") in surfaces(parse_cluener_line(line, with_address=True))
    assert ("北京", MISSING) in surfaces(parse_cluener_line(line, missing=("address",)))


def test_make_doc_char_tokens_and_spaces():
    nlp = spacy.blank("zh")
    doc = make_doc(nlp, ("张 三在 北京", [(0, 3, "PERSON"), (5, 7, "LOCATION")]))
    assert all(len(t.text) == 1 for t in doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("张 三", "PERSON"), ("北京", "LOCATION")]
    assert [t.text for t in doc] == ["张", "三", "在", "北", "京"] and doc[2].ent_iob_ == "O"


@pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="model not built")
def test_shipped_model_finds_person_and_org():
    from pipeline.ingest.textnorm import fold
    from pipeline.training.evaluate_ner import model_predictor

    assert spacy.load(MODEL).tokenizer.segmenter == "char"
    text = fold("新华社北京１月５日电 国务院总理李强今天在人民大会堂会见了外宾。")
    ents = {(text[s:e], label) for s, e, label in next(model_predictor(MODEL)([text]))}
    assert ("李强", "PERSON") in ents
    assert ("新华社", "ORG") in ents or ("国务院", "ORG") in ents


def test_continuation_config_sources_every_component_and_sets_the_schedule(tmp_path):
    from spacy.util import load_config

    from pipeline.training.__main__ import CONFIG, continuation_config

    written = continuation_config(CONFIG, tmp_path / "stage1", 0.001, 36000, 2000, tmp_path / "c" / "config.cfg")
    config = load_config(written, interpolate=True)
    assert config["components"] == {"tok2vec": {"source": str(tmp_path / "stage1")},
                                    "tagger": {"source": str(tmp_path / "stage1")}}
    assert (config["training"]["max_steps"], config["training"]["eval_frequency"]) == (36000, 2000)
    assert config["training"]["optimizer"]["learn_rate"] == 0.001
    first = load_config(CONFIG, interpolate=True)
    assert config["corpora"] == first["corpora"] and config["training"]["batcher"] == first["training"]["batcher"]


def test_weibo_names_only_and_gpe_as_location(tmp_path):
    from pipeline.training.corpora import read_weibo

    (tmp_path / "weibo_ner").mkdir()
    lines = ["张0\tB-PER.NAM", "三1\tI-PER.NAM", "在0\tO", "北0\tB-GPE.NAM", "京1\tI-GPE.NAM",
             "老0\tB-PER.NOM", "师1\tI-PER.NOM", ""]
    (tmp_path / "weibo_ner" / "weiboNER_2nd_conll.test").write_text("\n".join(lines), encoding="utf-8")
    assert list(read_weibo(tmp_path, "test")) == [("张三在北京老师", [(0, 2, "PERSON"), (3, 5, "LOCATION")])]


def test_resume_name_org_and_loc(tmp_path):
    from pipeline.training.corpora import read_resume

    (tmp_path / "resume_ner").mkdir()
    lines = ["常 B-NAME", "建 M-NAME", "良 E-NAME", "任 O", "北 B-ORG", "大 E-ORG", "职 B-TITLE", "员 E-TITLE", ""]
    (tmp_path / "resume_ner" / "test.char.bmes").write_text("\n".join(lines), encoding="utf-8")
    assert list(read_resume(tmp_path, "test")) == [("常建良任北大职员", [(0, 3, "PERSON"), (4, 6, "ORG")])]


def test_biluo_tags_follow_the_entities_and_leave_missing_untagged():
    nlp = spacy.blank("zh")
    doc = make_doc(nlp, ("李强在北京会见中", [(0, 2, "PERSON"), (3, 5, "LOCATION"), (7, 8, MISSING)]))
    assert [t.tag_ for t in doc] == ["B-PERSON", "L-PERSON", "O", "B-LOCATION", "L-LOCATION", "O", "O", ""]
    one = make_doc(nlp, ("在京", [(1, 2, "LOCATION")]))
    assert [t.tag_ for t in one] == ["O", "U-LOCATION"]
    three = make_doc(nlp, ("国务院", [(0, 3, "ORG")]))
    assert [t.tag_ for t in three] == ["B-ORG", "I-ORG", "L-ORG"]


def test_gold_documents_give_names_and_leave_events_and_anaphors_unannotated(tmp_path):
    from pipeline.training.corpora import read_gold

    (tmp_path / "a.txt").write_text("中关村实验室党委召开会议。实验室党委书记张三出席全国科技大会，张三主任讲话。", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("""doc_id: a
text_file: a.txt
entities:
  - {type: ORG, name: 中关村实验室党委, aliases: [实验室党委]}
  - {type: PERSON, name: 张三, aliases: [张三主任]}
  - {type: EVENT, name: 全国科技大会, aliases: [会议]}
  - {type: ORG, name: 中关村实验室, optional: true}
""", encoding="utf-8")
    [(text, spans)] = list(read_gold(tmp_path))
    found = [(text[s:e], label) for s, e, label in spans]
    assert found == [("中关村实验室党委", "ORG"), ("会议", MISSING), ("实验室党委", "ORG"), ("张三", "PERSON"),
                     ("全国科技大会", MISSING), ("张三主任", MISSING)]


SHARED_DATA = MODEL.parents[3] / "shared" / "data"


@pytest.mark.skipif(not (SHARED_DATA / "news_xwlb").is_dir(), reason="needs ../shared/data")
def test_silver_documents_are_read_as_gold_documents():
    from pipeline.training.__main__ import read_silver

    records = list(read_silver(SHARED_DATA, ["A"]))
    assert len(records) == 24
    labels = {label for _, spans in records for _, _, label in spans}
    assert {"PERSON", "ORG", "LOCATION", MISSING} <= labels
    assert all(0 <= s < e <= len(text) for text, spans in records for s, e, _ in spans)


def test_errors_that_are_only_a_test_sets_convention_are_counted():
    from pipeline.training.evaluate_ner import score_records

    records = [("中俄两国在北京会谈", [(0, 1, MISSING), (5, 7, "LOCATION")]),  # PD98: 中 untagged
               ("中美关系", [(0, 1, "LOCATION"), (1, 2, "LOCATION")])]  # MSRA: 中 and 美 tagged
    records.append(("这家公司共有航线", []))  # a company named before: the guidelines' mention, no set's
    records.append(("美国政府和亚特兰大奥运会", [(0, 2, "LOCATION"), (5, 9, "LOCATION")]))  # MSRA: places inside names
    records.append(("任海尔集团财务部部长、海尔集团工会主席", [(1, 5, "ORG"), (11, 15, "ORG")]))  # Resume: the company
    records.append(("中国人民和中国特色社会主义，中国", [(0, 2, "LOCATION"), (5, 7, "LOCATION"), (13, 15, "LOCATION")]))
    records.append(("江主席指出", [(0, 1, "PERSON")]))  # MSRA: the surname of a leader's familiar form
    records.append(("东北地区和华北", [(0, 2, "LOCATION"), (5, 7, "LOCATION")]))  # MSRA: a place, not its area
    records.append(("两名中国人和中国", [(2, 4, "LOCATION"), (6, 8, "LOCATION")]))  # the place of a demonym
    records.append(("东南亚金融危机", [(0, 3, "LOCATION")]))  # PD98: a place inside a crisis named after it
    found = [{(0, 1, "LOCATION"), (5, 7, "LOCATION")}, {(0, 4, "ORG")}, {(2, 4, "ORG")},
             {(0, 4, "ORG"), (5, 12, "EVENT")}, {(1, 8, "ORG"), (11, 16, "ORG")}, set(), {(0, 3, "PERSON")},
             {(0, 4, "LOCATION"), (5, 7, "LOCATION")}, set(), set()]
    result = score_records(spacy.blank("zh"), records, lambda texts: iter(found), frozenset({"公司"}),
                           frozenset({"中国人民", "中国特色社会主义"}), ("地区",), ("金融危机",))  # MSRA tags 中国 inside them
    assert result["micro"]["tp"] == 2 and result["micro"]["fp"] == 8 and result["micro"]["fn"] == 14
    assert result["convention"] == {"untagged_abbreviations_found": 1, "single_characters_missed": 3,
                                    "generic_heads_found": 1, "nested_names_missed": 2, "units_found": 1,
                                    "no_entity_words_missed": 2,  # not the 中国 standing alone
                                    "familiar_forms_found": 1, "areas_found": 1,
                                    "demonyms_missed": 1,  # not the 中国 standing alone
                                    "eponym_places_missed": 1}
