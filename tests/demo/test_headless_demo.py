"""``mailguard demo --headless``: the whole promise in a minute, and nothing left behind.

Run as a user would, as a process: a real pymap server, the simulated provider,
the real guard. The demo must show every step, exit 0, and stop what it started.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

DEMO_EVENTS = {
    "warning",
    "window_started",
    "edit_refused",
    "window_ended",
    "resync_finished",
    "backfill_found",
}


def demo_process(tmp_path: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "TMPDIR": str(tmp_path), "MAILGUARD_HOME": str(tmp_path / "user")}
    env.pop("DISPLAY", None)
    return subprocess.Popen(
        [sys.executable, "-m", "mailguard", "demo", "--headless", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def port_of(stderr_line: str) -> int:
    found = re.search(r"demo IMAP server on 127\.0\.0\.1:(\d+)", stderr_line)
    assert found, stderr_line
    return int(found.group(1))


def accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def test_a_one_minute_demo_shows_every_step_and_leaves_nothing_behind(tmp_path: Path) -> None:
    demo = demo_process(tmp_path, "--minutes", "1", "--json")
    out, err = demo.communicate(timeout=180)
    assert demo.returncode == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    names = [e["event"] for e in events]
    assert set(names) >= DEMO_EVENTS, names
    assert (
        names.index("window_started")
        < names.index("edit_refused")
        < names.index("window_ended")
        < names.index("backfill_found")
    )
    (late,) = [e for e in events if e["event"] == "backfill_found"]
    assert sorted({m["folder"] for m in late["mails"]}) == ["Bestellungen", "INBOX"]
    assert len(late["mails"]) == 5
    assert all(m["reason"] == "during_window" for m in late["mails"])
    assert names[-1] == "edit_replayed"
    assert "done: the report lists the late mail" in err
    assert not accepts(port_of(err))
    assert list(tmp_path.glob("mailguard-demo-*")) == []  # the demo home is gone
    assert not (tmp_path / "user").exists()  # the user's own home was never touched


def test_ctrl_c_stops_the_server_and_removes_the_demo_home(tmp_path: Path) -> None:
    demo = demo_process(tmp_path, "--minutes", "2")
    assert demo.stderr is not None
    first = demo.stderr.readline()
    port = port_of(first)
    assert accepts(port)
    deadline = time.monotonic() + 60
    assert demo.stdout is not None
    while "window_started" not in demo.stdout.readline():
        assert time.monotonic() < deadline and demo.poll() is None
    demo.send_signal(signal.SIGINT)
    demo.wait(timeout=30)
    assert demo.returncode == 130
    assert "interrupted" in demo.stderr.read()
    assert not accepts(port)
    assert list(tmp_path.glob("mailguard-demo-*")) == []


def test_keep_keeps_the_demo_home_and_says_where(tmp_path: Path) -> None:
    demo = demo_process(tmp_path, "--minutes", "0.5", "--keep")
    _out, err = demo.communicate(timeout=180)
    assert demo.returncode == 0, err
    kept = re.search(r"the demo home is kept in (\S+)", err)
    assert kept is not None
    home = Path(kept.group(1))
    assert (home / "home" / "data" / "mailguard.sqlite3").exists()
