"""pipeline.tools.silver: the silver set's annotations and how its texts are rebuilt."""
import gzip
import json
import os
import re
from pathlib import Path

import pytest
import yaml

from pipeline.tools.silver import SILVER, materialize, pd98_text, xwlb_text

SHARED_DATA = Path(os.environ.get("ZHKG_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))


def test_every_annotated_document_has_a_source_and_every_source_an_annotation():
    manifest = json.loads((SILVER / "manifest.json").read_text(encoding="utf-8"))
    assert {p.stem for p in SILVER.glob("*.yaml")} == set(manifest)
    for doc, entry in manifest.items():
        assert re.fullmatch("[A-Z]{1,2}", entry["set"]) and ("xwlb_url" in entry) != ("pd98_article" in entry), doc
        gold = yaml.safe_load((SILVER / f"{doc}.yaml").read_text(encoding="utf-8"))
        assert gold["doc_id"] == doc and gold["text_file"] == f"{doc}.txt"


def test_texts_are_rebuilt_as_they_were_annotated(tmp_path):
    silver = tmp_path / "silver"
    silver.mkdir()
    (silver / "manifest.json").write_text(json.dumps({"s-x": {"set": "A", "xwlb_url": "u1"},
                                                      "s-pd98-19980101-01-001": {"set": "B", "pd98_article": "19980101-01-001"}}))
    for doc in ("s-x", "s-pd98-19980101-01-001"):
        (silver / f"{doc}.yaml").write_text(f"doc_id: {doc}\ntext_file: {doc}.txt\nentities: []\n", encoding="utf-8")
    data = tmp_path / "data"
    (data / "news_xwlb").mkdir(parents=True)
    (data / "peoples_daily_1998").mkdir()
    item = {"url": "u1", "title": "标题", "date": "2024-01-02 19:00:00", "text": " 正文。\n"}
    with gzip.open(data / "news_xwlb" / "all_items_2018_2026.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"url": "u0", "title": "别的", "date": "", "text": ""}) + "\n" + json.dumps(item) + "\n")
    article = {"id": "19980101-01-001", "date": "19980101", "title": "题", "paragraphs": ["第一段。", " 第二段。"]}
    (data / "peoples_daily_1998" / "199801.articles.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert materialize(data, out, silver=silver) == ["s-pd98-19980101-01-001", "s-x"]
    assert (out / "s-x.txt").read_text(encoding="utf-8") == "标题\n\n新闻联播（央视网） 2024-01-02 19:00:00\n\n正文。\n"
    assert (out / "s-pd98-19980101-01-001.txt").read_text(encoding="utf-8") == "题\n\n人民日报 1998-01-01\n\n第一段。\n第二段。\n"
    assert materialize(data, tmp_path / "b", ["B"], silver=silver) == ["s-pd98-19980101-01-001"]
    (data / "peoples_daily_1998" / "199801.articles.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit, match="1 documents not in"):
        materialize(data, tmp_path / "c", silver=silver)
    assert xwlb_text(item).startswith("标题") and pd98_text(article).endswith("第二段。\n")
    with pytest.raises(SystemExit, match="not found"):
        materialize(tmp_path / "nowhere", tmp_path / "d", silver=silver)


@pytest.mark.skipif(not (SHARED_DATA / "news_xwlb").is_dir(), reason="needs ../shared/data")
def test_the_whole_set_is_rebuilt_from_the_shared_corpora(tmp_path):
    docs = materialize(SHARED_DATA, tmp_path)
    assert len(docs) == 2064
    for doc in docs:
        gold = yaml.safe_load((tmp_path / f"{doc}.yaml").read_text(encoding="utf-8"))
        text = (tmp_path / f"{doc}.txt").read_text(encoding="utf-8")
        names = [e["name"] for e in gold["entities"]] + [a for e in gold["entities"] for a in e.get("aliases") or []]
        assert any(n in text for n in names), doc  # the annotation is of this text
