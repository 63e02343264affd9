"""Suffix-anchored chunks against the word analysis: one that ends inside a word (`宴会|厅`), on a
classifier (`第一|部`) or holds a clause (`市政府|坚持|依法|办`) is no name."""
from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.analysis.conjuncts import FIELD_NOUNS
from pipeline.analysis.wordindex import WordAnalysis, word_analysis
from pipeline.records import Mention

MIN_WORD_CHARS = 2  # a single character (`会`, `的`, `共`) ends too many names' words: `委员会`, `党的`, `中共`
QUOTED = re.compile("“[^”]*”")  # a quotation: what it quotes is no clause of the name
FIELD_WORDS = FIELD_NOUNS | {"c"}  # a body's fields and their conjunctions (`研究|与|技术`)
MIN_BODY_HEAD_CHARS = 3  # `委员会`, `领导小组` of a body's purpose; not `政府` (`伯塞斯库|公开|批评|政府`)


def unworded_chunks(mentions: list[Mention], words: list[tuple[int, int, str]] | None,
                    suffixes: dict[str, tuple[str, ...]] | None = None, text: str = "",
                    titles: frozenset[str] = frozenset(), bodies: frozenset[str] = frozenset()) -> list[Mention]:
    """Without the suffix-anchored chunks that end inside a word of the word analysis: their suffix begins a longer word
    (`宴会|厅`, `会议|室`, `代表大会|堂`; not a postposition of time: `峰|会上`) or is a classifier (`第一|部`), so no name
    ends there (but a country's body may, one of `bodies` and a title of `titles` that shares its last character:
    `南非|外交部长`, the minister of 南非外交部), or hold a clause (`_predicated`). One whose suffix ends a verb (`建部`) ends
    before that verb where a suffix of its type ends what is left (`中共中央对外联络部|建部`). Others stay: events are named
    by verbs (`会晤`, `集体学习`), and the word analysis reads some short forms as verbs (`编办`)."""
    if not words:
        return mentions
    analysis = word_analysis(words)
    inside, last_words = analysis.crossing, analysis.long_word_starts
    heads = purpose_heads(suffixes or {})
    kept = []
    for m in mentions:
        crossed = inside.get(m.end)
        if m.source == "rule:chunk" and ((crossed and not _titled_body(m, crossed, analysis, text, titles, bodies)
                                          and not _time_after_head(m, crossed, analysis))
                                         or _counted_suffix(m, analysis)
                                         or _predicated(m, analysis, heads)):
            continue  # `宴会|厅`; `第一|部` (宪法): a classifier; `市政府|坚持|依法|办`: a clause
        start = last_words.get(m.end, m.start) if m.source == "rule:chunk" else m.start
        if m.start < start and analysis.starting[start][1] == "v" \
                and m.text.endswith((suffixes or {}).get(m.type, ()), 0, start - m.start):
            m = Mention(m.start, start, m.text[:start - m.start], m.type, m.source, m.score, m.name)
        kept.append(m)
    return kept


def known_ends_of(known: list[Mention]) -> dict[int, int]:
    """Where the longest known body or place that begins at each start ends."""
    ends: dict[int, int] = {}
    for m in (m for m in known if m.type in ("ORG", "LOCATION")):
        ends[m.start] = max(ends.get(m.start, 0), m.end)
    return ends


def purpose_heads(suffixes: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The heads a verb before which names a purpose or a topic, no predicate: bodies' and meetings'."""
    return frozenset(suffixes.get("ORG", ()) + suffixes.get("EVENT", ()))


def _titled_body(m: Mention, crossed: tuple[int, int], words: WordAnalysis, text: str, titles: frozenset[str],
                 bodies: frozenset[str]) -> bool:
    """Whether an organisation's chunk is a country's body a title shares the last character of (`南非|外交部长`),
    the country right before it (not `美国|前|国防部长`, a former minister's; not `北约|国防部长`, an alliance's)
    or common words of fields a conjunction joins (`德国|研究|与|技术|部长`; not `中国|民航|总局|局长`, whose
    title begins after the body's head)."""
    country = words.starting.get(m.start)
    if m.type != "ORG" or country is None or country[1] != "ns" or text[m.end - 1:crossed[1]] not in titles \
            or text[m.end - 2:m.end - 1] == text[m.end - 1]:  # `…宇宙航行局|局长`: the body's own head before the title
        return False
    if country[0] == crossed[0]:
        return text[crossed[0]:m.end] in bodies
    joined = any(words.starting.get(p, (0, ""))[1] == "c" for p in range(country[0], crossed[0]))
    return crossed == (m.end - 1, m.end + 1) and joined and words.whole_words(country[0], crossed[0], FIELD_WORDS)


def _time_after_head(m: Mention, crossed: tuple[int, int], words: WordAnalysis) -> bool:
    """Whether the word a chunk ends inside is its head's last character and a postposition of time the word
    analysis joined to it (`…北京峰|会上|宣布`, `阿斯塔纳峰|会后`: `会上`, `会后` are words of their own after 在)."""
    return crossed == (m.end - 1, m.end + 1) and words.starting[crossed[0]][1] == "t"


def _counted_suffix(m: Mention, words: WordAnalysis) -> bool:
    """Whether a chunk's last character is a classifier of the word analysis (`第一|部`), for a body
    after a numeral or a pronoun only (`这|部`; not a head the analysis misreads: `韩国统一|部`)."""
    return words.starting.get(m.end - 1) == (m.end, "q") and (m.type != "ORG" or words.ending.get(m.end - 1) in ("m", "r"))


def _predicated(m: Mention, words: WordAnalysis, body_heads: frozenset[str] = frozenset()) -> bool:
    """Whether an adverb or a conjunction of two characters or more and a verb after it stand inside
    `m`, past its start and outside quotation marks (`市政府坚持|依法|办`, `武汉|逐步|形成|定点医院`): a
    subject and its predicate, no name. A name may begin with one (`进一步推动长江经济带高质量发展座谈会`),
    quote one (`“不忘初心…”主题教育`) or end in one whose verb names it (`三国首脑|定期|会晤`);
    one-character adverbs are often a name's characters read wrongly (`中|非|创新合作大会`). Nor is a
    verb right before the head word of a body's name, or the head that ends a meeting's (`body_heads`),
    its predicate, but the body's purpose or the meeting's topic (`中央全面|依法|治国|委员会`, `…治国|工作会议`)."""
    text = m.text
    starting, quoted = words.starting, set()
    for quote in QUOTED.finditer(m.text):
        quoted.update(range(m.start + quote.start(), m.start + quote.end()))

    def clause_at(s: int) -> bool:
        verb = starting[s][0]
        after = starting.get(verb, (0, ""))[0]
        return starting.get(verb, (0, ""))[1] == "v" and not purpose(after, starting.get(after, (after,))[0]) \
            and (after < m.end or after == verb + 1)

    def purpose(start: int, end: int) -> bool:
        return any(stop - start >= MIN_BODY_HEAD_CHARS and text[start - m.start:stop - m.start] in body_heads
                   for stop in (end, m.end))
    return any(starting.get(s, (0, ""))[1] in ("d", "c") and starting[s][0] - s >= MIN_WORD_CHARS and clause_at(s)
               and s not in quoted for s in range(m.start + 1, m.end))


HOST_POS = frozenset({"ns"})  # a place's name in the word analysis
# the year or edition right before the host (`2000年|悉尼奥运会`, `第二十九届|北京奥运会`)
HOSTED_PREFIX = re.compile(r"(?:第[0-9０-９一二三四五六七八九十百]+届|首届|[0-9０-９]{4}年?)$")


def hosted_start(text: str, begin: int, suffix_start: int, heads: tuple[str, ...],
                 tags: Mapping[tuple[int, int], str]) -> int:
    """Where games named by their host (`heads`: `北京|冬奥会`) begin: at the place words of the analysis right before the
    head (`法国阿尔贝维尔|冬奥会`), or at the year or edition right before them (`2000年悉尼奥运会`); a chunk with no such place,
    or one begun at it already, stays where it begins."""
    if not text.startswith(heads, suffix_start):
        return begin
    host, end = None, suffix_start
    while (at := next((s for s in range(begin, end) if tags.get((s, end)) in HOST_POS), None)) is not None:
        host = end = at
    if host is None:
        return begin
    prefix = HOSTED_PREFIX.search(text, begin, host)
    return prefix.start() if prefix else host

