"""The guard runner through a whole window on a fake clock, against a real Dovecot.

Each tick is driven by hand at chosen moments; the server, the database and
the IMAP reads are real. The window lies two days after the real clock, so
the baseline the runner takes (stamped with the real time) precedes it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from mailguard.core.account import AccountConfig, Security
from mailguard.core.events import LateMailFound, RunnerEvent
from mailguard.core.filing_rules import FilingRule
from mailguard.core.guard_policy import GuardPolicy
from mailguard.core.guard_text import describe_event
from mailguard.core.journal import FolderOperation, OperationKind
from mailguard.imap.session import ImapSession
from mailguard.net.fetcher import Fetcher
from mailguard.service.account_schedule import AccountSchedule
from mailguard.service.account_windows import AccountWindows
from mailguard.service.backfill_watch import BackfillWatch, WatchSettings
from mailguard.service.guard_runner import GuardRunner, RunnerSettings
from mailguard.service.imap_access import ImapAccess
from mailguard.service.mailbox_schedule import MailboxSchedule
from mailguard.service.operation_gate import OperationGate
from mailguard.service.refresh import RefreshService
from mailguard.service.schedule_poller import SchedulePoller
from mailguard.service.schedule_reader import ScheduleReader
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore, SqliteAnnouncementLog
from mailguard.store.journal_store import JournalStore
from mailguard.store.report_store import ReportStore
from mailguard.store.rule_store import RuleStore
from mailguard.store.secrets import PasswordVault
from mailguard.store.snapshot_store import SnapshotStore
from mailguard.store.source_secrets import SourceSecrets
from tests.dovecot import Dovecot, MailUser, make_message
from tests.tcp_relay import TcpRelay

START = (datetime.now(UTC) + timedelta(days=2)).replace(second=0, microsecond=0)
END = START + timedelta(hours=1)


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


class World:
    """Everything ``mailguard watch`` wires, over a tmp home, the test Dovecot and a fake clock."""

    def __init__(
        self, dovecot: Dovecot, user: MailUser, home: Path, db: Database, fetcher: Fetcher
    ):
        self.dovecot, self.user, self.db = dovecot, user, db
        self.clock = Clock(START - timedelta(days=1, hours=1))
        self.accounts = AccountStore(home / "config")
        self.accounts.add(
            AccountConfig(
                "work", dovecot.host, user.name, Security.SSL, dovecot.imaps_port, dovecot.ca_file
            )
        )
        self.vault = PasswordVault()
        self.vault.store("work", user.password)
        self.imap = ImapAccess(self.vault)
        self.manual = ManualWindowStore(db, self.clock)
        fetched = AccountWindows(
            ScheduleReader(fetcher, default_zone=UTC),
            ScheduleReader(fetcher, default_zone=UTC, offline=True),
            secrets=SourceSecrets(self.vault),
            warn=self.lines_append,
        )
        self.schedule = AccountSchedule(
            fetched,
            self.manual,
            MailboxSchedule(self.imap),
            zone_of=lambda _name: UTC,
            warn=self.lines_append,
        )
        self.journal = JournalStore(db, self.clock)
        self.rules = RuleStore(db)
        self.gate = OperationGate(
            schedule=self.schedule,
            journal=self.journal,
            imap=self.imap,
            policy=GuardPolicy(),
            zone=UTC,
        )
        self.lines: list[str] = []
        self.events: list[RunnerEvent] = []
        self.runner = self.new_runner()

    def lines_append(self, line: str) -> None:
        self.lines.append(line)

    def event_append(self, event: RunnerEvent) -> None:
        self.events.append(event)
        self.lines.append(f"{event.at.isoformat()} {event.account} {describe_event(event)}")

    def new_runner(self, backfill: BackfillWatch | None = None) -> GuardRunner:
        """A fresh runner on the same database: what a restart of ``mailguard watch`` gives."""
        refresh = RefreshService(
            accounts=self.accounts,
            vault=self.vault,
            db=self.db,
            snapshots=SnapshotStore(self.db),
            reports=ReportStore(self.db),
            open_session=partial(ImapSession, clock=self.clock),  # snapshots taken "now"
            windows=self.schedule,
            clock=self.clock,
        )
        return GuardRunner(
            accounts=self.accounts,
            schedule=self.schedule,
            poller=SchedulePoller(
                self.schedule.polled, every=timedelta(minutes=30), jitter=lambda: 0
            ),
            log=SqliteAnnouncementLog(self.db),
            gate=self.gate,
            refresh=refresh,
            imap=self.imap,
            rules=self.rules,
            policy=GuardPolicy(),
            emit=self.event_append,
            settings=RunnerSettings(tick=timedelta(days=2), rules_every=1),
            backfill=backfill,
        )

    def run(self, start: datetime, *, seconds: float, until: str | None = None) -> list[str]:
        """What ``mailguard watch`` does between ticks, for up to ``seconds`` of real time:
        wait (woken early when late mail may have come), then tick. The fake clock stands
        at ``start`` plus the real time passed; ``until``: stop once a line starts so."""
        began = time.monotonic()
        said: list[str] = []
        while (left := seconds - (time.monotonic() - began)) > 0:
            self.runner.wait(left)
            said += self.tick(start + timedelta(seconds=time.monotonic() - began))
            if until is not None and any(line.startswith(until) for line in said):
                break
        return said

    def tick(self, moment: datetime) -> list[str]:
        self.clock.now = moment
        before = len(self.lines)
        self.runner.tick(moment)
        return [line.split(" ", 2)[2] for line in self.lines[before:]]

    def contents(self, folder: str) -> Counter[str]:
        return self.dovecot.message_ids(self.user, folder)

    def folders(self) -> set[str]:
        return self.dovecot.folder_names(self.user)


@pytest.fixture
def world(
    dovecot: Dovecot, mail_user: MailUser, tmp_path: Path, file_keyring: Path
) -> Iterator[World]:
    with (
        Database(tmp_path / "m.sqlite3") as db,
        Fetcher(tmp_path / "cache") as fetcher,
    ):
        yield World(dovecot, mail_user, tmp_path / "home", db, fetcher)


def test_a_whole_window_announces_once_guards_refreshes_and_replays(world: World) -> None:
    world.dovecot.deliver(world.user, "INBOX", make_message(message_id="<a@x>"))
    world.dovecot.ensure_folder(world.user, "Projects")
    world.manual.add("work", START, END, "Mail migration")

    announced = world.tick(START - timedelta(hours=25))
    assert len(announced) == 1
    assert announced[0].startswith(
        f"window_announced: 'Mail migration' announced for {START:%Y-%m-%d %H:%M}–"
    )
    assert world.tick(START - timedelta(hours=23)) == [
        "lead_warning: 'Mail migration' starts in 23 h"
    ]
    imminent = world.tick(START - timedelta(minutes=12))
    assert imminent[0] == "lead_warning: 'Mail migration' starts in 12 min"
    assert imminent[1].startswith("baseline taken before 'Mail migration': 1 messages in ")
    assert len(imminent) == 2
    later = FolderOperation(OperationKind.CREATE_FOLDER, "Later")
    queued = world.gate.request(
        world.accounts.get("work"), later, queue=True, now=START - timedelta(minutes=11)
    )
    assert queued.queued is not None

    assert world.tick(START + timedelta(minutes=10)) == [
        "window_started: 'Mail migration' has started; folder edits wait until it is over"
    ]
    with world.dovecot.client(world.user) as client:
        client.rename_folder("Projects", "Projekte")
    renamed = world.tick(START + timedelta(minutes=20))
    assert renamed == [
        "warning: foreign edit: the folder 'Projects' was probably renamed to 'Projekte' by "
        "another program; the provider warns that editing folders during maintenance can lose mail"
    ]

    after = world.tick(END + timedelta(minutes=20))
    assert after[0] == (
        "window_ended: 'Mail migration' has ended; watching for mail the provider delivers late"
    )
    assert after[1].startswith("refreshed after 'Mail migration': report #")
    assert len(after) == 2
    assert "Later" not in world.folders()  # still settling: edits stay closed

    settled = world.tick(END + timedelta(hours=3, minutes=16))
    assert settled == [
        "settling_done: 'Mail migration' is settled; folder edits are open again",
        f"#{queued.queued.id} created folder 'Later'",
    ]
    assert "Later" in world.folders()

    world.runner = world.new_runner()  # a restart: nothing is said twice, nothing runs twice
    assert world.tick(END + timedelta(hours=3, minutes=17)) == []
    assert world.tick(END + timedelta(hours=4)) == []


def test_the_backfill_watch_stores_a_report_only_when_it_finds_something_new(
    world: World,
) -> None:
    """It refreshes every 10 minutes for hours: equal reports would bury the one that matters."""
    world.dovecot.deliver(world.user, "INBOX", make_message(message_id="<a@x>"))
    world.manual.add("work", START, END, "Mail migration")
    world.tick(START - timedelta(minutes=12))  # the baseline
    world.tick(START + timedelta(minutes=10))
    first = world.tick(END + timedelta(minutes=20))[1]
    reports = ReportStore(world.db)
    (made,) = reports.latest("work")
    assert first == f"refreshed after 'Mail migration': report #{made['id']} (nothing changed)"

    again = world.tick(END + timedelta(minutes=31))
    assert again == [f"refreshed after 'Mail migration': nothing new since report #{made['id']}"]
    assert [r["id"] for r in reports.latest("work")] == [made["id"]]
    assert world.events[-1].unchanged  # type: ignore[union-attr]

    late = make_message(subject="held back", date=START + timedelta(minutes=20))
    with world.dovecot.client(world.user) as client:
        client.append("INBOX", late)
    found = world.tick(END + timedelta(minutes=42))
    newer = reports.latest("work")[0]
    assert newer["id"] != made["id"]
    assert found[0] == f"refreshed after 'Mail migration': report #{newer['id']} (1 backfilled)"
    assert [m["subject"] for m in newer["backfilled"]] == ["held back"]
    assert world.tick(END + timedelta(minutes=53)) == [
        f"refreshed after 'Mail migration': nothing new since report #{newer['id']}"
    ]


def test_started_just_before_a_window_it_says_once_how_soon_it_starts(world: World) -> None:
    world.dovecot.ensure_folder(world.user, "INBOX")
    world.manual.add("work", START, END, "Mail migration")
    lines = world.tick(START - timedelta(minutes=3))
    assert lines[0] == "lead_warning: 'Mail migration' starts in 3 min"
    assert [line for line in lines if "lead_warning" in line] == lines[:1]
    assert world.tick(START - timedelta(minutes=2)) == []


def test_after_a_clock_jump_it_re_evaluates_instead_of_replaying_missed_events(
    world: World,
) -> None:
    world.dovecot.ensure_folder(world.user, "INBOX")
    world.manual.add("work", START, END, "Mail migration")
    world.tick(START - timedelta(hours=25))
    jumped = world.tick(END + timedelta(hours=5))  # suspended through the whole window
    assert len([line for line in jumped if line.startswith(("lead_warning", "window_"))]) == 0
    assert [line for line in jumped if line.startswith("settling_done")] == [
        "settling_done: 'Mail migration' is settled; folder edits are open again"
    ]


def test_filing_rules_move_exactly_the_matching_mail_when_edits_are_open(world: World) -> None:
    deliver = world.dovecot.deliver
    deliver(world.user, "INBOX", make_message(subject="Invoice 1", message_id="<i1@x>"))
    deliver(world.user, "INBOX", make_message(subject="Hello", message_id="<h@x>"))
    deliver(world.user, "INBOX", make_message(subject="your INVOICE 2", message_id="<i2@x>"))
    world.dovecot.ensure_folder(world.user, "Bills")
    world.rules.add("work", FilingRule("bills", "INBOX", "Bills", subject_contains="invoice"))

    lines = world.tick(START - timedelta(days=1))

    assert lines == ["rule 'bills': #1 moved 2 messages from 'INBOX' to 'Bills'"]
    assert world.contents("Bills") == Counter({"<i1@x>": 1, "<i2@x>": 1})
    assert world.contents("INBOX") == Counter({"<h@x>": 1})
    assert world.tick(START - timedelta(days=1) + timedelta(minutes=1)) == []


def test_filing_rules_wait_while_a_window_keeps_edits_closed(world: World) -> None:
    world.dovecot.deliver(world.user, "INBOX", make_message(subject="Invoice", message_id="<i@x>"))
    world.dovecot.ensure_folder(world.user, "Bills")
    world.rules.add("work", FilingRule("bills", "INBOX", "Bills", subject_contains="invoice"))
    world.manual.add("work", START, END, "Mail migration")
    world.tick(START - timedelta(minutes=30))  # upcoming: edits still open, the rule runs
    assert world.contents("Bills") == Counter({"<i@x>": 1})
    world.dovecot.deliver(world.user, "INBOX", make_message(subject="Invoice", message_id="<j@x>"))
    world.tick(START + timedelta(minutes=5))
    assert world.contents("INBOX") == Counter({"<j@x>": 1})  # active: left alone


def test_overlapping_windows_share_one_baseline(world: World) -> None:
    world.dovecot.ensure_folder(world.user, "INBOX")
    world.manual.add("work", START, END, "Storage")
    world.manual.add("work", START + timedelta(minutes=5), END, "Network")
    lines = world.tick(START - timedelta(minutes=1))
    baselines = [line for line in lines if line.startswith("baseline taken")]
    assert len(baselines) == 1
    assert baselines[0].startswith("baseline taken before 'Storage' and 'Network': 0 messages")
    assert not [line for line in world.tick(START + timedelta(minutes=6)) if "baseline" in line]


def test_mail_expunged_or_flagged_by_another_program_during_a_window_is_warned_about(
    world: World,
) -> None:
    for n in range(3):
        world.dovecot.deliver(
            world.user, "Archive", make_message(subject=f"m{n}", message_id=f"<a{n}@x>")
        )
    world.manual.add("work", START, END, "Mail migration")
    world.tick(START - timedelta(minutes=12))  # imminent: the baseline and the first census
    assert world.tick(START + timedelta(minutes=1))[0].startswith("window_started")

    with world.dovecot.client(world.user) as client:
        client.select_folder("Archive")
        client.add_flags([1], [b"\\Flagged"])
    flagged = world.tick(START + timedelta(minutes=2))
    assert flagged == [
        "warning: foreign edit: another program changed flags of messages in 'Archive' "
        "(read, flagged or marked for deletion); the provider warns that editing folders "
        "during maintenance can lose mail"
    ]

    with world.dovecot.client(world.user) as client:
        client.select_folder("Archive")
        client.delete_messages([2])
        client.uid_expunge([2])
    expunged = world.tick(START + timedelta(minutes=3))
    assert expunged == [
        "warning: foreign edit: 1 message left 'Archive' (deleted, or moved by another "
        "program); the provider warns that editing folders during maintenance can lose mail"
    ]
    assert [type(e).__name__ for e in world.events[-1:]] == ["ForeignEdit"]
    assert world.tick(START + timedelta(minutes=4)) == []  # said once


# -- late mail, heard of as it arrives --------------------------------------------------------

LISTENING = WatchSettings(poll_every_s=5, retry_after_s=0.3)


@dataclass(frozen=True)
class JustEnded:
    """A window that ended two minutes ago by the real clock: mail the provider delivers
    now comes "two minutes into settling", and its INTERNALDATE says so."""

    start: datetime
    end: datetime

    @classmethod
    def now(cls) -> JustEnded:
        end = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=2)
        return cls(end - timedelta(hours=1), end)


def late_mail(world: World) -> list[list[str]]:
    """The subjects of each LateMailFound announced so far."""
    return [[m.mail.subject for m in e.mails] for e in world.events if isinstance(e, LateMailFound)]


def deliver_late(world: World, window: JustEnded, folder: str, subject: str) -> None:
    """Mail sent during the window, delivered now: by APPEND, as real mail arrives (the
    server indexes it on arrival, so IDLE and NOTIFY tell of it)."""
    held_back = make_message(subject=subject, date=window.start + timedelta(minutes=20))
    with world.dovecot.client(world.user) as client:
        client.append(folder, held_back)


def through_the_window_listening(world: World, window: JustEnded) -> BackfillWatch:
    """A runner listening for late mail, taken through ``window`` to a minute after it."""
    world.dovecot.deliver(world.user, "INBOX", make_message(message_id="<a@x>"))
    world.manual.add("work", window.start, window.end, "Mail migration")
    backfill = BackfillWatch(world.imap.connect, LISTENING)
    world.runner = world.new_runner(backfill)
    world.tick(window.start - timedelta(minutes=12))  # the baseline
    world.tick(window.start + timedelta(minutes=10))
    ended = world.tick(window.end + timedelta(minutes=1))
    assert ended[0].startswith("window_ended")
    assert backfill.listening("work")
    # The listener's first call for a refresh, as it starts: there is nothing late yet.
    assert world.run(window.end + timedelta(minutes=1), seconds=3) == []
    return backfill


def test_late_mail_two_minutes_into_settling_is_reported_and_announced_once_within_30_s(
    world: World,
) -> None:
    window = JustEnded.now()
    backfill = through_the_window_listening(world, window)
    try:
        delivered = time.monotonic()
        deliver_late(world, window, "Junk", "held back")  # filed away: not in INBOX

        said = world.run(window.end + timedelta(minutes=2), seconds=30, until="late mail")

        took = time.monotonic() - delivered
        assert took < 30, took
        assert said[-1].startswith("late mail: 1 message delivered late in Junk (report #")
        assert late_mail(world) == [["held back"]]
        (stored, *_) = ReportStore(world.db).latest("work")
        assert stored["kind"] == "backfill"
        assert [m["subject"] for m in stored["backfilled"]] == ["held back"]
        # The full refreshes after the safety margin report it, but do not announce it again.
        first = world.tick(window.end + timedelta(minutes=16))
        assert first[0].startswith("refreshed after 'Mail migration': report #")
        assert world.tick(window.end + timedelta(minutes=27))[0].startswith("refreshed after")
        assert late_mail(world) == [["held back"]]
        settled = world.tick(window.end + timedelta(hours=3, minutes=16))
        assert settled[0].startswith("settling_done")
        assert not backfill.listening("work")
    finally:
        world.runner.close()


def test_a_dropped_connection_is_made_again_without_losing_a_mail(world: World) -> None:
    relay = TcpRelay(world.dovecot.host, world.dovecot.imaps_port)
    work = world.accounts.get("work")
    world.accounts.update(replace(work, host=relay.host, port=relay.port))
    window = JustEnded.now()
    try:
        backfill = through_the_window_listening(world, window)
        relay.refusing = True
        relay.cut()  # the listener's connection drops; it cannot connect again for now
        deliver_late(world, window, "INBOX", "while down")
        assert world.run(window.end + timedelta(minutes=2), seconds=2) == []  # nobody heard
        back = time.monotonic()
        relay.refusing = False

        said = world.run(window.end + timedelta(minutes=3), seconds=30, until="late mail")

        assert time.monotonic() - back < 30
        assert said[-1].startswith("late mail: 1 message delivered late in INBOX")
        assert late_mail(world) == [["while down"]]
        assert backfill.listening("work")
        assert world.run(window.end + timedelta(minutes=4), seconds=2) == []  # once
    finally:
        world.runner.close()
        relay.close()
