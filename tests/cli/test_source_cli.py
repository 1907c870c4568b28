"""``source add`` reads the source once before following it; its credentials are never shown.

Against real servers: a local HTTP server for web sources, the test Dovecot
for ``mailbox:`` sources.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.cli_runner import MailguardCli, error_line
from tests.dovecot import Dovecot, MailUser, make_message
from tests.httpserver import ScriptedServer

SECRET = "s3cret-in-the-url"


def calendar_with_windows(*days_ahead: int) -> bytes:
    """An iCalendar with a two-hour window that many days from now, for each number."""
    today = datetime.now(UTC).replace(hour=22, minute=0, second=0, microsecond=0)
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:w{days}@example\r\n"
        f"DTSTART:{today + timedelta(days=days):%Y%m%dT%H%M%SZ}\r\nDURATION:PT2H\r\n"
        f"SUMMARY:Wartung {days}\r\nEND:VEVENT\r\n"
        for days in days_ahead
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n".encode()


@pytest.fixture
def http_server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


@pytest.fixture
def account(cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser) -> str:
    assert cli.add_account(dovecot, mail_user).exit_code == 0
    return "work"


def with_credentials(url: str) -> str:
    return url.replace("http://", f"http://jo:{SECRET}@")


def test_a_source_that_reads_says_how_many_windows_it_announces(
    cli: MailguardCli, account: str, http_server: ScriptedServer
) -> None:
    http_server.document("/wartung.ics", calendar_with_windows(3, 10, 200))
    url = with_credentials(http_server.url("/wartung.ics"))

    added = cli("source", "add", account, url, "--tz", "UTC")

    assert added.exit_code == 0, added.err
    masked = url.replace(SECRET, "***")
    assert added.out.startswith(f"work now follows {masked}: 2 maintenance windows between ")
    first = datetime.now(UTC).replace(hour=22, minute=0) + timedelta(days=3)
    next_window = f"{first:%Y-%m-%d} 22:00–{first + timedelta(hours=2):%Y-%m-%d} 00:00 UTC"
    assert added.out.rstrip().endswith(f", the next 'Wartung 3' {next_window}")  # one, not a span
    assert http_server.requests("/wartung.ics")[0].header("Authorization")  # sent, not shown


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing.ics", "HTTP 404 Not Found"),
        ("/not-a-schedule.json", "JSON, but not a status page format mailguard knows"),
    ],
)
def test_a_source_that_does_not_read_is_not_added(
    cli: MailguardCli, account: str, http_server: ScriptedServer, path: str, reason: str
) -> None:
    http_server.document("/not-a-schedule.json", b'{"hello": "world"}')
    url = with_credentials(http_server.url(path))

    refused = cli("source", "add", account, url)

    assert refused.exit_code == 2
    line = error_line(refused)
    assert reason in line
    assert line.endswith("(nothing added; --anyway adds it all the same)")
    assert SECRET not in refused.out + refused.err
    assert cli("source", "list", "--json").json() == []


def test_anyway_adds_a_source_that_cannot_be_read_now(cli: MailguardCli, account: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://jo:{SECRET}@127.0.0.1:{sock.getsockname()[1]}/down.json"

    added = cli("source", "add", account, url, "--anyway")

    assert added.exit_code == 0, added.err
    assert "could not connect" in added.err
    assert added.err.rstrip().endswith("(added all the same)")
    assert added.out == f"work now follows {url.replace(SECRET, '***')} (not read yet)\n"
    assert [s["location"] for s in cli("source", "list", "--json").json()] == [
        url.replace(SECRET, "***")
    ]


def test_credentials_are_masked_in_every_listing(
    cli: MailguardCli, account: str, http_server: ScriptedServer
) -> None:
    http_server.document("/wartung.ics", calendar_with_windows(3))
    url = with_credentials(http_server.url("/wartung.ics"))
    masked = url.replace(SECRET, "***")
    assert cli("source", "add", account, url).exit_code == 0

    shown = [
        cli("source", "list"),
        cli("source", "list", "--json"),
        cli("account", "list", "--json"),
        cli("account", "list"),
        cli("status"),
        cli("status", "--json"),
        cli("doctor"),
        cli("doctor", "--json"),
    ]

    assert all(SECRET not in result.out + result.err for result in shown)
    assert f"source:work:{masked}" in [c["name"] for c in shown[-1].json()["checks"]]
    assert shown[0].out == f"work  {masked}\n"
    assert shown[1].json()[0]["location"] == masked
    assert shown[2].json()[0]["sources"] == [masked]
    again = cli("source", "add", account, url)
    assert error_line(again) == f"mailguard: error: work follows {masked} already"
    # What the listing shows is enough to remove it.
    removed = cli("source", "remove", account, masked)
    assert removed.out == f"work no longer follows {masked}\n"
    assert cli("source", "list", "--json").json() == []


def test_a_local_file_source_is_read_too(cli: MailguardCli, account: str, tmp_path: Path) -> None:
    calendar = tmp_path / "wartung.ics"
    calendar.write_bytes(calendar_with_windows(5))

    added = cli("source", "add", account, str(calendar))

    assert added.exit_code == 0, added.err
    assert ": 1 maintenance window between " in added.out


def test_a_mailbox_source_reads_the_providers_notices(
    cli: MailguardCli, account: str, dovecot: Dovecot, mail_user: MailUser
) -> None:
    start = datetime.now(UTC) + timedelta(days=7)
    notice = make_message(
        sender="NOC <noc@mail.example.net>",
        subject="Scheduled maintenance",
        body=f"Maintenance on {start:%Y-%m-%d} from 22:00 to 23:30 UTC.\n",
    )
    dovecot.deliver(mail_user, "INBOX", notice)

    added = cli("source", "add", account, "mailbox:INBOX", "--from-address", "noc@mail.example.net")

    assert added.exit_code == 0, added.err
    assert added.out.startswith("work now follows mailbox:INBOX: 1 maintenance window between ")


def test_a_mailbox_source_of_an_account_that_cannot_log_in_is_not_added(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    assert cli.add_account(dovecot, mail_user, "--no-test", password="wrong").exit_code == 0

    refused = cli("source", "add", "work", "mailbox:INBOX", "--from-address", "noc@x.example")

    assert refused.exit_code == 2
    assert "rejected the user name or password" in error_line(refused)
    assert cli("source", "list", "--json").json() == []
