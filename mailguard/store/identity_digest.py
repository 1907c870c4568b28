"""Which Message-IDs a baseline surely lacks, answered without reading it.

A refresh asks the baseline for every copy of the messages that changed,
by Message-ID, across all folders: a move shows up as a message gone here
and the same message new there. Without an index that is a scan of the whole
baseline (measured ~40 ms for 100,000 messages, a tenth of a resync), and an
index on Message-ID costs every snapshot ~0.12 s. Usually the changed
messages are new mail the baseline never held, so each baseline keeps the
CRC-32s of its Message-IDs (4 bytes a message, ~20 ms to collect for 100,000
while the snapshot is stored): a Message-ID whose CRC is not among them is
not in the baseline, and the scan runs only for the others (for 1,000 new
messages against 100,000 stored, a CRC collision makes one run 2% of the time).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable
from zlib import crc32

#: An array type code of 4-byte items (``I`` on every platform CPython runs on today).
_CODE = next(code for code in "ILH" if array(code).itemsize == 4)


def message_id_crcs() -> array[int]:
    """An empty collection of CRCs, filled with :func:`message_id_crc` as messages are stored."""
    return array(_CODE)


def message_id_crc(message_id: str) -> int:
    return crc32(message_id.encode())


def pack(parts: Iterable[array[int]]) -> bytes:
    """The stored form of a baseline's CRCs: 4 bytes each, little-endian, in no order."""
    crcs = array(_CODE)
    for part in parts:
        crcs.extend(part)
    if sys.byteorder == "big":
        crcs.byteswap()
    return crcs.tobytes()


class IdentityDigest:
    """A stored baseline's CRCs (from :func:`pack`), as a set to ask (made on first use)."""

    __slots__ = ("_crcs", "_packed")

    def __init__(self, packed: bytes) -> None:
        self._packed = packed
        self._crcs: frozenset[int] | None = None

    def possibly_present(self, message_ids: Iterable[str]) -> list[str]:
        """The Message-IDs the baseline may hold; any other it surely does not."""
        crcs = self._crcs
        if crcs is None:  # ~8 ms for 100,000: paid by a refresh that asks, cheaper than sorting
            found = array(_CODE)
            found.frombytes(self._packed)
            if sys.byteorder == "big":
                found.byteswap()
            crcs = self._crcs = frozenset(found)
        return [m for m in message_ids if message_id_crc(m) in crcs]
