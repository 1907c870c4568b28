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
from dataclasses import dataclass

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
        return self.run_batches([Batch(where, commands)])[0]

    def run_batches(
        self, batches: Sequence[Batch], on_batch: BatchDone | None = None
    ) -> list[tuple[Responses, list[Tagged]]]:
        """Like :meth:`run` for several batches at once, each read into its own Responses.

        All commands go out in one write, so the server works through them without
        waiting for us (one folder per batch: its EXAMINE, then its FETCH). The
        untagged data a command causes arrives before its tagged completion, so each
        batch gets exactly the data about its own folder. ``on_batch(index, result)``
        sees each batch as soon as it is read, while the server is still working on
        the next ones; it must not send commands (the pipeline is still in flight).
        """
        imap = self._imap
        tagged = [[(imap._new_tag(), command) for command in batch.commands] for batch in batches]
        source = _FastSource(imap)
        where = batches[0].where if batches else ""
        results: list[tuple[Responses, list[Tagged]]] = []
        try:
            imap.send(b"".join(t + b" " + c + b"\r\n" for batch in tagged for t, c in batch))
            with _gc_paused():
                for batch, commands in zip(batches, tagged, strict=True):
                    where = batch.where
                    reader = ResponseReader(source, where=where)
                    responses = Responses()
                    done = [reader.read_until(tag, responses) for tag, _ in commands]
                    results.append((responses, done))
                    if on_batch is not None:
                        on_batch(len(results) - 1, results[-1])
        except OSError as exc:
            raise ConnectionLost(
                f"the server closed the connection while {where} (maintenance?)"
            ) from exc
        except imaplib.IMAP4.error as exc:  # imaplib's own line-length limit
            raise ImapError(f"unreadable response from the server while {where}") from exc
        finally:
            for sent in tagged:
                for tag, _ in sent:
                    imap.tagged_commands.pop(tag, None)
        return results

    def run_checked(self, commands: Sequence[bytes], *, where: str) -> Responses:
        """Like :meth:`run`, but a NO or BAD for any command raises ImapError."""
        responses, completions = self.run(commands, where=where)
        check_completions(commands, completions, where=where)
        return responses


#: Called with a batch's index and its result as soon as it is read (see run_batches).
BatchDone = Callable[[int, tuple[Responses, list[Tagged]]], None]


@dataclass(frozen=True, slots=True)
class Batch:
    """Commands about one thing (a folder), and what to call it in messages."""

    where: str  # "reading INBOX"
    commands: Sequence[bytes]


def check_completions(
    commands: Sequence[bytes], completions: Sequence[Tagged], *, where: str
) -> None:
    """ImapError for the first command the server answered with NO or BAD."""
    for command, done in zip(commands, completions, strict=True):
        if not done.ok:
            verb = command.split(b" ", 2)[:2]
            name = b" ".join(verb if verb[0].upper() == b"UID" else verb[:1]).decode()
            raise ImapError(f"the server refused {name} while {where}: {done.text}")


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
