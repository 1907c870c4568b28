"""Reading one folder into a FolderState: all of it, or only what changed (RFC 7162 QRESYNC).

Both paths must give the same FolderState for the same server state; the
incremental one checks itself against the server's message count and falls
back to a full read when the two disagree, so a server's quirk costs time,
never correctness. Folders are opened with EXAMINE and headers fetched with
BODY.PEEK, so reading changes nothing on the server (no ``\\Seen``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mailguard.core.errors import ImapError
from mailguard.core.mailstate import FolderState, MessageRecord
from mailguard.imap.fetch_parser import (
    SNAPSHOT_ITEMS,
    SNAPSHOT_ITEMS_MODSEQ,
    ListedFolder,
    Responses,
)
from mailguard.imap.raw_command import RawChannel, quote_folder
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

    def read(self, listed: ListedFolder, previous: FolderState | None) -> FolderState:
        """Incrementally when ``previous`` allows it and the server offers QRESYNC, else in full."""
        if (
            self._qresync
            and previous is not None
            and previous.highestmodseq is not None
            and previous.uidvalidity > 0
        ):
            state = self._resync(listed, previous)
            if state is not None:
                return state
        return self.read_full(listed)

    def read_full(self, listed: ListedFolder) -> FolderState:
        """EXAMINE and one ``UID FETCH 1:*``, pipelined: one round trip per folder.

        The response is streamed record by record, so a large folder needs no
        chunking for memory; it is re-read if it changed underneath.
        """
        where = f"reading {listed.name}"
        examine = b"EXAMINE " + quote_folder(listed.name)
        fetch = b"UID FETCH 1:* (" + self._items + b")"
        for _ in range(FULL_READ_ATTEMPTS):
            responses = self._channel.run_checked([examine, fetch], where=where)
            self.stats.messages_fetched += len(responses.messages)
            messages = _without_vanished(responses.messages, responses)
            if _consistent(responses, len(messages)):
                break
        self.stats.full_folders += 1
        return self._state(listed, responses, messages)

    def _resync(self, listed: ListedFolder, previous: FolderState) -> FolderState | None:
        """Apply what changed since ``previous`` (RFC 7162 3.2.5); None: read in full instead."""
        where = f"reading {listed.name}"
        examine = b"EXAMINE %s (QRESYNC (%d %d))" % (
            quote_folder(listed.name),
            previous.uidvalidity,
            previous.highestmodseq or 0,
        )
        # New mail has UIDs from the old UIDNEXT on; fetching them in the same round
        # trip is wasted only when UIDVALIDITY changed. The range ends at the largest
        # UID, not "*": "n:*" returns the highest message even below n (RFC 3501 6.4.8).
        fetch_new = b"UID FETCH %d:%d (%s)" % (max(previous.uidnext, 1), MAX_UID, self._items)
        responses = self._channel.run_checked([examine, fetch_new], where=where)
        if responses.uidvalidity != previous.uidvalidity or responses.highestmodseq is None:
            return None  # UIDs mean something else now: nothing of the old state carries over

        messages = dict(previous.messages)
        unknown: list[int] = []
        for uid, update in responses.flag_updates.items():
            known = messages.get(uid)
            if known is None:
                unknown.append(uid)
            elif known.flags != update.flags or known.modseq != update.modseq:
                messages[uid] = replace(known, flags=update.flags, modseq=update.modseq)
        messages.update(responses.messages)
        fetched = len(responses.messages)
        unknown = [uid for uid in unknown if uid not in messages]
        if unknown:  # changed, yet below the old UIDNEXT and not in the old state
            more = self._channel.run_checked(
                [b"UID FETCH %s (%s)" % (format_uid_set(unknown).encode(), self._items)],
                where=where,
            )
            messages.update(more.messages)
            fetched += len(more.messages)
            responses.vanished = responses.vanished | more.vanished
            responses.expunges += more.expunges
            if more.exists is not None:
                responses.exists = more.exists
        messages = _without_vanished(messages, responses)
        if not _consistent(responses, len(messages)):
            return None
        self.stats.incremental_folders += 1
        self.stats.messages_fetched += fetched
        self.stats.flag_updates += len(responses.flag_updates)
        return self._state(listed, responses, messages)

    def _state(
        self, listed: ListedFolder, responses: Responses, messages: dict[int, MessageRecord]
    ) -> FolderState:
        if responses.uidvalidity is None:
            raise ImapError(f"the server sent no UIDVALIDITY for {listed.name}")
        uidnext = responses.uidnext or (max(messages, default=0) + 1)
        return FolderState(
            name=listed.name,
            uidvalidity=responses.uidvalidity,
            uidnext=uidnext,
            highestmodseq=responses.highestmodseq if self._modseq else None,
            messages=dict(sorted(messages.items())),
            special_use=special_use(listed),
            delimiter=listed.delimiter,
        )


def special_use(listed: ListedFolder) -> frozenset[str]:
    """The folder's RFC 6154 roles, spelled canonically (``\\Sent``)."""
    return frozenset(
        SPECIAL_USES[a.lower()] for a in listed.attributes if a.lower() in SPECIAL_USES
    )


def _without_vanished(
    messages: dict[int, MessageRecord], responses: Responses
) -> dict[int, MessageRecord]:
    gone = responses.vanished
    if not gone:
        return messages
    return {uid: record for uid, record in messages.items() if uid not in gone}


def _consistent(responses: Responses, count: int) -> bool:
    """Did we end up with as many messages as the server says the folder holds?

    A sequence-number EXPUNGE cannot be tied to a UID, and an unsolicited FETCH
    without UID cannot be tied to a message: either way, read again.
    """
    return responses.exists == count and responses.expunges == 0 and responses.uidless_fetches == 0
