"""The per-document chain after recognition, as the last two components of the zhkg spaCy
pipeline (`pipeline.analysis.nlp.load_nlp`): `zhkg_resolution` (mentions → one entity per
referent; the final mentions in `doc.spans["zhkg"]` and `doc.ents`) and `zhkg_relations` (typed
relations between them, with their evidence).

The `Doc`'s text is the analysed one (width-folded, traditional converted to simplified, of the
same length: `nlp.make_doc`); `doc._.zhkg_text` holds the document's own text when it was given
(`pipeline.analysis.nlp.make_doc`), and names, aliases and evidence are in that text."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.analysis.doctext import FOLDED_KEY, analysed_text
from pipeline.analysis.resolution import organs_as_written, resolve
from pipeline.analysis.segmentation import Segmenter, load_word_check, word_boundaries
from pipeline.analysis.sentences import split_sentences
from pipeline.analysis.wordindex import FOLLOWING_NOUNS
from pipeline.config import DEFAULT_RELATION_MODEL, DEFAULT_SEGMENTER
from pipeline.ingest.convert import original_names
from pipeline.ingest.textnorm import fold
from pipeline.records import Mention, Relation, Span
from pipeline.relations import Anchored, WordCheck, extract_relations, without_named_subjects
from pipeline.relations.bylines import dateline_relations, here_relations, reporter_relations
from pipeline.relations.events import MainEvents, choose_main_events
from pipeline.relations.locations import ceremony_place_relations, venue_relations
from pipeline.relations.mentions import without_doctrine_names, without_reporters
from pipeline.relations.pairs import candidates, combine, load_pair_model
from pipeline.relations.references import pronoun_mentions
from pipeline.rules import load_schema

SPANS_KEY = "zhkg"  # doc.spans[SPANS_KEY]: every final mention, labelled with its entity type

for _extension in ("zhkg_text", "zhkg_anchors", "zhkg_entities", "zhkg_relations"):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=None)


class Anchors(NamedTuple):
    """What resolution hands to the relation rules, on the analysed text: the mentions resolved
    to their entities, and each entity's (type, name)."""

    mentions: list[Anchored]
    entities: dict[str, tuple[str, str]]


class RuleFindings(NamedTuple):
    """The relations the rules find in a document, and the analysed text, sentences, anchors and
    main events they found them in (what the pair model's candidates come from)."""

    text: str
    sentences: list[tuple[int, int]]
    anchors: Anchors
    main_events: MainEvents
    relations: list[Relation]


def document_text(doc: Doc) -> str:
    """The text the offsets index and names are given in: `doc._.zhkg_text`, else `doc.text`."""
    return doc._.zhkg_text if doc._.zhkg_text is not None else analysed_text(doc)


class Resolution:
    """spaCy component: `doc._.zhkg_mentions` → one entity per referent (`doc._.zhkg_entities`),
    each final mention in `doc.spans["zhkg"]` (label: entity type, kb_id: entity id), the
    longest non-overlapping ones in `doc.ents`, and `doc._.zhkg_anchors` for the relations."""

    def __init__(self, schemas_dir: str | None):
        schema = load_schema(schemas_dir)
        self.rules, self.aliases = schema.recognition, schema.aliases

    def __call__(self, doc: Doc) -> Doc:
        text, original = analysed_text(doc), document_text(doc)
        mentions = doc._.zhkg_mentions or []
        entities, anchor = resolve(mentions, text, original, self.rules, self.aliases)
        anchored = [
            Anchored(m.start, m.end, m.type, anchor[(m.start, m.end, m.type)], nested=nested)
            for m, nested in zip(mentions, nested_flags(mentions)) if (m.start, m.end, m.type) in anchor
        ]
        doc._.zhkg_anchors = Anchors(anchored, {e.id: (e.type, e.name) for e in entities})
        spans = [span for e in entities for m in e.mentions
                 if (span := doc.char_span(m.start, m.end, label=e.type, kb_id=e.id)) is not None]
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: (s.start, s.end))
        doc.set_ents(filter_spans(spans))  # what `doc.ents = ` does, without making each span again
        # names and aliases in the document's own script and width (offsets are shared)
        folded = doc.user_data.get(FOLDED_KEY)
        entities = organs_as_written(entities, mentions, anchor, text)
        doc._.zhkg_entities = original_names(entities, text, fold(original) if folded is None else folded)
        return doc


class Relations:
    """spaCy component: `doc._.zhkg_anchors` → `doc._.zhkg_relations`, the relations of
    schemas/relations.yaml, combined with the learned pair model where there is one, of at
    least `min_confidence`, with their evidence; the organisations named only inside events' names and the people
    named only inside honours' that no relation has leave the document's entities (`named_only_inside_names`)."""

    def __init__(self, schemas_dir: str | None, segmenter: str, min_confidence: float, pair_model: str = "default"):
        schema = load_schema(schemas_dir)
        self.titles, self.rules = schema.recognition.titles, schema.relations
        self.event_kinds = frozenset(schema.recognition.suffixes("EVENT"))
        self.segmenter = {"default": DEFAULT_SEGMENTER, "none": None}.get(segmenter, Path(segmenter))
        self._pkuseg: Segmenter | None = None
        self.pair_model = load_pair_model({"default": DEFAULT_RELATION_MODEL, "none": None}.get(pair_model, pair_model))
        self.min_confidence = min_confidence

    def word_check(self, doc: Doc) -> WordCheck | None:
        """Where a trigger is a whole word: the recognizer's word analysis of `doc`, else the
        pkuseg segmenter (loaded the first time a document comes without one)."""
        if doc._.zhkg_words is not None:
            return word_boundaries(doc._.zhkg_words)
        if self._pkuseg is None and self.segmenter is not None:
            self._pkuseg = load_word_check(self.segmenter)
            self.segmenter = None if self._pkuseg is None else self.segmenter
        return self._pkuseg

    def rule_relations(self, doc: Doc) -> RuleFindings:
        """What the rules find in `doc`, with what they worked on: the mentions but a byline's, whose
        reporters hold 记者 at the body credited and take part in nothing they report, and but those of
        the people a doctrine is named after (`邓小平理论`)."""
        text = analysed_text(doc)
        anchors = doc._.zhkg_anchors or Anchors([], {})
        bylines = list(reporter_relations(text, anchors.mentions))
        mentions = without_reporters(text, anchors.mentions)
        anchors = anchors._replace(mentions=without_doctrine_names(text, mentions, self.rules.doctrine_heads))
        sentences = doc._.zhkg_sentences if doc._.zhkg_sentences is not None else split_sentences(text)
        is_word = self.word_check(doc)
        main_events = choose_main_events(text, anchors.mentions, self.rules, is_word)
        verb_ends = frozenset(end for _, end, pos in doc._.zhkg_words or () if pos == "v")
        noun_starts = frozenset(start for start, _, pos in doc._.zhkg_words or () if pos in FOLLOWING_NOUNS)
        pronouns = pronoun_mentions(text, sentences, anchors.mentions, doc._.zhkg_words or [])
        mentions = sorted(anchors.mentions + pronouns, key=lambda m: (m.start, m.end))
        relations = extract_relations(text, sentences, mentions, anchors.entities, self.titles, main_events,
                                      self.rules, is_word, verb_ends, noun_starts) + bylines
        place_words = {start: end for start, end, pos in doc._.zhkg_words or () if pos == "ns"}
        relations += dateline_relations(text, anchors.mentions, main_events.events[0], relations, place_words)
        relations += here_relations(text, anchors.mentions, relations)
        relations += venue_relations(text, anchors.mentions, relations, place_words, self.event_kinds)
        relations += ceremony_place_relations(anchors.mentions, relations, anchors.entities, self.rules)
        return RuleFindings(text, sentences, anchors, main_events, relations)

    def __call__(self, doc: Doc) -> Doc:
        text, sentences, anchors, main_events, relations = self.rule_relations(doc)
        if self.pair_model is not None:
            found = candidates(text, sentences, anchors.mentions, self.rules, relations, main_events)
            relations = combine(text, relations, found, self.pair_model)
        relations = [r for r in without_named_subjects(relations, anchors.entities, self.rules)
                     if r.confidence >= self.min_confidence]
        original = document_text(doc)
        doc._.zhkg_relations = [exact_evidence(r, original, sentences, anchors.mentions) for r in relations]
        unnamed = named_only_inside_names(anchors, relations)
        if unnamed:
            _without_entities(doc, unnamed)
        return doc


NAMED_INSIDE = {"ORG": "EVENT", "PERSON": "AWARD"}  # a name's type → that of the longer names it is no entity inside alone


def named_only_inside_names(anchors: Anchors, relations: list[Relation]) -> frozenset[str]:
    """The organisations the document names only inside events' names, and the people it names only inside honours'
    (`NAMED_INSIDE`), that relate to nothing (`中国共产党|第十五次全国代表大会`, `北约|国防部长会议`, `诺贝尔|物理学奖`): the
    guidelines annotate the longest name, and a body or a person inside it is an entity of its own only where it has a
    part in what is reported."""
    longer = {kind: [(m.start, m.end) for m in anchors.mentions if m.type == kind] for kind in NAMED_INSIDE.values()}
    inside, alone = set(), set()
    for m in anchors.mentions:
        if m.type in NAMED_INSIDE:
            nested = any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in longer[NAMED_INSIDE[m.type]])
            (inside if nested else alone).add(m.entity)
    related = {end for r in relations for end in (r.head, r.tail)}
    return frozenset(inside - alone - related)


def _without_entities(doc: Doc, ids: frozenset[str]) -> None:
    """`doc` without the entities `ids`: their spans, their `doc.ents` and their anchors."""
    doc._.zhkg_entities = [e for e in doc._.zhkg_entities if e.id not in ids]
    spans = [s for s in doc.spans[SPANS_KEY] if s.kb_id_ not in ids]
    doc.spans[SPANS_KEY] = spans
    doc.set_ents(filter_spans(spans))
    anchors = doc._.zhkg_anchors
    doc._.zhkg_anchors = Anchors([m for m in anchors.mentions if m.entity not in ids],
                                 {k: v for k, v in anchors.entities.items() if k not in ids})


def exact_evidence(relation: Relation, text: str, sentences: list[tuple[int, int]],
                   mentions: list[Anchored]) -> Relation:
    """`relation` with evidence whose offsets give exactly its text in `text` (the document's
    own), without the blanks around it. A relation that its rule gave no evidence (sub-bodies,
    ceremonies: from the names alone) quotes the first sentence that names both ends, else the
    first that names its head, else its tail."""
    spans = [_trimmed(text, span.start, span.end) for span in relation.evidence]
    named = {} if spans else {entity: [(m.start, m.end) for m in mentions if m.entity == entity]
                              for entity in (relation.head, relation.tail)}
    for wanted in ((relation.head, relation.tail), (relation.head,), (relation.tail,)) if not spans else ():
        sentence = next((s for s in sentences if all(_names(s, named[entity]) for entity in wanted)), None)
        if sentence:
            spans = [_trimmed(text, *sentence)]
            break
    return replace(relation, evidence=tuple(dict.fromkeys(s for s in spans if s.end > s.start)))


def _names(sentence: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(sentence[0] <= start and end <= sentence[1] for start, end in spans)


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


@Language.factory("zhkg_resolution", default_config={"schemas_dir": None},
                  requires=["doc._.zhkg_mentions"],
                  assigns=["doc._.zhkg_entities", "doc._.zhkg_anchors", "doc.spans", "doc.ents"])
def make_resolution(nlp: Language, name: str, schemas_dir: str | None) -> Resolution:
    return Resolution(schemas_dir)


@Language.factory("zhkg_relations", default_config={"schemas_dir": None, "segmenter": "default", "min_confidence": 0.0,
                                                    "pair_model": "default"},
                  requires=["doc._.zhkg_anchors", "doc._.zhkg_sentences"],
                  assigns=["doc._.zhkg_relations", "doc._.zhkg_entities", "doc._.zhkg_anchors", "doc.spans", "doc.ents"])
def make_relations(nlp: Language, name: str, schemas_dir: str | None, segmenter: str,
                   min_confidence: float, pair_model: str) -> Relations:
    """`segmenter`: the pkuseg folder whose words decide where a trigger is a whole word in a
    document the recognizer gave no word analysis: "default" (the shipped one), "none" or a
    folder. `pair_model`: the folder of the learned pair model (pipeline.relations.pairs):
    "default" (the shipped one), "none" (rules alone) or a folder."""
    return Relations(schemas_dir, segmenter, min_confidence, pair_model)


def nested_flags(mentions: list[Mention]) -> list[bool]:
    """For each mention, whether a longer one contains it (one sweep in start order)."""
    flags = [False] * len(mentions)
    widest = (-1, 0)  # (end, -start) of the widest mention seen so far
    for i in sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end)):
        m = mentions[i]
        flags[i] = widest[0] > m.end or (widest[0] == m.end and -widest[1] < m.start)
        widest = max(widest, (m.end, -m.start))
    return flags
