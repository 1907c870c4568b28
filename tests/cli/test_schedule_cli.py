"""`mailguard schedule`: the contract scripts rely on (flags, JSON fields, exit codes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.runner import CliRunner

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ANNOUNCEMENT = SAMPLES / "announcement-de-mailserver-2011-07-18.txt"


def write(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_the_shared_sample_reads_as_one_window_in_berlin_summer_time(cli: CliRunner) -> None:
    result = cli(
        "schedule", str(ANNOUNCEMENT), "--tz", "Europe/Berlin",
        "--from", "2011-07-01", "--until", "2011-07-31", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.err
    (window,) = result.json()
    assert window["start"] == "2011-07-18T23:45:00+02:00"
    assert window["end"] == "2011-07-19T02:30:00+02:00"
    assert window["status"] == "completed"  # it is long over
    assert window["source"] == str(ANNOUNCEMENT)
    assert window["id"].startswith("mw-")
    assert window["title"].startswith("Planmäßiges Wartungsfenster")


def test_without_tz_the_computers_zone_is_a_guess_and_says_so(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seed notice read on a machine set to UTC: two hours off, so never high."""
    monkeypatch.setenv("TZ", "UTC")
    result = cli(
        "schedule", str(ANNOUNCEMENT), "--from", "2011-07-01", "--until", "2011-07-31", "--json"
    )  # fmt: skip
    (window,) = result.json()
    assert (window["start"], window["confidence"]) == ("2011-07-18T23:45:00+00:00", "medium")
    assert window["warnings"] == ["time zone not stated; read in this computer's zone (UTC)"]
    assert "time zone not stated" in result.err


def test_json_output_is_only_json_and_warnings_go_to_stderr(cli: CliRunner, tmp_path: Path) -> None:
    text = write(tmp_path, "note.txt", "Wartung am 18.07. von 23:45 bis 02:30 Uhr.")
    result = cli(
        "schedule", text, "--tz", "Europe/Berlin", "--now", "2011-07-10T12:00",
        "--from", "2011-07-01", "--until", "2011-08-01", "--json",
    )  # fmt: skip
    assert result.exit_code == 0
    windows = json.loads(result.out)  # nothing but JSON on stdout
    assert windows[0]["start"] == "2011-07-18T23:45:00+02:00"
    assert windows[0]["confidence"] != "high"
    assert "year" in result.err


def test_windows_are_listed_soonest_first_across_sources(cli: CliRunner, tmp_path: Path) -> None:
    later = write(tmp_path, "later.txt", "Maintenance window 2026-03-10 22:00–23:00 UTC.")
    sooner = write(tmp_path, "sooner.txt", "Maintenance window 2026-03-03 22:00–23:00 UTC.")
    result = cli(
        "schedule", later, sooner, "--from", "2026-03-01", "--until", "2026-03-31", "--json"
    )
    assert [w["start"][:10] for w in result.json()] == ["2026-03-03", "2026-03-10"]


def test_from_and_until_select_overlapping_windows_until_inclusive(
    cli: CliRunner, tmp_path: Path
) -> None:
    text = write(
        tmp_path,
        "two.txt",
        "Maintenance window 2026-03-03 22:00–23:00 UTC.\n\n"
        "Maintenance window 2026-03-05 10:00–11:00 UTC.\n",
    )
    result = cli("schedule", text, "--tz", "UTC", "--from", "2026-03-04", "--until", "2026-03-05")
    assert result.exit_code == 0
    assert "2026-03-05 10:00" in result.out
    assert "2026-03-03" not in result.out


def test_the_default_span_hides_last_months_window(cli: CliRunner, tmp_path: Path) -> None:
    past = datetime.now(UTC) - timedelta(days=40)
    text = write(tmp_path, "past.txt", f"Maintenance window {past:%Y-%m-%d} 22:00–23:00 UTC.")
    result = cli("schedule", text, "--json")
    assert result.exit_code == 0
    assert result.json() == []


def test_a_source_without_windows_gives_an_empty_result_and_exit_0(
    cli: CliRunner, tmp_path: Path
) -> None:
    text = write(tmp_path, "news.txt", "Our new webmail has a dark mode. Enjoy!")
    result = cli("schedule", text, "--json")
    assert (result.exit_code, result.json()) == (0, [])


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("broken.json", '{"page": {"id": "x"}, "scheduled_maintenances": [', "auto"),
        ("broken.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:garbage\n", "ical"),
        ("broken.xml", "<rss><channel><item><title>x</title></channel>", "feed"),
    ],
)
def test_a_malformed_source_is_one_line_on_stderr_and_exit_2(
    cli: CliRunner, tmp_path: Path, name: str, content: str, kind: str
) -> None:
    path = write(tmp_path, name, content)
    result = cli("schedule", path, "--kind", kind, "--json")
    assert result.exit_code == 2
    error_lines = [line for line in result.err.splitlines() if "error" in line]
    assert len(error_lines) == 1
    assert name in error_lines[0]
    assert "Traceback" not in result.err


def test_one_bad_source_does_not_hide_the_good_ones(cli: CliRunner, tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "Maintenance window 2026-03-03 22:00–23:00 UTC.")
    result = cli(
        "schedule", good, str(tmp_path / "missing.ics"),
        "--from", "2026-03-01", "--until", "2026-03-31", "--json",
    )  # fmt: skip
    assert result.exit_code == 2
    assert len(result.json()) == 1
    assert "missing.ics" in result.err


def test_an_unknown_zone_is_a_one_line_usage_error(cli: CliRunner, tmp_path: Path) -> None:
    text = write(tmp_path, "x.txt", "nothing")
    result = cli("schedule", text, "--tz", "Mars/Olympus")
    assert result.exit_code == 2
    assert result.err.count("\n") == 1
    assert "Mars/Olympus" in result.err


def test_kind_forces_the_reader(cli: CliRunner, tmp_path: Path) -> None:
    # Valid JSON read as text is just text: no window, no error.
    path = write(tmp_path, "x.json", '{"note": "2026-03-03 22:00-23:00 UTC maintenance"}')
    assert cli("schedule", path, "--json").exit_code == 2  # JSON of no known format
    forced = cli(
        "schedule", path, "--kind", "text", "--from", "2026-03-01", "--until", "2026-03-31",
        "--json",
    )  # fmt: skip
    assert forced.exit_code == 0
    assert len(forced.json()) == 1


def test_an_unreachable_url_fails_cleanly_as_a_real_process(tmp_path: Path) -> None:
    """The whole program, not just main(): no traceback reaches the terminal."""
    env = {**os.environ, "MAILGUARD_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-m", "mailguard", "schedule", "http://127.0.0.1:9/status.json"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "127.0.0.1:9" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
