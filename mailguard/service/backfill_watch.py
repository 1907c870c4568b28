"""Late mail after a maintenance window, seen as it arrives: the listeners of the backfill watch.

The provider delivers the mail it held back during the window hours later
(1.5-2 hours is usual), into any folder its filters choose. Through the
backfill watch (the guard's ``settling`` state) the guard keeps, per account,
one connection listening for new mail in a thread of its own
(:class:`~mailguard.imap.arrival_watch.ArrivalWatch`: NOTIFY where the server
offers it, else IDLE on INBOX and cheap STATUS polls of the other folders).

A listener only notices. The refresh that finds what came, stores it and
announces it runs where the guard runs (:class:`GuardRunner`'s tick, which
owns the database connection), woken at once through :meth:`BackfillWatch.wait`;
its full refresh every 10 minutes stays as the safety net. A listener that
loses its connection (the server restarting after the maintenance, a NAT
timeout) connects again and asks for a refresh each time it does, so mail
delivered while nobody listened is found then, never lost.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from imapclient import IMAPClient

from mailguard.core.account import AccountConfig
from mailguard.core.errors import MailguardError
from mailguard.imap.arrival_watch import ArrivalWatch

log = logging.getLogger("mailguard")

#: Opens a logged-in connection for an account (``ImapAccess.connect``).
Connect = Callable[[AccountConfig], AbstractContextManager[IMAPClient]]


@dataclass(frozen=True, slots=True)
class WatchSettings:
    poll_every_s: float = 20.0  # STATUS polls of the folders IDLE does not cover
    retry_after_s: float = 30.0  # connect again this long after a connection failed
    notify: bool = True  # use NOTIFY where offered (False: IDLE on INBOX, poll the rest)


class BackfillWatch:
    """One listener per account in its backfill watch; what they noticed waits for the runner."""

    def __init__(self, connect: Connect, settings: WatchSettings | None = None) -> None:
        self._connect = connect
        self._settings = settings or WatchSettings()
        self._listeners: dict[str, _Listener] = {}
        self._arrived: set[str] = set()
        self._lock = threading.Lock()
        self._woken = threading.Event()

    def listen(self, account: AccountConfig) -> None:
        """Keep a listener for ``account``; it starts with a request to refresh."""
        listener = self._listeners.get(account.name)
        if listener is not None and listener.is_alive():
            return
        listener = _Listener(account, self._connect, self._settings, self._noticed)
        self._listeners[account.name] = listener
        listener.start()

    def listening(self, account: str) -> bool:
        listener = self._listeners.get(account)
        return listener is not None and listener.is_alive()

    def stop(self, account: str) -> None:
        """End ``account``'s listener (its backfill watch is over)."""
        listener = self._listeners.pop(account, None)
        if listener is not None:
            listener.stop()
        with self._lock:
            self._arrived.discard(account)

    def keep_only(self, accounts: set[str]) -> None:
        """End the listeners of accounts that are gone (removed while the guard runs)."""
        for name in list(self._listeners.keys() - accounts):
            self.stop(name)

    def close(self) -> None:
        """End every listener and wait for their threads."""
        listeners = list(self._listeners.values())
        for name in list(self._listeners):
            self.stop(name)
        for listener in listeners:
            listener.join(timeout=10)

    def take_arrivals(self, account: str) -> bool:
        """Did new mail (maybe) come for ``account`` since asked last? Asking clears it."""
        with self._lock:
            arrived = account in self._arrived
            self._arrived.discard(account)
        return arrived

    def wait(self, timeout_s: float) -> bool:
        """Until a listener noticed new mail (True, at once) or ``timeout_s`` passed (False).

        Each notice wakes one wait: one that nobody took (the tick failed before
        asking) is taken at the next tick, not by waking the caller over and over.
        """
        woken = self._woken.wait(timeout_s)
        self._woken.clear()
        return woken

    def _noticed(self, account: str) -> None:
        with self._lock:
            self._arrived.add(account)
            self._woken.set()


class _Listener(threading.Thread):
    """Listens for one account until stopped, connecting again whenever the connection fails."""

    def __init__(
        self,
        account: AccountConfig,
        connect: Connect,
        settings: WatchSettings,
        noticed: Callable[[str], None],
    ) -> None:
        super().__init__(name=f"mailguard-arrivals-{account.name}", daemon=True)
        self._account = account
        self._connect = connect
        self._settings = settings
        self._noticed = noticed
        self._stopped = threading.Event()
        self._watch: ArrivalWatch | None = None

    def stop(self) -> None:
        self._stopped.set()
        watch = self._watch
        if watch is not None:
            watch.interrupt()

    def run(self) -> None:
        name = self._account.name
        while not self._stopped.is_set():
            try:
                with self._connect(self._account) as client:
                    self._watch = watch = ArrivalWatch(
                        client,
                        poll_every_s=self._settings.poll_every_s,
                        notify=self._settings.notify,
                    )
                    if self._stopped.is_set():
                        return
                    watch.start()
                    # Whatever came while nobody listened (before the first connection,
                    # or while the last one was down) is found by the refresh this asks for.
                    self._noticed(name)
                    log.info("%s: listening for late mail (%s)", name, watch.mode)
                    while not self._stopped.is_set():
                        if watch.wait(self._settings.poll_every_s):
                            self._noticed(name)
            except MailguardError as exc:
                if not self._stopped.is_set():
                    log.info("%s: listening for late mail stopped: %s", name, exc)
            finally:
                self._watch = None
            self._stopped.wait(self._settings.retry_after_s)
