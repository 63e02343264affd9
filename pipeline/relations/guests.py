"""Guests: a reception is held for those it welcomes or sees off, who attend it (`为马杜罗举行欢迎仪式`,
`举行仪式，欢迎…总统热恩别科夫对我国进行国事访问`)."""
from __future__ import annotations

from collections.abc import Iterator

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import CLAUSE_BREAKS, Anchored, evidence_of

HELD_FOR = "为"  # the preposition that marks whom a reception is held for


def guest_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                    rules: RelationRules) -> Iterator[Relation]:
    """`习近平…为马杜罗和夫人弗洛雷斯举行欢迎宴会`: the people and bodies named between the 为 that marks whom a
    reception is held for and the verb that holds it (`rules.reception_held_for`, matched from the 为 nearest the event up
    to the event's name) take part in it, where the event's name ends in a kind of reception."""
    yield from _welcomed(text, sentences, mentions, rules)
    guests = rules.head_types("participated_in")
    for sentence in sentences:
        start, end = sentence
        for event in (m for m in mentions if m.type == "EVENT" and start <= m.start and m.end <= end
                      and text[m.start:m.end].endswith(rules.reception_kinds)):
            marker = text.rfind(HELD_FOR, start, event.start)
            while marker != -1 and not rules.reception_held_for.fullmatch(text, marker, event.start):
                marker = text.rfind(HELD_FOR, start, marker)
            if marker == -1:
                continue
            for guest in mentions:
                if marker < guest.start and guest.end <= event.start and guest.type in guests and not guest.nested:
                    yield Relation("participated_in", guest.entity, event.entity, evidence_of(text, *sentence),
                                   rules.reception_confidence, "reception:guest")


def _welcomed(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
              rules: RelationRules) -> Iterator[Relation]:
    """`…举行仪式，欢迎吉尔吉斯斯坦总统热恩别科夫对我国进行国事访问`: the people named in the clause of welcome right after a
    ceremony held (`rules.reception_welcomes`) take part in the ceremony: the event named there, else the next reception
    the document names (`…丁薛祥出席欢迎仪式`)."""
    events = sorted((m for m in mentions if m.type == "EVENT"), key=lambda m: m.start)
    for sentence in sentences:
        for welcome in rules.reception_welcomes.finditer(text, *sentence):
            event = next((m for m in events if welcome.start() <= m.start < welcome.end()), None) or next(
                (m for m in events if m.start >= welcome.end() and text[m.start:m.end].endswith(rules.reception_kinds)), None)
            if event is None:
                continue
            clause_end = CLAUSE_BREAKS.search(text, welcome.end(), sentence[1])
            clause = range(welcome.end(), (clause_end.start() if clause_end else sentence[1]) + 1)
            for guest in (m for m in mentions if m.type == "PERSON" and not m.nested and m.start in clause and m.end in clause):
                yield Relation("participated_in", guest.entity, event.entity, evidence_of(text, *sentence),
                               rules.reception_confidence, "reception:welcomed")
