"""Every user-visible text is translated into German, and the translations are current.

The .ts files are regenerated from the code (pyside6-lupdate) into a temp dir
and compared with the committed ones, so a new text without a German
translation fails here, naming the text.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import translations  # noqa: E402

COMMITTED = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in SafeET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("ts")
    for language in translations.LANGUAGES:
        (target / f"mailguard_{language}.ts").write_bytes(
            (COMMITTED / f"mailguard_{language}.ts").read_bytes()
        )
    translations.update(target)
    return target


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_committed_translations_hold_every_text_the_code_shows(
    regenerated: Path, language: str
) -> None:
    committed = set(messages(COMMITTED / f"mailguard_{language}.ts"))
    current = set(messages(regenerated / f"mailguard_{language}.ts"))
    assert current - committed == set(), "new texts: run packaging/translations.py update"
    assert committed - current == set(), "texts no longer shown: run translations.py update"


def test_every_text_has_a_finished_german_translation_with_the_same_placeholders() -> None:
    untranslated = []
    for (context, source), message in messages(COMMITTED / "mailguard_de.ts").items():
        translation = message.find("translation")
        done = translation is not None and translation.get("type") != "unfinished"
        forms = texts(message)
        if not done or not all(f.strip() for f in forms):
            untranslated.append(f"{context}: {source}")
            continue
        for form in forms:
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            assert sorted(set(PLACEHOLDER.findall(form))) == wanted, (context, source, form)
    assert untranslated == []


def test_english_plurals_have_both_forms() -> None:
    for (context, source), message in messages(COMMITTED / "mailguard_en.ts").items():
        if message.get("numerus") == "yes":
            forms = texts(message)
            assert len(forms) == 2 and all(forms), (context, source)


def test_the_built_german_catalogue_translates_the_tray(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    translations.build(COMMITTED, tmp_path)
    german = QTranslator()
    assert german.load(str(tmp_path / "mailguard_de.qm"))
    assert german.translate("Tray", "Resync now") == "Jetzt abgleichen"
    assert german.translate("TrayMenu", "Quit mailguard") == "mailguard beenden"
