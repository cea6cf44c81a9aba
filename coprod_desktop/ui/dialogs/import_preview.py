"""What a CSV import will do, row by row, before anything changes.

Every row of the file is listed: the cards that will be imported, the rows that
are cards the deck already has (a re-imported export: nothing to do, not an
error) and the rows that will be skipped, each with its reason. Title and reason
wrap onto more lines rather than being cut off, and each cell's tool tip holds
its whole text. Import adds the new cards in one step.

A file at the size limit may hold 280,000 rows: the report lists at most
MAX_LISTED_ROWS of the skipped rows (and of those already in the deck) and counts
the rest, which the summary says. CsvReadJob reads the file in a worker thread while
the window stays responsive; a progress dialog with Cancel appears when it takes
longer than a moment (issue 17, item 7).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.kinds import KIND_LABELS
from coprod_desktop.domain.model import Card
from coprod_desktop.files.csv_cards import (
    MAX_LISTED_ROWS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    ImportCancelled,
    ImportReport,
    read_cards_csv,
)
from coprod_desktop.ui.style.plain_text import isolate, plain_tooltip, title_text

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
        self.setWindowTitle(f"Import cards from {title_text(source)}")
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
    if report.in_deck_count:
        text += f"; {report.in_deck_count:,} row(s) are cards already in the deck (nothing to do)"
    if report.skipped_count:
        text += (
            f"; {report.skipped_count:,} row(s) will be skipped "
            "(shaded in red below, with the reason)"
        )
    text += "."
    if report.more_skipped or report.more_in_deck:
        text += (
            f" Only the first {MAX_LISTED_ROWS:,} of each are listed below; "
            f"{report.more_skipped + report.more_in_deck:,} more row(s) are counted, not listed."
        )
    if report.ignored_columns:
        text += f" Columns ignored: {', '.join(report.ignored_columns)}."
    if not report.cards and report.in_deck and not report.skipped:
        text += " Every card in this file is already in the deck: there is nothing to import."
    elif not report.cards:
        text += " There is nothing to import: fix the file and try again."
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())


class CsvReadJob(QObject):
    """Read a card CSV in a worker thread; the caller's event loop keeps running (a
    nested one), and a progress dialog with Cancel appears after SHOW_AFTER_MS.
    run() returns the report, None when cancelled, or raises CsvCardsError."""

    SHOW_AFTER_MS = 300
    POLL_MS = 20
    QUICK_S = 0.05  # a small file is read before anything needs to show

    def __init__(self, parent: QWidget, path: Path, existing: Iterable[Card] = ()) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.path = path
        self.existing = list(existing)  # the deck as it is now; the thread only reads it
        self.done = 0.0  # the share of the file read, written by the worker
        self.report: ImportReport | None = None
        self.error: BaseException | None = None
        self.cancelled = threading.Event()
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        self.cancelled.set()

    def _progress(self, done: float) -> bool:
        self.done = done
        return not self.cancelled.is_set()

    def _work(self) -> None:
        try:
            self.report = read_cards_csv(self.path, self.existing, self._progress)
        except ImportCancelled:
            self.report = None
        except BaseException as exc:  # raised again in run(), on the UI thread
            self.error = exc

    def run(self) -> ImportReport | None:
        worker = threading.Thread(target=self._work, name="csv-import", daemon=True)
        worker.start()
        worker.join(self.QUICK_S)
        if worker.is_alive():
            self._wait(worker)
        worker.join()
        if self.error is not None:
            raise self.error
        return None if self.cancelled.is_set() else self.report

    def _wait(self, worker: threading.Thread) -> None:
        dialog = self.dialog = QProgressDialog(
            f"Reading {isolate(self.path.name)}…", "Cancel", 0, 1000, self.parent_widget
        )
        dialog.setWindowTitle("Import cards")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(self.SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        loop = QEventLoop(self)
        timer = QTimer(self)
        timer.setInterval(self.POLL_MS)

        def poll() -> None:
            dialog.setValue(int(self.done * 1000))
            if not worker.is_alive():
                loop.quit()

        timer.timeout.connect(poll)
        timer.start()
        dialog.setValue(0)
        loop.exec()
        timer.stop()
        dialog.canceled.disconnect(self.cancel)  # closing it emits canceled: not the user's
        dialog.close()
        dialog.deleteLater()
        self.dialog = None
