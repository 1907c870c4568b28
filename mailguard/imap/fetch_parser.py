"""A lean reader for the responses of a snapshot: FETCH, VANISHED, LIST and SELECT data.

Hand-written because this one response shape is read 100,000 times for a large
account, and the generic parser of imapclient builds it far too slowly:
measured for 100,000 messages over TLS on a 2-core machine, a raw-socket client
issuing ``UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ
BODY.PEEK[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)])`` per folder finished
in ~1.8 s (Dovecot's own CPU 1.3 s of it), imapclient's ``fetch()`` in ~13 s,
almost all of that client CPU in its parser. Measured here (bench/imap_bench.py,
20 folders, 100,000 messages, TLS, 2 cores): the raw client took 2.9 s (Dovecot's
CPU 2.5 s); a full ``ImapSession.read_snapshot`` with this reader 2.1-2.7 s,
client CPU ~1.8-2 s. Messages are kept as fetched (see
:mod:`mailguard.core.wire_messages`): decoding every Date, From and Subject
had cost ~2.3 s more client CPU than the server took to send them.

It reads from the connection imapclient opened (anything with imaplib's
``readline()``/``read(n)``), one response at a time, so memory holds the
records and one response, never the whole answer. Dovecot's usual layout of a
FETCH takes a short cut through one regular expression; any other order, or
any other server, goes through a small general tokenizer (RFC 3501 section 9:
atoms, quoted strings, literals, NIL, parenthesized lists). Whatever the bytes,
it raises nothing but :class:`~mailguard.core.errors.ImapError`:
:class:`~mailguard.core.errors.ConnectionLost` when the stream ends or fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol, TypeAlias

from imapclient.imap_utf7 import decode as decode_utf7

from mailguard.core.errors import ConnectionLost, ImapError
from mailguard.core.wire_messages import WireMessage, WireMessages
from mailguard.imap.uid_sets import UidRanges, parse_uid_set

#: The items every snapshot fetches; MODSEQ is added where CONDSTORE is on.
HEADER_FIELDS = b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)]"
SNAPSHOT_ITEMS = b"UID FLAGS INTERNALDATE RFC822.SIZE " + HEADER_FIELDS
SNAPSHOT_ITEMS_MODSEQ = b"UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ " + HEADER_FIELDS

#: Refuse literals larger than this: a header block is a few hundred bytes, and
#: a garbled size must not make us allocate gigabytes.
MAX_LITERAL = 16 * 1024 * 1024
#: The longest response line read (imaplib's own limit).
MAX_LINE = 1_000_000

Value: TypeAlias = "bytes | list[Value] | None"


class ResponseSource(Protocol):
    """The reading half of an IMAP connection (imaplib.IMAP4 has exactly these)."""

    def readline(self) -> bytes: ...

    def read(self, size: int) -> bytes: ...


@dataclass(frozen=True, slots=True)
class FlagUpdate:
    """A FETCH without the headers: the flags (and mod-sequence) a message has now."""

    uid: int
    flags: frozenset[str]
    modseq: int | None


@dataclass(frozen=True, slots=True)
class ListedFolder:
    """One ``* LIST`` line: the decoded name, its hierarchy delimiter, its attributes."""

    name: str
    delimiter: str | None
    attributes: frozenset[str]

    @property
    def selectable(self) -> bool:
        lowered = {a.lower() for a in self.attributes}
        return not lowered & {"\\noselect", "\\nonexistent"}


@dataclass(slots=True)
class Responses:
    """What the server said while one or more commands ran (RFC 3501 7, RFC 7162 3)."""

    uidvalidity: int | None = None
    uidnext: int | None = None
    highestmodseq: int | None = None
    exists: int | None = None
    messages: WireMessages = field(default_factory=WireMessages)
    flag_updates: dict[int, FlagUpdate] = field(default_factory=dict)
    vanished: UidRanges = field(default_factory=UidRanges)
    expunges: int = 0  # sequence-number EXPUNGEs: cannot be tied to a UID
    uidless_fetches: int = 0  # unsolicited FETCHes without UID (flags changed meanwhile)
    folders: list[ListedFolder] = field(default_factory=list)
    uidnexts: dict[str, int] = field(default_factory=dict)  # STATUS responses: folder -> UIDNEXT


class Tagged(NamedTuple):
    """The tagged completion of a command: ``OK``, ``NO`` or ``BAD`` and the server's text."""

    status: str
    text: str

    @property
    def ok(self) -> bool:
        return self.status == "OK"


class ResponseReader:
    """Reads responses into a :class:`Responses` until a command's tagged completion."""

    def __init__(self, source: ResponseSource, *, where: str) -> None:
        self._readline = source.readline
        self._read = source.read
        self.where = where  # for messages: "reading INBOX"

    def read_until(self, tag: bytes, into: Responses) -> Tagged:
        """Consume responses up to and including the one tagged ``tag``."""
        prefix = tag + b" "
        readline, read = self._readline, self._read
        fast_fetch, fast_flags = _FAST_FETCH.match, _FAST_FLAGS.match
        add = into.messages.add
        try:
            while True:
                line = readline()
                if not line.endswith(b"\n"):
                    if len(line) >= MAX_LINE:
                        raise ImapError(
                            f"a response line longer than {MAX_LINE} bytes while {self.where}"
                        )
                    raise self._lost()  # end of stream, possibly in the middle of a line
                if line.startswith(b"* "):
                    if line.endswith(b"}\r\n"):
                        match = fast_fetch(line)
                        if match is not None:
                            size = int(match[6])
                            if size > MAX_LITERAL:
                                raise ImapError(f"implausible literal size {size} from the server")
                            literal = read(size)
                            tail = readline()
                            if len(literal) == size and tail == b")\r\n":
                                modseq = match[5]
                                add(
                                    WireMessage(
                                        int(match[1]),
                                        flag_set(match[2]),
                                        match[3],
                                        int(match[4]),
                                        int(modseq) if modseq is not None else None,
                                        literal,
                                    )
                                )
                                continue
                            parts, literals = self._finish_parts([line, tail], [literal], size)
                        else:
                            parts, literals = self._read_parts(line)
                    else:
                        flags_only = fast_flags(line)
                        if flags_only is not None:  # a QRESYNC flag change, as Dovecot writes it
                            uid, modseq = int(flags_only[1]), flags_only[3]
                            into.flag_updates[uid] = FlagUpdate(
                                uid, flag_set(flags_only[2]), int(modseq) if modseq else None
                            )
                            continue
                        parts, literals = [line], []
                    self._untagged(parts, literals, into)
                elif line.startswith(prefix):
                    status, _, text = line[len(prefix) :].partition(b" ")
                    return Tagged(status.decode("ascii", "replace").upper(), _text(text))
                elif line.startswith(b"+"):
                    raise ImapError(f"the server asked for more input while {self.where}")
                else:
                    raise ImapError(f"unexpected response while {self.where}: {_text(line)}")
        except OSError as exc:  # sockets, TLS, timeouts
            raise self._lost() from exc
        except (ValueError, IndexError, TypeError, KeyError, OverflowError) as exc:
            raise ImapError(f"unreadable response from the server while {self.where}") from exc

    # -- reading ---------------------------------------------------------------------

    def _lost(self) -> ConnectionLost:
        return ConnectionLost(f"the server closed the connection while {self.where} (maintenance?)")

    def _read_parts(self, line: bytes) -> tuple[list[bytes], list[bytes]]:
        """One whole response: its line parts, and the literals that end all but the last."""
        parts: list[bytes] = [line]
        literals: list[bytes] = []
        while True:
            match = _LITERAL_AT_END.search(line)
            if match is None:
                return parts, literals
            size = int(match[1])
            if size > MAX_LITERAL:
                raise ImapError(f"implausible literal size {size} from the server")
            literal = self._read(size)
            if len(literal) < size:
                raise self._lost()
            literals.append(literal)
            line = self._readline()
            if not line.endswith(b"\n"):
                raise self._lost()
            parts.append(line)

    def _finish_parts(
        self, parts: list[bytes], literals: list[bytes], size: int
    ) -> tuple[list[bytes], list[bytes]]:
        """Continue a FETCH whose short cut failed (more items after the literal, or EOF)."""
        if len(literals[0]) < size or not parts[-1].endswith(b"\n"):
            raise self._lost()
        more_parts, more_literals = self._read_parts(parts[-1])
        return parts[:-1] + more_parts, literals + more_literals

    # -- understanding -----------------------------------------------------------------

    def _untagged(self, parts: list[bytes], literals: list[bytes], into: Responses) -> None:
        first = parts[0]
        numbered = _NUMBERED.match(first)
        if numbered is not None:
            number, kind = int(numbered[1]), numbered[2].upper()
            if kind == b"FETCH":
                values = _tokenize(parts, literals, numbered.end())
                _fetch(values, into)
            elif kind == b"EXISTS":
                into.exists = number
            elif kind == b"EXPUNGE":
                into.expunges += 1
                if into.exists:
                    into.exists -= 1
            return  # RECENT and anything else numbered: nothing we keep
        word = first[2:].split(b" ", 1)[0].rstrip(b"\r\n").upper()
        if word == b"OK":
            code = _RESPONSE_CODE.match(first)
            if code is not None:
                _response_code(code[1].upper(), code[2], into)
        elif word == b"VANISHED":
            vanished = _VANISHED.match(first)
            if vanished is None:
                raise ImapError(f"unreadable VANISHED response while {self.where}")
            gone = parse_uid_set(vanished[2])
            into.vanished = into.vanished | gone
            if not vanished[1] and into.exists is not None:
                into.exists = None  # a live expunge: the count is stale until the next EXISTS
        elif word in (b"LIST", b"XLIST"):
            into.folders.append(_listed(_tokenize(parts, literals, 2 + len(word) + 1)))
        elif word == b"STATUS":
            _status(_tokenize(parts, literals, 2 + len(word) + 1), into)
        elif word == b"BYE":
            raise ConnectionLost(
                f"the server ended the session while {self.where} (maintenance?): "
                f"{_text(first[6:])}"
            )
        # FLAGS, CAPABILITY, ENABLED, NO/BAD warnings, SEARCH...: nothing we keep


# "* 12 FETCH (UID 34 FLAGS (\Seen) INTERNALDATE "..." RFC822.SIZE 5 [MODSEQ (6)] BODY[...] {7}"
# as Dovecot writes it; anything else takes the general path.
_FAST_FETCH = re.compile(
    rb"\* \d+ FETCH \(UID (\d+) FLAGS \(([^()\"{}]*)\) INTERNALDATE \"([^\"]*)\" "
    rb"RFC822\.SIZE (\d+)(?: MODSEQ \((\d+)\))? BODY\[HEADER\.FIELDS \([^()\]]*\)\] "
    rb"\{(\d+)\}\r\n\Z"
)
# "* 12 FETCH (UID 34 FLAGS (\Seen) MODSEQ (56))": a flag change reported by QRESYNC.
_FAST_FLAGS = re.compile(
    rb"\* \d+ FETCH \(UID (\d+) FLAGS \(([^()\"{}]*)\)(?: MODSEQ \((\d+)\))?\)\r\n\Z"
)
_LITERAL_AT_END = re.compile(rb"\{(\d+)\+?\}\r?\n\Z")
_NUMBERED = re.compile(rb"\* (\d+) ([A-Za-z]+)\b ?")
_RESPONSE_CODE = re.compile(rb"\* OK \[([A-Za-z-]+)(?: ([^\]]*))?\]")
_VANISHED = re.compile(rb"\* VANISHED (\(EARLIER\) )?([0-9:,]+)\s*\Z", re.IGNORECASE)
# RFC 3501 9: "(", ")", a quoted string, a literal's announcement at the end of a
# line part, or an atom, which may carry a section: BODY[HEADER.FIELDS (A B)]<0>.
_TOKEN = re.compile(
    rb" *(?:(\()|(\))|\"((?:[^\"\\\r\n]|\\.)*)\"|\{(\d+)\+?\}\r?\n\Z"
    rb"|([^\x00-\x20\x7f()\"{\[\]]+(?:\[[^\]\r\n]*\](?:<[0-9.]+>)?)?)|(\r?\n\Z))"
)


def _tokenize(parts: list[bytes], literals: list[bytes], start: int) -> list[Value]:
    """The values of one response from ``start`` on, lists nested as sent."""
    stack: list[list[Value]] = [[]]
    for index, part in enumerate(parts):
        position = start if index == 0 else 0
        while position < len(part):
            match = _TOKEN.match(part, position)
            if match is None or match.end() == position:
                raise ValueError("unreadable token")
            position = match.end()
            opened, closed, quoted, literal, atom, _ = match.groups()
            if opened is not None:
                stack.append([])
            elif closed is not None:
                if len(stack) == 1:
                    raise ValueError("unbalanced parenthesis")
                done = stack.pop()
                stack[-1].append(done)
            elif quoted is not None:
                stack[-1].append(_unquote(quoted))
            elif literal is not None:
                stack[-1].append(literals[index])
            elif atom is not None:
                stack[-1].append(None if atom.upper() == b"NIL" else atom)
    if len(stack) != 1:
        raise ValueError("unbalanced parenthesis")
    return stack[0]


def _unquote(quoted: bytes) -> bytes:
    if b"\\" not in quoted:
        return quoted
    return re.sub(rb"\\(.)", rb"\1", quoted)


def _fetch(values: list[Value], into: Responses) -> None:
    if len(values) != 1 or not isinstance(values[0], list):
        raise ValueError("FETCH without its parenthesized items")
    items = values[0]
    data: dict[bytes, Value] = {}
    header: bytes | None = None
    has_header = False
    for key, value in zip(items[::2], items[1::2], strict=False):
        if not isinstance(key, bytes):
            raise TypeError("FETCH item name is not an atom")
        name = key.upper()
        if name.startswith(b"BODY["):
            has_header = True
            header = value if isinstance(value, bytes) else None if value is None else b""
        else:
            data[name] = value
    raw_uid = data.get(b"UID")
    if not isinstance(raw_uid, bytes):
        into.uidless_fetches += 1
        return
    uid = int(raw_uid)
    raw_flags = data.get(b"FLAGS")
    flags = _flags_of_list(raw_flags) if isinstance(raw_flags, list) else None
    modseq = _modseq(data.get(b"MODSEQ"))
    if has_header:
        date, size = data.get(b"INTERNALDATE"), data.get(b"RFC822.SIZE")
        if flags is None or not isinstance(date, bytes) or not isinstance(size, bytes):
            raise ValueError("FETCH lacks an item the snapshot asked for")
        into.messages.add(WireMessage(uid, flags, date, int(size), modseq, header or b""))
    elif flags is not None:
        into.flag_updates[uid] = FlagUpdate(uid, flags, modseq)


def _modseq(value: Value) -> int | None:
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], bytes):
        return int(value[0])
    return None


def _flags_of_list(values: list[Value]) -> frozenset[str]:
    if not all(isinstance(v, bytes) for v in values):
        raise ValueError("a flag is not an atom")
    return flag_set(b" ".join(v for v in values if isinstance(v, bytes)))


@lru_cache(maxsize=4096)
def flag_set(raw: bytes) -> frozenset[str]:
    """``b"\\Seen $Forwarded"`` → the flags; ``\\Recent`` is per-session state and dropped.

    Cached: an account has only a few distinct combinations.
    """
    return frozenset(
        flag for flag in raw.decode("utf-8", "replace").split() if flag.lower() != "\\recent"
    )


def _response_code(code: bytes, argument: bytes | None, into: Responses) -> None:
    if code == b"NOMODSEQ":
        into.highestmodseq = None
        return
    if code not in (b"UIDVALIDITY", b"UIDNEXT", b"HIGHESTMODSEQ") or argument is None:
        return
    number = int(argument.strip())
    if code == b"UIDVALIDITY":
        into.uidvalidity = number
    elif code == b"UIDNEXT":
        into.uidnext = number
    else:
        into.highestmodseq = number


def _listed(values: list[Value]) -> ListedFolder:
    """``(\\HasNoChildren \\Sent) "/" Sent`` → a ListedFolder with the name decoded."""
    if len(values) < 3 or not isinstance(values[0], list):
        raise ValueError("LIST response without attributes, delimiter and name")
    attributes, delimiter, name = values[0], values[1], values[2]
    if not isinstance(name, bytes) or not (delimiter is None or isinstance(delimiter, bytes)):
        raise ValueError("LIST response with an unreadable name")
    return ListedFolder(
        name=decode_folder_name(name),
        delimiter=delimiter.decode("utf-8", "replace") if delimiter is not None else None,
        attributes=frozenset(
            a.decode("utf-8", "replace") for a in attributes if isinstance(a, bytes)
        ),
    )


def _status(values: list[Value], into: Responses) -> None:
    """``Junk (MESSAGES 3 UIDNEXT 4)`` (RFC 3501 7.2.4): the folder's UIDNEXT, when given."""
    if len(values) != 2 or not isinstance(values[0], bytes) or not isinstance(values[1], list):
        raise ValueError("STATUS response without a name and its attributes")
    attributes = values[1]
    for key, value in zip(attributes[::2], attributes[1::2], strict=False):
        if isinstance(key, bytes) and key.upper() == b"UIDNEXT" and isinstance(value, bytes):
            into.uidnexts[decode_folder_name(values[0])] = int(value)


def decode_folder_name(raw: bytes) -> str:
    """Modified UTF-7 (RFC 3501 5.1.3) to text; a name that is not valid UTF-7 stays as sent."""
    try:
        return str(decode_utf7(raw))
    except (ValueError, IndexError):
        return raw.decode("utf-8", "replace")


def _text(raw: bytes, limit: int = 200) -> str:
    """Server text as one printable line for a message."""
    text = raw.decode("utf-8", "replace").strip()
    text = "".join(c if c.isprintable() else " " for c in text)
    return text[:limit] + ("…" if len(text) > limit else "")
