"""The user's settings: the guard's timing, the language, start on login, paused warnings.

One value, shared by the CLI and the tray; stored as JSON in the config folder
(``store.settings_store``). Unknown or damaged fields fall back to defaults one
by one, so a hand-edited file never stops the guard.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from mailguard.core.guard_policy import GuardPolicy

_DEFAULT_POLICY = GuardPolicy()


class Language(StrEnum):
    SYSTEM = "system"  # follow the desktop's locale
    ENGLISH = "en"
    GERMAN = "de"


@dataclass(frozen=True, slots=True)
class AppSettings:
    language: Language = Language.SYSTEM
    lead_times: tuple[timedelta, ...] = _DEFAULT_POLICY.lead_times
    safety_margin: timedelta = _DEFAULT_POLICY.safety_margin
    backfill_watch: timedelta = _DEFAULT_POLICY.backfill_watch
    start_on_login: bool = False
    notifications: bool = True
    paused_until: datetime | None = None  # warnings paused until then
    extra: Mapping[str, Any] = field(default_factory=dict)  # fields of newer versions, kept

    def policy(self) -> GuardPolicy:
        return GuardPolicy(
            lead_times=self.lead_times,
            safety_margin=self.safety_margin,
            backfill_watch=self.backfill_watch,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            **self.extra,
            "language": self.language.value,
            "lead_times_minutes": [_minutes(t) for t in self.lead_times],
            "safety_margin_minutes": _minutes(self.safety_margin),
            "backfill_watch_minutes": _minutes(self.backfill_watch),
            "start_on_login": self.start_on_login,
            "notifications": self.notifications,
            "paused_until": self.paused_until.isoformat() if self.paused_until else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AppSettings:
        known = set(cls().to_json())
        settings = cls(extra={k: v for k, v in data.items() if k not in known})
        for name, read in _READERS.items():
            if name in data:
                try:
                    settings = read(settings, data[name])
                except (TypeError, ValueError):
                    continue  # a damaged field keeps its default
        settings.policy()  # raises ValueError on an impossible combination
        return settings


def _minutes(span: timedelta) -> int | float:
    """Whole minutes where they are whole (people's settings); the demo's are fractions."""
    minutes = span.total_seconds() / 60
    return int(minutes) if minutes.is_integer() else round(minutes, 4)


#: A year: longer spans mean nothing to a guard, and the guard adds them to dates.
_MAX_MINUTES = 366 * 24 * 60


def _positive_minutes(value: Any) -> timedelta:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 0 <= value <= _MAX_MINUTES
    ):
        raise ValueError(f"not a number of minutes up to a year: {value!r}")
    return timedelta(minutes=value)


def _lead_times(settings: AppSettings, value: Any) -> AppSettings:
    leads = tuple(sorted({_positive_minutes(v) for v in value}, reverse=True))
    if not leads or min(leads) <= timedelta(0):
        raise ValueError("lead times must be positive")
    return replace(settings, lead_times=leads)


def _paused(settings: AppSettings, value: Any) -> AppSettings:
    moment = datetime.fromisoformat(value) if value else None
    if moment is not None and moment.tzinfo is None:
        raise ValueError("a pause needs a time zone")
    return replace(settings, paused_until=moment)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"not true or false: {value!r}")
    return value


_READERS = {
    "language": lambda s, v: replace(s, language=Language(v)),
    "lead_times_minutes": _lead_times,
    "safety_margin_minutes": lambda s, v: replace(s, safety_margin=_positive_minutes(v)),
    "backfill_watch_minutes": lambda s, v: replace(s, backfill_watch=_positive_minutes(v)),
    "start_on_login": lambda s, v: replace(s, start_on_login=_flag(v)),
    "notifications": lambda s, v: replace(s, notifications=_flag(v)),
    "paused_until": _paused,
}
