"""Names within their brackets and quotation marks."""

from __future__ import annotations

import re
from collections.abc import Collection

from pipeline.analysis.matching import YEAR_MARK
from pipeline.records import Mention

DASHES = "—-"  # `中国—东盟`, `中国——中东欧` (a full-width hyphen is folded to `-`)
CLOSERS = {")": "(", "）": "（", "”": "“", "’": "‘", "》": "《", "]": "[", "】": "【"}
OPENERS = frozenset(CLOSERS.values())
MATCHING = {opener: closer for closer, opener in CLOSERS.items()}
MARKS = frozenset(CLOSERS) | OPENERS


def balanced(mention: Mention, document: str = "") -> Mention | None:
    """`mention` within its brackets and quotation marks. A closing one whose opening one it does
    not hold takes that one in where it stands just before (`“|中国红”车队`), else the name begins
    after it (`宁夏)|东方集团有限公司`) and a 的 right after it (`“…”的|国庆招待会`); an opening one it
    does not close takes the name inside when the closing one follows it (`美国《|华尔街日报|》`),
    else the name ends before it (`…大学|（北京`). A dash that joins names begins none (`纽约|-华盛顿`);
    the apostrophe of a two-digit year closes nothing (`’98北京新年音乐会`). None when nothing is left."""
    text, open_at, start, opened_before = mention.text, [], 0, False
    if text[:1] in DASHES:
        return balanced(Mention(mention.start + 1, mention.end, text[1:], mention.type, mention.source, mention.score,
                                mention.name), document) if len(text) > 2 else None
    if MARKS.isdisjoint(text):
        return mention
    document = document or " " * mention.start + text
    for i, char in enumerate(text):
        if char in OPENERS:
            open_at.append((i, char))
        elif char in CLOSERS and not (char == YEAR_MARK and text[i + 1:i + 3].isdigit()):
            if open_at and open_at[-1][1] == CLOSERS[char]:
                open_at.pop()
            else:
                start, open_at = i + 1, []
                opened_before = i == text.find(char) and document[mention.start - 1:mention.start] == CLOSERS[char]
    if opened_before:
        return _within(mention, document, mention.start - 1, mention.end)
    if open_at and len(open_at) == 1 and document[mention.end:mention.end + 1] == MATCHING[open_at[0][1]]:
        return _within(mention, document, mention.start + open_at[0][0] + 1, mention.end)
    end = open_at[0][0] if open_at else len(text)
    if start and text[start:start + 1] == "的":
        start += 1  # `主题为“…”的|国庆70周年招待会`: what a quotation ends modifies the name
    if start == 0 and end == len(text):
        return mention
    if end == start:  # `“|邮发服务有限公司`: the name follows the opening mark
        start, end = start + 1, open_at[1][0] if len(open_at) > 1 else len(text)
    return _within(mention, document, mention.start + start, mention.start + end)


def _within(mention: Mention, document: str, start: int, end: int) -> Mention | None:
    if end - start < 2:
        return None
    return Mention(start, end, document[start:end], mention.type, mention.source, mention.score, mention.name)


SHORT_FORM_TYPES = ("ORG", "PERSON")  # what the recognizer reads a body's short form as (`哈马斯`, `杰哈德`)
ACRONYM_CHARS = "[A-Z][A-Za-z0-9]{1,7}"  # an acronym's (`APEC`, `G20`)
ACRONYM = re.compile(f"[（(]({ACRONYM_CHARS})[）)]")  # an acronym in brackets (`亚太经合组织（APEC）`)


def bracketed_short_forms(mentions: list[Mention], text: str, generic: Collection[str] = ()) -> list[Mention]:
    """A name or an acronym alone in the brackets right after an organisation's (`巴勒斯坦伊斯兰圣战组织（杰哈德）`,
    `石油输出国组织（欧佩克）`, `亚太经合组织（APEC）`: the short form that the text goes on to use) is that organisation's,
    wherever the document writes it; not after a generic head (`generic`: `委员会`), which names nothing."""
    full, starting = {}, {}
    for m in mentions:
        if m.type in SHORT_FORM_TYPES:
            starting.setdefault(m.start, m)
    for body in (m for m in mentions if m.type == "ORG" and (m.name or m.text) not in generic):
        inside = starting.get(body.end + 1)
        short = inside.text if inside else (acronym.group(1) if (acronym := ACRONYM.match(text, body.end)) else "")
        close = body.end + 1 + len(short)
        if text[body.end:body.end + 1] in ("（", "(") and short and text[close:close + 1] in ("）", ")"):
            full.setdefault(short, body.name or body.text)
    return [Mention(m.start, m.end, m.text, "ORG", "short_form", m.score, full[m.text])
            if m.type in SHORT_FORM_TYPES and m.text in full else m for m in mentions]


BRACKETED = re.compile(r"[（(]([^（）()]{2,8})[）)]")


def bracketed_name_forms(names: set[str]) -> dict[str, str]:
    """A name written with the short form its full name gives in brackets and the end of that name (`G20峰会` for
    `二十国集团（G20）领导人第十七次峰会`, `APEC领导人非正式会议`) → the full name, where one only ends so."""
    forms: dict[str, set[str]] = {}
    for full in names:
        for short in BRACKETED.finditer(full):
            for name in names:
                rest = name[len(short.group(1)):]
                if name.startswith(short.group(1)) and len(rest) >= 2 and full.endswith(rest) and name != full:
                    forms.setdefault(name, set()).add(full)
    return {name: fulls.pop() for name, fulls in forms.items() if len(fulls) == 1}
