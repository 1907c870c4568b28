"""Without Qt's X11 libraries the tray says in one line what to install, instead of aborting."""

from __future__ import annotations

import ctypes

import pytest

from mailguard.desktop import qt_libraries
from tests.cli.cli_runner import MailguardCli, error_line


def test_with_every_library_there_nothing_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert qt_libraries.missing_xcb_packages() == []  # this machine has them (install.sh)


def test_a_missing_library_names_its_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    real = ctypes.CDLL

    def loader(name: str, *args: object, **kwargs: object) -> object:
        if name == "libxcb-cursor.so.0":
            raise OSError(f"{name}: cannot open shared object file")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    # The one thing not real here: the loader, to stand for a machine without the library.
    monkeypatch.setattr(qt_libraries.ctypes, "CDLL", loader)
    assert qt_libraries.missing_xcb_packages() == ["libxcb-cursor0"]


def test_the_tray_command_says_what_to_install_in_one_line(
    cli: MailguardCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(
        "mailguard.cli.tray_command.missing_xcb_packages", lambda: ["libxcb-cursor0"]
    )
    result = cli("tray")
    assert result.exit_code == 2
    assert "apt-get install libxcb-cursor0" in error_line(result)


def test_off_x11_nothing_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    assert qt_libraries.missing_xcb_packages() == []
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert qt_libraries.missing_xcb_packages() == []
