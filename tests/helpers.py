"""Helpers shared by test modules: a small generated news corpus and output comparisons."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

PEOPLE = ["李强", "王建华", "张伟", "李明", "陈刚", "刘洋"]
ORGS = ["中关村实验室", "北京市司法局", "中国科协", "国务院", "清华大学"]


def news(i: int, variant: str = "") -> str:
    """The i-th generated news item (a meeting, a speaker, an award)."""
    org, person, other = ORGS[i % 5], PEOPLE[i % 6], PEOPLE[(i * 7) % 6]
    return (f"{org}召开第{i}次工作会议{variant}\n新华社 2024-08-{1 + i % 28:02d}\n{org}{1 + i % 28}日召开工作会议。"
            f"{org}主任{person}出席会议并讲话。{other}获得国家科技进步一等奖。\n")


def make_corpus(folder: Path, count: int) -> Path:
    """`count` generated news items as doc-NNNN.txt files in a new `folder`."""
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"doc-{i:04d}.txt").write_text(news(i), encoding="utf-8")
    return folder


def assert_same_outputs(a: Path, b: Path, graph_files: Iterable[str]) -> None:
    """Two output folders hold byte-identical document YAMLs and `graph_files`, and their
    run.yaml the same counts."""
    names = sorted(p.name for p in (a / "documents").iterdir())
    assert names == sorted(p.name for p in (b / "documents").iterdir())
    for name in names:
        assert (a / "documents" / name).read_bytes() == (b / "documents" / name).read_bytes(), name
    for name in graph_files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    ra, rb = (yaml.safe_load((x / "run.yaml").read_text(encoding="utf-8")) for x in (a, b))
    assert ra["counts"] == rb["counts"]


def assert_offsets_index_text(data: dict) -> None:
    """Every mention and evidence span of a document YAML's data is a slice of its text."""
    text = data["text"]
    for entity in data["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for relation in data["relations"]:
        for span in relation["evidence"]:
            assert text[span["start"]:span["end"]].strip() == span["text"]
