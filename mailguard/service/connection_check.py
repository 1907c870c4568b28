"""Test connection: log in as an account would and list what the server offers.

A certificate that cannot be verified is read again without verifying it (no
login, nothing sent but STARTTLS where used), so the user can compare its
SHA-256 with the one the provider publishes and pin it.
"""

from __future__ import annotations

import contextlib
import hashlib
import imaplib
import ssl
from dataclasses import dataclass

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import TlsFailure
from mailguard.imap.session import ImapSession

#: Capabilities that make a resync incremental (RFC 7162) and new mail noticed at once (RFC 2177).
INCREMENTAL = frozenset({"CONDSTORE", "QRESYNC"})
IDLE = "IDLE"


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """The server's answer after a successful login."""

    capabilities: tuple[str, ...]  # upper case, sorted

    @property
    def incremental(self) -> bool:
        return set(self.capabilities) >= INCREMENTAL

    @property
    def idle(self) -> bool:
        return IDLE in self.capabilities


class UntrustedCertificate(TlsFailure):
    """The certificate failed verification; ``fingerprint`` (SHA-256, hex) is the one presented."""

    def __init__(self, reason: str, fingerprint: str) -> None:
        super().__init__(f"{reason}; it presented SHA-256 {colon_hex(fingerprint)}")
        self.reason = reason
        self.fingerprint = fingerprint


def check_connection(
    config: AccountConfig, password: str, *, timeout_s: float = 30.0
) -> ConnectionCheck:
    """Connect, verify, log in and log out; UntrustedCertificate carries what to pin."""
    try:
        with ImapSession(config, password, timeout_s=timeout_s) as session:
            return ConnectionCheck(tuple(sorted(session.capabilities)))
    except TlsFailure as exc:
        fingerprint = presented_fingerprint(config, timeout_s=timeout_s)
        if fingerprint is None:
            raise
        raise UntrustedCertificate(str(exc), fingerprint) from exc


def presented_fingerprint(config: AccountConfig, *, timeout_s: float = 30.0) -> str | None:
    """The SHA-256 (hex) of the certificate the server presents, unverified; None if none."""
    if config.security is Security.NONE:
        return None
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # read only, to show the user: nothing is sent
    try:
        client = IMAPClient(
            config.host,
            port=config.effective_port,
            ssl=config.security is Security.SSL,
            ssl_context=context,
            timeout=timeout_s,
        )
    except (OSError, imaplib.IMAP4.error):
        return None
    try:
        if config.security is Security.STARTTLS:
            client.starttls(context)
        sock = client.socket()
        der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
    except (OSError, imaplib.IMAP4.error, IMAPClientError):
        return None
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error, IMAPClientError):
            client.shutdown()
    return hashlib.sha256(der).hexdigest() if der else None


def colon_hex(fingerprint: str) -> str:
    """``ab12…`` → ``AB:12:…``, the way browsers and ``openssl x509 -fingerprint`` show it."""
    digits = fingerprint.replace(":", "").upper()
    return ":".join(digits[i : i + 2] for i in range(0, len(digits), 2))
