"""A damaged database is one line for every command that reads it (exit 2), never
"unexpected OperationalError": pages overwritten (a bad disk, a copy cut short), or a
table dropped by hand (``sqlite3 mailguard.sqlite3 'DROP TABLE report'``)."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.cli_runner import MailguardCli, error_line
from tests.dovecot import Dovecot, MailUser, make_message

PAGE = 4096


def overwrite_pages(database: Path) -> str:
    """The first page of every table and index overwritten with noise; page 1 (the
    header and the schema) stays, so the file still opens and each read finds it."""
    with sqlite3.connect(database) as db:
        roots = [root for (root,) in db.execute("SELECT rootpage FROM sqlite_master")]
    noise = random.Random(12)
    with database.open("r+b") as pages:
        for root in roots:
            pages.seek((root - 1) * PAGE)
            pages.write(noise.randbytes(PAGE))
    return "database disk image is malformed"


def drop_reports(database: Path) -> str:
    with sqlite3.connect(database) as db:
        db.execute("DROP TABLE report")
    return "no table report"


DAMAGES: dict[str, Callable[[Path], str]] = {
    "pages overwritten": overwrite_pages,
    "table dropped": drop_reports,
}

#: The commands that read the database; ``messages`` reads only the server.
READERS = [
    (("report", "work"), True),
    (("report", "work", "1"), True),
    (("report", "work", "--json"), True),
    (("status",), True),
    (("status", "--json"), True),
    (("queue", "work"), True),
    (("window", "list"), True),
    (("messages", "work", "INBOX"), False),
]


@pytest.fixture
def database(cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser) -> Path:
    """The database of an account ``work`` with a baseline and a report, all in the file."""
    for number in range(30):
        dovecot.deliver(mail_user, "INBOX", make_message(subject=f"mail {number}"))
    assert cli.add_account(dovecot, mail_user).exit_code == 0
    assert cli("snapshot", "work").exit_code == 0
    assert cli("resync", "work").exit_code == 0
    database = cli.home / "data" / "mailguard.sqlite3"
    assert not database.with_name(database.name + "-wal").exists()
    return database


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize(("argv", "reads_database"), READERS, ids=[" ".join(a) for a, _ in READERS])
def test_a_damaged_database_is_one_line_exit_2_for_every_command_that_reads_it(
    cli: MailguardCli, database: Path, damage: str, argv: tuple[str, ...], reads_database: bool
) -> None:
    detail = DAMAGES[damage](database)
    damaged = database.read_bytes()

    result = cli(*argv)

    if not reads_database:
        assert result.exit_code == 0, result.err
        assert "mail 29" in result.out
        return
    assert result.exit_code == 2, result.err
    assert error_line(result) == (
        f"mailguard: error: the database {database} is damaged ({detail}); "
        "restore it from a backup, or move it away to start afresh (reports are lost)"
    )
    assert database.read_bytes() == damaged  # nothing written over what may be rescued
