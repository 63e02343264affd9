"""Names written together without a mark between them, as headlines write them: known bodies
(`中共中央国务院`), people listed in a row (`赵乐际王沪宁蔡奇`); and names their parts were found apart in: a state's
(`巴西|联邦共和国`), a branch's (`中国银行|北京分行`), a double-barrelled name's (`科西尼亚克-|卡梅什`,
`北莱茵-|威斯特法伦州`)."""
from __future__ import annotations

import re

from pipeline.analysis.boundaries import MAX_WORD_CHARS
from pipeline.analysis.matching import CONJUNCTIONS, NAME_DOTS_SET
from pipeline.records import Mention

# a place's party committee and its government written as one (`象山县委县政府`, `广州市委市政府`)
COMMITTEE_AND_GOVERNMENT = re.compile(r"(?P<committee>.{0,12}?(?P<level>[省市县区州旗乡镇])委)"
                                      r"(?P<government>(?P=level)(?:人民)?政府)")


def split_joined_names(mentions: list[Mention], known: frozenset[str], unit_finals: str = "") -> list[Mention]:
    """An ORG mention that is two or more known organisation names written without a mark between
    them, as headlines do (`中共中央国务院举行春节团拜会`, `中共中央国务院中央军委举行座谈会`), is
    those mentions; not where the last ends in a unit's final (`unit_finals`): a body's department
    after the body is one name (`解放军|总政治部`). So is a place's party committee and government
    written as one (`象山县委|县政府`)."""
    return [part for m in mentions for part in in_parts(m, _joined_parts(m, known, unit_finals))]


def _joined_parts(m: Mention, known: frozenset[str], unit_finals: str) -> list[str] | None:
    if m.type != "ORG" or m.text in known:
        return None
    if joined := COMMITTEE_AND_GOVERNMENT.fullmatch(m.text):
        return [joined.group("committee"), joined.group("government")]
    return None if unit_finals and m.text.endswith(tuple(unit_finals)) else known_in_a_row(m.text, known)


def in_parts(m: Mention, parts: list[str] | None) -> list[Mention]:
    """`m` as the mentions of `parts`, the names it is written with one after another, when they are
    two or more; else `m`."""
    if not parts or len(parts) < 2:
        return [m]
    starts = [m.start + sum(len(p) for p in parts[:i]) for i in range(len(parts))]
    return [Mention(start, start + len(part), part, m.type, m.source, m.score) for start, part in zip(starts, parts)]


def known_in_a_row(text: str, known: frozenset[str]) -> list[str] | None:
    """`text` as a sequence of `known` names of two characters or more (the shortest first), if it is one."""
    if text in known:
        return [text]
    for cut in range(2, len(text) - 1):
        if text[:cut] in known and (rest := known_in_a_row(text[cut:], known)) is not None:
            return [text[:cut], *rest]
    return None


BODY_CONJUNCTIONS = CONJUNCTIONS | {"同"}  # and the comitative of two bodies' relations (`中国全国人大同蒙古国家大呼拉尔`)
FOREIGN_BODY_CHARS = 4  # the fewest characters of the second body: a country's name and a head at least


def conjoined_bodies(mentions: list[Mention], known: frozenset[str], countries: frozenset[str]) -> list[Mention]:
    """An ORG mention that is two bodies a conjunction joins (`中国全国人大同蒙古国家大呼拉尔|长期保持友好交往`,
    `中国全国人大同毛里求斯国民议会…`) is those two: a body known to the lexicon or named on its own by another
    mention before the conjunction, and after it one of another country, which begins with the country's name.
    A conjunction inside one name (`国家卫生和计划生育委员会`) has no known body before it."""
    named = known | {m.text for m in mentions if m.type == "ORG"}
    out = []
    for m in mentions:
        at = None if m.text in known else _conjunction_at(m, named, countries)
        out += [m] if at is None else [Mention(m.start, m.start + at, m.text[:at], "ORG", m.source, m.score),
                                       Mention(m.start + at + 1, m.end, m.text[at + 1:], "ORG", m.source, m.score)]
    return out


def _conjunction_at(m: Mention, named: frozenset[str], countries: frozenset[str]) -> int | None:
    if m.type != "ORG":
        return None
    for at, char in enumerate(m.text):
        second = m.text[at + 1:]
        if char in BODY_CONJUNCTIONS and m.text[:at] in named and len(second) >= FOREIGN_BODY_CHARS \
                and any(second[:n] in countries for n in range(1, len(second) - 1)):
            return at
    return None


def split_listed_people(mentions: list[Mention]) -> list[Mention]:
    """A PERSON mention that is two or more people the document names elsewhere, written without
    a mark between them as headlines list leaders (`赵乐际王沪宁蔡奇丁薛祥李希韩正出席`) and a treaty's
    signatures the signatories (`祝有容让·梅泰·亚彭德`: a transliterated name, dotted, may be longer), is
    those people's mentions."""
    names = {m.text for m in mentions if m.type == "PERSON" and 2 <= len(m.text)
             and (len(m.text) <= MAX_WORD_CHARS or any(dot in m.text for dot in NAME_DOTS_SET))}
    return [part for m in mentions for part in in_parts(
        m, _names_in_a_row(m.text, tuple(sorted(names - {m.text}, key=len, reverse=True)))
        if m.type == "PERSON" and len(m.text) >= 4 else None)]


def _names_in_a_row(text: str, names: tuple[str, ...]) -> list[str] | None:
    """`text` as a sequence of `names` (longest first where several fit), if it is one."""
    if not text:
        return []
    for name in names:
        if text.startswith(name) and (rest := _names_in_a_row(text[len(name):], names)) is not None:
            return [name, *rest]
    return None


STATE_FORMS = ("共和国", "王国", "合众国")  # what ends a state's full name (`希腊共和国`, `巴西联邦共和国`)


def joined_state_forms(mentions: list[Mention], known_places: frozenset[str]) -> list[Mention]:
    """A known place and the form of its state written right after it, found apart (`巴西|联邦共和国`,
    `委内瑞拉|玻利瓦尔共和国`), as the one place they name (`巴西联邦共和国`)."""
    places = {m.end: m for m in mentions if m.type == "LOCATION" and m.text in known_places}
    forms = {m.start: m for m in mentions if m.type == "LOCATION" and m.text.endswith(STATE_FORMS)
             and m.start in places and m.text not in known_places}
    if not forms:
        return mentions
    firsts = {places[start].start for start in forms}
    joined = [Mention(places[f.start].start, f.end, places[f.start].text + f.text, "LOCATION", f.source, f.score)
              for f in forms.values()]
    return sorted([m for m in mentions if m.start not in forms and not (m.start in firsts and m.end in forms)] + joined,
                  key=lambda m: (m.start, m.end))


BRANCH_CHARS = 2  # a branch's own name after its place, at least (`河南|调查总队`, `北京|分行`)


def joined_branches(mentions: list[Mention], known_places: frozenset[str]) -> list[Mention]:
    """A body's branch written right after the body, named by its place (`国家统计局|河南调查总队`,
    `中国银行|北京分行`), found apart: the one body they name, the branch (`国家统计局河南调查总队`)."""
    bodies = {m.end: m for m in mentions if m.type == "ORG"}
    joined: dict[tuple[int, int, str], Mention] = {}
    for m in mentions:
        body = bodies.get(m.start) if m.type == "ORG" else None
        if body and any(m.text[:k] in known_places for k in range(2, len(m.text) - BRANCH_CHARS + 1)):
            branch = Mention(body.start, m.end, body.text + m.text, "ORG", m.source, min(body.score, m.score))
            joined[(body.start, body.end, "ORG")] = joined[(m.start, m.end, "ORG")] = branch
    return _with_joined(mentions, joined)


SHORT_FORM_CHARS = 2  # a body's short form (`北约`, `非盟`), which a headline lists beside a place without a mark


def placed_bodies(mentions: list[Mention], words: list[tuple[int, int, str]] | None,
                  known_places: frozenset[str], known_orgs: frozenset[str]) -> list[Mention]:
    """A body written right after a known place, found apart, whose own name begins with no place or place
    word (`委内瑞拉|统一社会主义党`): the one body they name (`委内瑞拉统一社会主义党`). A body whose name begins
    with a place of its own is only located by the place before it (`武汉|中国地质大学`), and so is one that
    ends in a known body's name, which is whole (`中南海|国务院`, `中国|非盟`, `澳门特别行政区|第十四届全国人大`), and
    a short form (`美国|北约是主要威胁`)."""
    places = {m.end: m for m in mentions if m.type == "LOCATION" and m.text in known_places}
    place_words = {start for start, _, pos in words or () if pos == "ns"}
    joined: dict[tuple[int, int, str], Mention] = {}
    for m in mentions:
        place = places.get(m.start) if m.type == "ORG" and len(m.text) > SHORT_FORM_CHARS else None
        if place is None or m.start in place_words or any(m.text[:k] in known_places for k in range(2, len(m.text))) \
                or any(m.text[k:] in known_orgs for k in range(len(m.text) - 1)):
            continue
        body = Mention(place.start, m.end, place.text + m.text, "ORG", m.source, min(place.score, m.score))
        joined[(place.start, place.end, "LOCATION")] = joined[(m.start, m.end, "ORG")] = body
    return _with_joined(mentions, joined)


HYPHEN = "-"  # a full-width hyphen is folded to it


def hyphenated_people(mentions: list[Mention], text: str) -> list[Mention]:
    """Two people's names a hyphen joins, found apart (`科西尼亚克|-|卡梅什`, `阿卜杜勒|-|迈赫迪`), as the one
    double-barrelled name of a person that transliterations write so (`科西尼亚克-卡梅什`)."""
    people = {m.start: m for m in mentions if m.type == "PERSON"}
    joined: dict[tuple[int, int, str], Mention] = {}
    for first in people.values():
        second = people.get(first.end + len(HYPHEN)) if text.startswith(HYPHEN, first.end) else None
        if second and (second.start, second.end, "PERSON") not in joined:
            name = Mention(first.start, second.end, text[first.start:second.end], "PERSON", first.source,
                           min(first.score, second.score))
            joined[(first.start, first.end, "PERSON")] = joined[(second.start, second.end, "PERSON")] = name
    return _with_joined(mentions, joined)


def hyphenated_names(mentions: list[Mention], text: str, place_finals: str, known_places: frozenset[str]) -> list[Mention]:
    """`mentions` with the people's and the places' names a hyphen joins made one (`hyphenated_people`, `_hyphenated_places`)."""
    return _hyphenated_places(hyphenated_people(mentions, text), text, place_finals, known_places)


def _hyphenated_places(mentions: list[Mention], text: str, place_finals: str, known_places: frozenset[str]) -> list[Mention]:
    """Two places' names a hyphen joins, found apart, where the second ends in a division's term and the first neither
    does nor is a known place (`北莱茵|-|威斯特法伦州`, `迈阿密|-|戴德县`): the one division named after both its parts
    (`北莱茵-威斯特法伦州`); not two places a relation or a zone joins (`中国-|东盟`, `深圳－|香港地区`)."""
    places = {m.start: m for m in mentions if m.type == "LOCATION"}
    joined: dict[tuple[int, int, str], Mention] = {}
    for first in places.values():
        second = places.get(first.end + len(HYPHEN)) if text.startswith(HYPHEN, first.end) else None
        if second and second.text[-1] in place_finals and first.text[-1] not in place_finals \
                and first.text not in known_places and (first.start, first.end, "LOCATION") not in joined:
            name = Mention(first.start, second.end, text[first.start:second.end], "LOCATION", second.source,
                           min(first.score, second.score))
            joined[(first.start, first.end, "LOCATION")] = joined[(second.start, second.end, "LOCATION")] = name
    return _with_joined(mentions, joined)


def _with_joined(mentions: list[Mention], joined: dict[tuple[int, int, str], Mention]) -> list[Mention]:
    """`mentions` with the parts found apart (`joined`: (start, end, type) of each part → the name they make)
    replaced by the names they make, in text order."""
    if not joined:
        return mentions
    kept = [m for m in mentions if (m.start, m.end, m.type) not in joined]
    return sorted(kept + list(set(joined.values())), key=lambda m: (m.start, m.end))
