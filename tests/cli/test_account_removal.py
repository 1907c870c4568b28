"""``mailguard account remove``: all of the account goes, and a new one of its name starts empty.

Against the real Dovecot, a real file keyring and a real local HTTP server for
the schedule sources.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailguard.net.cache import SourceCache
from mailguard.store.account_data import account_tables
from mailguard.store.paths import AppPaths
from tests.cli.cli_runner import MailguardCli, error_line
from tests.dovecot import Dovecot, MailUser, make_message
from tests.httpserver import ScriptedServer

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def web() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


def rows_of(cli: MailguardCli, account: str) -> dict[str, int]:
    """How many rows each table holds for ``account`` (tables without rows left out)."""
    with sqlite3.connect(cli.home / "data" / "mailguard.sqlite3") as db:
        counts = {
            table: db.execute(
                f'SELECT COUNT(*) FROM "{table}" WHERE account = ?',  # noqa: S608
                (account,),
            ).fetchone()[0]
            for table in account_tables(db)
        }
    return {table: count for table, count in counts.items() if count}


def add_window(cli: MailguardCli, start: timedelta, end: timedelta) -> None:
    result = cli(
        "window", "add", "work", "--start", (NOW + start).isoformat(),
        "--end", (NOW + end).isoformat(), "--title", "Storage upgrade",
    )  # fmt: skip
    assert result.exit_code == 0, result.err


def test_an_account_added_again_under_its_name_inherits_nothing(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser, web: ScriptedServer
) -> None:
    own = web.serve_file("/work.ics", SAMPLES / "ical-provider-maintenance-berlin.ics")
    shared = web.serve_file("/summary.json", SAMPLES / "statuspage-summary.json")
    dovecot.deliver(mail_user, "INBOX", make_message(subject="invoice 7"))
    assert cli.add_account(dovecot, mail_user, "--source", own, "--source", shared).exit_code == 0
    assert (
        cli.add_account(dovecot, dovecot.add_user(), "--source", shared, name="home").exit_code == 0
    )
    # Everything an account gathers: a manual window (active now), what watch announced
    # and the baseline it took for it, a journal entry (cancelled: nothing pending), a
    # filing rule, a resync's report and refresh state, cached copies of its schedules.
    add_window(cli, timedelta(minutes=-10), timedelta(minutes=50))
    assert cli("folder", "create", "work", "Later", "--queue").exit_code == 0
    assert cli("queue", "work", "--cancel", "1").exit_code == 0
    assert cli("rule", "add", "work", "bills", "--folder", "INBOX", "--to-folder", "Bills",
               "--subject", "invoice").exit_code == 0  # fmt: skip
    watched = cli("watch", "--once")
    assert watched.exit_code == 0, watched.err
    assert "baseline taken" in watched.out
    assert cli("resync", "work").exit_code == 0
    gathered = rows_of(cli, "work")
    assert {
        "journal_entry", "manual_window", "filing_rule", "window_record", "snapshot", "report",
        "refresh_state",
    } <= gathered.keys()  # fmt: skip
    home_before = rows_of(cli, "home")
    cache = SourceCache(AppPaths.resolve(cli.home).http_cache_dir)
    assert cache.load(own) is not None and cache.load(shared) is not None

    removed = cli("account", "remove", "work")

    assert removed.exit_code == 0, removed.err
    assert removed.out.startswith("removed work with its password")
    assert rows_of(cli, "work") == {}
    assert rows_of(cli, "home") == home_before
    assert cache.load(own) is None  # only work read it
    assert cache.load(shared) is not None  # home still does
    with sqlite3.connect(cli.home / "data" / "mailguard.sqlite3") as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        (folders,) = db.execute("SELECT COUNT(*) FROM folder").fetchone()
        assert folders == 0  # work's baseline's folders went with it; home has none

    assert cli.add_account(dovecot, mail_user).exit_code == 0
    assert cli("queue", "work", "--json").json()["entries"] == []
    assert cli("rule", "list", "--json").json() == []
    assert cli("report", "work", "--json").json() == []
    status = {a["name"]: a for a in cli("status", "--json").json()["accounts"]}
    assert (status["work"]["state"], status["work"]["window"]) == ("clear", None)
    resync = cli("resync", "work")
    assert resync.exit_code == 2
    assert "no snapshot of 'work'" in error_line(resync)
    assert cli("snapshot", "work").exit_code == 0
    assert cli("resync", "work", "--json").json()["summary"]["new"] == 0
    assert "work" not in cli("watch", "--once").out  # nothing announced again, nothing to replay


def test_removal_is_refused_while_operations_are_queued_unless_forced(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    add_window(cli, timedelta(minutes=-10), timedelta(minutes=20))
    assert cli("folder", "create", "work", "Archive", "--queue").exit_code == 0
    assert cli("folder", "rename", "work", "Junk", "Spam", "--queue").exit_code == 0

    refused = cli("account", "remove", "work")

    assert refused.exit_code == 3
    line = error_line(refused)
    assert "work has 2 queued operation(s) that would be lost" in line
    assert "#1 create folder 'Archive'" in line and "#2 rename folder 'Junk'" in line
    assert line.endswith("or remove it anyway with --force")
    assert [a["name"] for a in cli("account", "list", "--json").json()] == ["work"]
    assert rows_of(cli, "work")["journal_entry"] == 2

    forced = cli("account", "remove", "work", "--force")

    assert forced.exit_code == 0, forced.err
    assert "(2 queued operation(s) dropped)" in forced.out
    assert rows_of(cli, "work") == {}
    assert cli("account", "list", "--json").json() == []
