"""pipeline.relations.pairs: candidates and their features, the model file, and how the model's
probabilities combine with the rules' relations."""
import json

import pytest

from pipeline.analysis.sentences import split_sentences
from pipeline.config import DEFAULT_RELATION_MODEL
from pipeline.records import Relation, Span
from pipeline.relations.pairs import MAX_GAP, Candidate, PairModel, candidates, combine, load_pair_model
from tests.conftest import anchored


def _keys(found):
    return {(c.relation, c.head, c.tail) for c in found}


def test_a_sentences_pairs_are_candidates_of_the_relations_their_types_allow(relation_rules):
    text = "王立新出席全省科技大会。"
    mentions = [anchored(text, "王立新", "PERSON"), anchored(text, "全省科技大会", "EVENT")]
    keys = _keys(candidates(text, split_sentences(text), mentions, relation_rules))
    assert keys == {("participated_in", "PERSON:王立新", "EVENT:全省科技大会"),
                    ("organized", "PERSON:王立新", "EVENT:全省科技大会")}


def test_candidates_carry_the_trigger_between_and_the_rules_that_found_them(relation_rules):
    text = "王立新出席全省科技大会。"
    mentions = [anchored(text, "王立新", "PERSON"), anchored(text, "全省科技大会", "EVENT")]
    found = [Relation("participated_in", "PERSON:王立新", "EVENT:全省科技大会", (), 0.75, "trigger:attend")]
    by_key = {(c.relation, c.head): c for c in candidates(text, split_sentences(text), mentions, relation_rules, found)}
    attended = by_key[("participated_in", "PERSON:王立新")].features
    assert "participated_in|ht|tb:attend" in attended and "participated_in|rule:trigger" in attended
    assert "organized|norule" in by_key[("organized", "PERSON:王立新")].features


def test_names_too_far_apart_or_in_other_sentences_are_no_candidates(relation_rules):
    far = "王立新" + "，" * (MAX_GAP + 1) + "全省科技大会。"
    apart = "王立新到会。全省科技大会开幕。"
    for text in (far, apart):
        mentions = [anchored(text, "王立新", "PERSON"), anchored(text, "全省科技大会", "EVENT")]
        assert candidates(text, split_sentences(text), mentions, relation_rules) == []


def test_a_sentence_without_the_main_event_relates_its_names_to_it(relation_rules):
    text = "全省科技大会开幕。王立新在会上讲话。"
    mentions = [anchored(text, "全省科技大会", "EVENT"), anchored(text, "王立新", "PERSON")]
    found = candidates(text, split_sentences(text), mentions, relation_rules, main_event="EVENT:全省科技大会")
    main = [c for c in found if c.sentence[0] > 0]
    assert _keys(main) == {("participated_in", "PERSON:王立新", "EVENT:全省科技大会"),
                           ("organized", "PERSON:王立新", "EVENT:全省科技大会")}
    assert any(f.endswith("|tr:attend") for f in main[0].features)


def test_a_name_in_the_formula_of_the_body_it_leads_is_no_candidate(relation_rules):
    text = "全省科技大会开幕。在以习近平同志为核心的党中央坚强领导下，王立新说。"
    mentions = [anchored(text, "全省科技大会", "EVENT"), anchored(text, "习近平", "PERSON"), anchored(text, "王立新", "PERSON")]
    found = candidates(text, split_sentences(text), mentions, relation_rules, main_event="EVENT:全省科技大会")
    assert {c.head for c in found if c.sentence[0] > 0} == {"PERSON:王立新"}


MODEL = PairModel({"participated_in": 1.0, "strong": 4.0, "weak": -4.0}, add_above={"participated_in": 0.9},
                  drop_below={"participated_in": 0.1})


def _candidate(*features, head="PERSON:甲", tail="EVENT:会"):
    return Candidate("participated_in", head, tail, (0, 4), ("participated_in", *features))


def test_the_model_adds_what_it_is_sure_of_and_drops_what_it_finds_unlikely():
    text = "甲乙出席。"
    rule = Relation("participated_in", "PERSON:甲", "EVENT:会", (), 0.75, "trigger:attend")
    kept = combine(text, [rule], [_candidate("strong")], MODEL)
    assert [(r.head, r.rule) for r in kept] == [("PERSON:甲", "trigger:attend")]
    assert kept[0].confidence == round(MODEL.relation_confidence(MODEL.probability(("participated_in", "strong"))), 3)
    assert combine(text, [rule], [_candidate("weak")], MODEL) == []
    added = combine(text, [], [_candidate("strong", head="PERSON:乙")], MODEL)
    assert [(r.head, r.rule) for r in added] == [("PERSON:乙", "learned")]
    assert combine(text, [], [_candidate(head="PERSON:乙")], MODEL) == []  # p = σ(1) < 0.9


def test_the_model_adds_no_other_event_to_a_name_where_the_rules_found_the_one_it_attends():
    text = "甲出席茶话会。"
    rule = Relation("participated_in", "PERSON:甲", "EVENT:茶话会", (Span(0, 7, text),), 0.75, "trigger:attend")
    named = Candidate("participated_in", "PERSON:甲", "EVENT:茶话会", (0, 7), ("participated_in", "strong"))
    other = Candidate("participated_in", "PERSON:甲", "EVENT:十五大", (0, 7), ("participated_in", "strong"))
    assert [r.tail for r in combine(text, [rule], [named, other], MODEL)] == ["EVENT:茶话会"]
    elsewhere = Candidate("participated_in", "PERSON:甲", "EVENT:十五大", (8, 12), ("participated_in", "strong"))
    assert [r.tail for r in combine(text + "甲到会。", [rule], [named, elsewhere], MODEL)] == ["EVENT:茶话会", "EVENT:十五大"]
    # the rules' event not named in the sentence (a bare `会议` taken for the main event): the model may name another
    referred = Candidate("participated_in", "PERSON:甲", "EVENT:茶话会", (0, 7), ("participated_in", "participated_in|main"))
    assert [r.tail for r in combine(text, [rule], [referred, other], MODEL)] == ["EVENT:茶话会", "EVENT:十五大"]


def test_the_model_adds_no_event_to_a_name_the_rules_found_appointed_in_the_sentence():
    text = "会上宣布甲为国务院副总理。乙出席。"
    appointed = Relation("holds_position", "PERSON:甲", "ORG:国务院", (Span(4, 12, text[4:12]),), 0.8, "appointment",
                         title="副总理", status="new")
    sure = Candidate("participated_in", "PERSON:甲", "EVENT:会", (0, 13), ("participated_in", "strong"))
    assert [r.type for r in combine(text, [appointed], [sure], MODEL)] == ["holds_position"]
    other = Candidate("participated_in", "PERSON:甲", "EVENT:会", (13, 17), ("participated_in", "strong"))
    assert [r.rule for r in combine(text, [appointed], [other], MODEL)] == ["appointment", "learned"]  # another sentence


def test_a_relation_without_a_candidate_keeps_its_rules_confidence():
    rule = Relation("part_of", "ORG:甲党委", "ORG:甲", (), 0.8, "sub_body")
    assert combine("甲党委", [rule], [], MODEL) == [rule]


def test_the_model_file_round_trips_and_refuses_other_formats(tmp_path):
    (tmp_path / "pairs.json").write_text(json.dumps(MODEL.to_json()), encoding="utf-8")
    assert load_pair_model(tmp_path) == MODEL
    assert load_pair_model(tmp_path / "missing") is None
    with pytest.raises(ValueError, match="zhkg-pairs"):
        PairModel.from_json({"format": "other", "weights": {}})


def test_the_shipped_model_was_trained_on_the_training_gold():
    model = load_pair_model(DEFAULT_RELATION_MODEL)
    if model is None:
        pytest.skip("no shipped pair model")
    assert model.meta["trained_on"] == "train"
    assert set(model.add_above) <= {"participated_in", "organized", "received", "awarded_by", "located_in", "part_of"}
    assert 0.0 < model.relation_confidence(0.5) < 1.0


def test_features_from_a_shared_pair_context_equal_those_computed_alone(relation_rules):
    from pipeline.relations.pairs import pair_context, pair_features

    text = "王立新出席全省科技大会，并向大会颁发奖项。"
    sentence, breaks = (0, len(text)), [11]
    person, event = anchored(text, "王立新", "PERSON"), anchored(text, "全省科技大会", "EVENT")
    context = pair_context(text, sentence, breaks, person, event, relation_rules)
    for head, tail in ((person, event), (event, person)):
        for relation in ("participated_in", "organized"):
            alone = pair_features(text, sentence, breaks, head, tail, relation, relation_rules, {"trigger"}, True)
            assert pair_features(text, sentence, breaks, head, tail, relation, relation_rules, {"trigger"}, True,
                                 context) == alone
    assert "participated_in|ht|tb:attend" in pair_features(text, sentence, breaks, person, event, "participated_in",
                                                           relation_rules, set(), False, context)
