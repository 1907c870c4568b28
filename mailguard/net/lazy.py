"""A Fetcher made on first use, for commands that only fetch when an account has sources.

``mailguard snapshot`` and ``resync`` read the account's schedule, but most accounts
link no web source; a Fetcher built up front would import urllib3 and load the
system's certificate store for nothing.
"""

from __future__ import annotations

import functools
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mailguard.net.fetched import Fetched
    from mailguard.net.fetcher import Fetcher


class LazyFetcher:
    """A :class:`~mailguard.net.fetcher.Fetcher` (default limits), made when first asked."""

    def __init__(self, cache_dir: Path) -> None:
        self._cache_dir = cache_dir

    @functools.cached_property
    def _fetcher(self) -> Fetcher:
        # Deferred: importing urllib3 (~35 ms, python -X importtime) and loading the
        # system's CA store for the TLS context (~50 ms) slowed every snapshot/resync.
        from mailguard.net.fetcher import Fetcher  # noqa: PLC0415

        return Fetcher(self._cache_dir)

    def fetch(self, location: str) -> Fetched:
        return self._fetcher.fetch(location)

    def remember(self, fetched: Fetched) -> None:
        self._fetcher.remember(fetched)

    def cached(self, location: str) -> Fetched | None:
        return self._fetcher.cached(location)

    def close(self) -> None:
        """Close the Fetcher if one was made; never makes one."""
        if "_fetcher" in self.__dict__:
            self._fetcher.close()

    def __enter__(self) -> LazyFetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
