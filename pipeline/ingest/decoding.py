"""Decoding of input bytes: BOMs, UTF-8 (the fast path), then detection with charset-normalizer.

Detection is charset-normalizer's (a maintained detector that scores every candidate decoding
for "mess" and language coherence), restricted to the encodings Chinese news comes in, because
unrestricted it mistakes short GBK texts for Korean cp949 and the like:

- a byte-order mark decides: UTF-8, UTF-16 or UTF-32;
- valid UTF-8 is UTF-8, without detection;
- NUL bytes (the high bytes of ASCII characters) suggest UTF-16 LE or BE, which the detector
  confirms, or else the file is binary;
- otherwise GB18030 (a superset of GBK and GB2312) or Big5, then UTF-16 without NUL bytes.

A file that fits none of them is an `InputError` naming the first undecodable byte and its
byte offset. Text that is mostly control characters is called binary. `iter_decoded` does the
same for a file too large to hold in memory: the encoding is found from the whole file's
UTF-8 validity or from its first MiB, then the file is decoded in chunks.
"""
from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable, Iterable, Iterator

from pipeline.errors import BINARY_CONTROL, BINARY_NUL, EMPTY_FILE, NO_TEXT, InputError, undecodable

LEGACY = ("gb18030", "big5")
WIDE = ("utf_16_le", "utf_16_be")
BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared names that mean a subset of an encoding we decode with (HTML meta charset, --encoding).
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "euc_cn": "gb18030"}
TRUSTED_HINTS = {"gb18030", "big5", "big5hkscs", "cp950", "utf_16_le", "utf_16_be"}
SAMPLE_BYTES = 1 << 20
CHUNK_BYTES = 1 << 20
_BROKEN_UTF8_PREFIX_CHARS = 4  # valid non-ASCII characters before an invalid byte: UTF-8, damaged
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_CONTROL_SHARE = 0.1
_WIDE_NUL_SHARE = 0.1

logging.getLogger("charset_normalizer").setLevel(logging.ERROR)


def codec_name(name: str) -> str:
    """The Python codec for an encoding name (`GBK`, `big5`, `UTF-8`); LookupError if unknown."""
    canonical = codecs.lookup(name.strip()).name
    return SUPERSETS.get(canonical.replace("-", "_"), canonical)


def bom_codec(data: bytes) -> str | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def _nice(codec: str) -> str:
    return {"utf_8": "UTF-8", "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GB18030", "big5": "Big5",
            "utf_16_le": "UTF-16LE", "utf_16_be": "UTF-16BE", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(codec, codec)


def _undecodable(error: UnicodeDecodeError, codec: str, base: int = 0) -> str:
    bad = error.object[error.start:error.start + 1]
    byte = f"0x{bad[0]:02x}" if bad else "a truncated character"
    return undecodable(_nice(codec), byte, base + error.start)


def _utf8_error(data: bytes, final: bool) -> UnicodeDecodeError | None:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final)
    except UnicodeDecodeError as error:
        return error
    return None


def _wide_order(data: bytes) -> tuple[str, ...]:
    """UTF-16 LE and BE, the likelier first: NUL bytes are mostly the high bytes of ASCII
    characters (newlines, digits), at odd offsets in little-endian text."""
    sample = data[:SAMPLE_BYTES]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return WIDE if odd >= even else WIDE[::-1]


def _best(data: bytes, candidates: Iterable[str]) -> str | None:
    from charset_normalizer import from_bytes

    try:
        match = from_bytes(data, cp_isolation=list(candidates)).best()
    except Exception:  # noqa: BLE001 - a detector failure means "no candidate fits"
        return None
    return match.encoding if match is not None else None


def _trim_sample(data: bytes, wide: bool) -> bytes:
    """Cut a sample of a longer file where no character can be split."""
    if wide:
        return data[:len(data) - len(data) % 4]
    cut = data.rfind(b"\n")
    return data[:cut + 1] if cut > 0 else data


def detect(data: bytes, whole: bool = True, hint: str | None = None) -> str:
    """The codec of `data` (a whole file, or the first MiB of one when `whole` is False).

    `hint` is a declared encoding (an HTML meta charset), used when valid UTF-8 is not."""
    codec = bom_codec(data)
    if codec:
        return codec
    utf8_error = _utf8_error(data, final=whole)
    if b"\x00" in data and (utf8_error is not None or data.count(0) >= _WIDE_NUL_SHARE * len(data)):
        # UTF-16 (ASCII characters give NUL high bytes), or binary; a few NULs in UTF-8 text are
        # control characters like others (see _check_not_binary)
        found = _best(data if whole else _trim_sample(data, True), _wide_order(data))
        if found:
            return found
        raise InputError(BINARY_NUL)
    if utf8_error is None:
        return "utf-8"
    prefix = data[:utf8_error.start].decode("utf-8")
    if sum(1 for ch in prefix if ord(ch) > 0x7F) >= _BROKEN_UTF8_PREFIX_CHARS:
        raise InputError(f"{_undecodable(utf8_error, 'utf-8')} (the text before it is UTF-8)")
    sample = data if whole else _trim_sample(data, False)
    if hint:  # a declared Chinese charset that decodes the whole text; a declared single-byte one
        try:  # (iso-8859-1 on a GBK page happens) would decode anything, so it is not believed
            codec = codec_name(hint)
            if codec.replace("-", "_") in TRUSTED_HINTS:
                sample.decode(codec)
                return codec
        except (LookupError, UnicodeDecodeError):
            pass
    found = _best(sample, LEGACY)
    if found is None and len(sample) % 2 == 0:
        found = _best(sample, WIDE)
    if found is None:
        raise InputError(f"{_undecodable(utf8_error, 'utf-8')}, and not GB18030, Big5 or UTF-16 text either")
    return found


def _clean(text: str, first: bool) -> str:
    if first and text.startswith("\ufeff"):
        text = text[1:]
    return text


def _check_not_binary(text: str) -> None:
    sample = text[:4096]
    if sample and len(_CONTROL.findall(sample)) > _BINARY_CONTROL_SHARE * len(sample):
        raise InputError(BINARY_CONTROL)


# zero-width space, non-joiner, joiner, word joiner, BOM inside a text: invisible, yet they cut a
# name in two for the analysis (`吴\u200b建平`)
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
ZERO_WIDTH = dict.fromkeys(map(ord, _ZERO_WIDTH_CHARS))


def normalise_text(text: str) -> str:
    """Line ends as one newline character, zero-width characters removed: the text a document stores
    and its offsets index."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(char in text for char in _ZERO_WIDTH_CHARS):  # a search each, far cheaper than translate
        text = text.translate(ZERO_WIDTH)
    return text


def decode(data: bytes, encoding: str | None = None, hint: str | None = None) -> tuple[str, str]:
    """(text, codec) of a whole file's bytes: newlines normalised to `\\n`, a BOM dropped.

    `encoding` forces a codec; `hint` is a declared one tried after UTF-8."""
    if not data.strip():
        raise InputError(EMPTY_FILE)
    codec = codec_name(encoding) if encoding else detect(data, hint=hint)
    if codec in ("utf-8", "utf_8") and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(_undecodable(error, codec)) from None
    text = normalise_text(_clean(text, True))
    _check_not_binary(text)
    if not text.strip():
        raise InputError(NO_TEXT)
    return text, codec


def iter_decoded(open_chunks: Callable[[], Iterator[bytes]], encoding: str | None = None) -> tuple[str, Iterator[str]]:
    """Decode a large file in chunks: (codec, iterator of text pieces with newlines normalised).

    `open_chunks()` reads the file from its start each time it is called. The encoding is
    settled before any text is given out: UTF-8 by a validating pass over the whole file, else
    by detection on the first MiB and a validating pass with the codec found, so an undecodable
    byte anywhere is an `InputError` (with its byte offset) before any part is produced."""
    first = b""
    for chunk in open_chunks():
        first += chunk
        if len(first) >= SAMPLE_BYTES:
            break
    if not first.strip():
        raise InputError(EMPTY_FILE)
    if encoding:
        codec = codec_name(encoding)
    else:
        codec = bom_codec(first)
        if codec is None and first.count(0) < _WIDE_NUL_SHARE * len(first) and _validate(open_chunks, "utf-8") is None:
            codec = "utf-8"
        if codec is None:
            codec = detect(first[:SAMPLE_BYTES], whole=False)
    if codec in ("utf-8", "utf_8") and first.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    error = _validate(open_chunks, codec)
    if error is not None:
        raise InputError(error)
    return codec, _decoded_pieces(open_chunks, codec)


def _validate(open_chunks: Callable[[], Iterator[bytes]], codec: str) -> str | None:
    decoder, offset = codecs.getincrementaldecoder(codec)(), 0
    try:
        for chunk in open_chunks():
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return _undecodable(error, codec, offset)
            offset += len(chunk)
        decoder.decode(b"", True)
    except UnicodeDecodeError as error:
        return _undecodable(error, codec, offset)
    return None


def _decoded_pieces(open_chunks: Callable[[], Iterator[bytes]], codec: str) -> Iterator[str]:
    decoder, first, held = codecs.getincrementaldecoder(codec)(), True, ""
    for chunk in open_chunks():
        text = held + decoder.decode(chunk)
        held = ""
        if text.endswith("\r"):  # a \r\n may be split between two chunks
            text, held = text[:-1], "\r"
        text = normalise_text(_clean(text, first))
        if first and text:
            _check_not_binary(text)
            first = False
        if text:
            yield text
    rest = normalise_text(held + decoder.decode(b"", True))
    if rest:
        yield rest


def file_chunks(path, size: int | None = None) -> Callable[[], Iterator[bytes]]:
    """A re-openable chunk reader for `iter_decoded` (chunks of CHUNK_BYTES by default)."""
    def read() -> Iterator[bytes]:
        with open(path, "rb") as handle:
            while chunk := handle.read(size or CHUNK_BYTES):
                yield chunk
    return read
