"""The fast YAML emitter writes exactly what PyYAML's safe dumper writes (its reference)."""
import random

import pytest

from pipeline.outputs.yaml_emit import Unsupported, emit
from pipeline.outputs.yaml_io import dump_yaml, load_yaml, pyyaml_dump

TRICKY = [
    "", " ", " lead", "trail ", "中共中央", "中文：引号“”《》（）、。", "习近平·总书记", "a: b", "a:b", "- a", "-a",
    "a #b", "a#b", "a'b", "'q'", '"q"', "2024-01-05", "2024-01-05 09:08:44", "12", "0x1F", "1_000", "1e3",
    ".5", "+1", "-1", "yes", "No", "on", "~", "null", "NULL", "true", "=", "<<", "---x", "...", "---", "? x",
    "[a]", "{a}", "a, b", "&a", "*a", "!a", "|a", ">a", "%a", "@a", "`a", "tab\there", "emoji 😀", "line\u2028sep",
    "bell\x07", "\ufeffbom", "ORG:中关村实验室党委", "PERSON:傅首清", "http://example.org/a?b=c", "a  b", "0.5",
    "NaN", ".inf", "第十四届全国人民代表大会第二次会议", "１２３ＡＢＣ", "x" * 300,
    "a:", ":a", "a::b", "a:b:c", "a :b", "a:b ", "a: ", "1:20", "190:20:30", "中:", "PERSON:李强:副", "Yes:no", "x:#",
    "x:\u3000y", "x:-", "null:", "ORG:a b", "on:",
]
NUMBERS = [0, 1, -5, 10**20, 0.0, -0.0, 0.5, 1e-7, 1e16, 123456.789, float("inf"), float("-inf"), float("nan"), True,
           False, None, 1.0, 2.5e20, -1e300, 5e-324, 1e-5, 0.0001, 12345678901234567.0]


def same_as_pyyaml(data):
    try:
        assert emit(data, pyyaml_dump) == pyyaml_dump(data)
    except Unsupported:
        pass
    assert dump_yaml(data) == pyyaml_dump(data)


@pytest.mark.parametrize("value", TRICKY + NUMBERS)
def test_scalars_as_values_items_and_keys(value):
    same_as_pyyaml({"key": value, "list": [value, [value]], "nested": {"k": value}})
    if isinstance(value, str):
        same_as_pyyaml({value: 1, "after": [{value: value}]})


def test_containers():
    for data in ({"a": []}, {"a": {}}, [[1, 2], [3]], [[[]]], [{}], {"a": [{"b": 1, "c": [1, 2]}]},
                 [{"a": {"b": [{"c": []}]}}], {"a": [[{"x": 1}]]}):
        same_as_pyyaml(data)


def test_multi_line_strings_at_the_top_level_and_below():
    text = "标题\n\n新华社北京电\n  缩进的行\n最后一行 "
    same_as_pyyaml({"document": {"id": "x"}, "text": text, "entities": [{"name": "甲"}]})
    same_as_pyyaml({"entities": [{"evidence": text}]})


def test_random_documents_round_trip_and_match():
    rng = random.Random(3)

    def value(depth):
        kind = rng.random()
        if depth > 3 or kind < 0.5:
            return rng.choice(TRICKY + NUMBERS)
        if kind < 0.75:
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        return {rng.choice(TRICKY[2:]): value(depth + 1) for _ in range(rng.randrange(4))}

    for _ in range(300):
        data = {f"k{i}": value(0) for i in range(rng.randrange(1, 5))}
        same_as_pyyaml(data)
        assert load_yaml(dump_yaml(data)) == load_yaml(pyyaml_dump(data))


def test_what_it_does_not_cover_is_refused():
    from datetime import date

    for data in ({"d": date(2024, 1, 5)}, {1: "int key"}, {"t": (1, 2)}, "scalar", {}):
        with pytest.raises(Unsupported):
            emit(data, pyyaml_dump)


def test_quoted_strings_cache_stays_bounded_and_exact():
    from pipeline.outputs import yaml_emit

    yaml_emit.string_cache_clear()
    limit = yaml_emit._quoted.cache_info().maxsize
    assert limit == yaml_emit.QUOTED_CACHE
    stamps = [f"2024-01-05 09:{i // 60:02d}:{i % 60:02d}" for i in range(limit + 500)]  # each quoted once
    for stamp in stamps[:limit + 100]:
        assert emit({"published": stamp}, pyyaml_dump) == pyyaml_dump({"published": stamp})
    assert yaml_emit._quoted.cache_info().currsize == limit
    same_as_pyyaml({"days": ["2024-01-05", "2024-01-05", stamps[0]], "later": stamps[-1]})  # evicted, then again
    yaml_emit.string_cache_clear()
