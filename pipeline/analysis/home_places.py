"""The place a document is about, per level of administration, and the levels at which it names others too."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from pipeline.analysis.name_forms import LEVEL_BODIES, LEVEL_CHAR
from pipeline.rules import LOCAL_PREFIXES


def leveled(places: Iterable[str]) -> frozenset[str]:
    """The places named with their level's character (`北京市`, `栾城县`)."""
    return frozenset(p for p in places if p[-1] in LOCAL_PREFIXES and len(p) >= 3)


def leveled_in_bodies(places: Iterable[str], bodies: Iterable[str]) -> frozenset[str]:
    """The places the document writes without their level's character that its level bodies name with it (`顺德` beside `顺
    德市政府`, `广东顺德市委`: 顺德市)."""
    names = "\n".join(bodies)
    return frozenset(place + level for place in places if place[-1:] not in LOCAL_PREFIXES and place in names
                     for level in LOCAL_PREFIXES if any(place + level + body in names for body in LEVEL_BODIES))


@lru_cache(maxsize=4)
def place_set(places: tuple[str, ...]) -> frozenset[str]:
    return leveled(places)


def home_place(text: str, places: frozenset[str]) -> dict[str, str]:
    """The place the document is about, per level: {'市': '北京市', '省': '…省'}, by frequency, among `places`: the
    lexicon's places of a level and those the document names with one (`栾城县`, a county no lexicon lists now)."""
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


def bare_level_body(name: str) -> bool:
    """Whether `name` is a body named by its level alone (`市委`, `省政府`)."""
    return name[:1] in LOCAL_PREFIXES and name[1:] in LEVEL_BODIES


def contested_levels(home: dict[str, str], places: set[str], known: frozenset[str]) -> set[str]:
    """The levels (`省`, `市`, …) at which the document names a place (`places`, written in full or short: `福建`) other
    than its home place of that level (`known`: the place list)."""
    contested = set()
    for place in places:
        for level, own in home.items():
            full = place if place.endswith(level) else place + level
            if full in known and full != own:
                contested.add(level)
    return contested
