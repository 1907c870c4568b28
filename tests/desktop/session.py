"""A real but private X desktop for tests and benchmarks: Xvfb, a D-Bus session bus, a tray, dunst.

Everything is this session's own, so parallel runs never meet: Xvfb picks a
free display itself (``-displayfd``), the bus listens in a private folder and
has no service activation (nothing starts on its own), tint2 hosts only the
system tray (XEmbed, ``_NET_SYSTEM_TRAY_S0``), dunst owns
``org.freedesktop.Notifications`` with a config of ours. ``start`` returns once
each part answers; ``stop`` ends them in reverse order and returns any process
of the session still alive afterwards (found by a token in its environment),
after killing it, so a caller can fail on leftovers.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.desktop.dunst import Dunst
from tests.desktop.x_display import XDisplay
from tests.dovecot import _die_with_parent

#: Debian packages of the programs the session runs (packaging/install.sh --test installs them).
PROGRAMS = {
    "Xvfb": "xvfb",
    "dbus-daemon": "dbus-daemon",
    "tint2": "tint2",
    "dunst": "dunst",
    "dunstctl": "dunst",
}
TOKEN_VARIABLE = "MAILGUARD_TEST_DESKTOP"
START_TIMEOUT_S = 15.0

#: Variables that would lead a program to the caller's own desktop.
FOREIGN_DESKTOP = (
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "XAUTHORITY",
    "DBUS_SESSION_BUS_ADDRESS",
    "DBUS_SESSION_BUS_PID",
    "SESSION_MANAGER",
    "XDG_CURRENT_DESKTOP",
    "XDG_SESSION_DESKTOP",
    "DESKTOP_SESSION",
    "KDE_FULL_SESSION",
    "KDE_SESSION_VERSION",
    "GNOME_DESKTOP_SESSION_ID",
    "QT_QPA_PLATFORM",
)

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

#: A bottom panel holding only the system tray.
TINT2_CONFIG = """panel_items = S
panel_size = 100% 30
panel_position = bottom center horizontal
panel_layer = top
panel_dock = 0
wm_menu = 0
autohide = 0
strut_policy = follow_size
disable_transparency = 1
mouse_effects = 0
systray_padding = 4 0 4
systray_sort = ascending
systray_icon_size = 22
systray_monitor = 1
"""


class DesktopError(RuntimeError):
    """A part of the desktop is missing or did not come up."""


@dataclass(frozen=True, slots=True)
class Helper:
    """A program of the desktop, its output going to ``log``."""

    name: str
    process: subprocess.Popen[bytes]
    log: Path

    def died(self) -> str | None:
        """Why it is gone (with the end of its log), or None while it runs."""
        if self.process.poll() is None:
            return None
        lines = self.log.read_text(errors="replace").splitlines()[-15:]
        return f"{self.name} exited with {self.process.returncode}:\n" + "\n".join(lines)


class DesktopSession:
    def __init__(self, size: str = "1280x800x24") -> None:
        self.size = size
        self.token = uuid.uuid4().hex
        self.folder = Path(tempfile.mkdtemp(prefix="mg-desktop-"))  # short: a socket lives here
        self.logs = self.folder / "logs"
        self.display = ""
        self.bus_address = ""
        self._helpers: list[Helper] = []
        self._helper_env: dict[str, str] = {}
        self.env: dict[str, str] = {}
        self.dunst = Dunst(self.folder, self.env)

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> None:
        missing = sorted({p for name, p in PROGRAMS.items() if shutil.which(name) is None})
        if missing:
            raise DesktopError(
                "the desktop tests need: apt-get install " + " ".join(missing)
                + " (packaging/install.sh --test installs them)"
            )  # fmt: skip
        self.logs.mkdir()
        runtime = self.folder / "runtime"
        runtime.mkdir(mode=0o700)
        for name in ("config", "cache", "data"):
            (self.folder / name).mkdir()
        base = without_foreign_desktop(dict(os.environ))
        try:
            self._start_x(base)
            self._start_bus(base)
            self.env.update(
                base,
                DISPLAY=self.display,
                DBUS_SESSION_BUS_ADDRESS=self.bus_address,
                QT_QPA_PLATFORM="xcb",
                XDG_RUNTIME_DIR=str(runtime),
                XDG_SESSION_TYPE="x11",
                **{TOKEN_VARIABLE: self.token},
            )
            self._helper_env = {
                **self.env,
                "XDG_CONFIG_HOME": str(self.folder / "config"),
                "XDG_CACHE_HOME": str(self.folder / "cache"),
                "XDG_DATA_HOME": str(self.folder / "data"),
            }
            self._start_tray()
            self._start_dunst()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> list[str]:
        """End every part, newest first; returns what was still running after that (killed)."""
        for helper in reversed(self._helpers):
            end_process(helper.process, grace_s=3.0)
        self._helpers.clear()
        leftovers = self.leftovers()
        for pid, _command in leftovers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.folder, ignore_errors=True)
        return [f"{pid} {command}" for pid, command in leftovers]

    def leftovers(self) -> list[tuple[int, str]]:
        """Live processes carrying this session's token in their environment."""
        marker = f"{TOKEN_VARIABLE}={self.token}".encode()
        found = []
        for environ in Path("/proc").glob("[0-9]*/environ"):
            try:
                if marker not in environ.read_bytes().split(b"\0"):
                    continue
                stat = (environ.parent / "stat").read_text()
                command = (environ.parent / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if stat.rsplit(")", 1)[1].split()[0] != "Z":
                found.append((int(environ.parent.name), command.decode(errors="replace").strip()))
        return found

    def x_display(self) -> XDisplay:
        return XDisplay(self.display)

    # -- the parts -------------------------------------------------------------------

    def _spawn(
        self, name: str, command: list[str], env: dict[str, str], pass_fds: tuple[int, ...] = ()
    ) -> Helper:
        log = self.logs / f"{name}.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                pass_fds=pass_fds,
                preexec_fn=_die_with_parent,  # noqa: PLW1509 - a killed test run leaves nothing
            )
        helper = Helper(name, process, log)
        self._helpers.append(helper)
        return helper

    def _start_x(self, base: dict[str, str]) -> None:
        """Xvfb on a display number it picks itself (and writes to us once it is ready)."""
        number = self._start_announcing(
            "xvfb",
            lambda fd: ["Xvfb", "-displayfd", str(fd), "-screen", "0", self.size,
                        "-nolisten", "tcp", "-noreset", "-dpi", "96"],
            {**base, TOKEN_VARIABLE: self.token},
        )  # fmt: skip
        self.display = f":{int(number)}"

    def _start_bus(self, base: dict[str, str]) -> None:
        """A session bus listening in our folder, with no service activation."""
        config = self.folder / "bus.conf"
        config.write_text(BUS_CONFIG.format(folder=self.folder))
        self.bus_address = self._start_announcing(
            "dbus-daemon",
            lambda fd: ["dbus-daemon", "--nofork", f"--config-file={config}",
                        f"--print-address={fd}"],
            {**base, TOKEN_VARIABLE: self.token},
        )  # fmt: skip

    def _start_announcing(
        self, name: str, command: Callable[[int], list[str]], env: dict[str, str]
    ) -> str:
        """Start a program that writes one line to a descriptor we give it once it is ready."""
        read_end, write_end = os.pipe()
        try:
            helper = self._spawn(name, command(write_end), env, pass_fds=(write_end,))
            os.close(write_end)
            write_end = -1
            return _read_line(read_end, helper)
        finally:
            os.close(read_end)
            if write_end >= 0:
                os.close(write_end)

    def _start_tray(self) -> None:
        with self.x_display() as x:
            # Without a window manager tint2 waits 15 s for these EWMH hints.
            x.set_root_cardinal("_NET_NUMBER_OF_DESKTOPS", 1)
            x.set_root_cardinal("_NET_CURRENT_DESKTOP", 0)
            config = self.folder / "tint2rc"
            config.write_text(TINT2_CONFIG)
            tint2 = self._spawn("tint2", ["tint2", "-c", str(config)], self._helper_env)
            wait_until(lambda: x.tray_owner() != 0, "the system tray (tint2)", tint2)

    def _start_dunst(self) -> None:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        dunst = self._spawn("dunst", self.dunst.command(), self._helper_env)
        with open_dbus_connection(bus=self.bus_address) as bus:

            def owned() -> bool:
                reply = bus.send_and_get_reply(
                    message_bus.NameHasOwner("org.freedesktop.Notifications"), timeout=5
                )
                return bool(reply.body[0])

            wait_until(owned, "dunst on org.freedesktop.Notifications", dunst)


def without_foreign_desktop(env: dict[str, str]) -> dict[str, str]:
    for name in FOREIGN_DESKTOP:
        env.pop(name, None)
    return env


def wait_until(
    condition: Callable[[], object],
    what: str,
    helper: Helper | None = None,
    timeout_s: float = START_TIMEOUT_S,
) -> None:
    """Poll ``condition`` every 20 ms; fail naming ``what`` if ``helper`` dies or time runs out."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        died = helper.died() if helper else None
        if died:
            raise DesktopError(f"{what}: {died}")
        if time.monotonic() > deadline:
            raise DesktopError(f"{what} not ready after {timeout_s:.0f} s")
        time.sleep(0.02)


def _read_line(fd: int, helper: Helper) -> str:
    """The line a starting program writes to ``fd`` once it is ready."""
    data = b""
    deadline = time.monotonic() + START_TIMEOUT_S
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            raise DesktopError(f"{helper.name} not ready after {START_TIMEOUT_S:.0f} s")
        readable, _, _ = select.select([fd], [], [], min(left, 0.1))
        if readable:
            chunk = os.read(fd, 256)
            if not chunk:
                helper.process.wait()
                raise DesktopError(helper.died() or f"{helper.name} closed its pipe")
            data += chunk
    return data.decode().strip()


def end_process(process: subprocess.Popen[Any], grace_s: float) -> None:
    """TERM, then KILL after ``grace_s``; always reaped."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(grace_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
