"""Account passwords (and source URLs' secrets) in the system keyring, and nowhere else.

The backend is the one keyring would pick, found without keyring's search of
every installed backend through entry points (~0.1 s, measured, in every
command that needs a password): ``PYTHON_KEYRING_BACKEND``, else keyring's
config file (``keyringrc.cfg``), else the desktop's own keyring (Secret
Service or KWallet, macOS Keychain, Windows Credential Locker), and only when
none of these is there keyring's own choice. Keyrings that keep nothing
(keyring's ``fail`` and ``null`` backends) would "store" a password and lose
it, so they are refused with a hint. Errors never carry the password.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from mailguard.core.errors import AccountError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "mailguard"
BACKEND_ENV = "PYTHON_KEYRING_BACKEND"
_HINT = "set PYTHON_KEYRING_BACKEND or unlock your desktop keyring"

#: The desktops' own keyrings, by platform (``sys.platform``); keyring ranks them itself.
DESKTOP_KEYRINGS: dict[str, tuple[str, ...]] = {
    "darwin": ("keyring.backends.macOS.Keyring",),
    "win32": ("keyring.backends.Windows.WinVaultKeyring",),
    "linux": (
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.libsecret.Keyring",
    ),
}


class PasswordVault:
    """Stores one password per account name under the service ``mailguard``."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._chosen = backend

    @functools.cached_property
    def _backend(self) -> KeyringBackend:
        """Chosen on first use, so commands that never need a password load no keyring."""
        # Deferred with it: keyring and its dependencies take ~20 ms to import.
        import keyring.backends.fail  # noqa: PLC0415
        import keyring.backends.null  # noqa: PLC0415

        backend = self._chosen or configured_backend()
        if isinstance(backend, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
            raise AccountError(f"no usable keyring: {_name(backend)} keeps nothing; {_HINT}")
        return backend

    @property
    def backend_name(self) -> str:
        return _name(self._backend)

    def store(self, account: str, password: str) -> None:
        self.store_entry(account, password, f"the password of {account!r}")

    def password(self, account: str) -> str:
        """The account's password, or an AccountError saying how to set it."""
        password = self.entry(account, f"the password of {account!r}")
        if password is None:
            raise AccountError(
                f"no password for account {account!r} in the keyring ({self.backend_name}); "
                f"remove the account and add it again"
            )
        return password

    def forget(self, account: str) -> bool:
        """Delete the account's password; False if there was none."""
        return self.forget_entry(account, f"the password of {account!r}")

    # Entries by key, for other secrets than an account's password (``what`` names one
    # in errors). An account name has no ``/``: a key with one is never an account's.

    def store_entry(self, key: str, secret: str, what: str) -> None:
        backend = self._backend
        try:
            backend.set_password(SERVICE, key, secret)
        except (_keyring_errors().KeyringError, OSError, RuntimeError) as exc:
            raise AccountError(self._failure("store", what, exc, secret)) from exc

    def entry(self, key: str, what: str) -> str | None:
        """The secret kept under ``key``; None if there is none."""
        backend = self._backend
        try:
            return backend.get_password(SERVICE, key)
        except (_keyring_errors().KeyringError, OSError, RuntimeError) as exc:
            raise AccountError(self._failure("read", what, exc)) from exc

    def forget_entry(self, key: str, what: str) -> bool:
        """Delete the secret kept under ``key``; False if there was none."""
        backend = self._backend
        try:
            backend.delete_password(SERVICE, key)
        except _keyring_errors().PasswordDeleteError:
            return False
        except (_keyring_errors().KeyringError, OSError, RuntimeError) as exc:
            raise AccountError(self._failure("delete", what, exc)) from exc
        return True

    def _failure(self, verb: str, what: str, exc: BaseException, secret: str = "") -> str:
        """One line naming the backend and its complaint, the secret scrubbed out."""
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if secret:
            detail = detail.replace(secret, "***")
        return f"cannot {verb} {what} in the keyring ({self.backend_name}): {detail}; {_HINT}"


def configured_backend(
    desktop: Sequence[str] = DESKTOP_KEYRINGS.get(sys.platform, DESKTOP_KEYRINGS["linux"]),
) -> KeyringBackend:
    """The backend keyring would pick, looked up directly (see the module's docstring).

    ``PYTHON_KEYRING_BACKEND`` is read now, not keyring's cached choice. Of the
    ``desktop`` keyrings, the usable one keyring ranks highest wins, as keyring
    itself would choose it; it also stores there when it chains several.
    """
    import keyring.core  # noqa: PLC0415 (see PasswordVault._backend)

    name = os.environ.get(BACKEND_ENV)
    if name:
        try:
            backend = keyring.core.load_env()
        except (ImportError, AttributeError, RuntimeError, ValueError) as exc:
            raise AccountError(
                f"no usable keyring: {BACKEND_ENV}={name} cannot be loaded ({exc})"
            ) from exc
        if backend is not None:
            return backend
    try:
        configured = keyring.core.load_config()
    except (ImportError, AttributeError, RuntimeError, ValueError) as exc:
        raise AccountError(
            f"no usable keyring: keyring's config file names one that cannot be loaded ({exc})"
        ) from exc
    return configured or desktop_backend(desktop) or keyring.get_keyring()


def desktop_backend(names: Sequence[str]) -> KeyringBackend | None:
    """The usable keyring of ``names`` that keyring ranks highest (``priority`` >= 1)."""
    ranked: list[tuple[float, type[KeyringBackend]]] = []
    for name in names:
        module, _, class_name = name.rpartition(".")
        try:
            backend_class = getattr(importlib.import_module(module), class_name)
            # keyring's own test of a backend: its priority raises where it cannot work.
            priority = float(backend_class.priority)
        except Exception:  # noqa: BLE001,S112 (whatever it raises, that keyring is not usable)
            continue
        if priority >= 1:
            ranked.append((priority, backend_class))
    if not ranked:
        return None
    best: KeyringBackend = max(ranked, key=lambda pair: pair[0])[1]()
    return best


def _keyring_errors() -> ModuleType:
    """keyring's exceptions (an ``except`` clause evaluates this only when something raised)."""
    import keyring.errors  # noqa: PLC0415 (loaded with the backend)

    return keyring.errors


def _name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"
