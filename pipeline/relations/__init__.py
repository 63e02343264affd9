"""Relation stage: typed relations between a document's entities, from the rules in
schemas/relations.yaml (title chains, sub-bodies, trigger words, locations, award holders).

Every function takes the document text, its sentences and its resolved mentions, and
returns `Relation` records that carry their evidence, confidence and rule name.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.records import Relation, Span
from pipeline.rules import SchemaError, load_yaml, validate

CLAUSE_BREAKS = re.compile(r"[，,；;：:]|\s+")
COORDINATORS = {"、", "和", "与", "及", "以及", "同", ",", "，"}

_STR_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
_TYPES = {"type": "array", "items": {"enum": ["PERSON", "ORG", "LOCATION", "EVENT", "AWARD"]}, "minItems": 1}
RELATIONS_SCHEMA = {
    "type": "object",
    "required": ["types", "title_chain", "triggers"],
    "properties": {
        "types": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["head", "tail"],
            "properties": {"head": _TYPES, "tail": _TYPES, "description": {"type": "string"}}}},
        "title_chain": {"type": "object", "required": ["separators"], "properties": {
            "separators": _STR_LIST, "shared_title_separators": _STR_LIST, "max_gap_chars": {"type": "integer", "minimum": 0},
            "confidence": {"type": "number"}, "unattached_titles": _STR_LIST}},
        "sub_body_suffixes": _STR_LIST,
        "sub_body_confidence": {"type": "number"},
        "event_anaphora": _STR_LIST,
        "triggers": {"type": "array", "items": {
            "type": "object", "required": ["name", "relation", "words"], "additionalProperties": False,
            "properties": {"name": {"type": "string"}, "relation": {"type": "string"}, "words": _STR_LIST,
                           "order": {"enum": ["head_trigger_tail", "tail_trigger_head"]},
                           "confidence": {"type": "number", "minimum": 0, "maximum": 1}}}},
        "award_holder_words": _STR_LIST,
        "location_words": {"type": "object", "properties": {
            "prepositions": _STR_LIST, "event_verbs": _STR_LIST, "based_verbs": _STR_LIST, "confidence": {"type": "number"}}},
        "award_event_confidence": {"type": "number"},
        "appointments": {"type": "object", "properties": {
            "verbs": _STR_LIST, "skip_before_verb": _STR_LIST, "confidence": {"type": "number"}}},
        "home_titles": {"type": "object", "properties": {"titles": _STR_LIST, "confidence": {"type": "number"}}},
        "ceremony_suffixes": _STR_LIST,
        "ceremony_confidence": {"type": "number"},
        "relative_markers": _STR_LIST,
    },
}


@dataclass(frozen=True)
class TriggerRule:
    name: str
    relation: str
    words: tuple[str, ...]
    order: str
    confidence: float
    regex: re.Pattern


@dataclass(frozen=True)
class RelationRules:
    types: dict[str, tuple[frozenset[str], frozenset[str]]]
    separators: tuple[str, ...]
    shared_title_separators: tuple[str, ...]
    max_gap_chars: int
    chain_confidence: float
    unattached_titles: frozenset[str]
    sub_body_suffixes: tuple[str, ...]
    sub_body_confidence: float
    event_anaphora: tuple[str, ...]
    triggers: tuple[TriggerRule, ...]
    award_holder_words: tuple[str, ...]
    location_prepositions: tuple[str, ...]
    location_event_verbs: tuple[str, ...]
    location_based_verbs: tuple[str, ...]
    location_confidence: float
    award_event_confidence: float
    appointment_verbs: tuple[str, ...]
    appointment_skips: tuple[str, ...]
    appointment_confidence: float
    home_titles: frozenset[str]
    home_confidence: float
    ceremony_suffixes: tuple[str, ...]
    ceremony_confidence: float
    relative_markers: tuple[str, ...]

    def allows(self, relation: str, head_type: str, tail_type: str) -> bool:
        heads, tails = self.types.get(relation, (frozenset(), frozenset()))
        return head_type in heads and tail_type in tails


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def load_relation_rules(directory: Path) -> RelationRules:
    path = directory / "relations.yaml"
    data = load_yaml(path)
    validate(data, RELATIONS_SCHEMA, path)
    types = {name: (frozenset(v["head"]), frozenset(v["tail"])) for name, v in data["types"].items()}
    triggers = []
    for rule in data["triggers"]:
        if rule["relation"] not in types:
            raise SchemaError(f"{path}: at key triggers/{rule['name']}: unknown relation {rule['relation']!r}")
        words = _longest_first(rule["words"])
        triggers.append(TriggerRule(rule["name"], rule["relation"], words, rule.get("order", "head_trigger_tail"),
                                    rule.get("confidence", 0.7), re.compile("|".join(map(re.escape, words)))))
    chain = data["title_chain"]
    location = data.get("location_words", {})
    return RelationRules(
        types=types,
        separators=tuple(chain["separators"]),
        shared_title_separators=tuple(chain.get("shared_title_separators", [])),
        max_gap_chars=chain.get("max_gap_chars", 0),
        chain_confidence=chain.get("confidence", 0.85),
        unattached_titles=frozenset(chain.get("unattached_titles", [])),
        sub_body_suffixes=_longest_first(data.get("sub_body_suffixes", [])),
        sub_body_confidence=data.get("sub_body_confidence", 0.8),
        event_anaphora=_longest_first(data.get("event_anaphora", [])),
        triggers=tuple(triggers),
        award_holder_words=_longest_first(data.get("award_holder_words", [])),
        location_prepositions=tuple(location.get("prepositions", [])),
        location_event_verbs=_longest_first(location.get("event_verbs", [])),
        location_based_verbs=_longest_first(location.get("based_verbs", [])),
        location_confidence=location.get("confidence", 0.75),
        award_event_confidence=data.get("award_event_confidence", 0.7),
        appointment_verbs=_longest_first(data.get("appointments", {}).get("verbs", [])),
        appointment_skips=_longest_first(data.get("appointments", {}).get("skip_before_verb", [])),
        appointment_confidence=data.get("appointments", {}).get("confidence", 0.8),
        home_titles=frozenset(data.get("home_titles", {}).get("titles", [])),
        home_confidence=data.get("home_titles", {}).get("confidence", 0.55),
        ceremony_suffixes=_longest_first(data.get("ceremony_suffixes", [])),
        ceremony_confidence=data.get("ceremony_confidence", 0.65),
        relative_markers=tuple(data.get("relative_markers", [])),
    )


@dataclass(frozen=True)
class Anchored:
    """A mention resolved to its entity: what the relation rules work on."""

    start: int
    end: int
    type: str
    entity: str
    nested: bool = False


def _evidence(text: str, start: int, end: int) -> tuple[Span, ...]:
    return (Span(start, end, text[start:end].strip()),)


def title_chain_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                          rules: RelationRules) -> Iterator[tuple[Relation, Anchored]]:
    """`中共中央政治局常委、国务院副总理丁薛祥` → (丁薛祥, 中共中央政治局, 常委), (丁薛祥, 国务院, 副总理);
    `中国科协副主席兼秘书长X` → two titles at one body.

    Also yields the organisation mention of each link, so other rules can skip it."""
    orgs_by_end: dict[int, Anchored] = {m.end: m for m in mentions if m.type == "ORG"}
    for person in (m for m in mentions if m.type == "PERSON"):
        pos = person.start
        pending: list[str] = []
        while pos > 0:
            title = next((t for t in titles if text.startswith(t, pos - len(t))), None)
            if title is None:
                break
            title_start = pos - len(title)
            org = None
            if title not in rules.unattached_titles:
                for gap in range(rules.max_gap_chars + 1):
                    candidate = orgs_by_end.get(title_start - gap)
                    if candidate and not any(s in text[candidate.end:title_start] for s in rules.separators):
                        org = candidate
                        break
            if org:
                for held in [title, *pending]:
                    yield Relation("holds_position", person.entity, org.entity, _evidence(text, org.start, person.end),
                                   rules.chain_confidence, "title_chain", title=held), org
                pending = []
                pos = org.start
            else:
                pos = title_start
                if title not in rules.unattached_titles:
                    pending.append(title)
            separator = next((s for s in rules.separators if text.startswith(s, pos - len(s))), None)
            if separator is None:
                break
            if separator not in rules.shared_title_separators:
                pending = []
            pos -= len(separator)


def appointment_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                          rules: RelationRules) -> Iterator[Relation]:
    """`张又侠、何卫东同志为中华人民共和国中央军事委员会副主席` → holds_position for each person."""
    people_by_end = {m.end: m for m in mentions if m.type == "PERSON"}
    for org in (m for m in mentions if m.type == "ORG"):
        title = next((t for t in titles if text.startswith(t, org.end)), None)
        verb = next((v for v in rules.appointment_verbs if text.startswith(v, org.start - len(v))), None)
        if not title or not verb:
            continue
        pos = org.start - len(verb)
        skip = next((w for w in rules.appointment_skips if text.startswith(w, pos - len(w))), "")
        person = people_by_end.get(pos - len(skip))
        people = []
        while person:
            people.insert(0, person)
            separator = text[person.start - 1:person.start] if person.start else ""
            person = people_by_end.get(person.start - 1) if separator in COORDINATORS else None
        for p in people:
            yield Relation("holds_position", p.entity, org.entity, _evidence(text, p.start, org.end + len(title)),
                           rules.appointment_confidence, "appointment", title=title)


def home_title_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                         rules: RelationRules) -> Iterator[Relation]:
    """`吴建平主任` (a title after the name, no organisation before it) → the post at the
    document's most mentioned organisation, for the titles of an institution's own officers."""
    orgs = Counter(m.entity for m in mentions if m.type == "ORG" and not m.nested)
    if not orgs:
        return
    home = orgs.most_common(1)[0][0]
    orgs_by_end = {m.end for m in mentions if m.type == "ORG"}
    for person in (m for m in mentions if m.type == "PERSON"):
        title = next((t for t in titles if text.startswith(t, person.end)), None)
        if title in rules.home_titles and person.start not in orgs_by_end:
            yield Relation("holds_position", person.entity, home, _evidence(text, person.start, person.end + len(title)),
                           rules.home_confidence, "home_title", title=title)


def bare_title_mentions(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                        chain: list[tuple[Relation, Anchored]]) -> list[Anchored]:
    """A title standing alone (`总书记强调`) that one person of the document holds, and no other,
    is a mention of that person. Titles next to a name or inside a mention are not bare."""
    holders: dict[str, set[str]] = {}
    for relation, _ in chain:
        holders.setdefault(relation.title or "", set()).add(relation.head)
    people = [m for m in mentions if m.type == "PERSON"]
    for person in people:
        title = next((t for t in titles if text.startswith(t, person.end)), None)
        if title:
            holders.setdefault(title, set()).add(person.entity)
    taken = [(m.start, m.end) for m in mentions]
    person_edges = {m.end for m in people} | {m.start for m in people}
    found = []
    for title, heads in holders.items():
        if len(heads) != 1 or not title:
            continue
        (head,) = heads
        start = text.find(title)
        while start >= 0:
            end = start + len(title)
            free = not any(s < end and start < e for s, e in taken)
            if free and start not in person_edges and end not in person_edges and not _title_continues(text, start, end, titles):
                found.append(Anchored(start, end, "PERSON", head))
            start = text.find(title, end)
    return found


def _title_continues(text: str, start: int, end: int, titles: tuple[str, ...]) -> bool:
    """Whether the occurrence is part of a longer title (`副主任` for `主任`)."""
    return any(len(t) > end - start and text.find(t, max(0, end - len(t)), start + len(t)) != -1 for t in titles)


def sub_body_relations(entities: dict[str, tuple[str, str]], rules: RelationRules) -> Iterator[Relation]:
    """`中关村实验室党委` is part_of `中关村实验室`, `中国科学院…研究所` part_of `中国科学院`: a
    name ending in a sub-body suffix belongs to the longest other organisation it starts with."""
    orgs = {name: eid for eid, (etype, name) in entities.items() if etype == "ORG"}
    by_length = sorted(orgs, key=len, reverse=True)
    for name, eid in orgs.items():
        if not any(name.endswith(s) and len(name) > len(s) for s in rules.sub_body_suffixes):
            continue
        parent = next((orgs[n] for n in by_length if len(n) < len(name) and len(n) >= 2 and name.startswith(n)), None)
        if parent and parent != eid:
            yield Relation("part_of", eid, parent, (), rules.sub_body_confidence, "sub_body")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, pos = [], start
    for match in CLAUSE_BREAKS.finditer(text, start, end):
        bounds.append((pos, match.start()))
        pos = match.end()
    bounds.append((pos, end))
    return bounds


def _coordinated(text: str, first: Anchored, candidates: list[Anchored]) -> list[Anchored]:
    """`主题教育和党纪学习教育`: the first mention and those joined to it by 、/和/与/及."""
    chosen, last = [first], first
    for mention in candidates:
        if mention.start < last.end:
            continue
        if text[last.end:mention.start] in COORDINATORS:
            chosen.append(mention)
            last = mention
        else:
            break
    return chosen


def _coordinated_before(text: str, before: list[Anchored]) -> list[Anchored]:
    """`中共中央、国务院决定授予`: the last mention before a trigger and those joined to it."""
    if not before:
        return []
    chosen = [before[-1]]
    for mention in reversed(before[:-1]):
        if text[mention.end:chosen[0].start] in COORDINATORS:
            chosen.insert(0, mention)
        else:
            break
    return chosen


WordCheck = Callable[[str, int, int], bool]


def sentence_triggers(text: str, sentence: tuple[int, int], rules: RelationRules,
                      spans: list[tuple[int, int]], is_word: WordCheck | None = None) -> list[tuple[int, int, TriggerRule]]:
    """Trigger words of every rule in one sentence; overlapping triggers compete and the
    longest wins (`主持召开` is convene, not attend). Triggers inside a mention, and with
    `is_word` (a word segmenter) triggers inside a longer word (`获` in `获取`), are ignored."""
    found = [(m.start(), m.end(), rule) for rule in rules.triggers for m in rule.regex.finditer(text, *sentence)]
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    chosen: list[tuple[int, int, TriggerRule]] = []
    for start, end, rule in found:
        if chosen and start < chosen[-1][1]:
            continue
        if any(s <= start and end <= e for s, e in spans):
            continue
        if is_word is not None and not is_word(text, start, end):
            continue
        chosen.append((start, end, rule))
    return chosen


def _heads_before(text: str, sentence: tuple[int, int], pos: int, mentions: list[Anchored],
                  types: frozenset[str], trigger_starts: list[int]) -> list[Anchored]:
    """Heads of a trigger: the head mentions of its clause before it (after any earlier trigger);
    if there are none, those of the earlier clauses back to one with a trigger of its own,
    whose subject (the heads before that trigger) ends the search."""
    clauses = [c for c in _clauses(text, *sentence) if c[0] <= pos]
    heads: list[Anchored] = []
    for index, (start, end) in enumerate(reversed(clauses)):
        limit = pos if index == 0 else end
        earlier = [t for t in trigger_starts if start <= t < limit]
        if index == 0 and earlier:
            start = max(earlier)
        elif earlier:
            limit = min(earlier)
        found = [m for m in mentions if m.type in types and start <= m.start and m.end <= limit and not m.nested]
        if index == 0 and (found or any(start <= m.start and m.end <= limit for m in mentions)):
            return found
        heads = found + heads
        if earlier and index > 0:
            break
    return heads


def _anaphor_at(text: str, pos: int, words: tuple[str, ...]) -> bool:
    return any(text.startswith(w, pos) for w in words)


def trigger_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                      main_event: str | None, rules: RelationRules,
                      is_word: WordCheck | None = None) -> Iterator[Relation]:
    spans = [(m.start, m.end) for m in mentions]
    for sentence in sentences:
        in_sentence = [m for m in mentions if sentence[0] <= m.start and m.end <= sentence[1]]
        triggers = sentence_triggers(text, sentence, rules, spans, is_word)
        starts = [t[0] for t in triggers]
        evidence = _evidence(text, *sentence)
        for t_start, t_end, rule in triggers:
            head_types, tail_types = rules.types[rule.relation]
            clause = next(((s, e) for s, e in _clauses(text, *sentence) if s <= t_start <= e), sentence)
            if rule.order == "head_trigger_tail":
                heads = _heads_before(text, sentence, t_start, in_sentence, head_types,
                                      [s for s in starts if s < t_start])
                after = [m for m in in_sentence if m.start >= t_end and m.type in tail_types]
                tails = _coordinated(text, after[0], after[1:]) if after and after[0].start < clause[1] else []
                if tails and any(text.startswith(w, tails[-1].end) for w in rules.relative_markers):
                    heads = _relative_clause_heads(tails[-1].end, clause, in_sentence, head_types)
                if not tails and "EVENT" in tail_types:
                    tails = _event_reference(text, clause, t_start, t_end, in_sentence, main_event, rules)
            else:
                before = [m for m in in_sentence if m.end <= t_start and m.type in tail_types and not m.nested]
                after = [m for m in in_sentence if m.start >= t_end and m.type in head_types]
                tails = _coordinated_before(text, before)
                heads = _coordinated(text, after[0], after[1:]) if after else []
            for head in heads:
                for tail in tails:
                    if head.entity != tail.entity and rules.allows(rule.relation, head.type, tail.type):
                        yield Relation(rule.relation, head.entity, tail.entity, evidence, rule.confidence,
                                       f"trigger:{rule.name}")
            if rule.relation == "awarded_by":
                yield from _recipients(text, sentence, t_end, in_sentence, rules, rule)


def _relative_clause_heads(pos: int, clause: tuple[int, int], mentions: list[Anchored],
                           types: frozenset[str]) -> list[Anchored]:
    """`获得2019年度国家最高科学技术奖的…黄旭华院士和…曾庆存院士`: the winners follow `的`;
    people are preferred to the bodies they belong to."""
    after = [m for m in mentions if m.type in types and pos <= m.start and m.end <= clause[1] and not m.nested]
    people = [m for m in after if m.type == "PERSON"]
    return people or after[:1]


def _event_reference(text: str, clause: tuple[int, int], t_start: int, t_end: int, mentions: list[Anchored],
                     main_event: str | None, rules: RelationRules) -> list[Anchored]:
    """The event a trigger without an event object refers to: an event named earlier in the
    clause (`在论坛上致辞`) is taken as is; `出席大会`, `在大会上讲话` and a trigger that ends its
    clause (`韩正出席`) name the document's main event."""
    earlier = [m for m in mentions if m.type == "EVENT" and clause[0] <= m.start and m.end <= t_start and not m.nested]
    if earlier:
        return earlier[-1:]
    if main_event is None:
        return []
    words = rules.event_anaphora
    if (_anaphor_at(text, t_end, words) or any(_anaphor_at(text, p, words) for p in range(clause[0], t_start))
            or not text[t_end:clause[1]].strip()):
        return [Anchored(t_end, t_end, "EVENT", main_event)]
    return []


def _recipients(text: str, sentence: tuple[int, int], t_end: int, mentions: list[Anchored],
                rules: RelationRules, rule: TriggerRule) -> Iterator[Relation]:
    """`授予X“…”称号`: who stands between the granting verb and the award received it."""
    awards = [m for m in mentions if m.start >= t_end and m.type == "AWARD"]
    if not awards:
        return
    award = awards[0]
    for m in mentions:
        if t_end <= m.start and m.end <= award.start and m.type in ("PERSON", "ORG") and not m.nested:
            yield Relation("received", m.entity, award.entity, _evidence(text, *sentence), rule.confidence,
                           f"trigger:{rule.name}:recipient")


def award_holder_relations(text: str, mentions: list[Anchored], rules: RelationRules) -> Iterator[Relation]:
    """`2018年度国家最高科学技术奖获得者钱七虎` → received(钱七虎, award)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for award in (m for m in ordered if m.type == "AWARD"):
        for word in rules.award_holder_words:
            if text.startswith(word, award.end):
                pos = award.end + len(word)
                for m in ordered:
                    if m.type in ("PERSON", "ORG") and m.start >= pos and not m.nested:
                        between = text[pos:m.start]
                        if len(between) <= 30 and not re.search(r"[。！？]", between):
                            yield Relation("received", m.entity, award.entity,
                                           _evidence(text, award.start, m.end), 0.8, "award_holder")
                        break
                break


def location_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                       rules: RelationRules) -> Iterator[Relation]:
    """`在奥克兰…出席…论坛闭幕式`, `大会在京召开` → located_in(EVENT, LOCATION)."""
    for sentence in sentences:
        in_sentence = [m for m in mentions if sentence[0] <= m.start and m.end <= sentence[1]]
        sentence_text = text[sentence[0]:sentence[1]]
        events = [m for m in in_sentence if m.type == "EVENT"]
        for org in (m for m in in_sentence if m.type in ("ORG", "EVENT") and not m.nested):
            verb = next((v for v in rules.location_based_verbs if text.startswith(v, org.end)), None)
            place = next((m for m in in_sentence if verb and m.type == "LOCATION" and m.start == org.end + len(verb)), None)
            if place:
                yield Relation("located_in", org.entity, place.entity, _evidence(text, *sentence),
                               rules.location_confidence, "location:based")
        for place in (m for m in in_sentence if m.type == "LOCATION" and not m.nested):
            if not any(text.startswith(p, place.start - len(p)) for p in rules.location_prepositions):
                continue
            if not any(v in sentence_text for v in rules.location_event_verbs):
                continue
            if not events:
                continue
            nearest = min(events, key=lambda e: abs(e.start - place.start))
            yield Relation("located_in", nearest.entity, place.entity, _evidence(text, *sentence),
                           rules.location_confidence, "location")


def award_event_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                          rules: RelationRules) -> Iterator[Relation]:
    """An award won in a sentence that names an event before it → awarded_by(award, event)."""
    win_words = [r for r in rules.triggers if r.relation == "received"]
    for sentence in sentences:
        in_sentence = [m for m in mentions if sentence[0] <= m.start and m.end <= sentence[1]]
        for award in (m for m in in_sentence if m.type == "AWARD"):
            events = [m for m in in_sentence if m.type == "EVENT" and m.end <= award.start and not m.nested]
            between = text[events[-1].end:award.start] if events else ""
            if events and any(r.regex.search(between) for r in win_words):
                yield Relation("awarded_by", award.entity, events[-1].entity, _evidence(text, *sentence),
                               rules.award_event_confidence, "award_event")


def ceremony_relations(entities: dict[str, tuple[str, str]], rules: RelationRules) -> Iterator[Relation]:
    """An award ceremony of the document (`…表彰大会`, `…颁奖大会`) confers its awards."""
    ceremonies = [eid for eid, (etype, name) in entities.items()
                  if etype == "EVENT" and name.endswith(rules.ceremony_suffixes)]
    for ceremony in ceremonies:
        for eid, (etype, _) in entities.items():
            if etype == "AWARD":
                yield Relation("awarded_by", eid, ceremony, (), rules.ceremony_confidence, "ceremony")


def _ends_with_title(text: str, end: int, titles: tuple[str, ...]) -> bool:
    """Whether a title follows position `end` (`国务院|副总理`): the organisation names a post."""
    return any(text.startswith(t, end) for t in titles)


def extract_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                      entities: dict[str, tuple[str, str]], titles: tuple[str, ...],
                      main_event: str | None, rules: RelationRules,
                      is_word: WordCheck | None = None) -> list[Relation]:
    """All relations of one document, deduplicated by (type, head, tail, title)."""
    chain = list(title_chain_relations(text, mentions, titles, rules))
    mentions = sorted(mentions + bare_title_mentions(text, mentions, titles, chain), key=lambda m: (m.start, m.end))
    chain_orgs = {(org.start, org.end) for _, org in chain} | {
        (m.start, m.end) for m in mentions if m.type == "ORG" and _ends_with_title(text, m.end, titles)}
    free = [m for m in mentions if (m.start, m.end) not in chain_orgs]
    found: list[Relation] = [r for r, _ in chain]
    found += appointment_relations(text, mentions, titles, rules)
    found += home_title_relations(text, mentions, titles, rules)
    found += sub_body_relations(entities, rules)
    found += trigger_relations(text, sentences, free, main_event, rules, is_word)
    found += award_holder_relations(text, free, rules)
    found += ceremony_relations(entities, rules)
    found += location_relations(text, sentences, free, rules)
    found += award_event_relations(text, sentences, mentions, rules)
    merged: dict[tuple, Relation] = {}
    for relation in found:
        if relation.head == relation.tail:
            continue
        head_type, tail_type = entities[relation.head][0], entities[relation.tail][0]
        if not rules.allows(relation.type, head_type, tail_type):
            continue
        key = (relation.type, relation.head, relation.tail, relation.title)
        previous = merged.get(key)
        if previous is None:
            merged[key] = relation
        else:
            evidence = previous.evidence + tuple(e for e in relation.evidence if e not in previous.evidence)
            best = max(previous, relation, key=lambda r: r.confidence)
            merged[key] = Relation(best.type, best.head, best.tail, evidence[:5], best.confidence, best.rule, best.title)
    return list(merged.values())
