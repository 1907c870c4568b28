"""accounts.json and settings.json as a hostile hand might leave them: one line each.

Found by the acceptance audit of issue 12: garbage bytes and UTF-16 were
"unexpected UnicodeDecodeError", deep brackets "unexpected RecursionError", a
FIFO blocked every command forever, and 300 MB were read into memory whole.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from mailguard.core.errors import ConfigError
from mailguard.store.account_store import AccountStore
from mailguard.store.settings_store import SettingsStore

STORES: dict[str, Callable[[Path], object]] = {
    "accounts.json": lambda folder: AccountStore(folder).all(),
    "settings.json": lambda folder: SettingsStore(folder).load(),
}


def _write(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


@pytest.mark.parametrize("name", STORES)
@pytest.mark.parametrize(
    ("make", "said"),
    [
        (_write(b"\x00\xff\xfe garbage"), "is damaged (not UTF-8 text)"),
        (_write('{"accounts": []}'.encode("utf-16")), "is damaged (not UTF-8 text)"),
        (_write(b"[" * 200_000 + b"]" * 200_000), "is damaged (nested too deeply)"),
        (_write(b" " * (1024 * 1024) + b"{}"), "is damaged (larger than 1 MiB)"),
        (os.mkfifo, "cannot read {path}: not a regular file"),
    ],
    ids=["binary", "utf-16", "deeply-nested", "huge", "fifo"],
)
def test_a_config_file_that_is_no_json_of_ours_is_one_line(
    tmp_path: Path, name: str, make: Callable[[Path], None], said: str
) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(ConfigError) as caught:
        STORES[name](tmp_path)
    message = str(caught.value)
    assert said.format(path=path) in message
    assert str(path) in message
    assert "\n" not in message


@pytest.mark.parametrize("name", STORES)
def test_a_utf8_byte_order_mark_is_read_past(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + b'{"version": 1, "accounts": []}')
    STORES[name](tmp_path)
