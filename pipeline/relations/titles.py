"""Posts held by where a title stands: in a chain before a person (`国务院副总理李强`), or alone for a
person (`总书记强调`). Posts a verb states are `appointments`; titles after a name, `home_titles`."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from pipeline.analysis.former_marks import FORMER, without_former
from pipeline.analysis.sentences import CLAUSE_MARK_CHARS, SENTENCE_END_CHARS, opens_sentence
from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.governments import level_government, place_government
from pipeline.relations.mentions import (
    CLAUSE_MARKS,
    COMMAS,
    NAME_JOINERS,
    Anchored,
    evidence_of,
)
from pipeline.spans import Coverage
from pipeline.wordlists import ends_with_any, word_at, words_ending

LIST_MARK = "、"
BODY_JOINERS = (LIST_MARK, "和")  # between bodies that share the title after them


def title_chain_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                          rules: RelationRules) -> Iterator[tuple[Relation, Anchored]]:
    """`中共中央政治局常委、国务院副总理丁薛祥` → (丁薛祥, 中共中央政治局, 常委), (丁薛祥, 国务院, 副总理);
    `中国科协副主席兼秘书长X` → two titles at one body; `中央军委委员魏凤和、李作成` → the title is
    every coordinated name's; `代表团副团长X` → the title with its modifier (`副`).

    Also yields the organisation mention of each link, so other rules can skip it."""
    orgs_by_end: dict[int, Anchored] = {m.end: m for m in mentions if m.type == "ORG"}
    places_by_end = {m.end: m for m in mentions if m.type == "LOCATION"}
    people = [m for m in mentions if m.type == "PERSON"]
    held: dict[int, tuple[Relation, Anchored]] = {}  # a listed name's end → the first post of its list's chain
    for person in people:
        links = _chain_before(text, person, orgs_by_end, titles, rules, places_by_end) or _after_list(text, person, held, rules)
        for relation, org in links:
            yield relation, org
            for other in coordinated_people(text, person, people):
                held.setdefault(other.end, (relation, org))
                yield replace(relation, head=other.entity, evidence=evidence_of(text, org.start, other.end)), org


def _after_list(text: str, person: Anchored, held: dict[int, tuple[Relation, Anchored]],
                rules: RelationRules) -> list[tuple[Relation, Anchored]]:
    """The post after a comma that ends a list of a body's officers (`…副委员长王晨、曹建明，|秘书长|杨振武`): at that body;
    not after one officer alone (`省委书记李明，|秘书长|王刚`: the province's government may be his)."""
    title = next((t for t in rules.posts_after_lists if text.endswith(t, 0, person.start)), None)
    comma = person.start - len(title) - 1 if title else -1
    listed = held.get(comma) if comma >= 0 and text.startswith(COMMAS, comma) else None
    if listed is None:
        return []
    relation, org = listed
    return [(replace(relation, head=person.entity, title=title, evidence=evidence_of(text, org.start, person.end)), org)]


def coordinated_people(text: str, first: Anchored, people: list[Anchored]) -> list[Anchored]:
    """The names joined to `first` after it by `、`, `和`, `与` or `及` (`魏凤和、李作成、苗华`). A list ends at its
    conjunction, so a `、` after one joins a second group, and the conjunction ends the first (`中央军委主席江泽民和|乔石、
    朱镕基…等`): the names after it are no items of the first's list."""
    by_start = {m.start: m for m in people}
    joined, joiners, last = [], [], first
    while (joiner := next((j for j in NAME_JOINERS if text.startswith(j, last.end)), None)) \
            and (following := by_start.get(last.end + len(joiner))):
        joined.append(following)
        joiners.append(joiner)
        last = following
    conjunction = next((i for i, j in enumerate(joiners) if j != LIST_MARK), len(joiners))
    return joined[:conjunction] if LIST_MARK in joiners[conjunction:] else joined


def _chain_before(text: str, person: Anchored, orgs_by_end: dict[int, Anchored], titles: tuple[str, ...],
                  rules: RelationRules, places_by_end: dict[int, Anchored] | None = None
                  ) -> list[tuple[Relation, Anchored]]:
    """The posts of the title chain before `person`, with the status its first word gives (`原…所长X`: former, `新任…X`:
    new), or `FORMER` after its first body (`…集团原党委副书记、董事长X`)."""
    links = list(_chain_links(text, person, orgs_by_end, titles, rules, places_by_end or {}))
    if not links:
        return []
    start = min(org.start for _, org in links)
    former_within = FORMER in text[start:min(org.end for _, org in links) + len(FORMER)]  # `农业农村部|原|党组书记、部长`
    status = "former" if former_within else post_status_before(text, start, rules)
    return [(replace(relation, status=status), org) for relation, org in links] + _lead_membership(
        text, start, person, orgs_by_end, rules)


def _lead_membership(text: str, start: int, person: Anchored, orgs_by_end: dict[int, Anchored],
                     rules: RelationRules) -> list[tuple[Relation, Anchored]]:
    """The membership a sentence opens with before a comma and the chain that begins at `start` (`中央宣讲团成员，|中央财办
    副主任…祝卫东`: 成员 at 中央宣讲团, `lead_memberships`)."""
    end = start - 1  # where the comma before the chain begins
    title = next((t for t in rules.lead_memberships if text.endswith(t, 0, end)), None)
    org = orgs_by_end.get(end - len(title)) if title and text.startswith(COMMAS, end) else None
    if org is None or not opens_sentence(text, org.start):
        return []
    return [(Relation("holds_position", person.entity, org.entity, evidence_of(text, org.start, person.end),
                      rules.chain_confidence, "title_chain", title=title), org)]


def post_status_before(text: str, pos: int, rules: RelationRules) -> str:
    """`former`, `new` or `current`: what the words right before a title chain say of its posts."""
    for status in ("former", "new"):
        if any(text.startswith(w, pos - len(w)) for w in rules.post_status[status]):
            return status
    return "current"


DESCRIPTION_CHARS = 12  # the longest description of a person between a chain's posts (`中国载人航天工程总设计师`)
CONCURRENTLY = "兼"  # before a second post held at once (`…主席兼|武装部队总司令|布尔汉`)
DESCRIPTION = re.compile(
    f"[{LIST_MARK}{CONCURRENTLY}]([^{LIST_MARK}{CONCURRENTLY}，,。；;：:！？!?“”（）()\\s]{{1,{DESCRIPTION_CHARS}}})$")


def _after_description(text: str, title_start: int, orgs_by_end: dict[int, Anchored]) -> int:
    """Where a chain runs on before a title of no organisation that a description ends, listed after the chain's posts (`全
    国政协委员、|中国载人航天工程总设计师|周建平`, `…、|著名演员|冯远征`), or held at once at a body not named (`苏丹主权委员会
    主席兼|武装部队总司令|布尔汉`): at the description's start, after the list mark or 兼; `title_start` where none does (or an
    organisation ends inside it, whose post the title is)."""
    match = DESCRIPTION.search(text, max(0, title_start - DESCRIPTION_CHARS - 1), title_start)
    if match is None or any(match.start(1) < end <= title_start for end in orgs_by_end):
        return title_start
    return match.start(1)


ATTRIBUTIVE = "的"  # between a title chain and the name it describes


def _chain_links(text: str, person: Anchored, orgs_by_end: dict[int, Anchored], titles: tuple[str, ...],
                 rules: RelationRules, places_by_end: dict[int, Anchored]) -> Iterator[tuple[Relation, Anchored]]:
    """The chain's links, right to left. A post of a place (`北京市|市长`) names no organisation, so it holds no relation
    but at the place's government where the document names it (`government_heads`), and the chain runs on past the place
    and the places it lies in (`江苏省盐城市大丰区|区长`); so does one at a bare government (`…工党领袖、|政府总理|阿贝拉`). A
    chain may describe the name after 的 (`靖江市市委副书记、市长、市政协主席的|王新民`)."""
    pos = person.start
    if text.endswith(ATTRIBUTIVE, 0, pos) and _attached_title(text, pos - len(ATTRIBUTIVE), titles, orgs_by_end, rules):
        pos -= len(ATTRIBUTIVE)
    pending: list[str] = []  # bare titles shared with the next organisation's (`副主席兼秘书长`)
    ranks: list[str] = []  # bare committee ranks after `、` (`省委委员、常委、书记`)
    body_posts: list[str] = []  # other bare titles after `、`: the body's (`常委、秘书长`), its organ's body's (`党组书记、部长`)
    while pos > 0:
        attached = _attached_title(text, pos, titles, orgs_by_end, rules)
        if attached is None:
            break
        title, org = attached
        title_start = pos - len(title)
        if org:
            held = [title, *pending, *(ranks if title in rules.committee_ranks else ())]
            for body in _sharing_bodies(text, org, orgs_by_end):
                for post in held:
                    yield Relation("holds_position", person.entity, body.entity,
                                   evidence_of(text, body.start, person.end), rules.chain_confidence, "title_chain",
                                   title=post), body
                pos = body.start
            yield from _listed_posts(text, person, org, body_posts, orgs_by_end, rules)
            pending, ranks, body_posts = [], [], []
        elif title_start in places_by_end:
            place = places_by_end[title_start]
            government = place_government(text[place.start:place.end], title, orgs_by_end, rules)
            if government:  # `武汉市|市长|王守海` where the document names 武汉市政府
                yield Relation("holds_position", person.entity, government.entity, evidence_of(text, place.start, person.end),
                               rules.chain_confidence, "title_chain", title=title), government
            pos, pending, ranks, body_posts = place.start, [], [], []
            while pos in places_by_end:  # `江苏省盐城市|大丰区|区长`: over the places it lies in
                pos = places_by_end[pos].start
        elif government := next((g for g in rules.governments if text.startswith(g, title_start - len(g))), None):
            pos = title_start - len(government)  # `工党领袖、|政府|总理|阿贝拉`: the country's, named nowhere
        elif (government := level_government(title, title_start, orgs_by_end, rules)) \
                and not _after_other_committee(text, title_start, government):  # `省长|回良玉`, the one 省政府 named
            yield Relation("holds_position", person.entity, government.entity, evidence_of(text, title_start, person.end),
                           rules.chain_confidence, "title_chain", title=title), government
            pos = title_start
        else:
            pos = _after_description(text, title_start, orgs_by_end)
            if title not in rules.unattached_titles and pos == title_start:
                pending.append(title)
        separators = rules.separators + rules.post_commas + (rules.post_joiners if org else ())
        separator = next((s for s in separators if text.startswith(s, pos - len(s))), None)
        if separator is None or (separator in rules.post_commas
                                 and text.endswith(rules.lead_memberships, 0, pos - len(separator))):
            break  # `会议要求中央宣讲团成员，|…韩俊`: a group's members, unless the sentence opens with them (`_lead_membership`)
        if separator not in rules.shared_title_separators:
            ranks = ranks + pending if all(t in rules.committee_ranks for t in pending) else []
            body_posts = body_posts + [t for t in pending if t not in rules.committee_ranks]
            pending = []
        pos -= len(separator)


def _organ_body_posts(text: str, person: Anchored, organ: Anchored, posts: list[str],
                      orgs_by_end: dict[int, Anchored], rules: RelationRules) -> Iterator[tuple[Relation, Anchored]]:
    """The `posts` listed after a title at a body's party organ (`农业部党组副书记、|副部长|刘成果`), held at the body (`农
    业部`), where the document names it right before the organ's name, or anywhere by the name the organ's begins with (`国
    家教委|党组书记、副主任陈至立`, 国家教委 named before; `省应急管理厅`, written so before though named 江苏省应急管理厅
    )."""
    name = text[organ.start:organ.end]
    suffix = next((s for s in rules.party_organs if name.endswith(s) and len(name) > len(s)), None)
    if suffix is None:
        return
    body_name = without_former(name[:-len(suffix)])
    body = orgs_by_end.get(organ.start + len(body_name))
    if body is None or body.start != organ.start:
        body = next((m for m in orgs_by_end.values() if m.entity == f"ORG:{body_name}" or text[m.start:m.end] == body_name),
                    None)
    if body is None:
        return
    for post in posts:
        yield Relation("holds_position", person.entity, body.entity, evidence_of(text, organ.start, person.end),
                       rules.chain_confidence, "title_chain", title=post), body


PLACE_COMMITTEE = re.compile(r"(?:中共)?(?P<place>.+[省市县区州])委")


COMMITTEE_POST_BEFORE = re.compile(r"(?P<place>[^，。、；\s,;]{2,10}?[省市县区州])委(?:常委|副书记|书记)、$")


def _listed_posts(text: str, person: Anchored, org: Anchored, posts: list[str], orgs_by_end: dict[int, Anchored],
                  rules: RelationRules) -> Iterator[tuple[Relation, Anchored]]:
    """Where the bare `posts` listed after a post at `org` are held: after a party organ's, at its body (`农业部党组副书记、
    |副部长`); after a place's committee's, at the place's government (`天津市委书记、|市长`); else at `org` itself (`中央纪
    委常委、|秘书长|袁纯清`), those a body may give (`RelationRules.body_post`)."""
    name = org.entity.partition(":")[2]
    if name.endswith(rules.party_organs):
        yield from _organ_body_posts(text, person, org, posts, orgs_by_end, rules)
    elif PLACE_COMMITTEE.fullmatch(name):
        yield from _committee_government_posts(text, person, org, posts, orgs_by_end, rules)
    else:
        for post in filter(rules.body_post, posts):
            yield Relation("holds_position", person.entity, org.entity, evidence_of(text, org.start, person.end),
                           rules.chain_confidence, "title_chain", title=post), org


def _after_other_committee(text: str, title_start: int, government: Anchored) -> bool:
    """Whether the title is listed after a post at another place's party committee (`天津市委书记、|市长` where the one city
    government named is 北京市政府): that place's head of government, not this one's."""
    before = COMMITTEE_POST_BEFORE.search(text, max(0, title_start - 16), title_start)
    return before is not None and not government.entity.partition(":")[2].startswith(before.group("place"))


def _committee_government_posts(text: str, person: Anchored, committee: Anchored, posts: list[str],
                                orgs_by_end: dict[int, Anchored], rules: RelationRules) -> Iterator[tuple[Relation, Anchored]]:
    """The head of government's posts listed after a title at a place's party committee (`天津市委书记、|市长| 张立昌`),
    held at that place's government where the document names it (`天津市政府`)."""
    place = PLACE_COMMITTEE.fullmatch(committee.entity.partition(":")[2])
    for post in posts:
        government = place_government(place.group("place"), post, orgs_by_end, rules) \
            if place and post in rules.government_heads and post[-2] == place.group("place")[-1] else None
        if government:
            yield Relation("holds_position", person.entity, government.entity, evidence_of(text, committee.start, person.end),
                           rules.chain_confidence, "title_chain", title=post), government


def _sharing_bodies(text: str, org: Anchored, orgs_by_end: dict[int, Anchored]) -> list[Anchored]:
    """The organisation a title follows, and those listed or joined right before it that share the title (`中国天主教爱国会
    、中国天主教主教团|名誉主席`, `国务委员会和部长会议|主席`: both bodies')."""
    bodies = [org]
    while text[bodies[-1].start - 1:bodies[-1].start] in BODY_JOINERS and bodies[-1].start - 1 in orgs_by_end:
        bodies.append(orgs_by_end[bodies[-1].start - 1])
    return bodies


def opening_title(text: str, start: int, titles: tuple[str, ...], ranks: tuple[str, ...] = ()) -> str | None:
    """The title right before `start`, with the first of `ranks` written before it (`副|主任委员`), that opens its clause (`
    ，总经理|关景华`), so that no body is named before it."""
    title = ends_with_any(text, start, titles)
    if not title:
        return None
    title = next((r for r in ranks if text.endswith(r + title, 0, start)), "") + title
    return title if start == len(title) or text[start - len(title) - 1] in CLAUSE_MARK_CHARS else None


def ranked_title_at(text: str, pos: int, titles: tuple[str, ...], rules: RelationRules) -> str | None:
    """The longest title that begins at `pos`, with the rank before it (`副检察长`, `常务副主席`)."""
    found = [word_at(text, pos, titles) or ""]
    found += [p + t for p in rules.title_modifiers if text.startswith(p, pos) and (t := word_at(text, pos + len(p), titles))]
    return max(found, key=len) or None


def _attached_title(text: str, pos: int, titles: tuple[str, ...], orgs_by_end: dict[int, Anchored],
                    rules: RelationRules) -> tuple[str, Anchored | None] | None:
    """The title (with its modifier) that ends at `pos`, and the organisation it follows: the longest title that follows
    one, a shorter one where the longer takes the organisation's last characters (`中央纪委|书记`, not `中央|纪委书记`);
    else the longest title, with None."""
    found = []
    for title in words_ending(text, pos, titles):
        modifier = next((p for p in rules.title_modifiers if text.startswith(p, pos - len(title) - len(p))), "")
        title = modifier + title
        org = None if title in rules.unattached_titles else _org_before(text, pos - len(title), orgs_by_end, rules)
        if org:
            return title, org
        found.append(title)
    organ = next((o for o in rules.party_organs if text.endswith(o, 0, pos - len(found[0]))), "") if found else ""
    if organ and text.endswith(rules.shared_title_separators, 0, pos - len(found[0]) - len(organ)):
        return organ + found[0], None  # `总经理兼|党委书记|陈铭`: the post at the organ of the body before
    return (found[0], None) if found else None


# no modifier between a body and its title holds a sentence's end (`合资。|总经理戴锡榕`; a comma may: `广济医院，医院|院长`)
# or begins with a conjunction or a preposition, whose phrase the title begins (`国家农民党和民主党|因运输|部长伯塞斯库`)
GAP_BREAK = re.compile(f"[{SENTENCE_END_CHARS}；;]|^[和与及同跟因由对向在为被将把从]")


def _org_before(text: str, title_start: int, orgs_by_end: dict[int, Anchored], rules: RelationRules) -> Anchored | None:
    """The organisation whose title starts at `title_start`: it ends there, or a few modifier characters before (`首届`),
    with no chain separator between nor a `GAP_BREAK`, or with the title's first character (`国防部|长`: 国防部部长)."""
    fused = orgs_by_end.get(title_start + 1)
    if fused and fused.start < title_start:
        return fused
    for gap in range(rules.max_gap_chars + 1):
        candidate = orgs_by_end.get(title_start - gap)
        if candidate and not any(s in text[candidate.end:title_start] for s in rules.separators) \
                and not GAP_BREAK.search(text[candidate.end:title_start]):
            return candidate
    return None


def bare_title_mentions(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                        chain: list[tuple[Relation, Anchored]], group_titles: frozenset[str] = frozenset(),
                        compounds: tuple[str, ...] = ()) -> list[Anchored]:
    """A title standing alone (`总书记强调`) that one person of the document holds, and no other, is a mention of that
    person. Titles next to a name, inside a mention or inside a title chain (`…中央委员会第一|书记|、…迪亚斯-卡内尔`) are
    not bare; a title word after a name that governs a name after it is a verb (`习近平代表中共中央`), no title; a title of
    membership or profession (`group_titles`: `代表`, `委员`, `专家`) that stands alone names a group (`各界代表`), not one
    person; nor does a title that modifies a noun after it (`compounds`: `主席会议`, `主席团`)."""
    holders: dict[str, set[str]] = {}
    for relation, _ in chain:
        holders.setdefault(relation.title or "", set()).add(relation.head)
    people = [m for m in mentions if m.type == "PERSON"]
    starts = {m.start for m in mentions}
    verbs = set()
    for person in people:
        title = word_at(text, person.end, titles)
        if title:
            holders.setdefault(title, set()).add(person.entity)
            if person.end + len(title) in starts:
                verbs.add(title)
    chains = [(span.start, span.end) for relation, _ in chain for span in relation.evidence]
    taken = Coverage(len(text), [(m.start, m.end) for m in mentions] + chains)
    person_edges = {m.end for m in people} | {m.start for m in people}
    found = []
    for title, heads in holders.items():
        if len(heads) != 1 or not title or title in verbs or title in group_titles:
            continue
        (head,) = heads
        start = text.find(title)
        while start >= 0:
            end = start + len(title)
            free = taken.free(start, end)
            at_a_name = start in person_edges or end in person_edges
            if free and not at_a_name and not _title_continues(text, start, end, titles) \
                    and not text.startswith(compounds, end):
                found.append(Anchored(start, end, "PERSON", head))
            start = text.find(title, end)
    return found


def _title_continues(text: str, start: int, end: int, titles: tuple[str, ...]) -> bool:
    """Whether the occurrence is part of a longer title (`副主任` for `主任`)."""
    return any(len(t) > end - start and text.find(t, max(0, end - len(t)), start + len(t)) != -1 for t in titles)


def ends_with_title(text: str, end: int, titles: tuple[str, ...], group_titles: frozenset[str] = frozenset(),
                    people_starts: frozenset[int] = frozenset()) -> bool:
    """Whether a title follows position `end` (`国务院|副总理`), or a two-character one shares the name's last character (`
    国防部|长`: 国防部部长): the organisation names a post. A title many hold (`group_titles`) with no name after it in its
    clause names the body's members (`国家科技领导小组成员，…参加`, `学部主席团成员、各学部院士代表…参加`), who stand for
    the body: no post (but `政治局常委、…组长蔡奇` is one)."""
    fused = word_at(text, end - 1, titles) if end > 0 else None
    title = word_at(text, end, titles)
    if title in group_titles:
        after = end + len(title)
        clause_end = CLAUSE_MARKS.search(text, after)
        if not any(after <= p < (clause_end.start() if clause_end else len(text)) for p in people_starts):
            return False
    return title is not None or (fused is not None and len(fused) == 2)
