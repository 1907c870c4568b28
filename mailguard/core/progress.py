"""How far a read of the mailbox has come, for a progress display."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadProgress:
    """Folders read so far (of how many, once the folder list is in) and their messages."""

    folders_done: int = 0
    folders_total: int | None = None
    messages: int = 0
