"""Which tokens of a sentence form a maintenance window, and what part each plays.

A sentence is a string of one-letter token kinds (``tokens`` defines them), e.g.
"Am 3. März 2026 führen wir von 22:00 bis 02:00 Uhr Wartungsarbeiten durch"
is ``DwwFT-Tww``. The patterns below are regular expressions over that string,
tried from the most specific (two full date-times) to the least (a time range
with no date); each claims its tokens so a later, vaguer pattern cannot reuse them.
A few ordinary words (``w``) may stand between the parts, as people write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailguard.sources.announcement.tokens import Token


@dataclass(frozen=True, slots=True)
class Reading:
    """One time phrase before it is pinned to the calendar: which token plays which part."""

    first: int  # index of the first token of the phrase in its sentence
    last: int  # index after the last token
    start_date: Token | None = None
    end_date: Token | None = None
    start_time: Token | None = None
    end_time: Token | None = None
    zone: Token | None = None  # the zone the phrase states (for both ends unless end_zone)
    end_zone: Token | None = None
    duration: Token | None = None
    all_day: bool = False
    #: "vom 3. bis 5. März von 22 bis 2 Uhr": the times apply to each day of the range
    #: (or, for two consecutive days and a range over midnight, to the one night).
    times_each_day: bool = False
    #: "am 13. und 14.03.": the times apply to each of the two dates (not the days between).
    dates_listed: bool = False

    @property
    def open_end(self) -> bool:
        """Only a start was stated: no end time, no duration, no whole days."""
        return self.end_time is None and self.duration is None and not self.all_day

    @property
    def end_only(self) -> bool:
        """ "Voraussichtliches Ende: 03:00 Uhr": the end of a window named before."""
        return self.start_time is None and self.end_time is not None


_INTRO = r"(?:(?P<intro>[FBS])[SFw]{0,2})?"  # von / zwischen / ab, "beginnen wir um"
_START = _INTRO + r"(?P<st>[Tn])(?P<sz>Z)?"
_END = r"(?P<conn>-{1,2}|&(?:[wS]{0,2}-)?)[wS]{0,2}(?P<et>T)(?P<ez>Z)?"
_TIME_RANGE = _START + _END
_DAY_RANGE = r"(?P<sd>[Ddn])-{1,2}[wS]{0,2}(?P<ed>D)"
_GAP = "w{0,6}"

#: (name, pattern), most specific first.
_PATTERNS: tuple[tuple[str, str], ...] = (
    # vom 18.07.2011 23:45 Uhr bis 19.07.2011 02:30 Uhr / between 2026-05-19T22:00Z and …
    ("two_moments", r"(?:(?P<intro>[FSB])[Sw]?)?(?P<sd>[Dd])S?w?(?P<st>[Tn])(?P<sz>Z)?"
                    r"(?P<conn>-{1,2}|&)[wS]{0,2}(?P<ed>[Dd])S?w?(?P<et>T)(?P<ez>Z)?"),
    # from 10 pm March 3 to 2 am March 4, 2026
    ("two_moments_time_first", r"(?:[FS][Sw]?)?(?P<st>[Tn])(?P<sz>Z)?w{0,2}(?P<sd>D)"
                               r"-{1,2}[wS]{0,2}(?P<et>T)(?P<ez>Z)?w{0,2}(?P<ed>D)"),
    # in der Nacht vom 18.07.2011 zum 19.07.2011 (23:45 Uhr – 02:30 Uhr)
    ("night", r"(?:[FS]w?)?" + _DAY_RANGE + r"w{0,4}" + _TIME_RANGE),
    # 23:45–02:30 in the night of 18 to 19 July 2011
    ("night_time_first", _TIME_RANGE + r"w{0,4}(?:[FS]w?)?" + _DAY_RANGE),
    # zwischen dem 4. und 6. Mai 2026 jeweils von 22 bis 23 Uhr
    ("between_days", r"B(?P<sd>[Ddn])&(?P<ed>D)w{0,6}" + _TIME_RANGE),
    # am 13. und 14.03.2026 jeweils von 22 bis 23 Uhr / on 16 and 17 March, 21:00–22:00
    ("date_list_then_range", r"(?P<sd>[Ddn])&(?P<ed>D)" + _GAP + _TIME_RANGE),
    # am 3. März 2026 von 22:00 bis 02:00 Uhr
    ("date_then_range", r"(?P<sd>[Dd])" + _GAP + _TIME_RANGE),
    # von 22 bis 2 Uhr am 3. März 2026
    ("range_then_date", _TIME_RANGE + r"w{0,3}(?P<sd>D)"),
    # am 3. März 2026 ab 22 Uhr für ca. zwei bis drei Stunden
    ("date_start_duration", r"(?P<sd>[Dd])" + _GAP + _START + r"[w&]{0,3}(?P<dur>U)"),
    # starting at 10 pm on 3 March 2026 for two hours
    ("start_date_duration", _START + r"w{0,3}(?P<sd>D)[w&]{0,3}(?P<dur>U)"),
    # Wartung am 18.07.2011 ab 23:45 Uhr / maintenance starts on March 3, 2026 at 22:00
    ("date_start", r"(?:(?P<pre>[SF])[Sw]{0,3})?(?P<sd>[Dd])" + _GAP + _START),
    # ab 23:45 Uhr am 18.07.2011
    ("start_date", r"(?P<intro>[FS])[SFw]?(?P<st>[Tn])(?P<sz>Z)?w{0,3}(?P<sd>D)"),
    # vom 3. bis 5. März 2026 / 3.–5.3.2026 / from March 3 to March 5, 2026
    ("day_range", r"(?:[FS]w?)?" + _DAY_RANGE),
    # am 7. März 2026 ganztägig / all day on 7 March 2026
    ("date_all_day", r"(?P<sd>D)w{0,4}(?P<ad>A)"),
    ("all_day_date", r"(?P<ad>A)w{0,3}(?P<sd>D)"),
    # zwischen 0 und 6 Uhr (the date comes from nearby text or the anchor)
    ("time_range", _TIME_RANGE),
    # ab 22 Uhr für zwei Stunden
    ("start_duration", r"(?P<intro>[FS])[SFw]?(?P<st>[Tn])(?P<sz>Z)?[w&]{0,3}(?P<dur>U)"),
    # Die Arbeiten beginnen um 22 Uhr (the end or the date in another sentence)
    ("start_only", r"(?P<intro>[FS])[SFw]?(?P<st>T)(?P<sz>Z)?"),
    # Ende: 4. März 2026, 02:00 Uhr / finished by 23:30 CET on March 3
    ("end_date_only", r"(?P<conn>-)[wS]{0,2}(?P<ed>[Dd])S?w?(?P<et>T)(?P<ez>Z)?"),
    ("end_only", r"(?P<conn>-)[wS]{0,2}(?P<et>T)(?P<ez>Z)?"),
)  # fmt: skip

_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in _PATTERNS)
#: Kinds a pattern cannot match without, to skip it cheaply (most sentences lack them).
_NEEDS = {
    name: "".join(kind for kind in "DTUA" if f">{kind})" in pattern) for name, pattern in _PATTERNS
}
_OPEN_PATTERNS = frozenset({"date_start", "start_date", "start_only"})
#: Words that start a window on their own ("beginnt um 22 Uhr"); "at"/"um" alone do not.
_STARTING = ("begin", "beginn", "start", "commenc", "ab", "from", "von", "not before",
             "nicht vor", "frühestens", "no earlier than")  # fmt: skip
_DAYS_THEN_TIMES = frozenset({"night", "night_time_first", "between_days"})


def kinds_of(tokens: list[Token]) -> str:
    return "".join(token.kind for token in tokens)


def find_readings(tokens: list[Token]) -> list[Reading]:
    """Every time phrase in one sentence, in the order they appear."""
    kinds = kinds_of(tokens)
    if "D" not in kinds and "T" not in kinds:
        return []  # most sentences: nothing that could start or end a window
    claimed = [False] * len(tokens)
    readings: list[Reading] = []
    for name, regex in _COMPILED:
        if any(kind not in kinds for kind in _NEEDS[name]):
            continue
        position = 0
        while (match := regex.search(kinds, position)) is not None:
            position = match.start() + 1
            if any(claimed[match.start() : match.end()]) or not _plausible(
                name, match, kinds, tokens
            ):
                continue
            readings.append(_reading(name, match, tokens))
            claimed[match.start() : match.end()] = [True] * (match.end() - match.start())
            position = match.end()
    return sorted(readings, key=lambda reading: reading.first)


def _plausible(name: str, match: re.Match[str], kinds: str, tokens: list[Token]) -> bool:
    """Rules a regex cannot say well: "und" needs "zwischen", a bare number needs context."""
    intro, conn = _group(match, "intro"), _group(match, "conn")
    if conn == "&" and intro != "B":
        return False
    if conn is not None and conn.startswith("&") and intro is None:
        return False  # "instead of 22:00 and end at 01:00": the end of another start
    if name == "date_list_then_range" and match.start() > 0 and kinds[match.start() - 1] == "B":
        return False  # "zwischen dem 13. und 14.03.": a range of days, not a list
    if name == "start_only" and not tokens[match.start()].text.lower().startswith(_STARTING):
        return False  # "call us at 08:00": "at" alone starts nothing
    bare_start = _group(match, "st") == "n"
    if bare_start and _group(match, "et") is None and intro is None:
        return False
    if name in _OPEN_PATTERNS:
        if intro is None and _group(match, "pre") is None:
            return False  # "15.07.2011 19:23" is a dateline, not a start
        if "P" in kinds[max(0, match.start() - 3) : match.start()]:
            return False  # "veröffentlicht am 15.07.2011 um 19:23"
        if match.start() > 0 and kinds[match.start() - 1] == "-":
            before = tokens[match.start() - 1].text
            if before[:1].isalpha():
                return False  # "and ending Saturday at 02:00": an end, not a start
    return True


def _group(match: re.Match[str], name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None


def _reading(name: str, match: re.Match[str], tokens: list[Token]) -> Reading:
    def token(name: str) -> Token | None:
        return tokens[match.start(name)] if _group(match, name) is not None else None

    start_zone, end_zone = token("sz"), token("ez")
    return Reading(
        first=match.start(),
        last=match.end(),
        start_date=token("sd"),
        end_date=token("ed"),
        start_time=token("st"),
        end_time=token("et"),
        zone=start_zone or end_zone,  # "22:00 – 02:00 CET": one zone for both ends
        end_zone=end_zone if start_zone is not None else None,
        duration=token("dur"),
        all_day=_group(match, "ad") is not None or _is_day_range(match),
        times_each_day=name in _DAYS_THEN_TIMES,
        dates_listed=name == "date_list_then_range",
    )


def _is_day_range(match: re.Match[str]) -> bool:
    """A date range with no time at all covers whole days."""
    return _group(match, "ed") is not None and _group(match, "st") is None
