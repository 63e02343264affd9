"""pipeline.training.pairs: labels by the scorer's matching, the logistic fit, its calibration
and the thresholds chosen on held-out documents (no shared data needed)."""
import math

from pipeline.training.pairs import Example, calibration_error, fit, gold_matcher, platt, raw_score, thresholds

GOLD = {
    "entities": [{"type": "PERSON", "name": "王立新", "aliases": ["王立新同志"]},
                 {"type": "EVENT", "name": "全省科技大会", "aliases": ["大会"]},
                 {"type": "EVENT", "name": "全省科技大会开幕式"}],
    "relations": [{"head": "王立新", "type": "participated_in", "tail": "全省科技大会"},
                  {"head": "王立新", "type": "participated_in", "tail": "全省科技大会开幕式", "optional": True}],
}


def test_labels_follow_the_scorers_matching_and_leave_optional_relations_out():
    label = gold_matcher(GOLD)
    assert label("participated_in", "王立新同志", "大会") == (1, 0)  # aliases match the first relation
    assert label("organized", "王立新", "全省科技大会") == (0, -1)
    assert label("participated_in", "王立新", "全省科技大会开幕式") == (None, -1)


def _examples():
    out = []
    for i in range(40):
        out.append(Example(f"d{i % 4}", ("participated_in", f"P{i}", "E"), ("bias", "good"), 1, False))
        out.append(Example(f"d{i % 4}", ("participated_in", f"Q{i}", "E"), ("bias", "bad"), 0, False))
    return out


def test_the_fit_separates_what_its_features_separate():
    examples = _examples()
    weights = fit(examples)
    assert weights["good"] > 0 > weights["bad"]
    assert all((raw_score(weights, e.features) > 0) == bool(e.label) for e in examples)


def test_platt_scaling_and_the_calibration_error():
    scores = [-2.0] * 50 + [2.0] * 50
    labels = [0] * 45 + [1] * 5 + [1] * 45 + [0] * 5  # 90 % right at either end
    a, b = platt(scores, labels)
    p = 1 / (1 + math.exp(-(a * 2.0 + b)))
    assert abs(p - 0.9) < 0.02
    assert calibration_error([0.9] * 10, [1] * 9 + [0]) < 1e-9
    assert calibration_error([0.9] * 10, [0] * 10) == 0.9


def test_thresholds_add_only_where_held_out_f1_rises():
    rule_right = Example("d", ("participated_in", "A", "E"), (), 1, True)
    sure_right = Example("d", ("participated_in", "B", "E"), (), 1, False)
    unsure_wrong = Example("d", ("participated_in", "C", "E"), (), 0, False)
    add_above, drop_below, report = thresholds([rule_right, sure_right, unsure_wrong], [0.9, 0.95, 0.6],
                                               {"participated_in": 2})
    assert add_above == {"participated_in": 0.95} and drop_below == {}  # the surest of the equally good
    assert report["participated_in"]["rules_f1"] < report["participated_in"]["with_model_f1"] == 1.0


def test_thresholds_within_the_noise_of_the_best_take_the_most_conservative():
    """Of 200 gold relations the rules find 150; the model scores 30 right ones 0.85 and 3 right,
    1 wrong 0.72: adding those four gains less than F1_TOLERANCE, so the highest threshold that
    keeps the 30 is taken."""
    from pipeline.training.pairs import F1_TOLERANCE

    found = [Example("d", ("participated_in", f"R{i}", "E"), (), 1, True) for i in range(150)]
    sure = [Example("d", ("participated_in", f"S{i}", "E"), (), 1, False) for i in range(30)]
    unsure = [Example("d", ("participated_in", f"U{i}", "E"), (), int(i < 3), False) for i in range(4)]
    probs = [0.9] * 150 + [0.85] * 30 + [0.72] * 4
    add_above, _, report = thresholds(found + sure + unsure, probs, {"participated_in": 200})
    assert add_above == {"participated_in": 0.85}
    gain = 2 * 183 / (183 + 1 + 200) - report["participated_in"]["with_model_f1"]
    assert 0 < gain < F1_TOLERANCE


def test_two_pairs_matching_one_gold_relation_count_it_once():
    """Two entities the scorer both maps to one gold entity: the second pair is a false positive."""
    first = Example("d", ("located_in", "EVENT:会", "LOCATION:京"), (), 1, True, matched=0)
    second = Example("d", ("located_in", "EVENT:会", "LOCATION:北京"), (), 1, False, matched=0)
    _, _, report = thresholds([first, second], [0.9, 0.95], {"located_in": 1})
    assert report["located_in"]["rules_f1"] == 1.0
    assert report["located_in"]["with_model_f1"] == 1.0  # not 2·2/(2+0+1): adding the second gains nothing
