"""The account form: connection settings, "Test connection" with the server's answer, save.

Saving tests the connection first and stores nothing unless the login works:
the password then goes straight to the keyring, the rest to ``accounts.json``.
A certificate that cannot be verified shows its SHA-256 fingerprint and can be
trusted (pinned) once the user has compared it with the provider's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import MailguardError
from mailguard.service.account_setup import AccountSetup, ca_file_path
from mailguard.service.connection_check import (
    ConnectionCheck,
    UntrustedCertificate,
    check_connection,
    colon_hex,
)
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths
from mailguard.store.secrets import PasswordVault
from mailguard.ui.context import UiContext
from mailguard.ui.windows.settings_page import CONNECTION_LANE, LaneRunner


@dataclass(frozen=True, slots=True)
class FormInput:
    """What the form holds, before the CA file is looked at (that is I/O: in the lane)."""

    name: str
    host: str
    port: int
    user: str
    security: Security
    ca_file: str
    fingerprint: str | None
    password: str = field(repr=False)  # empty when editing: keep the stored one

    def config(self) -> AccountConfig:
        return AccountConfig(
            name=self.name,
            host=self.host,
            user=self.user,
            security=self.security,
            port=self.port,
            ca_file=ca_file_path(self.ca_file),
            fingerprint=self.fingerprint,
        )


@dataclass(frozen=True, slots=True)
class Tested:
    """The login worked; ``saved`` when the account was stored too."""

    config: AccountConfig
    check: ConnectionCheck
    saved: bool


@dataclass(frozen=True, slots=True)
class Untrusted:
    """The certificate could not be verified; nothing was sent, nothing stored."""

    reason: str
    fingerprint: str


def connection_work(
    paths: AppPaths, given: FormInput, *, save: bool, adding: bool
) -> Callable[[], Tested | Untrusted]:
    """Work for a lane: log in as the form says; with ``save`` store the account if that works."""

    def work() -> Tested | Untrusted:
        config = given.config()
        setup = AccountSetup(AccountStore(paths.config_dir), PasswordVault())
        password = given.password or setup.password(config.name)
        try:
            check = check_connection(config, password)
        except UntrustedCertificate as exc:
            return Untrusted(exc.reason, exc.fingerprint)
        if save and adding:
            setup.add(config, password)
        elif save:
            setup.update(config, given.password or None)
        return Tested(config, check, saved=save)

    return work


class AccountDialog(QDialog):
    """Add (``existing`` None) or edit an account; ``saved(name)`` once it is stored."""

    saved = Signal(str)

    def __init__(
        self, context: UiContext, existing: AccountConfig | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._existing = existing
        self._pin: str | None = existing.fingerprint if existing else None
        self._offered: str | None = None
        self.setObjectName("accountDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(560, 540)

        self.name = QLineEdit(self)
        self.name.setObjectName("accountName")
        self.host = QLineEdit(self)
        self.host.setObjectName("accountHost")
        self.port = QSpinBox(self)
        self.port.setObjectName("accountPort")
        self.port.setRange(0, 65535)
        self.user = QLineEdit(self)
        self.user.setObjectName("accountUser")
        self.security = QComboBox(self)
        self.security.setObjectName("accountSecurity")
        for security in Security:
            self.security.addItem("", security)
        self.security.currentIndexChanged.connect(self._security_changed)
        self.ca_file = QLineEdit(self)
        self.ca_file.setObjectName("accountCaFile")
        self.browse = QPushButton(self)
        self.browse.setObjectName("browseCaFile")
        self.browse.clicked.connect(self._choose_ca_file)
        self.pin = QLabel(self)
        self.pin.setObjectName("accountPin")
        self.pin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.forget_pin = QPushButton(self)
        self.forget_pin.setObjectName("forgetPin")
        self.forget_pin.clicked.connect(lambda: self._set_pin(None))
        self.password = QLineEdit(self)
        self.password.setObjectName("accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test = QPushButton(self)
        self.test.setObjectName("testConnection")
        self.test.clicked.connect(self.test_connection)
        self.answer = QPlainTextEdit(self)
        self.answer.setObjectName("connectionResult")
        self.answer.setReadOnly(True)
        self.answer.setTabChangesFocus(True)
        self.trust = QPushButton(self)
        self.trust.setObjectName("trustCertificate")
        self.trust.clicked.connect(self.trust_certificate)
        self.trust.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveAccount")
        self.save_button.setDefault(True)
        # Enter means Save wherever the focus is (a button disabled while busy hands its
        # focus on, and an auto-default button that gets it would take Enter over).
        for button in (self.browse, self.forget_pin, self.test, self.trust):
            button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel(self)
        self.status.setObjectName("accountStatus")
        self.status.setWordWrap(True)
        self.work = LaneRunner(context, self.status)
        self.work.hold_while_busy(self.test, self.trust, self.save_button)

        self.labels = {key: QLabel(self) for key in _FIELD_KEYS}
        form = QFormLayout()
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file)
        ca_row.addWidget(self.browse)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.forget_pin)
        rows: list[tuple[str, QWidget | QHBoxLayout, QWidget]] = [
            ("name", self.name, self.name),
            ("host", self.host, self.host),
            ("port", self.port, self.port),
            ("security", self.security, self.security),
            ("user", self.user, self.user),
            ("password", self.password, self.password),
            ("ca_file", ca_row, self.ca_file),
            ("pin", pin_row, self.forget_pin),
        ]
        for key, widget, buddy in rows:
            self.labels[key].setBuddy(buddy)
            form.addRow(self.labels[key], widget)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test)
        test_row.addWidget(self.trust)
        test_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.answer, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        if existing is not None:
            self.name.setText(existing.name)
            self.name.setReadOnly(True)  # snapshots, reports and the keyring know it by name
            self.host.setText(existing.host)
            self.port.setValue(existing.port)
            self.user.setText(existing.user)
            self.security.setCurrentIndex(list(Security).index(existing.security))
            self.ca_file.setText(str(existing.ca_file) if existing.ca_file else "")
        self._set_pin(self._pin)
        self.retranslate()

    # -- what the user does ------------------------------------------------------------

    def test_connection(self) -> None:
        self._connect(save=False)

    def save(self) -> None:
        self._connect(save=True)

    def trust_certificate(self) -> None:
        """Pin the fingerprint just shown, then log in again with it."""
        if self._offered is None:
            return
        self._set_pin(self._offered)
        self.test_connection()

    # -- helpers -----------------------------------------------------------------------

    def form_input(self) -> FormInput:
        security = self.security.currentData()
        return FormInput(
            name=self.name.text().strip(),
            host=self.host.text().strip(),
            port=self.port.value(),
            user=self.user.text().strip(),
            security=Security(security),
            ca_file=self.ca_file.text(),
            fingerprint=self._pin,
            password=self.password.text(),
        )

    def _connect(self, *, save: bool) -> None:
        if self.work.busy:
            return
        given = self.form_input()
        adding = self._existing is None
        if not (given.host and given.user) or (adding and not given.password):
            self.status.setText(self.tr("Enter the IMAP server, the user name and the password."))
            return
        try:
            AccountConfig(given.name, given.host, given.user, given.security, given.port)
        except MailguardError as exc:  # a malformed name or port, clear text off loopback
            self.status.setText(str(exc))
            return
        self.answer.clear()
        self._offer(None)
        work = connection_work(self._context.paths, given, save=save, adding=adding)
        busy = self.tr("Logging in and saving…") if save else self.tr("Testing the connection…")
        self.work.run(work, self._answered, busy_text=busy, lane=CONNECTION_LANE)

    def _answered(self, outcome: Tested | Untrusted) -> None:
        if isinstance(outcome, Untrusted):
            self.answer.setPlainText(
                outcome.reason
                + "\n\n"
                + self.tr(
                    "The server presented a certificate with this SHA-256 fingerprint:\n"
                    "{fingerprint}\n\n"
                    "Trust it only if it matches the fingerprint your provider or "
                    "administrator gave you."
                ).format(fingerprint=colon_hex(outcome.fingerprint))
            )
            self._offer(outcome.fingerprint)
            self.status.setText(self.tr("Nothing was saved."))
            return
        self.answer.setPlainText(self._describe(outcome))
        if outcome.saved:
            self.password.clear()
            self.saved.emit(outcome.config.name)
            self.accept()
        else:
            self.status.setText(self.tr("The connection works."))

    def _describe(self, outcome: Tested) -> str:
        config, check = outcome.config, outcome.check
        yes, no = self.tr("yes"), self.tr("no")
        return "\n".join(
            [
                self.tr("Connected to {address} ({security}) and logged in as {user}.").format(
                    address=f"{config.host}:{config.effective_port}",
                    security=self.security.itemText(list(Security).index(config.security)),
                    user=config.user,
                ),
                self.tr("Capabilities: {capabilities}").format(
                    capabilities=" ".join(check.capabilities)
                ),
                self.tr("Incremental resync (CONDSTORE/QRESYNC): {answer}").format(
                    answer=yes if check.incremental else no
                ),
                self.tr("Instant notice of new mail (IDLE): {answer}").format(
                    answer=yes if check.idle else no
                ),
            ]
        )

    def _offer(self, fingerprint: str | None) -> None:
        self._offered = fingerprint
        self.trust.setVisible(fingerprint is not None)

    def _set_pin(self, fingerprint: str | None) -> None:
        self._pin = fingerprint
        self.pin.setText(colon_hex(fingerprint) if fingerprint else self.tr("none"))
        self.forget_pin.setEnabled(fingerprint is not None)

    def _security_changed(self) -> None:
        security = Security(self.security.currentData())
        self.port.setSpecialValueText(
            self.tr("Default ({port})").format(port=security.default_port)
        )

    def _choose_ca_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the server's CA certificate"),
            self.ca_file.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if chosen:
            self.ca_file.setText(chosen)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        adding = self._existing is None
        self.setWindowTitle(
            self.tr("Add account – mailguard") if adding else self.tr("Edit account – mailguard")
        )
        texts = {
            "name": (self.tr("&Name:"), self.tr("Account name")),
            "host": (self.tr("IMAP ser&ver:"), self.tr("IMAP server")),
            "port": (self.tr("&Port:"), self.tr("Port")),
            "security": (self.tr("Se&curity:"), self.tr("Security")),
            "user": (self.tr("&User name:"), self.tr("User name")),
            "password": (self.tr("Pass&word:"), self.tr("Password")),
            "ca_file": (self.tr("CA &file:"), self.tr("CA file")),
            "pin": (self.tr("Trusted certificate:"), self.tr("Trusted certificate")),
        }
        controls = {
            "name": self.name,
            "host": self.host,
            "port": self.port,
            "security": self.security,
            "user": self.user,
            "password": self.password,
            "ca_file": self.ca_file,
            "pin": self.pin,
        }
        for key, (label, accessible) in texts.items():
            self.labels[key].setText(label)
            controls[key].setAccessibleName(accessible)
        self.name.setPlaceholderText(self.tr("for example: work"))
        self.host.setPlaceholderText(self.tr("imap.example.com"))
        self.password.setPlaceholderText(
            self.tr("stored in the keyring")
            if adding
            else self.tr("leave empty to keep the stored password")
        )
        self.ca_file.setPlaceholderText(self.tr("only for a server with its own CA"))
        for index, text in enumerate(
            (
                self.tr("SSL/TLS (port 993)"),
                self.tr("STARTTLS (port 143)"),
                self.tr("None (only on this computer)"),
            )
        ):
            self.security.setItemText(index, text)
        self._security_changed()
        self._set_pin(self._pin)
        self.browse.setText(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose a CA file"))
        self.forget_pin.setText(self.tr("F&orget"))
        self.forget_pin.setAccessibleName(self.tr("Forget the trusted certificate"))
        self.test.setText(self.tr("&Test connection"))
        self.trust.setText(self.tr("T&rust this certificate"))
        self.answer.setAccessibleName(self.tr("The server's answer"))
        self.save_button.setText(self.tr("&Save"))


_FIELD_KEYS = ("name", "host", "port", "security", "user", "password", "ca_file", "pin")
