"""Which events become notifications: one per event, what to do, and never a flood."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from mailguard.core.events import (
    EditReplayed,
    ErrorKind,
    ForeignEdit,
    GuardFailure,
    LateMailFound,
    ResyncFinished,
    SentDuringWindow,
)
from mailguard.core.guard import EventKind, GuardEvent
from mailguard.core.journal import EntryState, FolderOperation, JournalEntry, OperationKind
from mailguard.core.model import MaintenanceWindow
from mailguard.core.notification_policy import Action, NotificationPolicy, Urgency
from mailguard.core.refresh_report import BackfilledMail, BackfillReason, MailEntry, RefreshReport

NOW = datetime(2026, 7, 18, 21, 35, tzinfo=UTC)
WINDOW = MaintenanceWindow(
    NOW + timedelta(minutes=10), NOW + timedelta(hours=3), "Hardware-Umstellung", "m", "manual"
)


def milestone(kind: EventKind, lead: timedelta | None = None) -> GuardEvent:
    return GuardEvent(kind, "work", WINDOW, NOW, lead=lead)


def mail(folder: str, uid: int) -> MailEntry:
    return MailEntry(folder, uid, f"<{uid}@x>", "Order", "shop@x", NOW, NOW, f"<{uid}@x>", NOW)


def test_a_lead_warning_says_when_and_what_not_to_do_and_offers_actions() -> None:
    (note,) = NotificationPolicy().notifications(
        [milestone(EventKind.LEAD_WARNING, timedelta(minutes=10))], NOW
    )
    assert note.title.english(UTC) == "E-mail maintenance in 10 min"
    body = note.body.english(UTC)
    assert body.startswith("Hardware-Umstellung, 21:45–00:35. Don't create, rename or delete")
    assert "mail that matters may arrive late" in body
    assert Action.RESYNC in note.actions


def test_the_start_is_critical_and_each_milestone_is_said_once() -> None:
    policy = NotificationPolicy()
    (started,) = policy.notifications([milestone(EventKind.STARTED)], NOW)
    assert started.urgency is Urgency.CRITICAL
    assert policy.notifications([milestone(EventKind.STARTED)], NOW + timedelta(minutes=2)) == []


def test_late_mail_names_count_and_folders_and_opens_the_report() -> None:
    late = tuple(
        BackfilledMail(mail(f, n), BackfillReason.DURING_WINDOW)
        for n, f in enumerate(["INBOX"] * 5 + ["Bestellungen"] * 2)
    )
    (note,) = NotificationPolicy().notifications(
        [LateMailFound("work", NOW, WINDOW, late, 12)], NOW
    )
    assert note.title.english(UTC) == "7 late mails in INBOX, Bestellungen"
    assert (note.actions, note.report_id) == ((Action.SHOW_REPORT,), 12)


def test_mail_sent_during_the_window_suggests_resending() -> None:
    (note,) = NotificationPolicy().notifications(
        [SentDuringWindow("work", NOW, WINDOW, (mail("Sent", 1),), 3)], NOW
    )
    assert note.title.english(UTC) == "1 mail sent during maintenance"
    assert "consider sending them again" in note.body.english(UTC)


def test_paused_warnings_silence_milestones_but_not_findings() -> None:
    policy = NotificationPolicy(paused_until=NOW + timedelta(hours=1))
    late = (BackfilledMail(mail("INBOX", 1), BackfillReason.DURING_WINDOW),)
    notes = policy.notifications(
        [milestone(EventKind.STARTED), LateMailFound("work", NOW, WINDOW, late, 4)], NOW
    )
    assert [n.key.split(":")[0] for n in notes] == ["late"]
    policy.pause(None)
    assert len(policy.notifications([milestone(EventKind.ENDED)], NOW)) == 1


def test_foreign_edits_are_told_at_most_every_ten_minutes_per_account() -> None:
    policy = NotificationPolicy()

    def edit(minutes: int) -> ForeignEdit:
        return ForeignEdit("work", NOW + timedelta(minutes=minutes), f"change {minutes}")

    told = [len(policy.notifications([edit(m)], NOW + timedelta(minutes=m))) for m in (0, 3, 11)]
    assert told == [1, 0, 1]


def test_a_network_error_waits_for_its_grace_a_wrong_password_does_not() -> None:
    policy = NotificationPolicy()
    network = GuardFailure("work", NOW, ErrorKind.NETWORK, "server unreachable")
    assert policy.notifications([network], NOW) == []
    later = NOW + timedelta(hours=1, minutes=1)
    (note,) = policy.notifications([network], later)
    assert note.body.english(UTC) == "server unreachable (for 1 h 1 min)"
    assert policy.notifications([network], later + timedelta(hours=1)) == []  # not again soon
    wrong = GuardFailure("home", NOW, ErrorKind.AUTHENTICATION, "wrong password")
    (told,) = policy.notifications([wrong], NOW)
    assert told.urgency is Urgency.CRITICAL


def test_a_cleared_error_starts_its_grace_again() -> None:
    policy = NotificationPolicy()
    network = GuardFailure("work", NOW, ErrorKind.NETWORK, "down")
    policy.notifications([network], NOW)
    policy.error_cleared("work")
    assert policy.notifications([network], NOW + timedelta(hours=2)) == []


def test_replayed_edits_of_one_round_make_one_notification() -> None:
    operation = FolderOperation(OperationKind.CREATE_FOLDER, "A")
    entries = [
        JournalEntry(n, "work", operation, state, NOW, NOW)
        for n, state in ((1, EntryState.DONE), (2, EntryState.DONE), (3, EntryState.SKIPPED))
    ]
    notes = NotificationPolicy().notifications(
        [EditReplayed("work", NOW, e, "x") for e in entries], NOW
    )
    assert [n.title.english(UTC) for n in notes] == ["3 queued folder edits ran"]
    assert notes[0].body.english(UTC) == "2 done, 1 skipped (see the queue)."
    (all_done,) = NotificationPolicy().notifications(
        [EditReplayed("work", NOW, e, "x") for e in entries[:2]], NOW
    )
    assert all_done.body.english(UTC) == "Nothing was skipped."


def test_a_burst_is_capped_and_the_rest_summed_up_in_one() -> None:
    policy = NotificationPolicy(burst=3)
    edits = [ForeignEdit(f"account{n}", NOW, "x") for n in range(5)]
    notes = policy.notifications(edits, NOW)
    assert len(notes) == 3
    assert notes[-1].title.english(UTC) == "3 more mailguard messages"
    assert policy.notifications([ForeignEdit("another", NOW, "x")], NOW) == []  # still a flood
    assert len(policy.notifications([ForeignEdit("late", NOW, "x")], NOW + timedelta(minutes=1)))


def test_a_resync_the_user_asked_for_is_told_even_without_a_window() -> None:
    report = RefreshReport("work", NOW, NOW, id=9)
    finished = ResyncFinished("work", NOW, report)
    assert NotificationPolicy().notifications([finished], NOW) == []
    (note,) = NotificationPolicy().notifications([finished], NOW, asked=True)
    assert note.title.english(UTC) == "Resync of work finished"
    assert note.body.english(UTC) == "Nothing changed: no mail late or missing."
    window = MaintenanceWindow(NOW - timedelta(hours=1), NOW, "Migration", "m", "manual")
    after_window = ResyncFinished("work", NOW, replace(report, window=window), window)
    (first,) = NotificationPolicy().notifications([after_window], NOW)
    assert first.title.english(UTC) == "Mailbox compared after Migration"
    assert first.body.english(UTC) == (  # the backfill watch goes on: not the last word
        "Nothing late or missing so far; mailguard keeps watching for mail "
        "the provider delivers late."
    )
    failed = GuardFailure("work", NOW, ErrorKind.NETWORK, "server unreachable", "resync")
    (told,) = NotificationPolicy().notifications([failed], NOW, asked=True)
    assert told.title.english(UTC) == "Resync of work failed"


def test_a_windows_milestones_share_one_bubble_and_updating_it_is_not_a_flood() -> None:
    policy = NotificationPolicy(burst=2)
    kinds = [
        (EventKind.ANNOUNCED, None),
        (EventKind.LEAD_WARNING, timedelta(seconds=20)),
        (EventKind.LEAD_WARNING, timedelta(seconds=10)),
        (EventKind.STARTED, None),
        (EventKind.ENDED, None),
    ]
    shown = [
        note
        for n, (kind, lead) in enumerate(kinds)
        for note in policy.notifications([milestone(kind, lead)], NOW + timedelta(seconds=5 * n))
    ]
    titles = [n.title.english(UTC) for n in shown]
    assert len(titles) == 5  # five in 20 s, over a burst of two: they are one bubble, updated
    assert titles[0] == "E-mail maintenance announced"
    assert titles[-2:] == ["E-mail maintenance has started", "E-mail maintenance is over"]
    assert len({n.thread for n in shown}) == 1
    other = NotificationPolicy().notifications(
        [GuardEvent(EventKind.STARTED, "home", WINDOW, NOW)], NOW
    )
    assert other[0].thread not in {n.thread for n in shown}  # another account: its own bubble


def test_the_first_comparison_after_a_window_continues_its_bubble() -> None:
    policy = NotificationPolicy()
    (ended,) = policy.notifications([milestone(EventKind.ENDED)], NOW)
    report = RefreshReport("work", NOW, NOW, id=3)
    (compared,) = policy.notifications([ResyncFinished("work", NOW, report, WINDOW)], NOW)
    assert compared.thread == ended.thread
