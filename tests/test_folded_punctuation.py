"""The rules see width-folded text (`pipeline.ingest.textnorm.fold`: `，` becomes `,`, `；` `;`, `：` `:`,
`！` `!`, `？` `?`, `（` `(`): a character class of a pattern that stops at a full-width mark must stop at
its folded form too, or it runs on across the clause it was written to stay in."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from pipeline.ingest.textnorm import fold

ROOT = Path(__file__).resolve().parents[1]
FULL_WIDTH_MARKS = "，；：！？（）"
CHARACTER_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
RULE_STAGES = ("analysis", "relations")  # the code that reads the analysed text


def strings_of(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_of(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_of(v)]
    return []


def pattern_strings() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "schemas").glob("*.yaml")):
        found += [(path.name, s) for s in strings_of(yaml.safe_load(path.read_text(encoding="utf-8")))]
    for path in sorted(p for stage in RULE_STAGES for p in (ROOT / "pipeline" / stage).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [(path.name, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    return found


def unfolded(character_class: str) -> str:
    return "".join(fold(mark) for mark in FULL_WIDTH_MARKS if mark in character_class and fold(mark) not in character_class)


def test_every_class_with_a_full_width_mark_holds_its_folded_form():
    missing = [(where, c, unfolded(c)) for where, s in pattern_strings()
               for c in CHARACTER_CLASS.findall(s) if unfolded(c)]
    assert missing == []


def test_the_check_finds_a_class_without_the_folded_comma():
    assert unfolded("[^，。]") == "," and unfolded("[^，,。]") == ""
