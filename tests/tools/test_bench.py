"""pipeline.tools.bench: the memory sampler and the table."""
import time

import pytest

from pipeline.tools import bench


def test_tree_memory_samples_rss_and_pss():
    pytest.importorskip("psutil")
    memory = bench.TreeMemory(interval=0.01, pss_every=2)
    block = bytearray(32 << 20)  # 32 MiB touched by this process
    for index in range(0, len(block), 4096):
        block[index] = 1
    deadline = time.perf_counter() + 5
    while (memory.peak < 32 << 20 or not memory.pss_peak) and time.perf_counter() < deadline:
        time.sleep(0.02)
    peak = memory.stop()
    assert peak >= 32
    if memory.pss_peak:  # where the system reports proportional set size (Linux)
        assert 0 < memory.pss_peak / 2**20 <= peak + 1
    del block


def test_table_shows_peak_pss(capsys):
    row = {"size": 1.0, "run": "zhkg local ×1", "workers": 1, "documents": 3, "characters": 1000,
           "seconds": 2.0, "cpu_seconds": 2.0, "chars_per_second": 500, "analysis_chars_per_second": 600,
           "extract_seconds": 1.5, "graph_seconds": 0.2, "peak_mb": 300.0, "analysis_peak_mb": 290.0,
           "peak_pss_mb": 210.5}
    bench.print_table([row, {**row, "run": "zhkg local ×2", "peak_pss_mb": None, "speedup": 1.8}])
    lines = capsys.readouterr().out.splitlines()
    assert "PSS MB" in lines[0]
    assert "210.5" in lines[2] and lines[3].rstrip().endswith("1.8×")
