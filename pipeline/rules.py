"""Load and validate the data under schemas/: entity types, recognition rules, aliases, relation rules.

Every file is read with the YAML safe loader and checked against its format, a JSON Schema of the
package's schemas/json/; an error names the file, the key and what was expected. The formats and
the list of entity types are always the package's own; another schemas folder (`ZHKG_SCHEMAS`,
`[paths] schemas`) brings other data in the same formats.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
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
LOCAL_PREFIXES = "市省区县"  # levels that end a place's name (北京市) and start its short forms (市委)


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


def load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_NoAliasSafeLoader)
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


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """Width-folded words without repeats, longest first (ties alphabetical): scans meet `主持召开` before `召开`."""
    return tuple(sorted(dict.fromkeys(fold(w) for w in words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class EntityType:
    name: str
    color: tuple[int, int, int]
    description: str = ""
    name_zh: str = ""


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
    name_final_chars: str
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
    name_keys: tuple[tuple[re.Pattern, str], ...] = ()
    event_name_starts: re.Pattern | None = None

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
class TriggerRule:
    name: str
    relation: str
    words: tuple[str, ...]
    order: str
    confidence: float
    regex: re.Pattern
    heads: frozenset[str] = frozenset()  # the head types this trigger takes, if fewer than its relation's
    needs_object: bool = False  # `召开会议`, not `大会召开`: the event it relates comes after it
    nominal_before: tuple[str, ...] = ()  # words before it that make it a noun, besides the common ones


@dataclass(frozen=True)
class RelationRules:
    types: dict[str, tuple[frozenset[str], frozenset[str]]]
    separators: tuple[str, ...]
    shared_title_separators: tuple[str, ...]
    max_gap_chars: int
    chain_confidence: float
    unattached_titles: frozenset[str]
    title_modifiers: tuple[str, ...]
    post_status: dict[str, tuple[str, ...]]
    sub_body_suffixes: tuple[str, ...]
    sub_body_confidence: float
    event_anaphora: tuple[str, ...]
    nominal: dict[str, tuple[str, ...]]  # before, after: words that make a trigger a noun
    time_markers: tuple[str, ...]
    held_verbs: tuple[str, ...]
    held_max_gap: int
    triggers: tuple[TriggerRule, ...]
    award_holder_words: tuple[str, ...]
    location_prepositions: tuple[str, ...]
    location_event_verbs: tuple[str, ...]
    location_based_verbs: tuple[str, ...]
    location_confidence: float
    award_event_confidence: float
    appointment_verbs: tuple[str, ...]
    appointment_skips: tuple[str, ...]
    appointment_confidence: float
    home_titles: dict[str, tuple[str, ...]]
    home_confidence: float
    ceremony_suffixes: tuple[str, ...]
    ceremony_confidence: float
    relative_markers: tuple[str, ...]

    def head_types(self, relation: str) -> frozenset[str]:
        return self.types.get(relation, (frozenset(), frozenset()))[0]

    def allows(self, relation: str, head_type: str, tail_type: str) -> bool:
        heads, tails = self.types.get(relation, (frozenset(), frozenset()))
        return head_type in heads and tail_type in tails


@dataclass(frozen=True)
class Schema:
    directory: Path
    entity_types: dict[str, EntityType]
    recognition: RecognitionRules
    gazetteer: Gazetteer
    aliases: Aliases
    relations: RelationRules


def load_entity_types(directory: Path) -> dict[str, EntityType]:
    path = directory / "entity_types.yaml"
    data = load_yaml(path)
    validate(data, "entity_types", path)
    return {name: EntityType(name, tuple(v["color"]), v.get("description", ""), v.get("name_zh", ""))
            for name, v in data.items()}


@lru_cache(maxsize=1)
def package_entity_types() -> dict[str, EntityType]:
    """The package's own entity types (their colours and Chinese names), whatever folder the data comes from."""
    return load_entity_types(PACKAGE_SCHEMAS)


def load_recognition(directory: Path) -> RecognitionRules:
    path = directory / "recognition.yaml"
    data = load_yaml(path)
    validate(data, "recognition", path)
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
        name_final_chars=fold(data.get("name_final_chars", "")),
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
        name_keys=_name_keys(data.get("name_keys", []), path),
        event_name_starts=_regex(data.get("event_name_starts"), "event_name_starts", path),
    )


def _regex(pattern: str | None, key: str, path: Path) -> re.Pattern | None:
    try:
        return re.compile(pattern) if pattern else None
    except re.error as error:
        raise SchemaError(f"{path}: at key '{key}': not a valid regular expression: {error}") from None


def _name_keys(pairs: list[list[str]], path: Path) -> tuple[tuple[re.Pattern, str], ...]:
    keys = []
    for index, (pattern, replacement) in enumerate(pairs):
        try:
            regex = re.compile(pattern)
            regex.sub(replacement, "")
        except (re.error, IndexError) as error:
            raise SchemaError(f"{path}: at key 'name_keys/{index}': not a valid rewrite: {error}") from None
        keys.append((regex, replacement))
    return tuple(keys)


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


def load_aliases(directory: Path) -> Aliases:
    path = directory / "aliases.yaml"
    data = load_yaml(path) or {}
    validate(data, "aliases", path)
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


def _trigger_rules(data: list[dict], relations: Collection[str], path: Path) -> tuple[TriggerRule, ...]:
    triggers = []
    for rule in data:
        if rule["relation"] not in relations:
            raise SchemaError(f"{path}: at key triggers/{rule['name']}: unknown relation {rule['relation']!r}")
        words = _longest_first(rule.get("words", []))
        try:
            regex = re.compile("|".join([*rule.get("patterns", []), *map(re.escape, words)]))
        except re.error as error:
            raise SchemaError(f"{path}: at key triggers/{rule['name']}/patterns: "
                              f"not a valid regular expression: {error}") from None
        triggers.append(TriggerRule(rule["name"], rule["relation"], words, rule.get("order", "head_trigger_tail"),
                                    rule.get("confidence", 0.7), regex, frozenset(rule.get("heads", [])),
                                    rule.get("needs_object", False), tuple(rule.get("nominal_before", []))))
    return tuple(triggers)


def load_relation_rules(directory: Path) -> RelationRules:
    path = directory / "relations.yaml"
    data = load_yaml(path)
    validate(data, "relations", path)
    types = {name: (frozenset(v["head"]), frozenset(v["tail"])) for name, v in data["types"].items()}
    chain = data["title_chain"]
    location = data.get("location_words", {})
    appointments = data.get("appointments", {})
    home = data.get("home_titles", {})
    main_event = data.get("main_event", {})
    return RelationRules(
        types=types,
        separators=tuple(chain["separators"]),
        shared_title_separators=tuple(chain.get("shared_title_separators", [])),
        max_gap_chars=chain.get("max_gap_chars", 0),
        chain_confidence=chain.get("confidence", 0.85),
        unattached_titles=frozenset(chain.get("unattached_titles", [])),
        title_modifiers=_longest_first(chain.get("title_modifiers", [])),
        post_status={key: _longest_first(data.get("post_status", {}).get(key, []))
                     for key in ("former", "new", "appointing", "ending", "post_word")},
        sub_body_suffixes=_longest_first(data.get("sub_body_suffixes", [])),
        sub_body_confidence=data.get("sub_body_confidence", 0.8),
        event_anaphora=_longest_first(data.get("event_anaphora", [])),
        nominal={key: _longest_first(data.get("nominal_triggers", {}).get(key, [])) for key in ("before", "after")},
        time_markers=tuple(main_event.get("time_markers", [])),
        held_verbs=_longest_first(main_event.get("held_verbs", [])),
        held_max_gap=main_event.get("max_gap_chars", 0),
        triggers=_trigger_rules(data["triggers"], types, path),
        award_holder_words=_longest_first(data.get("award_holder_words", [])),
        location_prepositions=tuple(location.get("prepositions", [])),
        location_event_verbs=_longest_first(location.get("event_verbs", [])),
        location_based_verbs=_longest_first(location.get("based_verbs", [])),
        location_confidence=location.get("confidence", 0.75),
        award_event_confidence=data.get("award_event_confidence", 0.7),
        appointment_verbs=_longest_first(appointments.get("verbs", [])),
        appointment_skips=_longest_first(appointments.get("skip_before_verb", [])),
        appointment_confidence=appointments.get("confidence", 0.8),
        home_titles={title: tuple(heads) for title, heads in home.get("titles", {}).items()},
        home_confidence=home.get("confidence", 0.55),
        ceremony_suffixes=_longest_first(data.get("ceremony_suffixes", [])),
        ceremony_confidence=data.get("ceremony_confidence", 0.65),
        relative_markers=tuple(data.get("relative_markers", [])),
    )


@lru_cache(maxsize=8)
def load_schema(directory: str | Path | None = None) -> Schema:
    """Load and validate every schema file of `directory` (default: the repository's schemas/)."""
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
