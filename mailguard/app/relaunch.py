"""How to start mailguard again as a process of its own (the demo's server, "Try the demo")."""

from __future__ import annotations

import sys


def mailguard_command() -> list[str]:
    """The frozen bundle itself, or this Python running ``-m mailguard``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "mailguard"]
