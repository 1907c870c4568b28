"""Translatable text from the pure core: English source, its Qt context, and typed arguments.

The tray presenter and the notification policy live in the core (no Qt), yet
what they say must appear in German too. They return Phrases; the UI looks the
English source up in Qt's translations (``QCoreApplication.translate``) and
formats the arguments in the user's locale and zone. ``QT_TRANSLATE_NOOP`` is
the marker ``pyside6-lupdate`` collects the sources by. Plurals are chosen here
(one / other, which covers English and German) rather than through Qt's ``%n``,
because lupdate cannot mark a no-op text as numerus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Union

# An argument: text shown as is (a title, a folder), a number, a moment, or another phrase.
Argument = Union[str, int, datetime, "Phrase"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate collects
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    del context
    return text


@dataclass(frozen=True, slots=True)
class Phrase:
    """``Phrase("Tray", "E-mail maintenance in {countdown}", {"countdown": …})``."""

    context: str
    text: str
    args: Mapping[str, Argument] = field(default_factory=dict)

    def render(
        self,
        translate: Callable[[str, str], str],
        moment: Callable[[datetime], str],
    ) -> str:
        """The phrase in the UI's language: ``translate(context, source)``, ``moment(dt)``."""
        values = {name: _value(value, translate, moment) for name, value in self.args.items()}
        return translate(self.context, self.text).format(**values)

    def english(self, zone: tzinfo) -> str:
        """The source text with its arguments, for tests, logs and the CLI."""
        return self.render(lambda _context, text: text, lambda dt: f"{dt.astimezone(zone):%H:%M}")


def _value(
    value: Argument, translate: Callable[[str, str], str], moment: Callable[[datetime], str]
) -> str:
    if isinstance(value, Phrase):
        return value.render(translate, moment)
    if isinstance(value, datetime):
        return moment(value)
    return str(value)


def plural(context: str, count: int, one: str, other: str, **args: Argument) -> Phrase:
    """``one`` for a count of 1, else ``other``; ``{count}`` is available to both."""
    return Phrase(context, one if count == 1 else other, {"count": count, **args})


def duration_phrase(span: timedelta) -> Phrase:
    """``2 h 14 min``, ``3 min``, ``1 d 5 h``, ``45 s`` under a minute; never negative."""
    seconds = int(span.total_seconds())
    if 0 < seconds < 60:
        return Phrase(
            "Duration", QT_TRANSLATE_NOOP("Duration", "{seconds} s"), {"seconds": seconds}
        )
    minutes = max(0, -(-seconds // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return (
            Phrase(
                "Duration",
                QT_TRANSLATE_NOOP("Duration", "{days} d {hours} h"),
                {"days": days, "hours": hours},
            )
            if hours
            else Phrase("Duration", QT_TRANSLATE_NOOP("Duration", "{days} d"), {"days": days})
        )
    if hours and minutes:
        return Phrase(
            "Duration",
            QT_TRANSLATE_NOOP("Duration", "{hours} h {minutes} min"),
            {"hours": hours, "minutes": minutes},
        )
    if hours:
        return Phrase("Duration", QT_TRANSLATE_NOOP("Duration", "{hours} h"), {"hours": hours})
    return Phrase("Duration", QT_TRANSLATE_NOOP("Duration", "{minutes} min"), {"minutes": minutes})
