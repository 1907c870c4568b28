"""dunst, the notification daemon of the test desktop, and how a test talks to it.

dunst owns ``org.freedesktop.Notifications`` on the private bus; what it
accepted shows in ``dunstctl count`` and ``dunstctl history``. Its context
menu (``dunstctl context``) lists every action of the notifications on screen
as ``#Label (Summary) [id,action-key]`` lines and hands them to the program
named ``dmenu``; here that is a small script that prints the line a test asked
for, so dunst invokes that action for real and sends ``ActionInvoked``.
"""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

#: Prints the context-menu line holding the text in the choice file; leaves the menu behind.
PICKER = """#!/bin/sh
# $1: the file holding the text of the line to pick; $2: where to leave the menu, last
menu=$(cat)
wanted=$(cat "$1")
[ -n "$wanted" ] && printf '%s\\n' "$menu" | grep -F -e "$wanted" | head -n 1
printf '%s\\n' "$menu" >"$2.part" && mv "$2.part" "$2"
exit 0
"""

CONFIG = """[global]
    monitor = 0
    follow = none
    origin = top-right
    offset = 10x10
    notification_limit = 0
    # Xvfb never sees input: any idle threshold would freeze the timeouts
    idle_threshold = 0
    show_age_threshold = -1
    font = DejaVu Sans 10
    format = "<b>%s</b>\\n%b"
    history_length = 100
    sticky_history = yes
    dmenu = {picker} {choice} {menu}
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
"""


@dataclass(frozen=True, slots=True)
class Shown:
    """A notification as dunst keeps it."""

    id: int
    app_name: str
    summary: str
    body: str


class Dunst:
    """The daemon's config and controls; ``start`` gives the command line to run it."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self._folder = folder
        self._env = env
        self.picker = folder / "pick-action"
        self.choice_file = folder / "wanted-action"
        self.menu_file = folder / "context-menu"
        self.config_file = folder / "dunstrc"

    def command(self) -> list[str]:
        """Write the config and the picker; the command line that runs dunst with them."""
        self.picker.write_text(PICKER)
        self.picker.chmod(0o755)
        self.choice_file.write_text("")
        self.config_file.write_text(
            CONFIG.format(picker=self.picker, choice=self.choice_file, menu=self.menu_file)
        )
        return ["dunst", "-conf", str(self.config_file)]

    def count(self, which: str = "displayed") -> int:
        """``dunstctl count displayed|history|waiting``."""
        return int(self._ctl("count", which).strip())

    def history(self) -> list[Shown]:
        """Notifications dunst closed (newest first): what it accepted and showed."""
        data = json.loads(self._ctl("history"))["data"][0]
        return [
            Shown(
                id=int(entry["id"]["data"]),
                app_name=entry["appname"]["data"],
                summary=entry["summary"]["data"],
                body=entry["body"]["data"],
            )
            for entry in data
        ]

    def close_all(self) -> None:
        """Close what is on screen: it moves to the history."""
        self._ctl("close-all")

    def menu(self) -> str:
        """dunst's context menu now: a line per action of every notification on screen."""
        return self._context("", timeout_s=3.0)

    def invoke(self, label: str, summary: str) -> str:
        """Choose action ``label`` of the notification whose title starts with ``summary``.

        dunst invokes it (``ActionInvoked`` on the bus) and closes the notification.
        Returns the menu dunst offered.
        """
        return self._context(f"#{label} ({summary}")

    def _context(self, choice: str, timeout_s: float = 10.0) -> str:
        """Open the context menu; the picker prints the line holding ``choice`` (none if "")."""
        self.choice_file.write_text(choice)
        self.menu_file.unlink(missing_ok=True)
        self._ctl("context")
        deadline = time.monotonic() + timeout_s  # dunst runs the menu in the background
        while not self.menu_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError(f"dunst did not open its context menu in {timeout_s:.0f} s")
            time.sleep(0.02)
        return self.menu_file.read_text()

    def _ctl(self, *args: str) -> str:
        result = subprocess.run(
            ["dunstctl", *args],
            env=self._env,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"dunstctl {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout
