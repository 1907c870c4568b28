"""A full disk and a read-only home: one line saying what and where, exit 2, nothing lost.

Against the real thing: a 1 MiB tmpfs that a snapshot overflows, and a home
bind-mounted read-only (see tests/mounts.py; skipped, saying why, where
mounting is impossible). mailguard runs as its own process, as a user runs it,
so no log file stays open in the test process and the mounts can go.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.dovecot import Dovecot, MailUser, make_message
from tests.mounts import read_only, small_tmpfs


def mailguard(
    home: Path, *args: str, stdin: str = "", as_owner_only: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run mailguard; ``as_owner_only``: root without the capability to ignore file modes."""
    command = [sys.executable, "-m", "mailguard", "--home", str(home), *args]
    if as_owner_only and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("cannot drop root's CAP_DAC_OVERRIDE here: no setpriv")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", *command]
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def the_error(result: subprocess.CompletedProcess[str]) -> str:
    """The one stderr line of a command that failed with exit code 2."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mailguard: error: ")
    return lines[0].removeprefix("mailguard: error: ")


def add_account(home: Path, server: Dovecot, user: MailUser) -> None:
    added = mailguard(
        home, "account", "add", "work", "--host", server.host, "--port", str(server.imaps_port),
        "--user", user.name, "--ca-file", str(server.ca_file), "--password-stdin",
        stdin=user.password + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def database_dump(home: Path) -> list[str]:
    with sqlite3.connect(home / "data" / "mailguard.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return list(db.iterdump())


def test_a_snapshot_that_fills_the_disk_is_one_line_and_the_database_stays_as_it_was(
    tmp_path: Path, file_keyring: Path, dovecot: Dovecot, mail_user: MailUser
) -> None:
    for number in range(5):
        dovecot.deliver(mail_user, "INBOX", make_message(subject=f"early {number}"))
    with small_tmpfs(tmp_path / "disk", "1m") as disk:
        home = disk / "home"
        add_account(home, dovecot, mail_user)
        assert mailguard(home, "snapshot", "work").returncode == 0
        before = database_dump(home)
        for number in range(3000):  # their headers need more than the megabyte
            dovecot.deliver(
                mail_user, "INBOX", make_message(subject=f"later {number} " + "x" * 150)
            )

        full = mailguard(home, "snapshot", "work")

        database = home / "data" / "mailguard.sqlite3"
        assert the_error(full) == f"the disk is full: cannot write the database {database}"
        assert database_dump(home) == before
        # Commands that only read still work; the log line the full disk cannot take is dropped.
        listed = mailguard(home, "account", "list")
        assert listed.returncode == 0, listed.stderr
        assert listed.stderr == ""


@pytest.mark.parametrize(
    "command",
    [("account", "list"), ("schedule", "SAMPLE"), ("snapshot", "work"), ("resync", "work")],
    ids=" ".join,
)
def test_a_read_only_home_is_one_line_naming_it(
    tmp_path: Path,
    file_keyring: Path,
    dovecot: Dovecot,
    mail_user: MailUser,
    command: tuple[str, ...],
) -> None:
    dovecot.deliver(mail_user, "INBOX", make_message(subject="hello"))
    home = tmp_path / "home"
    add_account(home, dovecot, mail_user)
    assert mailguard(home, "snapshot", "work").returncode == 0
    before = database_dump(home)
    sample = Path(__file__).parent.parent / "samples" / "ical-all-day.ics"
    args = [str(sample) if word == "SAMPLE" else word for word in command]

    with read_only(home):
        result = mailguard(home, *args)
        message = the_error(result)

    assert "read-only" in message
    assert str(home) in message
    assert database_dump(home) == before


def test_a_read_only_data_folder_is_named_with_the_database(
    tmp_path: Path, file_keyring: Path, dovecot: Dovecot, mail_user: MailUser
) -> None:
    home = tmp_path / "home"
    add_account(home, dovecot, mail_user)
    assert mailguard(home, "snapshot", "work").returncode == 0
    before = database_dump(home)
    data = home / "data"

    with read_only(data):
        message = the_error(mailguard(home, "snapshot", "work"))

    assert message.startswith(f"{data}")
    assert message.endswith(f"is read-only: cannot write the database {data / 'mailguard.sqlite3'}")
    assert database_dump(home) == before


def test_a_database_once_made_read_only_is_written_again(
    tmp_path: Path, file_keyring: Path, dovecot: Dovecot, mail_user: MailUser
) -> None:
    """SQLite opened the 0400 file read-only and made its -shm 0400 too: every write after
    failed with "unexpected OperationalError". Root writes anyway, so the command runs
    without the capability that lets it (setpriv)."""
    home = tmp_path / "home"
    add_account(home, dovecot, mail_user)
    assert mailguard(home, "snapshot", "work").returncode == 0
    database = home / "data" / "mailguard.sqlite3"
    database.chmod(0o400)

    result = mailguard(home, "snapshot", "work", "--replace-baseline", as_owner_only=True)

    assert result.returncode == 0, result.stderr
    assert database.stat().st_mode & 0o777 == 0o600
    assert len(database_dump(home)) > 0


def test_a_damaged_database_is_one_line_and_doctor_names_it(
    tmp_path: Path, file_keyring: Path, dovecot: Dovecot, mail_user: MailUser
) -> None:
    """Pages overwritten (a bad disk, a copy cut short) were 'unexpected DatabaseError'."""
    for number in range(50):
        dovecot.deliver(mail_user, "INBOX", make_message(subject=f"mail {number}"))
    home = tmp_path / "home"
    add_account(home, dovecot, mail_user)
    assert mailguard(home, "snapshot", "work").returncode == 0
    database = home / "data" / "mailguard.sqlite3"
    with database.open("r+b") as pages:
        pages.seek(4096 * 2)
        pages.write(random.Random(12).randbytes(4096 * 8))

    message = the_error(mailguard(home, "snapshot", "work", "--replace-baseline"))
    doctor = mailguard(home, "doctor", "--no-desktop", "--json")

    assert message.startswith(f"the database {database} is damaged (")
    assert message.endswith(
        "restore it from a backup, or move it away to start afresh (reports are lost)"
    )
    checks = {check["name"]: check for check in json.loads(doctor.stdout)["checks"]}
    assert checks["database"]["ok"] is False
    assert "malformed" in checks["database"]["detail"]
