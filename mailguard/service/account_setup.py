"""Adding, changing and removing accounts, shared by the CLI and the Settings window.

The password goes to the keyring and nowhere else; the rest to ``accounts.json``.
A removal takes along what mailguard kept about the account (snapshots,
reports, queued edits, manual windows, filing rules): an account added again
under the same name starts afresh instead of replaying someone's old edits.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from mailguard.core.account import AccountConfig
from mailguard.core.errors import AccountError, UsageError
from mailguard.store.account_footprint import AccountFootprint, Footprint
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.secrets import PasswordVault


@dataclass(frozen=True, slots=True)
class Removal:
    """What went with an account; ``keyring_problem`` says why its password may remain."""

    account: str
    footprint: Footprint
    password_removed: bool
    keyring_problem: str | None = None


class AccountSetup:
    def __init__(self, accounts: AccountStore, vault: PasswordVault) -> None:
        self._accounts = accounts
        self._vault = vault

    def add(self, config: AccountConfig, password: str) -> None:
        """Store the password, then the account; neither stays if the other fails."""
        if not password:
            raise UsageError("the password is empty")
        if any(a.name == config.name for a in self._accounts.all()):
            raise AccountError(f"an account named {config.name!r} exists already")
        self._vault.store(config.name, password)
        try:
            self._accounts.add(config)
        except BaseException:
            self._vault.forget(config.name)
            raise

    def update(self, config: AccountConfig, password: str | None = None) -> None:
        """New connection settings (its sources kept); a new password if one is given."""
        current = self._accounts.get(config.name)
        if password:
            self._vault.store(config.name, password)
        self._accounts.update(
            replace(config, sources=(), schedule_sources=current.schedule_sources)
        )

    def password(self, name: str) -> str:
        return self._vault.password(name)

    def footprint(self, name: str, db: Database) -> Footprint:
        """What a removal would take along (to name it when asking)."""
        self._accounts.get(name)
        return AccountFootprint(db).count(name)

    def remove(self, name: str, db: Database) -> Removal:
        """Its keyring entry (a failing keyring is reported, not fatal), its data, the account."""
        config = self._accounts.get(name)
        problem = None
        try:
            removed = self._vault.forget(config.name)
        except AccountError as exc:
            removed, problem = False, str(exc)
        footprint = AccountFootprint(db)
        counted = footprint.count(config.name)
        footprint.erase(config.name)
        self._accounts.remove(config.name)
        return Removal(config.name, counted, removed, problem)


def ca_file_path(value: str | None) -> Path | None:
    """The CA file named, made absolute; a UsageError when there is none at that place."""
    if not value or not value.strip():
        return None
    path = Path(value.strip()).expanduser().absolute()
    if not path.is_file():
        raise UsageError(f"no CA file at {path}")
    return path
