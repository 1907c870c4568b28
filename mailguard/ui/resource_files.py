"""Where the app's icons and translations are: next to the package, or inside a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from mailguard.core.errors import ConfigError


@cache
def resources_dir() -> Path:
    """``resources/`` of the source tree (editable installs), of an installed wheel
    (``mailguard/resources``) or of a PyInstaller bundle (``sys._MEIPASS``)."""
    package = Path(__file__).resolve().parent.parent
    candidates = [package / "resources", package.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    raise ConfigError(
        f"mailguard's icons are missing (looked in {', '.join(map(str, candidates))})"
    )


def icon_file(name: str) -> Path:
    """``resources/icons/mailguard-<name>.svg``; ``mailguard.svg`` for the app icon."""
    stem = "mailguard" if name == "app" else f"mailguard-{name}"
    return resources_dir() / "icons" / f"{stem}.svg"


def translations_dir() -> Path:
    return resources_dir() / "translations"
