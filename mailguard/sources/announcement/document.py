"""A text as paragraphs of sentences, the units a time phrase never crosses.

Lines of mail are often hard-wrapped, so a line break inside a long line of
prose is read as a space; a line break before a bullet, after a heading-like
short line or after a full stop is a real break. An "Ende: …" line continues
the "Beginn: …" line before it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from mailguard.sources.announcement import lexicon
from mailguard.sources.announcement.attach import Restatement, attach
from mailguard.sources.announcement.tokens import BREAK, DATE, DateValue, Token, hints, tokenize

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_BULLET = re.compile(r"^(?:[-•*·▪►‣–—]|\d{1,2}[.)])\s")
_END_LABEL = re.compile(r"^(?:ende|end|ends|bis|until)\b", re.IGNORECASE)
_WRAPPED_LINE_LENGTH = 60  # shorter lines are headings or datelines, not wrapped prose
_INVISIBLE = str.maketrans({"\xad": None, "\u200b": None, "\ufeff": None, "\xa0": " ",
                            "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " "})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    tokens: list[Token]
    paragraph: int
    dates: tuple[Token, ...]
    #: "jeweils", "each night": a range of days with times means each of those days.
    repeats: bool
    #: "(3 PM EST)" after a time, by the index of the token it follows.
    restatements: tuple[tuple[int, Restatement], ...] = ()
    #: The dates that name a month, by index: what can bound a recurring window.
    month_dates: tuple[tuple[int, Token], ...] = ()

    @classmethod
    def of(
        cls,
        text: str,
        tokens: list[Token],
        paragraph: int,
        restatements: list[Restatement] | None = None,
    ) -> Sentence:
        dates = tuple(token for token in tokens if token.kind == DATE)
        repeats = any(token.text.lower() in lexicon.REPEAT_WORDS for token in tokens)
        positions = {id(token): index for index, token in enumerate(tokens)}
        placed = tuple(
            (positions[id(r.after)], r) for r in restatements or () if id(r.after) in positions
        )
        month_dates = tuple(
            (index, token)
            for index, token in enumerate(tokens)
            if isinstance(token.value, DateValue) and token.value.month is not None
        )
        return cls(text, tokens, paragraph, dates, repeats, placed, month_dates)

    def mentions(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` occurs in the sentence: asked for each of its readings,
        so answered once (a 100 kB line of times took minutes when searched each time)."""
        return _mentions(pattern, self.text)


@functools.lru_cache(maxsize=64)
def _mentions(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None


def sentences(text: str, *, first_paragraph: int = 0) -> Iterator[Sentence]:
    """The sentences of a text, in order, with the number of the paragraph they are in."""
    clean = text.translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    hinted = hints(clean)
    for number, paragraph in enumerate(_PARAGRAPH_BREAK.split(clean), start=first_paragraph):
        for line in _unwrapped(paragraph.split("\n")):
            yield from _split(line, number, hinted)


def _unwrapped(lines: list[str]) -> Iterator[str]:
    current = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if current and _continues(current, line):
            current = f"{current} {line}"
            continue
        if current:
            yield current
        current = line
    if current:
        yield current


def _continues(previous: str, line: str) -> bool:
    if _BULLET.match(line):
        return False
    if _END_LABEL.match(line):
        return True
    return len(previous) >= _WRAPPED_LINE_LENGTH and previous[-1] not in ".:!?;"


def _split(line: str, paragraph: int, hinted: frozenset[str]) -> Iterator[Sentence]:
    postponement = lexicon.POSTPONED.search(line) is not None
    tokens, restatements = attach(tokenize(line, hinted), postponement=postponement)
    begin, current = 0, []
    for token in tokens:
        if token.kind != BREAK:
            current.append(token)
            continue
        if current:
            yield Sentence.of(line[begin : token.end].strip(), current, paragraph, restatements)
        begin, current = token.end, []
    if current:
        yield Sentence.of(line[begin:].strip(), current, paragraph, restatements)
