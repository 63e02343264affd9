"""Competitors: who took part in a contest, by the results a sentence of its report gives
(`乌克兰选手科洛科娃和日本选手田岛宁子分列第二、三名`, `澳大利亚队科利姆…夺冠`)."""
from __future__ import annotations

from collections.abc import Iterator

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules, TriggerRule
from pipeline.relations.mentions import Anchored, evidence_of, within

LEAD_SENTENCES = 3  # a report's title, its source and date line, and its lead's first sentence


def competitor_relations(text: str, parts: list[tuple[str | None, list[tuple[int, int]]]], mentions: list[Anchored],
                         entities: dict[str, tuple[str, str]], rules: RelationRules) -> Iterator[Relation]:
    """In a document or an item (`parts`: each main event with its sentences) about a contest, the people and the
    teams (a body named with a team's head: `中国队`, `中国代表团`) named in a sentence with a verb of a result
    (`夺得`, `名列`, `屈居`, `战胜`) took part in it, as a contest's trigger (one with `main_kinds`: `compete`) has
    the subject of its words take part. The contest is the main event where its name ends in a kind of that
    trigger's, else the first such event the headline or the lead's first sentence names (not `亚特兰大奥运会`, an
    earlier one the report names later). Where the main event is the contest, so do the words of its opening (an oath
    taken for its athletes, the flame carried to its cauldron)."""
    for trigger in (t for t in rules.triggers if t.main_kinds):
        for event, part in parts:
            contest = _contest(event, part, mentions, entities, trigger) if part else None
            words = rules.competitor_results + (rules.competitor_openings if contest == event else ())
            for sentence in part if contest else ():
                if not any(text.find(word, *sentence) != -1 for word in words):
                    continue
                for m in within(mentions, sentence):
                    if not m.nested and (m.type == "PERSON" or m.type == "ORG" and
                                         entities[m.entity][1].endswith(rules.competitor_teams)):
                        yield Relation("participated_in", m.entity, contest, evidence_of(text, *sentence),
                                       rules.competitor_confidence, "competitor")


def _contest(event: str | None, part: list[tuple[int, int]], mentions: list[Anchored],
             entities: dict[str, tuple[str, str]], trigger: TriggerRule) -> str | None:
    def is_contest(entity: str | None) -> bool:
        return entity is not None and entities.get(entity, ("", ""))[1].endswith(trigger.main_kinds)
    if is_contest(event):
        return event
    lead = (part[0][0], part[min(LEAD_SENTENCES, len(part)) - 1][1])
    return next((m.entity for m in within(mentions, lead) if m.type == "EVENT" and is_contest(m.entity)), None)
