"""Accounts on disk: a private JSON file, written atomically, never holding a password."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import AccountError, ConfigError
from mailguard.core.schedule_source import ScheduleSource
from mailguard.store.account_store import AccountStore

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
