"""Following and dropping an account's schedule sources, shared by the CLI and Settings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mailguard.app.zones import parse_zone
from mailguard.core.account import AccountConfig
from mailguard.core.errors import UsageError
from mailguard.core.schedule_source import MAILBOX_PREFIX, ScheduleSource
from mailguard.store.account_store import AccountStore


def source_location(text: str) -> str:
    """URLs and ``mailbox:`` as given; a path made absolute, so it works from another folder."""
    text = text.strip()
    if "://" in text or text.startswith(MAILBOX_PREFIX):
        return text
    return str(Path(text).expanduser().absolute())


def follow_source(accounts: AccountStore, account: str, source: ScheduleSource) -> AccountConfig:
    """Add ``source`` to the account; its zone is checked now, not at every poll."""
    config = accounts.get(account)
    if source.zone:
        parse_zone(source.zone)
    source = replace(source, location=source_location(source.location))
    if any(s.location == source.location for s in config.schedule_sources):
        raise UsageError(f"{config.name} follows {source.location} already")
    updated = replace(config, schedule_sources=(*config.schedule_sources, source))
    accounts.update(updated)
    return updated


def drop_source(accounts: AccountStore, account: str, location: str) -> AccountConfig:
    config = accounts.get(account)
    wanted = {location, source_location(location)}
    kept = tuple(s for s in config.schedule_sources if s.location not in wanted)
    if len(kept) == len(config.schedule_sources):
        raise UsageError(f"{config.name} does not follow {location}")
    updated = replace(config, sources=(), schedule_sources=kept)
    accounts.update(updated)
    return updated
