"""Mention-level evaluation of the NER model on People's Daily 1998 ``test`` and MSRA ``test``.

A predicted mention is correct when its character span and label both equal a gold mention
(exact match). Gold docs are built by the same converters and tokenizer as the training data.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.training.corpora import LABELS, Record, make_doc, read_msra, read_pd98
from pipeline.training.paths import default_data_dir

TEST_SETS = {
    "pd98_test": ("People's Daily 1998 test", lambda d: read_pd98(d, "test")),
    "msra_test": ("MSRA NER test", lambda d: read_msra(d, "test")),
}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score_records(nlp, records: Iterable[Record], batch_size: int = 64) -> dict[str, Any]:
    """Score ``nlp`` on records: per-type and micro P/R/F1 over PERSON/ORG/LOCATION."""
    golds = [make_doc(nlp, r) for r in records]
    counts = {label: [0, 0, 0] for label in LABELS}
    n_chars = sum(len(g.text) for g in golds)
    start = time.perf_counter()
    preds = nlp.pipe((nlp.make_doc(g.text) for g in golds), batch_size=batch_size)
    for gold, pred in zip(golds, preds):
        g = {(e.start_char, e.end_char, e.label_) for e in gold.ents if e.label_ in counts}
        p = {(e.start_char, e.end_char, e.label_) for e in pred.ents if e.label_ in counts}
        for span in p & g:
            counts[span[2]][0] += 1
        for span in p - g:
            counts[span[2]][1] += 1
        for span in g - p:
            counts[span[2]][2] += 1
    seconds = time.perf_counter() - start
    out: dict[str, Any] = {label: _prf(*c) for label, c in counts.items()}
    out["micro"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    out["docs"] = len(golds)
    out["chars"] = n_chars
    out["chars_per_sec"] = round(n_chars / seconds) if seconds else 0
    return out


def score_corpora(model_path: str | Path, data_dir: str | Path | None = None) -> dict[str, Any]:
    """Load the model at ``model_path`` and score it on PD98 test and MSRA test.

    Returns ``{"pd98_test": {...}, "msra_test": {...}}``; each holds ``PERSON``, ``ORG``,
    ``LOCATION`` and ``micro`` entries with ``p``, ``r``, ``f``, ``tp``, ``fp``, ``fn``.
    """
    import spacy

    data = Path(data_dir) if data_dir else default_data_dir()
    nlp = spacy.load(model_path)
    return {key: score_records(nlp, reader(data)) for key, (_, reader) in TEST_SETS.items()}


def format_table(scores: dict[str, Any]) -> str:
    """A plain-text (Markdown) table of the scores returned by :func:`score_corpora`."""
    lines = ["| test set | type | P | R | F1 | gold |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for key, result in scores.items():
        name = TEST_SETS[key][0] if key in TEST_SETS else key
        for label in (*LABELS, "micro"):
            s = result[label]
            lines.append(f"| {name} | {label} | {s['p']:.4f} | {s['r']:.4f} | {s['f']:.4f} "
                         f"| {s['tp'] + s['fn']} |")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m pipeline.training.evaluate_ner MODEL [DATA]
    import sys

    print(format_table(score_corpora(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
