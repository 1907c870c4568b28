"""The announcement corpus: the forms providers write, each with the windows a person reads.

``tests/samples/announcements/*.toml`` holds one form family per file: its
announcements (German and English), the context each is read in, and the
windows expected, with their confidence and, where the text says so, their
status and whether the end is estimated. A text that contradicts itself lists
the other reading a person might take under ``also``. ``score`` reads every announcement and
counts, per family, those read exactly as expected.

Run ``python -m tests.sources.announcement_corpus`` for the score table and each
miss; the test suite runs the same scorer (tests/sources/test_announcement_corpus.py).
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from mailguard.core.model import MaintenanceWindow
from mailguard.sources.announcement import read_announcement
from mailguard.sources.base import ParseContext, ParseResult

CORPUS = Path(__file__).resolve().parent.parent / "samples" / "announcements"
DEFAULT_NOW = "2026-02-01T12:00:00+01:00"
DEFAULT_ZONE = "Europe/Berlin"
#: A context zone written "system:ZONE" was not chosen: it is the computer's, a guess.
SYSTEM = "system:"

#: (start, end, confidence, status, end_estimated), comparable across zones by instant.
Shape = tuple[datetime, datetime, str, str | None, bool]


@dataclass(frozen=True, slots=True)
class Expected:
    start: datetime
    end: datetime
    confidence: str
    status: str | None = None
    estimated: bool = False

    @property
    def shape(self) -> Shape:
        return (self.start, self.end, self.confidence, self.status, self.estimated)


@dataclass(frozen=True, slots=True)
class Announcement:
    family: str
    ident: str
    language: str
    text: str
    ctx: ParseContext
    title: str = ""
    published: datetime | None = None
    expected: tuple[Expected, ...] = ()
    #: Where the text contradicts itself ("21:00 CET (4 PM EST)"): the other reading.
    also: tuple[tuple[datetime, datetime], ...] = ()

    @property
    def name(self) -> str:
        return f"{self.family}/{self.ident}"

    def read(self, ctx: ParseContext | None = None, text: str | None = None) -> ParseResult:
        return read_announcement(
            self.text if text is None else text,
            ctx or self.ctx,
            title=self.title,
            published=self.published,
        )


@dataclass(slots=True)
class Score:
    passed: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)


def shape_of(window: MaintenanceWindow) -> Shape:
    status = window.status.value if window.status is not None else None
    return (window.start, window.end, window.confidence.value, status, window.end_estimated)


def same_shape(read: Shape, expected: Shape) -> bool:
    """Equal instants and equal UTC offsets: "22:00 CET" must come out as +01:00."""
    return read == expected and read[0].utcoffset() == expected[0].utcoffset()


def load(corpus: Path = CORPUS) -> list[Announcement]:
    announcements = []
    for path in sorted(corpus.glob("*.toml")):
        with path.open("rb") as handle:
            document = tomllib.load(handle)
        family = document["family"]
        for entry in document["announcement"]:
            announcements.append(_announcement(family, entry))
    return announcements


def _announcement(family: str, entry: dict) -> Announcement:  # type: ignore[type-arg]
    zone_text = entry.get("zone", DEFAULT_ZONE)
    guessed = zone_text.startswith(SYSTEM)
    zone = ZoneInfo(zone_text.removeprefix(SYSTEM))
    now = datetime.fromisoformat(entry.get("now", DEFAULT_NOW))
    start = _day_start(entry["from"], zone) if "from" in entry else now - timedelta(days=30)
    end = (
        _day_start(entry["until"], zone) + timedelta(days=1)
        if "until" in entry
        else now + timedelta(days=365)
    )
    ctx = ParseContext(
        source=f"corpus:{family}/{entry['id']}",
        zone=zone,
        now=now,
        horizon_start=start,
        horizon_end=end,
        zone_guessed=guessed,
    )
    published = entry.get("published")
    return Announcement(
        family=family,
        ident=entry["id"],
        language=entry["lang"],
        text=entry["text"],
        ctx=ctx,
        title=entry.get("title", ""),
        published=datetime.fromisoformat(published) if published else None,
        expected=tuple(
            Expected(
                start=datetime.fromisoformat(window["start"]),
                end=datetime.fromisoformat(window["end"]),
                confidence=window["confidence"],
                status=window.get("status"),
                estimated=window.get("estimated", False),
            )
            for window in entry.get("windows", [])
        ),
        also=tuple(
            (datetime.fromisoformat(w["start"]), datetime.fromisoformat(w["end"]))
            for w in entry.get("also", [])
        ),
    )


def _day_start(day: str, zone: tzinfo) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(0), tzinfo=zone)


def misses(announcement: Announcement) -> list[str]:
    """How the reading differs from the expected windows; empty when it is exact."""
    read = sorted((shape_of(w) for w in announcement.read().windows), key=_order)
    expected = sorted((e.shape for e in announcement.expected), key=_order)
    if len(read) == len(expected) and all(map(same_shape, read, expected)):
        return []
    return [
        *(f"  missing {_show(s)}" for s in expected if not any(same_shape(r, s) for r in read)),
        *(f"  extra   {_show(s)}" for s in read if not any(same_shape(s, e) for e in expected)),
    ] or ["  the same windows, but not as often"]


def _order(shape: Shape) -> tuple[datetime, datetime]:
    return shape[0], shape[1]


def _show(shape: Shape) -> str:
    start, end, confidence, status, estimated = shape
    extra = "".join(f", {x}" for x in (status, "estimated" if estimated else None) if x)
    return f"{start.isoformat()} – {end.isoformat()} ({confidence}{extra})"


def score(announcements: list[Announcement]) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for announcement in announcements:
        family = scores.setdefault(announcement.family, Score())
        family.total += 1
        wrong = misses(announcement)
        if wrong:
            family.misses.append("\n".join([announcement.name, *wrong]))
        else:
            family.passed += 1
    return scores


def table(scores: dict[str, Score]) -> Iterator[str]:
    width = max(len(name) for name in scores)
    passed = sum(s.passed for s in scores.values())
    total = sum(s.total for s in scores.values())
    yield f"{'family':{width}}  read as expected"
    for name, family in sorted(scores.items()):
        yield f"{name:{width}}  {family.passed:3d}/{family.total:<3d} {_percent(family)}"
    yield f"{'all':{width}}  {passed:3d}/{total:<3d} {100 * passed / total:5.1f} %"


def _percent(family: Score) -> str:
    return f"{100 * family.passed / family.total:5.1f} %"


def main() -> int:
    scores = score(load())
    for line in table(scores):
        print(line)
    for family in scores.values():
        for miss in family.misses:
            print(miss)
    return 0 if all(not s.misses for s in scores.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
