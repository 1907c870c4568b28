"""imapclient's errors as one line for a user: a refusal with the server's words, or a lost line."""

from __future__ import annotations

import imaplib
import re
from collections.abc import Iterator
from contextlib import contextmanager

from mailguard.core.errors import ConnectionLost, ImapError

# imapclient says "delete failed: <text>"; imaplib says "UID command error: BAD [b'<text>']".
_FAILED = re.compile(r"failed: (.*)\Z", re.DOTALL)
_COMMAND_ERROR = re.compile(r"command error: (?:BAD|NO) \[b?['\"](.*)['\"]\]\Z", re.DOTALL)
_BYTES_REPR = re.compile(r"\Ab(['\"])(.*)\1\Z", re.DOTALL)
_RESPONSE_CODE = re.compile(r"\A\[[^\]]*\]\s*")  # "[NONEXISTENT] " (RFC 5530)
_DOVECOT_TIMING = re.compile(r"\s*\(\d+\.\d+( \+ \d+\.\d+)* secs\)\.?\Z")


@contextmanager
def server_errors(doing: str) -> Iterator[None]:
    """Translate what goes wrong while ``doing`` (e.g. ``"delete 'Alt'"``).

    A NO or BAD becomes ``ImapError("the server refused to delete 'Alt': <its text>")``;
    a dropped connection becomes ConnectionLost.
    """
    try:
        yield
    except imaplib.IMAP4.abort as exc:  # a BYE or a broken stream; a subclass of IMAP4.error
        raise ConnectionLost(
            f"the server closed the connection while trying to {doing} (maintenance?)"
        ) from exc
    except OSError as exc:
        raise ConnectionLost(
            f"the connection broke while trying to {doing} (maintenance?)"
        ) from exc
    except imaplib.IMAP4.error as exc:
        raise ImapError(f"the server refused to {doing}: {server_text(exc)}") from exc


def server_text(exc: BaseException, limit: int = 200) -> str:
    """The server's own words from an imapclient error, without codes or Dovecot's timings."""
    text = str(exc).split("\n\n", 1)[0]  # imapclient appends advice after a blank line
    match = _FAILED.search(text) or _COMMAND_ERROR.search(text)
    if match:
        text = match[1]
    quoted = _BYTES_REPR.match(text)
    if quoted:
        text = quoted[2]
    text = _DOVECOT_TIMING.sub("", _RESPONSE_CODE.sub("", " ".join(text.split())))
    text = "".join(c if c.isprintable() else " " for c in text)
    return (text[:limit] + "…" if len(text) > limit else text) or "no reason given"
