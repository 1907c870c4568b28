"""The on-disk copy of the last good download: private, atomic, never half-read."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailguard.core.errors import FetchError
from mailguard.net import Fetched
from mailguard.net.cache import SourceCache
from mailguard.net.fetcher import Fetcher

ROOT = Path(__file__).resolve().parents[2]
URL = "https://status.example.com/api/v2/scheduled-maintenances.json"


def good_copy(data: bytes = b'{"scheduled_maintenances": []}', **changes: object) -> Fetched:
    fields: dict[str, object] = {
        "location": URL,
        "data": data,
        "from_cache": False,
        "fetched_at": datetime(2026, 3, 1, 12, 0, tzinfo=UTC),
        "etag": '"abc"',
        "last_modified": "Sun, 01 Mar 2026 11:00:00 GMT",
        "content_type": "application/json",
        "not_modified": False,
    }
    fields.update(changes)
    return Fetched(**fields)  # type: ignore[arg-type]


def only_file(directory: Path, suffix: str) -> Path:
    (path,) = directory.glob(f"*{suffix}")
    return path


def test_remembered_copy_is_stored_as_body_and_metadata(fetcher: Fetcher, cache_dir: Path) -> None:
    fetcher.remember(good_copy())

    names = sorted(path.name for path in cache_dir.iterdir())
    assert [Path(name).suffix for name in names] == [".body", ".json"]
    assert Path(names[0]).stem == Path(names[1]).stem
    assert only_file(cache_dir, ".body").read_bytes() == good_copy().data
    meta = json.loads(only_file(cache_dir, ".json").read_text())
    assert meta["location"] == URL
    assert meta["etag"] == '"abc"'
    assert meta["last_modified"] == "Sun, 01 Mar 2026 11:00:00 GMT"
    assert meta["content_type"] == "application/json"
    assert datetime.fromisoformat(meta["fetched_at"]) == good_copy().fetched_at


def test_cache_is_private_to_the_user(fetcher: Fetcher, cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o755)
    cache_dir.chmod(0o755)

    fetcher.remember(good_copy())

    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    for path in cache_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_newer_copy_replaces_the_older_one(fetcher: Fetcher, cache_dir: Path) -> None:
    fetcher.remember(good_copy(b"old"))
    fetcher.remember(good_copy(b"new", etag='"def"'))

    copy = fetcher.cached(URL)

    assert copy is not None
    assert (copy.data, copy.etag) == (b"new", '"def"')
    assert len(list(cache_dir.iterdir())) == 2


def test_body_that_does_not_match_its_metadata_is_no_copy(
    fetcher: Fetcher, cache_dir: Path
) -> None:
    """What a non-atomic writer killed halfway would leave: a short body."""
    fetcher.remember(good_copy(b"x" * 1000))
    body = only_file(cache_dir, ".body")
    body.write_bytes(body.read_bytes()[:500])

    assert fetcher.cached(URL) is None


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        "[]",
        '{"format": 1}',
        '{"format": 99, "location": "' + URL + '"}',
    ],
)
def test_unreadable_metadata_is_no_copy(fetcher: Fetcher, cache_dir: Path, damage: str) -> None:
    fetcher.remember(good_copy())
    only_file(cache_dir, ".json").write_text(damage)

    assert fetcher.cached(URL) is None


def test_validator_with_control_characters_is_no_copy(fetcher: Fetcher, cache_dir: Path) -> None:
    """A tampered ETag must not be able to inject request headers."""
    fetcher.remember(good_copy())
    meta_path = only_file(cache_dir, ".json")
    meta = json.loads(meta_path.read_text())
    meta["etag"] = '"abc"\r\nX-Injected: 1'
    meta_path.write_text(json.dumps(meta))

    assert fetcher.cached(URL) is None


def test_leftover_temp_files_are_ignored(fetcher: Fetcher, cache_dir: Path) -> None:
    fetcher.remember(good_copy(b"good"))
    body = only_file(cache_dir, ".body")
    (cache_dir / f".{body.name}.k1ll3d.tmp").write_bytes(b"half a bo")

    copy = fetcher.cached(URL)

    assert copy is not None
    assert copy.data == b"good"


WRITER = """
import sys
from pathlib import Path
from mailguard.net.cache import SourceCache
from mailguard.net.fetcher import Fetcher
from tests.net.test_cache import good_copy
fetcher = Fetcher(Path(sys.argv[1]))
for n in range(10_000):
    fetcher.remember(good_copy(bytes([65 + n % 26]) * int(sys.argv[2]), etag=str(n)))
"""


@pytest.mark.parametrize("run_s", [0.0, 0.07])
def test_killed_writer_never_leaves_a_partial_copy(cache_dir: Path, run_s: float) -> None:
    """Kill a process while it rewrites a large copy over and over.

    Each file left is whole; the copy read back is one write's body with that
    write's metadata, or none at all if the kill fell between the two renames.
    """
    size = 4 * 1024 * 1024
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(cache_dir), str(size)], cwd=ROOT)
    deadline = time.monotonic() + 10
    while not any(cache_dir.glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(run_s)
    writer.kill()
    writer.wait()

    assert only_file(cache_dir, ".body").stat().st_size == size
    json.loads(only_file(cache_dir, ".json").read_text())
    copy = Fetcher(cache_dir).cached(URL)
    if copy is not None:
        assert copy.etag is not None
        assert copy.data == bytes([65 + int(copy.etag) % 26]) * size


def test_temp_files_left_by_a_long_dead_writer_are_cleaned_up(
    fetcher: Fetcher, cache_dir: Path
) -> None:
    fetcher.remember(good_copy(b"first"))
    stem = only_file(cache_dir, ".body").stem
    old = cache_dir / f".{stem}.body.dead.tmp"
    recent = cache_dir / f".{stem}.body.busy.tmp"
    for temp in (old, recent):
        temp.write_bytes(b"half")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))

    fetcher.remember(good_copy(b"second"))

    assert not old.exists()
    assert recent.exists()


def test_cache_that_cannot_be_written_is_a_one_line_error(tmp_path: Path) -> None:
    in_the_way = tmp_path / "cache"
    in_the_way.write_text("a file where the cache folder should be")

    with pytest.raises(FetchError) as caught:
        Fetcher(in_the_way).remember(good_copy(location=URL.replace("://", "://u:pw@")))

    message = str(caught.value)
    assert message.startswith(f"{URL}: could not save the cached copy")
    assert "\n" not in message
    assert "pw@" not in message


def test_a_forgotten_copy_is_gone_and_other_copies_stay(cache_dir: Path) -> None:
    cache = SourceCache(cache_dir)
    cache.store(good_copy())
    other = "https://status.example.com/other.json"
    cache.store(good_copy(location=other))

    assert cache.forget("https://user:pw@STATUS.example.com/api/v2/scheduled-maintenances.json")
    assert cache.load(URL) is None
    assert cache.load(other) is not None
    assert len(list(cache_dir.iterdir())) == 2  # the other's body and metadata
    assert cache.forget(URL) is False
