"""pipeline.ingest: decoding, headers, jsonl, ids and input discovery."""
import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.ingest.documents import safe_id, split_header
from pipeline.ingest.files import find_inputs
from pipeline.ingest.reader import decode, read_inputs
from pipeline.records import Document, Skipped

TEXT = "科技论坛在杭州开幕\n\n新华社 2024-08-13 09:08:44\n\n本报讯，第三届青年科技论坛今天开幕。\n"


def documents(items):
    return [i for i in items if isinstance(i, Document)]


def skipped(items):
    return [i for i in items if isinstance(i, Skipped)]


# --- decode ---------------------------------------------------------------------------------

def test_decode_utf8_with_bom_drops_the_bom():
    data = "\ufeff中关村实验室召开会议。".encode("utf-8")
    assert decode(data, "x.txt", 1000) == "中关村实验室召开会议。"


def test_decode_plain_utf8():
    assert decode("国务院总理出席论坛".encode(), "x", 1000) == "国务院总理出席论坛"


def test_decode_gb18030():
    text = "北京市司法局召开党建工作推进会，局党委书记出席。"
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test input really is not UTF-8
    assert decode(data, "x.txt", 1000) == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec):
    text = "第六届文化艺术节在东城区开幕 2024"
    data = text.encode(codec)
    if codec != "utf-16":
        data = ("\ufeff" + text).encode(codec)
    assert decode(data, "x.txt", 1000) == text


def test_decode_normalises_crlf_and_cr_newlines():
    data = "标题\r\n\r\n第一段。\r第二段。\r\n".encode()
    assert decode(data, "x", 1000) == "标题\n\n第一段。\n第二段。\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_decode_rejects_empty_input(data):
    with pytest.raises(InputError, match="empty"):
        decode(data, "x", 1000)


def test_decode_rejects_binary_input():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "x.png", 1000)


def test_decode_rejects_bytes_that_are_neither_utf8_nor_gb18030():
    with pytest.raises(InputError, match="UTF-8|GB18030"):
        decode(b"\x81\x30\xff\xfe\xfd" * 3, "x", 1000)


def test_decode_enforces_max_chars():
    with pytest.raises(InputError, match="limit"):
        decode(("字" * 50).encode("utf-8"), "x", 10)
    assert decode(("字" * 10).encode("utf-8"), "x", 10) == "字" * 10


def test_decode_bom_only_is_no_text():
    with pytest.raises(InputError):
        decode("\ufeff".encode("utf-8"), "x", 10)


# --- split_header ---------------------------------------------------------------------------

def test_split_header_title_source_and_date():
    title, source, published = split_header(TEXT)
    assert title == "科技论坛在杭州开幕"
    assert source == "新华社"
    assert published == "2024-08-13 09:08:44"


def test_split_header_date_without_time():
    title, source, published = split_header("实验室党委召开会议\n央视网 2024-01-05\n正文。")
    assert (title, source, published) == ("实验室党委召开会议", "央视网", "2024-01-05")


def test_split_header_a_sentence_is_not_a_title():
    title, source, published = split_header("第三届青年科技论坛今天在杭州开幕。\n与会代表发言。")
    assert title is None and source is None and published is None


def test_split_header_single_line_has_no_title():
    assert split_header("中关村实验室召开会议")[0] is None


def test_split_header_source_line_is_not_taken_as_title():
    title, source, published = split_header("新华社 2024-08-13\n第三届青年科技论坛今天开幕。")
    assert title is None
    assert (source, published) == ("新华社", "2024-08-13")


# --- safe_id --------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["../../evil", "..\\..\\evil", "/etc/passwd", "a/b/c", ".hidden", "..", "  "])
def test_safe_id_has_no_separators_or_leading_dot(raw):
    got = safe_id(raw)
    assert got
    assert "/" not in got and "\\" not in got
    assert not got.startswith(".")
    assert got not in {".", ".."}


def test_safe_id_keeps_chinese_and_ordinary_ids():
    assert safe_id("zgc-lab-party-2024-08-13") == "zgc-lab-party-2024-08-13"
    assert safe_id("新闻联播_20240813") == "新闻联播_20240813"


def test_safe_id_is_bounded():
    assert len(safe_id("字" * 500)) <= 120


# --- read_inputs: text files ----------------------------------------------------------------

def test_read_text_file_reads_header_and_hash(tmp_path: Path):
    path = tmp_path / "forum.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8-sig"))
    [doc] = list(read_inputs([path]))
    assert isinstance(doc, Document)
    assert doc.id == "forum"
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
    assert doc.title == "科技论坛在杭州开幕"
    assert doc.source == "新华社"
    assert doc.published == "2024-08-13 09:08:44"
    assert doc.path == str(path)
    assert len(doc.sha256) == 64


def test_read_inputs_gb18030_and_utf16_files(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes("东城区直机关工委召开会议。".encode("gb18030"))
    (tmp_path / "b.txt").write_bytes("民革北京市委召开座谈会。".encode("utf-16"))
    docs = {d.id: d for d in documents(read_inputs([tmp_path]))}
    assert docs["a"].text == "东城区直机关工委召开会议。"
    assert docs["b"].text == "民革北京市委召开座谈会。"


def test_read_inputs_skips_empty_and_binary_files_with_reasons(tmp_path: Path):
    (tmp_path / "good.txt").write_text("中关村实验室召开会议。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00")
    items = list(read_inputs([tmp_path]))
    assert [d.id for d in documents(items)] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skipped(items)}
    assert set(reasons) == {"empty.txt", "binary.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]


def test_read_inputs_missing_path_and_empty_folder(tmp_path: Path):
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "empty_dir" / "notes.pdf").write_bytes(b"%PDF")
    items = list(read_inputs([tmp_path / "nope.txt", tmp_path / "empty_dir"]))
    assert not documents(items)
    assert len(skipped(items)) == 2
    assert all(s.reason for s in skipped(items))


def test_read_inputs_too_long_document_is_split_into_parts(tmp_path: Path):
    (tmp_path / "long.txt").write_text("字" * 100, encoding="utf-8")
    items = list(read_inputs([tmp_path], max_chars=50))
    assert [d.id for d in documents(items)] == ["long-part-0001", "long-part-0002"]
    assert "".join(d.text for d in items) == "字" * 100


def test_duplicate_stems_from_two_folders_get_distinct_ids(tmp_path: Path):
    for folder, text in (("a", "中关村实验室召开会议。"), ("b", "北京市司法局召开会议。")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(text, encoding="utf-8")
    docs = documents(read_inputs([tmp_path / "a", tmp_path / "b"]))
    assert len(docs) == 2
    assert len({d.id for d in docs}) == 2
    assert {d.text for d in docs} == {"中关村实验室召开会议。", "北京市司法局召开会议。"}
    assert all(d.id.startswith("news") for d in docs)


def test_find_inputs_walks_folders_in_sorted_order(tmp_path: Path):
    for name in ("b.txt", "a.md", "c.jsonl", "d.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.name for p in find_inputs([tmp_path]) if isinstance(p, Path)]
    assert found == ["a.md", "b.txt", "c.jsonl"]


# --- read_inputs: jsonl ---------------------------------------------------------------------

def jsonl_lines(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_jsonl_fields_and_bad_line(tmp_path: Path):
    path = tmp_path / "batch.jsonl"
    path.write_text(jsonl_lines(
        {"id": "n1", "text": "中关村实验室党委召开会议。", "title": "实验室党委开会", "source": "新华社",
         "date": "2024-08-13"},
        "{not json",
        {"id": "n3", "text": "北京市司法局举办研讨会。"},
        {"id": "n4", "text": "   "},
        ["a", "list"],
    ), encoding="utf-8")
    items = list(read_inputs([path]))
    docs = {d.id: d for d in documents(items)}
    assert set(docs) == {"n1", "n3"}
    n1 = docs["n1"]
    assert n1.title == "实验室党委开会"
    assert n1.source == "新华社"
    assert n1.published == "2024-08-13"
    assert "中关村实验室党委召开会议。" in n1.text
    assert docs["n3"].text == "北京市司法局举办研讨会。"
    where = sorted(s.path for s in skipped(items))
    assert where == [f"{path}:2", f"{path}:4", f"{path}:5"]


def test_jsonl_bad_line_reason_mentions_json(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_text(jsonl_lines({"id": "a", "text": "会议召开。"}, "{oops"), encoding="utf-8")
    [bad] = skipped(read_inputs([path]))
    assert bad.path.endswith("x.jsonl:2")
    assert "JSON" in bad.reason


def test_jsonl_path_traversal_id_is_made_safe(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_text(jsonl_lines({"id": "../../evil", "text": "中关村实验室召开会议。"},
                                {"id": "/abs/path", "text": "东城区召开会议。"}), encoding="utf-8")
    docs = documents(read_inputs([path]))
    assert len(docs) == 2
    for doc in docs:
        assert "/" not in doc.id and "\\" not in doc.id and not doc.id.startswith(".")
        assert (tmp_path / "out" / f"{doc.id}.yaml").resolve().parent == (tmp_path / "out").resolve()


def test_jsonl_without_id_gets_stem_and_line_number(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text(jsonl_lines({"text": "会议召开。"}, {"text": "论坛开幕。"}), encoding="utf-8")
    ids = [d.id for d in documents(read_inputs([path]))]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert all(i.startswith("feed") for i in ids)


def test_jsonl_duplicate_ids_are_made_unique(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_text(jsonl_lines({"id": "same", "text": "会议召开。"}, {"id": "same", "text": "论坛开幕。"}),
                    encoding="utf-8")
    docs = documents(read_inputs([path]))
    assert len({d.id for d in docs}) == 2


def test_jsonl_crlf_and_bom(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    body = jsonl_lines({"id": "a", "text": "第一段。\r\n第二段。"}).replace("\n", "\r\n")
    path.write_bytes(("\ufeff" + body).encode("utf-8"))
    [doc] = documents(read_inputs([path]))
    assert doc.id == "a"
    assert doc.text == "第一段。\n第二段。"
