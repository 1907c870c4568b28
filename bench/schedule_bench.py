"""How fast mailguard reads big schedules, against the bare libraries in the same run.

Two inputs, generated here so the bench needs nothing else:
- an RSS feed with 1,000 entries, each an announcement in German or English;
- an iCalendar feed with a daily maintenance recurring for 5 years.

Baselines are the libraries alone on the same bytes (feedparser.parse; icalendar
parsing plus recurring_ical_events expansion), so the ratios show what mailguard
adds on top: reading each announcement's prose, building and checking windows.

Then every announcement of the test corpus (tests/samples/announcements) is read
alone against the reader's budget of 2 ms each, and, where dateparser is installed
(it is no dependency), dateparser's ``search_dates`` on the same texts: how long it
takes and how many of the corpus's window starts it finds at all.
Run: ``.venv/bin/python bench/schedule_bench.py``
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import feedparser
import icalendar
import recurring_ical_events

from mailguard.sources import feed, ical
from mailguard.sources.base import ParseContext

BERLIN = ZoneInfo("Europe/Berlin")
TARGET_SECONDS = 1.0
ANNOUNCEMENT_BUDGET_SECONDS = 0.002
TEXTS = (
    "Wir führen am {d:%d.%m.%Y} von 22:00 bis 02:00 Uhr Wartungsarbeiten am Mailserver durch.",
    "Scheduled maintenance on {d:%B} {d.day}, {d:%Y} from 10 pm to 2 am CET.",
    "In der Nacht vom {d:%d.%m.%Y} zum {n:%d.%m.%Y} (23:45 Uhr – 02:30 Uhr) stellen wir um.",
    "Maintenance window {d:%Y-%m-%d} 22:00–02:00 UTC. IMAP may be unavailable.",
)


def make_feed(entries: int, first: datetime) -> bytes:
    items = []
    for i in range(entries):
        day = first + timedelta(days=i)
        text = TEXTS[i % len(TEXTS)].format(d=day, n=day + timedelta(days=1))
        items.append(
            f"<item><title>Wartung {i}</title><guid>urn:mw:{i}</guid>"
            f"<pubDate>{format_datetime(day - timedelta(days=3))}</pubDate>"
            f"<description>{text}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Provider blog</title><link>https://provider.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def make_calendar(first: datetime, years: int) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//mailguard//EN\r\n"
        "BEGIN:VEVENT\r\nUID:daily-backup@provider.example\r\nDTSTAMP:20250101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{first:%Y%m%dT020000}\r\n"
        f"DTEND;TZID=Europe/Berlin:{first:%Y%m%dT030000}\r\n"
        f"RRULE:FREQ=DAILY;COUNT={365 * years}\r\n"
        "SUMMARY:Nightly mail storage maintenance\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def best_of(runs: int, action: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - began)
    return min(times), result


def main() -> int:
    first = datetime(2026, 1, 1, tzinfo=UTC)
    ctx = ParseContext(
        source="bench",
        zone=BERLIN,
        now=first,
        horizon_start=first - timedelta(days=1),
        horizon_end=first + timedelta(days=5 * 366),
    )
    feed_bytes = make_feed(1000, first)
    ics_bytes = make_calendar(first, 5)

    rows = []
    base_feed, _ = best_of(3, lambda: feedparser.parse(feed_bytes))
    ours_feed, feed_result = best_of(3, lambda: feed.parse(feed_bytes, ctx))
    rows.append(("RSS, 1,000 announcements", base_feed, ours_feed, feed_result))

    def libraries_only() -> object:
        calendar = icalendar.Calendar.from_ical(ics_bytes)
        return recurring_ical_events.of(calendar).between(ctx.horizon_start, ctx.horizon_end)

    base_ics, _ = best_of(3, libraries_only)
    ours_ics, ics_result = best_of(3, lambda: ical.parse(ics_bytes, ctx))
    rows.append(("iCalendar, daily for 5 years", base_ics, ours_ics, ics_result))

    failed = False
    print(f"{'input':32} {'windows':>8} {'library':>10} {'mailguard':>10} {'ratio':>7}  target")
    for name, base, ours, result in rows:
        count = len(result.windows)  # type: ignore[attr-defined]
        ok = ours < TARGET_SECONDS
        failed |= not ok
        print(
            f"{name:32} {count:8d} {base * 1000:8.1f}ms {ours * 1000:8.1f}ms "
            f"{ours / base:6.1f}x  {'PASS' if ok else 'FAIL'} (< {TARGET_SECONDS:.0f} s)"
        )
    print(f"best of 3 runs; {ours_feed / 1000 * 1e6:.0f} µs per feed entry")
    failed |= not corpus_timing()
    return 1 if failed else 0


def corpus_timing() -> bool:
    """Each corpus announcement read alone, against the 2 ms budget; dateparser beside it."""
    from tests.sources.announcement_corpus import load, misses

    announcements = load()
    times = sorted((best_of(5, item.read)[0], item.name) for item in announcements)
    mean = sum(t for t, _ in times) / len(times)
    worst, worst_name = times[-1]
    exact = sum(not misses(item) for item in announcements)
    ok = worst <= ANNOUNCEMENT_BUDGET_SECONDS
    print(
        f"\nannouncement corpus: {len(times)} texts, {exact} read exactly as expected; "
        f"mean {mean * 1e6:.0f} µs, slowest {worst * 1e6:.0f} µs ({worst_name}); "
        f"{'PASS' if ok else 'FAIL'} (each <= {ANNOUNCEMENT_BUDGET_SECONDS * 1000:.0f} ms)"
    )
    _compare_dateparser(announcements)
    return ok


def _compare_dateparser(announcements: list) -> None:  # type: ignore[type-arg]
    """What dateparser's search_dates finds in the corpus: instants, never windows."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser: not installed (pip install dateparser to compare it here)")
        return
    search_dates("am 3. März 2026 um 22 Uhr", languages=["de", "en"])  # loads its language data
    starts = found = 0
    elapsed = 0.0
    for item in announcements:
        settings = {
            "RETURN_AS_TIMEZONE_AWARE": True,
            "TIMEZONE": str(getattr(item.ctx.zone, "key", "UTC")),
            "RELATIVE_BASE": item.ctx.now.replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",
        }
        began = time.perf_counter()
        hits = search_dates(item.text, languages=["de", "en"], settings=settings) or []
        elapsed += time.perf_counter() - began
        instants = {moment for _, moment in hits}
        for expected in item.expected:
            starts += 1
            found += expected.start in instants
    print(
        f"dateparser.search_dates: mean {elapsed / len(announcements) * 1e6:.0f} µs per text; "
        f"finds {found} of {starts} expected window starts as instants (no ends, no ranges)"
    )


if __name__ == "__main__":
    sys.exit(main())
