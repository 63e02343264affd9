"""What a statistical span drags along past a name's end, trimmed: function characters, the start
of a title, an organisation's title or member state's role; a pattern's span begun inside a word; a person's
name cut one character short of its word; where known names begin, moved to word starts."""
from __future__ import annotations

import re
import unicodedata

from pipeline.analysis.matching import CONJUNCTIONS, HAN, NAME_DOTS
from pipeline.analysis.wordindex import NOUN_POS, WordAnalysis, word_analysis
from pipeline.records import Mention
from pipeline.rules import RecognitionRules
from pipeline.wordlists import ends_with_any, word_at

PATTERN = "rule:pattern"  # the source of a schema pattern's mention
LIST_MARKS = frozenset("、，,。；;")
NUMERAL_POS = frozenset({"m", "q"})
MAX_PLACE_WORD_CHARS = 8  # the longest word of a place's name looked for past a person's span (`阿勒颇省`)
ORDINAL = re.compile("第[0-9一二三四五六七八九十百千]+[号批次届期个]?")  # `第一号|调研课题`: a rank, no name


def trim_model_mention(mention: Mention, rules: RecognitionRules, document: str = "",
                       word_starts: dict[int, int] | None = None) -> Mention | None:
    """Trim what a statistical span drags along: trailing function characters (`中华民族的`, `王建华|和`;
    a name may end in one where the word analysis reads it as the end of a word inside the span:
    `黄振中|和`, `魏凤和|、`; a conjunction before a list mark joins nothing, so it is the name's, and a
    person's span of two characters takes it in: `周忠|和、`), the start of a title that runs on past
    its end (`杨卫常|委`) and, on an organisation, a trailing title (`…最高人民检察院检察长`) or a member
    state's role (`安理会常任理事国`); an ordinal is none (`第一号`). A person's span one character short of a place's
    ending (`卢甘斯|克`) is the place, as is one cut short of a word that the word analysis ends in a division's term
    (`阿勒|颇省`). `word_starts` maps the end of each word of two or more characters to its start."""
    start, end, text = mention.start, mention.end, mention.text
    grown = text + document[end:end + 1]
    if mention.type == "PERSON" and len(grown) >= PLACE_ENDING_CHARS and grown.endswith(rules.place_endings):
        return Mention(start, end + 1, grown, "LOCATION", mention.source, mention.score)
    last = min(start + MAX_PLACE_WORD_CHARS, len(document))
    place_end = next((e for e in range(end + 1, last + 1) if (word_starts or {}).get(e) == start
                      and document[e - 1] in rules.place_finals), None) if mention.type == "PERSON" else None
    if place_end:
        return Mention(start, place_end, document[start:place_end], "LOCATION", mention.source, mention.score)
    if text[-1:].isalpha() and text[-1:] in rules.trailing_junk and start <= (word_starts or {}).get(end, end) < end - 1:
        return mention
    if mention.type == "PERSON" and len(text) == 2 and document[end:end + 1] in CONJUNCTIONS \
            and document[end + 1:end + 2] in LIST_MARKS:
        return Mention(start, end + 1, text + document[end], mention.type, mention.source, mention.score)
    if text[-1:] in CONJUNCTIONS and len(text) > 2 and document[end:end + 1] in LIST_MARKS:
        return mention
    while text and ((len(text) > 1 and text[-1] in rules.trailing_junk) or unicodedata.category(text[-1]).startswith("P")):
        text, end = text[:-1], end - 1
    cut = _title_across_end(document, start, end, rules.titles, TITLE_REACH.get(mention.type, 0))
    text, end = (text[:-cut], end - cut) if cut else (text, end)
    if mention.type == "ORG":
        title = ends_with_any(text, len(text), rules.member_states) or ends_with_any(text, len(text), rules.titles)
        if title and len(text) - len(title) >= 2:
            text, end = text[: -len(title)], end - len(title)
    if not text or ORDINAL.fullmatch(text):
        return None
    return Mention(start, end, text, mention.type, mention.source, mention.score)


PLACE_ENDING_CHARS = 4  # a place's name in one of `place_endings` at least (`卢甘斯克`; `马斯克` is Musk)


# how far past a statistical span a title must run for the span's last characters to be the title's
TITLE_REACH = {"ORG": 2, "PERSON": 1}


def _title_across_end(document: str, start: int, end: int, titles: tuple[str, ...], reach: int) -> int:
    """How many of a span's last characters begin a title that runs on at least `reach` characters
    past it (`朝鲜劳动党委|员长`, `杨卫常|委`): they are the title's, not the name's."""
    for k in (1, 2):
        if reach and end - k > start + 1 and len(word_at(document, end - k, titles) or "") >= k + reach:
            return k
    return 0


def to_name_word_end(mention: Mention, words: WordAnalysis, document: str, indefinites: str) -> Mention:
    """A person's name cut one character short of the name word of the word analysis that it begins runs to
    that word's end (`克吕埃马|齐等`, `帕什尼|扬`, `欧阳山|尊`), unless the character withholds the name (`王|某`)."""
    word = words.crossing.get(mention.end) if mention.type == "PERSON" else None
    if word is None or word[0] != mention.start or word[1] != mention.end + 1 or words.starting[word[0]][1] != "nr" \
            or not HAN.match(document[mention.end]) or document[mention.end] in indefinites:
        return mention
    return Mention(mention.start, word[1], document[mention.start:word[1]], mention.type, mention.source, mention.score)


def at_word_start(mention: Mention, words: WordAnalysis, document: str) -> Mention:
    """A pattern's name begun inside a word, or with a person's name word, begins after it (`通讯|员|孙海龙新华社`,
    `记者|黄运成|新华社`: the news agency's pattern before `记者` took the byline's title or name); so does a statistical
    person's begun inside a place's word (`卡塔|尔国埃米尔塔米姆`: 卡塔尔国, the State of Qatar). A statistical person's
    begun a character into a person's name word that begins an item of a list or a clause begins with that word
    (`、买|买提明·扎克尔`)."""
    word = words.crossing.get(mention.start)
    if mention.source == "model" and mention.type == "PERSON" and word and words.starting[word[0]][1] == "ns":
        return Mention(word[1], mention.end, mention.text[word[1] - mention.start:], mention.type, mention.source,
                       mention.score) if word[1] <= mention.end - 2 else mention
    if mention.source == "model" and mention.type == "PERSON" and word and words.starting[word[0]][1] == "nr" \
            and word[0] == mention.start - 1 and word[1] <= mention.end and words.ending.get(word[0], "w") == "w":
        return Mention(word[0], mention.end, document[word[0]:mention.end], mention.type, mention.source, mention.score)
    if mention.source != PATTERN:
        return mention
    start = word[1] if word else mention.start
    first = words.starting.get(start)
    if first and first[1] == "nr" and first[0] - start > 1:  # a surname alone (`王|会生`) is the name's own beginning
        start = first[0]
    if start == mention.start or start >= mention.end - 1:
        return mention
    return Mention(start, mention.end, mention.text[start - mention.start:], mention.type, mention.source, mention.score)


def word_aligned(anchors: set[int], words: WordAnalysis | None, text: str = "", stops: frozenset[str] = frozenset()
                 ) -> set[int]:
    """Where the recognizer's names begin (`anchors`), each begun inside a word moved to a word's start: that word's
    where it is a noun the name's first characters end (`原|子能研究所`, `冬|奥…`: it began inside `原子能`, `冬奥会`)
    unless what the name leaves of it is a verb or function word of `stops` (`任|日月集团`, `交|市…办`: misread words), the next
    word's inside any other word but a number (a modifier or a verbal noun: `安|全建设部`, `在|京中共中央政治局`,
    `助|老工程办公室`), whose digits the name may share (`第|十三届全国政协`)."""
    if words is None:
        return anchors
    aligned = set()
    for at in anchors:
        word = words.crossing.get(at)
        pos = words.starting[word[0]][1] if word else None
        if word is None or pos in NUMERAL_POS or pos in NOUN_POS and text[word[0]:at] in stops:
            aligned.add(at)
        else:
            aligned.add(word[0] if pos in NOUN_POS else word[1])
    return aligned


def without_edge_verbs(mentions: list[Mention], words: list[tuple[int, int, str]] | None,
                       places: frozenset[str] = frozenset()) -> list[Mention]:
    """Statistical places that run on over a verb after a place's name word end before the verb
    (`莱索托|钦佩|中国…`: Lesotho admires), unless the verb is a listed place's name misread (`places`: `湖南|怀化`); as
    `name_edges.without_trailing_predicates` ends them before a one-character one. A statistical or chunked name begun
    with a causative verb that the word analysis reads as a word of its own begins after it (`使|股东大会`,
    `令|联邦通信委员会`; not `让·梅泰·亚彭德`, Jean). A statistical name that is one verb of the word analysis right after
    another is none (`投资|兴业`: invest and start businesses, not 兴业银行)."""
    analysis = word_analysis(words)
    return [_without_trailing_verb(_after_causative(m, analysis), analysis, places) for m in mentions
            if not _coordinated_verb(m, analysis)]


def _coordinated_verb(mention: Mention, words: WordAnalysis) -> bool:
    return mention.source == "model" and words.starting.get(mention.start) == (mention.end, "v") \
        and words.ending.get(mention.start) == "v"


CAUSATIVES = frozenset("使令让")  # the pivot verbs of causing (兼语动词): their object begins a clause of its own


def _after_causative(mention: Mention, words: WordAnalysis) -> Mention:
    if mention.source not in ("model", "rule:chunk") or mention.text[0] not in CAUSATIVES or len(mention.text) < 3 \
            or mention.text[1] in NAME_DOTS or words.starting.get(mention.start) != (mention.start + 1, "v"):
        return mention
    return Mention(mention.start + 1, mention.end, mention.text[1:], mention.type, mention.source, mention.score)


def _without_trailing_verb(mention: Mention, words: WordAnalysis, places: frozenset[str]) -> Mention:
    if mention.source != "model" or mention.type != "LOCATION" or words.ending.get(mention.end) != "v":
        return mention
    verb = words.word_ending(mention.end)
    if verb[1] - verb[0] < 2 or verb[0] - mention.start < 2 or words.ending.get(verb[0]) != "ns" \
            or mention.text[verb[0] - mention.start:] in places:
        return mention
    return Mention(mention.start, verb[0], mention.text[:verb[0] - mention.start], mention.type, mention.source, mention.score)
