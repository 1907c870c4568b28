"""Logged-in IMAP connections for the guard, the password straight from the keyring."""

from __future__ import annotations

import contextlib
import imaplib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from imapclient import IMAPClient

from mailguard.core.account import AccountConfig
from mailguard.core.errors import ImapError
from mailguard.imap.connection import open_client
from mailguard.store.secrets import PasswordVault


class ImapAccess:
    """Opens one short-lived connection per use and always logs out afterwards."""

    def __init__(
        self,
        vault: PasswordVault,
        opener: Callable[[AccountConfig, str], IMAPClient] = open_client,
    ) -> None:
        self._vault = vault
        self._open = opener

    @contextmanager
    def connect(self, config: AccountConfig) -> Iterator[IMAPClient]:
        client = self._open(config, self._vault.password(config.name))
        try:
            yield client
        finally:
            with contextlib.suppress(OSError, imaplib.IMAP4.error, ImapError):
                client.logout()
