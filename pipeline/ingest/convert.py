"""Traditional Chinese → simplified for analysis, length-preserving so offsets stay valid.

The rules, lexicons and the trained recognizer are all simplified Chinese. A document written
in traditional characters is analysed through a simplified copy of its text that has the same
length, like `textnorm.fold`: every offset found in the copy indexes the original text, and
mention texts, entity names and evidence are sliced from the original (see
`original_names`), so the outputs keep the document's own script.

The conversion is OpenCC's (the `opencc` package, the maintained reference converter, with its
phrase and character dictionaries). OpenCC's traditional → simplified conversion maps phrases
to phrases of the same length in practice; the result is used only where it keeps the length
and changes nothing but traditional characters, otherwise (for that line) each character is
mapped alone with OpenCC's character table. Simplified documents are left alone: a text is
converted only when at least `TRADITIONAL_SHARE` of its Han characters are traditional-only.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from pipeline.records import Entity, Relation, Span

TRADITIONAL_SHARE = 0.05
# Characters of OpenCC's traditional table that are also standard simplified characters, found
# in simplified names and words (乾安县, the surname 於, 夥伴): no evidence of traditional text.
ALSO_SIMPLIFIED = frozenset("乾於夥摺瞭")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0),
               (0x2A700, 0x2EBF0), (0x2F800, 0x2FA20))


@lru_cache(maxsize=1)
def _converter():
    import opencc

    try:
        return opencc.OpenCC("t2s")
    except Exception:  # noqa: BLE001 - older releases name configs by file
        return opencc.OpenCC("t2s.json")


@lru_cache(maxsize=1)
def char_table() -> dict[int, str]:
    """OpenCC's character-level traditional → simplified map (only characters that change)."""
    chars = [chr(code) for low, high in _CJK_RANGES for code in range(low, high)]
    converted = _converter().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen; a single-character table is then built slowly
        converted = [_converter().convert(ch) for ch in chars]
    return {ord(t): s for t, s in zip(chars, converted) if t != s and len(s) == 1}


@lru_cache(maxsize=1)
def _deleting_table() -> dict[int, None]:
    return dict.fromkeys(code for code in char_table() if chr(code) not in ALSO_SIMPLIFIED)


def traditional_count(text: str) -> int:
    """How many characters of `text` exist only in traditional Chinese (ALSO_SIMPLIFIED aside)."""
    return len(text) - len(text.translate(_deleting_table()))


def is_traditional(text: str) -> bool:
    """True when enough of the Han characters of `text` are traditional-only to convert it."""
    if text.isascii():
        return False
    count = traditional_count(text)
    if not count:
        return False
    return count >= TRADITIONAL_SHARE * max(1, len(_HAN.findall(text)))


def _phrase_converted(text: str) -> str | None:
    """OpenCC's phrase-level conversion when it keeps every offset, else None."""
    try:
        converted = _converter().convert(text)
    except Exception:  # noqa: BLE001 - text that cannot cross into the C library (e.g. lone surrogates)
        return None
    if len(converted) != len(text):
        return None
    table = char_table()
    if any(a != b and ord(a) not in table for a, b in zip(text, converted)):
        return None
    return converted


def to_simplified(text: str, force: bool = False) -> str:
    """A simplified copy of `text` with the same length (`text` itself when it is not traditional)."""
    if not (force or is_traditional(text)):
        return text
    whole = _phrase_converted(text)
    if whole is not None:
        return whole
    table = char_table()
    lines = text.split("\n")
    return "\n".join(_phrase_converted(line) or line.translate(table) for line in lines)


def original_names(entities: list[Entity], analysed: str, original: str) -> list[Entity]:
    """`entities` (resolved on the analysed text) with names and aliases in the script of
    `original`, the width-folded document text that `analysed` was converted from.

    A name is the surface of a mention that reads the same in the analysed text when there is
    one; otherwise each character that the conversion changed in this document is changed back
    (to its most frequent original). Aliases are the other surfaces of the mentions, as in
    `resolution.resolve`. Ids are left as they are: simplified, so that documents in both
    scripts name the same node of the graph."""
    if analysed == original:
        return entities
    back: dict[str, str] | None = None
    for entity in entities:
        name = next((original[s.start:s.end] for s in entity.mentions if analysed[s.start:s.end] == entity.name),
                    None)
        if name is None:
            back = back if back is not None else _back_map(analysed, original)
            name = "".join(back.get(ch, ch) for ch in entity.name)
        if name != entity.name:
            entity.name = name
            entity.aliases = list(dict.fromkeys(s.text for s in entity.mentions if s.text != name))
    return entities


def _back_map(analysed: str, original: str) -> dict[str, str]:
    counts: dict[str, Counter] = {}
    for a, o in zip(analysed, original):
        if a != o:
            counts.setdefault(a, Counter())[o] += 1
    return {a: c.most_common(1)[0][0] for a, c in counts.items()}


def original_evidence(relations: list[Relation], analysed: str, original: str) -> list[Relation]:
    """`relations` with evidence texts sliced from `original` (the document text), which the
    offsets index, instead of from the analysed (folded, simplified) text."""
    if analysed == original:
        return relations
    return [replace(r, evidence=tuple(Span(s.start, s.end, original[s.start:s.end].strip()) for s in r.evidence))
            for r in relations]
