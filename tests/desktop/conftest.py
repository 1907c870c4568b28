"""The tray app on a real (virtual) desktop: an X server, a system tray, dunst, a private bus.

One desktop for the whole run (``desktop``); each test gets a user ``profile``:
a mailguard home, a file keyring and its own XDG folders, the ``mailguard``
command to run in it, and launched apps that are stopped when the test ends.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mailguard.store.paths import AppPaths
from tests.desktop.session import DesktopSession, end_process, wait_until
from tests.dovecot import Dovecot, MailUser, _die_with_parent

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def desktop() -> Iterator[DesktopSession]:
    session = DesktopSession()
    session.start()
    yield session
    left = session.stop()
    assert not left, f"still running after the desktop was torn down (now killed): {left}"


class Profile:
    """A user of the desktop: one mailguard home, and the commands and apps run in it."""

    def __init__(self, root: Path, desktop: DesktopSession) -> None:
        self.home = root / "home"
        self.paths = AppPaths.resolve(self.home)
        self.env = {
            **desktop.env,
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(root / "xdg-data"),
            "XDG_CONFIG_HOME": str(root / "xdg-config"),
            "XDG_CACHE_HOME": str(root / "xdg-cache"),
            "PYTHONPATH": str(ROOT),
        }
        self.started: list[subprocess.Popen[str]] = []

    def mailguard(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        """One ``mailguard --home HOME ARGS`` command, run to its end."""
        return subprocess.run(
            [sys.executable, "-m", "mailguard", "--home", str(self.home), *args],
            input=stdin,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    def must(self, *args: str, stdin: str = "") -> str:
        """A command that has to succeed; its stdout."""
        done = self.mailguard(*args, stdin=stdin)
        assert done.returncode == 0, f"mailguard {' '.join(args)}: {done.stderr}"
        return done.stdout

    def launch(self, *args: str) -> subprocess.Popen[str]:
        """``mailguard --home HOME ARGS`` in the background (stopped when the test ends)."""
        process = subprocess.Popen(
            [sys.executable, "-m", "mailguard", "--home", str(self.home), *args],
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - a killed test run leaves nothing
        )
        self.started.append(process)
        return process

    def add_account(self, dovecot: Dovecot, user: MailUser, name: str = "work") -> None:
        self.must(
            "account", "add", name, "--host", dovecot.host, "--port", str(dovecot.imaps_port),
            "--user", user.name, "--ca-file", str(dovecot.ca_file), "--password-stdin",
            stdin=user.password + "\n",
        )  # fmt: skip

    def log(self) -> str:
        """The home's log file: what the app said, for failure messages."""
        path = self.paths.log_file
        return path.read_text(errors="replace") if path.exists() else "(no log yet)"

    def wait_for(self, condition: Callable[[], object], what: str, timeout_s: float = 20.0) -> None:
        """Wait for ``condition()``; on failure say ``what`` and show the app's log."""
        try:
            wait_until(condition, what, timeout_s=timeout_s)
        except RuntimeError as exc:
            raise AssertionError(f"{exc}\n--- mailguard log ---\n{self.log()[-3000:]}") from None

    def stop_all(self) -> None:
        for process in self.started:
            end_process(process, grace_s=5.0)


@pytest.fixture
def profile(tmp_path: Path, desktop: DesktopSession) -> Iterator[Profile]:
    desktop.dunst.close_all()  # what earlier tests left on screen goes to the history
    user = Profile(tmp_path, desktop)
    yield user
    user.stop_all()
