"""The analysis + recognition pipeline as one spaCy `Language`."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from pipeline.analysis import entity_rules, recognizer, sentences  # noqa: F401  (register the components)
from pipeline.config import DEFAULT_NER_MODEL, NER_CHARS


def build_nlp(ner_model: str | Path | None = DEFAULT_NER_MODEL, schemas_dir: str | Path | None = None,
              ner_chars: int = NER_CHARS) -> Language:
    """The analysis + recognition pipeline: char segmentation, sentences, model, rules.

    `ner_model` is a spaCy pipeline folder with a `ner` component trained on character
    tokens, read `ner_chars` characters at a time; None (or a missing folder) gives a
    rules-only pipeline."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhkg_sentences")
    if ner_model and Path(ner_model).is_dir():
        nlp.add_pipe("zhkg_ner", config={"model": str(ner_model), "max_chars": ner_chars})
    nlp.add_pipe("zhkg_entity_rules", config={"schemas_dir": str(schemas_dir) if schemas_dir else None})
    return nlp
