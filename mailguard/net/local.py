"""Reading a schedule from a local file, with the same size cap as a download.

The cap matters here too: a path can name a multi-gigabyte log. Only regular
files are read: a FIFO would block ``open()`` until someone writes to it, and a
device such as ``/dev/zero`` or ``/dev/tty`` never ends or waits for a person.
"""

from __future__ import annotations

import errno
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

from mailguard.core.errors import FetchError
from mailguard.net.failures import size_text
from mailguard.net.fetched import Fetched


def read_local(path: Path, location: str, *, max_bytes: int) -> Fetched:
    """The file's bytes; ``location`` is how the user named it, for messages."""
    try:
        path = path.expanduser()
    except RuntimeError as exc:  # ~name for an unknown user, or no home at all
        raise FetchError(location, "names a home directory that does not exist") from exc
    if "\0" in str(path):  # e.g. file:///a%00b; open() would raise ValueError, not OSError
        raise FetchError(location, "is not a valid path (it contains a NUL character)")
    try:
        # Non-blocking, so a FIFO opens at once; what it is decides before any read.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    except IsADirectoryError as exc:
        raise FetchError(location, "is a directory, not a file") from exc
    except OSError as exc:
        raise FetchError(location, _open_failure(path, exc)) from exc
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise FetchError(location, _not_regular(mode))
    os.set_blocking(descriptor, True)
    with os.fdopen(descriptor, "rb") as file:
        try:
            data = file.read(max_bytes + 1)
        except OSError as exc:
            raise FetchError(location, f"could not read the file ({_os_reason(exc)})") from exc
    if len(data) > max_bytes:
        raise FetchError(location, f"file larger than {size_text(max_bytes)}")
    return Fetched(
        location=location,
        data=data,
        from_cache=False,
        fetched_at=datetime.now(UTC),
        etag=None,
        last_modified=None,
        content_type=None,
        not_modified=False,
    )


def _open_failure(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENXIO:  # a socket, or a device without its driver
        try:
            return _not_regular(path.stat().st_mode)
        except OSError:
            pass
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ENAMETOOLONG:
        return "the path is too long"
    if exc.errno == errno.ENOTDIR:
        return "file not found (a folder on the way is a file)"
    if exc.errno == errno.ELOOP:
        return "the path loops through symbolic links"
    return f"could not read the file ({_os_reason(exc)})"


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is not a regular file"


def _os_reason(exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]
