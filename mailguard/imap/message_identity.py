"""Turning the UIDs a user typed into message identities, which survive a window."""

from __future__ import annotations

from collections.abc import Collection

from imapclient import IMAPClient

from mailguard.core.errors import UsageError
from mailguard.imap.server_view import examine, fetch_records


def identities_of(client: IMAPClient, folder: str, uids: Collection[int]) -> tuple[str, ...]:
    """The identity of each UID in ``folder`` (read-only); an unknown UID is a UsageError."""
    examine(client, folder)
    records = fetch_records(client, folder, uids)
    missing = sorted(set(uids) - set(records))
    if missing:
        listed = ", ".join(str(uid) for uid in missing)
        raise UsageError(f"no message with UID {listed} in {folder!r}")
    return tuple(dict.fromkeys(records[uid].identity() for uid in sorted(uids)))
