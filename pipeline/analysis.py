"""Linguistic analysis stage: the spaCy `zh` pipeline that segments and splits sentences,
followed by the recognition components (trained `ner`, then `zhkg_entity_rules`).
"""
from __future__ import annotations

import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import recognition  # noqa: F401  (registers the zhkg_entity_rules factory)

PACKAGE_MODELS = Path(__file__).resolve().parent / "models"
DEFAULT_NER_MODEL = PACKAGE_MODELS / "ner"
SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n+")


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


@Language.component("zhkg_sentences")
def set_sentences(doc: Doc) -> Doc:
    """Store the sentence spans as character offsets in `doc._.zhkg_sentences`."""
    doc._.zhkg_sentences = split_sentences(doc.text)
    return doc


def build_nlp(ner_model: str | Path | None = DEFAULT_NER_MODEL, schemas_dir: str | Path | None = None) -> Language:
    """The analysis + recognition pipeline: char segmentation, sentences, model, rules.

    `ner_model` is a spaCy pipeline folder with a `ner` component trained on character
    tokens; None (or a missing folder) gives a rules-only pipeline."""
    if ner_model and Path(ner_model).is_dir():
        nlp = spacy.load(ner_model)
        nlp.add_pipe("zhkg_sentences", first=True)
    else:
        nlp = spacy.blank("zh")
        nlp.add_pipe("zhkg_sentences")
    nlp.add_pipe("zhkg_entity_rules", config={"schemas_dir": str(schemas_dir) if schemas_dir else None})
    return nlp
