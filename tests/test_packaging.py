"""Desktop integration files validate, and the version is written in one place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

import mailguard

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "resources" / "desktop"


def test_the_desktop_launcher_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP / "mailguard.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_the_appstream_metainfo_validates_offline() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(next(DESKTOP.glob("*.metainfo.xml")))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metainfo_names_this_version_as_the_latest_release() -> None:
    tree = SafeET.parse(next(DESKTOP.glob("*.metainfo.xml")))
    releases = tree.getroot().find("releases")
    assert releases is not None
    assert releases[0].get("version") == mailguard.__version__


def test_mailguard_version_prints_the_one_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mailguard", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"mailguard {mailguard.__version__}"


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_the_app_icon_exists_in_every_hicolor_size(size: int) -> None:
    png = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "mailguard.png"
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert (width, height) == (size, size)
