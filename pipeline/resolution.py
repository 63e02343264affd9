"""In-document resolution stage: one entity per referent.

Mentions with the same type and name become one entity; a short form that ends a longer
name of the same type in the document (`实验室` → `中关村实验室`) is its alias; `市司法局`
becomes `北京市司法局` when the document is about Beijing. Generic words that resolve to no
named entity are dropped.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from .records import Entity, Mention, Span
from .schema import RecognitionRules

LOCAL_PREFIXES = ("市", "省", "区", "县")
LEVEL_CHAR = re.compile("[市省区县]")
SHORT_FORM_TYPES = ("ORG", "EVENT", "AWARD")


def entity_id(entity_type: str, name: str) -> str:
    return f"{entity_type}:{name}"


def home_place(text: str, places: frozenset[str]) -> dict[str, str]:
    """The place the document is about, per level: {'市': '北京市', '省': '…省'}, by frequency."""
    counts: Counter[str] = Counter()
    for match in LEVEL_CHAR.finditer(text):
        end = match.end()
        for length in range(3, 8):
            candidate = text[max(0, end - length):end]
            if len(candidate) == length and candidate in places:
                counts[candidate] += 1
                break
    best: dict[str, str] = {}
    for place, _ in counts.most_common():
        best.setdefault(place[-1], place)
    return best


@lru_cache(maxsize=4)
def _place_set(places: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p for p in places if p[-1] in LOCAL_PREFIXES and len(p) >= 3)


def canonical_names(mentions: list[Mention], text: str, rules: RecognitionRules) -> dict[tuple[str, str], str]:
    """Map each (type, surface) to the canonical name of its referent within the document."""
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        surfaces[m.type].add(m.text)
    home = home_place(text, _place_set(rules.lexicons.get("PLACE", ())))
    mapping: dict[tuple[str, str], str] = {}
    for etype, names in surfaces.items():
        for name in names:
            target = name
            if etype in SHORT_FORM_TYPES:
                longer = [n for n in names if n != name and n.endswith(name)]
                shortest = min(longer, key=len) if longer else None
                if shortest and all(n.endswith(shortest) for n in longer):
                    target = shortest
                elif not longer and name[0] in LOCAL_PREFIXES and name[0] in home and etype == "ORG":
                    expanded = home[name[0]] + name[1:]
                    target = expanded if len(name) >= 3 else name
            mapping[(etype, name)] = target
    for key, target in list(mapping.items()):
        seen = {key[1]}
        while (key[0], target) in mapping and mapping[(key[0], target)] != target and target not in seen:
            seen.add(target)
            target = mapping[(key[0], target)]
        mapping[key] = target
    return mapping


def resolve(mentions: list[Mention], text: str, original: str, rules: RecognitionRules) -> tuple[list[Entity], dict[tuple[int, int, str], str]]:
    """Group mentions into entities. Returns the entities and a map from (start, end, type) to entity id.

    `text` is the analysed (folded) text, `original` the document text the spans index."""
    names = canonical_names(mentions, text, rules)
    entities: dict[str, Entity] = {}
    anchor: dict[tuple[int, int, str], str] = {}
    for m in mentions:
        name = names[(m.type, m.text)]
        if name in rules.generic_chunks or name in rules.never_entities:
            continue
        eid = entity_id(m.type, name)
        entity = entities.get(eid)
        if entity is None:
            entity = entities[eid] = Entity(eid, m.type, name, confidence=m.score)
        surface = original[m.start:m.end]
        if surface != name and surface not in entity.aliases:
            entity.aliases.append(surface)
        entity.mentions.append(Span(m.start, m.end, surface))
        entity.confidence = max(entity.confidence, m.score)
        anchor[(m.start, m.end, m.type)] = eid
    return list(entities.values()), anchor
