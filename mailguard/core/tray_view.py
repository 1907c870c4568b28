"""What the tray shows: one icon, a tooltip, a status line per account, menu labels.

The one place that maps the guard's state to what the user sees, so icon,
tooltip and menu never disagree. Pure, so it is tested without Qt; the UI
only renders the phrases (see ``phrases``). Icon precedence, most urgent first:

    resyncing > active > imminent > settling > error > upcoming > clear

A running resync wins because the user asked for it and waits for it; an
error loses to a window because during maintenance a failing server is expected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum

from mailguard.core.guard import Standing
from mailguard.core.guard_policy import GuardState
from mailguard.core.guard_text import zone_name
from mailguard.core.model import MaintenanceWindow
from mailguard.core.phrases import (
    QT_TRANSLATE_NOOP,
    Argument,
    Phrase,
    duration_phrase,
    plural,
)
from mailguard.core.progress import ReadProgress


class TrayIcon(StrEnum):
    """Icon names: ``resources/icons/mailguard-<name>.svg``."""

    CLEAR = "clear"
    UPCOMING = "upcoming"
    IMMINENT = "imminent"
    ACTIVE = "active"
    SETTLING = "settling"
    ERROR = "error"
    RESYNCING = "resyncing"


ICON_PRECEDENCE = (
    TrayIcon.RESYNCING,
    TrayIcon.ACTIVE,
    TrayIcon.IMMINENT,
    TrayIcon.SETTLING,
    TrayIcon.ERROR,
    TrayIcon.UPCOMING,
    TrayIcon.CLEAR,
)

_STATE_ICONS = {
    GuardState.CLEAR: TrayIcon.CLEAR,
    GuardState.UPCOMING: TrayIcon.UPCOMING,
    GuardState.IMMINENT: TrayIcon.IMMINENT,
    GuardState.ACTIVE: TrayIcon.ACTIVE,
    GuardState.SETTLING: TrayIcon.SETTLING,
}

_CTX = "Tray"


@dataclass(frozen=True, slots=True)
class AccountStatus:
    """Everything the tray knows about one account at one moment."""

    name: str
    standing: Standing
    queued: int = 0
    resync: ReadProgress | None = None
    problem: str | None = None  # a persistent error, one line


@dataclass(frozen=True, slots=True)
class AccountLine:
    """The account's line in the menu, and its "Resync now" entry."""

    name: str
    status: Phrase
    resync_label: Phrase
    resync_enabled: bool


@dataclass(frozen=True, slots=True)
class TrayView:
    icon: TrayIcon
    tooltip: tuple[Phrase, ...]
    accounts: tuple[AccountLine, ...]
    next_window: Phrase | None  # the menu's "next window" entry


def account_icon(status: AccountStatus) -> TrayIcon:
    if status.resync is not None:
        return TrayIcon.RESYNCING
    state_icon = _STATE_ICONS[status.standing.state]
    if status.problem and ICON_PRECEDENCE.index(state_icon) > ICON_PRECEDENCE.index(TrayIcon.ERROR):
        return TrayIcon.ERROR
    return state_icon


def present(accounts: Sequence[AccountStatus], now: datetime, zone: tzinfo = UTC) -> TrayView:
    """The tray for ``accounts`` at ``now`` (countdowns count from it) for a user in ``zone``."""
    if not accounts:
        none = Phrase(_CTX, QT_TRANSLATE_NOOP("Tray", "No account yet: open Settings to add one"))
        return TrayView(TrayIcon.CLEAR, (none,), (), None)
    icons = [account_icon(a) for a in accounts]
    icon = min(icons, key=ICON_PRECEDENCE.index)
    urgent = accounts[icons.index(icon)]
    lines = tuple(_account_line(a, now) for a in accounts)
    if len(accounts) == 1:
        tooltip: tuple[Phrase, ...] = (
            with_provider_time(status_phrase(urgent, now), urgent, zone),
        )
    else:
        tooltip = tuple(_named(a, line.status) for a, line in zip(accounts, lines, strict=True))
    return TrayView(icon, tooltip, lines, _next_window(accounts, now))


def with_provider_time(phrase: Phrase, status: AccountStatus, zone: tzinfo) -> Phrase:
    """Adds the window in the provider's own time where that differs from the user's zone."""
    window = status.standing.window
    if window is None or status.resync is not None or status.standing.state is GuardState.SETTLING:
        return phrase
    start, end = window.start, window.end
    if start.utcoffset() == start.astimezone(zone).utcoffset():
        return phrase
    provider_span = f"{start:%H:%M}–{end.astimezone(start.tzinfo):%H:%M} {zone_name(start)}"
    return Phrase(
        _CTX,
        QT_TRANSLATE_NOOP("Tray", "{status} (provider's time: {span})"),
        {"status": phrase, "span": provider_span},
    )


def status_phrase(status: AccountStatus, now: datetime) -> Phrase:
    """One line saying where the account stands and what that means for the user."""
    if status.resync is not None:
        return _resync_phrase(status.resync)
    standing, window = status.standing, status.standing.window
    if status.problem and standing.state in (GuardState.CLEAR, GuardState.UPCOMING):
        return Phrase(
            _CTX, QT_TRANSLATE_NOOP("Tray", "Problem: {problem}"), {"problem": status.problem}
        )
    if window is None:
        return Phrase(_CTX, QT_TRANSLATE_NOOP("Tray", "No maintenance announced"))
    span: dict[str, Argument] = {"start": window.start, "end": window.end, "title": window.title}
    if standing.state in (GuardState.CLEAR, GuardState.UPCOMING):
        return Phrase(
            _CTX,
            QT_TRANSLATE_NOOP("Tray", "E-mail maintenance in {countdown}, {start}–{end}"),
            {**span, "countdown": duration_phrase(window.start - now)},
        )
    if standing.state is GuardState.IMMINENT:
        return Phrase(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Tray",
                "E-mail maintenance starts in {countdown} ({start}–{end}): folder edits wait",
            ),
            {**span, "countdown": duration_phrase(window.start - now)},
        )
    if standing.state is GuardState.ACTIVE:
        return Phrase(
            _CTX,
            QT_TRANSLATE_NOOP("Tray", "E-mail maintenance until {end}: folder edits wait"),
            span,
        )
    if standing.released_at is not None and standing.watch_ends_at is not None:
        return Phrase(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Tray",
                "Watching for late mail until {until}; folder edits opened early at {released}",
            ),
            {"until": standing.watch_ends_at, "released": standing.released_at},
        )
    if standing.edits_open_at is None:
        return Phrase(
            _CTX,
            QT_TRANSLATE_NOOP("Tray", "Watching for late mail after maintenance; edits are open"),
        )
    return Phrase(
        _CTX,
        QT_TRANSLATE_NOOP("Tray", "Watching for late mail until {until}; folder edits open then"),
        {"until": standing.edits_open_at},
    )


def _account_line(status: AccountStatus, now: datetime) -> AccountLine:
    running = status.resync is not None
    label = (
        _resync_phrase(status.resync)
        if status.resync is not None
        else Phrase(_CTX, QT_TRANSLATE_NOOP("Tray", "Resync now"))
    )
    text = status_phrase(status, now)
    if status.queued and not running:
        text = Phrase(
            _CTX,
            QT_TRANSLATE_NOOP("Tray", "{status} ({queued})"),
            {
                "status": text,
                "queued": plural(
                    _CTX,
                    status.queued,
                    QT_TRANSLATE_NOOP("Tray", "{count} edit queued"),
                    QT_TRANSLATE_NOOP("Tray", "{count} edits queued"),
                ),
            },
        )
    return AccountLine(status.name, text, label, resync_enabled=not running)


def _named(status: AccountStatus, line: Phrase) -> Phrase:
    return Phrase(
        _CTX,
        QT_TRANSLATE_NOOP("Tray", "{account}: {status}"),
        {"account": status.name, "status": line},
    )


def _resync_phrase(activity: ReadProgress) -> Phrase:
    if activity.folders_total:
        return Phrase(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Tray", "Resyncing… folder {done} of {total}, {messages} messages read"
            ),
            {
                "done": activity.folders_done,
                "total": activity.folders_total,
                "messages": activity.messages,
            },
        )
    return Phrase(_CTX, QT_TRANSLATE_NOOP("Tray", "Resyncing…"))


def _next_window(accounts: Sequence[AccountStatus], now: datetime) -> Phrase | None:
    upcoming: list[MaintenanceWindow] = [
        a.standing.window
        for a in accounts
        if a.standing.window is not None and a.standing.window.end.astimezone(UTC) > now
    ]
    if not upcoming:
        return Phrase(_CTX, QT_TRANSLATE_NOOP("Tray", "No maintenance window known"))
    window = min(upcoming, key=lambda w: w.start)
    if window.start.astimezone(UTC) <= now:
        return Phrase(
            _CTX,
            QT_TRANSLATE_NOOP("Tray", "Current window: {title}, until {end}"),
            {"title": window.title, "end": window.end},
        )
    return Phrase(
        _CTX,
        QT_TRANSLATE_NOOP("Tray", "Next window: {title}, {start}–{end}"),
        {"title": window.title, "start": window.start, "end": window.end},
    )
