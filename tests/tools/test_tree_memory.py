"""pipeline.tools.tree_memory: the memory sampler of `make bench`."""
import os
import subprocess
import sys
import time

import pytest

from pipeline.tools.tree_memory import TreeMemory, _proc_tree_memory


def test_tree_memory_samples_rss_and_pss():
    pytest.importorskip("psutil")
    memory = TreeMemory(interval=0.01, pss_every=2)
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


def test_the_tree_read_from_proc_counts_a_child_process():
    if not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"):
        pytest.skip("no /proc children lists here")
    own = _proc_tree_memory(os.getpid(), False)[0]
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; b = bytearray(64 << 20); sys.stdout.write('x');"
                              " sys.stdout.flush(); time.sleep(30)"], stdout=subprocess.PIPE)
    try:
        child.stdout.read(1)  # the child holds its 64 MiB
        rss, pss = _proc_tree_memory(os.getpid(), True)
    finally:
        child.kill()
        child.wait()
    assert rss >= own + (60 << 20)
    assert 0 < pss <= rss
