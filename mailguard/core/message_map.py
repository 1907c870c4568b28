"""A folder's messages without holding them all: batch look-ups, and changes over a base.

A large account holds 100,000 messages; a refresh after maintenance usually
sees a few hundred change. :class:`OverlayMessages` is a folder as it is now,
written as changes on top of an earlier reading (its *base*, usually a
baseline still on disk), so reading, storing and comparing a refresh cost what
changed, not what the folder holds.

:class:`MessageMap` is the interface a lazily loaded store answers: a single
look-up may load the whole folder (one query instead of many), a batch
look-up only what it names. The functions at the end take any Mapping, so
plain dicts (a full read, a test) work everywhere too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence

from mailguard.core.mailstate import MessageRecord

#: Inclusive UID ranges, as the server reports expunged messages (``VANISHED 3:7,9``).
Spans = Sequence[tuple[int, int]]


class MessageMap(Mapping[int, MessageRecord]):
    """A folder's messages by UID, with batch look-ups a store can answer without loading all.

    These defaults go through the Mapping; a lazily loaded store overrides them.
    """

    __slots__ = ()

    def known(self, uids: Iterable[int]) -> set[int]:
        """The UIDs among ``uids`` the folder holds."""
        return {uid for uid in uids if uid in self}

    def records(self, uids: Iterable[int]) -> dict[int, MessageRecord]:
        """The records of those ``uids`` the folder holds."""
        return _records_by_get(self, uids)

    def within(self, spans: Spans) -> set[int]:
        """The UIDs the folder holds inside any of the inclusive ``spans``."""
        return _uids_within(self, spans)

    def with_identities(self, identities: Collection[str]) -> dict[int, MessageRecord]:
        """The messages whose :meth:`MessageRecord.identity` is among ``identities``."""
        return {uid: r for uid, r in self.items() if r.identity() in identities}


class OverlayMessages(MessageMap):
    """A folder as ``changed`` (new or altered records) and ``removed`` UIDs over its ``base``.

    ``removed`` holds only UIDs of the base; a UID is never in both ``changed``
    and ``removed``. Iterating walks the base, so code on the fast path uses the
    batch look-ups and :attr:`touched` instead.
    """

    __slots__ = ("_length", "base", "changed", "removed")

    def __init__(
        self,
        base: Mapping[int, MessageRecord],
        changed: dict[int, MessageRecord],
        removed: frozenset[int] = frozenset(),
    ) -> None:
        self.base = base
        self.changed = changed
        self.removed = removed
        self._length: int | None = None

    def __getitem__(self, uid: int) -> MessageRecord:
        record = self.changed.get(uid)
        if record is not None:
            return record
        if uid in self.removed:
            raise KeyError(uid)
        return self.base[uid]

    def __len__(self) -> int:
        if self._length is None:
            added = len(self.changed) - len(known_uids(self.base, self.changed))
            self._length = len(self.base) - len(self.removed) + added
        return self._length

    def __iter__(self) -> Iterator[int]:
        uids = (set(self.base) - self.removed) | self.changed.keys()
        return iter(sorted(uids))

    @property
    def touched(self) -> set[int]:
        """Every UID where this folder may differ from its base."""
        return self.changed.keys() | self.removed

    def known(self, uids: Iterable[int]) -> set[int]:
        asked = set(uids)
        mine = asked & self.changed.keys()
        return mine | known_uids(self.base, asked - mine - self.removed)

    def records(self, uids: Iterable[int]) -> dict[int, MessageRecord]:
        asked = set(uids)
        found = {uid: self.changed[uid] for uid in asked & self.changed.keys()}
        rest = asked - found.keys() - self.removed
        found.update(records_among(self.base, rest))
        return found

    def within(self, spans: Spans) -> set[int]:
        mine = _uids_within(self.changed, spans)
        return mine | (uids_within(self.base, spans) - self.removed)

    def with_identities(self, identities: Collection[str]) -> dict[int, MessageRecord]:
        found = {u: r for u, r in self.changed.items() if r.identity() in identities}
        for uid, record in messages_with_identities(self.base, identities).items():
            if uid not in self.removed and uid not in self.changed:
                found[uid] = record
        return found

    def updated(self, changed: Mapping[int, MessageRecord], vanished: Spans) -> OverlayMessages:
        """The folder after ``changed`` records came or changed and those in ``vanished`` went."""
        now_changed = {**self.changed, **changed}
        removed = self.removed - changed.keys()
        if vanished:
            for uid in _uids_within(now_changed, vanished):
                del now_changed[uid]
            removed = removed | uids_within(self.base, vanished)
        return OverlayMessages(self.base, now_changed, frozenset(removed))


def overlay(
    messages: Mapping[int, MessageRecord],
    changed: Mapping[int, MessageRecord],
    vanished: Spans = (),
) -> OverlayMessages:
    """``messages`` with ``changed`` applied and ``vanished`` removed, over the same base."""
    if isinstance(messages, OverlayMessages):
        return messages.updated(changed, vanished)
    return OverlayMessages(messages, {}).updated(changed, vanished)


def touched_since(
    before: Mapping[int, MessageRecord], after: Mapping[int, MessageRecord]
) -> set[int] | None:
    """The UIDs where ``after`` may differ from ``before``; None when only a full walk can tell."""
    if after is before:
        return set()
    if isinstance(after, OverlayMessages) and after.base is before:
        return after.touched
    return None


def known_uids(messages: Mapping[int, MessageRecord], uids: Iterable[int]) -> set[int]:
    if isinstance(messages, MessageMap):
        return messages.known(uids)
    return {uid for uid in uids if uid in messages}


def records_among(
    messages: Mapping[int, MessageRecord], uids: Iterable[int]
) -> dict[int, MessageRecord]:
    if isinstance(messages, MessageMap):
        return messages.records(uids)
    return _records_by_get(messages, uids)


def uids_within(messages: Mapping[int, MessageRecord], spans: Spans) -> set[int]:
    if isinstance(messages, MessageMap):
        return messages.within(spans)
    return _uids_within(messages, spans)


def messages_with_identities(
    messages: Mapping[int, MessageRecord], identities: Collection[str]
) -> dict[int, MessageRecord]:
    if isinstance(messages, MessageMap):
        return messages.with_identities(identities)
    return {uid: r for uid, r in messages.items() if r.identity() in identities}


def _records_by_get(
    messages: Mapping[int, MessageRecord], uids: Iterable[int]
) -> dict[int, MessageRecord]:
    found: dict[int, MessageRecord] = {}
    for uid in uids:
        record = messages.get(uid)
        if record is not None:
            found[uid] = record
    return found


def _uids_within(uids: Iterable[int], spans: Spans) -> set[int]:
    lows: list[int] = []
    highs: list[int] = []
    for low, high in sorted(spans):  # merged, so one bisect finds the only candidate
        if highs and low <= highs[-1] + 1:
            highs[-1] = max(highs[-1], high)
        else:
            lows.append(low)
            highs.append(high)
    inside: set[int] = set()
    for uid in uids:
        index = bisect_right(lows, uid) - 1
        if index >= 0 and uid <= highs[index]:
            inside.add(uid)
    return inside
