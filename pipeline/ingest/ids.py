"""The document ids a run has read, for making each one unique ignoring case (`reader._unique`).

They are kept as 128-bit hashes of their case-folded form (BLAKE2b), not as strings: a string
and its set slot take over 100 bytes, a hash in a sorted array 16, so the memory of a long run's
main process does not grow with its documents' ids. Two ids count as the same when their hashes
are: for a million distinct ids, the chance that two of them share one is about 10^-27.
"""
from __future__ import annotations

import hashlib
import struct
from typing import Any

RECENT = 4096  # hashes kept in a set before they join the sorted arrays
_HALVES = struct.Struct("<qq")  # a hash as two signed 64-bit numbers


def _hash(doc_id: str) -> bytes:
    return hashlib.blake2b(doc_id.casefold().encode("utf-8", "surrogatepass"), digest_size=16).digest()


class FoldedIds:
    """A set of document ids compared case-insensitively (`str.casefold`), holding their hashes:
    the latest in a set, the others in two sorted numpy arrays (a hash's halves)."""

    def __init__(self) -> None:
        self._recent: set[bytes] = set()
        self._high: Any = None  # numpy int64 arrays sorted by (high, low), from the first merge on
        self._low: Any = None
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, doc_id: str) -> bool:
        digest = _hash(doc_id)
        return digest in self._recent or self._in_arrays(digest)

    def add(self, doc_id: str) -> bool:
        """Add `doc_id`; whether it was new (no id equal to it ignoring case was added before)."""
        digest = _hash(doc_id)
        if digest in self._recent or self._in_arrays(digest):
            return False
        self._recent.add(digest)
        self._count += 1
        if len(self._recent) >= RECENT:
            self._merge()
        return True

    def _in_arrays(self, digest: bytes) -> bool:
        if self._high is None:
            return False
        high, low = _HALVES.unpack(digest)
        index = int(self._high.searchsorted(high))  # a Python int in int64's range: compared as int64
        while index < len(self._high) and int(self._high[index]) == high:
            if int(self._low[index]) == low:
                return True
            index += 1
        return False

    def _merge(self) -> None:
        """The recent hashes into the sorted arrays."""
        import numpy as np

        fresh = np.frombuffer(b"".join(self._recent), dtype="<i8").reshape(-1, 2)
        high, low = fresh[:, 0], fresh[:, 1]
        if self._high is not None:
            high, low = np.concatenate((self._high, high)), np.concatenate((self._low, low))
        order = np.lexsort((low, high))
        self._high, self._low = high[order], low[order]
        self._recent = set()
