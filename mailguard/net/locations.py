"""What a schedule location is (web URL, file URL or path) and how to show it safely.

Users may put credentials in a URL (``https://user:pw@host/feed``). They are
needed for the request, but must never reach a message, a log or the cache,
so everything shown or stored goes through :func:`display_location`.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote
from urllib.request import url2pathname

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_REMOTE_SCHEMES = frozenset({"http", "https"})


def url_scheme(location: str) -> str | None:
    """The lower-cased scheme of a ``scheme://`` URL, or None for a filesystem path.

    Only ``scheme://`` counts as a URL, so a Windows path like ``C:\\x`` stays a path.
    """
    match = _SCHEME.match(location)
    return match.group(1).lower() if match else None


def is_remote(location: str) -> bool:
    """Is ``location`` an http(s) URL (fetched over the network, cached)?"""
    return url_scheme(location) in _REMOTE_SCHEMES


def _split_authority(location: str) -> tuple[str, str, str, str]:
    """``(scheme://, userinfo, host[:port], rest)``; the authority ends at the first / ? or #."""
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


def display_location(location: str) -> str:
    """``location`` without any ``user:password@``, for messages and storage.

    Control characters are escaped (``\\r``, ``\\n``, ``\\x1b``): a CR LF pasted into
    a URL must not break the one-line error, nor a terminal escape reach the screen.
    """
    scheme, _, host, rest = _split_authority(location)
    return escape_controls(scheme + host + rest)


def masked_location(location: str) -> str:
    """``location`` with its password (or a lone token) as ``***``, for listing a source.

    Unlike :func:`display_location` the user name stays, so two sources that differ
    only in it can still be told apart: ``https://jo:***@status.example/feed``.
    """
    scheme, userinfo, host, rest = _split_authority(location)
    if userinfo:
        user, has_password, _ = userinfo.partition(":")
        userinfo = f"{user}:***@" if has_password else "***@"
    return escape_controls(scheme + userinfo + host + rest)


def escape_controls(text: str) -> str:
    """``text`` with every control character written as its Python escape."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode() for char in text
    )


def cache_key(location: str) -> str:
    """The normalized form two spellings of one URL share: no credentials, no fragment.

    Scheme and host are case-insensitive; path and query are not.
    """
    scheme, _, host, rest = _split_authority(location)
    rest = rest.partition("#")[0]
    if not rest.startswith("/"):
        rest = "/" + rest
    return scheme.lower() + host.lower() + rest


def request_url(location: str) -> str:
    """The URL to send: credentials go in a header instead (see :func:`auth_headers`)."""
    return display_location(location).partition("#")[0]


def auth_headers(location: str) -> dict[str, str]:
    """A Basic ``Authorization`` header for credentials embedded in the URL, if any."""
    _, userinfo, _, _ = _split_authority(location)
    if not userinfo:
        return {}
    # Deferred: only a download needs it, and importing urllib3 cost ~35 ms of each
    # snapshot/resync (python -X importtime), most of which read no web source.
    from urllib3.util import make_headers  # noqa: PLC0415

    user, _, password = userinfo.partition(":")
    return make_headers(basic_auth=f"{unquote(user)}:{unquote(password)}")


def file_url_path(location: str) -> Path | None:
    """The local path a ``file://`` URL names, or None when it names another host."""
    _, _, host, rest = _split_authority(location)
    if host not in ("", "localhost"):
        return None
    return Path(url2pathname(rest.partition("#")[0].partition("?")[0]))
