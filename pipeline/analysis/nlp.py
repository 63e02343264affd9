"""The zhkg pipeline as one spaCy `Language`: `build_nlp` (sentences, the trained recognizer, the
entity rules) and `load_nlp` (those, then resolution and relations: the whole per-document chain)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from pipeline import extract  # noqa: F401  (register zhkg_resolution and zhkg_relations)
from pipeline.analysis import entity_rules, recognizer, sentences  # noqa: F401  (register the components)
from pipeline.analysis.doctext import FOLDED_KEY, char_doc
from pipeline.config import DEFAULT_NER_MODEL, NER_CHARS, RunConfig, load_config
from pipeline.ingest.convert import to_simplified
from pipeline.ingest.textnorm import fold

ANALYSIS_TOKENIZER = "zhkg.AnalysisTokenizer.v1"


class AnalysisTokenizer:
    """The tokenizer of zhkg's pipelines: `nlp(text)` makes the `Doc` that `zhkg run` analyses
    (`make_doc`: a width-folded, simplified copy of `text`, a token per character), so that full-width
    marks and digits (`，`, `１９９８`) read as they do in a run. It keeps no state to save."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return analysis_doc(self.vocab, text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        return map(self, texts)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> AnalysisTokenizer:
        return self

    def to_disk(self, path: str | Path, **kwargs) -> None:
        return None

    def from_disk(self, path: str | Path, **kwargs) -> AnalysisTokenizer:
        return self


@registry.tokenizers(ANALYSIS_TOKENIZER)
def analysis_tokenizer() -> Callable[[Language], AnalysisTokenizer]:
    """The registered factory of `AnalysisTokenizer` (`[nlp.tokenizer]` of a saved pipeline)."""
    return lambda nlp: AnalysisTokenizer(nlp.vocab)


def build_nlp(ner_model: str | Path | None = DEFAULT_NER_MODEL, schemas_dir: str | Path | None = None,
              ner_chars: int = NER_CHARS) -> Language:
    """The analysis + recognition pipeline: char segmentation, sentences, model, rules.

    `ner_model` is a spaCy pipeline folder with a `ner` component trained on character
    tokens, read `ner_chars` characters at a time, or "default" (the shipped one); None (or a
    missing folder) gives a rules-only pipeline."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": ANALYSIS_TOKENIZER}}})
    nlp.add_pipe("zhkg_sentences")
    if ner_model and Path(DEFAULT_NER_MODEL if ner_model == "default" else ner_model).is_dir():
        nlp.add_pipe("zhkg_ner", config={"model": str(ner_model), "max_chars": ner_chars})
    nlp.add_pipe("zhkg_entity_rules", config={"schemas_dir": str(schemas_dir) if schemas_dir else None})
    return nlp


def load_nlp(config: RunConfig | str | Path | None = None) -> Language:
    """The whole per-document chain of `zhkg run` as one spaCy pipeline, for a run config or a
    config file laid over the default (see `zhkg init-config`): `doc.spans["zhkg"]` holds the
    final mentions, `doc.ents` the non-overlapping ones, `doc._.zhkg_entities` and
    `doc._.zhkg_relations` the resolved entities and their relations."""
    if not isinstance(config, RunConfig):
        config = load_config(config)
    paths = config.paths
    schemas = config.schemas_dir
    nlp = build_nlp(None if paths.ner_model == "none" else paths.ner_model, schemas, config.analysis.ner_chars)
    nlp.add_pipe("zhkg_resolution", config={"schemas_dir": schemas})
    nlp.add_pipe("zhkg_relations", config={"schemas_dir": schemas, "segmenter": paths.segmenter,
                                           "min_confidence": config.relations.min_confidence,
                                           "pair_model": paths.relation_model})
    return nlp


def make_doc(nlp: Language, text: str, orths: Mapping[str, int] | None = None) -> Doc:
    """The `Doc` zhkg analyses for `text`: its width-folded, simplified copy of the same length
    (`textnorm.analysis_text`), with `text` itself in `doc._.zhkg_text` (names, aliases and
    evidence are given in it) and its width-folded copy in `doc.user_data[FOLDED_KEY]`. `orths`:
    as for `char_doc`."""
    return analysis_doc(nlp.vocab, text, orths)


def analysis_doc(vocab: Vocab, text: str, orths: Mapping[str, int] | None = None) -> Doc:
    """`make_doc` with the vocab of the pipeline."""
    folded = fold(text)
    doc = char_doc(vocab, to_simplified(folded), orths)
    doc._.zhkg_text = text
    doc.user_data[FOLDED_KEY] = folded
    return doc
