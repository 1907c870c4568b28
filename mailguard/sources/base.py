"""What every schedule source receives and returns."""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from mailguard.core.errors import ParseError
from mailguard.core.model import MaintenanceWindow


@dataclass(frozen=True, slots=True)
class ParseContext:
    """How to read a source: where it came from and how to fill in what it leaves out.

    ``zone`` applies to times the source gives without a zone; ``zone_guessed``
    says it is only the system's zone (neither ``--tz`` nor the source's settings
    chose it), so times read in it are a guess. Recurring windows are expanded over
    ``[horizon_start, horizon_end)``. ``anchor`` is when the text was written (a
    feed entry's date); it anchors dates given without a year.
    """

    source: str
    zone: tzinfo
    now: datetime
    horizon_start: datetime
    horizon_end: datetime
    anchor: datetime | None = None
    zone_guessed: bool = False


@dataclass(slots=True)
class ParseResult:
    """Windows found, plus warnings about what was skipped or assumed."""

    windows: list[MaintenanceWindow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


#: Byte order marks of the wide encodings (Windows "Unicode" text is UTF-16 with a BOM);
#: UTF-32's come first, the little-endian one begins like UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str:
    """Bytes to text: UTF-16/32 when a BOM says so, UTF-8 (with or without BOM), else
    Windows-1252 as mail tools do."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load_json(data: bytes, ctx: ParseContext) -> Any:
    """Parse JSON or raise a one-line ParseError naming the source."""
    try:
        return json.loads(decode_text(data))
    except (ValueError, RecursionError) as exc:
        raise ParseError(ctx.source, f"malformed JSON ({_first_line(exc)})") from exc


def looks_like_json(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return head in (b"{", b"[")


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
