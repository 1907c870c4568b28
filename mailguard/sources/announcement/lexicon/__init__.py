"""The words announcements use for dates, times, zones and durations, in German and English.

Each language's words live in its own table (``de``, ``en``); every zone name in
one table (``zones``). This module merges them into what the reader looks up,
so adding a form is adding a row. Keys are lower case except zone abbreviations,
which are matched case-sensitively ("ET" is a zone, "et" is French).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from mailguard.sources.announcement.lexicon.de import GERMAN
from mailguard.sources.announcement.lexicon.en import ENGLISH
from mailguard.sources.announcement.lexicon.language import Language
from mailguard.sources.announcement.lexicon.zones import IANA_AREAS, ZONE_WORDS, ZoneWord

LANGUAGES: tuple[Language, ...] = (GERMAN, ENGLISH)


def _merged(pick: Callable[[Language], dict]) -> dict:  # type: ignore[type-arg]
    merged: dict = {}  # type: ignore[type-arg]
    for language in LANGUAGES:
        merged.update(pick(language))
    return merged


def _union(pick: Callable[[Language], Iterable[str]]) -> frozenset[str]:
    return frozenset(word for language in LANGUAGES for word in pick(language))


def _phrases(pick: Callable[[Language], tuple[str, ...]]) -> re.Pattern[str]:
    """One case-insensitive pattern for a kind of phrase, in either language."""
    alternatives = [phrase for language in LANGUAGES for phrase in pick(language)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


MONTHS: dict[str, int] = _merged(lambda lang: lang.months)
WEEKDAYS: dict[str, int] = _merged(lambda lang: lang.weekdays)
WEEKDAY_ABBREVIATIONS: frozenset[str] = _union(lambda lang: lang.weekday_abbreviations)
WEEKDAY_PLURALS: dict[str, int] = _merged(lambda lang: lang.weekday_plurals)
NUMBER_WORDS: dict[str, float] = _merged(lambda lang: lang.number_words)
ORDINALS: dict[str, int] = _merged(lambda lang: lang.ordinals)
UNIT_MINUTES: dict[str, int] = _merged(lambda lang: lang.unit_minutes)
KEYWORD_KINDS: dict[str, str] = _merged(lambda lang: lang.keywords)
KEYWORD_PHRASES: dict[str, str] = _merged(lambda lang: lang.keyword_phrases)
GLUE_WORDS: frozenset[str] = _union(lambda lang: lang.glue)
REPEAT_WORDS: frozenset[str] = _union(lambda lang: lang.repeat)
NIGHT_WORDS: frozenset[str] = _union(lambda lang: lang.night)
NIGHT_INTO_WORDS: frozenset[str] = _union(lambda lang: lang.night_into)
RELATIVE_DAYS: dict[str, int] = _merged(lambda lang: lang.relative_days)
COUNTER_WORDS: frozenset[str] = _union(lambda lang: lang.counters)
ABBREVIATIONS: frozenset[str] = _union(lambda lang: lang.abbreviations)
EVERY_WORDS: frozenset[str] = _union(lambda lang: lang.every)
EVERY_OTHER_WORDS: frozenset[str] = _union(lambda lang: lang.every_other)
GERMAN_HINTS: frozenset[str] = GERMAN.hints
ENGLISH_HINTS: frozenset[str] = ENGLISH.hints

CANCELLED = _phrases(lambda lang: lang.cancelled_phrases)
POSTPONED = _phrases(lambda lang: lang.postponed_phrases)
SAME_TIME = _phrases(lambda lang: lang.same_time_phrases)
COMPLETED = _phrases(lambda lang: lang.completed_phrases)
PROSPECTIVE = _phrases(lambda lang: lang.prospective_phrases)
CANCEL_DOUBT = _phrases(lambda lang: lang.cancel_doubt_phrases)
ACTUAL = _phrases(lambda lang: lang.actual_phrases)
SERVICE_HOURS = _phrases(lambda lang: lang.service_hours_phrases)
OUTAGE = _phrases(lambda lang: lang.outage_phrases)
DELAY = _phrases(lambda lang: lang.delay_phrases)
LENGTH = _phrases(lambda lang: lang.length_phrases)
DAILY = _phrases(lambda lang: lang.daily_phrases)
MONTHLY = _phrases(lambda lang: lang.monthly_phrases)
BIWEEKLY = _phrases(lambda lang: lang.biweekly_phrases)

#: Every zone spelling, to the row that says what it means.
ZONES: dict[str, ZoneWord] = {
    (spelling if row.exact_case else spelling.lower()): row
    for row in ZONE_WORDS
    for spelling in row.spellings
}
#: For a seasonal name: the region it belongs to and whether it names summer time.
ZONE_SEASONS: dict[str, tuple[str, bool]] = {
    spelling: (row.region, row.summer) for spelling, row in ZONES.items() if row.summer is not None
}
__all__ = ["IANA_AREAS", "Language", "ZoneWord"]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that prefers the longest word (``märz`` before ``mär``)."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


#: Where a clause begins: a cancellation or completion is read in its own clause only.
_CLAUSE_MARKS = ",;:(–—"


def stated(
    phrase: re.Pattern[str], doubts: re.Pattern[str], text: str, *, doubt_inside: bool = False
) -> bool:
    """Whether ``text`` says ``phrase`` outright: no doubt before it in its clause.

    "has not been cancelled", "if the maintenance is cancelled", "once it is finished"
    say nothing happened; ``doubt_inside`` also looks inside the phrase ("sind bis
    1 Uhr abgeschlossen").
    """
    for match in phrase.finditer(text):
        clause = max(text.rfind(mark, 0, match.start()) for mark in _CLAUSE_MARKS) + 1
        end = match.end() if doubt_inside else match.start()
        if doubts.search(text[clause:end]) is None:
            return True
    return False


def cancels(text: str) -> bool:
    """ "entfällt", "has been cancelled": but not "has not been cancelled", "if cancelled"."""
    return stated(CANCELLED, CANCEL_DOUBT, text)


def says_done(text: str) -> bool:
    """ "wurde abgeschlossen": but not "once it is finished", "sind bis 1 Uhr abgeschlossen"."""
    return stated(COMPLETED, PROSPECTIVE, text, doubt_inside=True)
