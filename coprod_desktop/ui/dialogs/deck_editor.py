"""The facilitator edits this session's deck: add, edit, remove, reorder, import, export.

Edits belong to the session file; the built-in deck is never touched. Every
change is one undoable command; removing a placed card says where it is and
asks first. Questions and file dialogs go through ask_*/confirm_*/show_* methods.
Cards are listed under a heading per kind, in the tray's order (model.KIND_ORDER);
Move up/down moves a card among the cards of its kind.
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

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.kinds import KIND_ORDER
from coprod_desktop.domain.model import Card, CardDraft, Group, Placement, in_kind_order
from coprod_desktop.files.csv_cards import (
    CsvCardsError,
    ImportReport,
    format_hint,
    write_cards_csv,
)
from coprod_desktop.ui.dialogs.custom_card import CardDialog
from coprod_desktop.ui.dialogs.import_preview import (
    IMPORT_CAPTION,
    IMPORT_FILTER,
    CsvReadJob,
    ImportPreview,
)
from coprod_desktop.ui.dialogs.replace import ask_replace, with_suffix_confirmed
from coprod_desktop.ui.document import edit_commands
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import theme
from coprod_desktop.ui.style.plain_text import isolate, plain_tooltip, quoted, show_plain_message

log = logging.getLogger(__name__)
CSV_FILTER = "CSV files (*.csv);;All files (*)"
CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_HEADING_ROLE = Qt.ItemDataRole.UserRole + 2
ZONE_NAMES = {"matrix": "Matrix", "ladder": "Ladder"}


class DeckEditor(QDialog):
    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.csv_job: CsvReadJob | None = None  # a CSV being read (Import...)
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
            ("add", "&Add card...", self.add),
            ("edit", "&Edit...", self.edit_selected),
            ("remove", "&Remove...", self.remove_selected),
            ("up", "Move &up", self.move_up),
            ("down", "Move &down", self.move_down),
            (None, "", None),
            ("import", "&Import CSV...", self.import_csv),
            ("export", "E&xport CSV...", self.export_csv),
        ):
            if key is None:
                column.addSpacing(16)
                continue
            button = QPushButton(text)
            button.setMinimumHeight(36)
            if key in ("import", "export"):
                button.setToolTip(format_hint())
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            column.addWidget(button)
            self.buttons[key] = button
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(column)
        # The CSV format, up front: before the file picker, not in an error after it.
        self.format_note = QLabel("Import CSV: " + format_hint())
        self.format_note.setTextFormat(Qt.TextFormat.PlainText)
        self.format_note.setWordWrap(True)
        self.format_note.setStyleSheet("color: #4a4a4a;")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row, 1)
        layout.addWidget(self.format_note)
        layout.addWidget(close)
        document.deck_changed.connect(self.refresh)
        document.session_replaced.connect(self.refresh)
        self.refresh()

    # --- questions and file dialogs (replaced in tests) ------------------------------
    def ask_draft(self, heading: str, card: Card | None) -> CardDraft | None:
        dialog = CardDialog(self, heading, KIND_ORDER, card, full=True)
        return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm_remove(self, card: Card, where: list[tuple[Group, Placement]]) -> bool:
        places = "\n".join(
            f"• {isolate(g.name)}: {isolate(self._region_label(p.region))}" for g, p in where
        )
        answer = show_plain_message(
            self,
            "Remove card",
            f"{quoted(card.title)} is on the board of {len(where)} group(s):\n{places}\n\n"
            "Removing it from the deck takes it off those boards too, with its notes. "
            "(Edit > Undo brings it all back.)\n\nRemove it?",
            QMessageBox.Icon.Question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_import_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, IMPORT_CAPTION, self._folder(), IMPORT_FILTER)
        return Path(name) if name else None

    def ask_export_path(self, suggestion: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the deck to CSV", str(Path(self._folder()) / suggestion), CSV_FILTER
        )
        return Path(name) if name else None

    def confirm_import(self, report: ImportReport, source: str) -> bool:
        preview = ImportPreview(report, source, self)
        return preview.exec() == QDialog.DialogCode.Accepted

    def confirm_replace(self, path: Path) -> bool:
        return ask_replace(self, path)

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
            f"{quoted(deck.title)}: {len(deck.cards)} card(s). "
            "These edits belong to this session's "
            "file; the built-in deck is not changed. Each group's own cards are edited from "
            "their board (+ Our own card)."
        )
        self.list.blockSignals(True)
        self.list.clear()
        kind = None
        for card in in_kind_order(deck.cards):
            if card.kind != kind:
                kind = card.kind
                self.list.addItem(self._heading(kind, sum(c.kind == kind for c in deck.cards)))
            placed = len(self.document.session.where_placed(card.id))
            where = f"  · on {placed} board(s)" if placed else ""
            item = QListWidgetItem(f"{isolate(card.title)}{where}")
            item.setData(CARD_ID_ROLE, card.id)
            item.setToolTip(plain_tooltip(f"{card.title}\n{card.text}".strip()))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.select(keep)

    def _heading(self, kind: str, count: int) -> QListWidgetItem:
        """A kind's heading, as in the tray; it cannot be selected."""
        style = theme.KIND_STYLES.get(kind)
        item = QListWidgetItem(f"{style.label if style else kind} ({count})")
        item.setData(KIND_HEADING_ROLE, kind)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        return item

    def select(self, card_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(CARD_ID_ROLE) == card_id:
                self.list.setCurrentRow(row)
                break
        self._update_buttons()

    def selected_id(self) -> str:
        item = self.list.currentItem()
        return (item.data(CARD_ID_ROLE) or "") if item is not None else ""  # "" on a heading

    def card_ids(self) -> list[str]:
        """The cards as listed: by kind, then in deck order."""
        ids = (self.list.item(r).data(CARD_ID_ROLE) for r in range(self.list.count()))
        return [card_id for card_id in ids if card_id]

    def _neighbour(self, card_id: str, delta: int) -> Card | None:
        """The card listed delta places away among the cards of the same kind, if any."""
        cards = self.document.session.deck.cards
        card = self.document.session.deck.card(card_id)
        if card is None:
            return None
        same = [c for c in cards if c.kind == card.kind]
        at = same.index(card) + delta
        return same[at] if 0 <= at < len(same) else None

    def _update_buttons(self, *_args: object) -> None:
        card_id = self.selected_id()
        for key in ("edit", "remove"):
            self.buttons[key].setEnabled(bool(card_id))
        self.buttons["up"].setEnabled(self._neighbour(card_id, -1) is not None)
        self.buttons["down"].setEnabled(self._neighbour(card_id, 1) is not None)
        self.buttons["export"].setEnabled(bool(self.document.session.deck.cards))

    def _region_label(self, region_id: str) -> str:
        region = self.document.session.board.region(region_id)
        if region is None:
            return region_id
        zone = ZONE_NAMES.get(region.lens, "")
        return f"{zone}, {region.label}" if zone else region.label

    # --- actions --------------------------------------------------------------------------
    def add(self) -> str:
        draft = self.ask_draft("New card in the deck", None)
        if draft is None:
            return ""
        after = self._insert_after(draft.kind)
        try:
            added = edit_commands.add_deck_cards(
                self.document, [draft], index=after + 1 if after >= 0 else None
            )
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
        listed = self.card_ids()
        done = edit_commands.remove_deck_card(self.document, card.id)
        rest = self.card_ids()
        if rest:  # the card listed next takes its place
            self.select(rest[min(listed.index(card.id), len(rest) - 1)])
        return done

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        """Swap places with the neighbouring card of the same kind."""
        card_id = self.selected_id()
        neighbour = self._neighbour(card_id, delta)
        if neighbour is not None and edit_commands.move_deck_card(
            self.document, card_id, self._deck_index(neighbour.id)
        ):
            self.select(card_id)

    def _insert_after(self, kind: str) -> int:
        """A new card goes after the selected card when it is of the same kind, else
        after the last card of its kind (-1: at the end)."""
        selected = self.document.session.deck.card(self.selected_id())
        if selected is not None and selected.kind == kind:
            return self._deck_index(selected.id)
        same = [c.id for c in self.document.session.deck.cards if c.kind == kind]
        return self._deck_index(same[-1]) if same else -1

    def _deck_index(self, card_id: str) -> int:
        ids = [c.id for c in self.document.session.deck.cards]
        return ids.index(card_id) if card_id in ids else -1

    def import_csv(self, path: Path | None = None) -> int:
        """Preview a CSV, then add its cards in one step; returns how many were added."""
        path = path or self.ask_import_path()
        if path is None:
            return 0
        if self.csv_job is not None:
            return 0  # one import at a time (the window runs events while it reads)
        self.csv_job = CsvReadJob(self, path, self.document.session.deck.cards)
        try:
            report = self.csv_job.run()  # off the UI thread, with progress and Cancel
        except CsvCardsError as exc:
            self.show_error(
                "Cannot import cards",
                f"{isolate(path.name)}: {exc}\n\nNothing was imported; the deck is unchanged.",
            )
            return 0
        finally:
            self.csv_job = None
        if report is None:  # cancelled
            return 0
        if not self.confirm_import(report, path.name) or not report.cards:
            return 0
        try:
            added = edit_commands.add_deck_cards(
                self.document,
                report.cards,
                text=f"Import {len(report.cards)} card(s) from {path.name}",
            )
        except DomainError as exc:
            self.show_error(
                "Cannot import cards", f"{isolate(path.name)}: {exc}\n\nNothing was imported."
            )
            return 0
        if added:
            self.select(added[0].id)
        return len(added)

    def export_csv(self, path: Path | None = None) -> Path | None:
        path = path or self.ask_export_path(_slug(self.document.session.deck.title) + ".csv")
        if path is not None:  # a name typed without .csv: ask about NAME.csv
            path = with_suffix_confirmed(path, ".csv", self.confirm_replace)
        if path is None:
            return None
        try:
            write_cards_csv(in_kind_order(self.document.session.deck.cards), path)
        except OSError as exc:
            self.show_error(
                "Cannot export the deck",
                f"The deck could not be written to\n{isolate(str(path))}\n({exc.strerror or exc}).",
            )
            return None
        return path


def _slug(title: str) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    return "-".join(part for part in stem.split("-") if part)[:60] or "deck"
