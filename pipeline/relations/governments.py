"""The government a head of government's title is held at: a place's, where the document names it (`武汉市|市长`),
or the one of the level a bare title names (`省长`)."""
from __future__ import annotations

from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import Anchored


def place_government(place: str, title: str, orgs_by_end: dict[int, Anchored], rules: RelationRules) -> Anchored | None:
    """The government of `place` that the document names (an organisation whose entity is named so, or by the place's
    first character, as news writes a country's short form: `以色列总理` → `以政府`), for a head of government's `title`."""
    if title not in rules.government_heads:
        return None
    names = {written + g for g in rules.governments for written in (place, place[0])}
    return next((m for m in orgs_by_end.values() if m.entity.split(":", 1)[1] in names), None)


def level_government(title: str, at: int, orgs: dict[int, Anchored], rules: RelationRules) -> Anchored | None:
    """For a head of government's title at `at` naming its level alone (`省长`), the government named of the place whose
    committee of that level is named last before (`四川省委书记谢世杰、省长宋宝瑞`: 四川's), or else the one such named; a
    committee named by its level alone (`省委书记卢荣景、省长回良玉`) names no place."""
    if title not in rules.government_heads:
        return None
    level, named = title[-2], sorted((m.start, m.entity.split(":", 1)[1], m) for m in orgs.values())
    governments = {n: m for _, n, m in named if n.endswith(tuple(level + g for g in rules.governments))}
    committees = [n for start, n, _ in named if start < at and n.endswith(level + "委") and n != level + "委"]
    if not committees:
        return next(iter(governments.values())) if len(governments) == 1 else None
    place = committees[-1][:committees[-1].rfind(level)]
    return next((m for n, m in governments.items() if n[:n.rfind(level)] == place), None)
