"""``mailguard snapshot`` and ``resync`` import only what an account without sources needs.

Start-up is part of every refresh (measured against mbsync), so the HTTP stack,
the source readers and the mailbox-notice reader load only when used.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

#: Loaded on demand only: a download, a source's format, a mailbox notice.
ON_DEMAND = (
    "urllib3",
    "mailguard.net.fetcher",
    "mailguard.sources.announcement",
    "mailguard.sources.htmltext",
    "mailguard.sources.ical",
    "mailguard.sources.feed",
    "mailguard.imap.announcement_mail",
)


def loaded_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_the_refresh_wiring_loads_nothing_on_demand() -> None:
    loaded = loaded_after("import mailguard.app.refresh_wiring")

    assert loaded.isdisjoint(ON_DEMAND), sorted(loaded & set(ON_DEMAND))


@pytest.mark.parametrize("command", ["snapshot", "resync", "messages", "report"])
def test_help_loads_neither_the_imap_engine_nor_the_keyring(command: str) -> None:
    loaded = loaded_after(
        f"import mailguard.cli.main as m\nm.build_parser([{command!r}]).format_help()"
    )

    assert loaded.isdisjoint({"mailguard.app.refresh_wiring", "imapclient", "keyring"})


def test_the_window_commands_load_neither_the_imap_engine_nor_the_keyring() -> None:
    loaded = loaded_after("import mailguard.cli.window_command, mailguard.cli.source_command")

    assert loaded.isdisjoint({"mailguard.app.refresh_wiring", "imapclient", "keyring"})
