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


def colon_hex(digest: str) -> str:
    """``ab12…`` as the fingerprint mailguard prints: ``AB:12:…``."""
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2)).upper()


def refused_then_tested(cli: MailguardCli, *add_args: str, password: str) -> tuple[str, str]:
    """The one-line error of ``account add`` (which logs in once and then saves nothing),
    and of ``account test`` for the same account saved with ``--no-test``."""
    add = ("account", "add", "work", *add_args, "--password-stdin")
    refused = cli(*add, stdin=password + "\n")
    assert refused.exit_code == 2, refused.err
    assert cli("account", "list", "--json").json() == []
    assert password not in refused.out + refused.err
    saved = cli(*add, "--no-test", stdin=password + "\n")
    assert saved.exit_code == 0, saved.err
    assert "not tested (--no-test)" in saved.err
    tested = cli("account", "test", "work")
    assert tested.exit_code == 2
    assert password not in tested.out + tested.err
    return error_line(refused), error_line(tested)


def test_a_wrong_password_is_one_line_without_the_password(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    server = ("--host", dovecot.host, "--port", str(dovecot.imaps_port), "--user", mail_user.name)
    lines = refused_then_tested(
        cli, *server, "--ca-file", str(dovecot.ca_file), password="not-the-password"
    )
    for line in lines:
        assert "rejected the user name or password" in line, line
    assert lines[0].endswith("(nothing added)")


def test_a_server_that_is_not_there_is_connection_refused(
    cli: MailguardCli, fresh_dovecot: Dovecot
) -> None:
    user = fresh_dovecot.add_user()
    cli.add_account(fresh_dovecot, user)
    fresh_dovecot.stop()
    result = cli("account", "test", "work")
    assert result.exit_code == 2
    assert "refused" in error_line(result)
    again = cli.add_account(fresh_dovecot, user, name="other")
    assert again.exit_code == 2
    assert error_line(again).endswith("(nothing added; --no-test adds it without logging in)")


def test_an_unknown_host_is_named(cli: MailguardCli) -> None:
    for line in refused_then_tested(
        cli, "--host", "no-such-host.invalid", "--user", "jo", password="pw"
    ):
        assert "host not found: no-such-host.invalid" in line, line


def test_an_added_account_says_it_logged_in(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    added = cli.add_account(dovecot, mail_user)
    assert added.exit_code == 0, added.err
    assert added.err == (
        f"mailguard: logged in as {mail_user.name}; incremental refresh (CONDSTORE/QRESYNC): yes\n"
    )


def test_a_certificate_from_an_unknown_ca_is_named_with_its_fingerprint_to_pin(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    server = ("--host", dovecot.host, "--port", str(dovecot.imaps_port), "--user", mail_user.name)
    refused, tested = refused_then_tested(cli, *server, password=mail_user.password)
    for line in (refused, tested):
        assert "self-signed or from an unknown CA" in line
    assert cli("account", "remove", "work").exit_code == 0

    fingerprint = colon_hex(dovecot.certificate.sha256())
    assert f"--fingerprint {fingerprint} (its SHA-256;" in refused
    pinned = cli(
        "account", "add", "work", *server, "--fingerprint", fingerprint, "--password-stdin",
        stdin=mail_user.password + "\n",
    )  # fmt: skip
    assert pinned.exit_code == 0, pinned.err
    assert cli("account", "test", "work").exit_code == 0


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
        where = ("--host", server.host, "--port", str(server.imaps_port), "--user", user.name)
        refused, tested = refused_then_tested(
            cli, *where, "--ca-file", str(server.ca_file), password=user.password
        )
        assert expected in refused.lower()
        assert expected in tested.lower()
        assert f"--fingerprint {colon_hex(certificate.sha256())}" in refused
    finally:
        server.cleanup()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "imap.example.org", "--security", "none"], "only allowed for loopback"),
        (["--host", "127.0.0.1", "--ca-file", "/no/such/ca.pem"], "no CA file at"),
        (["--host", "127.0.0.1", "--fingerprint", "abc"], "64 hex digits"),
        (["--host", "127.0.0.1", "--port", "70000"], "invalid port"),
        (["--host", "127.0.0.1", "--ca-file", "NOT_PEM"], "holds no PEM certificate"),
        (["--host", "127.0.0.1", "--ca-file", "FOLDER"], "no CA file at"),
        (["--host", "127.0.0.1", "--ca-file", "x" * 300], "cannot read the CA file"),
        (
            ["--host", "127.0.0.1", "--ca-file", "CA", "--fingerprint", "ab" * 32],
            "give --ca-file or --fingerprint, not both",
        ),
    ],
    ids=[
        "clear text to a remote host",
        "missing CA file",
        "bad fingerprint",
        "bad port",
        "CA file not PEM",
        "CA file a folder",
        "CA file path too long",
        "CA file and pin",
    ],
)
def test_a_bad_account_is_refused_before_anything_is_stored(
    cli: MailguardCli, dovecot: Dovecot, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "not-pem.crt").write_text("this is no certificate\n")
    files = {"NOT_PEM": tmp_path / "not-pem.crt", "FOLDER": tmp_path, "CA": dovecot.ca_file}
    args = [str(files.get(arg, arg)) for arg in args]

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


def test_account_add_reads_its_sources_with_the_same_options_as_source_add(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    added = cli.add_account(
        dovecot, mail_user, "--source", "https://status.example.net/summary.json",
        "--kind", "statuspage", "--tz", "Europe/Berlin", "--component", "IMAP",
    )  # fmt: skip
    assert added.exit_code == 0, added.err
    (source,) = cli("source", "list", "work", "--json").json()
    assert (source["kind"], source["tz"], source["components"]) == (
        "statuspage",
        "Europe/Berlin",
        ["IMAP"],
    )
    bad_zone = cli.add_account(dovecot, mail_user, "--source", "x.ics", "--tz", "Mars/Olympus",
                               name="other")  # fmt: skip
    assert bad_zone.exit_code == 2
    assert "unknown time zone" in error_line(bad_zone)
