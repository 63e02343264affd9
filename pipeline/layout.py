"""The lines a paper's article opens with: its source line (`人民日报 1998-01-09`), after the title, and
the author line after it (`刘东仿`, `潘跃王萍`), who wrote the piece."""
from __future__ import annotations

import re

# a paper's source line (`人民日报 1998-01-09`): the name, then the date
SOURCE_LINE = re.compile(r"\s*(?P<name>\S+)\s+[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$")
SOURCE_LINE_REACH = 3  # the source line is among the document's first lines (after the title)


def author_line_bounds(text: str) -> tuple[int, int] | None:
    """Where the first line after the source line begins and ends, if a source line opens the document."""
    lines, pos = [], 0
    while len(lines) < SOURCE_LINE_REACH + 2 and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        if text[pos:end].strip():
            lines.append((pos, end))
        pos = end + 1
    source = next((i for i, bounds in enumerate(lines[:SOURCE_LINE_REACH]) if SOURCE_LINE.fullmatch(text, *bounds)), None)
    return None if source is None or source + 1 == len(lines) else lines[source + 1]
