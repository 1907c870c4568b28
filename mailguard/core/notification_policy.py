"""Which guard events become desktop notifications, worded to say what to do and not to do.

One notification per event, never a flood: an event's key is announced once;
a window's milestones share one bubble (each replaces the one before, so the
red "has started" does not stay on screen once the window is over), and an
update to a bubble already shown does not count as a new one;
foreign edits per account at most every ``foreign_edit_every``; errors only
when they persist (a wrong password at once, an unreachable server or source
after ``error_grace``) and then at most every ``error_every``; and no more than
``burst`` notifications per minute, the rest summed up in one. While warnings
are paused, window milestones stay silent; findings (late mail, mail sent
during a window) and persistent errors still come through.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum

from mailguard.core.events import (
    EditReplayed,
    ErrorKind,
    ForeignEdit,
    GuardFailure,
    LateMailFound,
    ResyncFinished,
    RunnerEvent,
    SentDuringWindow,
)
from mailguard.core.guard import EventKind, GuardEvent
from mailguard.core.phrases import QT_TRANSLATE_NOOP, Argument, Phrase, duration_phrase, plural

_CTX = "Notification"

#: What every maintenance notice reminds of (the providers' own advice).
_DO_NOT = QT_TRANSLATE_NOOP(
    "Notification",
    "Don't create, rename or delete folders or move mail in any mail program until it is "
    "over; mail that matters may arrive late.",
)


class Urgency(IntEnum):
    """The freedesktop ``urgency`` hint."""

    LOW = 0
    NORMAL = 1
    CRITICAL = 2


class Action(StrEnum):
    """Buttons on a notification; the value is the action key sent over D-Bus."""

    RESYNC = "resync"
    SHOW_REPORT = "show-report"
    SHOW_WINDOWS = "show-windows"
    OPEN_SETTINGS = "open-settings"


ACTION_LABELS = {
    Action.RESYNC: Phrase(_CTX, QT_TRANSLATE_NOOP("Notification", "Resync now")),
    Action.SHOW_REPORT: Phrase(_CTX, QT_TRANSLATE_NOOP("Notification", "Show report")),
    Action.SHOW_WINDOWS: Phrase(_CTX, QT_TRANSLATE_NOOP("Notification", "Show windows")),
    Action.OPEN_SETTINGS: Phrase(_CTX, QT_TRANSLATE_NOOP("Notification", "Open settings")),
}


@dataclass(frozen=True, slots=True)
class Notification:
    key: str  # the event it announces; announced once
    account: str
    title: Phrase
    body: Phrase
    actions: tuple[Action, ...] = ()
    urgency: Urgency = Urgency.NORMAL
    report_id: int | None = None  # for SHOW_REPORT
    #: Notifications with the same thread replace each other's bubble on screen.
    thread: str | None = None


@dataclass
class NotificationPolicy:
    """Turns each tick's events into notifications; remembers what it said."""

    burst: int = 4
    foreign_edit_every: timedelta = timedelta(minutes=10)
    error_grace: timedelta = timedelta(hours=1)
    error_every: timedelta = timedelta(hours=12)
    paused_until: datetime | None = None
    _said: set[str] = field(default_factory=set)
    _sent_at: deque[datetime] = field(default_factory=deque)
    _threads: set[str] = field(default_factory=set)
    _foreign_at: dict[str, datetime] = field(default_factory=dict)
    _error_since: dict[tuple[str, ErrorKind], datetime] = field(default_factory=dict)
    _error_told: dict[tuple[str, ErrorKind], datetime] = field(default_factory=dict)

    def pause(self, until: datetime | None) -> None:
        self.paused_until = until

    def paused(self, now: datetime) -> bool:
        return self.paused_until is not None and now < self.paused_until

    def error_cleared(self, account: str) -> None:
        """The account's last round went well: its errors start their grace again."""
        for key in [k for k in self._error_since if k[0] == account]:
            del self._error_since[key]

    def notifications(
        self, events: Iterable[RunnerEvent], now: datetime, *, asked: bool = False
    ) -> list[Notification]:
        """The notifications to show for ``events`` (one tick's worth), rate-limited.

        ``asked``: the user started what these events report ("Resync now"), so
        its outcome is told at once, an error too.
        """
        fresh = [n for n in self._candidates(list(events), now, asked) if n.key not in self._said]
        self._said.update(n.key for n in fresh)
        updates = [n for n in fresh if n.thread is not None and n.thread in self._threads]
        wanted = [n for n in fresh if n not in updates]
        self._threads.update(n.thread for n in fresh if n.thread is not None)
        while self._sent_at and now - self._sent_at[0] >= timedelta(minutes=1):
            self._sent_at.popleft()
        room = max(0, self.burst - len(self._sent_at))
        if len(wanted) <= room:
            shown = wanted
        elif room == 0:
            shown = []  # a flood already: the tray menu and the log still have it all
        else:
            shown = [*wanted[: room - 1], _more(len(wanted) - (room - 1), now)]
        self._sent_at.extend(now for _ in shown)
        return [*updates, *shown]

    def _candidates(
        self, events: list[RunnerEvent], now: datetime, asked: bool
    ) -> list[Notification]:
        found: list[Notification] = []
        replayed = [e for e in events if isinstance(e, EditReplayed)]
        for event in events:
            note = self._one(event, now, asked)
            if note is not None:
                found.append(note)
        if replayed:
            found.append(_replayed(replayed))
        return found

    def _one(self, event: RunnerEvent, now: datetime, asked: bool) -> Notification | None:
        if isinstance(event, GuardEvent):
            return None if self.paused(now) else _milestone(event)
        if isinstance(event, LateMailFound):
            return _late_mail(event)
        if isinstance(event, SentDuringWindow):
            return _sent(event)
        if isinstance(event, ForeignEdit):
            last = self._foreign_at.get(event.account)
            if last is not None and now - last < self.foreign_edit_every:
                return None
            self._foreign_at[event.account] = now
            return _foreign(event)
        if isinstance(event, GuardFailure):
            return _failed(event) if asked else self._error(event, now)
        if isinstance(event, ResyncFinished) and (asked or (event.window and event.first)):
            return _compared(event)  # later refreshes speak through LateMailFound
        return None

    def _error(self, event: GuardFailure, now: datetime) -> Notification | None:
        key = (event.account, event.kind)
        since = self._error_since.setdefault(key, now)
        urgent = event.kind in (ErrorKind.AUTHENTICATION, ErrorKind.TLS, ErrorKind.STORAGE)
        if not urgent and now - since < self.error_grace:
            return None
        told = self._error_told.get(key)
        if told is not None and now - told < self.error_every:
            return None
        self._error_told[key] = now
        return Notification(
            key=f"error:{event.account}:{event.kind.value}:{now.isoformat()}",
            account=event.account,
            title=Phrase(
                _CTX,
                QT_TRANSLATE_NOOP("Notification", "mailguard cannot look after {account}"),
                {"account": event.account},
            ),
            body=Phrase(
                _CTX,
                QT_TRANSLATE_NOOP("Notification", "{problem} (for {how_long})"),
                {"problem": event.message, "how_long": duration_phrase(now - since)},
            ),
            actions=(Action.OPEN_SETTINGS,),
            urgency=Urgency.CRITICAL if urgent else Urgency.NORMAL,
        )


def _failed(event: GuardFailure) -> Notification:
    """What the user just asked for failed: said at once, in one line."""
    return Notification(
        key=f"failed:{event.account}:{event.doing}:{event.at.isoformat()}",
        account=event.account,
        title=Phrase(
            _CTX,
            QT_TRANSLATE_NOOP("Notification", "Resync of {account} failed"),
            {"account": event.account},
        ),
        body=Phrase(
            _CTX, QT_TRANSLATE_NOOP("Notification", "{problem}"), {"problem": event.message}
        ),
        actions=(Action.RESYNC,),
        urgency=Urgency.NORMAL,
    )


def _key(event: GuardEvent) -> str:
    lead = f":{int(event.lead.total_seconds())}" if event.lead is not None else ""
    return f"{event.kind.value}{lead}:{event.account}:{event.window.id}"


def _window_thread(account: str, window_id: str) -> str:
    return f"window:{account}:{window_id}"


def _milestone(event: GuardEvent) -> Notification:
    window = event.window
    span: dict[str, Argument] = {"title": window.title, "start": window.start, "end": window.end}
    body = Phrase(
        _CTX,
        QT_TRANSLATE_NOOP("Notification", "{title}, {start}–{end}. {advice}"),
        {**span, "advice": Phrase(_CTX, _DO_NOT)},
    )
    actions: tuple[Action, ...] = (Action.SHOW_WINDOWS, Action.RESYNC)
    urgency = Urgency.NORMAL
    if event.kind is EventKind.ANNOUNCED:
        title = QT_TRANSLATE_NOOP("Notification", "E-mail maintenance announced")
        actions, urgency = (Action.SHOW_WINDOWS,), Urgency.LOW
    elif event.kind is EventKind.RESCHEDULED:
        title = QT_TRANSLATE_NOOP("Notification", "E-mail maintenance rescheduled")
        actions = (Action.SHOW_WINDOWS,)
    elif event.kind is EventKind.CANCELLED:
        actions = ()
        title = QT_TRANSLATE_NOOP("Notification", "E-mail maintenance cancelled")
        body = Phrase(
            _CTX,
            QT_TRANSLATE_NOOP("Notification", "{title}, {start}–{end}, will not take place."),
            span,
        )
        urgency = Urgency.LOW
    elif event.kind is EventKind.LEAD_WARNING:
        return Notification(
            key=_key(event),
            account=event.account,
            title=Phrase(
                _CTX,
                QT_TRANSLATE_NOOP("Notification", "E-mail maintenance in {countdown}"),
                {"countdown": duration_phrase(event.time_to_start)},
            ),
            body=body,
            actions=actions,
            thread=_window_thread(event.account, window.id),
        )
    elif event.kind is EventKind.STARTED:
        title = QT_TRANSLATE_NOOP("Notification", "E-mail maintenance has started")
        urgency = Urgency.CRITICAL
    elif event.kind is EventKind.ENDED:
        title = QT_TRANSLATE_NOOP("Notification", "E-mail maintenance is over")
        body = Phrase(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Notification",
                "mailguard compares your mailbox with the state before {title} and watches "
                "for mail the provider delivers late. Folder edits still wait.",
            ),
            span,
        )
        actions = (Action.RESYNC,)
    else:
        title = QT_TRANSLATE_NOOP("Notification", "Folder edits are open again")
        body = Phrase(
            _CTX,
            QT_TRANSLATE_NOOP("Notification", "The backfill watch after {title} has ended."),
            span,
        )
        actions = ()
        urgency = Urgency.LOW
    return Notification(
        _key(event),
        event.account,
        Phrase(_CTX, title),
        body,
        actions,
        urgency,
        thread=_window_thread(event.account, window.id),
    )


def _late_mail(event: LateMailFound) -> Notification:
    folders = ", ".join(event.folders)
    return Notification(
        key=f"late:{event.account}:{event.report_id}",
        account=event.account,
        title=plural(
            _CTX,
            len(event.mails),
            QT_TRANSLATE_NOOP("Notification", "{count} late mail in {folders}"),
            QT_TRANSLATE_NOOP("Notification", "{count} late mails in {folders}"),
            folders=folders,
        ),
        body=Phrase(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Notification",
                "The provider delivered them after the maintenance. Refresh these folders.",
            ),
        ),
        actions=(Action.SHOW_REPORT,),
        report_id=event.report_id,
    )


def _sent(event: SentDuringWindow) -> Notification:
    return Notification(
        key=f"sent:{event.account}:{event.report_id}",
        account=event.account,
        title=plural(
            _CTX,
            len(event.mails),
            QT_TRANSLATE_NOOP("Notification", "{count} mail sent during maintenance"),
            QT_TRANSLATE_NOOP("Notification", "{count} mails sent during maintenance"),
        ),
        body=Phrase(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Notification", "They may not have been delivered; consider sending them again."
            ),
        ),
        actions=(Action.SHOW_REPORT,),
        urgency=Urgency.CRITICAL,
        report_id=event.report_id,
    )


def _foreign(event: ForeignEdit) -> Notification:
    return Notification(
        key=f"foreign:{event.account}:{event.at.isoformat()}",
        account=event.account,
        title=Phrase(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Notification", "Another program changed your mail during maintenance"
            ),
        ),
        body=Phrase(
            _CTX, QT_TRANSLATE_NOOP("Notification", "{change}"), {"change": event.description}
        ),
        urgency=Urgency.CRITICAL,
    )


def _compared(event: ResyncFinished) -> Notification:
    report = event.report
    if report.is_empty and event.window:  # the provider may still deliver: not the last word
        body = Phrase(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Notification",
                "Nothing late or missing so far; mailguard keeps watching for mail "
                "the provider delivers late.",
            ),
        )
    elif report.is_empty:
        body = Phrase(
            _CTX, QT_TRANSLATE_NOOP("Notification", "Nothing changed: no mail late or missing.")
        )
    else:
        body = Phrase(
            _CTX,
            QT_TRANSLATE_NOOP("Notification", "{late} late, {missing} missing, {moved} moved."),
            {
                "late": len(report.backfilled),
                "missing": len(report.missing),
                "moved": len(report.moved),
            },
        )
    return Notification(
        key=f"compared:{event.account}:{report.id}",
        account=event.account,
        title=(
            Phrase(
                _CTX,
                QT_TRANSLATE_NOOP("Notification", "Mailbox compared after {title}"),
                {"title": event.window.title},
            )
            if event.window
            else Phrase(
                _CTX,
                QT_TRANSLATE_NOOP("Notification", "Resync of {account} finished"),
                {"account": event.account},
            )
        ),
        body=body,
        actions=(Action.SHOW_REPORT,),
        urgency=Urgency.LOW if report.is_empty else Urgency.NORMAL,
        report_id=report.id,
        thread=_window_thread(event.account, event.window.id) if event.window else None,
    )


def _replayed(events: list[EditReplayed]) -> Notification:
    done = sum(1 for e in events if e.done)
    skipped = len(events) - done
    return Notification(
        key="replayed:" + ",".join(f"{e.account}#{e.entry.id}" for e in events),
        account=events[0].account,
        title=plural(
            _CTX,
            len(events),
            QT_TRANSLATE_NOOP("Notification", "{count} queued folder edit ran"),
            QT_TRANSLATE_NOOP("Notification", "{count} queued folder edits ran"),
        ),
        body=(
            Phrase(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Notification", "{done} done, {skipped} skipped (see the queue)."
                ),
                {"done": done, "skipped": skipped},
            )
            if skipped
            else Phrase(_CTX, QT_TRANSLATE_NOOP("Notification", "Nothing was skipped."))
        ),
        urgency=Urgency.LOW if not skipped else Urgency.NORMAL,
    )


def _more(count: int, now: datetime) -> Notification:
    return Notification(
        key=f"more:{now.isoformat()}",
        account="",
        title=plural(
            _CTX,
            count,
            QT_TRANSLATE_NOOP("Notification", "{count} more mailguard message"),
            QT_TRANSLATE_NOOP("Notification", "{count} more mailguard messages"),
        ),
        body=Phrase(_CTX, QT_TRANSLATE_NOOP("Notification", "See the tray menu and the log.")),
        urgency=Urgency.LOW,
    )
