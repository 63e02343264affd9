"""Chaos: inputs that try to take unbounded memory or time, or to break the walk, end as
named reasons within the configured bounds."""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

from pipeline.errors import printable
from pipeline.ingest.files import find_inputs
from pipeline.ingest.jsonl import Limits, read_jsonl
from pipeline.ingest.reader import read_inputs
from pipeline.records import Document, Skipped


def _gzip(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data, compresslevel=1))
    return path


def test_a_line_over_the_cap_is_skipped_and_the_next_line_kept(tmp_path: Path):
    path = tmp_path / "big.jsonl.gz"
    _gzip(path, b'{"id": "a", "text": "' + b"x" * 50_000 + b'"}\n{"id": "b", "text": "\xe4\xbc\x9a\xe8\xae\xae"}\n')
    items = list(read_jsonl(path, 100_000, limits=Limits(max_line_bytes=4096)))
    assert [type(i) for i in items] == [Skipped, Document]
    assert items[0].path.endswith(":1") and "over the limit of 4,096" in items[0].reason
    assert items[1].id == "b"


def test_a_line_without_end_over_the_cap_is_skipped(tmp_path: Path):
    path = _gzip(tmp_path / "one.jsonl.gz", b"{" + b"0" * 200_000)
    items = list(read_jsonl(path, 100_000, limits=Limits(max_line_bytes=1024)))
    assert len(items) == 1 and "line of 200,001 bytes" in items[0].reason


def test_skipped_lines_beyond_the_cap_are_counted_in_one_entry(tmp_path: Path):
    path = _gzip(tmp_path / "yes.jsonl.gz", b"x\n" * 5000)
    items = list(read_jsonl(path, 100_000, limits=Limits(max_reported_skips=10)))
    assert len(items) == 11
    assert all(isinstance(i, Skipped) for i in items)
    assert items[-1].path == str(path) and items[-1].reason.startswith("4,990 more lines skipped")


def test_a_gzip_of_nul_bytes_is_binary_not_read_whole(tmp_path: Path):
    path = _gzip(tmp_path / "nul.jsonl.gz", bytes(8 << 20))
    items = list(read_inputs([path]))
    assert len(items) == 1 and isinstance(items[0], Skipped) and "NUL" in items[0].reason


def test_a_gzip_that_fails_its_crc_gives_no_documents(tmp_path: Path):
    lines = b"".join(b'{"id": "d%d", "text": "\xe4\xbc\x9a\xe8\xae\xae%d"}\n' % (i, i) for i in range(200))
    data = bytearray(gzip.compress(lines))
    data[-8] ^= 0xFF  # the CRC32 in the trailer
    path = tmp_path / "crc.jsonl.gz"
    path.write_bytes(bytes(data))
    items = list(read_inputs([path]))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert "damaged gzip file" in items[0].reason and "CRC" in items[0].reason


def test_utf16_jsonl_is_read_as_a_stream_with_the_line_cap(tmp_path: Path):
    text = '{"id": "a", "text": "会议召开"}\n{"id": "b", "text": "' + "长" * 3000 + '"}\n'
    path = tmp_path / "wide.jsonl"
    path.write_bytes(text.encode("utf-16"))
    items = list(read_jsonl(path, 100_000, limits=Limits(max_line_bytes=2048)))
    assert isinstance(items[0], Document) and items[0].text == "会议召开"
    assert isinstance(items[1], Skipped) and "over the limit" in items[1].reason


def test_a_folder_1100_levels_deep_is_walked(tmp_path: Path):
    deep = tmp_path / "top"
    deep.mkdir()
    current = deep
    for _ in range(1100):  # os.makedirs itself recurses
        current = current / "d"
        current.mkdir()
    (current / "bottom.txt").write_text("会议召开。", encoding="utf-8")
    (deep / "beside.txt").write_text("会议召开。", encoding="utf-8")
    try:
        found = [p.name for p in find_inputs([deep]) if isinstance(p, Path)]
    finally:
        (current / "bottom.txt").unlink()
        while current != deep:  # shutil.rmtree (and pytest's clean-up) recurses too
            current.rmdir()
            current = current.parent
    assert sorted(found) == ["beside.txt", "bottom.txt"]


def test_the_output_folder_inside_the_input_is_not_read(tmp_path: Path):
    (tmp_path / "a.txt").write_text("会议召开。", encoding="utf-8")
    out = tmp_path / "kg"
    out.mkdir()
    (out / "graph.html").write_text("<html><body><p>图谱页面的文字。</p></body></html>", encoding="utf-8")
    (out / "documents").mkdir()
    (out / "documents" / "old.md").write_text("旧的文字。", encoding="utf-8")
    found = [p.name for p in find_inputs([tmp_path], exclude=out) if isinstance(p, Path)]
    assert found == ["a.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_symlinks_are_followed_only_when_asked(tmp_path: Path):
    outside = tmp_path / "secret.txt"
    outside.write_text("机密。", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("会议召开。", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    followed = [p.name for p in find_inputs([folder]) if isinstance(p, Path)]
    assert followed == ["a.txt", "link.txt"]
    items = list(find_inputs([folder], follow_symlinks=False))
    assert [p.name for p in items if isinstance(p, Path)] == ["a.txt"]
    assert [(Path(s.path).name, s.reason) for s in items if isinstance(s, Skipped)] == [
        ("link.txt", "symbolic link, not followed (--no-follow-symlinks)")]


def test_control_characters_of_file_names_are_escaped_for_stderr():
    assert printable("a\nzhkg: skipped x.txt\x1b[2K.txt") == "a\\x0azhkg: skipped x.txt\\x1b[2K.txt"
    assert printable("新闻\u2028.txt") == "新闻\\u2028.txt"


def test_zero_width_characters_are_removed_before_analysis(tmp_path: Path):
    (tmp_path / "z.txt").write_text("会议\n吴\u200b建平出席会议，李\u200d强\ufeff出席。\n", encoding="utf-8")
    (tmp_path / "z.jsonl").write_text('{"id": "j", "text": "吴\\u200b建平出席会议。"}\n', encoding="utf-8")
    texts = {d.id: d.text for d in read_inputs([tmp_path]) if isinstance(d, Document)}
    assert texts == {"z": "会议\n吴建平出席会议，李强出席。\n", "j": "吴建平出席会议。"}


def test_an_html_page_over_16_mib_is_skipped_before_it_is_read(tmp_path: Path):
    page = tmp_path / "big.html"
    with page.open("wb") as out:
        out.write(b"<html><body>")
        out.truncate((16 << 20) + 1)
    [skipped] = list(read_inputs([page]))
    assert isinstance(skipped, Skipped) and skipped.reason == "HTML file of 16,777,217 bytes, over the limit of 16,777,216"
