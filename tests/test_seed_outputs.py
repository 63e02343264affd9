"""The committed outputs/ are those of a fresh `zhkg run seeds --out DIR` (`make run`): every file
the run writes, byte for byte, and run.yaml's counts (its timestamps, timings and paths aside).
`make view` adds graph.html, which `zhkg run` does not write; graph.png is drawn with the
machine's CJK font (and Pillow's rasteriser), so it is not compared byte for byte. graph.svg's
coordinates come from a float32 layout whose sums numpy vectorises by the CPU's instruction set, so
they may differ in the last digit from machine to machine: they are compared within half a pixel."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from pipeline.engine.runner import run

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "outputs"
NOT_FROM_RUN = {"run.yaml", "cache.sqlite", ".zhkg.lock", "graph.html", "graph.png"}
NUMBER = re.compile(r"-?\d+\.\d+")
LAYOUT_TOLERANCE = 0.5  # pixels


def _same_drawing(committed: bytes, fresh: bytes) -> bool:
    """The same SVG, but for coordinates that differ by at most `LAYOUT_TOLERANCE`."""
    a, b = committed.decode("utf-8"), fresh.decode("utf-8")
    numbers_a, numbers_b = NUMBER.findall(a), NUMBER.findall(b)
    return NUMBER.sub("#", a) == NUMBER.sub("#", b) and len(numbers_a) == len(numbers_b) and all(
        abs(float(x) - float(y)) <= LAYOUT_TOLERANCE for x, y in zip(numbers_a, numbers_b))


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and p.name not in NOT_FROM_RUN and not p.name.startswith(".")}


def test_committed_outputs_are_a_fresh_run_of_the_seeds(tmp_path):
    fresh = tmp_path / "outputs"
    run([str(ROOT / "seeds")], fresh, warn=lambda message: None)
    assert _files(COMMITTED) == _files(fresh)
    stale = [name for name in sorted(_files(fresh)) if (COMMITTED / name).read_bytes() != (fresh / name).read_bytes()
             and not (name.endswith(".svg") and _same_drawing((COMMITTED / name).read_bytes(), (fresh / name).read_bytes()))]
    assert stale == [], f"outputs/ is stale (make run rewrites {stale})"
    committed, now = (yaml.safe_load((folder / "run.yaml").read_text(encoding="utf-8")) for folder in (COMMITTED, fresh))
    assert committed["status"] == now["status"] == "complete"
    assert committed["counts"] == now["counts"]


def test_drawings_differing_beyond_the_tolerance_or_in_content_are_not_the_same():
    line = '<line x1="618.8" y1="232.9" x2="480.1"><title>received</title></line>'
    assert _same_drawing(line.encode(), line.replace("480.1", "480.0").encode())
    assert not _same_drawing(line.encode(), line.replace("480.1", "483.0").encode())
    assert not _same_drawing(line.encode(), line.replace("received", "organized").encode())
