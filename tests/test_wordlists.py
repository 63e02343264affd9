"""The word-list lookups give what trying every word of the list gives, longest first."""
import random

from pipeline.wordlists import ends_with_any, starts_with_any, word_at, words_ending


def longest_at(text: str, start: int, words: tuple[str, ...]) -> str | None:
    found = [w for w in words if text[start:start + len(w)] == w]
    return max(found, key=len) if found else None


def longest_ending(text: str, end: int, words: tuple[str, ...]) -> str | None:
    found = [w for w in words if len(w) <= end and text[end - len(w):end] == w]
    return max(found, key=len) if found else None


def test_lookups_match_trying_every_word_at_every_position():
    rng = random.Random(7)
    alphabet = "中国人民大会堂北京市委"
    for _ in range(300):
        words = tuple({"".join(rng.choices(alphabet, k=rng.randint(1, 4))) for _ in range(rng.randint(0, 12))}
                      | ({""} if rng.random() < 0.2 else set()))
        text = "".join(rng.choices(alphabet + "，", k=rng.randint(0, 15)))
        for position in range(-3, len(text) + 3):
            assert word_at(text, position, words) == longest_at(text, position, words), (text, position, words)
            assert ends_with_any(text, position, words) == longest_ending(text, position, words), (text, position, words)
        assert starts_with_any(text, words) == longest_at(text, 0, words)


def test_words_ending_lists_every_word_ending_there_the_longest_first():
    words = ("书记", "纪委书记", "委书记", "主任")
    assert words_ending("中央纪委书记", 6, words) == ["纪委书记", "委书记", "书记"]
    assert words_ending("中央纪委书记", 5, words) == []
