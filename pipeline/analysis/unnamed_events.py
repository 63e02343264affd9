"""Meetings the text names by their kind alone.

- A body that begins its clause and holds a meeting (`中共中央政治局5月27日召开会议`) names it:
  the body's meeting, `中共中央政治局会议`.
- A kind of meeting held or attended (`主持召开座谈会`, `参加汇报会`, `举行的研讨会`, `出席座谈会的…`,
  `座谈会由…主持`) that no longer
  name of the document ends with is an event by that kind alone (`座谈会`): the guidelines' meeting
  with a referent but no name.
- The kinds of an award ceremony a document names it by (`颁授仪式`, `授勋仪式`) are one event.
"""
from __future__ import annotations

import re

from pipeline.records import Mention
from pipeline.rules import Aliases, RecognitionRules

BODY_MEETING = "body_meeting"
BARE_EVENT = "bare_event"
SCORE = 0.7
MEETING = "会议"
CLAUSE_OPENERS = "：:，,。；;！？!?\n "
CLAUSE_ENDS = "，,。；;！？!?、\n 并和"
RELATIVE_MARKER = "的"
# between a body and its verb: a date, a part of the day, the capital (`21日上午在京`)
# a meeting its clause opens with, hosted by an agent (`座谈会由…何鲁丽主持`)
HOSTED_BY = re.compile(r"由(?!于)[^，,。；;！？!?\n]{1,40}?(?:主持|召开|举行|举办|主办)")
CIRCUMSTANCE = re.compile(r"(?:[0-9一二三四五六七八九十]+月)?(?:[0-9一二三四五六七八九十]+日)?"
                          r"(?:上午|下午|晚上|晚间|晚)?(?:在京)?")


def body_meetings(text: str, mentions: list[Mention], rules: RecognitionRules, aliases: Aliases) -> list[Mention]:
    """`ORG（日期）召开|举行（了）会议`, the body opening its clause: a mention of `会议` named
    `<ORG>会议` (the body's name as aliases.yaml gives it), as the first mention of the body
    names it (the title's `全国人大常委会党组` for a later `中共全国人大常委会党组`)."""
    found: list[Mention] = []
    named: dict[str, str] = {}
    for m in mentions:
        if m.type != "ORG" or (m.start and text[m.start - 1] not in CLAUSE_OPENERS):
            continue
        at = CIRCUMSTANCE.match(text, m.end).end()
        verb = next((v for v in rules.meeting_hold_verbs if text.startswith(v, at)), None)
        if verb is None:
            continue
        at += len(verb) + text.startswith("了", at + len(verb))
        end = at + len(MEETING)
        if text.startswith(MEETING, at) and (end == len(text) or text[end] in CLAUSE_ENDS):
            body = aliases.canonical_name("ORG", m.text) or m.text
            first = next((b for b in named if b.endswith(body) or body.endswith(b)), body)
            named.setdefault(first, first + MEETING)
            found.append(Mention(at, end, MEETING, "EVENT", BODY_MEETING, SCORE, named[first]))
    return found


def bare_events(text: str, mentions: list[Mention], rules: RecognitionRules) -> list[Mention]:
    """Every occurrence of a meeting kind (`座谈会`) that is somewhere the object of a verb of
    holding or attending, or the subject opening its clause of a hosting verb's passive (`座谈会由
    X主持`), where no event found ends with it; each is a mention named by the kind."""
    named = [m.text for m in mentions if m.type == "EVENT"]
    found = []
    for kind in rules.meeting_kinds:
        if any(n.endswith(kind) for n in named) or not _held_or_attended(text, kind, rules.meeting_verbs):
            continue
        start = text.find(kind)
        while start >= 0:
            found.append(Mention(start, start + len(kind), kind, "EVENT", BARE_EVENT, SCORE, kind))
            start = text.find(kind, start + len(kind))
    return found


def one_ceremony(mentions: list[Mention], ceremonies: frozenset[str]) -> list[Mention]:
    """The events named by an award ceremony's kind alone (`举行隆重颁授仪式。…参加授勋仪式`) named by the
    first of them: a document's award ceremony is one, whichever kind the text calls it."""
    named = [m for m in mentions if m.type == "EVENT" and m.text in ceremonies]
    if len({m.text for m in named}) < 2:
        return mentions
    first = min(named, key=lambda m: m.start).text
    return [Mention(m.start, m.end, m.text, m.type, m.source, m.score, first) if m in named else m for m in mentions]


def _held_or_attended(text: str, kind: str, verbs: tuple[str, ...]) -> bool:
    """Whether a verb of `verbs` takes the kind, with its aspect or in a relative clause (`召开了|座谈会`,
    `于此间举行的|研讨会`), or the kind heads a relative clause of one (`出席座谈会的|各界人士`)."""
    start = text.find(kind)
    while start >= 0:
        end = start + len(kind)
        relative = text.endswith(RELATIVE_MARKER, 0, start)
        before = start - (relative or text.endswith("了", 0, start))
        if any(text.endswith(v, 0, before) for v in verbs) and (
                relative or end == len(text) or text[end] in CLAUSE_ENDS or text.startswith(RELATIVE_MARKER, end)):
            return True
        if (start == 0 or text[start - 1] in CLAUSE_OPENERS) and HOSTED_BY.match(text, end):
            return True
        start = text.find(kind, end)
    return False


def unnamed_events(text: str, mentions: list[Mention], rules: RecognitionRules, aliases: Aliases) -> list[Mention]:
    """The mentions with the body meetings and bare events of the text added, in text order."""
    extra = [m for m in body_meetings(text, mentions, rules, aliases) + bare_events(text, mentions, rules)
             if not any(o.start < m.end and m.start < o.end for o in mentions)]
    return one_ceremony(sorted(mentions + extra, key=lambda m: (m.start, m.end)) if extra else mentions,
                        rules.meeting_ceremonies)
