"""What a CSV import will do, row by row, before anything changes.

Every row of the file is listed: the cards that will be imported and the rows
that will be skipped, each with its reason. Import adds them all in one step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..csv_cards import ImportReport
from ..model import KIND_LABELS

SKIPPED_COLOUR = "#fbe9e1"
COLUMNS = ("Row", "Result", "Kind", "Title", "Why")


class ImportPreview(QDialog):
    def __init__(self, report: ImportReport, source: str, parent: QWidget | None = None,
                 action: str = "Import") -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(f"Import cards from {source}")
        self.setMinimumSize(760, 460)
        self.summary = QLabel(_summary(report, source))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Rows of the file")
        self._fill()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        count = len(report.cards)
        self.import_button = self.buttons.addButton(
            f"{action} {count} card(s)", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(count > 0)
        self.import_button.setDefault(count > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        rows: list[tuple[int, tuple[str, ...], bool]] = []
        for number, card in zip(self.report.rows, self.report.cards, strict=True):
            rows.append((number, ("Import", KIND_LABELS.get(card.kind, card.kind),
                                  _one_line(card.title), ""), False))
        for row in self.report.skipped:
            rows.append((row.row, ("Skipped", "", row.title, row.reason), True))
        rows.sort(key=lambda r: r[0])
        self.table.setRowCount(len(rows))
        for r, (number, values, skipped) in enumerate(rows):
            for c, value in enumerate((str(number), *values)):
                item = QTableWidgetItem(value)  # table items show plain text
                if skipped:
                    item.setBackground(QColor(SKIPPED_COLOUR))
                self.table.setItem(r, c, item)

    def row_texts(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (for tests and screen readers)."""
        def text(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        return [tuple(text(r, c) for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]


def _summary(report: ImportReport, source: str) -> str:
    text = f"{source}: {len(report.cards)} card(s) will be imported"
    if report.skipped:
        text += f"; {len(report.skipped)} row(s) will be skipped (shaded below, with the reason)"
    text += "."
    if report.ignored_columns:
        text += f" Columns ignored: {', '.join(report.ignored_columns)}."
    if not report.cards:
        text += " There is nothing to import: fix the file and try again."
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())
