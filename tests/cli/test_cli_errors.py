"""Failures outside any command (the home itself) reach the user as one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_runner import error_line
from tests.cli.runner import CliRunner


def test_a_home_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")

    result = CliRunner(tmp_path / "file" / "home")("status")

    assert result.exit_code == 2
    assert "cannot create the folder" in error_line(result)


@pytest.mark.parametrize("argv", [("account", "list"), ("rule", "list"), ("source", "list")])
def test_a_home_that_cannot_be_read_is_one_line_for_a_listing_too(
    tmp_path: Path, argv: tuple[str, ...]
) -> None:
    (tmp_path / "file").write_text("not a folder")

    result = CliRunner(tmp_path / "file" / "home")(*argv)

    assert result.exit_code == 2
    assert "cannot read" in error_line(result)
