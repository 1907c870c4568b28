"""Renders the app icon into the hicolor sizes desktops look for (run after changing the SVG).

    python packaging/render_icons.py

Writes resources/icons/hicolor/<size>x<size>/apps/mailguard.png and the
scalable SVG next to them, ready to copy into $PREFIX/share/icons/hicolor.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise OSError(f"cannot write {target}")


def main() -> int:
    QGuiApplication(sys.argv[:1])
    source = ICONS / "mailguard.svg"
    for size in SIZES:
        render(source, size, ICONS / "hicolor" / f"{size}x{size}" / "apps" / "mailguard.png")
    scalable = ICONS / "hicolor" / "scalable" / "apps" / "mailguard.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    print(f"rendered {len(SIZES)} sizes into {ICONS / 'hicolor'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
