"""A real IMAP server for the demo, on 127.0.0.1, holding nothing but demo mail.

pymap (pure Python, from the ``demo`` extra) with its in-memory backend runs
as a child process; it dies with us (``PR_SET_PDEATHSIG`` on Linux) and is
stopped on exit, Ctrl-C included, so no process or port is left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from types import TracebackType

from mailguard.app.relaunch import mailguard_command
from mailguard.core.errors import MailguardError

DEMO_USER = "demo"
DEMO_PASSWORD = "demo-only-password"  # noqa: S105 - a throwaway server on 127.0.0.1
START_TIMEOUT_S = 20.0
#: ``mailguard`` started with this first argument runs pymap instead (``__main__``):
#: the same way into the server from a venv and from a frozen bundle.
SERVER_FLAG = "--run-demo-imap-server"


class DemoUnavailable(MailguardError):
    """The demo's IMAP server cannot run here."""


class DemoImapServer:
    """``with DemoImapServer() as server:`` — ``server.host``, ``server.port``."""

    host = "127.0.0.1"

    def __init__(self) -> None:
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        if importlib.util.find_spec("pymap") is None:
            raise DemoUnavailable(
                "the demo needs pymap, a small IMAP server: pip install 'mailguard[demo]'"
            )
        self.port = _free_port()
        command = [
            *mailguard_command(), SERVER_FLAG, "--host", self.host, "--port", str(self.port),
            "--no-tls", "dict", "--demo-user", DEMO_USER, "--demo-password", DEMO_PASSWORD,
        ]  # fmt: skip
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,  # noqa: PLW1509
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _accepts(self.host, self.port):
            if self._process.poll() is not None:
                error = (self._process.stderr.read() if self._process.stderr else b"").decode()
                last = error.strip().splitlines()[-1:] or ["it exited"]
                raise DemoUnavailable(f"the demo's IMAP server did not start: {last[0]}")
            if time.monotonic() > deadline:
                self.stop()
                raise DemoUnavailable("the demo's IMAP server did not start in time")
            time.sleep(0.05)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        if process.stderr:
            process.stderr.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def __enter__(self) -> DemoImapServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def run_pymap(arguments: list[str]) -> int:
    """The child's side: pymap's own command line, as its ``pymap`` script runs it."""
    from pymap.main import main  # noqa: PLC0415 - only in the server's process

    sys.argv = ["pymap", *arguments]
    main()
    return 0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _accepts(host: str, port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.2):
        return True
    return False


def _die_with_parent() -> None:
    """In the child: receive SIGTERM when the demo's process dies, however it dies."""
    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1
    libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    os.setpgrp()  # Ctrl-C in the terminal reaches the demo, which stops the server itself
