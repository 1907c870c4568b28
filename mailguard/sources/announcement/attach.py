"""Tokens that belong together, joined after scanning a line.

A weekday goes to the date beside it ("Samstag, 14. März"; "Thursday 3rd"), a
counter takes its number ("Phase 2" is no day), a dateline takes its date
("posted 2026/03/02" is no window), and parentheses are read: "(MESZ)" after a
time is its zone, "(3 PM EST)" restates a time in another zone (kept aside to
check that both agree), and "(previously 22:00–02:00)" is history, dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mailguard.sources.announcement import lexicon
from mailguard.sources.announcement.tokens import (
    CLOSE,
    DATE,
    DAY,
    NUMBER,
    OPEN,
    PUBLISHED,
    TIME,
    WORD,
    ZONE,
    DateValue,
    Token,
    Weekday,
)

#: What a restatement in parentheses may hold: times, zones and what joins them.
_RESTATEMENT_KINDS = frozenset({TIME, ZONE, "-", "&", "S", NUMBER})
_HISTORY = "H"
_MAX_BRACKETED = 12  # longer parentheses are prose, read like the rest


@dataclass(frozen=True, slots=True)
class Restatement:
    """ "21:00 CET (3 PM EST)": the same moment said again; ``after`` is the token it follows."""

    after: Token
    tokens: tuple[Token, ...]


def attach(tokens: list[Token], *, postponement: bool) -> tuple[list[Token], list[Restatement]]:
    """The line's tokens joined as a reader groups them, and the restatements set aside."""
    tokens = _count_steps(tokens)
    tokens = _datelines(tokens)
    if postponement:
        tokens = _unlink_postponements(tokens)
    tokens, restatements = _fold_parentheses(tokens)
    return _join_weekdays(_weekday_pairs_over_dates(tokens)), restatements


def _count_steps(tokens: list[Token]) -> list[Token]:
    """ "Phase 2", "Schritt 3.", "#4": a number that counts steps is a word."""
    result = list(tokens)
    for index in range(len(result) - 1):
        token, following = result[index], result[index + 1]
        counter = token.kind == WORD and (
            token.text.lower() in lexicon.COUNTER_WORDS or token.text == "#"
        )
        if counter and following.kind in (NUMBER, DAY):
            result[index + 1] = following._replace(kind=WORD, value=None)
    return result


def _datelines(tokens: list[Token]) -> list[Token]:
    """ "veröffentlicht am 2.3.2026", "(posted 2026/03/02)": when the text was written."""
    result = list(tokens)
    for index, token in enumerate(result):
        if token.kind != "P":
            continue
        for ahead in range(index + 1, min(index + 3, len(result))):
            if result[ahead].kind == DATE and isinstance(result[ahead].value, DateValue):
                result[ahead] = result[ahead]._replace(kind=PUBLISHED)
                break
            if result[ahead].kind not in (OPEN, WORD):
                break
    return result


def _unlink_postponements(tokens: list[Token]) -> list[Token]:
    """In "verschoben auf den 10. März" the "auf" names the new date, not a range end."""
    result = list(tokens)
    for index, token in enumerate(result[:-1]):
        if (
            token.kind == "-"
            and token.text.lower() in {"auf", "to"}
            and result[index + 1].kind == DATE
        ):
            result[index] = token._replace(kind=WORD)
    return result


def _fold_parentheses(tokens: list[Token]) -> tuple[list[Token], list[Restatement]]:
    result: list[Token] = []
    restatements: list[Restatement] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == CLOSE:
            index += 1
            continue
        if token.kind != OPEN:
            result.append(token)
            index += 1
            continue
        close = _closing(tokens, index)
        if close is None:
            index += 1  # an unclosed parenthesis: read on as if it were not there
            continue
        inside = tokens[index + 1 : close]
        before = result[-1] if result else None
        index = close + 1
        if inside and inside[0].kind == _HISTORY:
            continue  # "(previously 22:00–02:00)": the old plan, never a window
        if before is not None and _restates(before, inside):
            restatements.extend(Restatement(before, group) for group in _by_zone(inside))
            continue
        result.extend(inside)
    return result, restatements


def _closing(tokens: list[Token], opening: int) -> int | None:
    for index in range(opening + 1, min(opening + _MAX_BRACKETED + 2, len(tokens))):
        if tokens[index].kind == CLOSE:
            return index
        if tokens[index].kind == OPEN:
            return None
    return None


def _by_zone(inside: list[Token]) -> list[tuple[Token, ...]]:
    """ "(15:00–16:00 CET / 10:00–11:00 EDT)": one restatement per zone named."""
    groups: list[tuple[Token, ...]] = []
    group: list[Token] = []
    for token in inside:
        if token.kind == TIME and group and group[-1].kind == ZONE:
            groups.append(tuple(group))
            group = []
        group.append(token)
    return [*groups, tuple(group)] if group else groups


def _restates(before: Token, inside: list[Token]) -> bool:
    """Times, or a second zone after a zone: the same moment in other words."""
    kinds = {token.kind for token in inside}
    if not kinds or not kinds <= _RESTATEMENT_KINDS:
        return False
    if TIME in kinds:
        return before.kind in (TIME, ZONE)
    return kinds == {ZONE} and before.kind == ZONE


def _weekday_pairs_over_dates(tokens: list[Token]) -> list[Token]:
    """ "von Samstag auf Sonntag (14./15. März)": the two weekdays name the two dates after
    them in turn; joined one by one, "Sonntag" would take the 14th and disagree with it."""
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        group = tokens[index : index + 6]
        if _is_weekday_pair_over_dates(group):
            first, _, second, start, dash, end = group
            result.extend((_with_weekday(first, start), dash, _with_weekday(second, end)))
            index += 6
            continue
        result.append(tokens[index])
        index += 1
    return result


def _is_weekday_pair_over_dates(group: list[Token]) -> bool:
    if len(group) < 6 or (group[1].kind, group[4].kind) != ("-", "-"):
        return False
    first, _, second, start, _, end = group
    weekdays = all(
        isinstance(token.value, Weekday) and not token.value.plural for token in (first, second)
    )
    return weekdays and _undated_day(start, numbers=True) and _undated_day(end, numbers=False)


def _undated_day(token: Token, *, numbers: bool) -> bool:
    """A date with no weekday beside it; a bare day number ("13-15 March") if ``numbers``."""
    value = token.value
    if numbers and token.kind == NUMBER and isinstance(value, int):
        return 1 <= value <= 31
    return token.kind in (DATE, DAY) and isinstance(value, DateValue) and value.weekday is None


def _with_weekday(weekday: Token, dated: Token) -> Token:
    named, value = weekday.value, dated.value
    if isinstance(value, int):
        value = DateValue(value, None, None)
    if not isinstance(named, Weekday) or not isinstance(value, DateValue):
        return dated
    joined = replace(value, weekday=named.weekday, night=named.night or value.night)
    return Token(DATE, f"{weekday.text} {dated.text}", weekday.start, dated.end, joined)


def _join_weekdays(tokens: list[Token]) -> list[Token]:
    """A weekday beside a date joins it; a weekday alone stays a date of its own."""
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if isinstance(token.value, Weekday) and not token.value.plural and following is not None:
            joined = _dated(token, token.value, following, tokens[index + 2 : index + 4])
            if joined is not None:
                result.append(joined)
                index += 2
                continue
        previous = result[-1] if result else None
        if (
            isinstance(token.value, Weekday)
            and not token.value.plural
            and previous is not None
            and previous.kind == DATE
            and isinstance(previous.value, DateValue)
            and previous.value.weekday is None
        ):
            value = replace(previous.value, weekday=token.value.weekday)
            result[-1] = previous._replace(value=value)
            index += 1
            continue
        result.append(token)
        index += 1
    return result


def _dated(weekday: Token, named: Weekday, following: Token, after: list[Token]) -> Token | None:
    """ "Samstag, 14. März" / "Thursday 3rd" / "Friday 3 - Sunday 5 March" as one date."""
    day, night = named.weekday, named.night
    value = following.value
    if following.kind == DATE and isinstance(value, DateValue) and value.weekday is None:
        joined = replace(value, weekday=day, night=night or value.night)
    elif following.kind == DAY and isinstance(value, DateValue):
        joined = replace(value, weekday=day, night=night)
    elif (
        following.kind == NUMBER
        and isinstance(value, int)
        and 1 <= value <= 31
        and [t.kind for t in after[:2]] in (["-", DATE], ["-", DAY])
    ):
        joined = DateValue(value, None, None, weekday=day, night=night)
    else:
        return None
    return Token(DATE, f"{weekday.text} {following.text}", weekday.start, following.end, joined)
