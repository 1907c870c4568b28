"""What the running guard tells its faces, as typed facts rather than text.

The guard runner, the folder gate and the refresh emit these; the CLI renders
them as log lines or JSON objects (``guard_text``, ``event_json``), the tray as
icon, tooltip and notifications. Every event names its account and the moment
it happened (the injected clock's, so tests replay a window on a fake clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from mailguard.core.errors import (
    AuthenticationFailed,
    ConfigError,
    ConnectionLost,
    MailguardError,
    ServerUnreachable,
    SourceError,
    StorageError,
    TlsFailure,
)
from mailguard.core.guard import GuardEvent
from mailguard.core.journal import EntryState, JournalEntry
from mailguard.core.model import MaintenanceWindow
from mailguard.core.refresh_report import BackfilledMail, MailEntry, RefreshReport

#: The account of events that concern the whole guard (a clock jump).
ALL_ACCOUNTS = "-"


class ErrorKind(StrEnum):
    """What kind of trouble, so the UI can say what helps and rate-limit per kind."""

    NETWORK = "network"  # unreachable or dropped: usually passes by itself
    AUTHENTICATION = "authentication"  # wrong password: the user must act
    TLS = "tls"  # certificate not trusted: the user must act
    SOURCE = "source"  # a schedule source cannot be read
    CONFIG = "config"  # settings or a missing baseline
    STORAGE = "storage"  # the disk is full or read-only
    OTHER = "other"


def error_kind(error: MailguardError) -> ErrorKind:
    for kind, types in (
        (ErrorKind.AUTHENTICATION, (AuthenticationFailed,)),
        (ErrorKind.TLS, (TlsFailure,)),
        (ErrorKind.NETWORK, (ServerUnreachable, ConnectionLost)),
        (ErrorKind.SOURCE, (SourceError,)),
        (ErrorKind.STORAGE, (StorageError,)),
        (ErrorKind.CONFIG, (ConfigError,)),
    ):
        if isinstance(error, types):
            return kind
    return ErrorKind.OTHER


@dataclass(frozen=True, slots=True)
class BaselineTaken:
    """The snapshot the comparison after the window(s) will start from."""

    account: str
    at: datetime
    windows: tuple[MaintenanceWindow, ...]
    messages: int
    folders: int


@dataclass(frozen=True, slots=True)
class ResyncFinished:
    """A refresh compared the mailbox with the baseline and stored ``report``."""

    account: str
    at: datetime
    report: RefreshReport
    window: MaintenanceWindow | None = None  # the window it followed; None when asked for
    first: bool = True  # the first comparison after the window (later ones watch for late mail)
    unchanged: bool = False  # it found what report ``report.id`` says: nothing new stored


@dataclass(frozen=True, slots=True)
class LateMailFound:
    """Mail the provider delivered late, not announced before for this window."""

    account: str
    at: datetime
    window: MaintenanceWindow | None
    mails: tuple[BackfilledMail, ...]
    report_id: int | None

    @property
    def folders(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.mail.folder for m in self.mails))


@dataclass(frozen=True, slots=True)
class SentDuringWindow:
    """Mail sent while the provider was down: it may never have left."""

    account: str
    at: datetime
    window: MaintenanceWindow | None
    mails: tuple[MailEntry, ...]
    report_id: int | None


@dataclass(frozen=True, slots=True)
class EditRefused:
    """A folder edit asked for while edits are closed, and not queued."""

    account: str
    at: datetime
    operation: str  # what was asked, as the user would say it
    window: MaintenanceWindow | None
    edits_open_at: datetime | None


@dataclass(frozen=True, slots=True)
class EditQueued:
    """A folder edit journaled to run once edits open again."""

    account: str
    at: datetime
    entry: JournalEntry
    edits_open_at: datetime | None = None
    rule: str | None = None  # the filing rule that asked, if one did
    note: str = ""  # how the queue planned it (follows a rename, counts accepted)


@dataclass(frozen=True, slots=True)
class EditReplayed:
    """A journaled edit ran (``done``) or was skipped because it could no longer be done."""

    account: str
    at: datetime
    entry: JournalEntry
    text: str
    rule: str | None = None

    @property
    def done(self) -> bool:
        return self.entry.state is EntryState.DONE


@dataclass(frozen=True, slots=True)
class ForeignEdit:
    """Another program changed folders or mail while edits are closed."""

    account: str
    at: datetime
    description: str


@dataclass(frozen=True, slots=True)
class ClockJumped:
    """Suspend/resume or a clock change: every schedule is read afresh."""

    at: datetime
    gap: timedelta
    account: str = ALL_ACCOUNTS


@dataclass(frozen=True, slots=True)
class GuardFailure:
    """Something the guard could not do this round; it tries again next tick."""

    account: str
    at: datetime
    kind: ErrorKind
    message: str
    doing: str = ""  # what it was doing, e.g. "refresh after 'Storage upgrade'"


RunnerEvent = (
    GuardEvent
    | BaselineTaken
    | ResyncFinished
    | LateMailFound
    | SentDuringWindow
    | EditRefused
    | EditQueued
    | EditReplayed
    | ForeignEdit
    | ClockJumped
    | GuardFailure
)
