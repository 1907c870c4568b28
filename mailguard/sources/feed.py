"""RSS 2.0, Atom and RDF (RSS 1.0) feeds: provider blogs and status pages.

``feedparser`` reads the feed (after ``xmlsafety`` has vetted the XML); each
entry's text goes to the announcement reader, which finds the windows in it.
Providers post follow-ups as new entries ("Verschoben: …", "Cancelled: …",
"[Resolved] …"), so entries about one announcement are linked into a chain
whose windows share one ``native_id``: ``merge_windows`` then keeps only what
the newest entry says. The module never fetches: feedparser gets a stream.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import feedparser

from mailguard.core.errors import MailguardError, ParseError
from mailguard.core.model import MaintenanceWindow, WindowStatus
from mailguard.sources.announcement import OccurrenceBudget, read_announcement
from mailguard.sources.base import ParseContext, ParseResult
from mailguard.sources.htmltext import html_to_text, looks_like_html
from mailguard.sources.xmlsafety import ensure_safe_xml

KIND = "feed"

_SNIFF_BYTES = 2048
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]")

_CANCEL_WORDS = r"cancell?ed|abgesagt|entf[äa]llt"
_COMPLETE_WORDS = r"completed|abgeschlossen|resolved|erledigt"
_UPDATE_WORDS = r"update|aktualisierung|rescheduled|verschoben"
_PREFIX_WORDS = rf"(?:{_UPDATE_WORDS}|{_CANCEL_WORDS}|{_COMPLETE_WORDS})"
# "Update:", "[Resolved]", "(Abgesagt)" in front of a title; repeated prefixes allowed.
_PREFIX = re.compile(
    rf"^\s*(?:\[\s*(?P<bracket>{_PREFIX_WORDS})\s*\]|\(\s*(?P<paren>{_PREFIX_WORDS})\s*\)"
    rf"|(?P<colon>{_PREFIX_WORDS})\s*:)\s*",
    re.IGNORECASE,
)
_CANCEL = re.compile(rf"^(?:{_CANCEL_WORDS})$", re.IGNORECASE)
_COMPLETE = re.compile(rf"^(?:{_COMPLETE_WORDS})$", re.IGNORECASE)

# How a follow-up entry without a prefix says what happened.
_SAYS_CANCELLED = re.compile(
    r"\b(?:cancell?ed|call(?:ed)? off|abgesagt|entf[äa]llt|entfallen|storniert"
    r"|findet nicht statt)\b",
    re.IGNORECASE,
)
_SAYS_COMPLETED = re.compile(
    r"\b(?:completed|resolved|finished|abgeschlossen|erledigt|beendet)\b", re.IGNORECASE
)
_MENTIONS_MAINTENANCE = re.compile(r"maintenance|wartung", re.IGNORECASE)

# feedparser means never to raise, yet fuzzing finds it does: an encoding
# declaration that is not UTF-8 escapes as UnicodeDecodeError, and its lenient
# parser trips on tag soup ("<channel<item<link</item</link>": KeyError). Its
# SGML fallback raises RuntimeError subclasses.
#: Entries are read newest first up to this much text, some seconds of reading at worst
#: (announcement.MAX_TEXT_LENGTH bounds one entry): a 5 MiB feed of entries naming
#: weekly times took 90 s.
_MAX_FEED_TEXT = 256 * 1024
_FEEDPARSER_ERRORS = (ValueError, LookupError, TypeError, AttributeError, RuntimeError)


def sniff(data: bytes) -> bool:
    """XML whose root element is ``rss``, Atom's ``feed`` or RDF's ``rdf:RDF``."""
    # UTF-16 puts a NUL beside every ASCII character; without them one pattern fits all.
    head = data[: _SNIFF_BYTES * 2].replace(b"\x00", b"")[:_SNIFF_BYTES]
    head = head.removeprefix(b"\xef\xbb\xbf").removeprefix(b"\xff\xfe").removeprefix(b"\xfe\xff")
    return bool(_ROOT.match(head, _skip_prolog(head)))


def _skip_prolog(head: bytes) -> int:
    """Where the root element starts: past whitespace, the XML declaration, comments, DOCTYPE."""
    position = 0
    while True:
        while head[position : position + 1].isspace():
            position += 1
        if head.startswith(b"<?", position):
            end = _after(head, b"?>", position)
        elif head.startswith(b"<!--", position):
            end = _after(head, b"-->", position)
        elif head[position : position + 9].upper() == b"<!DOCTYPE":
            subset = head.find(b"[", position)
            close = head.find(b">", position)
            if 0 <= subset < close:  # an internal subset may contain ">"
                close = head.find(b">", _after(head, b"]", subset))
            end = len(head) if close < 0 else close + 1
        else:
            return position
        position = end


def _after(head: bytes, closer: bytes, start: int) -> int:
    end = head.find(closer, start)
    return len(head) if end < 0 else end + len(closer)


def parse(data: bytes, ctx: ParseContext) -> ParseResult:
    """Windows announced in the feed's entries; a follow-up entry updates its announcement.

    A feed that is not well-formed XML is read leniently, with a warning, as long
    as it yields windows; if it yields none it is an error, because "no
    maintenance" read from a broken document would be a silent guess.
    """
    well_formed = ensure_safe_xml(data, ctx.source)
    parsed = _read_feed(data, ctx)
    home = _text(parsed.get("feed", {}).get("link"))
    entries = [_entry(position, raw) for position, raw in enumerate(parsed.get("entries", []))]
    result = ParseResult()
    entries = _newest_within_budget(entries, result)
    budget = OccurrenceBudget()  # the newest announcements first, should it run out
    for chain in _newest_first(_chains(entries, home), entries):
        _read_chain(chain, ctx, result, budget)
    if not well_formed:
        why = _xml_problem(parsed)
        if not result.windows:
            raise ParseError(ctx.source, f"malformed XML ({why})")
        result.warnings.append(f"not well-formed XML ({why}); read leniently")
    return result


def _xml_problem(parsed: Any) -> str:
    problem = parsed.get("bozo_exception")
    # expat names no file for a stream: "<unknown>:3:2: unclosed token".
    return _first_line(str(problem)).removeprefix("<unknown>:") if problem else "syntax error"


def _newest_first(chains: Iterator[list[_Entry]], entries: list[_Entry]) -> list[list[_Entry]]:
    """Chains by their newest entry, newest first (each chain stays oldest first)."""
    rank = {entry.position: number for number, entry in enumerate(_oldest_first(entries))}
    return sorted(chains, key=lambda chain: rank[chain[-1].position], reverse=True)


def _newest_within_budget(entries: list[_Entry], result: ParseResult) -> list[_Entry]:
    """The newest entries whose text fits _MAX_FEED_TEXT, renumbered in document order."""
    kept: list[_Entry] = []
    spent = 0
    for entry in reversed(_oldest_first(entries)):
        spent += len(entry.title) + len(entry.body)
        if spent > _MAX_FEED_TEXT and kept:
            result.warnings.append(
                f"read only its newest {len(kept)} of {len(entries)} entries "
                f"(mailguard reads {_MAX_FEED_TEXT // 1024} kB of a feed's text)"
            )
            break
        kept.append(entry)
    in_order = sorted(kept, key=lambda entry: entry.position)
    return [replace(entry, position=number) for number, entry in enumerate(in_order)]


def _read_feed(data: bytes, ctx: ParseContext) -> Any:
    try:
        # A stream, never bytes: feedparser opens a byte string that names a file.
        # Entries are turned into plain text by htmltext (nothing is ever rendered), so
        # feedparser's HTML sanitizing and link rewriting are skipped: measured 27% of
        # the whole feed read for a 1,000-entry feed (bench/schedule_bench.py).
        parsed = feedparser.parse(
            io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False
        )
    except _FEEDPARSER_ERRORS as exc:
        raise ParseError(
            ctx.source, f"not a readable RSS/Atom feed ({_first_line(str(exc))})"
        ) from exc
    if parsed.get("feed", {}).get("title") or parsed.get("entries"):
        return parsed
    why = _xml_problem(parsed) if parsed.get("bozo_exception") else "no title, no entries"
    raise ParseError(ctx.source, f"not a readable RSS/Atom feed ({why})")


@dataclass(frozen=True, slots=True)
class _Entry:
    """One feed entry, reduced to what announcements and chains need."""

    position: int  # in the document; feeds list the newest first
    title: str
    body: str
    ident: str | None  # id or guid, else link
    link: str | None
    published: datetime | None  # anchors dates given without a year
    updated: datetime | None  # orders the follow-ups of one announcement
    topic: str  # the title without follow-up prefixes, for linking
    follow_up: bool  # the title carries a prefix like "Update:"
    stated_status: WindowStatus | None  # what a prefix says: cancelled, completed

    @property
    def label(self) -> str:
        return f"feed entry {self.title!r}" if self.title else f"feed entry #{self.position + 1}"


def _entry(position: int, raw: Any) -> _Entry:
    title = " ".join(_content_text(raw.get("title"), raw.get("title_detail")).split())
    topic, prefixes = _strip_prefixes(title)
    link = _text(raw.get("link"))
    # dict.get: feedparser's own get() maps a missing updated date to the
    # published one (with a DeprecationWarning); the fallbacks here are explicit.
    stated_published = _utc(dict.get(raw, "published_parsed"))
    stated_updated = _utc(dict.get(raw, "updated_parsed"))
    published = stated_published or stated_updated
    updated = stated_updated or stated_published
    return _Entry(
        position=position,
        title=title,
        body=_body(raw),
        ident=_text(raw.get("id")) or link,
        link=link,
        published=published,
        updated=updated,
        topic=" ".join(topic.casefold().split()),
        follow_up=bool(prefixes),
        stated_status=_prefix_status(prefixes),
    )


def _body(raw: Any) -> str:
    """The fullest text the entry has: its content, else its summary."""
    for content in raw.get("content") or []:
        text = _content_text(content.get("value"), content)
        if text:
            return text
    return _content_text(raw.get("summary"), raw.get("summary_detail"))


def _content_text(value: object, detail: Any) -> str:
    text = _text(value) or ""
    kind = str((detail or {}).get("type") or "")
    if "html" in kind or (not kind and looks_like_html(text)):
        return html_to_text(text)
    return text


def _strip_prefixes(title: str) -> tuple[str, list[str]]:
    prefixes: list[str] = []
    while match := _PREFIX.match(title):
        if match.end() == len(title):
            break  # a title that is nothing but "Update:" keeps its word
        prefixes.append(match.group("bracket") or match.group("paren") or match.group("colon"))
        title = title[match.end() :]
    return title.strip(), prefixes


def _prefix_status(prefixes: list[str]) -> WindowStatus | None:
    if any(_CANCEL.match(word) for word in prefixes):
        return WindowStatus.CANCELLED
    if any(_COMPLETE.match(word) for word in prefixes):
        return WindowStatus.COMPLETED
    return None


def _chains(entries: list[_Entry], home: str | None) -> Iterator[list[_Entry]]:
    """Entries grouped by announcement, each chain oldest first.

    Entries share an announcement if they share an id or a link (other than
    the feed's home page, which lazy feeds give every entry), or if one is a
    follow-up ("Update: X") of the nearest older entry about the same topic.
    Two unprefixed entries with one title stay apart: providers reuse titles
    like "Wartungsarbeiten" for unrelated windows.
    """
    ordered = _oldest_first(entries)
    parent = list(range(len(entries)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        parent[root(a)] = root(b)

    first_by_key: dict[str, int] = {}
    latest_by_topic: dict[str, int] = {}
    for entry in ordered:
        keys = [f"id:{entry.ident}"] if entry.ident else []
        if entry.link and entry.link != home:
            keys.append(f"link:{entry.link}")
        for key in keys:
            if key in first_by_key:
                join(entry.position, first_by_key[key])
            else:
                first_by_key[key] = entry.position
        if entry.follow_up and entry.topic in latest_by_topic:
            join(entry.position, latest_by_topic[entry.topic])
        if entry.topic:
            latest_by_topic[entry.topic] = entry.position

    chains: dict[int, list[_Entry]] = {}
    for entry in ordered:
        chains.setdefault(root(entry.position), []).append(entry)
    return iter(chains.values())


def _oldest_first(entries: list[_Entry]) -> list[_Entry]:
    """By date when every entry has one; else by document order, reversed (newest first)."""
    if all(entry.updated is not None for entry in entries):
        return sorted(
            entries, key=lambda e: (e.updated or datetime.min.replace(tzinfo=UTC), -e.position)
        )
    return sorted(entries, key=lambda e: -e.position)


def _read_chain(
    chain: list[_Entry], ctx: ParseContext, result: ParseResult, budget: OccurrenceBudget
) -> None:
    """Each entry's windows under the chain's id; the newest entry's word wins when merged."""
    oldest = chain[0]
    chain_id = oldest.ident or f"title:{oldest.topic}"
    live: list[MaintenanceWindow] = []  # what the chain says so far
    for number, entry in enumerate(chain):
        found = _read_entry(entry, chain_id, ctx, result, earlier=live, budget=budget)
        status = entry.stated_status
        if status is None and number > 0 and not found:
            status = _status_in_words(entry)
        if found:
            told = _as_told_by(entry, found, chain_id=chain_id, status=status)
            result.windows.extend(told)
            result.windows.extend(_superseded(live, told, entry))
            live = told
        elif status is not None and live:
            # "Cancelled: X" without a time: the window X announced, now cancelled.
            live = [
                replace(w, status=status, updated_at=entry.updated or w.updated_at) for w in live
            ]
            result.windows.extend(live)
        elif status is None and _MENTIONS_MAINTENANCE.search(entry.title):
            result.warnings.append(
                f"{entry.label} mentions maintenance but names no time mailguard can read"
            )


def _superseded(
    live: list[MaintenanceWindow], told: list[MaintenanceWindow], entry: _Entry
) -> list[MaintenanceWindow]:
    """Earlier windows a follow-up no longer names, cancelled as of the follow-up.

    One window replaces one under the same id; but when a follow-up names a
    different number of windows ("moved from the 3rd to the 10th"), the ids
    differ, and an earlier window it does not restate would otherwise live on.
    """
    told_ids = {w.native_id for w in told}
    told_spans = {w.id for w in told}
    return [
        replace(w, status=WindowStatus.CANCELLED, updated_at=entry.updated or w.updated_at)
        for w in live
        if w.native_id not in told_ids and w.id not in told_spans
    ]


def _read_entry(
    entry: _Entry,
    chain_id: str,
    ctx: ParseContext,
    result: ParseResult,
    *,
    earlier: list[MaintenanceWindow],
    budget: OccurrenceBudget,
) -> list[MaintenanceWindow]:
    """The entry's windows; ``earlier`` are those the chain named so far, which a
    follow-up may move without restating them ("verschoben auf den 12.05.")."""
    text = f"{entry.title}\n{entry.body}" if entry.body else entry.title
    try:
        found = read_announcement(
            text,
            ctx,
            title=entry.title,
            native_id=chain_id,
            url=entry.link,
            kind=KIND,
            published=entry.published,
            updated_at=entry.updated,
            earlier=earlier,
            budget=budget,
        )
    except MailguardError as exc:
        result.warnings.append(f"skipped {entry.label}: {_first_line(str(exc))}")
        return []
    result.warnings.extend(found.warnings)
    return sorted(found.windows, key=lambda w: (w.start, w.end))


def _as_told_by(
    entry: _Entry,
    found: list[MaintenanceWindow],
    *,
    chain_id: str,
    status: WindowStatus | None,
) -> list[MaintenanceWindow]:
    """The entry's windows under their chain's id, dated by the entry, with its stated status."""
    return [
        replace(
            window,
            source_kind=KIND,
            native_id=chain_id if len(found) == 1 else f"{chain_id}#{number}",
            updated_at=entry.updated or window.updated_at,
            status=window.status or status,
        )
        for number, window in enumerate(found, start=1)
    ]


def _status_in_words(entry: _Entry) -> WindowStatus | None:
    text = f"{entry.title}\n{entry.body}"
    if _SAYS_CANCELLED.search(text):
        return WindowStatus.CANCELLED
    if _SAYS_COMPLETED.search(text):
        return WindowStatus.COMPLETED
    return None


def _utc(value: object) -> datetime | None:
    """feedparser's dates are UTC ``struct_time``s."""
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (ValueError, OverflowError):
        return None


def _text(value: object) -> str | None:
    """A non-blank string, stripped; anything else is None."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else "unknown problem"
