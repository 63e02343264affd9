"""Bodies and their organs: organs named bare in a title chain (`全国人大常委会委员长、党组书记栗战书`:
全国人大常委会党组), bodies named only with their organ (`农业部党组`: 农业部), councils named as meetings, forums named as
standing bodies, the bodies named by an event or a campaign (`党史学习教育领导小组`), a place's bodies listed bare after
one of them (`新疆维吾尔自治区党委、人大`), governments named by their head (`克林顿政府`) or their country's short
form (`以政府`), bodies named with their place's (`俄国防部`, `牙参议院`)."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from pipeline.analysis.boundaries import SESSION_NUMBER
from pipeline.analysis.chunks import CENTRAL
from pipeline.analysis.former_marks import FORMER, without_former
from pipeline.analysis.matching import HAN
from pipeline.analysis.name_forms import GOVERNMENT, PEOPLES
from pipeline.analysis.wordindex import NOUN_POS, word_analysis
from pipeline.records import Mention
from pipeline.rules import COUNTED_END, NUMBER_DIGITS
from pipeline.spans import Coverage
from pipeline.wordlists import ends_with_any, starts_with_any, word_at, word_set

CHAIN_ORGAN, CHAIN_ORGAN_SCORE = "chain_organ", 0.8
POST_CHARS = 8  # a post between a body and the chain's separator, at most (`常务副主任委员`)
POST_MODIFIERS = ("常务副", "第一", "常务", "副", "原")  # 原: a former holder's
PARTY = "中共"  # `中共全国人大常委会党组`: the party's group in 全国人大常委会
# no body of its organ ends so: a township's or a village's (`…村|党支部`: no part of it), a temporary organ's task
# force (`…工作团队临时|党支部`), a name of two characters with `FORMER` (`太原|党委`: the city's)
NO_BODY_ENDS = ("乡", "村", "临时", FORMER)


def chain_organs(mentions: list[Mention], text: str, organs: tuple[str, ...], titles: tuple[str, ...]) -> list[Mention]:
    """`mentions` and each of `organs` that stands bare after `、` and before a post (`、党组书记`,
    `、书记处第一书记`, `、组织部长`) where a body's post ends at the `、` (`全国人大常委会|委员长|、`): that body's
    organ, named in full (`全国人大常委会党组`); after a post of another organ, its body's organ
    (`中共中央|政治局|常委、书记处书记`: 中共中央书记处). It replaces a bare mention of the organ; not
    where another mention stands."""
    bodies = {m.end: m for m in mentions if m.type == "ORG"}
    bare = {(m.start, m.end) for m in mentions if m.type == "ORG" and m.name is None and m.text in word_set(organs)}
    taken = Coverage(len(text), [(m.start, m.end) for m in mentions if (m.start, m.end) not in bare])
    found = []
    start = text.find("、")
    while start >= 0:
        start += 1
        organ = word_at(text, start, organs)
        end = start + len(organ or "")
        body = _body_of_post(text, start - 1, bodies, titles) if organ and _heads_post(text, end, titles) else None
        if body and taken.free(start, end):
            name = body.name or body.text
            name = name[:-len(own)] if (own := ends_with_any(name, len(name), organs)) else name
            if name:
                found.append(Mention(start, end, organ, "ORG", CHAIN_ORGAN, CHAIN_ORGAN_SCORE, name + organ))
        start = text.find("、", start)
    if not found:
        return mentions
    named = {(m.start, m.end) for m in found}
    return sorted([m for m in mentions if (m.start, m.end) not in named] + found, key=lambda m: (m.start, m.end))


def _body_of_post(text: str, separator: int, bodies: dict[int, Mention], titles: tuple[str, ...]) -> Mention | None:
    """The body whose post ends at `separator` (`全国人大常委会|委员长|、`)."""
    for length in range(1, POST_CHARS + 1):
        body = bodies.get(separator - length)
        if body and _is_post(text[separator - length:separator], titles):
            return body
    return None


def _is_post(words: str, titles: tuple[str, ...]) -> bool:
    modifier = next((m for m in POST_MODIFIERS if words.startswith(m) and len(words) > len(m)), "")
    return words[len(modifier):] in word_set(titles)


def _heads_post(text: str, end: int, titles: tuple[str, ...]) -> bool:
    """Whether a post follows an organ ending at `end`, or one of two characters begins with its
    last (`组织部|长`: 组织部部长)."""
    return _is_post_at(text, end, titles) or len(word_at(text, end - 1, titles) or "") == 2


def _is_post_at(text: str, pos: int, titles: tuple[str, ...]) -> bool:
    modifier = next((m for m in POST_MODIFIERS if text.startswith(m, pos)), "")
    return word_at(text, pos + len(modifier), titles) is not None


def organ_bodies(mentions: list[Mention], text: str, organs: tuple[str, ...], place_finals: str,
                 generic: tuple[str, ...] = ()) -> list[Mention]:
    """`mentions` and the body of each party organ named with it (`农业部|党组`: the guidelines' X党组,
    part_of X) that the document names no other way, as a mention inside the organ's; not past the
    party's name (`中共|全国人大常委会|党组`). Not a place's body (`渠黎镇|党委`, `…村|党支部`): a
    region's party committee is no part of it; nor where `NO_BODY_ENDS`, a `generic` head or a term's count ends
    it (`西坑村新一届|党支部`: the committee of a new term). An organ written with the `FORMER` of its post inside
    (`农业农村部原党组|书记`) is named without it (农业农村部党组)."""
    named = {m.name or m.text for m in mentions}
    found, kept = [], []
    for m in mentions:
        organ = ends_with_any(m.text, len(m.text), organs) if m.type == "ORG" and m.name is None else None
        start = m.start + len(PARTY) if m.text.startswith(PARTY) else m.start
        written = text[start:m.end - len(organ)] if organ else ""
        body = without_former(written)
        if body != written:
            m = replace(m, name=text[m.start:start] + body + organ)
        kept.append(m)
        if (len(body) >= 2 and body[-1] not in place_finals and not body.endswith(NO_BODY_ENDS) and body not in named
                and body not in word_set(generic) and not COUNTED_END.search(body)):
            found.append(Mention(start, start + len(body), body, "ORG", "organ_body", CHAIN_ORGAN_SCORE))
            named.add(body)
    return sorted(kept + found, key=lambda m: (m.start, m.end))


MIN_BODY_CHARS = 2  # what is left of a name cut before a council's word (`欧洲委员会`), at least
COUNCIL_SESSION = re.compile(f"第?[{NUMBER_DIGITS}]+届$")  # `第75届|联合国大会`: the session


def councils_as_bodies(mentions: list[Mention], councils: tuple[str, ...]) -> list[Mention]:
    """Events named as a council without a session's number (`全国人大常委会委员长会议`; `第75届|联合国大会`,
    an ordinal right before the council's name, numbers a session too) are the council, an organisation,
    where no numbered session of it (`第八十四次委员长会议`) is named."""
    def numbered(name: str, council: str) -> bool:
        return bool(SESSION_NUMBER.search(name) or COUNCIL_SESSION.search(name, 0, len(name) - len(council)))
    sessions = {council for m in mentions if m.type == "EVENT"
                and (council := ends_with_any(m.text, len(m.text), councils)) and numbered(m.text, council)}
    bodies = {m: m.end - len(council) for m in mentions if m.type == "EVENT"
              and (council := ends_with_any(m.text, len(m.text), councils)) and council not in sessions
              and not numbered(m.text, council)}
    return [replace(m, type="ORG") if m in bodies else _before_council(m, bodies) for m in mentions]


def _before_council(m: Mention, bodies: dict[Mention, int]) -> Mention:
    """A name nested in a council's that ends inside the council's own word ends where that word begins: the
    organisation the council is of (`欧洲委员会议会|大会` → 欧洲委员会, of `欧洲委员会|议会大会`)."""
    start = next((s for b, s in bodies.items() if b.start <= m.start < s < m.end < b.end), None)
    return m if start is None or start - m.start < MIN_BODY_CHARS else replace(m, end=start, text=m.text[:start - m.start])


def standing_forums(mentions: list[Mention], text: str, heads: tuple[str, ...], posts: tuple[str, ...]) -> list[Mention]:
    """A forum named right before a post of its own (`博鳌亚洲论坛|理事长`, `世界经济论坛|执行主席`) is a
    standing body, an organisation, wherever the document names it: `heads` are the kinds of event
    that are bodies too (`论坛`), `posts` the posts of such a body."""
    reach = max(map(len, posts), default=0)
    bodies = {m.text for m in mentions if m.type == "EVENT" and ends_with_any(m.text, len(m.text), heads)
              and starts_with_any(text[m.end:m.end + reach], posts)}
    return [replace(m, type="ORG") if m.type == "EVENT" and m.text in bodies else m for m in mentions] if bodies else mentions


def event_bodies(mentions: list[Mention], text: str, bodies: tuple[str, ...]) -> list[Mention]:
    """An event's name right before one of its standing `bodies` (`中国国际进口博览会|秘书处`, `…电影节|联盟`,
    `党史学习教育|领导小组`) names that body, an organisation, with the mentions inside it (the recognizer's
    `联盟`); a central body's from the 中央 before it (`中央|“不忘初心、牢记使命”主题教育领导小组`). So does a short
    name the document gives the event elsewhere (`纪念…80周年活动` … `纪念活动|领导小组`): run after `propagate`."""
    reach = max(map(len, bodies), default=0)
    named = {}
    for m in mentions:
        body = starts_with_any(text[m.end:m.end + reach], bodies) if m.type == "EVENT" else None
        if body:
            start = _central_start(text, m.start)
            named[id(m)] = Mention(start, m.end + len(body), text[start:m.end + len(body)], "ORG", m.source, m.score)
    if not named:
        return mentions
    spans = [(b.start, b.end) for b in named.values()]
    return [named.get(id(m), m) for m in mentions
            if id(m) in named or not any(s <= m.start and m.end <= e for s, e in spans)]


def crossing_event_bodies(mentions: list[Mention], text: str, bodies: tuple[str, ...]) -> list[Mention]:
    """`mentions` and, where an organisation's name begins inside an event's and runs past it by
    one of the event's standing `bodies` (`党史学习|教育领导小组办公室`, `“不忘初心、牢记使命”主题|教育领导小组`),
    that body named in full from the event's start (or the 中央 before it): the recognizer's cut falls
    inside the event's name."""
    events = [m for m in mentions if m.type == "EVENT"]
    found = []
    for m in mentions:
        if m.type != "ORG":
            continue
        for e in events:
            if e.start < m.start < e.end < m.end and text[e.end:m.end] in word_set(bodies):
                start = _central_start(text, e.start)
                found.append(replace(m, start=start, text=text[start:m.end], name=None))
                break
    return mentions + found


def _central_start(text: str, start: int) -> int:
    return start - len(CENTRAL) if text.endswith(CENTRAL, 0, start) else start


LEVEL_LIST_MARKS = "、和及"  # 与 joins two sides, not a place's bodies
LEVEL_BODY_SCORE = 0.8
# who sit in a body, not the body (`人大|代表`, `政协|委员`)
MEMBER_NOUNS = ("代表", "委员")
OFFICIAL_FORMS = {GOVERNMENT: PEOPLES + GOVERNMENT}  # a government's official name holds 人民 (`西藏自治区人民政府`)
# several levels of administration at once (`县市|委`, `省区市|人大常委会`, `省、自治区、|直辖市|政府`), not 市场 (`省|市场局`)
LEVELS = re.compile(r"(?:省区市|省市区|省市县|县市区|省市|县市|市县|直辖市)(?!场)")


def without_level_kinds(mentions: list[Mention]) -> list[Mention]:
    """Without the organisations named by several levels of administration at once: a kind of body at each, none
    (`县市委`, `各省、自治区、直辖市双拥工作领导小组`)."""
    return [m for m in mentions if m.type != "ORG" or not LEVELS.match(m.text)]


def listed_level_bodies(mentions: list[Mention], text: str, bodies: tuple[str, ...], places: frozenset[str]) -> list[Mention]:
    """`mentions` and the bodies of a place's level (`bodies`) listed bare right after one of that place's
    (`新疆维吾尔自治区党委、|人大|、|政府|和|政协`), each named with the place in its official form
    (新疆维吾尔自治区人大, 新疆维吾尔自治区人民政府); the place is one of `places` (not `自治区党委和政府`).
    Not where a mention stands, nor who sit in the body (`人大代表`)."""
    taken = Coverage(len(text), [(m.start, m.end) for m in mentions])
    found = []
    for m in mentions:
        place = _place_of_body(m.name or m.text, bodies, places) if m.type == "ORG" else None
        pos = m.end
        while place and pos + 1 < len(text) and text[pos] in LEVEL_LIST_MARKS:
            body = word_at(text, pos + 1, bodies)
            end = pos + 1 + len(body or "")
            if not body or text.startswith(MEMBER_NOUNS, end) or not taken.free(pos + 1, end):
                break
            found.append(Mention(pos + 1, end, body, "ORG", "rule:level_body", LEVEL_BODY_SCORE,
                                 place + OFFICIAL_FORMS.get(body, body)))
            pos = end
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions


def _place_of_body(name: str, bodies: tuple[str, ...], places: frozenset[str]) -> str | None:
    body = ends_with_any(name, len(name), bodies)
    place = name[:len(name) - len(body)].removeprefix(PARTY) if body else ""
    return place if place in places else None


POSTED = "驻"  # `中国|驻|欧盟|使团`: a body posted in a place names it and its kind
PLACE_POS = frozenset({"ns", "nt", "j"})
MISSION_SCORE = 0.9


def posted_missions(mentions: list[Mention], text: str, words: list[tuple[int, int, str]] | None,
                    heads: tuple[str, ...], short_forms: Mapping[str, tuple[str, ...]]) -> list[Mention]:
    """`mentions` and each body posted in a place (`中国驻欧盟使团`, `驻比利时使馆`, `常驻联合国日内瓦办事处`):
    驻, one or two places (a place's or body's mention or name word, or a place's one-character short form in a
    word `驻华`), and one of the `heads` of missions; the state or body that sends it, named right before,
    begins its name."""
    analysis = word_analysis(words)
    places: dict[int, set[int]] = {}
    for s, e, pos in analysis:
        if pos in PLACE_POS:
            places.setdefault(s, set()).add(e)
    senders: dict[int, int] = {}
    for m in mentions:
        if m.type in ("ORG", "LOCATION"):
            places.setdefault(m.start, set()).add(m.end)
            senders[m.end] = min(senders.get(m.end, m.start), m.start)
    found = []
    at = text.find(POSTED)
    while at >= 0:
        word = analysis.starting.get(at, (at + 1, ""))[0]
        ends = {word} if word == at + 2 and text[at + 1] in short_forms else places.get(at + 1, set())
        ends |= {e for end in ends for e in places.get(end, ())}
        end = max((e for e in ends if word_at(text, e, heads)), default=None)
        if end is not None:
            end += len(word_at(text, end, heads))
            start = senders.get(at - text.endswith("常", 0, at), at)
            found.append(Mention(start, end, text[start:end], "ORG", "posted_mission", MISSION_SCORE))
        at = text.find(POSTED, at + 1)
    return mentions + found


BARE_CONGRESS = re.compile(f"[{NUMBER_DIGITS}]+大")  # `十三大`: a congress by its number alone
SMALL_CONGRESS = re.compile("[二三四五六七八九十]大")  # `九大`, `十大`; `一大` is also "a big" (`一大早`)


FACTION = re.compile(r"[（(][\u4e00-\u9fff]{1,8}[）)]")  # `（联合马列）`, `（马克思列宁主义）`


def bracketed_factions(mentions: list[Mention], holders: tuple[str, ...], text: str) -> list[Mention]:
    """A party's name with the faction its brackets name right after it (`尼泊尔共产党|（联合马列）`,
    `印度人民党|（团结派）`, `尼共|（马列）`): the name of one party, distinct from the others of that name. A
    party is a body whose name ends in one of `holders` (as `congress_holders`' are); the mentions that overlap
    the whole (a place the recognizer read in the brackets) give way."""
    wider = []
    for m in mentions:
        faction = FACTION.match(text, m.end) if m.type == "ORG" and m.text.endswith(holders) else None
        wider += [Mention(m.start, faction.end(), text[m.start:faction.end()], "ORG", m.source, m.score)] if faction else []
    return _in_place_of(mentions, wider, text)


def congress_holders(mentions: list[Mention], holders: tuple[str, ...], text: str = "",
                     followers: tuple[str, ...] = ()) -> list[Mention]:
    """A congress named by its number right after the body that holds it (`越共|十三大`, `致公党|十六大`,
    `中国工会|十八大`: a name ending in one of `holders`, the parties and mass organisations whose national
    congresses are numbered) is that body's: the event's name begins with the body's. So is one after a
    country's name and one of `holders` (`老挝|党|十一大`: the country's ruling party), and one numbered up to
    the tenth, which alone counts things, where one of `followers` comes next (`中国文联|十大|、`, `劳动党|八大|召开`)."""
    holding = {m.end: (m.start, m.text) for m in mentions if m.type == "ORG" and m.text.endswith(holders)}
    for m in mentions:
        if m.type == "LOCATION" and (holder := next((h for h in holders if text.startswith(h, m.end)), None)):
            holding.setdefault(m.end + len(holder), (m.start, m.text + holder))
    joined = [Mention(body[0], m.end, body[1] + m.text, m.type, m.source, m.score)
              if m.type == "EVENT" and BARE_CONGRESS.fullmatch(m.text) and (body := holding.get(m.start)) else m
              for m in mentions]
    small = [Mention(start, number.end(), body + number.group(), "EVENT", "rule:pattern", 0.95)
             for end, (start, body) in holding.items()
             if (number := SMALL_CONGRESS.match(text, end))
             and (not HAN.match(text, number.end()) or text.startswith(followers, number.end()))]
    return _in_place_of(joined, small, text) if small else joined


def led_governments(mentions: list[Mention], text: str, heads: tuple[str, ...]) -> list[Mention]:
    """A person's name right before one of `heads` (`克林顿|政府`, `岸田|内阁`) names the government that person
    heads, an organisation whose name holds the person's: no mention of the person there. Where another mention
    reaches past the government's name (`美国克林顿政府`), it stands."""
    reach = max(map(len, heads), default=0)
    governments = [Mention(m.start, m.end + len(head), text[m.start:m.end + len(head)], "ORG", m.source, m.score)
                   for m in mentions
                   if m.type == "PERSON" and (head := starts_with_any(text[m.end:m.end + reach], heads))]
    governments = [g for g in governments if all(m.end <= g.start or g.end <= m.start or g.start <= m.start and m.end <= g.end
                                                 for m in mentions)]
    return _in_place_of(mentions, governments, text)


# how the word analysis reads a place's one-character short form: an abbreviation, a place, or a verb where it is one too
# (`以|政府`, `叙|政府军`: 叙 narrates)
ABBREVIATION_POS = frozenset({"j", "ns", "v"})


def abbreviated_governments(mentions: list[Mention], text: str, words: list[tuple[int, int, str]], heads: tuple[str, ...],
                            full_forms: Mapping[str, tuple[str, ...]], countries: frozenset[str]) -> list[Mention]:
    """A country's one-character short form (`full_forms`) read as a word of its own right before one of `heads` read as
    one (`以|政府`, `缅|政府`; not `新|政府`, an adjective, nor `阿|政府军`), where the document writes the country in full
    (one of `countries`), names its government, an organisation; not inside another name (`巴西|政府`)."""
    starting = word_analysis(words).starting
    covered = Coverage(len(text), [(m.start, m.end) for m in mentions if m.end - m.start > 1])
    found = [Mention(start, end, text[start:end], "ORG", "rule:chunk", 0.9) for start, (short_end, pos) in starting.items()
             if short_end == start + 1 and pos in ABBREVIATION_POS and (head := starting.get(short_end))
             and text[short_end:(end := head[0])] in heads and covered.free(start, end)
             and any(full in countries and full in text for full in full_forms.get(text[start], ()))]
    return _in_place_of(mentions, found, text)


def _in_place_of(mentions: list[Mention], wider: list[Mention], text: str) -> list[Mention]:
    """`mentions` with `wider` in place of those they overlap, in text order."""
    if not wider:
        return mentions
    covered = Coverage(len(text), [(w.start, w.end) for w in wider])
    return sorted([m for m in mentions if covered.free(m.start, m.end)] + wider, key=lambda m: (m.start, m.end))


def place_abbreviated_bodies(names: set[str], full_forms: dict[str, tuple[str, ...]],
                             countries: frozenset[str] = frozenset()) -> dict[str, str]:
    """A body named with the one-character short form of its place (`俄国防部`, `美国会`; `full_forms`:
    short form → full names, schemas/lexicons/place_short_forms.tsv), or with the first character of a country
    (`countries`) that no list gives (`牙参议院`), → the name with the place written in full that the document
    writes too (`俄罗斯国防部`, `美国国会`, `牙买加参议院`): one body."""
    return {name: full for name in names if len(name) > 2 and (full := next(
        (place + name[1:] for place in full_forms.get(name[0], ()) if place + name[1:] in names), None) or next(
        (n for n in names if n[0] == name[0] and len(n) > len(name) and n.endswith(name[1:])
         and n[:len(n) - len(name) + 1] in countries), None))}


def place_form_bodies(names: set[str], place_forms: dict[str, str]) -> dict[str, str]:
    """A body named with a shorter written form of its place (`印尼国际银行`, `沙特外交部`; `place_forms`: each form of a place
    of schemas/aliases.yaml → the place's name) → the name the document also writes with a longer form of the place
    (`印度尼西亚国际银行`, `沙特阿拉伯外交部`): one body."""
    found = {}
    for name in names:
        for form in (f for f in place_forms if name.startswith(f) and len(name) > len(f)):
            rest, place = name[len(form):], place_forms[form]
            fulls = [other + rest for other, named in place_forms.items()
                     if named == place and len(other) > len(form) and other + rest in names]
            if fulls:
                found[name] = max(fulls, key=len)
    return found


ARMED_GROUP_SCORE = 0.85


def armed_groups(mentions: list[Mention], text: str, words: list[tuple[int, int, str]] | None,
                 heads: tuple[str, ...], known_places: frozenset[str]) -> list[Mention]:
    """A person's or a people's name (a place of no lexicon) right before one of `heads` (`胡塞|武装`, `库尔德|武装`) names,
    with it, an armed group, an organisation, from the place named right before it (`也门胡塞武装`), where the head is read as
    a noun or as a verb with no noun after it, its object (`…理论|武装|头脑`)."""
    analysis = word_analysis(words) if words else None
    places = {m.end: m for m in mentions if m.type == "LOCATION"}
    out, dropped = [], set()
    for m in mentions:
        named = m.type == "PERSON" or m.type == "LOCATION" and m.text not in known_places and m.end - m.start > 1
        head = word_at(text, m.end, heads) if analysis and named else None
        end = m.end + len(head or "")
        read = analysis.starting.get(m.end) if head else None
        if read in ((end, "n"), (end, "v")) and (read[1] == "n" or analysis.starting.get(end, (0, ""))[1] not in NOUN_POS):
            place = places.get(m.start)
            start = place.start if place else m.start
            dropped.add(place)
            m = Mention(start, end, text[start:end], "ORG", "armed_group", ARMED_GROUP_SCORE)
        out.append(m)
    return [m for m in out if m not in dropped]

