"""The tray app offscreen, over a private home, a file keyring and (where needed) Dovecot.

``QT_QPA_PLATFORM=offscreen`` is set before Qt starts: these tests need no
display. The real-desktop tests (tests/desktop) bring up their own X session.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mailguard.store.paths import AppPaths


@pytest.fixture
def home(tmp_path: Path, file_keyring: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "home").ensure()


@pytest.fixture
def tray_app(qapp: object, home: AppPaths) -> Iterator[object]:
    """A started TrayApp (its guard ticking every hour: tests tick it by hand)."""
    from mailguard.ui.app import TrayApp, TrayOptions

    app = TrayApp(qapp, home, TrayOptions(tick_interval_ms=3_600_000))  # type: ignore[arg-type]
    app.start()
    yield app
    app.shutdown()
