"""Rows of a report table out of the window: tab-separated for the clipboard, CSV for a file.

The clipboard gets what the table shows (dates in the user's locale, to paste
into a mail or a spreadsheet); the CSV file gets dates as ISO 8601 with their
offset in the user's zone, so a spreadsheet or a script reads them unambiguously.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from mailguard.core.errors import StorageError
from mailguard.ui.windows.report_model import ColumnKind, TableData


def tab_separated(table: TableData, rows: Sequence[int]) -> str:
    """A header line and one line per row; tabs and line breaks inside a cell become spaces."""
    lines = [table.headers(), *(table.cells[row] for row in rows)]
    return "".join("\t".join(_one_line(cell) for cell in line) + "\n" for line in lines)


def write_csv(path: Path, table: TableData, rows: Sequence[int], zone: tzinfo) -> int:
    """Write ``rows`` of ``table`` as UTF-8 CSV with a header row; returns how many rows."""
    moments = [at for at, column in enumerate(table.columns) if column.kind is ColumnKind.MOMENT]
    try:
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(table.headers())
            for row in rows:
                cells = list(table.cells[row])
                for at in moments:
                    moment = table.moments[at][row].astimezone(zone)
                    cells[at] = moment.isoformat(timespec="seconds")
                writer.writerow(cells)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return len(rows)


def ask_csv_path(parent: QWidget, caption: str, file_name: str, file_filter: str) -> Path | None:
    """The save dialog, in the documents folder; None when cancelled. ``.csv`` is added."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(
        parent, caption, str(Path(folder) / file_name), file_filter
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".csv" else path.with_name(path.name + ".csv")


def _one_line(cell: str) -> str:
    return " ".join(cell.replace("\t", " ").splitlines())
