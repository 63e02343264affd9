"""One sense per discourse: every occurrence of a name the document gives is a mention of it
(`propagate`), the bare generic heads of longer names stand for them (`short_form_mentions`), and so do
the listed short forms of the bodies it names (`abbreviated_mentions`)."""
from __future__ import annotations

from pipeline.analysis.wordindex import NOUN_POS, word_analysis
from pipeline.records import Mention
from pipeline.rules import Aliases
from pipeline.spans import Coverage

COMPOUNDING = frozenset({"vn"})  # a verbal noun a generic head after it compounds with (`表彰|工作|委员会`)


def propagate(text: str, mentions: list[Mention], min_chars: int = 2,
              words: list[tuple[int, int, str]] | None = None, local: frozenset[str] = frozenset()) -> list[Mention]:
    """One sense per discourse: all mentions of a name take the type most of them have, and every other
    occurrence of the name (outside the mentions found) is a mention too, of the name it stands for (`总参`
    for 总参谋部: `abbreviated_mentions`), unless a word of the word analysis that is no noun or name runs
    across its start or end (`发展|中国|家`, `中国|式`, `其|中|国有`; but `邓小平|理论`, `亚太|地区`). Names that
    name something only where they stand (`local`: generic heads such as `市委`) are not propagated
    (`城|市委|员会`). A short form found where the full name is written gives way to it
    (`中央全面深化改革|委员会|主任`)."""
    analysis = word_analysis(words) if words else None

    def inside_other_word(pos: int) -> bool:
        span = analysis.crossing.get(pos) if analysis else None
        return span is not None and analysis.starting[span[0]][1] not in NOUN_POS
    mentions = _complete_cut_people(text, _trim_person_overreach(mentions))
    votes: dict[str, dict[str, float]] = {}
    for m in mentions:
        votes.setdefault(m.text, {}).setdefault(m.type, 0.0)
        votes[m.text][m.type] += m.score
    kind = {name: max(v, key=v.get) for name, v in votes.items()}
    mentions = [m if m.type == kind[m.text] else Mention(m.start, m.end, m.text, kind[m.text], m.source, m.score)
                for m in mentions]
    taken = Coverage(len(text), [(m.start, m.end) for m in mentions])
    named = Coverage(len(text), [(m.start, m.end) for m in mentions if m.source != SHORT_FORM])
    extra: list[Mention] = []
    by_name = {m.text: m for m in sorted(mentions, key=lambda m: -m.score)}
    for name in sorted(by_name, key=len, reverse=True):
        if len(name) < min_chars or name in local:
            continue
        source = by_name[name]
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if (taken.free(start, end) or source.source != SHORT_FORM and named.free(start, end)) \
                    and not inside_other_word(start) and not inside_other_word(end):
                extra.append(Mention(start, end, name, source.type, "propagated", source.score * 0.95, source.name))
                taken.mark(start, end)
                named.mark(start, end)
            start = text.find(name, end)
    if extra:  # a short form stands for the full name; where that is written, it is the full name's
        written = Coverage(len(text), [(m.start, m.end) for m in extra])
        mentions = [m for m in mentions if m.source != SHORT_FORM or written.free(m.start, m.end)]
    return sorted(mentions + extra, key=lambda m: (m.start, m.end))


SHORT_FORM, SHORT_FORM_SCORE = "short_form", 0.6
ABBREVIATION, ABBREVIATION_SCORE = "abbreviation", 0.6


def abbreviated_mentions(text: str, mentions: list[Mention], aliases: Aliases, known: frozenset[str],
                         words: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """The listed short forms (`org_abbreviations`) of the organisations the document names in full (`咸阳市工商行政管理局`
    for 工商局), or, where it names a known organisation, by the last characters of its full form (`总政` where it names
    总政治部, of 中国人民解放军总政治部: `Aliases.full_forms`), where the word analysis reads them as whole words and no
    mention covers them: mentions of that name. Not a short form a name of the document ends in (`咸阳市工商局`): it stands
    for that name; nor one after a place, whose body it names (`中国|共青团`)."""
    analysis = word_analysis(words)
    taken = Coverage(len(text), [(m.start, m.end) for m in mentions])
    fulls = aliases.short_forms
    names = sorted({m.text for m in mentions if m.type == "ORG"}, key=len, reverse=True)
    place_ends = {m.end for m in mentions if m.type == "LOCATION"}
    found = []
    for name in names:
        shorts = aliases.full_forms.get(name, ()) if name in known else ()
        shorts += next((fulls[name[i:]] for i in range(len(name) - 2) if name[i:] in fulls), ())
        for short in dict.fromkeys(s for s in shorts if not any(n.endswith(s) for n in names)):
            start = text.find(short)
            while start >= 0:
                end = start + len(short)
                if taken.free(start, end) and start in analysis.starting and end in analysis.ending and start not in place_ends:
                    found.append(Mention(start, end, short, "ORG", ABBREVIATION, ABBREVIATION_SCORE, name))
                    taken.mark(start, end)
                start = text.find(short, end)
    return found


def short_form_mentions(text: str, mentions: list[Mention], short_forms: dict[str, tuple[str, ...]],
                        party_organs: tuple[str, ...] = (), words: list[tuple[int, int, str]] | None = None
                        ) -> list[Mention]:
    """Bare generic heads (`实验室`) of longer names found in the document (`中关村实验室`), but not
    one the word analysis puts right after a noun: the head of a longer name nothing found
    (`表彰|工作|委员会`). A head with a party organ after it (`集团|党委`) is that organ of the one name it
    stands for (`郑州圆方集团党委`; `圆方集团` is of that name too)."""
    heads = {(m.type, form) for m in mentions for form in short_forms.get(m.type, ())
             if m.text.endswith(form) and len(m.text) > len(form)}
    ending = word_analysis(words).ending
    found = []
    for etype, form in heads:
        names = {m.text for m in mentions if m.type == etype and m.text.endswith(form) and len(m.text) > len(form)}
        longest = max(names, key=len)
        full = longest if all(longest.endswith(n) for n in names) else None  # `圆方集团` in `郑州圆方集团`
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            organ = next((o for o in party_organs if text.startswith(o, end)), None) if etype == "ORG" else None
            if organ and full and not full.endswith(form + organ):
                found.append(Mention(start, end + len(organ), form + organ, etype, SHORT_FORM, SHORT_FORM_SCORE,
                                     full + organ))
            elif ending.get(start) not in COMPOUNDING:
                found.append(Mention(start, end, form, etype, SHORT_FORM, SHORT_FORM_SCORE))
            start = text.find(form, end)
    return found


def _trim_person_overreach(mentions: list[Mention]) -> list[Mention]:
    """`拉克森共` next to `拉克森` elsewhere: a person mention one character longer than a
    person name of the same document is cut back to that name."""
    names = {m.text for m in mentions if m.type == "PERSON"}
    return [Mention(m.start, m.end - 1, m.text[:-1], m.type, m.source, m.score)
            if m.type == "PERSON" and len(m.text) >= 3 and m.text[:-1] in names else m for m in mentions]


def _complete_cut_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """`为提|努布` next to `提努布` elsewhere: a person mention that ends a longer person name of the same document, where
    the text before it completes that name, is that name (the recognizer cut a transliterated name after a preposition)."""
    names = sorted({m.text for m in mentions if m.type == "PERSON"}, key=len, reverse=True)
    out = []
    for m in mentions:
        whole = next((n for n in names if len(n) > len(m.text) and n.endswith(m.text)
                      and text.startswith(n, m.end - len(n))), None) if m.type == "PERSON" else None
        out.append(Mention(m.end - len(whole), m.end, whole, m.type, m.source, m.score) if whole else m)
    return out
