"""Running the CLI in-process, as a user would from a shell, with a private home."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mailguard.cli.console import Console
from mailguard.cli.main import main


@dataclass
class CliResult:
    exit_code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class CliRunner:
    def __init__(self, home: Path) -> None:
        self.home = home

    def __call__(self, *args: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        code = main(["--home", str(self.home), *args], console=Console(out, err))
        return CliResult(code, out.getvalue(), err.getvalue())
