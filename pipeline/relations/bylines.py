"""Bylines and datelines: who reports holds 记者 at the agency or paper that credits the report
(`新华社记者李斌`, `本报驻澳大利亚记者李学江`, `新华社贝尔格莱德1月10日电（记者赵金河）`, `本报张北1月12日电记者余继军、
何伟报道`); the event a dated report is about takes place where the dateline says, unless the text
says where. `本报` ("this paper") is the paper the document's source line names (`人民日报 1998-01-12`)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.analysis.sentences import SENTENCE_END_CHARS
from pipeline.layout import SOURCE_LINE
from pipeline.records import Relation
from pipeline.relations.mentions import REPORTER, Anchored, byline_reporters, evidence_of

OWN_PAPER = "本报"
# what stands between the credited body and 记者: a posting abroad (`驻澳大利亚`), or a dateline's
# place and date (`贝尔格莱德1月10日电（`)
DAY = "[0-9一二三四五六七八九十]+"
# the country or region a foreign dateline's place is in, in brackets after it (`新华社杰里科（约旦河西岸）1月25日电`)
PLACE_REGION = r"(?:[（(][^，。、（）()\s,]{1,10}[）)])?"
CREDIT_TAIL = re.compile(rf"驻[^，。、（）()\s,]{{1,10}}|[^，。、（）()\s,]{{0,10}}?{PLACE_REGION}{DAY}月{DAY}日电[（(]?|")
CREDIT_REACH = 24  # characters between the credited body's end and 记者, at most
REPORTER_CONFIDENCE = 0.9
# a dateline: the credited body, the place reported from (and its country, bracketed), the date, 讯 or 电
# (`本报北京1月5日讯`, `新华社北京1月8日电`, `本报格拉茨（奥地利）1月10日电`)
DATELINE = re.compile(rf"(?:本报|新华社)(?P<place>[^，。、（）()\s0-9,]{{2,8}}?){PLACE_REGION}{DAY}月{DAY}日(?:讯|电)")
DATELINE_CONFIDENCE = 0.6
# an event held "here" (`此间召开的…`, `在此间举行的…`, `今天在这里主持召开…`): at the dateline's place
HELD = "(?:召开|举行|举办|开幕|闭幕|进行)"
HERE = re.compile(rf"此间(?:[^，。；！？\s,;!?]{{0,4}}?{HELD})?的$|在这里[^，。；！？\s,;!?]{{0,4}}?{HELD}的?$")
HERE_REACH = 12
# an event that opens its sentence and is held here later in it (`…会议在通过了…文件后，５日下午|在此间闭幕`)
HELD_HERE = re.compile(rf"[^。；！？;!?]{{0,60}}?在(?:此间|这里){HELD}")
SENTENCE_OPENERS = SENTENCE_END_CHARS + "）)"  # what a sentence's subject follows: its start, a dateline's byline


def reporter_relations(text: str, mentions: list[Anchored]) -> Iterator[Relation]:
    """holds_position(reporter, credited body, 记者) for each person a byline names
    (`mentions.byline_reporters`)."""
    orgs = {m.end: m for m in mentions if m.type == "ORG"}
    paper = _own_paper(text, mentions)
    for m, at in byline_reporters(text, mentions):
        body = _credited(text, at, orgs, paper)
        if body is not None:
            yield Relation("holds_position", m.entity, body.entity, evidence_of(text, body.start, m.end),
                           REPORTER_CONFIDENCE, "byline", title=REPORTER)


def dateline_relations(text: str, mentions: list[Anchored], main_event: str | None,
                       found: list[Relation], place_words: dict[int, int] | None = None) -> list[Relation]:
    """located_in(main event, the dateline's place) for a report dated from a place (`本报北京1月5日讯`),
    where no rule found where the event takes place, and the event is not named after another place
    (`新华社杰里科…电` of the `华盛顿会谈`; `place_words`: start → end of the word analysis's place names)."""
    dateline = DATELINE.search(text)
    if main_event is None or dateline is None or any(r.type == "located_in" and r.head == main_event for r in found):
        return []
    place = _dateline_place(dateline, mentions)
    if place is None or _named_after_another_place(text, main_event, place, mentions, place_words or {}):
        return []
    return [Relation("located_in", main_event, place.entity, evidence_of(text, dateline.start(), dateline.end()),
                     DATELINE_CONFIDENCE, "dateline")]


def here_relations(text: str, mentions: list[Anchored], found: list[Relation]) -> list[Relation]:
    """located_in(event, the place of the dateline before it) for an event the report says is held
    here (`新华社北京1月6日电…今天在此间召开的|全国轻工业工作会议`: 此间 is where it is dated from; `…会议…|在此间闭幕`),
    where no rule found where the event takes place."""
    located = {r.head for r in found if r.type == "located_in"}
    datelines = list(DATELINE.finditer(text))
    here = []
    for m in mentions:
        if m.type != "EVENT" or m.entity in located or not (HERE.search(text, max(0, m.start - HERE_REACH), m.start)
                                                            or _held_here_after(text, m, mentions)):
            continue
        dateline = next((d for d in reversed(datelines) if d.end() <= m.start), None)
        place = _dateline_place(dateline, mentions) if dateline else None
        if place is not None:
            here.append(Relation("located_in", m.entity, place.entity, evidence_of(text, dateline.start(), m.end),
                                 DATELINE_CONFIDENCE, "dateline"))
            located.add(m.entity)
    return here


VENUE_HEAD_CHARS = 3  # `华盛顿|会谈`, `马德里|和会`, `杜尚别|峰会`: a meeting named by its venue and its kind alone


def _named_after_another_place(text: str, event: str, place: Anchored, mentions: list[Anchored],
                               place_words: dict[int, int]) -> bool:
    """Whether `event` is named by a place of the word analysis other than `place` and its kind alone (`华盛顿会谈`;
    not `河北省委工作会议`, dated from 石家庄, nor `北京市…会议` from 北京)."""
    named = text[place.start:place.end]
    for m in mentions:
        end = place_words.get(m.start) if m.entity == event else None
        if end is not None and 0 < m.end - end <= VENUE_HEAD_CHARS:
            word = text[m.start:end]
            if not (word.startswith(named) or named.startswith(word)):
                return True
    return False


def _held_here_after(text: str, event: Anchored, mentions: list[Anchored]) -> bool:
    """Whether an event that opens its sentence is said later in it to be held here (`HELD_HERE`), no other event
    named between."""
    held = HELD_HERE.match(text, event.end) if not event.start or text[event.start - 1] in SENTENCE_OPENERS else None
    return held is not None and not any(m.type == "EVENT" and event.end <= m.start < held.end() for m in mentions)


def _dateline_place(dateline: re.Match, mentions: list[Anchored]) -> Anchored | None:
    """The place mention a dateline names (`本报|北京|1月5日讯`), if one was found there."""
    return next((m for m in mentions if m.type == "LOCATION" and (m.start, m.end) == dateline.span("place")), None)


def _credited(text: str, at: int, orgs: dict[int, Anchored], paper: Anchored | None) -> Anchored | None:
    """The body a byline's 记者 at `at` reports for: the organisation, or 本报, that the text
    between it and 记者 follows as a posting or a dateline; the first such, not a body the posting
    or the dateline names (`新华社|联合国1月12日电（记者…`, `新华社|驻联合国记者…`)."""
    for end in range(max(0, at - CREDIT_REACH), at + 1):
        if not CREDIT_TAIL.fullmatch(text, end, at):
            continue
        if end in orgs:
            return orgs[end]
        if text.endswith(OWN_PAPER, 0, end):
            return paper
    return None


def _own_paper(text: str, mentions: list[Anchored]) -> Anchored | None:
    """The paper the document's source line names (`人民日报 1998-01-12`), if a mention of it is there."""
    for m in mentions:
        if m.type == "ORG":
            line_start = text.rfind("\n", 0, m.start) + 1
            line_end = text.find("\n", m.end)
            line = SOURCE_LINE.fullmatch(text, line_start, len(text) if line_end == -1 else line_end)
            if line and line.start("name") == m.start and line.end("name") == m.end:
                return m
    return None
