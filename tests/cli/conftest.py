"""Fixtures for running the CLI in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_runner import MailguardCli


@pytest.fixture
def cli(tmp_path: Path, file_keyring: Path, monkeypatch: pytest.MonkeyPatch) -> MailguardCli:
    """``mailguard --home TMP/home ...`` in-process, with a file keyring in the test's tmp dir.

    Called like ``runner.CliRunner`` (same results); it also takes ``stdin=``.
    """
    return MailguardCli(tmp_path / "home", monkeypatch)
