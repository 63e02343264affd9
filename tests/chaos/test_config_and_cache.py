"""Chaos: configs and schemas that try to take unbounded memory or give nonsense, and caches
that are damaged, foreign or on a full disk: each a named reason, never a traceback."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import yaml

from pipeline.cli import main
from pipeline.config import load_config, max_workers
from pipeline.engine.cache import CACHE_NAME, ResultCache, summary_json
from pipeline.errors import ConfigError, NoSpaceLeft, SchemaError
from pipeline.records import Document
from pipeline.rules import load_schema
from pipeline.schema_files import PACKAGE_SCHEMAS, _NoAliasSafeLoader, load_yaml


@pytest.mark.parametrize("text, expected", [
    ("[analysis]\nner_chars = 1000000000\n", "ner_chars: expected a number from 100 to 100000"),
    ("[analysis]\nbatch_size = 1000000000\n", "batch_size: expected a number from 1 to 10000"),
    ("[relations]\nmin_confidence = NaN\n", "min_confidence: expected a finite number, got nan"),
    ("[output]\nsvg_max_nodes = -1\n", "svg_max_nodes: expected a number from 1 to 100000"),
    ('[ingest]\nencoding = "hex"\n', "encoding: expected \"auto\" or an encoding name of a text codec"),
    ('[paths]\nner_model = "/nonexistent"\n', "ner_model: no such model folder '/nonexistent'"),
    ("[ingest]\nmax_line_bytes = 10\n", "max_line_bytes: expected a number from 1024"),
])
def test_config_values_are_bounded(tmp_path: Path, text, expected):
    path = tmp_path / "bad.cfg"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=expected):
        load_config(path)


def test_rules_only_needs_no_model_folder(tmp_path: Path):
    path = tmp_path / "rules.cfg"
    path.write_text('[paths]\nner_model = "none"\n', encoding="utf-8")
    assert load_config(path).ner_model_path is None


def test_an_interpolation_bomb_is_refused_unexpanded(tmp_path: Path):
    lines = ["[ingest]", 'l0 = "' + "x" * 100 + '"']
    lines += [f'l{n} = "${{ingest.l{n - 1}}}${{ingest.l{n - 1}}}"' for n in range(1, 60)]
    path = tmp_path / "bomb.cfg"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[ingest\] l1: variables .* are not supported"):
        load_config(path)


def test_a_yaml_alias_bomb_in_schemas_is_refused(tmp_path: Path):
    lines = ['a0: &a0 ["lol"]'] + [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 12)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"aliases \(\*a0\) are not allowed"):
        load_yaml(path)


def test_the_shipped_schemas_use_no_alias():
    assert load_schema() is not None


@pytest.mark.parametrize("workers", ["99999999999999999999", str(max_workers() + 1)])
def test_too_many_workers_is_a_usage_error(tmp_path: Path, capsys, workers):
    (tmp_path / "a.txt").write_text("会议召开。", encoding="utf-8")
    status = main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--workers", workers])
    assert status == 2
    assert f"--workers must be at most {max_workers()}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_hex_is_no_input_encoding(tmp_path: Path, capsys):
    (tmp_path / "a.txt").write_text("会议召开。", encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--encoding", "hex"]) == 2
    assert "unknown encoding 'hex'" in capsys.readouterr().err


# --- the result cache -----------------------------------------------------------------------

def _document(doc_id: str = "d1") -> Document:
    return Document(id=doc_id, text="会议", sha256="00")


def _empty_summary(doc_id: str) -> str:
    return summary_json({"id": doc_id, "published": None, "entities": [], "relations": []})


def test_a_damaged_cache_is_set_aside_and_rebuilt(tmp_path: Path):
    cache = ResultCache(tmp_path)
    cache.store([(_document(f"d{i}"), "k", (1, 1), _empty_summary(f"d{i}")) for i in range(500)])
    cache.close()
    data = bytearray((tmp_path / CACHE_NAME).read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page after the first
    (tmp_path / CACHE_NAME).write_bytes(bytes(data))
    warnings: list[str] = []
    cache = ResultCache(tmp_path, warnings.append)
    assert cache.lookup([_document("d1")], "k") == {}
    cache.store([(_document(), "k", (1, 1), _empty_summary("d1"))])
    cache.close()
    assert (tmp_path / f"{CACHE_NAME}.damaged").is_file()
    assert warnings and "a new cache is built" in warnings[0]
    assert sqlite3.connect(tmp_path / CACHE_NAME).execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_a_cache_of_an_old_schema_is_set_aside(tmp_path: Path):
    db = sqlite3.connect(tmp_path / CACHE_NAME)
    db.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, summary TEXT)")
    db.commit()
    db.close()
    cache = ResultCache(tmp_path)
    assert cache.lookup([_document()], "k") == {}
    cache.close()
    assert (tmp_path / f"{CACHE_NAME}.damaged").is_file()


def test_a_cache_row_of_an_empty_summary_is_not_used(tmp_path: Path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "d1.yaml").write_text("x", encoding="utf-8")
    cache = ResultCache(tmp_path)
    stat = (tmp_path / "documents" / "d1.yaml").stat()
    cache.db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                     ("d1", "k", "00", '[null, null, null]', stat.st_size, stat.st_mtime_ns, "{}"))
    assert cache.lookup([_document()], "k") == {}


def test_a_full_disk_while_caching_is_no_space_left(tmp_path: Path, monkeypatch, capsys):
    cache = ResultCache(tmp_path)

    class FullDisk:
        def __enter__(self):
            raise sqlite3.OperationalError("database or disk is full")

        def __exit__(self, *args):
            return False

        def close(self):
            pass

    cache.db = FullDisk()
    with pytest.raises(NoSpaceLeft, match="No space left on device"):
        cache.store([(_document(), "k", (1, 1), _empty_summary("d1"))])


def test_no_space_left_is_exit_status_2_with_its_reason(tmp_path: Path, monkeypatch, capsys):
    import pipeline.engine.runner as runner

    def full(*args, **kwargs):
        raise NoSpaceLeft(28, "No space left on device", str(tmp_path / "out" / CACHE_NAME))

    monkeypatch.setattr(runner, "_run_locked", full)
    (tmp_path / "a.txt").write_text("会议召开。", encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "no space left on device" in err and "Traceback" not in err


def test_shipped_default_config_still_loads():
    config = load_config()
    assert config.ingest.max_line_bytes == 64 << 20 and config.ingest.follow_symlinks


def test_schemas_without_anchors_load_as_the_no_alias_loader_reads_them():
    for path in sorted(PACKAGE_SCHEMAS.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert "&" not in text, f"{path.name} has an anchor: it loads by the slower loader"
        assert load_yaml(path) == yaml.load(text, Loader=_NoAliasSafeLoader), path.name
