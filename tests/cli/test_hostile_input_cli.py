"""Whatever a user types or points mailguard at: one line on stderr and exit 2, never a hang.

Extreme dates in options, a FIFO or device as a source, a path too long for the
system, a URL with a CR LF pasted into it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.cli_runner import error_line
from tests.cli.runner import CliRunner

SAMPLE = Path(__file__).parent.parent / "samples" / "ical-all-day.ics"


@pytest.mark.parametrize(
    "options",
    [
        ["--until", "9999-12-31"],
        ["--now", "0001-01-01T00:00:00-14:00"],
        ["--from", "0001-01-01", "--until", "9999-12-31"],
        ["--now", "9999-12-31T23:59:59+00:00"],
    ],
    ids=" ".join,
)
def test_extreme_dates_in_options_are_one_line(tmp_path: Path, options: list[str]) -> None:
    result = CliRunner(tmp_path / "home")("schedule", str(SAMPLE), *options)

    assert result.exit_code == 2
    assert "out of range: mailguard reads dates from 1900 to 2999" in error_line(result)


@pytest.mark.parametrize("command", [["status"], ["status", "--json"]], ids=" ".join)
def test_extreme_now_in_the_guards_commands_is_one_line(tmp_path: Path, command: list[str]) -> None:
    result = CliRunner(tmp_path / "home")(*command, "--now", "0001-01-01T00:00:00-14:00")

    assert result.exit_code == 2
    assert "out of range" in error_line(result)


def test_the_whole_span_mailguard_reads_is_expanded_without_error(tmp_path: Path) -> None:
    calendar = SAMPLE.parent / "ical-daily-5-years.ics"
    result = CliRunner(tmp_path / "home")(
        "schedule", str(calendar), "--from", "1900-01-01", "--until", "2999-12-31", "--json"
    )

    assert result.exit_code == 0, result.err
    assert len(result.json()) == 1826


def test_a_fifo_as_source_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "wartung.ics"
    os.mkfifo(fifo)
    # A process of its own: if open() blocked, the timeout would end it, not the suite.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mailguard",
            "--home",
            str(tmp_path / "home"),
            "schedule",
            str(fifo),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert (
        result.stderr == f"mailguard: error: {fifo}: is a FIFO (named pipe), not a regular file\n"
    )


def test_a_path_too_long_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 300)

    result = CliRunner(tmp_path / "home")("schedule", str(path))

    assert result.exit_code == 2
    line = error_line(result)
    assert line.startswith(f"mailguard: error: {tmp_path}")
    assert line.endswith("x…" + "x" * 53 + ": the path is too long")  # its middle left out


def test_a_home_path_too_long_is_one_line(tmp_path: Path) -> None:
    result = CliRunner(tmp_path / ("x" * 300))("account", "list")

    assert result.exit_code == 2
    assert "File name too long" in error_line(result)


@pytest.mark.parametrize(
    "location",
    ["https://user:secret@status.invalid/feed\r\nX-Injected: 1", "/no/such\r\nfile.ics"],
    ids=["url", "path"],
)
def test_a_cr_lf_in_a_location_is_escaped_in_the_error(tmp_path: Path, location: str) -> None:
    result = CliRunner(tmp_path / "home")("schedule", location)

    assert result.exit_code == 2
    line = error_line(result)
    assert "\\r\\n" in line
    assert "secret" not in line
