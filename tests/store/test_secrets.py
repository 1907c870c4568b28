"""Passwords in the keyring only; keyrings that keep nothing are refused with a hint."""

from __future__ import annotations

from pathlib import Path

import keyring.backends.fail
import keyring.backends.null
import pytest
from keyrings.alt.file import PlaintextKeyring

from mailguard.core.errors import AccountError
from mailguard.store.secrets import PasswordVault


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring()],
    ids=["fail", "null"],
)
def test_a_keyring_that_keeps_nothing_is_refused(backend: keyring.backend.KeyringBackend) -> None:
    vault = PasswordVault(backend)  # refused on first use, not before
    with pytest.raises(AccountError, match=r"no usable keyring: .*set PYTHON_KEYRING_BACKEND"):
        vault.store("work", "secret")


@pytest.mark.parametrize("name", ["keyring.backends.null.Keyring", "keyring.backends.fail.Keyring"])
def test_a_useless_keyring_chosen_by_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", name)
    with pytest.raises(AccountError, match="no usable keyring"):
        PasswordVault().password("work")


def test_an_unloadable_keyring_name_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no.such.Keyring")
    with pytest.raises(AccountError, match=r"PYTHON_KEYRING_BACKEND=no\.such\.Keyring cannot be"):
        PasswordVault().store("work", "secret")


def test_a_password_is_stored_read_and_forgotten(file_keyring: Path) -> None:
    vault = PasswordVault()
    assert isinstance(vault._backend, PlaintextKeyring)
    vault.store("work", "pässwörd 1")
    assert PasswordVault().password("work") == "pässwörd 1"
    assert file_keyring.is_dir()  # inside the test's tmp dir, not the user's keyring
    assert vault.forget("work") is True
    assert vault.forget("work") is False


def test_a_missing_password_says_what_to_do(file_keyring: Path) -> None:
    with pytest.raises(AccountError, match=r"no password for account .work.*add it again"):
        PasswordVault().password("work")
