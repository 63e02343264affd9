"""Ingest stage: find inputs, decode them and read their metadata.

`read_inputs` streams `Document` records (or `Skipped` ones, with the reason) from
files and folders, one at a time, so a corpus never has to fit in memory.

- Inputs (`pipeline.ingest.files`): files as given, folders walked in sorted order, read by suffix.
- Decoding (`pipeline.ingest.decoding`): UTF-8 with or without BOM as the fast path; UTF-16/32 with a
  BOM; otherwise charset-normalizer's detection among GB18030 (GBK), Big5 and UTF-16.
  `encoding=` forces one codec for every file.
- HTML files (`pipeline.ingest.html`): the main text of the page, by trafilatura.
- jsonl files (`pipeline.ingest.jsonl`): one document a line.
- A text longer than `max_chars` is split into parts (`pipeline.ingest.documents`); files over
  `STREAM_BYTES` are decoded in chunks, so memory is bounded by the part size, not the file.
- Document ids come from file stems or jsonl ids, made safe as file names (`safe_id`) and
  unique within a run, ignoring case (`_unique`; `pipeline.ingest.ids` keeps them as hashes).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import (
    OUT_OF_MEMORY,
    TRUNCATED_COMPRESSED,
    InputError,
    cannot_read,
    html_too_large,
    internal_error,
    too_long,
)
from pipeline.ingest.decoding import codec_name, file_chunks, iter_decoded
from pipeline.ingest.decoding import decode as decode_bytes
from pipeline.ingest.documents import documents_from, safe_id, split_header
from pipeline.ingest.files import JSONL_SUFFIXES, find_inputs, input_suffix
from pipeline.ingest.html import HTML_SUFFIXES, MAX_HTML_BYTES, extract_html
from pipeline.ingest.ids import FoldedIds
from pipeline.ingest.jsonl import Limits, read_jsonl
from pipeline.records import Document, Skipped

DEFAULT_MAX_CHARS = 100_000
STREAM_BYTES = 8 << 20  # text files larger than this are decoded in chunks


def decode(data: bytes, name: str = "", max_chars: int | None = None, encoding: str | None = None) -> str:
    """Decode a whole file's bytes (see `pipeline.ingest.decoding.decode`); newlines become `\\n`.

    With `max_chars`, a longer text is an error (`read_inputs` splits such texts instead)."""
    text, _ = decode_bytes(data, encoding)
    if max_chars is not None and len(text) > max_chars:
        raise InputError(too_long(len(text), max_chars))
    return text


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
        raise InputError(html_too_large(size, MAX_HTML_BYTES))
    text, meta = extract_html(path.read_bytes(), encoding)
    title, source, published = split_header(text)
    yield from documents_from(safe_id(path.stem), [text], str(path), max_chars, title=meta["title"] or title,
                              source=source or meta["source"], published=published or meta["published"])


def read_inputs(paths: Iterable[str | Path], max_chars: int = DEFAULT_MAX_CHARS,
                encoding: str | None = None, *, limits: Limits | None = None, follow_symlinks: bool = True,
                exclude: Path | None = None) -> Iterator[Document | Skipped]:
    """Stream documents from files and folders; inputs that fail come as `Skipped`.

    Document ids are unique within one call, ignoring case: a repeated id gets a numeric suffix.
    `encoding` (a codec name) forces the decoding of every file; LookupError if unknown.
    `limits`: the jsonl line and skip caps; `follow_symlinks`, `exclude`: see `find_inputs`."""
    if encoding:
        codec_name(encoding)
    seen = FoldedIds()
    for item in find_inputs(paths, follow_symlinks, exclude):
        if isinstance(item, Skipped):
            yield item
            continue
        suffix = input_suffix(item)
        if suffix in JSONL_SUFFIXES:
            produced: Iterator[Document | Skipped] = read_jsonl(item, max_chars, encoding, limits)
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
            yield Skipped(str(item), cannot_read(error))
        except EOFError:
            yield Skipped(str(item), TRUNCATED_COMPRESSED)
        except MemoryError:
            yield Skipped(str(item), OUT_OF_MEMORY)
        except Exception as error:  # noqa: BLE001 - one odd input must not end the run
            yield Skipped(str(item), internal_error(error))


def _unique(document: Document, seen: FoldedIds) -> Document:
    """`document` with an id not yet in `seen` (compared case-insensitively, as on the file
    systems of macOS and Windows), which then holds it: `news`, `News-2`, `news-3`, …"""
    doc_id, n = document.id, 1
    while not seen.add(doc_id):
        n += 1
        doc_id = f"{document.id}-{n}"
    if doc_id == document.id:
        return document
    return Document(**{**document.__dict__, "id": doc_id})
