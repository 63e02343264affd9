"""zhkg: knowledge graphs from Chinese government, party and science news.

Library API: `load_nlp` (the whole chain as a spaCy `Language`), `Extractor` (documents →
results), `run` (files → output folder), `evaluate` (predictions vs gold), `read_inputs` (files →
documents). They are imported on first use, so `import pipeline` (and `zhkg --version`) loads no
model library.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_API = {
    "Extractor": "pipeline.extractor",
    "evaluate": "pipeline.evaluate",
    "load_nlp": "pipeline.analysis.nlp",
    "read_inputs": "pipeline.ingest.reader",
    "run": "pipeline.engine.runner",
}

__all__ = ["Extractor", "evaluate", "load_nlp", "read_inputs", "run", "__version__"]


def __getattr__(name: str):
    """The library API's names, imported from their modules when first asked for (PEP 562)."""
    if name not in _API:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(_API[name]), name)
    globals()[name] = value
    return value
