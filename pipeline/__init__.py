"""zhkg: knowledge graphs from Chinese government, party and science news.

Library API: `Extractor` (documents → results), `run` (files → output folder),
`evaluate` (predictions vs gold), `read_inputs` (files → documents).
"""
__version__ = "0.1.0"

from pipeline.evaluate import evaluate  # noqa: E402
from pipeline.extract import Extractor  # noqa: E402
from pipeline.ingest.reader import read_inputs  # noqa: E402
from pipeline.engine.runner import run  # noqa: E402

__all__ = ["Extractor", "evaluate", "read_inputs", "run", "__version__"]
