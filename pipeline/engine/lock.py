"""One output folder, one writer: an OS lock on DIR/.zhkg.lock held for the whole run.

The lock is `fcntl.flock` on a file inside the output folder, so the operating system releases
it when the holder's process ends, however it ends (kill -9 included): there is never a stale
lock to remove by hand. The holder writes its process id into the file; a second run into the
same folder reads it to name the holder. Where `fcntl` does not exist (Windows) no lock is
taken. A process forked from the holder (a worker) closes its copy of the descriptor at once:
only the run's own process holds the lock.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from pipeline.errors import OutputBusy

LOCK_NAME = ".zhkg.lock"
POLL_SECONDS = 0.2
_held: set[int] = set()  # the descriptors of the locks this process holds


def _close_inherited() -> None:
    for fd in _held:
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited)


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return "another zhkg run"
    return f"zhkg run with pid {pid}" if pid.isdigit() else "another zhkg run"


class OutputLock:
    """`with OutputLock(out):` holds DIR/.zhkg.lock; OutputBusy when another run holds it
    (`wait=True`: wait until it is released instead)."""

    def __init__(self, out: Path, wait: bool = False):
        self.path = Path(out) / LOCK_NAME
        self.wait = wait
        self.fd: int | None = None

    def __enter__(self) -> OutputLock:
        try:
            import fcntl
        except ImportError:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not self.wait:
                    holder = _holder(self.path)
                    os.close(fd)
                    raise OutputBusy(f"{self.path.parent} is in use by a {holder}: wait for it to end, "
                                     "or run with --wait") from None
                time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self.fd = fd
        _held.add(fd)
        return self

    def __exit__(self, *exc_info) -> None:
        if self.fd is not None:
            _held.discard(self.fd)
            os.close(self.fd)  # closing the descriptor releases the lock
            self.fd = None
