"""What a CSV import will do, row by row, before anything changes.

Every row of the file is listed: the cards that will be imported, the rows that
are cards the deck already has (a re-imported export: nothing to do, not an
error) and the rows that will be skipped, each with its reason. Title and reason
wrap onto more lines rather than being cut off, and each cell's tool tip holds
its whole text. Import adds the new cards in one step.
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

from coprod_desktop.domain.kinds import KIND_LABELS
from coprod_desktop.files.csv_cards import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, ImportReport
from coprod_desktop.ui.style.plain_text import plain_tooltip

# The file picker says what a card file holds (the filter's name shows in the dialog).
IMPORT_CAPTION = (
    f"Import cards from CSV: columns {', '.join(REQUIRED_COLUMNS)}; optional "
    f"{', '.join(OPTIONAL_COLUMNS)}"
)
IMPORT_FILTER = (
    f"Card files, columns {', '.join(REQUIRED_COLUMNS)}; optional "
    f"{', '.join(OPTIONAL_COLUMNS)} (*.csv *.CSV *.txt);;All files (*)"
)
SKIPPED_COLOUR = "#fbe9e1"
IN_DECK_COLOUR = "#ececec"
COLUMNS = ("Row", "Result", "Kind", "Title", "Why")
TITLE_COLUMN, WHY_COLUMN = 3, 4


class ImportPreview(QDialog):
    def __init__(
        self,
        report: ImportReport,
        source: str,
        parent: QWidget | None = None,
        action: str = "Import",
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(f"Import cards from {source}")
        self.setMinimumSize(900, 520)
        self.summary = QLabel(_summary(report, source))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # Long titles and reasons wrap: each row grows to show its whole text.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Rows of the file")
        self._fill()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        count = len(report.cards)
        self.import_button = self.buttons.addButton(
            f"{action} {count} card(s)", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(count > 0)
        self.import_button.setDefault(count > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        rows: list[tuple[int, tuple[str, ...], str]] = []
        for number, card in zip(self.report.rows, self.report.cards, strict=True):
            rows.append(
                (
                    number,
                    ("Import", KIND_LABELS.get(card.kind, card.kind), _one_line(card.title), ""),
                    "",
                )
            )
        for row in self.report.in_deck:
            rows.append(
                (
                    row.row,
                    ("In the deck", "", row.title, "already in the deck: nothing to do"),
                    IN_DECK_COLOUR,
                )
            )
        for row in self.report.skipped:
            rows.append((row.row, ("Skipped", "", row.title, row.reason), SKIPPED_COLOUR))
        rows.sort(key=lambda r: r[0])
        self.table.setRowCount(len(rows))
        for r, (number, values, shade) in enumerate(rows):
            for c, value in enumerate((str(number), *values)):
                item = QTableWidgetItem(value)  # table items show plain text
                if shade:
                    item.setBackground(QColor(shade))
                if c in (TITLE_COLUMN, WHY_COLUMN):
                    item.setToolTip(plain_tooltip(value))
                self.table.setItem(r, c, item)

    def row_texts(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (for tests and screen readers)."""

        def text(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        return [
            tuple(text(r, c) for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]


def _summary(report: ImportReport, source: str) -> str:
    text = f"{source}: {len(report.cards)} card(s) will be imported"
    if report.in_deck:
        text += f"; {len(report.in_deck)} row(s) are cards already in the deck (nothing to do)"
    if report.skipped:
        text += (
            f"; {len(report.skipped)} row(s) will be skipped (shaded in red below, with the reason)"
        )
    text += "."
    if report.ignored_columns:
        text += f" Columns ignored: {', '.join(report.ignored_columns)}."
    if not report.cards and report.in_deck and not report.skipped:
        text += " Every card in this file is already in the deck: there is nothing to import."
    elif not report.cards:
        text += " There is nothing to import: fix the file and try again."
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())
