"""What an engine gives back for a batch: each analysed document's summary already serialised
for the result cache and the summary spill, so that the run's main process neither unpickles
nor serialises the summary's objects."""
from __future__ import annotations

from typing import NamedTuple

from pipeline.engine.cache import summary_json
from pipeline.graph.spill import spill_record

# What a batch gives back for each analysed document, by id:
# ("ok", summary, (yaml size, yaml mtime_ns)) or ("failed", "ErrorType: message"); an engine's
# results hold `Written` instead of the summary (`written_outcomes`).
Outcome = tuple


class Written(NamedTuple):
    """An analysed document's summary as the run keeps it: the JSON of its cache row, its spill
    record and its counts."""

    summary_json: str
    spill_record: bytes
    entities: int
    relations: int


def written_outcomes(outcomes: dict[str, Outcome]) -> dict[str, Outcome]:
    """`outcomes` with `Written` in place of each summary."""
    written = {}
    for doc_id, outcome in outcomes.items():
        if outcome[0] == "ok":
            _, summary, stat = outcome
            outcome = ("ok", Written(summary_json(summary), spill_record(summary), len(summary["entities"]),
                                     len(summary["relations"])), stat)
        written[doc_id] = outcome
    return written
