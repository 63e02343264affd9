"""Names of one meeting: the key that puts a numbered meeting's long and short orders together
(`中国共产党第十五次全国代表大会`, `党的十五大`), which of a document's event names name the same
meeting (`same_meeting`), which contracts another (`contracted_events`: `杭州亚运会`) and which are an event's
activities (`activity_forms`)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from pipeline.analysis.matching import QUOTES
from pipeline.analysis.name_forms import YEAR_INSIDE, kept_at
from pipeline.rules import NUMBER_DIGITS, Aliases, RecognitionRules
from pipeline.wordlists import by_identity

TERM, NUMBERED = re.compile("[一二三四五六七八九十百]+届"), re.compile("[一二三四五六七八九十百]+次")


class _KeyMemo(NamedTuple):
    """`name_key`'s full forms and results for one pair of rules and aliases."""

    rules: RecognitionRules
    aliases: Aliases
    full_forms: tuple[tuple[str, str], ...]
    keys: dict[str, str]


_memo: _KeyMemo | None = None
MEMO_SIZE = 1 << 12  # names whose key is kept (the memo starts again beyond): under 1 MB


def name_key(name: str, rules: RecognitionRules, aliases: Aliases) -> str:
    """One key for the long and the short order of a numbered meeting's name (see `name_keys`
    in schemas/recognition.yaml): full body names become their short forms, then the rewrites."""
    global _memo
    memo = _memo
    if memo is None or memo.rules is not rules or memo.aliases is not aliases:
        memo = _memo = _KeyMemo(rules, aliases, _full_forms(aliases), {})
    key = memo.keys.get(name)
    if key is None:
        if len(memo.keys) >= MEMO_SIZE:
            memo.keys.clear()
        key = memo.keys[name] = _name_key(name, rules, memo.full_forms)
    return key


def _name_key(name: str, rules: RecognitionRules, full_forms: tuple[tuple[str, str], ...]) -> str:
    name = ARABIC_EDITION.sub(lambda m: m.group(1) + chinese_number(int(m.group(2))) + m.group(3), name)
    for full, short in full_forms:
        name = name.replace(full, short)
    for regex, replacement in rules.name_keys:
        name = regex.sub(replacement, name)
    return name


ARABIC_EDITION = re.compile("(第)([0-9]{1,3})([届次])")  # `第72次`, written `第七十二次` too
DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """`n` (under 1000) in Chinese numerals, as an edition's number is written (`二十二`, `一百零二`, `十五`)."""
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = DIGITS[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (DIGITS[ones] if ones or not n else "")


def _full_forms(aliases: Aliases) -> tuple[tuple[str, str], ...]:
    table = sorted(aliases.canonical.get("ORG", {}).items())
    return tuple(sorted(((a, c) for a, c in table if len(a) > len(c)), key=lambda pair: -len(pair[0])))


def same_meeting(names: set[str], rules: RecognitionRules, aliases: Aliases,
                 occasions: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
    """EVENT names of one document that name the same meeting → the longest of them; names that
    differ only by a body's full and short forms (`org_abbreviations`) name one. A name without the
    term (`全国政协第三十七次主席会议`), without term and number (`全国政协主席会议`), or without the year
    inside it (`北京冬奥会`), joins the one name of the document that has them and is otherwise the same.
    Where the `occasions` (the document's event names, in text order) name more than one term of a
    body, its bare name is the body of the first one's term (`全国政协` in a report of `政协第八届全国委员会常务委员会…`
    that announces the ninth's session), joined to a termed name only of that term."""
    groups: dict[str, set[str]] = defaultdict(set)
    for name in names:
        groups[name_key(name, rules, aliases)].add(name)
    by_short_forms: dict[str, list[str]] = defaultdict(list)
    for key in list(groups):
        by_short_forms[_in_short_forms(key, aliases)].append(key)
    for first, *others in (keys for keys in by_short_forms.values() if len(keys) > 1):
        for key in others:
            groups[first] |= groups.pop(key)
    for bare in (TERM, NUMBERED, YEAR_INSIDE):
        stripped = {k: bare.sub("", TERM.sub("", k)) for k in groups}
        for key in [k for k in groups if not bare.search(k)]:
            fuller = [k for k in groups if k != key and stripped[k] == key]
            term = _occasion_term(key, occasions, rules, aliases) if fuller else None
            if term:
                fuller = [k for k in fuller if term in TERM.findall(k) or not TERM.search(k)]
            if len(fuller) == 1:
                groups[fuller[0]] |= groups.pop(key)
    return {name: max(group, key=_meeting_name_rank) for group in groups.values() if len(group) > 1 for name in group}


# left out of a name, they name another event: a body's own (`中央|军委|人才工作会议`), the disabled's games
CONTRACTION_KEEPS = ("委", "主席", "党组", "残")
EDITION = re.compile(r"[0-9一二三四五六七八九十百]+[届次]|[0-9]{4}年")
NUMBER = re.compile(f"[{NUMBER_DIGITS}]+")  # a contraction writes a number whole or not at all: `十大` is no `十一大`
QUOTED = re.compile("“[^”]*”|《[^》]*》")  # a quoted name is kept whole (`“三优一满意示范窗口”活动` is not `“三优一满意”活动`)


def contracted_events(names: set[str], rules: RecognitionRules, aliases: Aliases) -> dict[str, str]:
    """An EVENT name that contracts another of the document's (缩略: `杭州亚运会` for 杭州第19届亚洲运动会,
    `中英经贸联委会会议` for 中英政府间经贸合作联委会第二次会议) → that one, where it contracts one meeting only.
    Compared by their keys, a contraction keeps the first and the last character and others in their order,
    with every edition it gives (`第二次`, `1998年`), and leaves out none of `CONTRACTION_KEEPS` and nothing quoted."""
    keys = {name: name_key(name, rules, aliases) for name in names}
    forms = {}
    for short in names:
        fulls = [full for full in names if _contracts(keys[short], keys[full])]
        if fulls and len({keys[full] for full in fulls}) == 1:
            forms[short] = max(fulls, key=_meeting_name_rank)
    return forms


# what a contraction leaves out before the name's own first character: its edition or year (`1998年|长野冬季奥林匹克运动会`,
# 长野冬奥会), and the scope of China's international fairs (`第二十五届|中国国际|高新技术成果交易会`, 高交会; 进博会, 服贸会)
LEADING_DROPS = re.compile(r"(?:第?[0-9一二三四五六七八九十百]+届|首届|[0-9０-９]{4}年)?(?:中国国际)?")


def _contracts(short: str, full: str) -> bool:
    if short[:1] != full[:1]:
        full = full[LEADING_DROPS.match(full).end():]
    if len(short) < 3 or len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    if full.startswith(short) or full.endswith(short) or not set(EDITION.findall(short)) <= set(EDITION.findall(full)) \
            or not set(NUMBER.findall(short)) <= set(NUMBER.findall(full)):
        return False
    kept = set(kept_at(short, full))
    if not kept:
        return False
    left_out = "".join(char if i not in kept else "|" for i, char in enumerate(full))
    quoted = {i for m in QUOTED.finditer(full) for i in range(*m.span())}
    return not any(word in left_out for word in CONTRACTION_KEEPS) and quoted <= kept


def _occasion_term(body: str, occasions: list[str] | tuple[str, ...], rules: RecognitionRules,
                   aliases: Aliases) -> str | None:
    """The term (`八届`) of the first occasion that names `body` with one, where the occasions name
    more than one term of it."""
    keys = (name_key(o, rules, aliases) for o in occasions)
    terms = [m.group() for m in (TERM.match(k, len(body)) for k in keys if k.startswith(body)) if m]
    return terms[0] if len(set(terms)) > 1 else None


@by_identity
def _short_forms(aliases: Aliases) -> tuple[re.Pattern | None, dict[str, str]]:
    """Each full form of a body with short forms (`org_abbreviations`, and the shorter name
    schemas/aliases.yaml gives it), and each of those short forms → its longest short form
    (`中国残疾人联合会`, `中残联` → `中国残联`; `中纪委` → `中央纪委`); the pattern that finds them, longest first."""
    forms: dict[str, list[str]] = defaultdict(list)
    for abbreviation, full in aliases.abbreviations.items():
        forms[full].append(abbreviation)
    for full, name in aliases.canonical.get("ORG", {}).items():
        if len(name) < len(full) and full in forms:
            forms[full].append(name)
    short: dict[str, str] = {}
    for full, abbreviations in sorted(forms.items()):
        chosen = max(abbreviations, key=lambda a: (len(a), a))
        for form in [full, *abbreviations]:
            if form != chosen:
                short.setdefault(form, chosen)
    if not short:
        return None, short
    return re.compile("|".join(re.escape(f) for f in sorted(short, key=lambda f: (-len(f), f)))), short


def _in_short_forms(name: str, aliases: Aliases) -> str:
    """`name` with each body's form replaced by its short form, until none is left to replace (a short form
    may hold another body's form: `中央纪委` holds `纪委`)."""
    pattern, short = _short_forms(aliases)
    for _ in range(3):
        shorter = pattern.sub(lambda m: short[m.group()], name) if pattern else name
        if shorter == name:
            break
        name = shorter
    return name


OWNERLESS_CONGRESS = re.compile(r"第?[一二三四五六七八九十百]+次全国代表大会")


def _meeting_name_rank(name: str) -> tuple[bool, int, str]:
    """The longest name, but a congress named with its party before one without
    (`中共二十大` before `第二十次全国代表大会`, cut from `中国共产党|第二十次…`)."""
    return not OWNERLESS_CONGRESS.fullmatch(name), len(name), name


ACTIVITIES = "活动"  # `“中朝友好年”活动`: the activities of a campaign or a year, which are that event


def activity_forms(names: set[str]) -> dict[str, str]:
    """An event's activities (`“中朝友好年”活动`, `三优一满意活动`) → the event the document also names alone
    (`中朝友好年`, `“三优一满意”`): as annotators write them, one event."""
    forms = {}
    for name in names:
        if name.endswith(ACTIVITIES) and len(name) > len(ACTIVITIES):
            bare = name[:-len(ACTIVITIES)]
            forms.update((name, other) for other in (bare, bare.strip(QUOTES)) if other in names)
    return forms
