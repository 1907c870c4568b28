"""What a schedule location is (web URL, file URL or path) and how to show it safely.

Users may put credentials in a URL (``https://user:pw@host/feed``, or
``?token=…``). They are needed for the request, but must never reach a message,
a log or the cache, so everything shown or stored goes through
:func:`display_location` or :func:`masked_location` (which parts are secret:
:mod:`mailguard.core.location_secrets`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote
from urllib.request import url2pathname

from mailguard.core.location_secrets import split_authority, without_secrets

_REMOTE_SCHEMES = frozenset({"http", "https"})


def url_scheme(location: str) -> str | None:
    """The lower-cased scheme of a ``scheme://`` URL, or None for a filesystem path.

    Only ``scheme://`` counts as a URL, so a Windows path like ``C:\\x`` stays a path.
    """
    scheme = split_authority(location)[0]
    return scheme[:-3].lower() if scheme else None


def is_remote(location: str) -> bool:
    """Is ``location`` an http(s) URL (fetched over the network, cached)?"""
    return url_scheme(location) in _REMOTE_SCHEMES


def display_location(location: str) -> str:
    """``location`` without any ``user:password@`` and secret query values as ``***``,
    for messages and storage.

    Control characters are escaped (``\\r``, ``\\n``, ``\\x1b``): a CR LF pasted into
    a URL must not break the one-line error, nor a terminal escape reach the screen.
    """
    return escape_controls(_without_userinfo(without_secrets(location)))


def masked_location(location: str) -> str:
    """``location`` with its password (or a lone token) and secret query values as ``***``,
    for listing a source.

    Unlike :func:`display_location` the user name stays, so two sources that differ
    only in it can still be told apart: ``https://jo:***@status.example/feed?key=***``.
    """
    return escape_controls(without_secrets(location))


def _without_userinfo(location: str) -> str:
    scheme, _, host, rest = split_authority(location)
    return scheme + host + rest


def escape_controls(text: str) -> str:
    """``text`` with every control character written as its Python escape."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode() for char in text
    )


def cache_key(location: str) -> str:
    """The normalized form two spellings of one URL share: no credentials, no fragment.

    Scheme and host are case-insensitive; path and query are not. Secret query
    values are left out too: the URL as fetched and as kept in accounts.json
    (``?token=***``) share one cached copy.
    """
    scheme, _, host, rest = split_authority(without_secrets(location))
    rest = rest.partition("#")[0]
    if not rest.startswith("/"):
        rest = "/" + rest
    return scheme.lower() + host.lower() + rest


def request_url(location: str) -> str:
    """The URL to send, its query whole: credentials go in a header (see :func:`auth_headers`)."""
    return escape_controls(_without_userinfo(location)).partition("#")[0]


def auth_headers(location: str) -> dict[str, str]:
    """A Basic ``Authorization`` header for credentials embedded in the URL, if any."""
    _, userinfo, _, _ = split_authority(location)
    if not userinfo:
        return {}
    # Deferred: only a download needs it, and importing urllib3 cost ~35 ms of each
    # snapshot/resync (python -X importtime), most of which read no web source.
    from urllib3.util import make_headers  # noqa: PLC0415

    user, _, password = userinfo.partition(":")
    return make_headers(basic_auth=f"{unquote(user)}:{unquote(password)}")


def file_url_path(location: str) -> Path | None:
    """The local path a ``file://`` URL names, or None when it names another host."""
    _, _, host, rest = split_authority(location)
    if host not in ("", "localhost"):
        return None
    return Path(url2pathname(rest.partition("#")[0].partition("?")[0]))
