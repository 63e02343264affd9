"""Which characters of a text some span already covers, asked in time proportional to the span
(not to the number of spans marked): overlap checks stay linear on long documents."""
from __future__ import annotations


class Coverage:
    def __init__(self, length: int, spans: list[tuple[int, int]] = ()):
        self._covered = bytearray(length)
        for start, end in spans:
            self.mark(start, end)

    def mark(self, start: int, end: int) -> None:
        self._covered[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        """Whether no marked span overlaps [start, end)."""
        return self._covered.find(1, start, end) == -1
