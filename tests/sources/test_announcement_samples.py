"""Real and realistic announcements, read whole through the text source."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailguard.core.model import Confidence
from mailguard.sources import text
from mailguard.sources.base import ParseContext
from tests.sources.contexts import ANNOUNCEMENT_DAYS_AHEAD, parse_context

SAMPLES = Path(__file__).parent.parent / "samples"
BERLIN = ZoneInfo("Europe/Berlin")


def context(now: datetime) -> ParseContext:
    return parse_context("provider-blog", BERLIN, now, days_ahead=ANNOUNCEMENT_DAYS_AHEAD)


def read_sample(name: str, now: datetime = datetime(2026, 2, 1, tzinfo=BERLIN)):
    return text.parse((SAMPLES / name).read_bytes(), context(now))


def test_the_real_2011_blog_post_names_exactly_one_window() -> None:
    result = read_sample(
        "announcement-de-mailserver-2011-07-18.txt", datetime(2011, 7, 15, 20, 0, tzinfo=BERLIN)
    )
    [window] = result.windows
    assert window.start.isoformat() == "2011-07-18T23:45:00+02:00"
    assert window.end.isoformat() == "2011-07-19T02:30:00+02:00"
    assert window.title == "Planmäßiges Wartungsfenster E-Mail-Server 18.07.2011 ab 23:45 Uhr"
    assert (window.end_estimated, window.confidence, window.warnings) == (
        False,
        Confidence.HIGH,
        (),
    )
    assert "in der Nacht vom 18.07.2011 zum 19.07.2011" in window.description
    assert result.warnings == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param(
            "announcement-en-mail-provider-2026-03.txt",
            [
                ("2026-03-10T22:00:00+01:00", "2026-03-11T02:00:00+01:00"),
                ("2026-03-12T23:00:00+01:00", "2026-03-13T03:00:00+01:00"),
            ],
            id="english-mail",
        ),
        pytest.param(
            "announcement-de-hoster-wartung-2026-03.html",
            [
                ("2026-03-28T22:00:00+01:00", "2026-03-29T04:00:00+02:00"),
                ("2026-04-04T23:00:00+02:00", "2026-04-05T03:00:00+02:00"),
            ],
            id="german-html-blog",
        ),
        pytest.param(
            "announcement-de-mail-umgebrochen-2026-03.txt",
            [
                ("2026-03-03T22:00:00+01:00", "2026-03-04T01:00:00+01:00"),
                ("2026-03-10T22:00:00+01:00", "2026-03-10T23:30:00+01:00"),
            ],
            id="german-wrapped-mail",
        ),
    ],
)
def test_realistic_announcements_give_their_windows_and_nothing_else(name, expected) -> None:
    result = read_sample(name)
    assert [(w.start.isoformat(), w.end.isoformat()) for w in result.windows] == expected
    echoed = [f"{warning}" for w in result.windows for warning in w.warnings]
    assert [w.split("': ", 1)[1] for w in result.warnings] == echoed  # nothing skipped


def test_a_mail_subject_line_becomes_the_title_without_its_label() -> None:
    windows = read_sample("announcement-en-mail-provider-2026-03.txt").windows
    assert {w.title for w in windows} == {"Scheduled maintenance: IMAP and webmail, March 2026"}


def test_a_bulleted_window_is_described_by_its_line_without_the_bullet() -> None:
    first = read_sample("announcement-en-mail-provider-2026-03.txt").windows[0]
    assert (
        first.description
        == "Tuesday, March 10, 2026, 10:00 pm to Wednesday, March 11, 2026, 2:00 am CET"
    )
