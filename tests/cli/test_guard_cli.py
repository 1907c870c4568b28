"""The guard's commands against a real Dovecot: sources, windows, status, refusal and the queue."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.cli.cli_runner import MailguardCli, error_line
from tests.dovecot import Dovecot, MailUser, make_message

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NOW = datetime.now(UTC).replace(microsecond=0)


def add_window(
    cli: MailguardCli, start: timedelta, end: timedelta, title: str = "Mail migration"
) -> None:
    result = cli(
        "window", "add", "work", "--start", (NOW + start).isoformat(),
        "--end", (NOW + end).isoformat(), "--title", title,
    )  # fmt: skip
    assert result.exit_code == 0, result.err


def folders(dovecot: Dovecot, user: MailUser) -> set[str]:
    return dovecot.folder_names(user)


def test_sources_are_added_listed_and_removed_with_their_options(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    # A made-up page: this test is about the options kept, tests/cli/test_source_cli.py
    # about reading a source when it is added.
    added = cli(
        "source", "add", "work", "https://status.example.org/api/v2/summary.json",
        "--kind", "statuspage", "--tz", "Europe/Berlin", "--component", "IMAP", "--anyway",
    )  # fmt: skip
    assert added.exit_code == 0, added.err
    assert cli("source", "add", "work", "mailbox:INBOX", "--from-address", "noc@x").exit_code == 0
    listed = cli("source", "list", "--json").json()
    fields = ("location", "kind", "tz", "components", "from_address")
    assert [tuple(s[f] for f in fields) for s in listed] == [
        (
            "https://status.example.org/api/v2/summary.json",
            "statuspage",
            "Europe/Berlin",
            ["IMAP"],
            None,
        ),
        ("mailbox:INBOX", "auto", None, [], "noc@x"),
    ]
    assert cli("source", "remove", "work", "mailbox:INBOX").exit_code == 0
    assert [s["location"] for s in cli("source", "list", "--json").json()] == [
        "https://status.example.org/api/v2/summary.json"
    ]


def test_a_mailbox_source_needs_a_sender_address(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    result = cli("source", "add", "work", "mailbox:INBOX")
    assert result.exit_code == 2
    assert "--from-address" in error_line(result)


def test_plain_source_strings_in_accounts_json_still_load(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user, "--source", "https://a.example/feed")
    path = cli.home / "config" / "accounts.json"
    assert json.loads(path.read_text())["accounts"][0]["sources"] == ["https://a.example/feed"]
    assert cli("source", "list", "--json").json()[0]["location"] == "https://a.example/feed"


def test_status_follows_a_manual_window_through_its_states(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    add_window(cli, timedelta(hours=2), timedelta(hours=3))
    expected = [
        (NOW - timedelta(days=3), "clear"),
        (NOW, "upcoming"),
        (NOW + timedelta(hours=1, minutes=50), "imminent"),
        (NOW + timedelta(hours=2, minutes=30), "active"),
        (NOW + timedelta(hours=4), "settling"),
    ]
    for moment, state in expected:
        status = cli("status", "--json", "--now", moment.isoformat()).json()
        assert status["accounts"][0]["state"] == state, moment
    active = cli("status", "--json", "--now", (NOW + timedelta(hours=2, minutes=30)).isoformat())
    account = active.json()["accounts"][0]
    assert account["name"] == "work"
    assert account["window"]["title"] == "Mail migration"
    reopen = NOW + timedelta(hours=3, minutes=15) + timedelta(hours=3)
    assert datetime.fromisoformat(account["edits_open_at"]) == reopen
    assert account["queued"] == 0


def test_status_never_records_an_announcement(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    add_window(cli, timedelta(minutes=5), timedelta(hours=1))
    assert cli("status").exit_code == 0
    assert cli("queue", "work", "--now", NOW.isoformat()).exit_code == 0
    with sqlite3.connect(cli.home / "data" / "mailguard.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM window_record").fetchone() == (0,)


def test_a_folder_edit_during_a_window_is_refused_with_one_line_and_exit_code_3(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    add_window(cli, timedelta(minutes=-10), timedelta(hours=1))
    result = cli("folder", "create", "work", "Archive")
    assert result.exit_code == 3
    line = error_line(result)
    assert "refused: create folder 'Archive': maintenance window 'Mail migration'" in line
    assert "edits open again at" in line and line.endswith("use --queue to do it then")
    assert "Archive" not in folders(dovecot, mail_user)


def test_a_queued_edit_is_journaled_listed_and_can_be_cancelled(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    dovecot.deliver(mail_user, "INBOX", make_message(message_id="<m1@x>"))
    dovecot.ensure_folder(mail_user, "Archive")
    add_window(cli, timedelta(minutes=-10), timedelta(hours=1))
    queued = cli("move", "work", "--from", "INBOX", "--to", "Archive", "1", "--queue")
    assert queued.exit_code == 0, queued.err
    assert queued.out.startswith("queued as #1: move 1 message from 'INBOX' to 'Archive'")
    assert cli("folder", "create", "work", "Later", "--queue").exit_code == 0
    entries = cli("queue", "work", "--json").json()["entries"]
    assert [(e["id"], e["state"]) for e in entries] == [(1, "queued"), (2, "queued")]
    assert entries[0]["operation"]["message_keys"] == ["mid:<m1@x>"]
    assert cli("status", "--json").json()["accounts"][0]["queued"] == 2
    assert cli("queue", "work", "--cancel", "2").exit_code == 0
    assert cli("status", "--json").json()["accounts"][0]["queued"] == 1
    again = cli("queue", "work", "--cancel", "2")
    assert again.exit_code == 2
    assert "only a queued operation can be cancelled" in error_line(again)


def test_a_folder_edit_with_no_window_near_runs_at_once(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    created = cli("folder", "create", "work", "Archive")
    assert created.exit_code == 0, created.err
    assert created.out == "#1: created folder 'Archive'\n"
    assert "Archive" in folders(dovecot, mail_user)
    renamed = cli("folder", "rename", "work", "Archive", "Old")
    assert renamed.exit_code == 0, renamed.err
    assert {"Old"} <= folders(dovecot, mail_user) - {"Archive"}
    assert cli("queue", "work", "--json").json()["entries"][1]["state"] == "done"


def test_a_direct_edit_that_cannot_reach_the_server_leaves_nothing_queued(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    # Saved without the login test: as if the password had changed since.
    cli.add_account(dovecot, mail_user, "--no-test", password="wrong password")
    failed = cli("folder", "create", "work", "Archive")
    assert failed.exit_code == 2
    assert "rejected" in error_line(failed)
    (entry,) = cli("queue", "work", "--json").json()["entries"]
    assert entry["state"] == "cancelled"  # a failed edit must not quietly happen later
    assert cli("status", "--json").json()["accounts"][0]["queued"] == 0


def test_moving_an_unknown_uid_is_a_usage_error(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    dovecot.ensure_folder(mail_user, "INBOX")
    dovecot.ensure_folder(mail_user, "Archive")
    result = cli("move", "work", "--from", "INBOX", "--to", "Archive", "7")
    assert result.exit_code == 2
    assert "no message with UID 7 in 'INBOX'" in error_line(result)


def test_a_queued_edit_is_replayed_by_watch_once_the_window_has_settled(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    dovecot.ensure_folder(mail_user, "INBOX")
    add_window(cli, timedelta(minutes=-10), timedelta(minutes=20))
    assert cli("folder", "create", "work", "Archive", "--queue").exit_code == 0
    settled = (NOW + timedelta(hours=4)).isoformat()
    watched = cli("watch", "--once", "--now", settled)
    assert watched.exit_code == 0, watched.err
    assert "#1 created folder 'Archive'" in watched.out
    assert "Archive" in folders(dovecot, mail_user)
    assert cli("queue", "work", "--json").json()["entries"][0]["state"] == "done"
    again = cli("watch", "--once", "--now", settled)
    assert again.out == ""


def test_filing_rules_are_added_listed_and_removed(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    added = cli(
        "rule", "add", "work", "bills", "--folder", "INBOX", "--to-folder", "Bills",
        "--subject", "invoice", "--from", "shop@example.org",
    )  # fmt: skip
    assert added.exit_code == 0, added.err
    listed = cli("rule", "list", "--json").json()
    assert listed == [
        {
            "account": "work", "name": "bills", "folder": "INBOX", "target": "Bills",
            "sender_contains": "shop@example.org", "recipient_contains": None,
            "subject_contains": "invoice",
        }
    ]  # fmt: skip
    assert cli("rule", "remove", "work", "bills").exit_code == 0
    assert cli("rule", "list", "--json").json() == []
    unconditional = cli("rule", "add", "work", "all", "--folder", "INBOX", "--to-folder", "X")
    assert unconditional.exit_code == 2
    assert "needs at least one condition" in error_line(unconditional)


def test_a_notice_mailed_by_the_provider_puts_the_account_in_its_window(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    sample = (SAMPLES / "announcement-en-mail-provider-2026-03.txt").read_text(encoding="utf-8")
    head, _, body = sample.partition("\n\n")
    notice = head + "\nMessage-ID: <notice@mail.example.net>\nContent-Type: text/plain\n\n" + body
    dovecot.deliver(mail_user, "INBOX", notice.replace("\n", "\r\n").encode())
    decoy = make_message(
        sender="someone@example.org",
        subject="Maintenance",
        body="Maintenance on March 20, 2026 from 10 pm to 11 pm CET.\n",
    )
    dovecot.deliver(mail_user, "INBOX", decoy)
    added = cli(
        "source", "add", "work", "mailbox:INBOX",
        "--from-address", "status@mail.example.net", "--tz", "Europe/Berlin",
    )  # fmt: skip
    assert added.exit_code == 0, added.err

    during = cli("status", "--json", "--now", "2026-03-10T22:30:00+01:00")
    assert during.exit_code == 0, during.err
    account = during.json()["accounts"][0]
    assert account["state"] == "active"
    assert account["window"]["title"] == "Scheduled maintenance: IMAP and webmail, March 2026"
    assert account["window"]["kind"] == "mailbox"
    decoy_time = cli("status", "--json", "--now", "2026-03-20T22:30:00+01:00").json()
    assert decoy_time["accounts"][0]["state"] == "clear"


def test_watch_json_prints_one_event_object_per_line_and_the_log_file_keeps_them(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    dovecot.ensure_folder(mail_user, "INBOX")
    add_window(cli, timedelta(minutes=-10), timedelta(minutes=20))
    assert cli("folder", "create", "work", "Archive", "--queue").exit_code == 0
    settled = (NOW + timedelta(hours=4)).isoformat()
    watched = cli("watch", "--once", "--json", "--now", settled)
    assert watched.exit_code == 0, watched.err
    records = [json.loads(line) for line in watched.out.splitlines()]
    assert [r["event"] for r in records] == ["edit_replayed"]
    replayed = records[0]
    assert (replayed["account"], replayed["id"], replayed["state"]) == ("work", 1, "done")
    assert replayed["operation"]["kind"] == "create_folder"
    logged = (cli.home / "logs" / "mailguard.log").read_text(encoding="utf-8")
    assert "INFO mailguard.guard: work #1 created folder 'Archive'" in logged


def test_folder_list_shows_every_folder_with_its_message_count(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    for n in range(3):
        dovecot.deliver(mail_user, "Archive/2026", make_message(message_id=f"<a{n}@x>"))
    dovecot.deliver(mail_user, "INBOX", make_message(message_id="<i@x>"))
    listed = cli("folder", "list", "work", "--json")
    assert listed.exit_code == 0, listed.err
    folders = {f["name"]: f for f in listed.json()["folders"]}
    assert folders["Archive/2026"]["messages"] == 3
    assert folders["INBOX"]["messages"] == 1
    assert listed.json()["folders"][0]["name"] == "INBOX"
    assert "Archive/2026       3" in cli("folder", "list", "work").out


def test_every_command_shows_a_window_in_one_style_with_its_zone(
    cli: MailguardCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    start = NOW.replace(second=0) - timedelta(minutes=10)
    end = start + timedelta(minutes=4)
    berlin = ZoneInfo("Europe/Berlin")
    local_start, local_end = start.astimezone(berlin), end.astimezone(berlin)
    end_format = "%H:%M" if local_end.date() == local_start.date() else "%Y-%m-%d %H:%M"
    shown = f"{local_start:%Y-%m-%d %H:%M}–{local_end.strftime(end_format)} {local_end:%Z}"
    if local_start.tzname() != local_end.tzname():  # a DST change: each end names its zone
        shown = shown.replace("–", f" {local_start:%Z}–")
    cli("account", "add", "work", "--host", "127.0.0.1", "--user", "me", "--no-test",
        "--password-stdin", stdin="secret\n")  # fmt: skip
    cli("window", "add", "work", "--start", start.isoformat(), "--end", end.isoformat(),
        "--title", "Short")  # fmt: skip
    lines = {
        "status": cli("status").out,
        "window list": cli("window", "list").out,
        "refusal": cli("folder", "create", "work", "Archive").err,
    }
    for command, text in lines.items():
        assert shown in text, (command, text)
