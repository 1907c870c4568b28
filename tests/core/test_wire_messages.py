"""Messages kept as fetched: short cuts agree with the full readers; bad dates are refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.core.errors import ImapError
from mailguard.core.mailstate import MessageRecord
from mailguard.core.message_headers import (
    message_id_of,
    parse_header_block,
    parse_internaldate,
    valid_internaldate,
)
from mailguard.core.wire_messages import WireMessage, WireMessages

HEADER = (
    b"Message-ID: <abc@example.org>\r\n"
    b"Date: Fri, 27 Nov 2026 07:37:21 +0100\r\n"
    b"From: =?utf-8?q?J=C3=BCrgen?= <j@example.de>\r\n"
    b"Subject: Wartung\r\n\r\n"
)


def wire(
    uid: int, header: bytes = HEADER, internaldate: bytes = b"27-Nov-2026 07:40:00 +0100"
) -> WireMessage:
    return WireMessage(uid, frozenset({"\\Seen"}), internaldate, 1234, 77, header)


def test_a_wire_message_decodes_to_the_record_an_eager_reader_builds() -> None:
    assert wire(5).decode() == MessageRecord(
        uid=5,
        flags=frozenset({"\\Seen"}),
        internaldate=datetime(2026, 11, 27, 7, 40, tzinfo=timezone(timedelta(hours=1))),
        size=1234,
        message_id="<abc@example.org>",
        date=datetime(2026, 11, 27, 7, 37, 21, tzinfo=timezone(timedelta(hours=1))),
        sender="Jürgen <j@example.de>",
        subject="Wartung",
        modseq=77,
    )


def test_wire_messages_decode_once_and_drop_vanished_uids_undecoded() -> None:
    messages = WireMessages()
    for uid in (1, 2, 3):
        messages.add(wire(uid))
    first = messages[2]
    assert messages[2] is first  # decoded once, then kept
    kept = messages.without({1})
    assert list(kept) == [2, 3]
    assert kept[2] is first and 3 in kept and 1 not in kept
    assert dict(kept.items()) == {2: wire(2).decode(), 3: wire(3).decode()}


@pytest.mark.parametrize(
    "raw",
    [
        b"31-Feb-2026 10:00:00 +0000",  # no such day
        b"27-Foo-2026 10:00:00 +0000",
        b"27-Nov-2026 24:00:00 +0000",
        b"27-Nov-2026 10:61:00 +0000",
        b"27-Nov-2026 10:00:00 +2500",
        b"yesterday",
    ],
)
def test_an_unreadable_internaldate_is_refused_on_arrival(raw: bytes) -> None:
    with pytest.raises(ImapError, match="INTERNALDATE"):
        WireMessages().add(wire(1, internaldate=raw))


@settings(max_examples=500, deadline=None)
@given(
    day=st.integers(0, 32),
    month=st.sampled_from(["Jan", "feb", "MAR", "Apr", "Jun", "Sep", "Dec", "Foo"]),
    year=st.integers(1999, 2101),
    hour=st.integers(0, 25),
    minute=st.integers(0, 61),
    second=st.integers(0, 61),
    zone=st.sampled_from(["+0000", "-0500", "+0130", "+1400", "-1259", "+2400", "+0099"]),
    pad=st.booleans(),
)
def test_the_quick_internaldate_check_agrees_with_the_reader(
    *, day: int, month: str, year: int, hour: int, minute: int, second: int, zone: str, pad: bool
) -> None:
    shown_day = f" {day}" if pad and day < 10 else f"{day:02d}"
    raw = f"{shown_day}-{month}-{year} {hour:02d}:{minute:02d}:{second:02d} {zone}".encode()
    try:
        parse_internaldate(raw)
        readable = True
    except ImapError:
        readable = False
    assert valid_internaldate(raw) == readable


header_lines = st.sampled_from(
    [
        b"Message-ID: <a@x>\r\n",
        b"message-id:<b@x>\r\n",
        b"MESSAGE-ID:   <c@x>  \r\n",
        b"Message-ID:\r\n <folded@x>\r\n",
        b"Message-ID: <d@x>\r\n\t(comment)\r\n",
        "Message-ID: <ü@x>\r\n".encode(),
        "Message-ID: <ü@x>\r\n".encode("latin-1"),
        b"Message-ID :<not-a-header@x>\r\n",
        b"Message-ID: \r\n",
        b"Subject: about message-id: <e@x>\r\n",
        b"Subject: x\r\nmessage-id: <f@x>\r\n",
        "Subject: Grüße\r\n".encode("latin-1"),
        b"From: a@x\r\n",
        b"Date: Fri, 27 Nov 2026 07:37:21 +0000\r\n",
        b"\r\n",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(header_lines, max_size=6))
def test_the_quick_message_id_agrees_with_the_full_header_reader(lines: list[bytes]) -> None:
    block = b"".join(lines)
    assert message_id_of(block) == parse_header_block(block).message_id


def test_a_record_decoded_from_the_wire_has_aware_utc_or_offset_dates() -> None:
    record = wire(1, internaldate=b" 2-Jan-2025 10:00:00 +0000").decode()
    assert record.internaldate == datetime(2025, 1, 2, 10, tzinfo=UTC)
