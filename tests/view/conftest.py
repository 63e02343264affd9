"""The run the view tests look at: the hand-made one of tests/outputs/test_export.py, seven
entities (新华社 without relation), documents dated 2023-01-05, 2024-02-01 and 2024-08-13."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.engine.runner import run
from pipeline.outputs.node_link import read_graph
from pipeline.view.page import write_view
from tests.outputs.test_export import FakeExtractor, write_inputs

WANG, LAB, LI, XINHUA = "PERSON:王建华", "ORG:中关村实验室", "PERSON:李强", "ORG:新华社"


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    """A run's output folder: documents/ with dates, graph.json and the other graph files."""
    base = tmp_path_factory.mktemp("view")
    run([str(write_inputs(base / "in"))], base / "out", load_config(), extractor=FakeExtractor(), warn=lambda m: None)
    return base / "out"


@pytest.fixture(scope="module")
def page(run_dir) -> Path:
    return write_view(run_dir)


@pytest.fixture(scope="module")
def graph(run_dir):
    return read_graph(run_dir)
