"""Fast tests for pipeline.training.segmenter (no /work/shared data needed)."""
from pathlib import Path

import pytest

from pipeline.training import segmenter as S

PD98_SAMPLE = (
    "19980101-01-001-002/m  中共中央/nt  总书记/n  、/w  国家/n  主席/n  江/nr  泽民/nr  \n"
    "19980101-01-001-003/m  [中央/n  人民/n  广播/vn  电台/n]nt  播出/v  １９９８年/t  新年/t  讲话/n  。/w  "
    "“/w  好/a  ！/w  ”/w  他/r  说/v  。/w  \n"
    "\n"
    "19980102-02-004-001/m  ［/w  图片/n  ］/w  [/w  \n"
)


def test_pd98_line_to_words_strips_tags_and_brackets():
    lines = PD98_SAMPLE.splitlines()
    pid, words = S.pd98_line_to_words(lines[0])
    assert pid == "19980101-01-001-002"
    assert S.article_id(pid) == "19980101-01-001"
    assert words == ["中共中央", "总书记", "、", "国家", "主席", "江", "泽民"]

    pid, words = S.pd98_line_to_words(lines[1])
    assert words[:5] == ["中央", "人民", "广播", "电台", "播出"]
    assert "１９９８年" in words
    assert not any("/" in w or "[" in w or "]" in w for w in words)

    assert S.pd98_line_to_words(lines[2]) == ("", [])
    # a literal bracket word stays a word
    _, words = S.pd98_line_to_words(lines[3])
    assert words == ["［", "图片", "］", "["]


def test_read_pd98_filters_articles_and_writes_training_file(tmp_path: Path):
    src = tmp_path / "pd.txt"
    src.write_text(PD98_SAMPLE, encoding="utf-8")
    got = list(S.read_pd98(src, ["19980101-01-001"]))
    assert [aid for aid, _ in got] == ["19980101-01-001", "19980101-01-001"]

    out = tmp_path / "train.txt"
    stats = S.write_pkuseg_file(src, ["19980101-01-001"], out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "中共中央 总书记 、 国家 主席 江 泽民",
        "中央 人民 广播 电台 播出 1998年 新年 讲话 。",  # folded full-width digits
        "“ 好 ! ”",  # folded ！; the closing quote stays with its sentence
        "他 说 。",
    ]
    assert stats["lines"] == 4


def test_split_sentences():
    assert S.split_sentences(["a", "。", "b", "？", "”", "c"]) == [["a", "。"], ["b", "？", "”"], ["c"]]
    assert S.split_sentences([]) == []


def test_prf_below_one():
    gold = [["中国", "人民", "银行", "行长"]]
    pred = [["中国人民银行", "行", "长"]]
    s = S.prf(gold, pred)
    assert s["gold"] == 4 and s["pred"] == 3 and s["correct"] == 0
    assert s["f"] == 0.0

    gold = [["我们", "是", "中国", "人"], ["你好"]]
    pred = [["我们", "是", "中国人"], ["你", "好"]]
    s = S.prf(gold, pred)
    assert s["correct"] == 2
    assert s["p"] == pytest.approx(2 / 5)
    assert s["r"] == pytest.approx(2 / 5)
    assert 0 < s["f"] < 1

    assert S.prf(gold, gold)["f"] == 1.0
    with pytest.raises(ValueError):
        S.prf([["ab"]], [["ac"]])


def test_score_segmentation_files(tmp_path: Path):
    """score_segmentation reads raw/gold files; use the shipped model if present."""
    if not (S.PACKAGE_MODEL_DIR / "features.msgpack").exists():
        pytest.skip("shipped pkuseg model missing")
    raw = tmp_path / "raw.txt"
    gold = tmp_path / "gold.txt"
    raw.write_text("国务院总理主持会议。\n１９９８年新年讲话\n", encoding="utf-8")
    gold.write_text("国务院  总理  主持  会议  。\n1998年  新年  讲话\n", encoding="utf-8")
    s = S.score_segmentation(S.PACKAGE_MODEL_DIR, raw, gold)
    assert s["gold"] == 8
    assert 0.5 < s["f"] <= 1.0


@pytest.fixture(scope="module")
def shipped_seg():
    if not (S.PACKAGE_MODEL_DIR / "features.msgpack").exists():
        pytest.skip("shipped pkuseg model missing")
    return S.load_segmenter(S.PACKAGE_MODEL_DIR)


def test_shipped_model_segments_common_words(shipped_seg):
    text = S.fold("中华人民共和国成立以来，我国科学技术事业发展迅速。")
    words = shipped_seg.cut(text)
    assert "".join(words) == text
    assert "中华人民共和国" in words
    assert "科学技术" in words
    assert words[-1] == "。"


def test_shipped_model_size():
    d = S.PACKAGE_MODEL_DIR
    if not (d / "features.msgpack").exists():
        pytest.skip("shipped pkuseg model missing")
    size = sum(p.stat().st_size for p in d.iterdir() if p.is_file())
    assert size < 25 * 1024 * 1024


def test_shipped_model_in_spacy():
    d = S.PACKAGE_MODEL_DIR
    if not (d / "features.msgpack").exists():
        pytest.skip("shipped pkuseg model missing")
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(d.resolve()))
    doc = nlp("国务院总理主持召开国务院常务会议。")
    assert doc.text == "国务院总理主持召开国务院常务会议。"
    assert "国务院" in [t.text for t in doc]


def test_prune_is_lossless_at_zero_threshold(tmp_path: Path):
    """Train a tiny model, prune with threshold 0 (no float16) and compare outputs."""
    pytest.importorskip("spacy_pkuseg")
    sents = [
        "中共中央 总书记 、 国家 主席 江 泽民 发表 新年 讲话 。",
        "中央 人民 广播 电台 播出 了 讲话 。",
        "国务院 总理 主持 召开 国务院 常务 会议 。",
        "我国 科学技术 事业 发展 迅速 。",
        "中华人民共和国 成立 以来 , 人民 生活 不断 改善 。",
    ] * 4
    train = tmp_path / "train.txt"
    train.write_text("\n".join(sents) + "\n", encoding="utf-8")
    raw_dir, pruned = tmp_path / "raw", tmp_path / "pruned"
    S.train_pkuseg(train, train, raw_dir, train_iter=2)
    stats = S.prune_model(raw_dir, pruned, threshold=0.0, float16=False)
    assert stats["features_after"] <= stats["features_before"]
    a = S.load_segmenter(raw_dir)
    b = S.load_segmenter(pruned)
    for text in ["国务院总理发表新年讲话。", "中华人民共和国科学技术事业", "人民广播电台主席"]:
        assert a.cut(text) == b.cut(text)
