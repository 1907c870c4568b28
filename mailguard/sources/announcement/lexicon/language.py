"""The shape of one language's words for dates, times and maintenance, as plain tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Language:
    """Everything the reader knows about one language; keys are lower case.

    Phrases (``*_phrases``) are regular-expression fragments matched
    case-insensitively on word boundaries; everything else is a plain word.
    """

    months: dict[str, int]
    #: Weekday names and abbreviations, Monday = 0. Abbreviations count only when
    #: written with a capital and a dot or next to a date ("Sa., 14.03."; "Mo–Fr").
    weekdays: dict[str, int]
    weekday_abbreviations: frozenset[str]
    #: "montags", "on Mondays": every such weekday.
    weekday_plurals: dict[str, int]
    #: Counting words for durations and shifts ("zwei bis drei Stunden").
    number_words: dict[str, float]
    #: "ersten", "last": which weekday of a month.
    ordinals: dict[str, int]
    #: Duration units, as a multiple of one minute.
    unit_minutes: dict[str, int]
    #: Single words that shape a time phrase, and their token kind (see grammar.py).
    keywords: dict[str, str]
    #: Several words that act as one keyword ("no later than" ends a phrase).
    keyword_phrases: dict[str, str]
    #: Words that carry no meaning for a time phrase (so they are no gap between parts).
    glue: frozenset[str]
    #: "jeweils", "each": a range of days with times means each of those days.
    repeat: frozenset[str]
    #: "Nacht", "night": an evening and the morning after it.
    night: frozenset[str]
    #: "in der Nacht zum 15.": the date names the morning, not the evening.
    night_into: frozenset[str]
    #: "heute", "tomorrow": days counted from when the text was written.
    relative_days: dict[str, int]
    #: "Phase 2", "Schritt 3": the number counts steps, it is no date or hour.
    counters: frozenset[str]
    #: Words before a full stop that do not end a sentence.
    abbreviations: frozenset[str]
    #: Frequent words that tell the language (03/04/2026: day or month first).
    hints: frozenset[str]
    cancelled_phrases: tuple[str, ...]
    postponed_phrases: tuple[str, ...]
    #: A postponement that keeps the old times ("gleiche Uhrzeit").
    same_time_phrases: tuple[str, ...]
    #: The work is over ("wurde abgeschlossen"), as opposed to "will be completed".
    completed_phrases: tuple[str, ...]
    #: Before a cancellation in its clause, it is denied or only possible ("has not been
    #: cancelled", "sollte die Wartung entfallen"): the window stands.
    cancel_doubt_phrases: tuple[str, ...]
    #: A completion still ahead or only supposed, in the same clause ("once it is
    #: finished", "sind bis 1 Uhr abgeschlossen"): no completion notice.
    prospective_phrases: tuple[str, ...]
    #: What actually happened ("was offline from … to …"): not a planned window.
    actual_phrases: tuple[str, ...]
    #: Opening or hotline hours: times that are no maintenance.
    service_hours_phrases: tuple[str, ...]
    #: Words that make a sentence about an interruption, whatever else it names.
    outage_phrases: tuple[str, ...]
    #: A length that is not the window's ("mail is delivered within 2 hours").
    delay_phrases: tuple[str, ...]
    #: A length that is the window's ("should take around 90 minutes").
    length_phrases: tuple[str, ...]
    #: "every", "jeden": a recurring window.
    every: frozenset[str] = field(default_factory=frozenset)
    #: "other", "zweiten" after "jeden": every second week.
    every_other: frozenset[str] = field(default_factory=frozenset)
    #: "daily", "nightly": every day.
    daily_phrases: tuple[str, ...] = ()
    #: "alle zwei Wochen", "fortnightly": every second week.
    biweekly_phrases: tuple[str, ...] = ()
    #: "of the month", "im Monat": which weekday of each month.
    monthly_phrases: tuple[str, ...] = ()
