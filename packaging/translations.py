"""Keeps the Qt translations in step with the code: ``update`` the .ts, ``build`` the .qm.

    python packaging/translations.py update   # after changing user-visible text
    python packaging/translations.py build    # the install step; writes the .qm files

``update`` runs pyside6-lupdate over every module that says something to the
user (``tr(``, ``translate(``, ``QT_TRANSLATE_NOOP(``) and keeps finished
translations; new texts arrive unfinished, and a test fails until German has
them. ``build`` runs pyside6-lrelease. Both use the tools PySide6 installs next
to the Python running this script.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")
_MARKERS = re.compile(r"\btr\(|\btranslate\(|QT_TRANSLATE_NOOP\(")


def tool(name: str) -> str:
    """``pyside6-lupdate`` of this Python's environment (a venv's bin, or PATH)."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def sources() -> list[Path]:
    return sorted(
        path
        for path in (ROOT / "mailguard").rglob("*.py")
        if _MARKERS.search(path.read_text(encoding="utf-8"))
    )


def update(target_dir: Path = TRANSLATIONS) -> list[Path]:
    target_dir.mkdir(parents=True, exist_ok=True)
    files = [str(path.relative_to(ROOT)) for path in sources()]
    written = []
    for language in LANGUAGES:
        ts = target_dir / f"mailguard_{language}.ts"
        subprocess.run(
            [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
             "-target-language", language, *files, "-ts", str(ts)],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        written.append(ts)
    return written


def build(source_dir: Path = TRANSLATIONS, target_dir: Path | None = None) -> list[Path]:
    target_dir = target_dir or source_dir
    built = []
    for language in LANGUAGES:
        ts = source_dir / f"mailguard_{language}.ts"
        qm = target_dir / f"mailguard_{language}.qm"
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True, capture_output=True,
        )  # fmt: skip
        built.append(qm)
    return built


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        for path in update():
            print(path.relative_to(ROOT))
        return 0
    if argv[1:] == ["build"]:
        for path in build():
            print(path.relative_to(ROOT))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
