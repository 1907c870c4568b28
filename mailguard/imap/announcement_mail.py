"""Reading the provider's maintenance notices out of the guarded mailbox itself.

Only reads: the folder is opened with EXAMINE and messages fetched with
BODY.PEEK, so a notice stays unread for the user. Decoding uses the stdlib
email package; the text part is preferred, HTML is passed on as it is.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from imapclient import IMAPClient

from mailguard.imap.command_errors import server_errors
from mailguard.imap.server_view import examine

#: The newest notices only: a provider sends a handful a year.
MAX_NOTICES = 50


@dataclass(frozen=True, slots=True)
class NoticeMail:
    """One notice: its subject, when it was sent, its Message-ID and its text."""

    sender: str
    subject: str
    sent_at: datetime | None
    message_id: str | None
    text: str


def read_notices(client: IMAPClient, folder: str, from_address: str) -> list[NoticeMail]:
    """The newest messages in ``folder`` whose From contains ``from_address``."""
    examine(client, folder)
    with server_errors(f"search {folder!r}"):
        uids = sorted(int(uid) for uid in client.search(["FROM", from_address]))
    uids = uids[-MAX_NOTICES:]
    if not uids:
        return []
    with server_errors(f"read the notices in {folder!r}"):
        fetched = client.fetch(uids, ["BODY.PEEK[]"])
    notices = []
    for uid in uids:
        raw = fetched.get(uid, {}).get(b"BODY[]")
        if isinstance(raw, bytes):
            notice = parse_notice(raw)
            # SEARCH FROM also matches the display name; the notice must be the sender's own.
            if from_address.casefold() in notice.sender.casefold():
                notices.append(notice)
    return notices


def parse_notice(raw: bytes) -> NoticeMail:
    """Sender, subject, date, Message-ID and text of one raw message."""
    message = email.message_from_bytes(raw, _class=EmailMessage, policy=email.policy.default)
    return NoticeMail(
        sender=str(message.get("From", "")),
        subject=str(message.get("Subject", "")),
        sent_at=_sent_at(str(message.get("Date", ""))),
        message_id=str(message.get("Message-ID", "")).strip() or None,
        text=_text_of(message),
    )


def _sent_at(value: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""
