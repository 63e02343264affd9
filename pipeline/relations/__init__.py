"""Relation stage: typed relations between a document's entities, from the rules in
schemas/relations.yaml, one module per construction family: `titles` (title chains,
appointments, home titles), `triggers` (trigger words), `attachments` (sub-bodies, award
holders, winners, places, ceremonies), `competitors` (who a contest's result is reported of);
`mentions` holds what they share (resolved mentions, clauses, coordination).

Every rule takes the document text, its sentences and its resolved mentions, and returns
`Relation` records that carry their evidence, confidence and rule name.
"""
from __future__ import annotations

from collections.abc import Iterable

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules
from pipeline.relations.appointments import (
    appointment_relations,
    apposed_post_relations,
    dismissal_relations,
    leading_relations,
)
from pipeline.relations.attachments import (
    award_event_relations,
    award_holder_relations,
    bracketed_host_relations,
    ceremony_relations,
    listed_sub_body_relations,
    named_conferrer_relations,
    office_holder_relations,
    own_meeting_relations,
    possessed_event_relations,
    roster_relations,
    session_group_relations,
    speaker_relations,
    sub_body_relations,
    winner_relations,
)
from pipeline.relations.competitors import competitor_relations
from pipeline.relations.counted_members import counted_members_relations
from pipeline.relations.deputies import listed_title_relations
from pipeline.relations.events import MainEvents
from pipeline.relations.frames import frame_relations, inline_frame_relations
from pipeline.relations.guests import guest_relations
from pipeline.relations.home_titles import home_title_relations
from pipeline.relations.locations import location_relations
from pipeline.relations.mentions import Anchored, with_glosses
from pipeline.relations.state_posts import implied_body_relations, place_body_relations
from pipeline.relations.titles import bare_title_mentions, ends_with_title, title_chain_relations
from pipeline.relations.triggers import WordCheck, trigger_relations
from pipeline.wordlists import ends_with_any, word_at

__all__ = ["Anchored", "MainEvents", "WordCheck", "extract_relations", "without_named_subjects"]


def extract_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                      entities: dict[str, tuple[str, str]], titles: tuple[str, ...],
                      main_event: MainEvents | str | None, rules: RelationRules,
                      is_word: WordCheck | None = None, verb_ends: frozenset[int] = frozenset(),
                      noun_starts: frozenset[int] = frozenset()) -> list[Relation]:
    """All relations of one document, deduplicated by (type, head, tail, title). `main_event`:
    the event the document is about, or each of its parts (`MainEvents`: a roundup's items).

    Organisations that name a post (a title chain's where written in it, or one a title follows) are left out of
    the trigger, holder and place rules: `国务院总理李强出席` is no relation of 国务院 with the event;
    so are events a title follows (`博鳌亚洲论坛理事长潘基文致辞`: the forum's office, not the event).
    `is_word`, `verb_ends` and `noun_starts` come from a word analysis: where a trigger is a whole word,
    where verbs end, where nouns begin."""
    mentions = with_glosses(text, mentions)
    chain = list(title_chain_relations(text, mentions, titles, rules))
    bare = bare_title_mentions(text, mentions, titles, chain, rules.group_titles, rules.title_compounds)
    mentions = sorted(mentions + bare, key=lambda m: (m.start, m.end))
    people_starts = frozenset(m.start for m in mentions if m.type == "PERSON")
    chain_orgs = {(org.start, org.end) for r, org in chain if r.evidence[0].start <= org.start} | {
        (m.start, m.end) for m in mentions if m.type in ("ORG", "EVENT")
        and ends_with_title(text, m.end, titles, rules.group_titles, people_starts)}
    free = [m for m in mentions if (m.start, m.end) not in chain_orgs]
    found: list[Relation] = [r for r, _ in chain]
    found += listed_title_relations(text, mentions, chain, titles, rules)
    titled = _titled(chain, text, titles, mentions)
    found += appointment_relations(text, mentions, titles, rules, sentences)
    found += dismissal_relations(text, mentions, titles, rules)
    found += apposed_post_relations(text, mentions, titles, rules)
    found += leading_relations(text, mentions, rules, titles)
    found += home_title_relations(text, mentions, titles, rules)
    found += counted_members_relations(text, mentions, titles, rules)
    found += implied_body_relations(text, mentions, rules)
    held = {(r.head, r.tail) for r in found if r.type == "holds_position"}
    found += [r for r in place_body_relations(text, mentions, rules) if (r.head, r.tail) not in held]  # one post, one title
    surfaces = dict.fromkeys((m.entity, text[m.start:m.end]) for m in mentions)
    found += sub_body_relations(entities, rules, surfaces)
    found += listed_sub_body_relations(text, mentions, found, rules)
    found += own_meeting_relations(entities, mentions, rules, surfaces)
    found += bracketed_host_relations(entities, rules, surfaces)
    found += named_conferrer_relations(entities, rules, surfaces)
    main_events = MainEvents.of(main_event)
    parts = list(main_events.split(sentences))
    for event, part in parts:
        found += trigger_relations(text, part, free, event, rules, is_word, verb_ends, titled)
    found += award_holder_relations(text, free, rules)
    found += winner_relations(text, sentences, free, entities, rules)
    found += location_relations(text, sentences, free, rules, main_events, noun_starts)
    found += frame_relations(text, sentences, free, rules, main_events)
    found += inline_frame_relations(text, free, titles, rules, main_events)
    found += possessed_event_relations(text, free, rules, noun_starts)
    found += award_event_relations(text, sentences, mentions, rules)
    found += roster_relations(text, mentions, main_events, titles, rules)
    found += speaker_relations(text, parts, free, entities, rules)
    found += competitor_relations(text, parts, free, entities, rules)
    found = _without_guests_holding(found, list(guest_relations(text, sentences, free, rules)))
    found += office_holder_relations(text, sentences, mentions, main_events, titles, rules)
    found += _ceremony_relations(mentions, entities, parts, rules, found)
    found += session_group_relations(found, main_events, rules)
    return merge_relations(found, entities, rules)


def _without_guests_holding(found: list[Relation], guests: list[Relation]) -> list[Relation]:
    """`found` and the `guests`' attendance, without a guest's holding of the reception held for them, which a holding
    verb's heads take in (`习近平和夫人彭丽媛…为米尔济约耶夫和夫人米尔济约耶娃|举行|欢迎仪式`: she is welcomed)."""
    welcomed = {(r.head, r.tail) for r in guests}
    return [r for r in found if r.type != "organized" or (r.head, r.tail) not in welcomed] + guests


def _titled(chain: list[tuple[Relation, Anchored]], text: str, titles: tuple[str, ...],
            mentions: list[Anchored]) -> dict[int, int]:
    """End → start of each name with its title chain (`中央办公厅主任丁薛祥`), from the chain's links, or
    with a country's post (`俄罗斯总统普京`), and the posts of no body listed before them
    (`国务委员、|国家民委主任司马义·艾买提`)."""
    starts: dict[int, int] = {}
    for relation, org in chain:
        end = relation.evidence[0].end
        starts[end] = min(starts.get(end, org.start), org.start)
    people = {m.start: m.end for m in mentions if m.type == "PERSON"}
    for place in (m for m in mentions if m.type == "LOCATION"):
        title = word_at(text, place.end, titles)
        if title and (end := people.get(place.end + len(title))):
            starts[end] = min(starts.get(end, place.start), place.start)
    for end, start in starts.items():
        while text[start - 1:start] == "、" and (title := ends_with_any(text, start - 1, titles)):
            start -= len(title) + 1
        starts[end] = start
    return starts


def _ceremony_relations(mentions: list[Anchored], entities: dict[str, tuple[str, str]],
                        parts: list[tuple[str | None, list[tuple[int, int]]]], rules: RelationRules,
                        found: list[Relation]) -> list[Relation]:
    """`ceremony_relations` of the document (`parts`: each main event with its sentences), which is
    about its main event and what its first sentence names; of each item of a roundup, about the
    item's event and its headline, among the entities the item names: one item's ceremony confers
    no other item's awards."""
    received = {r.tail for r in found if r.type == "received"}
    out: list[Relation] = []
    for event, part in parts:
        headline = part[0]
        about = {event} | {m.entity for m in mentions if headline[0] <= m.start < headline[1]}
        named = entities if len(parts) == 1 else {
            m.entity: entities[m.entity] for m in mentions if part[0][0] <= m.start < part[-1][1]}
        out += ceremony_relations(named, about, rules, received)
    return out


def merge_relations(found: Iterable[Relation], entities: dict[str, tuple[str, str]],
                    rules: RelationRules) -> list[Relation]:
    """The relations the type constraints allow, one per (type, head, tail, title): the most
    confident, with the evidence of all (at most five)."""
    merged: dict[tuple, Relation] = {}
    for relation in found:
        if relation.head == relation.tail:
            continue
        head_type, tail_type = entities[relation.head][0], entities[relation.tail][0]
        if not rules.allows(relation.type, head_type, tail_type):
            continue
        key = (relation.type, relation.head, relation.tail, relation.title)
        previous = merged.get(key)
        if previous is None:
            merged[key] = relation
        else:
            evidence = previous.evidence + tuple(e for e in relation.evidence if e not in previous.evidence)
            best = max(previous, relation, key=lambda r: r.confidence)
            merged[key] = Relation(best.type, best.head, best.tail, evidence[:5], best.confidence, best.rule,
                                   best.title, best.status)
    return list(merged.values())


def without_named_subjects(relations: list[Relation], entities: dict[str, tuple[str, str]],
                           rules: RelationRules) -> list[Relation]:
    """The relations but a person's part in an event whose name names the person (`陶铸` in
    `纪念陶铸诞辰90周年大会`: what the event is about), unless it is the person's own ceremony
    (`rules.own_ceremonies`: `卢拉就职仪式`)."""
    def named_subject(relation: Relation) -> bool:
        if relation.type != "participated_in":
            return False
        (head_type, person), (_, event) = entities.get(relation.head, ("", "")), entities.get(relation.tail, ("", ""))
        return head_type == "PERSON" and len(person) >= 2 and person in event and not event.endswith(rules.own_ceremonies)
    return [r for r in relations if not named_subject(r)]
