"""The learned step of the relation stage: a logistic model over candidate entity pairs of a
sentence (trained on ../shared/gold/train by `make train-relations`, shipped in
pipeline/models/relations/pairs.json), combined with the rules.

Every pair of mentions in a sentence whose types a relation allows, at most `MAX_GAP`
characters apart, is a candidate of that relation, described by features of the text between
and around them (trigger words, the first and last characters between, clause breaks,
distance, order) and by the rules that found the same relation; so is every name of a sentence
that does not name the document's main event, with that event. A relation's probability is its
best candidate's, calibrated on held-out documents; the rules' relations take it as their
confidence, and a pair the rules missed is added when the model is sure enough."""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.events import MainEvents
from pipeline.relations.mentions import Anchored, evidence_of, kin_described, split_clauses, within

MAX_GAP = 60  # characters between the two mentions of a candidate
FORMAT = "zhkg-pairs/1"
# holds_position needs a title, which the title rules give; the model adds none
LEARNED = ("participated_in", "organized", "received", "awarded_by", "located_in", "part_of")
ONE_EVENT_PER_SENTENCE = ("participated_in", "organized")  # one verb of a sentence: one event a name attends or holds
# `以|习近平|同志为核心的党中央`: the formula of a body the name leads, its coverb and its rest
FORMULA_COVERB, LED_BODY_FORMULA = "以", re.compile("(?:同志)?为(?:核心|首)的")


@dataclass(frozen=True)
class Candidate:
    """One sentence's evidence for `relation(head, tail)`, as features."""

    relation: str
    head: str
    tail: str
    sentence: tuple[int, int]
    features: tuple[str, ...]


@dataclass(frozen=True)
class PairModel:
    """Weights per feature; a Platt calibration (a·score + b) of a candidate's probability, and
    one (c·logit + d) that turns its relation's best candidate's into the relation's confidence
    (calibrated on the relations the stage outputs); per relation, the probabilities above which
    a pair the rules did not find is added and below which a rule's relation is dropped (absent:
    never)."""

    weights: dict[str, float]
    calibration: tuple[float, float] = (1.0, 0.0)
    confidence: tuple[float, float] = (1.0, 0.0)
    add_above: dict[str, float] = field(default_factory=dict)
    drop_below: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    def score(self, features: Iterable[str]) -> float:
        return sum(self.weights.get(f, 0.0) for f in features)

    def probability(self, features: Iterable[str]) -> float:
        a, b = self.calibration
        return _sigmoid(a * self.score(features) + b)

    def relation_confidence(self, probability: float) -> float:
        c, d = self.confidence
        p = min(max(probability, 1e-6), 1 - 1e-6)
        return _sigmoid(c * math.log(p / (1 - p)) + d)

    def to_json(self) -> dict:
        return {"format": FORMAT, "weights": self.weights, "calibration": list(self.calibration),
                "confidence": list(self.confidence), "add_above": self.add_above, "drop_below": self.drop_below,
                "meta": self.meta}

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model (format {data.get('format')!r})")
        a, b = data["calibration"]
        c, d = data.get("confidence", (1.0, 0.0))
        thresholds = [{str(k): float(v) for k, v in data.get(key, {}).items()} for key in ("add_above", "drop_below")]
        return cls({str(k): float(v) for k, v in data["weights"].items()}, (float(a), float(b)), (float(c), float(d)),
                   *thresholds, data.get("meta", {}))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_pair_model(folder: str | Path | None) -> PairModel | None:
    """The model in `folder`/pairs.json, or None without one."""
    path = Path(folder) / "pairs.json" if folder else None
    if path is None or not path.is_file():
        return None
    return PairModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def candidates(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored], rules: RelationRules,
               found: Iterable[Relation] = (), main_event: MainEvents | str | None = None) -> list[Candidate]:
    """The candidates of every sentence, each with the names of the rules that gave its relation.
    `main_event`: the document's, or each part's (`MainEvents`)."""
    main_events = MainEvents.of(main_event)
    by_rules: dict[tuple[str, str, str], set[str]] = {}
    for relation in found:
        by_rules.setdefault((relation.type, relation.head, relation.tail), set()).add(relation.rule.split(":")[0])
    out = []
    learned: dict[tuple[str, str], list[str]] = {}  # (head type, tail type) → the relations it allows
    triggers_in = TriggersIn(text, rules)
    for sentence in sentences:
        event = main_events.at(sentence[0])
        in_sentence = [m for m in within(mentions, sentence) if not _led_body_formula(text, m)]
        breaks = [e for _, e in split_clauses(text, *sentence)[:-1]]
        for i, first in enumerate(in_sentence):
            for second in in_sentence[i + 1:]:
                if second.start - first.end > MAX_GAP:
                    break
                if first.entity == second.entity or second.start < first.end:
                    continue
                context = None
                for head, tail in ((first, second), (second, first)):
                    types = (head.type, tail.type)
                    if types not in learned:
                        learned[types] = [r for r in LEARNED if rules.allows(r, *types)]
                    for relation in learned[types]:
                        if relation in ONE_EVENT_PER_SENTENCE and kin_described(text, head, rules.kin_nouns):
                            continue  # `习近平夫人|彭丽媛出席`: she came
                        context = context or pair_context(text, sentence, breaks, first, second, rules, triggers_in)
                        hits = by_rules.get((relation, head.entity, tail.entity), set())
                        features = pair_features(text, sentence, breaks, head, tail, relation, rules, hits,
                                                 tail.entity == event, context)
                        out.append(Candidate(relation, head.entity, tail.entity, sentence, features))
        if event and not any(m.entity == event for m in in_sentence):
            out += _main_event_candidates(text, sentence, breaks, in_sentence, event, rules, triggers_in)
    return out


def _led_body_formula(text: str, mention: Anchored) -> bool:
    """Whether a name stands in the formula of a body led by it (`以|习近平|同志为核心的党中央`), which describes the body:
    the name takes part in nothing by it."""
    return text[mention.start - 1:mention.start] == FORMULA_COVERB and bool(LED_BODY_FORMULA.match(text, mention.end))


class TriggersIn:
    """The names of the trigger rules whose words stand in text[start:end], each range searched once
    (a document's candidates look at the same clause ends again and again)."""

    def __init__(self, text: str, rules: RelationRules):
        self.text, self.triggers = text, rules.triggers
        self.found: dict[tuple[int, int], tuple[str, ...]] = {}

    def __call__(self, start: int, end: int) -> tuple[str, ...]:
        names = self.found.get((start, end))
        if names is None:
            names = self.found[start, end] = tuple(t.name for t in self.triggers if t.regex.search(self.text, start, end))
        return names


def _main_event_candidates(text: str, sentence: tuple[int, int], breaks: list[int], in_sentence: list[Anchored],
                           main_event: str, rules: RelationRules, triggers_in: TriggersIn) -> Iterator[Candidate]:
    """Who a sentence that does not name the document's event relates to it (`…等出席团拜会`, `…在会上
    讲话`): every name of it, described by the words after it in its clause and by the event
    words of the sentence; none whose clause names a side event (`参加会见`)."""
    anaphora = [w for w in rules.event_anaphora if w in text[sentence[0]:sentence[1]]][:1]
    for m in in_sentence:
        if m.nested or m.type not in ("PERSON", "ORG") or kin_described(text, m, rules.kin_nouns):
            continue
        clause_start = max([b for b in breaks if b <= m.start], default=sentence[0])
        clause_end = min([b for b in breaks if b >= m.end], default=sentence[1])
        if any(text.find(w, m.end, clause_end) != -1 for w in rules.side_events):
            continue  # `丁薛祥参加会见`: a meeting within the event, not the event
        context = ([f"tr:{name}" for name in triggers_in(m.end, clause_end)]
                   + [f"tl:{name}" for name in triggers_in(clause_start, m.start)]
                   + [f"ts:{name}" for name in triggers_in(*sentence)])
        for relation in ("participated_in", "organized"):
            r = f"{relation}|main"
            feats = [relation, r, f"{r}|t:{m.type}", f"{r}|a2:{text[m.end:m.end + 2]}",
                     f"{r}|p2:{text[max(sentence[0], m.start - 2):m.start]}",
                     f"{r}|anaphor:{bool(anaphora)}", f"{r}|end:{text[clause_end - 2:clause_end]}"]
            feats += [f"{r}|{f}" for f in context]
            yield Candidate(relation, m.entity, main_event, sentence, tuple(feats))


def pair_context(text: str, sentence: tuple[int, int], breaks: list[int], first: Anchored, second: Anchored,
                 rules: RelationRules, triggers_in: TriggersIn | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a pair's features say of the text around its two mentions, whichever is the head (the
    same for both directions and every relation): those before the type feature, those after."""
    triggers_in = triggers_in or TriggersIn(text, rules)
    left, right = (first, second) if first.start < second.start else (second, first)
    between = text[left.end:right.start]
    clause_start = max([b for b in breaks if b <= left.start], default=sentence[0])
    clause_end = min([b for b in breaks if b >= right.end], default=sentence[1])
    before = (f"d:{_bucket(len(between))}", f"cl:{min(sum(left.end <= b < right.start for b in breaks), 3)}")
    after = [f"b1:{between[:1]}", f"b2:{between[:2]}", f"e2:{between[-2:]}", f"a2:{text[right.end:right.end + 2]}",
             f"p2:{text[max(sentence[0], left.start - 2):left.start]}"]
    after += [f"tb:{t.name}" for t in rules.triggers if t.regex.search(between)]
    after += [f"tl:{name}" for name in triggers_in(clause_start, left.start)]
    after += [f"tr:{name}" for name in triggers_in(right.end, clause_end)]
    return before, tuple(after)


def pair_features(text: str, sentence: tuple[int, int], breaks: list[int], head: Anchored, tail: Anchored,
                  relation: str, rules: RelationRules, hits: set[str], tail_is_main: bool,
                  context: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The features of `relation` from `head` to `tail`; `context`: their `pair_context`, when
    already computed."""
    before, after = context or pair_context(text, sentence, breaks, head, tail, rules)
    r = f"{relation}|{'ht' if head.start < tail.start else 'th'}"
    feats = [relation, r, *(f"{r}|{f}" for f in before), f"{r}|t:{head.type}>{tail.type}", *(f"{r}|{f}" for f in after)]
    feats += [f"{relation}|rule:{h}" for h in sorted(hits)] or [f"{relation}|norule"]
    if head.nested or tail.nested:
        feats.append(f"{r}|nested:{int(head.nested)}{int(tail.nested)}")
    if tail_is_main:
        feats.append(f"{relation}|main")
    return tuple(feats)


def _bucket(n: int) -> str:
    return next((str(b) for b in (0, 1, 2, 4, 8, 16, 32) if n <= b), "far")


def best_candidates(found: list[Candidate], model: PairModel) -> dict[tuple[str, str, str], tuple[float, Candidate]]:
    """Each relation's most probable candidate, with its probability."""
    best: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
    for candidate in found:
        key = (candidate.relation, candidate.head, candidate.tail)
        p = model.probability(candidate.features)
        if key not in best or p > best[key][0]:
            best[key] = (p, candidate)
    return best


def combine(text: str, relations: list[Relation], found: list[Candidate], model: PairModel) -> list[Relation]:
    """The rules' relations with the model's probability as their confidence (those it has no
    candidate for keep theirs; those it finds unlikely are dropped), and the pairs it is sure of
    that the rules missed."""
    best = best_candidates(found, model)
    out = []
    for r in relations:
        p = best.get((r.type, r.head, r.tail), (None,))[0]
        if p is None:
            out.append(r)
        elif p >= model.drop_below.get(r.type, 0.0):
            out.append(replace(r, confidence=round(model.relation_confidence(p), 3)))
    have = {(r.type, r.head, r.tail) for r in relations}
    ruled = {key for key in have if key[0] in ONE_EVENT_PER_SENTENCE}
    told = {(c.relation, c.head, c.sentence) for c in found  # the rules' events a sentence names
            if (c.relation, c.head, c.tail) in ruled and f"{c.relation}|main" not in c.features}
    appointed = [(r.head, span) for r in relations if r.rule == "appointment" for span in r.evidence]
    told |= {("participated_in", c.head, c.sentence) for c in found if c.relation == "participated_in"
             and any(head == c.head and c.sentence[0] <= span.start < c.sentence[1] for head, span in appointed)}
    out += list(_added(text, best, have, model, told))
    return out


def _added(text: str, best: dict, have: set, model: PairModel, told: set) -> Iterator[Relation]:
    """The pairs the model is sure of that the rules missed; not another event of a name in a
    sentence that names the event the rules found it attends or holds (`…也参加了茶话会`: not
    党的十五大, named elsewhere; but where the rules took a bare `会议` for the main event, the model
    may name another), nor the event of a person the rules found appointed in the sentence (`主持人宣布：
    …何立峰…同志为国务院副总理`: whom a session appoints takes no part in it by that)."""
    for key, (p, candidate) in best.items():
        threshold = model.add_above.get(key[0])
        if (key[0], key[1], candidate.sentence) in told:
            continue
        if key not in have and threshold is not None and p >= threshold:
            yield Relation(key[0], key[1], key[2], evidence_of(text, *candidate.sentence),
                           round(model.relation_confidence(p), 3), "learned")
