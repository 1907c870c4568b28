"""Accounts in ``accounts.json`` in the config folder: readable, diffable, never a password.

Written atomically (a temporary file, fsync, rename) with mode 0600, so a
crash never leaves half a file and other users cannot read host and user names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import AccountError, ConfigError, MailguardError
from mailguard.core.schedule_source import ScheduleSource
from mailguard.store.atomic_file import replace_atomically
from mailguard.store.config_file import read_config_json

FILE_NAME = "accounts.json"
FORMAT_VERSION = 1


class AccountStore:
    """Reads and writes the configured accounts; the password is the vault's business."""

    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / FILE_NAME

    def all(self) -> list[AccountConfig]:
        """Every account, sorted by name."""
        return sorted(self._read().values(), key=lambda a: a.name)

    def get(self, name: str) -> AccountConfig:
        account = self._read().get(name)
        if account is None:
            raise AccountError(f"no account named {name!r} (see: mailguard account list)")
        return account

    def add(self, account: AccountConfig) -> None:
        accounts = self._read()
        if account.name in accounts:
            raise AccountError(f"an account named {account.name!r} exists already")
        accounts[account.name] = account
        self._write(accounts)

    def update(self, account: AccountConfig) -> None:
        """Replace the stored settings of an existing account (its sources, say)."""
        accounts = self._read()
        if account.name not in accounts:
            raise AccountError(f"no account named {account.name!r} (see: mailguard account list)")
        accounts[account.name] = account
        self._write(accounts)

    def remove(self, name: str) -> None:
        accounts = self._read()
        if accounts.pop(name, None) is None:
            raise AccountError(f"no account named {name!r} (see: mailguard account list)")
        self._write(accounts)

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
        return {account.name: account for account in accounts}

    def _write(self, accounts: dict[str, AccountConfig]) -> None:
        data = {
            "version": FORMAT_VERSION,
            "accounts": [_to_json(a) for a in sorted(accounts.values(), key=lambda a: a.name)],
        }
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            replace_atomically(self.path, text.encode("utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot write {self.path}: {exc.strerror}") from exc


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
