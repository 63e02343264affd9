"""pipeline.ingest.ids: the run's document ids as hashes, compared ignoring case."""
from pathlib import Path

import pytest

from pipeline.ingest import ids as ids_module
from pipeline.ingest.ids import FoldedIds
from pipeline.ingest.reader import read_inputs
from pipeline.records import Document


@pytest.fixture
def small_recent(monkeypatch):
    """Merge into the sorted arrays every 5 ids, so that a few ids go through them."""
    monkeypatch.setattr(ids_module, "RECENT", 5)


def test_ids_are_found_ignoring_case_before_and_after_merging(small_recent):
    seen = FoldedIds()
    names = [f"News-{i}" for i in range(23)] + ["Straße", "ǅ"]
    assert all(seen.add(name) for name in names)
    assert len(seen) == len(names)
    assert seen._high is not None and len(seen._high) + len(seen._recent) == len(names)
    for name in names:
        assert name in seen and name.upper() in seen and name.lower() in seen
        assert not seen.add(name.swapcase())
    assert "STRASSE" in seen  # casefold, not lower: ß is ss
    assert "News-23" not in seen and "news-1x" not in seen
    assert len(seen) == len(names)


def test_arrays_stay_sorted_across_merges(small_recent):
    seen = FoldedIds()
    for i in range(41):
        seen.add(f"d{i}")
    pairs = list(zip(seen._high.tolist(), seen._low.tolist(), strict=True))
    assert pairs == sorted(pairs) and len(set(pairs)) == len(pairs)


def test_an_id_holds_no_string_of_it():
    seen = FoldedIds()
    seen.add("xwlb-2019-01-13-waauoy")
    assert all(isinstance(digest, bytes) and len(digest) == 16 for digest in seen._recent)


def test_repeated_ids_get_suffixes_across_merges(tmp_path: Path, small_recent):
    path = tmp_path / "feed.jsonl"
    lines = [f'{{"id": "doc{i % 7}", "text": "会议召开。"}}' for i in range(21)]
    lines += ['{"id": "DOC0", "text": "会议召开。"}', '{"id": "doc0-2", "text": "会议召开。"}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = [d.id for d in read_inputs([path]) if isinstance(d, Document)]
    assert got[:7] == [f"doc{i}" for i in range(7)]
    assert got[7:14] == [f"doc{i}-2" for i in range(7)] and got[14:21] == [f"doc{i}-3" for i in range(7)]
    assert got[21:] == ["DOC0-4", "doc0-2-2"]
    assert len({i.casefold() for i in got}) == len(got)
