"""How fast mailguard reads a large account over TLS, against the floor, in one run.

Builds a 20-folder, 100,000-message account by writing the maildir directly,
starts the test Dovecot (tests/dovecot.py) on 127.0.0.1 with TLS, then times
five rounds of, each as a whole process as a user runs it:

- the floor: a minimal raw-socket TLS client (this file, ``--floor``) that logs
  in and, per folder, sends EXAMINE and the same ``UID FETCH 1:*`` with the same
  items as mailguard, reading until the tagged OK and parsing nothing;
- ``mailguard snapshot`` (a full read, stored in SQLite);
- ``mbsync``'s no-change sync of the same account (Debian's isync);
- 1% of the messages change flags and 1% more arrive, over IMAP (MULTIAPPEND,
  so Dovecot indexes them on arrival, as it does mail its LDA delivers), and
  ``mailguard resync`` is the first to look at the change;
- from the same baseline, the raw client asking what the resync asks (QRESYNC
  per folder and the new mail: the resync floor) and ``mailguard resync`` again;

plus ImapSession.read_snapshot in-process (full, and incremental after the
changes), and each process's peak RSS. Each measurement is taken next to the
one it is compared with and the medians of the rounds are shown: the machine
is shared, so only figures from one round compare. Run:
``.venv/bin/python bench/imap_bench.py`` (as root or a normal user; ~2 minutes).
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import random
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailguard.core.account import AccountConfig  # noqa: E402
from mailguard.core.mailstate import AccountSnapshot  # noqa: E402
from mailguard.imap.fetch_parser import SNAPSHOT_ITEMS_MODSEQ  # noqa: E402
from mailguard.imap.folder_reader import ReadStats  # noqa: E402
from mailguard.imap.raw_command import quote_folder  # noqa: E402
from mailguard.imap.session import ImapSession  # noqa: E402
from mailguard.store.database import Database  # noqa: E402
from mailguard.store.paths import AppPaths  # noqa: E402
from tests.dovecot import Dovecot, MailUser, fast_tmp_dir, group_members  # noqa: E402

MESSAGES = 100_000
FOLDERS = [
    "INBOX",
    "Sent",
    "Drafts",
    "Trash",
    "Junk",
    *[f"Archiv/{year}" for year in range(2013, 2025)],
    "Projekte/Wartung",
    "Rechnungen",
    "Newsletter",
]
SHARES = [20, 10, 1, 2, 3] + [4] * 12 + [4, 6, 6]  # percent of MESSAGES per folder
TARGET_SNAPSHOT = 1.3  # x floor
TARGET_RSS_MB = 100
PASSWORD = "bench-secret"  # noqa: S105 (a throw-away test server)
CYCLES = 5


@dataclass(frozen=True)
class Run:
    """One measured process: wall time, CPU, peak RSS."""

    seconds: float
    cpu: float
    rss_mb: float
    server_cpu: float | None = None  # Dovecot's CPU meanwhile, where measured


# -- building the account ------------------------------------------------------------


def build_account(server: Dovecot, user: MailUser, rng: random.Random) -> int:
    """Write MESSAGES mail files into the maildirs, flags in the names, mtime = INTERNALDATE.

    Not through ``Dovecot.deliver`` (it makes a unique name and checks the folder
    for every file): measured 134 µs per message against 46 µs here, 9 s more for
    the whole account.
    """
    assert len(FOLDERS) == len(SHARES) == 20 and sum(SHARES) == 100
    start = datetime(2013, 1, 1, tzinfo=UTC)
    written = 0
    for folder, share in zip(FOLDERS, SHARES, strict=True):
        directory = server.ensure_folder(user, folder)
        for index in range(MESSAGES * share // 100):
            moment = start + timedelta(seconds=rng.randrange(12 * 365 * 86400))
            raw = _message(written, moment, rng)
            flags = rng.choices(["S", "", "FS", "RS"], weights=[70, 20, 5, 5])[0]
            name = f"{int(moment.timestamp())}.M{written}P{index}.bench,S={len(raw)}:2,{flags}"
            path = directory / "cur" / name
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.write(fd, raw)
            os.close(fd)
            stamp = moment.timestamp()
            os.utime(path, (stamp, stamp))
            if os.geteuid() == 0:
                os.chown(path, server.mail_uid, server.mail_gid)
            written += 1
    return written


SUBJECTS = [
    "Rechnung {n} für November",
    "Re: Wartungsfenster am Montag",
    "=?utf-8?q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln_{n}?=",
    "Your order #{n} has shipped",
    "=?iso-8859-1?q?=C4nderung_der_Zugangsdaten?= {n}",
    "Meeting notes {n}",
]
SENDERS = [
    "Alice Example <alice@example.org>",
    "=?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <jm@example.de>",
    "noreply@shop.example.com",
    '"Billing, Team" <billing@example.net>',
]


def _message(number: int, moment: datetime, rng: random.Random) -> bytes:
    subject = rng.choice(SUBJECTS).format(n=number)
    body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n" * rng.randrange(5, 40)
    return (
        f"Return-Path: <bounce-{number}@example.org>\r\n"
        f"Received: from mx.example.org by mail.example.org; {format_datetime(moment)}\r\n"
        f"Message-ID: <{number}.{rng.getrandbits(48):x}@example.org>\r\n"
        f"Date: {format_datetime(moment)}\r\n"
        f"From: {rng.choice(SENDERS)}\r\n"
        f"To: bench@example.org\r\n"
        f"Subject: {subject}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}"
    ).encode()


def change_one_percent(server: Dovecot, user: MailUser, rng: random.Random) -> None:
    """1% of the messages change flags, 1% more arrive: all over IMAP, as a user's mail does.

    The new mail comes by MULTIAPPEND (RFC 3502), one command per folder, so
    Dovecot indexes it on arrival as it does mail from its LDA; mail written into
    the maildirs behind its back would make whoever looks first pay for that.
    """
    now = datetime.now(UTC)
    with server.client(user, timeout_s=120) as client:
        for folder, share in zip(FOLDERS, SHARES, strict=True):
            client.select_folder(folder)
            uids = client.search(["ALL"])
            changed = rng.sample(uids, len(uids) // 100)
            if changed:
                client.add_flags(changed, [b"\\Flagged", b"$Bench"])
            arriving = [
                {"msg": _message(10**7 + rng.getrandbits(32), now, rng), "date": now}
                for _ in range(MESSAGES * share // 100 // 100)
            ]
            client.multiappend(folder, arriving)


# -- the floor -----------------------------------------------------------------------


def floor_client(
    host: str, port: int, ca_file: str, user: str, folders: Sequence[str], *, state: str | None
) -> int:
    """LOGIN, then per folder EXAMINE + the snapshot's UID FETCH; read until OK, parse nothing.

    With ``state`` (JSON: folder -> [uidvalidity, highestmodseq, uidnext]) it asks
    what an incremental resync asks instead: ENABLE QRESYNC, then per folder
    ``EXAMINE (QRESYNC ...)`` and the FETCH of mail from the old UIDNEXT on.
    """
    password = sys.stdin.readline().rstrip("\n")
    context = ssl.create_default_context(cafile=ca_file)
    with (
        socket.create_connection((host, port)) as raw,
        context.wrap_socket(raw, server_hostname=host) as sock,
    ):

        def until(tag: bytes) -> int:
            """Read until the line tagged ``tag`` is complete; return the bytes read."""
            marker = b"\r\n" + tag + b" "
            tail = b"\r\n"  # a tagged line may also start right at the first byte
            total = 0
            while True:
                chunk = sock.recv(1 << 20)  # at most one TLS record (16 KiB) arrives per call
                if not chunk:
                    raise ConnectionError("server closed the connection")
                total += len(chunk)
                data = tail + chunk
                at = data.find(marker)
                if at < 0:
                    tail = data[-len(marker) :]
                    continue
                line = data[at + 2 :]
                while b"\r\n" not in line:
                    more = sock.recv(4096)
                    if not more:
                        raise ConnectionError("server closed the connection")
                    total += len(more)
                    line += more
                if not line[len(marker) - 2 :].startswith(b"OK"):
                    raise RuntimeError(line[:200].decode(errors="replace"))
                return total

        sock.recv(4096)  # greeting
        sock.sendall(f'L LOGIN "{user}" "{password}"\r\n'.encode())
        until(b"L")
        received = 0
        if state is not None:
            known = json.loads(state)
            sock.sendall(b"Q ENABLE QRESYNC\r\n")
            until(b"Q")
            commands = b""
            for number, (folder, (validity, modseq, uidnext)) in enumerate(known.items()):
                commands += b"E%d EXAMINE %s (QRESYNC (%d %d))\r\n" % (
                    number,
                    quote_folder(folder),
                    validity,
                    modseq,
                )
                commands += b"F%d UID FETCH %d:4294967295 (%s)\r\n" % (
                    number,
                    uidnext,
                    SNAPSHOT_ITEMS_MODSEQ,
                )
            sock.sendall(commands)  # all folders in one write, as mailguard does
            received += until(b"F%d" % (len(known) - 1))
            folders = []
        for number, folder in enumerate(folders):
            examine = b"E%d EXAMINE %s\r\n" % (number, quote_folder(folder))
            fetch = b"F%d UID FETCH 1:* (%s)\r\n" % (number, SNAPSHOT_ITEMS_MODSEQ)
            sock.sendall(examine + fetch)  # pipelined, as mailguard does
            received += until(b"F%d" % number)  # a failed EXAMINE fails the FETCH too
        sock.sendall(b"Z LOGOUT\r\n")
    print(received)
    return 0


# -- measuring processes --------------------------------------------------------------


class ServerCpu:
    """CPU seconds Dovecot's processes spend meanwhile, sampled from /proc every 20 ms.

    Its imap processes are not our children (getrusage cannot see them), and
    they exit at LOGOUT; the last 20 ms of each may be missed.
    """

    def __init__(self, server: Dovecot | None) -> None:
        self._server = server
        self._seen: dict[int, float] = {}
        self._base: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> ServerCpu:
        self._base = self._read()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def seconds(self) -> float | None:
        if self._server is None:
            return None
        return sum(cpu - self._base.get(pid, 0.0) for pid, cpu in self._seen.items())

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            self._seen.update(self._read())

    def _read(self) -> dict[int, float]:
        process = self._server._process if self._server else None
        if process is None:
            return {}
        ticks = os.sysconf("SC_CLK_TCK")
        found = {}
        for pid in group_members(process.pid):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            found[pid] = (int(fields[11]) + int(fields[12])) / ticks
        return found


def run_process(
    command: Sequence[str], *, env: dict[str, str], stdin: str = "", server: Dovecot | None = None
) -> Run:
    """Wall time, CPU and peak RSS of ``command``, and Dovecot's CPU meanwhile if ``server``.

    The command runs under a small launcher (this file, ``--measure``): a child
    forked straight from this large process would report this process's peak
    RSS as its own (Linux carries it over fork and exec).
    """
    with tempfile.NamedTemporaryFile(suffix=".json") as usage_file, tempfile.TemporaryFile() as out:
        launcher = [sys.executable, str(Path(__file__).resolve()), "--measure", usage_file.name]
        with ServerCpu(server) as dovecot:
            process = subprocess.run(
                [*launcher, "--", *command],
                input=stdin.encode(),
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=ROOT,
                check=False,
            )
        if process.returncode != 0:
            out.seek(0)
            raise RuntimeError(
                f"{' '.join(command[:4])}... exited {process.returncode}: "
                f"{out.read().decode(errors='replace')[-1000:]}"
            )
        usage = json.loads(Path(usage_file.name).read_text())
    return Run(usage["seconds"], usage["cpu"], usage["rss_mb"], dovecot.seconds)


def measure(usage_file: str, command: Sequence[str]) -> int:
    """The launcher: run ``command``, write its wall time, CPU and peak RSS to ``usage_file``."""
    started = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    Path(usage_file).write_text(
        json.dumps(
            {
                "seconds": elapsed,
                "cpu": usage.ru_utime + usage.ru_stime,
                "rss_mb": usage.ru_maxrss / 1024,
            }
        )
    )
    return os.waitstatus_to_exitcode(status)


def median(runs: list[Run]) -> Run:
    """The median run by wall time (robust against one slow outlier)."""
    return sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]


def cli_available(env: dict[str, str]) -> str | None:
    """None when ``mailguard snapshot`` and ``resync`` exist, else why not."""
    result = subprocess.run(
        [sys.executable, "-m", "mailguard", "--help"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        return f"`mailguard --help` failed: {result.stderr.strip()[-200:]}"
    missing = [c for c in ("snapshot", "resync", "account") if c not in result.stdout]
    return f"the CLI lacks {', '.join(missing)}" if missing else None


def mbsync_config(work: Path, server: Dovecot, user: MailUser) -> Path:
    """mbsync 1.4 matches only DNS names in certificates, hence ``localhost`` (127.0.0.1 here)."""
    local = work / "mbsync-maildir"
    local.mkdir()
    config = work / "mbsyncrc"
    config.write_text(
        f"""IMAPAccount bench
Host localhost
Port {server.imaps_port}
User {user.name}
Pass {PASSWORD}
SSLType IMAPS
CertificateFile {server.ca_file}

IMAPStore remote
Account bench

MaildirStore local
Path {local}/
Inbox {local}/INBOX
SubFolders Verbatim

Channel bench
Far :remote:
Near :local:
Patterns *
Create Near
SyncState *
"""
    )
    return config


# -- the run --------------------------------------------------------------------------


def main() -> int:
    if sys.argv[1:2] == ["--measure"] and "--" in sys.argv:
        split = sys.argv.index("--")
        return measure(sys.argv[2], sys.argv[split + 1 :])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", nargs=4, metavar=("HOST", "PORT", "CA", "USER"))
    parser.add_argument("--folder", action="append", default=[])
    parser.add_argument("--state", help="JSON folder -> [uidvalidity, highestmodseq, uidnext]")
    parser.add_argument("--skip-mbsync", action="store_true")
    args = parser.parse_args()
    if args.floor:
        host, port, ca_file, user = args.floor
        return floor_client(host, int(port), ca_file, user, args.folder, state=args.state)

    rng = random.Random(20240301)
    work = Path(tempfile.mkdtemp(prefix="mg-bench-", dir=fast_tmp_dir()))
    work.chmod(0o755)  # Dovecot's mail user must reach the maildirs
    server = Dovecot(work / "dovecot")
    try:
        return _bench(server, work, rng, skip_mbsync=args.skip_mbsync)
    finally:
        server.cleanup()
        shutil.rmtree(work, ignore_errors=True)


def in_process(server: Dovecot, work: Callable[[], object]) -> tuple[Run, object]:
    """Wall and CPU time of ``work`` in this process, and Dovecot's CPU meanwhile.

    This process holds earlier snapshots, which a whole CLI process does not;
    they are frozen out of the cyclic GC's way first, so they cost it nothing.
    """
    gc.collect()
    gc.freeze()
    with ServerCpu(server) as dovecot:
        t0, c0 = time.perf_counter(), time.process_time()
        result = work()
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    return Run(elapsed, cpu, 0.0, dovecot.seconds), result


def _bench(server: Dovecot, work: Path, rng: random.Random, *, skip_mbsync: bool) -> int:
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"load average before: {os.getloadavg()[0]:.2f}")  # fmt: skip
    # As installed (packaging/install.sh compiles too): with PYTHONDONTWRITEBYTECODE
    # set, an uncompiled tree would be recompiled by every process measured.
    compileall.compile_dir(ROOT / "mailguard", quiet=1)
    user = server.add_user("bench", PASSWORD)
    started = time.perf_counter()
    count = build_account(server, user, rng)
    print(
        f"built {count} messages in {len(FOLDERS)} folders in {time.perf_counter() - started:.1f} s"
    )
    server.start()
    env = {
        **os.environ,
        "MAILGUARD_HOME": str(work / "home"),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(work / "xdg-data"),
        "PYTHONPATH": str(ROOT),
    }
    floor_command = [
        sys.executable, str(Path(__file__).resolve()), "--floor",
        server.host, str(server.imaps_port), str(server.ca_file), user.name,
        *[arg for folder in FOLDERS for arg in ("--folder", folder)],
    ]  # fmt: skip
    started = time.perf_counter()
    run_process(floor_command, env=env, stdin=PASSWORD + "\n")  # Dovecot indexes and caches
    print(f"warm-up (Dovecot builds its indexes): {time.perf_counter() - started:.1f} s")

    config = AccountConfig(
        name="bench", host=server.host, port=server.imaps_port, user=user.name,
        ca_file=server.ca_file,
    )  # fmt: skip

    def full_read() -> AccountSnapshot:
        with ImapSession(config, PASSWORD, timeout_s=120) as session:
            return session.read_snapshot("bench", full=True)

    rows: list[tuple[str, Run | None, str]] = []
    runs: list[Run] = []
    baseline: object = None
    for _ in range(3):
        baseline = None  # freed first: a CLI process holds one snapshot, not several
        run, baseline = in_process(server, full_read)
        runs.append(run)
    assert isinstance(baseline, AccountSnapshot) and baseline.message_count == count

    mbsync_command: list[str] | None = None
    if not skip_mbsync and shutil.which("mbsync"):
        mbsync_command = ["mbsync", "-q", "-c", str(mbsync_config(work, server, user)), "-a"]
        started = time.perf_counter()
        run_process(mbsync_command, env=env)
        print(f"mbsync first sync (downloads everything): {time.perf_counter() - started:.1f} s")
    why_no_cli = cli_available(env)
    if why_no_cli is not None:
        print(f"the mailguard CLI is not measured: {why_no_cli}")
        return 1
    mailguard = [sys.executable, "-m", "mailguard"]
    add = [*mailguard, "account", "add", "bench", "--host", server.host,
           "--port", str(server.imaps_port), "--user", user.name, "--security", "ssl",
           "--ca-file", str(server.ca_file), "--password-stdin"]  # fmt: skip
    run_process(add, env=env, stdin=PASSWORD + "\n")
    cycles = [
        one_cycle(
            server, user, rng, env=env, mailguard=mailguard,
            floor_command=floor_command, mbsync_command=mbsync_command,
        )
        for _ in range(CYCLES)
    ]  # fmt: skip
    floor = median([c.floor for c in cycles])
    rows.append(("floor: raw TLS client, same UID FETCH (process)", floor, ""))
    rows.append(("ImapSession.read_snapshot(full) in-process", median(runs), ""))
    snapshot_cli = median([c.snapshot for c in cycles])
    ratios = sorted(c.snapshot.seconds / c.floor.seconds for c in cycles)
    rows.append(
        ("mailguard snapshot (process)", snapshot_cli,
         "x its round's floor: " + ", ".join(f"{r:.2f}" for r in ratios))
    )  # fmt: skip
    mbsync: Run | None = None
    if mbsync_command is None:
        rows.append(("mbsync no-change sync (process)", None, "not measured"))
    else:
        mbsync = median([c.mbsync for c in cycles if c.mbsync is not None])
        rows.append(("mbsync no-change sync (process)", mbsync, ""))
    resync_cli = median([c.resync for c in cycles])
    rows.append(
        ("mailguard resync after 1% flags + 1% new (process)", resync_cli,
         "first look at the change: " + ", ".join(f"{c.resync.seconds:.2f}" for c in cycles))
    )  # fmt: skip
    resync_floor = median([c.resync_floor for c in cycles])
    rows.append(("resync floor: raw TLS client, same QRESYNC (process)", resync_floor, ""))
    again = median([c.again for c in cycles])
    rows.append(
        ("mailguard resync, same state again (process)", again,
         f"{again.seconds - resync_floor.seconds:+.2f} s on the resync floor")
    )  # fmt: skip

    def incremental_read() -> tuple[AccountSnapshot, ReadStats]:
        with ImapSession(config, PASSWORD, timeout_s=120) as session:
            return session.read_snapshot("bench", baseline), session.last_read

    incremental, (changed, stats) = in_process(server, incremental_read)  # type: ignore[misc]
    rows.append(
        ("ImapSession.read_snapshot(previous) in-process", incremental,
         f"{stats.incremental_folders} folders incremental, {stats.messages_fetched} fetched, "
         f"{stats.flag_updates} flag updates (all {CYCLES} changes)")
    )  # fmt: skip
    assert dict(full_read().folders) == dict(changed.folders), "incremental != full"
    print(f"load average after: {os.getloadavg()[0]:.2f}\n")

    print(
        f"{'measurement':52} {'wall s':>7} {'cpu s':>6} {'dovecot':>7} {'x floor':>7} {'RSS MB':>6}"
    )
    for label, measured, note in rows:
        if measured is None:
            print(f"{label:52} {note}")
            continue
        rss = f"{measured.rss_mb:6.0f}" if measured.rss_mb else f"{'-':>6}"
        server_cpu = f"{measured.server_cpu:7.2f}" if measured.server_cpu is not None else " " * 7
        print(
            f"{label:52} {measured.seconds:7.2f} {measured.cpu:6.2f} {server_cpu} "
            f"{measured.seconds / floor.seconds:7.2f} {rss}  {note}"
        )
    print(
        f"(cpu: the process's own; dovecot: the server's CPU meanwhile; medians of {CYCLES} "
        "rounds of floor, snapshot, mbsync, a 1% change (the new mail delivered by "
        "MULTIAPPEND), resync, resync floor and resync again, each measured next to the "
        "others so that the shared machine's load falls on all alike)\n"
    )

    ratio = ratios[len(ratios) // 2]
    verdicts: list[tuple[str, bool]] = [
        (f"mailguard snapshot <= {TARGET_SNAPSHOT}x floor: {ratio:.2f}x "
         f"(median of its rounds, each against that round's floor)",
         ratio <= TARGET_SNAPSHOT),
    ]  # fmt: skip
    if mbsync is not None:
        verdicts.append(
            (f"mailguard resync no slower than mbsync's no-change sync: "
             f"{resync_cli.seconds:.2f} s vs {mbsync.seconds:.2f} s",
             resync_cli.seconds <= mbsync.seconds)
        )  # fmt: skip
    peak = max(c.snapshot.rss_mb for c in cycles)  # the worst round, not the median
    verdicts.append(
        (f"peak RSS of the snapshot of {count} messages <= {TARGET_RSS_MB} MB: {peak:.0f} MB",
         peak <= TARGET_RSS_MB)
    )  # fmt: skip
    for text, passed in verdicts:
        print(f"{'PASS' if passed else 'FAIL'}  {text}")
    return 0 if all(passed for _, passed in verdicts) else 1


@dataclass(frozen=True)
class Cycle:
    """One round, each measurement next to the one it is compared with."""

    floor: Run
    snapshot: Run
    mbsync: Run | None
    resync: Run
    resync_floor: Run
    again: Run


def one_cycle(
    server: Dovecot,
    user: MailUser,
    rng: random.Random,
    *,
    env: dict[str, str],
    mailguard: list[str],
    floor_command: list[str],
    mbsync_command: list[str] | None,
) -> Cycle:
    """The floor, then a fresh baseline; mbsync's no-change sync; the 1% change, and
    ``mailguard resync`` the first to look at it.

    Then, from the same baseline, the raw client asking what the resync asked
    (QRESYNC per folder and the new mail), and ``mailguard resync`` again: the
    difference of the two is mailguard's own share.
    """
    home = Path(env["MAILGUARD_HOME"])
    saved = home.with_name("home-before-resync")
    floor = run_process(floor_command, env=env, stdin=PASSWORD + "\n", server=server)
    snapshot = run_process([*mailguard, "snapshot", "bench"], env=env, server=server)
    shutil.rmtree(saved, ignore_errors=True)
    shutil.copytree(home, saved)
    mbsync = None
    if mbsync_command is not None:
        mbsync = run_process(mbsync_command, env=env, server=server)
    change_one_percent(server, user, rng)
    resync = run_process([*mailguard, "resync", "bench"], env=env, server=server)
    state = json.dumps(stored_folder_state(saved))
    floor_state = [*floor_command[: -2 * len(FOLDERS)], "--state", state]
    resync_floor = run_process(floor_state, env=env, stdin=PASSWORD + "\n", server=server)
    shutil.rmtree(home)
    shutil.copytree(saved, home)
    again = run_process([*mailguard, "resync", "bench"], env=env, server=server)
    if mbsync_command is not None:
        # mbsync takes in the change now, untimed: right after writing files it waits
        # for the clock's next second (maildir times), so its next sync, the no-change
        # one timed, is seconds later, as it is in use.
        run_process(mbsync_command, env=env)
    return Cycle(floor, snapshot, mbsync, resync, resync_floor, again)


def stored_folder_state(home: Path) -> dict[str, list[int]]:
    """The latest baseline's folders in ``home``: name -> [uidvalidity, highestmodseq, uidnext]."""
    with Database(AppPaths.resolve(str(home)).database_file) as db:
        rows = db.connection.execute(
            "SELECT name, uidvalidity, highestmodseq, uidnext FROM folder WHERE snapshot_id ="
            " (SELECT id FROM snapshot WHERE NOT pending ORDER BY taken_at_us DESC LIMIT 1)"
        ).fetchall()
    return {name: [validity, modseq or 0, uidnext] for name, validity, modseq, uidnext in rows}


if __name__ == "__main__":
    raise SystemExit(main())
