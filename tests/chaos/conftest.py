"""Shared pieces of the chaos tests: a rules-only config (no model to load, so a subprocess
run starts in a couple of seconds) and a small generated corpus."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import make_corpus

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def rules_only(tmp_path: Path) -> Path:
    config = tmp_path / "rules.cfg"
    config.write_text('[paths]\nner_model = "none"\nsegmenter = "none"\n\n[analysis]\nbatch_size = 2\n',
                      encoding="utf-8")
    return config


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "in", 8)


def zhkg(*args: str, **options) -> subprocess.Popen:
    """`zhkg ARGS…` as a child process (stdout and stderr piped, text)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options)
