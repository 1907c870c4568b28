"""The corpus of announcements is read as a person reads it, and never confidently wrong.

Each announcement in tests/samples/announcements/ states the windows a person
reads in it; the scorer prints how many of each form family are read exactly so.
Beyond the corpus as written, hypothesis takes information away (a year, a zone, a
sentence, the configured zone): whatever is read then may be less sure, but a
window read with high confidence must still be one a person reads in the original.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailguard.core.model import Confidence
from mailguard.sources.announcement import lexicon
from mailguard.sources.base import ParseContext
from tests.sources.announcement_corpus import Announcement, load, misses, score, table

CORPUS = load()
BY_NAME = {announcement.name: announcement for announcement in CORPUS}
SYSTEM_ZONES = [ZoneInfo("UTC"), ZoneInfo("Europe/Berlin"), ZoneInfo("America/Los_Angeles")]
_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")
_ZONE_WORDS = re.compile(
    rf"(?<![\w/])(?:{lexicon.alternation(lexicon.ZONES)})(?![\w/])", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


def test_the_corpus_holds_at_least_150_announcements_in_both_languages() -> None:
    assert len(CORPUS) >= 150
    assert len(BY_NAME) == len(CORPUS), "announcement ids repeat within a family"
    for family in {a.family for a in CORPUS}:
        languages = {a.language for a in CORPUS if a.family == family}
        assert languages == {"de", "en"}, family


def test_every_family_scores_completely(capsys: pytest.CaptureFixture[str]) -> None:
    """The scorer's table, printed in every run; any miss fails with its difference."""
    scores = score(CORPUS)
    report = "\n".join(table(scores))
    with capsys.disabled():
        print(f"\n\nAnnouncement corpus (tests/samples/announcements)\n{report}\n")
    missed = [miss for family in scores.values() for miss in family.misses]
    assert not missed, report + "\n" + "\n".join(missed)


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_each_announcement_gives_the_windows_a_person_reads(name: str) -> None:
    assert misses(BY_NAME[name]) == []


def _spans(announcement: Announcement) -> set[tuple[datetime, datetime]]:
    """What a person may read: the expected windows, and where the text contradicts
    itself, the other side (removing one side of "9 PM Eastern (UTC-5)" leaves the other)."""
    return {(e.start, e.end) for e in announcement.expected} | set(announcement.also)


def _confident_spans(announcement: Announcement, ctx: ParseContext, text: str) -> set:
    windows = announcement.read(ctx, text).windows
    return {(w.start, w.end) for w in windows if w.confidence is Confidence.HIGH}


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_no_high_confidence_window_differs_from_what_a_person_reads(name: str) -> None:
    announcement = BY_NAME[name]
    assert _confident_spans(announcement, announcement.ctx, announcement.text) <= _spans(
        announcement
    )


def _guessed(ctx: ParseContext, zone: ZoneInfo) -> ParseContext:
    """The same context, but its zone only the computer's: no --tz, no configured zone."""
    return ParseContext(
        ctx.source, zone, ctx.now, ctx.horizon_start, ctx.horizon_end, ctx.anchor, True
    )


def _without(pattern: re.Pattern[str], text: str, which: int) -> str:
    found = list(pattern.finditer(text))
    if not found:
        return text
    match = found[which % len(found)]
    return text[: match.start()] + text[match.end() :]


def _without_sentence(text: str, which: int) -> str:
    parts = [part for part in _SENTENCE_END.split(text) if part.strip()]
    if len(parts) < 2:
        return text
    del parts[which % len(parts)]
    return "\n".join(parts)


_LOSSES = {
    "year": lambda text, which: _without(_YEAR, text, which),
    "zone": lambda text, which: _without(_ZONE_WORDS, text, which),
    "sentence": _without_sentence,
    "nothing": lambda text, which: text,
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    announcement=st.sampled_from(CORPUS),
    loss=st.sampled_from(sorted(_LOSSES)),
    which=st.integers(min_value=0, max_value=20),
    zone=st.sampled_from(SYSTEM_ZONES),
    days_later=st.integers(min_value=-40, max_value=400),
)
def test_taking_information_away_never_makes_a_confident_wrong_window(
    announcement: Announcement, loss: str, which: int, zone: ZoneInfo, days_later: int
) -> None:
    """Less to read is at most less sure: a high window is still one a person reads.

    The configured zone becomes a guess (else "22:00" read in --tz would rightly be
    high), and "now" moves, which only changes what was guessed from it (the span
    stays, so a recurring window has the same occurrences).
    """
    text = _LOSSES[loss](announcement.text, which)
    ctx = _guessed(announcement.ctx, zone)
    moved = timedelta(days=days_later)
    ctx = ParseContext(
        ctx.source, ctx.zone, ctx.now + moved, ctx.horizon_start, ctx.horizon_end, None, True
    )
    assert _confident_spans(announcement, ctx, text) <= _spans(announcement)


@pytest.mark.parametrize("zone", [UTC, timezone(timedelta(hours=-3)), ZoneInfo("Asia/Tokyo")])
def test_a_zone_taken_from_the_computer_is_never_high_and_always_said(zone) -> None:
    """The seed notice read without --tz on a machine in another zone: a guess, said so."""
    seed = BY_NAME["seed forms/de-nacht-vom-zum"]
    [window] = seed.read(_guessed(seed.ctx, zone)).windows
    assert window.confidence is Confidence.MEDIUM
    assert any("time zone not stated" in warning for warning in window.warnings)
