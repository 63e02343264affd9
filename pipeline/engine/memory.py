"""How much memory this process and its ended children hold, for the run's choice of how many
processes its graph stage uses."""
from __future__ import annotations

import os


def resident_bytes() -> int | None:
    """This process's resident memory now (from /proc/self/statm: Linux), else None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def largest_child_bytes() -> int:
    """The peak resident memory of the largest child process ended so far (a worker's; Linux)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # Linux counts kilobytes


def graph_processes(engine: str, workers: int) -> int:
    """The processes of the graph stage (betweenness beside PageRank and Louvain, the files
    written side by side): the local engine's `workers`, which have ended, while a forked copy of
    this process is no larger than the largest of them was; else this one alone. A forked
    process counts every page it shares with this one in its own memory, so forking a large
    graph would raise the run's peak above the analysis's."""
    if engine != "local" or workers <= 1:
        return 1
    resident = resident_bytes()
    return workers if resident is None or resident <= largest_child_bytes() else 1
