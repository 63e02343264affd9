"""Run configuration: pipeline/configs/default.cfg, overridden by a user's --config file.

Files use spaCy's config format (confection). Unknown sections or keys and values of the
wrong type are errors that name the file, the key and what was expected.
"""
from __future__ import annotations

import codecs
import configparser
import math
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from confection import Config, ConfigValidationError

from pipeline.errors import ConfigError

PACKAGE = Path(__file__).resolve().parent
DEFAULT_CONFIG = PACKAGE / "configs" / "default.cfg"
DEFAULT_NER_MODEL = PACKAGE / "models" / "ner"
DEFAULT_SEGMENTER = PACKAGE / "models" / "pkuseg"
DEFAULT_RELATION_MODEL = PACKAGE / "models" / "relations"
NER_CHARS = 4000  # characters the recognizer reads at a time ([analysis] ner_chars)


@dataclass(frozen=True)
class PathsConfig:
    ner_model: str = "default"
    segmenter: str = "default"
    schemas: str = "default"
    relation_model: str = "default"


@dataclass(frozen=True)
class IngestConfig:
    max_chars: int = 100_000
    encoding: str = "auto"
    max_line_bytes: int = 64 << 20
    max_reported_skips: int = 100
    follow_symlinks: bool = True


@dataclass(frozen=True)
class AnalysisConfig:
    batch_size: int = 16
    ner_chars: int = NER_CHARS


@dataclass(frozen=True)
class RelationsConfig:
    min_confidence: float = 0.0


@dataclass(frozen=True)
class OutputConfig:
    graphml: bool = True
    max_evidence: int = 3
    gexf: bool = True
    csv: bool = True
    json: bool = True
    svg: bool = True
    png: bool = True
    svg_max_nodes: int = 150


@dataclass(frozen=True)
class RunConfig:
    paths: PathsConfig
    ingest: IngestConfig
    analysis: AnalysisConfig
    relations: RelationsConfig
    output: OutputConfig

    @property
    def ner_model_path(self) -> Path | None:
        return _model_folder(self.paths.ner_model, DEFAULT_NER_MODEL)

    @property
    def segmenter_path(self) -> Path | None:
        return _model_folder(self.paths.segmenter, DEFAULT_SEGMENTER)

    @property
    def relation_model_path(self) -> Path | None:
        return _model_folder(self.paths.relation_model, DEFAULT_RELATION_MODEL)

    @property
    def schemas_dir(self) -> str | None:
        return None if self.paths.schemas == "default" else self.paths.schemas

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _model_folder(value: str, default: Path) -> Path | None:
    """A `[paths]` model setting as a folder: "default" is the shipped one, "none" none."""
    return None if value == "none" else default if value == "default" else Path(value)


_SECTION_TYPES = {"paths": PathsConfig, "ingest": IngestConfig, "analysis": AnalysisConfig,
                  "relations": RelationsConfig, "output": OutputConfig}


MAX_CONFIG_BYTES = 1 << 20


def _read(path: Path) -> dict[str, Any]:
    """The sections of a config file. Variables (`${section.key}`) are refused: nothing here
    needs them, and nested ones grow exponentially."""
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: a config file of {path.stat().st_size:,} bytes, over the limit of "
                              f"{MAX_CONFIG_BYTES:,}")
        sections = dict(Config().from_disk(path, interpolate=False))
    except ConfigError:
        raise
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (ConfigValidationError, ValueError, KeyError, UnicodeDecodeError, configparser.Error) as error:
        raise ConfigError(f"{path}: not a valid config file: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config file: {error.strerror or error}") from None
    for section, values in sections.items():
        for key, value in (values.items() if isinstance(values, dict) else ()):
            if isinstance(value, str) and "${" in value:
                raise ConfigError(f"{path}: [{section}] {key}: variables (${{…}}) are not supported, got {value!r}")
    return sections


# Allowed ranges (inclusive) of numeric keys: what one input or one config may make a process
# hold is bounded by these. max_chars is at most spaCy's default Language.max_length; longer
# inputs are split into parts of at most max_chars.
_RANGES = {("ingest", "max_chars"): (100, 1_000_000), ("ingest", "max_line_bytes"): (1024, 1 << 30),
           ("ingest", "max_reported_skips"): (0, 100_000),
           ("analysis", "batch_size"): (1, 10_000), ("analysis", "ner_chars"): (100, 100_000),
           ("relations", "min_confidence"): (0.0, 1.0), ("output", "max_evidence"): (0, 1000),
           ("output", "svg_max_nodes"): (1, 100_000)}
MAX_WORKERS_PER_CORE = 4


def max_workers() -> int:
    """The most worker processes a run may start: a few per core."""
    return MAX_WORKERS_PER_CORE * (os.cpu_count() or 1)


def is_text_codec(name: str) -> bool:
    """Whether `name` is a codec that decodes bytes to text (not `hex`, `zlib`, `rot13`, …)."""
    try:
        return codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False


def _checked(section: str, key: str, value: Any, where: str) -> Any:
    low, high = _RANGES.get((section, key), (None, None))
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{where}: expected a finite number, got {value!r}")
    if low is not None and not low <= value <= high:
        raise ConfigError(f"{where}: expected a number from {low} to {high}, got {value!r}")
    if (section, key) == ("ingest", "encoding") and value != "auto" and not is_text_codec(value):
        raise ConfigError(f'{where}: expected "auto" or an encoding name of a text codec such as utf-8, gb18030, big5 '
                          f"or utf-16, got {value!r}")
    if section == "paths" and key in ("ner_model", "segmenter", "relation_model") and value not in ("default", "none") \
            and not Path(value).is_dir():
        raise ConfigError(f'{where}: no such model folder {value!r} (use "none" for rules only)')
    return value


def _typed(value: Any, expected: type, where: str) -> Any:
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if expected is int and isinstance(value, bool) or not isinstance(value, expected):
        raise ConfigError(f"{where}: expected {expected.__name__}, got {value!r}")
    return value


def load_config(user_file: str | Path | None = None) -> RunConfig:
    """The default config with the sections and keys of `user_file` laid over it."""
    merged = _read(DEFAULT_CONFIG)
    if user_file:
        user_path = Path(user_file)
        for section, values in _read(user_path).items():
            if section not in _SECTION_TYPES:
                raise ConfigError(f"{user_path}: unknown section [{section}]; expected one of {sorted(_SECTION_TYPES)}")
            if not isinstance(values, dict):
                raise ConfigError(f"{user_path}: [{section}] must be a section of keys")
            merged[section] = {**merged.get(section, {}), **values}
        source = str(user_path)
    else:
        source = str(DEFAULT_CONFIG)
    built = {}
    for section, cls in _SECTION_TYPES.items():
        values = dict(merged.get(section, {}))
        known = {f.name: f.type for f in fields(cls)}
        for key, value in values.items():
            if key not in known:
                raise ConfigError(f"{source}: [{section}] unknown key {key!r}; expected one of {sorted(known)}")
            hint = {"int": int, "float": float, "bool": bool, "str": str}[known[key]]
            values[key] = _checked(section, key, _typed(value, hint, f"{source}: [{section}] {key}"),
                                   f"{source}: [{section}] {key}")
        built[section] = cls(**values)
    return RunConfig(**built)
