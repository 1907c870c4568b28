"""Accounts in ``accounts.json`` in the config folder: readable, diffable, never a password.

Written atomically (a temporary file, fsync, rename) with mode 0600, so a
crash never leaves half a file and other users cannot read host and user names.
A source URL's secrets go to the keyring before the file is written (see
:mod:`mailguard.store.source_secrets`); a file from before that, with a secret
in plain text, is rewritten so on load once the keyring has taken it.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import AccountError, ConfigError, MailguardError
from mailguard.core.location_secrets import has_placeholders, has_secrets, without_secrets
from mailguard.core.schedule_source import ScheduleSource
from mailguard.store.atomic_file import replace_atomically
from mailguard.store.config_file import read_config_json
from mailguard.store.secrets import PasswordVault
from mailguard.store.source_secrets import SourceSecrets

FILE_NAME = "accounts.json"
FORMAT_VERSION = 1

#: Warnings of the stores: the CLI shows them on stderr, every face logs them.
log = logging.getLogger("mailguard.store")


class AccountStore:
    """Reads and writes the configured accounts; the password is the vault's business."""

    def __init__(self, config_dir: Path, secrets: SourceSecrets | None = None) -> None:
        self.path = config_dir / FILE_NAME
        self._secrets = secrets or SourceSecrets(PasswordVault())
        self._warned = False

    @property
    def secrets(self) -> SourceSecrets:
        """Where the sources' secrets are kept (to put a URL edited from a stored one together)."""
        return self._secrets

    def all(self) -> list[AccountConfig]:
        """Every account, sorted by name."""
        return sorted(self._read().values(), key=lambda a: a.name)

    def get(self, name: str) -> AccountConfig:
        account = self._read().get(name)
        if account is None:
            raise AccountError(f"no account named {name!r} (see: mailguard account list)")
        return account

    def add(self, account: AccountConfig) -> AccountConfig:
        """Store a new account; returns it as stored (its sources' secrets in the keyring)."""
        accounts = self._read()
        if account.name in accounts:
            raise AccountError(f"an account named {account.name!r} exists already")
        accounts[account.name] = account
        return self._write(accounts)[account.name]

    def update(self, account: AccountConfig) -> AccountConfig:
        """Replace the stored settings of an existing account (its sources, say); as stored."""
        accounts = self._read()
        current = accounts.get(account.name)
        if current is None:
            raise AccountError(f"no account named {account.name!r} (see: mailguard account list)")
        accounts[account.name] = account
        stored = self._write(accounts)[account.name]
        self._forget_dropped(current, stored)
        return stored

    def remove(self, name: str) -> None:
        """Remove the account, and what the keyring keeps for its sources."""
        accounts = self._read()
        current = accounts.pop(name, None)
        if current is None:
            raise AccountError(f"no account named {name!r} (see: mailguard account list)")
        self._write(accounts)
        self._forget_dropped(current, None)

    def _read(self) -> dict[str, AccountConfig]:
        try:
            data = read_config_json(self.path)
        except FileNotFoundError:
            return {}
        try:
            entries = data["accounts"]
            accounts = [_from_json(entry) for entry in entries]
        except (ValueError, KeyError, TypeError, MailguardError) as exc:
            raise ConfigError(
                f"{self.path} is damaged ({_describe(exc)}); fix or remove it"
            ) from exc
        twice = [name for name, count in Counter(a.name for a in accounts).items() if count > 1]
        if twice:
            raise ConfigError(
                f"{self.path} names the account {twice[0]!r} twice; "
                "rename or remove one of them in the file"
            )
        by_name = {account.name: account for account in accounts}
        if any(has_secrets(s) for account in accounts for s in account.sources):
            return self._migrated(by_name)
        return by_name

    def _migrated(self, accounts: dict[str, AccountConfig]) -> dict[str, AccountConfig]:
        """``accounts`` rewritten with their sources' secrets in the keyring.

        If the keyring (or the disk) refuses, the file stays as it is, secrets and
        all, and the accounts are used as they are: nothing is lost.
        """
        try:
            return self._write(accounts)
        except MailguardError as exc:
            if not self._warned:
                self._warned = True
                log.warning(
                    "%s keeps a source's password in plain text, and it stays there for now: %s",
                    self.path,
                    exc,
                )
            return accounts

    def _write(self, accounts: dict[str, AccountConfig]) -> dict[str, AccountConfig]:
        """Store the sources' secrets in the keyring, then the file; the accounts as written."""
        sealed = {name: self._sealed(account) for name, account in accounts.items()}
        data = {
            "version": FORMAT_VERSION,
            "accounts": [_to_json(a) for a in sorted(sealed.values(), key=lambda a: a.name)],
        }
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            replace_atomically(self.path, text.encode("utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot write {self.path}: {exc.strerror}") from exc
        return sealed

    def _sealed(self, account: AccountConfig) -> AccountConfig:
        if not any(has_secrets(s) for s in account.sources):
            return account
        sources = tuple(
            replace(source, location=self._secrets.seal(account.name, source.location))
            for source in account.schedule_sources
        )
        return replace(account, sources=(), schedule_sources=sources)

    def _forget_dropped(self, before: AccountConfig, after: AccountConfig | None) -> None:
        """Delete the keyring's secrets of sources ``after`` no longer has (a failure warns)."""
        kept = {without_secrets(s) for s in after.sources} if after else set()
        for location in before.sources:
            if not has_placeholders(location) or without_secrets(location) in kept:
                continue
            try:
                self._secrets.forget(before.name, location)
            except MailguardError as exc:
                log.warning("%s (the keyring entry stays)", exc)


def _to_json(account: AccountConfig) -> dict[str, Any]:
    return {
        "name": account.name,
        "host": account.host,
        "port": account.effective_port,
        "user": account.user,
        "security": account.security.value,
        "ca_file": str(account.ca_file) if account.ca_file else None,
        "fingerprint": account.fingerprint,
        "sources": [source.to_json() for source in account.schedule_sources],
    }


def _from_json(entry: dict[str, Any]) -> AccountConfig:
    ca_file = entry.get("ca_file")
    return AccountConfig(
        name=str(entry["name"]),
        host=str(entry["host"]),
        user=str(entry["user"]),
        security=Security(entry.get("security", "ssl")),
        port=int(entry.get("port") or 0),
        ca_file=Path(ca_file) if ca_file else None,
        fingerprint=entry.get("fingerprint") or None,
        schedule_sources=tuple(ScheduleSource.from_json(s) for s in entry.get("sources", ())),
    )


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
