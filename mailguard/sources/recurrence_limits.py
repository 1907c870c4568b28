"""How much of an iCalendar recurrence mailguard expands: rules that never advance are refused.

``recurring_ical_events`` expands RRULEs through dateutil, which walks the
rule's periods (days, weeks, months) from DTSTART on and stops only at an
occurrence past the horizon, or in the year 9999 when none ever comes.
``INTERVAL=0`` never leaves DTSTART (it ran past 1 GB in 45 s); BY-parts that
exclude each other (February 30) walk 8,000 years of periods, 3 to 6 s per
event. Both are refused here before anything is expanded, by asking dateutil
itself for an occurrence in a probe span short enough to walk at once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

import icalendar
from dateutil import rrule

#: 9972 is a leap year, and 9972 up to dateutil's last year 9999 holds all 14 kinds of
#: year (leap or not, starting on each weekday) without a century in between: a rule
#: that has no occurrence in these 28 years has none ever. Walking them costs at most
#: 10,000 days (about 20 ms), and most rules answer with their first period.
_PROBE_YEAR = 9972

_FREQUENCIES: dict[str, Literal[0, 1, 2, 3, 4, 5, 6]] = {
    "YEARLY": rrule.YEARLY,
    "MONTHLY": rrule.MONTHLY,
    "WEEKLY": rrule.WEEKLY,
    "DAILY": rrule.DAILY,
    "HOURLY": rrule.HOURLY,
}
_WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_BYDAY = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")


@dataclass(slots=True)
class ExpansionBudget:
    """What one source may still expand: occurrences, and dateutil steps walked to reach them.

    Each event has its own cap too; this one stops a calendar of thousands of
    events, each within its own cap, from adding up to minutes.
    """

    occurrences: int
    steps: int
    left_out: int = 0  # events not read, or cut short, because the budget ran out

    def spend(self, occurrences: int, steps: int) -> None:
        self.occurrences -= occurrences
        self.steps -= steps

    @property
    def exhausted(self) -> bool:
        return self.occurrences <= 0 or self.steps <= 0


def rule_problem(rule: icalendar.vRecur, start: datetime) -> str | None:
    """Why expanding ``rule`` from ``start`` could never finish, or None when it advances.

    Raises ValueError for parts dateutil could not read either.
    """
    text = _rule_text(rule)
    intervals = rule.get("INTERVAL") or [1]
    if any(not isinstance(step, int) or step < 1 for step in intervals):
        return f"its RRULE {text} never advances (INTERVAL must be 1 or more)"
    frequency = str((rule.get("FREQ") or [""])[0]).upper()
    if frequency not in _FREQUENCIES:
        return None  # no FREQ: dateutil refuses it; MINUTELY/SECONDLY: refused as too dense
    if not _ever_recurs(frequency, _Parts.of(rule), int(intervals[0]), start):
        return f"its RRULE {text} never recurs (no date fits its INTERVAL and BY-parts)"
    return None


@dataclass(frozen=True, slots=True)
class _Parts:
    """An RRULE's BY-parts as dateutil takes them; hashable, so probes are cached."""

    bymonth: tuple[int, ...]
    byweekno: tuple[int, ...]
    byyearday: tuple[int, ...]
    bymonthday: tuple[int, ...]
    byday: tuple[tuple[int, int], ...]  # (weekday, ordinal; 0 for every one)
    bysetpos: tuple[int, ...]
    byhour: tuple[int, ...]
    byminute: tuple[int, ...]
    bysecond: tuple[int, ...]
    wkst: int

    @classmethod
    def of(cls, rule: icalendar.vRecur) -> _Parts:
        def numbers(key: str) -> tuple[int, ...]:
            return tuple(int(str(value)) for value in rule.get(key) or [])

        wkst = str((rule.get("WKST") or ["MO"])[0]).upper()
        if wkst not in _WEEKDAYS:
            raise ValueError(f"unknown WKST {wkst!r}")
        return cls(
            bymonth=numbers("BYMONTH"),
            byweekno=numbers("BYWEEKNO"),
            byyearday=numbers("BYYEARDAY"),
            bymonthday=numbers("BYMONTHDAY"),
            byday=tuple(_weekday(str(day)) for day in rule.get("BYDAY") or []),
            bysetpos=numbers("BYSETPOS"),
            byhour=numbers("BYHOUR"),
            byminute=numbers("BYMINUTE"),
            bysecond=numbers("BYSECOND"),
            wkst=_WEEKDAYS[wkst],
        )

    @property
    def picks_days(self) -> bool:
        return bool(self.bymonth or self.byweekno or self.byyearday or self.bymonthday)


def _weekday(text: str) -> tuple[int, int]:
    match = _BYDAY.fullmatch(text.strip().upper())
    if match is None:
        raise ValueError(f"unreadable BYDAY {text!r}")
    return _WEEKDAYS[match.group(2)], int(match.group(1) or 0)


def _ever_recurs(frequency: str, parts: _Parts, interval: int, start: datetime) -> bool:
    """Does the rule have an occurrence after DTSTART at all?"""
    if frequency in ("DAILY", "HOURLY"):
        return _days_recur(frequency, parts, interval, start)
    if frequency == "MONTHLY":
        # Stepping by INTERVAL months from DTSTART's month reaches only some months.
        visited = {(start.month - 1 + k * interval) % 12 + 1 for k in range(12)}
        months = (set(parts.bymonth) or visited) & visited
        if not months:
            return False
        parts = replace(parts, bymonth=tuple(sorted(months)))
    if frequency == "WEEKLY" and not (
        parts.byday or parts.byweekno or parts.byyearday or parts.bymonthday
    ):
        # dateutil's default: DTSTART's weekday (which the probe year's date does not share).
        parts = replace(parts, byday=((start.weekday(), 0),))
    # At most 28 years, 336 months or 1,461 weeks to walk.
    return _probe(frequency, parts, start.replace(year=_PROBE_YEAR, tzinfo=None))


def _days_recur(frequency: str, parts: _Parts, interval: int, start: datetime) -> bool:
    weekdays = {day for day, _ in parts.byday}  # ordinals mean nothing below MONTHLY
    step_hours = interval * (24 if frequency == "DAILY" else 1)
    if step_hours % (7 * 24) == 0:  # whole weeks: only DTSTART's weekday comes round
        weekdays = (weekdays or set(range(7))) & {start.weekday()}
        if not weekdays:
            return False
    # Every listed time exists in every period, so BYSETPOS can pick only that many.
    per_period = len(parts.byminute or [0]) * len(parts.bysecond or [0])
    if frequency == "DAILY":
        per_period *= len(parts.byhour or [0])
    if parts.bysetpos and all(abs(position) > per_period for position in parts.bysetpos):
        return False
    if not (parts.picks_days or weekdays):
        return True
    # Which days qualify does not depend on the frequency: a yearly rule finds out
    # in 28 steps instead of 10,000 daily ones.
    days_only = replace(
        parts,
        byday=tuple((day, 0) for day in sorted(weekdays)),
        bysetpos=(),
        byhour=(),
        byminute=(),
        bysecond=(),
    )
    return _probe("YEARLY", days_only, datetime(_PROBE_YEAR, 1, 1))  # noqa: DTZ001 (dateutil walks naive)


@functools.lru_cache(maxsize=512)
def _probe(frequency: str, parts: _Parts, probe_start: datetime) -> bool:
    """dateutil's own answer: an occurrence after ``probe_start`` before the year 10000."""
    probe = rrule.rrule(
        _FREQUENCIES[frequency],
        dtstart=probe_start,
        wkst=parts.wkst,
        bymonth=parts.bymonth or None,
        byweekno=parts.byweekno or None,
        byyearday=parts.byyearday or None,
        bymonthday=parts.bymonthday or None,
        byweekday=[rrule.weekday(day, ordinal or None) for day, ordinal in parts.byday] or None,
        bysetpos=parts.bysetpos or None,
        byhour=parts.byhour or None,
        byminute=parts.byminute or None,
        bysecond=parts.bysecond or None,
        cache=False,
    )
    return probe.after(probe_start) is not None


def _rule_text(rule: icalendar.vRecur) -> str:
    text = ";".join(f"{key}={','.join(map(str, values))}" for key, values in rule.items())
    return text if len(text) <= 80 else text[:79] + "…"
