"""The committed outputs/ are those of a fresh `zhkg run seeds --out DIR` (`make run`): every file
the run writes, byte for byte, and run.yaml's counts (its timestamps, timings and paths aside).
`make view` adds graph.html, which `zhkg run` does not write; graph.png is drawn with the
machine's CJK font (and Pillow's rasteriser), so it is not compared byte for byte."""
from __future__ import annotations

from pathlib import Path

import yaml

from pipeline.engine.runner import run

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "outputs"
NOT_FROM_RUN = {"run.yaml", "cache.sqlite", ".zhkg.lock", "graph.html", "graph.png"}


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and p.name not in NOT_FROM_RUN and not p.name.startswith(".")}


def test_committed_outputs_are_a_fresh_run_of_the_seeds(tmp_path):
    fresh = tmp_path / "outputs"
    run([str(ROOT / "seeds")], fresh, warn=lambda message: None)
    assert _files(COMMITTED) == _files(fresh)
    stale = [name for name in sorted(_files(fresh)) if (COMMITTED / name).read_bytes() != (fresh / name).read_bytes()]
    assert stale == [], f"outputs/ is stale (make run rewrites {stale})"
    committed, now = (yaml.safe_load((folder / "run.yaml").read_text(encoding="utf-8")) for folder in (COMMITTED, fresh))
    assert committed["status"] == now["status"] == "complete"
    assert committed["counts"] == now["counts"]
