"""Settings: schedule sources (Check now against a real local HTTP server) and manual windows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mailguard.core.account import AccountConfig
from mailguard.demo.provider import status_page
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.paths import AppPaths
from mailguard.ui.app import TrayApp, TrayOptions
from mailguard.ui.guard_engine import GuardRound
from mailguard.ui.windows.settings_manual_windows import show_wall_clock
from tests.httpserver import ScriptedServer
from tests.ui.settings_driver import open_settings, type_into

ZONE = "Europe/Berlin"


@pytest.fixture
def app(qapp: object, home: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[TrayApp]:
    """The app in Berlin (daylight saving matters here), with one account and no window."""
    monkeypatch.setenv("TZ", ZONE)
    AccountStore(home.config_dir).add(AccountConfig("work", "imap.example.net", "me"))
    started = TrayApp(qapp, home, TrayOptions(tick_interval_ms=3_600_000))  # type: ignore[arg-type]
    started.start()
    yield started
    started.shutdown()


def test_check_now_lists_the_window_a_status_page_announces_and_add_keeps_the_source(
    app: TrayApp, qtbot: QtBot
) -> None:
    settings = open_settings(app, qtbot, "sources")
    page = settings.sources
    assert page.account.currentText() == "work"
    page_json = status_page(datetime.now(UTC), lead=timedelta(days=3), length=timedelta(hours=2))
    with ScriptedServer() as server:
        server.document("/api/v2/summary.json", json.dumps(page_json).encode())
        url = server.url("/api/v2/summary.json").replace("://", "://noc:s3cret@")
        type_into(qtbot, page.location, url)
        type_into(qtbot, page.components, "IMAP")
        qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
        assert not page.check.isEnabled()
        QTest.keyClick(page.location, Qt.Key.Key_Return)  # Enter too, but not twice at once
        qtbot.waitUntil(lambda: page.results.topLevelItemCount() == 1, timeout=20_000)
        assert page.results.topLevelItem(0).text(0) == "Mail server hardware migration (demo)"
        assert "1 maintenance window" in page.status.text()
        assert len(server.requests("/api/v2/summary.json")) == 1

        with qtbot.waitSignal(app.hub.accounts_changed, timeout=10_000):
            qtbot.mouseClick(page.add, Qt.MouseButton.LeftButton)
    stored = AccountStore(app.paths.config_dir).get("work").schedule_sources
    masked = url.replace("s3cret", "***")  # the password in the keyring, not in the file
    assert [(s.location, s.kind, s.components) for s in stored] == [(masked, "auto", ("IMAP",))]
    assert "s3cret" not in (app.paths.config_dir / "accounts.json").read_text()
    assert page.sources.topLevelItemCount() == 1
    listed = page.sources.topLevelItem(0)
    assert listed.text(0) == url.replace("s3cret", "***")  # masked, as every listing shows it
    assert "s3cret" not in listed.toolTip(0)


def test_a_chosen_source_shows_its_secrets_as_stars_and_keeps_them_when_they_are_left_so(
    app: TrayApp, qtbot: QtBot
) -> None:
    """The form showed the whole URL, password and all; now ``***``, which Check now and
    Add fill from the keyring (for an edited path too) as long as the user leaves it."""
    page_json = status_page(datetime.now(UTC), lead=timedelta(days=3), length=timedelta(hours=2))
    body = json.dumps(page_json).encode()
    with ScriptedServer() as server:
        server.document("/feed.json?token=abc123", body)
        server.document("/v2/feed.json?token=abc123", body)
        secret_url = server.url("/feed.json?token=abc123").replace("://", "://noc:s3cret@")
        AccountStore(app.paths.config_dir).update(
            AccountConfig("work", "imap.example.net", "me", sources=(secret_url,))
        )
        app.hub.accounts_changed.emit()
        page = open_settings(app, qtbot, "sources").sources
        qtbot.waitUntil(lambda: page.sources.topLevelItemCount() == 1, timeout=10_000)
        page.sources.setCurrentItem(page.sources.topLevelItem(0))
        shown = server.url("/feed.json?token=***").replace("://", "://noc:***@")
        assert page.location.text() == shown

        qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.results.topLevelItemCount() == 1, timeout=20_000)
        assert server.requests("/feed.json?token=abc123")  # the guard reads it too

        type_into(qtbot, page.location, shown.replace("/feed.json", "/v2/feed.json"))
        with qtbot.waitSignal(app.hub.accounts_changed, timeout=10_000):
            qtbot.mouseClick(page.add, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.work.busy, timeout=10_000)
        page.sources.setCurrentItem(page.sources.topLevelItem(1))
        qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.results.topLevelItemCount() == 1, timeout=20_000)
        assert server.requests("/v2/feed.json?token=abc123")
        sent = server.requests()
    assert {request.path for request in sent} == {
        "/feed.json?token=abc123",
        "/v2/feed.json?token=abc123",
    }
    noc_s3cret = "Basic bm9jOnMzY3JldA=="
    assert {request.header("Authorization") for request in sent} == {noc_s3cret}
    stored = [s.location for s in AccountStore(app.paths.config_dir).get("work").schedule_sources]
    assert stored == [shown, shown.replace("/feed.json", "/v2/feed.json")]
    text = (app.paths.config_dir / "accounts.json").read_text()
    assert "s3cret" not in text and "abc123" not in text


def test_check_now_shows_the_one_line_error_of_a_source_that_cannot_be_read(
    app: TrayApp, qtbot: QtBot
) -> None:
    page = open_settings(app, qtbot, "sources").sources
    with ScriptedServer() as server:
        type_into(qtbot, page.location, server.url("/gone.json"))
        qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.check.isEnabled, timeout=20_000)
    assert "404" in page.status.text() and "\n" not in page.status.text()
    assert page.results.topLevelItemCount() == 0


def test_a_mailbox_source_asks_for_the_sender_and_a_chosen_source_can_be_removed(
    app: TrayApp, qtbot: QtBot
) -> None:
    page = open_settings(app, qtbot, "sources").sources
    type_into(qtbot, page.location, "mailbox:INBOX")
    assert page.from_address.isEnabled() and not page.kind.isEnabled()
    qtbot.mouseClick(page.add, Qt.MouseButton.LeftButton)
    assert "sender address" in page.status.text()
    assert AccountStore(app.paths.config_dir).get("work").schedule_sources == ()

    type_into(qtbot, page.from_address, "noc@example.net")
    type_into(qtbot, page.zone, "Mars/Olympus")
    qtbot.mouseClick(page.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.add.isEnabled, timeout=10_000)
    assert "unknown time zone 'Mars/Olympus'" in page.status.text()

    type_into(qtbot, page.zone, ZONE)
    QTest.keyClick(page.zone.completer().popup(), Qt.Key.Key_Escape)  # the zone list offered
    with qtbot.waitSignal(app.hub.accounts_changed, timeout=10_000):
        qtbot.mouseClick(page.add, Qt.MouseButton.LeftButton)
    (source,) = AccountStore(app.paths.config_dir).get("work").schedule_sources
    assert (source.location, source.from_address, source.zone) == (
        "mailbox:INBOX",
        "noc@example.net",
        ZONE,
    )
    qtbot.waitUntil(lambda: not page.work.busy, timeout=10_000)  # the list is read again
    page.location.clear()
    page.sources.setCurrentItem(page.sources.topLevelItem(0))
    assert page.location.text() == "mailbox:INBOX"  # the chosen source fills the form
    with qtbot.waitSignal(app.hub.accounts_changed, timeout=10_000):
        qtbot.mouseClick(page.remove, Qt.MouseButton.LeftButton)
    assert AccountStore(app.paths.config_dir).get("work").schedule_sources == ()
    assert page.sources.topLevelItemCount() == 0


def test_a_manual_window_is_added_in_the_users_zone_seen_by_the_guard_and_removed(
    app: TrayApp, qtbot: QtBot
) -> None:
    page = open_settings(app, qtbot, "manual_windows").manual_windows
    assert "Europe/Berlin" in page.zone_hint.text()
    berlin = app.context.zone
    start = datetime.now(UTC) + timedelta(days=200)
    wall = start.astimezone(berlin).replace(hour=22, minute=0, second=0, microsecond=0)
    type_into(qtbot, page.title_edit, "Storage upgrade")
    show_wall_clock(page.start, wall, berlin)
    show_wall_clock(page.end, wall + timedelta(hours=4), berlin)
    rounds: list[GuardRound] = []
    app.hub.round_finished.connect(rounds.append)
    with qtbot.waitSignal(app.hub.windows_changed, timeout=10_000):
        qtbot.mouseClick(page.add, Qt.MouseButton.LeftButton)
    with Database(app.paths.database_file) as db:
        (stored,) = ManualWindowStore(db, lambda: start).windows("work")
    assert stored.title == "Storage upgrade"
    assert stored.start == wall and stored.start.utcoffset() == wall.utcoffset()
    assert page.table.topLevelItemCount() == 1
    row = page.table.topLevelItem(0)
    assert (row.text(0), row.text(1)) == (f"#{stored.native_id}", "Storage upgrade")
    assert row.text(3).endswith(wall.tzname() or "?")  # the end names its zone
    qtbot.waitUntil(lambda: bool(rounds), timeout=10_000)  # the guard was asked to look again
    assert any(w.title == "Storage upgrade" for w in rounds[-1].overview[0].windows)

    page.table.setCurrentItem(row)
    qtbot.mouseClick(page.remove, Qt.MouseButton.LeftButton)
    box = page.confirmation
    assert box is not None and "Storage upgrade" in box.text()
    with qtbot.waitSignal(app.hub.windows_changed, timeout=10_000):
        qtbot.mouseClick(box.findChild(QWidget, "confirmRemove"), Qt.MouseButton.LeftButton)
    assert page.table.topLevelItemCount() == 0
    with Database(app.paths.database_file) as db:
        assert ManualWindowStore(db, lambda: start).windows("work") == []


def test_a_window_that_ends_before_it_starts_is_refused_with_a_line(
    app: TrayApp, qtbot: QtBot
) -> None:
    page = open_settings(app, qtbot, "manual_windows").manual_windows
    moment = datetime.now(UTC) + timedelta(days=3)
    show_wall_clock(page.start, moment, app.context.zone)
    show_wall_clock(page.end, moment - timedelta(hours=1), app.context.zone)
    qtbot.mouseClick(page.add, Qt.MouseButton.LeftButton)
    assert page.status.text() == "A window must end after it starts."
    assert page.table.topLevelItemCount() == 0
