"""Posts a verb states: appointments (`任命…为…`, `X当选为…`), the leader a relative clause names
(`以…为团长的…`), and dismissals (`免去…的…职务`); and the posts set off after a name by a bracket
(`闵耀良（农业部市场信息司司长）`, as the list of speakers of a forum's report writes them), a comma or nothing in a
list (`李东生ＴＣＬ集团董事长`)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.analysis.sentences import CLAUSE_MARK_CHARS, SENTENCE_END
from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import (
    CLAUSE_MARKS,
    COMMAS,
    COORDINATORS,
    LISTED_AFTER,
    NAME_JOINERS,
    OPENING_BRACKETS,
    Anchored,
    closing_bracket,
    evidence_of,
    listed_from,
)
from pipeline.relations.references import antecedent
from pipeline.relations.state_posts import named_body
from pipeline.relations.titles import LIST_MARK, post_status_before, ranked_title_at
from pipeline.wordlists import ends_with_any, word_at, words_ending

DISMISSAL_WINDOW = 12  # `免去` may govern several names: `免去张三、李四的…职务`
ADVERBIAL_WINDOW = 12  # characters of adverbials between an appointee and the verb at most


def appointment_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                          rules: RelationRules, sentences: list[tuple[int, int]] = ()) -> Iterator[Relation]:
    """`张又侠、何卫东同志为中华人民共和国中央军事委员会副主席` → holds_position for each person;
    `new` when the verb or the word before the names makes the appointment (`当选为`, `任命…为`),
    `former` when an adverbial or the verb says it was held before (`曾担任`, `历任`). Adverbials may
    stand between the names and the verb (`钟敬之曾担任…`), and the posts listed after the first are
    held too (`任全国文联委员、中国作协副主席`, `任河北省委委员、常委、书记`); the people listed after a
    relative clause of the appointment hold the post (`被推选为主席团常务主席的还有A、B`). A clause that
    begins with the verb leaves its subject unsaid (`…。先后任…科长`): with `sentences`, its `antecedent`. So are the
    appointments to a post of one state body that names none (`implied_appointment_relations`)."""
    people_by_end = {m.end: m for m in mentions if m.type == "PERSON"}
    orgs_by_start = {m.start: m for m in mentions if m.type == "ORG"}
    for org in (m for m in mentions if m.type == "ORG"):
        title = ranked_title_at(text, org.end, titles, rules)
        verb = next((v for v in rules.appointment_verbs if text.startswith(v, org.start - len(v))), None)
        if not title or not verb or text.startswith(rules.title_compounds, org.end + len(title)):
            continue
        people, adverbial = _appointed(text, org.start - len(verb), verb, people_by_end, rules, titles)
        if not people and verb in rules.unsaid_subject_verbs and sentences:
            people, adverbial = _unsaid_subject(text, org.start - len(verb), sentences, people_by_end, rules)
        if not people and (listed := LISTED_AFTER.match(text, org.end + len(title))):
            people = listed_from(text, listed.end(), list(people_by_end.values()), rules.list_item_gap)  # `…的还有A、B`
        if not people:
            continue
        status = _appointment_status(text, verb, adverbial, people[0], rules)
        for held_at, held, end in _listed_posts(text, org, title, orgs_by_start, people_by_end, titles, rules):
            for p in people:
                yield Relation("holds_position", p.entity, held_at.entity, evidence_of(text, p.start, end),
                               rules.appointment_confidence, "appointment", title=held, status=status)
    yield from implied_appointment_relations(text, mentions, titles, rules)
    yield from joining_relations(text, mentions, rules, sentences)


PARTY_ENDS = ("党", "中共")  # the names of parties (`中国共产党`, `国民党`, `中共`)
ACTING = "代"  # `代省长`: an acting post


def joining_relations(text: str, mentions: list[Anchored], rules: RelationRules,
                      sentences: list[tuple[int, int]] = ()) -> Iterator[Relation]:
    """`黄公略…１９２７年参加广州起义时加入中国共产党` → holds_position(黄公略, 中国共产党, 党员): who joins a party
    (`joining_verbs`) holds its `member_title`; a clause that begins with the verb leaves its subject unsaid, a
    biography's (`欧阳洛…。1924年加入中国共产党。`)."""
    people_by_end = {m.end: m for m in mentions if m.type == "PERSON"}
    for party in (m for m in mentions if m.type == "ORG" and text[m.start:m.end].endswith(PARTY_ENDS)):
        verb = next((v for v in rules.joining_verbs if text.endswith(v, 0, party.start)), None)
        if verb is None:
            continue
        people, _ = _appointed(text, party.start - len(verb), verb, people_by_end, rules)
        if not people and sentences:
            people, _ = _unsaid_subject(text, party.start - len(verb), sentences, people_by_end, rules)
        for p in people:
            yield Relation("holds_position", p.entity, party.entity, evidence_of(text, p.start, party.end),
                           rules.appointment_confidence, "joining", title=rules.member_title)


def implied_appointment_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                                  rules: RelationRules) -> Iterator[Relation]:
    """`李尚福、王小洪、吴政隆、谌贻琴、秦刚同志为国务委员`: an appointment to a post of one state body that names no
    body (`implied_bodies`) is held at that body where the document names it, as the post next to a name is; not a
    head of government's (`government_heads`: `…当选为总理`), which names another country's government as often."""
    people_by_end = {m.end: m for m in mentions if m.type == "PERSON"}
    for names, posts in rules.implied_bodies:
        body = named_body(mentions, names)
        for post in (p for p in posts if p not in rules.government_heads) if body else ():
            for at in (m.start() for m in re.finditer(post, text)):
                verb = next((v for v in rules.appointment_verbs if text.endswith(v, 0, at)), None)
                if verb is None or text.startswith(rules.title_compounds, at + len(post)):
                    continue
                people, adverbial = _appointed(text, at - len(verb), verb, people_by_end, rules, titles)
                if not people:
                    continue
                status = _appointment_status(text, verb, adverbial, people[0], rules)
                for p in people:
                    yield Relation("holds_position", p.entity, body.entity, evidence_of(text, p.start, at + len(post)),
                                   rules.appointment_confidence, "appointment", title=post, status=status)


def _appointment_status(text: str, verb: str, adverbial: str, first: Anchored, rules: RelationRules) -> str:
    """`former` where the verb or an adverbial says the post was held before (`曾担任`, `历任`), `new` where the verb
    or the word before the names makes the appointment (`当选为`, `任命…为`), else `current`."""
    appointing = rules.post_status["appointing"]
    if any(w in verb + adverbial for w in rules.appointment_former):
        return "former"
    if verb in appointing or any(text.startswith(w, first.start - len(w)) for w in appointing):
        return "new"
    return "current"


def apposed_post_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                             rules: RelationRules) -> Iterator[Relation]:
    """`闵耀良（农业部市场信息司司长）` → holds_position(闵耀良, 农业部市场信息司, 司长): a bracket right after
    a name that holds posts, an organisation and its title each (`、` between them, or a bare committee rank
    after a rank), then perhaps more of its description, gives the person those posts (`former` after 原:
    `（原…部长）`, `new` after 新任); so do posts set off after a name by a comma, or by nothing in a list without
    marks, that end their clause (`韩济生，北京医科大学…所长、…`, `…征文|李东生ＴＣＬ集团董事长`), but not a chain
    before another name."""
    people_by_end = {m.end: m for m in mentions if m.type == "PERSON"}
    people_starts = frozenset(m.start for m in people_by_end.values())
    orgs_by_start = {m.start: m for m in mentions if m.type == "ORG"}
    for person in people_by_end.values():
        bracketed, marked = text.startswith(OPENING_BRACKETS, person.end), text.startswith(COMMAS, person.end)
        start = person.end + int(bracketed or marked)
        start += len(next((w for w in rules.post_status["former"] + rules.post_status["new"] if text.startswith(w, start)), ""))
        status = post_status_before(text, start, rules)
        org = orgs_by_start.get(start)
        title = ranked_title_at(text, org.end, titles, rules) if org else None
        if not title:
            continue
        posts = list(_listed_posts(text, org, title, orgs_by_start, people_by_end, titles, rules))
        end = posts[-1][2]
        if _closes_description(text, end, titles) if bracketed else _ends_description(text, end, marked, people_starts):
            for held_at, held, _ in posts:
                yield Relation("holds_position", person.entity, held_at.entity, evidence_of(text, person.start, end + bracketed),
                               rules.appointment_confidence, "bracketed_post" if bracketed else "appositive_post",
                               title=held, status=status)


def _closes_description(text: str, end: int, titles: tuple[str, ...]) -> bool:
    """Whether the bracket after a name that holds posts up to `end` closes there, or after more posts in the same
    sentence, which end in a title (`罗明（中央电视台副总编辑、总编室主任）`: a unit nothing found;
    `罗青长（原中顾委委员，《潘汉年》总顾问）`; not `（北京大学校长，1998年）`), or after a list's mark, one more item of the
    description within its clause (`杨伟光（中央电视台台长、《潘汉年》总监制）`)."""
    close = closing_bracket(text, end)
    if close > end and text.startswith(LIST_MARK, end) and not CLAUSE_MARKS.search(text, end, close):
        return True
    return close == end or close > end and not SENTENCE_END.search(text, end, close) and text.endswith(titles, end, close)


def _ends_description(text: str, end: int, marked: bool, people_starts: frozenset[int]) -> bool:
    """Whether posts after a name that end at `end` describe it: their clause ends there, or, after a comma, goes
    on listing descriptions (`…所长、中国科学院院士、博士生导师，`) with no name after them, whose posts they would
    be (`…阿嘉·洛桑图旦，中国佛教协会副会长、拉卜楞寺活佛嘉木样…`); not posts an object names (`免去吴英杰|政协…常务委员、
    …主任职务`)."""
    if text[end:end + 1] in (*CLAUSE_MARK_CHARS, ""):
        return True
    if not marked:
        return False
    clause_end = mark.start() if (mark := CLAUSE_MARKS.search(text, end)) else len(text)
    return text.startswith(LIST_MARK, end) and not any(end < p < clause_end for p in people_starts)


def _appointed(text: str, pos: int, verb: str, people_by_end: dict[int, Anchored],
               rules: RelationRules, titles: tuple[str, ...] = ()) -> tuple[list[Anchored], str]:
    """The coordinated people whose appointment verb begins at `pos`, and the adverbials between; a
    form of address or a title may follow a name (`何卫东同志|为`, `习近平主席|再次当选`)."""
    gap = None if verb == "为" else rules.appointment_adverbials.search(text, max(0, pos - ADVERBIAL_WINDOW), pos)
    for at in ([gap.start()] if gap else []) + [pos]:
        skip = next((w for w in rules.appointment_skips if text.startswith(w, at - len(w))), "") \
            or ends_with_any(text, at, titles) or ""
        person = people_by_end.get(at - len(skip)) or people_by_end.get(at)  # `何卫东同志` may be one mention
        people = []
        while person:
            people.insert(0, person)
            separator = text[person.start - 1:person.start] if person.start else ""
            person = people_by_end.get(person.start - 1) if separator in COORDINATORS else None
        if people:
            return people, text[at:pos]
    return [], ""


def _post_clause_after(text: str, end: int, orgs_by_start: dict[int, Anchored], titles: tuple[str, ...],
                       rules: RelationRules) -> bool:
    """Whether a comma at `end` begins a clause that is only an organisation and its title."""
    org = orgs_by_start.get(end + 1) if text.startswith(COMMAS, end) else None
    title = ranked_title_at(text, org.end, titles, rules) if org else None
    return bool(title) and text[org.end + len(title):org.end + len(title) + 1] in CLAUSE_MARK_CHARS


def _unsaid_subject(text: str, pos: int, sentences: list[tuple[int, int]], people_by_end: dict[int, Anchored],
                    rules: RelationRules) -> tuple[list[Anchored], str]:
    """The person whose post a clause that begins with its appointment verb at `pos` (after
    adverbials) states, and the adverbials."""
    gap = rules.appointment_adverbials.search(text, max(0, pos - ADVERBIAL_WINDOW), pos)
    at = gap.start() if gap else pos
    clause_end = mark.start() if (mark := CLAUSE_MARKS.search(text, pos)) else len(text)
    if at and text[at - 1] not in CLAUSE_MARK_CHARS or any(pos < e <= clause_end for e in people_by_end):
        return [], ""  # `曾任…副书记的王新民`: the clause names whose post it is
    person = antecedent(text, sentences, at, list(people_by_end.values()))
    return ([Anchored(at, at, "PERSON", person)], text[at:pos]) if person else ([], "")


def _listed_posts(text: str, org: Anchored, title: str, orgs_by_start: dict[int, Anchored],
                  people_by_end: dict[int, Anchored], titles: tuple[str, ...],
                  rules: RelationRules) -> Iterator[tuple[Anchored, str, int]]:
    """The posts an appointment lists, each with where it ends: the first, then after each `、` (or the last item's
    `post_joiners`, `和`) another organisation's title, or a bare committee rank after a rank (`省委委员、常委、书记`), or a
    bare title after a `shared_title_separators` (`兼`), a second post at the body (`世界银行副行长兼首席经济学家`); after a
    comma, another organisation's title that is the whole clause (`先后任…科长，…处长，…科长。`). A bare title of no rank
    names no body and is passed over (`浙江省委副书记、|代省长|和省委书记`)."""
    end = org.end + len(title)
    yield org, title, end
    held_at, rank = org, title in rules.committee_ranks
    marks = (LIST_MARK, *rules.post_joiners, *rules.shared_title_separators)
    while text.startswith(marks, end) or _post_clause_after(text, end, orgs_by_start, titles, rules):
        shared, nxt = text.startswith(rules.shared_title_separators, end), end + 1
        if nxt in orgs_by_start:
            held_at = orgs_by_start[nxt]
            title = ranked_title_at(text, held_at.end, titles, rules)
            if not title:
                return
            rank, end = title in rules.committee_ranks, held_at.end + len(title)
        else:
            at = nxt + text.startswith(ACTING, nxt)
            bare = ranked_title_at(text, at, titles, rules)
            if not bare:
                return
            end = at + len(bare)
            if any(end <= e < end + 4 for e in people_by_end):
                return  # `…、书记李四`: another person's title
            if not (rank and bare in rules.committee_ranks or shared):
                continue
            title = bare
        yield held_at, title, end


LEADER_CLAUSE = "以"  # `以…为团长的…`
OPENING_QUOTE = "“"  # before a party's name (`…为首的“自由党”`)
LEADER_WINDOW = 40  # characters from `以` to the leader's name at most
COUNT = re.compile("(?:[0-9一二三四五六七八九十百]+人)?")


def leader_relations(text: str, mentions: list[Anchored], rules: RelationRules, titles: tuple[str, ...] = ()
                     ) -> Iterator[Relation]:
    """`以中联部部长宋涛为团长的中国艺术团` → holds_position(宋涛, 中国艺术团, 团长): the person
    before `为` leads the body a relative clause names (a count may come first: `3人代表团`); so does one put at
    its head, 以 or not (`以小泽一郎为首的“自由党”`, `前首相羽田孜为首的太阳党`: 领导人; `以本扬总书记同志为首的老挝党中央`: the
    title after the name). A title after the name of a delegation's leader is a post at the body the delegation is
    of, where the document names it (`以许中田副社长为团长的人民日报代表团`)."""
    people_by_end = {m.end: m for m in mentions if m.type == "PERSON"}
    orgs_by_start = {m.start: m for m in mentions if m.type == "ORG"}
    bodies = {text[m.start:m.end]: m for m in mentions if m.type == "ORG"}
    heads = tuple(rules.leader_heads)
    for person in people_by_end.values():
        before = text[max(0, person.start - LEADER_WINDOW):person.start]
        own, at = _title_after(text, person, titles, rules)
        word = text.startswith("为", at) and (word_at(text, at + 1, rules.leader_titles) or word_at(text, at + 1, heads))
        if not word or not text.startswith("的", at + 1 + len(word)) \
                or (word not in heads and LEADER_CLAUSE not in CLAUSE_MARKS.split(before)[-1]):
            continue
        count = COUNT.match(text, at + 2 + len(word) + text.startswith(OPENING_QUOTE, at + 2 + len(word)))
        org = orgs_by_start.get(count.end())
        if org:
            title = word if own and word in rules.leader_titles else own or rules.leader_heads.get(word, word)
            yield Relation("holds_position", person.entity, org.entity, evidence_of(text, person.start, org.end),
                           rules.appointment_confidence, "leader", title=title, status="current")
            if own and title != own and (body := _delegation_body(text, org, bodies, rules)):
                yield Relation("holds_position", person.entity, body.entity, evidence_of(text, person.start, org.end),
                               rules.appointment_confidence, "leader", title=own, status="current")


def led_body_relations(text: str, mentions: list[Anchored], rules: RelationRules, titles: tuple[str, ...] = ()
                       ) -> Iterator[Relation]:
    """`内塔尼亚胡领导的利库德集团` → holds_position(内塔尼亚胡, 利库德集团, 领导人): a person right before a verb of
    leading a body (`rules.body_leading_verbs`: the verb → the title it gives) and 的 leads the body named after it,
    with the title the text gives him after his name where it does; one before a verb of leading a delegation
    (`州长阿内·卡尔森率领的美国明尼苏达州代表团`) is its head (`rules.delegation_leader`). The last of people listed
    (`总督勒布朗和总理克雷蒂安率领的…`) leads with the others: none is the head."""
    orgs_by_start = {m.start: m for m in mentions if m.type == "ORG"}
    people_ends = {m.end for m in mentions if m.type == "PERSON"}
    verbs = tuple(rules.body_leading_verbs)
    for person in (m for m in mentions if m.type == "PERSON"):
        titled = person.start - len(max(words_ending(text, person.start, titles), key=len, default=""))
        joiner = ends_with_any(text, titled, NAME_JOINERS)
        if joiner and titled - len(joiner) in people_ends:
            continue
        own, at = _title_after(text, person, titles, rules)
        verb = word_at(text, at, verbs) or word_at(text, at, rules.leading_verbs)
        body = verb and text.startswith("的", at + len(verb)) and orgs_by_start.get(at + len(verb) + 1)
        if not body:
            continue
        if verb in rules.body_leading_verbs:
            title = own or rules.body_leading_verbs[verb]
        elif ends_with_any(text, body.end, rules.delegation_heads):
            title = rules.delegation_leader
        else:
            continue
        yield Relation("holds_position", person.entity, body.entity, evidence_of(text, person.start, body.end),
                       rules.appointment_confidence, "leader", title=title, status="current")


def _title_after(text: str, person: Anchored, titles: tuple[str, ...], rules: RelationRules) -> tuple[str, int]:
    """The title right after a person's name (`本扬|总书记`), "" if none, and where the name's title and honorific end
    (`本扬总书记同志|为首的`)."""
    own = ranked_title_at(text, person.end, titles, rules) or ""
    at = person.end + len(own)
    return own, at + len(word_at(text, at, rules.leader_honorifics) or "")


def leading_relations(text: str, mentions: list[Anchored], rules: RelationRules, titles: tuple[str, ...] = ()
                      ) -> Iterator[Relation]:
    """The posts of those who lead a body or a delegation, by a relative clause (`以…为团长的…`, `…领导的…`, `由…率领的…`)."""
    yield from leader_relations(text, mentions, rules, titles)
    yield from led_body_relations(text, mentions, rules, titles)
    yield from led_delegation_relations(text, mentions, rules, titles)


LED_BY = "由"  # `由…率领的…`


def led_delegation_relations(text: str, mentions: list[Anchored], rules: RelationRules, titles: tuple[str, ...] = ()
                             ) -> Iterator[Relation]:
    """`由议长哈马迪博士率领的伊拉克国民议会代表团` → holds_position(哈马迪, 伊拉克国民议会, 议长): the bare title
    before the leader's name is a post at the body the delegation is of, where the document names it."""
    bodies = {text[m.start:m.end]: m for m in mentions if m.type == "ORG"}
    orgs_by_start = {m.start: m for m in mentions if m.type == "ORG"}
    for person in (m for m in mentions if m.type == "PERSON"):
        title = next((t for t in words_ending(text, person.start, titles)
                      if text.endswith(LED_BY, 0, person.start - len(t))), None)
        at = person.end + len(word_at(text, person.end, rules.leader_honorifics) or "")
        verb = word_at(text, at, rules.leading_verbs)
        if not title or not verb or not text.startswith("的", at + len(verb)):
            continue
        delegation = orgs_by_start.get(COUNT.match(text, at + len(verb) + 1).end())
        body = delegation and _delegation_body(text, delegation, bodies, rules)
        if body:
            evidence = evidence_of(text, person.start - len(title), delegation.end)
            yield Relation("holds_position", person.entity, body.entity, evidence, rules.appointment_confidence,
                           "led_delegation", title=title, status="current")


def _delegation_body(text: str, delegation: Anchored, bodies: dict[str, Anchored], rules: RelationRules) -> Anchored | None:
    """The body a delegation is of, where the document names it (`人民日报|代表团`: 人民日报)."""
    head = next((h for h in rules.delegation_heads if text.endswith(h, 0, delegation.end)), None)
    return bodies.get(text[delegation.start:delegation.end - len(head)]) if head else None


def dismissal_relations(text: str, mentions: list[Anchored], titles: tuple[str, ...],
                        rules: RelationRules) -> Iterator[Relation]:
    """`免去姜伟的最高人民法院副院长职务` → holds_position(姜伟, 最高人民法院, 副院长), ended; so is each post of a list
    the dismissal ends, 的 or not (`免去吴英杰第十四届全国政协常委、文化文史和学习委员会主任职务`), and a membership taken away
    (`撤销张建春第十四届全国政协委员资格`: `post_word`)."""
    orgs_by_start = {m.start: m for m in mentions if m.type == "ORG"}
    for person in (m for m in mentions if m.type == "PERSON"):
        if not any(w in text[max(0, person.start - DISMISSAL_WINDOW):person.start] for w in rules.post_status["ending"]):
            continue
        posts, at = [], person.end + text.startswith("的", person.end)
        while (org := orgs_by_start.get(at)) and (title := ranked_title_at(text, org.end, titles, rules)):
            posts.append((org, title))
            at = org.end + len(title) + text.startswith(LIST_MARK, org.end + len(title))
        if not posts or not text.startswith(rules.post_status["post_word"], posts[-1][0].end + len(posts[-1][1])):
            continue
        for org, title in posts:
            yield Relation("holds_position", person.entity, org.entity, evidence_of(text, person.start, org.end + len(title)),
                           rules.appointment_confidence, "dismissal", title=title, status="ended")
