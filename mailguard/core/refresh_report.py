"""What a refresh found, as a value with one public JSON shape.

The JSON is a contract for scripts and the tray app: fields may be added,
never renamed. Entries are sorted by folder and UID so two refreshes that see
the same mailbox print the same report, whichever IMAP path they took.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from mailguard.core.mailstate import MessageRecord
from mailguard.core.model import MaintenanceWindow

#: Said of every message found in the Sent folder dated inside the window.
RESEND_NOTE = "may not have been delivered; consider re-sending"

#: The report's lists of mail, in the order the human summary shows them.
MAIL_CATEGORIES = (
    "backfilled",
    "new",
    "missing",
    "moved",
    "flags_changed",
    "sent_during_window",
)


def effective_date(internaldate: datetime, date: datetime | None, now: datetime) -> datetime:
    """The earlier of INTERNALDATE and the Date header; a Date in the future is ignored.

    A sender's clock can be wrong either way, and the server's arrival time is
    late exactly for the mail we look for, so the earlier of the two is the
    best guess of when the message should have arrived. The diff sorts mail by
    it and every face shows it (``shown_date``), so both tell the same story.
    """
    if date is not None and date <= now:
        return min(internaldate, date)
    return internaldate


class BackfillReason(StrEnum):
    """Why a message that was not in the baseline counts as late."""

    BEFORE_BASELINE = "before_baseline"  # dated before the baseline: should have been there
    DURING_WINDOW = "during_window"  # dated inside the window: arrived while the provider was down


class ReportKind(StrEnum):
    """A full comparison (``resync``) or one batch of late mail found by the backfill watch."""

    RESYNC = "resync"
    BACKFILL = "backfill"


@dataclass(frozen=True, slots=True)
class MailEntry:
    """One message where it is (or was, for missing mail), with what a person recognises."""

    folder: str
    uid: int
    message_id: str | None
    subject: str
    sender: str
    date: datetime | None
    internaldate: datetime
    identity: str
    shown_date: datetime  # see effective_date: what a person is shown as the message's date

    @classmethod
    def of(cls, folder: str, record: MessageRecord, now: datetime) -> MailEntry:
        """``now`` is when the report is made: a Date header after it is not believed."""
        return cls(
            folder=folder,
            uid=record.uid,
            message_id=record.message_id,
            subject=record.subject,
            sender=record.sender,
            date=record.date,
            internaldate=record.internaldate,
            identity=record.identity(),
            shown_date=effective_date(record.internaldate, record.date, now),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "uid": self.uid,
            "message_id": self.message_id,
            "subject": self.subject,
            "from": self.sender,
            "date": self.date.isoformat() if self.date else None,
            "internaldate": self.internaldate.isoformat(),
            "shown_date": self.shown_date.isoformat(),
        }

    def sort_key(self) -> tuple[str, int]:
        return (self.folder, self.uid)


@dataclass(frozen=True, slots=True)
class BackfilledMail:
    mail: MailEntry
    reason: BackfillReason

    def to_json(self) -> dict[str, Any]:
        return {**self.mail.to_json(), "reason": self.reason.value}


@dataclass(frozen=True, slots=True)
class MovedMail:
    """``mail`` is where the message is now; ``from_folder``/``from_uid`` where it was."""

    mail: MailEntry
    from_folder: str
    from_uid: int

    def to_json(self) -> dict[str, Any]:
        return {
            **self.mail.to_json(),
            "from_folder": self.from_folder,
            "to_folder": self.mail.folder,
            "from_uid": self.from_uid,
        }


@dataclass(frozen=True, slots=True)
class FlagChange:
    mail: MailEntry
    before: frozenset[str]
    after: frozenset[str]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.mail.to_json(),
            "before": sorted(self.before),
            "after": sorted(self.after),
            "lost": sorted(self.before - self.after),
            "gained": sorted(self.after - self.before),
        }


@dataclass(frozen=True, slots=True)
class CopyChange:
    """A further copy of a known message appeared, or one copy vanished while others remain.

    Neither is "new" or "missing": the message itself was in the baseline and
    still is somewhere (IMAP servers such as Gmail keep one message in several
    folders). ``elsewhere`` names the folders holding the other copies.
    """

    mail: MailEntry
    elsewhere: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {**self.mail.to_json(), "elsewhere": list(self.elsewhere)}


@dataclass(frozen=True, slots=True)
class FolderRename:
    old: str
    new: str

    def to_json(self) -> dict[str, str]:
        return {"from": self.old, "to": self.new}


@dataclass(frozen=True, slots=True)
class FolderChanges:
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    renamed: tuple[FolderRename, ...] = ()
    uidvalidity_changed: tuple[str, ...] = ()  # same name, new UIDVALIDITY: re-matched by identity

    def to_json(self) -> dict[str, Any]:
        return {
            "added": list(self.added),
            "removed": list(self.removed),
            "renamed": [r.to_json() for r in self.renamed],
            "uidvalidity_changed": list(self.uidvalidity_changed),
        }

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.renamed or self.uidvalidity_changed)


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """The difference between the baseline and the mailbox now, for one account."""

    account: str
    created_at: datetime
    baseline_taken_at: datetime
    window: MaintenanceWindow | None = None
    full: bool = False
    kind: ReportKind = ReportKind.RESYNC
    backfilled: tuple[BackfilledMail, ...] = ()
    new: tuple[MailEntry, ...] = ()
    missing: tuple[MailEntry, ...] = ()
    moved: tuple[MovedMail, ...] = ()
    flags_changed: tuple[FlagChange, ...] = ()
    folders: FolderChanges = field(default_factory=FolderChanges)
    sent_during_window: tuple[MailEntry, ...] = ()
    copies_added: tuple[CopyChange, ...] = ()
    copies_removed: tuple[CopyChange, ...] = ()
    id: int | None = None  # set once stored
    #: Made before the window was over (its end plus the safety margin): the provider
    #: may still deliver or change mail, so a later resync can tell a different story.
    preliminary_until: datetime | None = None

    @property
    def preliminary(self) -> bool:
        return self.preliminary_until is not None

    @property
    def is_empty(self) -> bool:
        """True when nothing changed that a person would want to hear about."""
        return (
            not (
                self.backfilled
                or self.new
                or self.missing
                or self.moved
                or self.flags_changed
                or self.sent_during_window
                or self.copies_added
                or self.copies_removed
            )
            and self.folders.is_empty
        )

    def summary(self) -> dict[str, int]:
        return {
            "backfilled": len(self.backfilled),
            "new": len(self.new),
            "missing": len(self.missing),
            "moved": len(self.moved),
            "flags_changed": len(self.flags_changed),
            "sent_during_window": len(self.sent_during_window),
            "folders_added": len(self.folders.added),
            "folders_removed": len(self.folders.removed),
            "folders_renamed": len(self.folders.renamed),
            "copies_added": len(self.copies_added),
            "copies_removed": len(self.copies_removed),
        }

    def findings(self) -> dict[str, Any]:
        """What the report says, without when it was made: equal findings tell nothing new."""
        return findings_of(self.to_json())

    def to_json(self) -> dict[str, Any]:
        """The public shape: ``account``, ``baseline``, ``window``, one list per category."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "account": self.account,
            "created_at": self.created_at.isoformat(),
            "full": self.full,
            "baseline": {"taken_at": self.baseline_taken_at.isoformat()},
            "window": self.window.to_json(self.created_at) if self.window else None,
            "backfilled": [e.to_json() for e in self.backfilled],
            "new": [e.to_json() for e in self.new],
            "missing": [e.to_json() for e in self.missing],
            "moved": [e.to_json() for e in self.moved],
            "flags_changed": [e.to_json() for e in self.flags_changed],
            "folders": self.folders.to_json(),
            "sent_during_window": [
                {**e.to_json(), "note": RESEND_NOTE} for e in self.sent_during_window
            ],
            "copies": {
                "added": [e.to_json() for e in self.copies_added],
                "removed": [e.to_json() for e in self.copies_removed],
            },
            "summary": self.summary(),
            "preliminary": self.preliminary,
            "preliminary_until": (
                self.preliminary_until.isoformat() if self.preliminary_until else None
            ),
        }


#: The parts of a report's JSON that say what changed (not when it was made, or its number).
_FINDINGS_KEYS = (
    "baseline",
    "backfilled",
    "new",
    "missing",
    "moved",
    "flags_changed",
    "folders",
    "sent_during_window",
    "copies",
    "preliminary",
)


def findings_of(body: dict[str, Any]) -> dict[str, Any]:
    """A stored or fresh report's findings: its categories, baseline and window, by value."""
    window = body.get("window")
    return {
        "window": window.get("id") if window else None,
        **{key: body.get(key) for key in _FINDINGS_KEYS},
    }
