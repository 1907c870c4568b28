"""OverlayMessages and the batch look-ups against the obvious model: a plain dict."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import product

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from mailguard.core.mailstate import MessageRecord
from mailguard.core.message_map import (
    MessageMap,
    OverlayMessages,
    Spans,
    known_uids,
    messages_with_identities,
    overlay,
    records_among,
    touched_since,
    uids_within,
)

T = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
MAX_UID = 2**32 - 1
UIDS = st.integers(1, 40)  # a small range, so changes, spans and look-ups collide often
MESSAGE_IDS = ["<a@example.org>", "<b@example.org>", "<c@example.org>"]


#: Few distinct values per field, so identities (Message-ID or fingerprint) repeat; one
#: draw per record keeps the state machine fast.
RECORDS = st.sampled_from(
    [
        MessageRecord(0, flags, T, size, message_id, date, "Alice <a@example.org>", subject, modseq)
        for flags, size, message_id, date, subject, modseq in product(
            [frozenset(), frozenset({"\\Seen"}), frozenset({"\\Seen", "$Label1"})],
            [100, 101],
            [None, "", *MESSAGE_IDS],
            [None, T - timedelta(hours=1)],
            ["", "Grüße"],
            [None, 7],
        )
    ]
)


def folders(max_size: int = 25) -> st.SearchStrategy[dict[int, MessageRecord]]:
    return st.dictionaries(UIDS, RECORDS, max_size=max_size).map(
        lambda drawn: {uid: replace(r, uid=uid) for uid, r in drawn.items()}
    )


def span_lists() -> st.SearchStrategy[list[tuple[int, int]]]:
    """Inclusive spans, unsorted, overlapping or adjacent, some beyond every UID present."""
    span = st.tuples(st.integers(0, 45), st.integers(0, 10)).map(lambda s: (s[0], s[0] + s[1]))
    wide = st.sampled_from([(1, MAX_UID), (41, MAX_UID), (0, 0)])
    return st.lists(st.one_of(span, span, wide), max_size=5)


def identity_sets() -> st.SearchStrategy[frozenset[str]]:
    some = st.sampled_from(
        [
            *(f"mid:{m}" for m in MESSAGE_IDS),
            "mid:<nowhere@example.org>",
            f"fp:100|{T.isoformat()}|",
            f"fp:101|{(T - timedelta(hours=1)).isoformat()}|",
            f"fp:100|{(T - timedelta(hours=1)).isoformat()}|Grüße",
            "fp:999|nowhere|",
        ]
    )
    return st.frozensets(some, max_size=4)


def inside(uid: int, spans: Spans) -> bool:
    return any(low <= uid <= high for low, high in spans)


class BatchOnly(MessageMap):
    """A base that, like a baseline still on disk, must be asked only in batches.

    Single look-ups and walks raise unless the test opens it with ``walkable()``
    to compare everything; ``asked`` counts the batch look-ups it answered.
    """

    def __init__(self, messages: dict[int, MessageRecord]) -> None:
        self._messages = messages
        self._walkable = False
        self.asked = 0

    @contextmanager
    def walkable(self) -> Iterator[None]:
        self._walkable = True
        try:
            yield
        finally:
            self._walkable = False

    def __getitem__(self, uid: int) -> MessageRecord:
        if not self._walkable:
            raise AssertionError(f"single look-up of UID {uid}")
        return self._messages[uid]

    def __iter__(self) -> Iterator[int]:
        if not self._walkable:
            raise AssertionError("walked the whole base")
        return iter(self._messages)

    def __len__(self) -> int:
        return len(self._messages)

    def known(self, uids: Iterable[int]) -> set[int]:
        self.asked += 1
        return {u for u in uids if u in self._messages}

    def records(self, uids: Iterable[int]) -> dict[int, MessageRecord]:
        self.asked += 1
        return {u: self._messages[u] for u in uids if u in self._messages}

    def within(self, spans: Spans) -> set[int]:
        self.asked += 1
        return {u for u in self._messages if inside(u, spans)}

    def with_identities(self, identities: Collection[str]) -> dict[int, MessageRecord]:
        self.asked += 1
        return {u: r for u, r in self._messages.items() if r.identity() in identities}


@contextmanager
def walkable(base: object) -> Iterator[None]:
    if isinstance(base, BatchOnly):
        with base.walkable():
            yield
    else:
        yield


class OverlayAgainstDict(RuleBasedStateMachine):
    """Random changes and vanished spans, applied to an overlay and to a plain dict."""

    def __init__(self) -> None:
        super().__init__()
        self.base: dict[int, MessageRecord] | BatchOnly = {}
        self.base_items: dict[int, MessageRecord] = {}
        self.current: OverlayMessages | None = None
        self.model: dict[int, MessageRecord] = {}
        self.named: set[int] = set()  # every UID a change or a vanished span named

    @initialize(start=folders(), batch_only=st.booleans())
    def start(self, start: dict[int, MessageRecord], batch_only: bool) -> None:
        self.base_items = dict(start)
        self.base = BatchOnly(dict(start)) if batch_only else dict(start)
        self.model = dict(start)

    def messages(self) -> OverlayMessages:
        assert self.current is not None
        return self.current

    @rule(
        data=st.data(),
        spans=span_lists(),
        by_method=st.booleans(),
    )
    def change(self, data: st.DataObject, spans: list[tuple[int, int]], by_method: bool) -> None:
        changed = data.draw(folders(max_size=8))
        before, before_model = self.current, dict(self.model)
        if by_method and before is not None:
            now = before.updated(changed, spans)
        else:
            now = overlay(before if before is not None else self.base, changed, spans)
        assert isinstance(now, OverlayMessages)
        assert now.base is self.base  # never an overlay over an overlay
        self.current = now
        self.model.update(changed)
        for uid in [u for u in self.model if inside(u, spans)]:
            del self.model[uid]
        self.named |= changed.keys() | {u for u in self.base_items if inside(u, spans)}
        if before is not None:  # the earlier overlay is a value: still what it was
            with walkable(self.base):
                assert dict(before.items()) == before_model

    @rule(
        data=st.data(),
        uids=st.lists(st.integers(0, 50), max_size=12),
        spans=span_lists(),
        identities=identity_sets(),
    )
    def look_up_in_batches(
        self,
        data: st.DataObject,
        uids: list[int],
        spans: list[tuple[int, int]],
        identities: frozenset[str],
    ) -> None:
        if self.current is None:
            return
        messages, model = self.current, self.model
        if model and data.draw(st.booleans()):  # spans that just touch or just miss a message
            uid = data.draw(st.sampled_from(sorted(model)))
            low, high = data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3))
            spans = [*spans, (uid + 1, uid + high), (uid - low, uid - 1)]
            spans = [*spans, (uid, uid)] if data.draw(st.booleans()) else spans
        expected_records = {u: model[u] for u in uids if u in model}
        assert messages.known(uids) == expected_records.keys()
        assert messages.known(iter(uids)) == expected_records.keys()
        assert messages.records(uids) == expected_records
        assert messages.within(spans) == {u for u in model if inside(u, spans)}
        assert messages.with_identities(identities) == {
            u: r for u, r in model.items() if r.identity() in identities
        }
        # The free functions give the same answers for the overlay and for the plain dict.
        for mapping in (messages, model):
            assert known_uids(mapping, uids) == expected_records.keys()
            assert records_among(mapping, uids) == expected_records
            assert uids_within(mapping, spans) == {u for u in model if inside(u, spans)}
            assert messages_with_identities(mapping, identities) == {
                u: r for u, r in model.items() if r.identity() in identities
            }

    @invariant()
    def bookkeeping_agrees(self) -> None:
        if self.current is None:
            return
        messages, model = self.current, self.model
        assert len(messages) == len(model)  # batch look-ups only, even on a BatchOnly base
        assert not messages.changed.keys() & messages.removed
        assert messages.removed <= self.base_items.keys()
        differing = {
            u
            for u in model.keys() | self.base_items.keys()
            if model.get(u) != self.base_items.get(u)
        }
        assert differing <= messages.touched <= self.named
        assert touched_since(self.base, messages) == messages.touched
        assert touched_since(dict(self.base_items), messages) is None  # an equal, other base
        assert touched_since(messages, messages) == set()

    @invariant()
    def reads_like_the_dict(self) -> None:
        if self.current is None:
            return
        messages, model = self.current, self.model
        with walkable(self.base):
            assert dict(messages.items()) == model
            assert list(messages) == sorted(model)
            assert messages == model
            for uid in range(52):
                assert (uid in messages) == (uid in model)
                assert messages.get(uid) == model.get(uid)
                if uid not in model:
                    with pytest.raises(KeyError):
                        messages[uid]


OverlayAgainstDict.TestCase.settings = settings(
    max_examples=120, stateful_step_count=10, deadline=None
)
test_an_overlay_behaves_like_a_dict_updated_the_obvious_way = OverlayAgainstDict.TestCase


def record(uid: int, **fields: object) -> MessageRecord:
    values: dict[str, object] = {
        "uid": uid,
        "flags": frozenset(),
        "internaldate": T,
        "size": 1000 + uid,
        "message_id": f"<{uid}@example.org>",
        "date": T,
        "sender": "Alice <alice@example.org>",
        "subject": f"mail {uid}",
        "modseq": uid,
    }
    values.update(fields)
    return MessageRecord(**values)  # type: ignore[arg-type]


def test_an_overlay_of_an_overlay_stays_one_layer_over_the_same_base() -> None:
    base = BatchOnly({uid: record(uid) for uid in range(1, 101)})
    first = overlay(base, {3: record(3, flags=frozenset({"\\Seen"})), 101: record(101)}, [(7, 9)])
    second = overlay(first, {102: record(102)}, [(101, 101), (50, 60)])
    third = second.updated({3: record(3)}, [(200, 300)])
    assert first.base is base and second.base is base and third.base is base
    assert isinstance(third.base, BatchOnly)  # not an OverlayMessages: no chain to walk
    assert third.changed == {3: record(3), 102: record(102)}
    assert third.removed == {7, 8, 9, *range(50, 61)}
    assert len(third) == 100 - 3 - 11 + 1
    assert third.touched == {3, 102, 7, 8, 9, *range(50, 61)}
    assert base.asked > 0  # every answer above came from batch look-ups


def test_only_batch_look_ups_reach_the_base() -> None:
    """What a refresh does with the previous state: nothing here may walk the base."""
    base = BatchOnly(
        {uid: record(uid, message_id=None if uid % 2 else f"<{uid}@x>") for uid in range(1, 21)}
    )
    messages = overlay(
        base, {4: record(4, flags=frozenset({"\\Flagged"})), 30: record(30)}, [(5, 6)]
    )
    assert messages.known([1, 4, 5, 6, 30, 31]) == {1, 4, 30}
    assert messages.records([4, 5, 30, 99]) == {
        4: record(4, flags=frozenset({"\\Flagged"})),
        30: record(30),
    }
    assert messages.within([(3, 7), (29, MAX_UID)]) == {3, 4, 7, 30}
    wanted = {record(3, message_id=None).identity(), "mid:<6@x>", "mid:<8@x>"}
    assert messages.with_identities(wanted) == {3: base.records([3])[3], 8: base.records([8])[8]}
    assert len(messages) == 20 - 2 + 1
    assert messages.touched == {4, 5, 6, 30}
    assert touched_since(base, messages) == {4, 5, 6, 30}


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], set()),
        ([(4, 4)], {4}),
        ([(1, 3), (5, 7)], {1, 3, 5, 7}),  # a gap of one UID
        ([(5, 7), (1, 3), (4, 4)], {1, 3, 4, 5, 7}),  # unsorted, touching
        ([(1, 9), (2, 3), (3, 12)], {1, 3, 4, 5, 7, 9, 12}),  # nested and overlapping
        ([(6, 6), (6, 6), (8, 8)], set()),  # only UIDs not present
        ([(13, MAX_UID), (0, 0)], set()),
        ([(12, MAX_UID)], {12}),
    ],
)
def test_spans_are_inclusive_and_may_come_in_any_order(
    spans: list[tuple[int, int]], expected: set[int]
) -> None:
    plain = {uid: record(uid) for uid in (1, 3, 4, 5, 7, 9, 12)}
    assert uids_within(plain, spans) == expected
    assert overlay(BatchOnly(plain), {}).within(spans) == expected
    assert overlay(plain, {}).within(spans) == expected
    over_empty = overlay(BatchOnly({}), plain)  # the same UIDs, all in `changed`
    assert over_empty.within(spans) == expected
    assert set(overlay(plain, {}, spans)) == plain.keys() - expected


def test_the_free_functions_answer_plain_dicts() -> None:
    plain = {1: record(1), 5: record(5, message_id=None), 9: record(9)}
    assert known_uids(plain, [0, 1, 5, 6]) == {1, 5}
    assert records_among(plain, (u for u in [5, 6])) == {5: record(5, message_id=None)}
    assert uids_within(plain, [(6, 20), (0, 1), (9, 9)]) == {1, 9}
    assert uids_within(plain, []) == set()
    fingerprint = record(5, message_id=None).identity()
    assert messages_with_identities(plain, {fingerprint, "mid:<9@example.org>"}) == {
        5: record(5, message_id=None),
        9: record(9),
    }
    assert touched_since(plain, plain) == set()
    assert touched_since(plain, dict(plain)) is None
    assert touched_since(plain, overlay(plain, {})) == set()


def test_a_uid_removed_from_the_base_and_then_changed_again_is_counted_once() -> None:
    base = {1: record(1), 2: record(2)}
    again = overlay(overlay(base, {}, [(2, 2)]), {2: record(2, flags=frozenset({"\\Seen"}))})
    assert dict(again.items()) == {1: record(1), 2: record(2, flags=frozenset({"\\Seen"}))}
    assert not again.changed.keys() & again.removed
    assert len(again) == 2
