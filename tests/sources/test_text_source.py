"""The text source: any bytes, plain or HTML, read as an announcement."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.core.errors import MailguardError
from mailguard.sources import text
from mailguard.sources.base import ParseContext

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 2, 1, 12, 0, tzinfo=BERLIN)
CTX = ParseContext(
    "provider-page", BERLIN, NOW, NOW - timedelta(days=30), NOW + timedelta(days=365)
)


def test_kind_is_text() -> None:
    assert text.KIND == "text"


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"Wartung heute", True), (b"{}", True), (b"\x00\x01", True), (b"", False), (b" \n\t", False)],
)
def test_sniff_accepts_anything_with_content(data: bytes, expected: bool) -> None:
    assert text.sniff(data) is expected


def test_plain_text_is_read_as_an_announcement() -> None:
    result = text.parse("Wartung am 3. März 2026 von 22 bis 2 Uhr.".encode(), CTX)
    [window] = result.windows
    assert (window.source, window.source_kind, window.start.isoformat()) == (
        "provider-page",
        "text",
        "2026-03-03T22:00:00+01:00",
    )


def test_windows_1252_text_is_decoded() -> None:
    data = "Wartung am 3. März 2026 von 22 bis 2 Uhr für alle Postfächer.".encode("cp1252")
    [window] = text.parse(data, CTX).windows
    assert "Postfächer" in window.description


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"], ids=str
)
def test_text_with_a_byte_order_mark_is_decoded(encoding: str) -> None:
    """Windows "Unicode" text files are UTF-16 with a BOM; they were taken for binary."""
    announcement = "Wartung am 3. März 2026 von 22 bis 2 Uhr für alle Postfächer."
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    data = (bom + announcement).encode(encoding)

    [window] = text.parse(data, CTX).windows

    assert window.start.isoformat() == "2026-03-03T22:00:00+01:00"
    assert "Postfächer" in window.description


@pytest.mark.parametrize("data", [b"", b"   \n\n", "\ufeff".encode()])
def test_empty_input_is_an_empty_result_without_error(data: bytes) -> None:
    result = text.parse(data, CTX)
    assert (result.windows, result.warnings) == ([], [])


def test_binary_garbage_gives_no_window_and_a_warning() -> None:
    result = text.parse(bytes(range(256)) * 4, CTX)
    assert result.windows == []
    assert result.warnings == ["does not look like text; nothing read"]


HTML = """<!doctype html><html><head><title>Wartung  am 3. März</title>
<style>.x:after { content: "am 5. Mai 2026 von 1 bis 2 Uhr" }</style>
<script>var t = "am 6. Mai 2026 von 1 bis 2 Uhr";</script></head>
<body><h1>Geplante Wartung</h1>
<p>Am 3. März 2026 führen wir von
22:00 bis 02:00 Uhr Wartungsarbeiten durch.</p>
<ul><li>Webmail: am 4. März 2026 von 1 bis 2 Uhr</li>
<li>IMAP: am 4. März 2026 von 3 bis 4 Uhr</li></ul>
</body></html>"""


def test_html_is_stripped_to_its_readable_text() -> None:
    result = text.parse(HTML.encode(), CTX)
    assert [w.start.isoformat() for w in result.windows] == [
        "2026-03-03T22:00:00+01:00",
        "2026-03-04T01:00:00+01:00",
        "2026-03-04T03:00:00+01:00",
    ]


def test_html_title_is_the_window_title() -> None:
    assert {w.title for w in text.parse(HTML.encode(), CTX).windows} == {"Wartung am 3. März"}


def test_html_without_title_uses_the_first_heading() -> None:
    page = "<body><h1>Wartung <b>Mailserver</b></h1><p>Am 3. März 2026 von 22 bis 2 Uhr.</p></body>"
    assert text.parse(page.encode(), CTX).windows[0].title == "Wartung Mailserver"


def test_html_list_items_become_their_own_windows_and_descriptions() -> None:
    page = (
        "<ul><li>Webmail: am 4. März 2026 von 1 bis 2 Uhr</li>"
        "<li>IMAP: 5. März 2026, 3-4 Uhr</li></ul>"
    )
    windows = text.parse(page.encode(), CTX).windows
    assert [w.description for w in windows] == [
        "Webmail: am 4. März 2026 von 1 bis 2 Uhr",
        "IMAP: 5. März 2026, 3-4 Uhr",
    ]


def test_a_plain_mail_with_an_address_in_angle_brackets_keeps_its_lines() -> None:
    mail = (
        "From: Example Status <status@mail.example.net>\n\n"
        "* March 10, 2026 from 10 pm to 11 pm CET\n"
        "* March 12, 2026 from 10 pm to 11 pm CET\n"
    )
    windows = text.parse(mail.encode(), CTX).windows
    assert [w.description for w in windows] == [
        "March 10, 2026 from 10 pm to 11 pm CET",
        "March 12, 2026 from 10 pm to 11 pm CET",
    ]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_no_bytes_crash_the_text_source(data: bytes) -> None:
    try:
        result = text.parse(data, CTX)
    except MailguardError:
        return
    for window in result.windows:
        assert window.end > window.start
