"""The report's text from its stored JSON: reports stored by older versions read the same way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mailguard.cli.report_text import render_report, report_line

MADE = datetime(2026, 3, 11, 1, 30, tzinfo=UTC)
ARRIVED = datetime(2026, 3, 10, 21, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
NO_FOLDERS = {"added": [], "removed": [], "renamed": [], "uidvalidity_changed": []}
WINDOW = {
    "start": "2026-03-10T21:00:00+00:00",
    "end": "2026-03-11T01:00:00+00:00",
    "title": "Storage upgrade",
}


def stored_report(**fields: Any) -> dict[str, Any]:
    """A report as stored before ``shown_date`` and ``preliminary`` existed."""
    report = {
        "id": 3,
        "kind": "resync",
        "account": "work",
        "created_at": MADE.isoformat(),
        "full": False,
        "baseline": {"taken_at": "2026-03-10T20:00:00+00:00"},
        "window": None,
        "backfilled": [],
        "new": [],
        "missing": [],
        "moved": [],
        "flags_changed": [],
        "folders": NO_FOLDERS,
        "sent_during_window": [],
        "copies": {"added": [], "removed": []},
        "summary": {"backfilled": 0, "new": 0, "missing": 0},
    }
    return report | fields


def old_entry(date: datetime | None) -> dict[str, Any]:
    return {
        "folder": "INBOX",
        "uid": 7,
        "message_id": "<7@x>",
        "subject": "Order",
        "from": "shop@x",
        "date": date.isoformat() if date else None,
        "internaldate": ARRIVED.isoformat(),
    }


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        (None, "2026-03-10 22:00 CET"),  # no Date header: the arrival
        (ARRIVED - timedelta(hours=1), "2026-03-10 21:00 CET"),  # written earlier: the Date
        (ARRIVED + timedelta(seconds=80), "2026-03-10 22:00 CET"),  # 80 s in the future: ignored
        (MADE + timedelta(days=1), "2026-03-10 22:00 CET"),  # after the report was made
    ],
)
def test_a_report_stored_without_shown_date_is_dated_by_the_same_rule(
    date: datetime | None, shown: str
) -> None:
    report = stored_report(new=[old_entry(date)], summary={"new": 1})

    lines = render_report(report, BERLIN)

    assert f"  INBOX #7  {shown}  shop@x  'Order'" in lines


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        (
            {},
            "#3  2026-03-11 02:30 CET  resync, incremental  no window  nothing changed",
        ),
        (
            {"kind": "backfill", "window": WINDOW, "summary": {"backfilled": 2, "new": 0}},
            "#3  2026-03-11 02:30 CET  late mail (backfill watch)  after 'Storage upgrade' "
            "(2026-03-10 22:00–2026-03-11 02:00 CET)  2 backfilled",
        ),
        (
            {"full": True, "summary": {"flags_changed": 1, "folders_renamed": 2}},
            "#3  2026-03-11 02:30 CET  resync, full  no window  1 flags changed, 2 folders renamed",
        ),
        (
            {"window": WINDOW, "preliminary": True, "summary": {"missing": 1}},
            "#3  2026-03-11 02:30 CET  resync, incremental  after 'Storage upgrade' "
            "(2026-03-10 22:00–2026-03-11 02:00 CET)  PRELIMINARY  1 missing",
        ),
    ],
)
def test_the_list_line_names_number_time_kind_window_and_counts(
    fields: dict[str, Any], line: str
) -> None:
    assert report_line(stored_report(**fields), BERLIN) == line


def test_missing_mail_without_a_message_id_says_to_search_by_subject() -> None:
    entry = old_entry(None) | {"message_id": None}
    lines = render_report(stored_report(missing=[entry]), BERLIN)

    assert (
        "  INBOX #7  2026-03-10 22:00 CET  shop@x  'Order'  — no Message-ID (search by subject)"
        in lines
    )
    assert "  What you can do:" in lines


def test_a_report_where_nothing_changed_says_so_under_its_window() -> None:
    lines = render_report(stored_report(window=WINDOW), BERLIN)

    assert lines[1:] == [
        "  maintenance window 2026-03-10 22:00–2026-03-11 02:00 CET: Storage upgrade",
        "  nothing changed since the snapshot",
    ]
