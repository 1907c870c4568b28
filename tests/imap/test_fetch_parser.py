"""The lean response reader, on recorded and hand-made raw responses (no server needed)."""

from __future__ import annotations

import base64
import contextlib
import io
from datetime import UTC, datetime, timedelta, timezone
from email import quoprimime
from email.header import decode_header, make_header

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.core.errors import ConnectionLost, ImapError
from mailguard.core.message_headers import decode_words, parse_date, parse_header_block
from mailguard.imap.fetch_parser import ResponseReader, Responses, Tagged
from mailguard.imap.uid_sets import UidRanges, format_uid_set, parse_uid_set

# Recorded from Dovecot 2.3.19 (tests/dovecot.py): EXAMINE with CONDSTORE, then
# UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[HEADER.FIELDS (...)]).
RECORDED = (
    b"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)\r\n"
    b"* OK [PERMANENTFLAGS ()] Read-only mailbox.\r\n"
    b"* 2 EXISTS\r\n"
    b"* 0 RECENT\r\n"
    b"* OK [UNSEEN 1] First unseen.\r\n"
    b"* OK [UIDVALIDITY 1795765041] UIDs valid\r\n"
    b"* OK [UIDNEXT 3] Predicted next UID\r\n"
    b"* OK [HIGHESTMODSEQ 3] Highest\r\n"
    b"a3 OK [READ-ONLY] Examine completed (0.002 + 0.000 + 0.001 secs).\r\n"
    b'* 1 FETCH (UID 1 FLAGS () INTERNALDATE "01-Mar-2024 23:50:00 +0000" RFC822.SIZE 215 '
    b"MODSEQ (3) BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)] {88}\r\n"
    b"From: Alice <alice@example.org>\r\n"
    b"Subject: two\r\n"
    b"Date: Fri, 27 Nov 2026 07:37:21 +0000\r\n"
    b"\r\n"
    b")\r\n"
    b"* 2 FETCH (UID 2 FLAGS (\\Flagged \\Seen $Forwarded) INTERNALDATE "
    b'"27-Nov-2026 07:37:21 +0100" RFC822.SIZE 336 MODSEQ (3) '
    b"BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)] {209}\r\n"
    b"From: =?utf-8?q?M=C3=BCller=2C?= Hans <h@example.org>\r\n"
    b"Subject: =?utf-8?b?R3LDvMOfZSBhdXMgS8O2bG4=?=\r\n"
    b"Date: Fri, 27 Nov 2026 07:37:21 +0000\r\n"
    b"Message-ID: <179576504167.12902.3627171926610085318@example.org>\r\n"
    b"\r\n"
    b")\r\n"
    b"a4 OK Fetch completed (0.002 + 0.000 + 0.001 secs).\r\n"
)


def read(raw: bytes, *tags: bytes) -> tuple[Responses, list[Tagged]]:
    reader = ResponseReader(io.BytesIO(raw), where="reading INBOX")
    responses = Responses()
    return responses, [reader.read_until(tag, responses) for tag in tags]


def fetch_line(seq: int, items: bytes, literal: bytes | None = None) -> bytes:
    if literal is None:
        return b"* %d FETCH (%s)\r\n" % (seq, items)
    return b"* %d FETCH (%s {%d}\r\n%s)\r\n" % (seq, items, len(literal), literal)


HEADER = b"Message-ID: <m1@example.org>\r\nSubject: Hi\r\nFrom: a@example.org\r\n\r\n"


def test_recorded_dovecot_select_and_fetch_give_folder_data_and_records() -> None:
    responses, done = read(RECORDED, b"a3", b"a4")
    assert [d.status for d in done] == ["OK", "OK"]
    assert (responses.uidvalidity, responses.uidnext, responses.highestmodseq) == (
        1795765041,
        3,
        3,
    )
    assert responses.exists == 2
    first, second = responses.messages[1], responses.messages[2]
    assert first.flags == frozenset()
    assert first.internaldate == datetime(2024, 3, 1, 23, 50, tzinfo=UTC)
    assert first.size == 215
    assert first.message_id is None
    assert first.subject == "two"
    assert first.modseq == 3
    assert second.flags == {"\\Flagged", "\\Seen", "$Forwarded"}
    assert second.internaldate.utcoffset() == timedelta(hours=1)
    assert second.sender == "Müller, Hans <h@example.org>"
    assert second.subject == "Grüße aus Köln"
    assert second.message_id == "<179576504167.12902.3627171926610085318@example.org>"
    assert second.date == datetime(2026, 11, 27, 7, 37, 21, tzinfo=UTC)


def test_items_in_any_order_give_the_same_record() -> None:
    usual = fetch_line(
        1,
        b'UID 7 FLAGS (\\Seen) INTERNALDATE "02-Jan-2025 10:00:00 +0000" RFC822.SIZE 99 '
        b"MODSEQ (12) BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)]",
        HEADER,
    )
    shuffled = fetch_line(
        1,
        b"BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)] {%d}\r\n%s MODSEQ (12) "
        b'RFC822.SIZE 99 FLAGS (\\Seen) UID 7 INTERNALDATE "02-Jan-2025 10:00:00 +0000"'
        % (len(HEADER), HEADER),
    )
    a, _ = read(usual + b"t OK\r\n", b"t")
    b, _ = read(shuffled + b"t OK\r\n", b"t")
    assert a.messages == b.messages
    assert a.messages[7].message_id == "<m1@example.org>"


def test_header_as_quoted_string_or_nil_is_read() -> None:
    raw = fetch_line(
        1,
        b'UID 1 FLAGS () INTERNALDATE " 2-Jan-2025 10:00:00 -0500" RFC822.SIZE 5 '
        b'BODY[HEADER.FIELDS (SUBJECT)] "Subject: quoted \\"x\\" \\\\o/"',
    ) + fetch_line(
        2, b'UID 2 FLAGS () INTERNALDATE "02-Jan-2025 10:00:00 +0000" RFC822.SIZE 5 BODY[] NIL'
    )
    responses, _ = read(raw + b"t OK\r\n", b"t")
    assert responses.messages[1].internaldate.utcoffset() == timedelta(hours=-5)
    assert responses.messages[1].subject == 'quoted "x" \\o/'
    assert responses.messages[2].subject == ""
    assert responses.messages[2].message_id is None


def test_recent_is_dropped_and_keywords_kept() -> None:
    raw = fetch_line(
        1,
        b'UID 3 FLAGS (\\Recent \\Answered $Label1 NonJunk) INTERNALDATE "02-Jan-2025 10:00:00 '
        b'+0000" RFC822.SIZE 5 BODY[HEADER.FIELDS (DATE)]',
        b"\r\n",
    )
    responses, _ = read(raw + b"t OK\r\n", b"t")
    assert responses.messages[3].flags == {"\\Answered", "$Label1", "NonJunk"}


def test_interleaved_untagged_responses_are_understood() -> None:
    record = fetch_line(
        1,
        b'UID 1 FLAGS () INTERNALDATE "02-Jan-2025 10:00:00 +0000" RFC822.SIZE 5 '
        b"BODY[HEADER.FIELDS (DATE)]",
        b"\r\n",
    )
    raw = (
        record
        + b"* 3 EXISTS\r\n"
        + b"* 4 FETCH (FLAGS (\\Seen))\r\n"  # another client's change, without UID
        + b"* 2 FETCH (UID 9 MODSEQ (44) FLAGS (\\Deleted))\r\n"
        + b"* 2 EXPUNGE\r\n"
        + b"* VANISHED (EARLIER) 20:22,25\r\n"
        + b"* NO [ALERT] disk almost full\r\n"
        + b"t OK done\r\n"
    )
    responses, done = read(raw, b"t")
    assert done[0] == Tagged("OK", "done")
    assert list(responses.messages) == [1]
    assert responses.flag_updates[9].flags == {"\\Deleted"}
    assert responses.flag_updates[9].modseq == 44
    assert responses.uidless_fetches == 1
    assert responses.expunges == 1
    assert responses.exists == 2
    assert 21 in responses.vanished and 25 in responses.vanished and 23 not in responses.vanished


def test_tagged_no_and_bad_are_reported_with_the_server_text() -> None:
    _responses, done = read(
        b"a NO [NONEXISTENT] Mailbox doesn't exist\r\nb BAD what\r\n", b"a", b"b"
    )
    assert done == [Tagged("NO", "[NONEXISTENT] Mailbox doesn't exist"), Tagged("BAD", "what")]
    assert not done[0].ok


def test_list_responses_give_decoded_names_and_attributes() -> None:
    raw = (
        b'* LIST (\\HasNoChildren \\Sent) "/" Sent\r\n'
        b'* LIST (\\Noselect \\HasChildren) "/" "Entw&APw-rfe"\r\n'
        b'* LIST () "/" {11}\r\nArchiv 2024\r\n'
        b"* LIST (\\NonExistent) NIL Gone\r\n"
        b"t OK\r\n"
    )
    responses, _ = read(raw, b"t")
    names = [(f.name, f.delimiter, f.selectable) for f in responses.folders]
    assert names == [
        ("Sent", "/", True),
        ("Entwürfe", "/", False),
        ("Archiv 2024", "/", True),
        ("Gone", None, False),
    ]
    assert "\\Sent" in responses.folders[0].attributes


def test_bye_is_a_lost_connection() -> None:
    with pytest.raises(ConnectionLost, match=r"ended the session while reading INBOX"):
        read(b"* BYE Server shutting down.\r\n", b"t")


def test_end_of_stream_mid_literal_is_a_lost_connection() -> None:
    raw = RECORDED[: RECORDED.index(b"Subject: two") + 5]
    with pytest.raises(ConnectionLost, match="closed the connection while reading INBOX"):
        read(raw, b"a3", b"a4")


def test_end_of_stream_between_responses_is_a_lost_connection() -> None:
    with pytest.raises(ConnectionLost):
        read(b"* 1 EXISTS\r\n", b"t")


def test_socket_error_is_a_lost_connection() -> None:
    class Broken(io.BytesIO):
        def readline(self, size: int | None = -1) -> bytes:
            raise ConnectionResetError("reset by peer")

    reader = ResponseReader(Broken(), where="reading Archiv")
    with pytest.raises(ConnectionLost, match="reading Archiv"):
        reader.read_until(b"t", Responses())


def test_absurd_literal_size_is_refused_without_allocating_it() -> None:
    with pytest.raises(ImapError, match="implausible literal"):
        read(b"* 1 FETCH (UID 1 BODY[] {99999999999}\r\n", b"t")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_garbage_raises_nothing_but_imap_errors(garbage: bytes) -> None:
    with contextlib.suppress(ImapError):
        read(garbage, b"t")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                b"* ",
                b"1 ",
                b"FETCH ",
                b"(",
                b")",
                b"UID 3 ",
                b"FLAGS (\\Seen) ",
                b'INTERNALDATE "02-Jan-2025 10:00:00 +0000" ',
                b"RFC822.SIZE 9 ",
                b"MODSEQ (4) ",
                b"BODY[HEADER.FIELDS (DATE)] ",
                b"{3}\r\nabc",
                b'"q\\"x" ',
                b"NIL ",
                b"VANISHED (EARLIER) 1:3 ",
                b'LIST () "/" x ',
                b"OK [UIDNEXT 5] ",
                b"\r\n",
            ]
        ),
        max_size=25,
    )
)
def test_plausible_fragments_raise_nothing_but_imap_errors(fragments: list[bytes]) -> None:
    with contextlib.suppress(ImapError):
        read(b"".join(fragments) + b"\r\nt OK\r\n", b"t")


# -- header fields ---------------------------------------------------------------------


def test_encoded_words_and_folded_lines_are_decoded() -> None:
    block = (
        b"Subject: =?iso-8859-1?q?Wartung_am_Montag?=\r\n =?utf-8?b?4oCTIGhldXRl?=\r\n"
        b"From: =?utf-8?q?J=C3=BCrgen?= <j@example.de>\r\n"
        b"Message-ID: \r\n <folded@example.de>\r\n\r\n"
    )
    fields = parse_header_block(block)
    assert fields.subject == "Wartung am Montag– heute"
    assert fields.sender == "Jürgen <j@example.de>"
    assert fields.message_id == "<folded@example.de>"


def test_raw_eight_bit_headers_are_read_as_utf8_or_latin1() -> None:
    assert parse_header_block("Subject: Grüße\r\n".encode()).subject == "Grüße"
    assert parse_header_block("Subject: Grüße\r\n".encode("latin-1")).subject == "Grüße"


def test_unknown_charset_keeps_the_raw_text() -> None:
    assert decode_words("=?x-unknown?q?abc?=") == "=?x-unknown?q?abc?="


def test_missing_fields_are_empty_or_none() -> None:
    fields = parse_header_block(b"\r\n")
    assert (fields.message_id, fields.date, fields.sender, fields.subject) == (None, None, "", "")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Fri, 27 Nov 2026 07:37:21 +0000", datetime(2026, 11, 27, 7, 37, 21, tzinfo=UTC)),
        (
            "27 Nov 2026 07:37 +0130 (CET)",
            datetime(2026, 11, 27, 7, 37, tzinfo=timezone(timedelta(hours=1, minutes=30))),
        ),
        ("Fri, 27 Nov 2026 07:37:21 -0000", datetime(2026, 11, 27, 7, 37, 21, tzinfo=UTC)),
        ("Fri, 27 Nov 26 07:37:21 GMT", datetime(2026, 11, 27, 7, 37, 21, tzinfo=UTC)),
        ("Fri,  3 Jan 2025 01:02:03 EST", datetime(2025, 1, 3, 6, 2, 3, tzinfo=UTC)),
        ("not a date", None),
        ("Fri, 31 Feb 2026 07:37:21 +0000", None),
        ("Fri, 27 Nov 2026 07:37:21 +9999", None),
        ("", None),
    ],
)
def test_dates_are_aware_or_none(raw: str, expected: datetime | None) -> None:
    parsed = parse_date(raw)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is not None


# -- UID sets ----------------------------------------------------------------------------


def test_uid_sets_round_trip_and_huge_ranges_stay_small() -> None:
    assert format_uid_set([7, 1, 2, 3, 9, 8]) == "1:3,7:9"
    everything = parse_uid_set(b"1:4294967295")
    assert 4_000_000_000 in everything
    assert everything.ranges() == [(1, 4294967295)]
    assert parse_uid_set(b"5:3,9").ranges() == [(3, 5), (9, 9)]
    assert (UidRanges([(1, 2)]) | UidRanges([(3, 4)])).ranges() == [(1, 4)]


@pytest.mark.parametrize("raw", [b"", b"0", b"1:x", b"4294967296", b"*"])
def test_bad_uid_sets_are_imap_errors(raw: bytes) -> None:
    with pytest.raises(ImapError):
        parse_uid_set(raw)


def test_end_of_stream_in_the_middle_of_a_line_is_a_lost_connection() -> None:
    raw = RECORDED[: RECORDED.index(b"INTERNALDATE")]  # '* 1 FETCH (UID 1 FLAGS () '
    with pytest.raises(ConnectionLost):
        read(raw, b"a3", b"a4")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["utf-8", "iso-8859-1", "UTF-8", "windows-1252"]),
            st.sampled_from(["q", "b", "Q", "B"]),
            st.text(alphabet="abcÄöüß€ _-?=.,", min_size=1, max_size=12),
            st.sampled_from(["", " ", "  ", " plain ", "\t"]),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_encoded_words_decode_as_the_email_package_does(
    words: list[tuple[str, str, str, str]],
) -> None:

    parts = []
    for wanted_charset, encoding, text, gap in words:
        try:
            charset, data = wanted_charset, text.encode(wanted_charset)
        except UnicodeEncodeError:
            charset, data = "utf-8", text.encode()
        if encoding.lower() == "q":
            encoded = quoprimime.header_encode(data, charset)
        else:
            encoded = f"=?{charset}?{encoding}?{base64.b64encode(data).decode()}?="
        parts.append(gap + encoded)
    value = "".join(parts)
    expected = " ".join(str(make_header(decode_header(value))).split())
    assert decode_words(value) == expected
