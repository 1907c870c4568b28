"""Waiting for new mail in any folder over one connection: what the backfill watch listens with.

Late mail after a maintenance window may land in any folder (the server's
filters file it away), so INBOX alone is not enough:

- with NOTIFY (RFC 5465) the server pushes a STATUS for every personal folder
  that gets (or loses) a message, while the connection idles (IDLE, RFC 2177)
  with no folder selected: every folder is heard of at once;
- else the connection idles on INBOX (an EXISTS says mail came) and asks for
  the other folders' UIDNEXT every ``poll_every_s``, in one command with
  LIST-STATUS (RFC 5819), else with one pipelined STATUS per folder;
- a server without IDLE is asked the same way, INBOX included.

:meth:`ArrivalWatch.wait` answers "new mail may have come", after which the
caller refreshes to see what; it never misses a message delivered while it
listened. A connection that breaks raises :class:`ConnectionLost`: mail
delivered before the next one listens can only be found by a refresh, so a
caller refreshes after every (re)connection.
"""

from __future__ import annotations

import contextlib
import imaplib
import socket
import threading
import time
from collections.abc import Callable, Iterable

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mailguard.core.errors import ConnectionLost, ImapError
from mailguard.imap.fetch_parser import decode_folder_name
from mailguard.imap.raw_command import RawChannel, quote_folder

#: RFC 2177: clients should re-issue IDLE at least every 29 minutes.
IDLE_RENEW_S = 25 * 60

#: MessageNew needs MessageExpunge beside it (RFC 5465 5.2); flag changes are not asked for.
_NOTIFY = b"NOTIFY SET (personal (MessageNew MessageExpunge))"
_LIST_STATUS = b'LIST "" "*" RETURN (STATUS (UIDNEXT))'


class ArrivalWatch:
    """Listens for new mail on a logged-in connection it then has to itself."""

    def __init__(
        self,
        client: IMAPClient,
        *,
        poll_every_s: float = 20.0,
        notify: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        capabilities = {c.decode("ascii", "replace").upper() for c in client.capabilities()}
        self._client = client
        self._channel = RawChannel(client)
        self._idle = "IDLE" in capabilities
        self._notify = notify and self._idle and "NOTIFY" in capabilities
        self._list_status = "LIST-STATUS" in capabilities
        self._poll_every_s = poll_every_s
        self._clock = clock
        self._uidnexts: dict[str, int] = {}
        self._folders: list[str] = []
        self._next_poll = 0.0
        self._interrupted = threading.Event()

    @property
    def mode(self) -> str:
        """``notify``, ``idle`` (INBOX, polling the rest) or ``poll``: how it listens."""
        return "notify" if self._notify else "idle" if self._idle else "poll"

    def start(self) -> None:
        """Learn every folder's UIDNEXT, then ask to be told (NOTIFY) or watch INBOX."""
        where = "setting up the watch for new mail"
        try:
            self._uidnexts = self._poll(initial=True)
            if self._notify:
                self._channel.run_checked([_NOTIFY], where=where)
            elif self._idle:
                self._client.select_folder("INBOX", readonly=True)
        except (OSError, IMAPClientError, imaplib.IMAP4.error) as exc:
            raise _lost(where) from exc
        self._next_poll = self._clock() + self._poll_every_s

    def wait(self, timeout_s: float) -> bool:
        """True as soon as new mail may have arrived; False after ``timeout_s`` without.

        Raises ConnectionLost when the connection breaks or :meth:`interrupt` cut it.
        """
        deadline = self._clock() + timeout_s
        try:
            while True:
                now = self._clock()
                if self._interrupted.is_set():
                    raise _lost("watching for new mail (stopped)")
                if now >= deadline:
                    return False
                if self._notify:
                    if self._idle_for(min(deadline - now, IDLE_RENEW_S)):
                        return True
                    continue
                if now >= self._next_poll:
                    self._next_poll = now + self._poll_every_s
                    if self._arrived(self._poll()):
                        return True
                    continue
                span = min(deadline, self._next_poll) - now
                if self._idle:
                    if self._idle_for(span):
                        return True
                else:
                    self._interrupted.wait(span)
        except (OSError, IMAPClientError, imaplib.IMAP4.error) as exc:
            raise _lost("watching for new mail") from exc

    def interrupt(self) -> None:
        """From another thread: end a :meth:`wait` at once (it raises ConnectionLost)."""
        self._interrupted.set()
        with contextlib.suppress(OSError, ImapError, AttributeError):
            self._client.socket().shutdown(socket.SHUT_RDWR)

    # -- listening ----------------------------------------------------------------------

    def _idle_for(self, span: float) -> bool:
        """IDLE for up to ``span`` seconds; True if a response says new mail came."""
        client = self._client
        client.idle()
        started = self._clock()
        arrived = self._arrived_in(client.idle_check(timeout=max(span, 0.01)))
        cut_short = self._clock() - started < span - 0.05
        # idle_check swallows EOF and returns early with nothing: DONE then tells a dead
        # connection (it raises) from a response that did not matter.
        _, responses = client.idle_done()
        if arrived or self._arrived_in(responses):
            return True
        if cut_short and self._interrupted.is_set():
            raise _lost("watching for new mail (stopped)")
        return False

    def _arrived_in(self, responses: Iterable[object]) -> bool:
        """EXISTS of INBOX, or a pushed STATUS whose UIDNEXT grew (an expunge's does not)."""
        arrived = False
        for response in responses:
            if not isinstance(response, tuple) or len(response) < 2:
                continue
            if response[1] == b"EXISTS":
                arrived = True
            elif response[0] == b"STATUS" and isinstance(response[1], bytes | str):
                name = response[1]
                folder = decode_folder_name(name.encode() if isinstance(name, str) else name)
                uidnext = _uidnext_of(response[2] if len(response) > 2 else ())
                if uidnext is None or uidnext > self._uidnexts.get(folder, 0):
                    arrived = True
                if uidnext is not None:
                    self._uidnexts[folder] = uidnext
        return arrived

    # -- polling ------------------------------------------------------------------------

    def _poll(self, *, initial: bool = False) -> dict[str, int]:
        """Every folder's UIDNEXT but the one idled on (one round trip)."""
        where = "asking the folders for new mail"
        if self._list_status:
            responses = self._channel.run_checked([_LIST_STATUS], where=where)
        else:
            if initial:
                listed = self._channel.run_checked([b'LIST "" "*"'], where=where).folders
                self._folders = [f.name for f in listed if f.selectable]
            commands = [b"STATUS %s (UIDNEXT)" % quote_folder(f) for f in self._folders]
            if self._idle and not self._notify:
                commands = [c for c, f in zip(commands, self._folders, strict=True) if f != "INBOX"]
            responses = self._channel.run_checked(commands, where=where)
        uidnexts = dict(responses.uidnexts)
        if self._idle and not self._notify:
            uidnexts.pop("INBOX", None)  # selected: its EXISTS tells
        return uidnexts

    def _arrived(self, uidnexts: dict[str, int]) -> bool:
        before, self._uidnexts = self._uidnexts, uidnexts
        return any(uidnext > before.get(folder, 0) for folder, uidnext in uidnexts.items())


def _uidnext_of(attributes: object) -> int | None:
    if not isinstance(attributes, tuple | list):
        return None
    for key, value in zip(attributes[::2], attributes[1::2], strict=False):
        if key in (b"UIDNEXT", "UIDNEXT") and isinstance(value, int):
            return value
    return None


def _lost(where: str) -> ConnectionLost:
    return ConnectionLost(f"the server closed the connection while {where} (maintenance?)")
