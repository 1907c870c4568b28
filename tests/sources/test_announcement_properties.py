"""No text crashes the announcement reader, and every window it returns is a real span."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.core.errors import MailguardError
from mailguard.sources.announcement import lexicon, read_announcement
from mailguard.sources.base import ParseContext, ParseResult

ZONES = [
    ZoneInfo("Europe/Berlin"),
    ZoneInfo("America/Los_Angeles"),
    ZoneInfo("Australia/Lord_Howe"),  # a half-hour daylight saving shift
    tz.gettz("Europe/London"),
    timezone(timedelta(hours=5, minutes=45)),
    UTC,
]

#: Pieces a maintenance announcement is made of, including the awkward ones.
FRAGMENTS = [
    *lexicon.MONTHS, *lexicon.WEEKDAYS, *lexicon.NUMBER_WORDS, *lexicon.KEYWORD_KINDS,
    *lexicon.ZONES, *lexicon.UNIT_MINUTES, *lexicon.GLUE_WORDS, *lexicon.KEYWORD_PHRASES,
    *lexicon.RELATIVE_DAYS, *lexicon.WEEKDAY_PLURALS, *lexicon.ORDINALS, *lexicon.COUNTER_WORDS,
    *lexicon.REPEAT_WORDS, "Stunden", "hours", "ganztägig", "all day", "noon", "Mitternacht",
    "midnight", "pm", "a.m.", "p. m.", "Uhr", "h", "22:00", "24:00", "23.45 Uhr", "0 Uhr", "10 pm",
    "12 am", "3.", "18.", "18.07.", "18.07.2011", "31.02.2026", "29.2.", "3.1.", "18.7.11",
    "2026-03-03", "2026-03-29T02:30+01:00", "9999-12-31T24:00Z", "0001-01-01", "03/04/2026",
    "13/13/2026", "2026/03/03", "1,5", "2.4.11", "+02:00", "+0200", "-05:00", "UTC+14", "GMT-12",
    "UTC+99", "(", ")", ",", ".", ":", "–", "-", "—", "&", "\n", "\n\n", "•", "verschoben",
    "abgesagt", "cancelled", "veröffentlicht", "jeweils", "Nacht", "night", "of", "3 March 2026",
    "March 3, 2026", "March 3–5, 2026", "zwei bis drei", "half an hour", "an hour and a half",
    "0", "1", "2", "12", "23", "24", "25", "31", "32", "99", "2026", "1970", "2199", "9999",
]  # fmt: skip

announcement_text = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join)
moments = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2190, 12, 31), timezones=st.just(UTC)
)


def context(zone, now: datetime, anchor: datetime | None) -> ParseContext:
    return ParseContext(
        "fuzz", zone, now, now - timedelta(days=30), now + timedelta(days=365), anchor
    )


def assert_sound(result: ParseResult) -> None:
    for window in result.windows:
        assert window.start.utcoffset() is not None
        assert window.end.utcoffset() is not None
        assert window.end > window.start
        assert all("\n" not in warning for warning in window.warnings)
    assert all("\n" not in warning for warning in result.warnings)


def read_safely(
    text: str, ctx: ParseContext, published: datetime | None = None
) -> ParseResult | None:
    try:
        return read_announcement(text, ctx, published=published, native_id="n-1")
    except MailguardError:
        return None  # the only errors allowed to escape


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.sampled_from(ZONES), moments)
def test_arbitrary_text_never_crashes_the_reader(text: str, zone, now: datetime) -> None:
    result = read_safely(text, context(zone, now, None))
    if result is not None:
        assert_sound(result)


@settings(max_examples=200, deadline=None)
@given(announcement_text, st.sampled_from(ZONES), moments, st.none() | moments)
def test_text_made_of_announcement_words_never_crashes_the_reader(
    text: str, zone, now: datetime, published: datetime | None
) -> None:
    result = read_safely(text, context(zone, now, None), published)
    if result is not None:
        assert_sound(result)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ZONES), moments, st.integers(0, 23), st.integers(0, 59), st.integers(1, 23))
def test_a_stated_range_always_gives_a_window_of_the_stated_length(
    zone, now, hour, minute, hours
) -> None:
    """Whatever the zone and date (clock changes included), "von X bis Y" lasts Y - X."""
    start_wall = datetime(2026, 1, 1, hour, minute)
    end_wall = start_wall + timedelta(hours=hours)
    text = f"Am {now.day}.{now.month}.{now.year} von {start_wall:%H:%M} bis {end_wall:%H:%M} Uhr."
    result = read_safely(text, context(zone, now, None))
    assert result is not None
    assert_sound(result)
    [window] = result.windows
    naive = window.end.replace(tzinfo=None) - window.start.replace(tzinfo=None)
    assert naive == timedelta(hours=hours) or window.warnings  # a clock change is flagged


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Leistungsfähigkeitsverbesserung " * 2000, id="long-words"),
        pytest.param("22:00 - " * 2000, id="time-after-time"),
        pytest.param("Zwischen 0 und 6 Uhr. " * 2000, id="undated-sentences"),
        pytest.param("für ca. " * 3000 + "2 Stunden", id="approximations"),
        pytest.param("am 3. März 2026 " + "wir " * 5000 + "von 22 bis 2 Uhr", id="long-gap"),
        pytest.param("1:" * 10000, id="colons"),
    ],
)
def test_long_repetitive_text_is_read_in_linear_time(text: str) -> None:
    """Regex backtracking or a sentence loop gone quadratic would take minutes here."""
    ctx = context(UTC, datetime(2026, 2, 1, tzinfo=UTC), None)
    started = time.process_time()
    assert_sound(read_announcement(text, ctx))
    assert time.process_time() - started < 3.0


def test_a_span_that_ends_where_it_starts_is_a_warning_not_a_crash() -> None:
    """Found by the property above: "Sunday to today" read on a Sunday, in Berlin."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from mailguard.sources.announcement.reader import read_announcement
    from mailguard.sources.base import ParseContext

    now = datetime(2000, 1, 1, tzinfo=UTC)
    ctx = ParseContext(
        source="x",
        zone=ZoneInfo("Europe/Berlin"),
        now=now,
        horizon_start=now - timedelta(days=400),
        horizon_end=now + timedelta(days=400),
    )
    result = read_announcement("sonntags to heute", ctx)
    assert result.windows == []
    assert any("ends where it starts" in warning for warning in result.warnings)
