"""The iCalendar and feed sources never crash, whatever bytes arrive.

``parse`` returns well-formed windows or raises a one-line ParseError; ``sniff``
answers True or False. Inputs: arbitrary bytes, text behind each format's
opening, mutated samples, and documents assembled from tricky fragments.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.core.errors import ParseError
from mailguard.sources import feed, ical
from mailguard.sources.base import ParseContext, ParseResult

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
CTX = ParseContext(
    source="fuzz",
    zone=ZoneInfo("Europe/Berlin"),
    now=NOW,
    horizon_start=NOW - timedelta(days=60),
    horizon_end=NOW + timedelta(days=120),
)
MODULES: tuple[ModuleType, ...] = (ical, feed)

# icalendar caches a custom VTIMEZONE by its TZID for the whole process, so a
# mutated copy of the custom-zone sample could redefine that zone for the tests
# that check it; that sample is left out of the mutation corpus.
CORPUS = sorted(
    path.read_bytes()
    for pattern in ("ical-*.ics", "feed-*.xml")
    for path in SAMPLES.glob(pattern)
    if path.name != "ical-custom-vtimezone.ics"
)

ICS_FRAGMENTS = [
    "DTSTART:20260303T210000Z",
    "DTSTART;VALUE=DATE:20260303",
    "DTSTART:20260303T210000",
    "DTSTART;TZID=Europe/Berlin:20260329T023000",
    "DTSTART;TZID=Europe:20260303T210000",
    "DTSTART;TZID=Nowhere/Else:20260303T210000",
    "DTSTART:99991231T235959Z",
    "DTSTART:00010101T000000Z",
    "DTSTART:2026-03-03",
    "DTEND:20260304T010000Z",
    "DTEND;VALUE=DATE:20260302",
    "DTEND:20260303T200000Z",
    "DURATION:PT2H",
    "DURATION:-PT2H",
    "DURATION:P9999999W",
    "DURATION:garbage",
    "RRULE:FREQ=WEEKLY;COUNT=5",
    "RRULE:FREQ=DAILY;UNTIL=20260401T000000Z",
    "RRULE:FREQ=MINUTELY",
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=DAILY;COUNT=-1",
    "RRULE:NONSENSE",
    "RDATE:20260310T210000Z",
    "RDATE;VALUE=PERIOD:20260310T210000Z/PT1H",
    "EXDATE:20260310T210000Z",
    "EXDATE:garbage",
    "RECURRENCE-ID:20260310T210000Z",
    "RECURRENCE-ID;RANGE=THISANDFUTURE:20260310T210000Z",
    "STATUS:CANCELLED",
    "STATUS:???",
    "UID:fuzz@example",
    "UID:",
    "SUMMARY:Wartung\\, Mailserver\\n",
    "CATEGORIES:E-Mail,,IMAP",
    "LAST-MODIFIED:garbage",
    "DTSTAMP:20260101T000000Z",
    "URL:https://example/\udcff",
    "X-WR-TIMEZONE:Europe/Berlin",
    "BEGIN:VALARM",
    "END:VALARM",
    "BEGIN:VTIMEZONE",
    "END:VTIMEZONE",
    "TZID:Europe/Berlin",
    " folded continuation",
    "",
]

FEED_FRAGMENTS = [
    "<item>",
    "</item>",
    "<entry>",
    "</entry>",
    "<title>Wartung Mailserver</title>",
    "<title>Update: Wartung Mailserver</title>",
    "<title>[Abgesagt] Wartung Mailserver</title>",
    "<title>Cancelled:</title>",
    "<description>2026-03-03 22:00–02:00 UTC</description>",
    "<description>am 18.07. von 23:45 bis 02:30 Uhr</description>",
    "<description>&lt;p&gt;on March 3, 2026 from 10 pm to 2 am CET&lt;/p&gt;</description>",
    "<description><![CDATA[<script>x</script><p>am 31. Februar 2026 von 22 bis 2 Uhr</p>]]>",
    "<pubDate>Fri, 15 Jul 2011 17:23:00 +0000</pubDate>",
    "<pubDate>Mon, 99 Foo 0000 99:99:99 +9999</pubDate>",
    "<guid>same</guid>",
    "<link>https://status.example/1</link>",
    "<updated>9999-12-31T23:59:59Z</updated>",
    "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>x</div></content>",
    "<channel",
    "<item",
    "<link",
    "</item",
    "</link>",
    "&amp;",
    "&nbsp;",
    "&",
    "<",
    "\udcff",
    "",
]


def assert_sane(result: ParseResult) -> None:
    for window in result.windows:
        assert window.start.utcoffset() is not None
        assert window.end.utcoffset() is not None
        assert window.end > window.start
    assert all("\n" not in warning for warning in result.warnings)


def parse_or_parse_error(module: ModuleType, data: bytes) -> None:
    assert module.sniff(data) in (True, False)
    try:
        result = module.parse(data, CTX)
    except ParseError as exc:
        assert "\n" not in str(exc)
        assert str(exc).startswith("fuzz: ")
    else:
        assert_sane(result)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.KIND)
@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(module: ModuleType, data: bytes) -> None:
    parse_or_parse_error(module, data)


@pytest.mark.parametrize(
    ("module", "opening"),
    [
        pytest.param(ical, "BEGIN:VCALENDAR\r\n", id="ical"),
        pytest.param(feed, '<?xml version="1.0"?><rss version="2.0"><channel>', id="rss"),
        pytest.param(feed, '<feed xmlns="http://www.w3.org/2005/Atom">', id="atom"),
    ],
)
@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=1000))
def test_arbitrary_text_behind_the_formats_opening_never_crashes(
    module: ModuleType, opening: str, text: str
) -> None:
    parse_or_parse_error(module, (opening + text).encode("utf-8", "surrogatepass"))


@st.composite
def mutated_samples(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(CORPUS)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if action == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=12))
        else:
            start = draw(st.integers(0, max(0, len(data) - 1)))
            data[at:at] = data[start : start + draw(st.integers(1, 80))]
    return bytes(data)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.KIND)
@settings(max_examples=200, deadline=None)
@given(data=mutated_samples())
def test_mutated_samples_never_crash(module: ModuleType, data: bytes) -> None:
    parse_or_parse_error(module, data)


@settings(max_examples=200, deadline=None)
@given(events=st.lists(st.lists(st.sampled_from(ICS_FRAGMENTS), max_size=12), max_size=4))
def test_calendars_assembled_from_tricky_properties_never_crash(events: list[list[str]]) -> None:
    parse_or_parse_error(ical, calendar_of(events))


def calendar_of(events: list[list[str]]) -> bytes:
    """A VCALENDAR with one VEVENT per list of property lines."""
    body = "".join(
        "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"
        for lines in events
    )
    data = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n"
    return data.encode("utf-8", "surrogatepass")


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(FEED_FRAGMENTS), max_size=30),
    root=st.sampled_from(["rss", "feed"]),
)
def test_feeds_assembled_from_tricky_fragments_never_crash(pieces: list[str], root: str) -> None:
    parse_or_parse_error(feed, feed_of(pieces, root))


def feed_of(pieces: list[str], root: str) -> bytes:
    """An RSS (``root="rss"``) or Atom document whose channel holds ``pieces``."""
    inner = "<channel><title>Status</title>" + "".join(pieces) + "</channel>"
    data = f'<?xml version="1.0"?><{root} version="2.0">{inner}</{root}>'
    return data.encode("utf-8", "surrogatepass")


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300))
def test_ical_windows_always_overlap_the_horizon(data: bytes) -> None:
    text = (SAMPLES / "ical-weekly-rrule-exdate-override.ics").read_bytes()
    try:
        result = ical.parse(text.replace(b"END:VCALENDAR", data + b"\r\nEND:VCALENDAR"), CTX)
    except ParseError:
        return
    assert all(w.overlaps(CTX.horizon_start, CTX.horizon_end) for w in result.windows)
