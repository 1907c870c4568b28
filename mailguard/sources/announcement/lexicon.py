"""The words announcements use for dates, times, zones and durations, in German and English.

Plain tables only; ``tokens`` turns them into patterns. Keys are lower case
except zone abbreviations, which are matched case-sensitively ("ET" is a zone,
"et" is French).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jaenner": 1, "january": 1, "jan": 1, "jän": 1,
    "februar": 2, "feber": 2, "february": 2, "feb": 2, "febr": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: frozenset[str] = frozenset(
    {
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
        "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    }
)  # fmt: skip

#: Counting words for durations ("zwei bis drei Stunden", "an hour and a half").
NUMBER_WORDS: dict[str, float] = {
    "ein": 1, "eine": 1, "einen": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "fünfzehn": 15, "fuenfzehn": 15,
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfundvierzig": 45,
    "fuenfundvierzig": 45, "sechzig": 60, "neunzig": 90, "halbe": 0.5,
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5,
    "viereinhalb": 4.5,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45,
    "fortyfive": 45, "sixty": 60, "ninety": 90,
}  # fmt: skip

#: Duration units, as a multiple of one minute.
UNIT_MINUTES: dict[str, int] = {
    "stunde": 60, "stunden": 60, "std": 60, "hour": 60, "hours": 60, "hr": 60, "hrs": 60,
    "h": 60, "minute": 1, "minuten": 1, "minutes": 1, "min": 1, "mins": 1,
    "tag": 1440, "tage": 1440, "tagen": 1440, "day": 1440, "days": 1440,
}  # fmt: skip

#: Zone abbreviations with a fixed offset in hours, as announcements use them.
ZONE_OFFSETS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WEZ": 0, "WET": 0, "WESZ": 1, "WEST": 1, "BST": 1,
    "MEZ": 1, "CET": 1, "MESZ": 2, "CEST": 2, "OEZ": 2, "EET": 2, "OESZ": 3, "EEST": 3,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip

#: Zone names that follow daylight saving, so the offset depends on the date.
ZONE_REGIONS: dict[str, str] = {
    "PT": "America/Los_Angeles",
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "MEZ/MESZ": "Europe/Berlin",
    "CET/CEST": "Europe/Berlin",
    "deutscher zeit": "Europe/Berlin",
    "deutsche zeit": "Europe/Berlin",
    "german time": "Europe/Berlin",
    "berliner zeit": "Europe/Berlin",
    "pacific time": "America/Los_Angeles",
    "eastern time": "America/New_York",
    "central time": "America/Chicago",
    "mountain time": "America/Denver",
    "uk time": "Europe/London",
}

#: Spelled-out fixed zones (matched case-insensitively).
ZONE_LONG_OFFSETS: dict[str, float] = {
    "mitteleuropäischer sommerzeit": 2,
    "mitteleuropäische sommerzeit": 2,
    "central european summer time": 2,
    "mitteleuropäischer zeit": 1,
    "mitteleuropäische zeit": 1,
    "central european time": 1,
    "coordinated universal time": 0,
}

#: For a seasonal abbreviation: the region it belongs to and whether it names summer time.
ZONE_SEASONS: dict[str, tuple[str, bool]] = {
    "CET": ("Europe/Berlin", False), "MEZ": ("Europe/Berlin", False),
    "CEST": ("Europe/Berlin", True), "MESZ": ("Europe/Berlin", True),
    "BST": ("Europe/London", True),
    "EST": ("America/New_York", False), "EDT": ("America/New_York", True),
    "CST": ("America/Chicago", False), "CDT": ("America/Chicago", True),
    "MST": ("America/Denver", False), "MDT": ("America/Denver", True),
    "PST": ("America/Los_Angeles", False), "PDT": ("America/Los_Angeles", True),
}  # fmt: skip

#: Single-character token kinds for the words that shape a time phrase.
#: "-" range connector, "&" and, "B" between, "F" from, "S" start marker,
#: "P" dateline marker (what follows is when the text was written).
KEYWORD_KINDS: dict[str, str] = {
    **dict.fromkeys(
        ("bis", "to", "until", "till", "til", "through", "thru", "zum", "zur", "auf",
         "ende", "end", "ends", "endet", "enden", "ending"),
        "-",
    ),
    **dict.fromkeys(("und", "and"), "&"),
    **dict.fromkeys(("zwischen", "between"), "B"),
    **dict.fromkeys(("von", "vom", "from"), "F"),
    **dict.fromkeys(
        ("ab", "starting", "beginning", "begins", "begin", "starts", "start", "started",
         "beginnt", "beginnen", "beginnend", "beginn", "startet", "starten", "um", "at",
         "since", "seit", "commencing"),
        "S",
    ),
    **dict.fromkeys(
        ("veröffentlicht", "published", "posted", "aktualisiert", "updated", "erstellt",
         "geschrieben", "stand", "datum", "date", "gesendet", "sent"),
        "P",
    ),
}  # fmt: skip

#: Words that carry no meaning for a time phrase; left out so they do not count as a gap.
#: Weekdays are among them: "Samstag, den 14. März" says no more than "14. März".
GLUE_WORDS: frozenset[str] = WEEKDAYS | frozenset(
    {"am", "an", "on", "the", "den", "dem", "der", "des", "of", "im", "in", "uhr", "o'clock"}
)

#: Words that mean "each day/night of the range", not one long span.
REPEAT_WORDS: frozenset[str] = frozenset(
    {"jeweils", "täglich", "taeglich", "nightly", "daily", "each", "every", "jede", "jeden",
     "jeder", "allnächtlich", "nächtlich"}
)  # fmt: skip

#: Words before a full stop that do not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {"ca", "bzw", "ggf", "evtl", "inkl", "exkl", "etc", "nr", "approx", "std", "min", "max",
     "vs", "dr", "hr", "fr", "st", "tel", "vgl", "usw", "sog", "zzgl", "abs", "mr", "mrs",
     "ms", "jan", "feb", "febr", "mär", "mrz", "apr", "jun", "jul", "aug", "sep", "sept",
     "okt", "oct", "nov", "dez", "dec", "mo", "di", "mi", "do", "sa", "so", "mon", "tue",
     "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "incl", "ext"}
)  # fmt: skip

CANCELLED = re.compile(
    r"\b(?:abgesagt|entfällt|entfaellt|entfallen|storniert|gestrichen|cancell?ed|called\s+off"
    r"|findet\s+nicht\s+statt|finden\s+nicht\s+statt|will\s+not\s+take\s+place"
    r"|won't\s+take\s+place|wird\s+nicht\s+stattfinden|does\s+not\s+take\s+place)\b",
    re.IGNORECASE,
)
POSTPONED = re.compile(
    r"\b(?:verschoben|verlegt|postponed|rescheduled|moved|neuer\s+termin|new\s+date"
    r"|stattdessen|instead)\b",
    re.IGNORECASE,
)

#: Frequent words that tell the language, for reading 03/04/2026 day- or month-first.
GERMAN_HINTS: frozenset[str] = frozenset(
    {"der", "die", "das", "und", "wir", "ist", "uhr", "am", "nicht", "sie", "ihre", "wird",
     "werden", "bis", "von", "vom", "zum", "mit", "für", "auf", "zwischen", "wartung",
     "wartungsarbeiten", "ab"}
)  # fmt: skip
ENGLISH_HINTS: frozenset[str] = frozenset(
    {"the", "and", "we", "is", "will", "be", "on", "at", "not", "you", "your", "to", "from",
     "for", "between", "maintenance", "until", "during", "our", "are", "of"}
)  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that prefers the longest word (``märz`` before ``mär``)."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
