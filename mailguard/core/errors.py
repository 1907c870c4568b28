"""One error family, so the CLI and the UI can show any failure as one line.

Adapters translate library errors into these with ``raise ... from``; the
message is written for the user and never carries a secret.
"""

from __future__ import annotations


class MailguardError(Exception):
    """Base of every error meant for the user; ``str()`` is one readable line."""

    exit_code = 2


class UsageError(MailguardError):
    """The user asked for something malformed (a bad date, an unknown zone)."""


class ConfigError(MailguardError):
    """Settings on disk are missing or inconsistent."""


class SourceError(MailguardError):
    """A schedule source could not be read or understood."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{_shortened(source)}: {reason}")
        self.source = source
        self.reason = reason


#: Longer source names are shortened in messages: one line should fit a terminal or two.
_SHOWN_SOURCE_CHARS = 160


def _shortened(source: str) -> str:
    """An overlong name (a mistyped path of thousands of characters) with its middle left out."""
    if len(source) <= _SHOWN_SOURCE_CHARS:
        return source
    head = _SHOWN_SOURCE_CHARS * 2 // 3
    tail = _SHOWN_SOURCE_CHARS - head - 1
    return f"{source[:head]}…{source[-tail:]}"


class FetchError(SourceError):
    """The source could not be downloaded or read from disk."""


class ParseError(SourceError):
    """The source was read but is not a schedule we understand."""


class AccountError(MailguardError):
    """An account is unknown, misconfigured, or its password is unavailable."""


class ImapError(MailguardError):
    """Talking to the IMAP server failed; subclasses say how."""


class ServerUnreachable(ImapError):
    """Unknown host, connection refused, or timed out."""


class TlsFailure(ImapError):
    """The server's certificate could not be trusted (expired, wrong host, unknown CA)."""


class AuthenticationFailed(ImapError):
    """The server refused the user name or password."""


class MissingCapability(ImapError):
    """The server lacks a capability mailguard needs."""


class ConnectionLost(ImapError):
    """The server went away mid-operation (often: the maintenance itself)."""


class StorageError(MailguardError):
    """mailguard's own files cannot be written: the disk is full or the folder read-only."""


class EditsRefused(MailguardError):
    """A folder edit was asked for while a maintenance window keeps edits closed."""

    exit_code = 3


class GuardAlreadyRunning(MailguardError):
    """A second guard (``watch`` or the tray) was started on a home that has one."""

    exit_code = 3


class BaselineInUse(MailguardError):
    """A new snapshot was asked for while a window still compares against its baseline."""

    exit_code = 3


class ConfirmationNeeded(MailguardError):
    """An edit that would lose mail (a folder with messages) needs the user's explicit yes."""

    exit_code = 3
