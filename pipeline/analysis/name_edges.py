"""A name's edges: where a recognizer's or a chunk's span begins or ends against the word
analysis, the listed names and its own brackets and quotation marks."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from pipeline.analysis.boundaries import COUNTERS, LEXICON_SOURCE, SESSION_NUMBER
from pipeline.analysis.brackets import DASHES, OPENERS
from pipeline.analysis.clauses import NEGATIONS, STATIONING_VERBS
from pipeline.analysis.matching import PAUSES
from pipeline.analysis.quoted_names import enclosed
from pipeline.analysis.wordindex import FIELD_POS, MAX_FIELD_WORDS, NOUN_POS, PREDICATE_POS, WordAnalysis, word_analysis
from pipeline.records import Mention
from pipeline.rules import NUMBER_DIGITS
from pipeline.wordlists import word_at

TRAILING_POS = frozenset("pcud")  # prepositions, conjunctions, particles, adverbs
NAME_NUMERALS = frozenset("一二三四五六七八九十")  # given names may end in one (`晋三`, `道一`)
REGNAL_NUMBER = re.compile("[一二三四五六七八九十]+世(?![纪界])")  # `伊丽莎白|二世`, `查尔斯|三世`, `本笃|十六世`
AFTER_NAME_POS = TRAILING_POS | PREDICATE_POS  # what follows a name, never a number's classifier or noun
QUOTABLE_SOURCES = ("rule:chunk", "rule:pattern")  # the rules' names, which quotation marks may delimit


def without_trailing_predicates(mentions: list[Mention], words: list[tuple[int, int, str]] | None,
                                text: str) -> list[Mention]:
    """Organisations and places the recognizer ends with a one-character function word or verb of
    stationing of the word analysis (`西班牙中央政府|驻`, `塔里木油田|比`) end before it: no such name
    ends in one. Other one-character verbs may be read wrongly (`义乌西|站`, `最高|检`). A person's
    name it ends inside a verb ends before that verb (`蔡奇|陪同`)."""
    if not words:
        return mentions
    analysis = word_analysis(words)
    last_starts = {e: s for s, e, pos in analysis if e - s == 1 and (
        pos in TRAILING_POS or (pos == "v" and text[s] in STATIONING_VERBS))}
    trimmed = []
    for m in mentions:
        last = None
        if m.source == "model" and m.type in ("ORG", "LOCATION"):
            last = last_starts.get(m.end)
        elif m.source == "model" and m.type == "PERSON" and m.end in analysis.crossing:
            start = analysis.crossing[m.end][0]
            last = start if analysis.starting[start][1] == "v" else None
        if last is not None and last - m.start >= 2:
            m = Mention(m.start, last, m.text[: last - m.start], m.type, m.source, m.score, m.name)
        trimmed.append(m)
    return trimmed


KNOWN_NAME_MAX = 16  # the longest name of a word list looked back for


def begun_with_known_names(mentions: list[Mention], text: str,
                           words: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """A name that begins inside a place or body found in a word list (`粤港|澳大湾区建设领导小组`,
    the list's `粤港澳大湾区`) and runs on past it begins where that name begins, unless a word of
    the word analysis runs across that name's end (`美国|防部`: `美|国防部`)."""
    crossing = word_analysis(words).crossing if words else {}
    known = sorted((m.start, m.end) for m in mentions
                   if m.source == "rule:lexicon" and m.type in ("ORG", "LOCATION") and m.end not in crossing)
    if not known:
        return mentions
    starts = [s for s, _ in known]
    moved = []
    for m in mentions:
        k = bisect_right(starts, m.start - 1) - 1
        while k >= 0 and known[k][0] > m.start - KNOWN_NAME_MAX and m.type in ("ORG", "EVENT", "AWARD"):
            start, end = known[k]
            if m.start < end < m.end:
                m = Mention(start, m.end, text[start:m.end], m.type, m.source, m.score, m.name)
                break
            k -= 1
        moved.append(m)
    return moved


def completed_people(mentions: list[Mention], text: str, words: list[tuple[int, int, str]] | None = None,
                     place_generics: str = "") -> list[Mention]:
    """A person's name cut short (`阿纳斯塔|夏季斯通电话`) is the longer name of the same person
    found elsewhere in the document (`阿纳斯塔夏季斯`) where the text goes on with that name: one found
    where no word of the word analysis runs across its end (not `库尔德武|装`), and that ends in no
    place's generic term (`卡什代村`). A numeral between a person's name and a pause or a verb, adverb,
    preposition, conjunction or particle is the name's last character (`安倍晋|三|、`, `安倍晋|三|主持`); a monarch's or a
    pope's regnal number is the name's end (`查尔斯|三世|国王`)."""
    starting = (analysis := word_analysis(words or ())).starting

    def numbered_end(m: Mention) -> int:
        if m.type == "PERSON" and (regnal := REGNAL_NUMBER.match(text, m.end)):
            return regnal.end()
        if m.type == "PERSON" and text[m.end:m.end + 1] in NAME_NUMERALS and (text[m.end + 1:m.end + 2] in PAUSES or (
                starting.get(m.end) == (m.end + 1, "m") and starting.get(m.end + 1, (0, ""))[1] in AFTER_NAME_POS)):
            return m.end + 1
        return m.end
    mentions = [Mention(m.start, end, text[m.start:end], m.type, m.source, m.score, m.name) if (end := numbered_end(m)) > m.end
                else m for m in mentions]
    crossing = analysis.crossing
    names = sorted({m.text for m in mentions if m.type == "PERSON" and m.end not in crossing
                    and m.text[-1] not in place_generics}, key=len, reverse=True)
    completed = []
    for m in mentions:
        if m.type == "PERSON":
            longer = next((n for n in names if len(n) > len(m.text) and n.startswith(m.text)
                           and text.startswith(n, m.start)), None)
            if longer:
                m = Mention(m.start, m.start + len(longer), longer, m.type, m.source, m.score, m.name)
        completed.append(m)
    return completed


SESSION_TAIL = re.compile(f"第?{SESSION_NUMBER.pattern}(?:全体)?会议$")
TERM = "届"
TERM_NUMBER = re.compile(f"[{NUMBER_DIGITS}]+$")
TERM_END = re.compile(f"[{NUMBER_DIGITS}]+{TERM}$")


def session_bodies(mentions: list[Mention], text: str, words: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """The body whose session an event names (`全国人大常委会中小企业促进法执法检查组|第一次全体会议`)
    is all of the name before the session's number where a body found begins the name: an
    organisation found ending there begins there too (not `法执法检查组`), and so does one found
    elsewhere that begins inside a word with the same characters before it (`中央全面依|法治国委员会`).
    A body's name never ends in the number of a term (`全国政协|十四|届`, `全国政协|十四届`): that is the term's."""
    mentions = [_without_term_number(m, text) if m.type == "ORG" else m for m in mentions]
    starts = {m.start for m in mentions if m.type == "ORG"}
    holders, bodies = {}, set()
    for m in mentions:
        tail = SESSION_TAIL.search(m.text) if m.type == "EVENT" else None
        if tail and tail.start() > 0:
            bodies.add(m.text[:tail.start()])
            if m.start in starts:
                holders[m.start + tail.start()] = m.start
    inside = word_analysis(words).crossing if words and bodies else {}
    return [_session_body(m, text, holders, bodies if m.start in inside else ()) if m.type == "ORG" else m for m in mentions]


def _session_body(m: Mention, text: str, holders: dict[int, int], bodies: Iterable[str]) -> Mention:
    start = holders.get(m.end, m.start)
    for body in bodies:
        if len(body) > m.end - start and body.endswith(m.text) and text.startswith(body, m.end - len(body)):
            start = m.end - len(body)
    return Mention(start, m.end, text[start:m.end], m.type, m.source, m.score, m.name) if start < m.start else m


def _without_term_number(m: Mention, text: str) -> Mention:
    number = TERM_NUMBER.search(m.text) if text.startswith(TERM, m.end) else TERM_END.search(m.text)
    if number is None or number.start() < 2:
        return m
    return Mention(m.start, m.start + number.start(), m.text[:number.start()], m.type, m.source, m.score, m.name)


LEADING_FUNCTION_POS = frozenset("pcu")  # prepositions, conjunctions, particles
NO_NAME_END_POS = LEADING_FUNCTION_POS | frozenset("adv")  # and adjectives, adverbs, verbs: a chunk begun inside one
DATELINE_HEADS = "讯电"  # what follows a dateline's date (`本报北京一月二十日讯`, `新华社…日电`)
OWN_PAPER = "本报"  # the paper's dateline without a place or a date (`本报讯`)
# the classifier of a pronoun a chunk begins inside (`每|次大会…`, `这|些先进集体`; not `该|县供电局`)
ROUND_CLASSIFIERS = "次届轮场回些个位批种类"
ASPECT_PARTICLES = "着了过"
DEMONSTRATIVES = "此这该那"
# after a noun (`在掌声中|会议开始`, `荧屏上|会议多`) they end a place or a time, never a name; not before a word of
# one character the name runs on after, a compound they begin (`后续工程|中|线|引江补汉工程…`: 中线)
POSTPOSITIONS = "上中里内"
# a body a pattern names after the periodical it publishes holds the title's words whole (`《望》周刊社`: 望, a verb)
WORK_TITLE_OPENER = "《"


def _verb_before_date(m: Mention, start: int, starting: dict[int, tuple[int, str]]) -> bool:
    """Whether an honour's name begins with a verb of two characters or more before a year or a
    number (`公布|2020年全国教书育人楷模`): what the verb does to it, not its name."""
    end, pos = starting[start]
    return m.type == "AWARD" and pos == "v" and end - start >= 2 and starting.get(end, (0, ""))[1] in ("t", "m")


NUMERALS = frozenset("0123456789一二三四五六七八九十百千万两几多")


def _after_count(m: Mention, start: int, starting: dict[int, tuple[int, str]]) -> int:
    """Where a chunk begins after the cardinal count it begins with (`两项|国家科技进步奖`), or after
    a verb of one character and the count of its object (`寄几张|武术比赛`)."""
    first = starting.get(start) if m.source == "rule:chunk" else None
    after_verb = bool(first) and first[1] == "v" and first[0] - start == 1
    at = first[0] if after_verb else start
    number = starting.get(at) if first else None
    if not number or number[1] != "m" or not NUMERALS.issuperset(m.text[at - m.start:number[0] - m.start]):
        return start
    classifier = starting.get(number[0])
    if classifier and classifier[1] == "q" and classifier[0] - number[0] == 1 and m.end - classifier[0] >= 2 \
            and (after_verb or m.text[number[0] - m.start] in COUNTERS):
        return classifier[0]
    return start


def _after_dateline(m: Mention, start: int, analysis: WordAnalysis) -> int:
    """Where a chunk begins after a dateline's 讯 or 电 at `start`, after its date or the paper's own name: no name holds
    them (`一月二十日|讯|中共中央…全体会议`, `本报讯|山西省图书发行先进单位`)."""
    at = start + len(OWN_PAPER) if m.text.startswith(OWN_PAPER, start - m.start) else start
    if at < m.end and m.text[at - m.start] in DATELINE_HEADS and (at > start or analysis.ending.get(at) == "t") \
            and analysis.starting.get(at, (0, ""))[0] == at + 1 and m.end - at >= 3:
        return at + 1
    return start


def without_leading_function_words(mentions: list[Mention], words: list[tuple[int, int, str]] | None,
                                   determiners: tuple[str, ...] = (), task_verbs: frozenset[str] = frozenset(),
                                   text: str = "") -> list[Mention]:
    """Suffix-anchored chunks begin after the prepositions, conjunctions and particles of the word analysis they begin with or
    begin inside (`每|当|春节联欢晚会`: 每当; and the adjectives, adverbs and verbs they begin inside: `安|全建设部`, where
    the recognizer began the name), and after a pronoun whose classifier they begin with (`每|次大会…`: 每次): a name never
    begins with one; nor an honour's with a verb before its year (`公布|2020年全国教书育人楷模`). What an aspect particle ends
    inside a chunk is a predicate (`标志着|长野冬奥会`), what a demonstrative ends an adverbial (`值此|纪念…研讨会`; not in a
    quoted title: `“中国这十年”…`), and so does a preposition of two characters or more (`县按照|省委`). A count it begins
    with is no part of it either (`两项|国家科技进步奖`), nor the 一 of a determiner (`这一|开馆仪式`), nor a time word it
    begins inside or the rest of a date (`去年底|中央经济工作会议`, `９月|下旬|俄法首脑会晤`). An organisation a name pattern
    finds begins after the last predicate word or particle inside it (`裁判问题对|新华社记者`, `日前接受|总台记者`,
    `武汉的|总台记者`), unless a verb of its task (`task_verbs`) opens it: a body named after its task
    (`推动|长江经济带发展领导小组`). An honour's name holds no pronoun or negation outside quotes: what one ends is a clause
    (`争个什么|奖`, `善小而不|奖`; but `诺贝尔生理学或医学奖` holds a conjunction). No name begins with a determiner of a term
    (`determiners`: `新一届|中央财经委员会`), nor a recognizer's name with a verb that governs a name after it
    (`民政部联合|国务院扶贫办`). A rule's name its quotation marks enclose whole keeps its first word (`“从都国际论坛”`: 从 a
    preposition elsewhere; `“拯救比萨斜塔专家委员会”`: a verb)."""
    if determiners:
        mentions = [_without_determiner(m, determiners) for m in mentions]
    if not words:
        return mentions
    analysis = word_analysis(words)
    starting, crossing = analysis.starting, analysis.crossing
    starts = analysis.starts
    trimmed = []
    for m in mentions:
        start = m.start
        inside = crossing.get(start) if m.source == "rule:chunk" else None
        if inside and m.end - inside[1] >= 2 and (starting[inside[0]][1] in NO_NAME_END_POS | TIME_POS or (
                starting[inside[0]][1] == "r" and m.text[:inside[1] - m.start] in ROUND_CLASSIFIERS)):
            start = inside[1]
        if m.source == "rule:chunk":
            for s, e, pos in analysis[bisect_right(starts, m.start):bisect_right(starts, m.end - 2)]:
                quoted = any(q in m.text[:s - m.start] for q in OPENERS)
                if e - s == 1 and pos == "u" and m.text[s - m.start] in ASPECT_PARTICLES or not quoted and (
                        e - s == 1 and pos == "r" and m.text[s - m.start] in DEMONSTRATIVES or pos == "p" and e - s >= 2
                        or e - s == 1 and pos == "f" and m.text[s - m.start] in POSTPOSITIONS and analysis.ending.get(s) == "n"
                        and not _compound_after(e, m.end, starting)
                        or m.type == "AWARD" and _ends_a_clause_in_an_honour(m.text[s - m.start:e - m.start], pos)):
                    start = e  # `标志着|长野冬奥会`, `值此|纪念…研讨会`, `县按照|省委`: no name holds these
        elif m.source == "rule:pattern" and m.type == "ORG" and m.text[:starting.get(m.start, (m.start, ""))[0] - m.start] \
                not in task_verbs and not m.text.startswith(WORK_TITLE_OPENER):
            for _, e, pos in analysis[bisect_right(starts, m.start - 1):bisect_right(starts, m.end - 2)]:
                if (pos in PREDICATE_POS or pos == "u") and e <= m.end - 2:
                    start = e
        while m.source == "rule:chunk" and start in starting and m.end - starting[start][0] >= 2 and (
                starting[start][1] in LEADING_FUNCTION_POS or _verb_before_date(m, start, starting)
                or starting[start][1] == "d" and starting.get(starting[start][0], (0, ""))[1] == "p"  # `必须|经|职工大会`
                or starting[start][1] in DATE_PART_POS and analysis.ending.get(start) in TIME_POS
                and m.text[start - m.start:starting[start][0] - m.start] not in SIDES):
            start = starting[start][0]  # `１１月|初|俄日首脑非正式会晤`, `９月|下旬|俄法首脑会晤`: the rest of a date
        start = _after_count(m, _after_governing_verb(m, start, starting), starting)
        start = _after_dateline(m, start, analysis)
        if m.source == "rule:chunk" and analysis.ending.get(start) == "r" and starting.get(start) == (start + 1, "m") \
                and m.text[start - m.start] == "一" and m.end - start >= 3:
            start += 1  # `这一|开馆仪式`: a determiner
        trimmed.append(Mention(start, m.end, m.text[start - m.start:], m.type, m.source, m.score, m.name)
                       if start != m.start and not (m.source in QUOTABLE_SOURCES and enclosed(text, m.start, m.end)) else m)
    return trimmed


def _compound_after(pos: int, end: int, starting: dict[int, tuple[int, str]]) -> bool:
    """Whether a word of one character the name runs on after begins at `pos` (`后续工程中|线|引江补汉工程…`)."""
    return starting.get(pos, (0, ""))[0] == pos + 1 and end > pos + 1


def _ends_a_clause_in_an_honour(word: str, pos: str) -> bool:
    return pos == "r" or pos == "d" and word in NEGATIONS


NAME_POS = frozenset({"nt", "ns"})  # names of bodies and places
TIME_POS = frozenset("t")  # time words: a name begins inside none (`去年底|中央经济工作会议`)
# what follows a date word in a date (`下旬`, `初`), and the sides that alone begin a name after one (`6月|上合组织…`)
DATE_PART_POS, SIDES = frozenset("tf"), frozenset("上下")


def _after_governing_verb(m: Mention, start: int, starting: dict[int, tuple[int, str]]) -> int:
    """Where a recognizer's organisation or place begins after a verb of two characters or more
    that the word analysis reads before the name of a body or place (`联合|国务院扶贫办`), or after a preposition of one
    before a noun (`经|专家委员会|评审`)."""
    if m.source != "model" or m.type not in ("ORG", "LOCATION") or start not in starting:
        return start
    verb_end, pos = starting[start]
    if pos == "p" and verb_end == start + 1 and m.end - verb_end >= 3 and starting.get(verb_end, (0, ""))[1] in NOUN_POS:
        return verb_end
    if pos != "v" or verb_end - start < 2 or m.end - verb_end < 2 or starting.get(verb_end, (0, ""))[1] not in NAME_POS:
        return start
    return verb_end


def _without_determiner(m: Mention, determiners: tuple[str, ...]) -> Mention:
    """`m` after the determiners it begins with (`本年度|唯一|…一等奖`), if two characters or more are left."""
    while m.text.startswith(determiners):
        determiner = next(d for d in determiners if m.text.startswith(d))
        if len(m.text) - len(determiner) < 2:
            return m
        m = Mention(m.start + len(determiner), m.end, m.text[len(determiner):], m.type, m.source, m.score, m.name)
    return m


ORDINAL_BEFORE = re.compile(r"(?:第[0-9一二三四五六七八九十百]+[届次]|首届)$")


def dash_joined_names(mentions: list[Mention], text: str, words: list[tuple[int, int, str]] | None = None,
                      known_bodies: frozenset[str] = frozenset()) -> list[Mention]:
    """An event named for two parties joined by a dash (`中国—东盟博览会`, `中国—阿拉伯国家合作论坛`),
    the second beginning its name (a mention, a place's name of the word analysis: `阿拉伯|国家峰会`, or a known
    body's name: `拉共体|论坛`),
    begins with the place or body before the dash (with each before a further dash: `东盟－中国－海合会峰会`),
    and with the ordinal before that (`第八次中国——中东欧国家领导人会晤`,
    `首届中国—中亚峰会`); so does a body named by its own head (`中国—东盟技术转移中心`, `斯里兰卡-中国社会文化合作协会`).
    Bodies so joined name a relation between them (`中国—上海合作组织`), no body."""
    parties: dict[int, int] = {}
    second: dict[int, int] = {}  # where a place or body begins → where the shortest one there ends
    for m in mentions:
        if m.type in ("LOCATION", "ORG"):
            parties[m.end] = min(parties.get(m.end, m.start), m.start)
            second[m.start] = min(second.get(m.start, m.end), m.end)
    places = {start for start, _, pos in words or () if pos in ("ns", "nt")}
    joined = []
    for m in mentions:
        dash = _dash_before(text, m.start)
        if (m.type == "EVENT" or m.type == "ORG" and m.source != LEXICON_SOURCE and m.text not in known_bodies) \
                and dash < m.start and dash in parties \
                and (second.get(m.start, m.end) < m.end or m.type == "EVENT" and m.start in second
                     or not places.isdisjoint(range(dash, m.start + 1))
                     or any(text[m.start:m.start + size] in known_bodies for size in range(2, len(m.text)))):
            start = parties[dash]
            while (dash := _dash_before(text, start)) < start and dash in parties:
                start = parties[dash]
            ordinal = ORDINAL_BEFORE.search(text, max(0, start - 6), start)
            start = ordinal.start() if ordinal else start
            m = Mention(start, m.end, text[start:m.end], m.type, m.source, m.score, m.name)
        joined.append(m)
    return joined


def _dash_before(text: str, position: int) -> int:
    """Where the dash, or the two, right before `position` begins; `position` where none is."""
    dash = position
    while dash > 0 and position - dash < 2 and text[dash - 1] in DASHES:
        dash -= 1
    return dash


JOINERS = "和与"
COMMITTEE = "委员会"


def conjoined_fields(mentions: list[Mention], words: list[tuple[int, int, str]] | None, text: str,
                     titles: tuple[str, ...], body_heads: tuple[str, ...] = ()) -> list[Mention]:
    """A body named by a field in common words (`宗教委员会`, `采购联合会`) right after a 和 or 与 that joins
    another field to it, in up to two common words in no name found, is named by both, where
    - a post in a committee so named is given (`为|民族|和|宗教委员会|副主任`, `、|文史|和|学习委员会|主任`: a verb, a
      preposition, a pause or nothing before, a title after);
    - or a place found, not abbreviated to a character (`驻|京|部队|和|武警部队`), begins the name (`中国|物流|与|采购联合会`),
      the first field is no body of its own (`美国|政府|和|国会`), nor the second a level's (`朝阳区|领导|和|区|计生委`).
    The recognizer may cut such a name at the conjunction. Elsewhere 和 may join two bodies or things
    (`报告修改情况|和|财政经济委员会的…报告`, `欧洲理事会主席|和|欧盟委员会主席`)."""
    if not words:
        return mentions
    analysis = word_analysis(words)
    places_by_end = {m.end: m for m in mentions if m.type == "LOCATION"}
    joined = []
    for m in mentions:
        joiner = m.start - 1
        if (m.type == "ORG" and joiner > 0 and text[joiner] in JOINERS
                and analysis.starting.get(joiner) == (m.start, "c") and analysis.whole_words(m.start, m.end, FIELD_POS)):
            first = _first_field(analysis, mentions, m, joiner)
            place = places_by_end.get(first)
            posted = m.text.endswith(COMMITTEE) and word_at(text, m.end, titles)
            opens = first == 0 or text[first - 1] in PAUSES or analysis.ending.get(first) in ("p", "v")
            if first < joiner and posted and opens:
                m = Mention(first, m.end, text[first:m.end], m.type, m.source, m.score, m.name)
            elif (first < joiner and place is not None and len(place.text) > 1 and analysis.starting[m.start][0] > m.start + 1
                  and not text[first:joiner].endswith(body_heads)):
                m = Mention(place.start, m.end, text[place.start:m.end], m.type, m.source, m.score, m.name)
        joined.append(m)
    return joined


def _first_field(analysis: WordAnalysis, mentions: list[Mention], m: Mention, joiner: int) -> int:
    """Where the field joined to `m` by the conjunction at `joiner` begins: up to `MAX_FIELD_WORDS`
    common words before it, none in a name found."""
    first = joiner
    for _ in range(MAX_FIELD_WORDS):
        word = analysis.word_ending(first)
        if word is None or word[2] not in FIELD_POS:
            break
        first = word[0]
    while first < joiner and any(o.start < joiner and o.end > first for o in mentions if o is not m):
        first = analysis.starting[first][0]  # a word in a name found is no field's
    return first
