"""Which stored snapshot a refresh compares against, and which window the comparison is about.

The point of a baseline is to show what the maintenance did, so the snapshot
taken before the most recent window wins over later ones — unless the user took
a new snapshot after that window ended: that is how one says "this state is
fine now", and the window is then history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from mailguard.core.model import MaintenanceWindow, WindowStatus


@dataclass(frozen=True, slots=True)
class BaselineChoice:
    """The chosen baseline (by its store id) and the window the diff is about, if any."""

    baseline_id: int
    window: MaintenanceWindow | None


def most_recent_started_window(
    windows: Iterable[MaintenanceWindow], now: datetime
) -> MaintenanceWindow | None:
    """The latest window that has begun by ``now`` and was not cancelled."""
    started = [
        w for w in windows if w.start <= now and w.status_at(now) is not WindowStatus.CANCELLED
    ]
    return max(started, key=lambda w: (w.start, w.end), default=None)


def choose_baseline(
    baselines: Mapping[int, datetime], windows: Iterable[MaintenanceWindow], now: datetime
) -> BaselineChoice | None:
    """None when there is no baseline at all.

    - no window has started yet: the latest baseline, no window;
    - a baseline was taken after the latest window ended: that one, no window;
    - otherwise the latest baseline taken before the window started, about the window;
    - none that old: the latest one (taken during the window), still about the window.
    """
    if not baselines:
        return None
    latest = _latest(baselines, baselines)
    window = most_recent_started_window(windows, now)
    if window is None or baselines[latest] >= window.end:
        return BaselineChoice(latest, None)
    before = [i for i, taken in baselines.items() if taken < window.start]
    if before:
        return BaselineChoice(_latest(baselines, before), window)
    return BaselineChoice(latest, window)


def baseline_for_window(
    baselines: Mapping[int, datetime], window: MaintenanceWindow
) -> BaselineChoice | None:
    """For a known window (the backfill watch): the latest baseline before it, else the latest."""
    if not baselines:
        return None
    before = [i for i, taken in baselines.items() if taken < window.start]
    return BaselineChoice(_latest(baselines, before or baselines), window)


def _latest(baselines: Mapping[int, datetime], ids: Iterable[int]) -> int:
    """The most recently taken of ``ids``; of two taken at once, the later stored."""
    return max(ids, key=lambda i: (baselines[i], i))
