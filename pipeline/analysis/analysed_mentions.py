"""Mention candidates from the statistical analyses: the recognizer's entities, the names the
word analysis reads (`doc._.zhkg_words`) where nothing else was found, and the other people of a
list that names one."""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH
from spacy.tokens import Doc

from pipeline.analysis.matching import HAN, HAN_CLASS, NAME_DOTS_SET, PAUSES
from pipeline.analysis.wordindex import word_analysis
from pipeline.records import Mention
from pipeline.wordlists import ends_with_any

MODEL_SCORE = 0.9
BLANK = re.compile(r"\s")
UNBLANKED = re.compile(r"\S{2,}")
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def model_mentions(doc: Doc, text: str) -> list[Mention]:
    """The mentions of `doc.ents` (`text`: the doc's text), read from its token arrays without
    making a `Span` of each; one across a blank is the names on either side of it. A person or a
    place that is the whole of a title in 《》 is the work's title (`《天鹅湖》`), no mention."""
    strings = doc.vocab.strings
    mentions = []
    for start, end, label in entity_offsets(doc):
        name = text[start:end]
        if strings[label] in WORK_TITLE_TYPES and work_title(text, start, end):
            continue
        if BLANK.search(name):  # `全国人大香港代表团 澳门代表团` in a headline: names are written without blanks
            mentions += [Mention(start + part.start(), start + part.end(), part.group(), strings[label], "model",
                                 MODEL_SCORE) for part in UNBLANKED.finditer(name)]
        else:
            mentions.append(Mention(start, end, name, strings[label], "model", MODEL_SCORE))
    return dotted_names(mentions, text)


LAST_HAN_RUN = re.compile(f"[{HAN_CLASS}]{{2,4}}$")


def dotted_names(mentions: list[Mention], text: str) -> list[Mention]:
    """No name begins or ends with a middle dot. People on either side of one are one person
    (`艾力|·依明巴海`, `伊万・|杜克`), also with a Han character the recognizer left out before the dot
    (`艾力|更|·依明巴海`: 更, more), and with a name right after them that a pause ends (`…·依明|巴海、`).
    A person's name after a dot with no person before it begins after a pause within four Han
    characters (`、|艾力更·依明`), else it is no person (`最美海岸·珠澳同行`). Any other name begins or
    ends at the dot (`中国|·哈尔滨`)."""
    if not any(m.text[0] in NAME_DOTS_SET or m.text[-1] in NAME_DOTS_SET for m in mentions):
        return mentions
    stripped = [(_undotted(m), m.text[0] in NAME_DOTS_SET) for m in mentions]
    starting = {m.start: m for m, _ in stripped if m}
    person_of: dict[int, Mention | None] = {}  # id of a stripped person → the whole person (None: no person)
    groups: list[list[Mention]] = []
    for m, lead in sorted(((m, lead) for m, lead in stripped if m and m.type == "PERSON"), key=lambda p: p[0].start):
        if groups and _dot_between(groups[-1][-1].end, m.start, text):
            groups[-1].append(m)
        elif lead and (before := _name_before_dot(m.start - 1, text)):
            groups.append([before, m])
        elif lead:
            person_of[id(m)] = None
        else:
            groups.append([m])
    for group in (g for g in groups if len(g) > 1):
        end = group[-1].end
        rest = starting.get(end)
        if rest is not None and rest.type in ("PERSON", "LOCATION") and text[rest.end:rest.end + 1] in PAUSES:
            end, person_of[id(rest)] = rest.end, None
        whole = Mention(group[0].start, end, text[group[0].start:end], "PERSON", group[-1].source, group[-1].score)
        person_of.update((id(m), whole) for m in group)
    found = [person_of.get(id(m), m) for m, _ in stripped if m]
    return list(dict.fromkeys(m for m in found if m is not None))


def _undotted(m: Mention) -> Mention | None:
    """`m` without a middle dot at either edge; None where fewer than two characters are left."""
    start = m.start + (m.text[0] in NAME_DOTS_SET)
    end = m.end - (m.text[-1] in NAME_DOTS_SET)
    if (start, end) == (m.start, m.end):
        return m
    if end - start < 2:
        return None
    return Mention(start, end, m.text[start - m.start:end - m.start], m.type, m.source, m.score, m.name)


def _dot_between(end: int, start: int, text: str) -> bool:
    """Whether a middle dot, or a Han character and a middle dot, lie between two names."""
    between = text[end:start]
    return between in NAME_DOTS_SET or (len(between) == 2 and between[1] in NAME_DOTS_SET and bool(HAN.match(between)))


def _name_before_dot(end: int, text: str) -> Mention | None:
    """The two to four Han characters before a dot at `end`, where a pause or the text's start
    comes before them, as a person's name."""
    run = LAST_HAN_RUN.search(text[max(0, end - 4):end])
    start = end - len(run.group()) if run else end
    if run and (start == 0 or text[start - 1] in PAUSES):
        return Mention(start, end, text[start:end], "PERSON", "model", MODEL_SCORE)
    return None


def entity_offsets(doc: Doc) -> list[tuple[int, int, int]]:
    """(start char, end char, label id) of each of `doc.ents`: an entity begins at a `B` token
    of some type and runs over the `I` tokens after it."""
    iob, label, idx, length = doc.to_array([ENT_IOB, ENT_TYPE, IDX, LENGTH]).reshape(-1, 4).T
    begins = np.flatnonzero((iob == 3) & (label != 0))
    ends = np.append(np.flatnonzero(iob != 1), len(iob))  # an entity ends before the first token not `I`
    last = ends[np.searchsorted(ends, begins, side="right")] - 1
    return list(zip(idx[begins].tolist(), (idx[last] + length[last]).tolist(), label[begins].tolist()))


WORK_TITLE_TYPES = frozenset({"PERSON", "LOCATION"})  # what a work's title read alone is not (a periodical is an ORG)
WORD_SCORE = 0.6


def work_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the whole of a title in 《》 (`演出了《天鹅湖》`)."""
    return text.startswith("《", start - 1) and text.startswith("》", end)


def in_work_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a title in 《》 (`《共产党宣言》`, `《中国共产党普通高等学校基层组织工作条例》`)."""
    opening, closing = text.rfind("《", 0, start), text.find("》", end)
    return opening != -1 and closing != -1 and "》" not in text[opening:start] and "《" not in text[end:closing]


TRANSLITERATED_CHARS = 4  # a person's name longer than a Chinese one (`帕什尼扬`)
NAME_CLOSERS = "，。、；：！？,.;:!?）)”\n"  # what ends a name that ends its phrase (`帕什尼扬|，`)


def worded_people(text: str, words: list[tuple[int, int, str]] | None, surnames: frozenset[str],
                  found: list[Mention]) -> list[Mention]:
    """People the word analysis reads as a person's name (`nr`, three characters, the first a
    surname of the list): where no other mention lies (`中国科学院大气物理研究所|曾庆存|院士`), and
    over a person the recognizer cut short (`曾庆|存`), as a transliterated name of four characters or more is
    where its word ends its phrase and begins with no surname (`帕什尼|扬，`; not `沈雷身|边`). Two-character ones
    are left: the analysis reads too many words as names there (`恩赐`, `风华`)."""
    short = {(m.start, m.end) for m in found if m.type == "PERSON"}
    names = [(s, e) for s, e, pos in words or () if pos == "nr" and (
        e - s == 3 and text[s] in surnames
        or e - s >= TRANSLITERATED_CHARS and (s, e - 1) in short and text[s] not in surnames
        and (e == len(text) or text[e] in NAME_CLOSERS))]
    taken = {pos for m in found for pos in range(m.start, m.end)}
    return [Mention(s, e, text[s:e], "PERSON", "words", WORD_SCORE) for s, e in names
            if (not any(p in taken for p in range(s, e)) or (s, e - 1) in short) and not work_title(text, s, e)]


MAX_LATE_CHARS = 2  # how many characters of a name after a title the recognizer may leave out
COPULA = "为"  # `…、秦刚为国务委员`: what a name is appointed to follows it
MIN_NAME_CHARS = 2  # what is left of a name begun inside a title, at least
PROPER_POS = frozenset({"nz", "ns", "nt", "j", "x"})  # proper names but a person's, abbreviations and strings


def titled_people(mentions: list[Mention], text: str, titles: tuple[str, ...],
                  words: list[tuple[int, int, str]] | None) -> list[Mention]:
    """A name the recognizer began a character or two late after a title (`蒙古国总统|呼日|勒苏赫`,
    `…大使|密|尔顿·加德纳`) begins right after the title: where those characters are Chinese, no mention covers
    them, no title ends with the name's start, a word of the word analysis begins with them (not `教练|员|…`) and
    every word within them is a proper name's (`呼日/nz`), none a common word's (`总统|夫人/n|彭丽媛`,
    `总理|会见/v|…`) nor another person's (`记者|严正/nr|孙勇军`). One it began inside a title, with the title's
    last character or two (`丹麦女|王玛格丽特二世`), begins after the title where a name of two characters or more
    is left. One that ends with the copula of an appointment before a title, where the word analysis reads the name
    without it, ends before it (`秦刚|为|国务委员`). A statistical one right after another person's name and its title is
    none: that title follows the name it is the person's, a known one the word analysis reads so (`习近平/nr 主席|英明|领导`)."""
    taken = {pos for m in mentions for pos in range(m.start, m.end)}
    word_starts = {s for s, _, _ in words or ()}
    names = {(s, e) for s, e, pos in words or () if pos == "nr"}
    people_ends = {m.end for m in mentions if m.type == "PERSON" and m.source != "model"} & {e for _, e in names}
    out = []
    for m in mentions:
        start, end = m.start, m.end
        title = ends_with_any(text, start, titles) if m.type == "PERSON" else None
        if title and m.source == "model" and start - len(title) in people_ends:
            continue
        if m.type == "PERSON" and not title:
            start = _before_late_start(m, text, titles, words, taken, word_starts) or _after_title_inside(m, text, titles, words)
        if m.type == "PERSON" and text.endswith(COPULA, 0, end) and (start, end - 1) in names and text.startswith(titles, end):
            end -= len(COPULA)
        out.append(Mention(start, end, text[start:end], m.type, m.source, m.score, m.name) if (start, end) != (m.start, m.end)
                   else m)
    return out


def _before_late_start(m: Mention, text: str, titles: tuple[str, ...], words: list[tuple[int, int, str]] | None,
                       taken: set[int], word_starts: set[int]) -> int | None:
    """Where a name begun late after a title begins: right after the title (see `titled_people`); None if not late."""
    for gap in range(1, MAX_LATE_CHARS + 1):
        start = m.start - gap
        if start > 0 and ends_with_any(text, start, titles) and HAN_RUN.fullmatch(text, start, m.start) \
                and not any(p in taken for p in range(start, m.start)) and (words is None or start in word_starts) \
                and all(pos in PROPER_POS for s, e, pos in words or () if start <= s and e <= m.start):
            return start
    return None


def _after_title_inside(m: Mention, text: str, titles: tuple[str, ...], words: list[tuple[int, int, str]] | None) -> int:
    """Where a person's name begun inside a title begins: after the title that ends inside it and begins
    before it, a word of the word analysis, where two characters or more are left (`女王/n`: `女|王玛格丽特二世`;
    not `子女/n|王小刚`); else where it begins."""
    word = word_analysis(words).crossing.get(m.start)  # the word the name begins inside, if any
    inside = word[1] - m.start if word else 0
    if 1 <= inside <= MAX_LATE_CHARS and m.end - m.start - inside >= MIN_NAME_CHARS \
            and len(ends_with_any(text, m.start + inside, titles) or "") > inside:
        return m.start + inside
    return m.start


WORD_NAME_TYPES = {"ns": "LOCATION", "nt": "ORG"}


def worded_names(text: str, words: list[tuple[int, int, str]] | None, found: list[Mention],
                 place_generics: str) -> list[Mention]:
    """Places and organisations the word analysis reads as such where no other mention lies: a
    place word (`ns`) of three characters or more that ends in a place's generic term (`澡下镇`,
    `前何村`), an organisation word (`nt`) of three or more (`路透社`). Shorter ones, and places
    without their generic term, are left: the analysis splits rare names there (`三|里屯`). A
    township named for a people takes the place word before it (`明水|满族乡`)."""
    taken = {pos for m in found for pos in range(m.start, m.end)}
    return [Mention(s, e, text[s:e], WORD_NAME_TYPES[pos], "words", WORD_SCORE) for s, e, pos in _ethnic_townships(text, words)
            if pos in WORD_NAME_TYPES and e - s >= 3 and (pos == "nt" or text[e - 1] in place_generics)
            and not any(p in taken for p in range(s, e)) and not (pos == "ns" and work_title(text, s, e))]


PARTY_HEAD = "党"
PARTIES = "政党"  # `朝野政党`, `西方政党`: parties described, no party named
BODY_WORD_POS = frozenset({"n", "nt", "nz", "j"})  # a word that names a party or a body: a noun, an abbreviation
PARTY_DETERMINERS = frozenset("全我本该各两一多其此这那每")  # `全党`, `该党`, `两党`: which party, not its name
# what follows 党 in the words and phrases of the Party's own affairs (`党的`, `党和国家`, `党建`, `党组织`, `党员`, `党恩`):
# after one, 党 begins them and the analysis's party is a word before it run on (`承载|党和人民`, `高校|党建`)
PARTY_AFFAIRS = ("的", "和国家", "和人民", "和政府", "和军队", *"建组委员风纪史性务内外课费旗章龄政中支代校报刊群总工恩话")


def worded_parties(text: str, words: list[tuple[int, int, str]] | None, found: list[Mention],
                   generic: frozenset[str]) -> list[Mention]:
    """Political parties the word analysis reads as one noun ending in 党 (`工党`, `共和党`, `友爱新党`) where
    no other mention lies: a party's name is the word for its programme or its people before 党. Not a
    party a determiner picks out (`全党`, `该党`), nor one its role or size names (`generic`: `执政党`, `反对党`)
    or that a description of parties ends (`朝野政党`), nor one the document writes only before a word of the
    Party's own affairs (`战线|党的建设`, `高校|党建`), nor one in a work's title (`《共产党宣言》`)."""
    taken = {pos for m in found for pos in range(m.start, m.end)}
    parties = [(s, e) for s, e, pos in words or () if pos in BODY_WORD_POS and e - s >= 2 and text[e - 1] == PARTY_HEAD
               and text[s:e] not in generic and not text.endswith(PARTIES, s, e)
               and not (e - s == 2 and text[s] in PARTY_DETERMINERS)]
    ended = {text[s:e] for s, e in parties if not text.startswith(PARTY_AFFAIRS, e)}
    return [Mention(s, e, text[s:e], "ORG", "words", WORD_SCORE) for s, e in parties
            if text[s:e] in ended and not any(p in taken for p in range(s, e)) and not in_work_title(text, s, e)]


ETHNIC_TOWNSHIP = re.compile(rf"[{HAN_CLASS}]{{1,4}}族[乡镇]")


def _ethnic_townships(text: str, words: list[tuple[int, int, str]] | None) -> list[tuple[int, int, str]]:
    """`words` with each place word of a people's township (`满族乡`) joined to the place word right before it."""
    joined: list[tuple[int, int, str]] = []
    for s, e, pos in words or ():
        if pos == "ns" and joined and joined[-1][1] == s and joined[-1][2] == "ns" and ETHNIC_TOWNSHIP.fullmatch(text, s, e):
            joined[-1] = (joined[-1][0], e, pos)
        else:
            joined.append((s, e, pos))
    return joined


ENUMERATION = re.compile(rf"(?<![{HAN_CLASS}])[{HAN_CLASS}]{{2,3}}(?:、[{HAN_CLASS}]{{2,3}})+(?![{HAN_CLASS}])|"
                         rf"(?<![{HAN_CLASS}])[{HAN_CLASS}]{{2,3}}(?:、[{HAN_CLASS}]{{2,3}})+(?=等|出席|参加)")


def enumerated_people(text: str, mentions: list[Mention], surnames: frozenset[str]) -> list[Mention]:
    """`习近平、李强、赵乐际等`: in a list of short names that holds a known person, the other
    items that start with a surname are people too."""
    people = {(m.start, m.end) for m in mentions if m.type == "PERSON"}
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for match in ENUMERATION.finditer(text):
        items, pos = [], match.start()
        for item in match.group(0).split("、"):
            items.append((pos, pos + len(item), item))
            pos += len(item) + 1
        if not any((s, e) in people for s, e, _ in items):
            continue
        for start, end, item in items:
            if (start, end) in people or any(s < end and start < e for s, e in taken):
                continue
            if item[:1] in surnames or item[:2] in surnames:
                found.append(Mention(start, end, item, "PERSON", "rule:enumeration", 0.8))
    return found


LEVEL_WORDS = frozenset("省市县区")  # `市|公安局`: the document's province, city, county or district


def worded_level_bodies(text: str, words: list[tuple[int, int, str]] | None, found: list[Mention],
                        suffixes: tuple[str, ...]) -> list[Mention]:
    """A body of the document's province, city, county or district named by the level alone (`市|公安局`, `县|财政局`,
    `省|教育厅`: a word of its own) and a word of the word analysis that ends in an organisation's head (`suffixes`),
    where no other mention lies; resolution names it by the document's place (`贵阳市公安局`)."""
    taken = {pos for m in found for pos in range(m.start, m.end)}
    analysed = list(words or ())
    return [Mention(s, e, text[s:e], "ORG", "words", WORD_SCORE)
            for (s, m, _), (_, e, pos) in zip(analysed, analysed[1:])
            if m - s == 1 and text[s] in LEVEL_WORDS and pos in BODY_WORD_POS and e - m >= 2 and text.endswith(suffixes, m, e)
            and not any(p in taken for p in range(s, e))]
