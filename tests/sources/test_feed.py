"""RSS, Atom and RDF feeds: announcements, and the follow-ups that change them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import pytest

from mailguard.core.errors import ParseError
from mailguard.core.model import MaintenanceWindow, WindowStatus
from mailguard.core.schedule import merge_windows
from mailguard.sources import feed
from mailguard.sources.base import ParseContext, ParseResult

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCE = "https://blog.hostwerk.example/feed/"
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
CTX = ParseContext(
    source=SOURCE,
    zone=BERLIN,
    now=NOW,
    horizon_start=datetime(2026, 1, 1, tzinfo=UTC),
    horizon_end=datetime(2026, 7, 1, tzinfo=UTC),
)


def parse_sample(name: str) -> ParseResult:
    return feed.parse((SAMPLES / name).read_bytes(), CTX)


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def item(
    title: str,
    text: str = "",
    *,
    guid: str | None = None,
    link: str | None = None,
    date: str | None = None,
) -> str:
    """One RSS 2.0 item; ``date`` is an RFC 822 pubDate."""
    parts = [f"<title>{escape(title)}</title>", f"<description>{escape(text)}</description>"]
    if guid:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    if link:
        parts.append(f"<link>{link}</link>")
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    return "<item>" + "".join(parts) + "</item>"


def rss(*items: str, home: str = "https://status.example/") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Provider status</title><link>{home}</link>{''.join(items)}"
        "</channel></rss>"
    ).encode()


def spans(windows: list[MaintenanceWindow]) -> list[tuple[datetime, datetime, WindowStatus | None]]:
    return [(w.start, w.end, w.status) for w in windows]


# --- the provider blog (RSS 2.0) ---------------------------------------------------

BLOG = "feed-provider-blog-rss2.xml"


def test_provider_blog_merges_to_the_newest_word_on_each_announcement() -> None:
    merged = merge_windows(parse_sample(BLOG).windows)
    assert spans(merged) == [
        (utc(2026, 3, 5, 22), utc(2026, 3, 5, 23, 30), WindowStatus.COMPLETED),
        (berlin(2026, 3, 10, 22), berlin(2026, 3, 11, 2), None),
        (berlin(2026, 3, 17, 22), berlin(2026, 3, 18, 2), WindowStatus.CANCELLED),
    ]


def test_a_reschedule_carries_the_original_entrys_id_and_its_own_date() -> None:
    windows = [w for w in parse_sample(BLOG).windows if "E-Mail-Servern" in w.title]
    assert [(w.start, w.native_id, w.updated_at) for w in windows] == [
        (berlin(2026, 3, 3, 22), "https://blog.hostwerk.example/?p=4441", utc(2026, 2, 20, 15, 30)),
        (berlin(2026, 3, 10, 22), "https://blog.hostwerk.example/?p=4441", utc(2026, 2, 27, 11)),
    ]


def test_a_cancellation_without_a_time_cancels_a_copy_of_the_announced_window() -> None:
    """Linked by their shared link; the cancellation names no time of its own."""
    windows = [w for w in parse_sample(BLOG).windows if "IMAP cluster" in w.title]
    assert [(w.start, w.status, w.native_id, w.updated_at) for w in windows] == [
        (
            berlin(2026, 3, 17, 22),
            None,
            "https://blog.hostwerk.example/?p=4450",
            utc(2026, 3, 2, 9),
        ),
        (
            berlin(2026, 3, 17, 22),
            WindowStatus.CANCELLED,
            "https://blog.hostwerk.example/?p=4450",
            utc(2026, 3, 12, 16, 30),
        ),
    ]


def test_a_resolved_follow_up_completes_the_window_it_follows() -> None:
    """Linked by title: "[Erledigt] Notfallwartung Spamfilter" has a link of its own."""
    windows = [w for w in parse_sample(BLOG).windows if "Spamfilter" in w.title]
    assert [(w.status, w.updated_at) for w in windows] == [
        (None, utc(2026, 3, 5, 18, 45)),
        (WindowStatus.COMPLETED, utc(2026, 3, 13, 8, 5, 10)),
    ]
    assert {w.native_id for w in windows} == {"https://blog.hostwerk.example/?p=4452"}


def test_entry_content_is_read_rather_than_its_shorter_summary() -> None:
    """Only content:encoded names the time; the description is a teaser."""
    window = next(w for w in parse_sample(BLOG).windows if w.start == berlin(2026, 3, 3, 22))
    assert window.end == berlin(2026, 3, 4, 2)
    assert window.title == "Wartungsarbeiten an den E-Mail-Servern"
    assert window.url == "https://blog.hostwerk.example/2026/02/wartung-e-mail-server/"
    assert (window.source, window.source_kind) == (SOURCE, "feed")


def test_news_entries_are_no_windows_and_a_timeless_maintenance_notice_is_a_warning() -> None:
    result = parse_sample(BLOG)
    assert not [w for w in result.windows if "Domainpreise" in w.title]
    assert result.warnings == [
        "feed entry 'Wartungsarbeiten im Rechenzentrum Frankfurt' mentions maintenance "
        "but names no time mailguard can read"
    ]


# --- Atom, RDF and sloppy feeds ---------------------------------------------------------


def test_atom_update_entry_reschedules_the_announcement() -> None:
    result = parse_sample("feed-status-atom.xml")
    proxy = [w for w in result.windows if "IMAP proxy" in w.title]
    assert [(w.start, w.end) for w in proxy] == [
        (utc(2026, 3, 3, 22), utc(2026, 3, 4, 2)),
        (utc(2026, 3, 5, 22), utc(2026, 3, 6, 2)),
    ]
    assert {w.native_id for w in proxy} == {"tag:status.postwerk.example,2026:maintenance/8812"}
    assert spans(merge_windows(result.windows)) == [
        (utc(2026, 3, 5, 22), utc(2026, 3, 6, 2), None),
        (berlin(2026, 3, 24, 6), berlin(2026, 3, 24, 7), None),
    ]


def test_atom_xhtml_content_is_read() -> None:
    windows = parse_sample("feed-status-atom.xml").windows
    webmail = [w for w in windows if w.title == "Webmail-Wartung"]
    assert [(w.start, w.end, w.updated_at) for w in webmail] == [
        (berlin(2026, 3, 24, 6), berlin(2026, 3, 24, 7), utc(2026, 2, 26, 12, 30))
    ]


def test_rdf_feed_dates_anchor_announcements_without_a_year() -> None:
    windows = parse_sample("feed-plenty-blog-rdf.xml").windows
    by_title = {w.title: w for w in windows}
    short = by_title["Kurze Wartung des Webmailers"]  # "am 18.07. von 23:45 bis 02:30 Uhr"
    full = by_title["Planmäßiges Wartungsfenster E-Mail-Server 18.07.2011 ab 23:45 Uhr"]
    for window in (short, full):
        assert (window.start, window.end) == (
            berlin(2011, 7, 18, 23, 45),
            berlin(2011, 7, 19, 2, 30),
        )
    assert short.updated_at == utc(2011, 7, 16, 8, 2)
    assert len(windows) == 2  # the webinar is news


def test_sloppy_latin1_feed_with_bare_ampersands_is_still_read() -> None:
    result = parse_sample("feed-sloppy-rss2.xml")
    assert spans(result.windows) == [(berlin(2026, 3, 3, 22), berlin(2026, 3, 4, 2), None)]
    assert result.windows[0].title == "Wartung Mailserver"
    assert any("not well-formed XML" in w and "read leniently" in w for w in result.warnings)


def test_a_broken_feed_without_any_window_is_an_error_not_an_empty_schedule() -> None:
    broken = b"<rss><channel><title>Blog</title><item><title>News</title></channel>"
    with pytest.raises(ParseError, match="malformed XML"):
        feed.parse(broken, CTX)


# --- announcement formats, via the reader ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "start", "end"),
    [
        pytest.param(
            "2026-03-03 22:00–02:00 UTC",
            "Mon, 23 Feb 2026 10:00:00 +0000",
            utc(2026, 3, 3, 22),
            utc(2026, 3, 4, 2),
            id="iso",
        ),
        pytest.param(
            "am 3. März 2026 von 22:00 bis 02:00 Uhr",
            "Mon, 23 Feb 2026 10:00:00 +0000",
            berlin(2026, 3, 3, 22),
            berlin(2026, 3, 4, 2),
            id="german",
        ),
        pytest.param(
            "on March 3, 2026 from 10 pm to 2 am CET",
            "Mon, 23 Feb 2026 10:00:00 +0000",
            utc(2026, 3, 3, 21),
            utc(2026, 3, 4, 1),
            id="english",
        ),
        pytest.param(
            "in der Nacht vom 18.07.2011 zum 19.07.2011 (23:45 Uhr – 02:30 Uhr)",
            "Fri, 15 Jul 2011 17:23:00 +0000",
            berlin(2011, 7, 18, 23, 45),
            berlin(2011, 7, 19, 2, 30),
            id="german-night",
        ),
        pytest.param(
            "am 18.07. von 23:45 bis 02:30 Uhr",
            "Fri, 15 Jul 2011 17:23:00 +0000",
            berlin(2011, 7, 18, 23, 45),
            berlin(2011, 7, 19, 2, 30),
            id="missing-year-from-pubdate",
        ),
    ],
)
def test_entry_text_formats_become_exact_windows(
    text: str, date: str, start: datetime, end: datetime
) -> None:
    data = rss(item("Wartung E-Mail", f"<p>{text}</p>", guid="e1", date=date))
    (window,) = feed.parse(data, CTX).windows
    assert (window.start, window.end) == (start, end)
    assert window.native_id == "e1"


def test_entry_with_two_windows_gives_each_its_own_id() -> None:
    text = (
        "<p>Erster Termin: 2026-03-03 22:00–02:00 UTC</p>"
        "<p>Zweiter Termin: 2026-03-10 22:00–02:00 UTC</p>"
    )
    windows = feed.parse(rss(item("Wartung", text, guid="two")), CTX).windows
    assert [(w.start, w.native_id) for w in windows] == [
        (utc(2026, 3, 3, 22), "two#1"),
        (utc(2026, 3, 10, 22), "two#2"),
    ]


# --- linking follow-ups -------------------------------------------------------------------

ORIGINAL = item(
    "Wartung Mailserver",
    "Wartung am 2026-03-03 22:00–02:00 UTC.",
    guid="orig",
    link="https://status.example/1",
    date="Mon, 23 Feb 2026 10:00:00 +0000",
)


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("Update: Wartung Mailserver", None),
        ("UPDATE: Wartung Mailserver", None),
        ("Aktualisierung: Wartung Mailserver", None),
        ("[Verschoben] Wartung Mailserver", None),
        ("Rescheduled: Wartung Mailserver", None),
        ("Cancelled: Wartung Mailserver", WindowStatus.CANCELLED),
        ("Canceled: Wartung Mailserver", WindowStatus.CANCELLED),
        ("(Abgesagt) Wartung Mailserver", WindowStatus.CANCELLED),
        ("Entfällt: Wartung Mailserver", WindowStatus.CANCELLED),
        ("Update: Abgesagt: wartung  MAILSERVER", WindowStatus.CANCELLED),
        ("[Resolved] Wartung Mailserver", WindowStatus.COMPLETED),
        ("Completed: Wartung Mailserver", WindowStatus.COMPLETED),
        ("Abgeschlossen: Wartung Mailserver", WindowStatus.COMPLETED),
        ("[Erledigt] Wartung Mailserver", WindowStatus.COMPLETED),
    ],
)
def test_follow_up_prefixes_link_entries_by_title(title: str, status: WindowStatus | None) -> None:
    """A follow-up with its own link and id, naming no time, is linked by its title."""
    follow_up = item(
        title,
        "Details siehe ursprüngliche Meldung.",
        guid="later",
        link="https://status.example/2",
        date="Thu, 26 Feb 2026 10:00:00 +0000",
    )
    windows = feed.parse(rss(follow_up, ORIGINAL), CTX).windows
    expected = [(utc(2026, 3, 3, 22), utc(2026, 3, 4, 2), None)]
    if status is not None:
        expected.append((utc(2026, 3, 3, 22), utc(2026, 3, 4, 2), status))
    assert spans(windows) == expected
    assert {w.native_id for w in windows} == {"orig"}
    merged = merge_windows(windows)
    assert [w.status for w in merged] == [status]


def test_reschedule_with_a_new_time_replaces_the_old_window_when_merged() -> None:
    update = item(
        "Verschoben: Wartung Mailserver",
        "Neuer Termin: 2026-03-10 22:00–02:00 UTC.",
        guid="later",
        date="Thu, 26 Feb 2026 10:00:00 +0000",
    )
    windows = feed.parse(rss(update, ORIGINAL), CTX).windows
    assert [w.native_id for w in windows] == ["orig", "orig"]
    assert spans(merge_windows(windows)) == [(utc(2026, 3, 10, 22), utc(2026, 3, 11, 2), None)]


@pytest.mark.parametrize(
    ("follow_up", "moved_to"),
    [
        pytest.param(
            "Die Wartung wird um eine Woche verschoben, gleiche Uhrzeit.",
            (berlin(2026, 3, 10, 22), berlin(2026, 3, 11, 2)),
            id="by-a-week",
        ),
        pytest.param(
            "Die Wartung wird auf den 12.03.2026 verschoben, gleiche Uhrzeit.",
            (berlin(2026, 3, 12, 22), berlin(2026, 3, 13, 2)),
            id="to-a-day",
        ),
    ],
)
def test_a_follow_up_that_names_only_the_change_moves_the_window_it_updates(
    follow_up: str, moved_to: tuple[datetime, datetime]
) -> None:
    original = item(
        "Wartung Mailserver",
        "Wartung am 3. März 2026 von 22:00 bis 02:00 Uhr.",
        guid="orig",
        date="Mon, 23 Feb 2026 10:00:00 +0000",
    )
    update = item(
        "Verschoben: Wartung Mailserver",
        follow_up,
        guid="later",
        date="Thu, 26 Feb 2026 10:00:00 +0000",
    )
    merged = merge_windows(feed.parse(rss(update, original), CTX).windows)
    assert spans(merged) == [(*moved_to, None)]


def test_a_reschedule_naming_old_and_new_time_leaves_only_the_new_one_open() -> None:
    """The update names two windows, the original one: ids differ, yet the old slot ends."""
    original = item(
        "Wartung Mailserver",
        "Wartung am 3. März 2026 von 22:00 bis 02:00 Uhr.",
        guid="orig",
        date="Mon, 23 Feb 2026 10:00:00 +0000",
    )
    update = item(
        "Verschoben: Wartung Mailserver",
        "Die ursprünglich für den 3. März 2026 von 22:00 bis 02:00 Uhr geplante Wartung "
        "wird auf den 10. März 2026 von 22:00 bis 02:00 Uhr verschoben.",
        guid="later",
        date="Thu, 26 Feb 2026 10:00:00 +0000",
    )
    merged = merge_windows(feed.parse(rss(update, original), CTX).windows)
    assert spans(merged) == [
        (berlin(2026, 3, 3, 22), berlin(2026, 3, 4, 2), WindowStatus.CANCELLED),
        (berlin(2026, 3, 10, 22), berlin(2026, 3, 11, 2), None),
    ]


def test_a_follow_up_naming_fewer_windows_cancels_those_it_drops() -> None:
    original = item(
        "Wartung Mailserver",
        "Termine: 2026-03-03 22:00–02:00 UTC und 2026-03-10 22:00–02:00 UTC.",
        guid="orig",
        date="Mon, 23 Feb 2026 10:00:00 +0000",
    )
    update = item(
        "Update: Wartung Mailserver",
        "Es bleibt nur ein Termin: 2026-03-10 22:00–02:00 UTC.",
        guid="later",
        date="Thu, 26 Feb 2026 10:00:00 +0000",
    )
    windows = feed.parse(rss(update, original), CTX).windows
    assert spans(merge_windows(windows)) == [
        (utc(2026, 3, 3, 22), utc(2026, 3, 4, 2), WindowStatus.CANCELLED),
        (utc(2026, 3, 10, 22), utc(2026, 3, 11, 2), None),
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Die Wartung wurde abgesagt.", WindowStatus.CANCELLED),
        ("The maintenance has been cancelled.", WindowStatus.CANCELLED),
        ("Die Arbeiten sind abgeschlossen.", WindowStatus.COMPLETED),
        ("Neue Informationen folgen.", None),
    ],
)
def test_an_update_says_in_words_what_happened(text: str, status: WindowStatus | None) -> None:
    update = item(
        "Update: Wartung Mailserver", text, guid="later", date="Thu, 26 Feb 2026 10:00:00 +0000"
    )
    merged = merge_windows(feed.parse(rss(update, ORIGINAL), CTX).windows)
    assert [w.status for w in merged] == [status]


def test_same_link_links_entries_without_any_prefix() -> None:
    repost = item(
        "Mailserver: neue Uhrzeit",
        "Wartung nun am 2026-03-03 23:00–03:00 UTC.",
        guid="repost",
        link="https://status.example/1",
        date="Thu, 26 Feb 2026 10:00:00 +0000",
    )
    windows = feed.parse(rss(repost, ORIGINAL), CTX).windows
    assert [w.native_id for w in windows] == ["orig", "orig"]
    assert spans(merge_windows(windows)) == [(utc(2026, 3, 3, 23), utc(2026, 3, 4, 3), None)]


def test_unprefixed_entries_with_one_title_are_separate_announcements() -> None:
    march = item(
        "Wartung Mailserver",
        "2026-03-03 22:00–02:00 UTC",
        guid="m",
        date="Mon, 23 Feb 2026 10:00:00 +0000",
    )
    april = item(
        "Wartung Mailserver",
        "2026-04-07 22:00–02:00 UTC",
        guid="a",
        date="Mon, 30 Mar 2026 10:00:00 +0000",
    )
    merged = merge_windows(feed.parse(rss(april, march), CTX).windows)
    assert [w.start for w in merged] == [utc(2026, 3, 3, 22), utc(2026, 4, 7, 22)]


def test_a_follow_up_links_to_the_nearest_older_announcement_of_its_title() -> None:
    march = item(
        "Wartung Mailserver",
        "2026-03-03 22:00–02:00 UTC",
        guid="m",
        date="Mon, 23 Feb 2026 10:00:00 +0000",
    )
    april = item(
        "Wartung Mailserver",
        "2026-04-07 22:00–02:00 UTC",
        guid="a",
        date="Mon, 30 Mar 2026 10:00:00 +0000",
    )
    cancel = item(
        "Abgesagt: Wartung Mailserver", "", guid="c", date="Thu, 02 Apr 2026 10:00:00 +0000"
    )
    merged = merge_windows(feed.parse(rss(cancel, april, march), CTX).windows)
    assert spans(merged) == [
        (utc(2026, 3, 3, 22), utc(2026, 3, 4, 2), None),
        (utc(2026, 4, 7, 22), utc(2026, 4, 8, 2), WindowStatus.CANCELLED),
    ]


def test_the_feeds_home_link_on_every_entry_does_not_link_them() -> None:
    home = "https://status.example/"
    one = item(
        "Wartung IMAP",
        "2026-03-03 22:00–02:00 UTC",
        guid="1",
        link=home,
        date="Mon, 23 Feb 2026 10:00:00 +0000",
    )
    two = item(
        "Wartung SMTP",
        "2026-03-10 22:00–02:00 UTC",
        guid="2",
        link=home,
        date="Tue, 24 Feb 2026 10:00:00 +0000",
    )
    merged = merge_windows(feed.parse(rss(two, one, home=home), CTX).windows)
    assert len(merged) == 2


def test_a_cancellation_of_an_announcement_no_longer_in_the_feed_is_quietly_ignored() -> None:
    cancel = item("Cancelled: Scheduled maintenance", "We cancelled it.", guid="c")
    result = feed.parse(rss(cancel), CTX)
    assert (result.windows, result.warnings) == ([], [])


def test_without_dates_the_document_order_says_which_entry_is_newer() -> None:
    """Feeds list the newest entry first."""
    update = item("Update: Wartung", "Neu: 2026-03-10 22:00–02:00 UTC", guid="u")
    original = item("Wartung", "2026-03-03 22:00–02:00 UTC", guid="o")
    windows = feed.parse(rss(update, original), CTX).windows
    assert [(w.start, w.native_id, w.updated_at) for w in windows] == [
        (utc(2026, 3, 3, 22), "o", None),
        (utc(2026, 3, 10, 22), "o", None),
    ]
    assert [w.start for w in merge_windows(windows)] == [utc(2026, 3, 10, 22)]


def test_entry_without_id_or_link_chains_by_title() -> None:
    update = item("Update: Wartung", "Neu: 2026-03-10 22:00–02:00 UTC")
    original = item("Wartung", "2026-03-03 22:00–02:00 UTC")
    windows = feed.parse(rss(update, original), CTX).windows
    assert {w.native_id for w in windows} == {"title:wartung"}


# --- unsafe and malformed documents ---------------------------------------------------


@pytest.mark.parametrize("name", ["feed-billion-laughs.xml", "feed-xxe.xml"])
def test_entity_attacks_are_refused(name: str) -> None:
    with pytest.raises(ParseError, match="unsafe XML: entity declarations are not allowed"):
        parse_sample(name)


def test_external_entities_never_leak_a_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
        "<rss><channel><title>&e;</title><item><title>&e;</title>"
        "<description>2026-03-03 22:00–02:00 UTC &e;</description></item></channel></rss>"
    ).encode()
    with pytest.raises(ParseError) as caught:
        feed.parse(data, CTX)
    assert "TOP-SECRET-MARKER" not in str(caught.value)
    passwd = (SAMPLES / "feed-xxe.xml").read_bytes()
    with pytest.raises(ParseError) as caught:
        feed.parse(passwd, CTX)
    assert "root:" not in str(caught.value)


def test_bytes_naming_a_file_are_not_read_as_that_file(tmp_path: Path) -> None:
    """feedparser opens a byte string that is a path; feeds are data, never paths."""
    path = tmp_path / "feed.xml"
    path.write_bytes(rss(item("Wartung", "2026-03-03 22:00–02:00 UTC")))
    with pytest.raises(ParseError, match="not a readable RSS/Atom feed"):
        feed.parse(str(path).encode(), CTX)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param((SAMPLES / "feed-malformed.xml").read_bytes(), id="cut-off"),
        pytest.param(b"", id="empty"),
        pytest.param(b"<html><head><title>502 Bad Gateway</title></head></html>", id="html"),
        pytest.param(b'{"status": "ok"}', id="json"),
        pytest.param(b'<?xml version="1.0" encoding="\xe3\x81"?><rss/>', id="bad-encoding-name"),
        pytest.param(b"<channel<item<link</item</link>", id="tag-soup-feedparser-trips-on"),
    ],
)
def test_unreadable_documents_raise_a_one_line_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError) as caught:
        feed.parse(data, CTX)
    message = str(caught.value)
    assert message.startswith(f"{SOURCE}: not a readable RSS/Atom feed (")
    assert "\n" not in message


# --- sniffing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b'<?xml version="1.0"?>\n<rss version="2.0">', True, id="rss"),
        pytest.param(b'<feed xmlns="http://www.w3.org/2005/Atom">', True, id="atom"),
        pytest.param(b'<rdf:RDF xmlns:rdf="x">', True, id="rdf"),
        pytest.param(b"\xef\xbb\xbf  <rss>", True, id="bom"),
        pytest.param(
            b'<?xml version="1.0"?><!-- a <rss> in a comment --><?xml-stylesheet href="s.xsl"?>'
            b"<!DOCTYPE feed [<!ELEMENT feed ANY>]>\n<feed>",
            True,
            id="prolog",
        ),
        pytest.param(
            '<?xml version="1.0" encoding="utf-16"?><rss/>'.encode("utf-16"), True, id="utf16"
        ),
        pytest.param(b"<!DOCTYPE html><html><body><rss></rss></body></html>", False, id="html"),
        pytest.param(b"<rssfeed/>", False, id="other-root"),
        pytest.param(b"BEGIN:VCALENDAR", False, id="ical"),
        pytest.param(b'{"rss": 1}', False, id="json"),
        pytest.param(b"<!--" + b"x" * 3000 + b"--><rss>", False, id="root-beyond-2kb"),
        pytest.param(b"", False, id="empty"),
    ],
)
def test_sniff_recognises_feeds_by_their_root_element(data: bytes, expected: bool) -> None:
    assert feed.sniff(data) is expected


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("feed-*.xml")))
def test_every_feed_sample_sniffs_as_a_feed(name: str) -> None:
    assert feed.sniff((SAMPLES / name).read_bytes())


def test_horizon_is_left_to_the_schedule_and_entries_keep_their_windows() -> None:
    """A feed is a history: its windows are selected later, like every source's."""
    old = item("Wartung", "2025-03-03 22:00–02:00 UTC", guid="old")
    (window,) = feed.parse(rss(old), CTX).windows
    assert window.end - window.start == timedelta(hours=4)
