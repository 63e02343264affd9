"""In-document resolution stage: one entity per referent.

Mentions with the same type and name become one entity. A surface form is an alias of a
longer name of the same type in the document when:
- it ends that name and no other (`实验室` → `中关村实验室`, `文化艺术节` → `第六届文化艺术节`);
- it is a local short form and the document is about one place (`市司法局` → `北京市司法局`);
- schemas/aliases.yaml lists both as forms of one entity (`党中央` ↔ `中共中央`);
- it is a known abbreviation whose full form ends that name (`科协` → `…科学技术协会`).
Entity ids use the canonical name of schemas/aliases.yaml when there is one, so documents
that write `中国科协` and `中国科学技术协会` give the same id. Generic words that resolve to no
named entity are dropped.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from pipeline.analysis.boundaries import LEXICON_SOURCE
from pipeline.analysis.brackets import bracketed_name_forms
from pipeline.analysis.home_places import bare_level_body, contested_levels, home_place, leveled, leveled_in_bodies, place_set
from pipeline.analysis.meeting_names import activity_forms, contracted_events, same_meeting
from pipeline.analysis.name_forms import (
    SITE_TAIL,
    contracted_short_forms,
    division_forms,
    domestic_forms,
    elided_short_forms,
    familiar_forms,
    government_forms,
    legal_forms,
    named_level_bodies,
    party_short_forms,
    past_editions,
    place_prefixed_forms,
    placed_level_bodies,
    state_contractions,
    state_form_bodies,
    transliterated_short_forms,
)
from pipeline.analysis.organs import CHAIN_ORGAN, place_abbreviated_bodies, place_form_bodies
from pipeline.analysis.unnamed_events import BARE_EVENT
from pipeline.analysis.written_forms import PAIRED_TYPES, dash_forms, paired_orders
from pipeline.records import Entity, Mention, Span
from pipeline.rules import LOCAL_PREFIXES, Aliases, RecognitionRules
from pipeline.wordlists import by_identity, ends_with_any, word_set

SHORT_FORM_TYPES = ("ORG", "EVENT", "AWARD")
DOMESTIC = frozenset({"中国", "中华人民共和国"})  # the country of the news: its bodies go without its name


def entity_id(entity_type: str, name: str) -> str:
    return f"{entity_type}:{name}"


def _described_by_place(mention: Mention, rules: RecognitionRules) -> bool:
    """Whether an organisation's mention is a known place and a kind it describes, naming none (`香港|公司`)."""
    kind = ends_with_any(mention.text, len(mention.text), rules.place_described) if mention.type == "ORG" else None
    return bool(kind) and mention.source != LEXICON_SOURCE and mention.text[:-len(kind)] in rules.known_places


def _unique_ending(name: str, names: set[str]) -> str | None:
    """The shortest other name that ends with `name`, if every such name ends with it."""
    longer = [n for n in names if n != name and n.endswith(name)]
    if not longer:
        return None
    shortest = min(longer, key=len)
    return shortest if all(n.endswith(shortest) for n in longer) else None


def _antecedent(name: str, names: set[str], first: dict[str, int]) -> str | None:
    """The one longer name ending with an event's name that the text gives before it: what it names again (`老干部迎春茶话会
    …茶话会…京老干部和科技干部迎春茶话会`, `长野冬奥会…冬奥会…札幌冬奥会`)."""
    before = [n for n in names if n != name and n.endswith(name) and first.get(n, first[name]) < first[name]]
    return before[0] if len(before) == 1 else None


def place_short_forms(names: set[str], rules: RecognitionRules, aliases: Aliases, text: str) -> dict[str, str]:
    """One-character places (`美` in `中美`, `华` in `访华`) → the full name the document also writes, from
    schemas/lexicons/place_short_forms.tsv, as a place or, another country's, inside another name (`俄罗斯国防部…俄称`)
    where it writes one full name of the form only; "" (no entity) when it writes none. A form schemas/aliases.yaml
    lists (`京` for 北京) stays a name of its own."""
    full_forms, foreign = rules.place_full_forms, foreign_countries(rules)
    mapping = {}
    for name in names:
        if len(name) == 1 and not aliases.canonical_name("LOCATION", name):
            written = [full for full in full_forms.get(name, ()) if full in text and full in foreign]
            mapping[name] = next((full for full in full_forms.get(name, ()) if full in names), "") \
                or (written[0] if len(written) == 1 else "")
    return mapping


CONTINENT = "洲"  # `欧洲`, `亚洲`: no country, for all the lexicon COUNTRY lists them


@by_identity
def foreign_countries(rules: RecognitionRules) -> frozenset[str]:
    """The names of lexicon COUNTRY but China's, its divisions' (lexicon PLACE: `香港`, `上海`) and the continents'."""
    divisions = frozenset(rules.lexicons.get("PLACE", ()))
    return frozenset(n for n in rules.lexicons.get("COUNTRY", ()) if n not in DOMESTIC and n not in divisions
                     and not n.endswith(CONTINENT))


def site_short_forms(names: set[str], contractions: dict[str, str]) -> dict[str, str]:
    """A site named with its generic term contracted (`海南自贸港`) → the name the document writes with the full term (`海南
    自由贸易港`)."""
    return {name: full for name in names for short, term in contractions.items()
            if name.endswith(short) and (full := name[:-len(short)] + term) in names}


def kind_named_bodies(names: set[str], contractions: dict[str, str]) -> dict[str, str]:
    """A body named by its place's kind alone, contracted (`特区政府`) → the one body the document names with a place of
    that kind (`澳门特别行政区政府`, `香港特区政府`)."""
    fulls = {name: {n for n in names if n != name and n.endswith((name, term + name[len(short):]))}
             for name in names for short, term in contractions.items() if name.startswith(short) and name != short}
    return {name: found.pop() for name, found in fulls.items() if len(found) == 1}


@by_identity
def foreign_bodies(rules: RecognitionRules) -> tuple[frozenset[str], frozenset[str]]:
    """China's bodies of lexicon BODY, and the names of lexicon COUNTRY but China's with the one-character short forms of
    those names only (`英国`, `俄`): before a body's name (`英国|外交部`) they name another country's."""
    foreign = frozenset(rules.lexicons.get("COUNTRY", ())) - DOMESTIC
    prefixes = foreign | {short for short, fulls in rules.place_full_forms.items() if foreign.issuperset(fulls)}
    return frozenset(rules.lexicons.get("BODY", ())), prefixes


def _target(etype: str, name: str, names: set[str], home: dict[str, str], aliases: Aliases,
            contested: set[str] = frozenset(), foreign: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
            first: dict[str, int] | None = None) -> str:
    canonical = aliases.canonical_name(etype, name)
    if canonical:
        if etype == "PERSON" and canonical in names:
            return canonical  # `习主席` → 习近平: a familiar form never names a person the text names in full
        group = [n for n in names if aliases.canonical_name(etype, n) == canonical]
        return max(group, key=lambda n: (len(n), n))
    if etype in SHORT_FORM_TYPES:
        ending = _unique_ending(name, names)
        if ending and not (etype == "ORG" and name in foreign[0] and ending[:-len(name)] in foreign[1] and first
                           and first.get(name, 0) < first.get(ending, 0)):
            return ending  # `外交部…英国外交部`: China's body named first is no anaphor of the later foreign one
        if etype == "EVENT" and first and (antecedent := _antecedent(name, names, first)):
            return antecedent
    if etype == "ORG":
        full = aliases.abbreviations.get(name)
        if full:
            ending = _unique_ending(full, names | {full})
            if ending and ending != full:
                return ending
            if full in names:
                return full
        if name[0] in LOCAL_PREFIXES and name[0] in home and (name[0] not in contested or not bare_level_body(name)):
            return home[name[0]] + name[1:]  # `市司法局` → 北京市司法局; `市委` → 天津市委 where no other city is named
        if bare_level_body(name) and name[0] not in home:
            return ""  # `作为省委书记`: a kind of body, in a document about no place of its level
    return name


SESSION_WORD, SESSION_END = "大会", "会议"


def session_organs(orgs: set[str]) -> dict[str, str]:
    """`大会主席团` → `十四届全国人大一次会议主席团`: 大会 is the session whose organ of that kind the document names, where
    it names one."""
    named = {}
    for name in orgs:
        if name.startswith(SESSION_WORD) and len(name) > len(SESSION_WORD) + 1:
            full = {n for n in orgs if n.endswith(SESSION_END + name[len(SESSION_WORD):])}
            if len(full) == 1:
                named[name] = full.pop()
    return named


def named_alone(mentions: list[Mention]) -> frozenset[str]:
    """The names that some mention gives outside an event's name: how the text names a body on its own (`全国政协`), not as
    part of a session's name (`中国人民政治协商会议第九届全国委员会|第一次会议`)."""
    events = [(m.start, m.end) for m in mentions if m.type == "EVENT"]
    return frozenset(m.name or m.text for m in mentions
                     if not any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in events))


def _named_as_alone(mapping: dict[tuple[str, str], str], alone: frozenset[str], heads: frozenset[str],
                    known: Mapping[str, str]) -> None:
    """An organisation whose chosen name the text gives only inside an event's name is named by the longest of its names the
    text gives alone (`全国政协`, not the session's `…第九届全国委员会`), but a bare head (`heads`: `常委会`), a name of the
    alias table first (`中共中央`, not `中央委员会`)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for (etype, name), target in mapping.items():
        if etype == "ORG" and target not in alone and ("ORG", target) in mapping and name in alone and name not in heads:
            groups[target].append(name)
    for target, names in groups.items():
        best = max(names, key=lambda n: (n in known, len(n), n))
        for key, value in mapping.items():
            if key[0] == "ORG" and value == target:
                mapping[key] = best


def _place_forms(mapping: dict[tuple[str, str], str], places: set[str], divisions: frozenset[str],
                 named_places: set[str], rules: RecognitionRules, aliases: Aliases, text: str) -> None:
    """Map in place the short, contracted, elided and prefixed forms of the document's places (`美`, `海南自贸港`)."""
    for name, target in place_short_forms(places, rules, aliases, text).items():
        mapping[("LOCATION", name)] = target
    _join_forms(mapping, "LOCATION", site_short_forms(places, rules.site_term_contractions))
    sites = {name for name in places if name.endswith(rules.suffixes("LOCATION"))}
    _join_forms(mapping, "LOCATION", elided_short_forms(sites, divisions, SITE_TAIL))
    for name, target in (division_forms(places, divisions) | state_contractions(places, divisions)).items():
        mapping[("LOCATION", name)] = target
    for name, target in place_prefixed_forms(places, named_places).items():
        if mapping[("LOCATION", name)] == name:
            mapping[("LOCATION", name)] = target


def _join_forms(mapping: dict[tuple[str, str], str], etype: str, forms: dict[str, str]) -> None:
    """Map in place each name of `forms` not yet mapped to what its target maps to, unless that is the name itself (a
    meeting's contraction of one of its own other forms, `中纪委二次全会` of `中央纪委二次全会`)."""
    for name, target in forms.items():
        if mapping[(etype, name)] == name and mapping[(etype, target)] != name:
            mapping[(etype, name)] = mapping[(etype, target)]


def _body_forms(mapping: dict[tuple[str, str], str], bodies: set[str], named_places: frozenset[str],
                places: frozenset[str], rules: RecognitionRules, national: frozenset[str]) -> None:
    """Map in place each body's other written forms (`mapping`: (type, surface) → name) to the one name: elided and party
    short forms, contractions, governments, level bodies, places written short or as states, a session's organs and national
    bodies written with the country's name (`national`: China's bodies of lexicon BODY)."""
    for name, target in (elided_short_forms(bodies, named_places) | party_short_forms(bodies, named_places)).items():
        mapping[("ORG", name)] = target
    for name, target in (contracted_short_forms(bodies) | government_forms(bodies) | named_level_bodies(bodies, places)
                         | kind_named_bodies(bodies, rules.site_term_contractions)).items():
        if mapping[("ORG", name)] == name:
            mapping[("ORG", name)] = target
    _join_forms(mapping, "ORG", legal_forms(bodies))
    countries = word_set(rules.lexicons.get("COUNTRY", ()))
    for name, target in place_abbreviated_bodies(bodies, rules.place_full_forms, countries).items():
        mapping[("ORG", name)] = target
    for name, target in state_form_bodies(bodies, DOMESTIC).items():
        if mapping[("ORG", name)] == name:
            mapping[("ORG", name)] = target
    for name, target in session_organs(bodies).items():
        mapping[("ORG", name)] = target
    for name, target in domestic_forms(bodies, DOMESTIC, national).items():
        mapping[("ORG", name)] = mapping[("ORG", target)]


def canonical_names(mentions: list[Mention], text: str, rules: RecognitionRules,
                    aliases: Aliases) -> dict[tuple[str, str], str]:
    """Map each (type, surface) to the name of its referent within the document."""
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        surfaces[m.type].add(m.name or m.text)
    places = place_set(rules.lexicons.get("PLACE", ()))
    home = home_place(text, places | leveled(surfaces.get("LOCATION", ()))
                      | leveled_in_bodies(surfaces.get("LOCATION", ()), surfaces.get("ORG", ())))
    contested = contested_levels(home, surfaces.get("LOCATION", set()), places)
    foreign, first = foreign_bodies(rules), {}
    for m in mentions:
        first[m.name or m.text] = min(m.start, first.get(m.name or m.text, m.start))
    alone = named_alone(mentions)
    mapping = {(etype, name): _target(etype, name, names, home, aliases, contested, foreign, first)
               for etype, names in surfaces.items() for name in names}
    past = past_editions(surfaces.get("EVENT", set()), text)
    for name in surfaces.get("EVENT", set()) - past:  # `全国语言文字工作会议` is no short form of `1986年…`
        if mapping[("EVENT", name)] in past:
            mapping[("EVENT", name)] = name
    for etype in ("EVENT", "ORG"):
        occasions = sorted(surfaces.get("EVENT", ()), key=lambda n: (first[n], n)) if etype == "ORG" else ()
        for name, target in same_meeting(surfaces.get(etype, set()), rules, aliases, occasions).items():
            if target != name:  # the group's own name keeps its target (`第113次委员长会议` → `十三届全国人大常委会第113次…`)
                mapping[(etype, name)] = target
    _join_forms(mapping, "EVENT", contracted_events(surfaces.get("EVENT", set()), rules, aliases))
    divisions = word_set(rules.lexicons.get("PLACE", ()))
    named_places = divisions | surfaces.get("LOCATION", set())
    _body_forms(mapping, surfaces.get("ORG", set()), named_places, places, rules, foreign[0])
    _join_forms(mapping, "ORG", place_form_bodies(surfaces.get("ORG", set()), aliases.canonical.get("LOCATION", {})))
    _place_forms(mapping, surfaces.get("LOCATION", set()), divisions, named_places, rules, aliases, text)
    for etype in PAIRED_TYPES:
        _join_forms(mapping, etype, paired_orders(surfaces.get(etype, set()), rules.place_full_forms))
        _join_forms(mapping, etype, dash_forms(surfaces.get(etype, set()), first))
        _join_forms(mapping, etype, bracketed_name_forms(surfaces.get(etype, set())))
    _join_forms(mapping, "EVENT", activity_forms(surfaces.get("EVENT", set())))
    persons = surfaces.get("PERSON", set())
    surnames = word_set(rules.lexicons.get("SURNAME", ()))
    for name, target in (transliterated_short_forms(persons, text) | familiar_forms(persons, text, surnames)).items():
        mapping[("PERSON", name)] = target
    _follow_chains(mapping)
    _named_as_alone(mapping, alone, frozenset(s for c in rules.chunkers if c.label == "ORG" for s in c.suffixes),
                    aliases.canonical.get("ORG", {}))
    for etype in SHORT_FORM_TYPES:  # `领导小组` where the document writes its group in full and short
        names = surfaces.get(etype, set())
        for name in names:
            longer = {n for n in names if n != name and n.endswith(name)}
            targets = {mapping[(etype, n)] for n in longer}
            if mapping[(etype, name)] == name and len(longer) > 1 and len(targets) == 1 and name not in foreign[0]:
                mapping[(etype, name)] = targets.pop()
    _follow_chains(mapping)  # `县委` → 高邑县委, itself now → 河北省高邑县委
    return mapping


def _follow_chains(mapping: dict[tuple[str, str], str]) -> None:
    """Map in place each surface to the end of its chain of targets (`A` → `B` → `C`: `A` → `C`)."""
    for key, target in list(mapping.items()):
        seen = {key[1]}
        while mapping.get((key[0], target), target) != target and target not in seen:
            seen.add(target)
            target = mapping[(key[0], target)]
        mapping[key] = target


def resolve(mentions: list[Mention], text: str, original: str, rules: RecognitionRules,
            aliases: Aliases) -> tuple[list[Entity], dict[tuple[int, int, str], str]]:
    """Group mentions into entities. Returns the entities and a map (start, end, type) → entity id.

    `text` is the analysed (folded) text, `original` the document text the spans index."""
    mentions = placed_level_bodies(mentions, text, place_set(rules.lexicons.get("PLACE", ())))
    mentions = [m for m in mentions if not _described_by_place(m, rules)]
    names = canonical_names(mentions, text, rules, aliases)
    entities: dict[str, Entity] = {}
    anchor: dict[tuple[int, int, str], str] = {}
    known: set[str] = set()
    for m in mentions:
        name = names[(m.type, m.name or m.text)]
        generic = name in rules.generic_chunks and m.source != BARE_EVENT and not bare_level_body(name)
        if not name or generic or name in rules.never_entities:
            continue
        eid = entity_id(m.type, aliases.canonical_name(m.type, name) or name)
        entity = entities.get(eid)
        if entity is None:
            entity = entities[eid] = Entity(eid, m.type, name, confidence=m.score)
        surface = original[m.start:m.end]
        # `十九届二中` of a list is no alias; `实验室党委` of 中关村实验室党委 is
        if surface != entity.name and surface not in entity.aliases and (not m.name or m.source == "short_form"):
            entity.aliases.append(surface)
        entity.mentions.append(Span(m.start, m.end, surface))
        entity.confidence = max(entity.confidence, m.score)
        anchor[(m.start, m.end, m.type)] = eid
        if m.source == LEXICON_SOURCE:
            known.add(eid)
    characters = _named_in_works_alone(entities.values(), text, known)
    return ([e for e in entities.values() if e.id not in characters],
            {key: eid for key, eid in anchor.items() if eid not in characters})


def organs_as_written(entities: list[Entity], mentions: list[Mention], anchor: dict[tuple[int, int, str], str],
                      text: str) -> list[Entity]:
    """`entities`, but an organ named bare in a chain of posts (`中共中央政治局常委、书记处书记`: 中共中央书记处) and never
    in full is named as the text names it, its full name an alias (its id and relations keep it)."""
    organs = {anchor.get((m.start, m.end, m.type)) for m in mentions if m.source == CHAIN_ORGAN}
    return [replace(e, name=e.mentions[0].text, aliases=[e.name, *e.aliases]) if e.id in organs and e.name not in text
            else e for e in entities]


WORK_TITLE = re.compile(r"《[^《》\n]*》")
WORK_PARTS = frozenset({"ORG", "LOCATION"})  # named only inside a longer title of a work, part of its name


def _named_in_works_alone(entities: Iterable[Entity], text: str, known: set[str]) -> set[str]:
    """The people named only inside the titles of works (`小提琴协奏曲《梁山伯与祝英台》`): characters or subjects of a
    work, no people of the news; but those the lexicon knows (`known`: ids). So are the bodies and places named only inside
    a longer title (`《中国共产党领导外事工作条例》`: a law's name; not `《人民日报》`, a paper's whole title)."""
    titles = [m.span() for m in WORK_TITLE.finditer(text)]
    if not titles:
        return set()
    def inside(span, whole: bool) -> bool:
        return any(start < span.start and span.end < end and (whole or end - start - 2 > span.end - span.start)
                   for start, end in titles)
    return {e.id for e in entities if (e.type == "PERSON" and e.id not in known or e.type in WORK_PARTS)
            and all(inside(span, e.type == "PERSON") for span in e.mentions)}
