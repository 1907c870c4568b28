"""Reading the maintenance schedule from a user's sources, one source's failure at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Protocol

from mailguard.core.errors import FetchError, SourceError
from mailguard.core.model import MaintenanceWindow
from mailguard.core.schedule import filter_by_component, merge_windows, select_windows
from mailguard.net.fetched import Fetched
from mailguard.net.locations import display_location, is_remote
from mailguard.sources.base import ParseContext
from mailguard.sources.registry import parse_source


class SourceFetcher(Protocol):
    """What the reader needs of a :class:`~mailguard.net.fetcher.Fetcher` (or a LazyFetcher)."""

    def fetch(self, location: str) -> Fetched: ...

    def remember(self, fetched: Fetched) -> None: ...

    def cached(self, location: str) -> Fetched | None: ...


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One schedule source as configured: where, what format, which zone and components."""

    location: str
    kind: str = "auto"
    zone: tzinfo | None = None  # None: the reader's default zone, the system's: a guess
    components: tuple[str, ...] = ()


@dataclass(slots=True)
class ScheduleOutcome:
    """The merged windows in the span, plus what went wrong per source."""

    windows: list[MaintenanceWindow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failures: list[SourceError] = field(default_factory=list)


class ScheduleReader:
    """Fetches and parses every source; a bad source never hides the good ones.

    ``offline`` reads remote sources from the last good copy on disk instead
    of the network, so the schedule survives an outage of the status page.
    """

    def __init__(
        self, fetcher: SourceFetcher, *, default_zone: tzinfo, offline: bool = False
    ) -> None:
        self._fetcher = fetcher
        self._default_zone = default_zone
        self._offline = offline

    def read(
        self, specs: list[SourceSpec], *, now: datetime, span_start: datetime, span_end: datetime
    ) -> ScheduleOutcome:
        outcome = ScheduleOutcome()
        found: list[MaintenanceWindow] = []
        for spec in specs:
            try:
                found.extend(self._read_one(spec, outcome, now, span_start, span_end))
            except SourceError as exc:
                outcome.failures.append(exc)
        outcome.windows = select_windows(merge_windows(found), span_start, span_end)
        return outcome

    def _read_one(
        self,
        spec: SourceSpec,
        outcome: ScheduleOutcome,
        now: datetime,
        span_start: datetime,
        span_end: datetime,
    ) -> list[MaintenanceWindow]:
        fetched = self._fetch(spec.location)
        ctx = ParseContext(
            source=display_location(spec.location),
            zone=spec.zone or self._default_zone,
            now=now,
            horizon_start=span_start,
            horizon_end=span_end,
            zone_guessed=spec.zone is None,
        )
        result = parse_source(fetched.data, spec.kind, ctx)
        if is_remote(spec.location) and not fetched.from_cache:
            self._fetcher.remember(fetched)
        if fetched.from_cache:
            fetched_at = f"{fetched.fetched_at:%Y-%m-%d %H:%M} UTC"
            outcome.warnings.append(f"{ctx.source}: offline, using the copy fetched {fetched_at}")
        outcome.warnings.extend(f"{ctx.source}: {w}" for w in result.warnings)
        return filter_by_component(result.windows, spec.components)

    def _fetch(self, location: str) -> Fetched:
        if self._offline and is_remote(location):
            cached = self._fetcher.cached(location)
            if cached is None:
                raise FetchError(display_location(location), "no copy cached yet for offline use")
            return cached
        try:
            return self._fetcher.fetch(location)
        except FetchError as exc:
            cached = self._fetcher.cached(location) if is_remote(location) else None
            if cached is None:
                raise
            hint = f"; a copy from {cached.fetched_at:%Y-%m-%d %H:%M} UTC is cached (--offline)"
            raise FetchError(exc.source, exc.reason + hint) from exc
