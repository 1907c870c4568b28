"""Following, dropping and checking schedule sources: a real HTTP server, Dovecot, files."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailguard.app.source_check import check_source
from mailguard.app.source_setup import drop_source, follow_source, source_location
from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import FetchError, ParseError, UsageError
from mailguard.core.schedule_source import ScheduleSource
from mailguard.demo.provider import status_page
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths
from mailguard.store.secrets import PasswordVault
from tests.dovecot import Dovecot, MailUser, make_message
from tests.httpserver import ScriptedServer


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "home").ensure()


def add_work(paths: AppPaths, host: str = "imap.example.net") -> AccountStore:
    accounts = AccountStore(paths.config_dir)
    accounts.add(AccountConfig("work", host, "me"))
    return accounts


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://status.example.net/api/v2/summary.json", "https://status.example.net/api/v2/summary.json"),
        ("file:///srv/wartung.txt", "file:///srv/wartung.txt"),
        ("mailbox:INBOX", "mailbox:INBOX"),
        ("wartung.txt", "{cwd}/wartung.txt"),
        (" ~/x.ics ", "{home}/x.ics"),
    ],
)  # fmt: skip
def test_locations_are_kept_as_given_except_paths_which_become_absolute(
    given: str, kept: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "h"))
    assert source_location(given) == kept.format(cwd=tmp_path, home=tmp_path / "h")


def test_a_followed_source_is_stored_with_how_to_read_it_once(paths: AppPaths) -> None:
    accounts = add_work(paths)
    source = ScheduleSource("wartung.txt", kind="text", zone="Europe/Berlin", components=("IMAP",))
    updated = follow_source(accounts, "work", source)
    stored = accounts.get("work").schedule_sources
    assert stored == updated.schedule_sources
    assert stored[0].location == str(Path("wartung.txt").absolute())
    assert (stored[0].kind, stored[0].zone, stored[0].components) == (
        "text",
        "Europe/Berlin",
        ("IMAP",),
    )
    with pytest.raises(UsageError, match=r"follows .* already"):
        follow_source(accounts, "work", ScheduleSource(str(Path("wartung.txt").absolute())))
    with pytest.raises(UsageError, match="unknown time zone 'Mars/Base'"):
        follow_source(accounts, "work", ScheduleSource("https://x.example/feed", zone="Mars/Base"))
    assert len(accounts.get("work").schedule_sources) == 1
    drop_source(accounts, "work", "wartung.txt")
    assert accounts.get("work").schedule_sources == ()
    with pytest.raises(UsageError, match="does not follow"):
        drop_source(accounts, "work", "wartung.txt")


def test_check_now_lists_the_windows_a_status_page_announces(paths: AppPaths) -> None:
    now = datetime.now(UTC)
    page = status_page(now, lead=timedelta(days=3), length=timedelta(hours=2))
    with ScriptedServer() as server:
        server.document("/api/v2/summary.json", json.dumps(page).encode())
        url = server.url("/api/v2/summary.json")
        found = check_source(paths, None, ScheduleSource(url, components=("IMAP",)), now=now)
        skipped = check_source(paths, None, ScheduleSource(url, components=("Webshop",)), now=now)
    assert [w.title for w in found.windows] == ["Mail server hardware migration (demo)"]
    assert found.windows[0].start == (now + timedelta(days=3)).replace(microsecond=0)
    assert skipped.windows == ()


def test_check_now_says_in_one_line_why_a_source_cannot_be_read(paths: AppPaths) -> None:
    now = datetime.now(UTC)
    with ScriptedServer() as server:
        server.document("/broken.json", b'{"page": {"id": "x"}, "scheduled_maintenances": [')
        with pytest.raises(FetchError) as missing:
            check_source(paths, None, ScheduleSource(server.url("/missing.json")), now=now)
        with pytest.raises(ParseError) as broken:
            check_source(paths, None, ScheduleSource(server.url("/broken.json")), now=now)
    for failure in (missing.value, broken.value):
        assert "\n" not in str(failure)
    assert "404" in str(missing.value)


def test_check_now_reads_a_mailbox_source_from_the_accounts_inbox(
    paths: AppPaths, file_keyring: Path, dovecot: Dovecot, mail_user: MailUser
) -> None:
    now = datetime.now(UTC)
    day = (now + timedelta(days=10)).astimezone(UTC)
    notice = make_message(
        sender="Status <status@mail.example.net>",
        subject="Planned maintenance",
        body=f"Maintenance on {day:%B} {day.day}, {day.year} from 10 pm to 11 pm UTC.\n",
    )
    dovecot.deliver(mail_user, "INBOX", notice)
    dovecot.deliver(mail_user, "INBOX", make_message(sender="x@example.org", body=notice.decode()))
    config = AccountConfig(
        "work", dovecot.host, mail_user.name, Security.SSL, dovecot.imaps_port, dovecot.ca_file
    )
    PasswordVault().store("work", mail_user.password)
    source = ScheduleSource("mailbox:INBOX", from_address="status@mail.example.net", zone="UTC")
    found = check_source(paths, config, source, now=now)
    assert [(w.title, w.start.astimezone(UTC).hour) for w in found.windows] == [
        ("Planned maintenance", 22)
    ]
    with pytest.raises(UsageError, match="read from an account's mailbox"):
        check_source(paths, None, source, now=now)
