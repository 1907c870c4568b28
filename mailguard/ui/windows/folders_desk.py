"""The Folders window's state for one account: where it stands, what was read, what runs.

The tabs are views of this; it submits the work (``folders_work``) on the
account's lane, one edit at a time, and says what happened in one line. The
account's standing comes from the guard's rounds (no I/O here); after an edit
it tells the rest of the app (``queue_changed``, a fresh overview).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from mailguard.core.events import EditReplayed
from mailguard.core.guard import Standing
from mailguard.core.guard_policy import GuardState
from mailguard.core.model import MaintenanceWindow
from mailguard.imap.server_view import FolderEntry
from mailguard.service.operation_gate import Request
from mailguard.ui.context import UiContext
from mailguard.ui.guard_engine import GuardRound
from mailguard.ui.windows import folders_work as work
from mailguard.ui.windows.folders_text import closed_reason, edit_done_text
from mailguard.ui.windows.folders_work import AccountJournal, EditDone

T = TypeVar("T")


class FolderDesk(QObject):
    changed = Signal()  # the account, its standing or "busy" changed: re-enable actions
    said = Signal(str, bool)  # one line for the status, and whether it is an error
    folders_read = Signal()  # ``folders`` is fresh (or ``folders_error`` says why not)
    journal_read = Signal()  # ``journal`` is fresh

    def __init__(self, context: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.account: str | None = None
        self.standing: Standing | None = None
        self.windows: tuple[MaintenanceWindow, ...] = ()
        self.folders: tuple[FolderEntry, ...] = ()
        self.folders_error = ""
        self.journal = AccountJournal((), (), None)
        self._reading: str | None = None  # the account whose folders are being read
        self._edits = 0  # edits submitted and not yet answered
        #: False while the window is closed: rounds then only update the standing,
        #: the next ``use_account`` reads everything afresh.
        self.watching = True
        self._telling = False
        context.hub.round_finished.connect(self.on_round)
        context.hub.queue_changed.connect(self._queue_changed)

    # -- what the views ask ----------------------------------------------------------

    @property
    def reading_folders(self) -> bool:
        return self._reading is not None and self._reading == self.account

    @property
    def busy(self) -> bool:
        """An edit runs: no second one may start until it is answered."""
        return self._edits > 0

    def closed_reason(self) -> str | None:
        return closed_reason(self.standing, self.context.render.moment)

    def folder_names(self) -> list[str]:
        return [entry.name for entry in self.folders]

    def use_account(self, account: str | None) -> None:
        if account != self.account:
            self.account = account
            self.standing, self.windows = None, ()
            self.folders, self.folders_error = (), ""
            self.journal = AccountJournal((), (), None)
            self.folders_read.emit()
            self.journal_read.emit()
            self.changed.emit()
        if account is not None:
            self.reload()
            self.context.request_overview()

    def reload(self) -> None:
        self.reload_folders()
        self.reload_journal()

    def reload_folders(self) -> None:
        account = self.account
        if account is None or self.reading_folders:
            return
        self._reading = account
        self.folders_read.emit()
        paths = self.context.paths
        self._submit(
            account,
            lambda: work.read_folders(paths, account),
            on_success=lambda entries: self._folders(account, entries, ""),
            on_failure=lambda text: self._folders(account, (), text),
        )

    def reload_journal(self) -> None:
        account = self.account
        if account is None:
            return
        standing = self.standing
        settling = standing is not None and standing.state is GuardState.SETTLING
        # While settling, the guard's windows let the release offer be checked without a fetch.
        windows = self.windows if settling and standing and standing.edits_closed else None
        paths = self.context.paths
        self._submit(
            account,
            lambda: work.read_journal(paths, account, windows),
            on_success=lambda journal: self._journal(account, journal),
            on_failure=lambda text: self.said.emit(text, True),
        )

    def edit(self, request: Request, *, queue: bool) -> None:
        """Through the gate on the lane; the answer goes to the status line."""
        paths = self.context.paths
        self.change(
            lambda account: work.request_edit(paths, account, request, queue=queue),
            self._said_done,
        )

    def run_rule(self, name: str, *, queue: bool) -> None:
        paths = self.context.paths
        self.change(
            lambda account: work.run_rule(paths, account, name, queue=queue),
            self._rule_ran,
        )

    def change(
        self,
        job: Callable[[str], T],
        on_success: Callable[[T], None],
        *,
        folders_too: bool = True,
        journal_too: bool = True,
    ) -> None:
        """Run a change of the journal, the rules or the server; then read afresh and tell.

        ``folders_too``: the server's folders may have changed; ``journal_too``: the journal.
        """
        account = self.account
        if account is None or self._refused_while_busy():
            return
        self._edits += 1
        self.changed.emit()
        self.said.emit(self.tr("Working…"), False)

        def settled() -> None:
            self._edits -= 1
            self.changed.emit()
            if journal_too:
                self._telling = True  # our own news: read once, below
                self.context.hub.queue_changed.emit(account)
                self._telling = False
                self.context.request_overview()
            if account == self.account:
                if folders_too:
                    self.reload_folders()
                self.reload_journal()

        def succeeded(result: Any) -> None:
            if account == self.account:
                on_success(result)
            settled()

        def failed(text: str) -> None:
            if account == self.account:
                self.said.emit(text, True)
            settled()

        self._submit(account, lambda: job(account), on_success=succeeded, on_failure=failed)

    def read(self, job: Callable[[str], T], on_success: Callable[[T], None], *, doing: str) -> None:
        """A read the next step waits for (a delete's count); counts as busy meanwhile."""
        account = self.account
        if account is None or self._refused_while_busy():
            return
        self._edits += 1
        self.changed.emit()
        self.said.emit(doing, False)

        def succeeded(result: Any) -> None:
            self._edits -= 1
            self.changed.emit()
            if account == self.account:
                self.said.emit("", False)
                on_success(result)

        def failed(text: str) -> None:
            self._edits -= 1
            self.changed.emit()
            if account == self.account:
                self.said.emit(text, True)

        self._submit(account, lambda: job(account), on_success=succeeded, on_failure=failed)

    def _refused_while_busy(self) -> bool:
        """One change at a time; a second one asked for meanwhile is declined, saying so."""
        if self.busy:
            self.said.emit(
                self.tr("Another change is still running; try again when it is done."), True
            )
        return self.busy

    # -- the guard's rounds ----------------------------------------------------------

    def on_round(self, guard_round: GuardRound) -> None:
        overview = next((o for o in guard_round.overview if o.account.name == self.account), None)
        if overview is None:
            return
        before, self.standing = self.standing, overview.standing
        self.windows = overview.windows
        replayed = any(
            isinstance(e, EditReplayed) and e.account == self.account for e in guard_round.events
        )
        shown_open = sum(1 for e in self.journal.entries if e.state.is_open)
        if self.watching and replayed:
            self.reload_folders()
        stale = replayed or before != overview.standing or shown_open != overview.queued
        if self.watching and stale:
            self.reload_journal()
        self.changed.emit()

    # -- results ---------------------------------------------------------------------

    def _queue_changed(self, account: str) -> None:
        if account == self.account and not self.busy and not self._telling:
            self.reload_journal()

    def _folders(self, account: str, entries: tuple[FolderEntry, ...], error: str) -> None:
        if self._reading == account:
            self._reading = None
        if account != self.account:
            return
        self.folders, self.folders_error = tuple(entries), error
        self.folders_read.emit()

    def _journal(self, account: str, journal: AccountJournal) -> None:
        if account == self.account:
            self.journal = journal
            self.journal_read.emit()
            self.changed.emit()

    def _rule_ran(self, run: work.RuleRun) -> None:
        if run.done is None:
            self.said.emit(
                self.tr("No mail matches the filing rule '{rule}' now.").format(rule=run.rule),
                False,
            )
            return
        self._said_done(run.done)

    def done_text(self, done: EditDone) -> str:
        return edit_done_text(done, self.context.render.moment)

    def _said_done(self, done: EditDone) -> None:
        self.said.emit(self.done_text(done), False)

    def _submit(
        self,
        account: str,
        job: Callable[[], Any],
        *,
        on_success: Callable[[Any], None],
        on_failure: Callable[[str], None],
    ) -> None:
        self.context.lanes.submit(
            UiContext.lane(account),
            lambda _report: job(),
            on_success=on_success,
            on_failure=lambda text, _kind: on_failure(text),
        )
