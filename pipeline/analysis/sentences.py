"""Sentence spans as character offsets, and the `zhkg_sentences` component that sets them."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.analysis.doctext import analysed_text

SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n+")
SENTENCE_END_CHARS = "。！？!?\n"
CLAUSE_MARK_CHARS = "，,。；;！？!?\n"  # where a clause or a sentence ends
CLAUSE_MARKS = re.compile(f"[{CLAUSE_MARK_CHARS}]")


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence that holds `pos` begins: after the last sentence end or line break before it."""
    return max(text.rfind(c, 0, pos) for c in SENTENCE_END_CHARS) + 1


LEAD_COLONS = "：:"  # a news item's lead ends with one (`央视网消息（新闻联播）：`)


def opens_sentence(text: str, pos: int) -> bool:
    """Whether `pos` opens a sentence: after a sentence end or a line break, or after a colon, as what follows a news
    item's lead does (`央视网消息（新闻联播）：|深入推动长江经济带发展座谈会在武汉召开`)."""
    return sentence_start(text, pos) == pos or text[pos - 1:pos] in LEAD_COLONS


def split_sentences(text: str, max_chars: int = 400) -> list[tuple[int, int]]:
    """Sentence spans [start, end): split after 。！？ (with closing quotes) and at newlines;
    a sentence longer than `max_chars` is cut at its last comma or semicolon before the limit."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.extend(_cut_long(text, start, match.end(), max_chars))
        start = match.end()
    if start < len(text):
        spans.extend(_cut_long(text, start, len(text), max_chars))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _cut_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > max_chars:
        window = text[start:start + max_chars]
        cut = max(window.rfind(c) for c in "，,；;")
        cut = start + (cut + 1 if cut > 0 else max_chars)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


if not Doc.has_extension("zhkg_sentences"):
    Doc.set_extension("zhkg_sentences", default=None)


@Language.component("zhkg_sentences", assigns=["doc._.zhkg_sentences"])
def set_sentences(doc: Doc) -> Doc:
    """Store the sentence spans as character offsets in `doc._.zhkg_sentences`."""
    doc._.zhkg_sentences = split_sentences(analysed_text(doc))
    return doc
