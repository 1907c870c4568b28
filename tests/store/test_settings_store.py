"""The user's settings: defaults, a round trip, damaged fields falling back one by one."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailguard.core.errors import ConfigError
from mailguard.core.settings import AppSettings, Language
from mailguard.store.settings_store import SettingsStore


def test_without_a_file_the_defaults_are_the_guards_defaults(tmp_path: Path) -> None:
    settings = SettingsStore(tmp_path).load()
    assert settings == AppSettings()
    policy = settings.policy()
    assert policy.lead_times == (timedelta(hours=24), timedelta(hours=1), timedelta(minutes=10))
    assert (policy.safety_margin, policy.backfill_watch) == (
        timedelta(minutes=15),
        timedelta(hours=3),
    )


def test_settings_round_trip_and_the_file_is_private(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "config")
    chosen = AppSettings(
        language=Language.GERMAN,
        lead_times=(timedelta(hours=2), timedelta(minutes=5)),
        safety_margin=timedelta(minutes=5),
        backfill_watch=timedelta(hours=2),
        start_on_login=True,
        notifications=False,
        paused_until=datetime(2026, 7, 19, 8, tzinfo=UTC),
    )
    store.save(chosen)
    assert store.load() == chosen
    assert (store.path.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("language", "klingon"),
        ("lead_times_minutes", [-5]),
        ("lead_times_minutes", "often"),
        ("safety_margin_minutes", "15"),
        ("start_on_login", "yes"),
        ("paused_until", "2026-07-19T08:00"),  # no zone
        # the guard adds them to dates: "unexpected OverflowError" in every command
        ("lead_times_minutes", [1e308]),
        ("safety_margin_minutes", 1_400_000_000_000),
        ("lead_times_minutes", [366 * 24 * 60 + 1]),
    ],
)
def test_a_damaged_field_keeps_its_default_and_the_rest_is_read(
    tmp_path: Path, field: str, value: object
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({field: value, "backfill_watch_minutes": 90}), encoding="utf-8")
    settings = SettingsStore(tmp_path).load()
    assert getattr(settings, field.removesuffix("_minutes"), None) == getattr(
        AppSettings(), field.removesuffix("_minutes"), None
    )
    assert settings.backfill_watch == timedelta(minutes=90)


def test_fields_of_a_newer_version_are_kept_when_saving(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_text(json.dumps({"theme": "dark", "language": "de"}), encoding="utf-8")
    store.save(store.load())
    assert json.loads(store.path.read_text(encoding="utf-8"))["theme"] == "dark"


@pytest.mark.parametrize("text", ["{not json", "[1, 2]"])
def test_a_file_that_is_not_a_settings_object_is_one_line_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "settings.json").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="is damaged"):
        SettingsStore(tmp_path).load()
