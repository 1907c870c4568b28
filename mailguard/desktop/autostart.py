"""Start on login: an XDG autostart entry, a macOS LaunchAgent or the Windows Run key.

Settings' "Start on login" switches it; the entry starts the ``mailguard``
that is running now (a venv's script, ``python -m mailguard`` or a bundle),
with ``--home`` when the app runs on a home of its own, so the session at
login starts the same profile. Only the Linux branch can run here; the
macOS and Windows branches are tested for what they write.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from mailguard.core.errors import ConfigError

#: The name of the entry everywhere: ``mailguard.desktop``, the Run value, the agent's label.
ENTRY_NAME = "mailguard"
LAUNCH_AGENT_LABEL = "org.mailguard.tray"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command(
    home: Path | None,
    *,
    argv0: str | None = None,
    executable: str = sys.executable,
    frozen: bool = bool(getattr(sys, "frozen", False)),
) -> list[str]:
    """The command that starts this mailguard's tray app: ``[program, ..., "tray"]``.

    A bundle starts itself; a ``mailguard`` script (the one running, or the one
    next to this Python) is used as is; anything else runs ``python -m mailguard``.
    """
    program = argv0 if argv0 is not None else sys.argv[0]
    if frozen:
        command = [executable]
    elif Path(program).name in ("mailguard", "mailguard.exe") and Path(program).is_file():
        command = [str(Path(program).absolute())]
    elif (Path(executable).parent / "mailguard").is_file():
        command = [str(Path(executable).parent / "mailguard")]
    else:
        command = [executable, "-m", "mailguard"]
    if home is not None:
        command += ["--home", str(home)]
    return [*command, "tray"]


class Autostart(Protocol):
    """One platform's way of starting a program when the user logs in."""

    def enabled(self) -> bool: ...

    def enable(self, command: Sequence[str]) -> None: ...

    def disable(self) -> bool:
        """Remove the entry; False if there was none."""
        ...


def for_platform(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ
) -> Autostart:
    if platform == "win32":
        return WindowsRunKey(WinRegistry())
    home = Path(environ.get("HOME") or Path.home())
    if platform == "darwin":
        return LaunchAgent(home / "Library" / "LaunchAgents")
    config_home = environ.get("XDG_CONFIG_HOME") or ""
    # The XDG spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
    base = Path(config_home) if Path(config_home).is_absolute() else home / ".config"
    return XdgAutostart(base / "autostart")


# -- Linux and other XDG desktops -------------------------------------------------------


class XdgAutostart:
    """``$XDG_CONFIG_HOME/autostart/mailguard.desktop`` (Desktop Application Autostart spec)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"{ENTRY_NAME}.desktop"

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        _write_file(self.path, desktop_entry(command).encode("utf-8"))

    def disable(self) -> bool:
        return _remove_file(self.path)


def desktop_entry(command: Sequence[str]) -> str:
    """The autostart entry's text: a Desktop Entry that starts ``command`` without a terminal."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=mailguard\n"
        "GenericName=Mail maintenance guard\n"
        "Comment=Keeps your mail safe through your provider's maintenance windows\n"
        f"Exec={exec_line(command)}\n"
        "Icon=mailguard\n"
        "Terminal=false\n"
        "Categories=Network;Email;\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


#: Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
#: Inside quotes these take a backslash: ", `, $ and \.
_ESCAPED_IN_QUOTES = set('"`$\\')


def exec_line(command: Sequence[str]) -> str:
    """``command`` as an Exec value: arguments quoted as the spec says, ``%`` doubled."""
    parts = []
    for argument in command:
        word = argument
        if any(c in _RESERVED for c in argument) or not argument:
            quoted = "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in argument)
            word = f'"{quoted}"'
        parts.append(word.replace("%", "%%"))
    # Exec is a string value: backslashes and control characters are escaped once more.
    line = " ".join(parts).replace("\\", "\\\\")
    return line.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


# -- macOS --------------------------------------------------------------------------------


class LaunchAgent:
    """``~/Library/LaunchAgents/org.mailguard.tray.plist``, loaded by launchd at login."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"{LAUNCH_AGENT_LABEL}.plist"

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        _write_file(self.path, launch_agent(command))

    def disable(self) -> bool:
        return _remove_file(self.path)


def launch_agent(command: Sequence[str]) -> bytes:
    """The agent's property list: run ``command`` once at login, as an interactive process."""
    return plistlib.dumps(
        {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


# -- Windows ------------------------------------------------------------------------------


class RunRegistry(Protocol):
    """The values under HKEY_CURRENT_USER's Run key."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> bool: ...


class WindowsRunKey:
    """A ``mailguard`` value under ``HKCU\\...\\CurrentVersion\\Run``: the command line."""

    def __init__(self, registry: RunRegistry) -> None:
        self._registry = registry

    def enabled(self) -> bool:
        return self._registry.get(ENTRY_NAME) is not None

    def enable(self, command: Sequence[str]) -> None:
        self._registry.set(ENTRY_NAME, run_value(command))

    def disable(self) -> bool:
        return self._registry.delete(ENTRY_NAME)


def run_value(command: Sequence[str]) -> str:
    """The Run value: one command line, quoted as Windows programs parse it."""
    return subprocess.list2cmdline(list(command))


class WinRegistry:
    """HKEY_CURRENT_USER's Run key through ``winreg`` (there only on Windows)."""

    def get(self, name: str) -> str | None:
        if sys.platform != "win32":
            raise ConfigError(_NOT_WINDOWS)
        import winreg  # noqa: PLC0415

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ConfigError(f"cannot read the Run key: {exc.strerror or exc}") from exc
        return str(value)

    def set(self, name: str, value: str) -> None:
        if sys.platform != "win32":
            raise ConfigError(_NOT_WINDOWS)
        import winreg  # noqa: PLC0415

        try:
            with winreg.CreateKeyEx(
                winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as k:
                winreg.SetValueEx(k, name, 0, winreg.REG_SZ, value)
        except OSError as exc:
            raise ConfigError(f"cannot write the Run key: {exc.strerror or exc}") from exc

    def delete(self, name: str) -> bool:
        if sys.platform != "win32":
            raise ConfigError(_NOT_WINDOWS)
        import winreg  # noqa: PLC0415

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise ConfigError(f"cannot change the Run key: {exc.strerror or exc}") from exc
        return True


_NOT_WINDOWS = "the Run key exists only on Windows"


# -- files --------------------------------------------------------------------------------


def _write_file(path: Path, data: bytes) -> None:
    """Replace ``path`` whole (a temporary file renamed over it); one line if that fails."""
    temp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        temp = Path(name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        temp.chmod(0o644)
        temp.replace(path)
    except OSError as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _remove_file(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise ConfigError(f"cannot remove {path}: {exc.strerror or exc}") from exc
    return True
