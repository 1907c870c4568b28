"""Commands imapclient cannot send or would read too slowly, on imapclient's own connection.

imapclient 4.1 cannot send ``SELECT ... (QRESYNC (...))``, refuses ``fetch('1:*')``
(mjs/imapclient#666) and parses a 100,000-message FETCH too slowly. These
commands are written to the socket imapclient opened and read with
:class:`~mailguard.imap.fetch_parser.ResponseReader`. Tags come from imaplib's
own counter and are released afterwards, so imapclient goes on working on the
same connection (its IDLE, LOGOUT...) as if nothing had happened.
"""

from __future__ import annotations

import functools
import gc
import imaplib
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from imapclient import IMAPClient
from imapclient.imap_utf7 import encode as encode_utf7

from mailguard.core.errors import ConnectionLost, ImapError
from mailguard.imap.fetch_parser import MAX_LINE, ResponseReader, Responses, Tagged


def quote_folder(name: str) -> bytes:
    """A folder name as an IMAP quoted string, in modified UTF-7 (RFC 3501 5.1.3, 9)."""
    encoded = bytes(encode_utf7(name))
    return b'"' + encoded.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'


class RawChannel:
    """Sends tagged commands over an imapclient connection and reads their responses."""

    def __init__(self, client: IMAPClient) -> None:
        self._imap: imaplib.IMAP4 = client._imap

    def run(self, commands: Sequence[bytes], *, where: str) -> tuple[Responses, list[Tagged]]:
        """Send ``commands`` at once (pipelined: one round trip) and read all their responses.

        Every command is read to its completion even when an earlier one failed,
        so the connection stays in step; the completions are returned in order.
        """
        imap = self._imap
        tags = [imap._new_tag() for _ in commands]
        responses = Responses()
        reader = ResponseReader(_FastSource(imap), where=where)
        try:
            imap.send(
                b"".join(
                    tag + b" " + cmd + b"\r\n" for tag, cmd in zip(tags, commands, strict=True)
                )
            )
            with _gc_paused():
                return responses, [reader.read_until(tag, responses) for tag in tags]
        except OSError as exc:
            raise ConnectionLost(
                f"the server closed the connection while {where} (maintenance?)"
            ) from exc
        except imaplib.IMAP4.error as exc:  # imaplib's own line-length limit
            raise ImapError(f"unreadable response from the server while {where}") from exc
        finally:
            for tag in tags:
                imap.tagged_commands.pop(tag, None)

    def run_checked(self, commands: Sequence[bytes], *, where: str) -> Responses:
        """Like :meth:`run`, but a NO or BAD for any command raises ImapError."""
        responses, completions = self.run(commands, where=where)
        for command, done in zip(commands, completions, strict=True):
            if not done.ok:
                verb = command.split(b" ", 2)[:2]
                name = b" ".join(verb if verb[0].upper() == b"UID" else verb[:1]).decode()
                raise ImapError(f"the server refused {name} while {where}: {done.text}")
        return responses


class _FastSource:
    """imaplib's reading methods, minus one Python call per line where that is safe.

    Up to Python 3.13 imaplib reads through ``imap.file`` (a BufferedReader), so
    reading from it directly sees exactly the same bytes; from 3.14 on imaplib
    keeps a buffer of its own and only its methods may be used.
    """

    def __init__(self, imap: imaplib.IMAP4) -> None:
        self.readline: Callable[[], bytes] = imap.readline
        self.read: Callable[[int], bytes] = imap.read
        file = getattr(imap, "file", None)
        if sys.version_info < (3, 14) and isinstance(file, io.BufferedReader):
            self.readline = functools.partial(file.readline, MAX_LINE)
            self.read = file.read


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building 100,000 records triggers the cyclic GC hundreds of times for nothing:
    records hold no cycles. Measured at ~7% of a full read.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
