"""Account passwords in the system keyring, and nowhere else.

Whatever backend keyring picks (the desktop's Secret Service, macOS Keychain,
Windows Credential Locker, or ``PYTHON_KEYRING_BACKEND``) is fine, except the
ones that do not keep anything: keyring's ``fail`` and ``null`` backends would
"store" a password and lose it, so they are refused with a hint instead.
Errors never carry the password.
"""

from __future__ import annotations

import functools
import os

import keyring
import keyring.backends.fail
import keyring.backends.null
import keyring.core
import keyring.errors
from keyring.backend import KeyringBackend

from mailguard.core.errors import AccountError

SERVICE = "mailguard"
BACKEND_ENV = "PYTHON_KEYRING_BACKEND"
_HINT = "set PYTHON_KEYRING_BACKEND or unlock your desktop keyring"


class PasswordVault:
    """Stores one password per account name under the service ``mailguard``."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._chosen = backend

    @functools.cached_property
    def _backend(self) -> KeyringBackend:
        """Chosen on first use, so commands that never need a password work without a keyring."""
        backend = self._chosen or _configured_backend()
        if isinstance(backend, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
            raise AccountError(f"no usable keyring: {_name(backend)} keeps nothing; {_HINT}")
        return backend

    @property
    def backend_name(self) -> str:
        return _name(self._backend)

    def store(self, account: str, password: str) -> None:
        try:
            self._backend.set_password(SERVICE, account, password)
        except (keyring.errors.KeyringError, OSError, RuntimeError) as exc:
            raise AccountError(self._failure("store", account, exc, password)) from exc

    def password(self, account: str) -> str:
        """The account's password, or an AccountError saying how to set it."""
        try:
            password = self._backend.get_password(SERVICE, account)
        except (keyring.errors.KeyringError, OSError, RuntimeError) as exc:
            raise AccountError(self._failure("read", account, exc)) from exc
        if password is None:
            raise AccountError(
                f"no password for account {account!r} in the keyring ({self.backend_name}); "
                f"remove the account and add it again"
            )
        return password

    def forget(self, account: str) -> bool:
        """Delete the account's password; False if there was none."""
        try:
            self._backend.delete_password(SERVICE, account)
        except keyring.errors.PasswordDeleteError:
            return False
        except (keyring.errors.KeyringError, OSError, RuntimeError) as exc:
            raise AccountError(self._failure("delete", account, exc)) from exc
        return True

    def _failure(self, verb: str, account: str, exc: BaseException, secret: str = "") -> str:
        """One line naming the backend and its complaint, the password scrubbed out."""
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if secret:
            detail = detail.replace(secret, "***")
        return (
            f"cannot {verb} the password of {account!r} in the keyring "
            f"({self.backend_name}): {detail}; {_HINT}"
        )


def _configured_backend() -> KeyringBackend:
    """``PYTHON_KEYRING_BACKEND`` read now (not keyring's cached choice), else keyring's pick."""
    name = os.environ.get(BACKEND_ENV)
    if not name:
        return keyring.get_keyring()
    try:
        backend = keyring.core.load_env()
    except (ImportError, AttributeError, RuntimeError, ValueError) as exc:
        raise AccountError(
            f"no usable keyring: {BACKEND_ENV}={name} cannot be loaded ({exc})"
        ) from exc
    if backend is None:  # pragma: no cover - the variable was set a moment ago
        return keyring.get_keyring()
    return backend


def _name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"
