"""Maintenance, simulated on a real Dovecot: snapshot, outage, late mail, resync, exact report."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from imapclient import IMAPClient

from mailguard.core.refresh_report import RESEND_NOTE
from tests.cli.cli_runner import MailguardCli, error_line
from tests.dovecot import Dovecot, MailUser, make_message
from tests.tcp_relay import TcpRelay

SEEN, FLAGGED = b"\\Seen", b"\\Flagged"
LONG_AGO = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def mid(name: str) -> str:
    return f"<{name.replace(' ', '-').replace(',', '')}@test.example.org>"


def deliver(server: Dovecot, user: MailUser, folder: str, name: str, **kwargs: Any) -> None:
    """A message with subject ``name`` and Message-ID ``<name@test.example.org>``."""
    flags = kwargs.pop("flags", "")
    internaldate = kwargs.pop("internaldate", None)
    kwargs.setdefault("date", LONG_AGO)
    kwargs.setdefault("message_id", mid(name))
    raw = make_message(subject=name, **kwargs)
    server.deliver(user, folder, raw, flags=flags, internaldate=internaldate)


def uids(server: Dovecot, user: MailUser) -> dict[str, tuple[str, int]]:
    """Subject → (folder, UID) for every message, as the server numbers them now."""
    found: dict[str, tuple[str, int]] = {}
    with server.client(user) as client:
        for _flags, _delimiter, name in client.list_folders():
            folder = name if isinstance(name, str) else name.decode()
            client.select_folder(folder, readonly=True)
            messages = client.search("ALL")
            for uid, data in client.fetch(messages, ["ENVELOPE"]).items() if messages else ():
                subject = (data[b"ENVELOPE"].subject or b"").decode()
                found[subject] = (folder, uid)
    return found


def uid_of(client: IMAPClient, name: str) -> int:
    (uid,) = client.search(["HEADER", "Message-ID", mid(name)])
    return int(uid)


@dataclass
class Window:
    start: datetime
    end: datetime

    @property
    def inside(self) -> datetime:
        return self.start + timedelta(seconds=1)

    @property
    def after(self) -> datetime:
        return self.end + timedelta(seconds=1)

    def write_ics(self, path: Path) -> None:
        stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
        path.write_text(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//mailguard tests//EN\r\n"
            "BEGIN:VEVENT\r\nUID:imap-maintenance@test.example.org\r\n"
            f"DTSTAMP:{stamp}\r\nDTSTART:{self.start:%Y%m%dT%H%M%SZ}\r\n"
            f"DTEND:{self.end:%Y%m%dT%H%M%SZ}\r\nSUMMARY:IMAP maintenance\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        )


def window_after(baseline_taken_at: str) -> Window:
    """A window of two seconds starting just after the baseline, whole seconds (like a Date)."""
    start = datetime.fromisoformat(baseline_taken_at).replace(microsecond=0) + timedelta(seconds=1)
    window = Window(start, start + timedelta(seconds=2))
    while datetime.now(UTC) < window.start:  # a window counts once it has begun
        time.sleep(0.05)
    return window


def same_report(report: dict[str, Any]) -> dict[str, Any]:
    """The report without what differs between two runs of the same comparison."""
    return {k: v for k, v in report.items() if k not in ("id", "created_at", "full")} | {
        "window": report["window"] and {**report["window"], "status": None}
    }


def outline(report: dict[str, Any]) -> dict[str, Any]:
    return {
        "backfilled": [
            (e["folder"], e["uid"], e["subject"], e["reason"]) for e in report["backfilled"]
        ],
        "new": [(e["folder"], e["uid"], e["subject"]) for e in report["new"]],
        "missing": [(e["folder"], e["uid"], e["subject"]) for e in report["missing"]],
        "moved": [
            (e["from_folder"], e["from_uid"], e["to_folder"], e["uid"], e["subject"])
            for e in report["moved"]
        ],
        "flags_changed": [
            (e["folder"], e["uid"], e["subject"], e["before"], e["after"])
            for e in report["flags_changed"]
        ],
        "folders": report["folders"],
        "sent_during_window": [
            (e["folder"], e["uid"], e["subject"]) for e in report["sent_during_window"]
        ],
        "copies": report["copies"],
    }  # fmt: skip


NO_FOLDER_CHANGES = {"added": [], "removed": [], "renamed": [], "uidvalidity_changed": []}
NO_COPIES = {"added": [], "removed": []}


def resync_three_ways(cli: MailguardCli) -> dict[str, Any]:
    """Incremental, ``--full``, then incremental again from the stored state: one report."""
    runs = [cli("resync", "work", "--json"), cli("resync", "work", "--full", "--json")]
    runs.append(cli("resync", "work", "--json"))
    assert [r.exit_code for r in runs] == [0, 0, 0], [r.err for r in runs]
    reports = [r.json() for r in runs]
    assert [r["full"] for r in reports] == [False, True, False]
    assert same_report(reports[1]) == same_report(reports[0])
    assert same_report(reports[2]) == same_report(reports[0])
    return reports[0]


@pytest.fixture
def schedule(tmp_path: Path) -> Path:
    return tmp_path / "maintenance.ics"


def test_a_maintenance_is_reported_exactly(
    cli: MailguardCli, dovecot: Dovecot, schedule: Path
) -> None:
    user = dovecot.add_user()
    deliver(dovecot, user, "INBOX", "keep", flags="\\Seen")
    deliver(dovecot, user, "INBOX", "unread again", flags="\\Seen")
    deliver(dovecot, user, "INBOX", "flagged, unread again", flags="\\Seen \\Flagged")
    deliver(dovecot, user, "INBOX", "to be moved", flags="\\Seen")
    deliver(dovecot, user, "INBOX", "to be deleted")
    deliver(dovecot, user, "INBOX", "without an id", message_id=None)
    deliver(dovecot, user, "Archive", "archived")
    for name in ("project 1", "project 2", "project 3"):
        deliver(dovecot, user, "Projects", name)
    deliver(dovecot, user, "Sent", "sent long ago", flags="\\Seen")
    assert cli.add_account(dovecot, user, "--source", str(schedule)).exit_code == 0
    snapshot = cli("snapshot", "work", "--json")
    assert snapshot.exit_code == 0, snapshot.err
    assert snapshot.json()["messages"] == 11

    # The provider fiddles with the mailbox during its maintenance ...
    with dovecot.client(user) as client:
        client.select_folder("INBOX")
        unread = [uid_of(client, "unread again"), uid_of(client, "flagged, unread again")]
        client.remove_flags(unread, [SEEN])
        moved_from = uid_of(client, "to be moved")
        client.move([moved_from], "Archive")
        deleted = uid_of(client, "to be deleted")
        client.delete_messages([deleted])
        client.expunge()
        client.rename_folder("Projects", "Old Projects")
    window = window_after(snapshot.json()["taken_at"])
    window.write_ics(schedule)
    # ... and delivers what came in meanwhile once it is back.
    dovecot.stop()
    deliver(dovecot, user, "INBOX", "late 1", date=window.inside)
    deliver(dovecot, user, "INBOX", "late 2", date=window.inside, flags="\\Flagged")
    deliver(dovecot, user, "INBOX", "late but old", date=LONG_AGO)
    deliver(dovecot, user, "INBOX", "fresh", date=window.after, internaldate=window.after)
    deliver(dovecot, user, "Sent", "sent in the window", date=window.inside, flags="\\Seen")
    dovecot.start()

    report = resync_three_ways(cli)
    now = uids(dovecot, user)
    assert outline(report) == {
        "backfilled": sorted(
            [
                (*now["late 1"], "late 1", "during_window"),
                (*now["late 2"], "late 2", "during_window"),
                (*now["late but old"], "late but old", "before_baseline"),
            ]
        ),
        "new": [(*now["fresh"], "fresh")],
        "missing": [("INBOX", deleted, "to be deleted")],
        "moved": [("INBOX", moved_from, *now["to be moved"], "to be moved")],
        "flags_changed": sorted(
            [
                ("INBOX", unread[0], "unread again", ["\\Seen"], []),
                (
                    "INBOX",
                    unread[1],
                    "flagged, unread again",
                    ["\\Flagged", "\\Seen"],
                    ["\\Flagged"],
                ),
            ]
        ),
        "folders": {**NO_FOLDER_CHANGES, "renamed": [{"from": "Projects", "to": "Old Projects"}]},
        "sent_during_window": [(*now["sent in the window"], "sent in the window")],
        "copies": NO_COPIES,
    }
    assert report["account"] == "work"
    assert report["baseline"] == {"taken_at": snapshot.json()["taken_at"]}
    assert report["window"]["start"] == window.start.isoformat()
    assert report["window"]["end"] == window.end.isoformat()
    assert report["window"]["title"] == "IMAP maintenance"
    late = next(e for e in report["backfilled"] if e["subject"] == "late 1")
    assert late["message_id"] == mid("late 1")
    assert late["from"] == "Alice <alice@example.org>"
    assert datetime.fromisoformat(late["date"]) == window.inside
    assert datetime.fromisoformat(late["internaldate"]) >= window.start
    assert report["sent_during_window"][0]["note"] == RESEND_NOTE

    human = cli("resync", "work")
    assert human.exit_code == 0
    for heading in (
        "Missing (in no folder any more): 1",
        "Sent during the window: 1",
        "Backfilled (arrived late): 3",
        "Moved: 1",
        "Flags changed: 2",
        "New: 1",
        "Folders renamed: Projects → Old Projects",
    ):
        assert heading in human.out, human.out

    stored = cli("report", "work", "--json")
    assert [r["id"] for r in stored.json()] == [4, 3, 2, 1]
    assert cli("report", "work", "--json", "--last", "1").json()[0]["id"] == 4


def test_a_new_uidvalidity_is_matched_by_message_id_not_reported_as_everything_new(
    cli: MailguardCli, dovecot: Dovecot, schedule: Path
) -> None:
    user = dovecot.add_user()
    for index in range(5):
        deliver(dovecot, user, "INBOX", f"message {index}", flags="\\Seen" if index % 2 else "")
    deliver(dovecot, user, "INBOX", "no id here", message_id=None)
    deliver(dovecot, user, "Archive", "archived")
    assert cli.add_account(dovecot, user, "--source", str(schedule)).exit_code == 0
    snapshot = cli("snapshot", "work", "--json")
    window = window_after(snapshot.json()["taken_at"])
    window.write_ics(schedule)
    dovecot.stop()
    dovecot.reset_uidvalidity(user, "INBOX")
    deliver(dovecot, user, "INBOX", "late", date=window.inside)
    dovecot.start()

    report = resync_three_ways(cli)
    now = uids(dovecot, user)
    assert outline(report) == {
        "backfilled": [(*now["late"], "late", "during_window")],
        "new": [],
        "missing": [],
        "moved": [],
        "flags_changed": [],
        "folders": {**NO_FOLDER_CHANGES, "uidvalidity_changed": ["INBOX"]},
        "sent_during_window": [],
        "copies": NO_COPIES,
    }


def test_without_a_window_late_mail_is_told_from_new_mail_by_the_baseline_time(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    deliver(dovecot, mail_user, "INBOX", "old")
    assert cli.add_account(dovecot, mail_user).exit_code == 0
    snapshot = cli("snapshot", "work", "--json")
    assert snapshot.exit_code == 0
    later = datetime.fromisoformat(snapshot.json()["taken_at"]) + timedelta(seconds=2)
    deliver(dovecot, mail_user, "INBOX", "late but old")
    deliver(dovecot, mail_user, "INBOX", "today", date=later, internaldate=later)
    report = cli("resync", "work", "--json").json()
    assert report["window"] is None
    assert [(e["subject"], e["reason"]) for e in report["backfilled"]] == [
        ("late but old", "before_baseline")
    ]
    assert [e["subject"] for e in report["new"]] == ["today"]


def test_an_unreadable_schedule_is_a_warning_not_a_failed_resync(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser, tmp_path: Path
) -> None:
    cli.add_account(dovecot, mail_user, "--source", str(tmp_path / "missing.ics"))
    cli("snapshot", "work")
    result = cli("resync", "work")
    assert result.exit_code == 0
    assert "warning: schedule of work:" in result.err
    assert "nothing changed since the snapshot" in result.out


def test_resync_needs_a_snapshot_first(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    result = cli("resync", "work")
    assert result.exit_code == 2
    assert "mailguard snapshot work" in error_line(result)


def test_a_wrong_password_fails_the_resync_in_one_line(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    # Saved without the login test: as if the password had changed since.
    cli.add_account(dovecot, mail_user, "--no-test", password="wrong-one")
    result = cli("snapshot", "work")
    assert result.exit_code == 2
    line = error_line(result)
    assert "rejected the user name or password" in line
    assert "wrong-one" not in line


# -- the server vanishing mid-refresh ---------------------------------------------------


@pytest.fixture
def busy_server(fresh_dovecot: Dovecot) -> Iterator[tuple[Dovecot, MailUser, TcpRelay]]:
    """A server of the test's own with many folders, reached through a relay that can cut in."""
    user = fresh_dovecot.add_user()
    for folder in range(40):
        for index in range(4):
            deliver(fresh_dovecot, user, f"Folder {folder}", f"m {folder}.{index}")
    relay = TcpRelay(fresh_dovecot.host, fresh_dovecot.imaps_port)
    yield fresh_dovecot, user, relay
    relay.close()


#: Server bytes before it dies: the TLS handshake, login and folder list take
#: about 6 KB, an incremental read of the 45 folders about 20 KB more and a full
#: read far more, so this lands in the middle of the folders for every command.
KILL_AFTER_SERVER_BYTES = 14_000


def stored_state(home: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(home / "data" / "mailguard.sqlite3") as db:
        return [
            *db.execute("SELECT id, taken_at FROM snapshot ORDER BY id"),
            *db.execute("SELECT * FROM refresh_state"),
            *db.execute("SELECT * FROM refresh_folder ORDER BY name"),
            *db.execute("SELECT * FROM refresh_message ORDER BY folder, uid"),
            *db.execute("SELECT COUNT(*), SUM(uid) FROM message"),
            *db.execute("SELECT COUNT(*) FROM report"),
        ]


@pytest.mark.parametrize(
    "command",
    [("resync", "work"), ("resync", "work", "--full"), ("snapshot", "work")],
    ids=["incremental resync", "full resync", "snapshot"],
)
def test_a_server_killed_mid_read_leaves_the_last_good_state_and_a_later_run_works(
    cli: MailguardCli, busy_server: tuple[Dovecot, MailUser, TcpRelay], command: tuple[str, ...]
) -> None:
    server, user, relay = busy_server
    cli(
        "account", "add", "work", "--host", relay.host, "--port", str(relay.port),
        "--user", user.name, "--ca-file", str(server.ca_file), "--password-stdin",
        stdin=user.password + "\n",
    )  # fmt: skip
    snapshot = cli("snapshot", "work", "--json")
    assert snapshot.exit_code == 0
    later = datetime.fromisoformat(snapshot.json()["taken_at"]) + timedelta(seconds=2)
    deliver(server, user, "Folder 3", "between", date=later, internaldate=later)
    assert cli("resync", "work").exit_code == 0  # the refresh state now differs from the baseline
    before = stored_state(cli.home)

    relay.arm(KILL_AFTER_SERVER_BYTES, server.kill)
    result = cli(*command)
    assert relay.wait_triggered(), "the read ended before the server was killed"
    assert result.exit_code == 2, result.err
    # Which folder's answer was cut depends on how the server batched its replies.
    assert re.search(
        r"closed the connection while reading (Folder \d+|INBOX|Sent|Drafts|Trash|Junk)",
        error_line(result),
    )
    assert stored_state(cli.home) == before

    server.start()
    deliver(server, user, "INBOX", "late", date=datetime.now(UTC) - timedelta(days=1))
    again = cli("resync", "work", "--json")
    assert again.exit_code == 0, again.err + server.log_tail()
    report = again.json()
    assert [(e["subject"], e["reason"]) for e in report["backfilled"]] == [
        ("late", "before_baseline")
    ]
    assert report["missing"] == []
    assert [e["subject"] for e in report["new"]] == ["between"]
