"""Fetching schedule sources over HTTP(S) or from local files, with a cache of good copies.

The Fetcher itself is in :mod:`mailguard.net.fetcher` (or :mod:`mailguard.net.lazy`)
and deliberately not re-exported here: it imports urllib3, and the locations and
Fetched below are needed by commands that never download anything.
"""

from mailguard.net.fetched import Fetched
from mailguard.net.locations import display_location, is_remote

__all__ = ["Fetched", "display_location", "is_remote"]
