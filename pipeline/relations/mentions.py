"""What the relation rules work on: mentions resolved to their entities, the evidence they
quote, the clauses of a sentence and the mentions joined by 、/和/与."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from pipeline import layout
from pipeline.analysis.sentences import CLAUSE_MARKS
from pipeline.records import Span
from pipeline.wordlists import word_at

CLAUSE_BREAKS = re.compile(r"[，,；;：:]|\s+")
CLAUSE_END = " \t\n。！？!?”’」』）)"  # what may follow a predicate that ends its clause
AGENT = "由"  # the agent of a passive or relative clause (`由…举办的`, `由…召开的`)
# `央视网消息`, `新华社北京8月13日电`: the source credit of a news item, no party to its events
SOURCE_CREDIT = re.compile(r"消息|[^，。；\s,;]{0,16}?电[（(：:\s]")
COORDINATORS = {"、", "和", "与", "及", "以及", "同", ",", "，"}
LIST_SEPARATORS = {"、", "，", ",", "和", "及"}  # what may follow an item of a list of names
COMMAS = ("，", ",")  # the text's comma, folded or not
LIST_END = "等"  # what follows its last item (`A、B、C等7位代表`)
NO_TITLES: Mapping[int, int] = MappingProxyType({})  # end → start of names with a title chain before them: none
OPENING_BRACKETS, CLOSING_BRACKETS = ("（", "("), ("）", ")")  # full width, and as the text fold writes them
NAME_JOINERS = ("、", "和", "与", "及")  # what joins two names in a list (`魏凤和、李作成`)
# A person's gloss of sex and nationality, which lists of elected or appointed officials write after a name
# (`帕巴拉·格列朗杰（藏族）`, `李斌（女）`, `王红（女，满族）`)
PERSON_GLOSS = re.compile(r"[（(](?:[男女](?:[，,、][\u4e00-\u9fff]{1,5}族)?|[\u4e00-\u9fff]{1,5}族)[）)]")
REPORTER = "记者"  # `（记者马小林、曹剑杰）`, `本报记者何伟`: who reports is no party to what is reported


@dataclass(frozen=True)
class Anchored:
    """A mention resolved to its entity: what the relation rules work on."""

    start: int
    end: int
    type: str
    entity: str
    nested: bool = False


def with_glosses(text: str, mentions: list[Anchored]) -> list[Anchored]:
    """`mentions`, each person's reaching over the gloss of sex or nationality after its name (`PERSON_GLOSS`), so
    that a list reads on across it (`王正伟（回族）、马飚（壮族）为…`)."""
    return [replace(m, end=gloss.end()) if m.type == "PERSON" and (gloss := PERSON_GLOSS.match(text, m.end)) else m
            for m in mentions]


def byline_reporters(text: str, mentions: list[Anchored]) -> list[tuple[Anchored, int]]:
    """The people a byline names (`mentions` in text order), each with where its `记者` begins: right
    after `记者`, or after one of them and a list mark (`记者马小林、曹剑杰`)."""
    found, last_reporter, at = [], -2, -1
    for m in mentions:
        if m.type != "PERSON":
            continue
        if text.endswith(REPORTER, 0, m.start):
            at = m.start - len(REPORTER)
        elif not (text[m.start - 1:m.start] in ("、", "　", " ") and last_reporter == m.start - 1):
            continue
        last_reporter = m.end
        found.append((m, at))
    return found


def author_line(text: str, mentions: list[Anchored]) -> list[Anchored]:
    """The people an author line names: the first line after the source line (`人民日报 1998-01-09`)
    when it is people's names alone (`刘东仿`, `潘跃王萍`): who wrote the piece, not whom it reports on."""
    bounds = layout.author_line_bounds(text)
    if bounds is None:
        return []
    start, end = bounds
    people = [m for m in mentions if m.type == "PERSON" and start <= m.start and m.end <= end]
    named = sum(m.end - m.start for m in people)
    return people if people and named == len("".join(text[start:end].split())) else []


def without_doctrine_names(text: str, mentions: list[Anchored], doctrine_heads: tuple[str, ...]) -> list[Anchored]:
    """`mentions` but the people named as a doctrine's (`邓小平|理论`, `习近平|外交思想`)."""
    return [m for m in mentions if m.type != "PERSON" or not text.startswith(doctrine_heads, m.end)]


def without_reporters(text: str, mentions: list[Anchored]) -> list[Anchored]:
    """`mentions` (in text order) but the people a byline (`byline_reporters`) or an author line
    (`author_line`) names."""
    reporters = {id(m) for m, _ in byline_reporters(text, mentions)} | {id(m) for m in author_line(text, mentions)}
    return [m for m in mentions if id(m) not in reporters]


def evidence_of(text: str, start: int, end: int) -> tuple[Span, ...]:
    return (Span(start, end, text[start:end].strip()),)


def within(mentions: list[Anchored], bounds: tuple[int, int]) -> list[Anchored]:
    """The mentions inside `bounds` (a sentence)."""
    return [m for m in mentions if bounds[0] <= m.start and m.end <= bounds[1]]


def title_end(text: str, start: int = 0) -> int:
    """Where the line that begins at `start` ends (the first: a news item's title)."""
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def clause_at(text: str, sentence: tuple[int, int], pos: int) -> tuple[int, int]:
    """The clause of `sentence` that `pos` lies in."""
    return next(((s, e) for s, e in split_clauses(text, *sentence) if s <= pos <= e), sentence)


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, pos = [], start
    for match in CLAUSE_BREAKS.finditer(text, start, end):
        bounds.append((pos, match.start()))
        pos = match.end()
    bounds.append((pos, end))
    return bounds


def coordinated(text: str, first: Anchored, candidates: list[Anchored], across: bool = False) -> list[Anchored]:
    """`主题教育和党纪学习教育`: the first mention and those joined to it by 、/和/与/及; `across`, also across
    an item of the list that is no mention (`由中国国际经济交流中心和|美国彭博有限合伙企业、|英国国际战略研究所共同主办`):
    a stretch of at most `UNNAMED_ITEM_CHARS` between list joiners that holds no clause mark nor a 的
    (`和…的专家`: a description, not an item)."""
    chosen, last = [first], first
    for mention in candidates:
        if mention.start < last.end:
            continue
        if _joined(text[last.end:mention.start], across):
            chosen.append(mention)
            last = mention
        else:
            break
    return chosen


UNNAMED_ITEM_CHARS = 16  # the longest list item between two names that is no name of its own


def _joined(gap: str, across: bool) -> bool:
    return gap in COORDINATORS or across and len(gap) <= UNNAMED_ITEM_CHARS and gap.startswith(NAME_JOINERS) \
        and gap.endswith(NAME_JOINERS) and "的" not in gap and not CLAUSE_MARKS.search(gap)


def coordinated_before(text: str, before: list[Anchored]) -> list[Anchored]:
    """`中共中央、国务院决定授予`: the last mention before a trigger and those joined to it."""
    if not before:
        return []
    chosen = [before[-1]]
    for mention in reversed(before[:-1]):
        if text[mention.end:chosen[0].start] in COORDINATORS:
            chosen.insert(0, mention)
        else:
            break
    return chosen


LISTED_AFTER = re.compile(r"了?[^，,。；;！？的!?]{0,24}?的[^，,。；;！？的!?]{0,12}?还?有")  # `出席会议的(党外人士)还有`


def listed_from(text: str, start: int, mentions: list[Anchored], max_gap: int) -> list[Anchored]:
    """The items of a list of names that begins at `start` (`王晨、全国人大常委会副委员长石泰峰和李干杰`):
    the first name there, each next one after a name joiner and a description of at most
    `max_gap` characters, up to a clause mark."""
    following = sorted((m for m in mentions if m.start >= start), key=lambda m: m.start)
    if not following or following[0].start != start:
        return []
    items = [following[0]]
    for m in following[1:]:
        if m.start < items[-1].end:
            continue
        gap = text[items[-1].end:m.start]
        if not gap.startswith(NAME_JOINERS) or len(gap) > max_gap + 1 or re.search("[，,。；;：:！？!?]", gap):
            break
        items.append(m)
    return items


def listed_up_to(text: str, end: int, mentions: list[Anchored], max_gap: int) -> list[Anchored]:
    """The items of a list of names that ends at `end` (`…副总工程师覃大清、…总工程师苏权科、…周黎`):
    the name right before it and, going back, each name that a list separator follows, while
    the descriptions between items are at most `max_gap` characters long."""
    last = next((m for m in mentions if m.end == end), None)
    if last is None:
        return []
    items = [last]
    for m in reversed([m for m in mentions if m.end <= last.start]):
        if m.end < items[0].start - max_gap or re.search("[。；;：:！？!?]", text[m.end:items[0].start]):
            break
        if text[m.end:m.end + 1] in LIST_SEPARATORS:
            items.insert(0, m)
    return items


def listed_clauses_before(text: str, clauses: list[tuple[int, int]], mentions: list[Anchored], types: frozenset[str],
                          titled: Mapping[int, int] = NO_TITLES, gap: int = 0, officials: tuple[str, ...] = ()
                          ) -> list[Anchored]:
    """The names that make up whole clauses right before a trigger's clause (`A，B，C分别发言`, `A、B等领导人，C出席`,
    `A、B、C，有关部门负责人出席`),
    alone or after their title chain (`titled`: end → start of each name with the chain before it:
    `中央办公厅主任丁薛祥，…杨洁篪、…王毅出席`), with the names listed before them in their clause
    (`全国政协副主席吴学谦、杨汝岱、…何鲁丽，秘书长朱训出席`; `gap`: the longest description between
    two items). So do the bodies whose `officials` make up a clause (`…、新疆生产建设兵团|负责同志，…负责同志出席`)."""
    listed: list[Anchored] = []
    for start, end in reversed(clauses):
        clause = text[start:end]
        lead = start + len(clause) - len(clause.lstrip())  # where the clause's words begin
        named = [m for m in mentions if m.type in types and not m.nested and lead <= m.start]
        last = [m for m in mentions
                if m.type in types and start <= m.start and m.end <= end and _nothing_but_who(text[m.end:end])]
        alone = [m for m in last if m.start == lead or titled.get(m.end) == lead or (
            items := listed_up_to(text, m.end, named, gap)) and items[0].start == lead and (
            len(items) > 1 or text.startswith(LIST_END, m.end))] or [
            m for m in named if m.type == "ORG" and m.end <= end and text[m.end:end].strip() in officials]
        if not alone:
            break
        listed[:0] = [m for m in listed_up_to(text, alone[0].end, named, gap) if m.start >= lead] or alone[:1]
    return listed


LIST_DESCRIPTION_CHARS = 12  # `等党和国家领导人`: what a list's 等 says of its items, at most


def _nothing_but_who(rest: str) -> bool:
    """Whether what follows a clause's last name says no more than who they are: nothing, or a list's end
    with a description (`李克强、栗战书等党和国家领导人，…出席`)."""
    rest = rest.strip()
    return rest == "" or rest.startswith(LIST_END) and len(rest) <= LIST_DESCRIPTION_CHARS and "的" not in rest


HONORIFICS = ("同志", "先生", "女士")  # after a name (`尉健行同志|在…`, `刘少奇同志|亲属`)


def kin_described(text: str, m: Anchored, kin_nouns: tuple[str, ...]) -> bool:
    """Whether `m` is a person a kinship noun follows, after an honorific or not (`习近平夫人|彭丽媛`,
    `华罗庚夫人吴筱元`, `刘少奇同志亲属…等出席`): the name describes the relative, who is the one that acts."""
    if m.type != "PERSON":
        return False
    honorific = word_at(text, m.end, HONORIFICS)
    return word_at(text, m.end + len(honorific or ""), kin_nouns) is not None


def in_aside(text: str, m: Anchored, pos: int) -> bool:
    """Whether `m` is inside brackets closed before `pos`, an aside such as a byline (`…电（解放军报记者陈大鹏、
    新华社记者周志方）受总政治部委托`): no subject of what follows them."""
    opening = max(text.rfind(b, 0, m.start) for b in OPENING_BRACKETS)
    close = closing_bracket(text, opening + 1, pos)
    return opening != -1 and close != -1 and close >= m.end


def closing_bracket(text: str, start: int, end: int | None = None) -> int:
    """Where the first closing bracket in text[start:end] is, full width or folded; -1 where there is none."""
    return min((at for b in CLOSING_BRACKETS if (at := text.find(b, start, len(text) if end is None else end)) != -1),
               default=-1)
