"""Finding dates, times, zones and durations in a line of prose, with their positions.

One scanner tries the specific forms first (an ISO timestamp before a date, a
date before a bare number) so the longest reading wins; "3." in "3. März" is
part of a date, not a sentence end. Each position tries only the forms that can
start with its first character (a digit, a letter, a symbol), which keeps the
reader fast. Each token gets a one-letter kind; the grammar matches patterns
over the string of kinds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, timedelta, timezone, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mailguard.sources.announcement import lexicon

# Token kinds (one character each, see grammar.py).
DATE = "D"  # a calendar date, perhaps without a year
DAY = "d"  # a bare day with a dot ("3." in "3.–5.3.2026")
NUMBER = "n"  # a small bare number: an hour or a day, depending on context
TIME = "T"
ZONE = "Z"
DURATION = "U"
ALL_DAY = "A"
WORD = "w"
BREAK = "|"  # a sentence end
PUBLISHED = "p"  # a date the text was written on ("posted 2026/03/02"), no window's
PAST = "R"  # a day gone by ("gestern", "yesterday's"): the times it dates are a report
OPEN, CLOSE = "(", ")"  # parentheses, folded away by ``attach`` once it has read them


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as written; ``month`` is None only for a bare day number."""

    day: int
    month: int | None
    year: int | None
    #: The (day, month) reading when the text could mean either (03/04/2026).
    other_reading: tuple[int, int] | None = None
    weekday: int | None = None  # as written beside it ("Samstag, 14. März"), Monday = 0
    night: bool = False  # "Sonntagnacht", "Sunday night": the evening and the morning after


@dataclass(frozen=True, slots=True)
class Weekday:
    """A weekday without a date ("am Samstag", "every Wednesday", "montags")."""

    weekday: int  # Monday = 0
    plural: bool = False  # "montags", "on Mondays": each of them
    night: bool = False


@dataclass(frozen=True, slots=True)
class RelativeDay:
    """ "heute", "tonight", "tomorrow": days counted from when the text was written."""

    offset: int
    night: bool = False


@dataclass(frozen=True, slots=True)
class MonthName:
    """A month named without a day ("Wartung im März 2026"): context for bare days."""

    month: int
    year: int | None


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day as written; ``hour`` may be 24 (the midnight that ends a day)."""

    hour: int
    minute: int
    meridian: str | None = None  # "am" / "pm"


@dataclass(frozen=True, slots=True)
class ZoneValue:
    zone: tzinfo
    label: str


@dataclass(frozen=True, slots=True)
class Span:
    """A stated duration; "zwei bis drei Stunden" has a shortest and a longest."""

    shortest: timedelta
    longest: timedelta


TokenValue = DateValue | Weekday | RelativeDay | MonthName | Clock | ZoneValue | Span | int | None


class Token(NamedTuple):
    """One piece of a line; a tuple because a line has many and they are made often."""

    kind: str
    text: str
    start: int
    end: int
    value: TokenValue = None


_MONTH = rf"(?:{lexicon.alternation(lexicon.MONTHS)})\b(?:\.(?=,?\s*\d))?"
#: Month names that stand alone ("Wartung im März"): full names only ("Mar" is no context).
_MONTH_ALONE = lexicon.alternation(
    name for name in lexicon.MONTHS if len(name) >= 4 or name == "mai"
)
_ORDINAL = r"(?:st|nd|rd|th)"
_YEAR = r"(?:19|20|21)\d\d"  # "0030" after a date is a clock, not the year 30
_NO_MORE_DIGITS = r"(?!\d|[:.]\d)"
_NOT_A_TIME = r"(?!\s*(?:[ap]\.?\s?m\b|uhr\b|h\b|o['’]clock))"
#: The "m" of "pm", "p.m.", "p. m."; the dot after "pm" is left to end the sentence.
_MERIDIAN_TAIL = r"(?:\.\s?m\.?|\s?m)(?!\w)"
_APPROX = (
    r"(?:ca\.|circa|zirka|etwa|rund|ungefähr|ungefaehr|voraussichtlich|about|approx\.?"
    r"|approximately|around|roughly|up\s+to|bis\s+zu|maximal|max\.|höchstens|hoechstens"
    r"|some|nearly|less\s+than|weniger\s+als|knapp)"
)
_INTRO = r"(?:für|fuer|for|über|ueber|dauert|dauern|lasting|lasts|last|takes?|taking|dauer|by|um)"
_WORD_QTY = rf"(?:{lexicon.alternation(lexicon.NUMBER_WORDS)})(?:\s+and\s+a\s+half)?\b"
_QTY = rf"(?:\d{{1,3}}(?:[.,]\d{{1,2}})?|{_WORD_QTY})"
_UNIT = (
    r"(?:(?:stunden|stunde|hours|hour|minuten|minutes|minute|tagen|tage|tag|days|day"
    r"|wochen|woche|weeks|week)\b|(?:std|hrs|hr|mins|min)\b\.?)"
)
_RANGE = r"\s*(?:-|–|—|bis|to|or|oder)\s*"
_ZONE_EXACT = lexicon.alternation(
    spelling for spelling, row in lexicon.ZONES.items() if row.exact_case and spelling != "Z"
)
_ZONE_WORDS = lexicon.alternation(
    spelling for spelling, row in lexicon.ZONES.items() if not row.exact_case
).replace(r"\ ", r"[\s-]+")
_IANA = rf"(?:{'|'.join(lexicon.IANA_AREAS)})/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?"
#: A 24-hour clock written as four digits ("0030", "2200").
_HHMM = r"(?:[01]\d|2[0-3])[0-5]\d"
#: What makes four digits a clock, not a year: "hrs", "Uhr", "h" or a zone right after.
_HHMM_UNIT = rf"(?:\s*(?:hrs|hours|h|uhr)\b|(?=\s*(?-i:{_ZONE_EXACT}|Z)\b))"
_CONNECTOR = r"-|–|—|to|bis|until|till|und|and"
_WEEKDAY = lexicon.alternation([*lexicon.WEEKDAYS, *lexicon.WEEKDAY_PLURALS])
_RELATIVE = lexicon.alternation(lexicon.RELATIVE_DAYS)
_NIGHT_OR_EVENING = r"(?:nacht|night|abend|evening)"
_KEYWORD_PHRASES = lexicon.alternation(lexicon.KEYWORD_PHRASES).replace(r"\ ", r"\s+")


def _duration_tail(prefix: str) -> str:
    """ "bis drei Stunden und 30 Minuten" after the first quantity, groups named per family."""
    return (
        rf"(?:{_RANGE}(?P<{prefix}_b>{_QTY}))?\s*(?P<{prefix}_u>{_UNIT})"
        rf"(?:\s*(?:und|and)\s*(?P<{prefix}_c>{_QTY})\s*(?P<{prefix}_cu>{_UNIT}))?"
    )


#: Families that start with a digit, most specific first (an ISO stamp before a date,
#: a date before a duration, a duration before a time, a time before a bare number).
_DIGIT_LED = {
    "iso_stamp": (
        r"(?<![\w-])(?P<is_y>\d{4})-(?P<is_mo>\d{2})-(?P<is_d>\d{2})T(?P<is_h>\d{2}):(?P<is_mi>\d{2})"
        r"(?::\d{2}(?:\.\d+)?)?(?P<is_z>(?-i:Z)|[+-]\d{2}:?\d{2})?(?![\w:])"
    ),
    "iso_date": r"(?<![\w-])(?P<id_y>\d{4})-(?P<id_mo>\d{2})-(?P<id_d>\d{2})(?![\w-])",
    "slash_ymd": r"(?<![\w/.])(?P<sy_y>\d{4})/(?P<sy_mo>\d{1,2})/(?P<sy_d>\d{1,2})(?![\w/])",
    "slash": r"(?<![\w/.])(?P<sl_a>\d{1,2})/(?P<sl_b>\d{1,2})/(?P<sl_y>\d{4}|\d{2})(?![\w/])",
    # "0030-0330 BST", "from 0100 to 0300 hrs": two four-digit clocks; a year range
    # ("2025-2026") has neither a unit nor a leading zero
    "hhmm_range": (
        rf"(?<![\w.:/-])(?P<hr_a>{_HHMM})\s*(?P<hr_to>{_CONNECTOR})\s*(?P<hr_b>{_HHMM})"
        rf"(?P<hr_u>{_HHMM_UNIT})?(?![\w:.])"
    ),
    "hhmm": (rf"(?<![\w.:/])(?P<hm>{_HHMM})(?:(?P<hm_z>(?-i:Z))(?!\w)|{_HHMM_UNIT}(?![\w:]))"),
    # "von 0.30 bis 4.30 Uhr": the first clock borrows the "Uhr" of the second
    "dotted_range": (
        r"(?<![\w.,])(?P<dr_a>2[0-4]|[01]?\d)\.(?P<dr_am>[0-5]\d)\s*(?P<dr_to>-|–|—|bis|und)\s*"
        r"(?P<dr_b>2[0-4]|[01]?\d)\.(?P<dr_bm>[0-5]\d)\s*(?:uhr|h)(?!\w)"
    ),
    "dotted": (
        rf"(?<![\w.])(?P<dt_d>\d{{1,2}})\.\s?(?P<dt_mo>\d{{1,2}})\."
        rf"(?:\s?(?P<dt_y4>{_YEAR})|(?P<dt_y2>\d{{2}}))?{_NO_MORE_DIGITS}"
    ),
    "day_month": (
        rf"(?<![\w.])(?P<dm_d>\d{{1,2}})(?:\.|{_ORDINAL})?\s*(?:of\s+)?"
        rf"(?P<dm_mo>{_MONTH})(?:,?\s*(?P<dm_y>{_YEAR}){_NO_MORE_DIGITS})?"
    ),
    "duration_number": r"(?P<dn_a>\d{1,3}(?:[.,]\d{1,2})?)" + _duration_tail("dn"),
    "time": (
        r"(?<![\d:.,])(?:"
        r"(?P<tc_h>2[0-4]|[01]?\d):(?P<tc_m>[0-5]\d)(?::[0-5]\d)?"
        rf"(?:\s*(?P<tc_mer>[ap]){_MERIDIAN_TAIL}|\s*(?:uhr|h|hrs)(?!\w))?"
        r"(?P<tc_z>(?-i:Z)(?!\w)|\s?\+\d{2}:?\d{2}(?![\d:]))?"
        rf"|(?P<td_h>2[0-4]|[01]?\d)\.(?P<td_m>[0-5]\d)\s*"
        rf"(?:(?P<td_mer>[ap]){_MERIDIAN_TAIL}|uhr(?!\w)|h(?!\w))"
        rf"|(?P<tm_h>1[0-2]|0?\d)\s*(?P<tm_mer>[ap]){_MERIDIAN_TAIL}"
        r"|(?P<tu_h>2[0-4]|[01]?\d)\s*(?:uhr|o['’]clock)(?!\w)"
        r"|(?P<th_h>2[0-4]|[01]?\d)h(?!\w)"  # "ab 22h"
        r")"
    ),
    "ordinal_day": rf"(?<![\w.])(?P<od>\d{{1,2}}){_ORDINAL}(?!\w)",
    "decimal": r"(?<![\w.,])\d+(?:[.,]\d+)+",
    "day": r"(?<![\w.])(?P<dy>\d{1,2})\.(?!\d)",
    "number": r"\d+",
}

#: Families that start with a letter. The costly word lists sit behind cheap
#: lookaheads (a month name is followed by a number) or line hints (see _HINTED).
_LETTER_LED = {
    "month_first": (
        rf"(?<![\w.])(?=[^\W\d_]{{3,9}}\.?\s+\d)(?P<mf_mo>{_MONTH})\.?\s+(?P<mf_a>\d{{1,2}}){_ORDINAL}?"
        rf"(?:\s*(?P<mf_to>-|–|—|to|through|thru|until|till|bis)\s*(?P<mf_b>\d{{1,2}}){_ORDINAL}?)?"
        rf"{_NO_MORE_DIGITS}{_NOT_A_TIME}(?:,?\s*(?P<mf_y>{_YEAR}){_NO_MORE_DIGITS})?"
    ),
    # "für ca. 2 Stunden", "for 2 h": "2 h" is a duration only after such a word
    # ("ab 22h" is a time of day)
    "duration_intro": (
        rf"(?=(?:[^\W\d_]+(?:\.\s*|\s+)){{1,3}}\d)(?:{_INTRO}\s+(?:{_APPROX}\s*)?|{_APPROX}\s*)"
        rf"(?P<di_a>\d{{1,3}}(?:[.,]\d{{1,2}})?)"
        rf"(?:{_RANGE}(?P<di_b>{_QTY}))?\s*(?P<di_u>{_UNIT}|h\b)"
        rf"(?:\s*(?:und|and)\s*(?P<di_c>{_QTY})\s*(?P<di_cu>{_UNIT}))?"
    ),
    "duration_words": (
        rf"(?:{_INTRO}\s+)?(?:{_APPROX}\s*)?(?:"
        r"(?P<dw_half>(?:eine\s+)?halbe\s+stunde|half\s+an\s+hour|(?:a\s+)?half[\s-]hour)"
        r"|(?P<dw_hour_half>(?:an|one|a)\s+hour\s+and\s+a\s+half)"
        rf"|(?P<dw_a>{_WORD_QTY}){_duration_tail('dw')})"
    ),
    "clock_word": r"(?P<cw>noon|midday|mittags?|midnight|mitternacht)(?!\w)",
    "keyword_phrase": rf"(?P<kp>{_KEYWORD_PHRASES})(?!\w)",
    "zone_name": (rf"(?<![\w/])(?:(?P<zi>(?-i:{_IANA}))|(?P<zl>{_ZONE_WORDS}))(?![\w/])"),
    "zone": (
        r"(?<![\w+])(?-i:(?=[A-Z]))(?:"
        r"(?P<zo_base>(?-i:UTC|GMT))\s?(?P<zo_sign>[+\-−])\s?(?P<zo_h>\d{1,2})(?::?(?P<zo_m>\d{2}))?(?!\d)"
        rf"|(?P<zn>(?-i:{_ZONE_EXACT}))(?!\w)"
        r")"
    ),
    "weekday": (
        rf"(?<![\w.])(?P<wd>{_WEEKDAY})(?P<wd_night>{_NIGHT_OR_EVENING})?(?!\w)"
        rf"(?:\s+(?P<wd_night_word>night|nacht|evening|abend)(?!\w))?"
    ),
    "relative_day": (
        rf"(?<![\w.])(?P<rd>{_RELATIVE})(?!\w)(?:\s+(?P<rd_night>{_NIGHT_OR_EVENING})(?!\w))?"
    ),
    "month_alone": rf"(?<![\w.])(?P<ma>{_MONTH_ALONE})(?!\w)(?:\s+(?P<ma_y>{_YEAR})(?!\d))?",
    "all_day": (
        r"(?:ganztägig\w*|ganztaegig\w*|ganztags|den\s+ganzen\s+tag|all[\s-]day"
        r"|(?:the\s+)?(?:whole|entire|full)\s+day)(?!\w)"
    ),
    "word": r"[^\W\d_]+(?:['’\-][^\W\d_]+)*",
}

_SYMBOL_LED = {
    "zone_offset": r"(?<![\w+])\+(?P<zp_h>\d{2}):?(?P<zp_m>\d{2})(?![\d:])",
    "dash": r"[-–—‐‑]+",
    # "in der Nacht vom 14./15.03.2026": the slash between two days is a range
    "day_pair_slash": r"(?<=\d\.)\s?/(?=\s?\d{1,2}\.)",
    "amp": r"&",
    "stop": r"[.!?;]+",
    "other": r"\S",
}

#: Families tried only on lines that show a hint of them: their word lists are long.
_DURATION_HINT = re.compile(
    r"\b(?:stunde|std|hour|hr|min|tag|day|woche|week)|halbe|half|\d\s?h\b", re.IGNORECASE
)
_HINTED = {
    "duration_intro": _DURATION_HINT,
    "duration_words": _DURATION_HINT,
    "zone_name": re.compile(
        # a zone's letters are tried from a word's start only: from every letter
        # of a long run, the search took quadratic time (minutes for 100 kB)
        r"zeit|time|eastern|central|mountain|pacific|(?<![a-z])[a-z][a-z]+/[a-z]|us[\s-]",
        re.IGNORECASE,
    ),
    "all_day": re.compile(r"ganzt|ganzen|day", re.IGNORECASE),
}
#: Families hinted by a word of the text (a set lookup: word-list regexes are slow to search).
_HINTING_WORDS = {
    "keyword_phrase": frozenset(phrase.split()[0] for phrase in lexicon.KEYWORD_PHRASES),
    "weekday": frozenset(
        name + suffix
        for name in (*lexicon.WEEKDAYS, *lexicon.WEEKDAY_PLURALS)
        for suffix in ("", "nacht", "night", "abend", "evening")
    ),
    "relative_day": frozenset(lexicon.RELATIVE_DAYS),
    "month_alone": frozenset(name for name in lexicon.MONTHS if len(name) >= 4 or name == "mai"),
}
_WORDS = re.compile(r"[^\W\d_]+")


@functools.cache
def _scanner(hinted: frozenset[str]) -> re.Pattern[str]:
    """The scanner for lines showing these hints (a few variants, each compiled once).

    Each position tries only the families that can start with its first character.
    """

    def alternatives(families: dict[str, str]) -> str:
        return "|".join(
            f"(?P<{name}>{pattern})"
            for name, pattern in families.items()
            if (name not in _HINTED and name not in _HINTING_WORDS) or name in hinted
        )

    return re.compile(
        rf"(?=\d)(?:{alternatives(_DIGIT_LED)})"
        rf"|(?=[^\W\d_])(?:{alternatives(_LETTER_LED)})"
        rf"|{alternatives(_SYMBOL_LED)}",
        re.IGNORECASE,
    )


_TRANSPARENT = frozenset(",:\"'„“”‚‘’/«»")  # punctuation that never changes a time phrase
_BRACKETS = {"(": OPEN, "[": OPEN, ")": CLOSE, "]": CLOSE}


def hints(text: str) -> frozenset[str]:
    """The costly families worth trying on a text: asked once per text, not per line."""
    words = set(_WORDS.findall(text.lower()))
    return frozenset(
        [name for name, hint in _HINTED.items() if hint.search(text)]
        + [name for name, hinting in _HINTING_WORDS.items() if not words.isdisjoint(hinting)]
    )


def tokenize(line: str, hinted: frozenset[str] | None = None) -> list[Token]:
    """The tokens of one line, words included (they count as gaps between parts).

    ``hinted`` are the families the whole text gives a hint of (default: the line's).
    Parentheses stay as tokens: ``attach`` reads and folds them.
    """
    if hinted is None:
        hinted = hints(line)
    tokens: list[Token] = []
    for match in _scanner(hinted).finditer(line):
        family = match.lastgroup or "other"
        if family == "word":  # the common case, kept cheap
            word = match.group().lower()
            if word not in lexicon.GLUE_WORDS:
                kind = lexicon.KEYWORD_KINDS.get(word, WORD)
                tokens.append(Token(kind, match.group(), match.start(), match.end()))
            continue
        tokens.extend(_BUILDERS[family](match, tokens))
    return tokens


# --- builders: one per scanner family --------------------------------------------------------

Builder = Callable[[re.Match[str], list[Token]], list[Token]]


def _token(
    match: re.Match[str], kind: str, value: TokenValue = None, group: int | str = 0
) -> Token:
    return Token(kind, match.group(group), match.start(group), match.end(group), value)


def _part(match: re.Match[str], kind: str, start: int, end: int, value: TokenValue) -> Token:
    """A token for part of a match (the date of an ISO timestamp)."""
    return Token(kind, match.string[start:end], start, end, value)


def _opaque(match: re.Match[str]) -> list[Token]:
    """Something that looked like a date or time but is not one (a version number)."""
    return [_token(match, WORD)]


def _date(
    match: re.Match[str],
    day: int,
    month: int | None,
    year: int | None,
    other: tuple[int, int] | None = None,
) -> list[Token]:
    if month is not None and not 1 <= month <= 12:
        return _opaque(match)
    if not 1 <= day <= 31:
        return _opaque(match)
    return [_token(match, DATE, DateValue(day, month, year, other))]


def _year(four: str | None, two: str | None = None) -> int | None:
    if four:
        return int(four)
    if two:
        return 2000 + int(two)
    return None


def _month(name: str) -> int:
    return lexicon.MONTHS[name.lower().rstrip(".")]


def _iso_stamp(match: re.Match[str], _: list[Token]) -> list[Token]:
    year, month, day = (int(match.group(g)) for g in ("is_y", "is_mo", "is_d"))
    hour, minute = int(match.group("is_h")), int(match.group("is_mi"))
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 24 and (hour < 24 or minute == 0)):
        return _opaque(match)
    tokens = [
        _part(match, DATE, match.start(), match.start("is_h") - 1, DateValue(day, month, year)),
        _part(match, TIME, match.start("is_h"), match.end("is_mi"), Clock(hour, minute)),
    ]
    if match.group("is_z"):
        zone = _offset_zone(match.group("is_z"))
        if zone is None:
            return _opaque(match)
        tokens.append(_token(match, ZONE, zone, "is_z"))
    return tokens


def _iso_date(match: re.Match[str], _: list[Token]) -> list[Token]:
    return _date(
        match, int(match.group("id_d")), int(match.group("id_mo")), int(match.group("id_y"))
    )


def _slash_ymd(match: re.Match[str], _: list[Token]) -> list[Token]:
    return _date(
        match, int(match.group("sy_d")), int(match.group("sy_mo")), int(match.group("sy_y"))
    )


def _slash(match: re.Match[str], _: list[Token]) -> list[Token]:
    first, second = int(match.group("sl_a")), int(match.group("sl_b"))
    raw_year = match.group("sl_y")
    year = _year(raw_year if len(raw_year) == 4 else None, raw_year if len(raw_year) == 2 else None)
    if first > 12 >= second:
        return _date(match, first, second, year)
    if second > 12 >= first:
        return _date(match, second, first, year)
    other = None if first == second else (second, first)
    return _date(match, first, second, year, other)


def _dotted(match: re.Match[str], _: list[Token]) -> list[Token]:
    year = _year(match.group("dt_y4"), match.group("dt_y2"))
    return _date(match, int(match.group("dt_d")), int(match.group("dt_mo")), year)


def _day_month(match: re.Match[str], _: list[Token]) -> list[Token]:
    return _date(
        match, int(match.group("dm_d")), _month(match.group("dm_mo")), _year(match.group("dm_y"))
    )


def _month_first(match: re.Match[str], _: list[Token]) -> list[Token]:
    """ "March 3, 2026", or "March 3–5, 2026": two dates and a connector between them."""
    month, year = _month(match.group("mf_mo")), _year(match.group("mf_y"))
    first = int(match.group("mf_a"))
    if not match.group("mf_b"):
        return _date(match, first, month, year)
    last = int(match.group("mf_b"))
    if not (1 <= first <= 31 and 1 <= last <= 31):
        return _opaque(match)
    return [
        _part(match, DATE, match.start(), match.end("mf_a"), DateValue(first, month, year)),
        _token(match, "-", None, "mf_to"),
        _part(match, DATE, match.start("mf_b"), match.end(), DateValue(last, month, year)),
    ]


def _quantity(text: str) -> float:
    text = text.lower().replace(",", ".")
    half = 0.0
    if text.endswith("a half"):
        text, half = text.split()[0], 0.5
    if text in lexicon.NUMBER_WORDS:
        return lexicon.NUMBER_WORDS[text] + half
    return float(text) + half


def _minutes(unit: str) -> int:
    return lexicon.UNIT_MINUTES[unit.lower().rstrip(".")]


def _durations(prefix: str) -> Builder:
    """The builder for one duration family (their groups are named ``<prefix>_a`` etc.)."""

    def build(match: re.Match[str], _: list[Token]) -> list[Token]:
        group = match.groupdict()
        if group.get(f"{prefix}_half"):
            return _span(match, 30, 30)
        if group.get(f"{prefix}_hour_half"):
            return _span(match, 90, 90)
        unit = _minutes(group[f"{prefix}_u"])
        low = _quantity(group[f"{prefix}_a"]) * unit
        high = _quantity(group[f"{prefix}_b"]) * unit if group[f"{prefix}_b"] else low
        if group[f"{prefix}_c"]:
            extra = _quantity(group[f"{prefix}_c"]) * _minutes(group[f"{prefix}_cu"])
            low, high = low + extra, high + extra
        return _span(match, low, high)

    return build


def _span(match: re.Match[str], low_minutes: float, high_minutes: float) -> list[Token]:
    low, high = sorted((low_minutes, high_minutes))
    if not 0 < high <= 31 * 24 * 60:
        return _opaque(match)
    return [_token(match, DURATION, Span(timedelta(minutes=low), timedelta(minutes=high)))]


_CLOCK_WORDS = {
    "noon": 12,
    "midday": 12,
    "mittag": 12,
    "mittags": 12,
    "midnight": 0,
    "mitternacht": 0,
}


def _clock_word(match: re.Match[str], _: list[Token]) -> list[Token]:
    return [_token(match, TIME, Clock(_CLOCK_WORDS[match.group("cw").lower()], 0))]


def _time(match: re.Match[str], _: list[Token]) -> list[Token]:
    group = match.group
    hour_text = group("tc_h") or group("td_h") or group("tm_h") or group("tu_h") or group("th_h")
    minute_text = group("tc_m") or group("td_m") or "0"
    meridian_letter = group("tc_mer") or group("td_mer") or group("tm_mer")
    meridian = (meridian_letter.lower() + "m") if meridian_letter else None
    hour, minute = int(hour_text), int(minute_text)
    if (hour == 24 and minute) or (meridian and not 1 <= hour <= 12):
        return _opaque(match)
    clock = Clock(hour, minute, meridian)
    zone_text = group("tc_z")
    if not zone_text:
        return [_token(match, TIME, clock)]
    zone = _offset_zone(zone_text.strip())
    zone_start = match.start("tc_z")
    time_token = _part(match, TIME, match.start(), zone_start, clock)
    if zone is None:
        return [time_token]
    return [time_token, _token(match, ZONE, zone, "tc_z")]


def _offset_zone(text: str) -> ZoneValue | None:
    """ "Z", "+02:00", "+0200", "-05:00" as a fixed zone; None for an impossible offset."""
    if text.upper() == "Z":
        return ZoneValue(UTC, "Z")
    sign = -1 if text[0] in "-−" else 1
    digits = text[1:].replace(":", "")
    return _fixed(sign, int(digits[:2]), int(digits[2:4] or 0), text)


def _fixed(sign: int, hours: int, minutes: int, label: str) -> ZoneValue | None:
    if hours > 14 or minutes not in (0, 15, 30, 45):
        return None
    return ZoneValue(timezone(sign * timedelta(hours=hours, minutes=minutes)), label)


def _zone(match: re.Match[str], tokens: list[Token]) -> list[Token]:
    group = match.groupdict()  # zone_name is not in every scanner variant
    value: ZoneValue | None
    if group.get("zo_base"):
        sign = -1 if group["zo_sign"] in "-−" else 1
        value = _fixed(sign, int(group["zo_h"]), int(group["zo_m"] or 0), match.group())
    elif group.get("zp_h"):
        value = _fixed(1, int(group["zp_h"]), int(group["zp_m"]), match.group())
    elif group.get("zi"):
        value = _iana_zone(group["zi"])
    elif group.get("zn"):
        value = _named_zone(group["zn"], tokens)
    else:
        value = _named_zone(" ".join(str(group["zl"]).lower().replace("-", " ").split()), tokens)
    if value is None:
        return _opaque(match)
    return [_token(match, ZONE, value)]


def _named_zone(label: str, tokens: list[Token]) -> ZoneValue | None:
    """A zone from the table; "Eastern" or "Pacific" only right after a time."""
    row = lexicon.ZONES.get(label) or lexicon.ZONES.get(label.replace(" ", "-"))
    if row is None:
        return None
    if row.after_time_only and not (tokens and tokens[-1].kind == TIME):
        return None
    if row.offset is not None:
        return ZoneValue(timezone(timedelta(hours=row.offset), label), label)
    return ZoneValue(ZoneInfo(row.region), label)


def _iana_zone(name: str) -> ZoneValue | None:
    """ "(Europe/Vienna)": a zone name as the tz database spells it, if it is one."""
    try:
        return ZoneValue(ZoneInfo(name), name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _decimal(match: re.Match[str], _: list[Token]) -> list[Token]:
    return _opaque(match)  # "1,5" or "2.4": a quantity, never a date or an hour


def _all_day(match: re.Match[str], _: list[Token]) -> list[Token]:
    return [_token(match, ALL_DAY)]


def _day(match: re.Match[str], _: list[Token]) -> list[Token]:
    day = int(match.group("dy"))
    return [_token(match, DAY, DateValue(day, None, None))] if 1 <= day <= 31 else _opaque(match)


def _number(match: re.Match[str], _: list[Token]) -> list[Token]:
    text = match.group()
    if len(text) <= 2 and int(text) <= 31:
        return [_token(match, NUMBER, int(text))]
    return _opaque(match)


def _dash(match: re.Match[str], _: list[Token]) -> list[Token]:
    return [_token(match, "-")]


def _amp(match: re.Match[str], _: list[Token]) -> list[Token]:
    return [_token(match, "&")]


def _stop(match: re.Match[str], _: list[Token]) -> list[Token]:
    """A full stop ends a sentence unless it closes an abbreviation ("ca.", "z.B.", "Sa.")."""
    if match.group().startswith("."):
        line, begin = match.string, match.start()
        while begin > 0 and line[begin - 1].isalpha():
            begin -= 1
        word = line[begin : match.start()].lower()
        if len(word) == 1 or word in lexicon.ABBREVIATIONS:
            return []
    return [_token(match, BREAK)]


def _other(match: re.Match[str], _: list[Token]) -> list[Token]:
    text = match.group()
    if text in _BRACKETS:
        return [_token(match, _BRACKETS[text])]
    return [] if text in _TRANSPARENT else [_token(match, WORD)]


def _hhmm_clock(text: str) -> Clock:
    return Clock(int(text[:2]), int(text[2:]))


def _hhmm_range(match: re.Match[str], _: list[Token]) -> list[Token]:
    """ "0030-0330 BST": two clocks, if a unit or a leading zero says they are clocks."""
    first, last = match.group("hr_a"), match.group("hr_b")
    if match.group("hr_u") is None and not (first[0] == "0" or last[0] == "0"):
        return _opaque(match)
    connector = match.group("hr_to")
    kind = "&" if connector.lower() in ("und", "and") else "-"
    return [
        _part(match, TIME, match.start("hr_a"), match.end("hr_a"), _hhmm_clock(first)),
        _token(match, kind, None, "hr_to"),
        _part(match, TIME, match.start("hr_b"), match.end(), _hhmm_clock(last)),
    ]


def _hhmm(match: re.Match[str], _: list[Token]) -> list[Token]:
    """ "2200 hrs", "0030 BST", "2300Z" (then with its zone, UTC)."""
    clock = _token(match, TIME, _hhmm_clock(match.group("hm")), "hm")
    if match.group("hm_z") is None:
        return [clock._replace(end=match.end(), text=match.group())]
    return [clock, _token(match, ZONE, ZoneValue(UTC, "Z"), "hm_z")]


def _dotted_range(match: re.Match[str], _: list[Token]) -> list[Token]:
    first = Clock(int(match.group("dr_a")), int(match.group("dr_am")))
    last = Clock(int(match.group("dr_b")), int(match.group("dr_bm")))
    if 24 in (first.hour, last.hour) and (first.minute or last.minute):
        return _opaque(match)
    kind = "&" if match.group("dr_to").lower() == "und" else "-"
    return [
        _part(match, TIME, match.start("dr_a"), match.end("dr_am"), first),
        _token(match, kind, None, "dr_to"),
        _part(match, TIME, match.start("dr_b"), match.end(), last),
    ]


def _ordinal_day(match: re.Match[str], _: list[Token]) -> list[Token]:
    """ "3rd" without a month: a day whose month the context gives (or nothing)."""
    day = int(match.group("od"))
    return [_token(match, DAY, DateValue(day, None, None))] if 1 <= day <= 31 else _opaque(match)


def _keyword_phrase(match: re.Match[str], _: list[Token]) -> list[Token]:
    phrase = " ".join(match.group("kp").lower().split())
    return [_token(match, lexicon.KEYWORD_PHRASES[phrase])]


#: A weekday abbreviation counts only with a capital and a dot, a date or a range after it
#: ("Sa., 14.03.", "Mo–Fr"): "so", "do" and "sun" are ordinary words too.
_ABBREVIATION_CONTEXT = re.compile(r"\.|,?\s*\d|\s*[-–—]\s*[A-Z]|\s+(?:bis|to)\s+[A-Z]")


def _weekday(match: re.Match[str], _: list[Token]) -> list[Token]:
    name = match.group("wd")
    key = name.lower()
    night = bool(match.group("wd_night") or match.group("wd_night_word"))
    if key in lexicon.WEEKDAY_PLURALS:
        return [
            _token(match, DATE, Weekday(lexicon.WEEKDAY_PLURALS[key], plural=True, night=night))
        ]
    if key in lexicon.WEEKDAY_ABBREVIATIONS and not (
        name[0].isupper() and _ABBREVIATION_CONTEXT.match(match.string, match.end("wd"))
    ):
        return []  # an ordinary word, or glue
    return [_token(match, DATE, Weekday(lexicon.WEEKDAYS[key], night=night))]


def _relative_day(match: re.Match[str], tokens: list[Token]) -> list[Token]:
    word = match.group("rd")
    if word.lower() == "morgen" and not _means_tomorrow(match, tokens):
        return [_token(match, WORD)]  # "am Morgen", "guten Morgen": the morning
    night = bool(match.group("rd_night")) or word.lower() == "tonight"
    return [_token(match, DATE, RelativeDay(lexicon.RELATIVE_DAYS[word.lower()], night=night))]


def _means_tomorrow(match: re.Match[str], tokens: list[Token]) -> bool:
    """ "morgen" is tomorrow; "Morgen" is tomorrow only opening a sentence."""
    before = match.string[: match.start()].rstrip()
    if match.group("rd")[0].islower():
        return not before.lower().endswith(("am", "jeden", "guten", "den"))
    return not before or before[-1] in ".!?:"


def _month_alone(match: re.Match[str], _: list[Token]) -> list[Token]:
    """ "im März 2026": no window, but the month a bare "3rd" elsewhere may mean."""
    name, year = match.group("ma"), match.group("ma_y")
    if name.lower() == "may" and year is None:
        return [_token(match, WORD)]  # "may take up to six hours"
    value = MonthName(_month(name), int(year) if year else None)
    return [_token(match, WORD, value)]


_BUILDERS: dict[str, Builder] = {
    "iso_stamp": _iso_stamp,
    "iso_date": _iso_date,
    "slash_ymd": _slash_ymd,
    "slash": _slash,
    "hhmm_range": _hhmm_range,
    "hhmm": _hhmm,
    "dotted_range": _dotted_range,
    "dotted": _dotted,
    "day_month": _day_month,
    "duration_number": _durations("dn"),
    "time": _time,
    "ordinal_day": _ordinal_day,
    "decimal": _decimal,
    "day": _day,
    "number": _number,
    "month_first": _month_first,
    "duration_intro": _durations("di"),
    "duration_words": _durations("dw"),
    "clock_word": _clock_word,
    "keyword_phrase": _keyword_phrase,
    "weekday": _weekday,
    "relative_day": _relative_day,
    "month_alone": _month_alone,
    "zone": _zone,
    "zone_name": _zone,
    "all_day": _all_day,
    "zone_offset": _zone,
    "dash": _dash,
    "day_pair_slash": _dash,
    "amp": _amp,
    "stop": _stop,
    "other": _other,
}
