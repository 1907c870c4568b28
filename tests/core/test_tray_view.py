"""The tray presenter: one icon, tooltip and menu text per guard state, in one place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mailguard.core.guard import Standing
from mailguard.core.guard_policy import GuardState
from mailguard.core.model import MaintenanceWindow
from mailguard.core.progress import ReadProgress
from mailguard.core.tray_view import AccountStatus, TrayIcon, account_icon, present

NOW = datetime(2026, 7, 18, 21, 31, tzinfo=UTC)
WINDOW = MaintenanceWindow(
    NOW + timedelta(hours=2, minutes=14),
    NOW + timedelta(hours=5),
    "Hardware-Umstellung",
    "manual",
    "manual",
)


def status(
    state: GuardState,
    *,
    edits_open_at: datetime | None = None,
    resync: ReadProgress | None = None,
    problem: str | None = None,
    queued: int = 0,
    name: str = "work",
    window: MaintenanceWindow | None = WINDOW,
) -> AccountStatus:
    return AccountStatus(
        name, Standing(state, window, edits_open_at), queued, resync=resync, problem=problem
    )


@pytest.mark.parametrize(
    ("account", "icon", "tooltip"),
    [
        (
            status(GuardState.UPCOMING),
            TrayIcon.UPCOMING,
            "E-mail maintenance in 2 h 14 min, 23:45–02:31",
        ),
        (
            status(GuardState.CLEAR, window=None),
            TrayIcon.CLEAR,
            "No maintenance announced",
        ),
        (
            status(GuardState.IMMINENT, edits_open_at=NOW),
            TrayIcon.IMMINENT,
            "E-mail maintenance starts in 2 h 14 min (23:45–02:31): folder edits wait",
        ),
        (
            status(GuardState.ACTIVE, edits_open_at=NOW),
            TrayIcon.ACTIVE,
            "E-mail maintenance until 02:31: folder edits wait",
        ),
        (
            status(GuardState.SETTLING, edits_open_at=NOW + timedelta(hours=8)),
            TrayIcon.SETTLING,
            "Watching for late mail until 05:31; folder edits open then",
        ),
        (
            status(GuardState.SETTLING),
            TrayIcon.SETTLING,
            "Watching for late mail after maintenance; edits are open",
        ),
        (
            AccountStatus(
                "work",
                Standing(
                    GuardState.SETTLING,
                    WINDOW,
                    None,
                    watch_ends_at=NOW + timedelta(hours=2),
                    released_at=NOW - timedelta(minutes=19),
                ),
            ),
            TrayIcon.SETTLING,
            "Watching for late mail until 23:31; folder edits opened early at 21:12",
        ),
        (
            status(GuardState.UPCOMING, problem="the server closed the connection"),
            TrayIcon.ERROR,
            "Problem: the server closed the connection",
        ),
        (
            status(GuardState.UPCOMING, resync=ReadProgress(3, 20, 1200)),
            TrayIcon.RESYNCING,
            "Resyncing… folder 3 of 20, 1200 messages read",
        ),
    ],
    ids=lambda value: getattr(value, "value", None) if isinstance(value, TrayIcon) else None,
)
def test_each_state_has_its_icon_and_a_tooltip_that_says_what_it_means(
    account: AccountStatus, icon: TrayIcon, tooltip: str
) -> None:
    view = present([account], NOW)
    assert view.icon is icon
    assert [p.english(UTC) for p in view.tooltip] == [tooltip]


def test_a_window_outranks_an_error_but_an_error_outranks_upcoming() -> None:
    assert account_icon(status(GuardState.ACTIVE, problem="down")) is TrayIcon.ACTIVE
    assert account_icon(status(GuardState.UPCOMING, problem="down")) is TrayIcon.ERROR


def test_several_accounts_show_the_most_urgent_icon_and_a_line_each() -> None:
    view = present(
        [status(GuardState.UPCOMING, name="home"), status(GuardState.ACTIVE, name="work")], NOW
    )
    assert view.icon is TrayIcon.ACTIVE
    assert [p.english(UTC) for p in view.tooltip] == [
        "home: E-mail maintenance in 2 h 14 min, 23:45–02:31",
        "work: E-mail maintenance until 02:31: folder edits wait",
    ]


def test_the_menu_offers_resync_per_account_and_disables_it_while_one_runs() -> None:
    running = status(GuardState.CLEAR, resync=ReadProgress(), name="home")
    view = present([running, status(GuardState.CLEAR, name="work", queued=2)], NOW)
    lines = {line.name: line for line in view.accounts}
    assert (lines["home"].resync_enabled, lines["work"].resync_enabled) == (False, True)
    assert lines["home"].resync_label.english(UTC) == "Resyncing…"
    assert lines["work"].resync_label.english(UTC) == "Resync now"
    assert lines["work"].status.english(UTC).endswith("(2 edits queued)")


def test_the_next_window_entry_names_the_soonest_window() -> None:
    later = MaintenanceWindow(
        NOW + timedelta(days=3), NOW + timedelta(days=3, hours=1), "Later", "manual", "manual"
    )
    view = present(
        [status(GuardState.UPCOMING), status(GuardState.CLEAR, window=later, name="b")], NOW
    )
    assert view.next_window is not None
    assert view.next_window.english(UTC) == "Next window: Hardware-Umstellung, 23:45–02:31"


def test_without_accounts_it_is_clear_and_says_how_to_start() -> None:
    view = present([], NOW)
    assert view.icon is TrayIcon.CLEAR
    assert view.accounts == ()
    assert "open Settings" in view.tooltip[0].english(UTC)


def test_a_window_announced_in_another_zone_also_shows_the_providers_time() -> None:
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    provider_window = MaintenanceWindow(
        datetime(2026, 7, 18, 23, 45, tzinfo=berlin),
        datetime(2026, 7, 19, 2, 30, tzinfo=berlin),
        "Hardware-Umstellung",
        "https://status.example",
        "statuspage",
    )
    upcoming = status(GuardState.UPCOMING, window=provider_window)
    in_utc = present([upcoming], NOW, UTC).tooltip[0].english(UTC)
    assert in_utc == (
        "E-mail maintenance in 14 min, 21:45–00:30 (provider's time: 23:45–02:30 CEST)"
    )
    in_berlin = present([upcoming], NOW, berlin).tooltip[0].english(berlin)
    assert in_berlin == "E-mail maintenance in 14 min, 23:45–02:30"


def test_during_a_window_the_menu_entry_names_the_current_window() -> None:
    view = present(
        [status(GuardState.ACTIVE, edits_open_at=NOW)], WINDOW.start + timedelta(minutes=5)
    )
    assert view.next_window is not None
    assert view.next_window.english(UTC) == "Current window: Hardware-Umstellung, until 02:31"
