"""Which parts of a source URL are secrets: the password in it, and secret query values.

``https://bob:hunter2@host/feed?token=abc`` has two: ``hunter2`` and ``abc``.
Listings show them as ``***``; ``accounts.json`` keeps only that secret-free
form, and the keyring the secrets, each under its *slot* (``@`` for the URL's
password, ``?token`` for a query parameter), so that the secrets can be put
back into the secret-free form, even after its non-secret parts were edited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote_plus

from mailguard.core.errors import ConfigError

PLACEHOLDER = "***"

#: Query parameters whose values are secrets, compared in lower case with ``-`` as ``_``.
SECRET_PARAMETERS = frozenset(
    {
        "access_token",
        "api_key",
        "apikey",
        "auth",
        "auth_token",
        "client_secret",
        "code",
        "id_token",
        "key",
        "pass",
        "passwd",
        "password",
        "private_token",
        "pwd",
        "refresh_token",
        "secret",
        "sig",
        "signature",
        "token",
        "x_amz_credential",
        "x_amz_security_token",
        "x_amz_signature",
        "x_api_key",
    }
)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")

#: The slot of a URL's password (or of a lone ``token@`` before the host).
USERINFO_SLOT = "@"


def split_authority(location: str) -> tuple[str, str, str, str]:
    """``(scheme://, userinfo, host[:port], rest)``; the authority ends at the first / ? or #.

    A filesystem path (no ``scheme://``) is all ``rest``.
    """
    head = _SCHEME.match(location)
    if head is None:
        return "", "", "", location
    start = head.end()
    end = len(location)
    for stop in "/?#":
        found = location.find(stop, start)
        if found != -1:
            end = min(end, found)
    userinfo, _, host = location[start:end].rpartition("@")
    return location[:start], userinfo, host, location[end:]


def is_secret_parameter(name: str) -> bool:
    return unquote_plus(name).strip().lower().replace("-", "_") in SECRET_PARAMETERS


@dataclass(frozen=True, slots=True)
class _Part:
    slot: str
    start: int
    end: int


def _secret_parts(location: str) -> Iterator[_Part]:
    """Where the secrets are in ``location``, in order; none in a path (its ``?`` is a name's)."""
    scheme, userinfo, host, rest = split_authority(location)
    if not scheme:
        return
    start = len(scheme)
    user, colon, password = userinfo.partition(":")
    if colon and password:
        yield _Part(USERINFO_SLOT, start + len(user) + 1, start + len(userinfo))
    elif userinfo and not colon:  # a lone token (``https://TOKEN@host``)
        yield _Part(USERINFO_SLOT, start, start + len(userinfo))
    offset = start + (len(userinfo) + 1 if userinfo else 0) + len(host)
    query_start = rest.find("?")
    fragment_start = rest.find("#")
    if query_start == -1 or -1 < fragment_start < query_start:
        return
    query_end = fragment_start if fragment_start != -1 else len(rest)
    position = offset + query_start + 1
    for pair in rest[query_start + 1 : query_end].split("&"):
        name, equals, value = pair.partition("=")
        if equals and value and is_secret_parameter(name):
            slot = f"?{unquote_plus(name).strip().lower()}"
            value_start = position + len(name) + 1
            yield _Part(slot, value_start, value_start + len(value))
        position += len(pair) + 1


def without_secrets(location: str) -> str:
    """``location`` with each secret as ``***`` (the form listed and kept in accounts.json)."""
    return _replaced(location, (PLACEHOLDER for _ in _secret_parts(location)))


def has_secrets(location: str) -> bool:
    """Does ``location`` hold a secret itself (not only ``***`` where one belongs)?"""
    return any(location[p.start : p.end] != PLACEHOLDER for p in _secret_parts(location))


def has_placeholders(location: str) -> bool:
    """Does ``location`` have a ``***`` where a secret belongs (one kept in the keyring)?"""
    return any(location[p.start : p.end] == PLACEHOLDER for p in _secret_parts(location))


def secrets_of(location: str) -> list[tuple[str, str]]:
    """``(slot, secret)`` of each secret in ``location``, in order (``***`` ones included)."""
    return [(p.slot, location[p.start : p.end]) for p in _secret_parts(location)]


def with_secrets(location: str, secrets: Iterable[tuple[str, str]]) -> str:
    """``location`` with each ``***`` filled by the next secret of its slot.

    A ConfigError (naming the slot, never a secret) if a ``***`` has none.
    """
    by_slot: dict[str, list[str]] = {}
    for slot, secret in secrets:
        by_slot.setdefault(slot, []).append(secret)
    filled: list[str] = []
    for part in _secret_parts(location):
        value = location[part.start : part.end]
        if value == PLACEHOLDER:
            kept = by_slot.get(part.slot)
            if not kept:
                what = "password" if part.slot == USERINFO_SLOT else f"{part.slot[1:]!r} value"
                raise ConfigError(f"no {what} is kept for {without_secrets(location)}")
            value = kept.pop(0)
        filled.append(value)
    return _replaced(location, iter(filled))


def _replaced(location: str, values: Iterator[str]) -> str:
    pieces: list[str] = []
    last = 0
    for part in list(_secret_parts(location)):
        pieces += [location[last : part.start], next(values)]
        last = part.end
    return "".join(pieces) + location[last:]
