"""The guard's typed events: one stable name, one line of text and one JSON object each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from mailguard.core.errors import (
    AuthenticationFailed,
    ConfigError,
    ConnectionLost,
    FetchError,
    MailguardError,
    ServerUnreachable,
    StorageError,
    TlsFailure,
)
from mailguard.core.event_json import event_name, event_record
from mailguard.core.events import (
    BaselineTaken,
    ClockJumped,
    EditQueued,
    EditRefused,
    EditReplayed,
    ErrorKind,
    ForeignEdit,
    GuardFailure,
    LateMailFound,
    ResyncFinished,
    RunnerEvent,
    SentDuringWindow,
    error_kind,
)
from mailguard.core.guard import EventKind, GuardEvent
from mailguard.core.guard_text import describe_event, folder_list, zoned_span_text
from mailguard.core.journal import EntryState, FolderOperation, JournalEntry, OperationKind
from mailguard.core.model import MaintenanceWindow
from mailguard.core.refresh_report import (
    BackfilledMail,
    BackfillReason,
    FlagChange,
    MailEntry,
    RefreshReport,
)

AT = datetime(2026, 3, 10, 21, 0, tzinfo=UTC)
WINDOW = MaintenanceWindow(
    AT + timedelta(hours=1), AT + timedelta(hours=4), "Storage upgrade", "manual", "manual"
)
BERLIN = ZoneInfo("Europe/Berlin")


def mail(folder: str, uid: int) -> MailEntry:
    return MailEntry(folder, uid, f"<{uid}@x>", "Order", "shop@x", AT, AT, f"<{uid}@x>", AT)


def entry(state: EntryState) -> JournalEntry:
    operation = FolderOperation(OperationKind.CREATE_FOLDER, "Archive")
    return JournalEntry(7, "work", operation, state, AT, AT, "created folder 'Archive'")


LATE = (
    BackfilledMail(mail("INBOX", 1), BackfillReason.DURING_WINDOW),
    BackfilledMail(mail("Bestellungen", 2), BackfillReason.DURING_WINDOW),
)
REPORT = RefreshReport("work", AT, AT, WINDOW, backfilled=LATE, id=3)
FLAGGED = FlagChange(mail("INBOX", 4), frozenset(), frozenset({"\\Flagged"}))
REFLAGGED = RefreshReport("work", AT, AT, WINDOW, flags_changed=(FLAGGED,), id=4)

EVENTS: list[tuple[RunnerEvent, str, str]] = [
    (
        GuardEvent(EventKind.LEAD_WARNING, "work", WINDOW, AT, lead=timedelta(hours=1)),
        "warning",
        "lead_warning: 'Storage upgrade' starts in 1 h",
    ),
    (
        GuardEvent(EventKind.STARTED, "work", WINDOW, AT),
        "window_started",
        "window_started: 'Storage upgrade' has started; folder edits wait until it is over",
    ),
    (
        GuardEvent(EventKind.ANNOUNCED, "work", WINDOW, AT),
        "window_announced",
        "window_announced: 'Storage upgrade' announced for 2026-03-10 23:00–2026-03-11 02:00 CET",
    ),
    (
        BaselineTaken("work", AT, (WINDOW,), 12, 3),
        "baseline_taken",
        "baseline taken before 'Storage upgrade': 12 messages in 3 folders",
    ),
    (
        ResyncFinished("work", AT, REPORT, WINDOW),
        "resync_finished",
        "refreshed after 'Storage upgrade': report #3 (2 backfilled)",
    ),
    (
        ResyncFinished("work", AT, REFLAGGED, None),
        "resync_finished",
        "resynced: report #4 (1 flags changed)",  # in words, as report lists it
    ),
    (
        LateMailFound("work", AT, WINDOW, LATE, 3),
        "backfill_found",
        "late mail: 2 messages delivered late in INBOX and Bestellungen (report #3)",
    ),
    (
        SentDuringWindow("work", AT, WINDOW, (mail("Sent", 4),), 3),
        "sent_during_window",
        "sent during 'Storage upgrade': 1 message may not have been delivered; "
        "consider re-sending (report #3)",
    ),
    (
        EditRefused("work", AT, "create folder 'A'", WINDOW, AT + timedelta(hours=7)),
        "edit_refused",
        "refused: create folder 'A': maintenance window 'Storage upgrade' "
        "2026-03-10 23:00–2026-03-11 02:00 CET; edits open again at 2026-03-11 05:00 CET; "
        "use --queue to do it then",
    ),
    (
        EditQueued("work", AT, entry(EntryState.QUEUED)),
        "edit_queued",
        "queued as #7: create folder 'Archive'",
    ),
    (
        EditReplayed("work", AT, entry(EntryState.DONE), "created folder 'Archive'"),
        "edit_replayed",
        "#7 created folder 'Archive'",
    ),
    (
        EditReplayed("work", AT, entry(EntryState.SKIPPED), "skipped: it exists", rule="r"),
        "edit_skipped",
        "rule 'r': #7 skipped: it exists",
    ),
    (
        ForeignEdit("work", AT, "the folder 'A' was deleted by another program"),
        "foreign_edit",
        "warning: foreign edit: the folder 'A' was deleted by another program",
    ),
    (
        ClockJumped(AT, timedelta(hours=2)),
        "clock_jumped",
        "clock jumped by 2:00:00; re-reading every schedule",
    ),
    (
        GuardFailure("work", AT, ErrorKind.NETWORK, "server unreachable", "refresh after 'X'"),
        "error",
        "warning: cannot refresh after 'X': server unreachable",
    ),
]


@pytest.mark.parametrize(("event", "name", "text"), EVENTS, ids=[e[1] for e in EVENTS])
def test_each_event_has_a_stable_name_a_line_in_the_users_zone_and_a_json_record(
    event: RunnerEvent, name: str, text: str
) -> None:
    assert event_name(event) == name
    assert describe_event(event, BERLIN) == text
    record = event_record(event, BERLIN)
    assert (record["event"], record["account"], record["text"]) == (name, event.account, text)
    assert datetime.fromisoformat(record["at"]) == AT


def test_the_late_mail_record_lists_each_mail_and_its_folders() -> None:
    record = event_record(LateMailFound("work", AT, WINDOW, LATE, 3), UTC)
    assert record["folders"] == ["INBOX", "Bestellungen"]
    assert [(m["folder"], m["uid"], m["reason"]) for m in record["mails"]] == [
        ("INBOX", 1, "during_window"),
        ("Bestellungen", 2, "during_window"),
    ]


def test_a_lead_warning_record_says_how_soon_in_seconds() -> None:
    event = GuardEvent(EventKind.LEAD_WARNING, "work", WINDOW, AT, lead=timedelta(hours=1))
    record = event_record(event, UTC)
    assert (record["lead_minutes"], record["starts_in_seconds"]) == (60, 3600)
    assert record["window"]["title"] == "Storage upgrade"


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (AuthenticationFailed("no"), ErrorKind.AUTHENTICATION),
        (TlsFailure("no"), ErrorKind.TLS),
        (ServerUnreachable("no"), ErrorKind.NETWORK),
        (ConnectionLost("no"), ErrorKind.NETWORK),
        (FetchError("https://x", "no"), ErrorKind.SOURCE),
        (StorageError("full"), ErrorKind.STORAGE),
        (ConfigError("bad"), ErrorKind.CONFIG),
        (MailguardError("?"), ErrorKind.OTHER),
    ],
)
def test_errors_fall_into_the_kinds_the_ui_rate_limits_by(
    error: MailguardError, kind: ErrorKind
) -> None:
    assert error_kind(error) is kind


def test_a_window_across_a_dst_change_names_both_zones() -> None:
    across = MaintenanceWindow(
        datetime(2026, 3, 29, 0, 30, tzinfo=UTC),
        datetime(2026, 3, 29, 2, 0, tzinfo=UTC),
        "DST",
        "manual",
        "manual",
    )
    assert zoned_span_text(across, BERLIN) == "2026-03-29 01:30 CET–04:00 CEST"


@pytest.mark.parametrize(
    ("folders", "text"),
    [((), ""), (("INBOX",), "INBOX"), (("A", "B"), "A and B"), (("A", "B", "C"), "A, B and C")],
)
def test_folder_lists_read_as_a_sentence(folders: tuple[str, ...], text: str) -> None:
    assert folder_list(folders) == text
