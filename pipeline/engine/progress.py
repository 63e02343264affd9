"""The progress bar of `zhkg run`: documents done of the inputs' records, characters per second
and the time left (tqdm), on stderr, and only when stderr is a terminal."""
from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from pipeline.ingest.files import JSONL_SUFFIXES, find_inputs, input_suffix


def wanted(stream: IO[str] | None = None) -> bool:
    """Whether a progress bar belongs on `stream` (stderr by default): only a terminal."""
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def count_records(paths: Iterable[str | Path]) -> int:
    """About how many documents the inputs hold: the lines of each jsonl file, one per other
    file (long texts split into parts make it more; the bar then just runs past its total)."""
    total = 0
    for item in find_inputs(paths):
        if isinstance(item, Path):
            if input_suffix(item) in JSONL_SUFFIXES:
                total += _lines(item)
            else:
                total += 1
    return total


def _lines(path: Path) -> int:
    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    count, last = 0, b"\n"
    try:
        with opener(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except (OSError, EOFError, zlib.error):
        return 1
    return count + (last != b"\n")


class Progress:
    """A tqdm bar over documents, with characters per second as a postfix; does nothing when
    `enabled` is false (stderr not a terminal)."""

    def __init__(self, paths: Iterable[str | Path], enabled: bool | None = None, stream: IO[str] | None = None):
        self.enabled = wanted(stream) if enabled is None else enabled
        self.bar = None
        self.characters = 0
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=count_records(paths), unit="doc", file=stream or sys.stderr, dynamic_ncols=True,
                            smoothing=0.1, mininterval=0.5, desc="zhkg")

    def update(self, documents: int, characters: int) -> None:
        if self.bar is None:
            return
        self.characters += characters
        self.bar.update(documents)
        elapsed = self.bar.format_dict.get("elapsed") or 0
        if elapsed:
            self.bar.set_postfix_str(f"{self.characters / elapsed / 1000:,.1f}k chars/s", refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
