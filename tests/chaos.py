"""Killing Dovecot at random moments of a snapshot, a resync and a queued-move replay.

Each run picks one of the three (with a seeded random generator, so a failure
can be replayed), arms a relay between mailguard and the server to SIGKILL the
server after a random number of the server's bytes (somewhere inside that
command's traffic, measured once beforehand), runs the command, brings the
server back, lets an interrupted replay resume, and checks:

- every message is in exactly one folder, the one a model of the queued moves
  says (``lost``: a message in none; ``duplicated``: in more than one);
- every queued move ran exactly once (``lost`` or ``duplicated`` operations
  otherwise: the queue's states and the message counts tell);
- a clean ``resync`` afterwards reports exactly the moves since the baseline and
  nothing else (``spurious``: any other entry, or a move missing);
- ``PRAGMA integrity_check`` of mailguard's database says ok.

Used by ``tests/cli/test_chaos.py`` (a few runs, in the default suite) and by
``bench/chaos_bench.py`` (many runs, printing the figures).
"""

from __future__ import annotations

import io
import random
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.cli.runner import CliResult, CliRunner
from tests.dovecot import Dovecot, MailUser, make_message
from tests.tcp_relay import TcpRelay

SCENARIOS = ("snapshot", "resync", "replay")
#: What an error caused by the server vanishing must not say: these send the user to fix
#: a password or a certificate that are fine.
_BLAMING_THE_USER = ("rejected the user name or password", "TLS handshake with", "certificate of")
FOLDERS = ("INBOX", "Archive")
#: Moved per replay run; the folder with more mail gives them.
MOVES_PER_REPLAY = 2


@dataclass
class ChaosFigures:
    runs: int = 0
    kills: int = 0
    lost: int = 0  # messages in no folder, and queued moves that never ran
    duplicated: int = 0  # messages in two folders, and moves that ran twice
    spurious: int = 0  # report entries that do not match what happened
    corrupt: int = 0  # integrity checks that did not say ok
    misreported: int = 0  # a kill told as a wrong password or an untrusted certificate
    replays_cut: int = 0  # replays the kill left unfinished, for the next watch to resume
    by_scenario: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (
            self.lost or self.duplicated or self.spurious or self.corrupt or self.misreported
        )

    def line(self) -> str:
        kinds = ", ".join(f"{name} {count}" for name, count in sorted(self.by_scenario.items()))
        return (
            f"runs {self.runs} ({kinds}), "
            f"kills {self.kills} ({self.replays_cut} leaving a replay unfinished), "
            f"lost {self.lost}, duplicated {self.duplicated}, spurious {self.spurious}, "
            f"corrupt {self.corrupt}, misreported {self.misreported}"
        )


class Chaos:
    """One account on ``server`` reached through a relay, and a model of where each mail is."""

    def __init__(self, server: Dovecot, home: Path, *, seed: int, messages: int = 12) -> None:
        self.server = server
        self.home = home
        self.rng = random.Random(seed)
        self.user: MailUser = server.add_user()
        self.relay = TcpRelay(server.host, server.imaps_port)
        self.cli = CliRunner(home)
        self.figures = ChaosFigures()
        self.location: dict[str, str] = {}  # Message-ID → folder, as it should be
        for number in range(messages):
            message_id = f"<chaos-{number}@mailguard.test>"
            server.deliver(self.user, "INBOX", make_message(message_id=message_id))
            self.location[message_id] = "INBOX"
        server.ensure_folder(self.user, "Archive")
        self._add_account()
        self.baseline = dict(self.location)  # where the latest stored snapshot saw them
        self._expect_ok("snapshot", "work")
        self.traffic = {name: self._measure(name) for name in ("snapshot", "resync")}

    def close(self) -> None:
        self.relay.close()

    # -- running -----------------------------------------------------------------------------

    def run(self, runs: int) -> ChaosFigures:
        order: list[str] = []
        for _ in range(runs):
            if not order:  # each scenario once per round, in a random order
                order = self.rng.sample(SCENARIOS, len(SCENARIOS))
            scenario = order.pop()
            self.figures.runs += 1
            self.figures.by_scenario[scenario] += 1
            if scenario not in self.traffic:  # measured on its first run, which is not cut
                self._run_replay(1 << 62)
                self.traffic[scenario] = max(self.relay.server_bytes, 1)
                killed = False
            else:
                run = getattr(self, f"_run_{scenario}")
                killed = run(self.rng.randint(1, self.traffic[scenario]))
            self.figures.kills += killed
            self._check(scenario)
        return self.figures

    def _run_snapshot(self, kill_after: int) -> bool:
        result, killed = self._with_kill(kill_after, "snapshot", "work")
        if result.exit_code == 0:
            self.baseline = dict(self.location)
        return killed

    def _run_resync(self, kill_after: int) -> bool:
        _, killed = self._with_kill(kill_after, "resync", "work")
        return killed

    def _run_replay(self, kill_after: int) -> bool:
        """Queue moves during a window, replay them after it with a kill, then resume."""
        now = datetime.now(UTC).replace(microsecond=0)
        self._expect_ok(
            "window", "add", "work", "--start", (now - timedelta(minutes=5)).isoformat(),
            "--end", (now + timedelta(hours=2)).isoformat(), "--title", "Chaos",
        )  # fmt: skip
        source = max(FOLDERS, key=lambda f: sum(1 for v in self.location.values() if v == f))
        target = next(f for f in FOLDERS if f != source)
        chosen = self.rng.sample(
            sorted(m for m, folder in self.location.items() if folder == source), MOVES_PER_REPLAY
        )
        uids = self._uids(source, chosen)
        self._expect_ok("move", "work", "--from", source, "--to", target, *uids, "--queue")
        settled = (now + timedelta(hours=6)).isoformat()
        _, killed = self._with_kill(kill_after, "watch", "--once", "--now", settled)
        bytes_seen = self.relay.server_bytes
        entries = self._expect_ok("queue", "work", "--json").json()["entries"]
        if killed and any(entry["state"] != "done" for entry in entries):
            self.figures.replays_cut += 1
        self._expect_ok("watch", "--once", "--now", settled)  # resumes what was cut off
        self.relay.server_bytes = bytes_seen  # what the measuring run saw, not the resumption
        for message_id in chosen:
            self.location[message_id] = target
        self._count_queue()
        number = self._expect_ok("window", "list", "work", "--json").json()["windows"][0]["number"]
        self._expect_ok("window", "remove", "work", str(number))
        return killed

    def _with_kill(self, kill_after: int, *args: str) -> tuple[CliResult, bool]:
        self.relay.arm(kill_after, self.server.kill)
        result = self.cli(*args)
        # The client may notice the cut before the kill has finished: wait for it then.
        killed = self.relay.server_bytes >= kill_after and self.relay.wait_triggered(10)
        self.relay.arm(1 << 62, lambda: None)  # disarmed
        if killed:
            self.server.start()
        elif result.exit_code != 0:
            self._problem(f"{' '.join(args)} failed without a kill: {result.err.strip()}")
        if killed and result.exit_code not in (0, 2):
            self._problem(f"{' '.join(args)} killed: exit {result.exit_code}: {result.err.strip()}")
        if killed and any(blame in result.err for blame in _BLAMING_THE_USER):
            self.figures.misreported += 1
            self._problem(
                f"{' '.join(args)} killed, told as the user's fault: {result.err.strip()}"
            )
        return result, killed

    # -- checking ----------------------------------------------------------------------------

    def _check(self, scenario: str) -> None:
        self._count_messages()
        self._check_report(scenario)
        self._check_database()

    def _count_messages(self) -> None:
        seen: Counter[str] = Counter()
        for folder in FOLDERS:
            for message_id, count in self.server.message_ids(self.user, folder).items():
                seen[message_id] += count
                if count and self.location.get(message_id) != folder:
                    self._problem(
                        f"{message_id} is in {folder}, expected in {self.location.get(message_id)}"
                    )
        for message_id in self.location:
            if seen[message_id] == 0:
                self.figures.lost += 1
                self._problem(f"{message_id} is in no folder")
            elif seen[message_id] > 1:
                self.figures.duplicated += 1
                self._problem(f"{message_id} is in {seen[message_id]} places")

    def _count_queue(self) -> None:
        entries = self._expect_ok("queue", "work", "--json").json()["entries"]
        for entry in entries:
            if entry["state"] != "done":
                self.figures.lost += 1
                self._problem(f"queued entry {entry.get('id')} ended {entry['state']}")

    def _check_report(self, scenario: str) -> None:
        report = self._expect_ok("resync", "work", "--json").json()
        expected = {
            (m, self.baseline[m], folder)
            for m, folder in self.location.items()
            if folder != self.baseline[m]
        }
        moved = {(e["message_id"], e["from_folder"], e["to_folder"]) for e in report["moved"]}
        wrong = len(moved ^ expected) + sum(
            len(report[key]) for key in ("backfilled", "new", "missing", "flags_changed")
        )
        wrong += sum(len(v) for v in report["folders"].values())
        wrong += sum(len(v) for v in _copies(report))
        if wrong:
            self.figures.spurious += wrong
            self._problem(f"after {scenario}: the resync reported {wrong} wrong entries: {report}")

    def _check_database(self) -> None:
        with sqlite3.connect(self.home / "data" / "mailguard.sqlite3") as db:
            verdict = db.execute("PRAGMA integrity_check").fetchall()
        if verdict != [("ok",)]:
            self.figures.corrupt += 1
            self._problem(f"integrity_check: {verdict}")

    # -- helpers -----------------------------------------------------------------------------

    def _measure(self, command: str) -> int:
        """The server's bytes in one uninterrupted run of ``command``."""
        self.relay.arm(1 << 62, lambda: None)
        self._expect_ok(command, "work")
        return max(self.relay.server_bytes, 1)

    def _uids(self, folder: str, message_ids: list[str]) -> list[str]:
        with self.server.client(self.user) as client:
            client.select_folder(folder, readonly=True)
            return [str(client.search(["HEADER", "Message-ID", m])[0]) for m in message_ids]

    def _add_account(self) -> None:
        stdin, sys.stdin = sys.stdin, io.StringIO(self.user.password + "\n")
        try:
            self._expect_ok(
                "account", "add", "work", "--host", self.relay.host, "--port", str(self.relay.port),
                "--user", self.user.name, "--ca-file", str(self.server.ca_file), "--password-stdin",
            )  # fmt: skip
        finally:
            sys.stdin = stdin

    def _expect_ok(self, *args: str) -> CliResult:
        result = self.cli(*args)
        if result.exit_code != 0:
            raise AssertionError(f"mailguard {' '.join(args)}: {result.err}")
        return result

    def _problem(self, text: str) -> None:
        self.figures.problems.append(text)


def _copies(report: dict[str, Any]) -> list[list[Any]]:
    copies = report.get("copies") or {}
    return [list(v) for v in copies.values()] if isinstance(copies, dict) else [list(copies)]
