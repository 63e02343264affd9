"""Mention-level evaluation of recognition on People's Daily 1998 `test`, MSRA `test`, CLUENER
`dev`, Weibo `test` and Resume `test` (the last three out of the genre; Weibo and Resume are never
trained on), of the NER model alone and of the whole recognition stage (model + rules, the
mentions `zhkg run` resolves).

A predicted mention is correct when its character span and label both equal a gold mention
(exact match), over PERSON, ORG and LOCATION. Gold docs are built by the same converters and
tokenizer as the training data. CLUENER: name → PERSON, organization/government/company → ORG,
address → LOCATION; Weibo: named mentions only, GPE → LOCATION; Resume: NAME/ORG/LOC.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.analysis.places import DEMONYM
from pipeline.training.corpora import (
    LABELS,
    MISSING,
    Record,
    make_doc,
    read_cluener,
    read_msra,
    read_pd98,
    read_resume,
    read_weibo,
)
from pipeline.training.paths import default_data_dir

TEST_SETS = {
    # abbreviations (`j`) come as MISSING spans: not gold mentions, but counted as conventions
    "pd98_test": ("People's Daily 1998 test", lambda d: read_pd98(d, "test", abbrev_missing=True)),
    "msra_test": ("MSRA NER test", lambda d: read_msra(d, "test")),
    "cluener_dev": ("CLUENER dev", lambda d: read_cluener(d, "dev", with_address=True)),
    "weibo_test": ("Weibo test (names)", lambda d: read_weibo(d, "test")),
    "resume_test": ("Resume test", lambda d: read_resume(d, "test")),
}
Predictor = Callable[[list[str]], Iterator[set[tuple[int, int, str]]]]


NAME_HOLDERS = ("ORG", "EVENT", "AWARD")  # names that may hold a place's or a person's name
NESTED_NAMES = ("LOCATION", "PERSON")
UNIT_MIN_CHARS = 2  # `部`, `科` alone after a company name may be a cut, not a unit


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def model_predictor(model_path: str | Path, batch_size: int = 64) -> Predictor:
    """The spans the NER model alone sets as `doc.ents` (through the `zhkg_ner` component, which
    decodes a tagger's BILUO tags)."""
    import spacy

    from pipeline.analysis import recognizer, sentences  # noqa: F401  (register the components)

    nlp = spacy.blank("zh")
    nlp.add_pipe("zhkg_sentences")
    nlp.add_pipe("zhkg_ner", config={"model": str(model_path)})

    def predict(texts: list[str]) -> Iterator[set[tuple[int, int, str]]]:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            yield {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    return predict


def stage_predictor(nlp, batch_size: int = 64) -> Predictor:
    """The mentions of the whole recognition stage (`doc._.zhkg_mentions`: model + rules)."""
    def predict(texts: list[str]) -> Iterator[set[tuple[int, int, str]]]:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            yield {(m.start, m.end, m.type) for m in doc._.zhkg_mentions or []}
    return predict


def score_records(nlp, records: Iterable[Record], predict: Predictor,
                  generic_heads: frozenset[str] = frozenset(), no_entity_words: frozenset[str] = frozenset(),
                  area_terms: tuple[str, ...] = (), eponym_heads: tuple[str, ...] = ()) -> dict[str, Any]:
    """Score a predictor on records (gold docs made by `nlp`'s tokenizer): per-type and micro P/R/F1, and under
    `convention` the errors that are only a test set's convention where it differs from the project's guidelines:
    predicted mentions of abbreviations the set leaves untagged (:data:`MISSING` spans: PD98's `中` in `中俄`),
    single-character gold mentions missed (MSRA tags `中` in `中俄`, which the guidelines make an alias of the full
    name), and predicted mentions that are a bare generic head standing for a name the text writes (`generic_heads`:
    `公司` for `中远集团…公司`, `市委` for `天津市委`, a mention by the guidelines; no set tags it), and places and people
    of two characters or more missed inside a longer organisation, event or award name found (`美国|政府`,
    `亚特兰大|奥运会`: the guidelines annotate the longest name; the count includes the misses inside a longer name
    found wrongly), and organisations found with a unit of theirs of two characters or more where the set tags the
    organisation alone (`…有限公司|财务部`, `…集团|工会`: the guidelines annotate the unit's whole name), and
    leaders' familiar forms found where the set tags the surname alone (`江|主席`: the guidelines' name), and
    places found with the term of their area where the set tags the place alone (`area_terms`: `东北|地区`, the
    guidelines' name), and names missed inside a word the guidelines make no entity (`no_entity_words`: the
    recognition rules' `never_entities`, `中国` of `中国人民` and `中国特色社会主义`, `振兴|中华`), and places missed
    right before 人 (`中国|人`: a person of the place, whom the name describes, no place by the guidelines), and places
    missed right before the head of what is named after them (`eponym_heads`: `东南亚|金融危机`, `奥斯陆|协议`: part of
    that name by the guidelines)."""
    records = list(records)
    golds = [make_doc(nlp, r) for r in records]
    counts = {label: [0, 0, 0] for label in LABELS}
    convention = [0] * 10
    n_chars = sum(len(g.text) for g in golds)
    start = time.perf_counter()
    for (_, spans), gold, found in zip(records, golds, predict([g.text for g in golds])):
        g = {(e.start_char, e.end_char, e.label_) for e in gold.ents if e.label_ in counts}
        p = {span for span in found if span[2] in counts}
        untagged = {(s, e) for s, e, label in spans if label == MISSING}
        for span in p & g:
            counts[span[2]][0] += 1
        missed_orgs = {(s, e) for s, e, label in g - p if label == "ORG"}
        for span in p - g:
            counts[span[2]][1] += 1
            convention[0] += span[:2] in untagged
            convention[2] += gold.text[span[0]:span[1]] in generic_heads
            convention[4] += span[2] == "ORG" and any(s == span[0] and e <= span[1] - UNIT_MIN_CHARS for s, e in missed_orgs)
            convention[6] += span[2] == "PERSON" and (span[0], span[0] + 1, "PERSON") in g
            convention[7] += span[2] == "LOCATION" and any(
                gold.text.endswith(term, *span[:2]) and (span[0], span[1] - len(term), "LOCATION") in g for term in area_terms)
        holders = [(s, e) for s, e, label in found if label in NAME_HOLDERS]
        for span in g - p:
            counts[span[2]][2] += 1
            if (kind := _missed_by_convention(gold.text, span, holders, no_entity_words, eponym_heads)) is not None:
                convention[kind] += 1
    seconds = time.perf_counter() - start
    out: dict[str, Any] = {label: _prf(*c) for label, c in counts.items()}
    out["micro"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    out["convention"] = {"untagged_abbreviations_found": convention[0], "single_characters_missed": convention[1],
                         "generic_heads_found": convention[2], "nested_names_missed": convention[3],
                         "units_found": convention[4], "no_entity_words_missed": convention[5],
                         "familiar_forms_found": convention[6], "areas_found": convention[7],
                         "demonyms_missed": convention[8], "eponym_places_missed": convention[9]}
    out["docs"] = len(golds)
    out["chars"] = n_chars
    out["chars_per_sec"] = round(n_chars / seconds) if seconds else 0
    return out


def _missed_by_convention(text: str, span: tuple[int, int, str], holders: list[tuple[int, int]],
                          no_entity_words: frozenset[str], eponym_heads: tuple[str, ...] = ()) -> int | None:
    """Which of `score_records`' conventions a missed gold mention is only a case of (its index there), if any."""
    if span[1] - span[0] == 1:
        return 1
    if span[2] in NESTED_NAMES and any(s <= span[0] and span[1] <= e and e - s > span[1] - span[0] for s, e in holders):
        return 3
    if _inside_word(text, span[0], span[1], no_entity_words):
        return 5
    if span[2] != "LOCATION":
        return None
    if text.startswith(DEMONYM, span[1]):
        return 8
    return 9 if text.startswith(eponym_heads, span[1]) else None


def _inside_word(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether `text[start:end]` lies inside an occurrence of one of `words`."""
    return any(0 <= text.find(w, max(0, end - len(w)), start + len(w)) <= start for w in words if len(w) >= end - start)


def score_corpora(model_path: str | Path, data_dir: str | Path | None = None, stage: bool = False,
                  sets: Iterable[str] = ("pd98_test", "msra_test")) -> dict[str, Any]:
    """Score the model at `model_path` (with `stage`: the whole recognition stage built on it)
    on the test `sets` (keys of TEST_SETS). Each result holds `PERSON`, `ORG`, `LOCATION` and
    `micro` entries with `p`, `r`, `f`, `tp`, `fp`, `fn`."""
    import spacy

    from pipeline.rules import load_schema

    data = Path(data_dir) if data_dir else default_data_dir()
    model = spacy.load(model_path)
    heads: frozenset[str] = frozenset()
    recognition = load_schema().recognition
    if stage:
        from pipeline.analysis.nlp import build_nlp

        predict = stage_predictor(build_nlp(model_path))
        heads = frozenset(h for forms in recognition.short_forms.values() for h in forms) | recognition.generic_chunks
    else:
        predict = model_predictor(model_path)
    return {key: score_records(model, TEST_SETS[key][1](data), predict, heads, recognition.never_entities,
                               recognition.region_terms + recognition.bank_terms if stage else (),
                               recognition.place_eponym_heads if stage else ())
            for key in sets}


def format_table(scores: dict[str, Any]) -> str:
    """A plain-text (Markdown) table of the scores returned by :func:`score_corpora`, then the
    errors of each set that are only its conventions."""
    lines = ["| test set | type | P | R | F1 | gold |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    notes = []
    for key, result in scores.items():
        name = TEST_SETS[key][0] if key in TEST_SETS else key
        for label in (*LABELS, "micro"):
            s = result[label]
            lines.append(f"| {name} | {label} | {s['p']:.4f} | {s['r']:.4f} | {s['f']:.4f} "
                         f"| {s['tp'] + s['fn']} |")
        conv = result.get("convention")
        if conv and any(conv.values()):
            notes.append(f"{name}: {conv['untagged_abbreviations_found']} of the false positives are abbreviations "
                         f"the set leaves untagged, {conv.get('generic_heads_found', 0)} generic heads standing for "
                         f"a name (mentions by the guidelines), {conv['single_characters_missed']} of the misses "
                         "single-character names the guidelines make aliases, "
                         f"{conv.get('nested_names_missed', 0)} places or people inside a longer organisation, "
                         "event or award name found (the guidelines annotate the longest name), "
                         f"{conv.get('units_found', 0)} organisations found with a unit of theirs where the set "
                         "tags the organisation alone (the guidelines annotate the unit's name), "
                         f"{conv.get('familiar_forms_found', 0)} leaders' familiar forms found where the set tags the "
                         "surname alone (江|主席: the guidelines' name), "
                         f"{conv.get('areas_found', 0)} places found with the term of their area where the set tags "
                         "the place alone (东北|地区: the guidelines' name), "
                         f"{conv.get('no_entity_words_missed', 0)} of the misses names inside a word the "
                         "guidelines make no entity (中国 of 中国人民 and 中国特色社会主义), "
                         f"{conv.get('demonyms_missed', 0)} places missed right before 人 (中国|人: a person of the "
                         "place, no place by the guidelines), "
                         f"{conv.get('eponym_places_missed', 0)} places missed right before what is named after them "
                         "(东南亚|金融危机, 奥斯陆|协议: part of that name by the guidelines)")
    return "\n".join(lines + ([""] + notes if notes else []))


if __name__ == "__main__":  # python -m pipeline.training.evaluate_ner MODEL [DATA]
    import sys

    print(format_table(score_corpora(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
