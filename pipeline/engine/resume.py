"""Incremental runs: a run into an --out folder that holds a previous run analyses only the
documents that are new or changed (`--force` analyses everything; `--resume`, which finishes an
interrupted run, is the same thing and kept as an alias).

Every document YAML is written atomically, so after a crash or a `kill -9` each file under
DIR/documents is either complete or absent (a stray temporary file is removed at the next
start). run.yaml is written when a run starts (`status: running`) and again when it ends, both
times with a `resume_key`: a hash of the zhkg version, the config keys that change results,
and the contents of the schemas folder and the model folders (but their Markdown documentation).

Every document YAML records the key as `document.pipeline`. A document whose YAML exists in DIR
with the same `pipeline` key, metadata and text hash (sha256) as the input is reused instead of
analysed: its graph summary comes from DIR/cache.sqlite (`pipeline.engine.cache`) when the YAML file
is the one the cache describes, else from the YAML itself (`previous_data`). The key is per
document, because a folder may hold documents of an older run with another config that a killed
run did not overwrite. The graph is always built from the results *as written* (evidence cut to
`[output] max_evidence`, confidences rounded), reused or fresh alike, so an incremental run
gives exactly the documents and graph of a run into an empty folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import yaml

from pipeline import __version__
from pipeline.config import RunConfig
from pipeline.outputs.documents import read_document_header, read_document_yaml, result_from_dict
from pipeline.records import Document, DocumentResult
from pipeline.schema_files import default_schemas_dir

_TEMPORARY = re.compile(r"^\..+\.tmp$")  # outputs.atomic.atomic_write's temporary files
DOCUMENTATION = (".md",)  # model cards and READMEs: no part of what a folder gives the pipeline


def resume_key(config: RunConfig) -> str:
    """A hash of what decides a document's results: version, config, schemas and models, their
    documentation aside (16 hex digits, kept in run.yaml and in every document YAML as
    `document.pipeline`)."""
    digest = hashlib.sha256()
    settings = {"version": __version__, "paths": config.as_dict().get("paths"),
                "relations": config.as_dict().get("relations"), "max_evidence": config.output.max_evidence}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode("utf-8"))
    folders = [Path(config.schemas_dir) if config.schemas_dir else default_schemas_dir()]
    folders += [p for p in (getattr(config, "ner_model_path", None), getattr(config, "segmenter_path", None),
                            getattr(config, "relation_model_path", None)) if p]
    for folder in folders:
        for path in _hashed_files(Path(folder)):
            digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _hashed_files(folder: Path) -> list[Path]:
    """The files of `folder` that the pipeline reads, in a fixed order: all but the documentation."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix not in DOCUMENTATION)


def remove_temporaries(out: Path) -> list[Path]:
    """Delete the temporary files an interrupted atomic write left in `out` and out/documents."""
    removed = []
    for folder in (out, out / "documents"):
        if folder.is_dir():
            for path in folder.iterdir():
                if _TEMPORARY.match(path.name) and path.is_file():
                    path.unlink(missing_ok=True)
                    removed.append(path)
    return removed


def resume_note(out: Path, key: str) -> str:
    """Why documents in `out` will be analysed again despite --resume, or "" when they need not be."""
    run_yaml = out / "run.yaml"
    if not run_yaml.is_file():
        return f"{run_yaml} not found: documents without a matching `pipeline` key are analysed"
    try:
        previous = yaml.safe_load(run_yaml.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return f"{run_yaml} unreadable ({error}): documents without a matching `pipeline` key are analysed"
    if not isinstance(previous, dict) or previous.get("resume_key") != key:
        return (f"{out} was written by another zhkg version, config, schemas or model: "
                "its documents are analysed again")
    return ""


def previous_data(out: Path, document: Document, key: str) -> dict | None:
    """The YAML data written for `document` into `out` by a run with the same `key`, when it
    is the same document (id, title, source, date and text hash); else None."""
    path = out / "documents" / f"{document.id}.yaml"
    if not path.is_file():
        return None
    try:
        data = read_document_yaml(path)
        meta = data["document"]
        if meta.get("pipeline") != key:
            return None
        result_from_dict(data, document.path)  # raises when the file is no complete document
    except (OSError, ValueError, KeyError, TypeError, AttributeError, yaml.YAMLError):
        return None
    same = (meta.get("id"), meta.get("title"), meta.get("source"), meta.get("published"), meta.get("sha256")) == (
        document.id, document.title, document.source, document.published, document.sha256)
    return data if same and _text_matches(data, document.sha256) else None


def _text_matches(data: dict, sha256: str) -> bool:
    """Whether the YAML's text is the one its hash names (a hand-edited text is not)."""
    text = data.get("text")
    try:
        return isinstance(text, str) and hashlib.sha256(text.encode("utf-8")).hexdigest() == sha256
    except UnicodeEncodeError:
        return False


def previous_result(out: Path, document: Document, key: str) -> DocumentResult | None:
    """The result written for `document` into `out` by a run with the same `key`, when it is
    the same document (id, title, source, date and text hash); else None."""
    data = previous_data(out, document, key)
    return None if data is None else result_from_dict(data, document.path)


def previous_run(out: Path) -> dict:
    """The run.yaml of the run that last wrote `out` ({} when there is none or it is unreadable)."""
    try:
        data = yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _is_document_yaml(path: Path) -> bool:
    """Whether `path` starts like a document YAML that zhkg wrote (its `document:` block with an
    id and a text hash), read from the head of the file only."""
    meta = read_document_header(path)
    return meta is not None and "id" in meta and "sha256" in meta


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def remove_stale(out: Path, keep: set[str]) -> list[str]:
    """Delete the document YAMLs in out/documents of documents that are not in `keep` (ids)
    — inputs removed or changed since an earlier run into `out`, or
    that failed this time — so that DIR/documents always matches graph.yaml. Only files that
    are zhkg document YAMLs are deleted; an id whose case changed (`News` → `news`) leaves no
    stale file. Returns the ids removed, sorted."""
    folder = out / "documents"
    if not folder.is_dir():
        return []
    kept_by_folded = {k.casefold(): k for k in keep}
    removed = []
    with os.scandir(folder) as entries:
        stale = [Path(e.path) for e in entries if e.name.endswith(".yaml") and e.name[:-5] not in keep and e.is_file()]
    for path in stale:
        kept = kept_by_folded.get(path.stem.casefold())
        if kept is not None and _same_file(path, folder / f"{kept}.yaml"):
            continue  # a file system that ignores case: this is the kept document's file
        if _is_document_yaml(path):
            path.unlink(missing_ok=True)
            removed.append(path.stem)
    return sorted(removed)
