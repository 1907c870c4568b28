"""A source URL's password and secret query values: in the keyring, shown as ``***``.

The audit's reproduction: ``source add acme 'https://bob:hunter2@…?token=abc123'``
left both in ``config/accounts.json`` and printed the token everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from mailguard.store.secrets import PasswordVault
from mailguard.store.source_secrets import SourceSecrets
from tests.cli.cli_runner import MailguardCli, error_line
from tests.cli.runner import CliResult
from tests.httpserver import ScriptedServer

URL = "https://bob:hunter2@example.invalid/feed.json?token=abc123"
MASKED = "https://bob:***@example.invalid/feed.json?token=***"
SECRETS = ("hunter2", "abc123")


@pytest.fixture
def acme(cli: MailguardCli) -> str:
    added = cli(
        "account", "add", "acme", "--host", "127.0.0.1", "--user", "u", "--no-test",
        "--password-stdin", stdin="pw\n",
    )  # fmt: skip
    assert added.exit_code == 0, added.err
    return "acme"


@pytest.fixture
def http_server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


def accounts_json(cli: MailguardCli) -> str:
    return (cli.home / "config" / "accounts.json").read_text(encoding="utf-8")


def shows_no_secret(*results: CliResult) -> bool:
    return not any(secret in r.out + r.err for r in results for secret in SECRETS)


def calendar(start: datetime) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:w@example\r\n"
        f"DTSTART:{start:%Y%m%dT%H%M%SZ}\r\nDURATION:PT2H\r\nSUMMARY:Wartung\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def test_the_audits_url_keeps_its_secrets_out_of_the_file_every_listing_and_the_log(
    cli: MailguardCli, acme: str
) -> None:
    added = cli("source", "add", acme, URL, "--anyway")

    assert added.exit_code == 0, added.err
    assert added.out == f"acme now follows {MASKED} (not read yet)\n"
    assert "host not found" in added.err
    listings = [
        cli("source", "list"),
        cli("source", "list", "--json"),
        cli("account", "list", "--json"),
        cli("status"),
        cli("status", "--json"),
        cli("schedule", URL, "--json"),  # a URL given directly: errors mask it as well
    ]
    assert shows_no_secret(added, *listings)
    assert listings[0].out == f"acme  {MASKED}\n"
    assert listings[1].json()[0]["location"] == MASKED
    assert listings[2].json()[0]["sources"] == [MASKED]
    assert "https://example.invalid/feed.json?token=***: host not found" in listings[3].err
    assert not any(secret in accounts_json(cli) for secret in SECRETS)
    assert (
        not any(secret in (cli.home / "logs").read_text() for secret in SECRETS)
        if (cli.home / "logs").is_file()
        else True
    )
    for log_file in (cli.home).rglob("*.log*"):
        assert not any(secret in log_file.read_text() for secret in SECRETS), log_file
    assert SourceSecrets(PasswordVault()).reveal(acme, MASKED) == URL


def test_the_url_is_put_back_together_only_to_be_fetched(
    cli: MailguardCli, acme: str, http_server: ScriptedServer
) -> None:
    soon = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(hours=1)
    http_server.document("/feed.ics?token=abc123", calendar(soon))
    url = http_server.url("/feed.ics?token=abc123").replace("://", "://bob:hunter2@")

    added = cli("source", "add", acme, url, "--tz", "UTC")
    status = cli("status", "--json")

    assert added.exit_code == 0, added.err
    assert ": 1 maintenance window between " in added.out
    assert status.exit_code == 0, status.err
    window = status.json()["accounts"][0]["window"]
    assert window["title"] == "Wartung"
    assert window["sources"] == [http_server.url("/feed.ics?token=***")]
    assert shows_no_secret(added, status)
    sent = http_server.requests()
    assert len(sent) == 2  # source add reads it once, then status
    assert {request.path for request in sent} == {"/feed.ics?token=abc123"}
    assert {request.header("Authorization") for request in sent} == {"Basic Ym9iOmh1bnRlcjI="}


def test_account_add_with_a_source_stores_its_secrets_in_the_keyring_too(
    cli: MailguardCli,
) -> None:
    added = cli(
        "account", "add", "acme", "--host", "127.0.0.1", "--user", "u", "--no-test",
        "--source", URL, "--password-stdin", stdin="pw\n",
    )  # fmt: skip

    assert added.exit_code == 0, added.err
    assert json.loads(accounts_json(cli))["accounts"][0]["sources"] == [MASKED]
    assert SourceSecrets(PasswordVault()).reveal("acme", MASKED) == URL


@pytest.mark.parametrize("remove", ["source", "account"])
def test_removing_the_source_or_its_account_deletes_its_secrets_from_the_keyring(
    cli: MailguardCli, acme: str, remove: str
) -> None:
    assert cli("source", "add", acme, URL, "--anyway").exit_code == 0
    vault = PasswordVault()
    assert vault.entry(f"acme/{MASKED}", "") is not None

    removed = (
        cli("source", "remove", acme, MASKED)
        if remove == "source"
        else cli("account", "remove", acme)
    )

    assert removed.exit_code == 0, removed.err
    assert vault.entry(f"acme/{MASKED}", "") is None


def test_a_source_given_with_its_secrets_is_removed_too(cli: MailguardCli, acme: str) -> None:
    assert cli("source", "add", acme, URL, "--anyway").exit_code == 0

    removed = cli("source", "remove", acme, URL)

    assert removed.out == f"acme no longer follows {MASKED}\n"
    assert shows_no_secret(removed)


def test_an_old_file_with_plaintext_secrets_is_migrated_on_load(
    cli: MailguardCli, acme: str
) -> None:
    config = cli.home / "config" / "accounts.json"
    old = json.loads(config.read_text())
    old["accounts"][0]["sources"] = [URL]
    config.write_text(json.dumps(old))

    listed = cli("source", "list")

    assert listed.exit_code == 0 and listed.err == ""
    assert listed.out == f"acme  {MASKED}\n"
    assert json.loads(config.read_text())["accounts"][0]["sources"] == [MASKED]
    assert SourceSecrets(PasswordVault()).reveal(acme, MASKED) == URL


def test_a_keyring_that_cannot_take_the_secret_leaves_the_old_file_and_warns_in_one_line(
    cli: MailguardCli, acme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = cli.home / "config" / "accounts.json"
    old = json.loads(config.read_text())
    old["accounts"][0]["sources"] = [URL]
    config.write_text(json.dumps(old))
    before = config.read_bytes()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

    listed = cli("source", "list", "--json")

    assert listed.exit_code == 0
    assert [entry["location"] for entry in listed.json()] == [MASKED]
    (warning,) = listed.err.splitlines()
    assert warning.startswith(f"mailguard: warning: {config} keeps a source's password in plain")
    assert "no usable keyring" in warning
    assert shows_no_secret(listed)
    assert config.read_bytes() == before


def test_two_accounts_of_one_name_in_a_hand_edited_file_are_refused_losing_nothing(
    cli: MailguardCli, acme: str
) -> None:
    config = cli.home / "config" / "accounts.json"
    data = json.loads(config.read_text())
    data["accounts"].append({**data["accounts"][0], "user": "someone-else"})
    config.write_text(json.dumps(data))
    before = config.read_bytes()

    for argv in (("account", "list"), ("source", "add", acme, "/tmp/x.ics", "--anyway")):
        refused = cli(*argv)
        assert refused.exit_code == 2
        assert error_line(refused) == (
            f"mailguard: error: {config} names the account 'acme' twice; "
            "rename or remove one of them in the file"
        )
    assert config.read_bytes() == before
