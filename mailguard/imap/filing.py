"""Turning a filing rule into a move the guard can gate and journal like any other.

Planning only reads (EXAMINE, BODY.PEEK); the returned FolderOperation names
messages by identity, so it can wait out a maintenance window and still find
them afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping

from imapclient import IMAPClient

from mailguard.core.filing_rules import FilingRule
from mailguard.core.journal import FolderOperation, OperationKind
from mailguard.core.mailstate import MessageRecord
from mailguard.core.message_headers import decode_words
from mailguard.imap.command_errors import server_errors
from mailguard.imap.server_view import examine, fetch_records

_RECIPIENT_FIELDS = b"BODY.PEEK[HEADER.FIELDS (TO CC)]"
_RECIPIENT_HEADERS = ("to", "cc")

#: UIDs per FETCH of recipients: about 6 KB of command line.
FETCH_BATCH = 500


def plan_filing(client: IMAPClient, rule: FilingRule) -> FolderOperation:
    """A MOVE_MESSAGES operation for the messages of ``rule.folder`` the rule matches now.

    A matching message is left out when a message the rule does not match has
    the same identity: moving by that identity would take both.
    """
    examine(client, rule.folder)
    records = fetch_records(client, rule.folder)
    recipients = _recipients(client, rule.folder, records) if rule.recipient_contains else {}
    chosen: dict[str, None] = {}
    unmatched: set[str] = set()
    for uid, record in sorted(records.items()):
        key = record.identity()
        if rule.matches(record.sender, recipients.get(uid, ""), record.subject):
            chosen[key] = None
        else:
            unmatched.add(key)
    return FolderOperation(
        OperationKind.MOVE_MESSAGES,
        rule.folder,
        target=rule.target,
        message_keys=tuple(key for key in chosen if key not in unmatched),
    )


def _recipients(
    client: IMAPClient, folder: str, records: Mapping[int, MessageRecord]
) -> dict[int, str]:
    """To and Cc of each message, decoded and joined: the text a recipient condition searches."""
    uids = sorted(records)
    found: dict[int, str] = {}
    # imapclient.fetch() takes UIDs only spelled out, not as a range like "1:500":
    # batches keep each command line short.
    for start in range(0, len(uids), FETCH_BATCH):
        with server_errors(f"read the recipients in {folder!r}"):
            fetched = client.fetch(uids[start : start + FETCH_BATCH], [_RECIPIENT_FIELDS])
        for uid, items in fetched.items():
            block = next((v for k, v in items.items() if k.startswith(b"BODY[")), b"")
            found[int(uid)] = recipients_of(block if isinstance(block, bytes) else b"")
    return found


def recipients_of(block: bytes) -> str:
    """``To: a\\r\\nCc: =?utf-8?q?J=C3=BCrgen?= <j@x>`` → ``"a, Jürgen <j@x>"``."""
    text = block.decode("utf-8", "replace")
    # Unfold first (RFC 5322 2.2.3): a long recipient list spans lines.
    text = text.replace("\r\n", "\n").replace("\n ", " ").replace("\n\t", " ")
    values = []
    for line in text.split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip().lower() in _RECIPIENT_HEADERS:
            values.append(decode_words(value))
    return ", ".join(v for v in values if v)
