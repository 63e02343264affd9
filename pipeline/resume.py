"""`zhkg run --resume`: finish an interrupted run without analysing its documents again.

Every document YAML is written atomically, so after a crash or a `kill -9` each file under
DIR/documents is either complete or absent (a stray temporary file is removed at the next
start). run.yaml is written when a run starts (`status: running`) and again when it ends, both
times with a `resume_key`: a hash of the zhkg version, the config keys that change results,
and the contents of the schemas folder and the model folders.

Every document YAML records the key as `document.pipeline`. With `--resume`, a document whose
YAML exists in DIR with the same `pipeline` key, metadata and text hash (sha256) as the input
is read back from its YAML instead of being analysed (the key is per document, because a folder
may hold documents of an older run with another config that a killed run did not overwrite). The graph is always built from the results *as written* (evidence
cut to `[output] max_evidence`, confidences rounded), read back or fresh alike, so a resumed
run gives exactly the documents and graph of an uninterrupted one.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import yaml

from . import __version__
from .config import RunConfig
from .records import Document, DocumentResult
from .schema import default_schemas_dir
from .serialize import document_to_dict, read_document_yaml, result_from_dict

_TEMPORARY = re.compile(r"^\..+\.tmp$")  # serialize.atomic_write's temporary files


def resume_key(config: RunConfig) -> str:
    """A hash of what decides a document's results: version, config, schemas and models
    (16 hex digits, kept in run.yaml and in every document YAML as `document.pipeline`)."""
    digest = hashlib.sha256()
    settings = {"version": __version__, "paths": config.as_dict().get("paths"),
                "relations": config.as_dict().get("relations"), "max_evidence": config.output.max_evidence}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode("utf-8"))
    folders = [Path(config.schemas_dir) if config.schemas_dir else default_schemas_dir()]
    folders += [p for p in (getattr(config, "ner_model_path", None), getattr(config, "segmenter_path", None)) if p]
    for folder in folders:
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()) if Path(folder).is_dir() else []:
            digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


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


def previous_result(out: Path, document: Document, key: str) -> DocumentResult | None:
    """The result written for `document` into `out` by a run with the same `key`, when it is
    the same document (id, title, source, date and text hash); else None."""
    path = out / "documents" / f"{document.id}.yaml"
    if not path.is_file():
        return None
    try:
        data = read_document_yaml(path)
        if data["document"].get("pipeline") != key:
            return None
        result = result_from_dict(data, document.path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, yaml.YAMLError):
        return None
    old = result.document
    same = (old.id, old.title, old.source, old.published, old.sha256) == (
        document.id, document.title, document.source, document.published, document.sha256)
    return result if same else None


def results_in_order(documents: Iterable[Document], extractor: Any, out: Path, max_evidence: int,
                     key: str, reuse: bool, batch_size: int,
                     failed: Callable[[Document, BaseException], None] | None = None,
                     ) -> Iterator[tuple[DocumentResult, dict | None]]:
    """(result as written, its YAML data or None when read back) for every document, in input
    order. Documents that need analysis go through `extractor.process` a batch at a time; a
    document whose analysis raises is passed to `failed` (and left out) instead of ending the run."""
    documents = iter(documents)
    while batch := list(islice(documents, max(1, batch_size))):
        earlier = {d.id: previous_result(out, d, key) for d in batch} if reuse else {}
        fresh = _analyse(extractor, [d for d in batch if earlier.get(d.id) is None], failed is not None)
        for document in batch:
            old = earlier.get(document.id)
            if old is not None:
                yield old, None
                continue
            outcome = fresh[document.id]
            if isinstance(outcome, BaseException):
                failed(document, outcome)
                continue
            data = document_to_dict(outcome, max_evidence, key)
            yield result_from_dict(data, document.path), data
def _analyse(extractor: Any, documents: list[Document], catch: bool) -> dict[str, DocumentResult | BaseException]:
    """Results by document id; when the batch fails and `catch`, each document alone, so that
    only the one that fails is lost (with its exception)."""
    try:
        return {d.id: result for d, result in zip(documents, extractor.process(documents), strict=True)}
    except Exception:
        if not catch:
            raise
    outcomes: dict[str, DocumentResult | BaseException] = {}
    for document in documents:
        try:
            outcomes[document.id] = next(iter(extractor.process([document])))
        except Exception as error:  # noqa: BLE001 - reported as a skipped input
            outcomes[document.id] = error
    return outcomes
