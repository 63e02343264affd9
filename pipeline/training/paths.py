"""Where the training data is read from, and how much a model takes on disk."""
from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> Path:
    """``$ZHKG_DATA`` or ``../shared/data`` relative to the repository root."""
    env = os.environ.get("ZHKG_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def dir_size(path: str | Path) -> int:
    """The bytes of the files under `path`."""
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())
