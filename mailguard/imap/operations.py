"""The one road by which mailguard changes an IMAP server: folder operations, replayed safely.

``apply`` looks at the server, lets :mod:`mailguard.core.journal` decide, and
does only what is still missing, then looks again before it says "done". So
an operation interrupted anywhere (a crash, the maintenance itself) is simply
applied again: nothing runs twice, no message is duplicated or lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from imapclient import IMAPClient

from mailguard.core.errors import ImapError, MissingCapability
from mailguard.core.journal import (
    EntryState,
    FolderOperation,
    OperationKind,
    ServerView,
    Verdict,
    decide_folder_step,
    decide_move,
    messages,
)
from mailguard.imap.command_errors import server_errors
from mailguard.imap.server_view import (
    examine,
    list_folder_names,
    locate_by_reading,
    locate_messages,
    message_count,
    uidvalidity_of,
)
from mailguard.imap.uid_sets import format_uid_set

_DELETED = b"\\Deleted"


@dataclass(frozen=True, slots=True)
class Outcome:
    """How an operation ended: DONE (now or earlier) or SKIPPED (reported, not forced)."""

    state: EntryState
    text: str


class FolderExecutor:
    """Carries out folder operations over one logged-in connection."""

    def __init__(self, client: IMAPClient) -> None:
        self._client = client

    @property
    def capabilities(self) -> frozenset[str]:
        return frozenset(c.decode("ascii", "replace").upper() for c in self._client.capabilities())

    # -- looking -------------------------------------------------------------------

    def observe(self, operation: FolderOperation) -> ServerView:
        """The folders, and for a move where each named message is in its two folders."""
        view, _ = self._observe(operation)
        return view

    def _observe(self, operation: FolderOperation) -> tuple[ServerView, int | None]:
        """The view, and the source's UIDVALIDITY the view's UIDs belong to.

        Messages are searched for first; only those found in neither folder are
        looked for again by reading both folders whole, so a lost message costs
        time, never a wrong "missing".
        """
        folders = list_folder_names(self._client)
        if operation.kind is OperationKind.DELETE_FOLDER and operation.folder in folders:
            held = message_count(self._client, operation.folder)
            return ServerView(folders, message_counts={operation.folder: held}), None
        if operation.kind is not OperationKind.MOVE_MESSAGES:
            return ServerView(folders), None
        locations: dict[str, dict[str, tuple[int, ...]]] = {}
        uidvalidities: dict[str, int] = {}
        present = [
            f for f in dict.fromkeys((operation.folder, operation.target or "")) if f in folders
        ]
        for locate in (locate_messages, locate_by_reading):
            keys = [key for key in operation.message_keys if key not in locations]
            if not keys:
                break
            for folder in present:
                uidvalidity = examine(self._client, folder)
                if uidvalidities.setdefault(folder, uidvalidity) != uidvalidity:
                    raise _renumbered(folder)
                for key, uids in locate(self._client, folder, keys).items():
                    locations.setdefault(key, {})[folder] = uids
        return ServerView(folders, locations), uidvalidities.get(operation.folder)

    # -- folder steps --------------------------------------------------------------

    def create(self, folder: str) -> None:
        with server_errors(f"create {folder!r}"):
            self._client.create_folder(folder)

    def rename(self, old: str, new: str) -> None:
        with server_errors(f"rename {old!r} to {new!r}"):
            self._client.rename_folder(old, new)

    def delete(self, folder: str) -> None:
        with server_errors(f"delete {folder!r}"):
            self._client.delete_folder(folder)

    # -- messages ------------------------------------------------------------------

    def move(
        self, source: str, target: str, uids: tuple[int, ...], *, uidvalidity: int | None = None
    ) -> None:
        """Move exactly ``uids`` from ``source`` to ``target``.

        UID MOVE (RFC 6851) where offered; else UID COPY, then ``\\Deleted`` and
        UID EXPUNGE of exactly those UIDs (RFC 4315 2.1), never a plain EXPUNGE,
        which would also remove messages someone else marked deleted.
        ``uidvalidity``, when given, must still hold, or the UIDs name other mail.
        """
        if not uids:
            return
        capabilities = self.capabilities
        if "MOVE" not in capabilities and "UIDPLUS" not in capabilities:
            raise MissingCapability(
                "the server offers neither MOVE (RFC 6851) nor UIDPLUS (RFC 4315), so messages "
                "cannot be moved without risking other mail; nothing was moved"
            )
        self._select(source, uidvalidity)
        uid_set = format_uid_set(uids)
        where = f"move messages from {source!r} to {target!r}"
        if "MOVE" in capabilities:
            with server_errors(where):
                self._client.move(uid_set, target)
            return
        with server_errors(where):
            self._client.copy(uid_set, target)
        self._expunge_exactly(source, uid_set)

    def expunge_copied(
        self, source: str, uids: tuple[int, ...], *, uidvalidity: int | None = None
    ) -> None:
        """Remove exactly ``uids`` from ``source``: originals left by an unfinished copy."""
        if not uids:
            return
        if "UIDPLUS" not in self.capabilities:
            raise MissingCapability(
                "the server lacks UIDPLUS (RFC 4315), so the copies left in "
                f"{source!r} cannot be removed without risking other mail"
            )
        self._select(source, uidvalidity)
        self._expunge_exactly(source, format_uid_set(uids))

    def _expunge_exactly(self, source: str, uid_set: str) -> None:
        with server_errors(f"remove moved messages from {source!r}"):
            self._client.add_flags(uid_set, [_DELETED], silent=True)
            self._client.uid_expunge(uid_set)

    def _select(self, folder: str, uidvalidity: int | None) -> None:
        with server_errors(f"open {folder!r}"):
            info = self._client.select_folder(folder)
        if not info.get(b"READ-WRITE", True):
            raise ImapError(f"the server opened {folder!r} read-only; nothing was changed")
        if uidvalidity is not None and uidvalidity_of(info, folder) != uidvalidity:
            raise _renumbered(folder)

    # -- the whole operation -------------------------------------------------------

    def apply(self, operation: FolderOperation) -> str:
        """Do what is still needed of ``operation``; a one-line outcome ("already done: ...")."""
        return self.execute(operation).text

    def execute(self, operation: FolderOperation) -> Outcome:
        """Like :meth:`apply`, with whether the operation is done or was skipped."""
        if operation.kind is OperationKind.MOVE_MESSAGES:
            return self._move_messages(operation)
        if operation.kind is OperationKind.RENAME_FOLDER and _is_inbox(operation.folder):
            # RFC 3501 6.3.5: renaming INBOX moves its messages and leaves INBOX in place.
            return _skipped(operation, "renaming INBOX would empty it, not rename it")
        view, _ = self._observe(operation)
        decision = decide_folder_step(operation, view)
        held = view.message_counts.get(operation.folder, 0)
        if decision.verdict is Verdict.ALREADY_DONE:
            return _already_done(operation)
        if decision.verdict is Verdict.IMPOSSIBLE:
            return _skipped(operation, decision.reason)
        if operation.kind is OperationKind.CREATE_FOLDER:
            self.create(operation.folder)
            return Outcome(EntryState.DONE, f"created folder {operation.folder!r}")
        if operation.kind is OperationKind.DELETE_FOLDER:
            self.delete(operation.folder)
            text = f"deleted folder {operation.folder!r}"
            return Outcome(EntryState.DONE, text + (f" and its {messages(held)}" if held else ""))
        new_name = operation.new_name or ""
        self.rename(operation.folder, new_name)
        return Outcome(EntryState.DONE, f"renamed folder {operation.folder!r} to {new_name!r}")

    def _move_messages(self, operation: FolderOperation) -> Outcome:
        source, target = operation.folder, operation.target or ""
        if not target or _same_folder(source, target):
            return _skipped(operation, "source and target are the same folder")
        if not operation.message_keys:
            return Outcome(EntryState.DONE, f"nothing to move from {source!r} to {target!r}")
        view, uidvalidity = self._observe(operation)
        decision = decide_move(operation, view)
        if decision.source_gone or decision.target_gone:
            gone = source if decision.source_gone else target
            return _skipped(operation, f"folder {gone!r} is gone")
        missing = _not_found(decision.missing, source, target)
        if decision.nothing_left:
            if len(decision.missing) == len(operation.message_keys):
                return _skipped(operation, missing)
            return _already_done(operation, missing)

        self.expunge_copied(source, decision.to_expunge, uidvalidity=uidvalidity)
        self.move(source, target, decision.to_move, uidvalidity=uidvalidity)
        after = decide_move(operation, self.observe(operation))
        if not after.nothing_left:
            left = len(after.to_move) + len(after.to_expunge)
            raise ImapError(
                f"{messages(left)} still in {source!r} after moving them to {target!r}; "
                "the move will be tried again"
            )
        moved = len(decision.to_move) + len(decision.to_expunge)
        text = f"moved {messages(moved)} from {source!r} to {target!r}"
        if decision.to_expunge:
            text += (
                f" ({len(decision.to_expunge)} already copied there by an interrupted run: "
                "only the original was removed)"
            )
        parts = [text, missing] if missing else [text]
        return Outcome(EntryState.DONE, "; ".join(parts))


def _renumbered(folder: str) -> ImapError:
    # RFC 3501 2.3.1.1: a new UIDVALIDITY means the UIDs we saw now name other mail.
    return ImapError(
        f"the server renumbered the messages of {folder!r} meanwhile; "
        "nothing was changed, the operation will be tried again"
    )


def _already_done(operation: FolderOperation, note: str = "") -> Outcome:
    text = f"already done: {operation.describe()}"
    return Outcome(EntryState.DONE, f"{text}; {note}" if note else text)


def _skipped(operation: FolderOperation, reason: str) -> Outcome:
    return Outcome(EntryState.SKIPPED, f"skipped: {operation.describe()}: {reason}")


def _not_found(missing: tuple[str, ...], source: str, target: str) -> str:
    if not missing:
        return ""
    verb = "is" if len(missing) == 1 else "are"
    return f"{messages(len(missing))} {verb} in neither {source!r} nor {target!r} (left alone)"


def _is_inbox(name: str) -> bool:
    return name.upper() == "INBOX"  # case-insensitive, RFC 3501 5.1


def _same_folder(first: str, second: str) -> bool:
    return first == second or (_is_inbox(first) and _is_inbox(second))
