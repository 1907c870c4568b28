"""HTML to plain text, so announcement readers see the words and line breaks a person sees.

Feed entries and provider pages carry their announcements as HTML. The readers
work on text and rely on line breaks to keep one sentence's date apart from the
next paragraph's, so block elements become line breaks, paragraphs are set off
by a blank line, scripts and styles vanish, and entities are unescaped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content a browser never shows in the page (a page's <title>
# is its label, not its text: callers that want it read it separately).
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "title"})

# Elements set off from their neighbours by a blank line.
_PARAGRAPHS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "dl", "details", "dialog",
        "div", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "html", "main", "nav", "ol", "p", "pre", "section", "table",
        "ul",
    }
)  # fmt: skip

# Elements that merely start a new line.
_LINES = frozenset(
    {"br", "caption", "dd", "dt", "figcaption", "li", "summary", "tbody", "tfoot", "thead", "tr"}
)

_CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\f\v\r\n\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LINE, _PARAGRAPH = 1, 2


class _TextCollector(HTMLParser):
    """Collects visible text, turning element boundaries into pending line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._pending_break = 0
        self._hidden_depth = 0
        self._pre_depth = 0

    @property
    def text(self) -> str:
        return "".join(self._out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden_depth += 1
            return
        self._boundary(tag)
        if tag == "li":
            self._write("- ")
        elif tag in _CELLS:
            self._write(" ")  # cells of one row stay on one line
        elif tag == "pre":
            self._pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A self-closed element (<br/>, <p/>) has no content, so nothing to hide.
        if tag not in _HIDDEN:
            self._boundary(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
            return
        self._boundary(tag)
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._hidden_depth:
            return
        if not self._pre_depth:
            self._write(_SPACES.sub(" ", data))
            return
        # Preformatted text keeps its own line breaks.
        for number, line in enumerate(data.replace("\r\n", "\n").split("\n")):
            if number:
                self._break(_LINE)
            self._write(line)

    def _boundary(self, tag: str) -> None:
        if tag in _PARAGRAPHS:
            self._break(_PARAGRAPH)
        elif tag in _LINES:
            self._break(_LINE)

    def _break(self, strength: int) -> None:
        self._pending_break = max(self._pending_break, strength)

    def _write(self, text: str) -> None:
        if not text.strip():
            if self._out and not self._pending_break:
                self._out.append(" ")
            return
        if self._pending_break and self._out:
            self._out.append("\n" * self._pending_break)
        self._pending_break = 0
        self._out.append(text)


#: ``<![`` opening anything but CDATA: Python 3.11's parser raises AssertionError on it
#: (``_markupbase.parse_marked_section``, found by the fuzz test); shown as text instead.
_BOGUS_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[)")


def html_to_text(html: str) -> str:
    """The visible text of ``html``: a line per block, a blank line between paragraphs."""
    collector = _TextCollector()
    collector.feed(_BOGUS_MARKED_SECTION.sub("&lt;![", html))
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in collector.text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def looks_like_html(text: str) -> bool:
    """True if ``text`` carries markup (a tag or an entity), so plain text can skip conversion."""
    return bool(re.search(r"<[A-Za-z/!]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);", text))
