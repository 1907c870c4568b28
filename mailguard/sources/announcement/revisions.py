"""What a text says about a window it named before: moved, or over.

"Die Wartung wird auf den 12.05. verschoben, gleiche Uhrzeit" names only the new
day: the new window takes the old one's times, and the old one is cancelled.
"postponed by one week" shifts it; "moved to Tuesday" takes the Tuesday after.
A completion notice marks the planned window completed, and what actually
happened ("the server was offline from 22:16 to 22:31") goes into its description.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from mailguard.core.model import Confidence
from mailguard.sources.announcement import lexicon
from mailguard.sources.announcement.document import Sentence
from mailguard.sources.announcement.found import Found
from mailguard.sources.announcement.resolve import Pinned, Pinner, Unreadable, notes_for
from mailguard.sources.announcement.tokens import (
    DATE,
    DURATION,
    DateValue,
    Span,
    Token,
    Weekday,
)

_ONE_DAY = timedelta(days=1)


def apply_postponements(
    found: list[Found],
    all_sentences: list[Sentence],
    claimed: list[set[int]],
    pinner: Pinner,
    earlier: Sequence[Pinned],
) -> list[Found]:
    """New windows for postponements that name only the change; old windows cancelled.

    ``claimed`` holds, per sentence, the indices of the tokens its time phrases use:
    a date or a span outside them ("auf den 12.05.", "um eine Woche") is the change.
    """
    if not lexicon.POSTPONED.search("\n".join(s.text for s in all_sentences)):
        return found  # most texts: one search, not one per sentence
    result = list(found)
    for position, sentence in enumerate(all_sentences):
        if not sentence.mentions(lexicon.POSTPONED) or sentence.mentions(lexicon.CANCELLED):
            continue
        changes = [
            token
            for index, token in enumerate(sentence.tokens)
            if index not in claimed[position] and token.kind in (DATE, DURATION)
        ]
        named = [item for item in result if item.position == position]
        here = [item for item in named if not item.cancelled]
        before = [
            item
            for item in result
            if item.position < position and not item.cancelled and not item.actual
        ]
        if here and not changes:
            # The new slot is stated in full: the window named before it is the old one.
            new_spans = {item.span for item in here}
            old_item = before[-1] if before and before[-1].span not in new_spans else None
            result = [item.cancel() if item is old_item else item for item in result]
            continue
        old_item = named[-1] if named else (before[-1] if before else None)
        old = old_item.pinned if old_item is not None else (earlier[-1] if earlier else None)
        if old is None or not changes:
            continue
        following = all_sentences[position + 1] if position + 1 < len(all_sentences) else None
        said = sentence.text if following is None else f"{sentence.text} {following.text}"
        moved = _moved(said, changes, old, pinner)
        if moved is None:
            continue
        result = [item.cancel() if item is old_item else item for item in result]
        result.append(Found(moved, sentence, position, _phrase_of(sentence), 0, open_end=False))
    return result


def _moved(said: str, changes: list[Token], old: Pinned, pinner: Pinner) -> Pinned | None:
    """The old window moved as ``said``: to a day, to a weekday, or by a span."""
    notes = notes_for(old)
    old_day = old.start.date()
    target: date | None = None
    shift: timedelta | None = None
    for token in changes:
        try:
            if isinstance(token.value, Weekday):
                target = pinner.date_of(token, notes, base=old_day + _ONE_DAY)
            elif isinstance(token.value, DateValue):
                day = pinner.date_of(token, notes, base=None)
                target = day if day != old_day else target
            elif isinstance(token.value, Span):
                shift = token.value.longest
        except Unreadable:
            continue
    if target is not None:
        moved = _on_day(old, target)
    elif shift is not None:
        moved = _shifted(old, shift)  # "um zwei Tage verschoben": the same times, later
        return replace(moved, confidence=notes.confidence, warnings=tuple(notes.warnings))
    else:
        return None
    if not lexicon.SAME_TIME.search(said):
        notes.add(
            f"new times not stated; kept {old.start:%H:%M}–{old.end:%H:%M} of the earlier window",
            Confidence.MEDIUM,
        )
    return replace(moved, confidence=notes.confidence, warnings=tuple(notes.warnings))


def _on_day(old: Pinned, day: date) -> Pinned:
    """The same wall times on another day (the end as many days after the start as before)."""
    days_later = (old.end.date() - old.start.date()).days
    start = _wall(day, old.start)
    end = _wall(day + timedelta(days=days_later), old.end)
    return replace(old, start=start, end=end)


def _shifted(old: Pinned, shift: timedelta) -> Pinned:
    """By whole days: the same wall times that many days later; else by elapsed time."""
    if shift % _ONE_DAY == timedelta(0):
        return _on_day(old, old.start.date() + shift // _ONE_DAY * _ONE_DAY)
    zone = old.start.tzinfo
    start = (old.start.astimezone(UTC) + shift).astimezone(zone)
    end = (old.end.astimezone(UTC) + shift).astimezone(zone)
    return replace(old, start=start, end=end)


def _wall(day: date, like: datetime) -> datetime:
    moment = datetime.combine(day, like.time(), tzinfo=like.tzinfo)
    return moment.astimezone(UTC).astimezone(like.tzinfo)


def _phrase_of(sentence: Sentence) -> str:
    text = " ".join(sentence.text.split())
    return text if len(text) <= 80 else text[:79] + "…"


def apply_completion(found: list[Found], all_sentences: list[Sentence]) -> list[Found]:
    """A completion notice: its planned windows completed, what happened in their description."""
    if not found or not lexicon.COMPLETED.search("\n".join(s.text for s in all_sentences)):
        return found
    done = {
        position
        for position, sentence in enumerate(all_sentences)
        if lexicon.says_done(sentence.text)
    }
    if not done:
        return found
    planned = [item for item in found if not item.actual]
    actual = [item for item in found if item.actual]
    if not planned:
        return [replace(item, completed=True) for item in actual]
    notes = tuple(f"Actual: {item.sentence.text}" for item in actual)
    notes = tuple(dict.fromkeys(notes))
    return [
        replace(item, completed=True, notes=(*item.notes, *notes))
        if _near(item, done, all_sentences)
        else item
        for item in planned
    ]


def _near(item: Found, done: set[int], all_sentences: list[Sentence]) -> bool:
    """In, or just before, a sentence saying the work is over (within one paragraph)."""
    paragraph = item.sentence.paragraph
    return any(
        0 <= position < len(all_sentences)
        and position in done
        and all_sentences[position].paragraph == paragraph
        for position in (item.position, item.position + 1)
    )
