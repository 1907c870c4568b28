"""The secrets of schedule source URLs, in the keyring beside the account passwords.

``accounts.json`` keeps a source as ``https://bob:***@host/feed?token=***``; the
keyring keeps ``hunter2`` and ``abc123`` under ``ACCOUNT/`` and that form, and
the URL is put back together only to be fetched (:meth:`SourceSecrets.reveal`).
"""

from __future__ import annotations

import json

from mailguard.core.errors import ConfigError
from mailguard.core.location_secrets import (
    has_placeholders,
    has_secrets,
    secrets_of,
    with_secrets,
    without_secrets,
)
from mailguard.store.secrets import PasswordVault


class SourceSecrets:
    def __init__(self, vault: PasswordVault) -> None:
        self._vault = vault

    def seal(self, account: str, location: str) -> str:
        """The secret-free form of ``location``, its secrets stored in the keyring first.

        A ``***`` left in ``location`` keeps the secret already stored for that form.
        Nothing is stored for a location without secrets.
        """
        if not has_secrets(location):
            return location
        if has_placeholders(location):
            location = self.reveal(account, location)
        secret_free = without_secrets(location)
        text = json.dumps(secrets_of(location), ensure_ascii=False)
        self._vault.store_entry(_key(account, secret_free), text, _what(account, secret_free))
        return secret_free

    def reveal(self, account: str, location: str, *, kept_for: str | None = None) -> str:
        """``location`` with each ``***`` filled from the keyring, for fetching it.

        The secrets are those kept for ``kept_for`` (a source's stored form, when
        ``location`` was edited from it), else for ``location`` itself.
        """
        if not has_placeholders(location):
            return location
        stored_as = without_secrets(kept_for or location)
        text = self._vault.entry(_key(account, stored_as), _what(account, stored_as))
        if text is None:
            raise ConfigError(
                f"the secrets of {stored_as} ({account}) are not in the keyring "
                f"({self._vault.backend_name}); remove the source and add it again"
            )
        try:
            kept = [(str(slot), str(secret)) for slot, secret in json.loads(text)]
        except (ValueError, TypeError) as exc:
            raise ConfigError(
                f"the keyring entry of {stored_as} ({account}) is damaged; "
                "remove the source and add it again"
            ) from exc
        return with_secrets(location, kept)

    def forget(self, account: str, location: str) -> bool:
        """Delete what is kept for a source's stored form; False if nothing was."""
        if not has_placeholders(location):
            return False
        secret_free = without_secrets(location)
        return self._vault.forget_entry(_key(account, secret_free), _what(account, secret_free))


def _key(account: str, secret_free: str) -> str:
    return f"{account}/{secret_free}"


def _what(account: str, secret_free: str) -> str:
    return f"the secrets of {secret_free} ({account})"
