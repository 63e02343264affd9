"""Atomic file writes (a temporary file in the same folder, then a rename) and the removal of the
characters XML forbids, shared by the GraphML and GEXF writers."""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _file_mode() -> int:
    """The mode a plain `open()` would give a new file under the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


def atomic_write(path: Path, write: Callable[[Any], None], mode: str = "w") -> None:
    """Write through a temporary file in the same folder, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, FILE_MODE)
        with os.fdopen(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as handle:
            write(handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_ID_ESCAPES = {ord("\\"): "\\\\", 0xFFFE: "\\ufffe", 0xFFFF: "\\uffff",
               **{c: f"\\x{c:02x}" for c in range(0x20) if XML_ILLEGAL.match(chr(c))}}


def xml_id(value: Any) -> str:
    """A node or edge id as XML can hold it: the characters XML forbids written as `\\xNN`
    escapes and the backslash as `\\\\`, so that distinct ids stay distinct (`李\\x02强` is not
    `李强`); ids without either are unchanged."""
    return str(value).translate(_ID_ESCAPES)


def xml_value(value: Any) -> Any:
    """An attribute value as GraphML and GEXF hold it: lists joined by `|`, XML-illegal
    characters removed from text, other values as they are."""
    kind = type(value)  # the common types first, by identity
    if kind is str:
        return XML_ILLEGAL.sub("", value)
    if kind is int or kind is float:
        return value
    if isinstance(value, (list, tuple, set)):
        return "|".join(XML_ILLEGAL.sub("", str(v)) for v in value)
    if isinstance(value, str):
        return XML_ILLEGAL.sub("", value)
    return value
