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
    SYMLINK_NOT_FOLLOWED,
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


def find_inputs(paths: Iterable[str | Path], follow_symlinks: bool = True,
                exclude: Path | None = None) -> Iterator[Path | Skipped]:
    """Yield input files under `paths` (files as given, folders walked in sorted order).

    `follow_symlinks=False`: symbolic links found in folders are skipped, not read. `exclude`:
    a folder never walked into (the run's output folder)."""
    excluded = _identity(exclude) if exclude is not None else None
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found, problems = _walk(path, follow_symlinks, excluded)
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


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _walk(folder: Path, follow_symlinks: bool,
          excluded: tuple[int, int] | None) -> tuple[list[Path], list[Skipped]]:
    """Input files under `folder` in sorted order, and the entries that could not be read.

    A loop over a stack of folders, not recursion, so any depth works; symbolic links to
    folders are not followed, so a link loop cannot hang the walk."""
    found: list[Path] = []
    problems: list[Skipped] = []
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        if excluded is not None and _identity(Path(current)) == excluded:
            continue
        try:
            with os.scandir(current) as scan:
                entries = list(scan)
        except OSError as error:
            problems.append(Skipped(str(error.filename or current), cannot_read_folder(error)))
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif input_suffix(Path(entry.name)) in INPUT_SUFFIXES:
                _take(entry, follow_symlinks, found, problems)
    return sorted(found), sorted(problems, key=lambda skipped: skipped.path)


def _take(entry: os.DirEntry, follow_symlinks: bool, found: list[Path], problems: list[Skipped]) -> None:
    path = Path(entry.path)
    if entry.is_symlink() and not follow_symlinks:
        problems.append(Skipped(str(path), SYMLINK_NOT_FOLLOWED))
    elif path.is_file():
        found.append(path)
    elif not path.exists():
        problems.append(Skipped(str(path), BROKEN_LINK))
    else:
        problems.append(Skipped(str(path), NOT_A_REGULAR_FILE))
