"""One guard per home: an advisory lock on a file in the data folder.

Two guards on one home would both replay the queue and both take baselines.
The lock is the operating system's (``flock``; ``msvcrt.locking`` on Windows),
so a guard that crashed or was killed leaves no stale lock behind; the file
keeps the holder's process id and command, so a second guard can say who
holds it. One-shot commands never take it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from mailguard.core.errors import GuardAlreadyRunning, StorageError

LOCK_FILE = "guard.lock"


class GuardLock:
    """Held from ``acquire`` until ``release`` (or the process ends)."""

    def __init__(self, data_dir: Path, holder: str) -> None:
        self.path = data_dir / LOCK_FILE
        self._holder = holder
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StorageError(f"cannot open the guard's lock {self.path}: {exc.strerror}") from exc
        if not _try_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            raise GuardAlreadyRunning(
                f"another guard is already running for this home ({holder}); "
                "stop it first, or give this one its own --home"
            )
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"pid {os.getpid()}: {self._holder}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None

    def __enter__(self) -> GuardLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl  # noqa: PLC0415

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "its process id is unknown"
