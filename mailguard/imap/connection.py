"""Opening a logged-in IMAP connection, with every failure said in one line for a user.

TLS is verified as a browser would (system CAs, host name), or against the
account's own CA file, or, for a self-signed server, against a pinned SHA-256
fingerprint of its certificate. Either way the password is sent only after the
server has proven who it is, and it never appears in an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import imaplib
import socket
import ssl
from collections.abc import Iterable

from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import (
    AuthenticationFailed,
    ConfigError,
    ConnectionLost,
    ImapError,
    MissingCapability,
    ServerUnreachable,
    TlsFailure,
)

#: What every server must offer; the rest (CONDSTORE, QRESYNC, IDLE) is optional.
REQUIRED_CAPABILITIES = ("IMAP4REV1",)

# OpenSSL X509_V_ERR_* codes (x509_vfy.h) that get their own message.
_EXPIRED = {10}  # CERT_HAS_EXPIRED
_NOT_YET_VALID = {9}
_WRONG_HOST = {62, 63, 64}  # HOSTNAME_MISMATCH, EMAIL_MISMATCH, IP_ADDRESS_MISMATCH
_UNKNOWN_CA = {2, 18, 19, 20, 21}  # unknown issuer, self-signed (leaf or in chain)


def open_client(
    config: AccountConfig,
    password: str,
    *,
    timeout_s: float = 30.0,
    required: Iterable[str] = REQUIRED_CAPABILITIES,
) -> IMAPClient:
    """Connect as ``config`` says, verify the server, log in, check capabilities.

    Raises ServerUnreachable, TlsFailure, AuthenticationFailed or MissingCapability.
    """
    address = f"{config.host}:{config.effective_port}"
    context = tls_context(config) if config.security is not Security.NONE else None
    client = _connect(config, context, address, timeout_s)
    try:
        if config.security is Security.STARTTLS:
            _starttls(client, context, address)
        if config.fingerprint:
            check_fingerprint(client, config.fingerprint, address)
        _login(client, config, password, address)
        _require(client, required, address)
    except BaseException:
        _close_quietly(client)
        raise
    return client


def tls_context(config: AccountConfig) -> ssl.SSLContext:
    """Verification on; the account's CA file alone if it has one; none if a fingerprint is pinned.

    With a pin, the chain and name are not checked by OpenSSL: the certificate is
    compared with the pin right after the handshake, before anything is sent.
    """
    if config.fingerprint:
        normalize_fingerprint(config.fingerprint)  # a malformed pin fails before connecting
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    if config.ca_file is not None:
        try:
            return ssl.create_default_context(cafile=str(config.ca_file))
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(f"cannot read the CA file {config.ca_file}: {_reason(exc)}") from exc
    return ssl.create_default_context()


def normalize_fingerprint(fingerprint: str) -> str:
    """``"AB:cd:..."`` → ``"abcd..."``; anything but 64 hex digits is a ConfigError."""
    cleaned = fingerprint.replace(":", "").replace(" ", "").strip().lower()
    if len(cleaned) != 64 or any(c not in "0123456789abcdef" for c in cleaned):
        raise ConfigError(
            "a pinned fingerprint must be the SHA-256 of the certificate (64 hex digits)"
        )
    return cleaned


def check_fingerprint(client: IMAPClient, fingerprint: str, address: str) -> None:
    """Compare the server certificate's SHA-256 with the pin; TlsFailure on mismatch."""
    sock = client.socket()
    der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
    if not der:
        raise TlsFailure(
            f"{address} presented no certificate to compare with the pinned fingerprint"
        )
    actual = hashlib.sha256(der).hexdigest()
    if not hmac.compare_digest(actual, normalize_fingerprint(fingerprint)):
        raise TlsFailure(
            f"the certificate of {address} does not match the pinned fingerprint "
            f"(it has {_colons(actual)}); if the server changed its certificate, pin the new one"
        )


def _connect(
    config: AccountConfig, context: ssl.SSLContext | None, address: str, timeout_s: float
) -> IMAPClient:
    try:
        return IMAPClient(
            config.host,
            port=config.effective_port,
            ssl=config.security is Security.SSL,
            ssl_context=context,
            timeout=timeout_s,
        )
    except ssl.SSLCertVerificationError as exc:
        raise tls_failure(exc, address) from exc
    except (ssl.SSLEOFError, ssl.SSLZeroReturnError) as exc:  # gone, not untrusted
        raise ServerUnreachable(
            f"{address} closed the connection during the TLS handshake"
        ) from exc
    except ssl.SSLError as exc:
        raise TlsFailure(f"the TLS handshake with {address} failed: {_reason(exc)}") from exc
    except socket.gaierror as exc:
        raise ServerUnreachable(f"host not found: {config.host}") from exc
    except ConnectionRefusedError as exc:
        raise ServerUnreachable(f"connection refused by {address}") from exc
    except TimeoutError as exc:
        raise ServerUnreachable(f"no answer from {address} within {timeout_s:g} s") from exc
    except OSError as exc:
        raise ServerUnreachable(f"cannot reach {address}: {_reason(exc)}") from exc
    except imaplib.IMAP4.error as exc:  # no greeting, or a BYE instead of one
        raise ServerUnreachable(
            f"{address} did not accept an IMAP session: {_reason(exc)}"
        ) from exc


def _starttls(client: IMAPClient, context: ssl.SSLContext | None, address: str) -> None:
    if b"STARTTLS" not in client.capabilities():
        raise MissingCapability(f"{address} does not offer STARTTLS; use security 'ssl'")
    try:
        client.starttls(context)
    except ssl.SSLCertVerificationError as exc:
        raise tls_failure(exc, address) from exc
    except (ssl.SSLEOFError, ssl.SSLZeroReturnError) as exc:
        raise ServerUnreachable(f"{address} closed the connection during STARTTLS") from exc
    except ssl.SSLError as exc:
        raise TlsFailure(f"the TLS handshake with {address} failed: {_reason(exc)}") from exc
    except (OSError, imaplib.IMAP4.error) as exc:
        raise ServerUnreachable(f"STARTTLS with {address} failed: {_reason(exc)}") from exc


def _login(client: IMAPClient, config: AccountConfig, password: str, address: str) -> None:
    capabilities = {c.upper() for c in client.capabilities()}
    if b"LOGINDISABLED" in capabilities:
        raise MissingCapability(
            f"{address} refuses to log in on an unencrypted connection (LOGINDISABLED); "
            "use security 'ssl' or 'starttls'"
        )
    try:
        if b"AUTH=PLAIN" in capabilities:
            # SASL PLAIN carries UTF-8 (RFC 4616); LOGIN's arguments are ASCII only in imaplib.
            client.plain_login(config.user, password)
        else:
            client.login(config.user, password)
    except UnicodeEncodeError as exc:
        raise AuthenticationFailed(
            f"{address} offers only LOGIN, which cannot carry a user name or password "
            "with non-ASCII characters"
        ) from exc
    except LoginError as exc:
        # imapclient turns every failure of the command into LoginError; what it caught says
        # which: imaplib's abort is the connection going away, its error the server's NO/BAD.
        cause = exc.__context__
        if isinstance(cause, imaplib.IMAP4.abort | OSError):
            raise _dropped_during_login(cause, address) from exc
        # imaplib's message holds the server's answer, never the command we sent.
        if "[UNAVAILABLE]" in str(exc):
            raise ServerUnreachable(
                f"{address} cannot check passwords right now (maintenance?); try again later"
            ) from exc
        raise AuthenticationFailed(
            f"the server rejected the user name or password for {config.user} at {address}"
        ) from exc
    except (OSError, imaplib.IMAP4.error) as exc:
        raise _dropped_during_login(exc, address) from exc


def _dropped_during_login(exc: BaseException, address: str) -> ConnectionLost:
    """Not a wrong password: the connection went away (or went silent) before the server
    answered."""
    retried = "(not a password problem; it is tried again like any network failure)"
    if _caused_by(exc, TimeoutError, "timed out"):
        return ConnectionLost(f"{address} did not answer the login in time {retried}")
    how = "reset" if _caused_by(exc, ConnectionResetError, "reset") else "closed"
    return ConnectionLost(
        f"the connection to {address} was {how} during login, before the server answered " + retried
    )


def _caused_by(exc: BaseException, kind: type[BaseException], words: str) -> bool:
    """``exc`` or what led to it is a ``kind``, or says ``words`` (imaplib rewraps errors)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind) or words in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _require(client: IMAPClient, required: Iterable[str], address: str) -> None:
    offered = {c.decode("ascii", "replace").upper() for c in client.capabilities()}
    missing = sorted({r.upper() for r in required} - offered)
    if missing:
        raise MissingCapability(f"{address} lacks the IMAP capability {', '.join(missing)}")


def tls_failure(exc: ssl.SSLCertVerificationError, address: str) -> TlsFailure:
    """Say which verification failed: expired, wrong host, or unknown CA / self-signed."""
    code = exc.verify_code
    detail = exc.verify_message or _reason(exc)
    if code in _EXPIRED:
        return TlsFailure(f"the certificate of {address} has expired ({detail})")
    if code in _NOT_YET_VALID:
        return TlsFailure(
            f"the certificate of {address} is not valid yet; check the clock ({detail})"
        )
    if code in _WRONG_HOST:
        return TlsFailure(
            f"the certificate of {address} is for another host name: wrong host ({detail})"
        )
    if code in _UNKNOWN_CA:
        return TlsFailure(
            f"the certificate of {address} is self-signed or from an unknown CA ({detail}); "
            "give the server's CA file or pin its certificate's fingerprint"
        )
    return TlsFailure(f"the certificate of {address} could not be verified ({detail})")


def _reason(exc: BaseException) -> str:
    """An exception's own words, on one line."""
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    else:
        text = str(exc) or type(exc).__name__
    return " ".join(text.split())[:200]


def _colons(hex_digest: str) -> str:
    return ":".join(hex_digest[i : i + 2] for i in range(0, len(hex_digest), 2))


def _close_quietly(client: IMAPClient) -> None:
    with contextlib.suppress(OSError, imaplib.IMAP4.error, ImapError):
        client.shutdown()
