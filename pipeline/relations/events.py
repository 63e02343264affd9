"""The event a document is about, which bare triggers (`韩正出席。`, `出席大会`) refer to; in a
news roundup, the event each of its items is about."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

from pipeline.analysis.quoted_names import OPENING_QUOTE
from pipeline.analysis.sentences import CLAUSE_MARK_CHARS, SENTENCE_END, sentence_start
from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import (
    AGENT,
    CLAUSE_MARKS,
    CLOSING_BRACKETS,
    NAME_JOINERS,
    OPENING_BRACKETS,
    Anchored,
    title_end,
)
from pipeline.relations.triggers import WordCheck

HEADLINE_END_CHARS = CLAUSE_MARK_CHARS + "：:、…"  # a line ending in one of these goes on, or ends a sentence
CAMPAIGN_HEADS = ("”活动", "”运动")


class MainEvents(NamedTuple):
    """The event each part of a document is about: `events[k]` from `starts[k]` to the next start.
    One part for most documents; one per item, after the part before the first, for a roundup."""

    starts: tuple[int, ...]
    events: tuple[str | None, ...]

    @classmethod
    def of(cls, main_event: MainEvents | str | None) -> MainEvents:
        """`main_event` as parts: a name (or None) is the whole document's."""
        return main_event if isinstance(main_event, MainEvents) else cls((0,), (main_event,))

    def at(self, pos: int) -> str | None:
        """The event of the part that `pos` lies in."""
        return self.events[max(0, bisect_right(self.starts, pos) - 1)]

    def split(self, sentences: list[tuple[int, int]]) -> Iterator[tuple[str | None, list[tuple[int, int]]]]:
        """(event, the sentences that start in its part) for each part, in order."""
        for k, event in enumerate(self.events):
            end = self.starts[k + 1] if k + 1 < len(self.starts) else None
            part = [s for s in sentences if self.starts[k] <= s[0] and (end is None or s[0] < end)]
            if part:
                yield event, part


def choose_main_events(text: str, mentions: list[Anchored], rules: RelationRules,
                       is_word: WordCheck | None = None) -> MainEvents:
    """The document's main event (`choose_main_event`); where its title line names none and its
    body is a run of items under headlines (`国内联播快讯`, `headline_starts`), each item's own,
    chosen in the item as in a document with its headline for a title: an item's bare trigger
    refers to no other item's event."""
    events = _candidates(text, mentions, rules)
    starts = headline_starts(text, rules.headline_max_chars)
    if len(starts) < 2 or _title_events(text, 0, events):
        return MainEvents((0,), (_main_in(text, 0, len(text), events, rules, is_word),))
    bounds = [0, *starts, len(text)]
    return MainEvents(tuple(bounds[:-1]),
                      tuple(_main_in(text, start, end, events, rules, is_word) for start, end in pairwise(bounds)))


def headline_starts(text: str, max_chars: int) -> list[int]:
    """Where the headlines of a roundup's items begin: lines after the first (the title) of at most
    `max_chars` characters, with no sentence end in them nor a clause mark at their end, not in
    brackets, each followed by a paragraph (a line with a sentence end)."""
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos + len(line) - len(line.lstrip()), line.strip()))
        pos += len(line) + 1
    return [start for (start, line), (_, following) in pairwise(lines[1:])
            if len(line) <= max_chars and not line.endswith(tuple(HEADLINE_END_CHARS))
            and not (line.startswith(OPENING_BRACKETS) and line.endswith(CLOSING_BRACKETS))  # a note: `（附图片１张）`
            and not SENTENCE_END.search(line) and SENTENCE_END.search(following)]


def choose_main_event(text: str, mentions: list[Anchored], rules: RelationRules,
                      is_word: WordCheck | None = None) -> str | None:
    """The first event named in the title line, the object of a holding verb there first
    (`十四届全国人大一次会议举行第四次全体会议`: the session held is the item's event; not in
    `为召开…作准备`), else the first one the text says is held (`…会议在京召开`, within its clause) or,
    in the lead, is spoken at (`在…会议上作说明`) or held on the report's day (`今天上午在京举行…全体会议`),
    else the first it says people attend (`参加十四届全国人大二次会议的代表`; not one a visitor met came to
    attend: `会见来华出席…峰会的…首相`);
    none otherwise.
    Events used as time references (`党的十八大以来`) or for their guidance (`学习贯彻党的二十大精神`) are
    not candidates; nor is one said to be held
    only in the future (`三中全会将在北京召开`) or as a date (`召开以来`), or by a holding verb in a
    noun (`奥运会的开幕式和闭幕式举办地`: a noun head after it, or a longer word of `is_word`, a word
    analysis); one chaired and convened in the body (`主持召开座谈会`) is held. A document whose title
    congratulates on an event (`…热烈祝贺中共二十大召开`) reports the messages and has none; one whose title
    names a tour or a leaders' meeting and no event (`习近平会见斯里兰卡总理`) has only a meeting chaired in it,
    or the event the group met came for (`习近平会见全国优秀县委书记`: `全国优秀县委书记表彰会议`)."""
    return _main_in(text, 0, len(text), _candidates(text, mentions, rules), rules, is_word)


def _candidates(text: str, mentions: list[Anchored], rules: RelationRules) -> list[Anchored]:
    """Events a document may be about: not one used as a time (`党的十八大以来`) or for its guidance
    (`学习贯彻党的二十大精神`)."""
    referring = rules.time_markers + rules.holding_words["guidance_heads"]
    return [m for m in mentions if m.type == "EVENT" and not m.nested and not text.startswith(referring, m.end)]


def _title_events(text: str, start: int, events: list[Anchored]) -> list[Anchored]:
    """The events named in the line that begins at `start`."""
    end = title_end(text, start)
    return [m for m in events if start <= m.start and m.end <= end]


def _main_in(text: str, start: int, end: int, events: list[Anchored], rules: RelationRules,
             is_word: WordCheck | None) -> str | None:
    """`choose_main_event` for text[start:end], whose first line is its title."""
    in_title = [m for m in _title_events(text, start, events) if not _visitors_event(text, m, rules)]
    if any(_congratulated_in_title(text, m, rules) for m in in_title):
        return None
    preferred = [m for m in in_title if held_object(text, m.start, rules)] or [m for m in in_title if not _campaign(text, m)]
    if preferred:
        return preferred[0].entity
    events = [m for m in events if start <= m.start and m.end <= end]
    title = text[start:title_end(text, start)]
    if any(v in title for v in rules.holding_words["tour_and_meeting_verbs"]):  # `李强在黑龙江调研`
        guests = _met_group(title, rules.clause_words["meeting_verbs"])
        return next((m.entity for m in events if text.endswith(rules.holding_words["chaired_verbs"], 0, m.start)
                     or guests and guests in text[m.start:m.end]), None)
    held = [m for m in events if _stated_as_held(text, m.start, m.end, rules, is_word) or _held_before(text, m.start, rules)
            or text.endswith(rules.holding_words["chaired_verbs"], 0, m.start) or _hosted(text, m.end, rules)]
    lead = _lead_end(text, start, end)
    spoken = [m for m in events if m.end <= lead and (_spoken_at(text, m, rules) or _held_that_day(text, m.start, rules))]
    held = sorted(held + [m for m in spoken if not held or m.start < held[0].start], key=lambda m: m.start)
    attended = [m for m in events if text.endswith(rules.attended_verbs, 0, m.start) and not _visitors_event(text, m, rules)
                and not text.startswith(rules.holding_words["attendee_nouns"], m.end)]
    found = held or attended or in_title
    return found[0].entity if found else None


SPOKEN_OPENER, SPOKEN_CLOSERS = "在", ("上的", "上")  # `在…会议上作说明`, `在…大会上的讲话`
FULL_STOP = re.compile("[。！？!?]")  # what ends a sentence within a line


def _lead_end(text: str, start: int, end: int) -> int:
    """Where the lead ends: the first line with a sentence end after the title line of text[start:end]."""
    pos = title_end(text, start)
    while pos < end:
        line_end = min(title_end(text, pos + 1), end)
        if FULL_STOP.search(text, pos, line_end):
            return line_end
        pos = line_end
    return end


def _spoken_at(text: str, m: Anchored, rules: RelationRules) -> bool:
    """Whether the text says something is said at the event, framed by 在…上 in its clause (`在…会议上作说明`)."""
    opener = text.rfind(SPOKEN_OPENER, _clause_start(text, m.start), m.start)
    closer = next((c for c in SPOKEN_CLOSERS if text.startswith(c, m.end)), None)
    return opener != -1 and closer is not None and text.startswith(rules.holding_words["spoken_verbs"], m.end + len(closer))


def _campaign(text: str, m: Anchored) -> bool:
    """Whether an event is a campaign named by its slogan (`『双学双比』活动`): one a title names is the
    document's event only where the text says of no meeting that it is held (`…活动领导小组第十次会议今天召开`)."""
    return text.endswith(CAMPAIGN_HEADS, m.start, m.end)


def _visitors_event(text: str, m: Anchored, rules: RelationRules) -> bool:
    """Whether the event is one visitors attend whom the clause meets or receives (`会见来华出席…峰会的…首相`,
    `欢迎出席…论坛的外方领导人`, and with the meeting after the visitor the relative clause describes:
    `同来华出席…论坛并进行国事访问的…总统佐科举行会谈`), also a later one of the names the attending verb governs
    (`会见出席中意企业家委员会 中意第三方市场合作论坛 中意文化合作机制会议代表`): the document is about the meeting, not
    the event."""
    head = _conjoined_from(text, m.start, rules.attended_verbs)
    if not text.endswith(rules.attended_verbs, 0, head):
        return False
    clause = text[_clause_start(text, head):head]
    mark = CLAUSE_MARKS.search(text, m.end)
    after = text[m.end:mark.start() if mark else len(text)]
    relative = min((at for w in rules.relative_markers if (at := after.find(w)) != -1), default=None)
    return any(w in clause or relative is not None and w in after[relative:]
               for w in rules.side_events + rules.holding_words["receiving_verbs"])


# what joins the names an attending verb governs (`出席…博览会和…峰会的`), and a title's spaces
CONJOINING = (*NAME_JOINERS, " ", "　")
CONJOINED_CHARS = 60  # the most characters of names from the verb to the last of them


def _conjoined_from(text: str, start: int, verbs: tuple[str, ...]) -> int:
    """Where the names joined to the one at `start` begin, right after the nearest of `verbs` in its
    clause (`出席|A、B、C`: A's start for C), when a joining mark stands right before it; else `start`."""
    if not text.endswith(CONJOINING, 0, start):
        return start
    clause = max(_clause_start(text, start), start - CONJOINED_CHARS)
    ends = [at + len(v) for v in verbs if (at := text.rfind(v, clause, start)) != -1]
    return max(ends) if ends else start


def held_object(text: str, start: int, rules: RelationRules) -> bool:
    """Whether a holding verb takes the event that begins at `start` as its object, with its aspect and the quotation
    marks of the name between them or not (`召开|…会议`, `举办了|“…联欢晚会”`), and nothing before it says it is not
    held yet (`unrealised_before`)."""
    start -= text.endswith(OPENING_QUOTE, 0, start)
    start -= text.endswith(PERFECTIVE, 0, start)
    verb = next((v for v in rules.held_verbs if text.startswith(v, start - len(v))), None)
    return verb is not None and not any(text.startswith(w, start - len(verb) - len(w)) for w in rules.unrealised_before)


PERFECTIVE = "了"


DAY = re.compile("[0-9０-９一二三四五六七八九十]+日")


def _held_that_day(text: str, start: int, rules: RelationRules) -> bool:
    """Whether the event is the object of a holding verb whose sentence dates it on the report's day
    (`…委员会今天上午在京举行|１９９８年第一次全体会议`, `今天（8月16日），国新办召开|新闻发布会`, a dateline's
    day: `新华社北京1月14日电 国务院在北京召开|…`); not one held before (`去年成功举办|首届峰会`)."""
    if not held_object(text, start, rules):
        return False
    sentence = text[sentence_start(text, start):start]
    return any(w in sentence for w in rules.holding_words["present_markers"]) or DAY.search(sentence) is not None


def _held_before(text: str, start: int, rules: RelationRules) -> bool:
    """Whether a relative clause of holding with its agent names the event (`由…举办的|“慈善之春”
    芭蕾舞专场晚会`), or one that holds it here or now (`此间召开的|…会议`, `正在举行的|…`); without
    either it refers to an event held before (`刚刚召开的|…全会`)."""
    verb = next((v for v in rules.held_verbs if text.endswith(v, 0, start - 1)), None) \
        if text.endswith("的", 0, start) else None
    if verb is None:
        return False
    clause = text[_clause_start(text, start):start - 1 - len(verb)]
    return AGENT in clause or any(w in clause for w in rules.holding_words["present_markers"])


def _stated_as_held(text: str, start: int, end: int, rules: RelationRules, is_word: WordCheck | None) -> bool:
    """Whether the event's clause goes on to say it is held (a holding verb beginning within
    `held_max_gap` characters, before a relative clause's 的: `出席…论坛并进行国事访问的…总统…举行会谈` holds the
    talks), not that it will be or is awaited (`迎接党的二十大胜利召开`), nor congratulates on its success
    (`祝贺中共十九大成功召开`: held before, and by others)."""
    if text.endswith(rules.holding_words["awaited_verbs"], 0, start):
        return False
    after = text[end:end + rules.held_max_gap + max(map(len, rules.held_verbs), default=0)]
    ends = (*CLAUSE_MARK_CHARS, *rules.relative_markers)
    clause = after[:min((after.find(c) for c in ends if c in after), default=len(after))]
    words = rules.holding_words
    for verb in rules.held_verbs:
        at = clause.find(verb)
        while at != -1 and at <= rules.held_max_gap:
            after_verb = end + at + len(verb)
            if text.startswith(words["dating_words"], after_verb):
                return False  # `自…会议在瑞典召开以来`: the holding dates what is said
            if not text.startswith(words["held_noun_heads"], after_verb) and (
                    is_word is None or is_word(text, end + at, after_verb)):
                future = any(w in clause[:at] for w in words["future_markers"])
                return not (future or clause[:at].endswith(words["completed_adverbs"]) and _congratulated(text, start, rules))
            at = clause.find(verb, at + 1)
    return False


def _hosted(text: str, end: int, rules: RelationRules) -> bool:
    """Whether the event's clause says who chairs or hosts it (`座谈会|由全国政协副主席何鲁丽主持。`),
    not that someone will."""
    if not text.startswith(AGENT, end):
        return False
    clause_end = CLAUSE_MARKS.search(text, end)
    clause = text[end:clause_end.start() if clause_end else len(text)]
    words = rules.holding_words
    return clause.endswith(words["hosting_verbs"]) and not any(w in clause for w in words["future_markers"])


MET_GROUP_MIN_CHARS = 4  # a group named by what it is (`全国优秀县委书记`), not by a role (`代表`, `总理`)
MET_GROUP_END = re.compile("[时并，,：:\\s]")


def _met_group(title: str, verbs: tuple[str, ...]) -> str | None:
    """Whom a title's meeting verb meets (`习近平会见|全国优秀县委书记`), where they are a group of
    `MET_GROUP_MIN_CHARS` characters or more: an event whose name holds them (`全国优秀县委书记表彰会议`) is
    the one they came for, and the item's."""
    verb_end = max((title.find(v) + len(v) for v in verbs if v in title), default=-1)
    group = MET_GROUP_END.split(title[verb_end:], maxsplit=1)[0] if verb_end >= 0 else ""
    return group if len(group) >= MET_GROUP_MIN_CHARS else None


def _congratulated_in_title(text: str, m: Anchored, rules: RelationRules) -> bool:
    """Whether a title congratulates on the event (`多国政党政府领导人热烈祝贺|中共二十大召开`) with messages not
    delivered at it (not `习近平致信祝贺|…论坛开幕`)."""
    words = rules.holding_words
    before = text[_clause_start(text, m.start):m.start]
    return before.endswith(words["congratulations"]) and not any(w in before for w in words["delivered_congratulations"])


def _congratulated(text: str, start: int, rules: RelationRules) -> bool:
    """Whether the event's clause congratulates on it, before it or after (`祝贺…成功召开`, `就…成功举行…表示热烈祝贺`)."""
    mark = CLAUSE_MARKS.search(text, start)
    clause = text[_clause_start(text, start):mark.start() if mark else len(text)]
    return any(w in clause for w in rules.holding_words["congratulations"])


def _clause_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in CLAUSE_MARK_CHARS), default=-1) + 1
