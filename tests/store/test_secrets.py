"""Passwords in the keyring only; keyrings that keep nothing are refused with a hint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import keyring.backends.fail
import keyring.backends.null
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyrings.alt.file import PlaintextKeyring

from mailguard.core.errors import AccountError
from mailguard.store.secrets import PasswordVault, configured_backend, desktop_backend


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


# -- which keyring: found directly, as keyring would choose it ----------------------------


class _Desktop(KeyringBackend):
    """A desktop keyring for the ranking below; it keeps passwords in a dict."""

    usable = True
    rank = 5.0

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 (keyring's classproperty, as its backends)
        if not cls.usable:
            raise RuntimeError("its daemon is neither running nor activatable")
        return cls.rank

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username))


class SecretService(_Desktop):
    rank = 5.0


class KWalletOnKde(_Desktop):
    rank = 5.1


class KWalletStopped(_Desktop):
    usable = False
    rank = 5.1


class Crippled(_Desktop):
    rank = 0.5  # keyring does not recommend it: not a desktop's keyring


HERE = __name__


@pytest.mark.parametrize(
    ("candidates", "chosen"),
    [
        (["SecretService", "KWalletOnKde"], KWalletOnKde),  # KDE: KWallet ranks higher
        (["SecretService", "KWalletStopped"], SecretService),  # a keyring that is not running
        (["KWalletStopped"], None),
        (["Crippled"], None),
        (["NoSuchKeyring", "SecretService"], SecretService),  # not installed
        ([], None),
    ],
)
def test_the_desktop_keyring_is_the_usable_one_keyring_ranks_highest(
    candidates: list[str], chosen: type[KeyringBackend] | None
) -> None:
    backend = desktop_backend([f"{HERE}.{name}" for name in candidates])

    assert type(backend) is chosen if chosen else backend is None


def test_the_desktop_keyring_is_used_when_neither_variable_nor_config_names_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))

    backend = configured_backend([f"{HERE}.KWalletStopped", f"{HERE}.SecretService"])
    vault = PasswordVault(backend)
    vault.store("work", "geheim")

    assert isinstance(backend, SecretService)
    assert backend.kept == {("mailguard", "work"): "geheim"}
    assert vault.password("work") == "geheim"


def test_keyrings_config_file_wins_over_the_desktop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    config = tmp_path / "config" / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir(parents=True)
    config.write_text("[backend]\ndefault-keyring = keyrings.alt.file.PlaintextKeyring\n")

    assert isinstance(configured_backend([f"{HERE}.SecretService"]), PlaintextKeyring)


def test_the_variable_wins_over_config_file_and_desktop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", f"{HERE}.KWalletOnKde")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    config = tmp_path / "config" / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir(parents=True)
    config.write_text("[backend]\ndefault-keyring = keyrings.alt.file.PlaintextKeyring\n")

    assert isinstance(configured_backend([f"{HERE}.SecretService"]), KWalletOnKde)


def test_without_desktop_keyring_keyring_chooses_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Here that is keyrings.alt's file keyring, found through its entry point."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # keyring's cached choice

    assert type(configured_backend([f"{HERE}.KWalletStopped"])) is type(keyring.get_keyring())


def test_a_config_file_naming_no_keyring_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    config = tmp_path / "config" / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir(parents=True)
    config.write_text("[backend]\ndefault-keyring = no.such.Keyring\n")

    with pytest.raises(AccountError, match="keyring's config file names one that cannot be"):
        PasswordVault().password("work")


def test_commands_that_need_no_password_load_no_keyring() -> None:
    probe = (
        "import sys\nfrom mailguard.store.secrets import PasswordVault\nPasswordVault()\n"
        "print('keyring' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"
