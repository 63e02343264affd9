"""pipeline.engine.batches: batches bounded by documents and by characters."""
from __future__ import annotations

from pathlib import Path

from pipeline.config import load_config
from pipeline.engine import batches as batches_module
from pipeline.engine.batches import batches
from pipeline.engine.runner import run
from pipeline.engine.workers import InlineEngine
from pipeline.records import Document
from tests.helpers import assert_same_outputs, make_corpus


def docs(*lengths: int) -> list[Document]:
    return [Document(id=f"d{i}", text="字" * n) for i, n in enumerate(lengths)]


def shape(documents: list[Document], size: int, chars: int | None = None) -> list[list[int]]:
    return [[len(d.text) for d in batch] for batch in batches(iter(documents), size, chars)]


def test_short_documents_are_batched_by_count():
    assert shape(docs(*[10] * 7), 3, 100) == [[10, 10, 10], [10, 10, 10], [10]]


def test_a_batch_ends_before_the_document_that_would_make_it_too_long():
    assert shape(docs(40, 50, 20, 90, 5, 5), 16, 100) == [[40, 50], [20], [90, 5, 5]]
    assert shape(docs(40, 60, 1), 16, 100) == [[40, 60], [1]]  # exactly the bound fits


def test_a_long_document_is_a_batch_of_its_own():
    assert shape(docs(5, 300, 5, 5), 16, 100) == [[5], [300], [5, 5]]
    assert shape(docs(300, 300), 16, 100) == [[300], [300]]


def test_every_document_once_in_order_and_none_read_beyond_a_full_batch():
    taken = []

    def reading():
        for document in docs(*[10] * 6):
            taken.append(document.id)
            yield document

    got = batches(reading(), 3, 1000)
    assert [d.id for d in next(got)] == ["d0", "d1", "d2"] and taken == ["d0", "d1", "d2"]
    assert [d.id for batch in got for d in batch] == ["d3", "d4", "d5"]
    assert list(batches(iter([]), 3)) == []


def test_the_default_bound_is_read_when_called(monkeypatch):
    monkeypatch.setattr(batches_module, "BATCH_CHARS", 25)
    assert shape(docs(10, 10, 10), 16) == [[10, 10], [10]]


def test_outputs_do_not_depend_on_the_character_bound(tmp_path: Path, extractor, monkeypatch):
    corpus = make_corpus(tmp_path / "in", 8)
    config = load_config()
    run([str(corpus)], tmp_path / "whole", config, extractor=extractor, warn=lambda m: None)
    monkeypatch.setattr(batches_module, "BATCH_CHARS", 40)  # shorter than any document: one a batch
    sizes = []
    submit = InlineEngine.submit
    monkeypatch.setattr(InlineEngine, "submit", lambda self, index, items: sizes.append(len(items)) or submit(self, index, items))
    report = run([str(corpus)], tmp_path / "split", config, extractor=extractor, warn=lambda m: None)
    assert report.documents == 8 and report.exit_status == 0 and sizes == [1] * 8
    assert_same_outputs(tmp_path / "split", tmp_path / "whole",
                        ("graph.yaml", "graph.graphml", "graph.gexf", "graph.json", "nodes.csv", "edges.csv"))
