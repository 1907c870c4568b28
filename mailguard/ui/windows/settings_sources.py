"""The Schedule sources page: where each account's provider announces maintenance.

A source is a URL, a file, or ``mailbox:FOLDER`` (notices the provider mails,
read only from its address); its format is recognised or forced, its
components filtered, its zone given for times written without one. "Check
now" reads the source in the form at once and lists the windows it announces.
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from mailguard.app.source_check import SourceCheck, check_source
from mailguard.app.source_setup import drop_source, follow_source
from mailguard.core.account import AccountConfig
from mailguard.core.errors import MailguardError
from mailguard.core.model import MaintenanceWindow
from mailguard.core.schedule_source import MAILBOX_PREFIX, ScheduleSource
from mailguard.net.locations import masked_location
from mailguard.sources.registry import SOURCE_KINDS
from mailguard.store.account_store import AccountStore
from mailguard.ui.context import UiContext
from mailguard.ui.windows.settings_page import SOURCE_LANE, AccountScopedPage, entry_table

KINDS = ("auto", *SOURCE_KINDS)


class SourcesPage(AccountScopedPage):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "sourceAccount", parent)
        self.status.setObjectName("sourcesStatus")
        self.found: SourceCheck | None = None
        #: The stored form of the source the form was filled from: its secrets stay
        #: in the keyring, the form shows ``***`` for them and keeps them if left so.
        self.edited_from: str | None = None
        self._zones_offered = False
        self.sources = entry_table(self, "sourceList", columns=5, stretch=0)
        self.sources.currentItemChanged.connect(self._source_chosen)
        self.remove = QPushButton(self)
        self.remove.setObjectName("removeSource")
        self.remove.clicked.connect(self.remove_source)

        self.form = QGroupBox(self)
        self.location = QLineEdit(self.form)
        self.location.setObjectName("sourceLocation")
        self.location.textChanged.connect(self._location_changed)
        self.location.returnPressed.connect(self.check_now)  # Enter reads what was typed
        self.browse = QPushButton(self.form)
        self.browse.setObjectName("browseSource")
        self.browse.clicked.connect(self._choose_file)
        self.from_address = QLineEdit(self.form)
        self.from_address.setObjectName("sourceFromAddress")
        self.kind = QComboBox(self.form)
        self.kind.setObjectName("sourceKind")
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.components = QLineEdit(self.form)
        self.components.setObjectName("sourceComponents")
        self.zone = QLineEdit(self.form)
        self.zone.setObjectName("sourceZone")
        self.check = QPushButton(self.form)
        self.check.setObjectName("checkSource")
        self.check.clicked.connect(self.check_now)
        self.add = QPushButton(self.form)
        self.add.setObjectName("addSource")
        self.add.clicked.connect(self.add_source)
        self.labels = {
            key: QLabel(self.form) for key in ("location", "from", "kind", "parts", "tz")
        }
        form = QFormLayout(self.form)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location)
        location_row.addWidget(self.browse)
        rows = (
            ("location", location_row, self.location),
            ("from", self.from_address, self.from_address),
            ("kind", self.kind, self.kind),
            ("parts", self.components, self.components),
            ("tz", self.zone, self.zone),
        )
        for key, field, buddy in rows:
            self.labels[key].setBuddy(buddy)
            form.addRow(self.labels[key], field)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.check)
        form_buttons.addWidget(self.add)
        form_buttons.addStretch()
        form.addRow(form_buttons)

        self.results = entry_table(self, "checkResults", columns=4, stretch=0)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.work.hold_while_busy(self.check, self.add, self.remove)
        self.work.when_idle(self._update_buttons)

        self.lay_out(self.sources, self.remove, self.form, self.results)
        self.retranslate()
        self._location_changed()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Schedule sources")

    def reload(self) -> None:
        super().reload()
        if not self._zones_offered:  # the zone names, once: a walk through the tz database
            self._zones_offered = True
            self.work.run(lambda: sorted(zoneinfo.available_timezones()), self._offer_zones)

    def account_chosen(self) -> None:
        self.edited_from = None
        self._show_sources()

    # -- what the user does ------------------------------------------------------------

    def check_now(self) -> None:
        if self.work.busy:
            return
        source = self._form_source()
        if source is None:
            return
        paths, account, kept_for = self.context.paths, self.chosen_account(), self.edited_from
        self.results.clear()
        self.found = None
        busy = self.tr("Reading {source}…").format(source=masked_location(source.location))
        self.work.run(
            lambda: check_source(paths, account, source, now=datetime.now(UTC), kept_for=kept_for),
            self._checked,
            busy_text=busy,
            lane=SOURCE_LANE,
        )

    def add_source(self) -> None:
        source, account = self._form_source(), self.chosen_account()
        if source is None or account is None:
            return
        accounts, kept_for = AccountStore(self.context.paths.config_dir), self.edited_from
        self.work.run(
            lambda: follow_source(accounts, account.name, source, kept_for=kept_for),
            self._changed,
        )

    def remove_source(self) -> None:
        item, account = self.sources.currentItem(), self.chosen_account()
        if item is None or account is None:
            return
        location = str(item.data(0, Qt.ItemDataRole.UserRole))
        accounts = AccountStore(self.context.paths.config_dir)
        self.work.run(lambda: drop_source(accounts, account.name, location), self._changed)

    # -- results -------------------------------------------------------------------------

    def _offer_zones(self, zones: list[str]) -> None:
        completer = QCompleter(zones, self.zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)

    def _changed(self, updated: AccountConfig) -> None:
        self.accounts = [updated if a.name == updated.name else a for a in self.accounts]
        self._show_sources()
        self.status.setText(self.tr("Saved."))
        self.context.hub.accounts_changed.emit()
        self.context.request_check()

    def _checked(self, found: SourceCheck) -> None:
        self.found = found
        render = self.context.render
        for window in found.windows:
            item = QTreeWidgetItem(
                [
                    window.title,
                    render.date_time(window.start),
                    render.date_time(window.end),
                    self._confidence(window),
                ]
            )
            item.setToolTip(0, window.title)
            self.results.addTopLevelItem(item)
        lines = [self.tr("%n maintenance window(s) found.", "", len(found.windows))]
        lines += list(found.warnings)
        self.status.setText("\n".join(lines))

    def _confidence(self, window: MaintenanceWindow) -> str:
        return {
            "high": self.tr("high"),
            "medium": self.tr("medium"),
            "low": self.tr("low"),
        }[window.confidence.value]

    # -- helpers -------------------------------------------------------------------------

    def _form_source(self) -> ScheduleSource | None:
        parts = [p.strip() for p in self.components.text().split(",") if p.strip()]
        location, sender = self.location.text().strip(), self.from_address.text().strip()
        if location.startswith(MAILBOX_PREFIX) and not sender:
            self.status.setText(
                self.tr(
                    "A mailbox source needs the sender address of the provider's notices: "
                    "mailguard reads only those, not every mail in the folder."
                )
            )
            self.from_address.setFocus()
            return None
        try:
            return ScheduleSource(
                location=location,
                kind="auto" if location.startswith(MAILBOX_PREFIX) else self.kind.currentData(),
                zone=self.zone.text().strip() or None,
                components=tuple(parts),
                from_address=sender if location.startswith(MAILBOX_PREFIX) else None,
            )
        except MailguardError as exc:
            self.status.setText(str(exc))
            return None

    def _show_sources(self) -> None:
        self.sources.clear()
        account = self.chosen_account()
        for source in account.schedule_sources if account else ():
            item = QTreeWidgetItem(
                [
                    masked_location(source.location),  # as every listing shows it
                    self.kind.itemText(KINDS.index(source.kind))
                    if source.kind in KINDS
                    else source.kind,
                    source.zone or "",
                    ", ".join(source.components),
                    source.from_address or "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, source.location)
            item.setToolTip(0, masked_location(source.location))
            self.sources.addTopLevelItem(item)
        self._update_buttons()

    def _source_chosen(self) -> None:
        """The chosen source fills the form, so "Check now" reads it again (its secrets
        shown as ``***``: they stay in the keyring)."""
        item, account = self.sources.currentItem(), self.chosen_account()
        if item is not None and account is not None:
            location = item.data(0, Qt.ItemDataRole.UserRole)
            source = next(s for s in account.schedule_sources if s.location == location)
            self.edited_from = source.location
            self.location.setText(masked_location(source.location))
            self.from_address.setText(source.from_address or "")
            self.kind.setCurrentIndex(KINDS.index(source.kind) if source.kind in KINDS else 0)
            self.components.setText(", ".join(source.components))
            self.zone.setText(source.zone or "")
        self._update_buttons()

    def _location_changed(self) -> None:
        is_mailbox = self.location.text().strip().startswith(MAILBOX_PREFIX)
        self.from_address.setEnabled(is_mailbox)
        self.kind.setEnabled(not is_mailbox)
        self._update_buttons()

    def _update_buttons(self) -> None:
        if self.work.busy:
            return
        has_location = bool(self.location.text().strip())
        self.check.setEnabled(has_location)
        self.add.setEnabled(has_location and self.chosen_account() is not None)
        self.remove.setEnabled(self.sources.currentItem() is not None)

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a schedule file"),
            "",
            self.tr("Schedules (*.ics *.json *.xml *.rss *.atom *.txt *.html);;All files (*)"),
        )
        if chosen:
            self.location.setText(chosen)

    def retranslate(self) -> None:
        super().retranslate()
        self.sources.setHeaderLabels(
            [
                self.tr("Source"),
                self.tr("Format"),
                self.tr("Time zone"),
                self.tr("Components"),
                self.tr("From"),
            ]
        )
        self.sources.setAccessibleName(self.tr("Schedule sources of the account"))
        self.remove.setText(self.tr("&Remove source"))
        self.remove.setAccessibleName(self.tr("Remove the chosen source"))
        self.form.setTitle(self.tr("Source"))
        texts = {
            "location": self.tr("&Location:"),
            "from": self.tr("Only mail &from:"),
            "kind": self.tr("F&ormat:"),
            "parts": self.tr("Com&ponents:"),
            "tz": self.tr("Time &zone:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.location.setAccessibleName(self.tr("Location of the schedule"))
        self.location.setPlaceholderText(
            self.tr("a status page or feed URL, a file, or mailbox:INBOX")
        )
        self.browse.setText(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose a schedule file"))
        self.from_address.setAccessibleName(self.tr("Sender address of the provider's notices"))
        self.from_address.setPlaceholderText(self.tr("for mailbox: sources, e.g. noc@example.com"))
        self.kind.setAccessibleName(self.tr("Format"))
        names = (
            self.tr("Recognise automatically"),
            self.tr("Atlassian Statuspage"),
            self.tr("Cachet"),
            self.tr("Instatus"),
            self.tr("iCalendar"),
            self.tr("RSS or Atom feed"),
            self.tr("Announcement text"),
        )
        for index, name in enumerate(names):
            self.kind.setItemText(index, name)
        self.components.setAccessibleName(self.tr("Components to keep"))
        self.components.setPlaceholderText(self.tr("all; or a list such as: IMAP, E-Mail"))
        self.zone.setAccessibleName(self.tr("Time zone of the source"))
        self.zone.setPlaceholderText(self.tr("this computer's zone; or e.g. Europe/Berlin"))
        self.check.setText(self.tr("&Check now"))
        self.check.setAccessibleName(self.tr("Check the source now"))
        self.add.setText(self.tr("A&dd source"))
        self.add.setAccessibleName(self.tr("Add the source to the account"))
        self.results.setHeaderLabels(
            [self.tr("Window"), self.tr("Starts"), self.tr("Ends"), self.tr("Confidence")]
        )
        self.results.setAccessibleName(self.tr("Maintenance windows the source announces"))
        self._show_sources()
