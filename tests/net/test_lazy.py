"""LazyFetcher: a Fetcher made on first use, and never made for a command that fetches nothing."""

from __future__ import annotations

from pathlib import Path

from mailguard.net.lazy import LazyFetcher
from tests.httpserver import ScriptedServer


def test_nothing_is_made_until_a_fetch(tmp_path: Path) -> None:
    with LazyFetcher(tmp_path / "cache") as fetcher:
        pass

    assert "_fetcher" not in vars(fetcher)


def test_fetches_remembers_and_serves_the_cached_copy_like_a_fetcher(
    http_server: ScriptedServer, tmp_path: Path
) -> None:
    http_server.document("/s.ics", b"BEGIN:VCALENDAR\r\n")
    url = http_server.url("/s.ics")
    with LazyFetcher(tmp_path / "cache") as fetcher:
        assert fetcher.cached(url) is None
        fetched = fetcher.fetch(url)
        fetcher.remember(fetched)
        copy = fetcher.cached(url)

    assert fetched.data == b"BEGIN:VCALENDAR\r\n"
    assert copy is not None
    assert (copy.data, copy.from_cache) == (fetched.data, True)
