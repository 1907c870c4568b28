"""A window found in a text, with where it was found and what the text says of it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from mailguard.core.model import Confidence
from mailguard.sources.announcement.document import Sentence
from mailguard.sources.announcement.resolve import Pinned

_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


@dataclass(frozen=True, slots=True)
class Found:
    pinned: Pinned
    sentence: Sentence
    position: int  # of the sentence in the text
    phrase: str  # the time phrase as written, to name the window in warnings
    order: int  # position in the sentence, to tell the earlier of two windows in it
    open_end: bool  # only a start was stated
    cancelled: bool = False
    completed: bool = False
    actual: bool = False  # what happened ("was offline from … to …"), not the plan
    #: A night named without times: dropped when a window with times fills it.
    vague: bool = False
    rule: str | None = None  # the RRULE a recurring window was expanded from
    notes: tuple[str, ...] = ()  # added to the description ("Actual: …")

    @property
    def span(self) -> tuple[datetime, datetime]:
        return self.pinned.start, self.pinned.end

    @property
    def end_rank(self) -> int:
        """How the end is known: stated (2), from a duration (1), assumed (0)."""
        if not self.pinned.end_estimated:
            return 2
        return 0 if self.open_end else 1

    @property
    def rank(self) -> int:
        return _RANK[self.pinned.confidence]

    def cancel(self) -> Found:
        return replace(self, cancelled=True)

    def flagged(self, warning: str, confidence: Confidence) -> Found:
        """The same window with one more warning, and no more confident than ``confidence``."""
        pinned = self.pinned
        lowest = confidence if _RANK[confidence] < _RANK[pinned.confidence] else pinned.confidence
        warnings = pinned.warnings if warning in pinned.warnings else (*pinned.warnings, warning)
        return replace(self, pinned=replace(pinned, confidence=lowest, warnings=warnings))
