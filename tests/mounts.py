"""Real full and read-only disks for tests: a small tmpfs, a read-only bind mount.

Mounting needs root (CAP_SYS_ADMIN). Where it is impossible the test is skipped
and says why; nothing here fakes a full disk.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("cannot test a real full or read-only disk: no mount command here")
    result = subprocess.run([mount, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(
            "cannot test a real full or read-only disk: mounting is not allowed here "
            f"({result.stderr.strip() or result.returncode})"
        )


def _unmount(path: Path) -> None:
    subprocess.run(["umount", "--lazy", str(path)], capture_output=True, check=False)


@contextlib.contextmanager
def small_tmpfs(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` (``"1m"``) mounted on ``path`` for the block's duration."""
    path.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path))
    try:
        yield path
    finally:
        _unmount(path)


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """``path`` (a folder) made read-only in place, for root too, by a read-only bind mount."""
    _mount("--bind", str(path), str(path))
    try:
        _mount("-o", "remount,bind,ro", str(path))
        yield path
    finally:
        _unmount(path)
