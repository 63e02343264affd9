"""The files under schemas/: where they are, how they are read (the YAML safe loader without
aliases, UTF-8 word lists) and checked against their formats, the JSON Schemas of the package's
schemas/json/; an error names the file, the key and what was expected. The formats and the list
of entity types are always the package's own; another schemas folder (`ZHKG_SCHEMAS`,
`[paths] schemas`) brings other data in the same formats."""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from pipeline.errors import SchemaError
from pipeline.ingest.textnorm import fold


def _package_schemas() -> Path:
    """The package's schemas/: package data `pipeline/schemas` in an installed wheel (see
    pyproject.toml), the repository's top-level folder in a source checkout."""
    shipped = resources.files("pipeline") / "schemas"
    return Path(str(shipped)) if shipped.is_dir() else Path(__file__).resolve().parent.parent / "schemas"


PACKAGE_SCHEMAS = _package_schemas()
FORMATS = PACKAGE_SCHEMAS / "json"
SCHEMAS_ENV = "ZHKG_SCHEMAS"
ENTITY_TYPE_URI = "urn:zhkg:entity-type"


def default_schemas_dir() -> Path:
    return Path(os.environ.get(SCHEMAS_ENV) or PACKAGE_SCHEMAS)


class _NoAliasSafeLoader(yaml.SafeLoader):
    """The safe loader without aliases (`*name`): schemas need none, and nested ones make a
    small file stand for an exponentially large structure (a "billion laughs")."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"YAML aliases (*{event.anchor}) are not allowed",
                                              event.start_mark)
        return super().compose_node(parent, index)


# text without an anchor (`&name`) can hold no alias: libyaml's loader reads it, about ten times faster
_CSafeLoader = getattr(yaml, "CSafeLoader", _NoAliasSafeLoader)


def load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
        if "&" not in text:
            try:
                return yaml.load(text, Loader=_CSafeLoader)
            except yaml.YAMLError:
                pass  # read again below for the pure-Python loader's message, which quotes the line
        return yaml.load(text, Loader=_NoAliasSafeLoader)
    except FileNotFoundError:
        raise SchemaError(f"{path}: file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise SchemaError(f"{path}: not valid YAML: {error}") from None
    except OSError as error:
        raise SchemaError(f"{path}: cannot read: {error.strerror or error}") from None


# the one list of entity types: the names of the package's schemas/entity_types.yaml, in its order
ENTITY_TYPES: tuple[str, ...] = tuple(load_yaml(PACKAGE_SCHEMAS / "entity_types.yaml"))


@cache
def format_validator(name: str) -> jsonschema.Draft202012Validator:
    """The validator of schemas/json/<name>.schema.json, where `urn:zhkg:entity-type` is one of ENTITY_TYPES."""
    entity_type = DRAFT202012.create_resource({"enum": list(ENTITY_TYPES)})
    registry = Registry().with_resource(ENTITY_TYPE_URI, entity_type)
    json_schema = json.loads((FORMATS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(json_schema, registry=registry)


def validate(data: Any, format_name: str, path: Path) -> None:
    """Check `data`, read from `path`, against the format `format_name` (`recognition`, `relations`, …)."""
    errors = sorted(format_validator(format_name).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        error = errors[0]
        key = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise SchemaError(f"{path}: at key {key!r}: {error.message}")


def read_word_list(path: Path) -> tuple[str, ...]:
    """One word a line; `#` starts a comment line. Words are width-folded."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise SchemaError(f"{path}: lexicon file not found") from None
    except UnicodeDecodeError as error:
        raise SchemaError(f"{path}: not a UTF-8 word list: {error}") from None
    except OSError as error:
        raise SchemaError(f"{path}: cannot read the lexicon: {error.strerror or error}") from None
    return tuple(dict.fromkeys(fold(w.strip()) for w in lines if w.strip() and not w.startswith("#")))


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """Width-folded words without repeats, longest first (ties alphabetical): scans meet `主持召开` before `召开`."""
    return tuple(sorted(dict.fromkeys(fold(w) for w in words), key=lambda w: (-len(w), w)))
