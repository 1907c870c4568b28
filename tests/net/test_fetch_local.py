"""Local schedules: paths and file:// URLs, read with the same cap and plain-word errors."""

from __future__ import annotations

import os
import pwd
import tempfile
from pathlib import Path

import pytest

from mailguard.core.errors import FetchError
from mailguard.net.fetcher import Fetcher
from tests.net.conftest import MakeFetcher

SAMPLE = Path(__file__).parent.parent / "samples" / "announcement-de-mailserver-2011-07-18.txt"


def fetch_error(fetcher: Fetcher, location: str) -> str:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(location)
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_path_is_read_directly(fetcher: Fetcher) -> None:
    fetched = fetcher.fetch(str(SAMPLE))

    assert fetched.data == SAMPLE.read_bytes()
    assert fetched.location == str(SAMPLE)
    assert (fetched.from_cache, fetched.not_modified) == (False, False)
    assert fetched.fetched_at.tzinfo is not None


def test_file_url_is_read_directly(fetcher: Fetcher, tmp_path: Path) -> None:
    path = tmp_path / "Wartung März.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\n")
    url = path.as_uri()
    assert "%20" in url

    fetched = fetcher.fetch(url)

    assert fetched.data == b"BEGIN:VCALENDAR\r\n"
    assert fetched.location == url


def test_local_files_are_never_cached(fetcher: Fetcher, cache_dir: Path) -> None:
    fetched = fetcher.fetch(str(SAMPLE))
    fetcher.remember(fetched)

    assert fetcher.cached(str(SAMPLE)) is None
    assert fetcher.cached(SAMPLE.as_uri()) is None
    assert not cache_dir.exists()


@pytest.mark.parametrize("as_url", [False, True], ids=["path", "file-url"])
def test_missing_file_is_reported(fetcher: Fetcher, tmp_path: Path, as_url: bool) -> None:
    missing = tmp_path / "nowhere.ics"
    location = missing.as_uri() if as_url else str(missing)

    assert fetch_error(fetcher, location) == f"{location}: file not found"


def test_directory_is_reported(fetcher: Fetcher, tmp_path: Path) -> None:
    assert fetch_error(fetcher, str(tmp_path)) == f"{tmp_path}: is a directory, not a file"


def test_home_of_an_unknown_user_is_reported(fetcher: Fetcher) -> None:
    location = "~no-such-mailguard-user/wartung.ics"

    assert fetch_error(fetcher, location) == (
        f"{location}: names a home directory that does not exist"
    )


def test_file_url_naming_a_nul_character_is_reported(fetcher: Fetcher, tmp_path: Path) -> None:
    location = tmp_path.as_uri() + "/a%00b.ics"

    assert fetch_error(fetcher, location) == (
        f"{location}: is not a valid path (it contains a NUL character)"
    )


def _error_as_unprivileged_user(fetcher: Fetcher, location: str) -> str:
    """Root reads any file, so as root the fetch runs in a child that drops to 'nobody'."""
    if os.geteuid() != 0:
        return fetch_error(fetcher, location)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child process
        os.close(reader)
        try:
            os.setgid(pwd.getpwnam("nobody").pw_gid)
            os.setuid(pwd.getpwnam("nobody").pw_uid)
            message = fetch_error(fetcher, location)
        except BaseException as exc:
            message = f"child failed: {exc!r}"
        os.write(writer, message.encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(child, 0)
    return message


def test_unreadable_file_is_reported(fetcher: Fetcher, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    for parent in (folder, *folder.parents):
        if parent == Path(tempfile.gettempdir()) or parent == parent.parent:
            break
        parent.chmod(parent.stat().st_mode | 0o005)  # let 'nobody' reach the file
    secret = folder / "secret.ics"
    secret.write_bytes(b"x")
    secret.chmod(0)

    assert _error_as_unprivileged_user(fetcher, str(secret)) == f"{secret}: permission denied"


def test_file_over_the_cap_is_refused(make_fetcher: MakeFetcher, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1025)

    message = fetch_error(make_fetcher(max_bytes=1024), str(big))

    assert message == f"{big}: file larger than 1 KiB"


def test_file_at_the_cap_is_read(make_fetcher: MakeFetcher, tmp_path: Path) -> None:
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"x" * 1024)

    assert make_fetcher(max_bytes=1024).fetch(str(exact)).data == b"x" * 1024


def test_file_url_naming_another_computer_is_refused(fetcher: Fetcher) -> None:
    message = fetch_error(fetcher, "file://fileserver/share/schedule.ics")

    assert message.endswith("file URLs naming another computer are not supported")
