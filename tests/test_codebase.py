"""The codebase keeps its own rules: lint, format, types, and the layering."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600, check=False
    )


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(("ruff", "check", "mailguard", "tests", "bench"), id="ruff-lint"),
        pytest.param(
            ("ruff", "format", "--check", "mailguard", "tests", "bench"), id="ruff-format"
        ),
        pytest.param(("mypy",), id="mypy"),
        pytest.param(("lint-imports",), id="import-layers"),
    ],
)
def test_tool_is_clean(command: tuple[str, ...]) -> None:
    result = run_tool(str(BIN / command[0]), *command[1:])
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_cli_commands_never_import_qt() -> None:
    """The CLI must start fast and work on servers without a display."""
    probe = (
        "import sys, mailguard.cli.main as m; m.build_parser(); "
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    result = run_tool(sys.executable, "-c", probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


PURE_STDLIB = {
    "__future__", "collections", "dataclasses", "datetime", "enum", "functools", "hashlib",
    "ipaddress", "itertools", "math", "pathlib", "re", "typing", "zoneinfo", "bisect",
    "binascii", "email",  # RFC 2047/5322 header decoding: parsers, no I/O
}  # fmt: skip
#: Pure modules of packages that also do I/O (``urllib.request`` fetches; ``parse`` only parses).
PURE_STDLIB_MODULES = {"urllib.parse"}


def imported_roots(path: Path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "module", sorted((ROOT / "mailguard" / "core").glob("*.py")), ids=lambda p: p.name
)
def test_core_imports_only_pure_modules(module: Path) -> None:
    """The core holds rules, not I/O: no Qt, sockets, SQLite, keyring or platform paths."""
    for name in imported_roots(module):
        root = name.split(".")[0]
        allowed = (
            root in PURE_STDLIB or name in PURE_STDLIB_MODULES or name.startswith("mailguard.core")
        )
        assert allowed, f"{module.name} imports {name}"
