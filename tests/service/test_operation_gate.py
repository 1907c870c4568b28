"""The gate against a real Dovecot: refuse or queue during a window, replay once afterwards.

Crashes are played by leaving an entry RUNNING in SQLite after doing part of
its work on the server by hand (nothing, a COPY without the EXPUNGE, one of
two messages, all of it): replay must end as one clean run would.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import ConfirmationNeeded, EditsRefused
from mailguard.core.filing_rules import FilingRule
from mailguard.core.guard_policy import GuardPolicy
from mailguard.core.journal import EntryState, FolderOperation, OperationKind
from mailguard.core.model import MaintenanceWindow
from mailguard.service.filing_run import run_filing_rule
from mailguard.service.imap_access import ImapAccess
from mailguard.service.operation_gate import DeleteFolder, MoveByUid, OperationGate
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.journal_store import JournalStore
from mailguard.store.secrets import PasswordVault
from tests.dovecot import Dovecot, MailUser, make_message

START = datetime(2026, 3, 3, 22, 0, tzinfo=UTC)
DURING = START + timedelta(minutes=30)
AFTER = START + timedelta(hours=5)  # past the end, the margin and the backfill watch


class Setup:
    def __init__(self, dovecot: Dovecot, user: MailUser, db: Database) -> None:
        self.dovecot, self.user = dovecot, user
        self.account = AccountConfig(
            "work", dovecot.host, user.name, Security.SSL, dovecot.imaps_port, dovecot.ca_file
        )
        vault = PasswordVault()
        vault.store("work", user.password)
        self.journal = JournalStore(db, lambda: DURING)
        windows = ManualWindowStore(db, lambda: DURING)
        windows.add("work", START, START + timedelta(hours=1), "Mail migration")
        self.gate = OperationGate(
            schedule=self._schedule(windows),
            journal=self.journal,
            imap=ImapAccess(vault),
            policy=GuardPolicy(),
            zone=UTC,
        )

    @staticmethod
    def _schedule(
        windows: ManualWindowStore,
    ) -> Callable[[AccountConfig, datetime], list[MaintenanceWindow]]:
        return lambda account, _now: windows.windows(account.name)

    def deliver(self, folder: str, *message_ids: str) -> None:
        for message_id in message_ids:
            self.dovecot.deliver(self.user, folder, make_message(message_id=message_id))

    def contents(self, folder: str) -> Counter[str]:
        return self.dovecot.message_ids(self.user, folder)

    def uids(self, folder: str, *message_ids: str) -> tuple[int, ...]:
        """The UIDs of the given Message-IDs (maildir delivery order is not UID order)."""
        with self.dovecot.client(self.user) as client:
            client.select_folder(folder, readonly=True)
            return tuple(client.search(["HEADER", "Message-ID", mid])[0] for mid in message_ids)

    def folders(self) -> set[str]:
        with self.dovecot.client(self.user) as client:
            return {name for _, _, name in client.list_folders()}


@pytest.fixture
def setup(
    dovecot: Dovecot, mail_user: MailUser, tmp_path: Path, file_keyring: Path
) -> Iterator[Setup]:
    with Database(tmp_path / "m.sqlite3") as db:
        yield Setup(dovecot, mail_user, db)


def test_an_edit_during_the_window_is_refused_naming_the_window_and_the_reopening(
    setup: Setup,
) -> None:
    with pytest.raises(EditsRefused) as refused:
        setup.gate.request(
            setup.account,
            FolderOperation(OperationKind.CREATE_FOLDER, "A"),
            queue=False,
            now=DURING,
        )
    assert str(refused.value) == (
        "refused: create folder 'A': maintenance window 'Mail migration' "
        "2026-03-03 22:00–23:00 UTC; edits open again at 2026-03-04 02:15 UTC; "
        "use --queue to do it then"
    )
    assert refused.value.exit_code == 3
    assert setup.journal.all("work") == []


def test_queued_operations_wait_for_the_window_then_replay_in_order_exactly_once(
    setup: Setup,
) -> None:
    setup.deliver("INBOX", "<a@x>", "<b@x>", "<c@x>")
    create = FolderOperation(OperationKind.CREATE_FOLDER, "Archive")
    setup.gate.request(setup.account, create, queue=True, now=DURING)
    setup.dovecot.ensure_folder(setup.user, "Archive")  # the move's target must exist to resolve
    setup.gate.request(
        setup.account,
        MoveByUid("INBOX", "Archive", setup.uids("INBOX", "<a@x>", "<c@x>")),
        queue=True,
        now=DURING,
    )
    assert setup.gate.replay(setup.account, DURING) == []
    assert setup.gate.replay(setup.account, START + timedelta(hours=2)) == []  # settling

    replayed = setup.gate.replay(setup.account, AFTER)

    assert [r.entry.state for r in replayed] == [EntryState.DONE, EntryState.DONE]
    assert replayed[1].outcome.text == "moved 2 messages from 'INBOX' to 'Archive'"
    assert setup.contents("Archive") == Counter({"<a@x>": 1, "<c@x>": 1})
    assert setup.contents("INBOX") == Counter({"<b@x>": 1})
    assert setup.gate.replay(setup.account, AFTER) == []
    assert setup.contents("Archive") == Counter({"<a@x>": 1, "<c@x>": 1})


def _nothing(setup: Setup) -> None:
    pass


def _copied_not_expunged(setup: Setup) -> None:
    with setup.dovecot.client(setup.user) as client:
        client.select_folder("INBOX")
        client.copy(setup.uids("INBOX", "<a@x>", "<b@x>"), "Archive")


def _one_of_two_moved(setup: Setup) -> None:
    with setup.dovecot.client(setup.user) as client:
        client.select_folder("INBOX")
        client.move(setup.uids("INBOX", "<a@x>"), "Archive")


def _all_moved(setup: Setup) -> None:
    with setup.dovecot.client(setup.user) as client:
        client.select_folder("INBOX")
        client.move(setup.uids("INBOX", "<a@x>", "<b@x>"), "Archive")


@pytest.mark.parametrize(
    "interrupted_after", [_nothing, _copied_not_expunged, _one_of_two_moved, _all_moved]
)
def test_a_move_killed_at_any_point_resumes_without_duplicating_or_losing_mail(
    setup: Setup, interrupted_after: Callable[[Setup], None]
) -> None:
    setup.deliver("INBOX", "<a@x>", "<b@x>", "<keep@x>")
    setup.dovecot.ensure_folder(setup.user, "Archive")
    queued = setup.gate.request(
        setup.account,
        MoveByUid("INBOX", "Archive", setup.uids("INBOX", "<a@x>", "<b@x>")),
        queue=True,
        now=DURING,
    ).queued
    assert queued is not None
    setup.journal.mark_running(queued.id)  # the process died after this ...
    interrupted_after(setup)  # ... and after doing this much on the server

    replayed = setup.gate.replay(setup.account, AFTER)

    assert [r.entry.state for r in replayed] == [EntryState.DONE]
    assert setup.contents("Archive") == Counter({"<a@x>": 1, "<b@x>": 1})
    assert setup.contents("INBOX") == Counter({"<keep@x>": 1})
    assert setup.journal.open_entries("work") == []


def test_a_rename_done_before_the_crash_is_not_repeated(setup: Setup) -> None:
    setup.dovecot.ensure_folder(setup.user, "Old")
    rename = FolderOperation(OperationKind.RENAME_FOLDER, "Old", new_name="New")
    queued = setup.gate.request(setup.account, rename, queue=True, now=DURING).queued
    assert queued is not None
    setup.journal.mark_running(queued.id)
    with setup.dovecot.client(setup.user) as client:
        client.rename_folder("Old", "New")

    replayed = setup.gate.replay(setup.account, AFTER)

    assert replayed[0].outcome.text == "already done: rename folder 'Old' to 'New'"
    assert "New" in setup.folders() and "Old" not in setup.folders()


def test_an_entry_whose_folder_vanished_is_reported_not_forced(setup: Setup) -> None:
    setup.deliver("INBOX", "<a@x>")
    setup.dovecot.ensure_folder(setup.user, "Archive")
    setup.gate.request(
        setup.account,
        MoveByUid("INBOX", "Archive", setup.uids("INBOX", "<a@x>")),
        queue=True,
        now=DURING,
    )
    with setup.dovecot.client(setup.user) as client:
        client.delete_folder("Archive")

    replayed = setup.gate.replay(setup.account, AFTER)

    assert replayed[0].entry.state is EntryState.SKIPPED
    assert "folder 'Archive' is gone" in replayed[0].outcome.text
    assert setup.contents("INBOX") == Counter({"<a@x>": 1})


def test_a_delete_confirmed_for_fewer_messages_than_the_folder_now_holds_does_nothing(
    setup: Setup,
) -> None:
    setup.deliver("Old", "<a@x>", "<b@x>", "<c@x>")  # one more came after the user said yes
    confirmed = DeleteFolder("Old", with_messages=True, confirmed_messages=2)
    with pytest.raises(ConfirmationNeeded) as refused:
        setup.gate.request(setup.account, confirmed, queue=False, now=AFTER)
    assert str(refused.value) == (
        "folder 'Old' now holds 3 messages, more than the 2 confirmed; "
        "nothing was done: ask again to confirm the new count"
    )
    assert setup.journal.all("work") == []
    assert setup.contents("Old") == Counter({"<a@x>": 1, "<b@x>": 1, "<c@x>": 1})


def test_a_delete_confirmed_with_its_count_is_queued_accepting_that_count(setup: Setup) -> None:
    setup.deliver("Old", "<a@x>", "<b@x>")
    confirmed = DeleteFolder("Old", with_messages=True, confirmed_messages=2)
    queued = setup.gate.request(setup.account, confirmed, queue=True, now=DURING).queued
    assert queued is not None
    assert queued.operation.accepted_messages == 2
    assert queued.operation.describe() == "delete folder 'Old' and its 2 messages"


def test_running_a_filing_rule_moves_what_it_matches_through_the_gate(setup: Setup) -> None:
    setup.dovecot.deliver(
        setup.user, "INBOX", make_message(subject="Invoice 7", message_id="<i@x>")
    )
    setup.deliver("INBOX", "<other@x>")
    setup.dovecot.ensure_folder(setup.user, "Bills")
    rule = FilingRule("bills", "INBOX", "Bills", subject_contains="invoice")
    imap = ImapAccess(PasswordVault())

    with pytest.raises(EditsRefused):
        run_filing_rule(imap, setup.gate, setup.account, rule, queue=False, now=DURING)
    assert setup.journal.all("work") == []
    ran = run_filing_rule(imap, setup.gate, setup.account, rule, queue=False, now=AFTER)

    assert ran is not None and ran.queued is None
    assert [r.outcome.text for r in ran.replayed] == ["moved 1 message from 'INBOX' to 'Bills'"]
    assert setup.contents("Bills") == Counter({"<i@x>": 1})
    assert setup.contents("INBOX") == Counter({"<other@x>": 1})
    assert run_filing_rule(imap, setup.gate, setup.account, rule, queue=False, now=AFTER) is None
    assert len(setup.journal.all("work")) == 1  # nothing matched: nothing journaled
