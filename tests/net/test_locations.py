"""Which locations are remote, and how they are shown without credentials."""

from __future__ import annotations

import pytest

from mailguard.net import display_location, is_remote
from mailguard.net.locations import cache_key, masked_location, request_url


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
        ("https://h.example/f?page=2&Token=abc123", "https://h.example/f?page=2&Token=***"),
        ("https://u:pw@h.example/f?api_key=k#x", "https://h.example/f?api_key=***#x"),
    ],
)
def test_display_location_removes_userinfo_and_masks_secret_query_values(
    location: str, shown: str
) -> None:
    assert display_location(location) == shown


@pytest.mark.parametrize(
    ("location", "listed"),
    [
        ("https://jo:s3cret@h.example/feed", "https://jo:***@h.example/feed"),
        ("https://TOKEN@h.example/feed", "https://***@h.example/feed"),
        (
            "https://h.example/feed?access_token=abc&page=2",
            "https://h.example/feed?access_token=***&page=2",
        ),
        ("https://h.example/feed?\x1b[2J", "https://h.example/feed?\\x1b[2J"),
    ],
)
def test_a_listed_source_keeps_its_user_name_and_masks_every_secret(
    location: str, listed: str
) -> None:
    assert masked_location(location) == listed


def test_the_request_keeps_the_query_secrets_and_sends_no_userinfo() -> None:
    location = "https://jo:pw@h.example/feed?token=abc123#latest"
    assert request_url(location) == "https://h.example/feed?token=abc123"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://Status.Example.COM/feed", "https://status.example.com/feed"),
        ("HTTPS://status.example.com/feed", "https://status.example.com/feed"),
        ("https://user:pw@status.example.com/feed", "https://status.example.com/feed"),
        ("https://status.example.com/feed#latest", "https://status.example.com/feed"),
        ("https://status.example.com", "https://status.example.com/"),
        # As fetched and as kept in accounts.json: one copy, and no token in its key.
        ("https://status.example.com/f?token=abc123", "https://status.example.com/f?token=***"),
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
