"""Which source module reads a document: forced by ``--kind`` or found by sniffing."""

from __future__ import annotations

from types import ModuleType

from mailguard.core.errors import ParseError, UsageError
from mailguard.sources import cachet, feed, ical, instatus, statuspage, text
from mailguard.sources.base import ParseContext, ParseResult, looks_like_json

#: Sniffing order: the specific formats first, free text last (it accepts anything).
_MODULES: dict[str, ModuleType] = {
    "statuspage": statuspage,
    "cachet": cachet,
    "instatus": instatus,
    "ical": ical,
    "feed": feed,
    "text": text,
}
SOURCE_KINDS = tuple(_MODULES)


def detect_kind(data: bytes, ctx: ParseContext) -> str:
    """The kind of a document, from its content alone."""
    for kind, module in _MODULES.items():
        if kind != "text" and module.sniff(data):
            return kind
    if looks_like_json(data):
        raise ParseError(ctx.source, "JSON, but not a status page format mailguard knows")
    return "text"


def parse_source(data: bytes, kind: str, ctx: ParseContext) -> ParseResult:
    """Read ``data`` as ``kind`` (or sniff it when kind is ``auto``)."""
    if kind == "auto":
        kind = detect_kind(data, ctx)
    module = _MODULES.get(kind)
    if module is None:
        raise UsageError(f"unknown source kind {kind!r} (choose from auto, {', '.join(_MODULES)})")
    result: ParseResult = module.parse(data, ctx)
    return result
