"""The demo's own home folder: one account on the demo server, its schedule, its timing.

Never the user's real config: a fresh temporary folder (``MAILGUARD_HOME``
style), with a file keyring inside it for the throwaway password, removed on
exit unless the user keeps it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mailguard.core.account import AccountConfig, Security
from mailguard.core.schedule_source import ScheduleSource
from mailguard.demo.imap_server import DEMO_PASSWORD, DEMO_USER
from mailguard.demo.scenario import DemoTimeline
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths
from mailguard.store.secrets import PasswordVault
from mailguard.store.settings_store import SettingsStore

DEMO_ACCOUNT = "demo"
#: The keyring the demo uses: a file inside its home (keyrings.alt, in the demo extra).
FILE_KEYRING = "keyrings.alt.file.PlaintextKeyring"


def make_demo_root(keep: bool) -> Path:
    prefix = "mailguard-demo-kept-" if keep else "mailguard-demo-"
    return Path(tempfile.mkdtemp(prefix=prefix))


def use_demo_keyring(root: Path) -> None:
    """Point this process's keyring at a file in the demo home (before keyring loads)."""
    os.environ["PYTHON_KEYRING_BACKEND"] = FILE_KEYRING
    os.environ["XDG_DATA_HOME"] = str(root / "keyring")


def create_demo_home(
    root: Path, host: str, port: int, status_page_url: str, timeline: DemoTimeline
) -> AppPaths:
    paths = AppPaths.resolve(root / "home").ensure()
    source = ScheduleSource(status_page_url, kind="statuspage", zone="Europe/Berlin")
    AccountStore(paths.config_dir).add(
        AccountConfig(
            DEMO_ACCOUNT, host, DEMO_USER, Security.NONE, port, schedule_sources=(source,)
        )
    )
    PasswordVault().store(DEMO_ACCOUNT, DEMO_PASSWORD)
    SettingsStore(paths.config_dir).save(timeline.settings())
    return paths


def remove_demo_root(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
