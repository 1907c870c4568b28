"""IMAP sequence sets of UIDs (RFC 3501 section 9, ``sequence-set``), both ways."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from mailguard.core.errors import ImapError

#: The largest UID IMAP allows (RFC 3501: nz-number is a 32-bit unsigned value).
MAX_UID = 4_294_967_295


class UidRanges:
    """A set of UIDs kept as sorted, merged inclusive ranges.

    ``VANISHED (EARLIER) 1:4294967295`` is legal; expanding it into a set is not.
    """

    __slots__ = ("_highs", "_lows")

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[tuple[int, int]] = []
        for low, high in sorted(ranges):
            if merged and low <= merged[-1][1] + 1:
                if high > merged[-1][1]:
                    merged[-1] = (merged[-1][0], high)
            else:
                merged.append((low, high))
        self._lows = [low for low, _ in merged]
        self._highs = [high for _, high in merged]

    def __contains__(self, uid: object) -> bool:
        if not isinstance(uid, int):
            return False
        index = bisect_right(self._lows, uid) - 1
        return index >= 0 and uid <= self._highs[index]

    def __bool__(self) -> bool:
        return bool(self._lows)

    def __or__(self, other: UidRanges) -> UidRanges:
        return UidRanges([*self.ranges(), *other.ranges()])

    def ranges(self) -> list[tuple[int, int]]:
        return list(zip(self._lows, self._highs, strict=True))

    def __repr__(self) -> str:
        return f"UidRanges({format_ranges(self.ranges()) or 'empty'})"


def parse_uid_set(text: bytes) -> UidRanges:
    """``b"1:3,7,9:8"`` → the UIDs 1, 2, 3, 7, 8, 9; ``*`` is not allowed in server data."""
    ranges: list[tuple[int, int]] = []
    for part in text.split(b","):
        first, colon, last = part.partition(b":")
        try:
            low = int(first)
            high = int(last) if colon else low
        except ValueError:
            raise ImapError(f"unreadable UID set from the server: {_shorten(text)}") from None
        if low > high:
            low, high = high, low
        if not 0 < low <= high <= MAX_UID:
            raise ImapError(f"UID out of range from the server: {_shorten(text)}")
        ranges.append((low, high))
    return UidRanges(ranges)


def format_uid_set(uids: Iterable[int]) -> str:
    """The shortest sequence set for ``uids``: ``[1, 2, 3, 7]`` → ``"1:3,7"``."""
    ranges: list[tuple[int, int]] = []
    for uid in sorted(set(uids)):
        if ranges and uid == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], uid)
        else:
            ranges.append((uid, uid))
    return format_ranges(ranges)


def format_ranges(ranges: Iterable[tuple[int, int]]) -> str:
    return ",".join(str(low) if low == high else f"{low}:{high}" for low, high in ranges)


def _shorten(text: bytes, limit: int = 60) -> str:
    shown = text[:limit].decode("ascii", "replace")
    return shown + ("…" if len(text) > limit else "")
