"""The UI's language: mailguard's own German/English translations and Qt's, per the settings.

The ``.ts`` sources live in ``resources/translations``; the install step builds
the ``.qm`` files (``pyside6-lrelease``). English needs a file too, for plural
forms. "System" follows the desktop's locale; anything but German is English.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, tzinfo

from dateutil import tz as dateutil_tz
from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTimeZone,
    QTranslator,
)

from mailguard.core.phrases import Phrase
from mailguard.core.settings import Language
from mailguard.ui.resource_files import translations_dir

log = logging.getLogger("mailguard.ui")

SUPPORTED = ("en", "de")


def chosen_locale(language: Language) -> QLocale:
    if language is Language.SYSTEM:
        system = QLocale.system()
        return (
            system
            if system.name().split("_")[0] in SUPPORTED
            else QLocale(QLocale.Language.English)
        )
    return QLocale(language.value)


class Translations:
    """Installs (and on a change replaces) the app's and Qt's translators."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.locale = QLocale(QLocale.Language.English)

    def use(self, language: Language) -> QLocale:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.locale = chosen_locale(language)
        QLocale.setDefault(self.locale)
        code = self.locale.name().split("_")[0]
        own = QTranslator(self._app)
        if own.load(f"mailguard_{code}", str(translations_dir())):
            self._install(own)
        else:
            log.warning("no mailguard translation for %s in %s", code, translations_dir())
        qt = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if code != "en" and qt.load(f"qtbase_{code}", qt_dir):
            self._install(qt)
        return self.locale

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)


class PhraseRenderer:
    """Renders core Phrases in the current language, times in the user's locale and zone."""

    def __init__(self, zone: tzinfo, now: datetime | None = None) -> None:
        self._zone = zone
        self._now = now

    def __call__(self, phrase: Phrase) -> str:
        return phrase.render(QCoreApplication.translate, self.moment)

    def moment(self, moment: datetime) -> str:
        """``23:45`` within the next day; else the short date too (``Sa. 18.07. 23:45``)."""
        now = self._now or datetime.now(moment.tzinfo)
        if timedelta(hours=-12) <= moment - now <= timedelta(hours=20):
            local = self._local(moment)
            return QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)
        return self.date_time(moment, with_year=False)

    def date_time(self, moment: datetime, *, with_year: bool = True) -> str:
        """With the date, for tables: ``Sa. 18.07.2026 23:45``."""
        local = self._local(moment)
        locale = QLocale()
        german = locale.language() == QLocale.Language.German
        pattern = ("ddd dd.MM." if german else "ddd MMM d") + (" yyyy" if with_year else "")
        day = locale.toString(local.date(), pattern.replace(". yyyy", ".yyyy"))
        return f"{day} {locale.toString(local.time(), QLocale.FormatType.ShortFormat)}"

    def _local(self, moment: datetime) -> QDateTime:
        return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), _qt_zone(self._zone))


def _qt_zone(zone: tzinfo) -> QTimeZone:
    """The same zone for Qt, DST rules included: the system's own when ``zone`` is it."""
    if isinstance(zone, dateutil_tz.tzlocal):
        return QTimeZone.systemTimeZone()
    key = getattr(zone, "key", None)
    if isinstance(key, str) and QTimeZone.isTimeZoneIdAvailable(key.encode()):
        return QTimeZone(key.encode())
    offset = datetime.now(zone).utcoffset()
    return QTimeZone(int(offset.total_seconds()) if offset else 0)
