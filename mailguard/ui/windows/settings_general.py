"""The General page: language (applied at once), notifications, start on login."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from mailguard.core.settings import AppSettings, Language
from mailguard.desktop.autostart import for_platform, launch_command
from mailguard.store.paths import AppPaths
from mailguard.store.settings_store import SettingsStore
from mailguard.ui.context import UiContext
from mailguard.ui.windows.settings_page import SettingsPage, settings_work

LANGUAGES = (Language.SYSTEM, Language.ENGLISH, Language.GERMAN)


@dataclass(frozen=True, slots=True)
class GeneralState:
    settings: AppSettings
    starts_on_login: bool  # what the desktop holds, which the user may have changed by hand


def general_state(store: SettingsStore) -> GeneralState:
    return GeneralState(store.load(), for_platform().enabled())


def start_on_login_work(store: SettingsStore, paths: AppPaths, wanted: bool) -> GeneralState:
    """Write or remove the desktop's entry, then remember the choice in the settings."""
    autostart = for_platform()
    if wanted:
        autostart.enable(launch_command(paths.home))
    else:
        autostart.disable()
    settings = settings_work(store, lambda s: replace(s, start_on_login=wanted))()
    return GeneralState(settings, autostart.enabled())


class GeneralPage(SettingsPage):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.status.setObjectName("generalStatus")
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for language in LANGUAGES:
            self.language.addItem("", language.value)
        self.language.activated.connect(self._language_chosen)
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.notifications = QCheckBox(self)
        self.notifications.setObjectName("notifications")
        self.notifications.clicked.connect(self._notifications_chosen)
        self.start_on_login = QCheckBox(self)
        self.start_on_login.setObjectName("startOnLogin")
        self.start_on_login.clicked.connect(self._start_on_login_chosen)
        self.work.hold_while_busy(self.language, self.notifications, self.start_on_login)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notifications)
        layout.addWidget(self.start_on_login)
        layout.addWidget(self.status)
        layout.addStretch()
        self.retranslate()

    def title(self) -> str:
        return self.tr("General")

    def reload(self) -> None:
        store = self.context.settings
        self.work.run(lambda: general_state(store), self._show)

    def _language_chosen(self) -> None:
        language = Language(self.language.currentData())
        self._change(lambda s: replace(s, language=language))

    def _notifications_chosen(self, checked: bool) -> None:
        self._change(lambda s: replace(s, notifications=checked))

    def _start_on_login_chosen(self, checked: bool) -> None:
        store, paths = self.context.settings, self.context.paths
        self.work.run(lambda: start_on_login_work(store, paths, checked), self._saved)

    def _change(self, change: Callable[[AppSettings], AppSettings]) -> None:
        work = settings_work(self.context.settings, change)
        self.work.run(lambda: GeneralState(work(), for_platform().enabled()), self._saved)

    def _saved(self, state: GeneralState) -> None:
        self._show(state)
        self.context.hub.settings_changed.emit(state.settings)

    def _show(self, state: GeneralState) -> None:
        self.language.setCurrentIndex(LANGUAGES.index(state.settings.language))
        self.notifications.setChecked(state.settings.notifications)
        self.start_on_login.setChecked(state.starts_on_login)

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language"))
        # Each language in its own words, so it can be found whatever the UI shows.
        for index, name in enumerate((self.tr("System default"), "English", "Deutsch")):
            self.language.setItemText(index, name)
        self.notifications.setText(self.tr("Show desktop &notifications"))
        self.notifications.setAccessibleName(self.tr("Show desktop notifications"))
        self.start_on_login.setText(self.tr("&Start mailguard when I log in"))
        self.start_on_login.setAccessibleName(self.tr("Start mailguard when I log in"))
