"""Start on login: the XDG entry written, validated and launched for real; macOS and Windows
branches checked for what they write (they cannot run here)."""

from __future__ import annotations

import json
import plistlib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailguard.core.errors import ConfigError
from mailguard.desktop.autostart import (
    LAUNCH_AGENT_LABEL,
    LaunchAgent,
    WindowsRunKey,
    XdgAutostart,
    desktop_entry,
    exec_line,
    for_platform,
    launch_command,
    run_value,
)

RECORDER = """#!{python}
import json, sys
with open({out!r}, "w", encoding="utf-8") as handle:
    json.dump(sys.argv[1:], handle)
"""


def test_start_on_login_writes_a_valid_entry_under_xdg_config_home_and_removes_it(
    tmp_path: Path,
) -> None:
    config_home = tmp_path / "xdg-config"
    autostart = for_platform("linux", {"XDG_CONFIG_HOME": str(config_home), "HOME": "/nowhere"})
    command = launch_command(tmp_path / "my home", argv0=str(tmp_path / "nothing"))

    assert not autostart.enabled()
    autostart.enable(command)

    entry = config_home / "autostart" / "mailguard.desktop"
    assert autostart.enabled() and entry.is_file()
    checked = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")
    assert f"Exec={exec_line(command)}\n" in entry.read_text(encoding="utf-8")
    assert "--home" in command and str(tmp_path / "my home") in command
    assert autostart.disable() is True
    assert not entry.exists() and not autostart.enabled()
    assert autostart.disable() is False  # nothing left to remove: no error


def test_without_xdg_config_home_or_with_a_relative_one_it_uses_home_config(
    tmp_path: Path,
) -> None:
    for environ in ({"HOME": str(tmp_path)}, {"HOME": str(tmp_path), "XDG_CONFIG_HOME": "rel"}):
        autostart = for_platform("linux", environ)
        assert isinstance(autostart, XdgAutostart)
        assert autostart.path == tmp_path / ".config" / "autostart" / "mailguard.desktop"


def test_the_desktop_launches_the_entry_with_exactly_the_arguments_given(tmp_path: Path) -> None:
    """Quoting and escaping survive a real launcher (GLib's, as GNOME and XFCE use)."""
    out = tmp_path / "argv.json"
    recorder = tmp_path / "bin dir" / "record"
    recorder.parent.mkdir()
    recorder.write_text(RECORDER.format(python=sys.executable, out=str(out)), encoding="utf-8")
    recorder.chmod(0o755)
    arguments = ["--home", "/tmp/a b/c", 'say "hi"', "back\\slash", "100%", "$HOME", "`x`", "x;y"]
    autostart = XdgAutostart(tmp_path / "autostart")
    autostart.enable([str(recorder), *arguments])

    subprocess.run(["gio", "launch", str(autostart.path)], check=True, timeout=30)
    deadline = time.monotonic() + 20
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert json.loads(out.read_text(encoding="utf-8")) == arguments


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["/usr/bin/mailguard", "tray"], "/usr/bin/mailguard tray"),
        (["/opt/my apps/mailguard", "tray"], '"/opt/my apps/mailguard" tray'),
        (["/bin/mg", "--home", 'a"b'], '/bin/mg --home "a\\\\"b"'),
        (["/bin/mg", "c:\\x"], '/bin/mg "c:\\\\\\\\x"'),
        (["/bin/mg", "50%"], "/bin/mg 50%%"),
        (["/bin/mg", "$HOME"], '/bin/mg "\\\\$HOME"'),
        (["/bin/mg", ""], '/bin/mg ""'),
    ],
)
def test_exec_lines_quote_and_escape_as_the_desktop_entry_spec_says(
    command: list[str], expected: str
) -> None:
    assert exec_line(command) == expected


@pytest.mark.parametrize(
    ("case", "expected_start"),
    [
        ("bundle", ["{executable}"]),
        ("script", ["{bin}/mailguard"]),
        ("script next to python", ["{bin}/mailguard"]),
        ("module", ["{executable}", "-m", "mailguard"]),
    ],
)
def test_the_entry_starts_the_mailguard_that_is_running_now(
    tmp_path: Path, case: str, expected_start: list[str]
) -> None:
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    executable = bin_dir / "python3"
    executable.touch()
    if case in ("script", "script next to python"):
        (bin_dir / "mailguard").touch()
    argv0 = {
        "bundle": str(tmp_path / "dist" / "mailguard"),
        "script": str(bin_dir / "mailguard"),
        "script next to python": "/usr/lib/python3/site-packages/pytest/__main__.py",
        "module": str(tmp_path / "src" / "mailguard" / "__main__.py"),
    }[case]
    command = launch_command(None, argv0=argv0, executable=str(executable), frozen=case == "bundle")
    wanted = [p.format(executable=executable, bin=bin_dir) for p in expected_start]
    assert command == [*wanted, "tray"]
    with_home = launch_command(
        tmp_path / "h", argv0=argv0, executable=str(executable), frozen=case == "bundle"
    )
    assert with_home == [*wanted, "--home", str(tmp_path / "h"), "tray"]


def test_macos_gets_a_launch_agent_that_runs_the_command_at_login(tmp_path: Path) -> None:
    autostart = for_platform("darwin", {"HOME": str(tmp_path)})
    assert isinstance(autostart, LaunchAgent)
    command = ["/Applications/mailguard.app/Contents/MacOS/mailguard", "tray"]
    autostart.enable(command)
    agent = tmp_path / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    assert autostart.enabled()
    assert plistlib.loads(agent.read_bytes()) == {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    assert autostart.disable() is True and not agent.exists()


class RunValues:
    """Stands in for HKCU's Run key, which exists only on Windows."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> bool:
        return self.values.pop(name, None) is not None


def test_windows_gets_a_run_value_with_the_command_line_quoted_for_windows() -> None:
    registry = RunValues()
    autostart = WindowsRunKey(registry)
    command = [r"C:\Program Files\mailguard\mailguard.exe", "--home", r"C:\Users\a b\mg", "tray"]
    autostart.enable(command)
    assert registry.values == {
        "mailguard": r'"C:\Program Files\mailguard\mailguard.exe" --home "C:\Users\a b\mg" tray'
    }
    assert run_value(["C:\\mg.exe", "tray"]) == "C:\\mg.exe tray"
    assert autostart.enabled()
    assert autostart.disable() is True and registry.values == {}
    assert autostart.disable() is False


def test_a_folder_that_cannot_be_written_gives_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    autostart = XdgAutostart(blocker / "autostart")
    with pytest.raises(ConfigError) as failure:
        autostart.enable(["/bin/mailguard", "tray"])
    assert str(failure.value).startswith(f"cannot write {autostart.path}:")
    assert "\n" not in str(failure.value)
    assert [p.name for p in tmp_path.iterdir()] == ["config"]  # no temporary file left behind


def test_the_entry_names_the_app_and_its_icon_and_needs_no_terminal() -> None:
    text = desktop_entry(["/usr/bin/mailguard", "tray"])
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert "\nName=mailguard\n" in text and "\nIcon=mailguard\n" in text
    assert "\nTerminal=false\n" in text
