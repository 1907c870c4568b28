"""Reading a schedule from a local file, with the same size cap as a download.

The cap matters here too: a path can name ``/dev/zero`` or a multi-gigabyte log.
"""

from __future__ import annotations

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
    if path.is_dir():  # checked first: Windows reports a directory as "permission denied"
        raise FetchError(location, "is a directory, not a file")
    try:
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise FetchError(location, "file not found") from exc
    except IsADirectoryError as exc:
        raise FetchError(location, "is a directory, not a file") from exc
    except PermissionError as exc:
        raise FetchError(location, "permission denied") from exc
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


def _os_reason(exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]
