"""The Timing page: when mailguard warns, how long edits stay closed, how long it watches.

These are the guard's GuardPolicy (``core.settings.AppSettings``), shared with
the CLI through ``settings.json``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.phrases import duration_phrase
from mailguard.core.settings import AppSettings
from mailguard.ui.context import UiContext
from mailguard.ui.windows.settings_page import SettingsPage, settings_work

#: The units a lead time is entered in, in minutes.
UNITS = (1, 60, 24 * 60)
DEFAULTS = AppSettings()


class TimingPage(SettingsPage):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.status.setObjectName("timingStatus")
        self.lead_times: list[timedelta] = list(DEFAULTS.lead_times)
        self.leads = QListWidget(self)
        self.leads.setObjectName("leadTimes")
        self.leads.currentRowChanged.connect(self._update_buttons)
        self.leads.setMaximumHeight(120)
        self.lead_value = QSpinBox(self)
        self.lead_value.setObjectName("leadTimeValue")
        self.lead_value.setRange(1, 999)
        self.lead_value.setValue(30)
        self.lead_unit = QComboBox(self)
        self.lead_unit.setObjectName("leadTimeUnit")
        for minutes in UNITS:
            self.lead_unit.addItem("", minutes)
        self.add_lead = QPushButton(self)
        self.add_lead.setObjectName("addLeadTime")
        self.add_lead.clicked.connect(self.add_lead_time)
        self.remove_lead = QPushButton(self)
        self.remove_lead.setObjectName("removeLeadTime")
        self.remove_lead.clicked.connect(self.remove_lead_time)
        self.margin = self._minutes("safetyMargin", 0, 24 * 60)
        self.watch = self._minutes("backfillWatch", 0, 7 * 24 * 60)
        self.margin_help = QLabel(self)
        self.watch_help = QLabel(self)
        for note in (self.margin_help, self.watch_help):
            note.setWordWrap(True)
        self.save = QPushButton(self)
        self.save.setObjectName("saveTiming")
        self.save.clicked.connect(self.save_timing)
        self.defaults = QPushButton(self)
        self.defaults.setObjectName("restoreTiming")
        self.defaults.clicked.connect(self.restore_defaults)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.work.hold_while_busy(self.save, self.defaults)

        self.labels = {key: QLabel(self) for key in ("leads", "margin", "watch")}
        self.labels["leads"].setBuddy(self.leads)
        self.labels["margin"].setBuddy(self.margin)
        self.labels["watch"].setBuddy(self.watch)
        lead_input = QHBoxLayout()
        for control in (self.lead_value, self.lead_unit, self.add_lead, self.remove_lead):
            lead_input.addWidget(control)
        lead_input.addStretch()
        leads = QVBoxLayout()
        leads.addWidget(self.leads)
        leads.addLayout(lead_input)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.labels["leads"], leads)
        form.addRow(self.labels["margin"], self.margin)
        form.addRow("", self.margin_help)
        form.addRow(self.labels["watch"], self.watch)
        form.addRow("", self.watch_help)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.defaults)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addStretch()
        self.retranslate()
        self._show(DEFAULTS)

    def title(self) -> str:
        return self.tr("Timing")

    def reload(self) -> None:
        self.work.run(settings_work(self.context.settings), self._show)

    # -- what the user does ------------------------------------------------------------

    def add_lead_time(self) -> None:
        lead = timedelta(minutes=self.lead_value.value() * int(self.lead_unit.currentData()))
        if lead not in self.lead_times:
            self.lead_times = sorted([*self.lead_times, lead], reverse=True)
            self._show_leads()

    def remove_lead_time(self) -> None:
        row = self.leads.currentRow()
        if 0 <= row < len(self.lead_times) and len(self.lead_times) > 1:
            del self.lead_times[row]
            self._show_leads()

    def save_timing(self) -> None:
        leads = tuple(self.lead_times)
        margin = timedelta(minutes=self.margin.value())
        watch = timedelta(minutes=self.watch.value())

        def change(settings: AppSettings) -> AppSettings:
            return replace(settings, lead_times=leads, safety_margin=margin, backfill_watch=watch)

        self.work.run(settings_work(self.context.settings, change), self._saved)

    def restore_defaults(self) -> None:
        self.lead_times = list(DEFAULTS.lead_times)
        self._show_leads()
        self.margin.setValue(_in_minutes(DEFAULTS.safety_margin))
        self.watch.setValue(_in_minutes(DEFAULTS.backfill_watch))

    # -- showing -------------------------------------------------------------------------

    def _saved(self, settings: AppSettings) -> None:
        self._show(settings)
        self.status.setText(self.tr("Saved."))
        self.context.hub.settings_changed.emit(settings)

    def _show(self, settings: AppSettings) -> None:
        self.lead_times = list(settings.lead_times)
        self._show_leads()
        self.margin.setValue(_in_minutes(settings.safety_margin))
        self.watch.setValue(_in_minutes(settings.backfill_watch))

    def _show_leads(self) -> None:
        self.leads.clear()
        for lead in self.lead_times:
            self.leads.addItem(
                self.tr("{duration} before").format(
                    duration=self.context.render(duration_phrase(lead))
                )
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_lead.setEnabled(self.leads.currentRow() >= 0 and len(self.lead_times) > 1)

    def _minutes(self, name: str, low: int, high: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(low, high)
        box.setMinimumWidth(120)
        return box

    def retranslate(self) -> None:
        self.labels["leads"].setText(self.tr("&Warn before a window:"))
        self.labels["margin"].setText(self.tr("Safety &margin:"))
        self.labels["watch"].setText(self.tr("&Backfill watch:"))
        self.leads.setAccessibleName(self.tr("Warnings before a window"))
        self.lead_value.setAccessibleName(self.tr("New warning: how long before"))
        self.lead_unit.setAccessibleName(self.tr("Unit"))
        for index, unit in enumerate((self.tr("minutes"), self.tr("hours"), self.tr("days"))):
            self.lead_unit.setItemText(index, unit)
        self.add_lead.setText(self.tr("&Add"))
        self.add_lead.setAccessibleName(self.tr("Add the warning"))
        self.remove_lead.setText(self.tr("&Remove"))
        self.remove_lead.setAccessibleName(self.tr("Remove the chosen warning"))
        for box in (self.margin, self.watch):
            box.setSuffix(self.tr(" min"))
        self.margin.setAccessibleName(self.tr("Safety margin in minutes"))
        self.watch.setAccessibleName(self.tr("Backfill watch in minutes"))
        self.margin_help.setText(
            self.tr(
                "Folder edits close this long before a window starts, and the first "
                "refresh after it waits this long."
            )
        )
        self.watch_help.setText(
            self.tr("How long after a window mailguard keeps looking for late mail.")
        )
        self.save.setText(self.tr("&Save"))
        self.defaults.setText(self.tr("Restore &defaults"))
        self.note.setText(self.tr("The guard uses changed timing at once."))
        self._show_leads()


def _in_minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)
