"""`zhkg eval`: score predicted document YAMLs against gold files (gold guidelines, schema v1).

Knowledge-level scoring: a predicted entity matches a gold entity of the same type whose name
or alias equals its name (after NFKC and removal of spaces and quote marks); a relation
matches when its type is equal and both ends match. Optional gold items are neither rewarded
nor penalised; matching is one-to-one and greedy, required gold first, agreeing titles first.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.schema_files import ENTITY_TYPES

_DROPPED = set("\"'“”‘’「」『』〝〞＂＇ \t\u3000")


def norm(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value))
    return "".join(ch for ch in text if ch not in _DROPPED and not ch.isspace())


def title_agrees(gold_title: str | None, pred_title: str) -> bool:
    if not gold_title:
        return not pred_title
    gold = norm(gold_title)
    return bool(pred_title) and (gold in pred_title or pred_title in gold)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    entities: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in ENTITY_TYPES})
    relations: dict[str, Tally] = field(default_factory=dict)
    titles_right: int = 0
    titles_total: int = 0
    missing: list[str] = field(default_factory=list)

    @staticmethod
    def micro(tallies: dict[str, Tally]) -> Tally:
        total = Tally()
        for tally in tallies.values():
            total.add(tally)
        return total

    @property
    def entity_f1(self) -> float:
        return self.micro(self.entities).f1

    @property
    def relation_f1(self) -> float:
        return self.micro(self.relations).f1

    @property
    def title_accuracy(self) -> float | None:
        return self.titles_right / self.titles_total if self.titles_total else None


def match(golds: list[dict], preds: list[dict], same: Callable[[dict, dict], bool],
          prefer: Callable[[dict, dict], bool] = lambda g, p: True) -> tuple[Tally, list[tuple[dict, dict]]]:
    used: set[int] = set()
    pairs: list[tuple[dict, dict]] = []
    fp = 0
    for pred in preds:
        hit = next((i for want_required in (True, False) for want_preferred in (True, False)
                    for i, gold in enumerate(golds)
                    if i not in used and bool(gold.get("optional")) != want_required
                    and prefer(gold, pred) == want_preferred and same(gold, pred)), None)
        if hit is None:
            fp += 1
        else:
            used.add(hit)
            pairs.append((golds[hit], pred))
    tp = sum(1 for gold, _ in pairs if not gold.get("optional"))
    fn = sum(1 for i, gold in enumerate(golds) if i not in used and not gold.get("optional"))
    return Tally(tp, fp, fn), pairs


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def gold_names(entity: dict) -> set[str]:
    return {norm(entity["name"])} | {norm(a) for a in entity.get("aliases") or []}


def load_prediction(path: Path) -> tuple[list[dict], list[dict]]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entities = doc.get("entities") or []
    by_id = {e.get("id"): e for e in entities}
    preds = [{"type": e.get("type"), "name": norm(e.get("name", ""))} for e in entities]
    relations = set()
    for r in doc.get("relations") or []:
        head, tail = by_id.get(r.get("head")), by_id.get(r.get("tail"))
        if head is None or tail is None:
            continue
        title = (r.get("attributes") or {}).get("title") or r.get("title")
        relations.add((r.get("type"), norm(head.get("name", "")), norm(tail.get("name", "")), norm(title) if title else ""))
    return preds, [{"type": a, "head": b, "tail": c, "title": d} for a, b, c, d in sorted(relations)]


def score_document(gold: dict, preds: list[dict], pred_relations: list[dict], report: Report) -> None:
    gold_entities = gold.get("entities") or []
    for etype in ENTITY_TYPES:
        tally, _ = match([e for e in gold_entities if e["type"] == etype], [e for e in preds if e["type"] == etype],
                         lambda g, p: p["name"] in gold_names(g))
        report.entities[etype].add(tally)
    names: dict[str, set[str]] = {}
    for entity in gold_entities:
        names.setdefault(norm(entity["name"]), set()).update(gold_names(entity))

    def end_names(end: Any) -> set[str]:
        out: set[str] = set()
        for name in _as_list(end):
            out |= names.get(norm(name), {norm(name)})
        return out

    gold_relations = gold.get("relations") or []
    for rtype in sorted({r["type"] for r in gold_relations} | {r["type"] for r in pred_relations}):
        tally, pairs = match(
            [r for r in gold_relations if r["type"] == rtype], [r for r in pred_relations if r["type"] == rtype],
            lambda g, p: p["head"] in end_names(g["head"]) and p["tail"] in end_names(g["tail"]),
            prefer=lambda g, p: title_agrees(g.get("title"), p["title"]))
        report.relations.setdefault(rtype, Tally()).add(tally)
        for g, p in pairs:
            if g.get("title") and not g.get("optional"):
                report.titles_total += 1
                report.titles_right += int(title_agrees(g["title"], p["title"]))


def evaluate(gold_dir: str | Path, pred_dir: str | Path) -> Report:
    """Score every gold file of `gold_dir` against `<pred_dir>/<doc_id>.yaml`.

    `pred_dir` may be a run's --out folder (its documents/ is used) or the documents folder."""
    pred_path = Path(pred_dir)
    if (pred_path / "documents").is_dir():
        pred_path = pred_path / "documents"
    report = Report()
    for gold_path in sorted(Path(gold_dir).glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "entities" not in gold:
            continue
        pred_file = pred_path / f"{gold['doc_id']}.yaml"
        if pred_file.exists():
            preds, pred_relations = load_prediction(pred_file)
        else:
            report.missing.append(gold["doc_id"])
            preds, pred_relations = [], []
        score_document(gold, preds, pred_relations, report)
    return report


def format_report(report: Report) -> str:
    rows = ["kind      type              P      R      F1     tp   fp   fn"]

    def row(kind: str, name: str, t: Tally) -> str:
        return f"{kind:9s} {name:16s} {t.precision:.3f}  {t.recall:.3f}  {t.f1:.3f}  {t.tp:4d} {t.fp:4d} {t.fn:4d}"

    rows += [row("entity", k, v) for k, v in report.entities.items()]
    rows.append(row("entity", "micro", report.micro(report.entities)))
    rows += [row("relation", k, v) for k, v in sorted(report.relations.items())]
    rows.append(row("relation", "micro", report.micro(report.relations)))
    accuracy = report.title_accuracy
    rows.append(f"title accuracy: {report.titles_right}/{report.titles_total}"
                + (f" = {accuracy:.3f}" if accuracy is not None else ""))
    if report.missing:
        rows.append(f"missing predictions: {', '.join(report.missing)}")
    return "\n".join(rows)
