"""The first-run page: what mailguard does, in two sentences, and the way to the first account."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mailguard.ui.context import UiContext
from mailguard.ui.windows.settings_page import SettingsPage


class WelcomePage(SettingsPage):
    add_account_requested = Signal()
    #: "Try the demo": the button shows once the app offers the demo (``offer_demo``).
    demo_requested = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("welcomeHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel(self)
        self.intro.setObjectName("welcomeText")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.add_account = QPushButton(self)
        self.add_account.setObjectName("welcomeAddAccount")
        self.add_account.setDefault(True)
        self.add_account.clicked.connect(self.add_account_requested)
        self.demo = QPushButton(self)
        self.demo.setObjectName("welcomeTryDemo")
        self.demo.clicked.connect(self.demo_requested)
        self.demo.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_account)
        buttons.addWidget(self.demo)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Welcome")

    def offer_demo(self, offered: bool = True) -> None:
        self.demo.setVisible(offered)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Welcome to mailguard"))
        self.intro.setText(
            self.tr(
                "mailguard reads your mail provider's maintenance announcements and warns you "
                "before a maintenance window, holding back folder edits until it is over. "
                "Afterwards it compares your mailbox with a snapshot taken before the window "
                "and tells you which mail arrived late, went missing or moved."
            )
        )
        self.add_account.setText(self.tr("&Add your mail account…"))
        self.add_account.setAccessibleName(self.tr("Add your mail account"))
        self.demo.setText(self.tr("&Try the demo"))
        self.demo.setAccessibleName(self.tr("Try the demo"))
