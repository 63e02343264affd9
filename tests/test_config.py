"""pipeline.config: the default config, overrides and errors that name the file and key."""
from pathlib import Path

import pytest

from pipeline.config import DEFAULT_CONFIG, DEFAULT_NER_MODEL, DEFAULT_RELATION_MODEL, load_config
from pipeline.errors import ConfigError, SchemaError


def write(tmp_path: Path, text: str, name: str = "user.cfg") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_config():
    assert DEFAULT_CONFIG.is_file()
    config = load_config()
    assert config.paths.ner_model == "default"
    assert config.ner_model_path == DEFAULT_NER_MODEL
    assert config.schemas_dir is None
    assert config.ingest.max_chars > 0
    assert config.analysis.batch_size > 0
    assert 0.0 <= config.relations.min_confidence <= 1.0
    assert isinstance(config.output.graphml, bool)
    assert config.output.max_evidence >= 1
    assert set(config.as_dict()) == {"paths", "ingest", "analysis", "relations", "output"}


def test_user_file_overrides_some_keys(tmp_path: Path):
    path = write(tmp_path, '[paths]\nner_model = "none"\n\n[analysis]\nbatch_size = 4\n\n[relations]\nmin_confidence = 1\n')
    config = load_config(path)
    assert config.ner_model_path is None
    assert config.analysis.batch_size == 4
    assert config.relations.min_confidence == 1.0
    assert config.output.graphml == load_config().output.graphml  # untouched keys keep their defaults
    assert config.paths.schemas == "default"


def test_int_for_a_float_key_becomes_a_float(tmp_path: Path):
    config = load_config(write(tmp_path, "[relations]\nmin_confidence = 1\n"))
    assert isinstance(config.relations.min_confidence, float)
    assert config.as_dict()["relations"]["min_confidence"] == 1.0


def test_model_folder_path(tmp_path: Path):
    (tmp_path / "model").mkdir()  # a missing model folder is an error (issue 18)
    config = load_config(write(tmp_path, f'[paths]\nner_model = "{tmp_path / "model"}"\nschemas = "{tmp_path}"\n'))
    assert config.ner_model_path == tmp_path / "model"
    assert config.schemas_dir == str(tmp_path)


def test_relation_model_is_a_folder_or_none(tmp_path: Path):
    assert load_config().relation_model_path == DEFAULT_RELATION_MODEL
    assert load_config(write(tmp_path, '[paths]\nrelation_model = "none"\n')).relation_model_path is None
    message = error_of(write(tmp_path, f'[paths]\nrelation_model = "{tmp_path / "absent"}"\n'))
    assert "relation_model" in message and "no such model folder" in message


def error_of(path: Path) -> str:
    with pytest.raises(SchemaError) as info:
        load_config(path)
    assert isinstance(info.value, ConfigError)
    return str(info.value)


def test_unknown_key(tmp_path: Path):
    path = write(tmp_path, "[analysis]\nbatch_sise = 8\n")
    message = error_of(path)
    assert str(path) in message and "batch_sise" in message


def test_unknown_section(tmp_path: Path):
    path = write(tmp_path, "[outputs]\ngraphml = false\n")
    message = error_of(path)
    assert str(path) in message and "outputs" in message


@pytest.mark.parametrize("section, key, value", [
    ("analysis", "batch_size", '"many"'),
    ("analysis", "batch_size", "2.5"),
    ("analysis", "batch_size", "true"),
    ("output", "graphml", '"yes"'),
    ("output", "graphml", "1"),
    ("relations", "min_confidence", '"high"'),
    ("ingest", "max_chars", "[1, 2]"),
    ("paths", "ner_model", "3"),
])
def test_wrong_type(tmp_path: Path, section, key, value):
    path = write(tmp_path, f"[{section}]\n{key} = {value}\n")
    message = error_of(path)
    assert str(path) in message and key in message


@pytest.mark.parametrize("text", [
    "[analysis\nbatch_size = 4\n",
    "[analysis]\nbatch_size 4\n",
    "[analysis]\nbatch_size = [1, 2\n",
    "just some words\n",
])
def test_bad_syntax_names_the_file(tmp_path: Path, text):
    path = write(tmp_path, text)
    assert str(path) in error_of(path)


def test_missing_file(tmp_path: Path):
    path = tmp_path / "absent.cfg"
    assert str(path) in error_of(path)


def test_undecodable_file(tmp_path: Path):
    path = tmp_path / "binary.cfg"
    path.write_bytes(b"[analysis]\nbatch_size = \xff\xfe\n")
    assert str(path) in error_of(path)


def test_empty_user_file_gives_defaults(tmp_path: Path):
    assert load_config(write(tmp_path, "# nothing to override\n")) == load_config()
