"""The document summaries of a run, kept in an unnamed temporary file until the graph stage
merges them: the merged aggregates grow with the corpus, and built only once the analysis (its
models and worker processes) has ended, they are never held beside it. The documents' ids and
days are kept the same way (`DocumentLog`)."""
from __future__ import annotations

import marshal
import struct
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline.graph.build import GraphBuilder
from pipeline.records import DocumentSummary, summary_from_json

LENGTH = struct.Struct("<I")  # the bytes of each marshalled summary, before them


def spill_record(summary: DocumentSummary) -> bytes:
    """A summary as the spill file holds it (marshalled tuples)."""
    return marshal.dumps((summary["id"], summary["published"], [tuple(e) for e in summary["entities"]],
                          [tuple(r) for r in summary["relations"]]))


class SummarySpill:
    """Summaries appended in input order (`add`), merged by `builder()`; the file lives in
    `folder` (the output folder: its disk holds the run's files) and vanishes when closed."""

    def __init__(self, folder: Path):
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".zhkg-summaries-")

    def add(self, summary: DocumentSummary) -> None:
        self.add_record(spill_record(summary))

    def add_record(self, record: bytes) -> None:
        """A summary as `spill_record` gives it (made where the document was analysed)."""
        self._file.write(LENGTH.pack(len(record)) + record)

    def _summaries(self) -> Iterator[DocumentSummary]:
        self._file.seek(0)
        while header := self._file.read(LENGTH.size):
            doc_id, published, entities, relations = marshal.loads(self._file.read(LENGTH.unpack(header)[0]))
            yield summary_from_json({"id": doc_id, "published": published, "entities": entities,
                                     "relations": relations})

    def builder(self, doc_ids: Sequence[str]) -> GraphBuilder:
        """The merged graph aggregates of the summaries added, whose document ids are `doc_ids`
        (the graph's document lists then share these strings); the file is closed."""
        builder = GraphBuilder()
        with self._file:
            for doc_id, summary in zip(doc_ids, self._summaries(), strict=True):
                if summary["id"] == doc_id:
                    summary["id"] = doc_id  # one string for the id in the graph's lists and in `doc_ids`
                builder.add_summary(summary)
        return builder

    def close(self) -> None:
        self._file.close()


class DocumentLog:
    """The ids and publication days of a run's documents, in input order, kept in an unnamed
    temporary file until the analysis has ended (held as a list and a dict, they would grow with
    the corpus beside the workers); `read()` gives them back and closes the file."""

    def __init__(self, folder: Path):
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".zhkg-documents-")
        self.count = 0

    def add(self, doc_id: str, day: str | None) -> None:
        record = marshal.dumps((doc_id, day))
        self._file.write(LENGTH.pack(len(record)) + record)
        self.count += 1

    def read(self) -> tuple[list[str], dict[str, str]]:
        """The ids in the order added, and id → day for those with a day (one string per distinct
        day: many documents share one)."""
        ids: list[str] = []
        dates: dict[str, str] = {}
        days: dict[str, str] = {}
        with self._file:
            self._file.seek(0)
            while header := self._file.read(LENGTH.size):
                doc_id, day = marshal.loads(self._file.read(LENGTH.unpack(header)[0]))
                ids.append(doc_id)
                if day:
                    dates[doc_id] = days.setdefault(day, day)
        return ids, dates

    def close(self) -> None:
        self._file.close()
