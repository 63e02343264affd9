"""Name boundaries by word class: an event name does not start with the verb or function word
that governs it (`提请|十四届全国人大四次会议`, `要继续抓好|中央人大工作会议`). The word classes
come from People's Daily 1998 (schemas/lexicons/predicate_words.txt, `make lexicons`)."""
from __future__ import annotations

from pipeline.records import Mention
from pipeline.rules import RecognitionRules
from pipeline.wordlists import word_set

MIN_WORD_CHARS = 2  # a single character (`会`, `的`, `共`) ends too many names' words: `委员会`, `党的`, `中共`
MAX_WORD_CHARS = 4


def governed_start(name: str, rules: RecognitionRules) -> int:
    """Where an event name governed by a leading predicate really starts (0: it is not): the
    first place a meeting name may begin (`event_name_starts`) right after a predicate word."""
    predicates = word_set(rules.lexicons.get("PREDICATE", ()))
    if rules.event_name_starts is None:
        return 0
    for match in rules.event_name_starts.finditer(name, 1):
        pos = match.start()
        if any(name[max(0, pos - n):pos] in predicates for n in range(MIN_WORD_CHARS, MAX_WORD_CHARS + 1)):
            return pos
    return 0


def split_joined_names(mentions: list[Mention], known: frozenset[str]) -> list[Mention]:
    """An ORG mention that is two known organisation names written without a mark between them,
    as headlines do (`中共中央国务院举行春节团拜会`), is those two mentions."""
    split = []
    for m in mentions:
        cut = next((i for i in range(2, len(m.text) - 1) if m.text[:i] in known and m.text[i:] in known), 0)
        if m.type == "ORG" and cut and m.text not in known:
            split += [Mention(m.start, m.start + cut, m.text[:cut], m.type, m.source, m.score),
                      Mention(m.start + cut, m.end, m.text[cut:], m.type, m.source, m.score)]
        else:
            split.append(m)
    return split


def split_listed_people(mentions: list[Mention]) -> list[Mention]:
    """A PERSON mention that is two or more people the document names elsewhere, written without
    a mark between them as headlines list leaders (`赵乐际王沪宁蔡奇丁薛祥李希韩正出席`), is
    those people's mentions."""
    names = {m.text for m in mentions if m.type == "PERSON" and 2 <= len(m.text) <= MAX_WORD_CHARS}
    split = []
    for m in mentions:
        parts = _names_in_a_row(m.text, tuple(sorted(names - {m.text}, key=len, reverse=True))) \
            if m.type == "PERSON" and len(m.text) >= 4 else None
        if parts and len(parts) > 1:
            starts = [m.start + sum(len(p) for p in parts[:i]) for i in range(len(parts))]
            split += [Mention(start, start + len(part), part, m.type, m.source, m.score)
                      for start, part in zip(starts, parts)]
        else:
            split.append(m)
    return split


def _names_in_a_row(text: str, names: tuple[str, ...]) -> list[str] | None:
    """`text` as a sequence of `names` (longest first where several fit), if it is one."""
    if not text:
        return []
    for name in names:
        if text.startswith(name) and (rest := _names_in_a_row(text[len(name):], names)) is not None:
            return [name, *rest]
    return None


def trim_governing_predicates(mentions: list[Mention], rules: RecognitionRules) -> list[Mention]:
    """EVENT mentions without the predicate words that govern them."""
    trimmed = []
    for m in mentions:
        cut = governed_start(m.text, rules) if m.type == "EVENT" else 0
        trimmed.append(Mention(m.start + cut, m.end, m.text[cut:], m.type, m.source, m.score, m.name) if cut else m)
    return trimmed
