"""Fetching schedule sources over HTTP(S) or from local files, with a cache of good copies."""

from mailguard.net.fetched import Fetched
from mailguard.net.fetcher import Fetcher
from mailguard.net.locations import display_location, is_remote

__all__ = ["Fetched", "Fetcher", "display_location", "is_remote"]
