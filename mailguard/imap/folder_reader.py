"""Reading one folder into a FolderState: all of it, or only what changed (RFC 7162 QRESYNC).

Both paths must give the same FolderState for the same server state; the
incremental one checks itself against the server's message count and falls
back to a full read when the two disagree, so a server's quirk costs time,
never correctness. Folders are opened with EXAMINE and headers fetched with
BODY.PEEK, so reading changes nothing on the server (no ``\\Seen``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from mailguard.core.errors import ImapError
from mailguard.core.mailstate import FolderState, MessageRecord
from mailguard.core.message_map import overlay, records_among
from mailguard.core.wire_messages import WireMessages
from mailguard.imap.fetch_parser import (
    SNAPSHOT_ITEMS,
    SNAPSHOT_ITEMS_MODSEQ,
    ListedFolder,
    Responses,
    Tagged,
)
from mailguard.imap.raw_command import Batch, RawChannel, check_completions, quote_folder
from mailguard.imap.uid_sets import MAX_UID, format_uid_set

#: RFC 6154 special-use attributes, by lower case, spelled as the RFC does.
SPECIAL_USES = {
    name.lower(): name
    for name in ("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash")
}

#: A folder that changed while it was read is read again, at most this often.
FULL_READ_ATTEMPTS = 3


@dataclass(slots=True)
class ReadStats:
    """How a snapshot was read: for the user's report and for tests of the fast path."""

    full_folders: int = 0
    incremental_folders: int = 0
    messages_fetched: int = 0  # messages whose headers came over the wire
    flag_updates: int = 0


class FolderReader:
    """Reads folders over one connection; ``modseq`` once CONDSTORE or QRESYNC is enabled."""

    def __init__(self, channel: RawChannel, *, modseq: bool, qresync: bool) -> None:
        self._channel = channel
        self._modseq = modseq
        self._qresync = qresync
        self._items = SNAPSHOT_ITEMS_MODSEQ if modseq else SNAPSHOT_ITEMS
        self.stats = ReadStats()

    def read_all(
        self,
        folders: Sequence[ListedFolder],
        previous: Mapping[str, FolderState],
        on_folder: Callable[[FolderState], None] | None = None,
    ) -> dict[str, FolderState]:
        """Every folder, incrementally where ``previous`` allows it, else in full.

        The commands for all folders go out in one write, so the server works
        through them back to back while the responses are being parsed; a folder
        whose result does not add up is then read again on its own.
        ``on_folder`` gets each folder's final state once. Each folder's answer is
        worked on as soon as it is read, while the server still works on the
        next ones (a snapshot stores it meanwhile), unless it needs another
        command; that waits until the pipeline is drained.
        """
        plans = [(folder, self._resync_base(previous.get(folder.name))) for folder in folders]
        batches = [
            Batch(f"reading {folder.name}", self._resync_commands(folder, base))
            if base is not None
            else Batch(f"reading {folder.name}", self._full_commands(folder))
            for folder, base in plans
        ]
        early: dict[str, FolderState | None] = {}

        def work_on(index: int, result: tuple[Responses, list[Tagged]]) -> None:
            folder, base = plans[index]
            responses, completions = result
            if not all(done.ok for done in completions):
                return  # raised below, in order
            if base is None:
                state = self._full_state(folder, responses)
            else:
                outcome = self._apply_changes(folder, base, responses, may_ask=False)
                if isinstance(outcome, _AskLater):
                    return
                state = outcome
            early[folder.name] = state
            if state is not None and on_folder is not None:
                on_folder(state)

        results = self._channel.run_batches(batches, work_on)
        for batch, (_, completions) in zip(batches, results, strict=True):
            check_completions(batch.commands, completions, where=batch.where)
        states: dict[str, FolderState] = {}
        for (folder, base), (responses, _) in zip(plans, results, strict=True):
            state = early.get(folder.name)
            if state is not None:  # worked on and handed on already
                states[folder.name] = state
                continue
            if base is not None and folder.name not in early:
                outcome = self._apply_changes(folder, base, responses, may_ask=True)
                state = outcome if isinstance(outcome, FolderState) else None
            states[folder.name] = state if state is not None else self.read_full(folder)
            if on_folder is not None:
                on_folder(states[folder.name])
        return states

    def read(self, listed: ListedFolder, previous: FolderState | None) -> FolderState:
        """One folder, as :meth:`read_all` would read it."""
        known = {listed.name: previous} if previous is not None else {}
        return self.read_all([listed], known)[listed.name]

    def read_full(self, listed: ListedFolder) -> FolderState:
        """EXAMINE and one ``UID FETCH 1:*`` (pipelined), again if the folder changed meanwhile.

        The response is streamed record by record, so a large folder needs no
        chunking for memory. After FULL_READ_ATTEMPTS the last read stands.
        """
        for attempt in range(1, FULL_READ_ATTEMPTS + 1):
            responses = self._channel.run_checked(
                self._full_commands(listed), where=f"reading {listed.name}"
            )
            state = self._full_state(listed, responses, insist=attempt == FULL_READ_ATTEMPTS)
            if state is not None:
                return state
        raise AssertionError("unreachable: the last attempt always gives a state")

    def _full_commands(self, listed: ListedFolder) -> list[bytes]:
        return [
            b"EXAMINE " + quote_folder(listed.name),
            b"UID FETCH 1:* (" + self._items + b")",
        ]

    def _full_state(
        self, listed: ListedFolder, responses: Responses, *, insist: bool = False
    ) -> FolderState | None:
        self.stats.messages_fetched += len(responses.messages)
        messages = _without_vanished(responses.messages, responses)
        if not insist and not _consistent(responses, len(messages)):
            return None
        self.stats.full_folders += 1
        return self._state(listed, responses, messages)

    def _resync_base(self, previous: FolderState | None) -> FolderState | None:
        """``previous`` if the folder can be brought up to date from it (RFC 7162 3.2.5)."""
        if self._qresync and previous is not None and previous.highestmodseq is not None:
            return previous
        return None

    def _resync_commands(self, listed: ListedFolder, previous: FolderState) -> list[bytes]:
        examine = b"EXAMINE %s (QRESYNC (%d %d))" % (
            quote_folder(listed.name),
            previous.uidvalidity,
            previous.highestmodseq or 0,
        )
        # New mail has UIDs from the old UIDNEXT on; fetching them in the same round
        # trip is wasted only when UIDVALIDITY changed. The range ends at the largest
        # UID, not "*": "n:*" returns the highest message even below n (RFC 3501 6.4.8).
        fetch_new = b"UID FETCH %d:%d (%s)" % (max(previous.uidnext, 1), MAX_UID, self._items)
        return [examine, fetch_new]

    def _apply_changes(
        self, listed: ListedFolder, previous: FolderState, responses: Responses, *, may_ask: bool
    ) -> FolderState | _AskLater | None:
        """The previous state plus what QRESYNC reported; None: read in full instead.

        A flag change of a message the previous state lacks needs one more FETCH;
        unless ``may_ask``, that is left for later (:class:`_AskLater`).
        """
        if responses.uidvalidity != previous.uidvalidity or responses.highestmodseq is None:
            return None  # UIDs mean something else now: nothing of the old state carries over
        # Batch look-ups only: the previous state may be a baseline still on disk.
        known = records_among(previous.messages, responses.flag_updates.keys())
        changed: dict[int, MessageRecord] = {}
        unknown: list[int] = []
        for uid, update in responses.flag_updates.items():
            record = known.get(uid)
            if record is None:
                unknown.append(uid)
            elif record.flags != update.flags or record.modseq != update.modseq:
                changed[uid] = record.with_flags(update.flags, update.modseq)
        changed.update(responses.messages)
        fetched = len(responses.messages)
        unknown = [uid for uid in unknown if uid not in changed]
        if unknown and not may_ask:
            return _ASK_LATER
        if unknown:  # changed, yet below the old UIDNEXT and not in the old state
            more = self._channel.run_checked(
                [b"UID FETCH %s (%s)" % (format_uid_set(unknown).encode(), self._items)],
                where=f"reading {listed.name}",
            )
            changed.update(more.messages)
            fetched += len(more.messages)
            responses.vanished = responses.vanished | more.vanished
            responses.expunges += more.expunges
            if more.exists is not None:
                responses.exists = more.exists
        messages = overlay(previous.messages, changed, responses.vanished.ranges())
        if not _consistent(responses, len(messages)):
            return None
        self.stats.incremental_folders += 1
        self.stats.messages_fetched += fetched
        self.stats.flag_updates += len(responses.flag_updates)
        return self._state(listed, responses, messages)

    def _state(
        self, listed: ListedFolder, responses: Responses, messages: Mapping[int, MessageRecord]
    ) -> FolderState:
        if responses.uidvalidity is None:
            raise ImapError(f"the server sent no UIDVALIDITY for {listed.name}")
        uidnext = responses.uidnext or (max(messages, default=0) + 1)
        return FolderState(
            name=listed.name,
            uidvalidity=responses.uidvalidity,
            uidnext=uidnext,
            highestmodseq=responses.highestmodseq if self._modseq else None,
            messages=messages,
            special_use=special_use(listed),
            delimiter=listed.delimiter,
        )


class _AskLater:
    """A folder that needs another command before its state is known."""


_ASK_LATER = _AskLater()


def special_use(listed: ListedFolder) -> frozenset[str]:
    """The folder's RFC 6154 roles, spelled canonically (``\\Sent``)."""
    return frozenset(
        SPECIAL_USES[a.lower()] for a in listed.attributes if a.lower() in SPECIAL_USES
    )


def _without_vanished(messages: WireMessages, responses: Responses) -> WireMessages:
    gone = responses.vanished
    return messages.without(gone) if gone else messages


def _consistent(responses: Responses, count: int) -> bool:
    """Did we end up with as many messages as the server says the folder holds?

    A sequence-number EXPUNGE cannot be tied to a UID, and an unsolicited FETCH
    without UID cannot be tied to a message: either way, read again.
    """
    return responses.exists == count and responses.expunges == 0 and responses.uidless_fetches == 0
