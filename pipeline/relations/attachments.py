"""Relations that attach one entity to another by name or position, without a trigger word:
sub-bodies (`…党委` part_of `…`), award holders (`…奖获得者X`), winners (`X等获奖代表`), the event an award is
won at, the body or contest an award is named after, the
ceremonies that confer a document's awards, the attendees listed after a roster's introduction, and
the bodies whose office-holders attend (`…最高人民法院院长…出席仪式`). The people an event frames are
`pipeline.relations.frames`', the places `pipeline.relations.locations`'."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pipeline.analysis.boundaries import SESSION_NUMBER
from pipeline.analysis.organs import PARTY
from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.events import MainEvents, held_object
from pipeline.relations.mentions import (
    LIST_SEPARATORS,
    NAME_JOINERS,
    Anchored,
    coordinated,
    evidence_of,
    kin_described,
    listed_up_to,
    within,
)
from pipeline.relations.titles import LIST_MARK, ends_with_title
from pipeline.rules import LOCAL_PREFIXES, NUMBER_DIGITS

YEAR = re.compile(r"^(?:19|20)[0-9]{2}年度?")
SESSION = re.compile(f"{SESSION_NUMBER.pattern}(?:全体)?会议")  # `十三届全国人大四次会议主席团`


def sub_body_relations(entities: dict[str, tuple[str, str]], rules: RelationRules,
                       surfaces: Iterable[tuple[str, str]] = ()) -> Iterator[Relation]:
    """`中关村实验室党委` is part_of `中关村实验室`, `中国科学院…研究所` part_of `中国科学院`: a
    name ending in a sub-body suffix belongs to the longest other organisation it starts with,
    by its name or a form the text writes it in (`surfaces`: (entity id, text); `全国政协办公厅`
    belongs to `政协第十四届全国委员会`, written `全国政协`); the party's organ in a body is the body's
    (`中共全国人大常委会党组`). A sub-body names itself in two characters at least (`国务院|侨办`; not
    `经济日报|办`, where 办 is the verb); one named by the short form its parent's units are named with
    (`parent_short_forms`: `军委|政治工作部`) belongs to that parent. A body of a session named after that
    organisation (`十三届全国人大四次会议主席团`) belongs to the session, no part of it."""
    orgs = _named_forms(entities, surfaces, ("ORG",))
    orgs.update({short: orgs[full] for full, shorts in rules.parent_short_forms.items() if full in orgs
                 for short in shorts if short not in orgs})
    by_length = sorted(orgs, key=len, reverse=True)
    for name, eid in orgs.items():
        suffix = next((s for s in rules.sub_body_suffixes if name.endswith(s) and len(name) > len(s)), None)
        if suffix is None or any(name.endswith(w) and len(w) > len(suffix) for w in rules.whole_body_heads):
            continue
        parent = _longest_start(name, by_length)
        if parent is None and name.startswith(PARTY):  # `中共|全国人大常委会党组`
            parent = _longest_start(name[len(PARTY):], by_length)
        own = name[name.find(parent) + len(parent):] if parent else ""
        if parent and orgs[parent] != eid and len(own) >= 2 and not SESSION.search(name, len(parent)):
            yield Relation("part_of", eid, orgs[parent], (), rules.sub_body_confidence, "sub_body")


def listed_sub_body_relations(text: str, mentions: list[Anchored], found: Iterable[Relation],
                              rules: RelationRules) -> Iterator[Relation]:
    """`十四届全国人大民族委员会、监察和司法委员会、外事委员会`: the bodies listed right after a sub-body (`found`'s
    part_of) that end in its head, one of `listed_sub_body_heads`, and begin with no organisation's name share its
    parent's name, so belong to that parent too."""
    parents = {r.head: r.tail for r in found if r.type == "part_of"}
    orgs = {m.start: m for m in mentions if m.type == "ORG"}
    names = {text[m.start:m.end] for m in orgs.values()}

    def own_body(item: Anchored) -> bool:  # `常委会|有关工作委员会`: named from a body of its own
        return any(text.startswith(n, item.start) and item.end - item.start > len(n) for n in names)
    for first in [m for m in orgs.values() if m.entity in parents]:
        head = next((s for s in rules.listed_sub_body_heads if text.endswith(s, first.start, first.end)), None)
        item = first
        while head and text.startswith(LIST_MARK, item.end) and (item := orgs.get(item.end + 1)) is not None \
                and text.endswith(head, item.start, item.end) and not own_body(item) \
                and item.entity not in parents and item.entity != parents[first.entity]:
            yield Relation("part_of", item.entity, parents[first.entity], evidence_of(text, first.start, item.end),
                           rules.sub_body_confidence, "sub_body:listed")


# what may come between a body's name and the head of its own meeting: the meeting's number
MEETING_NUMBER = re.compile(f"(?:第[{NUMBER_DIGITS}]+次)?")
OPENING_QUOTE = "“"  # of an activity's name after the body's that runs it (`全国政协|“委员讲堂”活动`)


def own_meeting_relations(entities: dict[str, tuple[str, str]], mentions: list[Anchored], rules: RelationRules,
                          surfaces: Iterable[tuple[str, str]] = ()) -> Iterator[Relation]:
    """`全国绿化委员会全体会议`, `…领导小组第一次全体会议`: a meeting named by a body of the document (by its name or a
    form the text writes it in: `surfaces`) and one of `own_meeting_heads`, its number between, is the body's own: the
    body held it; so is an event named by a body and the quoted name of its activity (`全国政协“委员讲堂”活动`). Not a body
    the text names only inside an event's name (`mentions` nested there), which annotators leave out."""
    named_alone = {m.entity for m in mentions if m.type == "ORG" and not m.nested}
    orgs = {form: eid for form, eid in _named_forms(entities, surfaces, ("ORG",)).items() if eid in named_alone}
    for eid, (etype, name) in entities.items():
        if etype != "EVENT":
            continue
        for end in range(2, len(name)):
            if name[:end] in orgs and (name[MEETING_NUMBER.match(name, end).end():] in rules.own_meeting_heads
                                       or name.startswith(OPENING_QUOTE, end)):
                yield Relation("organized", orgs[name[:end]], eid, (), rules.own_meeting_confidence, "own_meeting")
                break


HOST_IN_BRACKETS = re.compile(r"[（(]([^（）()]{2,8})[）)]")  # `中国（深圳）…交易会`: where the event is held


def bracketed_host_relations(entities: dict[str, tuple[str, str]], rules: RelationRules,
                             surfaces: Iterable[tuple[str, str]] = ()) -> Iterator[Relation]:
    """An event whose name gives its host place in brackets (`第十九届中国（深圳）国际文化产业博览交易会`,
    `2025减贫治理与全球发展（怒江）国际论坛`) is held there, where the document names that place (`surfaces`, as in
    `sub_body_relations`), or with its level (`深圳市`); not what a bracket gives otherwise (`行长（经理）会议`,
    `尼共（联合马列）`): no place."""
    places = _named_forms(entities, surfaces, ("LOCATION",))
    for eid, (etype, name) in entities.items():
        for bracket in HOST_IN_BRACKETS.finditer(name, 1) if etype == "EVENT" else ():
            place = next((places[p] for p in (bracket.group(1), *(bracket.group(1) + c for c in LOCAL_PREFIXES))
                          if p in places), None)
            if place:
                yield Relation("located_in", eid, place, (), rules.location_confidence, "location:bracketed")


def _named_forms(entities: dict[str, tuple[str, str]], surfaces: Iterable[tuple[str, str]],
                 types: tuple[str, ...]) -> dict[str, str]:
    """The names of the entities of `types`, and the forms the text writes them in (`surfaces`:
    (entity id, text)), each → its entity id (an entity's name before another's written form)."""
    forms = {name: eid for eid, (etype, name) in entities.items() if etype in types}
    forms.update({form: eid for eid, form in surfaces if entities.get(eid, ("",))[0] in types and form not in forms})
    return forms


def _longest_start(name: str, names: list[str]) -> str | None:
    """The first of `names` (the longest first) of two characters or more that `name` begins with."""
    return next((n for n in names if len(n) < len(name) and len(n) >= 2 and name.startswith(n)), None)


def award_holder_relations(text: str, mentions: list[Anchored], rules: RelationRules) -> Iterator[Relation]:
    """`2018年度国家最高科学技术奖获得者钱七虎` → received(钱七虎, award). An honour stands before the
    names of its holders as a title does, alone or first in a chain of titles (`全国劳动模范时传祥、
    张秉贵`, `全国劳动模范、党的十五大代表李素丽`), and so does a word for its one holder
    (`…奖获得者、中国科学院院士吴孟超`); a word for its winners that is an item of a list names no
    one (`…奖获奖者、省科协主席王强`: the winners are one item)."""
    ordered = [m for m in sorted(mentions, key=lambda m: m.start) if not m.nested]
    receivers = rules.head_types("received")
    for award in (m for m in ordered if m.type == "AWARD"):
        pos = award.end + (text[award.end:award.end + 1] == "”")
        holder = next((w for w in rules.award_holder_words if text.startswith(w, pos)), "")
        pos += len(holder)
        after = [m for m in ordered if m.start >= pos]
        titled = holder in rules.award_holder_titles and text[pos:pos + 1] == "、"
        if not after or (holder and text[pos:pos + 1] in LIST_SEPARATORS and not titled):
            continue
        if titled:
            winners = _titled_people(text, pos + 1, after, True)
        elif holder:  # titles may stand between: `获得者中共宜阳县委副书记刘我成`
            winner = next((m for m in after if m.type in receivers), None)
            if winner is None or winner.start - pos > 30 or re.search(r"[。！？!?]", text[pos:winner.start]):
                continue
            winners = [winner]
        else:
            chained = text[pos:pos + 1] == "、"
            winners = _titled_people(text, pos + chained, after, chained)
        for winner in winners:
            yield Relation("received", winner.entity, award.entity, evidence_of(text, award.start, winner.end),
                           0.8, "award_holder")


def _titled_people(text: str, pos: int, after: list[Anchored], chained: bool) -> list[Anchored]:
    """The people a title stands before: the name at `pos`, or where `chained`, the one the chain
    of titles from `pos` ends in (within 30 characters of the clause, no list's end `等` between);
    with the names coordinated after it."""
    people = [m for m in after if m.type == "PERSON"]
    if not people or (people[0].start > pos and not chained):
        return []
    if people[0].start - pos > 30 or re.search(r"[。！？，,；：等和及;:!?]", text[pos:people[0].start]):
        return []
    return coordinated(text, people[0], people[1:])


def winner_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                     entities: dict[str, tuple[str, str]], rules: RelationRules) -> Iterator[Relation]:
    """Names described as winners (`A、B等3名获奖代表`, `获奖者代表A`) received the document's
    award: the one its ceremony is named after, else its only one; with no such award, none."""
    award = ceremony_award(entities, rules)
    if award is None:
        return
    receivers = rules.head_types("received")
    for sentence in sentences:
        in_sentence = [m for m in within(mentions, sentence) if m.type in receivers and not m.nested]
        winners: list[Anchored] = []
        for match in rules.winners_after.finditer(text, *sentence):
            winners += listed_up_to(text, match.start(), in_sentence, rules.list_item_gap)
        for match in rules.winners_before.finditer(text, *sentence):
            after = [m for m in in_sentence if m.start >= match.end()]
            if after and after[0].start == match.end():
                winners += coordinated(text, after[0], after[1:])
        evidence = evidence_of(text, *sentence)
        for winner in winners:
            yield Relation("received", winner.entity, award, evidence, rules.winners_confidence, "winners")


def roster_relations(text: str, mentions: list[Anchored], main_event: MainEvents | str | None,
                     titles: tuple[str, ...], rules: RelationRules) -> Iterator[Relation]:
    """`出席招待会的还有：…`: the people listed after it, to the end of the paragraph, took part in
    the event named or referred to before `的`, and so did the bodies whose office-holders are
    listed (`全国人大常委会副委员长`) or whose officials are (`…、中央军委|领导同志`); an event referred to by a
    generic word is the main event, where its name holds that word (`座谈会` is no congress's) or the word names
    a part of any event (`出席闭幕会的…`); not a person a kinship noun follows (`华罗庚夫人吴筱元`: 吴筱元 came).
    `main_event`: the document's, or each part's (`MainEvents`)."""
    main_events = MainEvents.of(main_event)
    for match in rules.roster_intro.finditer(text):
        main = main_events.at(match.start())
        named = [m for m in mentions if m.type == "EVENT" and match.start("event") <= m.start and m.end <= match.end("event")]
        event = named[-1].entity if named else main if main and (any(
            w in match.group("event") and w in main for w in rules.event_anaphora + rules.ceremony_suffixes)
            or match.group("event") in rules.event_parts) else None
        if event is None:
            continue
        end = text.find("\n", match.end())
        end = len(text) if end == -1 else end
        evidence = evidence_of(text, match.start(), end)
        bodies = {m.start: m for m in mentions if m.type == "ORG" and not m.nested}
        for m in mentions:
            if match.end() <= m.start and m.end <= end and not m.nested and (
                    m.type == "PERSON" and not kin_described(text, m, rules.kin_nouns)
                    or m.type == "ORG" and (ends_with_title(text, m.end, titles) or _officials_listed(text, m, bodies, rules))):
                yield Relation("participated_in", m.entity, event, evidence, rules.roster_confidence, "roster")


def _officials_listed(text: str, body: Anchored, bodies: dict[int, Anchored], rules: RelationRules) -> bool:
    """Whether `body` is listed with others before a word for their officials (`中共中央书记处、…、中央军委|领导同志`)."""
    last = body
    while text.startswith(NAME_JOINERS, last.end) and (after := bodies.get(last.end + 1)):
        last = after
    return text.startswith(rules.clause_words["officials"], last.end)


LEAD_SENTENCES = 4  # a report's title, its source and date line, and its lead's first two sentences


def speaker_relations(text: str, parts: list[tuple[str | None, list[tuple[int, int]]]], mentions: list[Anchored],
                      entities: dict[str, tuple[str, str]], rules: RelationRules) -> Iterator[Relation]:
    """In a document or an item (`parts`: each main event with its sentences) whose event is a
    discussion (its name ends in a kind of `rules.speakers`), or that has none and whose lead says it
    holds one (`全国扫黄办今日在京召开|座谈会`; not one held later in the text, `祝贺中方成功举办|…论坛`),
    the people named right before a verb of saying (`成思危说`, `张伯海等认为`), and those listed before
    them (`…副局长戴英禄、…党组成员石宏图…等指出`), take part in it."""
    words = rules.speakers
    people = [m for m in mentions if m.type == "PERSON" and not m.nested]
    for event, part in parts:
        if not part:
            continue
        if event is None:
            lead_end = part[min(LEAD_SENTENCES, len(part)) - 1][1]
            event = next((m.entity for m in mentions if m.type == "EVENT" and part[0][0] <= m.start < lead_end
                          and held_object(text, m.start, rules)), None)
        if event is None or not entities.get(event, ("", ""))[1].endswith(words["kinds"]):
            continue
        for m in people:
            if not part[0][0] <= m.start < part[-1][1]:
                continue
            pos = m.end + len(next((w for w in words["between"] if text.startswith(w, m.end)), ""))
            if text.startswith(words["verbs"], pos):
                for speaker in listed_up_to(text, m.end, people, rules.list_item_gap):
                    yield Relation("participated_in", speaker.entity, event, evidence_of(text, speaker.start, pos),
                                   rules.speaker_confidence, "speaker")


ATTENDED_OBJECT = r"了?(?P<object>[^，。；！？、,;!?]{0,30})。"  # after an attending verb, to the sentence's end


def office_holder_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                            main_event: MainEvents | str | None, titles: tuple[str, ...],
                            rules: RelationRules) -> Iterator[Relation]:
    """A sentence whose attendees are office-holders named by their bodies and titles alone
    (`在京中共中央政治局委员、中央书记处书记，部分全国人大常委会副委员长，国务委员，最高人民法院院长…
    出席仪式。`): each body took part in the event the verb's object names, or in the document's
    event where the object is a word that refers back to one (`出席仪式`) or none. Not where a
    person is named before the verb: the bodies are then that person's posts."""
    main_events = MainEvents.of(main_event)
    attended = re.compile(f"(?:{'|'.join(map(re.escape, rules.attended_verbs))}){ATTENDED_OBJECT}")
    for start, end in sentences:
        match = attended.search(text, start, end)
        if match is None or match.end() != end and text[match.end():end].strip():
            continue
        before = [m for m in mentions if start <= m.start and m.end <= match.start() and not m.nested]
        bodies = [m for m in before if m.type == "ORG" and ends_with_title(text, m.end, titles)]
        offices = {b.end for b in bodies}  # a title there may stand for its one holder (`中央书记处|书记`): no name
        if len(bodies) < 2 or any(m.type == "PERSON" and m.start not in offices for m in before):
            continue
        named = [m for m in mentions if match.start("object") <= m.start and m.end <= match.end("object") and m.type == "EVENT"]
        main, obj = main_events.at(start), match.group("object")
        referred = main if main and (not obj or obj.endswith(rules.event_anaphora)) else None
        event = named[0].entity if named else referred
        if event is None:
            continue
        for body in bodies:
            yield Relation("participated_in", body.entity, event, evidence_of(text, start, end), rules.roster_confidence,
                           "office_holders")


def ceremony_award(entities: dict[str, tuple[str, str]], rules: RelationRules) -> str | None:
    """The award a document is about: the one named in its one ceremony's name (`第50届南丁格尔奖
    颁奖大会`; a year before the award's name may be left out there), else its only award."""
    awards = [(eid, name) for eid, (etype, name) in entities.items() if etype == "AWARD"]
    ceremonies = [name for etype, name in entities.values()
                  if etype == "EVENT" and any(s in name for s in rules.ceremony_suffixes)]
    named = {eid for eid, name in awards
             if any(YEAR.sub("", name).strip("“”") in ceremony.replace("“", "").replace("”", "")
                    for ceremony in ceremonies)}
    if len(named) == 1:
        return named.pop()
    return awards[0][0] if len(awards) == 1 and not named else None


def award_event_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                          rules: RelationRules) -> Iterator[Relation]:
    """An award won in a sentence that names an event before it → awarded_by(award, event); so is a prize
    written right after an event's name (`长春电影节“金鹿奖”`, `电影节“天坛奖”`), as a prize named after it is."""
    win_words = [r for r in rules.triggers if r.relation == "received"]
    for sentence in sentences:
        in_sentence = within(mentions, sentence)
        for award in (m for m in in_sentence if m.type == "AWARD"):
            events = [m for m in in_sentence if m.type == "EVENT" and m.end <= award.start and not m.nested]
            between = text[events[-1].end:award.start] if events else ""
            won = events and any(r.regex.search(between) for r in win_words)
            if won or events and between in ("", "“") and _is_prize(text[award.start:award.end], rules):
                yield Relation("awarded_by", award.entity, events[-1].entity, evidence_of(text, *sentence),
                               rules.award_event_confidence, "award_event")


def _is_prize(name: str, rules: RelationRules) -> bool:
    """Whether an award's name, quoted or not, ends in a prize (`…一等奖`, `“金鹿奖”`, `…金牌`), not an honour."""
    return name.rstrip("”’").endswith(rules.prizes)


CONFERRED_SESSION = re.compile(r"(?:(?:19|20)[0-9]{2}年度?|第?[0-9一二三四五六七八九十百]+届)?")  # `第十三届|全国政协优秀提案`


def named_conferrer_relations(entities: dict[str, tuple[str, str]], rules: RelationRules,
                              surfaces: Iterable[tuple[str, str]] = ()) -> Iterator[Relation]:
    """`中宣部“五个一工程”奖` is awarded_by 中宣部, `第一届国际巴洛克大提琴比赛一等奖` by the contest: an award
    whose name begins (after a year or a session) with the longest name or written form (`surfaces`:
    (entity id, text)) of a body or an event of the document, and goes on; after an event's name, only a
    prize (`rules.prizes`: `…一等奖`, `…金牌`, `…冠军`), not an honour (`北京冬奥会冬残奥会突出贡献个人`)."""
    forms = _named_forms(entities, surfaces, ("ORG", "EVENT"))
    by_length = sorted(forms, key=len, reverse=True)
    awards = {(eid, name) for eid, (etype, name) in entities.items() if etype == "AWARD"}
    awards |= {(eid, form) for eid, form in surfaces if entities.get(eid, ("",))[0] == "AWARD"}
    for eid, name in sorted(awards):
        conferrer = _longest_start(name, by_length) or _longest_start(name[CONFERRED_SESSION.match(name).end():], by_length)
        if conferrer is None or (entities[forms[conferrer]][0] == "EVENT" and not _is_prize(name, rules)):
            continue
        yield Relation("awarded_by", eid, forms[conferrer], (), rules.named_conferrer_confidence, "named_conferrer")


def ceremony_relations(entities: dict[str, tuple[str, str]], about: set[str | None], rules: RelationRules,
                       received: set[str]) -> Iterator[Relation]:
    """An award ceremony of the document (`…表彰大会`, `…颁奖大会`, or one of the meetings that
    `暨` joins into one: `…表彰大会暨先进事迹报告会`) confers the awards the document says were
    received (`received`: their ids), and, when the document is about it (`about`: its main event
    and what its first sentence names), all its awards; a ceremony named in passing confers none
    it only names (`如美国的国家总统科学奖`)."""
    ceremonies = [eid for eid, (etype, name) in entities.items()
                  if etype == "EVENT" and any(part.endswith(rules.ceremony_suffixes) for part in name.split("暨"))]
    awards = [eid for eid, (etype, _) in entities.items() if etype == "AWARD"]
    for ceremony in ceremonies:
        for eid in awards:
            if ceremony in about or eid in received:
                yield Relation("awarded_by", eid, ceremony, (), rules.ceremony_confidence, "ceremony")


POSSESSIVE = "的"


def possessed_event_relations(text: str, mentions: list[Anchored], rules: RelationRules,
                               noun_starts: frozenset[int] = frozenset()) -> Iterator[Relation]:
    """`国新办的新闻发布会`, `外交部的例行记者会`: a body right before 的 and an event right after it held the event; not
    where the event modifies a noun after it (`noun_starts`, from a word analysis: `中国代表团的闭幕式|旗手`)."""
    events = {m.start: m for m in mentions if m.type == "EVENT" and not m.nested}
    for org in (m for m in mentions if m.type == "ORG" and not m.nested):
        event = events.get(org.end + len(POSSESSIVE)) if text.startswith(POSSESSIVE, org.end) else None
        if event is not None and event.end not in noun_starts:
            yield Relation("organized", org.entity, event.entity, evidence_of(text, org.start, event.end),
                           rules.possessed_event_confidence, "possessed_event")


def session_group_relations(found: list[Relation], main_event: MainEvents | str | None,
                            rules: RelationRules) -> Iterator[Relation]:
    """Who takes part in a group discussion of a session's members (an event named with one of
    `rules.session_groups`: `九三学社界委员小组讨论`, `联组会`) takes part in the session the document or its
    item is about, where that is a numbered one (`全国政协十三届四次会议`), as surely as in the discussion."""
    main_events = MainEvents.of(main_event)
    for relation in found:
        if relation.type != "participated_in" or not relation.tail.endswith(rules.session_groups):
            continue
        session = main_events.at(relation.evidence[0].start)
        if session and session != relation.tail and SESSION_NUMBER.search(session):
            yield Relation("participated_in", relation.head, session, relation.evidence, relation.confidence, "session_group")
