"""Where events are held and bodies based: `在…召开…EVENT`, `EVENT在LOC召开`, `ORG位于LOC` → located_in, with the
clauses that go on from a place's (`在北京会见…，并共同主持…会议`)."""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.events import DAY, MainEvents
from pipeline.relations.mentions import Anchored, clause_at, coordinated_before, evidence_of, within
from pipeline.relations.references import kind_of
from pipeline.relations.titles import ATTRIBUTIVE, LIST_MARK

PLACE_PREPOSITION = "在"  # `…联盟在上海成立`


def _next_place(text: str, end: int, places_by_start: dict[int, Anchored], rules: RelationRules) -> Anchored | None:
    """The place named right after `end`, or after a capital's apposition there (`首都`), or after a description of it
    (`俄罗斯|南部城市|索契`)."""
    apposition = next((a for a in rules.location_appositions if text.startswith(a, end)), "")
    described = _description_end(text, end, rules.location_descriptions)
    return places_by_start.get(end + len(apposition)) or places_by_start.get(end) \
        or (places_by_start.get(described) if described else None)


DESCRIPTION_CHARS = 8  # the words before a noun that describes a place, at most (`美丽的海滨|城市`)
UNDESCRIBED = re.compile(r"[，。；、：,;:!?！？\s“”《》（）()在]")  # what no description of a place holds


def _description_end(text: str, start: int, descriptions: tuple[str, ...]) -> int | None:
    """Where a description of a place that begins at `start` ends (`南部城市|`, `这位伟人的故乡|`), if one does."""
    for at in range(start, min(len(text), start + DESCRIPTION_CHARS + 1)):
        noun = next((d for d in descriptions if text.startswith(d, at)), None)
        if noun:
            return at + len(noun)
        if UNDESCRIBED.match(text, at):
            return None
    return None


def location_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                       rules: RelationRules, main_event: MainEvents | str | None = None,
                       noun_starts: frozenset[int] = frozenset()) -> Iterator[Relation]:
    """`在奥克兰…出席…论坛闭幕式`, `大会在京召开`, `江西召开…会议` → located_in(EVENT, LOCATION), also for the events listed
    with the one before the place (`…第九次全国代表大会、…第十次全国代表大会今天在北京闭幕`); an event that opens its clause
    and holds another there is there too (`…第十一次会议26日在人民大会堂举行第二次全体会议`); the holding verb right after
    the place places the document's main event (of its part: `main_event`) where no event is named (`_places_main`); a
    locative frame's event after its place and 的 is there without a verb (`在雅典的|世界田径锦标赛上`). A place that
    modifies the noun of a frame a locative closes places nothing (`在中奥两国国歌声中拉开帷幕`), nor one from which the
    event is attended from afar (`在北京以视频方式出席…峰会`: `remote_means`) unless it is held there too
    (`以线上线下相结合方式举行`: `hybrid_means`). `noun_starts` (where a word analysis's nouns begin) tells a body that
    modifies a noun after it."""
    main_events = MainEvents.of(main_event)
    located = rules.head_types("located_in")
    for sentence in sentences:
        in_sentence = within(mentions, sentence)
        events = [m for m in in_sentence if m.type == "EVENT" and not m.nested]
        places_by_start = {m.start: m for m in in_sentence if m.type == "LOCATION" and not m.nested}
        yield from _based(text, sentence, in_sentence, located, places_by_start, rules, noun_starts)
        for place in list(places_by_start.values()):
            if not _after_preposition(text, place.start, rules) and not _holding_subject(text, sentence, place, rules):
                continue
            while (after := _next_place(text, place.end, places_by_start, rules)) is not None:
                place = after  # `在北京|人民大会堂`, `在拉脱维亚首都|里加`: the most precise of the places
            clause_start, clause_end = clause_at(text, sentence, place.start)
            # `在浙江舟山、台州考察，并…`: which of the places listed, the text does not say
            listed = text.startswith(LIST_MARK, place.end) and place.end + len(LIST_MARK) in places_by_start
            for event in [] if listed else _continued_events(text, sentence, clause_end, in_sentence, rules):
                yield Relation("located_in", event.entity, place.entity, evidence_of(text, *sentence),
                               rules.location_confidence, "location:continued")
            yield from _framed_event(text, sentence, place, events, rules)
            verb_at = _first_of(text, rules.location_event_verbs, place.end, clause_end)
            if verb_at is None:
                continue  # `在京央企…开展` places the companies, not an event: the verb follows in its clause
            visit_at = _first_of(text, rules.location_visit_verbs, place.end, verb_at)
            if visit_at is not None and not _continued_after(text, visit_at, rules):
                continue
            if verb_at > place.end and text.endswith(rules.location_frame_locatives, place.end, verb_at):
                continue  # `在中|奥两国国歌声中|拉开帷幕`: the place modifies the frame's noun
            gap = text[place.end:verb_at]
            if any(means in gap for means in rules.location_remote_means) \
                    and not any(means in gap for means in rules.location_hybrid_means):
                continue  # `在北京|以视频方式|出席…峰会`: where the participant is; not `…|以线上线下相结合方式|举行`
            near = [e for e in events if clause_start <= e.start and e.end <= clause_end] or [
                e for e in events if e.end <= place.start]  # not an event of a later clause (`，按照|党的十五大…`)
            main = main_events.at(place.start)
            if not near and main and verb_at == place.end and _places_main(text, clause_start, verb_at, main, rules):
                yield Relation("located_in", main, place.entity, evidence_of(text, *sentence),
                               rules.location_confidence, "location")
            if not near:
                continue
            nearest = min(near, key=lambda e: abs(e.start - place.start))
            listed = coordinated_before(text, [e for e in near if e.end <= nearest.end]) if nearest.end <= place.start else []
            for event in listed or [nearest]:  # `…第九次全国代表大会、…第十次全国代表大会今天在北京闭幕`
                yield Relation("located_in", event.entity, place.entity, evidence_of(text, *sentence),
                               rules.location_confidence, "location")
            subject = _opening_event(events, in_sentence, clause_start, place.start)
            if subject and nearest.start > place.end:  # `…第十一次会议26日在人民大会堂举行|第二次全体会议`
                yield Relation("located_in", subject.entity, place.entity, evidence_of(text, *sentence),
                               rules.location_confidence, "location")


def _framed_event(text: str, sentence: tuple[int, int], place: Anchored, events: list[Anchored],
                  rules: RelationRules) -> Iterator[Relation]:
    """The event a locative frame names after its place and 的 (`在雅典的|世界田径锦标赛|上`): held there."""
    if not (text.endswith(PLACE_PREPOSITION, 0, place.start) and text.startswith(ATTRIBUTIVE, place.end)):
        return
    event = next((e for e in events if e.start == place.end + len(ATTRIBUTIVE)), None)
    if event and text.startswith(rules.clause_words["frame_ends"], event.end):
        yield Relation("located_in", event.entity, place.entity, evidence_of(text, *sentence), rules.location_confidence,
                       "location")


def _opening_event(events: list[Anchored], mentions: list[Anchored], clause_start: int, before: int) -> Anchored | None:
    """The event that opens its clause before `before`, no mention ahead of it (not `习近平…出席A、赴…`: A is an object)."""
    event = next((e for e in events if clause_start <= e.start and e.end <= before), None)
    return None if event is None or any(clause_start <= m.start < event.start for m in mentions) else event


def _after_preposition(text: str, start: int, rules: RelationRules) -> bool:
    """Whether a preposition of place comes right before `start`, or before a capital's apposition there
    (`在|首都|德黑兰`; not before a venue's head, `在首都|体育馆`, the venue 首都体育馆), or 在 before a description of the
    place (`在|美丽的海滨城市|青岛`)."""
    before = next((a for a in rules.location_appositions if text.startswith(a, start - len(a))
                   and not text.startswith(rules.location_venue_heads, start)), "")
    if any(text.startswith(p, start - len(before) - len(p)) for p in rules.location_prepositions):
        return True
    reach = DESCRIPTION_CHARS + max(map(len, rules.location_descriptions), default=0) + len(PLACE_PREPOSITION)
    opening = text.rfind(PLACE_PREPOSITION, max(0, start - reach), start)
    return opening != -1 and _description_end(text, opening + 1, rules.location_descriptions) == start


def _holding_subject(text: str, sentence: tuple[int, int], place: Anchored, rules: RelationRules) -> bool:
    """Whether a place opens its clause as the subject of a verb of holding right after it, or after a day's date
    (`春节过后，江西|召开…会议`, `古巴１１日|举行…选举`)."""
    clause_start = clause_at(text, sentence, place.start)[0]
    day = DAY.match(text, place.end)
    return not text[clause_start:place.start].strip() \
        and text.startswith(rules.location_subject_verbs, day.end() if day else place.end)


def _based(text: str, sentence: tuple[int, int], in_sentence: list[Anchored], types: Collection[str],
           places_by_start: dict[int, Anchored], rules: RelationRules, noun_starts: frozenset[int]) -> Iterator[Relation]:
    """Where a sentence's bodies and events (its mentions of `types`, the heads of located_in) are based: a verb of being
    based after one and a place right after it (`ORG位于LOC`, `国际调解院总部设在中国香港`), the place it was founded
    at (`_founded_at`: `ORG在LOC成立`), or before a place, then locality nouns (`place_sides`) and 的, before one
    (`位于黑沙环的政府综合服务中心`, `位于河北省最北部的塞罕坝机械林场`), unless that name modifies a noun after it
    (`位于…全州县的红军|长征湘江战役纪念园`). Of places named one after another (`位于河北省承德市`), the last is
    the most precise."""
    located = [m for m in in_sentence if m.type in types and not m.nested]
    for org in located:
        verb = next((v for v in rules.location_based_verbs if text.startswith(v, org.end)), None)
        place = _last_in_row(places_by_start.get(org.end + len(verb)) if verb else None, places_by_start)
        if place or (place := _founded_at(text, org, places_by_start, rules)):
            yield Relation("located_in", org.entity, place.entity, evidence_of(text, *sentence),
                           rules.location_confidence, "location:based")
    heads = {m.start: m for m in located}
    for place in places_by_start.values():
        if not any(text.endswith(verb, 0, place.start) for verb in rules.location_based_verbs):
            continue
        place = _last_in_row(place, places_by_start)
        end = place.end
        while side := next((s for s in rules.location_place_sides if text.startswith(s, end)), ""):
            end += len(side)
        head = heads.get(end + len(ATTRIBUTIVE)) if text.startswith(ATTRIBUTIVE, end) else None
        if head is not None and head.end not in noun_starts:
            yield Relation("located_in", head.entity, place.entity, evidence_of(text, *sentence),
                           rules.location_confidence, "location:based")


def _last_in_row(place: Anchored | None, places_by_start: dict[int, Anchored]) -> Anchored | None:
    """Of places named one after another from `place` on (`河北省|承德市`), the last: the most precise."""
    while place is not None and (after := places_by_start.get(place.end)) is not None:
        place = after
    return place


FOUNDING_DAY = re.compile(f"[，,]?(?:{DAY.pattern}|日前|近日|今天|昨天)")  # `…公司，|日前|在北京…`


def _founded_at(text: str, org: Anchored, places_by_start: dict[int, Anchored], rules: RelationRules) -> Anchored | None:
    """The place where an organisation was founded, given its plate or opened, where one of `location_founding_verbs`
    follows the places named after 在 right after the name, or after its day (`…联盟|在上海|成立`,
    `…中心|9日|在山东青岛|挂牌成立`, `…公司，|日前|在北京|正式投入生产`): the last of those places, the most precise."""
    day = FOUNDING_DAY.match(text, org.end)
    at = day.end() if day else org.end
    place = places_by_start.get(at + len(PLACE_PREPOSITION)) if text.startswith(PLACE_PREPOSITION, at) else None
    place = _last_in_row(place, places_by_start)
    return place if place is not None and text.startswith(rules.location_founding_verbs, place.end) else None


def _continued_events(text: str, sentence: tuple[int, int], clause_end: int, mentions: list[Anchored],
                      rules: RelationRules) -> list[Anchored]:
    """The events held or attended in the clauses that go on from the one ending at `clause_end`, each opened
    by a word of `rules.location_continuing` (`，并共同主持|…会议`), up to a place one of them names."""
    found = []
    while clause_end < sentence[1] and (opener := next((w for w in rules.location_continuing
                                                        if text.startswith(w, clause_end + 1)), None)):
        start, end = clause_at(text, sentence, clause_end + 1)
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        verb_at = _first_of(text, rules.location_continued_verbs, start + len(opener), end)
        elsewhere = min((m.start for m in inside if m.type == "LOCATION" and not m.nested), default=end)
        if verb_at is None or elsewhere < verb_at:
            break
        found += [m for m in inside if m.type == "EVENT" and not m.nested and verb_at <= m.start and m.end <= elsewhere]
        if elsewhere < end:
            break
        clause_end = end
    return found


def _continued_after(text: str, visit_at: int, rules: RelationRules) -> bool:
    """Whether the visit at `visit_at` goes on, in its clause, to hold an event (`在湖南调研|并主持|召开…座谈会`): a
    continuing word and a continued verb begin right after the visit's verb."""
    after = visit_at + len(next(v for v in rules.location_visit_verbs if text.startswith(v, visit_at)))
    opener = next((w for w in rules.location_continuing if text.startswith(w, after)), None)
    return opener is not None and any(text.startswith(v, after + len(opener)) for v in rules.location_continued_verbs)


REFERRING = ("这次", "此次", "本次", "该")  # demonstratives before a word that refers back to an event


def _refers_back(text: str, start: int, rules: RelationRules) -> bool:
    """Whether the clause at `start` opens with a word that refers back to an event (`这次会议是…`)."""
    start += len(next((w for w in REFERRING if text.startswith(w, start)), ""))
    return any(text.startswith(w, start) for w in rules.event_anaphora)


def _places_main(text: str, clause_start: int, verb_at: int, main: str, rules: RelationRules) -> bool:
    """Whether the clause at `clause_start` opens with a word that refers back to an event (`这次会议是国家教委在扬州召开的`),
    or the verb at `verb_at` holds the main event by its kind (`在人民大会堂东门外广场举行|仪式` for 欢迎仪式)."""
    verb = next(v for v in rules.location_event_verbs if text.startswith(v, verb_at))
    return _refers_back(text, clause_start, rules) or kind_of(text, verb_at + len(verb), main, rules.event_anaphora)


def _first_of(text: str, words: tuple[str, ...], start: int, end: int) -> int | None:
    """Where the first of `words` begins in text[start:end], if one does."""
    found = [at for word in words if (at := text.find(word, start, end)) != -1]
    return min(found) if found else None


VENUE_CONFIDENCE = 0.7


def venue_relations(text: str, mentions: list[Anchored], found: list[Relation], place_words: dict[int, int],
                    kinds: Collection[str]) -> list[Relation]:
    """located_in(event, place) for an event named by a place and its kind alone (`华盛顿会谈`, `长野冬奥会`,
    `遵义会议`: a place word of the word analysis, `place_words` start → end, that the document names as a place,
    then one of `kinds`), where no rule found where the event takes place."""
    located = {r.head for r in found if r.type == "located_in"}
    places = {text[m.start:m.end]: m for m in mentions if m.type == "LOCATION"}
    venues = []
    for m in mentions:
        end = place_words.get(m.start)
        if m.type != "EVENT" or m.entity in located or end is None or text[end:m.end] not in kinds:
            continue
        place = places.get(text[m.start:end])
        if place is not None:
            venues.append(Relation("located_in", m.entity, place.entity, evidence_of(text, m.start, m.end),
                                   VENUE_CONFIDENCE, "location:venue"))
            located.add(m.entity)
    return venues


def ceremony_place_relations(mentions: list[Anchored], found: list[Relation], entities: dict[str, tuple[str, str]],
                             rules: RelationRules) -> list[Relation]:
    """located_in(event, place) where the document places the event's opening or closing (`rules.event_parts`:
    `在北京出席|中哈企业家委员会第八次会议|开幕式`) and names the event by the rest of that name: the ceremony is held where the
    event is. Not games held over many venues (`rules.dispersed_events`), nor a place written there by a one-character
    short form (`来华出席…开幕式`: the country a guest travels to, no venue)."""
    events = {name: key for key, (etype, name) in entities.items() if etype == "EVENT"}
    located = {(r.head, r.tail) for r in found if r.type == "located_in"}
    added = []
    for relation in found:
        name = entities[relation.head][1] if relation.type == "located_in" else ""
        part = next((p for p in rules.event_parts if name.endswith(p) and len(name) > len(p)), "")
        whole = events.get(name[:-len(part)]) if part else None
        if whole is None or name[:-len(part)].endswith(rules.dispersed_events) or (whole, relation.tail) in located:
            continue
        span = relation.evidence[0]
        written = [m for m in mentions if m.entity == relation.tail and span.start <= m.start and m.end <= span.end]
        if written and all(m.end - m.start == 1 for m in written):
            continue
        added.append(Relation("located_in", whole, relation.tail, relation.evidence, relation.confidence, "location:ceremony"))
        located.add((whole, relation.tail))
    return added
