"""The peak memory of a process and its descendants, sampled in a thread (`make bench`)."""
from __future__ import annotations

import os
import resource
import threading
import time


class TreeMemory:
    """Peak RSS of this process and all its descendants, sampled in a thread; and, every
    `pss_every`-th sample, peak PSS (a page k processes share counts 1/k in each: Linux). On
    Linux the tree and its memory are read from /proc (each thread's children, statm,
    smaps_rollup): a sample then costs a fraction of a millisecond, not CPU that the run
    measured needs; elsewhere from psutil."""

    def __init__(self, interval: float = 0.1, pss_every: int = 20):
        self.peak = 0
        self.pss_peak, self.pss_every = 0, pss_every
        self.samples: list[tuple[float, int]] = []  # (seconds since start, bytes)
        self.started = time.perf_counter()
        self._proc = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
        self.sampled = self._proc
        if not self._proc:
            try:
                import psutil
            except ImportError:
                return
            self.sampled = True
            self._process = psutil.Process()
            self._psutil = psutil
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        pss = bool(self.pss_every) and len(self.samples) % self.pss_every == 0
        rss, pss_total = _proc_tree_memory(os.getpid(), pss) if self._proc else self._psutil_tree_memory(pss)
        self.peak = max(self.peak, rss)
        self.pss_peak = max(self.pss_peak, pss_total)
        self.samples.append((time.perf_counter() - self.started, rss))

    def _psutil_tree_memory(self, pss: bool) -> tuple[int, int]:
        """(RSS, PSS or 0) of the tree, from psutil."""
        psutil = self._psutil
        try:
            processes = [self._process, *self._process.children(recursive=True)]
        except psutil.Error:
            return 0, 0
        rss = pss_total = 0
        for process in processes:
            try:
                rss += process.memory_info().rss
                if pss:
                    pss_total += process.memory_full_info().pss
            except (psutil.Error, OSError, AttributeError):  # AttributeError: no PSS here
                pass
        return rss, pss_total

    def _run(self, interval: float) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(interval)

    def peak_until(self, seconds: float) -> float | None:
        """The sampled peak in MB during the first `seconds` (None when nothing was sampled)."""
        values = [rss for t, rss in self.samples if t <= seconds]
        return round(max(values) / 2**20, 1) if values else None

    def stop(self) -> float:
        """The peak in MB (sampled; unsampled, without psutil or /proc: ru_maxrss of this process + its
        largest child)."""
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        if self.sampled:
            self._stop.set()
            self._thread.join()
            peak = max(self.peak, own)
        else:
            peak = own + children
        return round(peak / 2**20, 1)


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _proc_children(pid: int) -> list[int]:
    """The child processes of `pid`, from each of its threads' /proc children list (Linux)."""
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:  # the process has ended
        return []
    children: list[int] = []
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/children", encoding="ascii") as handle:
                children += map(int, handle.read().split())
        except OSError:  # the thread has ended
            continue
    return children


def _proc_tree_memory(root: int, pss: bool) -> tuple[int, int]:
    """(RSS, PSS or 0) in bytes of `root` and its descendants, from /proc."""
    rss = pss_total = 0
    pending = [root]
    while pending:
        pid = pending.pop()
        pending += _proc_children(pid)
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                rss += int(handle.read().split()[1]) * _PAGE
            if pss:
                with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                    pss_total += next((int(line.split()[1]) * 1024 for line in handle if line.startswith("Pss:")), 0)
        except (OSError, ValueError, IndexError):  # ended meanwhile
            pass
    return rss, pss_total
