"""Competitors: who took part in a contest, by the result the text reports of them
(`陈妍…夺得金牌`, `中国选手吴艳艳名列第四`, `澳大利亚队科利姆…夺冠`)."""
from __future__ import annotations

from collections.abc import Iterator

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import Anchored, evidence_of, within

LEAD_SENTENCES = 3  # a report's title, its source and date line, and its lead's first sentence


def competitor_relations(text: str, parts: list[tuple[str | None, list[tuple[int, int]]]], mentions: list[Anchored],
                         entities: dict[str, tuple[str, str]], rules: RelationRules) -> Iterator[Relation]:
    """In a document or an item (`parts`: each main event with its sentences) about a contest, the people
    and the teams (a body named with a team's head: `中国队`, `中国代表团`) named in a sentence that reports a
    result (`夺得`, `名列`, `屈居亚军`, `战胜`) took part in it. The contest is the main event where its name
    holds a contest's head (`锦标赛`, `运动会`, `世界杯`), else the first contest its headline or its lead's first
    sentence names (not `亚特兰大奥运会`, an earlier one the report names later)."""
    words = rules.competitors
    for event, part in parts:
        if not part:
            continue
        contest = event if event and _is_contest(entities.get(event, ("", ""))[1], words["contests"]) else next(
            (m.entity for m in within(mentions, (part[0][0], part[min(LEAD_SENTENCES, len(part)) - 1][1]))
             if m.type == "EVENT" and _is_contest(entities.get(m.entity, ("", ""))[1], words["contests"])), None)
        if contest is None:
            continue
        for sentence in part:
            if not any(text.find(word, *sentence) != -1 for word in words["results"]):
                continue
            for m in within(mentions, sentence):
                if not m.nested and (m.type == "PERSON" or m.type == "ORG" and entities[m.entity][1].endswith(words["teams"])):
                    yield Relation("participated_in", m.entity, contest, evidence_of(text, *sentence),
                                   rules.competitor_confidence, "competitor")


def _is_contest(name: str, heads: tuple[str, ...]) -> bool:
    return any(head in name for head in heads)
