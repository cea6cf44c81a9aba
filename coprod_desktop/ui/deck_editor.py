"""The facilitator edits this session's deck: add, edit, remove, reorder, import, export.

Edits belong to the session file; the built-in deck is never touched. Every
change is one undoable command; removing a placed card says where it is and
asks first. Questions and file dialogs go through ask_*/confirm_*/show_* methods.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..csv_cards import CsvCardsError, ImportReport, read_cards_csv, write_cards_csv
from ..model import CARD_KINDS, Card, CardDraft, DomainError, Group, Placement
from . import edit_commands
from .custom_card_dialog import CardDialog
from .document import SessionDocument
from .import_preview import ImportPreview
from .plain_text import show_plain_message

log = logging.getLogger(__name__)
CSV_FILTER = "CSV files (*.csv);;All files (*)"
CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ZONE_NAMES = {"matrix": "Matrix", "ladder": "Ladder"}
SHORT_KINDS = {"principle": "Principle", "activity": "Activity", "non_example": "Not co-production",
               "custom": "Own card"}


class DeckEditor(QDialog):
    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle("Edit the session's deck")
        self.setMinimumSize(720, 520)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Cards in the deck")
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self.edit_selected)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for key, text, slot in (
            ("add", "&Add card...", self.add), ("edit", "&Edit...", self.edit_selected),
            ("remove", "&Remove...", self.remove_selected), ("up", "Move &up", self.move_up),
            ("down", "Move &down", self.move_down), (None, "", None),
            ("import", "&Import CSV...", self.import_csv),
            ("export", "E&xport CSV...", self.export_csv),
        ):
            if key is None:
                column.addSpacing(16)
                continue
            button = QPushButton(text)
            button.setMinimumHeight(36)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            column.addWidget(button)
            self.buttons[key] = button
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(column)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row, 1)
        layout.addWidget(close)
        document.deck_changed.connect(self.refresh)
        document.session_replaced.connect(self.refresh)
        self.refresh()

    # --- questions and file dialogs (replaced in tests) ------------------------------
    def ask_draft(self, heading: str, card: Card | None) -> CardDraft | None:
        dialog = CardDialog(self, heading, CARD_KINDS, card, full=True)
        return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm_remove(self, card: Card, where: list[tuple[Group, Placement]]) -> bool:
        places = "\n".join(f"• {g.name}: {self._region_label(p.region)}" for g, p in where)
        answer = show_plain_message(
            self, "Remove card",
            f"“{card.title}” is on the board of {len(where)} group(s):\n{places}\n\n"
            "Removing it from the deck takes it off those boards too, with its notes. "
            "(Edit > Undo brings it all back.)\n\nRemove it?",
            QMessageBox.Icon.Question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_import_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Import cards from CSV", self._folder(),
                                              CSV_FILTER)
        return Path(name) if name else None

    def ask_export_path(self, suggestion: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the deck to CSV",
                                              str(Path(self._folder()) / suggestion), CSV_FILTER)
        return Path(name) if name else None

    def confirm_import(self, report: ImportReport, source: str) -> bool:
        preview = ImportPreview(report, source, self)
        return preview.exec() == QDialog.DialogCode.Accepted

    def show_error(self, title: str, message: str) -> None:
        log.warning("%s: %s", title, message)
        show_plain_message(self, title, message, QMessageBox.Icon.Warning)

    def _folder(self) -> str:
        path = self.document.path
        return str(path.parent) if path else str(Path.cwd())

    # --- the list -----------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        deck = self.document.session.deck
        keep = self.selected_id()
        self.heading.setText(
            f"“{deck.title}”: {len(deck.cards)} card(s). These edits belong to this session's "
            "file; the built-in deck is not changed. Each group's own cards are edited from "
            "their board (+ Our own card)."
        )
        self.list.blockSignals(True)
        self.list.clear()
        for card in deck.cards:
            placed = len(self.document.session.where_placed(card.id))
            where = f"  · on {placed} board(s)" if placed else ""
            item = QListWidgetItem(f"{SHORT_KINDS.get(card.kind, card.kind)}: {card.title}{where}")
            item.setData(CARD_ID_ROLE, card.id)
            item.setToolTip(card.text)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.select(keep)

    def select(self, card_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(CARD_ID_ROLE) == card_id:
                self.list.setCurrentRow(row)
                break
        self._update_buttons()

    def selected_id(self) -> str:
        item = self.list.currentItem()
        return item.data(CARD_ID_ROLE) if item is not None else ""

    def card_ids(self) -> list[str]:
        return [self.list.item(r).data(CARD_ID_ROLE) for r in range(self.list.count())]

    def _update_buttons(self, *_args: object) -> None:
        row, count = self.list.currentRow(), self.list.count()
        for key in ("edit", "remove"):
            self.buttons[key].setEnabled(row >= 0)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < count - 1)
        self.buttons["export"].setEnabled(count > 0)

    def _region_label(self, region_id: str) -> str:
        region = self.document.session.board.region(region_id)
        if region is None:
            return region_id
        zone = ZONE_NAMES.get(region.zone, "")
        return f"{zone}, {region.label}" if zone else region.label

    # --- actions --------------------------------------------------------------------------
    def add(self) -> str:
        draft = self.ask_draft("New card in the deck", None)
        if draft is None:
            return ""
        row = self.list.currentRow()
        try:
            added = edit_commands.add_deck_cards(self.document, [draft],
                                                 index=row + 1 if row >= 0 else None)
        except DomainError as exc:
            self.show_error("Card not added", str(exc))
            return ""
        self.select(added[0].id)
        return added[0].id

    def edit_selected(self, *_args: object) -> bool:
        card = self.document.session.deck.card(self.selected_id())
        if card is None:
            return False
        draft = self.ask_draft("Edit card", card)
        if draft is None:
            return False
        try:
            return edit_commands.edit_deck_card(self.document, card.id, draft)
        except DomainError as exc:
            self.show_error("Card not changed", str(exc))
            return False

    def remove_selected(self) -> bool:
        card = self.document.session.deck.card(self.selected_id())
        if card is None:
            return False
        where = self.document.session.where_placed(card.id)
        if where and not self.confirm_remove(card, where):
            return False
        row = self.list.currentRow()
        done = edit_commands.remove_deck_card(self.document, card.id)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        return done

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        card_id = self.selected_id()
        if card_id and edit_commands.move_deck_card(self.document, card_id,
                                                    self.list.currentRow() + delta):
            self.select(card_id)

    def import_csv(self, path: Path | None = None) -> int:
        """Preview a CSV, then add its cards in one step; returns how many were added."""
        path = path or self.ask_import_path()
        if path is None:
            return 0
        try:
            report = read_cards_csv(path, self.document.session.deck.cards)
        except CsvCardsError as exc:
            self.show_error("Cannot import cards",
                            f"{path.name}: {exc}\n\nNothing was imported; the deck is unchanged.")
            return 0
        if not self.confirm_import(report, path.name) or not report.cards:
            return 0
        try:
            added = edit_commands.add_deck_cards(
                self.document, report.cards,
                text=f"Import {len(report.cards)} card(s) from {path.name}")
        except DomainError as exc:
            self.show_error("Cannot import cards", f"{path.name}: {exc}\n\nNothing was imported.")
            return 0
        if added:
            self.select(added[0].id)
        return len(added)

    def export_csv(self, path: Path | None = None) -> Path | None:
        path = path or self.ask_export_path(_slug(self.document.session.deck.title) + ".csv")
        if path is None:
            return None
        if path.suffix == "":
            path = path.with_suffix(".csv")
        try:
            write_cards_csv(self.document.session.deck.cards, path)
        except OSError as exc:
            self.show_error("Cannot export the deck",
                            f"The deck could not be written to\n{path}\n({exc.strerror or exc}).")
            return None
        return path


def _slug(title: str) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    return "-".join(part for part in stem.split("-") if part)[:60] or "deck"
