"""One logged-in IMAP session: read an account into a snapshot.

The snapshot is built in memory and returned only when every folder was read,
so a server that vanishes mid-read (the maintenance itself) leaves nothing
half-written: the caller gets ConnectionLost and keeps its last good snapshot.
"""

from __future__ import annotations

import contextlib
import imaplib
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mailguard.core.account import AccountConfig
from mailguard.core.errors import ConnectionLost, ImapError
from mailguard.core.mailstate import AccountSnapshot, FolderState
from mailguard.imap.connection import open_client
from mailguard.imap.fetch_parser import ListedFolder
from mailguard.imap.folder_reader import FolderReader, ReadStats
from mailguard.imap.raw_command import RawChannel


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ImapSession:
    """A context manager around one connection to one account.

    ``with ImapSession(config, password) as session: session.read_snapshot(...)``
    """

    def __init__(
        self,
        config: AccountConfig,
        password: str,
        *,
        timeout_s: float = 30.0,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.config = config
        self._password: str | None = password
        self._timeout_s = timeout_s
        self._clock = clock
        self._client: IMAPClient | None = None
        self._capabilities: frozenset[str] = frozenset()
        self._modseq_enabled = False
        self._qresync_enabled = False
        self.last_read = ReadStats()  # how the latest read_snapshot went

    # -- lifecycle -------------------------------------------------------------------

    def __enter__(self) -> ImapSession:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def open(self) -> None:
        """Connect and log in (the password is dropped from memory once used)."""
        if self._client is not None:
            return
        if self._password is None:
            raise ImapError("this session was closed; open a new one")
        password, self._password = self._password, None
        self._client = open_client(self.config, password, timeout_s=self._timeout_s)
        self._capabilities = frozenset(
            c.decode("ascii", "replace").upper() for c in self._client.capabilities()
        )
        self._enable_modseq()  # ENABLE is allowed only before a folder is selected

    def close(self) -> None:
        """Log out politely; a connection that is already gone is simply dropped."""
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except (OSError, IMAPClientError, imaplib.IMAP4.error):
            with contextlib.suppress(OSError, IMAPClientError, imaplib.IMAP4.error):
                client.shutdown()

    @property
    def capabilities(self) -> frozenset[str]:
        """The server's capabilities after login, upper case (``"QRESYNC"``, ``"IDLE"``...)."""
        return self._capabilities

    @property
    def client(self) -> IMAPClient:
        """The imapclient connection, for small talk the session does not cover."""
        if self._client is None:
            raise ImapError("the IMAP session is not open")
        return self._client

    # -- snapshot --------------------------------------------------------------------

    def read_snapshot(
        self,
        account: str,
        previous: AccountSnapshot | None = None,
        *,
        full: bool = False,
        on_folder: Callable[[FolderState], None] | None = None,
        on_listed: Callable[[int], None] | None = None,
    ) -> AccountSnapshot:
        """Every selectable folder with every message's flags, dates, size and headers.

        With ``previous`` (and unless ``full``), folders whose UIDVALIDITY is
        unchanged are brought up to date with QRESYNC where the server offers
        it; every other folder is read in full. Either way the result is the
        same AccountSnapshot. ``on_folder`` gets each folder as soon as it is
        final (see :meth:`FolderReader.read_all`); ``on_listed`` how many there are.
        """
        taken_at = self._clock()
        channel = RawChannel(self.client)
        listed = self.list_folders()
        if on_listed is not None:
            on_listed(len(listed))
        reader = FolderReader(channel, modseq=self._modseq_enabled, qresync=self._qresync_enabled)
        known = {} if full or previous is None else previous.folders
        folders = reader.read_all(listed, known, on_folder)
        self.last_read = reader.stats
        return AccountSnapshot(account=account, taken_at=taken_at, folders=folders)

    def list_folders(self) -> list[ListedFolder]:
        """The selectable folders, with their special-use attributes (RFC 6154)."""
        command = b'LIST "" "*"'
        if {"LIST-EXTENDED", "SPECIAL-USE"} <= self._capabilities:
            command += b" RETURN (SPECIAL-USE)"
        responses = RawChannel(self.client).run_checked([command], where="listing folders")
        unique = {f.name: f for f in responses.folders if f.selectable}
        return list(unique.values())

    def _enable_modseq(self) -> None:
        """Turn on QRESYNC (or at least CONDSTORE), so folders report HIGHESTMODSEQ (RFC 7162)."""
        caps = self._capabilities
        wanted = "QRESYNC" if "QRESYNC" in caps else "CONDSTORE" if "CONDSTORE" in caps else None
        if wanted is None or "ENABLE" not in caps:
            return
        try:
            enabled = {e.decode().upper() for e in self.client.enable(wanted)}
        except (OSError, IMAPClientError, imaplib.IMAP4.error) as exc:
            raise _lost("enabling " + wanted) from exc
        self._qresync_enabled = "QRESYNC" in enabled
        self._modseq_enabled = bool(enabled & {"QRESYNC", "CONDSTORE"})


def _lost(where: str) -> ConnectionLost:
    return ConnectionLost(f"the server closed the connection while {where} (maintenance?)")
