"""Every schedule reader, fed hostile documents, ends within a time and memory budget.

The format-specific fuzz tests prove the readers never raise anything but a
one-line ParseError; these add what a hostile input could still do: take
forever or grow without bound (an iCalendar ``FREQ=DAILY;INTERVAL=0`` passed
1 GB in 45 s). Each example runs under a real alarm and tracemalloc (see
tests/budget.py); every window returned must end after it starts, carry a
zone and touch the span asked for. Examples are bounded so the suite stays short.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailguard.core.errors import ParseError
from mailguard.sources import cachet, feed, ical, instatus, statuspage, text
from mailguard.sources.base import ParseContext, ParseResult
from tests.budget import Budget
from tests.sources.test_announcement_properties import announcement_text
from tests.sources.test_ical_feed_fuzz import (
    FEED_FRAGMENTS,
    ICS_FRAGMENTS,
    calendar_of,
    feed_of,
)
from tests.sources.test_status_sources_fuzz import json_values

#: Generous for a loaded machine and tracemalloc's slowdown; a runaway takes minutes or GBs.
SECONDS = 20.0
MEGABYTES = 150.0
EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
CTX = ParseContext(
    source="budget",
    zone=ZoneInfo("Europe/Berlin"),
    now=NOW,
    horizon_start=NOW - timedelta(days=30),
    horizon_end=NOW + timedelta(days=150),
)


def read_within_budget(module: ModuleType, data: bytes) -> ParseResult | None:
    """Parse under the budget; a one-line ParseError is an answer too (None)."""
    try:
        with Budget(seconds=SECONDS, megabytes=MEGABYTES):
            result: ParseResult = module.parse(data, CTX)
    except ParseError as exc:
        assert "\n" not in str(exc)
        return None
    for window in result.windows:
        assert window.start.utcoffset() is not None
        assert window.end.utcoffset() is not None
        assert window.end > window.start, window
    assert all("\n" not in warning for warning in result.warnings)
    return result


# -- iCalendar: recurrence rules made to run away ------------------------------------------

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
rule_parts: st.SearchStrategy[dict[str, str]] = st.fixed_dictionaries(
    {"FREQ": st.sampled_from(["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY"])},
    optional={
        "INTERVAL": st.integers(-2, 400).map(str),
        "COUNT": st.integers(-1, 10**7).map(str),
        "UNTIL": st.dates(date(1899, 1, 1), date(2200, 1, 1)).map(lambda d: f"{d:%Y%m%d}"),
        "BYMONTH": st.lists(st.integers(0, 13), min_size=1, max_size=3).map(
            lambda v: ",".join(map(str, v))
        ),
        "BYMONTHDAY": st.lists(st.integers(-32, 32), min_size=1, max_size=3).map(
            lambda v: ",".join(map(str, v))
        ),
        "BYYEARDAY": st.lists(st.integers(-367, 367), min_size=1, max_size=2).map(
            lambda v: ",".join(map(str, v))
        ),
        "BYWEEKNO": st.lists(st.integers(-54, 54), min_size=1, max_size=2).map(
            lambda v: ",".join(map(str, v))
        ),
        "BYDAY": st.lists(
            st.tuples(
                st.sampled_from(["", "1", "-1", "5", "+2", "-53"]), st.sampled_from(WEEKDAYS)
            ),
            min_size=1,
            max_size=3,
        ).map(lambda v: ",".join(n + d for n, d in v)),
        "BYSETPOS": st.lists(st.integers(-400, 400), min_size=1, max_size=2).map(
            lambda v: ",".join(map(str, v))
        ),
        "BYHOUR": st.lists(st.integers(0, 24), min_size=1, max_size=4).map(
            lambda v: ",".join(map(str, v))
        ),
        "WKST": st.sampled_from(WEEKDAYS),
    },
)


@st.composite
def recurring_calendars(draw: st.DrawFn) -> bytes:
    events = []
    for number in range(draw(st.integers(1, 4))):
        start = draw(st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)))
        rule = ";".join(f"{key}={value}" for key, value in draw(rule_parts).items())
        minutes = draw(st.integers(0, 60 * 24 * 3))
        extra = draw(st.lists(st.sampled_from(ICS_FRAGMENTS), max_size=3))
        events.append(
            f"BEGIN:VEVENT\r\nUID:r{number}@budget\r\nDTSTART:{start:%Y%m%dT%H%M%S}Z\r\n"
            f"DURATION:PT{minutes}M\r\nRRULE:{rule}\r\n"
            + "".join(f"{line}\r\n" for line in extra)
            + "END:VEVENT\r\n"
        )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{''.join(events)}END:VCALENDAR\r\n".encode(
        "utf-8", "surrogatepass"
    )


@pytest.mark.filterwarnings("ignore:Using both 'count' and 'until':DeprecationWarning")
@EXAMPLES
@given(data=recurring_calendars())
def test_ical_recurrences_end_within_the_budget(data: bytes) -> None:
    result = read_within_budget(ical, data)
    if result is not None:
        assert all(w.overlaps(CTX.horizon_start, CTX.horizon_end) for w in result.windows)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=HOURLY;INTERVAL=0",
        "FREQ=YEARLY;INTERVAL=0;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=HOURLY;BYSETPOS=5",
        "FREQ=HOURLY",  # since 1900: too many steps
        "FREQ=HOURLY;COUNT=100000000",
    ],
)
def test_the_rules_that_ran_away_end_within_the_budget(rule: str) -> None:
    data = (
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:19000101T000000Z\r\n"
        f"DURATION:PT1H\r\nRRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    result = read_within_budget(ical, data)
    assert result is not None
    assert result.windows == []
    assert len(result.warnings) == 1


@EXAMPLES
@given(events=st.lists(st.lists(st.sampled_from(ICS_FRAGMENTS), max_size=12), max_size=6))
def test_ical_documents_of_tricky_properties_end_within_the_budget(
    events: list[list[str]],
) -> None:
    read_within_budget(ical, calendar_of(events))


# -- the other readers ----------------------------------------------------------------------


@pytest.mark.parametrize("module", [statuspage, cachet, instatus], ids=lambda m: m.KIND)
@EXAMPLES
@given(document=json_values)
def test_status_pages_end_within_the_budget(module: ModuleType, document: Any) -> None:
    read_within_budget(module, json.dumps(document).encode())


@EXAMPLES
@given(
    pieces=st.lists(st.sampled_from(FEED_FRAGMENTS), max_size=60),
    root=st.sampled_from(["rss", "feed"]),
)
def test_feeds_end_within_the_budget(pieces: list[str], root: str) -> None:
    read_within_budget(feed, feed_of(pieces, root))


@EXAMPLES
@given(words=announcement_text, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_announcement_text_ends_within_the_budget(words: str, encoding: str) -> None:
    read_within_budget(text, words.encode(encoding, "replace"))


@pytest.mark.parametrize(
    ("module", "data"),
    [
        (text, ("am 3. März 2026 von 22 bis 2 Uhr " * 8_000).encode()),
        (feed, b"<rss><channel>" + b"<item><title>x</title></item>" * 9_000 + b"</channel></rss>"),
        (statuspage, json.dumps({"scheduled_maintenances": [{"name": "x"}] * 20_000}).encode()),
        (
            ical,
            b"BEGIN:VCALENDAR\r\n"
            + b"BEGIN:VEVENT\r\nEND:VEVENT\r\n" * 10_000
            + b"END:VCALENDAR\r\n",
        ),
    ],
    ids=["text", "feed", "statuspage", "ical"],
)
def test_a_large_document_of_tiny_pieces_ends_within_the_budget(
    module: ModuleType, data: bytes
) -> None:
    """A quarter megabyte of the smallest pieces a reader handles, thousands of them: what
    would run away is a cost per piece that grows with their number."""
    assert len(data) > 200_000
    read_within_budget(module, data)


#: What a download may be at most (net/fetcher): the most a reader is ever given.
FIVE_MIB = 5 * 1024 * 1024


def _filled(head: str, piece: str) -> bytes:
    return (head + piece * ((FIVE_MIB - len(head)) // len(piece))).encode()


@pytest.mark.parametrize(
    "data",
    [
        # a zone hint ("Europe/Berlin") was searched for from every letter of a run
        _filled("Wartung am 10.12.2026 ", "x"),
        # each time range searched the whole line again for "cancelled", "actual", ...
        _filled("Wartung am 10.12.2026 ", "02:00-03:00 "),
        # each weekly window looked through every token for the dates that bound it
        _filled("Wartung ", "jeden Montag 02:00-02:30 Uhr "),
        # a sentence for each short line: tokens by the million
        _filled("Wartung am 10.12.2026\n", "x\n"),
    ],
    ids=["letters", "time-ranges", "weekly", "short-lines"],
)
def test_a_text_as_large_as_a_download_ends_within_the_budget(data: bytes) -> None:
    result = read_within_budget(text, data)
    assert result is not None
    assert result.warnings[0].startswith("read only its first 128 kB of text (51")


def test_a_feed_as_large_as_a_download_is_read_from_its_newest_entries() -> None:
    item = (
        "<item><title>Wartung {n}</title><guid>g{n}</guid>"
        "<description>" + "jeden Montag 02:00-02:30 Uhr " * 150 + "</description></item>"
    )
    count = FIVE_MIB // len(item)
    items = "".join(item.format(n=n) for n in range(count))  # the newest first
    data = f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()
    result = read_within_budget(feed, data)
    assert result is not None
    cut = [w for w in result.warnings if w.startswith("read only its newest")]
    assert cut == [
        f"read only its newest 60 of {count} entries (mailguard reads 256 kB of a feed's text)"
    ]
    # the occurrences every entry names, 5,000 at most, were read from the newest entries
    assert "read only the first 5000 occurrences of its recurring windows" in result.warnings
    assert {w.native_id.split("#")[0] for w in result.windows} == {"g0", "g1"}
