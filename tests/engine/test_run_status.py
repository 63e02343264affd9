"""run.yaml's status: a run that cannot start says `failed` with the reason."""
from dataclasses import replace

import pytest
import yaml

from pipeline.config import load_config
from pipeline.engine.runner import run
from pipeline.errors import SchemaError


def test_a_run_that_fails_early_says_so_in_run_yaml(tmp_path):
    config = load_config()
    broken = replace(config, paths=replace(config.paths, schemas=str(tmp_path / "no-schemas")))
    (tmp_path / "in.txt").write_text("国务院总理李强出席论坛。", encoding="utf-8")
    with pytest.raises(SchemaError):
        run([str(tmp_path / "in.txt")], tmp_path / "out", broken, warn=lambda message: None)
    status = yaml.safe_load((tmp_path / "out" / "run.yaml").read_text(encoding="utf-8"))
    assert status["status"] == "failed"
    assert "schemas folder not found" in status["reason"]
