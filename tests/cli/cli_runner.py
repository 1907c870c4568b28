"""The ``mailguard`` command in-process (see ``runner.py``), plus stdin and account set-up."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tests.cli.runner import CliResult, CliRunner
from tests.dovecot import Dovecot, MailUser


class MailguardCli:
    """``cli("resync", "work", "--json")`` runs ``mailguard --home HOME resync work --json``."""

    def __init__(self, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.home = home
        self._runner = CliRunner(home)
        self._monkeypatch = monkeypatch

    def __call__(self, *argv: str, stdin: str = "") -> CliResult:
        self._monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return self._runner(*argv)

    def add_account(
        self,
        server: Dovecot,
        user: MailUser,
        *extra: str,
        name: str = "work",
        password: str | None = None,
    ) -> CliResult:
        """``account add`` for a user of the test server, over implicit TLS trusting its CA."""
        return self(
            "account", "add", name,
            "--host", server.host, "--port", str(server.imaps_port), "--user", user.name,
            "--ca-file", str(server.ca_file), *extra, "--password-stdin",
            stdin=(password if password is not None else user.password) + "\n",
        )  # fmt: skip


def error_line(result: CliResult) -> str:
    """The one stderr line of a failed command (asserting there is exactly one)."""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("mailguard: error: "), result.err
    return lines[0]
