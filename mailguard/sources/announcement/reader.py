"""Reading a whole announcement: every window it names, each said once.

Sentences are read one by one, each with the rest of the text as context: a
date named before, a month in the heading, the one zone the text names, an end
or a length stated in a later sentence ("Voraussichtliches Ende: 03:00 Uhr").
Sentences about opening hours name no window; parentheses about the old plan
neither. Then the text as a whole revises what it found: postponements and
completion notices (``revisions``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from mailguard.core.model import Confidence, MaintenanceWindow, WindowStatus
from mailguard.sources.announcement import lexicon
from mailguard.sources.announcement.document import Sentence, sentences
from mailguard.sources.announcement.found import Found
from mailguard.sources.announcement.grammar import Reading, find_readings
from mailguard.sources.announcement.recurrence import (
    MAX_OCCURRENCES,
    Recurrence,
    recurrence_of,
    stated_bounds,
)
from mailguard.sources.announcement.resolve import (
    DateHint,
    Night,
    Notes,
    Pinned,
    Pinner,
    TextContext,
    Unreadable,
    notes_for,
)
from mailguard.sources.announcement.revisions import apply_completion, apply_postponements
from mailguard.sources.announcement.tokens import (
    DATE,
    DURATION,
    PAST,
    PUBLISHED,
    TIME,
    ZONE,
    Clock,
    DateValue,
    MonthName,
    Token,
    Weekday,
    ZoneValue,
)
from mailguard.sources.base import ParseContext, ParseResult

_TITLE_LENGTH = 100
_DESCRIPTION_LENGTH = 300
_WORD = re.compile(r"[^\W\d_]+")
_MAIL_SUBJECT = re.compile(r"^(?:subject|betreff)\s*:\s*", re.IGNORECASE)
_BULLET = re.compile(r"^[-•*·▪►‣]\s+")
#: Far more than any announcement (a provider's notice is a few kB of text): reading
#: costs about 7 µs and 300 bytes a character, so a 5 MiB download of times and line
#: breaks took half a minute and 1.6 GB. Only this much of a text is read.
MAX_TEXT_LENGTH = 128 * 1024
#: And the occurrences of all its recurring windows ("jeden Montag …"), 0.1 ms each.
MAX_TEXT_OCCURRENCES = 5000
_MAX_TITLE_LENGTH = 1000  # a heading; the text's own first line is read in full
_HISTORY_REACH = 6  # tokens between "previously" and the times it dates
_PAST_REACH = 8  # tokens between "yesterday's outage" and the times it dates
#: A later range rolls over midnight only into the same night: at most this after the one before.
_ROLLOVER_GAP = timedelta(hours=12)
_LOOK_AHEAD = 3  # sentences after a start that may state its end or length
_NIGHT_REACH = 4  # tokens between "Nacht" and the date it belongs to
_PAST_WORDS = frozenset({"last", "letzten", "vergangenen", "previous", "past"})


@dataclass(slots=True)
class OccurrenceBudget:
    """The occurrences of recurring windows a source may still read: a feed's entries share one."""

    left: int = MAX_TEXT_OCCURRENCES


@dataclass(frozen=True, slots=True)
class _Ending:
    """An end or a length stated apart from its start ("We expect to be finished by 23:30")."""

    position: int  # of its sentence
    index: int  # of its first token in that sentence
    reading: Reading | None = None  # an end time (and maybe date)
    duration: Token | None = None


def read_announcement(
    text: str,
    ctx: ParseContext,
    *,
    title: str = "",
    native_id: str | None = None,
    url: str | None = None,
    kind: str = "text",
    published: datetime | None = None,
    updated_at: datetime | None = None,
    earlier: Sequence[MaintenanceWindow] = (),
    budget: OccurrenceBudget | None = None,
) -> ParseResult:
    """The maintenance windows a free-text announcement (German or English) names.

    Dates without a year are anchored on ``published`` (else ``ctx.anchor``, else
    a "posted …" date in the text, else ``ctx.now``); times without a zone are in
    the zone the text names elsewhere, else ``ctx.zone``. ``earlier`` are the
    windows an update of this announcement revises ("verschoben auf den 12.05.").
    A phrase that cannot be a window (31 February) is skipped with a warning; the
    text as a whole never fails.
    """
    title = " ".join(title[:_MAX_TITLE_LENGTH].split())
    text, cut = _within_length(text)
    all_sentences = _sentences(text, title)
    readings = [_readings(sentence) for sentence in all_sentences]
    context = _context(all_sentences, ctx, published, text)
    budget = budget or OccurrenceBudget()
    reader = _Reader(all_sentences, readings, Pinner(context), ctx, context, budget=budget)
    found = reader.read()
    claimed = [{i for r in found_here for i in range(r.first, r.last)} for found_here in readings]
    found = apply_postponements(found, all_sentences, claimed, reader.pinner, _pinned(earlier))
    found = apply_completion(found, all_sentences)
    found = _without_references(found, context, reader.pinner.anchor_day, reader.notes)
    ordered = sorted(_once_each(found), key=lambda item: (item.pinned.start, item.pinned.end))
    # A span that ends where it starts ("Sunday to today", read on that Sunday) is no window.
    kept = [item for item in ordered if item.pinned.end > item.pinned.start]
    empty = (
        f"'{item.phrase}': it ends where it starts; not read as a window"
        for item in ordered
        if item.pinned.end <= item.pinned.start
    )
    # Like the other sources, say every assumption once more per text, naming its window.
    assumed = (f"'{item.phrase}': {warning}" for item in kept for warning in item.pinned.warnings)
    result = ParseResult(warnings=list(dict.fromkeys([*cut, *reader.notes, *empty, *assumed])))
    title_cancels = lexicon.cancels(title)
    titles = _titles(title, text, all_sentences, kept)
    for number, (item, shown_title) in enumerate(zip(kept, titles, strict=True), start=1):
        pinned = item.pinned
        result.windows.append(
            MaintenanceWindow(
                start=pinned.start,
                end=pinned.end,
                title=shown_title,
                source=ctx.source,
                source_kind=kind,
                status=_status(item, title_cancels),
                native_id=_numbered(native_id, number, len(kept)),
                description=_description(item),
                url=url,
                updated_at=updated_at,
                end_estimated=pinned.end_estimated,
                confidence=pinned.confidence,
                warnings=pinned.warnings,
            )
        )
    return result


def _within_length(text: str) -> tuple[str, list[str]]:
    """The text up to MAX_TEXT_LENGTH, cut at a line break when there is one; why, if cut."""
    if len(text) <= MAX_TEXT_LENGTH:
        return text, []
    line_break = text.rfind("\n", MAX_TEXT_LENGTH // 2, MAX_TEXT_LENGTH)
    kept = text[: line_break if line_break > 0 else MAX_TEXT_LENGTH]
    read, whole = MAX_TEXT_LENGTH // 1024, len(text) // 1024
    return kept, [f"read only its first {read} kB of text ({whole} kB)"]


def _sentences(text: str, title: str) -> list[Sentence]:
    """The text's sentences, with the title first when the text does not start with it."""
    body = list(sentences(text, first_paragraph=1))
    if title and title != _first_line(text):
        return [*sentences(title), *body]
    return body


def _readings(sentence: Sentence) -> list[Reading]:
    found = find_readings(sentence.tokens)
    if found and _names_service_hours(sentence):
        return []  # "Hotline: Mo–Fr 8–20 Uhr": times, but no maintenance
    return found


def _names_service_hours(sentence: Sentence) -> bool:
    text = sentence.text
    return lexicon.SERVICE_HOURS.search(text) is not None and not lexicon.OUTAGE.search(text)


def _context(
    all_sentences: list[Sentence], ctx: ParseContext, published: datetime | None, text: str
) -> TextContext:
    posted = next(
        (
            token
            for sentence in all_sentences
            for token in sentence.tokens
            if token.kind == PUBLISHED and isinstance(token.value, DateValue)
        ),
        None,
    )
    anchor = published or ctx.anchor
    if anchor is None and posted is not None and isinstance(posted.value, DateValue):
        value = posted.value
        if value.month is not None and value.year is not None:
            try:
                anchor = datetime(value.year, value.month, value.day, 12, tzinfo=ctx.zone)
            except ValueError:
                anchor = None
    zones = {
        _zone_key(token.value): token
        for sentence in all_sentences
        for token in sentence.tokens
        if token.kind == ZONE and isinstance(token.value, ZoneValue)
    }
    months = tuple(
        token.value
        for sentence in all_sentences
        for token in sentence.tokens
        if isinstance(token.value, MonthName)
    )
    return TextContext(
        zone=ctx.zone,
        zone_guessed=ctx.zone_guessed,
        stated_zone=next(iter(zones.values())) if len(zones) == 1 else None,
        anchor=anchor or ctx.now,
        anchor_published=anchor is not None,
        day_first=_reads_as_german(text),
        months=months,
    )


def _zone_key(value: ZoneValue) -> object:
    return getattr(value.zone, "key", None) or value.zone.utcoffset(None)


class _Reader:
    """Reads the sentences of one text, each with the rest of the text as context."""

    def __init__(
        self,
        all_sentences: list[Sentence],
        readings: list[list[Reading]],
        pinner: Pinner,
        ctx: ParseContext,
        context: TextContext,
        *,
        budget: OccurrenceBudget,
    ) -> None:
        self._sentences = all_sentences
        self._budget = budget
        self._readings = readings
        self.pinner = pinner
        self._ctx = ctx
        self._context = context
        distinct = {
            token.value: token
            for s in all_sentences
            for token in s.dates
            if isinstance(token.value, DateValue) and token.value.month is not None
        }
        self._only_date = next(iter(distinct.values())) if len(distinct) == 1 else None
        self._has_dates = any(s.dates for s in all_sentences)
        self._date_before = _last_date_before_each(all_sentences, readings)
        self._endings = _endings(all_sentences, readings)
        #: The last window read on each date token, for a later range on that date.
        self._last_on: dict[Token, Pinned] = {}
        self.notes: list[str] = []

    def read(self) -> list[Found]:
        found: list[Found] = []
        for position, sentence in enumerate(self._sentences):
            found.extend(_with_status(sentence, self._read_sentence(position, sentence)))
        return found

    def _read_sentence(self, position: int, sentence: Sentence) -> list[Found]:
        found: list[Found] = []
        readings = self._readings[position]
        if not readings:
            return []
        actual = sentence.mentions(lexicon.ACTUAL)
        moved = sentence.mentions(lexicon.POSTPONED)
        previous: Reading | None = None  # the reading before, and the furthest any reached
        reached = 0
        for reading in readings:
            before, previous = previous, reading
            reached, since = max(reached, reading.last), reached
            if reading.end_only:
                continue
            history = _is_history(sentence, reading, since)
            if history and not moved:
                continue  # the old plan, told as history: no window at all
            rule = recurrence_of(sentence, reading)
            if rule is not None:
                found.extend(self._recurring(position, sentence, reading, rule))
                continue
            if reading.start_date is None and _reports_past(sentence, reading, since):
                self.notes.append(
                    f"'{_phrase(sentence, reading)}': a report of what happened before "
                    "(yesterday, last night); not read as a window"
                )
                continue
            hint = self._date_hint(position, sentence, reading)
            if reading.start_date is None and hint is None and self._has_dates:
                if sentence.mentions(lexicon.OUTAGE):
                    self.notes.append(
                        f"'{_phrase(sentence, reading)}': a time with no date that can be "
                        "placed; not read as a window"
                    )
                continue  # times with no date, in a text that dates its windows: opening hours
            try:
                pinned_all = self._pin(position, sentence, reading, hint)
            except Unreadable as exc:
                self.notes.append(f"skipped '{_phrase(sentence, reading)}': {exc}")
                continue
            phrase = _phrase(sentence, reading)
            dated_by = reading.start_date or (hint.token if hint is not None else None)
            if dated_by is not None and len(pinned_all) == 1:
                if reading.start_date is None:
                    pinned_all = [self._rolled_over(dated_by, reading, pinned_all[0])]
                self._last_on[dated_by] = pinned_all[0]
            is_actual = actual and _is_actual(sentence, reading, before)
            vague = reading.all_day and _night_before(sentence, reading) is not None
            found.extend(
                _restated(
                    Found(
                        p,
                        sentence,
                        position,
                        phrase,
                        reading.first,
                        reading.open_end,
                        cancelled=history,
                        actual=is_actual,
                        vague=vague,
                    ),
                    sentence,
                    reading,
                )
                for p in pinned_all
            )
        return found

    def _pin(
        self, position: int, sentence: Sentence, reading: Reading, hint: DateHint | None
    ) -> list[Pinned]:
        """Pin the reading; with only a start, the end or length a later sentence states."""
        night = _night_before(sentence, reading)
        base = self._base_day(position, sentence, reading)
        past = _past_weekday(sentence, reading)
        pinned = self.pinner.pin(
            reading, hint, repeat=sentence.repeats, base=base, night=night, past=past
        )
        if not reading.open_end or len(pinned) != 1:
            return pinned
        ending = self._ending_after(position, reading)
        if ending is None:
            return pinned
        completed = _with_ending(reading, ending)
        try:
            return self.pinner.pin(
                completed, hint, repeat=sentence.repeats, base=base, night=night, past=past
            )
        except Unreadable:
            return pinned

    def _rolled_over(self, dated_by: Token, reading: Reading, pinned: Pinned) -> Pinned:
        """ "22:00–22:30 and 01:00–01:30 UTC" on one date: the later range is the night after.

        A range with no date of its own, written after another on the same date but
        earlier on the clock than that one's start, is read on the next day when that
        keeps it within the same night (the work runs over midnight); a guess, said so.
        """
        previous = self._last_on.get(dated_by)
        if previous is None or reading.end_time is None or pinned.start >= previous.start:
            return pinned
        day = pinned.start.date()
        after = day + timedelta(days=1)
        notes = notes_for(pinned)
        notes.add(
            f"no date of its own; read as {after.isoformat()}, the night after "
            f"{day.isoformat()}: written after {previous.start:%H:%M}–{previous.end:%H:%M} "
            "on that date, it is taken to run on past midnight",
            Confidence.MEDIUM,
        )
        try:
            rolled = self.pinner.on_day(after, reading, notes)
        except Unreadable:
            return pinned
        return rolled if rolled.start - previous.end <= _ROLLOVER_GAP else pinned

    def _ending_after(self, position: int, reading: Reading) -> _Ending | None:
        paragraph = self._sentences[position].paragraph
        for ending in self._endings:
            if ending.position < position or ending.position > position + _LOOK_AHEAD:
                continue
            if ending.position == position and ending.index < reading.last:
                continue
            if self._sentences[ending.position].paragraph > paragraph + 1:
                continue
            return ending
        return None

    def _recurring(
        self, position: int, sentence: Sentence, reading: Reading, rule: Recurrence
    ) -> list[Found]:
        """Each occurrence of a recurring window in the span, as the RRULE would give it."""
        if self._budget.left <= 0:
            self.notes.append(
                f"read only the first {MAX_TEXT_OCCURRENCES} occurrences of its recurring windows"
            )
            return []
        stated_first, stated_last = stated_bounds(sentence, reading)
        notes = Notes()
        horizon = (
            self._ctx.horizon_start.astimezone(self._context.zone).date() - timedelta(days=1),
            self._ctx.horizon_end.astimezone(self._context.zone).date(),
        )
        first = horizon[0]
        try:
            until = self.pinner.date_of(stated_last, notes, base=None) if stated_last else None
            if stated_first is not None:
                first = max(first, self.pinner.date_of(stated_first, notes, base=None))
            elif self._context.anchor_published:
                first = max(first, self.pinner.anchor_day)
        except Unreadable as exc:
            self.notes.append(f"skipped '{_phrase(sentence, reading)}': {exc}")
            return []
        night = _night_of_token(reading.start_date) or _night_before(sentence, reading)
        reading = _on_regional_clock(reading)
        days = rule.days(first, horizon[1], until=until)
        if rule.phase_guessed and stated_first is None and days:
            notes.add(
                f"which weeks is not stated; counted from {days[0].isoformat()}",
                Confidence.MEDIUM,
            )
        if len(days) > MAX_OCCURRENCES:
            days = days[:MAX_OCCURRENCES]
            self.notes.append(
                f"'{_phrase(sentence, reading)}': read only its first {MAX_OCCURRENCES} occurrences"
            )
        days = days[: self._budget.left]
        self._budget.left -= len(days)
        phrase = _phrase(sentence, reading)
        found = []
        for day in days:
            try:
                pinned = self.pinner.on_day(day, _without_dates(reading), notes.copy(), night=night)
            except Unreadable:
                continue
            if pinned.end <= self._ctx.horizon_start or pinned.start >= self._ctx.horizon_end:
                continue
            found.append(
                Found(pinned, sentence, position, phrase, reading.first, reading.open_end,
                      rule=rule.text)
            )  # fmt: skip
        self.notes.append(
            f"'{phrase}': a recurring window, read as RRULE:{rule.text} ({len(found)} in the span)"
        )
        return found

    def _base_day(self, position: int, sentence: Sentence, reading: Reading) -> date | None:
        """The day a weekday without a date counts from: a date named before it, if any."""
        if reading.start_date is None or not isinstance(reading.start_date.value, Weekday):
            return None
        earlier = [t for t in sentence.dates if t.start < reading.start_date.start]
        token = earlier[-1] if earlier else None
        if token is None:
            hint = self._date_before[position]
            token = hint.token if hint is not None else None
        if token is None or not isinstance(token.value, DateValue) or token.value.month is None:
            return None
        try:
            return self.pinner.date_of(token, Notes(), base=None)
        except Unreadable:
            return None

    def _date_hint(self, position: int, sentence: Sentence, reading: Reading) -> DateHint | None:
        """For a time with no date of its own: the date it most likely belongs to."""
        if reading.start_date is not None:
            return None
        own = sentence.dates
        if own:
            phrase_start = sentence.tokens[reading.first].start
            before = [token for token in own if token.start < phrase_start]
            token = before[-1] if before else own[0]
            return DateHint(token, Confidence.HIGH)
        earlier = self._date_before[position]
        if earlier is not None:
            note = (
                "date not in the same sentence; taken from the text before it "
                f"({earlier.token.text})"
            )
            return replace(earlier, confidence=Confidence.MEDIUM, note=note)
        if self._only_date is not None:
            token = self._only_date
            note = f"date not in the same sentence; taken from elsewhere in the text ({token.text})"
            return DateHint(token, Confidence.MEDIUM, note)
        return None


def _last_date_before_each(
    all_sentences: list[Sentence], readings: list[list[Reading]]
) -> list[DateHint | None]:
    """For each sentence, the last date named before it in the same paragraph.

    A night named by its dates ("in der Nacht vom 14. auf den 15.") hands on its
    evening, so that "ab 23 Uhr" later is the 14th and "bis 4 Uhr" the 15th.
    """
    result: list[DateHint | None] = []
    last: DateHint | None = None
    paragraph = None
    for sentence, found in zip(all_sentences, readings, strict=True):
        if sentence.paragraph != paragraph:
            last, paragraph = None, sentence.paragraph
        result.append(last)
        if not sentence.dates:
            continue
        last = DateHint(sentence.dates[-1], Confidence.MEDIUM)
        for reading in found:
            night = _night_before(sentence, reading)
            if night is not None and reading.start_date is not None:
                last = DateHint(_completed_date(reading), Confidence.MEDIUM, night=night)
    return result


def _completed_date(reading: Reading) -> Token:
    """ "vom 14. auf den 15. Januar 2026": the 14th, with the month and year of the 15th."""
    start, end = reading.start_date, reading.end_date
    if start is None:
        raise ValueError("a night reading always has a start date")
    day = start.value.day if isinstance(start.value, DateValue) else start.value
    if end is None or not isinstance(end.value, DateValue) or not isinstance(day, int):
        return start
    if isinstance(start.value, DateValue) and start.value.month is not None:
        return start
    value = DateValue(day, end.value.month, end.value.year)
    if end.value.month is not None and day > end.value.day:
        month = end.value.month - 1 or 12
        year = end.value.year - 1 if end.value.year and month == 12 else end.value.year
        value = DateValue(day, month, year)
    return start._replace(value=value)


def _endings(all_sentences: list[Sentence], readings: list[list[Reading]]) -> list[_Ending]:
    """Ends and lengths stated on their own, in text order."""
    result: list[_Ending] = []
    for position, (sentence, found) in enumerate(zip(all_sentences, readings, strict=True)):
        claimed = {index for reading in found for index in range(reading.first, reading.last)}
        for reading in found:
            if reading.end_only:
                result.append(_Ending(position, reading.first, reading=reading))
        if not any(token.kind == DURATION for token in sentence.tokens):
            continue
        if sentence.mentions(lexicon.DELAY):
            continue  # "mail is delivered within two hours": not the window's length
        for index, token in enumerate(sentence.tokens):
            if token.kind != DURATION or index in claimed:
                continue
            if _states_length(sentence, token):
                result.append(_Ending(position, index, duration=token))
    return sorted(result, key=lambda ending: (ending.position, ending.index))


def _states_length(sentence: Sentence, token: Token) -> bool:
    """ "should take around 90 minutes", "Dauer: 2 Stunden": the window's own length."""
    return bool(sentence.mentions(lexicon.LENGTH) or lexicon.LENGTH.match(token.text))


def _with_ending(reading: Reading, ending: _Ending) -> Reading:
    stated = ending.reading
    if stated is None:
        return replace(reading, duration=ending.duration)
    return replace(
        reading,
        end_time=stated.end_time,
        end_date=stated.end_date,
        zone=reading.zone or stated.zone,
        end_zone=stated.zone if reading.zone is not None else None,
    )


def _on_regional_clock(reading: Reading) -> Reading:
    """ "every Wednesday 01:00 CET": the Berlin clock all year, summer time included."""

    def regional(token: Token | None) -> Token | None:
        if token is None or not isinstance(token.value, ZoneValue):
            return token
        season = lexicon.ZONE_SEASONS.get(token.value.label)
        if season is None:
            return token
        return token._replace(value=ZoneValue(ZoneInfo(season[0]), season[0]))

    return replace(reading, zone=regional(reading.zone), end_zone=regional(reading.end_zone))


def _without_dates(reading: Reading) -> Reading:
    return replace(reading, start_date=None, end_date=None, times_each_day=False)


def _is_history(sentence: Sentence, reading: Reading, reached: int) -> bool:
    """ "ursprünglich 22:00–02:00", "instead of Tuesday": the old plan, not a window.

    The word dates what follows it up to the next date: in "nicht am 3. März, sondern
    am 10. März von 22 bis 2 Uhr" the window on the 10th is no history.
    """
    return _dated_by_marker(sentence, reading, reached, "H", _HISTORY_REACH)


def _reports_past(sentence: Sentence, reading: Reading, reached: int) -> bool:
    """ "Following yesterday's outage (14:00–15:30) …": what happened, not a window."""
    return _dated_by_marker(sentence, reading, reached, PAST, _PAST_REACH)


def _dated_by_marker(
    sentence: Sentence, reading: Reading, reached: int, marker: str, reach: int
) -> bool:
    """Is ``reading`` dated by a ``marker`` token at most ``reach`` tokens before it (not
    before ``reached``, the phrase before), with no date of its own in between?"""
    begin = max(0, reading.first - reach, reached)
    between = sentence.tokens[begin : reading.first]
    for offset, token in enumerate(between):
        if token.kind == marker:
            return not any(t.kind == DATE for t in between[offset + 1 :])
    return False


def _is_actual(sentence: Sentence, reading: Reading, before: Reading | None) -> bool:
    """ "The server was offline from 22:16 to 22:31": what happened, read after its words."""
    if before is None:
        return True
    words = " ".join(token.text for token in sentence.tokens[before.last : reading.first])
    return lexicon.ACTUAL.search(words) is not None


def _night_before(sentence: Sentence, reading: Reading) -> Night | None:
    """ "in der Nacht vom 14." (the evening) or "in der Nacht zum 15." (the morning)."""
    if reading.start_date is None:
        return None
    index = reading.first
    while index < reading.last and sentence.tokens[index] is not reading.start_date:
        index += 1
    words = [token.text.lower() for token in sentence.tokens[max(0, index - _NIGHT_REACH) : index]]
    for offset, word in enumerate(words):
        if word in lexicon.NIGHT_WORDS:
            into = any(w in lexicon.NIGHT_INTO_WORDS for w in words[offset + 1 :])
            return Night(evening=not into or reading.end_date is not None)
    return None


def _night_of_token(token: Token | None) -> Night | None:
    value = token.value if token is not None else None
    night = isinstance(value, DateValue | Weekday) and value.night
    return Night(evening=True) if night else None


def _past_weekday(sentence: Sentence, reading: Reading) -> bool:
    """ "last Sunday": the one before, unless the sentence speaks of a month's last Sunday."""
    start = reading.start_date
    if start is None or not isinstance(start.value, Weekday):
        return False
    index = reading.first
    while index > 0 and sentence.tokens[index] is not start:
        index -= 1
    words = {token.text.lower() for token in sentence.tokens[max(0, index - 2) : index + 1]}
    return bool(words & _PAST_WORDS) and not sentence.mentions(lexicon.MONTHLY)


def _restated(found: Found, sentence: Sentence, reading: Reading) -> Found:
    """ "21:00 CET (3 PM EST)": both must name the same moment, else the window is in doubt."""
    for index, restatement in sentence.restatements:
        if not reading.first <= index < reading.last:
            continue
        ends = reading.end_time is not None and index >= sentence.tokens.index(reading.end_time)
        moment = found.pinned.end if ends else found.pinned.start
        times = [t for t in restatement.tokens if t.kind == TIME]
        zones = [t.value for t in restatement.tokens if isinstance(t.value, ZoneValue)]
        written = " ".join(t.text for t in restatement.tokens)
        zone = zones[0].zone if zones else moment.tzinfo
        if zone is None:
            continue
        local = moment.astimezone(zone)
        agrees = local.utcoffset() == moment.utcoffset() if not times else False
        if times:
            clock = _clock_of(times[-1] if ends and len(times) > 1 else times[0])
            agrees = clock is not None and (local.hour, local.minute) == clock
        if not agrees:
            found = found.flagged(
                f"'{written}' is not the same time as {moment:%H:%M %z}; read as the latter",
                Confidence.LOW,
            )
    return found


def _clock_of(token: Token) -> tuple[int, int] | None:
    value = token.value
    if not isinstance(value, Clock):
        return None
    if value.meridian is None:
        return value.hour % 24, value.minute
    return value.hour % 12 + (12 if value.meridian == "pm" else 0), value.minute


def _without_references(
    found: list[Found], context: TextContext, published: date, notes: list[str]
) -> list[Found]:
    """ "Nachtrag zur Wartung vom 10.02. (22–23 Uhr): … am 17.02. fortgesetzt": a window
    over before the day the text was published, in a text announcing one still to come,
    is the earlier window it refers to, not one it announces (unless it says how that
    one went: completed, cancelled, what actually happened; or it recurs)."""
    if not context.anchor_published:
        return found

    def referred(item: Found) -> bool:
        told = item.cancelled or item.completed or item.actual or item.rule is not None
        return not told and item.pinned.end.date() < published

    if all(referred(item) or item.cancelled for item in found):
        return found
    for item in found:
        if referred(item):
            notes.append(
                f"'{item.phrase}': over before the text was published ({published.isoformat()}); "
                "read as a reference to an earlier window, not as one"
            )
    return [item for item in found if not referred(item)]


def _with_status(sentence: Sentence, found: list[Found]) -> list[Found]:
    """Cancelled if the sentence says so; "verschoben" cancels all but the last window named."""
    if not found:
        return found
    if lexicon.cancels(sentence.text):
        return [item.cancel() for item in found]
    distinct = {item.span for item in found}
    if sentence.mentions(lexicon.POSTPONED) and len(distinct) > 1:
        latest = max(found, key=lambda item: item.order).order
        return [item.cancel() if item.order != latest else item for item in found]
    return found


def _once_each(found: list[Found]) -> list[Found]:
    """A window mentioned twice is one window.

    The same span keeps its best reading (and a cancellation anywhere); a window whose
    end had to be estimated is dropped when another names the same start with an end,
    and a night named without times when a window with times falls in it.
    """
    by_span: dict[tuple[datetime, datetime], Found] = {}
    for item in found:
        known = by_span.get(item.span)
        if known is None:
            by_span[item.span] = item
            continue
        best = item if item.rank > known.rank else known
        if item.cancelled or known.cancelled:
            best = best.cancel()
        by_span[item.span] = best
    best_end_rank: dict[datetime, int] = {}
    for item in by_span.values():
        start = item.pinned.start
        best_end_rank[start] = max(best_end_rank.get(start, 0), item.end_rank)
    kept = [item for item in by_span.values() if item.end_rank == best_end_rank[item.pinned.start]]
    timed = [item for item in kept if not item.vague]
    return [
        item
        for item in kept
        if not item.vague
        or not any(t.pinned.start < item.pinned.end and t.pinned.end > item.pinned.start
                   for t in timed)
    ]  # fmt: skip


def _status(item: Found, title_cancels: bool) -> WindowStatus | None:
    if item.cancelled or title_cancels:
        return WindowStatus.CANCELLED
    if item.completed:
        return WindowStatus.COMPLETED
    return None


def _description(item: Found) -> str:
    text = _BULLET.sub("", item.sentence.text)
    if item.rule is not None:
        text = f"Recurring (RRULE:{item.rule}): {text}"
    for note in item.notes:
        text = f"{text} {note}"
    return _trim(text, _DESCRIPTION_LENGTH)


def _pinned(windows: Sequence[MaintenanceWindow]) -> list[Pinned]:
    return [
        Pinned(w.start, w.end, w.end_estimated, w.confidence, w.warnings)
        for w in sorted(windows, key=lambda w: (w.start, w.end))
        if w.status is not WindowStatus.CANCELLED
    ]


def _reads_as_german(text: str) -> bool:
    """Whether 03/04/2026 means the 3rd of April (German) or March 4th (English)."""
    german = english = 0
    for word in _WORD.findall(text.lower()):
        german += word in lexicon.GERMAN_HINTS
        english += word in lexicon.ENGLISH_HINTS
    return german >= english


def _first_line(text: str) -> str:
    return next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")


def _titles(title: str, text: str, all_sentences: list[Sentence], kept: list[Found]) -> list[str]:
    """The given title, else the first line; but a text that opens with one of several
    windows has no heading, so there each window is named by its own sentence."""
    if not title and len(kept) > 1 and all_sentences:
        opening = all_sentences[0]
        if any(item.sentence is opening for item in kept):
            return [_trim(_BULLET.sub("", item.sentence.text), _TITLE_LENGTH) for item in kept]
    return [_trim(title or _title_from(text), _TITLE_LENGTH)] * len(kept)


def _title_from(text: str) -> str:
    """The first line, without the "Subject:" of a mail pasted whole."""
    return _MAIL_SUBJECT.sub("", _first_line(text))


def _phrase(sentence: Sentence, reading: Reading) -> str:
    tokens = sentence.tokens[reading.first : reading.last]
    return _trim(" ".join(token.text for token in tokens), 80)


def _trim(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _numbered(native_id: str | None, number: int, total: int) -> str | None:
    if native_id is None or total == 1:
        return native_id
    return f"{native_id}#{number}"
