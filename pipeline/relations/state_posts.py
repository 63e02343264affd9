"""Posts of a state body held where the document names the body, though the post names none
(`张春贤副委员长主持`, `国务委员李铁映、迟浩田`, `国务委员兼外交部长王毅`: the guidelines' `国务院总理` → 国务院)."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import CLAUSE_MARKS, Anchored, evidence_of
from pipeline.relations.titles import coordinated_people
from pipeline.wordlists import ends_with_any, word_at

POST_OF_PLACE_CHARS = 15  # a place's posts before a name (`马耳他|副总理兼外交和环境部长|乔治·韦拉`)


def implied_body_relations(text: str, mentions: list[Anchored], rules: RelationRules) -> Iterator[Relation]:
    """`张春贤副委员长主持`, `国务委员李铁映、迟浩田`, `国务委员兼外交部长王毅`: a post of one state body
    (`rules.implied_bodies`) right after a name, right before it with nothing before the title that
    names a body or a place, or beginning a chain of posts it shares by 兼, is held at that body
    where the document names it (the first organisation of the document with one of its names, or
    ending in one); not by a person a place's post names elsewhere in the document (`新加坡总理黄循财`,
    `马耳他副总理兼外交和环境部长乔治·韦拉`: a place a few characters before the name in its clause)."""
    people = [m for m in mentions if m.type == "PERSON"]
    qualified = {m.end for m in mentions if m.type in ("ORG", "LOCATION")}
    place_ends = sorted(m.end for m in mentions if m.type == "LOCATION")
    for names, posts in rules.implied_bodies:
        body = named_body(mentions, names)
        if body is None:
            continue
        def named_before(start: int) -> bool:  # a body or place ends right before, or a modifier before (`第一`),
            return any(start - gap in qualified and not any(c in CHAIN_OPENERS for c in text[start - gap:start])
                       for gap in range(rules.max_gap_chars + 1))  # not a list's earlier post (`中共中央政治局委员、|国务委员`)
        foreign = {p.entity for p in people if _place_post(text, p.start, place_ends)}
        for person in people:
            direct = ends_with_any(text, person.start, posts)
            before = direct or _shared_post(text, person.start, posts, rules)
            after = word_at(text, person.end, posts)
            held = [person, *coordinated_people(text, person, people)] if before else [person] if after else []
            if direct and named_before(person.start - len(direct)):
                continue
            for p in held:
                if p.entity not in foreign:
                    yield Relation("holds_position", p.entity, body.entity, evidence_of(text, p.start, p.end),
                                   rules.appointment_confidence, "implied_body", title=before or after, status="current")


def named_body(mentions: list[Anchored], names: tuple[str, ...]) -> Anchored | None:
    """The first organisation of the document with one of a state body's `names`, or ending in one (`十四届全国人大常委会`)."""
    return next((m for m in mentions if m.type == "ORG" and m.entity.split(":", 1)[1].endswith(names)), None)


SHARED_POST_CHARS = 16  # from a post shared by 兼 to the name the chain ends in, at most
CHAIN_OPENERS = "。！？!?，,、：:；;\n 和与及"  # what a chain of posts begins after (a clause, a list or a conjunction)


def _shared_post(text: str, start: int, posts: tuple[str, ...], rules: RelationRules) -> str | None:
    """The post that begins a chain of posts joined by 兼 before a name (`国务委员兼外交部长|王毅`), after
    a clause or list mark, at most `SHARED_POST_CHARS` before the name and in its clause."""
    lo = max(0, start - SHARED_POST_CHARS)
    for post in posts:
        for separator in rules.shared_title_separators:
            at = text.find(post + separator, lo, start)
            if at != -1 and (at == 0 or text[at - 1] in CHAIN_OPENERS) and not CLAUSE_MARKS.search(text, at, start):
                return post
    return None


def _place_post(text: str, start: int, place_ends: list[int]) -> bool:
    """Whether a place ends a few characters before `start`, in its clause."""
    i = bisect_right(place_ends, start) - 1
    return i >= 0 and start - place_ends[i] <= POST_OF_PLACE_CHARS and not CLAUSE_MARKS.search(text, place_ends[i], start)


def place_body_relations(text: str, mentions: list[Anchored], rules: RelationRules) -> Iterator[Relation]:
    """`伊朗外长扎里夫`, `牙买加参议长塔瓦雷斯-芬森`: a post that names its body's kind (`rules.place_body_posts`) between a
    place and a name is held at the place's body of that kind where the document names it (`伊朗外交部`, `牙买加参议院`)."""
    if not rules.place_body_posts:
        return
    posts = tuple(rules.place_body_posts)
    places = {m.end: m for m in mentions if m.type == "LOCATION"}
    bodies = {m.entity.split(":", 1)[1]: m.entity for m in mentions if m.type == "ORG"}
    for person in (m for m in mentions if m.type == "PERSON"):
        post = ends_with_any(text, person.start, posts)
        place = places.get(person.start - len(post)) if post else None
        if place is None:
            continue
        named = text[place.start:place.end]
        body = next((bodies[name] for name in sorted(bodies) if name.startswith(named)
                     and name[len(named):] in rules.place_body_posts[post]), None)
        if body:
            yield Relation("holds_position", person.entity, body, evidence_of(text, place.start, person.end),
                           rules.chain_confidence, "place_body", title=post, status="current")
