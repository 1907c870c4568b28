"""The result of reading a schedule source, whichever way it was read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Fetched:
    """A source's bytes plus what is needed to ask for them again cheaply.

    ``location`` never carries credentials, so a Fetched is safe to show and store.
    ``from_cache`` marks the last good copy served without contacting the server;
    ``not_modified`` marks a cached copy the server just confirmed with a 304.
    """

    location: str
    data: bytes
    from_cache: bool
    fetched_at: datetime
    etag: str | None
    last_modified: str | None
    content_type: str | None
    not_modified: bool
