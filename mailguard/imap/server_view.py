"""Looking before acting: which folders exist, where named messages are, and a cheap census.

Nothing here changes the server: folders are opened with EXAMINE and headers
fetched with BODY.PEEK. Messages are read by the snapshot's own parser, so an
identity computed here is the identity a snapshot (and so the journal) holds.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from imapclient import IMAPClient

from mailguard.core.errors import ConnectionLost, ImapError
from mailguard.core.foreign_edits import FolderStatus
from mailguard.core.mailstate import MessageRecord
from mailguard.imap.command_errors import server_errors
from mailguard.imap.fetch_parser import SNAPSHOT_ITEMS
from mailguard.imap.raw_command import RawChannel
from mailguard.imap.uid_sets import format_uid_set

#: Message-IDs per SEARCH: keeps the command line far below servers' limits (Dovecot: 64 KiB).
SEARCH_BATCH = 64

_MESSAGE_ID_KEY = "mid:"


def list_folder_names(client: IMAPClient) -> frozenset[str]:
    """The selectable folders; a ``\\Noselect`` level of the hierarchy is not a folder to act on."""
    responses = RawChannel(client).run_checked([b'LIST "" "*"'], where="listing folders")
    return frozenset(folder.name for folder in responses.folders if folder.selectable)


def examine(client: IMAPClient, folder: str) -> int:
    """Open ``folder`` read-only; returns its UIDVALIDITY (RFC 3501 6.3.2)."""
    with server_errors(f"open {folder!r}"):
        info = client.select_folder(folder, readonly=True)
    return uidvalidity_of(info, folder)


def uidvalidity_of(select_info: dict[bytes, object], folder: str) -> int:
    value = select_info.get(b"UIDVALIDITY")
    if not isinstance(value, int):
        raise ImapError(f"the server sent no UIDVALIDITY for {folder!r}")
    return value


def fetch_records(
    client: IMAPClient, folder: str, uids: Collection[int] | None = None
) -> Mapping[int, MessageRecord]:
    """The selected folder's messages (``uids`` only, or all), keyed by UID."""
    if uids is not None and not uids:
        return {}
    uid_set = b"1:*" if uids is None else format_uid_set(uids).encode()
    command = b"UID FETCH " + uid_set + b" (" + SNAPSHOT_ITEMS + b")"
    responses = RawChannel(client).run_checked([command], where=f"reading {folder}")
    return responses.messages


def search_text(client: IMAPClient, folder: str, text: str) -> set[int]:
    """UIDs of the selected ``folder``'s messages whose Subject or From contains ``text``.

    The server searches (substring, ignoring case: RFC 3501 6.4.4). ASCII goes
    as a quoted string built here (imapclient would send ``(urgent)`` bare);
    anything else as a UTF-8 literal, which imapclient sends for 8-bit values.
    """
    with server_errors(f"search {folder!r}"):
        if text.isascii():
            quoted = _quoted(text)
            found = client.search(b"OR SUBJECT " + quoted + b" FROM " + quoted)
        else:
            found = client.search(["OR", "SUBJECT", text, "FROM", text], charset="UTF-8")
    return {int(uid) for uid in found}


def locate_messages(
    client: IMAPClient, folder: str, keys: Iterable[str]
) -> dict[str, tuple[int, ...]]:
    """Where each identity in ``keys`` sits in the selected ``folder``: its UIDs, if any.

    Message-IDs are found with ``UID SEARCH HEADER Message-ID`` and every hit is
    confirmed by its identity, because SEARCH matches substrings, ignoring case
    (RFC 3501 6.4.4), and Message-IDs are case-sensitive. Fingerprints (mail
    without a Message-ID) can only be found by reading the whole folder.
    """
    wanted = set(keys)
    if not all(_searchable(key) for key in wanted):
        return locate_by_reading(client, folder, wanted)
    hits: set[int] = set()
    ordered = sorted(wanted)
    for start in range(0, len(ordered), SEARCH_BATCH):
        criteria = _any_message_id(ordered[start : start + SEARCH_BATCH])
        with server_errors(f"search {folder!r}"):
            hits.update(int(uid) for uid in client.search(criteria))
    return _matching(fetch_records(client, folder, hits), wanted)


def locate_by_reading(
    client: IMAPClient, folder: str, keys: Iterable[str]
) -> dict[str, tuple[int, ...]]:
    """Like :func:`locate_messages`, but reading every message of the selected folder.

    The last resort for a Message-ID that SEARCH cannot find: a snapshot keeps
    it without the whitespace a quoted local part may hold (``<"a b"@x>``).
    """
    wanted = set(keys)
    return _matching(fetch_records(client, folder) if wanted else {}, wanted)


def _matching(records: Mapping[int, MessageRecord], wanted: set[str]) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for uid, record in sorted(records.items()):
        key = record.identity()
        if key in wanted:
            found.setdefault(key, []).append(uid)
    return {key: tuple(uids) for key, uids in found.items()}


@dataclass(frozen=True, slots=True)
class FolderEntry:
    """A selectable folder, its hierarchy delimiter and how many messages it holds."""

    name: str
    delimiter: str | None
    messages: int


def folder_entries(client: IMAPClient) -> list[FolderEntry]:
    """Every selectable folder with its message count (one LIST, one STATUS each), sorted."""
    responses = RawChannel(client).run_checked([b'LIST "" "*"'], where="listing folders")
    listed = {f.name: f for f in responses.folders if f.selectable}
    entries = []
    for name in sorted(listed, key=lambda n: (n.upper() != "INBOX", n.casefold())):
        try:
            count = message_count(client, name)
        except ConnectionLost:
            raise
        except ImapError:
            continue  # deleted between LIST and STATUS: gone
        entries.append(FolderEntry(name, listed[name].delimiter, count))
    return entries


def message_count(client: IMAPClient, folder: str) -> int:
    """How many messages ``folder`` holds, by STATUS (RFC 3501 6.3.10): nothing is opened."""
    with server_errors(f"read the status of {folder!r}"):
        status = client.folder_status(folder, ("MESSAGES",))
    return int(status[b"MESSAGES"])


def take_census(client: IMAPClient) -> dict[str, FolderStatus]:
    """One STATUS per folder (RFC 3501 6.3.10): cheap enough to poll every minute in a window.

    With CONDSTORE the status includes HIGHESTMODSEQ, so flag changes show as well.

    A folder deleted between LIST and its STATUS is simply left out: it is gone.
    """
    items = ["MESSAGES", "UIDNEXT", "UIDVALIDITY"]
    if client.has_capability("CONDSTORE"):
        items.append("HIGHESTMODSEQ")  # RFC 7162 3.1.2.1: shows flag changes too
    census: dict[str, FolderStatus] = {}
    for name in sorted(list_folder_names(client)):
        try:
            with server_errors(f"read the status of {name!r}"):
                status = client.folder_status(name, items)
        except ConnectionLost:
            raise  # the census would be incomplete, and look like deletions
        except ImapError:
            continue
        modseq = status.get(b"HIGHESTMODSEQ")
        census[name] = FolderStatus(
            uidvalidity=int(status[b"UIDVALIDITY"]),
            messages=int(status[b"MESSAGES"]),
            uidnext=int(status[b"UIDNEXT"]),
            highestmodseq=int(modseq) if modseq is not None else None,
        )
    return census


def _searchable(key: str) -> bool:
    """A Message-ID that fits in a quoted string: 7-bit, no CR, LF or NUL (RFC 3501 9)."""
    if not key.startswith(_MESSAGE_ID_KEY):
        return False
    value = key[len(_MESSAGE_ID_KEY) :]
    return bool(value) and all(0 < ord(c) < 128 and c not in "\r\n" for c in value)


def _any_message_id(keys: list[str]) -> bytes:
    """``OR OR a b OR c d``: OR takes two keys (RFC 3501 6.4.4); balanced, so it nests shallowly."""
    if len(keys) == 1:
        return b"HEADER Message-ID " + _quoted(keys[0][len(_MESSAGE_ID_KEY) :])
    middle = len(keys) // 2
    return b"OR " + _any_message_id(keys[:middle]) + b" " + _any_message_id(keys[middle:])


def _quoted(value: str) -> bytes:
    """An IMAP quoted string: ``"`` and ``\\`` escaped (RFC 3501 9, quoted-specials).

    imapclient sends ``<a(b)%c@x>`` bare, as an atom, which the server would
    misread; so the whole SEARCH key is built here.
    """
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return b'"' + escaped.encode("ascii") + b'"'
