"""The four header fields a snapshot keeps (Message-ID, Date, From, Subject), and INTERNALDATE.

This runs once per message of the account (100,000 times for a large one), so
it avoids the :mod:`email` package on the common paths, which was measured at
~20 µs per encoded word and ~90 µs per header block with two of them: RFC 2047
encoded words are decoded here with :mod:`binascii`, and an RFC 5322 date in
its usual shape is read by one regular expression (anything else goes to
:func:`email.utils.parsedate_to_datetime`). Nothing here raises: an unreadable
field becomes ``None`` or stays as it was sent.
"""

from __future__ import annotations

import binascii
import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import NamedTuple

from mailguard.core.errors import ImapError

MONTHS = {
    name: number
    for number, name in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
        start=1,
    )
}

# "Fri, 27 Nov 2026 07:37:21 +0000", the shape nearly every mailer writes (RFC 5322 3.3).
_USUAL_DATE = re.compile(
    r"(?:[A-Za-z]{3},\s*)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d\d):(\d\d)(?::(\d\d))? ([+-]\d{4})"
)
# RFC 2047 2: =?charset?encoding?text?= (an RFC 2231 language may follow the charset).
_ENCODED_WORD = re.compile(r"=\?([^?*\s]+)(?:\*[^?\s]*)?\?([QqBb])\?([^?\s]*)\?=")
_INTERNALDATE = re.compile(r" ?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-]\d{4})\Z")
# The same, as Dovecot and most servers write it, checked without building a datetime:
# the time and zone by this expression, the day once per distinct day (see valid_internaldate).
_INTERNALDATE_TAIL = re.compile(rb" (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d [+-](?:0\d|1[0-4])[0-5]\d\Z")
_FOLDED = re.compile(r"\r?\n(?=[ \t])")
_SPACES = re.compile(r"\s+")


class HeaderFields(NamedTuple):
    """The decoded fields; ``sender`` and ``subject`` are ``""`` when absent."""

    message_id: str | None
    date: datetime | None
    sender: str
    subject: str


def parse_header_block(block: bytes) -> HeaderFields:
    """Read the block returned for ``BODY[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)]``."""
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError:
        text = block.decode("latin-1")  # raw 8-bit headers from old mailers
    if "\n " in text or "\n\t" in text:
        text = _FOLDED.sub("", text)  # unfold (RFC 5322 2.2.3)
    message_id = date = sender = subject = None
    for line in text.split("\n"):
        name, colon, value = line.partition(":")
        if not colon:
            continue
        key = name.lower()
        if key == "subject":
            subject = value if subject is None else subject
        elif key == "from":
            sender = value if sender is None else sender
        elif key == "date":
            date = value if date is None else date
        elif key == "message-id":
            message_id = value if message_id is None else message_id
    if message_id is not None:
        message_id = "".join(message_id.split()) or None
    return HeaderFields(
        message_id,
        parse_date(date) if date else None,
        decode_words(sender) if sender else "",
        decode_words(subject) if subject else "",
    )


@lru_cache(maxsize=32768)
def decode_words(value: str) -> str:
    """RFC 2047 encoded words to text, whitespace collapsed; garbage stays as sent.

    Cached: senders (and many subjects) repeat across a mailbox, and a cached
    value is also one shared string instead of thousands of equal ones.
    """
    value = value.strip()
    if "=?" in value:
        value = _decode_encoded_words(value).strip()
    if "  " in value or "\t" in value or "\r" in value or "\n" in value:
        return _SPACES.sub(" ", value).strip()
    return value


def _decode_encoded_words(value: str) -> str:
    """Adjacent words of one charset are joined as bytes first: a UTF-8 character may be
    split across two of them; the white space between encoded words is dropped (RFC 2047 6.2).
    """
    out: list[str] = []
    pending = b""
    charset: str | None = None
    group_start = position = 0
    for match in _ENCODED_WORD.finditer(value):
        gap = value[position : match.start()]
        word_charset = match[1].lower()
        between_words = charset is not None and (not gap or gap.isspace())
        if charset is not None and not (between_words and word_charset == charset):
            out.append(_decode_bytes(pending, charset, value[group_start:position]))
            charset = None
            if not between_words:
                out.append(gap)
        elif charset is None:
            out.append(gap)
        if charset is None:
            pending, charset, group_start = b"", word_charset, match.start()
        try:
            text = match[3].encode("ascii")
            if match[2] in "Qq":
                pending += binascii.a2b_qp(text, header=True)
            else:
                pending += binascii.a2b_base64(text + b"=" * (-len(text) % 4))
        except (ValueError, binascii.Error):
            pending += match[0].encode()  # not decodable: keep the word as sent
        position = match.end()
    if charset is not None:
        out.append(_decode_bytes(pending, charset, value[group_start:position]))
    out.append(value[position:])
    return "".join(out)


def _decode_bytes(data: bytes, charset: str, raw: str) -> str:
    try:
        return data.decode(charset, "replace")
    except LookupError:  # a charset Python does not know: show what was sent
        return raw


def parse_date(value: str) -> datetime | None:
    """An RFC 5322 date as an aware datetime; ``-0000`` (zone unknown) is read as UTC."""
    value = value.strip()
    if len(value) == 31 and value[3] == "," and value[19] == ":" and value[25] == " ":
        # "Fri, 27 Nov 2026 07:37:21 +0000": fixed columns, as most mailers write it
        number = MONTHS.get(value[8:11].upper())
        if number is not None and value[5:7].isdigit():
            try:
                return datetime(
                    int(value[12:16]),
                    number,
                    int(value[5:7]),
                    int(value[17:19]),
                    int(value[20:22]),
                    int(value[23:25]),
                    tzinfo=zone_from_offset(value[26:31]),
                )
            except ValueError:
                pass  # not what it looked like: let the general readers decide
    match = _USUAL_DATE.match(value)
    if match:
        day, month, year, hour, minute, second, zone = match.groups()
        number = MONTHS.get(month.upper())
        if number is not None:
            try:
                return datetime(
                    int(year),
                    number,
                    int(day),
                    int(hour),
                    int(minute),
                    int(second or 0),
                    tzinfo=zone_from_offset(zone),
                )
            except ValueError:
                return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@lru_cache(maxsize=512)
def zone_from_offset(offset: str) -> timezone:
    """``"+0130"`` → a fixed zone, cached (there are only a few dozen in use)."""
    minutes = int(offset[1:3]) * 60 + int(offset[3:5])
    if offset[0] == "-":
        minutes = -minutes
    if minutes == 0:
        return UTC
    if abs(minutes) >= 24 * 60:
        raise ValueError(f"time zone offset out of range: {offset}")
    return timezone(timedelta(minutes=minutes))


def parse_internaldate(raw: bytes) -> datetime:
    """``b"27-Nov-2026 07:37:21 +0100"`` (RFC 3501 ``date-time``) → an aware datetime."""
    text = raw.decode("ascii", "replace")
    if len(text) == 26 and text[2] == "-" and text[6] == "-" and text[20] == " ":
        number = MONTHS.get(text[3:6].upper())  # fixed columns; the day may be " 1"
        if number is not None:
            try:
                return datetime(
                    int(text[7:11]),
                    number,
                    int(text[0:2]),
                    int(text[12:14]),
                    int(text[15:17]),
                    int(text[18:20]),
                    tzinfo=zone_from_offset(text[21:26]),
                )
            except ValueError:
                pass  # let the strict reader below say what is wrong
    match = _INTERNALDATE.match(text)
    month = MONTHS.get(match[2].upper()) if match else None
    if match is None or month is None:
        raise unreadable_internaldate(raw)
    try:
        return datetime(
            int(match[3]),
            month,
            int(match[1]),
            int(match[4]),
            int(match[5]),
            int(match[6]),
            tzinfo=zone_from_offset(match[7]),
        )
    except ValueError as exc:
        raise unreadable_internaldate(raw) from exc


def unreadable_internaldate(raw: bytes) -> ImapError:
    """The one line said of an INTERNALDATE that cannot be read, wherever it is found."""
    return ImapError(f"unreadable INTERNALDATE from the server: {_shown(raw)}")


def valid_internaldate(raw: bytes) -> bool:
    """Would :func:`parse_internaldate` read ``raw``? Cheaper than reading it.

    A snapshot keeps INTERNALDATE as the server sent it and reads it only when
    a report needs it, so a value that could not be read must be refused on
    arrival, not found broken in a stored baseline later.
    """
    if len(raw) == 26 and _INTERNALDATE_TAIL.match(raw, 11) and _valid_day(raw[:11]):
        return True
    try:
        parse_internaldate(raw)
    except ImapError:
        return False
    return True


@lru_cache(maxsize=8192)
def _valid_day(day: bytes) -> bool:
    """``b"27-Nov-2026"`` (or ``b" 7-Nov-2026"``) names a real day; an account spans a few
    thousand, so each is checked once."""
    number = MONTHS.get(day[3:6].decode("ascii", "replace").upper())
    if number is None or day[2:3] != b"-" or day[6:7] != b"-":
        return False
    try:
        datetime(int(day[7:11]), number, int(day[0:2]), tzinfo=UTC)
    except ValueError:
        return False
    return True


def message_id_of(block: bytes) -> str | None:
    """``parse_header_block(block).message_id``, without reading the other fields.

    A snapshot stores the Message-ID of every message (its identity) but decodes
    dates, senders and subjects only for the messages a report shows. The short
    cut takes an unfolded, ASCII Message-ID line; anything else is read in full.
    """
    at = block.lower().find(b"message-id:")
    if (
        at >= 0
        and (at == 0 or block[at - 1] == 10)
        and b"\n " not in block
        and b"\n\t" not in block
    ):
        end = block.find(b"\n", at)
        value = block[at + 11 : end if end >= 0 else len(block)]
        if value.isascii():
            return "".join(value.decode("ascii").split()) or None
    return parse_header_block(block).message_id


def _shown(raw: bytes, limit: int = 60) -> str:
    text = raw.decode("utf-8", "replace").strip()
    text = "".join(c if c.isprintable() else " " for c in text)
    return text[:limit] + ("…" if len(text) > limit else "")
