"""Only regular files are read as schedules; anything else is refused at once, in one line.

A FIFO blocked ``open()`` until someone wrote to it, forever; a device never
ends or waits for a person. Paths too long for the system are refused too.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from mailguard.core.errors import FetchError
from mailguard.net.fetcher import Fetcher


def fifo(folder: Path) -> Path:
    path = folder / "schedule.fifo"
    os.mkfifo(path)
    return path


def unix_socket(folder: Path) -> Path:
    path = folder / "schedule.sock"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    listener.close()  # the socket file stays
    return path


def fetch_error_in_time(fetcher: Fetcher, location: str) -> str:
    """The FetchError, from a thread: a fetch that blocks fails the test instead of hanging it."""
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            fetcher.fetch(location)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(timeout=10)
    assert outcome, f"fetching {location} was still blocked after 10 s"
    error = outcome[0]
    assert isinstance(error, FetchError), error
    assert "\n" not in str(error)
    return str(error)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (fifo, "is a FIFO (named pipe), not a regular file"),
        (unix_socket, "is a socket, not a regular file"),
        (lambda _: Path("/dev/zero"), "is a device, not a regular file"),
        (lambda _: Path("/dev/null"), "is a device, not a regular file"),
    ],
    ids=["fifo", "socket", "dev-zero", "dev-null"],
)
@pytest.mark.parametrize("as_url", [False, True], ids=["path", "file-url"])
def test_what_is_not_a_regular_file_is_refused_without_waiting(
    fetcher: Fetcher, tmp_path: Path, make: Callable[[Path], Path], reason: str, as_url: bool
) -> None:
    path = make(tmp_path)
    location = path.as_uri() if as_url else str(path)

    assert fetch_error_in_time(fetcher, location) == f"{location}: {reason}"


def test_a_symlink_to_a_fifo_is_refused_too(fetcher: Fetcher, tmp_path: Path) -> None:
    link = tmp_path / "schedule.ics"
    link.symlink_to(fifo(tmp_path))

    assert fetch_error_in_time(fetcher, str(link)).endswith(
        "is a FIFO (named pipe), not a regular file"
    )


@pytest.mark.parametrize(
    "name", ["x" * 300, "x/" * 3000], ids=["one-name-too-long", "path-too-long"]
)
def test_a_path_too_long_is_one_line(fetcher: Fetcher, tmp_path: Path, name: str) -> None:
    location = str(tmp_path / name)

    message = fetch_error_in_time(fetcher, location)

    assert message.endswith(": the path is too long")
    assert len(message) < 200  # the name's middle left out: one line that fits a terminal
    assert message.startswith(str(tmp_path))  # where it starts and ends is still told
    assert location[-40:] + ": the path" in message


def test_a_file_inside_a_file_is_not_found(fetcher: Fetcher, tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("x")
    location = str(tmp_path / "plain.txt" / "inner.ics")

    assert fetch_error_in_time(fetcher, location) == (
        f"{location}: file not found (a folder on the way is a file)"
    )
