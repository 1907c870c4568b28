"""The last good copy of each remote source, kept on disk.

It lets mailguard keep warning from the last schedule it understood when the
provider's status page is down, and lets a fetch ask "changed since?" instead
of downloading again. Each location gets ``<sha256>.body`` and ``<sha256>.json``,
each replaced whole by a rename. The metadata records the body's hash, so a body
and metadata from different writes (a process killed between the two renames)
read as "no copy", never as a wrong one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from mailguard.core.errors import FetchError
from mailguard.net.fetched import Fetched
from mailguard.net.locations import cache_key, display_location

_FORMAT = 1
#: A temp file this old belongs to no running writer (a store takes well under a second).
_STALE_TEMP_S = 3600
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


class SourceCache:
    """Reads and atomically writes cached copies in one private directory."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def load(self, location: str) -> Fetched | None:
        """The stored copy for ``location`` (from_cache=True), or None if absent or damaged."""
        body_path, meta_path = self._paths(location)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            data = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not _is_valid(meta, location) or hashlib.sha256(data).hexdigest() != meta["sha256"]:
            return None
        return Fetched(
            location=meta["location"],
            data=data,
            from_cache=True,
            fetched_at=datetime.fromisoformat(meta["fetched_at"]),
            etag=meta.get("etag"),
            last_modified=meta.get("last_modified"),
            content_type=meta.get("content_type"),
            not_modified=False,
        )

    def store(self, fetched: Fetched) -> None:
        """Replace the stored copy of ``fetched.location``; FetchError if the disk refuses."""
        location = display_location(fetched.location)
        meta = {
            "format": _FORMAT,
            "location": location,
            "fetched_at": fetched.fetched_at.isoformat(),
            "etag": fetched.etag,
            "last_modified": fetched.last_modified,
            "content_type": fetched.content_type,
            "sha256": hashlib.sha256(fetched.data).hexdigest(),
        }
        body_path, meta_path = self._paths(location)
        try:
            self._directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._directory.chmod(0o700)
            _remove_stale_temps(self._directory, body_path.stem)
            _write_atomically(
                [(body_path, fetched.data), (meta_path, json.dumps(meta, indent=1).encode())]
            )
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise FetchError(
                location, f"could not save the cached copy in {self._directory} ({reason})"
            ) from exc

    def forget(self, location: str) -> bool:
        """Delete the stored copy of ``location``; False if there was none."""
        removed = False
        for path in self._paths(location):
            with suppress(FileNotFoundError):
                path.unlink()
                removed = True
        return removed

    def _paths(self, location: str) -> tuple[Path, Path]:
        name = hashlib.sha256(cache_key(location).encode()).hexdigest()
        return self._directory / f"{name}.body", self._directory / f"{name}.json"


def _is_valid(meta: object, location: str) -> bool:
    """Does ``meta`` look like metadata we wrote for ``location``?

    Validators end up in request headers, so control characters would break the request.
    """
    if not isinstance(meta, dict) or meta.get("format") != _FORMAT:
        return False
    if not isinstance(meta.get("location"), str) or cache_key(meta["location"]) != cache_key(
        location
    ):
        return False
    if not isinstance(meta.get("sha256"), str):
        return False
    for field in ("etag", "last_modified", "content_type"):
        value = meta.get(field)
        if value is not None and (not isinstance(value, str) or _CONTROL_CHARS.search(value)):
            return False
    try:
        stamp = datetime.fromisoformat(meta.get("fetched_at", ""))
    except (TypeError, ValueError):
        return False
    return stamp.tzinfo is not None


def _write_atomically(files: list[tuple[Path, bytes]]) -> None:
    """Write every file to a private temp file first, then rename them all into place.

    Renaming only once all data is on disk keeps the window in which the files
    disagree to two back-to-back renames. mkstemp creates 0600; os.replace keeps it.
    """
    temps: list[tuple[Path, Path]] = []
    try:
        for target, data in files:
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temps.append((Path(name), target))
            with os.fdopen(fd, "wb") as temp:
                temp.write(data)
                temp.flush()
                os.fsync(temp.fileno())
        for temp_path, target in temps:
            temp_path.replace(target)
    except BaseException:
        for temp_path, _ in temps:
            with suppress(OSError):
                temp_path.unlink()
        raise


def _remove_stale_temps(directory: Path, stem: str) -> None:
    """Delete temp files a killed writer left behind, once no live writer can own them."""
    for temp in directory.glob(f".{stem}.*.tmp"):
        with suppress(OSError):
            if time.time() - temp.stat().st_mtime > _STALE_TEMP_S:
                temp.unlink()
