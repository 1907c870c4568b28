"""How the CLI talks: results on stdout, everything else on stderr, one line each."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass
class Console:
    """Streams for output; tests pass their own."""

    out: IO[str] = field(default_factory=lambda: sys.stdout)
    err: IO[str] = field(default_factory=lambda: sys.stderr)

    def result(self, text: str) -> None:
        self.out.write(text + "\n")

    def results(self, lines: Iterable[str]) -> None:
        """Many result lines in one write (a report has thousands; an unbuffered
        stdout, PYTHONUNBUFFERED, would make each one a system call)."""
        self.out.write("".join(line + "\n" for line in lines))

    def json(self, value: Any) -> None:
        self.out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")

    def note(self, text: str) -> None:
        self.err.write(f"mailguard: {text}\n")

    def warning(self, text: str) -> None:
        self.err.write(f"mailguard: warning: {text}\n")

    def error(self, text: str) -> None:
        self.err.write(f"mailguard: error: {text}\n")
