"""Names over a conjunction: a chunk the conjunction before it stopped goes on over it where the
conjunction joins two nouns of a meeting's topic (`周恩来生平|和|思想研讨会`) or two fields of a body
(`德国研究|与|技术部`), not two names (`中国科学院|和|中国工程院`) nor a body named by its level (`…领导和|区计生委`)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from pipeline.analysis.matching import NAME_CHAR
from pipeline.analysis.wordindex import FIELD_POS, FOLLOWING_NOUNS, LONGEST_WORD, MAX_FIELD_WORDS, NOUN_POS, VERBAL
from pipeline.rules import LOCAL_PREFIXES, Chunker
from pipeline.wordlists import ends_with_any

Tags = Mapping[tuple[int, int], str]

TOPIC_NOUNS = NOUN_POS - {"j"}  # nouns a topic's conjunct ends with (not abbreviations: `十五大`)
VERBS = frozenset({"v"})  # a field may be a verbal noun (`研究`), a topic not (`采取|企业改革…`)
NAMES = frozenset({"nr", "ns", "nt", "nz", "j"})  # a name after the conjunction: two bodies joined (`…和|春兰|集团`)
# a field's common words, fixed phrases and adjectives, no abbreviation (`研究|与|技术部`, `外交|和|合作部`,
# `国家|安全|和|国防委员会`, `自然资源|和|规划局`)
FIELD_NOUNS = (FIELD_POS | {"a", "l"}) - NAMES
PLACE = "ns"  # what a body's name begins with before its fields (`德国|研究|与|技术部`)
LOCATIVE = frozenset({"f"})


def over_conjunction(text: str, begin: int, suffix_start: int, end: int, chunker: Chunker, tags: Tags,
                     titles: Iterable[str], restart: Callable[[int], int]) -> int:
    """Where a chunk the conjunction at `begin - 1` stopped begins: over it, from where `restart` (the
    chunk's walk from a position) stops before it, where it joins two nouns of a meeting's topic
    (`joins_topics`) or two fields of a body (`joins_fields`) and `topic_start` allows; else at `begin`."""
    if chunker.label == "EVENT" and joins_topics(text, begin, end, tags, titles):
        return topic_start(text, begin, restart(begin - 1), suffix_start, chunker, tags, VERBAL)
    if chunker.label == "ORG" and not _level_word(text, begin, tags) and joins_fields(begin, suffix_start, tags):
        return topic_start(text, begin, restart(begin - 1), suffix_start, chunker, tags, VERBS)
    return begin


def _level_word(text: str, begin: int, tags: Tags) -> bool:
    """Whether a level of the word analysis's own begins the chunk (`朝阳区领导和|区|计生委`): a body named by its level,
    no field of the name before the conjunction."""
    return text[begin:begin + 1] in LOCAL_PREFIXES and (begin, begin + 1) in tags


def joins_topics(text: str, begin: int, end: int, tags: Tags, titles: Iterable[str]) -> bool:
    """Whether the conjunction before a meeting's chunk joins two nouns of its topic
    (`周恩来生平|和|思想研讨会`, `非洲|和|世界银行领导人论坛`): a noun ends right before it, and no noun or
    title follows the chunk, which would make the chunk a modifier in a phrase the conjunction
    coordinates (`重要思想|和|中央政协工作会议|精神`, `两院院士|和|中国科协大会|代表`)."""
    conjunction = begin - 1
    if not any(tags.get((s, conjunction)) in TOPIC_NOUNS for s in range(max(0, conjunction - LONGEST_WORD), conjunction)):
        return False
    if any(tags.get((end, e)) in FOLLOWING_NOUNS for e in range(end + 1, end + LONGEST_WORD + 1)):
        return False
    return not any(text.startswith(title, end) for title in titles)


def joins_fields(begin: int, suffix_start: int, tags: Tags) -> bool:
    """Whether the conjunction before a body's chunk joins two fields it is named by, after the place the
    name begins with (`德国|研究|与|技术部长`, `贝宁|外交|和|合作部长`): one or two common nouns between the place
    and the conjunction, a word right after it, and no verb nor name in the second field (not two bodies:
    `世界卫生组织|和|世界银行`, `全国政协副主席|和|中央军委`)."""
    if not any((begin, e) in tags for e in range(begin + 1, begin + LONGEST_WORD + 1)) \
            or tagged(tags, begin, suffix_start, VERBS | NAMES):
        return False
    pos = begin - 1
    for _ in range(MAX_FIELD_WORDS):
        word = next(((s, tags[(s, pos)]) for s in range(max(0, pos - LONGEST_WORD), pos) if (s, pos) in tags), None)
        if word is None or word[1] not in FIELD_NOUNS:
            return False
        pos = word[0]
        if any(tags.get((s, pos)) == PLACE for s in range(max(0, pos - LONGEST_WORD), pos)):
            return True
    return False


def topic_start(text: str, begin: int, start: int, suffix_start: int, chunker: Chunker, tags: Tags,
                verbal: frozenset[str]) -> int:
    """The start of a name over a conjunction of its topic or fields (`start`, where the chunk would begin
    without stopping at it), where that name begins a clause or follows 的 (`为主题的|江苏省周恩来生平和
    思想研讨会`), its first conjunct holds no word of `verbal` and the name no locative (a clause or a place,
    not a topic's nouns: `采取|企业改革经验交流报告与…讲座`, `报纸和荧屏上|会议`)
    and no name of the chunker's kind ends at the conjunction; else the chunk begins after the conjunction."""
    conjunction = begin - 1
    if start >= conjunction or ends_with_any(text, conjunction, chunker.suffixes):
        return begin
    if tagged(tags, start, conjunction, verbal) or tagged(tags, start, suffix_start, LOCATIVE):
        return begin
    return start if start == 0 or text[start - 1] == "的" or not NAME_CHAR.match(text[start - 1]) else begin


def tagged(tags: Tags, start: int, end: int, wanted: frozenset[str]) -> bool:
    """Whether a word inside text[start:end] has one of the `wanted` parts of speech."""
    return any(tags.get((s, e)) in wanted for s in range(start, end) for e in range(s + 1, end + 1))
