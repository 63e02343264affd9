"""Load and validate the data under schemas/: entity types, recognition rules, aliases, and
with `pipeline.relation_rules` the relation rules (`load_schema` reads them all). How the files
are read and checked is `pipeline.schema_files`."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from pipeline.aliases import Aliases, load_aliases
from pipeline.errors import SchemaError
from pipeline.ingest.textnorm import fold
from pipeline.relation_rules import RelationRules, load_relation_rules
from pipeline.schema_files import PACKAGE_SCHEMAS, default_schemas_dir, load_yaml, longest_first, read_word_list, validate

LOCAL_PREFIXES = "市省区县"  # levels that end a place's name (北京市) and start its short forms (市委)
NUMBER_DIGITS = "0-9一二三四五六七八九十百"  # the digits of a session's or a term's number (`第八十四次`, `十四届…一次`)
COUNTED_END = re.compile(f"[{NUMBER_DIGITS}]+[届次]$")  # a session's or a term's count: what an event's name holds


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
    joiners: tuple[str, ...] = ()
    name_verbs: tuple[str, ...] = ()  # stop words a name may hold after a verb of `opened_by`
    opened_by: tuple[str, ...] = ()
    book_titles: bool = False  # a book title right before a chunk is part of it
    stops_at_predicates: bool = False  # a verb or function word of lexicon PREDICATE stops it
    held_by: tuple[str, ...] = ()  # verbs of holding after a name that make it its sentence's subject
    part_heads: tuple[str, ...] = ()  # nouns of a part that a chunk of the whole before them names (`…锦标赛|游泳比赛`)
    hosted_heads: tuple[str, ...] = ()  # games named by their host right before them (`北京|冬奥会`), see `hosted_start`


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
    place_finals: str
    place_endings: tuple[str, ...]
    business_heads: tuple[str, ...]  # `西单|商场`: a shop's name, typed ORG
    people_heads: tuple[str, ...]
    unit_finals: str
    indefinites: str
    military_units: tuple[str, ...]
    strain_heads: tuple[str, ...]
    landform_terms: tuple[str, ...]
    region_terms: tuple[str, ...]  # `东北|地区`: a place's area, named with the place
    bank_terms: tuple[str, ...]  # `约旦河|西岸`: a river's bank, named with the river
    site_term_contractions: dict[str, str]  # `自贸港` → `自由贸易港`: a site's generic term contracted
    member_states: tuple[str, ...]  # `联合国安理会|常任理事国`: a state's role in a body, no part of its name
    line_heads: tuple[str, ...]  # `张吉怀|高铁`: a transport line's name before one, no person
    ceremonies: tuple[str, ...]  # `全球妇女峰会|开幕式`: the ceremony of the event named before it
    session_organs: tuple[str, ...]  # `十四届全国人大二次会议|主席团`: an organ of the session named before it
    ism_heads: tuple[str, ...]  # `马克思|主义`: an ideology named after its founder
    place_eponym_heads: tuple[str, ...]  # `奥斯陆|协议`, `乌克兰|危机`: what is named after a place
    body_eponym_heads: tuple[str, ...]  # `国务院|组织法`: a law named after the body it organises
    place_described: tuple[str, ...]  # `香港|公司`: a kind of body that a place alone before it describes
    common_kinds: tuple[str, ...]  # `职工|大会`: kinds of event that common nouns alone before them describe
    government_heads: tuple[str, ...]  # `克林顿|政府`: a government named by its head
    venue_heads: tuple[str, ...]  # `钓鱼台国|宾馆`: a name ending in one is a place's
    institution_heads: tuple[str, ...]  # `国家|博物馆`: a name ending in one is an organisation's
    place_generics: str
    word_place_generics: str
    sides: str
    side_starts: str
    distributives: str
    place_list_ends: tuple[str, ...]
    body_list_ends: tuple[str, ...]
    councils: tuple[str, ...]
    event_bodies: tuple[str, ...]
    mission_heads: tuple[str, ...]
    congress_holders: tuple[str, ...]
    congress_followers: tuple[str, ...]
    standing_forums: tuple[str, ...]
    standing_forum_posts: tuple[str, ...]
    seat_heads: tuple[str, ...]
    seat_prepositions: tuple[str, ...]
    seat_offices: tuple[str, ...]
    party_organs: tuple[str, ...]
    chain_organs: tuple[str, ...]
    body_organs: tuple[str, ...]
    level_bodies: tuple[str, ...]
    weak_surnames: frozenset[str]
    titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    extra_non_names: tuple[str, ...]
    person_verbs: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
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
    meeting_hold_verbs: tuple[str, ...] = ()
    meeting_verbs: tuple[str, ...] = ()
    meeting_kinds: tuple[str, ...] = ()
    meeting_ceremonies: frozenset[str] = frozenset()  # kinds of one award ceremony: in a document, one event
    object_heads: tuple[str, ...] = ()
    verbal_heads: tuple[str, ...] = ()
    term_determiners: tuple[str, ...] = ()
    offering_verbs: tuple[str, ...] = ()
    granting_verbs: tuple[str, ...] = ()
    sector_meetings: tuple[str, ...] = ()
    armed_group_heads: tuple[str, ...] = ()
    theme_verbs: frozenset[str] = frozenset()
    generic_parties: frozenset[str] = frozenset()
    policy_verbs: frozenset[str] = frozenset()
    resident_attributives: frozenset[str] = frozenset()
    place_heads: tuple[str, ...] = ()
    place_nouns: tuple[str, ...] = ()
    person_titles: tuple[str, ...] = ()

    @cached_property
    def non_names(self) -> frozenset[str]:
        """Words that can never be a person's name."""
        return frozenset(self.person_verbs + self.titles + self.stop_words + self.honorifics + self.extra_non_names)

    def names_no_person(self, name: str) -> bool:
        """Whether `name` is a word of `non_names`, a people's (`布朗族`: `people_heads`), or of three
        characters or more ends in a unit's suffix (`计划部`, `科技局`: `unit_finals`)."""
        return name in self.non_names or name.endswith(self.people_heads) or (len(name) >= 3 and name[-1] in self.unit_finals)

    @cached_property
    def strong_surnames(self) -> frozenset[str]:
        """The surnames of lexicon SURNAME that may anchor a name rule (all but `weak_surnames`)."""
        return frozenset(self.lexicons.get("SURNAME", ())) - self.weak_surnames

    @cached_property
    def place_full_forms(self) -> dict[str, tuple[str, ...]]:
        """One-character short forms of places → their full names (lexicon PLACE_SHORT)."""
        table = {}
        for line in self.lexicons.get("PLACE_SHORT", ()):
            short, _, fulls = line.partition("\t")
            table[short] = tuple(fulls.split("|"))
        return table

    @cached_property
    def known_places(self) -> frozenset[str]:
        """The places' names of lexicons PLACE and COUNTRY."""
        return frozenset(self.lexicons.get("PLACE", ()) + self.lexicons.get("COUNTRY", ()))

    def ends_as_place(self, name: str) -> bool:
        """Whether a person's `name` ends as only places' names do (`place_finals`, `place_endings`)."""
        return (len(name) >= 3 and name[-1] in self.place_finals) or (len(name) >= 4 and name.endswith(self.place_endings))

    def suffixes(self, label: str) -> tuple[str, ...]:
        """The suffixes of the chunker of `label` (`EVENT`: the kinds of events), none without one."""
        return next((c.suffixes for c in self.chunkers if c.label == label), ())

    @cached_property
    def title_words(self) -> frozenset[str]:
        return frozenset(self.titles)

    @cached_property
    def honour_kinds(self) -> frozenset[str]:
        """The kinds of honour that name none alone (`文明村镇`, `二等奖`): suffixes of the AWARD chunker in `generic_chunks`."""
        return frozenset(s for s in self.suffixes("AWARD") if s in self.generic_chunks)

    def names_nothing(self, name: str, etype: str) -> bool:
        """Whether `name` is no entity's: a word of `never_entities`, a bare title, or, not a person's, a
        name that holds an indefinite determiner (`辽宁某市公安局`) and is no military unit's
        (`中部战区陆军某师`): what it refers to the text leaves unnamed; nor is one not an event's that ends in
        a session's count (`全国政协十三届一次|会议`: the event's name cut)."""
        return name in self.never_entities or name in self.title_words or (etype != "PERSON" and any(
            c in name for c in self.indefinites) and not name.endswith(self.military_units)) or (
            etype != "EVENT" and COUNTED_END.search(name) is not None)

    def paired_places(self, name: str, document: str) -> bool:
        """Whether `name` is two places' one-character short forms, each of which `document` also
        writes in full (`川渝` beside 四川 and 重庆, `韩朝`, `中德`): the two places paired, not a
        person (`总统|比亚`, whose 比利时 and 亚洲 the text does not write)."""
        return len(name) == 2 and written_in_full(name, self.place_full_forms, document)


@dataclass(frozen=True)
class Gazetteer:
    """Known names by entity type, matched as phrases; `anchors` are place names that may
    start an organisation's name but are no entities by themselves."""

    names: dict[str, tuple[str, ...]]
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Schema:
    directory: Path
    entity_types: dict[str, EntityType]
    recognition: RecognitionRules
    gazetteer: Gazetteer
    aliases: Aliases
    relations: RelationRules


def written_in_full(name: str, full_forms: Mapping[str, tuple[str, ...]], document: str) -> bool:
    """Whether `document` writes in full each place whose one-character short form is a character of `name`
    (`full_forms`: short form → full names, `place_full_forms`)."""
    return all(any(full in document for full in full_forms.get(char, ())) for char in name)


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


def _check_patterns(patterns: list[dict], path: Path) -> None:
    """A `SchemaError` for the first pattern whose regex does not compile."""
    for index, pattern in enumerate(patterns):
        try:  # macros ({SURNAME}, {HAN_CLASS}, …) are expanded by recognition; any group will do here
            re.compile(re.sub(r"\{([A-Z][A-Z_]*)\}", "(?:x)", pattern["regex"]))
        except (re.error, OverflowError, RecursionError) as error:
            raise SchemaError(f"{path}: at key 'patterns/{index}/regex': not a valid regular expression: "
                              f"{error}") from None


# recognition.yaml's lists of words, each longest first (an absent list is empty)
WORD_LISTS = (
    "place_endings", "business_heads", "people_heads", "military_units", "strain_heads", "landform_terms", "region_terms",
    "bank_terms",
    "line_heads", "venue_heads", "ceremonies", "session_organs", "ism_heads", "place_eponym_heads",
    "body_eponym_heads", "place_described", "common_kinds",
    "government_heads", "institution_heads", "member_states",
    "place_list_ends", "body_list_ends", "councils", "event_bodies", "mission_heads", "congress_holders", "congress_followers",
    "standing_forums",
    "standing_forum_posts", "party_organs", "chain_organs",
    "body_organs", "level_bodies", "person_verbs", "speech_verbs", "seat_heads", "seat_prepositions",
    "seat_offices",
    "reporting_verbs",
    "protected_words", "object_heads", "verbal_heads", "term_determiners", "offering_verbs",
    "granting_verbs", "sector_meetings", "armed_group_heads",
)
# recognition.yaml's strings of characters, folded (an absent one is empty)
CHARACTER_SETS = (
    "trailing_junk", "place_finals", "unit_finals", "indefinites", "place_generics", "word_place_generics", "sides",
    "side_starts", "distributives",
)


def load_recognition(directory: Path) -> RecognitionRules:
    path = directory / "recognition.yaml"
    data = load_yaml(path)
    validate(data, "recognition", path)
    _check_patterns(data["patterns"], path)
    lexicons = {key: read_word_list(directory / rel) for key, rel in data["lexicons"].items()}
    return RecognitionRules(
        lexicons=lexicons,
        **{key: longest_first(data.get(key, [])) for key in WORD_LISTS},
        **{key: fold(data.get(key, "")) for key in CHARACTER_SETS},
        never_entities=frozenset(fold(w) for w in data.get("never_entities", [])),
        weak_surnames=frozenset(data.get("weak_surnames", [])),
        titles=longest_first(data["titles"]),
        honorifics=longest_first(data["honorifics"]),
        extra_non_names=tuple(data.get("non_names", [])),
        stop_words=longest_first(data["stop_words"]),
        generic_chunks=frozenset(fold(w) for w in data["generic_chunks"]),
        false_suffix_followers={k: tuple(v) for k, v in data.get("false_suffix_followers", {}).items()},
        site_term_contractions=dict(data.get("site_term_contractions", {})),
        false_suffix_leaders={k: tuple(v) for k, v in data.get("false_suffix_leaders", {}).items()},
        short_forms={k: longest_first(v) for k, v in data.get("short_forms", {}).items()},
        chunkers=tuple(
            Chunker(label, longest_first(spec["suffixes"]), spec.get("min_name_chars", 2),
                    spec.get("max_chars", 20), spec.get("score", 0.7), spec.get("anchored", False),
                    longest_first(spec.get("strip_suffixes", [])), tuple(spec.get("joiners", [])),
                    tuple(spec.get("name_verbs", [])), tuple(spec.get("opened_by", [])), spec.get("book_titles", False),
                    spec.get("stops_at_predicates", False), longest_first(spec.get("held_by", [])),
                    tuple(spec.get("part_heads", [])), longest_first(spec.get("hosted_heads", [])))
            for label, spec in data["chunkers"].items()
        ),
        patterns=tuple(Pattern(p["label"], p["regex"], p.get("score", 0.8)) for p in data["patterns"]),
        name_keys=_name_keys(data.get("name_keys", []), path),
        event_name_starts=_regex(data.get("event_name_starts"), "event_name_starts", path),
        meeting_hold_verbs=longest_first(data.get("unnamed_events", {}).get("hold_verbs", [])),
        meeting_verbs=longest_first(data.get("unnamed_events", {}).get("verbs", [])),
        meeting_kinds=longest_first(data.get("unnamed_events", {}).get("kinds", [])),
        meeting_ceremonies=frozenset(data.get("unnamed_events", {}).get("ceremonies", [])),
        theme_verbs=frozenset(data.get("theme_verbs", [])),
        generic_parties=frozenset(data.get("generic_parties", [])),
        policy_verbs=frozenset(data.get("policy_verbs", [])),
        resident_attributives=frozenset(data.get("resident_attributives", [])),
        place_heads=longest_first(data.get("place_contexts", {}).get("heads", [])),
        place_nouns=longest_first(data.get("place_contexts", {}).get("nouns", [])),
        person_titles=longest_first(data.get("person_contexts", {}).get("titles", [])),
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
    "LOCATION": ["lexicons/countries.txt", "lexicons/admin_places.txt", "lexicons/research_stations.txt"],
    "EVENT": ["lexicons/events.txt"],
}
ANCHOR_FILE = "lexicons/place_anchors.txt"


def load_gazetteer(directory: Path) -> Gazetteer:
    names = {
        label: tuple(dict.fromkeys(w for rel in files for w in read_word_list(directory / rel)))
        for label, files in GAZETTEER_FILES.items()
    }
    return Gazetteer(names, read_word_list(directory / ANCHOR_FILE))


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
