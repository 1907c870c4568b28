"""The fallback source: any text (or HTML page) read as a maintenance announcement."""

from __future__ import annotations

import re

from mailguard.sources.announcement import read_announcement
from mailguard.sources.base import ParseContext, ParseResult, decode_text
from mailguard.sources.htmltext import html_to_text

KIND = "text"

#: Real markup, not just "<" in a mail header ("Status <status@example.net>").
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|p|div|br|h[1-6]|span|a|ul|ol|li|table|strong|em|b|i)"
    r"\b[^>]*>",
    re.IGNORECASE,
)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_FIRST_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_GARBAGE_SHARE = 0.05  # more control characters than this: not a text someone wrote


def sniff(data: bytes) -> bool:
    """Free text accepts anything with content; the registry tries it last."""
    return bool(data.strip())


def parse(data: bytes, ctx: ParseContext) -> ParseResult:
    """Decode, strip HTML if it is a page, and read the text as an announcement."""
    text = decode_text(data)
    if not text.strip():
        return ParseResult()
    if _looks_binary(text):
        return ParseResult(warnings=["does not look like text; nothing read"])
    title = ""
    if _HTML_TAG.search(text):
        title, text = _page_title(text), html_to_text(text)
    return read_announcement(text, ctx, title=title, kind=KIND)


def _page_title(markup: str) -> str:
    """The page's ``<title>``, else its first ``<h1>``, as plain text."""
    found = _TITLE.search(markup) or _FIRST_H1.search(markup)
    return " ".join(html_to_text(found.group(1)).split()) if found else ""


def _looks_binary(text: str) -> bool:
    return "\x00" in text or len(_CONTROL.findall(text)) > _GARBAGE_SHARE * len(text)
