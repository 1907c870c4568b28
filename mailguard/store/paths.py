"""Where mailguard keeps its files.

By default the platform's places (platformdirs); ``MAILGUARD_HOME`` or
``--home DIR`` moves all of them under one folder, for tests and for people
running several profiles side by side.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from mailguard.core.errors import ConfigError

HOME_ENV = "MAILGUARD_HOME"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The four folders mailguard writes to."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> AppPaths:
        """``home`` (``--home``) wins over ``MAILGUARD_HOME``, which wins over the platform."""
        chosen = home if home is not None else os.environ.get(HOME_ENV) or None
        if chosen is not None:
            root = Path(chosen).expanduser().absolute()
            return cls(root / "config", root / "data", root / "cache", root / "logs")
        dirs = PlatformDirs("mailguard", appauthor=False)
        return cls(
            dirs.user_config_path, dirs.user_data_path, dirs.user_cache_path, dirs.user_log_path
        )

    @property
    def home(self) -> Path | None:
        """The folder ``--home`` or ``MAILGUARD_HOME`` named; None for the platform's places."""
        root = self.config_dir.parent
        return root if AppPaths.resolve(root) == self else None

    @property
    def http_cache_dir(self) -> Path:
        return self.cache_dir / "sources"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "mailguard.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "mailguard.log"

    def ensure(self) -> AppPaths:
        """Create the folders, private to the user (they hold mail metadata)."""
        for folder in (self.config_dir, self.data_dir, self.cache_dir, self.log_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as exc:
                raise ConfigError(f"cannot create the folder {folder}: {exc.strerror}") from exc
        return self
