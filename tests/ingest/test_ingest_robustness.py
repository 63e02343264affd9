"""Issue 7: bad input gets a clear answer and loses nothing.

Encodings, traditional Chinese, HTML, empty/binary/unreadable inputs, huge documents, control
characters, malformed configs and schemas, safe ids, atomic writes and `--resume` after kill -9.
"""
from __future__ import annotations

import ast
import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
import yaml

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.engine.runner import run
from pipeline.errors import ConfigError, InputError, SchemaError
from pipeline.ingest import decoding
from pipeline.ingest import reader as ingest
from pipeline.ingest.convert import is_traditional, to_simplified
from pipeline.ingest.documents import make_document, safe_id, split_text
from pipeline.ingest.html import extract_html, tidy
from pipeline.ingest.reader import decode, read_inputs
from pipeline.ingest.textnorm import analysis_text
from pipeline.outputs.documents import document_to_dict, load_result
from pipeline.outputs.yaml_io import dump_yaml, write_yaml
from pipeline.records import Document, Skipped
from pipeline.rules import load_schema
from tests.conftest import DOCUMENT_SCHEMA, REPO, SCHEMAS
from tests.helpers import assert_offsets_index_text, assert_same_outputs, make_corpus

SIMPLIFIED = "中关村实验室党委召开党建工作会议\n新华社 2024-08-13 09:08:44\n中关村实验室党委13日召开党建工作会议。国务院总理李强出席会议。中关村实验室主任王建华获得国家科技进步一等奖。\n"
TRADITIONAL = "中關村實驗室黨委召開黨建工作會議\n新華社 2024-08-13 09:08:44\n中關村實驗室黨委13日召開黨建工作會議。國務院總理李強出席會議。中關村實驗室主任王建華獲得國家科技進步一等獎。\n"
VALIDATOR = jsonschema.Draft202012Validator(json.loads(DOCUMENT_SCHEMA.read_text(encoding="utf-8")))


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def skips(items):
    return [i for i in items if isinstance(i, Skipped)]


def invoke(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, err.getvalue()


def check_document_yaml(data: dict) -> None:
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []
    assert_offsets_index_text(data)


# --- encodings ------------------------------------------------------------------------------

@pytest.mark.parametrize("codec, text", [
    ("utf-8", SIMPLIFIED), ("utf-8-sig", SIMPLIFIED), ("gbk", SIMPLIFIED), ("gb2312", SIMPLIFIED),
    ("gb18030", SIMPLIFIED), ("gbk", TRADITIONAL), ("big5", TRADITIONAL),
    ("utf-16", SIMPLIFIED), ("utf-16-le", SIMPLIFIED), ("utf-16-be", SIMPLIFIED),
    ("utf-16-le", TRADITIONAL), ("utf-32", SIMPLIFIED),
])
def test_encodings_are_detected(codec, text):
    assert decode(text.encode(codec)) == text


def test_valid_utf8_needs_no_detection(monkeypatch):
    def no_detector(*args, **kwargs):
        raise AssertionError("the detector ran on valid UTF-8")

    monkeypatch.setattr(decoding, "_best", no_detector)
    assert decode(SIMPLIFIED.encode("utf-8")) == SIMPLIFIED
    assert decode(("\ufeff" + SIMPLIFIED).encode("utf-8")) == SIMPLIFIED


def test_undecodable_bytes_name_the_byte_offset():
    data = "中关村实验室召开会议。".encode() + b"\xff" + "国务院总理出席。".encode()
    with pytest.raises(InputError, match=r"0xff at byte offset 33\b"):
        decode(data)
    with pytest.raises(InputError, match=r"byte offset \d+"):
        decode(b"\x81\x30\xff\xfe\xfd" * 3)


def test_undecodable_file_is_skipped_with_file_and_offset(tmp_path: Path):
    path = tmp_path / "damaged.txt"
    path.write_bytes("第一段。".encode() * 5 + b"\xc3\x28" + "第二段。".encode())
    [skip] = list(read_inputs([path]))
    assert isinstance(skip, Skipped) and skip.path == str(path)
    assert "byte offset 60" in skip.reason


def test_forced_encoding(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(TRADITIONAL.encode("big5"))
    [doc] = list(read_inputs([tmp_path], encoding="big5"))
    assert doc.text == TRADITIONAL
    [skip] = list(read_inputs([tmp_path], encoding="ascii"))
    assert isinstance(skip, Skipped) and "byte offset 0" in skip.reason
    with pytest.raises(LookupError):
        list(read_inputs([tmp_path], encoding="no-such-codec"))


def test_cli_encoding_option(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(SIMPLIFIED.encode("gbk"))
    status, stderr = invoke(["run", str(tmp_path / "in"), "--out", str(tmp_path / "bad"), "--encoding", "klingon"])
    assert status == 2 and "klingon" in stderr
    assert not (tmp_path / "bad").exists()
    status, stderr = invoke(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--encoding", "GBK"])
    assert status == 0, stderr
    data = yaml.safe_load((tmp_path / "out" / "documents" / "a.yaml").read_text(encoding="utf-8"))
    assert data["text"] == SIMPLIFIED
    assert yaml.safe_load((tmp_path / "out" / "run.yaml").read_text(encoding="utf-8"))["config"]["ingest"]["encoding"] == "GBK"


def test_jsonl_in_gb18030_and_with_a_damaged_line(tmp_path: Path):
    lines = [json.dumps({"id": f"n{i}", "text": f"第{i}次会议在北京召开。"}, ensure_ascii=False) for i in range(3)]
    (tmp_path / "gb.jsonl").write_bytes("\n".join(lines).encode("gb18030"))
    damaged = "\n".join(lines).encode("utf-8").replace("第1次".encode(), b"\xff\xfe")
    (tmp_path / "u8.jsonl").write_bytes(damaged)
    items = list(read_inputs([tmp_path / "gb.jsonl", tmp_path / "u8.jsonl"]))
    assert [d.text for d in docs(items)][:3] == [f"第{i}次会议在北京召开。" for i in range(3)]
    [skip] = skips(items)
    assert skip.path == f"{tmp_path / 'u8.jsonl'}:2" and "byte offset" in skip.reason
    assert len(docs(items)) == 5


def test_jsonl_utf16_and_empty(tmp_path: Path):
    (tmp_path / "wide.jsonl").write_bytes(
        (json.dumps({"id": "w", "text": "会议召开。"}, ensure_ascii=False) + "\n").encode("utf-16"))
    (tmp_path / "blank.jsonl").write_text("\n \n", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    assert [d.text for d in docs(items)] == ["会议召开。"]
    [skip] = skips(items)
    assert skip.path.endswith("blank.jsonl") and "no JSON lines" in skip.reason


def test_jsonl_odd_records_never_crash(tmp_path: Path):
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join([
        "[" * 100_000 + "]" * 100_000,                  # deeper than the JSON parser recurses
        '{"id": "s", "text": "\\ud800 broken"}',        # an unpaired surrogate
        '{"id": 5, "text": "会议\\r\\n召开。", "title": 7}',
        '{"text": 3}', "null", '"text"',
    ]) + "\n", encoding="utf-8")
    items = list(read_inputs([path]))
    assert [d.text for d in docs(items)] == ["会议\n召开。"]
    reasons = [s.reason for s in skips(items)]
    assert len(reasons) == 5
    assert "surrogate" in reasons[1]


# --- traditional Chinese --------------------------------------------------------------------

def test_traditional_text_is_analysed_as_simplified_with_the_same_length():
    assert is_traditional(TRADITIONAL) and not is_traditional(SIMPLIFIED)
    converted = analysis_text(TRADITIONAL)
    assert len(converted) == len(TRADITIONAL)
    assert converted == SIMPLIFIED
    assert analysis_text(SIMPLIFIED) == SIMPLIFIED
    # simplified text with characters OpenCC's traditional table also holds is left alone
    assert to_simplified("中共乾安县委书记洪义乾出席会议。") == "中共乾安县委书记洪义乾出席会议。"
    # phrases keep their sense where a character alone would not (乾隆 is not 干隆)
    assert to_simplified("乾隆皇帝與乾燥氣候", force=True) == "乾隆皇帝与干燥气候"


def test_traditional_document_keeps_its_own_script(extract):
    trad, simp = extract(TRADITIONAL), extract(SIMPLIFIED)
    assert trad.result.entities, "nothing recognised in traditional text"
    assert {e.id for e in trad.result.entities} == {e.id for e in simp.result.entities}
    names = {e.id: e.name for e in trad.result.entities}
    assert names["PERSON:李强"] == "李強"
    assert names["AWARD:国家科技进步一等奖"] == "國家科技進步一等獎"
    check_document_yaml(document_to_dict(trad.result))
    for entity in trad.result.entities:
        assert entity.name in TRADITIONAL or entity.name == entity.id.split(":", 1)[1]
        assert entity.name not in entity.aliases


def test_traditional_big5_file_end_to_end(tmp_path: Path, extractor):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "trad.txt").write_bytes(TRADITIONAL.encode("big5"))
    (tmp_path / "in" / "simp.txt").write_bytes(SIMPLIFIED.encode("gbk"))
    report = run([str(tmp_path / "in")], tmp_path / "out", extractor=extractor, warn=lambda m: None)
    assert report.exit_status == 0
    graph = yaml.safe_load((tmp_path / "out" / "graph.yaml").read_text(encoding="utf-8"))
    li = next(n for n in graph["nodes"] if n["id"] == "PERSON:李强")
    assert li["documents"] == 2  # one node for both scripts
    assert {li["label"], *li["aliases"]} >= {"李強", "李强"}
    for path in (tmp_path / "out" / "documents").glob("*.yaml"):
        check_document_yaml(yaml.safe_load(path.read_text(encoding="utf-8")))


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="gbk"><title>科技论坛在杭州开幕_新华网</title>
<meta property="og:site_name" content="新华网"><script>var x = "<p>脚本里的文字</p>";</script></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/a">时政</a></div>
<article><h1>科技论坛在杭州开幕</h1><p class="info">新华社 2024-08-13 09:08:44</p>
<p>　　第三届青年科技论坛今天在杭州开幕。&nbsp;&nbsp;全国政协委员张伟出席论坛并致辞。</p>
<p>与会代表就ＡＩ技术在２０２４年的发展进行了交流。</p></article>
<div class="footer">版权所有 &copy; 新华网</div></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path):
    (tmp_path / "page.html").write_bytes(PAGE.encode("gbk"))
    [doc] = list(read_inputs([tmp_path]))
    assert doc.id == "page"
    assert doc.title == "科技论坛在杭州开幕"
    assert (doc.source, doc.published) == ("新华社", "2024-08-13 09:08:44")
    assert "全国政协委员张伟出席论坛并致辞" in doc.text
    assert "ＡＩ" in doc.text  # full-width forms are kept in the text; the analysis folds them
    for junk in ("脚本里的文字", "版权所有", "<p>", "\u3000", "\xa0", "  "):
        assert junk not in doc.text


def test_html_offsets_index_the_extracted_text(tmp_path: Path, extractor):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.htm").write_bytes(PAGE.encode("gbk"))
    run([str(tmp_path / "in")], tmp_path / "out", extractor=extractor, warn=lambda m: None)
    data = yaml.safe_load((tmp_path / "out" / "documents" / "page.yaml").read_text(encoding="utf-8"))
    check_document_yaml(data)
    assert "PERSON:张伟" in {e["id"] for e in data["entities"]}


@pytest.mark.parametrize("markup", [b"<html><body></body></html>", b"<html><script>x()</script></html>",
                                    b"   ", b"<<<>>>", b"\x00\x01\x02<html>\xff\xfe"])
def test_html_without_text_is_skipped(tmp_path: Path, markup):
    (tmp_path / "x.html").write_bytes(markup)
    [skip] = list(read_inputs([tmp_path]))
    assert isinstance(skip, Skipped) and skip.reason


def test_html_with_a_wrong_declared_charset(tmp_path: Path):
    page = PAGE.replace('charset="gbk"', 'charset="iso-8859-1"')
    (tmp_path / "wrong.html").write_bytes(page.encode("gbk"))
    (tmp_path / "big5.html").write_bytes(page.replace("iso-8859-1", "big5").encode("big5", "ignore"))
    items = list(read_inputs([tmp_path]))
    texts = {d.id: d.text for d in docs(items)}
    assert "全国政协委员张伟出席论坛并致辞" in texts["wrong"]
    assert "青年科技論壇" in texts["big5"] or "青年科技" in texts["big5"]


def test_broken_html_still_gives_its_text():
    text, _ = extract_html("<html><body><p>北京市召开会议<div><p>国务院总理出席<td>会议".encode())
    assert "北京市召开会议" in text and "国务院总理出席" in text


def test_tidy_collapses_odd_whitespace():
    assert tidy("a\u3000\u3000b\xa0 c\u2003d \n\n\n  e\t\tf  \r\n") == "a b c d\ne f"


# --- empty, binary, folders, unreadable -----------------------------------------------------

@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\r\n", "empty"),
    ("bom.txt", b"\xef\xbb\xbf", "no text"),
    ("bom16.txt", "\ufeff  \n".encode("utf-16"), "no text"),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    ("elf.md", b"\x7fELF\x02\x01\x01\x00" + bytes(8) + bytes(range(256)) * 4, "binary"),
    ("controls.txt", bytes(range(1, 32)) * 20, "binary"),
    ("random.txt", hashlib.sha256(b"seed").digest() * 64, "not valid|binary"),
])
def test_empty_and_binary_files_are_skipped_with_reasons(tmp_path: Path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    [skip] = list(read_inputs([tmp_path]))
    assert isinstance(skip, Skipped) and re.search(reason, skip.reason), skip.reason


def test_folders_without_inputs(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "notes.pdf").write_bytes(b"%PDF")
    [skip] = list(read_inputs([tmp_path / "a"]))
    assert "holds no input files" in skip.reason and ".html" in skip.reason


def test_special_files_and_links(tmp_path: Path):
    (tmp_path / "good.txt").write_text("会议召开。", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop").symlink_to(tmp_path)  # a link loop must not hang the walk
    items = list(read_inputs([tmp_path, tmp_path / "pipe.txt"]))
    assert [d.id for d in docs(items)] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skips(items)}
    assert "regular file" in reasons["pipe.txt"] and "broken symbolic link" in reasons["dangling.txt"]


def test_unreadable_file(tmp_path: Path, monkeypatch):
    (tmp_path / "good.txt").write_text("会议召开。", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("会议召开。", encoding="utf-8")
    if os.geteuid() != 0:
        secret.chmod(0)
    else:  # root reads anything: make reading this one path fail as it would for a user
        real = Path.read_bytes

        def read_bytes(self):
            if self == secret:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    try:
        items = list(read_inputs([tmp_path]))
    finally:
        secret.chmod(0o644)
    assert [d.id for d in docs(items)] == ["good"]
    [skip] = skips(items)
    assert skip.path == str(secret) and "Permission denied" in skip.reason


def test_unreadable_folder(tmp_path: Path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("会议召开。", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "ok":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([tmp_path]))
    assert not docs(items)
    [skip] = skips(items)
    assert skip.path.endswith("ok") and "Permission denied" in skip.reason


def test_cli_reports_skips_and_exits_one(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    status, stderr = invoke(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert status == 1
    assert "bad.txt: binary" in stderr
    data = yaml.safe_load((tmp_path / "out" / "run.yaml").read_text(encoding="utf-8"))
    assert data["skipped"][0]["input"].endswith("bad.txt") and "binary" in data["skipped"][0]["reason"]


def test_cli_out_is_a_file(tmp_path: Path):
    (tmp_path / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "out").write_text("", encoding="utf-8")
    status, stderr = invoke(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert status == 2 and "not a folder" in stderr


# --- huge documents -------------------------------------------------------------------------

def test_split_text_cuts_at_paragraphs_then_sentences():
    paragraphs = "".join(f"第{i}段。" * 10 + "\n\n" for i in range(30))
    parts = split_text(paragraphs, 200)
    assert "".join(parts) == paragraphs
    assert all(len(p) <= 200 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])
    sentences = "会议召开了。" * 100
    parts = split_text(sentences, 50)
    assert "".join(parts) == sentences and all(p.endswith("。") for p in parts)
    assert split_text("字" * 120, 50) == ["字" * 50, "字" * 50, "字" * 20]


def test_long_document_becomes_numbered_parts(tmp_path: Path):
    text = "长文标题\n新华社 2024-01-02\n" + "".join(f"第{i}段会议召开。\n" for i in range(400))
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    parts = list(read_inputs([tmp_path], max_chars=500))
    assert [p.id for p in parts] == [f"long-part-{n:04d}" for n in range(1, len(parts) + 1)]
    assert "".join(p.text for p in parts) == text
    assert all(len(p.text) <= 500 for p in parts)
    assert {(p.title, p.source, p.published) for p in parts} == {("长文标题", "新华社", "2024-01-02")}


def test_fifty_megabyte_document_in_bounded_memory(tmp_path: Path):
    paragraph = "中关村实验室党委13日召开党建工作会议。国务院总理李强出席会议，实验室主任王建华获奖。\r\n\r\n"
    path, digest, size = tmp_path / "huge.txt", hashlib.sha256(), 0
    with path.open("wb") as handle:
        block = (paragraph * 500).encode("utf-8")
        while size < 50 * 2**20:
            handle.write(block)
            digest.update((paragraph * 500).replace("\r\n", "\n").encode("utf-8"))
            size += len(block)
    joined, count = hashlib.sha256(), 0
    tracemalloc.start()
    try:
        for doc in read_inputs([path]):
            assert isinstance(doc, Document) and len(doc.text) <= ingest.DEFAULT_MAX_CHARS
            joined.update(doc.text.encode("utf-8"))
            count += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count > 100
    assert joined.hexdigest() == digest.hexdigest()  # nothing lost, nothing doubled
    assert peak < 40 * 2**20, f"peak {peak / 2**20:.1f} MiB while reading a {size / 2**20:.0f} MiB file"


def test_streamed_gb18030_file_with_crlf_across_chunks(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(ingest, "STREAM_BYTES", 1000)
    monkeypatch.setattr(decoding, "CHUNK_BYTES", 333)
    monkeypatch.setattr(decoding, "SAMPLE_BYTES", 2000)
    text = "".join(f"北京市第{i}次会议召开，局党委书记出席。\r\n" for i in range(300))
    (tmp_path / "gb.txt").write_bytes(text.encode("gb18030"))
    parts = list(read_inputs([tmp_path], max_chars=700))
    assert all(isinstance(p, Document) for p in parts) and len(parts) > 5
    assert "".join(p.text for p in parts) == text.replace("\r\n", "\n")


def test_streamed_file_damaged_late_gives_no_parts(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(ingest, "STREAM_BYTES", 1000)
    good = ("会议召开。" * 2000).encode("utf-8")
    (tmp_path / "late.txt").write_bytes(good + b"\xff" + good)
    items = list(read_inputs([tmp_path], max_chars=500))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert f"byte offset {len(good)}" in items[0].reason


def test_long_document_through_the_runner(tmp_path: Path, extractor):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text(SIMPLIFIED * 6, encoding="utf-8")
    config = load_config()
    config = replace(config, ingest=replace(config.ingest, max_chars=200))
    report = run([str(tmp_path / "in")], tmp_path / "out", config, extractor=extractor, warn=lambda m: None)
    names = sorted(p.stem for p in (tmp_path / "out" / "documents").glob("*.yaml"))
    assert report.documents == len(names) > 1 and names[0] == "long-part-0001"
    for name in names:
        data = yaml.safe_load((tmp_path / "out" / "documents" / f"{name}.yaml").read_text(encoding="utf-8"))
        assert len(data["text"]) <= 200
        check_document_yaml(data)


# --- control characters ---------------------------------------------------------------------

CONTROL_TEXT = "中关村实验室\x01党委召开会议\x0b。国务院总理李强\x1f出席会议\x7f，\ufffe王建华\x00获得国家科技进步一等奖。\x85\u2028完。\n"


def test_control_characters_round_trip_in_yaml():
    loaded = yaml.safe_load(dump_yaml({"text": CONTROL_TEXT}))
    assert loaded["text"] == CONTROL_TEXT


def test_control_characters_end_to_end(tmp_path: Path, extractor):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ctrl.txt").write_text(CONTROL_TEXT, encoding="utf-8")
    report = run([str(tmp_path / "in")], tmp_path / "out", extractor=extractor, warn=lambda m: None)
    assert report.exit_status == 0 and report.documents == 1
    data = yaml.safe_load((tmp_path / "out" / "documents" / "ctrl.yaml").read_text(encoding="utf-8"))
    assert data["text"] == CONTROL_TEXT
    check_document_yaml(data)
    assert load_result(tmp_path / "out" / "documents" / "ctrl.yaml").document.text == CONTROL_TEXT
    for name in ("graph.graphml", "graph.gexf"):
        path = tmp_path / "out" / name
        if path.exists():
            ET.parse(path)  # well-formed XML: the illegal characters were removed


# --- configs and schemas --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("[ingest]\nmax_chars = 0\n", r"\[ingest\] max_chars: expected a number from 100 to 1000000, got 0"),
    ("[ingest]\nmax_chars = 5000000\n", r"max_chars: expected a number from 100"),
    ("[ingest]\nencoding = \"klingon\"\n", r"\[ingest\] encoding: expected \"auto\" or an encoding name"),
    ("[analysis]\nbatch_size = 0\n", r"\[analysis\] batch_size: expected a number from 1 to 10000"),
    ("[relations]\nmin_confidence = 1.5\n", r"\[relations\] min_confidence: expected a number from 0.0 to 1.0"),
    ("[output]\nmax_evidence = -1\n", r"\[output\] max_evidence"),
    ("[ingest]\nmax_chars = 1000\n[ingest]\nmax_chars = 2000\n", r"not a valid config file: .*ingest"),
    ("[ingest]\nmax_chars = 1000\nmax_chars = 2000\n", r"not a valid config file: .*max_chars"),
    ("max_chars = 1000\n", r"not a valid config file"),
])
def test_malformed_config_names_file_and_key(tmp_path: Path, text, expected):
    path = tmp_path / "bad.cfg"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(str(path))
    assert re.search(expected, str(info.value)), str(info.value)


@pytest.mark.parametrize("make", [lambda p: p.mkdir(), lambda p: p.write_bytes(b"\x89PNG\x00\xff")])
def test_config_that_is_a_folder_or_binary(tmp_path: Path, make):
    path = tmp_path / "odd.cfg"
    make(path)
    with pytest.raises(ConfigError, match=re.escape(str(path))):
        load_config(path)
    (tmp_path / "a.txt").write_text("会议召开。", encoding="utf-8")
    status, stderr = invoke(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--config", str(path)])
    assert status == 2 and str(path) in stderr


@pytest.fixture()
def schemas_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, folder)
    return folder


def test_schema_bad_regex_names_file_and_key(schemas_copy: Path):
    path = schemas_copy / "recognition.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["patterns"].append({"label": "ORG", "regex": "(unclosed{SURNAME}"})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SchemaError, match=rf"{re.escape(str(path))}: at key 'patterns/{len(data['patterns']) - 1}/regex'"):
        load_schema(schemas_copy)


def test_schema_lexicon_not_utf8_or_a_folder(schemas_copy: Path):
    lexicon = schemas_copy / "lexicons" / "people.txt"
    lexicon.write_bytes("李强\n".encode("gbk"))
    with pytest.raises(SchemaError, match=re.escape(str(lexicon))):
        load_schema(schemas_copy)
    lexicon.unlink()
    lexicon.mkdir()
    with pytest.raises(SchemaError, match=re.escape(str(lexicon))):
        load_schema(schemas_copy)


def test_schema_file_that_is_a_folder(schemas_copy: Path):
    path = schemas_copy / "aliases.yaml"
    path.unlink()
    path.mkdir()
    with pytest.raises(SchemaError, match=re.escape(str(path))):
        load_schema(schemas_copy)


def test_yaml_is_only_read_with_safe_loaders():
    """Every yaml.load call in the package names a safe loader; no unsafe or full loaders."""
    for path in sorted((REPO / "pipeline").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "yaml"):
                continue
            where = f"{path.name}:{node.lineno}"
            assert node.func.attr not in {"unsafe_load", "unsafe_load_all", "full_load", "full_load_all"}, where
            if node.func.attr in {"load", "load_all"}:
                loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                loader = loader or (node.args[1] if len(node.args) > 1 else None)
                assert loader is not None, where
                text = ast.unparse(loader)
                assert "SafeLoader" in text or (text == "_Loader" and "_Loader = yaml.CSafeLoader" in source), where


# --- ids and output safety ------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("com1", "_com1"), ("console", "console"),
    ("e\u0301", "\u00e9"), ("../..", "document"), ("a b/c", "a_b_c"),
])
def test_safe_id_edge_cases(raw, expected):
    assert safe_id(raw) == expected


def test_safe_id_fits_a_file_name():
    for raw in ("字" * 500, "a" * 500, "😀" * 200):
        assert len(safe_id(raw).encode("utf-8")) <= 180


def test_ids_unique_ignoring_case(tmp_path: Path, extractor):
    for folder, name in (("a", "News.txt"), ("b", "news.txt"), ("c", "NEWS.md")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / name).write_text(f"{folder}会议召开。", encoding="utf-8")
    (tmp_path / "in" / "feed.jsonl").write_text(
        "\n".join(json.dumps({"id": i, "text": f"{i}论坛开幕。"}, ensure_ascii=False) for i in ("X", "x", "../x")),
        encoding="utf-8")
    items = list(read_inputs([tmp_path / "in"]))
    ids = [d.id for d in docs(items)]
    assert len(ids) == 6 and len({i.casefold() for i in ids}) == 6
    run([str(tmp_path / "in")], tmp_path / "out", extractor=extractor, warn=lambda m: None)
    written = {p.stem.casefold() for p in (tmp_path / "out" / "documents").glob("*.yaml")}
    assert written == {i.casefold() for i in ids}


def test_writers_are_atomic():
    """Every output of a run goes through outputs.atomic.atomic_write."""
    writers = [p for folder in ("engine", "outputs", "graph", "view") for p in (REPO / "pipeline" / folder).glob("*.py")
               if p.name != "atomic.py"]
    assert len(writers) >= 15
    for path in writers:
        name = str(path.relative_to(REPO))
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\.write_(text|bytes)\(", source), name
        assert not re.search(r"open\([^)]*['\"][wa]b?['\"]", source), name


# --- resume after kill -9 -------------------------------------------------------------------

def test_resume_after_kill_gives_the_uninterrupted_outputs(tmp_path: Path, extractor):
    inputs = make_corpus(tmp_path / "in", 200)
    config = tmp_path / "slow.cfg"
    config.write_text("[analysis]\nbatch_size = 2\n", encoding="utf-8")
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out), "--config", str(config)]
    process = subprocess.Popen(command, cwd=REPO, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if (out / "documents").is_dir() and len(os.listdir(out / "documents")) >= 20:
                break
            time.sleep(0.005)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    written = len(list((out / "documents").glob("*.yaml")))
    assert process.returncode == -signal.SIGKILL and 0 < written < 200, "the run was not interrupted midway"
    assert yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))["status"] == "running"
    (out / "documents" / ".doc-0399.yaml.abc123.tmp").write_text("half a docu", encoding="utf-8")  # a torn write

    resumed = subprocess.run(command + ["--resume"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    summary = yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))
    assert summary["status"] == "complete" and summary["reused_documents"] >= written

    whole = tmp_path / "whole"
    run([str(inputs)], whole, extractor=extractor, warn=lambda m: None)
    assert_same_outputs(out, whole, ("graph.yaml", "graph.graphml"))


def test_resume_reanalyses_changed_documents_and_other_configs(tmp_path: Path, extractor):
    inputs = make_corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    run([str(inputs)], out, extractor=extractor, warn=lambda m: None)
    (inputs / "doc-0002.txt").write_text("国务院总理李强出席会议。\n", encoding="utf-8")
    messages: list[str] = []
    report = run([str(inputs)], out, extractor=extractor, warn=messages.append, resume=True)
    assert yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))["reused_documents"] == 5
    assert report.documents == 6 and not messages
    fresh = tmp_path / "fresh"
    run([str(inputs)], fresh, extractor=extractor, warn=lambda m: None)
    assert_same_outputs(out, fresh, ("graph.yaml", "graph.graphml"))

    config = load_config()
    other = replace(config, relations=replace(config.relations, min_confidence=0.9))
    run([str(inputs)], out, other, extractor=extractor, warn=messages.append, resume=True)
    assert any("analysed again" in m for m in messages)
    assert yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))["reused_documents"] == 0


def test_resume_ignores_documents_an_older_config_left(tmp_path: Path, extractor):
    """A run with config A, then a run with config B killed before it rewrote anything: the
    documents of A must not be taken for B's."""
    from pipeline.engine.resume import resume_key

    inputs = make_corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    config = load_config()
    other = replace(config, relations=replace(config.relations, min_confidence=0.9))
    run([str(inputs)], out, other, extractor=extractor, warn=lambda m: None)
    write_yaml(out / "run.yaml", {"status": "running", "resume_key": resume_key(config)})  # B, killed at once
    run([str(inputs)], out, config, extractor=extractor, warn=lambda m: None, resume=True)
    assert yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))["reused_documents"] == 0
    fresh = tmp_path / "fresh"
    run([str(inputs)], fresh, config, extractor=extractor, warn=lambda m: None)
    assert_same_outputs(out, fresh, ("graph.yaml", "graph.graphml"))
    data = yaml.safe_load((fresh / "documents" / "doc-0000.yaml").read_text(encoding="utf-8"))
    assert data["document"]["pipeline"] == resume_key(config)


def test_load_result_round_trips(tmp_path: Path, extract):
    result = extract(SIMPLIFIED).result
    data = document_to_dict(result)
    write_yaml(tmp_path / "d.yaml", data)
    assert document_to_dict(load_result(tmp_path / "d.yaml")) == data


def test_make_document_hash_is_of_the_text():
    doc = make_document("x", "会议召开。", "x.txt")
    assert doc.sha256 == hashlib.sha256("会议召开。".encode()).hexdigest()


def test_a_document_whose_analysis_fails_is_skipped_not_fatal(tmp_path: Path, extractor, monkeypatch):
    inputs = make_corpus(tmp_path / "in", 5)
    real = type(extractor).process

    def process(self, documents):
        for result in real(self, documents):
            if result.document.id == "doc-0003":
                raise RuntimeError("boom")
            yield result

    monkeypatch.setattr(type(extractor), "process", process)
    messages: list[str] = []
    report = run([str(inputs)], tmp_path / "out", extractor=extractor, warn=messages.append)
    assert report.documents == 4 and report.exit_status == 1
    assert [s.reason for s in report.skipped] == ["analysis failed (RuntimeError: boom)"]
    assert report.skipped[0].path.endswith("doc-0003.txt") and "doc-0003.txt" in messages[0]
    assert not (tmp_path / "out" / "documents" / "doc-0003.yaml").exists()
    assert yaml.safe_load((tmp_path / "out" / "run.yaml").read_text(encoding="utf-8"))["counts"]["skipped"] == 1


def test_the_resume_key_follows_the_schemas_but_not_their_documentation(schemas_copy: Path):
    from pipeline.engine.resume import resume_key

    config = load_config()
    config = replace(config, paths=replace(config.paths, schemas=str(schemas_copy)))
    key = resume_key(config)
    (schemas_copy / "NOTES.md").write_text("what a list is for\n", encoding="utf-8")
    assert resume_key(config) == key
    with (schemas_copy / "aliases.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a comment is still a change of the file\n")
    assert resume_key(config) != key
