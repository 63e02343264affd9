"""Names listed under one head: plenums of one term (`十九届二中、三中全会`) and the items of a list of
counted honours (`10名全国三八红旗手标兵、298名全国三八红旗手`); and a list's last name before a head
(`…、许还山|终身成就电影艺术家称号`); honours listed after one that share its modifier (`全国文明城市、文明村镇`);
bodies of one kind listed (`经济委员会、农业和农村委员会`); the names a list of bodies holds (`华为、宁德时代…|等企业`); a
meeting named by the sectors listed before it (`民盟、致公党、侨联界委员联组会`)."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.analysis.matching import HAN_CLASS
from pipeline.analysis.wordindex import FIELD_POS, WordAnalysis, word_analysis
from pipeline.records import Mention
from pipeline.spans import Coverage

PLENUM_LIST = re.compile(r"(?P<term>(?:党的|中共)?第?[一二三四五六七八九十]{1,3}届(?:中央)?)"
                         r"(?P<items>[一二三四五六七八九十]中(?:[、和及][一二三四五六七八九十]中)+)全会")
PLENUM_SCORE = 0.95


def listed_plenums(text: str) -> list[Mention]:
    """Plenums listed under one term and one head (`十九届二中、三中全会`): one EVENT each, named in
    full (`十九届二中全会`, `十九届三中全会`); the first's mention is the term and its number, the
    last's its number and the head, the others' their number."""
    found = []
    for match in PLENUM_LIST.finditer(text):
        term = match.group("term")
        items = [(m.start(), m.end()) for m in re.finditer("[一二三四五六七八九十]中", match.group("items"))]
        base = match.start("items")
        for k, (start, end) in enumerate(items):
            start, end = base + start, base + end
            name = term + text[start:end] + "全会"
            start = match.start() if k == 0 else start
            end = match.end() if k == len(items) - 1 else end
            found.append(Mention(start, end, text[start:end], "EVENT", "rule:plenum_list", PLENUM_SCORE, name))
    return found


COUNTED_ITEM = re.compile(r"(?:[0-9]+|[一二三四五六七八九十百千万两]+)[名个位家项支所](?P<name>[^、，。；：\s和及0-9,;:]{2,16})"
                          r"(?=[、，。；,;]|和|及|$)")
LIST_JOINERS = "、和及"
HONOUR_LIST_SCORE = 0.8


def counted_honours(text: str, mentions: list[Mention]) -> list[Mention]:
    """The other items of a list of counted honours that holds one found as an AWARD (`10名全国三八
    红旗手标兵、298名全国三八红旗手、199个全国三八红旗集体`): like items coordinated are of one kind."""
    awards = {(m.start, m.end) for m in mentions if m.type == "AWARD"}
    award_starts = {start for start, _ in awards}
    found: list[Mention] = []
    group: list[tuple[int, int]] = []

    def close() -> None:
        if len(group) > 1 and any(item in awards for item in group):
            found.extend(Mention(s, e, text[s:e], "AWARD", "rule:honour_list", HONOUR_LIST_SCORE)
                         for s, e in group if s not in award_starts)  # `…先进个人|予以表彰`: found, a verb after it
        group.clear()
    last_end = -1
    for match in COUNTED_ITEM.finditer(text):
        if group and not (match.start() == last_end + 1 and text[last_end] in LIST_JOINERS):
            close()
        group.append(match.span("name"))
        last_end = match.end()
    close()
    return found


ITEM_FOLLOWERS = re.compile(rf"[^{HAN_CLASS}]|[和及]|代表|称号|$")  # a mark, a conjunction, its holders


def shared_modifier_honours(text: str, mentions: list[Mention], kinds: frozenset[str]) -> list[Mention]:
    """Honours listed right after one found whose kind names nothing alone (`第七届全国文明城市、文明村镇、文明单位代表`):
    each bare kind after it, up to a mark, a conjunction or its holders, is named with the first's modifier
    (`第七届全国文明村镇`)."""
    longest = sorted((k for k in kinds if len(k) > 1), key=len, reverse=True)
    found: list[Mention] = []
    for first in dict.fromkeys(m for m in mentions if m.type == "AWARD"):  # once each, in order
        kind = next((k for k in longest if first.text.endswith(k) and len(first.text) > len(k)), None)
        pos = first.end
        while kind and text[pos:pos + 1] and text[pos] in LIST_JOINERS:
            item = next((k for k in longest if text.startswith(k, pos + 1) and ITEM_FOLLOWERS.match(text, pos + 1 + len(k))),
                        None)
            if item is None:
                break
            found.append(Mention(pos + 1, pos + 1 + len(item), item, "AWARD", "rule:honour_list", HONOUR_LIST_SCORE,
                                 first.text[:-len(kind)] + item))
            pos += 1 + len(item)
    return found


def listed_honours(text: str, mentions: list[Mention], kinds: frozenset[str]) -> list[Mention]:
    """The honours a list names beside those found: counted items (`counted_honours`), bare kinds sharing a modifier
    (`shared_modifier_honours`)."""
    counted = counted_honours(text, mentions)
    return counted + shared_modifier_honours(text, mentions + counted, kinds)


def after_listed_people(mentions: list[Mention], text: str) -> list[Mention]:
    """An honour's or an event's chunk that begins with the last person of a list (`授予杨在葆、王铁成、
    许还山|终身成就电影艺术家称号`: the name a list mark comes before, and another person's before it) begins after that
    person; not one a list of descriptions comes before (`著名科学家、|诺贝尔物理学奖获得者`: the honour's eponym)."""
    people_ends = {m.end for m in mentions if m.type == "PERSON"}
    listed = {m.start: m.end for m in mentions
              if m.type == "PERSON" and text[m.start - 1:m.start] == "、" and m.start - 1 in people_ends}
    out = []
    for m in mentions:
        end = listed.get(m.start) if m.type in ("AWARD", "EVENT") and m.source == "rule:chunk" else None
        if end is not None and m.end - end >= 2 and m.name in (None, m.text):
            m = Mention(end, m.end, text[end:m.end], m.type, m.source, m.score)
        out.append(m)
    return out


LIST_MARK = "、"
ITEM_CHARS = 12  # an item of a list of bodies, at most (`文化文史和学习委员会`)
ITEM_POS = FIELD_POS | {"c"}  # the common words a body's field is named by, and a conjunction joining two
LISTED_BODY_SCORE = 0.8


def listed_bodies(mentions: list[Mention], text: str, words: list[tuple[int, int, str]] | None,
                  list_ends: tuple[str, ...] = ()) -> list[Mention]:
    """`mentions`, the names of a list of bodies `list_ends` closes (`listed_organisations`), and each item right after a
    body in a list of bodies of one kind (`经济委员会、|农业和农村委员会|、…`) that ends with the body's last word of two
    characters or more, is whole common words and conjunctions, and no name found covers but one it cuts: a body of
    that kind too (the recognizer cuts such names at the conjunction, or after their first fields: `教育科学|文化卫生委员会`)."""
    mentions = listed_organisations(mentions, words, text, list_ends)
    analysis = word_analysis(words)
    taken = Coverage(len(text), [(m.start, m.end) for m in mentions])
    orgs = sorted((m for m in mentions if m.type == "ORG"), key=lambda m: m.start)
    by_end = {m.end: m for m in orgs}
    found: list[Mention] = []
    cut: set[Mention] = set()
    for m in orgs:
        head = analysis.word_ending(m.end) if text.startswith(LIST_MARK, m.end) else None
        if head is None or head[1] - head[0] < 2:
            continue
        start, kind = m.end + 1, text[head[0]:head[1]]
        at = text.find(kind, start, start + ITEM_CHARS)
        end = at + len(kind)
        part = by_end.get(end) if at > start else None
        part = part if part is not None and start < part.start <= at and taken.free(start, part.start) else None
        if at > start and (taken.free(start, end) or part) and analysis.whole_words(start, part.start if part else at, ITEM_POS) \
                and analysis.starting.get(at, (0,))[0] == end:
            found.append(Mention(start, end, text[start:end], "ORG", "listed_body", LISTED_BODY_SCORE))
            taken.mark(start, end)
            if part:
                cut.add(part)
    return [m for m in mentions if m not in cut] + found


ITEM_WORD_POS = frozenset({"n", "nz", "nt", "ns", "nr", "j", "vn", "b", "a", "l", "x"})  # the words of a listed name
NAMING_POS = frozenset({"nz", "nt", "ns", "nr", "j", "x"})  # what makes a listed item a name, not a kind (`饭店`)
ITEM_JOINERS = ("和", "及", "与")


def listed_organisations(mentions: list[Mention], words: list[tuple[int, int, str]] | None, text: str,
                         list_ends: tuple[str, ...]) -> list[Mention]:
    """The items of a list that what closes it calls bodies (`中国工商银行、华为、宁德时代和德国西门子、博世、安联|等企业`)
    and that holds a body found: a person's name among them is a body's; an item whose words name something (`华为`,
    `宁德|时代`) is a body, over the places and bodies found inside it (`宁德`, `央视|频`); a kind is not (`饭店`)."""
    if not words or not list_ends:
        return mentions
    analysis = word_analysis(words)
    closings = [p for p in analysis.starting if text.startswith(list_ends, p)]
    spans = {(m.start, m.end): m.type for m in mentions}
    bodies: set[tuple[int, int]] = set()
    for closing in closings:
        end = next(closing + len(e) for e in list_ends if text.startswith(e, closing))
        if end < len(text) and end not in analysis.starting:
            continue
        items = _listed_items(analysis, text, closing)
        if len(items) > 1 and any(spans.get(item) == "ORG" for item in items):
            bodies.update(item for item in items if spans.get(item) == "PERSON" or (item not in spans and any(
                analysis.starting[p][1] in NAMING_POS for p in range(*item) if p in analysis.starting)))
    retyped, dropped, added = set(), set(), []
    for start, end in sorted(bodies):
        crossing = [m for m in mentions if m.start < end and start < m.end]
        if spans.get((start, end)) == "PERSON":
            retyped.add((start, end))
        elif all(m.type in ("LOCATION", "ORG") and start <= m.start and m.end <= end for m in crossing):
            dropped.update(crossing)
            added.append(Mention(start, end, text[start:end], "ORG", "listed_body", LISTED_BODY_SCORE))
    return [replace(m, type="ORG") if (m.start, m.end) in retyped else m for m in mentions if m not in dropped] + added


def _listed_items(analysis: WordAnalysis, text: str, closing: int) -> list[tuple[int, int]]:
    """The items of the list that ends at `closing`, last first: each the name words before a list mark or a
    conjunction (`宁德|时代|和|`), of `ITEM_CHARS` at most."""
    items = []
    end = closing
    while True:
        start = end
        while (word := analysis.word_ending(start)) and word[2] in ITEM_WORD_POS and end - word[0] <= ITEM_CHARS:
            start = word[0]
        if start == end:
            return items
        items.append((start, end))
        joiner = analysis.word_ending(start)
        if joiner and (text[joiner[0]:start] == LIST_MARK or text[joiner[0]:start] in ITEM_JOINERS and joiner[2] == "c"):
            end = joiner[0]
        else:
            return items


SECTOR_POS = FIELD_POS | {"nt", "nz", "l", "a", "b", "c"}  # the words of a sector's name (`九三学社`, `无党派人士界`, `特邀`)


def sector_meetings(mentions: list[Mention], text: str, words: list[tuple[int, int, str]] | None,
                    heads: tuple[str, ...]) -> list[Mention]:
    """An event of one of `heads` right after a list mark is named from the list's first sector (`民盟、致公党、|侨联界
    委员联组会`): over each mark before it, the words of a sector's name, up to a verb, a particle or another mark."""
    analysis = word_analysis(words) if words else None
    out = []
    for m in mentions:
        start = m.start
        while analysis and m.type == "EVENT" and m.text.endswith(heads) and start > 0 and text[start - 1] == LIST_MARK:
            first = start - 1
            while (word := analysis.word_ending(first)) and word[2] in SECTOR_POS and start - 1 - word[0] <= ITEM_CHARS:
                first = word[0]
            while first < start - 1 and analysis.starting[first][1] == "c":  # `了|和…`: no sector begins with a conjunction
                first = analysis.starting[first][0]
            if first == start - 1:
                break
            start = first
        out.append(m if start == m.start else Mention(start, m.end, text[start:m.end], m.type, m.source, m.score))
    return out
