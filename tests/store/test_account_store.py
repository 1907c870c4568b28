"""Accounts on disk: a private JSON file, written atomically, never holding a password."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

import keyring.backends.fail
import pytest

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import AccountError, ConfigError
from mailguard.core.schedule_source import ScheduleSource
from mailguard.store.account_store import AccountStore
from mailguard.store.secrets import PasswordVault
from mailguard.store.source_secrets import SourceSecrets

WORK = AccountConfig(
    name="work",
    host="imap.example.org",
    user="jo@example.org",
    security=Security.STARTTLS,
    ca_file=Path("/etc/ssl/work-ca.pem"),
    fingerprint="ab" * 32,
    sources=("https://status.example.org/api/v2/summary.json", "/home/jo/wartung.txt"),
)
HOME = AccountConfig(name="home", host="127.0.0.1", user="jo", security=Security.NONE, port=1143)
HOME_JSON = {"name": "home", "host": "127.0.0.1", "user": "jo", "security": "none", "port": 1143}


def test_accounts_come_back_as_saved_sorted_by_name(tmp_path: Path) -> None:
    store = AccountStore(tmp_path)
    store.add(WORK)
    store.add(HOME)
    reread = AccountStore(tmp_path)
    assert [a.name for a in reread.all()] == ["home", "work"]
    assert reread.get("home") == HOME
    assert reread.get("work").effective_port == 143
    assert reread.get("work").sources == WORK.sources
    assert reread.get("work").ca_file == WORK.ca_file


def test_the_file_is_private_and_holds_no_password_field(tmp_path: Path) -> None:
    store = AccountStore(tmp_path)
    store.add(WORK)
    assert store.path.stat().st_mode & 0o777 == 0o600
    entry = json.loads(store.path.read_text())["accounts"][0]
    assert set(entry) == {
        "name", "host", "port", "user", "security", "ca_file", "fingerprint", "sources",
    }  # fmt: skip


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    store = AccountStore(tmp_path)
    store.add(WORK)
    store.remove("work")
    assert [p.name for p in tmp_path.iterdir()] == ["accounts.json"]


def test_an_account_name_is_used_once(tmp_path: Path) -> None:
    store = AccountStore(tmp_path)
    store.add(WORK)
    with pytest.raises(AccountError, match="exists already"):
        store.add(WORK)


@pytest.mark.parametrize("action", ["get", "remove"])
def test_an_unknown_account_is_named_in_the_error(tmp_path: Path, action: str) -> None:
    with pytest.raises(AccountError, match="no account named 'nope'"):
        getattr(AccountStore(tmp_path), action)("nope")


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"accounts": [{"host": "x"}]}',
        '{"accounts": [{"name": "a", "host": "example.org", "user": "u", "security": "none"}]}',
        '{"accounts": [{"name": "a", "host": "h", "user": "u", "security": "rot13"}]}',
    ],
    ids=["malformed", "missing name", "clear text to a remote host", "unknown security"],
)
def test_a_damaged_file_is_reported_in_one_line(tmp_path: Path, content: str) -> None:
    (tmp_path / "accounts.json").write_text(content)
    with pytest.raises(ConfigError, match=r"accounts\.json is damaged") as caught:
        AccountStore(tmp_path).all()
    assert "\n" not in str(caught.value)


def test_sources_with_options_round_trip_and_plain_ones_stay_plain_strings(
    tmp_path: Path,
) -> None:
    rich = ScheduleSource("mailbox:INBOX", zone="Europe/Berlin", from_address="noc@x")
    account = AccountConfig(
        "work", "imap.example.org", "me", schedule_sources=(ScheduleSource("/tmp/a.ics"), rich)
    )
    store = AccountStore(tmp_path)
    store.add(account)
    assert store.get("work").schedule_sources == account.schedule_sources
    assert store.get("work").sources == ("/tmp/a.ics", "mailbox:INBOX")
    written = json.loads(store.path.read_text(encoding="utf-8"))["accounts"][0]["sources"]
    assert written[0] == "/tmp/a.ics"
    assert written[1]["from_address"] == "noc@x"


# -- a source URL's secrets: in the keyring, never in the file ---------------------------

SECRET_URL = "https://bob:hunter2@status.example/feed.json?token=abc123&page=2"
SECRET_FREE = "https://bob:***@status.example/feed.json?token=***&page=2"


def with_source(*locations: str) -> AccountConfig:
    return AccountConfig("acme", "imap.example.org", "u", sources=locations)


def plaintext_file(config_dir: Path, *locations: str) -> bytes:
    """An accounts.json as versions before this one wrote it: the secrets in plain text."""
    entry = {"name": "acme", "host": "imap.example.org", "user": "u", "sources": list(locations)}
    data = json.dumps({"version": 1, "accounts": [entry]}, indent=2).encode()
    (config_dir / "accounts.json").write_bytes(data)
    return data


def test_a_source_urls_secrets_go_to_the_keyring_and_the_file_keeps_stars(
    tmp_path: Path, file_keyring: Path
) -> None:
    stored = AccountStore(tmp_path).add(with_source(SECRET_URL, "/srv/feed?token=file-name"))

    text = (tmp_path / "accounts.json").read_text()
    assert "hunter2" not in text and "abc123" not in text
    assert stored.sources == (SECRET_FREE, "/srv/feed?token=file-name")
    assert AccountStore(tmp_path).get("acme").sources == stored.sources
    assert SourceSecrets(PasswordVault()).reveal("acme", SECRET_FREE) == SECRET_URL


def test_a_file_with_a_plaintext_secret_is_rewritten_once_the_keyring_has_it(
    tmp_path: Path, file_keyring: Path
) -> None:
    plaintext_file(tmp_path, SECRET_URL)

    (account,) = AccountStore(tmp_path).all()

    assert account.sources == (SECRET_FREE,)
    assert json.loads((tmp_path / "accounts.json").read_text())["accounts"][0]["sources"] == [
        SECRET_FREE
    ]
    assert SourceSecrets(PasswordVault()).reveal("acme", SECRET_FREE) == SECRET_URL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accounts.json", "xdg-data"]


def test_a_keyring_that_refuses_the_secret_leaves_the_file_as_it_is_and_warns_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    before = plaintext_file(tmp_path, SECRET_URL)
    refusing = SourceSecrets(PasswordVault(keyring.backends.fail.Keyring()))
    store = AccountStore(tmp_path, refusing)

    with caplog.at_level(logging.WARNING, logger="mailguard.store"):
        first, again = store.get("acme"), store.all()

    assert (tmp_path / "accounts.json").read_bytes() == before
    assert first.sources == (SECRET_URL,) and again == [first]  # still read, still usable
    (warning,) = caplog.messages
    assert warning.startswith(f"{tmp_path / 'accounts.json'} keeps a source's password in plain")
    assert "no usable keyring" in warning and "\n" not in warning
    assert "hunter2" not in warning and "abc123" not in warning


def test_removing_a_source_or_its_account_deletes_its_secrets_from_the_keyring(
    tmp_path: Path, file_keyring: Path
) -> None:
    other = "https://status.example/other.json?api_key=k9"
    store = AccountStore(tmp_path)
    account = store.add(with_source(SECRET_URL, other))
    vault = PasswordVault()

    store.update(replace(account, sources=(account.sources[1],), schedule_sources=()))

    assert vault.entry(f"acme/{SECRET_FREE}", "") is None
    assert vault.entry("acme/https://status.example/other.json?api_key=***", "") is not None
    store.remove("acme")
    assert vault.entry("acme/https://status.example/other.json?api_key=***", "") is None


def test_two_accounts_of_one_name_are_refused_naming_the_file_and_the_name(
    tmp_path: Path,
) -> None:
    entry = {"name": "work", "host": "imap.example.org", "user": "u"}
    text = json.dumps({"version": 1, "accounts": [entry, {**entry, "user": "v"}, HOME_JSON]})
    (tmp_path / "accounts.json").write_text(text)

    with pytest.raises(ConfigError) as caught:
        AccountStore(tmp_path).all()

    assert str(caught.value) == (
        f"{tmp_path / 'accounts.json'} names the account 'work' twice; "
        "rename or remove one of them in the file"
    )
    assert (tmp_path / "accounts.json").read_text() == text
