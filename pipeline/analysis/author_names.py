"""Who wrote a paper's article: the people its author line names (`layout.author_line_bounds`)."""
from __future__ import annotations

import re

from pipeline.analysis.matching import HAN_CLASS
from pipeline.layout import author_line_bounds
from pipeline.records import Mention

AUTHOR_SCORE = 0.8
AUTHOR_LINE = re.compile(f"[{HAN_CLASS}]{{2,4}}")
JOINED_NAMES_CHARS = 4  # two names of two characters written together (`潘跃王萍`)


def author_people(text: str, mentions: list[Mention], surnames: frozenset[str], strong_surnames: frozenset[str]) -> list[Mention]:
    """The people of an author line of two to four Chinese characters on which no mention but a person's lies (not
    `吉林`, `欧盟`, `特别奖`): one name that begins with a surname (`陈瑶`, `钟行`, `颜永盛`, `欧阳…`), or two of two
    characters each that begin with a surname that may anchor a name (`潘跃|王萍`)."""
    start, end = author_line_bounds(text) or (0, 0)
    line = text[start:end]
    name, start = line.strip(), start + len(line) - len(line.lstrip())
    if not AUTHOR_LINE.fullmatch(name) or any(m.type != "PERSON" and m.start < start + len(name) and start < m.end
                                              for m in mentions):
        return []
    if len(name) == JOINED_NAMES_CHARS and name[:2] not in surnames:
        half = JOINED_NAMES_CHARS // 2
        if name[0] not in strong_surnames or name[half] not in strong_surnames:
            return []
        return [Mention(start + s, start + s + half, name[s:s + half], "PERSON", "rule:author", AUTHOR_SCORE) for s in (0, half)]
    if name[:1] not in surnames and name[:2] not in surnames:
        return []
    return [Mention(start, start + len(name), name, "PERSON", "rule:author", AUTHOR_SCORE)]
