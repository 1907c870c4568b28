"""Reading a whole announcement: every window it names, each said once."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from mailguard.core.model import Confidence, MaintenanceWindow, WindowStatus
from mailguard.sources.announcement import lexicon
from mailguard.sources.announcement.document import Sentence, sentences
from mailguard.sources.announcement.grammar import Reading, find_readings
from mailguard.sources.announcement.resolve import DateHint, Pinned, Pinner, Unreadable
from mailguard.sources.announcement.tokens import Token
from mailguard.sources.base import ParseContext, ParseResult

_TITLE_LENGTH = 100
_DESCRIPTION_LENGTH = 300
_WORD = re.compile(r"[^\W\d_]+")
_MAIL_SUBJECT = re.compile(r"^(?:subject|betreff)\s*:\s*", re.IGNORECASE)
_BULLET = re.compile(r"^[-•*·▪►‣]\s+")
_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


@dataclass(frozen=True, slots=True)
class _Found:
    pinned: Pinned
    sentence: Sentence
    phrase: str  # the time phrase as written, to name the window in warnings
    order: int  # position in the text, to tell the earlier of two windows in a sentence
    open_end: bool
    cancelled: bool = False

    @property
    def span(self) -> tuple[datetime, datetime]:
        return self.pinned.start, self.pinned.end

    @property
    def end_rank(self) -> int:
        """How the end is known: stated (2), from a duration (1), assumed (0)."""
        if not self.pinned.end_estimated:
            return 2
        return 0 if self.open_end else 1


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
) -> ParseResult:
    """The maintenance windows a free-text announcement (German or English) names.

    Dates without a year are anchored on ``published`` (else ``ctx.anchor``, else
    ``ctx.now``); times without a zone are in ``ctx.zone``. A phrase that cannot be
    a window (31 February) is skipped with a warning; the text as a whole never fails.
    """
    title = " ".join(title.split())
    anchor = published or ctx.anchor or ctx.now
    all_sentences = _sentences(text, title)
    reader = _Reader(all_sentences, Pinner(ctx.zone, anchor, day_first=_reads_as_german(text)))
    found = reader.read()
    kept = sorted(_once_each(found), key=lambda item: (item.pinned.start, item.pinned.end))
    # Like the other sources, say every assumption once more per text, naming its window.
    assumed = (f"'{item.phrase}': {warning}" for item in kept for warning in item.pinned.warnings)
    result = ParseResult(warnings=list(dict.fromkeys([*reader.skipped, *assumed])))
    title_cancels = lexicon.CANCELLED.search(title) is not None
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
                status=WindowStatus.CANCELLED if item.cancelled or title_cancels else None,
                native_id=_numbered(native_id, number, len(kept)),
                description=_trim(_BULLET.sub("", item.sentence.text), _DESCRIPTION_LENGTH),
                url=url,
                updated_at=updated_at,
                end_estimated=pinned.end_estimated,
                confidence=pinned.confidence,
                warnings=pinned.warnings,
            )
        )
    return result


def _sentences(text: str, title: str) -> list[Sentence]:
    """The text's sentences, with the title first when the text does not start with it."""
    body = list(sentences(text, first_paragraph=1))
    if title and title != _first_line(text):
        return [*sentences(title), *body]
    return body


class _Reader:
    """Reads the sentences of one text, each with the rest of the text as context."""

    def __init__(self, all_sentences: list[Sentence], pinner: Pinner) -> None:
        self._sentences = all_sentences
        self._pinner = pinner
        distinct = {token.value: token for s in all_sentences for token in s.dates}
        self._only_date = next(iter(distinct.values())) if len(distinct) == 1 else None
        self._has_dates = bool(distinct)
        self._date_before = _last_date_before_each(all_sentences)
        self.skipped: list[str] = []

    def read(self) -> list[_Found]:
        found: list[_Found] = []
        for position, sentence in enumerate(self._sentences):
            found.extend(_with_status(sentence, self._read_sentence(position, sentence)))
        return found

    def _read_sentence(self, position: int, sentence: Sentence) -> list[_Found]:
        found: list[_Found] = []
        for reading in find_readings(sentence.tokens):
            hint = self._date_hint(position, sentence, reading)
            if reading.start_date is None and hint is None and self._has_dates:
                continue  # times with no date, in a text that dates its windows: opening hours
            try:
                pinned_all = self._pinner.pin(reading, hint, repeat=sentence.repeats)
            except Unreadable as exc:
                self.skipped.append(f"skipped '{_phrase(sentence, reading)}': {exc}")
                continue
            phrase = _phrase(sentence, reading)
            found.extend(
                _Found(p, sentence, phrase, reading.first, reading.open_end) for p in pinned_all
            )
        return found

    def _date_hint(self, position: int, sentence: Sentence, reading: Reading) -> DateHint | None:
        """For a time with no date of its own: the date it most likely belongs to."""
        if reading.start_date is not None:
            return None
        own = sentence.dates
        if own:
            phrase_start = sentence.tokens[reading.first].start
            before = [token for token in own if token.start < phrase_start]
            return DateHint(before[-1] if before else own[0], Confidence.HIGH)
        earlier = self._date_before[position]
        if earlier is not None:
            note = f"date not in the same sentence; taken from the text before it ({earlier.text})"
            return DateHint(earlier, Confidence.MEDIUM, note)
        if self._only_date is not None:
            token = self._only_date
            note = f"date not in the same sentence; taken from elsewhere in the text ({token.text})"
            return DateHint(token, Confidence.MEDIUM, note)
        return None


def _last_date_before_each(all_sentences: list[Sentence]) -> list[Token | None]:
    """For each sentence, the last date named before it in the same paragraph."""
    result: list[Token | None] = []
    last: Token | None = None
    paragraph = None
    for sentence in all_sentences:
        if sentence.paragraph != paragraph:
            last, paragraph = None, sentence.paragraph
        result.append(last)
        if sentence.dates:
            last = sentence.dates[-1]
    return result


def _with_status(sentence: Sentence, found: list[_Found]) -> list[_Found]:
    """Cancelled if the sentence says so; "verschoben" cancels all but the last window named."""
    if not found:
        return found
    if lexicon.CANCELLED.search(sentence.text):
        return [_cancelled(item) for item in found]
    distinct = {item.span for item in found}
    if lexicon.POSTPONED.search(sentence.text) and len(distinct) > 1:
        latest = max(found, key=lambda item: item.order).order
        return [_cancelled(item) if item.order != latest else item for item in found]
    return found


def _cancelled(item: _Found) -> _Found:
    return replace(item, cancelled=True)


def _once_each(found: list[_Found]) -> list[_Found]:
    """A window mentioned twice is one window.

    The same span keeps its best reading (and a cancellation anywhere); a window whose
    end had to be estimated is dropped when another names the same start with an end.
    """
    by_span: dict[tuple[datetime, datetime], _Found] = {}
    for item in found:
        known = by_span.get(item.span)
        if known is None:
            by_span[item.span] = item
            continue
        best = item if _RANK[item.pinned.confidence] > _RANK[known.pinned.confidence] else known
        if item.cancelled or known.cancelled:
            best = _cancelled(best)
        by_span[item.span] = best
    best_end_rank: dict[datetime, int] = {}
    for item in by_span.values():
        start = item.pinned.start
        best_end_rank[start] = max(best_end_rank.get(start, 0), item.end_rank)
    return [item for item in by_span.values() if item.end_rank == best_end_rank[item.pinned.start]]


def _reads_as_german(text: str) -> bool:
    """Whether 03/04/2026 means the 3rd of April (German) or March 4th (English)."""
    german = english = 0
    for word in _WORD.findall(text.lower()):
        german += word in lexicon.GERMAN_HINTS
        english += word in lexicon.ENGLISH_HINTS
    return german >= english


def _first_line(text: str) -> str:
    return next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")


def _titles(title: str, text: str, all_sentences: list[Sentence], kept: list[_Found]) -> list[str]:
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
