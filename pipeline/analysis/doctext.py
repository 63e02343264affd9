"""A `Doc`'s text, kept once: spaCy rebuilds `Doc.text` from the tokens at every access (about a
microsecond a character), and every component of the chain reads it."""
from __future__ import annotations

from spacy.tokens import Doc

_KEY = "zhkg_analysed_text"


def analysed_text(doc: Doc) -> str:
    """`doc.text`, computed on the first call for each `Doc` (a Doc's text never changes)."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Record `text`, which `doc` was made from, as its text."""
    doc.user_data[_KEY] = text
    return doc
