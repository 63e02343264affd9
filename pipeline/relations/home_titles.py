"""Posts held at the institution a document is about, by a title after a name (`吴建平主任`) or one that opens
the clause before it (`，总经理|关景华`), and by a title after a name that an organisation stands right before
(`中组部|李景田|局长`)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pipeline.analysis.sentences import SENTENCE_END_CHARS
from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.counted_members import COUNTED_MEMBERS
from pipeline.relations.mentions import NAME_JOINERS, SOURCE_CREDIT, Anchored, evidence_of, listed_up_to, title_end
from pipeline.relations.titles import opening_title, post_status_before
from pipeline.wordlists import word_at

HOME_MENTIONS = 3  # how often a document must name the organisation its title does not, to be about it


def home_organisation(text: str, mentions: list[Anchored]) -> str | None:
    """The institution a document is about: of the organisations its title line names (a
    source credit such as `央视网消息` aside), the one most mentioned in the document; where the title
    names none, the organisation the document mentions most, at least `HOME_MENTIONS` times."""
    end = title_end(text)
    named = {m.entity for m in mentions if m.type == "ORG" and m.end <= end and not SOURCE_CREDIT.match(text, m.end)}
    counts = Counter(m.entity for m in mentions if m.type == "ORG" and not m.nested and not SOURCE_CREDIT.match(text, m.end))
    if named:
        return max(sorted(named), key=lambda e: counts[e])
    ranked = counts.most_common(2) + [("", 0)]
    return ranked[0][0] if ranked[0][1] >= HOME_MENTIONS and ranked[1][1] < ranked[0][1] else None


def joined_before(text: str, last: Anchored, people: list[Anchored]) -> list[Anchored]:
    """The names joined right before `last` by `、`, `和`, `与` or `及`, with nothing else between (`秦博勇和|石爱中`)."""
    by_end = {m.end: m for m in people}
    joined, first = [], last
    while first.start and text[first.start - 1] in NAME_JOINERS and (before := by_end.get(first.start - 1)):
        joined.insert(0, before)
        first = before
    return joined


def home_title_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                         rules: RelationRules) -> Iterator[Relation]:
    """A title after a person's name: with an organisation right before the name, the post there
    (`中组部|李景田|局长介绍说`; not a title many hold, `代表`, a verb too); with none, in an article about
    one institution, the post there when the title is one of that kind of institution's officers
    (`吴建平主任`: `主任` of a `…实验室`, `校长` of a `…大学`), as one that opens the clause before the name is
    (`总经理关景华告诉记者`), and one after the count that closes a list of names is each one's (`曹培玺、宋海…等12位常委`;
    with a body before it, `counted_members_relations`). A title that opens a sentence is also held at the
    organisation that begins the sentence before, where it is one of that kind's (`香港中华总商会今天…。|会长曾宪梓…`). Else
    no relation."""
    home = home_organisation(text, mentions)
    home_name = home.split(":", 1)[1] if home else ""
    orgs_by_end = {m.end: m for m in mentions if m.type == "ORG"}
    orgs_by_start = {m.start: m for m in mentions if m.type == "ORG" and not m.nested}
    people = [m for m in mentions if m.type == "PERSON"]
    for person in people:
        title = word_at(text, person.end, titles)
        evidence = evidence_of(text, person.start, person.end + len(title or ""))
        if title and person.start in orgs_by_end and title not in rules.group_titles:
            org = orgs_by_end[person.start]
            yield Relation("holds_position", person.entity, org.entity, evidence_of(text, org.start, evidence[0].end),
                           rules.chain_confidence, "title_after_name", title=title,
                           status=post_status_before(text, org.start, rules))
        elif home and title and home_name.endswith(rules.home_titles.get(title, ())) and person.start not in orgs_by_end:
            for holder in [*joined_before(text, person, people), person]:  # `秦博勇和|石爱中|常委`: both
                yield Relation("holds_position", holder.entity, home, evidence_of(text, holder.start, evidence[0].end),
                               rules.home_confidence, "home_title", title=title, status="current")
        elif home and (before := opening_title(text, person.start, titles)) \
                and home_name.endswith(rules.home_titles.get(before, ())):
            yield Relation("holds_position", person.entity, home, evidence_of(text, person.start - len(before), person.end),
                           rules.home_confidence, "home_title", title=before, status="current")
        elif (before := opening_title(text, person.start, titles)) and (subject := _subject_before(
                text, person.start - len(before), orgs_by_start)) and subject.entity.endswith(rules.home_titles.get(before, ())):
            yield Relation("holds_position", person.entity, subject.entity, evidence_of(text, subject.start, person.end),
                           rules.home_confidence, "home_title", title=before, status="current")
        elif home and (counted := COUNTED_MEMBERS.match(text, person.end)) \
                and (post := word_at(text, counted.end(), titles)) and home_name.endswith(rules.home_titles.get(post, ())):
            for member in listed_up_to(text, person.end, people, rules.list_item_gap):  # `曹培玺、宋海…等12位|常委`
                yield Relation("holds_position", member.entity, home, evidence_of(text, member.start, counted.end() + len(post)),
                               rules.home_confidence, "home_title", title=post, status="current")


def _subject_before(text: str, start: int, orgs_by_start: dict[int, Anchored]) -> Anchored | None:
    """The organisation that begins the sentence before the one that begins at `start` (its subject: `香港中华总商会今天…
    举行…酒会。|会长曾宪梓…`), if any."""
    if not start or text[start - 1] not in SENTENCE_END_CHARS:
        return None
    return orgs_by_start.get(max(text.rfind(mark, 0, start - 1) for mark in SENTENCE_END_CHARS) + 1)
