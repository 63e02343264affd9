"""BILUO decoding of a character tagger's scores (pipeline.analysis.tagging)."""
import itertools

import numpy as np

from pipeline.analysis.tagging import biluo_scheme, decode

LABELS = ("O", "B-PERSON", "I-PERSON", "L-PERSON", "U-PERSON", "B-ORG", "I-ORG", "L-ORG", "U-ORG")
SCHEME = biluo_scheme(LABELS)


def scores_for(*tags: str, strength: float = 5.0) -> np.ndarray:
    """Scores that prefer the given tag at each position by `strength`."""
    scores = np.zeros((len(tags), len(LABELS)))
    for i, tag in enumerate(tags):
        scores[i, LABELS.index(tag)] = strength
    return scores


def valid(tags: tuple[str, ...]) -> bool:
    inside = None
    for tag in tags:
        move, kind = tag[0], tag[2:]
        if inside is not None:
            if move not in "IL" or kind != inside:
                return False
            inside = None if move == "L" else inside
        elif move in "IL":
            return False
        elif move == "B":
            inside = kind
    return inside is None


def brute_force(scores: np.ndarray) -> list[tuple[int, int, str]]:
    """Spans of the best valid tag sequence, by trying every sequence."""
    logp = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    best = max((tags for tags in itertools.product(LABELS, repeat=len(scores)) if valid(tags)),
               key=lambda tags: sum(logp[i, LABELS.index(t)] for i, t in enumerate(tags)))
    spans, start = [], None
    for i, tag in enumerate(best):
        if tag[0] in "BU":
            start = i
        if tag[0] in "LU":
            spans.append((start, i + 1, tag[2:]))
    return spans


def test_only_biluo_sequences_are_allowed():
    allowed = SCHEME.transition == 0
    index = LABELS.index
    assert allowed[index("B-PERSON"), index("I-PERSON")] and allowed[index("B-PERSON"), index("L-PERSON")]
    assert not allowed[index("B-PERSON"), index("L-ORG")] and not allowed[index("B-PERSON"), index("O")]
    assert allowed[index("L-ORG"), index("U-PERSON")] and allowed[index("O"), index("B-ORG")]
    assert not allowed[index("O"), index("I-ORG")] and not allowed[index("U-ORG"), index("L-ORG")]
    assert SCHEME.first[index("I-PERSON")] < 0 and SCHEME.first[index("U-ORG")] == 0


def test_clear_tags_give_their_spans():
    scores = scores_for("O", "B-PERSON", "L-PERSON", "O", "U-ORG", "B-ORG", "I-ORG", "L-ORG")
    assert decode([scores], SCHEME) == [[(1, 3, "PERSON"), (4, 5, "ORG"), (5, 8, "ORG")]]


def test_a_broken_sequence_is_repaired_not_dropped():
    # greedy tags B-PERSON I-PERSON O: the entity must end somewhere, and L-PERSON on the
    # second character is the next best there
    scores = scores_for("B-PERSON", "I-PERSON", "O")
    scores[1, LABELS.index("L-PERSON")] = 4.0
    assert decode([scores], SCHEME) == [[(0, 2, "PERSON")]]


def test_entities_never_cross_documents():
    first, second = scores_for("O", "B-ORG", "I-ORG"), scores_for("I-ORG", "L-ORG", "O")
    spans = decode([first, second], SCHEME)
    assert all(0 <= s < e <= 3 for doc in spans for s, e, _ in doc)
    assert not any(label == "ORG" and e - s == 4 for doc in spans for s, e, label in doc)


def test_the_best_valid_sequence_is_found():
    rng = np.random.default_rng(7)
    for length in (1, 2, 3, 4):
        for _ in range(15):
            scores = rng.normal(scale=1.5, size=(length, len(LABELS)))
            assert decode([scores], SCHEME) == [brute_force(scores)]


def test_empty_documents():
    assert decode([np.zeros((0, len(LABELS)))], SCHEME) == [[]]
    assert decode([np.zeros((0, len(LABELS))), scores_for("U-PERSON")], SCHEME) == [[], [(0, 1, "PERSON")]]


def test_the_recognizers_spans_lose_blanks_and_symbols_at_their_edges():
    import spacy

    from pipeline.analysis.recognizer import _unblanked

    doc = spacy.blank("zh").make_doc("\u2029李强 😀\n")
    tokens = [t.text for t in doc]
    assert _unblanked(doc, 0, len(tokens), "PERSON") == (1, 3, "PERSON")  # 李强
    assert _unblanked(doc, len(tokens) - 1, len(tokens), "PERSON") is None
