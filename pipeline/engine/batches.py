"""The batches a run's documents are analysed in: at most `[analysis] batch_size` documents and
`BATCH_CHARS` characters each. A batch's documents are analysed side by side (spaCy's pipe), so
a worker's memory during a batch grows with its characters: a batch of long documents would
otherwise raise the worker's peak, and its heap would stay that large for the rest of the run.
The outputs do not depend on how the documents are batched (tests/engine/test_batches.py)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.records import Document

BATCH_CHARS = 1 << 14


def batches(documents: Iterable[Document], size: int, chars: int | None = None) -> Iterator[list[Document]]:
    """`documents` in order, in lists of at most `size` documents and `chars` characters
    (`BATCH_CHARS` by default); a longer document is a batch of its own. A batch is given as
    soon as it is full, reading no document beyond it, except the one that would make it too long."""
    limit = BATCH_CHARS if chars is None else chars
    batch: list[Document] = []
    held = 0
    for document in documents:
        if batch and held + len(document.text) > limit:
            yield batch
            batch, held = [], 0
        batch.append(document)
        held += len(document.text)
        if len(batch) >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch
