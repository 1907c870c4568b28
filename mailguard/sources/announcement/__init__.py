"""Reading maintenance windows out of free German or English prose.

Providers announce maintenance in blog posts and mails ("in der Nacht vom
18.07.2011 zum 19.07.2011 (23:45 Uhr – 02:30 Uhr)", "on March 3, 2026 from
10 pm to 2 am CET"). No library reads time *ranges* in German prose, so this
grammar is hand-written on purpose: ``tokens`` finds dates, times, zones and
durations, ``document`` splits the text into sentences, ``grammar`` matches
time phrases, ``resolve`` pins them to aware datetimes and ``reader`` turns
them into windows. Feed entries and plain-text sources both call
``read_announcement``.
"""

from mailguard.sources.announcement.reader import read_announcement

__all__ = ["read_announcement"]
