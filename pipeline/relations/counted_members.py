"""People listed and counted before a body's post (`A、B等五位全国政协委员`): members of that body, each holding the post."""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import Anchored, evidence_of, listed_up_to
from pipeline.wordlists import word_at

COUNTED_MEMBERS = re.compile("等[0-9一二三四五六七八九十两百]+[位名]")  # `A、B等8位…`
SENIOR = "老"  # `老教授`: a title held long
GROUP_HEADS = ("团", "组", "队")  # `全国人大代表|团`: a body, no title


def counted_members_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                              rules: RelationRules) -> Iterator[Relation]:
    """People listed and counted before a body's post (`周令钊、戴泽…等8位中央美术学院老教授`, `A、B等五位全国政协委员`)
    hold that post there, each of them."""
    people = [m for m in mentions if m.type == "PERSON"]
    bodies = {m.start: m for m in mentions if m.type == "ORG"}
    for person in people:
        counted = COUNTED_MEMBERS.match(text, person.end)
        body = bodies.get(counted.end()) if counted else None
        if body is None:
            continue
        at = body.end + int(text.startswith(SENIOR, body.end))
        title = word_at(text, at, titles)
        if title and not text.startswith(GROUP_HEADS, at + len(title)):
            for member in listed_up_to(text, person.end, people, rules.list_item_gap):
                yield Relation("holds_position", member.entity, body.entity, evidence_of(text, member.start, at + len(title)),
                               rules.appointment_confidence, "counted_members", title=title)
