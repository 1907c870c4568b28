"""What the announcement reader assumes, warns about, merges and marks, beyond the spans."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz

from mailguard.core.model import UNSTATED_END_ASSUMPTION, Confidence, WindowStatus
from mailguard.sources.announcement import read_announcement
from mailguard.sources.base import ParseContext, ParseResult
from tests.sources.contexts import ANNOUNCEMENT_DAYS_AHEAD, parse_context

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 2, 1, 12, 0, tzinfo=BERLIN)


def context(*, now: datetime = NOW, anchor: datetime | None = None, zone=BERLIN) -> ParseContext:
    return parse_context(
        "provider-blog", zone, now, days_ahead=ANNOUNCEMENT_DAYS_AHEAD, anchor=anchor
    )


def read(text: str, **kwargs) -> ParseResult:
    ctx = kwargs.pop("ctx", None) or context()
    return read_announcement(text, ctx, **kwargs)


def only(result: ParseResult):
    assert len(result.windows) == 1, result.windows
    return result.windows[0]


# --- the year, when the text leaves it out ---------------------------------------------------


@pytest.mark.parametrize(
    ("published", "text", "expected_start"),
    [
        pytest.param(
            datetime(2026, 12, 20, tzinfo=BERLIN),
            "am 3.1. von 1 bis 3 Uhr",
            "2027-01-03T01:00:00+01:00",
            id="next-january",
        ),
        pytest.param(
            datetime(2026, 3, 10, tzinfo=BERLIN),
            "am 3.3. von 1 bis 3 Uhr",
            "2026-03-03T01:00:00+01:00",
            id="a-week-ago-same-year",
        ),
        pytest.param(
            datetime(2026, 3, 30, tzinfo=BERLIN),
            "am 3.3. von 1 bis 3 Uhr",
            "2027-03-03T01:00:00+01:00",
            id="weeks-ago-next-year",
        ),
        pytest.param(
            datetime(2026, 1, 5, tzinfo=BERLIN),
            "on December 30 from 1 am to 3 am",
            "2025-12-30T01:00:00+01:00",
            id="days-ago-still-this-past",
        ),
        pytest.param(
            datetime(2026, 1, 5, tzinfo=BERLIN),
            "on June 30 from 1 am to 3 am",
            "2026-06-30T01:00:00+02:00",
            id="later-this-year",
        ),
        pytest.param(
            datetime(2026, 1, 5, tzinfo=BERLIN),
            "am 29.2. von 1 bis 3 Uhr",
            "2028-02-29T01:00:00+01:00",
            id="leap-day",
        ),
    ],
)
def test_a_date_without_year_is_read_nearest_to_publication(
    published, text, expected_start
) -> None:
    window = only(read(text, published=published))
    assert window.start.isoformat() == expected_start
    assert window.confidence is Confidence.MEDIUM
    assert f"year not stated; read as {expected_start[:4]}" in window.warnings


def test_without_publication_date_the_context_anchor_then_now_decide_the_year() -> None:
    text = "am 3.1. von 1 bis 3 Uhr"
    anchored = only(read(text, ctx=context(anchor=datetime(2030, 12, 1, tzinfo=BERLIN))))
    unanchored = only(read(text, ctx=context(now=datetime(2031, 12, 1, tzinfo=BERLIN))))
    assert (anchored.start.year, unanchored.start.year) == (2031, 2032)


def test_a_stated_year_is_read_as_stated_with_high_confidence() -> None:
    window = only(
        read("am 3. März 2026 von 22 bis 2 Uhr", published=datetime(2030, 1, 1, tzinfo=UTC))
    )
    assert (window.start.year, window.confidence, window.warnings) == (2026, Confidence.HIGH, ())


# --- the date, when the text leaves it out ---------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(
            datetime(2026, 2, 1, 3, 0, tzinfo=BERLIN),
            ("2026-02-01T00:00:00+01:00", "2026-02-01T06:00:00+01:00"),
            id="still-running-today",
        ),
        pytest.param(
            datetime(2026, 2, 1, 12, 0, tzinfo=BERLIN),
            ("2026-02-02T00:00:00+01:00", "2026-02-02T06:00:00+01:00"),
            id="already-over-so-tomorrow",
        ),
    ],
)
def test_a_time_range_with_no_date_anywhere_is_on_the_anchor_day(now, expected) -> None:
    window = only(read("zwischen 0 und 6 Uhr", ctx=context(now=now)))
    assert (window.start.isoformat(), window.end.isoformat()) == expected
    assert window.confidence is Confidence.LOW
    assert f"no date stated; assumed {expected[0][:10]}" in window.warnings


def test_a_time_range_takes_the_date_of_the_sentence_before() -> None:
    text = (
        "Am 5. Mai 2026 führen wir Wartungsarbeiten durch. "
        "Zwischen 0 und 6 Uhr sind die Postfächer nicht erreichbar."
    )
    window = only(read(text))
    assert window.start.isoformat() == "2026-05-05T00:00:00+02:00"
    assert window.confidence is Confidence.MEDIUM
    assert any("taken from the text before it" in w for w in window.warnings)


def test_times_without_a_date_in_a_text_that_dates_its_windows_are_not_windows() -> None:
    text = (
        "Maintenance on March 10, 2026 from 10 pm to 2 am CET.\n\n"
        "Our hotline is open Mon-Fri, 8 am-6 pm. Reach us on March 2, 2026 or later."
    )
    assert [w.start.isoformat() for w in read(text).windows] == ["2026-03-10T22:00:00+01:00"]


def test_a_later_range_earlier_on_the_clock_runs_past_midnight_and_says_so() -> None:
    text = "Wartung am 03.03.2026 von 22:00 bis 22:30 Uhr und von 01:00 bis 01:30 Uhr (UTC)."
    first, second = read(text).windows
    assert (first.confidence, second.confidence) == (Confidence.HIGH, Confidence.MEDIUM)
    assert second.start.isoformat() == "2026-03-04T01:00:00+00:00"
    assert second.warnings == (
        "no date of its own; read as 2026-03-04, the night after 2026-03-03: written after "
        "22:00–22:30 on that date, it is taken to run on past midnight",
    )


def test_times_dated_by_yesterday_are_a_report_said_so_not_a_window() -> None:
    text = (
        "Nach dem gestrigen Ausfall (14:00 bis 15:30 Uhr) tauschen wir am 03.03.2026 "
        "von 22:00 bis 23:00 Uhr den Controller."
    )
    result = read(text)
    assert [w.start.isoformat() for w in result.windows] == ["2026-03-03T22:00:00+01:00"]
    assert result.warnings == [
        "'14:00 bis 15:30 Uhr': a report of what happened before (yesterday, last night); "
        "not read as a window"
    ]


def test_a_window_over_before_publication_beside_a_later_one_is_a_reference_said_so() -> None:
    text = (
        "Nachtrag zur Wartung vom 10.02.2026 (22:00–23:00 Uhr): Die Arbeiten werden "
        "am 17.02.2026 zwischen 22:00 und 23:30 Uhr fortgesetzt."
    )
    result = read(text, published=datetime(2026, 2, 12, 9, 0, tzinfo=BERLIN))
    assert [w.start.isoformat() for w in result.windows] == ["2026-02-17T22:00:00+01:00"]
    assert result.warnings == [
        "'10.02.2026 22:00 – 23:00 Uhr': over before the text was published (2026-02-12); "
        "read as a reference to an earlier window, not as one"
    ]


def test_a_window_over_before_publication_is_kept_when_it_is_all_the_text_names() -> None:
    text = "Die Wartung am 10.02.2026 von 22:00 bis 23:00 Uhr verlief planmäßig."
    result = read(text, published=datetime(2026, 2, 12, 9, 0, tzinfo=BERLIN))
    assert [w.start.isoformat() for w in result.windows] == ["2026-02-10T22:00:00+01:00"]


# --- the end, when the text leaves it out ----------------------------------------------------


def test_each_assumption_is_also_a_result_warning_naming_its_phrase() -> None:
    result = read("Wartung am 18.07. von 23:45 bis 02:30 Uhr.")
    assert result.warnings == ["'18.07. von 23:45 bis 02:30 Uhr': year not stated; read as 2026"]


def test_a_window_read_as_stated_adds_no_result_warning() -> None:
    assert read("Wartung am 18.07.2011 von 23:45 bis 02:30 Uhr.").warnings == []


def test_a_duration_gives_an_estimated_end_from_the_longer_figure() -> None:
    window = only(read("am 3. März 2026 ab 22 Uhr für ca. zwei bis drei Stunden"))
    assert window.duration == timedelta(hours=3)
    assert window.end_estimated
    assert window.confidence is Confidence.MEDIUM
    assert window.warnings == (
        "end not stated; estimated from 'für ca. zwei bis drei Stunden' (the longer duration)",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Wartung am 18.07.2011 ab 23:45 Uhr",
        "maintenance starts on March 3, 2026 at 22:00",
        "ab 23:45 Uhr am 18.07.2011",
    ],
)
def test_a_start_alone_assumes_the_standard_length(text: str) -> None:
    window = only(read(text))
    assert window.duration == UNSTATED_END_ASSUMPTION
    assert (window.end_estimated, window.confidence) == (True, Confidence.LOW)
    assert window.warnings == ("end not stated; assumed 4 hours",)


def test_a_start_repeated_from_a_complete_window_is_the_same_window() -> None:
    text = (
        "Wartung E-Mail-Server 18.07.2011 ab 23:45 Uhr\n\n"
        "Wir arbeiten in der Nacht vom 18.07.2011 zum 19.07.2011 (23:45 Uhr – 02:30 Uhr)."
    )
    window = only(read(text))
    assert (window.end.isoformat(), window.end_estimated) == ("2011-07-19T02:30:00+02:00", False)


def test_a_start_with_its_own_time_stays_beside_a_complete_window() -> None:
    text = "Am 3. März 2026 ab 20 Uhr Vorbereitung.\n\nWartung am 3. März 2026 von 22 bis 2 Uhr."
    assert [w.start.hour for w in read(text).windows] == [20, 22]


def test_the_same_window_named_twice_is_one_window() -> None:
    text = (
        "Wartung am 3. März 2026 von 22 bis 2 Uhr.\n\n"
        "Zur Erinnerung: am 3. März 2026 von 22:00 bis 02:00 Uhr."
    )
    assert len(read(text).windows) == 1


# --- ambiguity, zones and clock changes ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_day", "order"),
    [
        pytest.param(
            "Maintenance on 03/04/2026 from 10 pm to 11 pm",
            "2026-03-04",
            "month first",
            id="english",
        ),
        pytest.param(
            "Wartung am 03/04/2026 von 22 bis 23 Uhr", "2026-04-03", "day first", id="german"
        ),
    ],
)
def test_a_slash_date_is_read_by_the_texts_language_and_flagged(text, expected_day, order) -> None:
    window = only(read(text))
    assert window.start.date().isoformat() == expected_day
    assert window.confidence is Confidence.MEDIUM
    assert len(window.warnings) == 1
    assert "'03/04/2026' is ambiguous" in window.warnings[0]
    assert order in window.warnings[0]


def test_times_without_a_zone_use_a_dateutil_context_zone_too() -> None:
    window = only(
        read("am 3. Juli 2026 von 22 bis 23 Uhr", ctx=context(zone=tz.gettz("Europe/Berlin")))
    )
    assert window.start.utcoffset() == timedelta(hours=2)
    assert window.start.astimezone(UTC).isoformat() == "2026-07-03T20:00:00+00:00"


def test_winter_time_named_in_summer_is_read_as_written_and_flagged() -> None:
    window = only(read("on July 1, 2026 from 22:00 to 23:00 CET"))
    assert window.start.isoformat() == "2026-07-01T22:00:00+01:00"
    assert window.warnings == (
        "CET stated, but Europe/Berlin is on summer time on 2026-07-01; read as +01:00 as written",
    )


def test_a_time_skipped_by_the_clock_change_moves_on_and_is_flagged() -> None:
    window = only(read("am 29. März 2026 von 02:30 bis 05:00 Uhr"))
    assert window.start.isoformat() == "2026-03-29T03:30:00+02:00"
    assert window.confidence is Confidence.MEDIUM
    assert "02:30 does not exist on 2026-03-29 (clocks change); read as 03:30" in window.warnings


def test_an_end_in_the_repeated_autumn_hour_is_the_later_one() -> None:
    window = only(read("am 25. Oktober 2026 von 01:00 bis 02:30 Uhr"))
    assert window.end.isoformat() == "2026-10-25T02:30:00+01:00"
    assert window.duration == timedelta(hours=2, minutes=30)


def test_a_range_of_days_with_times_is_a_window_each_day_and_says_so() -> None:
    windows = read("vom 3. bis 5. März 2026 von 8 bis 17 Uhr").windows
    assert [w.start.isoformat() for w in windows] == [
        "2026-03-03T08:00:00+01:00",
        "2026-03-04T08:00:00+01:00",
        "2026-03-05T08:00:00+01:00",
    ]
    assert all(w.confidence is Confidence.MEDIUM for w in windows)
    assert windows[0].warnings == ("read as a window on each day from 2026-03-03 to 2026-03-05",)


def test_an_impossible_date_is_skipped_with_a_warning() -> None:
    result = read("Wartung am 31.02.2026 von 22 bis 23 Uhr")
    assert result.windows == []
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("skipped '31.02.2026")
    assert "not a calendar date" in result.warnings[0]


# --- status ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Wartung am 3. März 2026 von 22 bis 2 Uhr entfällt.",
        "Die Wartung am 3. März 2026 von 22 bis 2 Uhr wurde abgesagt.",
        "The maintenance on March 3, 2026 from 10 pm to 2 am has been cancelled.",
    ],
)
def test_a_cancelled_window_is_marked_cancelled(text: str) -> None:
    assert only(read(text)).status is WindowStatus.CANCELLED


def test_a_cancelling_title_cancels_the_window() -> None:
    window = only(
        read("Wartung am 3. März 2026 von 22 bis 2 Uhr.", title="Abgesagt: Wartung Mailserver")
    )
    assert window.status is WindowStatus.CANCELLED


def test_a_plain_announcement_states_no_status() -> None:
    assert only(read("Wartung am 3. März 2026 von 22 bis 2 Uhr.")).status is None


@pytest.mark.parametrize(
    "text",
    [
        "Die Wartung wird vom 3. März 2026, 22–2 Uhr, auf den 10. März 2026, 22–2 Uhr verschoben.",
        "The maintenance on March 3, 2026 from 22:00 to 02:00 has been moved to"
        " March 10, 2026, 22:00 to 02:00.",
    ],
)
def test_a_postponed_window_is_cancelled_and_its_replacement_kept(text: str) -> None:
    windows = read(text).windows
    assert [(w.start.day, w.status) for w in windows] == [(3, WindowStatus.CANCELLED), (10, None)]


def test_a_window_named_only_as_the_new_date_stays_scheduled() -> None:
    window = only(read("Die Wartung wird auf den 10. März 2026 von 22 bis 2 Uhr verschoben."))
    assert (window.start.day, window.status) == (10, None)


# --- what each window carries ----------------------------------------------------------------


def test_windows_carry_the_callers_fields() -> None:
    updated = datetime(2026, 2, 20, 9, 0, tzinfo=UTC)
    window = only(
        read(
            "Wartung am 3. März 2026 von 22 bis 2 Uhr.",
            title="Wartung Mailserver",
            native_id="entry-17",
            url="https://status.example.net/17",
            kind="feed",
            updated_at=updated,
        )
    )
    assert (window.title, window.source, window.source_kind) == (
        "Wartung Mailserver",
        "provider-blog",
        "feed",
    )
    assert (window.native_id, window.url, window.updated_at) == (
        "entry-17",
        "https://status.example.net/17",
        updated,
    )


def test_several_windows_from_one_entry_get_numbered_ids() -> None:
    text = "• 3. März 2026, 22–2 Uhr\n• 10. März 2026, 22–2 Uhr"
    assert [w.native_id for w in read(text, native_id="entry-17").windows] == [
        "entry-17#1",
        "entry-17#2",
    ]


def test_without_a_title_the_first_line_is_the_title_trimmed() -> None:
    first_line = "Wartung " + "sehr " * 40 + "lang"
    window = only(read(f"{first_line}\n\nAm 3. März 2026 von 22 bis 2 Uhr."))
    assert window.title.startswith("Wartung sehr sehr")
    assert len(window.title) <= 100
    assert window.title.endswith("…")


def test_a_text_opening_with_one_of_several_windows_titles_each_by_its_own_line() -> None:
    text = (
        "Maintenance window 2026-03-03 22:00–23:00 UTC.\n\n"
        "Maintenance window 2026-03-05 10:00–11:00 UTC."
    )
    assert [w.title for w in read(text).windows] == [
        "Maintenance window 2026-03-03 22:00–23:00 UTC.",
        "Maintenance window 2026-03-05 10:00–11:00 UTC.",
    ]


def test_the_description_is_the_sentence_the_window_was_found_in() -> None:
    text = "Liebe Kunden. Am 3. März 2026 von 22 bis 2 Uhr warten wir die Server. Danke!"
    assert only(read(text)).description == "Am 3. März 2026 von 22 bis 2 Uhr warten wir die Server."


def test_a_title_that_names_the_window_is_read_when_the_body_does_not() -> None:
    window = only(
        read("Bitte keine Ordner verschieben.", title="Wartung am 3. März 2026 von 22 bis 2 Uhr")
    )
    assert window.start.isoformat() == "2026-03-03T22:00:00+01:00"


def test_hard_wrapped_lines_of_a_mail_are_read_as_one_sentence() -> None:
    text = (
        "Wir werden am Dienstag, den 3. März 2026, in der Zeit von 22:00 Uhr bis voraussichtlich\n"
        "02:00 Uhr Wartungsarbeiten an unseren Mailservern durchführen.\n"
    )
    window = only(read(text))
    assert (window.start.isoformat(), window.end.isoformat()) == (
        "2026-03-03T22:00:00+01:00",
        "2026-03-04T02:00:00+01:00",
    )


# --- what the newer forms carry beyond their spans ---------------------------------------------


def test_a_completion_notice_keeps_what_actually_happened_in_the_description() -> None:
    window = only(
        read(
            "The maintenance on March 3, 2026 from 10 pm to 2 am has been completed. "
            "The server was offline from 10:16 p.m. to 10:31 p.m."
        )
    )
    assert window.status is WindowStatus.COMPLETED
    assert window.description.endswith(
        "Actual: The server was offline from 10:16 p.m. to 10:31 p.m."
    )


def test_a_recurring_window_names_the_rule_it_was_expanded_from() -> None:
    ctx = parse_context(
        "provider-blog", BERLIN, NOW, days_ahead=14, anchor=None
    )  # 2026-01-02 .. 2026-02-15
    result = read("Every Wednesday from 01:00 to 02:00 CET we restart the servers.", ctx=ctx)
    assert [w.start.day for w in result.windows] == [7, 14, 21, 28, 4, 11]
    assert all(
        w.description.startswith("Recurring (RRULE:FREQ=WEEKLY;BYDAY=WE): Every Wednesday")
        for w in result.windows
    )
    assert result.warnings == [
        "'Wednesday from 01:00 to 02:00 CET': a recurring window, read as "
        "RRULE:FREQ=WEEKLY;BYDAY=WE (6 in the span)"
    ]


def test_a_recurring_window_over_a_long_span_is_cut_and_says_so() -> None:
    ctx = parse_context("provider-blog", BERLIN, NOW, days_ahead=5 * 366)
    result = read("Täglich von 3:00 bis 3:15 Uhr wird gesichert.", ctx=ctx)
    assert 900 < len(result.windows) <= 1000  # the first day or two fall before the span
    assert "read only its first 1000 occurrences" in result.warnings[0]


def test_a_recurring_window_in_winter_time_follows_the_clock_into_summer() -> None:
    """ "every Wednesday 01:00 CET" means the Berlin clock, all year."""
    ctx = parse_context(
        "provider-blog", BERLIN, datetime(2026, 3, 20, tzinfo=BERLIN), days_ahead=20
    )
    windows = read("Every Wednesday from 01:00 to 02:00 CET.", ctx=ctx).windows
    assert {w.start.strftime("%H:%M %z") for w in windows} == {"01:00 +0100", "01:00 +0200"}
    assert all(w.warnings == () for w in windows)


def test_two_zones_that_disagree_lower_confidence_and_name_both() -> None:
    window = only(read("On March 3, 2026 from 21:00 CET (4 PM EST) to 23:00 CET."))
    assert window.confidence is Confidence.LOW
    assert window.warnings == (
        "'4 PM EST' is not the same time as 21:00 +0100; read as the latter",
    )


def test_a_zone_from_the_computer_is_a_guess_named_in_a_warning() -> None:
    ctx = replace(context(zone=ZoneInfo("UTC")), zone_guessed=True)
    window = only(read("Wartung am 3. März 2026 von 22 bis 2 Uhr.", ctx=ctx))
    assert (window.start.isoformat(), window.confidence) == (
        "2026-03-03T22:00:00+00:00",
        Confidence.MEDIUM,
    )
    assert window.warnings == ("time zone not stated; read in this computer's zone (UTC)",)


def test_a_zone_configured_for_the_source_is_no_guess() -> None:
    window = only(
        read("Wartung am 3. März 2026 von 22 bis 2 Uhr.", ctx=context(zone=ZoneInfo("UTC")))
    )
    assert (window.confidence, window.warnings) == (Confidence.HIGH, ())


def test_times_that_cannot_be_placed_are_said_to_be_so() -> None:
    result = read(
        "Maintenance on 9 March 2026 and 16 March 2026.\n\n"
        "One of them is unavailable from 22:00 to 23:00."
    )
    assert result.windows == []
    assert result.warnings == [
        "'from 22:00 to 23:00': a time with no date that can be placed; not read as a window"
    ]


def test_an_end_skipped_by_the_spring_clock_change_moves_on_not_back() -> None:
    """02:30 does not exist on 29 March 2026 in Berlin: the window runs to 03:30, not 01:30."""
    window = only(read("am 29. März 2026 von 01:00 bis 02:30 Uhr"))
    assert window.end.isoformat() == "2026-03-29T03:30:00+02:00"
    assert "02:30 does not exist on 2026-03-29 (clocks change); read as 03:30" in window.warnings
