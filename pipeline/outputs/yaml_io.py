"""YAML text as every YAML file of a run is written (documents, graph.yaml, run.yaml) and read
back: libyaml's safe dumper and loader where PyYAML has them, files written atomically."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pipeline.outputs.atomic import atomic_write
from pipeline.outputs.yaml_emit import Unsupported, emit

try:
    _Dumper = yaml.CSafeDumper
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Dumper = yaml.SafeDumper
    _Loader = yaml.SafeLoader


def pyyaml_dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)


def dump_yaml(data: Any) -> str:
    """`pyyaml_dump(data)`, written by `yaml_emit` where it can."""
    try:
        return emit(data, pyyaml_dump)
    except Unsupported:
        return pyyaml_dump(data)


def write_yaml(path: Path, data: Any) -> None:
    text = dump_yaml(data)
    atomic_write(path, lambda handle: handle.write(text))


def load_yaml(text: str) -> Any:
    """The data of a YAML text, read with the (C) safe loader."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
