"""Block YAML for the plain data zhkg writes (dicts with string keys, lists, strings, numbers,
booleans, None): byte for byte what PyYAML's safe dumper writes with the options of `dump_yaml`,
in a fraction of its time (PyYAML builds and resolves a node for every value in Python).

Strings made only of letters, digits, CJK characters and punctuation that YAML gives no meaning
are written plain; any other string is rendered once by PyYAML itself and reused. Data this
module does not cover (another type, a multi-line string below the top level, a key of 128
characters or more) raises `Unsupported`, and the caller dumps it with PyYAML."""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import yaml

STR_TAG = "tag:yaml.org,2002:str"
FLOAT_TAG = "tag:yaml.org,2002:float"
_PLAIN = re.compile(  # a colon only within, followed by no blank (`PERSON:李强`): YAML's block plain allows it
    "[0-9A-Za-z_(\u00b7\u00d7\u2010-\u2027\u2030-\u205e\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff01-\uffee]"
    "(?:[0-9A-Za-z_()./+=\\- \u00b7\u00d7\u2010-\u2027\u2030-\u205e\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff01-\uffee]|:(?! |\\Z))*")
_BREAK = re.compile("[\n\r\x85\u2028\u2029]")  # what YAML reads as line breaks
_RESOLVER = yaml.resolver.Resolver()
MAX_KEY = 128  # longer keys are written as complex keys ("? ")


class Unsupported(Exception):
    """Data this emitter does not write the way PyYAML would."""


_PLAIN_LIMIT = 1 << 16
_plain: set[str] = set()  # strings seen to be written as they are (up to _PLAIN_LIMIT): callers test it first


def _string(text: str, dump: Callable[[Any], str]) -> str:
    """`text` as a YAML scalar on one line."""
    if text in _plain:
        return text
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and _read_as_string(text):
        if len(_plain) < _PLAIN_LIMIT:
            _plain.add(text)
        return text
    return _quoted(text, dump)


def _read_as_string(text: str) -> bool:
    """Whether YAML reads the plain scalar `text` (not empty) as a string: at once where no implicit
    resolver (bool, int, float, null, timestamp, …) starts with its first character."""
    resolvers = _RESOLVER.yaml_implicit_resolvers
    if text[0] not in resolvers and None not in resolvers and not _RESOLVER.yaml_path_resolvers:
        return True
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == STR_TAG


# Quoted strings are mostly each document's own (its publication time): a smaller cache keeps the
# ones that recur (a graph's days) without growing, over a long run, with the documents written.
QUOTED_CACHE = 1 << 12


@lru_cache(maxsize=QUOTED_CACHE)
def _quoted(text: str, dump: Callable[[Any], str]) -> str:
    """`text`, which YAML cannot hold plain, as PyYAML writes it on one line."""
    rendered = dump(text)
    rendered = rendered[: -len("\n...\n")] if rendered.endswith("\n...\n") else rendered.rstrip("\n")
    if _BREAK.search(rendered):
        raise Unsupported("a multi-line string")
    return rendered


def string_cache_clear() -> None:
    """Forget the strings seen (up to 65,536 plain and 4,096 quoted ones) once a large file is
    written."""
    _plain.clear()
    _quoted.cache_clear()


def _float(value: float) -> str:
    """SafeRepresenter.represent_float."""
    text = repr(value)
    if "e" not in text and "n" not in text:  # no exponent, nan or inf: as it is
        return text
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = text.lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text


def _scalar(value: Any, dump: Callable[[Any], str]) -> str:
    kind = type(value)  # the common types first, by identity
    if kind is str:
        return _string(value, dump)
    if kind is int:
        return str(value)
    if kind is float:
        return _float(value)
    if isinstance(value, str):
        return _string(value, dump)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if value == {} or value == []:
        return "{}" if isinstance(value, dict) else "[]"
    raise Unsupported(type(value).__name__)


def _mapping(data: dict, indent: int, out: list[str], dump: Callable[[Any], str], first: str | None = None) -> None:
    """`data` at `indent`; `first`: the first line's indent instead (`- ` of a sequence item)."""
    pad = " " * indent
    line_pad = pad if first is None else first
    for key, value in data.items():
        if not isinstance(key, str) or len(key) >= MAX_KEY:
            raise Unsupported("a key")
        key_text = key if key in _plain else _string(key, dump)
        kind = type(value)  # the common types first, by identity
        if kind is str:
            out.append(f"{line_pad}{key_text}: {value if value in _plain else _string(value, dump)}\n")
        elif kind is int:
            out.append(f"{line_pad}{key_text}: {value}\n")
        elif kind is float:
            out.append(f"{line_pad}{key_text}: {_float(value)}\n")
        elif isinstance(value, dict) and value:
            out.append(f"{line_pad}{key_text}:\n")
            _mapping(value, indent + 2, out, dump)
        elif isinstance(value, list) and value:
            out.append(f"{line_pad}{key_text}:\n")
            _sequence(value, indent, out, dump)  # a sequence in a mapping is not indented
        else:
            out.append(f"{line_pad}{key_text}: {_scalar(value, dump)}\n")
        line_pad = pad


def _sequence(items: list, indent: int, out: list[str], dump: Callable[[Any], str], first: str | None = None) -> None:
    """`items` at `indent`; `first`: the first line's indent instead (`- ` of a sequence item)."""
    pad = " " * indent
    item_pad = pad + "- "
    line_pad = item_pad if first is None else first + "- "
    for item in items:
        kind = type(item)
        if kind is str:
            out.append(f"{line_pad}{item if item in _plain else _string(item, dump)}\n")
        elif isinstance(item, (dict, list)) and item:
            (_mapping if isinstance(item, dict) else _sequence)(item, indent + 2, out, dump, line_pad)
        else:
            out.append(f"{line_pad}{_scalar(item, dump)}\n")
        line_pad = item_pad


def emit(data: Any, dump: Callable[[Any], str]) -> str:
    """`data` as block YAML; `dump` is PyYAML's dump with the same options, used for the
    strings that need quoting and for multi-line strings at the top level (raises
    `Unsupported` for what it cannot write exactly)."""
    out: list[str] = []
    if isinstance(data, dict) and data:
        for key, value in data.items():
            if isinstance(value, str) and _BREAK.search(value):
                out.append(dump({key: value}))
            else:
                _mapping({key: value}, 0, out, dump)
    elif isinstance(data, list) and data:
        _sequence(data, 0, out, dump)
    else:
        raise Unsupported("a scalar document")
    return "".join(out)
