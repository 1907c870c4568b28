"""Settings' account services against a real Dovecot, a real file keyring and SQLite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailguard.app.refresh_wiring import refresh_service
from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import AccountError, AuthenticationFailed, UsageError
from mailguard.core.filing_rules import FilingRule
from mailguard.core.journal import FolderOperation, OperationKind
from mailguard.core.schedule_source import ScheduleSource
from mailguard.service.account_setup import AccountSetup, ca_file_path
from mailguard.service.connection_check import (
    UntrustedCertificate,
    check_connection,
    colon_hex,
    presented_fingerprint,
)
from mailguard.store.account_footprint import AccountFootprint, Footprint
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.journal_store import JournalStore
from mailguard.store.paths import AppPaths
from mailguard.store.report_store import ReportStore
from mailguard.store.rule_store import RuleStore
from mailguard.store.secrets import PasswordVault
from mailguard.store.snapshot_store import SnapshotStore
from tests.dovecot import Dovecot, MailUser

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def account(dovecot: Dovecot, user: MailUser, **changes: object) -> AccountConfig:
    fields: dict[str, object] = {
        "name": "work",
        "host": dovecot.host,
        "user": user.name,
        "security": Security.SSL,
        "port": dovecot.imaps_port,
        "ca_file": dovecot.ca_file,
        **changes,
    }
    return AccountConfig(**fields)  # type: ignore[arg-type]


def test_a_good_login_lists_the_capabilities(dovecot: Dovecot, mail_user: MailUser) -> None:
    check = check_connection(account(dovecot, mail_user), mail_user.password)
    assert {"IMAP4REV1", "IDLE", "CONDSTORE", "QRESYNC"} <= set(check.capabilities)
    assert list(check.capabilities) == sorted(check.capabilities)
    assert check.incremental and check.idle


def test_a_wrong_password_is_one_line_without_the_password(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    with pytest.raises(AuthenticationFailed) as failure:
        check_connection(account(dovecot, mail_user), "not-the-password")
    assert "rejected the user name or password" in str(failure.value)
    assert "not-the-password" not in str(failure.value) and "\n" not in str(failure.value)


@pytest.mark.parametrize("security", [Security.SSL, Security.STARTTLS])
def test_an_unverifiable_certificate_comes_back_with_its_fingerprint_which_can_be_pinned(
    dovecot: Dovecot, mail_user: MailUser, security: Security
) -> None:
    port = dovecot.imaps_port if security is Security.SSL else dovecot.imap_port
    unknown_ca = account(dovecot, mail_user, security=security, port=port, ca_file=None)
    with pytest.raises(UntrustedCertificate) as failure:
        check_connection(unknown_ca, mail_user.password)
    assert failure.value.fingerprint == dovecot.certificate.sha256()
    assert "self-signed or from an unknown CA" in failure.value.reason
    assert str(failure.value).endswith(colon_hex(dovecot.certificate.sha256()))

    pinned = account(
        dovecot, mail_user, security=security, port=port, ca_file=None,
        fingerprint=failure.value.fingerprint,
    )  # fmt: skip
    assert "IMAP4REV1" in check_connection(pinned, mail_user.password).capabilities


def test_no_fingerprint_where_no_server_listens(dovecot: Dovecot, mail_user: MailUser) -> None:
    closed = account(dovecot, mail_user, port=1)
    assert presented_fingerprint(closed, timeout_s=5) is None


def test_adding_puts_the_password_in_the_keyring_only(
    tmp_path: Path, file_keyring: Path, dovecot: Dovecot, mail_user: MailUser
) -> None:
    accounts = AccountStore(tmp_path)
    setup = AccountSetup(accounts, PasswordVault())
    setup.add(account(dovecot, mail_user), "pw-1234567")
    assert PasswordVault().password("work") == "pw-1234567"
    assert "pw-1234567" not in accounts.path.read_text(encoding="utf-8")
    with pytest.raises(AccountError, match="exists already"):
        setup.add(account(dovecot, mail_user), "another")
    assert PasswordVault().password("work") == "pw-1234567"  # the first one's password stays
    with pytest.raises(UsageError, match="the password is empty"):
        setup.add(account(dovecot, mail_user, name="home"), "")
    assert [a.name for a in accounts.all()] == ["work"]


def test_an_edit_keeps_the_sources_and_the_password_unless_a_new_one_is_given(
    tmp_path: Path, file_keyring: Path, dovecot: Dovecot, mail_user: MailUser
) -> None:
    accounts = AccountStore(tmp_path)
    setup = AccountSetup(accounts, PasswordVault())
    source = ScheduleSource("https://status.example.net/summary.json", components=("IMAP",))
    setup.add(account(dovecot, mail_user, schedule_sources=(source,)), "old")
    setup.update(account(dovecot, mail_user, host="localhost"))
    assert accounts.get("work").host == "localhost"
    assert accounts.get("work").schedule_sources == (source,)
    assert setup.password("work") == "old"
    setup.update(account(dovecot, mail_user), "new")
    assert setup.password("work") == "new"


def test_removal_names_and_takes_the_accounts_data_and_leaves_others(
    tmp_path: Path, file_keyring: Path, dovecot: Dovecot, mail_user: MailUser
) -> None:
    paths = AppPaths.resolve(tmp_path / "home").ensure()
    accounts = AccountStore(paths.config_dir)
    setup = AccountSetup(accounts, PasswordVault())
    setup.add(account(dovecot, mail_user), mail_user.password)
    setup.add(account(dovecot, mail_user, name="home"), mail_user.password)
    with refresh_service(paths, print) as service:
        service.snapshot("work")
        service.resync("work")
        service.snapshot("home")
    with Database(paths.database_file) as db:
        for name in ("work", "home"):
            windows = ManualWindowStore(db, lambda: NOW)
            windows.add(name, NOW + timedelta(days=1), NOW + timedelta(days=1, hours=2), "x")
            windows.add(name, NOW + timedelta(days=2), NOW + timedelta(days=2, hours=2), "y")
            journal = JournalStore(db, lambda: NOW)
            journal.add(name, FolderOperation(OperationKind.CREATE_FOLDER, "Archive"))
            RuleStore(db).add(name, FilingRule("bills", "INBOX", "Bills", subject_contains="x"))
        assert setup.footprint("work", db) == Footprint(
            snapshots=1, reports=1, queued_edits=1, manual_windows=2, filing_rules=1
        )
        removal = setup.remove("work", db)
        assert removal.password_removed and removal.keyring_problem is None
        assert removal.footprint.manual_windows == 2
        assert AccountFootprint(db).count("work") == Footprint(0, 0, 0, 0, 0)
        assert SnapshotStore(db).baselines("work") == {}
        assert ReportStore(db).latest("work") == []
        assert setup.footprint("home", db) == Footprint(
            snapshots=1, reports=0, queued_edits=1, manual_windows=2, filing_rules=1
        )
    assert [a.name for a in accounts.all()] == ["home"]
    with pytest.raises(AccountError):
        PasswordVault().password("work")
    assert PasswordVault().password("home") == mail_user.password


def test_a_ca_file_is_made_absolute_and_must_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ca.pem").write_text("x", encoding="utf-8")
    assert ca_file_path(" ca.pem ") == tmp_path / "ca.pem"
    assert ca_file_path("") is None
    with pytest.raises(UsageError, match="no CA file at"):
        ca_file_path("missing.pem")
