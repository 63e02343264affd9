"""Place and organisation names of word lists and of the recognizer, checked against the word
analysis: a word that runs across a name's edge unmakes it (`隆重|庆祝`, `沿海|地区`)."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from pipeline.analysis.joined_names import in_parts
from pipeline.analysis.wordindex import NOUN_POS, Crossing, WordAnalysis, word_analysis
from pipeline.records import Mention
from pipeline.rules import written_in_full
from pipeline.wordlists import ends_with_any, word_at


def unworded_places(mentions: list[Mention], words: list[tuple[int, int, str]] | None, text: str,
                    titles: tuple[str, ...] = (), place_generics: str = "",
                    places: frozenset[str] = frozenset(), site_terms: tuple[str, ...] = ()) -> list[Mention]:
    """Without the place and organisation names matched in a word list where a word of the word analysis runs across their
    start or end (`隆重|庆祝`, `入海口`, `沿海|地区`, `商务部门`), and the recognizer's places and organisations it cuts
    (`动新闻中心`, `西宁舰`), unless that word ends in a title (`国防部长`: the minister of the ministry) or a title begins
    where the name ends (`…斗争|党总|主席`), or the name ends in a place's generic term (`歙县|城`, `鸭绿江`, `高|铁浏阳河`:
    rare names the word analysis joins wrongly), no word but a place runs into its start (`示|范县`), nor a place found there
    (`上海|城区`, not `上|海城区`); never where it begins with a conjunction or a preposition of its own (`书记|和|县长`).
    Where the name without that term is a listed place and a word runs on from the term, it is the name (`武汉|市民`).
    One-character short forms are kept: the word analysis joins them (`中美`). A listed place that the word analysis reads as
    an adjective coordinated with one before it is that word (`幸福|安康`: well; `在|安康` is the city); it may read a rare
    place alone as an adjective or a verb (`中卫`, `怀化`). A place the recognizer begins inside a place word that ends with
    it is that word (`代|尔祖尔省`). A site's chunk is whole words of names and nouns before its generic term (`site_terms`),
    named after the divisions that locate it (`_site_start`)."""
    if not words:
        return mentions
    analysis = word_analysis(words)
    crossing = analysis.crossing
    found = {(m.start, m.end) for m in mentions if m.type == "LOCATION"  # not `汉中镇|巴县`: the generic begins the next
             and not (m.text[-1:] in place_generics and m.text[:-1] in places)}
    kept = []
    for m in mentions:
        if m.type == "LOCATION" and m.source == "model" and (start := _place_word_start(m, analysis)) is not None:
            m = Mention(start, m.end, text[start:m.end], m.type, m.source, m.score, m.name)
        if m.type == "LOCATION" and m.source == "rule:lexicon" and analysis.starting.get(m.start) == (m.end, "a") \
                and analysis.ending.get(m.start) == "a":
            continue
        if m.type == "LOCATION" and m.source == "rule:chunk":
            if (start := _site_start(m, analysis, ends_with_any(m.text, len(m.text), site_terms) or "", site_terms)) is None:
                continue
            m = Mention(start, m.end, text[start:m.end], m.type, m.source, m.score, m.name) if start > m.start else m
        spans = [crossing[pos] for pos in (m.start, m.end) if pos in crossing]
        listed = m.type in ("LOCATION", "ORG") and m.source in ("rule:lexicon", "model") and len(m.text) > 1
        if listed and m.end in crossing and analysis.starting.get(m.start, (0, ""))[1] in JOINING_POS:
            continue  # `书记|和|县长`: a conjunction and the start of the word after it
        if listed and spans and not any(text[s:e].endswith(titles) for s, e in spans) and not _particle_glued(m, crossing, text) \
                and not (m.end in crossing and text.startswith(titles, m.end)):
            if m.text[-1:] not in place_generics:
                continue
            if m.start in crossing and (analysis.starting[crossing[m.start][0]][1] != "ns" or crossing[m.start] in found):
                continue  # `示|范县`, `上|海城区`; but `高|铁浏阳河` is a place the word analysis joins wrongly
            if m.end in crossing and m.text[:-1] in places:
                m = Mention(m.start, m.end - 1, m.text[:-1], m.type, m.source, m.score, m.name)
        kept.append(m)
    return kept


def _paired(name: str, short_forms: Mapping[str, tuple[str, ...]], text: str) -> bool:
    """Whether the text writes in full, elsewhere than in `name`, the two places whose short forms `name`
    is (not `辽宁`, 辽's full name), and `name` never with a division's term."""
    elsewhere = text.replace(name, "\n")
    return written_in_full(name, short_forms, elsewhere) and not any(name + term in text for term in DIVISION_TERMS)


DIVISION_TERMS = ("市", "省", "县", "区")
JOINING_POS = frozenset("cp")  # conjunctions and prepositions
GLUED_PARTICLES = frozenset("在于对向同与和")  # prepositions and conjunctions that open the phrase after a name


def _particle_glued(m: Mention, crossing: Crossing, text: str) -> bool:
    """Whether the only word run across a listed body's name is its end and the particle after it
    (`中央|书记处在|中央政治局…领导下`: the word analysis glues `在` to the name)."""
    return m.type == "ORG" and m.source == "rule:lexicon" and m.start not in crossing \
        and crossing.get(m.end, (0, 0))[1] == m.end + 1 and text[m.end] in GLUED_PARTICLES


PROPER_NOUN_POS = (NOUN_POS - {"n"}) | {"nr"}  # names of places, bodies, people and others, and short forms
DIVISION_FINALS = "省市县区镇乡道"  # what ends a division's name (`习水县`, `长安街道`): a locator before a site's own
SITE_NAME_POS = NOUN_POS | {"nr", "b"}  # what a site's name is made of: names, nouns, distinguishing words
PLACE_GLOSS = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]")  # the province of a national zone (`中国（福建）…`)


def _site_start(m: Mention, analysis: WordAnalysis, term: str, terms: tuple[str, ...] = ()) -> int | None:
    """Where a site's name begins in its chunk: after the divisions that locate it, where a name follows them
    (`习水县|四渡赤水纪念馆`, `大东区|长安街道|长安小区`; `上海|漕河泾新兴技术开发区` and `四川省|平武县|自然保护区` are
    whole); None unless the chunk is whole words up to its generic term `term`, whatever words make that (`海南|自由贸易港`),
    the first a name (not `县级|新区`, `沿海|开发区`), each a name, a noun or a distinguishing word: no verb
    (`灯笼|点亮|良渚古城遗址公园`), count (`黔西市|一|景区`) or adjective (`北京老城|重要|历史片区`) is part of a site's
    name, nor a word it begins inside (`侵|华日军…纪念馆`). A larger site's whole term of `terms` and a place's gloss in
    brackets after the first name are the name's (`中国|（福建）|自由贸易试验区|厦门|片区`)."""
    pos, start, named = m.start, m.start, m.end - len(term) if len(term) < len(m.text) else m.end
    while pos < named:
        if pos > m.start and ((inner := word_at(m.text, pos - m.start, terms)) or PLACE_GLOSS.match(m.text, pos - m.start)):
            pos += len(inner or PLACE_GLOSS.match(m.text, pos - m.start).group())
            continue
        end, tag = analysis.starting.get(pos, (m.end + 1, ""))
        if end > m.end or named < end < m.end or tag not in (SITE_NAME_POS if pos > m.start else PROPER_NOUN_POS):
            return None
        after = analysis.starting.get(end, (0, ""))
        if tag == "ns" and m.text[end - m.start - 1] in DIVISION_FINALS and after[1] in PROPER_NOUN_POS and after[0] < m.end:
            start = end
        pos = end
    return start


SPLIT_COMPOUND_POS = frozenset("abnj")  # one-character content words: the half of a compound the analysis split


def _place_word_start(m: Mention, analysis: WordAnalysis) -> int | None:
    """Where the place word begins that `m` (two characters or more) begins inside and ends with
    (`代|尔祖尔省`), unless a compound the analysis split stands before it; None elsewhere."""
    word = analysis.crossing.get(m.start)
    if word is None or word[1] != m.end or len(m.text) < 2 or analysis.starting[word[0]][1] != "ns":
        return None
    return None if _split_compound_before(analysis, word[0]) else word[0]


def _split_compound_before(analysis: WordAnalysis, start: int) -> bool:
    """Whether a one-character content word ends at `start`: the analysis has split a compound there
    and joined its second half to the word after it (`高|铁浏阳河`)."""
    before = analysis.word_ending(start)
    return before is not None and before[1] - before[0] == 1 and before[2] in SPLIT_COMPOUND_POS


SHORT_FORM_POS = frozenset({"j", "ns"})  # what the word analysis reads a place's one-character short form as


def short_form_pairs(mentions: list[Mention], words: list[tuple[int, int, str]] | None,
                     short_forms: Mapping[str, tuple[str, ...]], text: str = "") -> list[Mention]:
    """Two places' one-character short forms that the recognizer reads as one name (`俄德|关系`,
    `增进与法德的关系`) are the two places, where the word analysis reads them as two words, each a
    short form or a place (`俄|德`); a place's name of two such characters is one word (`西宁`, `加沙`),
    but where the text writes both places in full and never it with its division's term (`巴中|铁杆情谊`
    beside 巴基斯坦 and 中国: no 巴中市). A country's short form that the recognizer begins a place with, a word of its own
    before a place's, is no part of it (`俄|库尔斯克火车站`, `美|加州`; not `宾|夕法尼亚州`)."""
    if not words:
        return mentions
    starting = word_analysis(words).starting
    found = []
    for m in mentions:
        halves = [starting.get(m.start + i, (0, "")) for i in (0, 1)]
        if m.type == "LOCATION" and m.source == "model" and m.text[0] in short_forms and halves[0] == (m.start + 1, "j") \
                and halves[1][1] == "ns" and halves[1][0] <= m.end:
            found.append(Mention(m.start + 1, m.end, m.text[1:], m.type, m.source, m.score, m.name))
        elif m.type in ("LOCATION", "ORG") and len(m.text) == 2 and all(char in short_forms for char in m.text) \
                and (m.source == "model" and [end for end, _ in halves] == [m.start + 1, m.end]
                     and all(pos in SHORT_FORM_POS for _, pos in halves) or _paired(m.text, short_forms, text)):
            found += [replace(part, type="LOCATION") for part in in_parts(m, list(m.text))]
        else:
            found.append(m)
    return found
