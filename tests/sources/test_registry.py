"""Choosing the reader: every sample sniffs as its own kind, and no bytes crash the choice."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.core.errors import MailguardError, ParseError, UsageError
from mailguard.sources.base import ParseContext
from mailguard.sources.registry import SOURCE_KINDS, detect_kind, parse_source

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PREFIX_KIND = {
    "statuspage-": "statuspage",
    "cachet-": "cachet",
    "instatus-": "instatus",
    "ical-": "ical",
    "feed-": "feed",
    "announcement-": "text",
}
NOW = datetime(2026, 3, 1, tzinfo=UTC)
CTX = ParseContext(
    source="sample",
    zone=ZoneInfo("Europe/Berlin"),
    now=NOW,
    horizon_start=NOW - timedelta(days=400),
    horizon_end=NOW + timedelta(days=400),
)


def expected_kind(path: Path) -> str:
    return next(kind for prefix, kind in PREFIX_KIND.items() if path.name.startswith(prefix))


SAMPLE_FILES = sorted(
    p for p in SAMPLES.iterdir() if any(p.name.startswith(x) for x in PREFIX_KIND)
)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_sniffs_as_its_own_kind(path: Path) -> None:
    assert detect_kind(path.read_bytes(), CTX) == expected_kind(path)


def test_every_source_kind_has_a_sample() -> None:
    assert {expected_kind(p) for p in SAMPLE_FILES} == set(SOURCE_KINDS)


def test_json_of_an_unknown_shape_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not a status page format"):
        detect_kind(b'{"hello": "world"}', CTX)


def test_an_unknown_kind_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown source kind"):
        parse_source(b"", "carrier-pigeon", CTX)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_no_bytes_crash_automatic_reading(data: bytes) -> None:
    try:
        result = parse_source(data, "auto", CTX)
    except MailguardError:
        return
    for window in result.windows:
        assert window.end > window.start


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SAMPLE_FILES), st.integers(min_value=0), st.binary(max_size=8))
def test_damaged_samples_never_crash_any_reader(path: Path, position: int, junk: bytes) -> None:
    data = path.read_bytes()
    cut = position % (len(data) + 1)
    damaged = data[:cut] + junk + data[cut + len(junk) :]
    for kind in SOURCE_KINDS:
        with contextlib.suppress(MailguardError):
            parse_source(damaged, kind, CTX)


def test_text_that_only_starts_like_json_is_read_as_text() -> None:
    """A mailed notice whose subject starts "[Example Mail]" is prose, not broken JSON."""
    notice = b"[Example Mail] Scheduled maintenance\n\n21 March 2026, 22:00 - 23:00 UTC\n"
    assert detect_kind(notice, CTX) == "text"


@pytest.mark.parametrize("data", [b'[{"id": "x", "name": "IMAP"', b"[1, 2]", b'["Example"] x'])
def test_an_array_that_is_no_status_page_stays_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError, match="not a status page format"):
        detect_kind(data, CTX)
