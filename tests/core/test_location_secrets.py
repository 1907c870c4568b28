"""Which parts of a source URL are secrets, masked as ``***`` and put back by slot."""

from __future__ import annotations

import pytest

from mailguard.core.errors import ConfigError
from mailguard.core.location_secrets import (
    has_placeholders,
    has_secrets,
    is_secret_parameter,
    secrets_of,
    with_secrets,
    without_secrets,
)


@pytest.mark.parametrize(
    ("location", "secret_free"),
    [
        (
            "https://bob:hunter2@example.invalid/feed.json?token=abc123",
            "https://bob:***@example.invalid/feed.json?token=***",
        ),
        ("https://TOKEN99@status.example/feed", "https://***@status.example/feed"),
        ("https://bob:@status.example/feed", "https://bob:@status.example/feed"),  # no password
        ("https://user:p@ss@host.example/x", "https://user:***@host.example/x"),
        (
            "https://h.example/f?page=2&API_KEY=k1&Access-Token=t2&mail=me@example.org",
            "https://h.example/f?page=2&API_KEY=***&Access-Token=***&mail=me@example.org",
        ),
        (
            "https://h.example/f?sig=a&signature=b&code=c&auth=d&secret=e&key=f&pass=g",
            "https://h.example/f?sig=***&signature=***&code=***&auth=***&secret=***&key=***&pass=***",
        ),
        (
            "https://h.example/f?password=a&passwd=b&apikey=c&x-api-key=d&X-Amz-Signature=e",
            "https://h.example/f?password=***&passwd=***&apikey=***&x-api-key=***&X-Amz-Signature=***",
        ),
        ("https://h.example/f?token=&token", "https://h.example/f?token=&token"),  # no values
        ("https://h.example/f?monkey=1&keys=2", "https://h.example/f?monkey=1&keys=2"),
        ("https://h.example/f#token=abc", "https://h.example/f#token=abc"),  # never sent
        ("https://h.example/f?token=abc#top", "https://h.example/f?token=***#top"),
        ("/srv/feed?token=abc", "/srv/feed?token=abc"),  # a file's name, not a query
        ("mailbox:INBOX", "mailbox:INBOX"),
        ("https://h.example/f?t%6Fken=abc", "https://h.example/f?t%6Fken=***"),
    ],
)
def test_secrets_are_the_password_and_the_values_of_secret_looking_parameters(
    location: str, secret_free: str
) -> None:
    assert without_secrets(location) == secret_free
    assert has_secrets(location) is (location != secret_free)
    assert not has_secrets(secret_free)
    assert with_secrets(secret_free, secrets_of(location)) == location


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("token", True),
        ("TOKEN", True),
        ("Api-Key", True),
        ("access_token", True),
        ("client_secret", True),
        ("page", False),
        ("tokens", False),
        ("key_id", False),
    ],
)
def test_secret_parameters_are_one_table_compared_case_insensitively(
    name: str, secret: bool
) -> None:
    assert is_secret_parameter(name) is secret


def test_an_edited_url_gets_each_secret_back_by_its_slot_not_its_place() -> None:
    kept = secrets_of("https://bob:hunter2@old.example/feed?a=1&token=abc&key=k9")
    edited = "https://bob:***@new.example/v2/feed?key=***&b=2&Token=***"

    assert has_placeholders(edited)
    assert (
        with_secrets(edited, kept) == "https://bob:hunter2@new.example/v2/feed?key=k9&b=2&Token=abc"
    )


def test_a_secret_typed_anew_replaces_the_kept_one_and_a_missing_one_is_named_not_shown() -> None:
    kept = secrets_of("https://bob:hunter2@h.example/feed?token=abc")

    assert with_secrets("https://bob:new@h.example/feed?token=***", kept) == (
        "https://bob:new@h.example/feed?token=abc"
    )
    with pytest.raises(ConfigError) as missing:
        with_secrets("https://bob:***@h.example/feed?token=***&sig=***", kept)
    assert str(missing.value) == (
        "no 'sig' value is kept for https://bob:***@h.example/feed?token=***&sig=***"
    )
    assert "hunter2" not in str(missing.value) and "abc" not in str(missing.value)
