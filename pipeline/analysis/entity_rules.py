"""Recognition stage: entity mentions from the statistical model and the rules of schemas/.

Pure functions find mentions (`analysed_mentions` of the recognizer and word analysis, `find_pattern_mentions`,
`find_chunk_mentions`, `trim_governing_predicates`, `merge_mentions`); the spaCy component `zhkg_entity_rules`
applies them to a `Doc` after the trained recognizer (`zhkg_ner`) and stores the result in `doc._.zhkg_mentions`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.analysis.analysed_mentions import (
    enumerated_people,
    model_mentions,
    titled_people,
    worded_level_bodies,
    worded_names,
    worded_parties,
    worded_people,
)
from pipeline.analysis.author_names import author_people
from pipeline.analysis.boundaries import (
    LEXICON_SOURCE,
    SESSION_NUMBER,
    bare_heads,
    distributed_chunks,
    trim_governing_predicates,
    unworded_people,
    without_leading_places,
)
from pipeline.analysis.brackets import balanced, bracketed_short_forms
from pipeline.analysis.ceremonies import ceremony_events
from pipeline.analysis.chunk_words import known_ends_of, purpose_heads, unworded_chunks
from pipeline.analysis.chunks import find_chunk_mentions
from pipeline.analysis.clauses import clause_predicates, verbal_meetings, without_clause_subjects, without_recipients
from pipeline.analysis.doctext import analysed_text, char_doc
from pipeline.analysis.former_marks import named_without_former
from pipeline.analysis.joined_names import (
    conjoined_bodies,
    joined_branches,
    joined_state_forms,
    placed_bodies,
    split_joined_names,
    split_listed_people,
)
from pipeline.analysis.joined_names import hyphenated_names as hyphenated
from pipeline.analysis.listed_names import after_listed_people, listed_bodies, listed_honours, listed_plenums, sector_meetings
from pipeline.analysis.matching import HAN_CLASS, alternation
from pipeline.analysis.model_spans import (
    PATTERN,
    at_word_start,
    to_name_word_end,
    trim_model_mention,
    without_edge_verbs,
    word_aligned,
)
from pipeline.analysis.name_edges import (
    begun_with_known_names,
    completed_people,
    conjoined_fields,
    dash_joined_names,
    session_bodies,
    without_leading_function_words,
    without_trailing_predicates,
)
from pipeline.analysis.organs import (
    abbreviated_governments,
    armed_groups,
    bracketed_factions,
    chain_organs,
    congress_holders,
    councils_as_bodies,
    crossing_event_bodies,
    event_bodies,
    led_governments,
    listed_level_bodies,
    organ_bodies,
    posted_missions,
    standing_forums,
    without_level_kinds,
)
from pipeline.analysis.place_words import short_form_pairs, unworded_places
from pipeline.analysis.places import (
    institutions,
    listed_places,
    people_named_after_titles,
    people_named_in_places,
    venues,
    without_demonyms,
    without_eponyms,
    without_strains,
)
from pipeline.analysis.propagation import abbreviated_mentions, propagate, short_form_mentions
from pipeline.analysis.unnamed_events import unnamed_events
from pipeline.analysis.wordindex import WordAnalysis, chunk_words, with_residents, word_analysis
from pipeline.records import Mention
from pipeline.rules import RecognitionRules, Schema, load_schema
from pipeline.spans import Coverage
from pipeline.wordlists import by_identity, ends_with_any, starts_with_any, word_at, word_set

WATERS = "河江湖"  # the generic terms of a river's or a lake's name, before the term of its bank (`约旦河|西岸`)
SHORE = "畔"  # the side of a river or a lake by its name (`黄浦江畔`, `鄱阳湖畔`): no part of the name
LEXICON_SCORE = 0.95
BLOCK = "_BLOCK"
ANCHOR = "_ANCHOR"
_MACRO = re.compile(r"\{([A-Z][A-Z_]*)\}")
if not Doc.has_extension("zhkg_mentions"):
    Doc.set_extension("zhkg_mentions", default=None)


@dataclass(frozen=True)
class CompiledPattern:
    label: str
    score: float
    regex: re.Pattern


def compile_patterns(rules: RecognitionRules) -> tuple[CompiledPattern, ...]:
    """Expand `{MACRO}`s in the schema's regexes and compile them."""
    macros = {
        "HAN": f"[{HAN_CLASS}]", "HAN_CLASS": HAN_CLASS,
        "SURNAME": alternation(s for s in rules.lexicons.get("SURNAME", ()) if s not in rules.weak_surnames),
        "ANY_SURNAME": alternation(rules.lexicons.get("SURNAME", ())),
        "TITLE": alternation(rules.titles),
        "HONORIFIC": alternation(rules.honorifics),
        "PERSON_VERB": alternation(rules.person_verbs),
        "SPEECH_VERB": alternation(rules.speech_verbs),
    }
    macros.update({k: alternation(v) for k, v in rules.lexicons.items() if k not in macros})

    def expand(match: re.Match) -> str:
        return macros.get(match.group(1), match.group(0))

    return tuple(CompiledPattern(p.label, p.score, re.compile(_MACRO.sub(expand, p.regex))) for p in rules.patterns)


def find_pattern_mentions(text: str, patterns: Iterable[CompiledPattern]) -> list[Mention]:
    """Mentions from regular expressions: the group `name` (or the whole match) is the entity."""
    found = []
    for pattern in patterns:
        for match in pattern.regex.finditer(text):
            group = "name" if "name" in pattern.regex.groupindex else 0
            start, end = match.span(group)
            if end > start:
                found.append(Mention(start, end, text[start:end], pattern.label, PATTERN, pattern.score))
    return found


def find_lexicon_mentions(doc: Doc, text: str, matcher: PhraseMatcher) -> list[Mention]:
    matches = matcher(doc)
    if not matches:
        return []
    offsets = doc.to_array([IDX, LENGTH])  # token start and length, without making Token objects
    mentions = []
    for match_id, start, end in matches:
        start_char, end_char = int(offsets[start, 0]), int(offsets[end - 1, 0] + offsets[end - 1, 1])
        label = doc.vocab.strings[match_id]
        mentions.append(Mention(start_char, end_char, text[start_char:end_char],
                                label, LEXICON_SOURCE, 2.0 if label == BLOCK else LEXICON_SCORE))
    return mentions


def clean_person(mention: Mention, rules: RecognitionRules, document: str = "") -> Mention | None:
    """Drop titles and honorifics glued to a person's name (`吴建平主任` → `吴建平`); a verb, a title, a people,
    a unit (`names_no_person`), a place's side (`中方`, `德方|愿`; `博方|愿` by the first character of a country
    `document` names, 博茨瓦纳) or two places of `document` paired is no name."""
    text, start, end = mention.text, mention.start, mention.end
    affixes = _person_affixes(rules)
    while True:
        suffix = ends_with_any(text, len(text), affixes)
        if suffix and len(text) - len(suffix) >= 2:
            text, end = text[: -len(suffix)], end - len(suffix)
            continue
        prefix = starts_with_any(text, affixes)
        if prefix and len(text) - len(prefix) >= 2:
            text, start = text[len(prefix):], start + len(prefix)
            continue
        break
    if len(text) < 2 or text in _common(rules) or rules.names_no_person(text):
        return None
    if text[0] in rules.place_full_forms and (text[1] in rules.side_starts or len(text) == 2 and (
            text[1] in rules.sides or rules.paired_places(text, document))):
        return None
    if text[1] in rules.side_starts and any(c.startswith(text[0]) and c in document for c in rules.lexicons.get("COUNTRY", ())):
        return None
    return Mention(start, end, text, mention.type, mention.source, mention.score)


@by_identity
def _person_affixes(rules: RecognitionRules) -> tuple[str, ...]:
    """The honorifics and titles glued to a person's name, one list per rule set."""
    return rules.honorifics + rules.titles


def _common(rules: RecognitionRules) -> frozenset[str]:
    """Common words a surname starts (`贺信`, `高度`, `王宫`: schemas/lexicons/common_words.txt): what a name pattern (title
    + surname + one or two characters) or the recognizer finds there is no person."""
    return word_set(rules.lexicons.get("COMMON", ()))


def _acceptable(mention: Mention, rules: RecognitionRules, document: str, words: WordAnalysis,
                listed: frozenset[str] = frozenset()) -> Mention | None:
    if "\n" in mention.text or "\r" in mention.text:
        return None
    mention = balanced(to_name_word_end(at_word_start(mention, words, document), words, document, rules.indefinites), document)
    if mention is None:
        return None
    if mention.source == "model" or (mention.type == "PERSON" and mention.text not in listed):  # `罗富和`: listed whole
        mention = trim_model_mention(mention, rules, document, words.long_word_starts)
        if mention is None:
            return None
    if rules.names_nothing(mention.text, mention.type):
        return None
    if mention.type == "LOCATION" and mention.text.endswith(SHORE) and mention.text[-2:-1] in WATERS:  # `黄浦江|畔`
        mention = Mention(mention.start, mention.end - 1, mention.text[:-1], mention.type, mention.source, mention.score)
    if mention.type == "PERSON" and rules.ends_as_place(mention.text):
        return Mention(mention.start, mention.end, mention.text, "LOCATION", mention.source, mention.score)
    if mention.type == "LOCATION" and len(mention.text) > 3 and mention.text.endswith(rules.business_heads):
        return Mention(mention.start, mention.end, mention.text, "ORG", mention.source, mention.score)
    end = mention.end
    while (landform := word_at(document, end, rules.landform_terms)) and not words.inside(end + len(landform), "v"):
        end += len(landform)
    # `耶尔穆克|盆地`: the landform's name; not a one-character place's (`云|贵|高原`), a country's, nor a verb's (`经济|带来`)
    if mention.type in ("PERSON", "LOCATION") and end > mention.end and len(mention.text) >= 2 and mention.text[-1] != "国":
        return Mention(mention.start, end, document[mention.start:end], "LOCATION", mention.source, mention.score)
    if mention.type == "LOCATION" and mention.text[-1] in WATERS and (bank := word_at(document, end, rules.bank_terms)):
        end += len(bank)
        mention = Mention(mention.start, end, document[mention.start:end], "LOCATION", mention.source, mention.score)
    if mention.type == "LOCATION" and len(mention.text) >= 2 and mention.text[-1] != "国" and (
            region := word_at(document, end, rules.region_terms)):
        return Mention(mention.start, end + len(region), document[mention.start:end + len(region)], "LOCATION",
                       mention.source, mention.score)
    if mention.type == "PERSON":
        line = word_at(document, mention.end, rules.line_heads) or mention.text.endswith(rules.line_heads)
        return None if line else clean_person(mention, rules, document)
    if len(mention.text) < 2 and (mention.score < 0.9 or mention.type != "LOCATION"):
        return None  # one-character places are short forms (`中`, `美`); no other name has one
    return mention


NESTABLE_INSIDE = {"EVENT": {"ORG", "PERSON"}, "AWARD": {"ORG", "PERSON", "EVENT"}}


ASSEMBLY = re.compile(r"全国(?:人大|人民代表大会)$")
SESSION = re.compile(f"第?{SESSION_NUMBER.pattern}")


def _nests(inner: Mention, outer: Mention) -> bool:
    """Whether `inner` may stand inside `outer`: of a type that nests there, and ending before it
    does: what ends an event's name is the event's own short name (`党的|十五大`), not a body. An
    assembly's term before a session's number is the session's (`十四届全国人大|二次会议`)."""
    return (outer.start <= inner.start and inner.end < outer.end
            and inner.type in NESTABLE_INSIDE.get(outer.type, ())
            and not (ASSEMBLY.search(inner.text) and SESSION.match(outer.text, inner.end - outer.start)))


def merge_mentions(candidates: Iterable[Mention], rules: RecognitionRules, document: str = "",
                   words: list[tuple[int, int, str]] | None = None, people: frozenset[str] = frozenset()) -> list[Mention]:
    """Resolve overlaps: longer, then more confident mentions win; an ORG or PERSON may nest inside an EVENT or AWARD name
    (`市直机关工委第六届文化艺术节`). `_BLOCK` candidates (phrases that are never entities) win their overlaps and are then
    dropped. `words`, the document's word analysis, tells a name's last character from a trailing function word, except in
    the names of the lexicon of `people` (`罗富和`, `魏凤和`)."""
    analysis = word_analysis(words)
    cleaned = [m if m.type == BLOCK else _acceptable(m, rules, document, analysis, people) for m in candidates]
    cleaned = [m for m in cleaned if m]
    cleaned.sort(key=lambda m: (-(m.end - m.start), -m.score, m.start))
    accepted: list[Mention] = []
    covering: dict[int, list[Mention]] = {}
    covered = Coverage(max((m.end for m in cleaned), default=0))
    for mention in cleaned:
        clash = not covered.free(mention.start, mention.end) and any(
            not _nests(mention, o) for pos in range(mention.start, mention.end) for o in covering.get(pos, ()))
        if not clash:
            accepted.append(mention)
            covered.mark(mention.start, mention.end)
            for pos in range(mention.start, mention.end):
                covering.setdefault(pos, []).append(mention)
    return sorted((m for m in accepted if m.type != BLOCK), key=lambda m: (m.start, m.end))


def known_name_starts(known: list[Mention], lexical: list[Mention], words: WordAnalysis | None, text: str,
                      stops: frozenset[str]) -> set[int]:
    """Where known bodies and places begin: a lexicon's (no place name inside a word, `园区|内`), the model's word-aligned."""
    inside = words.crossing if words else {}
    listed = {m.start for m in lexical if m.type in ("ORG", "LOCATION") or m.type == ANCHOR and m.start not in inside}
    return listed | word_aligned({m.start for m in known if m.type in ("ORG", "LOCATION")} - listed, words, text, stops)


class EntityRules:
    """spaCy component: model mentions + schema rules → `doc._.zhkg_mentions`."""

    def __init__(self, nlp: Language, schema: Schema):
        self.rules = schema.recognition
        self.patterns = compile_patterns(self.rules)
        self.all_surnames = frozenset(self.rules.lexicons.get("SURNAME", ()))
        self.surnames = self.rules.strong_surnames
        self.matcher = PhraseMatcher(nlp.vocab)
        for label, names in schema.gazetteer.names.items():
            self.matcher.add(label, [char_doc(nlp.vocab, n) for n in names if n not in self.rules.never_entities])
        familiar = {form for form, name in schema.aliases.canonical.get("PERSON", {}).items() if form != name}
        self.matcher.add("PERSON", [char_doc(nlp.vocab, form) for form in sorted(familiar)])  # `习主席`
        self.matcher.add(BLOCK, [char_doc(nlp.vocab, n) for n in self.rules.never_entities])
        self.matcher.add(ANCHOR, [char_doc(nlp.vocab, n) for n in schema.gazetteer.anchors])
        self.titles = word_set(self.rules.titles)
        self.no_name_starts = frozenset(self.rules.stop_words) | frozenset(self.rules.lexicons.get("PREDICATE", ()))
        self.bodies = word_set(self.rules.lexicons.get("BODY", ()))
        self.places = word_set(self.rules.lexicons.get("PLACE", ()))
        self.countries = word_set(self.rules.lexicons.get("COUNTRY", ()))
        self.chunk_suffixes = {c.label: c.suffixes for c in self.rules.chunkers}
        self.body_heads = purpose_heads(self.chunk_suffixes)
        self.aliases = schema.aliases
        self.people = frozenset(schema.gazetteer.names.get("PERSON", ()))
        self.known_orgs = frozenset(schema.gazetteer.names.get("ORG", ())) | frozenset(schema.aliases.canonical.get("ORG", {}))

    def __call__(self, doc: Doc) -> Doc:
        text = analysed_text(doc)
        lexical = find_lexicon_mentions(doc, text, self.matcher)
        known = model_mentions(doc, text) + [m for m in lexical if m.type != ANCHOR]
        words = with_residents(doc._.zhkg_words, text, self.rules.resident_attributives)
        anchors = known_name_starts(known, lexical, words, text, self.no_name_starts)
        chunks = find_chunk_mentions(text, self.rules, anchors, ends := known_ends_of(known), *chunk_words(words, ends))
        candidates = known + find_pattern_mentions(text, self.patterns) + chunks + listed_plenums(text)
        candidates += worded_people(text, words, self.all_surnames, candidates)
        candidates += listed_honours(text, candidates, self.rules.honour_kinds)
        candidates += worded_names(text, words, candidates, self.rules.word_place_generics) \
            + worded_level_bodies(text, words, candidates, self.chunk_suffixes.get("ORG", ()))
        candidates += worded_parties(text, words, [m for m in candidates if m.type != BLOCK], self.rules.generic_parties)
        candidates = trim_governing_predicates(without_leading_places(candidates), self.rules, text, words)
        candidates = without_clause_subjects(candidates, words, self.rules.generic_chunks, self.titles,
                                             frozenset(m.start for m in lexical if m.type == ANCHOR), self.body_heads)
        candidates = without_edge_verbs(without_trailing_predicates(candidates, words, text), words, self.rules.known_places)
        candidates = begun_with_known_names(candidates, text, words)
        candidates = session_bodies(completed_people(candidates, text, words, self.rules.word_place_generics), text, words)
        candidates = titled_people(candidates, text, self.rules.titles, words)
        candidates = without_leading_function_words(candidates, words, self.rules.term_determiners, self.rules.theme_verbs, text)
        candidates = conjoined_bodies(split_joined_names(candidates, self.known_orgs, self.rules.unit_finals),
                                      self.known_orgs, self.countries)
        candidates = unworded_chunks(unworded_people(candidates, words, text), words, self.chunk_suffixes, text, self.titles,
                                     self.bodies)
        candidates = short_form_pairs(unworded_places(candidates, words, text, self.rules.titles, self.rules.place_generics,
                                                      self.places, self.chunk_suffixes.get("LOCATION", ())),
                                      words, self.rules.place_full_forms, text)
        candidates = dash_joined_names(listed_places(candidates, words, text, self.rules.place_list_ends), text, words,
                                       self.known_orgs)
        candidates = conjoined_fields(candidates, words, text, self.rules.titles, self.chunk_suffixes.get("ORG", ()))
        candidates = sector_meetings(listed_bodies(candidates, text, words, self.rules.body_list_ends), text, words,
                                     self.rules.sector_meetings)
        candidates = bare_heads(distributed_chunks(candidates, words, text, self.rules.distributives), words,
                                self.rules.generic_chunks, self.rules.object_heads)
        candidates = clause_predicates(verbal_meetings(candidates, words, text, self.rules.verbal_heads), words, text, self.rules)
        candidates = without_recipients(candidates, text, self.rules.granting_verbs)
        candidates = crossing_event_bodies(after_listed_people(candidates, text), text, self.rules.event_bodies)
        candidates = posted_missions(candidates, text, words, self.rules.mission_heads, self.rules.place_full_forms)
        merged = merge_mentions(candidates, self.rules, text, words, self.people)
        added = short_form_mentions(text, merged, self.rules.short_forms, self.rules.party_organs, words) \
            + abbreviated_mentions(text, merged, self.aliases, self.known_orgs, words) \
            + enumerated_people(text, merged, self.surnames) + author_people(text, merged, self.all_surnames, self.surnames)
        merged = merge_mentions(merged + added, self.rules, text, words, self.people)
        merged = people_named_in_places(split_listed_people(merged), self.rules.place_finals, text,
                                        self.rules.place_heads, self.rules.place_nouns, self.places)
        merged = people_named_after_titles(merged, text, self.rules.person_titles, self.rules.known_places)
        merged = armed_groups(without_strains(merged, text, self.rules.strain_heads, self.rules.known_places), text, words,
                              self.rules.armed_group_heads, self.rules.known_places)
        merged = without_eponyms(merged, text, self.rules.ism_heads, self.rules.place_eponym_heads, self.rules.body_eponym_heads)
        merged = hyphenated(bracketed_short_forms(without_demonyms(merged, text, words), text, self.rules.generic_chunks), text,
                            self.rules.place_finals, self.rules.known_places)
        merged = joined_branches(joined_state_forms(merged, self.rules.known_places), self.rules.known_places)
        doc._.zhkg_mentions = unnamed_events(text, self._bodies(merged, text, words), self.rules, self.aliases)
        return doc

    def _bodies(self, merged: list[Mention], text: str, words: list[tuple[int, int, str]]) -> list[Mention]:
        """Bodies and places by what names them: their places, venues, events, organs, holders and heads."""
        merged = placed_bodies(merged, words, self.rules.known_places, self.known_orgs)
        merged = institutions(venues(merged, self.rules.venue_heads, self.rules.known_places, text, self.rules.titles,
                                     self.rules.seat_heads, self.rules.seat_prepositions, self.rules.seat_offices),
                              self.rules.institution_heads, self.rules.known_places)
        merged = councils_as_bodies(merged, self.rules.councils)
        merged = ceremony_events(merged, self.rules.ceremonies, self.chunk_suffixes.get("EVENT", ()), self.rules.session_organs)
        merged = standing_forums(merged, text, self.rules.standing_forums, self.rules.standing_forum_posts)
        merged = chain_organs(event_bodies(propagate(text, merged, words=words, local=self.rules.generic_chunks), text,
                                           self.rules.event_bodies), text, self.rules.chain_organs, self.rules.titles)
        merged = organ_bodies(congress_holders(bracketed_factions(merged, self.rules.congress_holders, text),
                                                self.rules.congress_holders, text, self.rules.congress_followers),
                              text, self.rules.body_organs, self.rules.place_generics, self.rules.generic_chunks)
        merged = listed_level_bodies(without_level_kinds(merged), text, self.rules.level_bodies, self.places)
        merged = led_governments(named_without_former(merged, words, text), text, self.rules.government_heads)
        return abbreviated_governments(merged, text, words, self.rules.government_heads, self.rules.place_full_forms,
                                       self.countries)


@Language.factory("zhkg_entity_rules", default_config={"schemas_dir": None},
                  requires=["doc._.zhkg_sentences"], assigns=["doc._.zhkg_mentions"])
def make_entity_rules(nlp: Language, name: str, schemas_dir: str | None) -> EntityRules:
    return EntityRules(nlp, load_schema(schemas_dir))
