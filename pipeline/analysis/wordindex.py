"""A document's word analysis (`doc._.zhkg_words`) with the indexes the boundary rules ask it
through."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from functools import cached_property

PREDICATE_POS = frozenset("vdpc")  # verbs, adverbs, prepositions, conjunctions (People's Daily 1998 tags)
# the words that are no noun or modifier: those, particles, pronouns and time words (`以往`)
NOMINAL_POS_EXCLUDED = PREDICATE_POS | {"u", "r", "t"}
NOUN_POS = frozenset({"n", "nt", "ns", "nz", "j"})  # nouns and names
FOLLOWING_NOUNS = NOUN_POS | {"vn", "s"}  # a noun after a name makes the name its modifier (`…会议|精神`)
VERBAL = frozenset({"v", "vn"})
FIELD_POS = frozenset({"n", "vn", "j"})  # the words a body's field is named by (`民族`, `学习`, `文史`)
MAX_FIELD_WORDS = 2  # the words of a field joined to another by a conjunction, at most (`国家|统计|和|…`)



def chunk_words(words: Iterable[tuple[int, int, str]] | None, known_ends: Mapping[int, int] | None = None
                ) -> tuple[dict[int, int], dict[tuple[int, int], str], dict[int, int]]:
    """What `chunks.find_chunk_mentions` reads of a word analysis: start → end of its nouns and
    modifiers of two characters or more, every word's (start, end) → part of speech, and start → end of its
    verbs of two characters or more. A noun that runs past the end of a known name begun before it
    (`known_ends`: start → end) is a misreading, no noun (`中央|书记处在|中央政治局`: `在` begins the next phrase)."""
    ends_inside = {end: start for start, end in (known_ends or {}).items()}
    nominal, tags, verbs = {}, {}, {}
    for start, end, pos in words or ():
        if end - start >= 2 and pos not in NOMINAL_POS_EXCLUDED:
            if not any(ends_inside.get(e, end) < start for e in range(start + 1, end)):
                nominal[start] = end
        elif end - start >= 2 and pos == "v":
            verbs[start] = end
        tags[start, end] = pos
    return nominal, tags, verbs

class Crossing:
    """The positions strictly inside the words of a word analysis, each → its word's (start, end),
    looked up by bisection (a dictionary of them held a tuple per character of a document)."""

    def __init__(self, words: WordAnalysis) -> None:
        self.words = words

    def get(self, pos: int, default: tuple[int, int] | None = None) -> tuple[int, int] | None:
        index = bisect_right(self.words.starts, pos) - 1
        if index >= 0:
            start, end, _ = self.words[index]
            if start < pos < end:
                return start, end
        return default

    def __contains__(self, pos: int) -> bool:
        return self.get(pos) is not None

    def __getitem__(self, pos: int) -> tuple[int, int]:
        span = self.get(pos)
        if span is None:
            raise KeyError(pos)
        return span


class WordAnalysis(list):
    """A document's word analysis (`doc._.zhkg_words`: start, end, part of speech, in text order,
    never overlapping) with the indexes the boundary rules ask it through, each built on first use."""

    @cached_property
    def starting(self) -> dict[int, tuple[int, str]]:
        """start → (end, part of speech) of each word."""
        return {s: (e, pos) for s, e, pos in self}

    @cached_property
    def crossing(self) -> Crossing:
        """Each position strictly inside a word → that word's (start, end)."""
        return Crossing(self)

    def inside(self, pos: int, tag: str) -> bool:
        """Whether `pos` lies strictly inside a word tagged `tag` (`在|京老同志…`: inside a resident modifier)."""
        word = self.crossing.get(pos)
        return word is not None and self.starting[word[0]][1] == tag

    @cached_property
    def long_word_starts(self) -> dict[int, int]:
        """end → start of each word of two characters or more."""
        return {e: s for s, e, _ in self if e - s >= 2}

    @cached_property
    def ending(self) -> dict[int, str]:
        """end → part of speech of each word."""
        return {e: pos for _, e, pos in self}

    @cached_property
    def starts(self) -> list[int]:
        """The words' starts, in order (for bisection)."""
        return [s for s, _, _ in self]

    def whole_words(self, start: int, end: int, tags: frozenset[str]) -> bool:
        """Whether [start, end) is whole words, each of a part of speech in `tags`."""
        pos = start
        while pos < end and (word := self.starting.get(pos)) and word[1] in tags:
            pos = word[0]
        return pos == end

    def word_ending(self, end: int) -> tuple[int, int, str] | None:
        """The word that ends at `end`, if one does."""
        index = bisect_right(self.starts, end - 1) - 1
        return self[index] if index >= 0 and self[index][1] == end else None


LONGEST_WORD = 12  # the longest word of the word analysis looked for
RESIDENT_POS = "b"  # the part of speech People's Daily 1998 gives 在职, 在校: a distinguishing modifier


def with_residents(words: list[tuple[int, int, str]] | None, text: str, attributives: Iterable[str]
                   ) -> WordAnalysis | None:
    """`words` with a preposition and a one-character place that make one of `attributives` read as one
    modifier where a noun or another modifier follows (`在京/b 老/a 同志/n 迎春茶话会`, `在华/b 外国/n
    专家`): they say who, not where, and belong to the name they begin; `在/p 京/j 召开/v` and `在/p
    京津冀/j` stay. None without an analysis."""
    if words is None:
        return None
    words = word_analysis(words)
    starting = words.starting
    merged = set()
    for attributive in attributives:
        at = text.find(attributive)
        while at != -1:
            place, following = starting.get(at + 1, (0, "")), starting.get(at + 2, (0, "v"))
            if starting.get(at) == (at + 1, "p") and place[0] == at + 2 and following[1] not in NOMINAL_POS_EXCLUDED:
                merged.add(at)
            at = text.find(attributive, at + 1)
    if not merged:
        return words
    return WordAnalysis((s, e + 1, RESIDENT_POS) if s in merged else (s, e, tag)
                        for s, e, tag in words if s - 1 not in merged)


NUMERAL_POS = frozenset("mt")
REPORTER_POS = frozenset({"ns", "nt", "j"})  # places, bodies and their short forms: who may say something
# places and short forms, the subjects of a verb in a body's chunk (a body's full name is followed by its purpose there:
# `国务院|减轻企业负担部级联席会议`)
ACTING_POS = frozenset({"ns", "j"})


def after_subject(begin: int, end: int, tags: Mapping[tuple[int, int], str], text: str = "",
                  reporting: frozenset[str] = frozenset(), acting: bool = False) -> int:
    """Where a name inside text[begin:end] begins when a person's name and the verbs right after it
    lie there (`tags`: (start, end) → part of speech), or a place's or a body's and a verb of saying
    (`reporting`), or any verb of two characters or more after a place or a short form in a body's or a site's chunk
    (`acting`: `海南省证券委|推举|上市公司`, `纪委|协助|同级党委`; a verb of one is a body's purpose: `厦门市|反|腐败协调小组`,
    `中国|驻|欧盟使团`, and so is one after a body's full name: `国务院|减轻|企业负担部级联席会议`): a subject and
    its predicate make a clause, never part of a name (`习近平走进|北京冬奥会`, `俄称|俄美总统会晤`); `begin` when none
    do, or when a number follows them, which makes the clause the theme of a jubilee (`周小燕从教50年音乐会`)."""
    pos, after, previous = begin, begin, None
    while pos < end:
        stop = next((e for e in range(pos + 1, min(end, pos + LONGEST_WORD) + 1) if (pos, e) in tags), None)
        if stop is None:
            pos, previous = pos + 1, None
            continue
        tag = tags[pos, stop]
        if tag == "v" and (previous == "nr" or (previous == "v" and after == pos)
                           or (previous in REPORTER_POS and text[pos:stop] in reporting)
                           or (acting and previous in ACTING_POS and stop - pos > 1)):
            after = stop
        pos, previous = stop, tag
    return begin if after < end and any(tags.get((after, e)) in NUMERAL_POS for e in range(after + 1, end + 1)) else after


def word_analysis(words: list[tuple[int, int, str]] | None) -> WordAnalysis:
    """`words` as a `WordAnalysis` (itself when it is one)."""
    return words if isinstance(words, WordAnalysis) else WordAnalysis(words or ())


def inside_word(start: int, end: int, words: dict[int, int] | None) -> bool:
    """Whether [start, end) lies inside a longer one of `words` (start → end)."""
    if not words:
        return False
    return any(s in words and end <= words[s] and words[s] - s > end - start
               for s in range(max(0, end - LONGEST_WORD), start + 1))
