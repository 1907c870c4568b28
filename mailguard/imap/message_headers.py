"""The four header fields a snapshot keeps (Message-ID, Date, From, Subject), read from raw bytes.

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
