"""The other forms a document writes a name in, each mapped to the full one it writes too: a person's by one part of a
transliterated name, by the surname and 老 or by the given name, a place's without its division's term, a state's by its first
character and 州, a body's with a middle part left out or contracted, a company's with another legal form, a level's body by
the place of the body before it in a list or of its sentence."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from pipeline.analysis.joined_names import STATE_FORMS
from pipeline.analysis.sentences import sentence_start
from pipeline.records import Mention
from pipeline.rules import LOCAL_PREFIXES

KIN = ("母亲", "父亲", "夫人", "妻子", "丈夫", "遗孀", "女儿", "儿子")  # `马科斯的母亲|伊梅尔达·马科斯`: another of the family


def transliterated_short_forms(names: set[str], text: str = "") -> dict[str, str]:
    """A person named by one part of a transliterated name the document writes in full, with its parts joined by `·`
    (`普京` for 弗拉基米尔·普京, `穆罕默德` for 穆罕默德·本·扎耶德·阿勒纳哈扬) → that full name, where it is the only one
    with that part; not by the family's name where the text writes the full name after a word of `KIN`, where that part
    alone names another of the family (`马科斯的母亲伊梅尔达·马科斯`; but `索尼亚` for `…的遗孀索尼亚·甘地`)."""
    holders: dict[str, set[str]] = defaultdict(set)
    for name in names:
        parts = name.split("·") if "·" in name else []
        for part in parts[:-1] if any(kin + name in text for kin in KIN) else parts:
            holders[part].add(name)
    return {name: next(iter(holders[name])) for name in names if len(holders.get(name, ())) == 1}


ELDER = "老"  # `侯老`: the respectful form of an elder's name, the surname and 老
COMRADE = "同志"
FAMILIAR_PREFIXES = "老小"  # `老何`, `小冯`: a familiar form, the surname after 老 or 小
JAPANESE_NAME_CHARS = 4  # `桥本龙太郎`, `小泽一郎`: a name of four characters or more begins with a surname of two


def familiar_forms(names: set[str], text: str, surnames: frozenset[str]) -> dict[str, str]:
    """A person named respectfully by the surname and 老 (`侯老`, `贝老`) → the one person of the document whose full name
    begins with that surname (`侯祥麟`); none where two do. So is one named by the given name alone (`恩来同志`, `小平同志`) →
    the one full name of three characters that ends with it (`周恩来`), where it cannot be a full name of its own: it does not
    begin with one of `surnames` (`小平`), or the text calls it comrade (`恩来同志`; but `李明` and `王李明` are two people).
    So is one named familiarly by 老 or 小 and the surname (`老何`, `小冯`), and one by the first two characters of the one
    name of four characters or more that begins with them (`桥本`, `小泽`)."""
    surnamed: dict[str, set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if len(name) >= 2 and not name.endswith(ELDER) and "·" not in name:
            surnamed[name[0]].add(name)
        if len(name) == 3 and "·" not in name:
            given[name[1:]].add(name)
    forms = {name: next(iter(surnamed[name[0]])) for name in names
             if len(name) == 2 and name.endswith(ELDER) and len(surnamed.get(name[0], ())) == 1}
    forms.update({name: next(iter(surnamed[name[1]])) for name in names  # `老何`, `小冯`: a familiar form
                  if len(name) == 2 and name[0] in FAMILIAR_PREFIXES and len(surnamed.get(name[1], ())) == 1})
    long_names = [n for n in names if len(n) >= JAPANESE_NAME_CHARS and "·" not in n]
    forms.update({name: full[0] for name in names if len(name) == 2
                  and len(full := [n for n in long_names if n.startswith(name)]) == 1})  # `桥本` for 桥本龙太郎
    forms.update({name: next(iter(given[name])) for name in names if len(given.get(name, ())) == 1
                  and (name[0] not in surnames or name + COMRADE in text)})
    return forms


# the generic terms of administrative divisions (通名) that a place's name may be written with or
# without (`江苏省` / `江苏`, `淮安市` / `淮安`, `香港特别行政区` / `香港`); an autonomous division's
# name holds its people's too (`广西壮族自治区`, `新疆维吾尔自治区` / `新疆`)
DIVISION_TERMS = ("特别行政区", "自治区", "自治州", "自治县", "省", "市", "县", "区", "州")
# a city's or a county's, named by the text but by no lexicon (`襄樊市`, renamed since), is written without its term as a
# Chinese division's is: abroad, too, a city is one place; so is a township (`威舍镇` / `威舍`: the lexicon stops at counties),
# a strip of land named after its town (`加沙地带` / `加沙`) and a special administrative region written short (`澳门特区`)
UNLISTED_TERMS = ("市", "县", "镇", "乡", "地带", "特区")
REGION_TERM = "地区"  # a place's area is the place (`那曲地区`, `北京地区`), though no county (`那曲县`, its seat)
COUNTY_TERMS = ("县", "旗", "镇", "乡")  # the terms of a county and the divisions below it
PEOPLE_CHARS = 4  # the longest people's name in an autonomous division's (`维吾尔`, `哈萨克`, `壮族`)


def division_forms(places: set[str], divisions: frozenset[str]) -> dict[str, str]:
    """A place written without its division's term (`江苏`) → the one name of the document that adds it (`江苏省`), a
    Chinese division's (`divisions`: lexicon PLACE; abroad a city and its province are two places: `坎大哈`, `坎大哈省`) or a
    city's, county's or strip's no lexicon knows (`襄樊市`, `加沙地带`); none where two do (`吉林省`, `吉林市`). So is a state
    written without the form of its state (`巴西` → `巴西联邦共和国`). A place's area (`那曲地区`, `北京地区`) → the place
    written alone, or else a division's one name (`北京市`) above a county's."""
    written: dict[str, set[str]] = defaultdict(set)
    regions = {name: base for name in places
               if name.endswith(REGION_TERM) and ((base := name[:-len(REGION_TERM)]) in divisions or base in places)}
    for name in places.difference(regions):
        term = next((t for t in DIVISION_TERMS if name.endswith(t)), None) if name in divisions \
            else next((t for t in UNLISTED_TERMS if name.endswith(t) and len(name) > len(t) + 1), None)
        base = name[:-len(term)] if term else name
        kept = range(len(base) - PEOPLE_CHARS, len(base) + 1) if term and term.startswith("自治") \
            else (len(base),) if term else range(2, len(name) - 2) if name.endswith(STATE_FORMS) else ()
        for end in kept:
            if end >= 2:
                written[base[:end]].add(name)
    forms = {short: next(iter(full)) for short, full in written.items() if short in places and len(full) == 1}
    areas = {region: {place} if place in places else {n for n in written[place] if not n.endswith(COUNTY_TERMS)}
             for region, place in regions.items()}
    return forms | {region: next(iter(named)) for region, named in areas.items() if len(named) == 1}


STATE_TERM = "州"


def state_contractions(places: set[str], divisions: frozenset[str]) -> dict[str, str]:
    """A state written by its first character and 州 (`得州`, `加州`, `明州`) → the one name of the document that begins
    with that character and ends with 州 (`得克萨斯州`); never a Chinese city (`divisions`: `杭州`, `福州`)."""
    found = {}
    for short in (p for p in places if len(p) == 2 and p.endswith(STATE_TERM) and p not in divisions):
        fulls = [p for p in places if len(p) >= 4 and p[0] == short[0] and p.endswith(STATE_TERM)]
        if len(fulls) == 1:
            found[short] = fulls[0]
    return found


def place_prefixed_forms(places: set[str], known: frozenset[str]) -> dict[str, str]:
    """A place written without the larger place its other form begins with (`晴隆县` → `贵州晴隆县`, `雄安新区` →
    `河北雄安新区`, `塔尔寺` → `青海塔尔寺`) → that one form, where the prefix is a place the document names or a
    lexicon knows (`known`) and no other form of the document ends with the shorter one."""
    found = {}
    for name in (p for p in places if len(p) >= 2):
        longer = [n for n in places if n != name and n.endswith(name)]
        if len(longer) == 1 and len(longer[0]) - len(name) >= 2 and longer[0][:-len(name)] in known:
            found[name] = longer[0]
    return found


ELIDED_HEAD, ELIDED_TAIL = 2, 4  # characters an elided short form keeps of its full name's start and end at least
SITE_TAIL = 3  # and of a site's end (`上海自贸试验区|临港|新片区`)


def elided_short_forms(names: set[str], places: frozenset[str] = frozenset(), tail: int = ELIDED_TAIL) -> dict[str, str]:
    """A body named with a middle part of its full name left out (`中央应对疫情工作领导小组` for
    中央应对新型冠状病毒感染肺炎疫情工作领导小组, `国家发展改革委员会` for 国家发展和改革委员会) → that full name, where it is
    the only one the document writes with that start and end (its last `tail` characters at least). A part that names a place
    is no modifier left out but another body's seat (`中华人民共和国|香港特别行政区|政府`)."""
    by_tail: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_tail[name[-tail:]].append(name)
    elided = {}
    for short in names:
        if len(short) < ELIDED_HEAD + tail:
            continue
        fulls = {full for full in by_tail[short[-tail:]] if _elides(full, short, places, tail)}
        if len(fulls) == 1:
            elided[short] = fulls.pop()
    return elided


def _elides(full: str, short: str, places: frozenset[str], tail: int = ELIDED_TAIL) -> bool:
    """Whether `short` is `full` with a middle part, not a place's name, left out."""
    cut = len(full) - len(short)
    return cut > 0 and any(full.startswith(short[:k]) and full.endswith(short[k:]) and not _names_place(full[k:k + cut], places)
                           for k in range(ELIDED_HEAD, len(short) - tail + 1))


PARTY, COMMITTEE = "党", "委员会"
COMMUNIST, COMMUNIST_PARTY = "共", "共产党"  # `越共`, `古共`: a country's first character and 共 name its communist party


def party_short_forms(names: set[str], places: frozenset[str]) -> dict[str, str]:
    """A country's party named by the country and 党 (`老挝党` for 老挝人民革命党, `老挝党中央` for
    老挝人民革命党中央委员会, as 党中央 is for 中共中央), or its communist party by the country's first character
    and 共 (`越共中央` for 越南共产党中央委员会, `古共` for 古巴共产党) → the one name of the document with that
    country's name before its party's and the same organ after it."""
    forms = {}
    for short in names:
        at = short.find(PARTY)
        if at >= 1 and short[:at] in places:
            country, party, organ = short[:at], PARTY, short[at + 1:]
        elif short[1:2] == COMMUNIST and not short.startswith(COMMUNIST_PARTY, 1):
            country, party, organ = short[0], COMMUNIST_PARTY, short[2:]
        else:
            continue
        organs = (organ, organ + COMMITTEE) if organ else (organ,)  # `党中央`: 党中央委员会
        fulls = {full for full in names if full != short and full.startswith(country)
                 and (cut := full.find(party, len(country))) != -1 and full[cut + len(party):] in organs}
        if len(fulls) == 1:
            forms[short] = fulls.pop()
    return forms


HEADER_LINES = 4  # the title, a blank line and the source line with the report's date (`人民日报 1998-01-08`)
REPORT_DATE = re.compile(r"^[^\n]{0,30}?((?:19|20)[0-9]{2})-[0-9]{2}-[0-9]{2}", re.M)
EDITION_YEAR = re.compile(r"^((?:19|20)[0-9]{2})年")


# a year inside an edition's name (`北京2022年冬奥会`, `博鳌亚洲论坛2021年年会`): its short name leaves it
# out; one before the name may date an earlier edition (`past_editions`)
YEAR_INSIDE = re.compile("(?<=[^0-9])(?:19|20)[0-9]{2}年度?")


def past_editions(events: set[str], text: str) -> frozenset[str]:
    """The events named with a year before the report's (`1986年全国语言文字工作会议` in a report of
    1998-01-08): an earlier edition, not the one the document names without its year (but a report
    of 2023-12-30 names the coming `2024年新年戏曲晚会`). None where the source line gives no date."""
    dated = REPORT_DATE.search("\n".join(text.split("\n", HEADER_LINES)[:HEADER_LINES]))
    return frozenset(name for name in events if dated and (year := EDITION_YEAR.match(name))
                     and year.group(1) < dated.group(1))


GOVERNMENT, PEOPLES = "政府", "人民"


def government_forms(names: set[str]) -> dict[str, str]:
    """A government written without 人民 (`安徽省政府`) → the name with it the document writes too
    (`安徽省人民政府`): one body."""
    return {name: full for name in names if name.endswith(GOVERNMENT) and not name.endswith(PEOPLES + GOVERNMENT)
            and (full := name[:-len(GOVERNMENT)] + PEOPLES + GOVERNMENT) in names}


LEGAL_FORMS = re.compile("(?:有限责任公司|股份有限公司|有限公司|集团公司|公司|集团)+$")
GROUP = "集团"
TRADE_NAME_CHARS = 4  # the longest name a company goes by without its legal form (`鞍钢`, `野村证券`)


def legal_forms(names: set[str]) -> dict[str, str]:
    """A company written with one legal form and with another or none (`中国邮政集团公司`, `中国邮政集团有限公司`;
    `微软`, `微软公司`) → the longest of its names: one company. A group (`…集团公司`) is not the company of its
    trade name (`…股份有限公司`, often its listed part), and a name without a legal form is a company's only where
    it is short, a trade name (`鞍钢`): a longer one is a body's own (`…足球俱乐部`, not `…足球俱乐部股份有限公司`)."""
    kinds: dict[str, dict[bool | None, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name in names:
        trade_name = LEGAL_FORMS.sub("", name)
        if len(trade_name) >= 2 and (trade_name != name or len(name) <= TRADE_NAME_CHARS):
            kinds[trade_name][GROUP in name[len(trade_name):] if trade_name != name else None].append(name)
    forms = {}
    for by_kind in kinds.values():
        bare = by_kind.pop(None, [])
        groups = list(by_kind.values()) if len(by_kind) > 1 else [bare + next(iter(by_kind.values()), [])]
        for group in (g for g in groups if len(g) > 1):
            forms.update((name, max(group, key=lambda n: (len(n), n))) for name in group)
    return forms


STATE_BODY_HEAD = 2  # the shortest head of a body named after its state (`…|政府`)


def state_form_bodies(names: set[str], domestic: frozenset[str]) -> dict[str, str]:
    """A body named with its state's common name (`朝鲜政府`, `中国政府`) → the name with the state's full form
    that the document writes too (`朝鲜民主主义人民共和国政府`, `中华人民共和国政府`): one body. The full form begins
    with the common name and ends in a state's form (`共和国`), or both are names of the news country (`domestic`)."""
    found = {}
    for full in names:
        for end in (m.end() for m in re.finditer("|".join(STATE_FORMS), full)):
            head = full[end:]
            if len(head) < STATE_BODY_HEAD or head in full[:end]:  # not across two names (`…政府中非共和国|政府`)
                continue
            found |= {n: full for n in names
                      if n != full and n.endswith(head) and _state_of(n[:-len(head)], full[:end], domestic)}
    return found


def domestic_forms(names: set[str], domestic: frozenset[str], national: frozenset[str]) -> dict[str, str]:
    """`中国全国政协` → `全国政协`: a national body of the news country (`domestic`: its names; `national`: its bodies of
    lexicon BODY) written with the country's name, where the document also names it without (its bodies go without it)."""
    return {name: body for name in names for country in domestic if name.startswith(country)
            and (body := name[len(country):]) in names and body in national}


def _state_of(common: str, state: str, domestic: frozenset[str]) -> bool:
    """Whether `common` names the state `state` names in full (`朝鲜`: 朝鲜民主主义人民共和国; `中国`: 中华人民共和国)."""
    return common in domestic and state in domestic or len(common) >= 2 and state.startswith(common)


LEVEL_CHAR = re.compile(f"[{LOCAL_PREFIXES}]")
# the bodies named by a level alone (`市委`, `省政府`), which any place of that level has: only the
# document's one place of the level names them
LEVEL_BODIES = ("委", "政府")
PLACE_CHARS = range(2, 8)  # the lengths of a place's name with its level (`厦门市`, `内蒙古自治区`)


def named_level_bodies(names: set[str], places: frozenset[str]) -> dict[str, str]:
    """A body named by its level alone (`市委`) → the one body of that level and kind the document names with its
    place, alone or in a longer name (`中共厦门市委常委会`: 厦门市委; `places`: the place list's names ending in a
    level); none where it names two (`北京市委`, `上海市委`)."""
    found: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for level in LEVEL_CHAR.finditer(name):
            end = level.end()
            place = next((name[end - n:end] for n in reversed(PLACE_CHARS) if n <= end and name[end - n:end] in places), None)
            for body in LEVEL_BODIES if place else ():
                if name.startswith(body, end):
                    found[level.group() + body].add(place + body)
    return {level: bodies.pop() for level, bodies in found.items() if level in names and len(bodies) == 1}


# the heads of a body's name and how a contracted short form writes them (`委员会` → 委, as in
# `中央社会治安综合治理委员会` → `中央综治委`; `奥林匹克委员会` → `奥委会`; `海湾阿拉伯国家合作委员会` → `海合会`;
# `作家协会` → `作协`); a one-character head and 组织 stay whole (`广播电影电视部` → `广电部`, `上海合作组织` →
# `上合组织`)
CONTRACTED_HEADS = {"委员会": ("委会", "委", "会"), "办公室": ("办",), "协会": ("协会", "协"), "研究院": ("院",),
                    "科学院": ("科院",), "组织": ("组织",), "部": ("部",), "局": ("局",), "厅": ("厅",), "署": ("署",)}
CONTRACTED_MIN = 3  # characters of a contracted short form at least
CONTRACTED_WHOLE = 3  # characters of the full name a contraction may keep whole before it leaves one out
LEVEL_BODY_END = re.compile(r"[省市县区](?:委|(?:人民)?政府)$")


def contracted_short_forms(names: set[str]) -> dict[str, str]:
    """A body named by the contraction of its full name (缩略: `中央综治委` for 中央社会治安综合治理委员会, `广电部` for
    广播电影电视部, `中国奥委会` for 中国奥林匹克委员会) → that full name, where it is the only one of the document it
    contracts. A contraction keeps the name's first character and some of the others in their order, and writes its head short
    (`CONTRACTED_HEADS`); none where it could stand for another name of the document that holds its characters (`中直工委`:
    中直机关工委 or 中直机关纪律检查工作委员会). A level's body (`大名县委`) is no contraction of another body of that place
    (`大名县经济委员会`), and a contraction of a body is none of the organ named after it (`中央纪委`, not
    `中央纪律检查委员会常务委员会`)."""
    forms = {}
    for short in names:
        if len(short) < CONTRACTED_MIN or LEVEL_BODY_END.search(short):
            continue
        longer = [full for full in names if len(full) > len(short) and kept_at(short, full)]
        fulls = [full for full in longer if _contracts(short, full)
                 and not any(_contracts(short, full[:end]) for end in _head_ends(full) if end < len(full))]
        if len(fulls) == 1 and len(longer) == 1:
            forms[short] = fulls[0]
    return forms


def _head_ends(name: str) -> Iterator[int]:
    """Where a head of a body's name ends inside `name`."""
    return (i + len(head) for head in CONTRACTED_HEADS for i in range(len(name)) if name.startswith(head, i))


def _contracts(short: str, full: str) -> bool:
    """Whether `short` is a contraction of `full`: its head written short, and characters left out
    within the first four of its name (`中直机关|工委` keeps a name whole and leaves out a modifier:
    no contraction of 中直机关纪律检查工作委员会)."""
    if len(full) < len(short) + 2 or short[0] != full[0] or full.startswith(short):
        return False
    for head, written in CONTRACTED_HEADS.items():
        if not full.endswith(head):
            continue
        for form in written:
            if short.endswith(form) and len(short) - len(form) >= 1:
                name = full[:-len(head)]
                kept = kept_at(short[:-len(form)], name)
                gaps = sum(1 for i, pos in enumerate(kept) if pos > (kept[i - 1] + 1 if i else 0))
                gaps += bool(kept) and kept[-1] < len(name) - 1
                kept_whole = next((i for i, pos in enumerate(kept) if pos != i), len(kept))  # before the first gap
                if kept and gaps >= (2 if form == head else 1) and kept_whole <= CONTRACTED_WHOLE:
                    return True
    return False


def kept_at(part: str, whole: str) -> list[int]:
    """Where in `whole` each character of `part` stands, taken in order and as early as it can
    be; empty where `part` is not `whole` with characters left out."""
    kept, pos = [], 0
    for char in part:
        pos = whole.find(char, pos)
        if pos < 0:
            return []
        kept.append(pos)
        pos += 1
    return kept


def _names_place(part: str, places: frozenset[str]) -> bool:
    return any(part[i:j] in places for i in range(len(part)) for j in range(i + 2, len(part) + 1))


PLACE_BODY = re.compile(r"(?:中共)?(?P<place>.{2,12}?(?P<level>[省市县区]))(?P=level)?(?:委|党委|(?:人民)?政府)")  # `山西省|省委`
BARE_LEVEL_BODY = re.compile(r"(?P<level>自治区|自治州|自治县|[省市县区])(?:委|党委|(?:人民)?政府)")
LIST_MARKS = "、和与及"


def placed_level_bodies(mentions: list[Mention], text: str, places: frozenset[str]) -> list[Mention]:
    """A level's party committee or government named bare (`市政府`) is a place's, whatever other places of that level the
    document names: right after that place's body of the level in a list (`天津市委、|市政府`, `河北省委和|省政府`), else in a
    sentence that names, before it, that one place of the level, alone or as a body's (`places`: the place list's names with
    their level; `天津组建了以|市政府|副秘书长刘红升为团长的…`); none where the sentence names two
    (`本报石家庄…电…唐山市委、…|市委`)."""
    bodies = {m.end: m for m in mentions if m.type == "ORG"}
    located = [(m.start, m.end, m.text) for m in mentions if m.type == "LOCATION"] + [
        (m.start, m.end, body.group("place")) for m in mentions
        if m.type == "ORG" and (body := PLACE_BODY.fullmatch(m.name or m.text))]
    named = []
    for m in mentions:
        if m.type == "ORG" and m.name is None and BARE_LEVEL_BODY.fullmatch(m.text):
            level = BARE_LEVEL_BODY.fullmatch(m.text).group("level")
            place = _listed_place(m, level, text, bodies) or _sentence_place(m, level, text, located, places)
            if place:
                m = Mention(m.start, m.end, m.text, m.type, m.source, m.score, place + m.text[len(level):])
        named.append(m)
    return named


def _listed_place(m: Mention, level: str, text: str, bodies: dict[int, Mention]) -> str | None:
    """The place of the body of `m`'s level right before it in a list (`天津市委、|市政府`: 天津市)."""
    sibling = bodies.get(m.start - 1) if text[m.start - 1:m.start] in LIST_MARKS else None
    place = PLACE_BODY.fullmatch(sibling.name or sibling.text) if sibling else None
    return place.group("place") if place and place.group("place").endswith(level) else None


def _sentence_place(m: Mention, level: str, text: str, located: list[tuple[int, int, str]],
                    places: frozenset[str]) -> str | None:
    """The one place of `m`'s level its sentence names before it, if one."""
    start = sentence_start(text, m.start)
    fulls = {place if place.endswith(level) else place + level
             for begin, end, place in located if start <= begin and end <= m.start} & places
    return fulls.pop() if len(fulls) == 1 else None
