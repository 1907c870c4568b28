"""``mailguard watch`` killed with SIGKILL in the middle of a replay, then run again.

The test hook MAILGUARD_TEST_PAUSE_AFTER stops the replay right after a step
(the entry marked RUNNING; the server changed but the journal not yet told);
the process is killed there, and a second run must finish the journal with
every message exactly once (Message-IDs counted per folder).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from tests.cli.cli_runner import MailguardCli
from tests.dovecot import Dovecot, MailUser, make_message

NOW = datetime.now(UTC).replace(microsecond=0)
SETTLED = (NOW + timedelta(hours=5)).isoformat()


def contents(dovecot: Dovecot, user: MailUser, folder: str) -> Counter[str]:
    return dovecot.message_ids(user, folder)


def watch_once(cli: MailguardCli, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mailguard", "--home", str(cli.home), "watch", "--once",
         "--now", SETTLED],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


@pytest.mark.parametrize("step", ["running", "executed"])
def test_a_replay_killed_after_any_step_resumes_with_nothing_duplicated_or_lost(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser, step: str
) -> None:
    cli.add_account(dovecot, mail_user)
    for message_id in ("<a@x>", "<b@x>", "<keep@x>"):
        dovecot.deliver(mail_user, "INBOX", make_message(message_id=message_id))
    dovecot.ensure_folder(mail_user, "Archive")
    with dovecot.client(mail_user) as client:
        client.select_folder("INBOX", readonly=True)
        uids = [client.search(["HEADER", "Message-ID", m])[0] for m in ("<a@x>", "<b@x>")]
    window = cli(
        "window", "add", "work", "--start", (NOW - timedelta(minutes=5)).isoformat(),
        "--end", (NOW + timedelta(minutes=30)).isoformat(),
    )  # fmt: skip
    assert window.exit_code == 0, window.err
    move = ("move", "work", "--from", "INBOX", "--to", "Archive", *map(str, uids), "--queue")
    assert cli(*move).exit_code == 0
    assert cli("folder", "create", "work", "Later", "--queue").exit_code == 0

    paused = watch_once(cli, MAILGUARD_TEST_PAUSE_AFTER=step)
    try:
        assert paused.stderr is not None
        assert paused.stderr.readline().strip() == f"paused after {step} #1"
    finally:
        paused.send_signal(signal.SIGKILL)
        paused.communicate(timeout=10)
    assert cli("queue", "work", "--json").json()["entries"][0]["state"] == "running"

    resumed = watch_once(cli)
    out, err = resumed.communicate(timeout=60)
    assert resumed.returncode == 0, err

    assert "#1 " in out and "#2 created folder 'Later'" in out
    assert contents(dovecot, mail_user, "Archive") == Counter({"<a@x>": 1, "<b@x>": 1})
    assert contents(dovecot, mail_user, "INBOX") == Counter({"<keep@x>": 1})
    states = [e["state"] for e in cli("queue", "work", "--json").json()["entries"]]
    assert states == ["done", "done"]
