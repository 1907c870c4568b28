"""An IMAP account as the user configured it (never with its password)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from mailguard.core.errors import UsageError
from mailguard.core.schedule_source import ScheduleSource


class Security(StrEnum):
    """How the connection is protected."""

    SSL = "ssl"  # implicit TLS, port 993
    STARTTLS = "starttls"  # plain connect, then STARTTLS (port 143)
    NONE = "none"  # only for loopback hosts: nothing but tests and local bridges

    @property
    def default_port(self) -> int:
        return 993 if self is Security.SSL else 143


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class AccountConfig:
    """Connection settings for one account; the password lives only in the keyring."""

    name: str
    host: str
    user: str
    security: Security = Security.SSL
    port: int = 0  # 0: the security mode's default
    ca_file: Path | None = None
    fingerprint: str | None = None  # pinned SHA-256 of the server certificate, hex
    sources: tuple[str, ...] = field(default=())
    #: How to read each source. Given, it wins and ``sources`` becomes its locations;
    #: else it is made from ``sources``, so code that knows only locations keeps working.
    schedule_sources: tuple[ScheduleSource, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.schedule_sources:
            object.__setattr__(self, "sources", tuple(s.location for s in self.schedule_sources))
        else:
            object.__setattr__(
                self, "schedule_sources", tuple(ScheduleSource(s) for s in self.sources)
            )
        if not self.name or any(c in self.name for c in "/\\\n\r\t"):
            raise UsageError(f"invalid account name {self.name!r}")
        if self.security is Security.NONE and not is_loopback(self.host):
            raise UsageError(
                f"security 'none' sends the password in clear text; it is only allowed "
                f"for loopback hosts, not {self.host}"
            )
        if not 0 <= self.port <= 65535:
            raise UsageError(f"invalid port {self.port}")

    @property
    def effective_port(self) -> int:
        return self.port or self.security.default_port
