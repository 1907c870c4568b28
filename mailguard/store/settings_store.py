"""``settings.json`` in the config folder: the user's settings, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from mailguard.core.errors import ConfigError
from mailguard.core.settings import AppSettings
from mailguard.store.atomic_file import replace_atomically
from mailguard.store.config_file import read_config_json

FILE_NAME = "settings.json"


class SettingsStore:
    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / FILE_NAME

    def load(self) -> AppSettings:
        """The stored settings; defaults where there is no file or a field is damaged."""
        try:
            data = read_config_json(self.path)
        except FileNotFoundError:
            return AppSettings()
        try:
            settings = AppSettings.from_json(data) if isinstance(data, dict) else None
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"{self.path} is damaged ({exc}); fix or remove it") from exc
        if settings is None:
            raise ConfigError(f"{self.path} is damaged (not a JSON object); fix or remove it")
        return settings

    def save(self, settings: AppSettings) -> None:
        text = json.dumps(settings.to_json(), indent=2, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            replace_atomically(self.path, text.encode("utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot write {self.path}: {exc.strerror}") from exc
