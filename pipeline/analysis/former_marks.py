"""The mark of a former post written inside a body's name (`河北省|原|省委常委`, `全国人大|原|内务司法委员会副主任委员`): the
post's, no part of the name."""
from __future__ import annotations

from dataclasses import replace

from pipeline.records import Mention

FORMER = "原"  # between a body and its organ or unit, of the post after it (`农业农村部|原|党组书记`): no part of either name
FORMER_POS = "b"  # the word analysis's distinguishing word, as People's Daily 1998 tags 原 of a former post
MIN_PART_CHARS = 2  # what the mark stands between, at least: a body and the part of it the post is held in


def without_former(body: str) -> str:
    """The body's name written before its organ, without the `FORMER` of the post after it (`农业农村部原|党组`); a name
    of two characters keeps it (`太原|党委`)."""
    return body[:-len(FORMER)] if body.endswith(FORMER) and len(body) > len(FORMER) + 1 else body


def named_without_former(mentions: list[Mention], words: list[tuple[int, int, str]] | None, text: str) -> list[Mention]:
    """Each organisation read with the word `原` inside its name is named without it (`天津市装饰布总厂原团委` →
    天津市装饰布总厂团委), a level's committee right after its place's name with one level word (`河北省|原|省委` → 河北省委);
    not where 原 begins a word of the name (`国际原子能机构`, `太原市体委`)."""
    formers = {start for start, end, pos in words or () if end - start == 1 and pos == FORMER_POS and text[start] == FORMER}
    if not formers:
        return mentions
    named = []
    for m in mentions:
        at = next((p for p in range(m.start + MIN_PART_CHARS, m.end - MIN_PART_CHARS) if p in formers), None)
        if m.type == "ORG" and m.name is None and at is not None:
            before, after = text[m.start:at], text[at + 1:m.end]
            m = replace(m, name=before + (after[1:] if after[0] == before[-1] else after))
        named.append(m)
    return named
