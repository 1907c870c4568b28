"""Which locations are remote, and how they are shown without credentials."""

from __future__ import annotations

import pytest

from mailguard.net import display_location, is_remote
from mailguard.net.locations import cache_key


@pytest.mark.parametrize(
    ("location", "remote"),
    [
        ("https://status.example.com/api/v2/summary.json", True),
        ("http://status.example.com/", True),
        ("HTTPS://STATUS.EXAMPLE.COM/feed", True),
        ("https://user:pw@status.example.com/feed", True),
        ("file:///home/anna/schedule.ics", False),
        ("ftp://example.com/schedule.txt", False),
        ("/home/anna/schedule.ics", False),
        ("schedule.ics", False),
        ("C:\\Users\\anna\\schedule.ics", False),
        ("http-notes.txt", False),
    ],
)
def test_is_remote_only_for_http_and_https_urls(location: str, remote: bool) -> None:
    assert is_remote(location) is remote


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        ("https://user:s3cret@host.example/feed", "https://host.example/feed"),
        ("https://user@host.example:8443/feed?x=1", "https://host.example:8443/feed?x=1"),
        ("https://a%40b:p%3Aw@host.example", "https://host.example"),
        ("https://user:p@ss@host.example/x", "https://host.example/x"),
        ("http://user:pw@[::1]:8080/x#top", "http://[::1]:8080/x#top"),
        ("https://mastodon.example/@provider.rss", "https://mastodon.example/@provider.rss"),
        (
            "https://host.example/a?mail=me@example.org",
            "https://host.example/a?mail=me@example.org",
        ),
        ("ftp://user:pw@host.example/x", "ftp://host.example/x"),
        ("/srv/user:pw@host/schedule.txt", "/srv/user:pw@host/schedule.txt"),
        ("https://host.example/plain", "https://host.example/plain"),
    ],
)
def test_display_location_removes_userinfo_and_nothing_else(location: str, shown: str) -> None:
    assert display_location(location) == shown


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://Status.Example.COM/feed", "https://status.example.com/feed"),
        ("HTTPS://status.example.com/feed", "https://status.example.com/feed"),
        ("https://user:pw@status.example.com/feed", "https://status.example.com/feed"),
        ("https://status.example.com/feed#latest", "https://status.example.com/feed"),
        ("https://status.example.com", "https://status.example.com/"),
    ],
)
def test_spellings_of_one_url_share_a_cache_entry(one: str, other: str) -> None:
    assert cache_key(one) == cache_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://status.example.com/Feed", "https://status.example.com/feed"),
        ("https://status.example.com/feed?page=2", "https://status.example.com/feed"),
        ("http://status.example.com/feed", "https://status.example.com/feed"),
    ],
)
def test_different_urls_get_different_cache_entries(one: str, other: str) -> None:
    assert cache_key(one) != cache_key(other)
