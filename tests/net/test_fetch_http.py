"""Downloads against a real local server: conditional requests, limits, retries, errors."""

from __future__ import annotations

import base64
import gzip
import socket
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailguard import __version__
from mailguard.core.errors import FetchError
from mailguard.net.fetcher import Fetcher
from tests.httpserver import Reply, ScriptedServer
from tests.net.conftest import MakeFetcher

SCHEDULE = b'{"scheduled_maintenances": []}'
LAST_MODIFIED = "Mon, 18 Jul 2011 06:00:00 GMT"


def fetch_error(fetcher: Fetcher, location: str) -> str:
    """The one-line message of the FetchError the fetch must raise."""
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(location)
    message = str(caught.value)
    assert "\n" not in message
    assert "Traceback" not in message
    return message


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- a normal download and the cache of good copies ---------------------------------


def test_download_returns_body_and_validators(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.document(
        "/s.json",
        SCHEDULE,
        etag='"v1"',
        last_modified=LAST_MODIFIED,
        content_type="application/json",
    )
    before = datetime.now(UTC)

    fetched = fetcher.fetch(http_server.url("/s.json"))

    assert fetched.data == SCHEDULE
    assert fetched.location == http_server.url("/s.json")
    assert (fetched.from_cache, fetched.not_modified) == (False, False)
    assert (fetched.etag, fetched.last_modified) == ('"v1"', LAST_MODIFIED)
    assert fetched.content_type == "application/json"
    assert fetched.fetched_at.tzinfo is not None
    assert before - timedelta(seconds=1) <= fetched.fetched_at <= datetime.now(UTC)


def test_request_names_mailguard_and_the_formats_it_reads(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.document("/s.json", SCHEDULE)

    fetcher.fetch(http_server.url("/s.json"))

    (request,) = http_server.requests("/s.json")
    assert request.header("User-Agent") == (
        f"mailguard/{__version__} (+https://github.com/mailguard/mailguard)"
    )
    accept = request.header("Accept") or ""
    for media_type in ("application/json", "text/calendar", "application/rss+xml", "text/html"):
        assert media_type in accept


def test_remembered_copy_makes_the_next_request_conditional_and_304_returns_it(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.document("/s.json", SCHEDULE, etag='"v1"', last_modified=LAST_MODIFIED)
    url = http_server.url("/s.json")
    fetcher.remember(fetcher.fetch(url))

    again = fetcher.fetch(url)

    first, second = http_server.requests("/s.json")
    assert first.header("If-None-Match") is None
    assert second.header("If-None-Match") == '"v1"'
    assert second.header("If-Modified-Since") == LAST_MODIFIED
    assert again.data == SCHEDULE
    assert (again.not_modified, again.from_cache) == (True, False)
    assert again.etag == '"v1"'


def test_last_modified_alone_is_enough_for_a_304(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.document("/s.json", SCHEDULE, last_modified=LAST_MODIFIED)
    url = http_server.url("/s.json")
    fetcher.remember(fetcher.fetch(url))

    again = fetcher.fetch(url)

    assert again.not_modified
    assert again.data == SCHEDULE


def test_copy_not_remembered_is_never_used_for_a_conditional_request(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    """The caller remembers only what parsed; an unparsable download must not be revalidated."""
    http_server.document("/s.json", SCHEDULE, etag='"v1"')
    url = http_server.url("/s.json")
    fetcher.fetch(url)

    again = fetcher.fetch(url)

    assert http_server.requests("/s.json")[1].header("If-None-Match") is None
    assert not again.not_modified
    assert fetcher.cached(url) is None


def test_changed_etag_brings_the_new_body(http_server: ScriptedServer, fetcher: Fetcher) -> None:
    url = http_server.url("/s.json")
    http_server.document("/s.json", b"old", etag='"v1"')
    fetcher.remember(fetcher.fetch(url))
    http_server.document("/s.json", b"new", etag='"v2"')

    fetched = fetcher.fetch(url)

    assert (fetched.data, fetched.etag, fetched.not_modified) == (b"new", '"v2"', False)


def test_conditional_request_survives_a_new_fetcher_on_the_same_cache(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    http_server.document("/s.json", SCHEDULE, etag='"v1"')
    url = http_server.url("/s.json")
    first = make_fetcher()
    first.remember(first.fetch(url))
    first.close()

    again = make_fetcher().fetch(url)

    assert again.not_modified
    assert again.data == SCHEDULE


def test_cached_returns_the_remembered_copy_marked_as_cached(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.document("/s.json", SCHEDULE, etag='"v1"', content_type="application/json")
    url = http_server.url("/s.json")
    assert fetcher.cached(url) is None
    fetched = fetcher.fetch(url)
    fetcher.remember(fetched)

    copy = fetcher.cached(url)

    assert copy is not None
    assert (copy.data, copy.etag, copy.content_type) == (SCHEDULE, '"v1"', "application/json")
    assert (copy.from_cache, copy.not_modified) == (True, False)
    assert copy.fetched_at == fetched.fetched_at


def test_304_without_a_cached_copy_is_an_error(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.reply("/odd", Reply(304))

    message = fetch_error(fetcher, http_server.url("/odd"))

    assert "304 Not Modified" in message


def test_compressed_download_is_unpacked(http_server: ScriptedServer, fetcher: Fetcher) -> None:
    http_server.reply(
        "/gz", Reply(200, gzip.compress(SCHEDULE), headers={"Content-Encoding": "gzip"})
    )

    assert fetcher.fetch(http_server.url("/gz")).data == SCHEDULE


# -- limits: time, size, redirects ------------------------------------------------------


def test_server_slow_to_answer_times_out_after_the_timeout(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    http_server.reply("/slow", Reply(200, b"late", delay_s=5))
    fetcher = make_fetcher(timeout_s=0.5)
    started = time.monotonic()

    message = fetch_error(fetcher, http_server.url("/slow"))

    assert time.monotonic() - started < 1.5
    assert "timed out after 0.5 s" in message
    assert len(http_server.requests("/slow")) == 1


def test_trickling_server_cannot_outlast_the_deadline(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    """Each byte comes well within the read timeout; only the total deadline can stop it."""
    http_server.reply("/trickle", Reply(200, b"x" * 200, chunk_size=1, trickle_s=0.02))
    fetcher = make_fetcher(timeout_s=0.5, deadline_s=0.6)
    started = time.monotonic()

    message = fetch_error(fetcher, http_server.url("/trickle"))

    assert 0.5 < time.monotonic() - started < 1.5
    assert "timed out after 0.6 s" in message


def test_server_stalling_mid_download_times_out(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    http_server.reply("/stall", Reply(200, b"x" * 100, chunk_size=50, trickle_s=5))

    message = fetch_error(make_fetcher(timeout_s=0.5), http_server.url("/stall"))

    assert message.endswith("timed out after 0.5 s waiting for the server")


def test_download_cut_short_is_an_error_not_a_shorter_schedule(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.reply("/cut", Reply(200, b"x" * 10, declared_length=100))

    message = fetch_error(fetcher, http_server.url("/cut"))

    assert message.endswith("the server closed the connection before the download was complete")


def test_announced_length_over_the_cap_is_refused(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.reply("/huge", Reply(200, b"x" * (6 * 1024 * 1024)))

    message = fetch_error(fetcher, http_server.url("/huge"))

    assert message.endswith("download larger than 5 MiB")


def test_chunked_body_over_the_cap_is_cut_off(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    http_server.reply("/chunked", Reply(200, b"x" * 300_000, chunked=True, chunk_size=4096))

    message = fetch_error(make_fetcher(max_bytes=64 * 1024), http_server.url("/chunked"))

    assert message.endswith("download larger than 64 KiB")


def test_body_exactly_at_the_cap_is_accepted(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    http_server.reply("/exact", Reply(200, b"x" * 1000, chunked=True, chunk_size=100))

    assert len(make_fetcher(max_bytes=1000).fetch(http_server.url("/exact")).data) == 1000


def test_cap_applies_to_the_unpacked_size(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    """A small gzip bomb must not unpack into memory beyond the cap."""
    bomb = gzip.compress(b"\0" * (4 * 1024 * 1024))
    http_server.reply("/bomb", Reply(200, bomb, headers={"Content-Encoding": "gzip"}))

    message = fetch_error(make_fetcher(max_bytes=64 * 1024), http_server.url("/bomb"))

    assert len(bomb) < 64 * 1024
    assert message.endswith("download larger than 64 KiB")


def test_redirects_are_followed(http_server: ScriptedServer, fetcher: Fetcher) -> None:
    http_server.reply("/a", Reply.redirect("/b", 301))
    http_server.reply("/b", Reply.redirect(http_server.url("/s.json"), 302))
    http_server.document("/s.json", SCHEDULE)

    fetched = fetcher.fetch(http_server.url("/a"))

    assert fetched.data == SCHEDULE
    assert fetched.location == http_server.url("/a")


def test_redirect_loop_stops_at_the_limit(http_server: ScriptedServer, fetcher: Fetcher) -> None:
    http_server.reply("/loop", Reply.redirect("/loop"))

    message = fetch_error(fetcher, http_server.url("/loop"))

    assert message.endswith("too many redirects (more than 5)")
    assert len(http_server.requests("/loop")) == 6


def test_redirect_limit_is_configurable(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    http_server.reply("/a", Reply.redirect("/b"))
    http_server.reply("/b", Reply.redirect("/c"))
    http_server.document("/c", SCHEDULE)

    message = fetch_error(make_fetcher(max_redirects=1), http_server.url("/a"))

    assert message.endswith("too many redirects (more than 1)")


# -- retries ------------------------------------------------------------------------------


def test_unavailable_server_is_retried_until_it_answers(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.reply("/flaky", Reply(503), Reply(503), Reply(200, SCHEDULE))

    assert fetcher.fetch(http_server.url("/flaky")).data == SCHEDULE
    assert len(http_server.requests("/flaky")) == 3


@pytest.mark.parametrize("status", [429, 500, 502, 504])
def test_other_transient_statuses_are_retried(
    http_server: ScriptedServer, fetcher: Fetcher, status: int
) -> None:
    http_server.reply("/flaky", Reply(status), Reply(200, SCHEDULE))

    assert fetcher.fetch(http_server.url("/flaky")).data == SCHEDULE
    assert len(http_server.requests("/flaky")) == 2


def test_server_still_unavailable_after_the_retries_is_reported(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.reply("/down", Reply(503))

    message = fetch_error(fetcher, http_server.url("/down"))

    assert message.endswith("HTTP 503 Service Unavailable")
    assert len(http_server.requests("/down")) == 3


def test_retry_after_is_honoured_but_capped(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    """An hour-long Retry-After is cut to half the deadline (here 1 s), then retried."""
    http_server.reply("/busy", Reply(503, headers={"Retry-After": "3600"}), Reply(200, SCHEDULE))
    fetcher = make_fetcher(deadline_s=2.0)
    started = time.monotonic()

    assert fetcher.fetch(http_server.url("/busy")).data == SCHEDULE
    assert 0.9 < time.monotonic() - started < 1.9


def test_not_found_is_reported_at_once_without_retrying(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    url = http_server.url("/missing.json")

    message = fetch_error(fetcher, url)

    assert message == f"{url}: HTTP 404 Not Found"
    assert len(http_server.requests("/missing.json")) == 1


def test_refused_connection_is_retried_then_reported(make_fetcher: MakeFetcher) -> None:
    url = f"http://127.0.0.1:{closed_port()}/s.json"

    message = fetch_error(make_fetcher(retries=1), url)

    assert message == f"{url}: could not connect (connection refused)"


def test_unknown_host_is_reported(make_fetcher: MakeFetcher) -> None:
    message = fetch_error(make_fetcher(retries=0), "https://status.mailguard-test.invalid/")

    assert message == "https://status.mailguard-test.invalid/: host not found"


# -- locations it will not fetch -------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("ftp://example.com/schedule.txt", "unsupported URL scheme 'ftp'"),
        ("gopher://example.com/1", "unsupported URL scheme 'gopher'"),
        ("http:///no-host", "not a valid URL"),
    ],
)
def test_unfetchable_locations_are_reported(fetcher: Fetcher, location: str, reason: str) -> None:
    assert fetch_error(fetcher, location) == f"{location}: {reason}"


# -- credentials in the URL ------------------------------------------------------------------


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_credentials_in_the_url_are_sent_as_basic_auth(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    http_server.document("/private", SCHEDULE)
    url = http_server.url("/private").replace("://", "://anna:s%3Acret@")

    fetched = fetcher.fetch(url)

    assert http_server.requests("/private")[0].header("Authorization") == basic("anna", "s:cret")
    assert fetched.location == http_server.url("/private")


def test_credentials_never_appear_in_errors(http_server: ScriptedServer, fetcher: Fetcher) -> None:
    with_secret = http_server.url("/missing").replace("://", "://anna:topsecret@")
    refused = f"http://anna:topsecret@127.0.0.1:{closed_port()}/"
    for location in (with_secret, refused, "ftp://anna:topsecret@example.com/"):
        message = fetch_error(fetcher, location)
        assert "topsecret" not in message
        assert "anna" not in message


def test_credentials_never_reach_the_cache(
    http_server: ScriptedServer, fetcher: Fetcher, cache_dir: Path
) -> None:
    http_server.document("/private", SCHEDULE, etag='"v1"')
    url = http_server.url("/private").replace("://", "://anna:topsecret@")
    fetcher.remember(fetcher.fetch(url))

    stored = b"".join(path.read_bytes() for path in cache_dir.iterdir())
    assert SCHEDULE in stored
    assert b"topsecret" not in stored
    assert b"anna" not in stored
    assert fetcher.cached(url) is not None


def test_credentials_are_not_forwarded_to_another_host(fetcher: Fetcher) -> None:
    with ScriptedServer() as origin, ScriptedServer() as elsewhere:
        elsewhere.document("/s.json", SCHEDULE)
        origin.reply("/private", Reply.redirect(elsewhere.url("/s.json")))

        fetcher.fetch(origin.url("/private").replace("://", "://anna:topsecret@"))

        assert origin.requests()[0].header("Authorization") == basic("anna", "topsecret")
        assert elsewhere.requests()[0].header("Authorization") is None
