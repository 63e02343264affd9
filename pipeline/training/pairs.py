"""Train the relation stage's pair model (pipeline.relations.pairs) on a gold folder and ship it
into ``pipeline/models/relations/pairs.json``.

    python -m pipeline.training.pairs --gold ../shared/gold/train [--out DIR] [--folds 5]

Each gold document goes through the whole chain (the shipped recognizer and rules); every
candidate pair of the relation stage is labelled by the scorer's matching (names and aliases
after normalisation; optional gold relations are left out). A logistic model (AdaGrad, L2) is
fitted in `folds` document folds for held-out probabilities, which give its Platt calibration
and, per relation, the probability above which adding a pair the rules missed raises that
relation's F1 on the held-out documents; the shipped model is then fitted on all documents.
"""
from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.analysis.nlp import make_doc
from pipeline.evaluate import _as_list, gold_names, norm
from pipeline.extractor import Extractor
from pipeline.relations.pairs import LEARNED, PairModel, candidates
from pipeline.tools.gold_entities import gold_documents

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "relations"
THRESHOLDS = [round(0.5 + 0.05 * i, 2) for i in range(10)]  # 0.50 … 0.95: adding a pair the rules missed
DROP_THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.3]  # dropping a rule's relation
# Held-out F1 differences below this are noise on 48 documents (about one relation in a hundred):
# among the thresholds that score within it of the best, the one that changes the rules' output
# least is taken (no change, else the highest threshold to add, the lowest to drop).
F1_TOLERANCE = 0.01


@dataclass
class Example:
    doc: str
    key: tuple[str, str, str]  # relation, head id, tail id
    features: tuple[str, ...]
    label: int
    by_rules: bool
    scored: bool = True  # False: a rule's relation that no candidate carries (kept by the rules alone)
    matched: int = -1  # the gold relation it matches (its index in the document), if any


def gold_matcher(gold: dict):
    """label(type, head name, tail name): 1 for a required gold relation, None for an optional
    one, 0 otherwise (the scorer's matching); with the index of the required one it matches (or -1)."""
    names: dict[str, set[str]] = {}
    for entity in gold.get("entities") or []:
        names.setdefault(norm(entity["name"]), set()).update(gold_names(entity))

    def ends(end) -> set[str]:
        out: set[str] = set()
        for name in _as_list(end):
            out |= names.get(norm(name), {norm(name)})
        return out

    relations = [(r["type"], ends(r["head"]), ends(r["tail"]), bool(r.get("optional"))) for r in gold.get("relations") or []]

    def label(rtype: str, head: str, tail: str) -> tuple[int | None, int]:
        h, t = norm(head), norm(tail)
        hits = [(i, optional) for i, (kind, hs, ts, optional) in enumerate(relations) if kind == rtype and h in hs and t in ts]
        required = [i for i, optional in hits if not optional]
        return (None if hits and not required else int(bool(hits))), (required[0] if required else -1)

    return label


def examples_of(gold_dir: Path, extractor: Extractor) -> list[Example]:
    """The labelled candidates of every document of `gold_dir`, as `zhkg run` would see them."""
    nlp = extractor.nlp
    relations_pipe = nlp.get_pipe("zhkg_relations")
    out: list[Example] = []
    for document, gold in gold_documents(gold_dir):
        doc = make_doc(nlp, document.text)
        for name, pipe in nlp.pipeline:
            if name != "zhkg_relations":
                doc = pipe(doc)
        text, sentences, anchors, main_events, found = relations_pipe.rule_relations(doc)
        label = gold_matcher(gold)
        names = {eid: name for eid, (_, name) in anchors.entities.items()}
        rule_keys = {(r.type, r.head, r.tail) for r in found}
        seen = set()
        for c in candidates(text, sentences, anchors.mentions, relations_pipe.rules, found, main_events):
            key = (c.relation, c.head, c.tail)
            seen.add(key)
            y, matched = label(c.relation, names[c.head], names[c.tail])
            if y is not None:
                out.append(Example(document.id, key, c.features, y, key in rule_keys, matched=matched))
        for key in sorted(k for k in rule_keys - seen if k[0] in LEARNED):
            y, matched = label(key[0], names[key[1]], names[key[2]])
            if y is not None:
                out.append(Example(document.id, key, (), y, True, scored=False, matched=matched))
    return out


def fit(examples: list[Example], iterations: int = 400, l2: float = 1e-3, rate: float = 0.5) -> dict[str, float]:
    """Logistic regression over binary features, full-batch AdaGrad with L2; weights by feature
    name (the bias under "")."""
    index: dict[str, int] = {}
    rows, cols = [], []
    for i, e in enumerate(examples):
        for f in dict.fromkeys(e.features):
            rows.append(i)
            cols.append(index.setdefault(f, len(index)))
    rows_a, cols_a = np.array(rows), np.array(cols)
    y = np.array([e.label for e in examples], dtype=float)
    n, d = len(examples), len(index)
    w, bias, g2, g2b = np.zeros(d), 0.0, np.full(d, 1e-8), 1e-8
    for _ in range(iterations):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n) + bias
        residual = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))) - y
        grad = np.bincount(cols_a, weights=residual[rows_a], minlength=d) / n + l2 * w
        grad_b = float(residual.mean())
        g2 += grad * grad
        g2b += grad_b * grad_b
        w -= rate * grad / np.sqrt(g2)
        bias -= rate * grad_b / math.sqrt(g2b)
    weights = {f: round(float(w[i]), 4) for f, i in index.items() if abs(w[i]) >= 1e-4}
    weights[""] = round(bias, 4)
    return weights


def raw_score(weights: dict[str, float], features: Iterable[str]) -> float:
    return weights.get("", 0.0) + sum(weights.get(f, 0.0) for f in features)


def platt(scores: list[float], labels: list[int], steps: int = 2000) -> tuple[float, float]:
    """(a, b) of p = σ(a·score + b) fitted to held-out scores by gradient descent."""
    s, y = np.array(scores), np.array(labels, dtype=float)
    a, b = 1.0, 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(a * s + b)))
        a -= 0.5 * float(np.mean((p - y) * s))
        b -= 0.5 * float(np.mean(p - y))
    return round(a, 4), round(b, 4)


def best_per_key(examples: list[Example], probs: list[float]) -> dict[tuple[str, tuple], tuple[float, Example]]:
    best: dict = {}
    for e, p in zip(examples, probs):
        key = (e.doc, e.key)
        if key not in best or p > best[key][0]:
            best[key] = (p, e)
    return best


def thresholds(examples: list[Example], probs: list[float], gold_counts: dict[str, int]) -> tuple[dict, dict, dict]:
    """Per relation, the probabilities above which a pair the rules missed is added and below
    which a rule's relation is dropped: of those whose held-out F1 is within `F1_TOLERANCE` of
    the best, the most conservative (neither where the rules alone are within it); and the F1 of
    the rules alone and with the model."""
    best = best_per_key(examples, probs)
    add_above, drop_below, report = {}, {}, {}
    for relation in LEARNED:
        items = [(p, e) for (_, key), (p, e) in best.items() if key[0] == relation]
        total = gold_counts.get(relation, 0)
        base = _combined_f1(items, None, None, total)
        scores = {(a, d): _combined_f1(items, a, d, total) for a in [None, *THRESHOLDS] for d in [None, *DROP_THRESHOLDS]}
        top = max(scores.values())
        a, d = max((k for k in scores if scores[k] >= top - F1_TOLERANCE),
                   key=lambda k: (k[0] is None, k[1] is None, k[0] or 0, -(k[1] or 0), scores[k]))
        report[relation] = {"rules_f1": round(base, 3), "with_model_f1": round(scores[(a, d)], 3),
                            "add_above": a, "drop_below": d}
        if a is not None:
            add_above[relation] = a
        if d is not None:
            drop_below[relation] = d
    return add_above, drop_below, report


def _combined_f1(items: list[tuple[float, Example]], add: float | None, drop: float | None, gold: int) -> float:
    """F1 of the rules' relations less those below `drop`, with the other pairs above `add`. As the
    scorer matches one to one, a second pair matching the same gold relation is a false positive."""
    kept = [e for p, e in items if (e.by_rules and (drop is None or not e.scored or p >= drop))
            or (not e.by_rules and add is not None and p >= add)]
    hits = len({(e.doc, e.matched if e.matched >= 0 else e.key) for e in kept if e.label})
    return _f1(hits, len(kept) - hits, gold)


def _f1(tp: int, fp: int, gold: int) -> float:
    return 2 * tp / (tp + fp + gold) if tp + fp + gold else 0.0


def calibration_error(probs: list[float], labels: list[int], bins: int = 10) -> float:
    """Expected calibration error: the mean |accuracy − confidence| over equal-width bins."""
    total, error = len(probs), 0.0
    for k in range(bins):
        inside = [(p, y) for p, y in zip(probs, labels) if k / bins <= p < (k + 1) / bins or (k == bins - 1 and p == 1)]
        if inside:
            error += len(inside) / total * abs(sum(y for _, y in inside) / len(inside) - sum(p for p, _ in inside) / len(inside))
    return round(error, 4)


def gold_relation_counts(gold_dir: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, gold in gold_documents(gold_dir):
        for r in gold.get("relations") or []:
            if not r.get("optional"):
                counts[r["type"]] = counts.get(r["type"], 0) + 1
    return counts


def train(gold_dir: Path, folds: int = 5, seed: int = 0) -> PairModel:
    examples = examples_of(gold_dir, Extractor())
    scored = [e for e in examples if e.scored]
    docs = sorted({e.doc for e in examples})
    random.Random(seed).shuffle(docs)
    fold_of = {d: i % folds for i, d in enumerate(docs)}
    held_scores = [0.0] * len(scored)
    for k in range(folds):
        weights = fit([e for e in scored if fold_of[e.doc] != k])
        for i, e in enumerate(scored):
            if fold_of[e.doc] == k:
                held_scores[i] = raw_score(weights, e.features)
    labels = [e.label for e in scored]
    a, b = platt(held_scores, labels)
    held_probs = [1.0 / (1.0 + math.exp(-(a * s + b))) for s in held_scores]
    unscored = [e for e in examples if not e.scored]
    add_above, drop_below, per_relation = thresholds(scored + unscored, held_probs + [1.0] * len(unscored),
                                         gold_relation_counts(gold_dir))
    output = [(p, e) for p, e in best_per_key(scored, held_probs).values()
              if (e.by_rules and p >= drop_below.get(e.key[0], 0.0)) or (not e.by_rules and p >= add_above.get(e.key[0], 2.0))]
    logits = [math.log(max(p, 1e-6) / max(1 - p, 1e-6)) for p, _ in output]
    c, d = platt(logits, [e.label for _, e in output])
    confidences = [1.0 / (1.0 + math.exp(-(c * z + d))) for z in logits]
    weights = fit(scored)
    bias = weights.pop("")
    meta = {"trained_on": gold_dir.name, "documents": len(docs), "candidates": len(scored),
            "positives": sum(labels), "folds": folds, "held_out_calibration_error": calibration_error(held_probs, labels),
            "held_out_relations": len(output),
            "held_out_relation_calibration_error": calibration_error(confidences, [e.label for _, e in output]),
            "held_out": per_relation}
    # the bias folds into the calibration: p = σ(a·(Σw + bias) + b)
    return PairModel(weights, (a, round(a * bias + b, 4)), (c, d), add_above, drop_below, meta)


def model_card(model: PairModel) -> str:
    """MODEL_CARD.md: what the pair model is, what it was trained on and how it did held out."""
    meta = model.meta
    rows = "\n".join(f"| {r} | {v['rules_f1']:.3f} | {v['with_model_f1']:.3f} | {v['add_above'] or '–'} | "
                     f"{v['drop_below'] or '–'} |" for r, v in meta["held_out"].items())
    return f"""# zhkg relation pair model

A logistic model over candidate entity pairs (pipeline/relations/pairs.py), combined with the
rules of schemas/relations.yaml: the rules' relations take its calibrated probability as their
confidence, and it adds the pairs it is sure of that the rules missed. Rebuild it with
`make train-relations` after any change to the rules or the recognizer.

- trained on: gold/{meta['trained_on']} ({meta['documents']} documents, {meta['candidates']} labelled candidates,
  {meta['positives']} positive); never on gold/dev
- features: {len(model.weights)} weighted; calibrated (Platt) on {meta['folds']}-fold held-out documents:
  candidates a = {model.calibration[0]}, b = {model.calibration[1]} (expected calibration error
  {meta['held_out_calibration_error']}), the {meta['held_out_relations']} relations output c = {model.confidence[0]},
  d = {model.confidence[1]} (expected calibration error {meta['held_out_relation_calibration_error']})

Held-out relation F1 ({meta['folds']} document folds of the training set; the thresholds chosen there):

| relation | rules alone | rules + model | add above | drop below |
|---|---|---|---|---|
{rows}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.training.pairs", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, required=True, help="a gold folder to train on (never gold/dev)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help=f"where pairs.json goes (default {MODEL_DIR})")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    model = train(args.gold, args.folds)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "pairs.json").write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                         encoding="utf-8")
    (args.out / "MODEL_CARD.md").write_text(model_card(model), encoding="utf-8")
    print(json.dumps(model.meta, ensure_ascii=False, indent=1))
    print(f"add above {model.add_above}, drop below {model.drop_below}, calibration {model.calibration}, "
          f"{len(model.weights)} weights → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
