"""jsonl input (`.jsonl`, or gzip-compressed `.jsonl.gz`, read as a stream): one document a line,
{"id", "text", "title"?, "source"?, "date"?}. A bad line is skipped as `FILE:LINE`; the others
are kept."""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import (
    JSON_TEXT_REQUIRED,
    NO_JSON_LINES,
    InputError,
    not_a_json_line,
    undecodable,
    unpaired_surrogate,
)
from pipeline.ingest.decoding import LEGACY, bom_codec, codec_name, decode, normalise_newlines
from pipeline.ingest.documents import documents_from, safe_id
from pipeline.records import Document, Skipped

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _read_all(path: Path) -> bytes:
    with _open_binary(path) as handle:
        return handle.read()


def _stem(path: Path) -> str:
    name = path.name
    return name[:-len(".jsonl.gz")] if name.lower().endswith(".jsonl.gz") else path.stem


def read_jsonl(path: Path, max_chars: int, encoding: str | None = None) -> Iterator[Document | Skipped]:
    """One document a line: {"id", "text", "title"?, "source"?, "date"?}."""
    produced = False
    for where, line in _lines(path, encoding):
        if isinstance(line, Skipped):
            produced = True
            yield line
            continue
        if not line.strip():
            continue
        produced = True
        yield from _record(path, where, line, max_chars)
    if not produced:
        yield Skipped(str(path), NO_JSON_LINES)


def _record(path: Path, where: str, line: str, max_chars: int) -> Iterator[Document | Skipped]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        yield Skipped(where, not_a_json_line(error))
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        yield Skipped(where, JSON_TEXT_REQUIRED)
        return
    fields = [v for v in (record["text"], record.get("title"), record.get("id"), record.get("source"),
                          record.get("date")) if isinstance(v, str)]
    bad = next((m for f in fields for m in [_SURROGATE.search(f)] if m), None)
    if bad:
        yield Skipped(where, unpaired_surrogate(bad.group()))
        return
    text = normalise_newlines(record["text"])
    title = record.get("title") if isinstance(record.get("title"), str) and record["title"].strip() else None
    if title:
        title = " ".join(title.split())
        if not text.lstrip().startswith(title):
            text = f"{title}\n\n{text}"
    number = where.rsplit(":", 1)[-1]
    doc_id = safe_id(str(record.get("id") or f"{_stem(path)}-{number}"))
    try:
        yield from documents_from(doc_id, [text], where, max_chars, title=title,
                                  source=_str_or_none(record.get("source")),
                                  published=_str_or_none(record.get("date")))
    except InputError as error:
        yield Skipped(where, str(error))


def _lines(path: Path, encoding: str | None) -> Iterator[tuple[str, str | Skipped]]:
    """(where, line) for every line of a jsonl file, or (where, Skipped) for an undecodable one.

    UTF-8 is the fast path, line by line. A file some of whose lines are not UTF-8 is decoded
    with the encoding detected on those lines when no line is non-ASCII UTF-8 (a GB18030 or
    Big5 file); otherwise it is a UTF-8 file with damaged lines, and they are skipped with
    their byte offsets. UTF-16/32 files (BOM or NUL bytes) are decoded whole."""
    with _open_binary(path) as handle:
        head = handle.read(4096)
    codec = codec_name(encoding) if encoding else bom_codec(head)
    if (codec or "").replace("-", "_").startswith(("utf_16", "utf_32")) or (codec is None and b"\x00" in head):
        text, _ = decode(_read_all(path), encoding)
        for number, line in enumerate(text.split("\n"), start=1):
            yield f"{path}:{number}", line
        return
    codec = codec or "utf-8"
    fallback: str | None = None
    with _open_binary(path) as handle:
        offset = 0
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if number == 1 and raw.startswith(b"\xef\xbb\xbf") and codec in ("utf-8", "utf_8"):
                raw, offset = raw[3:], 3
            try:
                yield where, raw.decode(codec)
            except UnicodeDecodeError as error:
                failure = error
                if encoding is None and fallback is None:
                    fallback = _legacy_encoding(path) or ""
                if fallback:
                    try:
                        yield where, raw.decode(fallback)
                        offset += len(raw)
                        continue
                    except UnicodeDecodeError as second:
                        failure = second
                bad = raw[failure.start:failure.start + 1]
                reason = undecodable(fallback or codec, f"0x{bad[0]:02x}", offset + failure.start)
                yield where, Skipped(where, f"{reason} of the file")
            offset += len(raw)


def _legacy_encoding(path: Path, sample_lines: int = 64) -> str | None:
    """The legacy encoding of a jsonl file that holds no non-ASCII UTF-8 line, else None."""
    from charset_normalizer import from_bytes

    bad: list[bytes] = []
    with _open_binary(path) as handle:
        for raw in handle:
            try:
                if not raw.decode("utf-8").isascii():
                    return None  # a UTF-8 file: its undecodable lines are damage, not another encoding
            except UnicodeDecodeError:
                if len(bad) < sample_lines:
                    bad.append(raw)
    match = from_bytes(b"".join(bad), cp_isolation=list(LEGACY)).best() if bad else None
    return match.encoding if match is not None else None


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
