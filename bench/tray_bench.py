"""How fast the tray app starts and how smooth it stays in big background work, in one run.

Everything runs on a private virtual desktop (tests/desktop/session.py: Xvfb,
a session bus, tint2's system tray, dunst), as a user would see it:

(a) cold start to the icon on screen: from starting the process until the
    icon is embedded in the tray (ReparentNotify, MapNotify: X events, not
    polling) and drawn (its pixels no longer one flat colour), for
    ``mailguard tray`` with one account and on a first run (which also opens
    Settings), against a bare PySide6 app that only shows a tray icon (the
    same SVG). Runs alternate, after one warm-up round; median and range; the
    ratio is of the medians.
(b) the UI thread while the app works on a 100,000-message account
    (imap_bench's: 20 folders; 1% flag changes and 1% new mail since the
    baseline): "Resync now" clicked (its menu action), and the guard taking a
    window's baseline in its thread (a full read). The app runs in this
    script's ``--probe`` mode (the TrayApp of ``mailguard tray``, on the same
    desktop): a 10 ms QTimer on the UI thread records every gap between its
    timeouts, idle first and then during the work, and the process's RSS
    before the work and at its peak. References: the same work as a
    ``mailguard resync`` / ``mailguard snapshot`` process (no UI).

Run: ``.venv/bin/python bench/tray_bench.py`` (under a minute on two cores;
``--runs N`` cold starts of each kind, ``--probes N`` runs of each work,
``--only-start`` for (a) alone).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_START_RATIO = 1.3
TARGET_STALL_MS = 50.0
TARGET_RSS_MB = 150.0
PROBE_INTERVAL_MS = 10
IDLE_PROBE_MS = 2_000
ICON_TIMEOUT_S = 60.0

#: The reference: a PySide6 app that shows one tray icon and nothing else.
BARE_TRAY = """
import sys
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
icon = QSystemTrayIcon(QIcon(sys.argv[1]))
icon.show()
sys.exit(app.exec())
"""


# -- (a) time to the icon in the tray --------------------------------------------------


def time_to_icon(command: Sequence[str], env: dict[str, str], display_name: str) -> float:
    """Seconds from starting ``command`` until its icon's pixels are in the tray.

    Watches the X server: the tray reparents the icon window away from the root
    (ReparentNotify, seen through SubstructureNotify on the root) and maps it
    (MapNotify on the window, or viewable already); then the window's pixels are
    read every 2 ms until they are no longer one flat background colour: the
    program has drawn its icon.
    """
    from Xlib import X, display

    from tests.desktop.session import end_process

    screen = display.Display(display_name)
    root = screen.screen().root
    pid_atom = screen.intern_atom("_NET_WM_PID")
    root.change_attributes(event_mask=X.SubstructureNotifyMask)
    screen.sync()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = started + ICON_TIMEOUT_S

    def still_running() -> None:
        if time.perf_counter() > deadline or process.poll() is not None:
            raise RuntimeError(f"{command[:4]}: no icon in the tray (exit {process.poll()})")

    try:
        icon = None
        embedded: set[int] = set()
        while icon is None:
            if not screen.pending_events():
                still_running()
                select.select([screen.fileno()], [], [], 0.5)
                continue
            event = screen.next_event()
            if event.type == X.ReparentNotify and event.parent.id != root.id:
                pid = event.window.get_full_property(pid_atom, X.AnyPropertyType)
                if pid is None or int(pid.value[0]) != process.pid:
                    continue
                event.window.change_attributes(event_mask=X.StructureNotifyMask)
                if event.window.get_attributes().map_state == X.IsViewable:
                    icon = event.window
                embedded.add(event.window.id)
            elif event.type == X.MapNotify and event.window.id in embedded:
                icon = event.window
        while True:
            geometry = icon.get_geometry()
            pixels = icon.get_image(0, 0, geometry.width, geometry.height, X.ZPixmap, 0xFFFFFFFF)
            data = pixels.data
            if len({data[i : i + 4] for i in range(0, len(data), 4)}) > 1:  # drawn
                return time.perf_counter() - started
            still_running()
            time.sleep(0.002)
    finally:
        end_process(process, grace_s=5.0)
        screen.close()


@dataclass(frozen=True)
class Series:
    label: str
    seconds: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def line(self, reference: Series | None) -> str:
        ratio = f"{self.median / reference.median:5.2f}x" if reference else "   ref"
        return (
            f"{self.label:46} {self.median * 1000:6.0f} ms  "
            f"{min(self.seconds) * 1000:5.0f}–{max(self.seconds) * 1000:<5.0f} ms  {ratio}"
        )


def cold_starts(
    runs: int, env: dict[str, str], display_name: str, home: Path, work: Path
) -> tuple[Series, Series, Series]:
    from mailguard.ui.resource_files import icon_file

    bare = [sys.executable, "-c", BARE_TRAY, str(icon_file("clear"))]
    mailguard = [sys.executable, "-m", "mailguard", "--home", str(home), "tray"]
    series: dict[str, list[float]] = {"bare": [], "account": [], "first": []}
    for run in range(runs + 1):  # the first round warms the page cache and is dropped
        first_home = work / f"first-run-{run}"
        measured = {
            "bare": time_to_icon(bare, env, display_name),
            "account": time_to_icon(mailguard, env, display_name),
            "first": time_to_icon(
                [sys.executable, "-m", "mailguard", "--home", str(first_home), "tray"],
                env, display_name,
            ),
        }  # fmt: skip
        shutil.rmtree(first_home, ignore_errors=True)
        if run:
            for key, seconds in measured.items():
                series[key].append(seconds)
    return (
        Series("bare PySide6 tray icon (reference)", series["bare"]),
        Series("mailguard tray, one account", series["account"]),
        Series("mailguard tray, first run (opens Settings)", series["first"]),
    )


# -- (b) the UI thread during background work ----------------------------------------


def probe_app(home: str, account: str, work: str) -> int:
    """Inside the desktop: the tray app, idle for a while, then ``work`` in the background.

    ``resync``: "Resync now" clicked (its menu action); ``baseline``: a window
    announced 10 minutes ahead, so the guard (in its thread) takes the baseline,
    a full read of the account. A 10 ms QTimer on the UI thread records every
    gap between its timeouts. Prints one JSON object.
    """
    import threading
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import Qt, QTimer

    from mailguard.core.events import BaselineTaken
    from mailguard.store.database import Database
    from mailguard.store.guard_store import ManualWindowStore
    from mailguard.store.paths import AppPaths
    from mailguard.ui.app import TrayApp
    from mailguard.ui.guard_engine import GuardRound
    from mailguard.ui.launch import TrayOptions, make_qt_app

    paths = AppPaths.resolve(home).ensure()
    qt_app = make_qt_app(sys.argv[:1])
    app = TrayApp(qt_app, paths, TrayOptions(tick_interval_ms=3_600_000))
    gaps: list[tuple[float, float]] = []  # (when, gap) in seconds
    last = [time.perf_counter()]
    result: dict[str, object] = {"work": work}
    began = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now, now - last[0]))
        last[0] = now

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_INTERVAL_MS)
    probe.timeout.connect(tick)

    def announce_window() -> None:  # off the UI thread, as the schedule poller would
        now = datetime.now(UTC)
        with Database(paths.database_file) as db:
            ManualWindowStore(db, lambda: now).add(
                account, now + timedelta(minutes=10), now + timedelta(hours=1), "Bench window"
            )
        app.guard_thread.request_tick.emit()

    def start_work() -> None:
        result["idle_max_gap_ms"] = max(g for _, g in gaps) * 1000
        result["rss_before_mb"] = _rss_mb("VmRSS")
        gaps.clear()
        began[0] = time.perf_counter()
        if work == "resync":
            action = app.menu.action(f"resync:{account}")
            if action is None or not action.isEnabled():
                finish(ok=False)
                return
            action.trigger()
        else:
            threading.Thread(target=announce_window).start()

    def finish(*, ok: bool) -> None:
        probe.stop()
        result["ok"] = ok
        result["seconds"] = time.perf_counter() - began[0]
        result["max_gap_ms"] = max((g for _, g in gaps), default=0.0) * 1000
        result["ticks"] = len(gaps)
        result["gaps_over_target"] = [
            [round(when - began[0], 2), round(gap * 1000)]
            for when, gap in gaps
            if gap * 1000 > TARGET_STALL_MS
        ]
        qt_app.quit()

    def rounds(guard_round: GuardRound) -> None:
        if "started" not in result:
            result["started"] = True
            last[0] = time.perf_counter()
            probe.start()
            QTimer.singleShot(IDLE_PROBE_MS, start_work)
        elif work == "baseline" and began[0] and _took_baseline(guard_round.events):
            finish(ok=True)

    def _took_baseline(events: Sequence[object]) -> bool:
        return any(isinstance(e, BaselineTaken) for e in events)

    def resynced(name: str, step: object) -> None:
        if work == "resync" and name == account and step is None and began[0]:
            # the report's id is announced right after the progress ends
            QTimer.singleShot(0, lambda: finish(ok="report_id" in result))

    app.hub.round_finished.connect(rounds)
    app.hub.resync_progress.connect(resynced)
    app.hub.report_stored.connect(lambda _name, report_id: result.update(report_id=report_id))
    qt_app.aboutToQuit.connect(app.shutdown)
    app.start()
    QTimer.singleShot(600_000, lambda: finish(ok=False))
    qt_app.exec()
    result["peak_rss_mb"] = _rss_mb("VmHWM")
    print(json.dumps(result))
    return 0 if result.get("ok") else 1


def _rss_mb(field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (the peak so far) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- the run ----------------------------------------------------------------------------


def main() -> int:
    if sys.argv[1:2] == ["--probe"]:
        return probe_app(*sys.argv[2:5])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="cold starts of each kind (7)")
    parser.add_argument("--probes", type=int, default=3, help="probed runs of each work (3)")
    parser.add_argument("--only-start", action="store_true", help="measure (a) only")
    args = parser.parse_args()

    from tests.desktop.session import DesktopSession
    from tests.dovecot import Dovecot, fast_tmp_dir

    compileall.compile_dir(ROOT / "mailguard", quiet=1)  # as packaging/install.sh leaves it
    work = Path(tempfile.mkdtemp(prefix="mg-tray-bench-", dir=fast_tmp_dir()))
    work.chmod(0o755)  # Dovecot's mail user must reach the maildirs
    server = Dovecot(work / "dovecot")
    desktop = DesktopSession()
    try:
        desktop.start()
        return _bench(server, desktop, work, args.runs, args.probes, only_start=args.only_start)
    finally:
        left = desktop.stop()
        server.cleanup()
        shutil.rmtree(work, ignore_errors=True)
        if left:
            print(f"left running after the desktop ended (killed): {left}")


def _bench(
    server: object, desktop: object, work: Path, runs: int, probes: int, *, only_start: bool
) -> int:
    import random

    from bench.imap_bench import (
        PASSWORD,
        Run,
        build_account,
        change_one_percent,
        median,
        run_process,
    )
    from tests.desktop.session import DesktopSession
    from tests.dovecot import Dovecot

    assert isinstance(server, Dovecot) and isinstance(desktop, DesktopSession)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"load average before: {os.getloadavg()[0]:.2f}")  # fmt: skip
    rng = random.Random(20240301)
    user = server.add_user("bench", PASSWORD)
    started = time.perf_counter()
    count = build_account(server, user, rng)
    print(f"built {count} messages in {time.perf_counter() - started:.1f} s")
    server.start()
    home = work / "home"
    env = {
        **desktop.env,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(work / "xdg-data"),
        "XDG_CONFIG_HOME": str(work / "xdg-config"),
        "XDG_CACHE_HOME": str(work / "xdg-cache"),
        "PYTHONPATH": str(ROOT),
    }
    mailguard = [sys.executable, "-m", "mailguard", "--home", str(home)]

    def must(*args: str, stdin: str = "") -> None:
        done = subprocess.run(
            [*mailguard, *args], input=stdin, env=env, capture_output=True, text=True,
            timeout=900, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"mailguard {args[0]}: {done.stderr.strip()}")

    must("account", "add", "bench", "--host", server.host, "--port", str(server.imaps_port),
         "--user", user.name, "--ca-file", str(server.ca_file), "--password-stdin",
         stdin=PASSWORD + "\n")  # fmt: skip
    started = time.perf_counter()
    must("snapshot", "bench")  # the baseline; Dovecot builds its indexes meanwhile
    print(f"baseline snapshot: {time.perf_counter() - started:.1f} s")

    print(f"\n(a) cold start to the icon in the tray, {runs} runs each (after one warm-up round)")
    bare, account, first = cold_starts(runs, env, desktop.display, home, work)
    print(f"{'':46} {'median':>9}  {'range':>13}  {'x ref':>6}")
    for series in (bare, account, first):
        print(series.line(None if series is bare else bare))

    if only_start:
        return 0 if account.median <= TARGET_START_RATIO * bare.median else 1

    print(f"\n(b) the UI thread while the app works on {count} messages, {probes} runs each")
    change_one_percent(server, user, rng)
    before = work / "home-before-resync"
    shutil.copytree(home, before)

    def probed(kind: str) -> list[dict[str, object]]:
        runs = []
        for _ in range(probes):
            _restore(before, home)
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--probe", str(home), "bench",
                 kind],
                env=env, capture_output=True, text=True, timeout=900, check=False,
            )  # fmt: skip
            if done.returncode != 0:
                raise RuntimeError(f"the probed {kind} failed: {done.stdout}{done.stderr[-2000:]}")
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        return runs

    def reference(*args: str) -> list[Run]:
        runs = []
        for _ in range(probes):
            _restore(before, home)
            runs.append(run_process([*mailguard, *args], env=env))
        return runs

    resync, baseline = probed("resync"), probed("baseline")
    resync_cli, snapshot_cli = reference("resync", "bench"), reference("snapshot", "bench")
    print(f"{'':40} {'work s':>7} {'max gap':>8} {'idle gap':>8} {'RSS MB before/peak':>19}")
    for label, measured in (("Resync now (1% flags + 1% new since)", resync),
                            ("the guard's baseline (a full read)", baseline)):  # fmt: skip
        for run in measured:
            over = run["gaps_over_target"]
            print(
                f"{label:40} {_number(run, 'seconds'):7.2f} {_number(run, 'max_gap_ms'):5.0f} ms "
                f"{_number(run, 'idle_max_gap_ms'):5.0f} ms "
                f"{_number(run, 'rss_before_mb'):11.0f} / {_number(run, 'peak_rss_mb'):.0f}"
                + (f"  gaps > {TARGET_STALL_MS:.0f} ms at [s, ms]: {over}" if over else "")
            )
    for label, cli in (("mailguard resync (process, no UI)", resync_cli),
                       ("mailguard snapshot (process, no UI)", snapshot_cli)):  # fmt: skip
        print(f"{label:40} {median(cli).seconds:7.2f} {'':34} {max(r.rss_mb for r in cli):.0f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}\n")

    def worst(runs: list[dict[str, object]], key: str) -> float:
        return max(_number(run, key) for run in runs)

    start_ratio = account.median / bare.median
    verdicts: list[tuple[str, bool | None]] = [
        (f"cold start, one account <= {TARGET_START_RATIO}x the bare tray icon: "
         f"{start_ratio:.2f}x", start_ratio <= TARGET_START_RATIO),
        (f"longest UI-thread gap during Resync now <= {TARGET_STALL_MS:.0f} ms: "
         f"{worst(resync, 'max_gap_ms'):.0f} ms (idle: {worst(resync, 'idle_max_gap_ms'):.0f} ms)",
         worst(resync, "max_gap_ms") <= TARGET_STALL_MS),
        (f"peak RSS of the app through Resync now <= {TARGET_RSS_MB:.0f} MB: "
         f"{worst(resync, 'peak_rss_mb'):.0f} MB", worst(resync, "peak_rss_mb") <= TARGET_RSS_MB),
        (f"first run (opens Settings): {first.median / bare.median:.2f}x the bare tray icon", None),
        (f"the guard's baseline: longest UI-thread gap {worst(baseline, 'max_gap_ms'):.0f} ms, "
         f"peak RSS {worst(baseline, 'peak_rss_mb'):.0f} MB", None),
    ]  # fmt: skip
    for text, passed in verdicts:
        print(f"{'PASS' if passed else 'INFO' if passed is None else 'FAIL'}  {text}")
    return 0 if all(passed is not False for _, passed in verdicts) else 1


def _number(run: dict[str, object], key: str) -> float:
    value = run[key]
    assert isinstance(value, int | float), (key, value)
    return float(value)


def _restore(saved: Path, home: Path) -> None:
    shutil.rmtree(home)
    shutil.copytree(saved, home)


if __name__ == "__main__":
    raise SystemExit(main())
