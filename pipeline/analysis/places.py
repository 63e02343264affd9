"""Names the recognizer read as people's that the document shows to be places': listed among
places (`扎波罗热、苏梅、哈尔科夫|等地`), named by a place of the document with a division's suffix
(`哈尔科夫` beside `哈尔科夫州`), or put where only a place stands (`首府|埃尔比勒`, `顿涅茨克|地区`); and
names read as places' that a title before them shows to be people's (`总统|普京`), names of
neither that a virus strain's head follows (`德尔塔|变异株`), and people named only in the name of the ideology
named after them (`马克思|主义`)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from pipeline.analysis.analysed_mentions import WORD_SCORE
from pipeline.analysis.joined_names import in_parts, known_in_a_row
from pipeline.analysis.sentences import CLAUSE_MARK_CHARS, CLAUSE_MARKS
from pipeline.analysis.wordindex import word_analysis
from pipeline.records import Mention
from pipeline.wordlists import ends_with_any, starts_with_any, word_at

LIST_MARKS = "、和及与"
GUESSED = ("model", "rule:enumeration")  # the sources of people's names that a list of places overrules


# a count of places that closes their list (`大埔、天水围|等７个地区`, `…|等10个城市`); not of countries, which opens a
# title too (`…等多个国家|领导人`)
COUNTED_PLACES = re.compile(r"等(?:[0-9０-９一二三四五六七八九十几两]+|多)个(?:地区|城市|省份|州)")
PLACE_WORD = "ns"


def listed_places(mentions: list[Mention], words: list[tuple[int, int, str]] | None, text: str,
                  list_ends: tuple[str, ...]) -> list[Mention]:
    """The people named in a list of places, which what closes it tells (`扎波罗热、苏梅、哈尔科夫|等地`, `…|等７个地区`:
    the names before it, each after the next but for one list mark), are places; so is a place's name of the word
    analysis in the list that no mention covers (`大埔、|天水围|等７个地区`)."""
    if not words:
        return mentions
    starting = word_analysis(words).starting
    by_end: dict[int, list[Mention]] = {}
    for m in mentions:
        by_end.setdefault(m.end, []).append(m)
    covered = bytearray(len(text))
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    listed_words = [Mention(s, e, text[s:e], "LOCATION", "words", WORD_SCORE) for s, e, pos in words
                    if pos == PLACE_WORD and not any(covered[s:e])]  # a place only if listed
    for m in listed_words:
        by_end.setdefault(m.end, []).append(m)
    listed: set[tuple[int, int]] = set()
    longest = max(map(len, list_ends), default=0)
    for m in mentions + listed_words:
        counted = COUNTED_PLACES.match(text, m.end)
        closing = counted.group() if counted else starts_with_any(text[m.end:m.end + longest], list_ends)
        if not closing or (m.end + len(closing) < len(text) and m.end + len(closing) not in starting):
            continue
        item = m
        while item is not None and (item.start, item.end) not in listed:
            listed.add((item.start, item.end))
            before = by_end.get(item.start - 1, ()) if item.start and text[item.start - 1] in LIST_MARKS else ()
            item = max(before, key=lambda b: b.end - b.start, default=None)
    return [replace(m, type="LOCATION") if m.type == "PERSON" and (m.start, m.end) in listed else m for m in mentions] \
        + [m for m in listed_words if (m.start, m.end) in listed]


STATE = "州"  # a state's, an oblast's or a prefecture's generic term (`伊利诺伊州`, `新西伯利亚州`)

ADDRESS_TERMS = ("区", "县", "市", "旗")  # the district's, county's, city's or banner's term an address leaves out (`北京延庆`)

def people_named_in_places(mentions: list[Mention], place_finals: str, text: str = "",
                           place_heads: tuple[str, ...] = (), place_nouns: tuple[str, ...] = (),
                           divisions: frozenset[str] = frozenset()) -> list[Mention]:
    """A person's name that a place of the document is named by, with an administrative
    division's suffix (`哈尔科夫` beside `哈尔科夫州` or `乌克兰哈尔科夫州`), is that place's: a transliterated name the
    recognizer read as a person's where it stands alone. So is one the text calls a place anywhere:
    after a noun of place it names (`首府|埃尔比勒`, `港口城市|蒙巴萨`) or right after the state it
    lies in (`伊利诺伊州|北奈尔斯`: an address runs from the larger place to the smaller; not a county's
    or a city's, which a letter's signature puts before its writer: `（河北石家庄市|顾克）`), before a
    noun of place that locates by it (`哈尔科夫|方向`, `（乌称波克罗夫斯克）…在波克罗夫斯克|地区`) or by it and the place
    joined to it (`库拉霍沃和波克罗夫斯克|方向`), or
    listed between places (`在波特兰、西雅图、洛杉矶`) or in a list of more places than people, two at
    least (`金华、桐庐、淳安5个分村`); and one right after a place that names a Chinese division written without its
    term (`divisions`: lexicon PLACE; `在北京|延庆`, `浙江|德清`: 延庆区, 德清县; not `部长|钟山`)."""
    stems = {m.text[:-1] for m in mentions if m.type == "LOCATION" and m.text[-1:] in place_finals and len(m.text) > 1}
    states = {m.end for m in mentions if m.type == "LOCATION" and len(m.text) >= 3 and m.text[-1] == STATE}
    place_ends = {m.end for m in mentions if m.type == "LOCATION"}
    place_at = {m.start: m for m in mentions if m.type == "LOCATION"}
    placed = {m.text for m in mentions if m.type == "PERSON" and (
        any(stem.endswith(m.text) for stem in stems)
        or (m.source == "model" and (m.start in states or _placed_by_context(m.text, text, place_heads, place_nouns)
                                     or _paired_with_place(m, place_at, text, place_nouns)))
        or m.start in place_ends and any(m.text + term in divisions for term in ADDRESS_TERMS))}
    placed |= _listed_among_places(mentions, text)
    return [replace(m, type="LOCATION") if m.type == "PERSON" and m.text in placed else m for m in mentions]


def people_named_after_titles(mentions: list[Mention], text: str, titles: tuple[str, ...],
                              known_places: frozenset[str]) -> list[Mention]:
    """A name the recognizer read as a place's that the document writes right after one of `titles`
    somewhere, which Chinese news writes between a country and its holder's name (`俄罗斯总统|普京`;
    `同普京总统` read as a place elsewhere), or lists (`、`) between two people (`张希东、|陈贵州|、陈蔚文`), is that
    person's, unless a lexicon of places lists it (`known_places`) or it is a place's one-character short form (`日`,
    which `总统|日前` follows)."""
    listed = {m.text for chain in _lists(mentions, text) for i, m in enumerate(chain) if _between(chain, i, "PERSON")}
    named = {m.text for m in mentions if m.type == "LOCATION" and m.source == "model" and len(m.text) >= 2
             and m.text not in known_places and (m.text in listed or _written_after(m.text, text, titles))}
    return [replace(m, type="PERSON") if m.type == "LOCATION" and m.text in named else m for m in mentions]


def without_strains(mentions: list[Mention], text: str, strain_heads: tuple[str, ...],
                    known_places: frozenset[str]) -> list[Mention]:
    """Without the people and places the recognizer or the word analysis found whose name the
    document writes right before a head that makes it a virus strain's, or one character before it
    (`德尔塔|变异株`, `奥密克|戎|变异株`); not a place a lexicon lists (`英国|变异株`, where one was found)."""
    strains = {m.text for m in mentions if m.type in ("PERSON", "LOCATION") and m.source in ("model", "words")
               and m.text not in known_places
               and any(text.startswith(head, end) for head in strain_heads for end in (m.end, m.end + 1))}
    return [m for m in mentions if m.text not in strains or m.type not in ("PERSON", "LOCATION")]


def without_eponyms(mentions: list[Mention], text: str, ism_heads: tuple[str, ...],
                    place_eponym_heads: tuple[str, ...] = (), body_eponym_heads: tuple[str, ...] = ()) -> list[Mention]:
    """Without the people the document names only right before the head of an ideology named after
    them (`马克思|主义`, `马克思|列宁主义`, `列宁|主义`), and the places it names only right before the head of
    what is named after them (`奥斯陆|协议`, `井冈山|精神`, `东南亚|金融危机`, `中东|和平进程`), and the bodies it names
    only right before the head of a law that organises them (`全国人民代表大会|组织法`): the name is part of the other's,
    no person, place or body the text speaks of."""
    heads_by_type = {"PERSON": ism_heads, "LOCATION": place_eponym_heads, "ORG": body_eponym_heads}

    def only_before_heads(m: Mention) -> bool:
        heads = heads_by_type.get(m.type, ())
        return text.startswith(heads, m.end) and all(
            text.startswith(heads, at + len(m.text)) for at in _occurrences(m.text, text))
    eponyms = {(m.type, m.text) for m in mentions if only_before_heads(m)}
    return [m for m in mentions if (m.type, m.text) not in eponyms]


DEMONYM = "人"  # after a place's name, a person of the place (`中国|人`)
NATIVE = "是"  # the copula of where one comes from (`钟敬之是浙江嵊县人。`)
NATIVE_REACH = 8  # the longest places before the native place looked back over (`是四川省|南川县`)
CLAUSE_ENDS = (*CLAUSE_MARK_CHARS, "")


def without_demonyms(mentions: list[Mention], text: str, words: list[tuple[int, int, str]] | None) -> list[Mention]:
    """Without the places written right before 人 as a word of its own (`我们中国|人|喝茶水`, `３名中国|人|参加`): a
    person of the place, whom the name describes; it names no place there, but where a clause says one comes from it
    (`是浙江嵊县|人。`)."""
    if not words:
        return mentions
    starting = word_analysis(words).starting

    def demonym(m: Mention) -> bool:
        end = m.end + len(DEMONYM)
        if m.type != "LOCATION" or not text.startswith(DEMONYM, m.end) or starting.get(m.end) != (end, "n"):
            return False
        clause = text.rfind(NATIVE, max(0, m.start - NATIVE_REACH), m.start)
        return not (clause != -1 and not CLAUSE_MARKS.search(text, clause, m.start) and text[end:end + 1] in CLAUSE_ENDS)
    return [m for m in mentions if not demonym(m)]


def venues(mentions: list[Mention], venue_heads: tuple[str, ...], known_places: frozenset[str], text: str = "",
           posts: tuple[str, ...] = (), seat_heads: tuple[str, ...] = (),
           seat_prepositions: tuple[str, ...] = (), seat_offices: tuple[str, ...] = ()) -> list[Mention]:
    """Bodies whose name ends in the head of a venue's (`北京饭店`) as the places they are; a venue
    written after its city, both places a lexicon lists, as the two (`北京|钓鱼台国宾馆`: the known
    names written together of `joined_names`). One right before a post (`北京饭店|总经理`) is the body
    there. A seat of government or headquarters (`白宫`, `联合国总部`: `seat_heads`) is the place only after one
    of `seat_prepositions` (`在|白宫`), the city a lexicon lists before it a place of its own (`在纽约|联合国总部`).
    A hall of a venue written right after it is the venue's room, one place (`人民大会堂|北大厅`). The office that seats
    a head of state or government (`seat_offices`) after its place is the body with it (`土耳其|总统府`), or after
    one of `seat_prepositions`, the site apart from it (`在曼谷|总理府`)."""
    found = []
    for m in _with_rooms(_with_offices(mentions, text, seat_offices, seat_prepositions), venue_heads):
        seat = m.text.endswith(seat_heads) and text.endswith(seat_prepositions, 0, m.start)
        if m.type in ("ORG", "LOCATION") and (m.text.endswith(venue_heads) or seat) \
                and not starts_with_any(text[m.end:m.end + 8], posts):
            parts = known_in_a_row(m.text, known_places) or (_city_and_seat(m.text, known_places) if seat else None)
            found += [replace(part, type="LOCATION") for part in in_parts(m, parts)]
        else:
            found.append(m)
    return found


def _with_offices(mentions: list[Mention], text: str, offices: tuple[str, ...], prepositions: tuple[str, ...]) -> list[Mention]:
    starts = {m.start for m in mentions}
    found = []
    for m in mentions:
        office = next((o for o in offices if text.startswith(o, m.end)), None) if m.type == "LOCATION" else None
        if office is None or m.end in starts or len(m.text) < MIN_OFFICE_PLACE_CHARS:
            found.append(m)
        elif text.endswith(prepositions, 0, m.start):
            found += [m, Mention(m.end, m.end + len(office), office, "LOCATION", m.source, m.score)]
        else:
            found.append(Mention(m.start, m.end + len(office), m.text + office, "ORG", m.source, m.score))
    return found


MIN_OFFICE_PLACE_CHARS = 2  # a country's or city's name, not its one-character abbreviation (`伊|总统府`)
ROOM_HEAD, MAX_ROOM_CHARS = "厅", 4  # `北大厅`, `金色大厅`, `福建厅`: a hall of the venue it follows


def _with_rooms(mentions: list[Mention], venue_heads: tuple[str, ...]) -> list[Mention]:
    rooms = {m.start: m for m in mentions if m.type == "LOCATION" and m.text.endswith(ROOM_HEAD)
             and len(m.text) <= MAX_ROOM_CHARS}
    found, taken = [], set()
    for m in mentions:
        room = rooms.get(m.end) if m.type == "LOCATION" and m.text.endswith(venue_heads) else None
        if room is not None:
            found.append(replace(m, end=room.end, text=m.text + room.text))
            taken.add(room.start)
        elif not (m.start in taken and rooms.get(m.start) is m):
            found.append(m)
    return found


def institutions(mentions: list[Mention], heads: tuple[str, ...], known_places: frozenset[str] = frozenset()) -> list[Mention]:
    """Places whose name ends in the head of an institution's (`国家|博物馆`, `沈阳市|动物园`, `省|军区`) as the
    organisations they are; not a place of `known_places` (`点军区`, a district)."""
    return [replace(m, type="ORG") if m.type == "LOCATION" and m.text.endswith(heads) and m.text not in known_places else m
            for m in mentions]


MIN_SEAT_CHARS = 4  # `联合国总部`, `克里姆林宫`; not `少年宫`, which names no seat after a city


def _city_and_seat(name: str, known_places: frozenset[str]) -> list[str] | None:
    """`纽约|联合国总部`: a listed place and the seat named after it, if `name` is the two."""
    return next(([name[:cut], name[cut:]] for cut in range(2, len(name) - MIN_SEAT_CHARS + 1)
                 if name[:cut] in known_places), None)


def _occurrences(name: str, text: str) -> Iterator[int]:
    """Where `text` writes `name`, one occurrence after another."""
    start = text.find(name)
    while start >= 0:
        yield start
        start = text.find(name, start + len(name))


def _written_after(name: str, text: str, titles: tuple[str, ...]) -> bool:
    return any(ends_with_any(text, start, titles) for start in _occurrences(name, text))


def _placed_by_context(name: str, text: str, heads: tuple[str, ...], nouns: tuple[str, ...]) -> bool:
    """Whether `text` writes `name` somewhere after a noun of place that it names or before one
    that locates by it."""
    return any(ends_with_any(text, start, heads) or word_at(text, start + len(name), nouns) for start in _occurrences(name, text))


def _paired_with_place(m: Mention, place_at: dict[int, Mention], text: str, nouns: tuple[str, ...]) -> bool:
    """Whether a place that a conjunction joins to `m` ends right before a noun of place that locates by both
    (`库拉霍沃|和|波克罗夫斯克|方向`)."""
    place = place_at.get(m.end + 1) if text[m.end:m.end + 1] in LIST_MARKS else None
    return place is not None and bool(word_at(text, place.end, nouns))


def _lists(mentions: list[Mention], text: str) -> Iterator[list[Mention]]:
    """The lists of mentions joined by `、`, the longest mention at each start, one mention alone a list too."""
    starting: dict[int, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.start - m.end):
        starting.setdefault(m.start, m)
    listed: set[int] = set()
    for first in sorted(starting.values(), key=lambda m: m.start):
        if first.start in listed:
            continue
        chain = [first]
        while text[chain[-1].end:chain[-1].end + 1] == "、" and chain[-1].end + 1 in starting:
            chain.append(starting[chain[-1].end + 1])
        listed.update(m.start for m in chain)
        yield chain


def _between(chain: list[Mention], i: int, kind: str) -> bool:
    """Whether the list's item `i` stands between two items of type `kind`."""
    return 0 < i < len(chain) - 1 and chain[i - 1].type == chain[i + 1].type == kind


def _listed_among_places(mentions: list[Mention], text: str) -> set[str]:
    """The names of the recognizer's people, and of those a list of them continued with
    (`enumerated_people`), listed (`、`) between two places, or in a list of more places than
    people, two at least."""
    placed: set[str] = set()
    for chain in _lists(mentions, text):
        places, people = (sum(m.type == kind for m in chain) for kind in ("LOCATION", "PERSON"))
        placed |= {m.text for i, m in enumerate(chain) if m.type == "PERSON" and m.source in GUESSED and (
            (places >= 2 and places > people) or _between(chain, i, "LOCATION"))}
    return placed
