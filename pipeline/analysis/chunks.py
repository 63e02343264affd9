"""Suffix-anchored chunks (`…研讨会` EVENT, `…二等奖` AWARD, `…党委` ORG): a name is the run of
name characters before a suffix, back to punctuation or a stop word, with ordinals (`第十一次`)
kept whole."""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache, partial
from types import MappingProxyType

from pipeline.analysis.analysed_mentions import in_work_title
from pipeline.analysis.brackets import ACRONYM_CHARS
from pipeline.analysis.chunk_words import hosted_start
from pipeline.analysis.conjuncts import over_conjunction, tagged
from pipeline.analysis.event_kinds import described_only
from pipeline.analysis.matching import CONJUNCTIONS, NAME_CHAR, YEAR_MARK, alternation, protected
from pipeline.analysis.policy_names import after_opening_verb
from pipeline.analysis.quoted_names import after_governing_verb, balance_quotes, modifies_following, quoted_guards, whole_quoted
from pipeline.analysis.wordindex import LONGEST_WORD, NOUN_POS, after_subject, inside_word
from pipeline.records import Mention
from pipeline.rules import LOCAL_PREFIXES, NUMBER_DIGITS, Chunker, RecognitionRules
from pipeline.wordlists import ends_with_any, word_set

# `首次|会议`: the first; `第六任|行政长官选举`: the sixth term
ORDINAL = re.compile(r"(?:第[一二三四五六七八九十百零〇两0-9]+|首)[次届期讲任]$")
# a session number without 第 after a termed body: `十三届全国人大|一次|会议`, `全国政协十四届|二次|会议`
SESSION = re.compile(r"[一二三四五六七八九十]+次$")
TERMED = re.compile(r"[一二三四五六七八九十百]+届[^，。、；：！？\s,;:!?]{0,12}$")
EDITION = re.compile(r"第[0-9一二三四五六七八九十百]+届$")  # an event's: `第24届|冬奥会工作领导小组`
# a date or a clock time (`9月|中非合作论坛北京峰会`, a dateline `一月六日电|外交部`, `3点整|中国人民政治
# 协商会议…`; not `“四月之春”`) is when, not what; a year may name an event (`2023年全国科技活动周`)
DATE = re.compile(r"(?:[0-9]+[月日]|[〇零一二三四五六七八九十]+日)电?$|[0-9]+[点时](?:整|半|许)?$")
# a span of time up to now (`一年来|“巾帼建功”活动`, `近年来|“溜索改桥”工程`, `近几个月来|…`) is when, too
DURATION = re.compile(r"(?:近[几两三]?|[0-9０-９一二三四五六七八九十百两几多数]+)(?:年|个?月|天|周|个?星期)以?来$")
# `庆祝中国共产党成立|100周年大会`, `纪念毛泽东同志|诞辰130周年座谈会`: what an anniversary is of, and
# the verb that celebrates it, are in the name of its celebration; after a verb of two characters or
# more, so is the relation it establishes (`中国—东盟建立|对话关系30周年纪念峰会`; not after `参观了|…`)
ANNIVERSARY = re.compile(r"[^，。、；：！？\s,;:!?]{0,2}[0-9一二三四五六七八九十百]+周年")
ESTABLISHED_ANNIVERSARY = re.compile(r"[^，。、；：！？\s,;:!?]{0,4}[0-9一二三四五六七八九十百]+周年")
# `以旧换新`, `以工代赈`, `以案促改`, `以点带面`: the four-character set phrase "by A, V B", whose 以 is
# no preposition of the clause; not after a function morpheme that makes a word with it (`以此|带动`)
SET_PHRASE = re.compile(r"以[^此及来上下后前外内便免往为至致其][换代促带][^，。、；：！？\s,;:!?]")
# a determiner of the whole, of kinds or the last (`整场|演唱会`, `种种|纪念活动`, `此类|大型运动会`, `最后|音乐会`), of a
# round (`此届|世界军人运动会`, `该届|奥运会`, `每届|全国人大一次会议`, `上届|全运会`, `此轮|会谈`) or of a place
# (`此处|万人大会`) names no more than a count does
DETERMINER = re.compile(r"(?:[整全][场台个]|种种|[各多此这该那][种类]|[此这该那每各上下历往][届次轮]|[此彼]处|最后)$")
CENTRAL = "中央"  # the level of the Party's central bodies, as 省 and 市 are of a province's and a city's
NATIONAL = "全国"  # the level of national bodies and delegations (`全国打击侵权假冒工作领导小组`, `全国少数民族参观团`)
ADJECTIVAL = "性"  # `全国性`: 'nationwide', a modifier, no level
PERSON_POS = "nr"  # a person's name in the word analysis
NAMED_AFTER = frozenset({PERSON_POS})  # a quoted body's name is one without a known name when a person's names it
# a gloss in brackets inside a name: a fair's host city (`中国（深圳）国际…`), a council's members' office
# (`首脑（总理）理事会`), a body's short form (`组织（欧佩克）会议`, `二十国集团（G20）领导人…峰会`); not a byline
# (`（记者王黎）`, a dateline's `…１３日电（肖冠军）`), one's people (`（苗族）`), a character (`（市）`)
GLOSS = re.compile(r"[\u4e00-\u9fff](?<!日电)(?<!日讯)(?P<open>[（(])(?!记者|通讯员)"
                   rf"(?:[\u4e00-\u9fff]{{2,4}}(?<!族)|(?P<acronym>{ACRONYM_CHARS}))[）)]$")
NO_WORDS: Mapping = MappingProxyType({})
# a year before a generic head (`1987年|一等奖`) dates it without naming it
YEAR = re.compile(r"^(?:19|20)[0-9]{2}年度?")
# a count of things, people or times before a chunk (`20余家|公立医院`, `一所|学校`, `一批|2000年奥运会…`, `55次|专家协商会`,
# `两次|巾帼扶贫行动工作会议`: a session's number is 第…次, or 二次 after a termed body, never 两次), or a rank among things
# (`我国首个|…博览会`, `第三个|比赛`), or of medals (`4枚|银牌`, `三枚|奥运会金牌`); `八项|规定`, `第二批` count none
QUANTITY = re.compile(r"(?:[0-9０-９]+[余多]?(?:个|名|项|位|家|批|人次|人|支|所|场|次|枚|块)"
                      r"|(?:(?<!第)[一两二三四五六七八九十百千几]+[余多]?|(?<![大许])[多数])[家所位名个种支场批枚块]"
                      r"|(?<!第)(?:两|几|(?<![大许])[多数])次"
                      r"|(?:首|第[一二三四五六七八九十0-9]+)个)$")
DAYS = re.compile(r"[0-9一二三四五六七八九十两几]+(?:天|周|个月)")  # `两天`, `三周`: how long, before a name


def chunk_start(text: str, suffix_start: int, chunker: Chunker, rules: RecognitionRules,
                known_ends: dict[int, int] | None = None, anchors: set[int] | None = None,
                nominal_words: dict[int, int] | None = None, tags: Mapping[tuple[int, int], str] = NO_WORDS,
                verbs: dict[int, int] | None = None) -> int:
    """Walk left from a suffix over name characters until punctuation, a stop word or the length
    limit. A stop word inside a known name (`known_ends`: start → end of the known organisations
    and places) stops nothing (`以色列`, `上海合作组织`), nor one before an anniversary (`成立|100
    周年`) but a verb that opens a name (`举办|建校120周年活动`). A chunker that `stops_at_predicates` also
    stops at a verb or function word right before a known name begins (`anchors`): `非盟|加入|二十国集团`, but
    `…启动建设工作团队临时党支部`.
    A stop word inside a longer noun or modifier of the word analysis (`nominal_words`: start →
    end) stops nothing (`高等`, `共和国`, `和平`), nor, in an event's name, one it reads as a noun
    (`tags`: (start, end) → part of speech of every word; `伊斯兰合作|组织|首脑会议`, `中资企业|代表|座谈会`, where nobody
    organises or represents anything) or that lies inside a longer verb (`verbs`: start → end), which
    names its theme (`领导人|应对|新冠肺炎特别峰会`, `…运动|走向|市场研讨会`); an organisation's name stops
    at a person noun (`同志`), and an event's at a preposition of the word analysis after a name or a verb
    (`习近平同|论坛前任…`, `愿同|土国民会议`; not `金砖国家领导人同…对话会`)."""
    limit = max(0, suffix_start - (chunker.max_chars - 1))
    pos = suffix_start
    predicates = word_set(rules.lexicons.get("PREDICATE", ())) if chunker.stops_at_predicates else None
    while pos > limit and (NAME_CHAR.match(text[pos - 1]) or (gloss := GLOSS.search(text, max(0, pos - 12), pos))):
        if not NAME_CHAR.match(text[pos - 1]):  # `中国（深圳）|国际…`: over the gloss's brackets
            if gloss.group("acronym") and gloss.start("open") not in (known_ends or {}).values():
                break  # an acronym glosses a known body's name only (`二十国集团（G20）`)
            pos = gloss.start("open")
            continue
        ordinal = ORDINAL.search(text, max(0, pos - 8), pos)
        if ordinal:  # `第十一次`, `第十三届`, `首次`: one unit, whatever words its digits spell (`一次`)
            pos = ordinal.start()
            continue
        session = SESSION.search(text, max(0, pos - 4), pos)
        if session and TERMED.search(text, max(0, session.start() - 16), session.start()):
            pos = session.start()
            continue
        if QUANTITY.search(text, max(0, pos - 8), pos) or DATE.search(text, max(0, pos - 4), pos) \
                or DURATION.search(text, max(0, pos - 8), pos) \
                or DETERMINER.search(text, max(0, pos - 2), pos):
            break
        stop = ends_with_any(text, pos, rules.stop_words) \
            or (predicates and pos in (anchors or ()) and _predicate_before(text, pos, predicates)) \
            or (chunker.label == "EVENT" and text[pos - 1] not in chunker.joiners and _preposition_at(tags, pos - 1)
                and text[pos - 1])
        at = (pos - len(stop), pos) if stop else None
        if at and not protected(text, *at, rules.protected_words) and not inside_word(*at, nominal_words) \
                and not (chunker.label == "EVENT" and (tags.get(at) in NOUN_POS or inside_word(*at, verbs))) \
                and not _inside_known(*at, known_ends) and not _anniversary_after(text, pos, stop, chunker) \
                and not SET_PHRASE.match(text, at[0]) and not _honoured_groups(text, pos, stop, chunker, rules) \
                and not (chunker.label == "EVENT" and stop in OFFERED_TO and _offering(text, pos, suffix_start, rules)):
            break
        pos -= 1
    return pos


def _preposition_at(tags: Mapping[tuple[int, int], str], pos: int) -> bool:
    """Whether the word analysis reads a preposition of one character at `pos` after no common noun."""
    return tags.get((pos, pos + 1)) == "p" and not any(tags.get((s, pos)) == "n" for s in range(max(0, pos - LONGEST_WORD), pos))


def _central_body(text: str, begin: int, suffix_start: int, end: int) -> bool:
    """Whether a chunk names a central or national body by its level and a head of three characters or more
    (`中央党的建设工作领导小组`, `全国少数民族参观团`; not `中央|人大工作会议`, `全国性|专门委员会`)."""
    national = text.startswith(NATIONAL, begin) and not text.startswith(ADJECTIVAL, begin + len(NATIONAL))
    return (text.startswith(CENTRAL, begin) or national) and end - suffix_start >= 3


def _anniversary_after(text: str, pos: int, stop: str, chunker: Chunker) -> bool:
    """Whether an anniversary follows a stop word at `pos` (see ANNIVERSARY) that opens no name of the chunker's
    (`举办|建校120周年活动`: the verb that holds the event is no part of its name)."""
    return stop not in chunker.opened_by and bool(
        ANNIVERSARY.match(text, pos) or (len(stop) >= 2 and ESTABLISHED_ANNIVERSARY.match(text, pos)))


OFFERED_TO = frozenset({"向"})  # the preposition of whom an offering honours


def _offering(text: str, start: int, end: int, rules: RecognitionRules) -> bool:
    """Whether a verb of offering (`rules.offering_verbs`: 敬献) stands in text[start:end]."""
    return any(v in text[start:end] for v in rules.offering_verbs)


def _honoured_groups(text: str, pos: int, stop: str, chunker: Chunker, rules: RecognitionRules) -> bool:
    """Whether a conjunction joins two groups an event honours (`全国教育系统先进集体|和|先进个人表彰大会`):
    what ends before it is an honour's name (the AWARD chunker's suffixes)."""
    if chunker.label != "EVENT" or stop not in CONJUNCTIONS:
        return False
    honours = rules.suffixes("AWARD")
    return ends_with_any(text, pos - len(stop), honours) is not None


def _predicate_before(text: str, pos: int, predicates: frozenset[str]) -> str | None:
    """The word of two to four characters in `predicates` that ends at `pos`, if any."""
    return next((text[pos - n:pos] for n in (4, 3, 2) if pos >= n and text[pos - n:pos] in predicates), None)


def _after_listed_person(text: str, begin: int, start: int, anchors: set[int], rules: RecognitionRules,
                         tags: Mapping[tuple[int, int], str] = NO_WORDS) -> int:
    """Where a list runs on without marks (`陕西人民艺术剧院副院长刘远|西北农业大学`, `庆香港回归祖国马万祺|
    全国政协副主席`), an organisation's name begins at the known name after the last person's name in it:
    a post and a surname with one or two characters, or a person's name of the word analysis that is so too (which
    may begin before the chunk, at a place read inside it: `赵|立新|中共苏州市委`; not `承德纳兰性|德研究会`)."""
    surnames = rules.strong_surnames

    def after_person(p: int) -> bool:
        for k in (2, 3):
            if text[p - k] not in surnames:
                continue
            post = ends_with_any(text, p - k, rules.titles)
            if post and p - k - len(post) >= begin or tags.get((p - k, p)) == PERSON_POS:
                return True
        return False

    after = [p for p in range(begin + 1, start) if p in anchors and after_person(p)]
    return after[-1] if after else begin


def _with_edition(text: str, walked: int, begin: int, start: int, rules: RecognitionRules) -> int:
    """An event's edition before a known name names a body named after the event (`第24届|冬奥会工作领导小组`: a kind of
    event before the suffix), not a body's term (`第七届|中国法学会`)."""
    edition = EDITION.search(text, walked, begin)
    kinds = rules.suffixes("EVENT") if edition else ()
    return edition.start() if any(kind in text[begin:start] for kind in kinds) else begin


def _before_gloss(text: str, walked: int, begin: int) -> int:
    """A known name in brackets after a name's first characters glosses it (`博世汽车部件（|苏州|）有限公司`: a firm's
    seat): the name begins where the walk did."""
    return walked if walked < begin - 1 and text[begin - 1] in "（(" and NAME_CHAR.match(text[begin - 2]) else begin


def _with_book_title(text: str, begin: int, chunker: Chunker, theme_verbs: frozenset[str]) -> int:
    """`《习近平谈治国理政》第一卷乌克兰文版首发式`: a book title right before the chunk is in its name, and the verb of
    its theme before the title (`纪念|《世界人权宣言》发表70周年座谈会`)."""
    opening = text.rfind("《", max(0, begin - chunker.max_chars), begin) if text[begin - 1:begin] == "》" else -1
    if not chunker.book_titles or opening == -1 or "》" in text[opening:begin - 1]:
        return begin
    return opening - len(ends_with_any(text, opening, theme_verbs) or "")


def _front_of_name(text: str, begin: int, suffix_start: int, chunker: Chunker, rules: RecognitionRules,
                   tags: Mapping[tuple[int, int], str]) -> int:
    """Where a chunk begins with a book title or a year's mark before it, or at the host of games it names."""
    begin = _with_year_mark(text, _with_book_title(text, begin, chunker, rules.theme_verbs))
    return hosted_start(text, begin, suffix_start, chunker.hosted_heads, tags)


def _with_year_mark(text: str, begin: int) -> int:
    """`’９８北京新年音乐会`: the apostrophe of a year written with two digits is in the name."""
    return begin - 1 if text[begin - 1:begin] == YEAR_MARK and text[begin:begin + 2].isdigit() else begin


def _inside_known(start: int, end: int, known_ends: dict[int, int] | None) -> bool:
    return bool(known_ends) and any(known_ends.get(s, -1) >= end for s in range(max(0, end - KNOWN_MAX), start + 1))


ORDINAL_COUNT = re.compile(f"(?:第[{NUMBER_DIGITS}]+|首)[枚块]")  # `第一枚`, `首枚`: the first medal, no edition
KNOWN_MAX = 12  # the longest known name looked back for


def _after_counted_noun(text: str, begin: int, suffix_start: int, rules: RecognitionRules) -> int:
    """A chunk right after a count starts with the noun counted (`授予10位|杰出女性全国三八红旗手标兵
    荣誉称号`), and one that starts with a span of days is when, not what (`这|两天|首届全国技能大赛`): where an
    official name may begin in it (`全国`, `第26届`, a year, `首届`), it begins there. An ordinal of things counted
    (`第一枚|奥运会金牌`) is no part of a name either."""
    counted = ORDINAL_COUNT.match(text, begin, suffix_start)
    if counted:
        return counted.end()
    if rules.event_name_starts is None or not (QUANTITY.search(text, max(0, begin - 8), begin)
                                               or DAYS.match(text, begin, suffix_start)):
        return begin
    found = rules.event_name_starts.search(text, begin + 1, suffix_start)
    return found.start() if found else begin


# a count or a determiner (`两次|会议`, `本届|论坛`, `3枚|金牌`); not 首场, the first of a series, an ordinal as 第二场
# is (`首场|记者会`); or a level of administration a modifier begins with, which names the bodies of every place at it
# (`县级以上地方人大|常委会`, `省级|政协`, `四级|人大`)
COUNTED = re.compile(r"^(?:(?!首场$)[0-9一二三四五六七八九十百千万亿两几多首末上下本此这该各每]+[次届个项场名位家批类枚块]?$"
                     r"|[省市县乡镇地]级|[0-9一二三四五六七八九十]级$)")
# two numerals, the first a month's, with no classifier: a date by its month and day, which names
# festivals and the honours named after them (`七一勋章`, `八一勋章`, `五四奖章`), no count
MONTH_DAY = re.compile(r"^[一二三四五六七八九][一二三四五六七八九十]$")


@lru_cache(maxsize=64)
def _suffix_regex(suffixes: tuple[str, ...], guards: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> re.Pattern:
    """Any of `suffixes`, the longest first; a suffix of `guards` (suffix, its false followers) only where none of those
    follows it, so that a suffix beginning inside it is found (`政治|协商会|议`: `会议`). The guarded suffixes are tried
    after the longer ones they begin (`模范城`, `模范`), before the others; and only where a suffix's first character stands."""
    guarded = [re.escape(suffix) + f"(?!{alternation(followers)})" for suffix, followers in guards]
    longer = [s for s in suffixes if any(s.startswith(g) and s != g for g, _ in guards)]
    first, rest = "".join(sorted({re.escape(s[0]) for s in suffixes})), set(suffixes) - dict(guards).keys() - set(longer)
    return re.compile(f"(?=[{first}])(?:" + "|".join([alternation(longer)] * bool(longer) + guarded + [alternation(rest)]) + ")")


def find_chunk_mentions(text: str, rules: RecognitionRules, anchors: set[int] | None = None,
                        known_ends: dict[int, int] | None = None,
                        nominal_words: dict[int, int] | None = None,
                        tags: Mapping[tuple[int, int], str] = NO_WORDS, verbs: dict[int, int] | None = None) -> list[Mention]:
    """Suffix-anchored chunks: `…研讨会` (EVENT), `…二等奖` (AWARD), `…党委` (ORG).

    A chunker marked `anchored` keeps a chunk only from the leftmost of `anchors` (starts of
    known organisations and places) inside it: `引导全实验室` is dropped, `…中关村实验室党委` kept.
    `known_ends` (start → end of known names) keeps a chunk going over their stop words. A
    one-character suffix that closes a common word (`格局`, `干部`: lexicon `SUFFIX_WORD`) ends none.
    `nominal_words`: start → end of the nouns and modifiers of the word analysis (see `chunk_start`)."""
    found = []
    suffix_words = word_set(rules.lexicons.get("SUFFIX_WORD", ()))
    for chunker in rules.chunkers:
        chunks = []
        walk = partial(chunk_start, text, chunker=chunker, rules=rules, known_ends=known_ends, anchors=anchors,
                       nominal_words=nominal_words, tags=tags, verbs=verbs)
        suffixes = word_set(chunker.suffixes)
        guards = tuple((s, tuple(f)) for s, f in rules.false_suffix_followers.items() if s in suffixes) + quoted_guards(suffixes)
        for match in _suffix_regex(chunker.suffixes, guards).finditer(text):
            suffix, start, end = match.group(0), match.start(), match.end()
            if ends_with_any(text, start, rules.false_suffix_leaders.get(suffix, ())) or text[end - 2:end] in suffix_words \
                    or (len(suffix) == 1 and _verbs_end(tags, start, end)):
                continue
            begin = walk(start)
            if text[begin - 1:begin] in CONJUNCTIONS and begin < start:
                begin = over_conjunction(text, begin, start, end, chunker, tags, rules.titles, walk)
            begin = after_opening_verb(text, begin, start, chunker, rules, (nominal_words, verbs))
            begin = _front_of_name(text, begin, start, chunker, rules, tags)
            if chunker.anchored and text[begin] not in LOCAL_PREFIXES and not _central_body(text, begin, start, end):
                begin = _anchored_start(text, begin, (start, end), anchors or set(), rules, tags)
            quoted = text[start] == "”"  # `“三下乡”|活动`: the suffix closes a quoted name
            if quoted and modifies_following(start + 1, end, tags):
                continue
            begin = whole_quoted(text, balance_quotes(text, begin, start + quoted), start, end, tags, chunker.min_name_chars)
            if quoted:
                begin = after_governing_verb(text, begin, start, tags)
            begin = _after_counted_noun(text, begin, start, rules)
            clause, begin = begin, after_subject(begin, start, tags, text, word_set(rules.reporting_verbs), chunker.anchored)
            if chunker.anchored and begin != clause and begin not in (anchors or ()):
                continue  # `海南省证券委推举|上市公司`: what the clause's verb governs names no known body
            if chunker.label == "ORG" and in_work_title(text, begin, end) and not text.startswith("》", end):
                continue  # `《中国共产党普通高等学校|基层组织工作条例》`: part of a work's title
            stripped = ends_with_any(text, end, chunker.strip_suffixes)
            if stripped and text[end - len(stripped) - 1] == "”" and "“" in text[begin:start]:
                continue  # `授予81名个人“国家卓越工程师”称号`: the quoted title alone is the name (a pattern's)
            if stripped:
                start, end = min(start, end - len(stripped)), end - len(stripped)
            span = text[begin:end]
            if stripped and tags and _names_nothing(begin, end, tags):
                continue  # `最高|荣誉称号`, `…人民检察院保持|称号`: what is left names nothing
            if start - begin < chunker.min_name_chars or YEAR.sub("", span) in rules.generic_chunks:
                continue
            modifier = span[: start - begin]
            if (COUNTED.match(modifier) and not MONTH_DAY.match(modifier)) or ends_with_any(span, len(span), rules.titles) \
                    or chunker.label == "EVENT" and described_only(text, (begin, start, end), tags, rules):
                continue
            chunks.append(Mention(begin, end, span, chunker.label, "rule:chunk", chunker.score))
        found += _parts_named_by_wholes(chunks, chunker) + _joined(text, chunks, chunker)
    return found


def _anchored_start(text: str, walked: int, suffix: tuple[int, int], anchors: set[int], rules: RecognitionRules,
                    tags: Mapping[tuple[int, int], str]) -> int:
    """Where an anchored chunk walked back to `walked` before its `suffix` (start, end) begins: at the leftmost known
    name inside it (`anchors`), after a listed person, with its edition or gloss; where none begins it, at the opening
    quote of a name its quotation marks delimit and a person's name of the word analysis names
    (`“安德烈斯·卡斯特罗联合阵线”`); else at the suffix, which leaves no name."""
    start, end = suffix
    begin = next((p for p in range(walked, start) if p in anchors), start)
    begin = _after_listed_person(text, begin, start, anchors, rules, tags)
    begin = _before_gloss(text, walked, _with_edition(text, walked, begin, start, rules))
    quoted = whole_quoted(text, start, start, end, tags, 0) if begin == start else start
    return quoted if quoted < start and tagged(tags, quoted, start, NAMED_AFTER) else begin


PART_CHARS = 6  # the longest words of a part between the whole's name and the part's head (`游泳首日`)


def _parts_named_by_wholes(chunks: list[Mention], chunker: Chunker) -> list[Mention]:
    """`chunks`, but one headed by a part's noun of `chunker.part_heads` within a few characters after another
    chunk it begins with (`第八届世界游泳锦标赛|游泳首日比赛`: a day of the championship's swimming) named by that one."""
    if not chunker.part_heads:
        return chunks
    out = []
    for m in chunks:
        head = next((h for h in chunker.part_heads if m.text.endswith(h)), "")
        whole = max((w for w in chunks if head and w.start == m.start and 0 <= m.end - len(head) - w.end <= PART_CHARS),
                    key=lambda w: w.end, default=None)
        out.append(Mention(m.start, m.end, m.text, m.type, m.source, m.score, whole.text) if whole else m)
    return out


# what follows a verb as its object, its complement or their count (`办|展览`, `办|好`, `办|点|事`)
VERB_FOLLOWERS = NOUN_POS | {"v", "a", "m", "q"}


def _verbs_end(tags: Mapping[tuple[int, int], str], start: int, end: int) -> bool:
    """Whether a one-character suffix ends a verb of the word analysis: a verb of its own with a noun, a verb or an adjective,
    its object or complement, or a count after it (`政府|办|实事`, `南斯拉夫|办|展览`, `事|办|好`, `部门|办|点事`), or a
    longer verb's last character (`完成党中央|交办|任务`)."""
    if tags.get((start, end)) == "v":
        return any(tags.get((end, end + n)) in VERB_FOLLOWERS for n in range(1, LONGEST_WORD + 1))
    return any(tags.get((s, end)) == "v" for s in range(max(0, end - LONGEST_WORD), start))


MODIFIER_POS = frozenset({"a", "b", "d", "r", "z", "m", "q"})  # adjectives, distinguishing words, adverbs, pronouns, …


def _names_nothing(begin: int, end: int, tags: Mapping[tuple[int, int], str]) -> bool:
    """Whether the word analysis cuts text[begin:end] into words that only modify (`最高`, `这一崇高`), or ends it with a
    verb: a clause, not a title's name (`１９个人民检察院|保持|称号`)."""
    if any(tags.get((s, end)) == "v" for s in range(max(begin, end - LONGEST_WORD), end)):
        return True
    pos = begin
    while pos < end:
        word = next(((e, tags[(pos, e)]) for e in range(pos + 1, min(end, pos + LONGEST_WORD) + 1) if (pos, e) in tags), None)
        if word is None or word[1] not in MODIFIER_POS:
            return False
        pos = word[0]
    return True


def _joined(text: str, chunks: list[Mention], chunker: Chunker) -> list[Mention]:
    """Two names joined by a conjunction of names (`表彰大会暨先进事迹报告会`) make one: the second
    chunk, stopped inside the first by a word of it (`表彰`), is extended to the first's start."""
    joined = []
    for first in chunks:
        joiner = next((j for j in chunker.joiners if text.startswith(j, first.end)), None)
        if joiner is None:
            continue
        after = first.end + len(joiner)
        for second in chunks:
            if first.start < second.start <= after < second.end:
                joined.append(Mention(first.start, second.end, text[first.start:second.end], chunker.label,
                                      "rule:chunk", chunker.score))
    return joined
