"""Which baseline a refresh compares against, and which window the report is about."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mailguard.core.baseline_choice import BaselineChoice, baseline_for_window, choose_baseline
from mailguard.core.model import MaintenanceWindow, WindowStatus

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
W0 = NOW - timedelta(hours=14)
W1 = NOW - timedelta(hours=10)
WINDOW = MaintenanceWindow(start=W0, end=W1, title="m", source="s", source_kind="text")
OLDER = MaintenanceWindow(
    start=W0 - timedelta(days=7),
    end=W1 - timedelta(days=7),
    title="m",
    source="s",
    source_kind="text",
)
FUTURE = MaintenanceWindow(
    start=NOW + timedelta(days=1),
    end=NOW + timedelta(days=1, hours=2),
    title="f",
    source="s",
    source_kind="text",
)
CANCELLED = MaintenanceWindow(
    start=W0 + timedelta(hours=1),
    end=W1 + timedelta(hours=1),
    title="c",
    source="s",
    source_kind="text",
    status=WindowStatus.CANCELLED,
)
H = timedelta(hours=1)


@pytest.mark.parametrize(
    ("baselines", "windows", "expected"),
    [
        pytest.param({}, [WINDOW], None, id="no baseline at all"),
        pytest.param(
            {1: W0 - 5 * H, 2: W0 - 3 * H}, [], BaselineChoice(2, None), id="no window: latest"
        ),
        pytest.param(
            {1: W0 - 5 * H, 2: W0 - H, 3: W0 + H},
            [WINDOW],
            BaselineChoice(2, WINDOW),
            id="the last baseline before the window, not one taken during it",
        ),
        pytest.param(
            {1: W0 - H, 2: W1 + H},
            [WINDOW],
            BaselineChoice(2, None),
            id="a baseline taken after the window ended accepts the state",
        ),
        pytest.param(
            {1: W0 + H},
            [WINDOW],
            BaselineChoice(1, WINDOW),
            id="only a baseline from during the window: that one, still about the window",
        ),
        pytest.param(
            {1: W0 - 8 * 24 * H, 2: W0 - H},
            [OLDER, WINDOW],
            BaselineChoice(2, WINDOW),
            id="the most recent window counts",
        ),
        pytest.param(
            {1: W0 - H},
            [WINDOW, FUTURE],
            BaselineChoice(1, WINDOW),
            id="a window that has not started is ignored",
        ),
        pytest.param(
            {1: W0 - H, 2: W0 + 2 * H},
            [WINDOW, CANCELLED],
            BaselineChoice(1, WINDOW),
            id="a cancelled window is ignored",
        ),
    ],
)
def test_the_baseline_is_the_one_before_the_most_recent_window(
    baselines: dict[int, datetime],
    windows: list[MaintenanceWindow],
    expected: BaselineChoice | None,
) -> None:
    assert choose_baseline(baselines, windows, NOW) == expected


def test_the_watch_compares_against_the_last_baseline_before_its_window() -> None:
    baselines = {1: W0 - 5 * H, 2: W0 - H, 3: W1 + H}
    assert baseline_for_window(baselines, WINDOW) == BaselineChoice(2, WINDOW)
    assert baseline_for_window({3: W1 + H}, WINDOW) == BaselineChoice(3, WINDOW)
    assert baseline_for_window({}, WINDOW) is None
