"""Following and dropping an account's schedule sources, shared by the CLI and Settings.

The store puts a URL's secrets into the keyring; what these return is the account as stored.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mailguard.app.zones import parse_zone
from mailguard.core.account import AccountConfig
from mailguard.core.errors import UsageError
from mailguard.core.location_secrets import without_secrets
from mailguard.core.schedule_source import MAILBOX_PREFIX, ScheduleSource
from mailguard.net.locations import masked_location
from mailguard.store.account_store import AccountStore


def source_location(text: str) -> str:
    """URLs and ``mailbox:`` as given; a path made absolute, so it works from another folder."""
    text = text.strip()
    if "://" in text or text.startswith(MAILBOX_PREFIX):
        return text
    return str(Path(text).expanduser().absolute())


def follow_source(
    accounts: AccountStore,
    account: str,
    source: ScheduleSource,
    *,
    kept_for: str | None = None,
) -> AccountConfig:
    """Add ``source`` to the account; its zone is checked now, not at every poll.

    Edited from the source ``kept_for`` (as stored), a ``***`` left in its URL
    keeps that source's secret.
    """
    config = accounts.get(account)
    if source.zone:
        parse_zone(source.zone)
    location = source_location(source.location)
    if kept_for is not None:
        location = accounts.secrets.reveal(account, location, kept_for=kept_for)
    refuse_followed(config, location)
    source = replace(source, location=location)
    return accounts.update(replace(config, schedule_sources=(*config.schedule_sources, source)))


def refuse_followed(config: AccountConfig, location: str) -> None:
    """A UsageError if the account follows ``location`` already (secrets aside)."""
    if any(s.location == without_secrets(location) for s in config.schedule_sources):
        raise UsageError(f"{config.name} follows {masked_location(location)} already")


def drop_source(accounts: AccountStore, account: str, location: str) -> AccountConfig:
    """Stop following ``location``: as typed (its secrets in it or not) or as listed."""
    config = accounts.get(account)
    wanted = {location, source_location(location), without_secrets(location)}
    kept = tuple(
        s
        for s in config.schedule_sources
        if s.location not in wanted and masked_location(s.location) != location
    )
    if len(kept) == len(config.schedule_sources):
        raise UsageError(f"{config.name} does not follow {masked_location(location)}")
    return accounts.update(replace(config, sources=(), schedule_sources=kept))
