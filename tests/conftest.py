"""Shared fixtures: a real Dovecot on 127.0.0.1 (see tests/dovecot.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dovecot import Dovecot, MailUser


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One running server for the whole session; each test gets its own user on it."""
    server = Dovecot()
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def fresh_dovecot() -> Iterator[Dovecot]:
    """A server of the test's own, for tests that stop, kill or reconfigure it."""
    server = Dovecot()
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def mail_user(dovecot: Dovecot) -> MailUser:
    """A fresh user on the shared server (restarted first if a test left it stopped)."""
    dovecot.start()
    return dovecot.add_user()


# -- appended for accounts and snapshots (mailguard.store, mailguard.cli) ----------


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real file keyring (keyrings.alt) inside the test's tmp dir; returns its folder.

    Chosen the way a user would, through ``PYTHON_KEYRING_BACKEND``; the file
    lands under ``XDG_DATA_HOME``, so no test touches the desktop keyring.
    """
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    return data_home / "python_keyring"
