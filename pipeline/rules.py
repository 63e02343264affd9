"""Load and validate the data under schemas/: entity types, recognition rules, relation rules.

Every file is read with the YAML safe loader and checked against a JSON Schema; an error
names the file, the key and what was expected.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from pipeline.ingest.textnorm import fold

SCHEMAS_ENV = "ZHKG_SCHEMAS"
ENTITY_TYPES = ("PERSON", "ORG", "LOCATION", "EVENT", "AWARD")


class SchemaError(ValueError):
    """A malformed file under schemas/ or a malformed config."""


def default_schemas_dir() -> Path:
    return Path(os.environ.get(SCHEMAS_ENV) or Path(__file__).resolve().parent.parent / "schemas")


def load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SchemaError(f"{path}: file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise SchemaError(f"{path}: not valid YAML: {error}") from None
    except OSError as error:
        raise SchemaError(f"{path}: cannot read: {error.strerror or error}") from None


def validate(data: Any, json_schema: dict, path: Path) -> None:
    errors = sorted(jsonschema.Draft202012Validator(json_schema).iter_errors(data), key=lambda e: list(e.path))
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


_STR_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
_RGB = {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 255}, "minItems": 3, "maxItems": 3}

ENTITY_TYPES_SCHEMA = {
    "type": "object",
    "propertyNames": {"enum": list(ENTITY_TYPES)},
    "additionalProperties": {
        "type": "object",
        "required": ["color"],
        "properties": {"description": {"type": "string"}, "color": _RGB},
        "additionalProperties": False,
    },
}

RECOGNITION_SCHEMA = {
    "type": "object",
    "required": ["lexicons", "titles", "honorifics", "chunkers", "stop_words", "generic_chunks", "patterns"],
    "additionalProperties": False,
    "properties": {
        "lexicons": {"type": "object", "additionalProperties": {"type": "string"}},
        "never_entities": _STR_LIST,
        "trailing_junk": {"type": "string"},
        "weak_surnames": _STR_LIST,
        "titles": _STR_LIST,
        "honorifics": _STR_LIST,
        "non_names": _STR_LIST,
        "person_verbs": _STR_LIST,
        "speech_verbs": _STR_LIST,
        "stop_words": _STR_LIST,
        "protected_words": _STR_LIST,
        "generic_chunks": _STR_LIST,
        "false_suffix_followers": {"type": "object", "additionalProperties": _STR_LIST},
        "false_suffix_leaders": {"type": "object", "additionalProperties": _STR_LIST},
        "short_forms": {"type": "object", "propertyNames": {"enum": list(ENTITY_TYPES)}, "additionalProperties": _STR_LIST},
        "chunkers": {
            "type": "object",
            "propertyNames": {"enum": list(ENTITY_TYPES)},
            "additionalProperties": {
                "type": "object",
                "required": ["suffixes"],
                "additionalProperties": False,
                "properties": {
                    "suffixes": _STR_LIST,
                    "min_name_chars": {"type": "integer", "minimum": 0},
                    "max_chars": {"type": "integer", "minimum": 2},
                    "score": {"type": "number", "minimum": 0, "maximum": 1},
                    "anchored": {"type": "boolean"},
                    "strip_suffixes": _STR_LIST,
                },
            },
        },
        "patterns": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["label", "regex"],
                "additionalProperties": False,
                "properties": {
                    "label": {"enum": list(ENTITY_TYPES)},
                    "regex": {"type": "string", "minLength": 1},
                    "score": {"type": "number", "minimum": 0, "maximum": 1},
                },
            },
        },
    },
}


@dataclass(frozen=True)
class EntityType:
    name: str
    color: tuple[int, int, int]
    description: str = ""


@dataclass(frozen=True)
class Chunker:
    label: str
    suffixes: tuple[str, ...]
    min_name_chars: int = 2
    max_chars: int = 20
    score: float = 0.7
    anchored: bool = False
    strip_suffixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pattern:
    label: str
    regex: str
    score: float = 0.8


@dataclass(frozen=True)
class RecognitionRules:
    lexicons: dict[str, tuple[str, ...]]
    never_entities: frozenset[str]
    trailing_junk: str
    weak_surnames: frozenset[str]
    titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    extra_non_names: tuple[str, ...]
    person_verbs: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    stop_words: tuple[str, ...]
    protected_words: tuple[str, ...]
    generic_chunks: frozenset[str]
    false_suffix_followers: dict[str, tuple[str, ...]]
    false_suffix_leaders: dict[str, tuple[str, ...]]
    short_forms: dict[str, tuple[str, ...]]
    chunkers: tuple[Chunker, ...]
    patterns: tuple[Pattern, ...]

    @property
    def non_names(self) -> frozenset[str]:
        """Words that can never be a person's name."""
        return frozenset(self.person_verbs + self.titles + self.stop_words + self.honorifics + self.extra_non_names)


@dataclass(frozen=True)
class Gazetteer:
    """Known names by entity type, matched as phrases; `anchors` are place names that may
    start an organisation's name but are no entities by themselves."""

    names: dict[str, tuple[str, ...]]
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Aliases:
    """Known alias → canonical name, per entity type; organisation short form → full form."""

    canonical: dict[str, dict[str, str]]
    abbreviations: dict[str, str]

    def canonical_name(self, entity_type: str, name: str) -> str | None:
        return self.canonical.get(entity_type, {}).get(name)


@dataclass(frozen=True)
class Schema:
    directory: Path
    entity_types: dict[str, EntityType]
    recognition: RecognitionRules
    gazetteer: Gazetteer
    aliases: Aliases
    relations: Any


def _longest_first(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(fold(w) for w in words), key=lambda w: (-len(w), w)))


def load_entity_types(directory: Path) -> dict[str, EntityType]:
    path = directory / "entity_types.yaml"
    data = load_yaml(path)
    validate(data, ENTITY_TYPES_SCHEMA, path)
    return {name: EntityType(name, tuple(v["color"]), v.get("description", "")) for name, v in data.items()}


def load_recognition(directory: Path) -> RecognitionRules:
    path = directory / "recognition.yaml"
    data = load_yaml(path)
    validate(data, RECOGNITION_SCHEMA, path)
    for index, pattern in enumerate(data["patterns"]):
        try:  # macros ({SURNAME}, {HAN_CLASS}, …) are expanded by recognition; any group will do here
            re.compile(re.sub(r"\{([A-Z][A-Z_]*)\}", "(?:x)", pattern["regex"]))
        except (re.error, OverflowError, RecursionError) as error:
            raise SchemaError(f"{path}: at key 'patterns/{index}/regex': not a valid regular expression: "
                              f"{error}") from None
    lexicons = {key: read_word_list(directory / rel) for key, rel in data["lexicons"].items()}
    return RecognitionRules(
        lexicons=lexicons,
        never_entities=frozenset(fold(w) for w in data.get("never_entities", [])),
        trailing_junk=fold(data.get("trailing_junk", "")),
        weak_surnames=frozenset(data.get("weak_surnames", [])),
        titles=_longest_first(data["titles"]),
        honorifics=_longest_first(data["honorifics"]),
        extra_non_names=tuple(data.get("non_names", [])),
        person_verbs=_longest_first(data.get("person_verbs", [])),
        speech_verbs=_longest_first(data.get("speech_verbs", [])),
        stop_words=_longest_first(data["stop_words"]),
        protected_words=_longest_first(data.get("protected_words", [])),
        generic_chunks=frozenset(fold(w) for w in data["generic_chunks"]),
        false_suffix_followers={k: tuple(v) for k, v in data.get("false_suffix_followers", {}).items()},
        false_suffix_leaders={k: tuple(v) for k, v in data.get("false_suffix_leaders", {}).items()},
        short_forms={k: _longest_first(v) for k, v in data.get("short_forms", {}).items()},
        chunkers=tuple(
            Chunker(label, _longest_first(spec["suffixes"]), spec.get("min_name_chars", 2),
                    spec.get("max_chars", 20), spec.get("score", 0.7), spec.get("anchored", False),
                    _longest_first(spec.get("strip_suffixes", [])))
            for label, spec in data["chunkers"].items()
        ),
        patterns=tuple(Pattern(p["label"], p["regex"], p.get("score", 0.8)) for p in data["patterns"]),
    )


GAZETTEER_FILES = {
    "PERSON": ["lexicons/people.txt"],
    "ORG": ["lexicons/organizations.txt"],
    "LOCATION": ["lexicons/countries.txt", "lexicons/admin_places.txt"],
    "EVENT": ["lexicons/events.txt"],
}
ANCHOR_FILE = "lexicons/place_anchors.txt"


def load_gazetteer(directory: Path) -> Gazetteer:
    names = {
        label: tuple(dict.fromkeys(w for rel in files for w in read_word_list(directory / rel)))
        for label, files in GAZETTEER_FILES.items()
    }
    return Gazetteer(names, read_word_list(directory / ANCHOR_FILE))


ALIASES_SCHEMA = {
    "type": "object",
    "propertyNames": {"enum": list(ENTITY_TYPES)},
    "additionalProperties": {"type": "object", "additionalProperties": _STR_LIST},
}


def load_aliases(directory: Path) -> Aliases:
    path = directory / "aliases.yaml"
    data = load_yaml(path) or {}
    validate(data, ALIASES_SCHEMA, path)
    canonical: dict[str, dict[str, str]] = {}
    for entity_type, entries in data.items():
        table = canonical.setdefault(entity_type, {})
        for name, aliases in entries.items():
            for form in [name, *aliases]:
                table[fold(form)] = fold(name)
    abbreviations = {}
    for line in read_word_list(directory / "lexicons/org_abbreviations.tsv"):
        short, _, full = line.partition("\t")
        if short and full:
            abbreviations[short] = full
    return Aliases(canonical, abbreviations)


@lru_cache(maxsize=8)
def load_schema(directory: str | Path | None = None) -> Schema:
    """Load and validate every schema file of `directory` (default: the repository's schemas/)."""
    from pipeline.relations import load_relation_rules

    path = Path(directory) if directory else default_schemas_dir()
    if not path.is_dir():
        raise SchemaError(f"{path}: schemas folder not found")
    return Schema(
        directory=path,
        entity_types=load_entity_types(path),
        recognition=load_recognition(path),
        gazetteer=load_gazetteer(path),
        aliases=load_aliases(path),
        relations=load_relation_rules(path),
    )
