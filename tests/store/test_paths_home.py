"""A home given on the command line or in MAILGUARD_HOME is known again from the paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailguard.store.paths import HOME_ENV, AppPaths


def test_a_home_given_is_known_again_and_the_platform_places_name_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert AppPaths.resolve(tmp_path / "profile").home == tmp_path / "profile"
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "from-env"))
    assert AppPaths.resolve().home == tmp_path / "from-env"
    monkeypatch.delenv(HOME_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert AppPaths.resolve().home is None
