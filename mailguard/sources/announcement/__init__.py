"""Reading maintenance windows out of free German or English prose.

Providers announce maintenance in blog posts and mails ("in der Nacht vom
18.07.2011 zum 19.07.2011 (23:45 Uhr – 02:30 Uhr)", "on March 3, 2026 from
10 pm to 2 am CET"). No library reads time *ranges* in German prose, so this
grammar is hand-written on purpose. Measured on the test corpus
(bench/schedule_bench.py): dateparser's ``search_dates`` takes 5–7 ms per
announcement, some 20 times this reader, and finds 30 of its 198 window starts, as
instants without ends; its month and weekday names are no better than ours.

``lexicon`` holds the words, one table per language and one of zone names;
``tokens`` finds dates, times, zones and durations, ``attach`` joins tokens that
belong together, ``document`` splits the text into sentences, ``grammar`` matches
time phrases, ``resolve`` pins them to aware datetimes, ``recurrence`` expands
recurring ones, ``reader`` turns them into windows and ``revisions`` applies what
the text says about them (moved, completed). Feed entries, mailed notices and
plain-text sources all call ``read_announcement``.
"""

from mailguard.sources.announcement.reader import OccurrenceBudget, read_announcement

__all__ = ["OccurrenceBudget", "read_announcement"]
