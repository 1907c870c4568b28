"""``mailguard account add|list|test|remove`` against a real Dovecot and a real file keyring."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mailguard.store.secrets import PasswordVault
from tests.cli.cli_runner import MailguardCli, error_line
from tests.dovecot import Dovecot, MailUser, make_certificate, make_message


def test_an_added_account_is_listed_without_its_password(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    added = cli.add_account(dovecot, mail_user, "--source", "https://status.example.org/x.json")
    assert added.exit_code == 0, added.err
    assert mail_user.password not in added.out + added.err
    listed = cli("account", "list", "--json")
    assert listed.json() == [
        {
            "name": "work",
            "host": dovecot.host,
            "port": dovecot.imaps_port,
            "user": mail_user.name,
            "security": "ssl",
            "ca_file": str(dovecot.ca_file),
            "fingerprint": None,
            "sources": ["https://status.example.org/x.json"],
        }
    ]
    human = cli("account", "list")
    assert human.out.startswith(f"work  {mail_user.name} at {dovecot.host}:{dovecot.imaps_port}")


def test_a_local_schedule_source_is_kept_as_an_absolute_path(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(cli.home.parent)
    assert cli.add_account(dovecot, mail_user, "--source", "wartung.txt").exit_code == 0
    assert cli("account", "list", "--json").json()[0]["sources"] == [
        str(cli.home.parent / "wartung.txt")
    ]


def test_account_test_reports_the_capabilities(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    human = cli("account", "test", "work")
    assert human.exit_code == 0, human.err
    assert "logged in as " + mail_user.name in human.out
    assert "incremental refresh (CONDSTORE/QRESYNC): yes" in human.out
    assert "IDLE): yes" in human.out
    data = cli("account", "test", "work", "--json").json()
    assert {"IMAP4REV1", "CONDSTORE", "QRESYNC", "IDLE"} <= set(data["capabilities"])
    assert data["incremental"] is True
    assert data["idle"] is True


def test_a_wrong_password_is_one_line_without_the_password(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user, password="not-the-password")
    result = cli("account", "test", "work")
    assert result.exit_code == 2
    line = error_line(result)
    assert "password" in line.lower() or "log in" in line.lower(), line
    assert "not-the-password" not in result.out + result.err


def test_a_server_that_is_not_there_is_connection_refused(
    cli: MailguardCli, fresh_dovecot: Dovecot
) -> None:
    user = fresh_dovecot.add_user()
    cli.add_account(fresh_dovecot, user)
    fresh_dovecot.stop()
    result = cli("account", "test", "work")
    assert result.exit_code == 2
    assert "refused" in error_line(result)


def test_an_unknown_host_is_named(cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser) -> None:
    result = cli(
        "account", "add", "work", "--host", "no-such-host.invalid", "--user", "jo",
        "--password-stdin", stdin="pw\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.err
    tested = cli("account", "test", "work")
    assert tested.exit_code == 2
    line = error_line(tested)
    assert "no-such-host.invalid" in line
    assert "unknown host" in line or "not found" in line or "resolve" in line, line


def test_a_certificate_from_an_unknown_ca_is_named_as_such(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    result = cli(
        "account", "add", "work", "--host", dovecot.host, "--port", str(dovecot.imaps_port),
        "--user", mail_user.name, "--password-stdin", stdin=mail_user.password + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.err
    tested = cli("account", "test", "work")
    assert tested.exit_code == 2
    assert "unknown" in error_line(tested).lower() or "CA" in error_line(tested)


@pytest.mark.parametrize(
    ("names", "expired", "expected"),
    [
        (("mail.example.org",), False, "host"),
        (("localhost", "127.0.0.1"), True, "expired"),
    ],
    ids=["wrong host", "expired"],
)
def test_a_tls_failure_says_which(
    cli: MailguardCli, tmp_path: Path, names: tuple[str, ...], expired: bool, expected: str
) -> None:
    certificate = make_certificate(tmp_path / "tls", names=names, expired=expired)
    server = Dovecot(tmp_path / "server", certificate=certificate)
    try:
        server.start()
        user = server.add_user()
        assert cli.add_account(server, user).exit_code == 0
        result = cli("account", "test", "work")
        assert result.exit_code == 2
        assert expected in error_line(result).lower()
    finally:
        server.cleanup()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "imap.example.org", "--security", "none"], "only allowed for loopback"),
        (["--host", "127.0.0.1", "--ca-file", "/no/such/ca.pem"], "no CA file at"),
        (["--host", "127.0.0.1", "--fingerprint", "abc"], "64 hex digits"),
        (["--host", "127.0.0.1", "--port", "70000"], "invalid port"),
    ],
    ids=["clear text to a remote host", "missing CA file", "bad fingerprint", "bad port"],
)
def test_a_bad_account_is_refused_before_anything_is_stored(
    cli: MailguardCli, args: list[str], message: str
) -> None:
    result = cli("account", "add", "work", *args, "--user", "jo", "--password-stdin", stdin="pw\n")
    assert result.exit_code == 2
    assert message in error_line(result)
    assert cli("account", "list", "--json").json() == []


def test_an_account_name_is_taken_once_and_its_password_kept(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    cli.add_account(dovecot, mail_user)
    again = cli.add_account(dovecot, mail_user, password="other")
    assert again.exit_code == 2
    assert "exists already" in error_line(again)
    assert cli("account", "test", "work").exit_code == 0


def test_without_password_stdin_and_without_a_terminal_the_password_is_asked_for(
    cli: MailguardCli,
) -> None:
    result = cli("account", "add", "work", "--host", "127.0.0.1", "--user", "jo")
    assert result.exit_code == 2
    assert "--password-stdin" in error_line(result)


def test_a_keyring_that_keeps_nothing_is_refused_and_nothing_is_stored(
    cli: MailguardCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    result = cli(
        "account", "add", "work", "--host", "127.0.0.1", "--user", "jo", "--password-stdin",
        stdin="pw\n",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "no usable keyring" in error_line(result)
    assert "PYTHON_KEYRING_BACKEND" in result.err
    assert not (cli.home / "config" / "accounts.json").exists()


def test_removing_an_account_removes_its_password_snapshots_and_reports(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser, file_keyring: Path
) -> None:
    dovecot.deliver(mail_user, "INBOX", make_message(subject="keep me"))
    cli.add_account(dovecot, mail_user)
    other = dovecot.add_user()
    cli.add_account(dovecot, other, name="home")
    assert cli("snapshot", "work").exit_code == 0
    assert cli("resync", "work").exit_code == 0
    assert cli("snapshot", "home").exit_code == 0

    removed = cli("account", "remove", "work")
    assert removed.exit_code == 0, removed.err
    assert "password" in removed.out
    assert [a["name"] for a in cli("account", "list", "--json").json()] == ["home"]
    keyring_text = "".join(p.read_text() for p in file_keyring.iterdir())
    assert "work" not in keyring_text
    assert "home" in keyring_text
    with sqlite3.connect(cli.home / "data" / "mailguard.sqlite3") as db:
        for table in ("snapshot", "report", "refresh_state"):
            rows = db.execute(f"SELECT COUNT(*) FROM {table} WHERE account = 'work'").fetchone()  # noqa: S608
            assert rows == (0,), table
        assert db.execute("SELECT COUNT(*) FROM snapshot").fetchone() == (1,)
        assert db.execute("SELECT COUNT(*) FROM message").fetchone() == (0,)  # "home" is empty
    gone = cli("account", "remove", "work")
    assert gone.exit_code == 2
    assert "no account named 'work'" in error_line(gone)


def test_the_password_is_in_no_file_but_the_keyring(cli: MailguardCli, dovecot: Dovecot) -> None:
    mail_user = dovecot.add_user(password="Zq7-unmistakable-password")
    dovecot.deliver(mail_user, "INBOX", make_message(subject="hello"))
    outputs = [
        cli.add_account(dovecot, mail_user),
        cli("account", "test", "work"),
        cli("snapshot", "work"),
        cli("resync", "work", "--json"),
        cli("report", "work"),
    ]
    assert all(o.exit_code == 0 for o in outputs), [o.err for o in outputs]
    secret = mail_user.password.encode()
    holders = [p for p in cli.home.rglob("*") if p.is_file() and secret in p.read_bytes()]
    assert holders == []
    assert all(mail_user.password not in o.out + o.err for o in outputs)
    assert PasswordVault().password("work") == mail_user.password  # it is in the keyring
