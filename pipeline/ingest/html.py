"""HTML input: the main text of a web page, with its title, site name and date.

Extraction is trafilatura's: a maintained main-content extractor (boilerplate removal with
its own rules, then readability-lxml and jusText as fallbacks, on lxml) that is evaluated on
news pages, handles Chinese sites and also reads the page's metadata. Navigation, footers,
scripts and comments are dropped; paragraphs become lines. The document text is the
extracted text (title line first), so every offset of the outputs indexes that text.
"""
from __future__ import annotations

import logging
import re

from pipeline.errors import HTML_NO_TEXT, InputError, html_too_large, html_unparsable
from pipeline.ingest.decoding import decode, normalise_text

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_HTML_BYTES = 16 << 20  # lxml and trafilatura hold about 50 times a page: 16 MiB stays under 1 GB
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KiB."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def tidy(text: str) -> str:
    """Runs of spaces (any Unicode space but newlines) become one space; lines are trimmed and
    blank lines dropped. The stored text is this one, so no offset is affected."""
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in normalise_text(text).split("\n"))
    return "\n".join(line for line in lines if line)


def extract_html(data: bytes, encoding: str | None = None) -> tuple[str, dict[str, str | None]]:
    """(text, metadata) of a page's bytes; metadata has title, source (site name) and published."""
    if len(data) > MAX_HTML_BYTES:
        raise InputError(html_too_large(len(data), MAX_HTML_BYTES))
    markup, _ = decode(data, encoding, hint=declared_charset(data))
    import trafilatura

    found = None
    for precision in (True, False):  # news pages: navigation text makes false entities, so precision first
        try:
            found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                                include_tables=True, favor_precision=precision,
                                                output_format="python")
        except Exception as error:  # noqa: BLE001 - a parser failure on hostile markup is a skip reason
            raise InputError(html_unparsable(error)) from None
        if found is not None and (getattr(found, "text", None) or "").strip():
            break
    body = getattr(found, "text", None) if found is not None else None
    if not body or not body.strip():
        body = trafilatura.html2txt(markup) or ""
    meta = {"title": None, "source": None, "published": None}
    if found is not None:
        meta = {"title": _field(found, "title"), "source": _field(found, "sitename"),
                "published": _field(found, "date")}
    body = tidy(body)
    if not body:
        raise InputError(HTML_NO_TEXT)
    title = tidy(meta["title"] or "")
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    return text, meta


def _field(found: object, name: str) -> str | None:
    value = getattr(found, name, None)
    return value.strip() if isinstance(value, str) and value.strip() else None
