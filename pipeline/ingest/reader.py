"""Ingest stage: find inputs, decode them and read their metadata.

`read_inputs` streams `Document` records (or `Skipped` ones, with the reason) from
files and folders, one at a time, so a corpus never has to fit in memory.

- Decoding (`pipeline.ingest.decoding`): UTF-8 with or without BOM as the fast path; UTF-16/32 with a
  BOM; otherwise charset-normalizer's detection among GB18030 (GBK), Big5 and UTF-16.
  `encoding=` forces one codec for every file.
- HTML files (`pipeline.ingest.html`): the main text of the page, by trafilatura.
- A text longer than `max_chars` is split into parts `<id>-part-0001`, `<id>-part-0002`, … at
  paragraph, else sentence, else clause boundaries, each at most `max_chars` long; files over
  `STREAM_BYTES` are decoded in chunks, so memory is bounded by the part size, not the file.
- Document ids come from file stems or jsonl ids, made safe as file names (`safe_id`) and
  unique within a run, ignoring case (`_unique`).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.ingest.decoding import (
    LEGACY, InputError, bom_codec, codec_name, decode as decode_bytes, file_chunks, iter_decoded,
    normalise_newlines,
)
from pipeline.ingest.html import HTML_SUFFIXES, MAX_HTML_BYTES, extract_html
from pipeline.records import Document, Skipped

__all__ = ["InputError", "read_inputs", "find_inputs", "decode", "split_header", "safe_id", "split_text",
           "make_document", "DEFAULT_MAX_CHARS"]

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".jsonl.gz"}  # .jsonl.gz: gzip-compressed, read as a stream
INPUT_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
DEFAULT_MAX_CHARS = 100_000
STREAM_BYTES = 8 << 20  # text files larger than this are decoded in chunks

_SOURCE_LINE = re.compile(
    r"^\s*(?P<source>[^\d\s][^\n]{0,40}?)\s+"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)
_SENTENCE_END = "。！？!?；;"
_TITLE_MAX_CHARS = 80
_ID_UNSAFE = re.compile(r"[^\w.\-]+")
_ID_MAX_CHARS = 120
_ID_MAX_BYTES = 180  # a file name is at most 255 bytes: room for -part-0001, -2, .yaml and a temp prefix
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
_SENTENCE_CUT = re.compile(r"[。！？!?；;…][”’」』）)\"']*")
_CLAUSE_CUT = re.compile(r"[，,、：:]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def describe_suffixes() -> str:
    return ", ".join(sorted(INPUT_SUFFIXES))


def input_suffix(path: Path) -> str:
    """The suffix that decides how a file is read: `.jsonl.gz` for compressed jsonl, else the
    last suffix, lower case."""
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _read_all(path: Path) -> bytes:
    with _open_binary(path) as handle:
        return handle.read()


def _jsonl_stem(path: Path) -> str:
    name = path.name
    return name[:-len(".jsonl.gz")] if name.lower().endswith(".jsonl.gz") else path.stem


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Yield input files under `paths` (files as given, folders walked in sorted order)."""
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found, problems = _walk(path)
                yield from problems
                if not found and not problems:
                    yield Skipped(str(path), f"folder holds no input files ({describe_suffixes()})")
                yield from found
            elif path.is_file():
                yield path
            elif path.exists():
                yield Skipped(str(path), "not a regular file or folder (a device, pipe or socket)")
            else:
                yield Skipped(str(path), "no such file or folder")
        except OSError as error:
            yield Skipped(str(path), f"cannot read: {error.strerror or error}")


def _walk(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """Input files under `folder` in sorted order (symbolic links to folders are not followed,
    so a link loop cannot hang the walk) and the sub-folders that could not be read."""
    found: list[Path] = []
    problems: list[Skipped] = []

    def failed(error: OSError) -> None:
        problems.append(Skipped(str(error.filename or folder), f"cannot read folder: {error.strerror or error}"))

    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs.sort()
        for name in files:
            path = Path(root) / name
            if input_suffix(path) not in INPUT_SUFFIXES:
                continue
            if path.is_file():
                found.append(path)
            elif not path.exists():
                problems.append(Skipped(str(path), "broken symbolic link"))
            else:
                problems.append(Skipped(str(path), "not a regular file (a device, pipe or socket)"))
    return sorted(found), problems


def decode(data: bytes, name: str = "", max_chars: int | None = None, encoding: str | None = None) -> str:
    """Decode a whole file's bytes (see `pipeline.ingest.decoding.decode`); newlines become `\\n`.

    With `max_chars`, a longer text is an error (`read_inputs` splits such texts instead)."""
    text, _ = decode_bytes(data, encoding)
    if max_chars is not None and len(text) > max_chars:
        raise InputError(f"document has {len(text):,} characters, over the limit of {max_chars:,}")
    return text


def split_header(text: str) -> tuple[str | None, str | None, str | None]:
    """Read (title, source, published) from the first lines of a news text."""
    lines = [line.strip() for line in text.split("\n")[:8] if line.strip()]
    title = source = published = None
    if len(lines) > 1 and len(lines[0]) <= _TITLE_MAX_CHARS and lines[0][-1] not in _SENTENCE_END:
        if not _SOURCE_LINE.match(lines[0]):
            title = lines[0]
    for line in lines[:3]:
        match = _SOURCE_LINE.match(line)
        if match:
            source, published = match.group("source").strip(), match.group("date")
            break
    return title, source, published


def safe_id(raw: str) -> str:
    """A document id usable as a file name on any system: no separators, no leading dots, no
    reserved device names, at most 120 characters and 180 bytes of UTF-8, NFC-normalised."""
    cleaned = _ID_UNSAFE.sub("_", unicodedata.normalize("NFC", raw).strip()).strip("._")
    cleaned = cleaned[:_ID_MAX_CHARS]
    while len(cleaned.encode("utf-8")) > _ID_MAX_BYTES:
        cleaned = cleaned[:-1]
    cleaned = cleaned.rstrip("._") or "document"
    if cleaned.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


def make_document(doc_id: str, text: str, path: str, **meta: str | None) -> Document:
    title, source, published = split_header(text)
    return Document(
        id=doc_id,
        text=text,
        title=meta.get("title") or title,
        source=meta.get("source") or source,
        published=meta.get("published") or published,
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


# --- splitting long texts -------------------------------------------------------------------

def cut_point(text: str, limit: int) -> int:
    """Where the first part of `text` (longer than `limit`) ends: after the last paragraph
    break, else line break, else sentence end, else clause mark in its first `limit` characters
    (not before half of it), else at `limit`."""
    window = text[:limit]
    floor = limit // 2
    for separator in ("\n\n", "\n"):
        at = window.rfind(separator)
        if at >= floor:
            return at + len(separator)
    for pattern in (_SENTENCE_CUT, _CLAUSE_CUT):
        ends = [m.end() for m in pattern.finditer(window, floor)]
        if ends:
            return ends[-1]
    return limit


def split_text(text: str, limit: int) -> list[str]:
    """`text` in consecutive parts of at most `limit` characters (see `cut_point`); joined,
    the parts are `text` again."""
    return list(_split_pieces([text], limit))


def _split_pieces(pieces: Iterable[str], limit: int) -> Iterator[str]:
    if limit < 1:
        raise ValueError("max_chars must be at least 1")
    buffer = ""
    for piece in pieces:
        buffer += piece
        while len(buffer) > limit:
            cut = cut_point(buffer, limit)
            yield buffer[:cut]
            buffer = buffer[cut:]
    if buffer:
        yield buffer


def documents_from(doc_id: str, pieces: Iterable[str], path: str, max_chars: int,
                   **meta: str | None) -> Iterator[Document]:
    """One document from the text in `pieces`, or parts `<doc_id>-part-0001`, … when it is
    longer than `max_chars`. Parts after the first keep the first part's title, source and date.
    Parts of blank text are left out (they hold nothing to lose)."""
    parts = _split_pieces(pieces, max_chars)
    first = next(parts, None)
    second = next(parts, None) if first is not None else None
    if second is None:
        if first is None or not first.strip():
            raise InputError("no text after decoding")
        yield make_document(doc_id, first, path, **meta)
        return
    shared: dict[str, str | None] | None = None
    number = 0
    for part in _chain(first, second, parts):
        if not part.strip():
            continue
        if shared is None:
            title, source, published = split_header(part)
            shared = {"title": meta.get("title") or title, "source": meta.get("source") or source,
                      "published": meta.get("published") or published}
        number += 1
        yield make_document(f"{doc_id}-part-{number:04d}", part, path, **shared)
    if number == 0:
        raise InputError("no text after decoding")


def _chain(*items) -> Iterator[str]:
    *heads, rest = items
    yield from heads
    yield from rest


# --- files ----------------------------------------------------------------------------------

def read_text_file(path: Path, max_chars: int, encoding: str | None = None) -> Iterator[Document]:
    if path.stat().st_size <= STREAM_BYTES:
        text, _ = decode_bytes(path.read_bytes(), encoding)
        pieces: Iterable[str] = [text]
    else:
        _, pieces = iter_decoded(file_chunks(path), encoding)
    yield from documents_from(safe_id(path.stem), pieces, str(path), max_chars)


def read_html_file(path: Path, max_chars: int, encoding: str | None = None) -> Iterator[Document]:
    size = path.stat().st_size
    if size > MAX_HTML_BYTES:  # a page is parsed whole: refuse before reading it
        raise InputError(f"HTML file of {size:,} bytes, over the limit of {MAX_HTML_BYTES:,}")
    text, meta = extract_html(path.read_bytes(), encoding)
    title, source, published = split_header(text)
    yield from documents_from(safe_id(path.stem), [text], str(path), max_chars, title=meta["title"] or title,
                              source=source or meta["source"], published=published or meta["published"])


def read_jsonl(path: Path, max_chars: int, encoding: str | None = None) -> Iterator[Document | Skipped]:
    """One document a line: {"id", "text", "title"?, "source"?, "date"?}."""
    produced = False
    for where, line in _jsonl_lines(path, encoding):
        if isinstance(line, Skipped):
            produced = True
            yield line
            continue
        if not line.strip():
            continue
        produced = True
        yield from _jsonl_record(path, where, line, max_chars)
    if not produced:
        yield Skipped(str(path), "no JSON lines in the file")


def _jsonl_record(path: Path, where: str, line: str, max_chars: int) -> Iterator[Document | Skipped]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        yield Skipped(where, f"not a JSON line: {error}")
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        yield Skipped(where, 'a JSON object with a non-empty "text" string is required')
        return
    fields = [v for v in (record["text"], record.get("title"), record.get("id"), record.get("source"),
                          record.get("date")) if isinstance(v, str)]
    bad = next((m for f in fields for m in [_SURROGATE.search(f)] if m), None)
    if bad:
        yield Skipped(where, f"the JSON holds an unpaired surrogate \\u{ord(bad.group()):04x}, which is no "
                             "character (a broken escape or a cut emoji)")
        return
    text = normalise_newlines(record["text"])
    title = record.get("title") if isinstance(record.get("title"), str) and record["title"].strip() else None
    if title:
        title = " ".join(title.split())
        if not text.lstrip().startswith(title):
            text = f"{title}\n\n{text}"
    number = where.rsplit(":", 1)[-1]
    doc_id = safe_id(str(record.get("id") or f"{_jsonl_stem(path)}-{number}"))
    try:
        yield from documents_from(doc_id, [text], where, max_chars, title=title,
                                  source=_str_or_none(record.get("source")),
                                  published=_str_or_none(record.get("date")))
    except InputError as error:
        yield Skipped(where, str(error))


def _jsonl_lines(path: Path, encoding: str | None) -> Iterator[tuple[str, str | Skipped]]:
    """(where, line) for every line of a jsonl file, or (where, Skipped) for an undecodable one.

    UTF-8 is the fast path, line by line. A file some of whose lines are not UTF-8 is decoded
    with the encoding detected on those lines when no line is non-ASCII UTF-8 (a GB18030 or
    Big5 file); otherwise it is a UTF-8 file with damaged lines, and they are skipped with
    their byte offsets. UTF-16/32 files (BOM or NUL bytes) are decoded whole."""
    with _open_binary(path) as handle:
        head = handle.read(4096)
    codec = codec_name(encoding) if encoding else bom_codec(head)
    if (codec or "").replace("-", "_").startswith(("utf_16", "utf_32")) or (codec is None and b"\x00" in head):
        text, _ = decode_bytes(_read_all(path), encoding)
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
                if encoding is None and fallback is None:
                    fallback = _jsonl_fallback(path) or ""
                if fallback:
                    try:
                        yield where, raw.decode(fallback)
                        offset += len(raw)
                        continue
                    except UnicodeDecodeError as second:
                        error = second
                bad = raw[error.start:error.start + 1]
                yield where, Skipped(where, f"not valid {fallback or codec}: undecodable byte 0x{bad[0]:02x} "
                                            f"at byte offset {offset + error.start} of the file")
            offset += len(raw)


def _jsonl_fallback(path: Path, sample_lines: int = 64) -> str | None:
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


def read_inputs(paths: Iterable[str | Path], max_chars: int = DEFAULT_MAX_CHARS,
                encoding: str | None = None) -> Iterator[Document | Skipped]:
    """Stream documents from files and folders; inputs that fail come as `Skipped`.

    Document ids are unique within one call, ignoring case: a repeated id gets a numeric suffix.
    `encoding` (a codec name) forces the decoding of every file; LookupError if unknown."""
    if encoding:
        codec_name(encoding)
    seen: set[str] = set()
    for item in find_inputs(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        suffix = input_suffix(item)
        if suffix in JSONL_SUFFIXES:
            produced: Iterator[Document | Skipped] = read_jsonl(item, max_chars, encoding)
        elif suffix in HTML_SUFFIXES:
            produced = read_html_file(item, max_chars, encoding)
        else:
            produced = read_text_file(item, max_chars, encoding)
        try:
            for record in produced:
                if isinstance(record, Document):
                    record = _unique(record, seen)
                yield record
        except InputError as error:
            yield Skipped(str(item), str(error))
        except OSError as error:
            yield Skipped(str(item), f"cannot read: {error.strerror or error}")
        except EOFError:
            yield Skipped(str(item), "the compressed file ends too early (truncated)")
        except MemoryError:
            yield Skipped(str(item), "out of memory while reading it")
        except Exception as error:  # noqa: BLE001 - one odd input must not end the run
            yield Skipped(str(item), f"internal error while reading it ({type(error).__name__}: {error})")


def _unique(document: Document, seen: set[str]) -> Document:
    """`document` with an id not yet in `seen` (compared case-insensitively, as on the file
    systems of macOS and Windows): `news`, `News-2`, `news-3`, …"""
    doc_id, n = document.id, 1
    while doc_id.casefold() in seen:
        n += 1
        doc_id = f"{document.id}-{n}"
    seen.add(doc_id.casefold())
    if doc_id == document.id:
        return document
    return Document(**{**document.__dict__, "id": doc_id})
