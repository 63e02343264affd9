"""Input discovery: which files are read, and how (by suffix), from the paths given to a run."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import (
    BROKEN_LINK,
    NO_SUCH_PATH,
    NOT_A_FILE_OR_FOLDER,
    NOT_A_REGULAR_FILE,
    cannot_read,
    cannot_read_folder,
    no_input_files,
)
from pipeline.ingest.html import HTML_SUFFIXES
from pipeline.records import Skipped

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".jsonl.gz"}  # .jsonl.gz: gzip-compressed, read as a stream
INPUT_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES


def describe_suffixes() -> str:
    return ", ".join(sorted(INPUT_SUFFIXES))


def input_suffix(path: Path) -> str:
    """The suffix that decides how a file is read: `.jsonl.gz` for compressed jsonl, else the
    last suffix, lower case."""
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Yield input files under `paths` (files as given, folders walked in sorted order)."""
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found, problems = _walk(path)
                yield from problems
                if not found and not problems:
                    yield Skipped(str(path), no_input_files(describe_suffixes()))
                yield from found
            elif path.is_file():
                yield path
            elif path.exists():
                yield Skipped(str(path), NOT_A_FILE_OR_FOLDER)
            else:
                yield Skipped(str(path), NO_SUCH_PATH)
        except OSError as error:
            yield Skipped(str(path), cannot_read(error))


def _walk(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """Input files under `folder` in sorted order (symbolic links to folders are not followed,
    so a link loop cannot hang the walk) and the sub-folders that could not be read."""
    found: list[Path] = []
    problems: list[Skipped] = []

    def failed(error: OSError) -> None:
        problems.append(Skipped(str(error.filename or folder), cannot_read_folder(error)))

    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs.sort()
        for name in files:
            path = Path(root) / name
            if input_suffix(path) not in INPUT_SUFFIXES:
                continue
            if path.is_file():
                found.append(path)
            elif not path.exists():
                problems.append(Skipped(str(path), BROKEN_LINK))
            else:
                problems.append(Skipped(str(path), NOT_A_REGULAR_FILE))
    return sorted(found), problems
