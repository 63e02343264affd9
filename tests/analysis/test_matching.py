"""pipeline.analysis.matching: the word alternation matches as the flat one does."""
import random
import re

from pipeline.analysis.matching import alternation


def _flat(words):
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def test_alternation_is_a_tree_of_shared_beginnings():
    assert alternation(["中央", "中国", "中", "国务院", "国"]) == "(?:国(?:务(?:院)|)|中(?:[国央]|))"
    assert alternation([]) == "(?:)" and alternation(["", "ab"]) == "(?:a(?:b)|)"


def test_alternation_finds_and_backtracks_as_the_flat_one():
    rng = random.Random(7)
    letters = "中国人民大会-].^"
    for _ in range(300):
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 8))]
        text = "".join(rng.choice(letters) for _ in range(40))
        for template in ("{}", "(?P<name>{}[中国]{{1,2}}?)(?=大会)", "{}(?=人)", "(?:{})+民"):
            tree, flat = (re.compile(template.format(a)) for a in (alternation(words), _flat(words)))
            assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)], words
