"""pipeline.ingest.textnorm: length-preserving folding."""
import pytest

from pipeline.ingest.textnorm import fold, fold_char


@pytest.mark.parametrize("raw, folded", [
    ("２０２４年", "2024年"),
    ("ＡＩ大会", "AI大会"),
    ("第１４届", "第14届"),
    ("北京\u3000市", "北京 市"),
    ("a\u00a0b", "a b"),
    ("\ufeff标题", " 标题"),
    ("中关村实验室", "中关村实验室"),
    ("", ""),
    ("plain ascii 123", "plain ascii 123"),
    ("『三下乡』活动", "“三下乡”活动"),
    ("「香港」", "“香港”"),
], ids=["digits", "latin", "ordinal", "ideographic-space", "nbsp", "bom", "han", "empty", "ascii", "white-corner-brackets",
        "corner-brackets"])
def test_fold_maps_width_variants_and_odd_spaces(raw, folded):
    assert fold(raw) == folded


def test_fold_keeps_length_even_when_nfkc_would_expand():
    # NFKC turns these into several characters; fold must keep offsets valid, so they stay as they are
    for ch in ["ﬁ", "㈱", "①", "㎞", "½"]:
        assert len(fold(ch)) == 1
    text = "ﬁ１㈱２\u3000三"
    assert len(fold(text)) == len(text)
    assert fold(text) == "ﬁ1㈱2 三"


def test_fold_offsets_index_original_text():
    text = "新华社\u3000北京８月１３日电　国务院总理"
    folded = fold(text)
    assert len(folded) == len(text)
    start = folded.index("国务院总理")
    assert text[start:start + 5] == "国务院总理"


def test_fold_char_single_characters():
    assert fold_char("Ａ") == "A"
    assert fold_char("\u3000") == " "
    assert fold_char("中") == "中"
    assert fold_char("，") == ","  # full-width comma folds to ASCII


def test_analysis_text_folds_and_simplifies_with_the_same_length():
    from pipeline.ingest.textnorm import analysis_text

    text = "國務院總理李強出席ＡＩ大會。\u3000新華社報道"
    analysed = analysis_text(text)
    assert len(analysed) == len(text)
    assert analysed == "国务院总理李强出席AI大会。 新华社报道"
    assert analysis_text("中关村实验室召开会议") == "中关村实验室召开会议"
    assert analysis_text("") == "" and analysis_text("plain ascii") == "plain ascii"
    assert fold(text) != analysed  # fold alone (used by training) does not convert scripts
