"""Nothing done through mailguard loses mail: issue 8's safety rules against a real Dovecot.

A folder delete names and re-checks its mail; a snapshot never replaces a
baseline a window still compares against; the queue is planned as a whole;
one guard per home; release opens edits early only after a resync.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.cli.cli_runner import MailguardCli, error_line
from tests.dovecot import Dovecot, MailUser, make_message

NOW = datetime.now(UTC).replace(microsecond=0)
SETTLED = (NOW + timedelta(hours=4)).isoformat()


def add_window(cli: MailguardCli, start: timedelta, end: timedelta, title: str = "Upgrade") -> None:
    result = cli(
        "window", "add", "work", "--start", (NOW + start).isoformat(),
        "--end", (NOW + end).isoformat(), "--title", title,
    )  # fmt: skip
    assert result.exit_code == 0, result.err


def fill(dovecot: Dovecot, user: MailUser, folder: str, count: int, prefix: str) -> None:
    for n in range(count):
        dovecot.deliver(user, folder, make_message(message_id=f"<{prefix}{n}@x>"))


# -- 1. a delete of a folder holding mail ------------------------------------------------


def test_deleting_a_folder_that_holds_mail_needs_with_messages_and_says_the_count(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    fill(dovecot, mail_user, "Old", 3, "old")

    refused = cli("folder", "delete", "work", "Old")
    assert refused.exit_code == 3
    assert "folder 'Old' holds 3 messages; deleting it deletes them too" in error_line(refused)
    assert "--with-messages" in error_line(refused)
    assert dovecot.message_ids(mail_user, "Old") == Counter({f"<old{n}@x>": 1 for n in range(3)})
    assert cli("queue", "work", "--json").json()["entries"] == []

    deleted = cli("folder", "delete", "work", "Old", "--with-messages")
    assert deleted.exit_code == 0, deleted.err
    assert deleted.out == "#1: deleted folder 'Old' and its 3 messages\n"
    assert "Old" not in dovecot.folder_names(mail_user)


def test_an_empty_folder_is_deleted_without_confirmation(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    dovecot.ensure_folder(mail_user, "Empty")
    deleted = cli("folder", "delete", "work", "Empty")
    assert deleted.exit_code == 0, deleted.err
    assert deleted.out == "#1: deleted folder 'Empty'\n"


def test_a_queued_delete_is_skipped_when_more_mail_arrived_than_the_user_accepted(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    fill(dovecot, mail_user, "Old", 15, "old")
    add_window(cli, timedelta(minutes=-10), timedelta(minutes=20))

    queued = cli("folder", "delete", "work", "Old", "--with-messages", "--queue")
    assert queued.exit_code == 0, queued.err
    assert queued.out.startswith("queued as #1: delete folder 'Old' and its 15 messages")
    fill(dovecot, mail_user, "Old", 2, "late")  # the provider backfills into it meanwhile

    watched = cli("watch", "--once", "--now", SETTLED)
    assert watched.exit_code == 0, watched.err
    assert (
        "#1 skipped: delete folder 'Old' and its 15 messages: it now holds 17 messages, "
        "more than the 15 accepted when the delete was asked for; nothing was deleted"
    ) in watched.out
    assert sum(dovecot.message_ids(mail_user, "Old").values()) == 17
    (entry,) = cli("queue", "work", "--json").json()["entries"]
    assert entry["state"] == "skipped"
    listed = cli("queue", "work").out
    assert listed.count("delete folder 'Old'") == 1


def test_a_queued_delete_runs_when_the_folder_holds_what_was_accepted(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    fill(dovecot, mail_user, "Old", 2, "old")
    add_window(cli, timedelta(minutes=-10), timedelta(minutes=20))
    assert cli("folder", "delete", "work", "Old", "--with-messages", "--queue").exit_code == 0
    watched = cli("watch", "--once", "--now", SETTLED)
    assert "#1 deleted folder 'Old' and its 2 messages" in watched.out
    assert "Old" not in dovecot.folder_names(mail_user)


# -- 2. the window's baseline ------------------------------------------------------------


def test_a_snapshot_while_a_window_needs_its_baseline_is_refused_unless_replaced(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    dovecot.deliver(mail_user, "INBOX", make_message(message_id="<before@x>"))
    assert cli("snapshot", "work").exit_code == 0
    add_window(cli, timedelta(minutes=-30), timedelta(minutes=-5))  # ended: backfill watch
    dovecot.deliver(mail_user, "INBOX", make_message(message_id="<late@x>"))

    refused = cli("snapshot", "work")
    assert refused.exit_code == 3
    line = error_line(refused)
    assert "comparing against the baseline taken before maintenance window 'Upgrade'" in line
    assert "--replace-baseline" in line

    report = cli("resync", "work", "--json")
    assert report.exit_code == 0, report.err
    assert [m["message_id"] for m in report.json()["new"] + report.json()["backfilled"]] == [
        "<late@x>"
    ]
    replaced = cli("snapshot", "work", "--replace-baseline")
    assert replaced.exit_code == 0, replaced.err


# -- 3. the queue as a whole ---------------------------------------------------------------


def test_a_queued_move_follows_a_rename_queued_before_it_and_so_does_the_rule(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    dovecot.deliver(mail_user, "INBOX", make_message(message_id="<m1@x>", subject="Hello"))
    dovecot.ensure_folder(mail_user, "Archive")
    rule = cli(
        "rule", "add", "work", "bills", "--folder", "INBOX", "--to-folder", "Archive",
        "--subject", "invoice",
    )  # fmt: skip
    assert rule.exit_code == 0, rule.err
    add_window(cli, timedelta(minutes=-10), timedelta(minutes=20))

    assert cli("folder", "rename", "work", "Archive", "Archive2", "--queue").exit_code == 0
    move = cli("move", "work", "--from", "INBOX", "--to", "Archive", "1", "--queue")
    assert move.exit_code == 0, move.err
    assert move.out.startswith("queued as #2: move 1 message from 'INBOX' to 'Archive2'; ")
    assert "'Archive' follows queued #1, which renames it to 'Archive2'" in move.out

    watched = cli("watch", "--once", "--now", SETTLED)
    assert watched.exit_code == 0, watched.err
    assert "#1 renamed folder 'Archive' to 'Archive2'" in watched.out
    assert "#2 moved 1 message from 'INBOX' to 'Archive2'" in watched.out
    assert dovecot.message_ids(mail_user, "Archive2") == Counter({"<m1@x>": 1})
    (rule_now,) = cli("rule", "list", "--json").json()
    assert (rule_now["folder"], rule_now["target"]) == ("INBOX", "Archive2")


def test_an_edit_naming_a_folder_a_queued_edit_deletes_is_refused_and_nothing_is_queued(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    dovecot.deliver(mail_user, "INBOX", make_message(message_id="<m1@x>"))
    dovecot.ensure_folder(mail_user, "Old")
    add_window(cli, timedelta(minutes=-10), timedelta(minutes=20))
    assert cli("folder", "delete", "work", "Old", "--queue").exit_code == 0
    refused = cli("move", "work", "--from", "INBOX", "--to", "Old", "1", "--queue")
    assert refused.exit_code == 3
    assert "queued #1 deletes 'Old' first" in error_line(refused)
    assert len(cli("queue", "work", "--json").json()["entries"]) == 1


# -- 4. one guard per home -----------------------------------------------------------------


def test_a_second_guard_on_the_same_home_names_the_first_and_exits_3(
    cli: MailguardCli, tmp_path: Path
) -> None:
    assert cli("account", "list").exit_code == 0  # the home exists
    env = {**os.environ, "MAILGUARD_HOME": str(cli.home)}
    first = subprocess.Popen(
        [sys.executable, "-m", "mailguard", "watch", "--tick", "3600"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        lock = cli.home / "data" / "guard.lock"
        deadline = time.monotonic() + 30
        while f"pid {first.pid}" not in (lock.read_text() if lock.exists() else ""):
            assert time.monotonic() < deadline, "the first guard never took the lock"
            assert first.poll() is None, first.communicate()
            time.sleep(0.05)

        second = cli("watch", "--once")
        assert second.exit_code == 3
        line = error_line(second)
        assert f"another guard is already running for this home (pid {first.pid}: " in line
        assert cli("status").exit_code == 0  # one-shot commands keep working beside it
    finally:
        first.terminate()
        first.wait(timeout=30)
    assert cli("watch", "--once").exit_code == 0  # the lock goes with its process


# -- 5. manual windows, listed and removed -------------------------------------------------


def test_manual_windows_are_listed_with_the_number_remove_takes_and_removed_by_id(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    add_window(cli, timedelta(hours=1), timedelta(hours=2), "First")
    add_window(cli, timedelta(hours=30), timedelta(hours=31), "Second")
    listed = cli("window", "list", "--json").json()["windows"]
    assert [(w["number"], w["title"], w["account"]) for w in listed] == [
        (1, "First", "work"),
        (2, "Second", "work"),
    ]
    text = cli("window", "list", "work").out.splitlines()
    assert text[0].startswith("#1  work  ") and "'First'" in text[0]
    status_window = cli("status", "--json").json()["accounts"][0]["window"]
    assert (status_window["number"], status_window["title"]) == (1, "First")

    assert cli("window", "remove", "work", status_window["id"]).exit_code == 0
    assert cli("window", "remove", "work", "2").exit_code == 0
    assert cli("window", "list", "--json").json()["windows"] == []
    unknown = cli("window", "remove", "work", "deadbeef")
    assert unknown.exit_code == 2
    assert "mailguard window list work" in error_line(unknown)


# -- 6. releasing edits early ----------------------------------------------------------------


def test_release_opens_edits_after_a_resync_with_yes_and_replays_the_queue(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    dovecot.ensure_folder(mail_user, "INBOX")
    assert cli("snapshot", "work").exit_code == 0
    add_window(cli, timedelta(minutes=-24), timedelta(minutes=-20))  # a four-minute window
    assert cli("folder", "create", "work", "Later", "--queue").exit_code == 0
    holding = cli("status", "--json").json()["accounts"][0]
    assert (holding["state"], holding["edits_released_at"]) == ("settling", None)
    assert holding["watch_ends_at"] == holding["edits_open_at"]
    assert "opened early" not in cli("status", "work").out

    before_resync = cli("release", "work", "--yes")
    assert before_resync.exit_code == 3
    assert "run mailguard resync work first" in error_line(before_resync)

    assert cli("resync", "work").exit_code == 0
    unconfirmed = cli("release", "work")
    assert unconfirmed.exit_code == 3
    line = error_line(unconfirmed)
    assert "may still deliver late mail until" in line and line.endswith("add --yes to release")
    assert "Later" not in dovecot.folder_names(mail_user)

    released = cli("release", "work", "--yes")
    assert released.exit_code == 0, released.err
    assert "work: folder edits are open again" in released.out
    assert "#1 created folder 'Later'" in released.out
    assert "Later" in dovecot.folder_names(mail_user)
    logged = (cli.home / "logs" / "mailguard.log").read_text()
    assert "mailguard.guard: work #1 created folder 'Later'" in logged  # as the guard's replays
    state = cli("status", "--json").json()["accounts"][0]
    assert (state["state"], state["edits_open_at"]) == ("settling", None)
    released_at = datetime.fromisoformat(state["edits_released_at"])
    assert NOW <= released_at <= datetime.now(UTC)
    watch_ends = datetime.fromisoformat(state["watch_ends_at"])
    window_end = datetime.fromisoformat(state["window"]["end"])
    assert watch_ends == window_end + timedelta(minutes=15) + timedelta(hours=3)  # margin, watch
    (line,) = cli("status", "work").out.splitlines()
    assert line.startswith(
        f"work: settling — edits opened early at {released_at:%Y-%m-%d %H:%M} UTC; "
        f"the backfill watch runs until {watch_ends.astimezone(UTC):%Y-%m-%d %H:%M} UTC; window "
    )
    assert cli("folder", "create", "work", "Now").exit_code == 0
    assert cli("release", "work", "--yes").out == "work: folder edits are open already\n"


def test_release_is_refused_during_the_window_itself(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    add_window(cli, timedelta(minutes=-5), timedelta(minutes=20))
    refused = cli("release", "work", "--yes")
    assert refused.exit_code == 3
    assert "is near or running" in error_line(refused)
