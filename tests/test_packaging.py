"""The wheel: built from the repository, installed into a fresh virtualenv, `zhkg run` on the seed
from another folder gives the documents and graph of a run from the source tree.

Built without build isolation (`build` and setuptools come with the dev extra), so the test needs
no network; it is skipped where they are missing."""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _build_tools_missing() -> str | None:
    try:
        metadata.version("build")
        setuptools = metadata.version("setuptools")
    except metadata.PackageNotFoundError as error:
        return f"{error.name} is not installed (pip install -e '.[dev]')"
    if int(setuptools.split(".")[0]) < 77:
        return f"setuptools {setuptools} is older than the 77 that pyproject.toml needs"
    return None


pytestmark = pytest.mark.skipif(_build_tools_missing() is not None, reason=str(_build_tools_missing()))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the sources (the checkout's build/ and egg-info stay untouched)."""
    source = tmp_path_factory.mktemp("source")
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pipeline", "schemas"):
        shutil.copytree(ROOT / name, source / name, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(source)],
                   check=True, capture_output=True, text=True, timeout=300)
    (built,) = dist.glob("zhkg-*.whl")
    return built


def test_the_wheel_holds_every_module_and_what_a_run_reads(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "pipeline").rglob("*.py")}
    assert not modules - names
    schemas = {"pipeline/schemas/" + p.relative_to(ROOT / "schemas").as_posix()
               for p in (ROOT / "schemas").rglob("*") if p.is_file()}
    assert schemas and not schemas - names
    data = {p.relative_to(ROOT).as_posix() for folder in ("configs", "models", "view")
            for p in (ROOT / "pipeline" / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert "pipeline/models/ner/meta.json" in data and "pipeline/view/template.html" in data
    assert not data - names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "[spacy_factories]" in zipfile.ZipFile(wheel).read(entry_points).decode()


def _fresh_venv(folder: Path) -> Path:
    """A virtualenv whose only zhkg is the one installed into it: the dependencies are those of
    this interpreter's site-packages, appended to its path by a .pth line (the editable install's
    own .pth files are not processed from there)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=120)
    python = folder / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    (Path(purelib) / "zhkg-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def test_the_installed_wheel_runs_the_seed_from_another_folder(wheel, tmp_path):
    from pipeline.engine.runner import run

    python = _fresh_venv(tmp_path / "venv")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--ignore-installed",
                    str(wheel)], check=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(python), "-c", "import pipeline, pipeline.schema_files as r; print(pipeline.__file__); "
                            "print(r.PACKAGE_SCHEMAS)"], cwd=elsewhere, check=True, capture_output=True, text=True)
    package, schemas = where.stdout.split()
    assert Path(package).is_relative_to(tmp_path / "venv") and Path(schemas).is_relative_to(tmp_path / "venv")

    installed = subprocess.run([str(tmp_path / "venv" / "bin" / "zhkg"), "run", str(SEEDS), "--out", "kg"],
                               cwd=elsewhere, capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    run([str(SEEDS)], tmp_path / "source-run", warn=lambda message: None)
    out, expected = elsewhere / "kg", tmp_path / "source-run"
    assert "status: complete" in (out / "run.yaml").read_text(encoding="utf-8")
    documents = sorted(p.name for p in (expected / "documents").glob("*.yaml"))
    assert documents and sorted(p.name for p in (out / "documents").glob("*.yaml")) == documents
    for name in documents:
        assert (out / "documents" / name).read_text(encoding="utf-8") == (expected / "documents" / name).read_text(
            encoding="utf-8")
    for name in ("graph.yaml", "graph.graphml", "graph.json", "edges.csv", "nodes.csv"):
        assert (out / name).read_bytes() == (expected / name).read_bytes(), name
