"""``mailguard doctor``: what mailguard needs, checked and explained, each with its fix.

The same checks serve the CLI and the tray's Settings. Each is independent:
one failing never hides the others. Nothing here changes anything but the
sources' download cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mailguard.core.errors import MailguardError
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths

TRAY_PROBE_TIMEOUT_S = 20


@dataclass(frozen=True, slots=True)
class Check:
    name: str  # a stable key: keyring, tray, notifications, config, account:NAME …
    ok: bool
    detail: str  # what was found
    fix: str = ""  # what to do when not ok

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail, "fix": self.fix}


def run_checks(
    paths: AppPaths, *, desktop: bool = True, tray: Callable[[], Check] | None = None
) -> list[Check]:
    """Every check, in the order a person would fix things; ``desktop`` adds tray and bus.

    ``tray`` answers the tray question where Qt runs already (the app itself).
    """
    checks = [check_config(paths), check_keyring()]
    if desktop:
        checks += [(tray or check_tray)(), check_notifications()]
    checks.append(check_database(paths))
    checks += list(check_accounts(paths))
    checks += list(check_sources(paths))
    checks.append(check_log(paths))
    return checks


def _guarded(name: str, probe: Callable[[], Check], fix: str) -> Check:
    try:
        return probe()
    except MailguardError as exc:
        return Check(name, False, str(exc), fix)


def check_config(paths: AppPaths) -> Check:
    def probe() -> Check:
        from mailguard.store.settings_store import SettingsStore  # noqa: PLC0415

        accounts = AccountStore(paths.config_dir).all()
        SettingsStore(paths.config_dir).load()
        return Check(
            "config",
            True,
            f"{paths.config_dir}: {len(accounts)} account(s), settings readable",
        )

    return _guarded("config", probe, "fix or remove the damaged file named above")


def check_keyring() -> Check:
    def probe() -> Check:
        from mailguard.store.secrets import PasswordVault  # noqa: PLC0415

        return Check("keyring", True, f"passwords go to {PasswordVault().backend_name}")

    return _guarded(
        "keyring",
        probe,
        "install and unlock a desktop keyring (GNOME Keyring, KWallet), or set "
        "PYTHON_KEYRING_BACKEND to a backend that stores passwords",
    )


TRAY_FIX = (
    "start mailguard on a desktop with a system tray (or use its status window); on a "
    "fresh Debian install Qt's libraries with: sh packaging/install.sh"
)


def tray_check(available: bool, platform: str) -> Check:
    """The tray check's verdict, from what Qt says."""
    if not available:
        return Check("tray", False, f"no system tray on this desktop ({platform})", TRAY_FIX)
    return Check("tray", True, f"a system tray is there ({platform})")


def check_tray() -> Check:
    """Asked of Qt in a child process, so the CLI itself never loads Qt."""
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QSystemTrayIcon\n"
        "app = QApplication(sys.argv[:1])\n"
        "print(app.platformName(), QSystemTrayIcon.isSystemTrayAvailable())\n"
    )
    fix = TRAY_FIX
    if sys.platform == "linux" and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return Check("tray", False, "no display (DISPLAY / WAYLAND_DISPLAY unset)", fix)
    try:
        result = subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            timeout=TRAY_PROBE_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Check("tray", False, "Qt did not start within 20 s", fix)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        reason = next((line for line in lines if "xcb" in line or "plugin" in line), None)
        return Check("tray", False, reason or (lines[-1] if lines else "Qt failed"), fix)
    platform, available = result.stdout.split()[-2:]
    return tray_check(available == "True", platform)


def check_notifications() -> Check:
    from mailguard.desktop.notification_bus import (  # noqa: PLC0415
        NotificationBus,
        NotificationsUnavailable,
    )

    if sys.platform != "linux":
        return Check("notifications", True, "the system's notification centre (via Qt)")
    try:
        with NotificationBus.open() as bus:
            info = bus.server_info()
    except NotificationsUnavailable as exc:
        return Check(
            "notifications",
            False,
            str(exc),
            "run a notification daemon (your desktop's, or dunst/mako); without one "
            "mailguard shows its own balloons next to the tray",
        )
    actions = "with action buttons" if info.supports_actions else "without action buttons"
    return Check("notifications", True, f"{info.name} {info.version}, {actions}")


def check_database(paths: AppPaths) -> Check:
    def probe() -> Check:
        import sqlite3  # noqa: PLC0415

        from mailguard.store.database import Database  # noqa: PLC0415

        if not paths.database_file.exists():
            return Check("database", True, f"{paths.database_file} (not created yet)")
        with Database(paths.database_file) as db:
            try:
                (verdict,) = db.connection.execute("PRAGMA integrity_check").fetchone()
            except sqlite3.DatabaseError as exc:  # too damaged to be checked at all
                verdict = str(exc)
        if verdict != "ok":
            return Check(
                "database",
                False,
                f"{paths.database_file}: {verdict}",
                "restore it from a backup, or move it away to start afresh (reports are lost)",
            )
        return Check("database", True, f"{paths.database_file}: integrity ok")

    return _guarded("database", probe, "check the folder's permissions and free space")


def check_accounts(paths: AppPaths) -> Iterator[Check]:
    try:
        accounts = AccountStore(paths.config_dir).all()
    except MailguardError:
        return  # the config check says why
    if not accounts:
        yield Check(
            "accounts",
            False,
            "no account yet",
            "add one in Settings, or: mailguard account add NAME --host … --user … "
            "(try it first with: mailguard demo)",
        )
        return
    from mailguard.imap.session import ImapSession  # noqa: PLC0415
    from mailguard.store.secrets import PasswordVault  # noqa: PLC0415

    for account in accounts:
        name = f"account:{account.name}"
        try:
            with ImapSession(account, PasswordVault().password(account.name)) as session:
                capabilities = session.capabilities
        except MailguardError as exc:
            yield Check(name, False, str(exc), "check host, port, user and password in Settings")
            continue
        idle = "IDLE" in capabilities
        yield Check(
            name,
            True,
            f"logged in to {account.host}:{account.effective_port} as {account.user}"
            + ("; IDLE: late mail is seen at once" if idle else ""),
        )


def check_sources(paths: AppPaths) -> Iterator[Check]:
    from mailguard.store.secrets import PasswordVault  # noqa: PLC0415
    from mailguard.store.source_secrets import SourceSecrets  # noqa: PLC0415

    secrets = SourceSecrets(PasswordVault())
    try:
        accounts = AccountStore(paths.config_dir, secrets).all()
    except MailguardError:
        return
    from mailguard.app.zones import parse_zone  # noqa: PLC0415
    from mailguard.net.cache import SourceCache  # noqa: PLC0415
    from mailguard.net.fetcher import Fetcher  # noqa: PLC0415
    from mailguard.net.locations import masked_location  # noqa: PLC0415
    from mailguard.service.account_windows import LOOKAHEAD, LOOKBACK  # noqa: PLC0415
    from mailguard.service.schedule_reader import ScheduleReader, SourceSpec  # noqa: PLC0415

    now = datetime.now(UTC)
    cache = SourceCache(paths.http_cache_dir)
    with Fetcher(paths.http_cache_dir) as fetcher:
        for account in accounts:
            for source in account.schedule_sources:
                name = f"source:{account.name}:{masked_location(source.location)}"
                if source.is_mailbox:
                    yield Check(name, True, "read from the mailbox with the account")
                    continue
                last = cache.load(source.location)
                last_read = f"; last read {last.fetched_at:%Y-%m-%d %H:%M} UTC" if last else ""
                try:
                    location = secrets.reveal(account.name, source.location)
                except MailguardError as exc:
                    yield Check(name, False, str(exc), "remove the source and add it again")
                    continue
                reader = ScheduleReader(fetcher, default_zone=parse_zone(source.zone))
                outcome = reader.read(
                    [SourceSpec(location)],
                    now=now,
                    span_start=now - LOOKBACK,
                    span_end=now + LOOKAHEAD,
                )
                if outcome.failures:
                    yield Check(
                        name,
                        False,
                        f"{outcome.failures[0]}{last_read}",
                        "check the address; mailguard keeps using the last copy it read",
                    )
                else:
                    windows = len(outcome.windows)
                    yield Check(name, True, f"readable, {windows} window(s) announced")


def check_log(paths: AppPaths) -> Check:
    log_file: Path = paths.log_file
    writable = os.access(paths.log_dir, os.W_OK) if paths.log_dir.exists() else True
    if not writable:
        return Check("log", False, f"{paths.log_dir} is not writable", "check its permissions")
    return Check("log", True, f"{log_file}")
