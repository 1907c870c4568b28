"""Which source module reads a document: forced by ``--kind`` or found by sniffing.

Modules are imported when first needed: the calendar and feed libraries take
most of mailguard's start-up time, and a command that reads no calendar or
feed should not pay for them.
"""

from __future__ import annotations

import re
from importlib import import_module
from types import ModuleType

from mailguard.core.errors import ParseError, UsageError
from mailguard.sources.base import ParseContext, ParseResult, looks_like_json

#: Sniffing order: the specific formats first, free text last (it accepts anything).
SOURCE_KINDS = ("statuspage", "cachet", "instatus", "ical", "feed", "text")


def _module(kind: str) -> ModuleType:
    return import_module(f"mailguard.sources.{kind}")


def detect_kind(data: bytes, ctx: ParseContext) -> str:
    """The kind of a document, from its content alone."""
    json_like = looks_like_json(data)
    for kind in SOURCE_KINDS[:-1]:
        if json_like != (kind in ("statuspage", "cachet", "instatus")):
            continue  # no need to load a JSON reader for XML, or a feed reader for JSON
        if _module(kind).sniff(data):
            return kind
    if json_like and not _tagged_subject(data):
        raise ParseError(ctx.source, "JSON, but not a status page format mailguard knows")
    return "text"


def parse_source(data: bytes, kind: str, ctx: ParseContext) -> ParseResult:
    """Read ``data`` as ``kind`` (or sniff it when kind is ``auto``)."""
    if kind == "auto":
        kind = detect_kind(data, ctx)
    if kind not in SOURCE_KINDS:
        raise UsageError(
            f"unknown source kind {kind!r} (choose from auto, {', '.join(SOURCE_KINDS)})"
        )
    result: ParseResult = _module(kind).parse(data, ctx)
    return result


#: "[Example Mail] Scheduled maintenance …": a mailed notice's subject tag, not a JSON array.
_SUBJECT_TAG = re.compile(rb"\[[^\[\]{}\"\n]{1,80}\]\s*\w")


def _tagged_subject(data: bytes) -> bool:
    return _SUBJECT_TAG.match(data.lstrip(b"\xef\xbb\xbf \t\r\n")) is not None
