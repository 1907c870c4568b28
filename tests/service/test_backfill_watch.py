"""The backfill watch against a real Dovecot: late mail reported in batches, each message once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import ImapError
from mailguard.core.model import MaintenanceWindow
from mailguard.core.refresh_report import RefreshReport, ReportKind
from mailguard.imap.session import ImapSession
from mailguard.service.backfill_watch import BackfillWatch, WatchSettings
from mailguard.service.refresh import RefreshService
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.report_store import ReportStore
from mailguard.store.secrets import PasswordVault
from mailguard.store.snapshot_store import SnapshotStore
from tests.dovecot import Dovecot, MailUser, make_message

SHORT = WatchSettings(
    period=timedelta(seconds=3),
    refresh_every=timedelta(seconds=1),
    retry_after=timedelta(seconds=0.2),
)


def utc_now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database(tmp_path / "mailguard.sqlite3") as db:
        yield db


def service_for(server: Dovecot, user: MailUser, tmp_path: Path, db: Database) -> RefreshService:
    """The real service over the test's own config, keyring and database (windows given)."""
    accounts = AccountStore(tmp_path / "config")
    accounts.add(
        AccountConfig(
            name="work",
            host=server.host,
            port=server.imaps_port,
            user=user.name,
            security=Security.SSL,
            ca_file=server.ca_file,
        )
    )
    vault = PasswordVault()
    vault.store("work", user.password)
    return RefreshService(
        accounts=accounts,
        vault=vault,
        db=db,
        snapshots=SnapshotStore(db),
        reports=ReportStore(db),
        open_session=ImapSession,
        windows=lambda _account, _now: [],
        clock=utc_now,
    )


def window_just_past(after: datetime) -> MaintenanceWindow:
    """A window of two seconds that starts after ``after``; returns once it has ended."""
    start = after + timedelta(seconds=1)
    window = MaintenanceWindow(
        start=start, end=start + timedelta(seconds=2), title="IMAP", source="t", source_kind="text"
    )
    while utc_now() <= window.end:
        time.sleep(0.05)
    return window


def subjects(report: RefreshReport) -> list[str]:
    return [b.mail.subject for b in report.backfilled]


def test_each_batch_of_late_mail_is_reported_once(
    dovecot: Dovecot, mail_user: MailUser, tmp_path: Path, file_keyring: Path, database: Database
) -> None:
    dovecot.deliver(mail_user, "INBOX", make_message(subject="before"))
    service = service_for(dovecot, mail_user, tmp_path, database)
    baseline = service.snapshot("work").snapshot
    window = window_just_past(baseline.taken_at)
    inside = window.start + timedelta(seconds=1)
    dovecot.deliver(mail_user, "INBOX", make_message(subject="late 1", date=inside))

    def deliver_the_next(batch: RefreshReport) -> None:
        if subjects(batch) == ["late 1"]:
            dovecot.deliver(mail_user, "Junk", make_message(subject="late 2", date=inside))

    watch = BackfillWatch(
        service, clock=utc_now, sleep=time.sleep, settings=SHORT, on_batch=deliver_the_next
    )
    batches = watch.run("work", window)

    assert [subjects(b) for b in batches] == [["late 1"], ["late 2"]]
    assert all(b.kind is ReportKind.BACKFILL and b.window == window for b in batches)
    stored = ReportStore(database).latest("work")
    assert [[e["subject"] for e in r["backfilled"]] for r in stored] == [["late 2"], ["late 1"]]
    assert all(r["kind"] == "backfill" for r in stored)

    again = BackfillWatch(service, clock=utc_now, sleep=time.sleep, settings=SHORT)
    assert again.run("work", window) == []  # remembered in the database, not in the watch


def test_the_watch_waits_out_a_server_that_is_still_down(
    fresh_dovecot: Dovecot, tmp_path: Path, file_keyring: Path, database: Database
) -> None:
    user = fresh_dovecot.add_user()
    service = service_for(fresh_dovecot, user, tmp_path, database)
    baseline = service.snapshot("work").snapshot
    fresh_dovecot.stop()
    window = window_just_past(baseline.taken_at)
    fresh_dovecot.deliver(
        user, "INBOX", make_message(subject="late", date=window.start + timedelta(seconds=1))
    )
    errors: list[ImapError] = []

    def sleep_and_come_back(seconds: float) -> None:
        fresh_dovecot.start()  # the maintenance ends while the watch waits
        time.sleep(seconds)

    watch = BackfillWatch(
        service,
        clock=utc_now,
        sleep=sleep_and_come_back,
        settings=WatchSettings(
            period=timedelta(seconds=2),
            refresh_every=timedelta(seconds=1),
            retry_after=SHORT.retry_after,
        ),
        on_error=errors.append,
    )
    batches = watch.run("work", window)
    assert len(errors) == 1
    assert "\n" not in str(errors[0])
    assert [subjects(b) for b in batches] == [["late"]]
