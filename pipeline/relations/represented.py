"""The bodies a speaker stands for at an event (`代表中共中央…发言`): the guidelines' body represented at an
event takes part in it."""
from __future__ import annotations

from pipeline.relations.mentions import CLAUSE_MARKS, NAME_JOINERS, Anchored, coordinated

REPRESENTING = "代表"
LISTED_GROUP_CHARS = 8  # a group before the bodies a speaker stands for (`代表|各民主党派、|全国工商联…`)


def represented(text: str, clause: tuple[int, int], t_end: int, mentions: list[Anchored]) -> list[Anchored]:
    """The bodies a participant speaks for after the trigger in its clause (`在茶话会上代表|中共中央统战部、
    国务院宗教事务局|向…拜年`), or after a trigger that is 代表 itself (`greet`)."""
    at = t_end - len(REPRESENTING) if text.endswith(REPRESENTING, 0, t_end) else text.find(REPRESENTING, t_end, clause[1])
    bodies = [m for m in mentions if m.type == "ORG" and not m.nested and at + len(REPRESENTING) <= m.start < clause[1]]
    if at == -1 or not bodies or bodies[0].start != at + len(REPRESENTING):
        return []
    return coordinated(text, bodies[0], bodies[1:])


def spoken_for(text: str, heads: list[Anchored], mentions: list[Anchored]) -> list[Anchored]:
    """The bodies each speaker among `heads` stands for, listed right after 代表 after the speaker's name, in a
    clause of its own too (`丁石孙代表各民主党派、全国工商联和无党派人士，李克强代表…分别在会上发言`; a group
    that is no name may begin the list)."""
    bodies = sorted((m for m in mentions if m.type == "ORG" and not m.nested), key=lambda m: m.start)
    spoken_for: list[Anchored] = []
    for head in heads:
        if head.type != "PERSON" or not text.startswith(REPRESENTING, head.end):
            continue
        at = head.end + len(REPRESENTING)
        first = next((b for b in bodies if b.start >= at), None)
        if first is None or (first.start > at and not _group_before(text, at, first.start)):
            continue
        spoken_for += [b for b in coordinated(text, first, [b for b in bodies if b.start > first.start])
                       if b not in heads and b not in spoken_for]
    return spoken_for


def _group_before(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a short list item of its clause that joins the name at `end` (`各民主党派、`)."""
    return end - start <= LISTED_GROUP_CHARS and text[end - 1] in NAME_JOINERS and not CLAUSE_MARKS.search(text, start, end)
