"""Recurring windows in prose ("jeden ersten Dienstag im Monat von 5 bis 6 Uhr").

A sentence that names a weekday with "every"/"jeden", in the plural ("sonntags"),
as a range ("Mo–Fr") or a day ("täglich", "nightly") is read as a recurrence rule
and expanded like an iCalendar RRULE, by dateutil, over the span asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from dateutil import rrule

from mailguard.sources.announcement import lexicon
from mailguard.sources.announcement.document import Sentence
from mailguard.sources.announcement.grammar import Reading
from mailguard.sources.announcement.tokens import Token, Weekday

#: A rule over a long span is cut here (and says so): no maintenance plan is longer.
MAX_OCCURRENCES = 1000
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQUENCY_NAMES = {rrule.DAILY: "DAILY", rrule.WEEKLY: "WEEKLY", rrule.MONTHLY: "MONTHLY"}
_LOOK_BACK = 3  # words before the weekday that say how it recurs ("jeden ersten")


@dataclass(frozen=True, slots=True)
class Recurrence:
    frequency: Literal[1, 2, 3]  # rrule.MONTHLY, WEEKLY or DAILY
    weekdays: tuple[int, ...] = ()  # Monday = 0
    interval: int = 1
    nth: int | None = None  # monthly: the 1st … 4th, or -1 for the last
    #: "jeden zweiten Donnerstag": which weeks is not said, so the first is a guess.
    phase_guessed: bool = False

    @property
    def text(self) -> str:
        """The rule as an RRULE, so a reader can check what the prose was taken to mean."""
        parts = [f"FREQ={_FREQUENCY_NAMES[self.frequency]}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.weekdays:
            prefix = "" if self.nth is None else f"{self.nth:+d}"
            parts.append("BYDAY=" + ",".join(prefix + _BYDAY[day] for day in self.weekdays))
        return ";".join(parts)

    def days(self, first: date, last: date, *, until: date | None = None) -> list[date]:
        """Occurrence days from ``first`` to ``last`` (inclusive), at most MAX_OCCURRENCES + 1."""
        byweekday = [rrule.weekday(day, self.nth) for day in self.weekdays] or None
        if self.interval > 1 and len(self.weekdays) == 1:
            # "every other Thursday": count the weeks from the first Thursday, not from ``first``
            first += timedelta(days=(self.weekdays[0] - first.weekday()) % 7)
        rule = rrule.rrule(
            self.frequency,
            dtstart=datetime(first.year, first.month, first.day, tzinfo=UTC),
            interval=self.interval,
            byweekday=byweekday,
            until=datetime(until.year, until.month, until.day, tzinfo=UTC) if until else None,
            cache=False,
        )
        stop = datetime(last.year, last.month, last.day, tzinfo=UTC)  # days only: any zone
        found: list[date] = []
        for moment in rule:
            if moment > stop or len(found) > MAX_OCCURRENCES:
                break
            found.append(moment.date())
        return found


def recurrence_of(sentence: Sentence, reading: Reading) -> Recurrence | None:
    """The rule a reading's sentence states, if it names a recurring window."""
    if reading.start_time is None:
        return None
    start = reading.start_date
    if start is None:
        if sentence.mentions(lexicon.DAILY) and not sentence.dates:
            return Recurrence(rrule.DAILY)
        return None
    if not isinstance(start.value, Weekday):
        return None
    weekdays: tuple[int, ...] = (start.value.weekday,)
    end = reading.end_date
    if end is not None and isinstance(end.value, Weekday):
        span = (end.value.weekday - start.value.weekday) % 7
        weekdays = tuple((start.value.weekday + n) % 7 for n in range(span + 1))
    index = reading.first
    while index < reading.last and sentence.tokens[index] is not start:
        index += 1
    before = [t.text.lower() for t in sentence.tokens[max(0, index - _LOOK_BACK) : index]]
    every = any(word in lexicon.EVERY_WORDS for word in before)
    ordinal = next((lexicon.ORDINALS[word] for word in before if word in lexicon.ORDINALS), None)
    if ordinal is not None and sentence.mentions(lexicon.MONTHLY):
        return Recurrence(rrule.MONTHLY, weekdays, nth=ordinal)
    biweekly = sentence.mentions(lexicon.BIWEEKLY) or (
        every and any(word in lexicon.EVERY_OTHER_WORDS for word in before)
    )
    if biweekly:
        return Recurrence(rrule.WEEKLY, weekdays, interval=2, phase_guessed=True)
    if every or start.value.plural or len(weekdays) > 1 or sentence.repeats:
        return Recurrence(rrule.WEEKLY, weekdays)
    return None


def stated_bounds(sentence: Sentence, reading: Reading) -> tuple[Token | None, Token | None]:
    """ "ab dem 1. März 2026 jeden Mittwoch … bis zum 30. Juni": when the rule starts and ends."""
    first = last = None
    tokens = sentence.tokens
    for index, token in sentence.month_dates:  # not every token: asked for each reading
        if token is reading.start_date:
            continue
        word = tokens[index - 1].kind if index else ""
        if word == "-":
            last = token
        elif word in ("S", "F"):
            first = token
    return first, last
