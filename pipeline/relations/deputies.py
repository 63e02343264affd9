"""Posts listed after the head of their body: `市委书记吴敦夫、副书记张国文` (a list of a place's leaders
names the body once, for its first post; a deputy's bare title in the same list is that post's deputy there),
`全国政协副主席王兆国、秘书长朱训` (a bare title right after a name with its body's post is a post there),
`宪法法律委副主任委员周光权作的…报告。副主任委员徐辉作的…` (a bare title of the same post carries the body on)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.analysis.sentences import SENTENCE_END
from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import NAME_JOINERS, Anchored, evidence_of
from pipeline.relations.titles import coordinated_people, opening_title, ranked_title_at
from pipeline.wordlists import word_at

DEPUTY_RANKS = ("常务副", "副")  # longest first
LIST_MARKS = "、，,"  # what separates the items of a list of posts
MAX_LIST_CHARS = 40  # how far after the head's name a deputy of the same list may stand
MAX_CARRY_CHARS = 80  # how far after the last holder of a post a bare title of its rank carries its body on


def listed_title_relations(text: str, mentions: list[Anchored], chain: list[tuple[Relation, Anchored]],
                           titles: tuple[str, ...], rules: RelationRules) -> Iterator[Relation]:
    """The posts a title chain's body gives to the people after it by a bare title: its deputies, the posts
    listed after it and the same post carried on."""
    yield from listed_deputy_relations(text, mentions, chain, rules.chain_confidence)
    yield from listed_post_relations(text, mentions, chain, titles, rules)
    yield from carried_post_relations(text, mentions, chain, titles, rules)


def listed_deputy_relations(text: str, mentions: list[Anchored], chain: Iterable[tuple[Relation, Anchored]],
                            confidence: float) -> Iterator[Relation]:
    """For each post of a title chain that ends in a name (`市委书记吴敦夫`), the people later in its list whose
    bare title is its deputy's (`、副书记张国文`, `、省长宋宝瑞、副书记张中伟`), with those listed with them:
    they hold it at the same body. Not across a sentence end, nor where the deputy's title is a longer one's
    end (`党组副书记`: its own body)."""
    people = [m for m in mentions if m.type == "PERSON"]
    for relation, org in chain:
        if relation.title is None or relation.title.startswith(DEPUTY_RANKS):
            continue
        after = relation.evidence[0].end
        for person in people:
            if not after < person.start <= after + MAX_LIST_CHARS or SENTENCE_END.search(text[after:person.start]):
                continue
            rank = next((r for r in DEPUTY_RANKS if text.endswith(r + relation.title, 0, person.start)), None)
            title_start = person.start - len(relation.title) - len(rank or "")
            if rank is None or text[title_start - 1:title_start] not in LIST_MARKS:
                continue
            for deputy in [person, *coordinated_people(text, person, people)]:
                yield Relation("holds_position", deputy.entity, org.entity, evidence_of(text, org.start, deputy.end),
                               confidence, "listed_deputy", rank + relation.title)


def listed_post_relations(text: str, mentions: list[Anchored], chain: Iterable[tuple[Relation, Anchored]],
                          titles: tuple[str, ...], rules: RelationRules) -> Iterator[Relation]:
    """The people joined right after a name whose chain ends in a post at a body (`全国政协副主席王兆国、`), by a
    bare title of theirs (`秘书长朱训和|副秘书长朱作霖、王巨禄`, `…部队司令员于长江、|政委林庆华`; a form of address
    between: `副社长吉马迪先生、|总编辑吉斯贝尔先生`), with those listed
    with them: they hold it at that body, as a title a body may give (`RelationRules.body_post`: not `省委书记X、|省长Y`)."""
    people = [m for m in mentions if m.type == "PERSON"]
    starting = {m.start: m for m in people}
    nearest: dict[int, tuple[Relation, Anchored]] = {}
    for relation, org in chain:
        end = relation.evidence[0].end
        if relation.evidence[0].start == org.start and (end not in nearest or org.end > nearest[end][1].end):
            nearest[end] = (relation, org)  # the post right before the name (`政治局委员、全国政协|副主席|王兆国`)
    for end, (relation, org) in nearest.items():
        end += len(word_at(text, end, rules.appointment_skips) or "")  # `吉马迪先生、|总编辑吉斯贝尔`
        while (joiner := next((j for j in NAME_JOINERS if text.startswith(j, end)), None)) \
                and (title := ranked_title_at(text, end + len(joiner), titles, rules)) and rules.body_post(title) \
                and (person := starting.get(end + len(joiner) + len(title))) and person.end not in nearest:
            listed = [person, *coordinated_people(text, person, people)]
            for holder in listed:
                yield Relation("holds_position", holder.entity, org.entity, evidence_of(text, org.start, holder.end),
                               relation.confidence, "listed_post", title)
            end = listed[-1].end + len(word_at(text, listed[-1].end, rules.appointment_skips) or "")


def carried_post_relations(text: str, mentions: list[Anchored], chain: Iterable[tuple[Relation, Anchored]],
                           titles: tuple[str, ...], rules: RelationRules) -> Iterator[Relation]:
    """A bare title that opens a clause, the post or the deputy's post a body gave the name before it
    (`宪法法律委副主任委员周光权作的…报告。|副主任委员徐辉作的…，|主任委员李飞作的…`): held at that body, as the
    speakers of a run of reports carry it on, each at most `MAX_CARRY_CHARS` after the last. Not a title a body
    may not give (`RelationRules.body_post`)."""
    posts: dict[int, tuple[Relation, Anchored]] = {}
    for relation, org in chain:
        end = relation.evidence[0].end
        if relation.title and (end not in posts or org.end > posts[end][1].end):
            posts[end] = (relation, org)
    # the last holder's end, the post's title without its rank, the post's relation and its body
    carried: tuple[int, str, Relation, Anchored] | None = None
    named = (m for m in mentions if m.type == "PERSON" and text[m.start:m.end] not in titles)  # not `秘书长` for its holder
    for person in sorted(named, key=lambda m: m.start):
        if person.end in posts:
            relation, org = posts[person.end]
            carried = (person.end, _rank_free(relation.title or ""), relation, org)
        elif carried and person.start - carried[0] <= MAX_CARRY_CHARS \
                and (title := opening_title(text, person.start, titles, DEPUTY_RANKS)) \
                and _rank_free(title) == carried[1] and rules.body_post(title):
            relation, org = carried[2], carried[3]
            yield Relation("holds_position", person.entity, org.entity, evidence_of(text, person.start - len(title), person.end),
                           relation.confidence, "carried_post", title)
            carried = (person.end, carried[1], relation, org)


def _rank_free(title: str) -> str:
    return next((title[len(r):] for r in DEPUTY_RANKS if title.startswith(r)), title)
