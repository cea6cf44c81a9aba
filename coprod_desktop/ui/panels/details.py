"""The details panel: the selected card's text, more and source, and the
group's note on why they put it where they did."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.kinds import KIND_LABELS
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import fonts

NOTE_PROMPT = "Why did your group put it here? Write it for the handout."
NOTE_PROMPT_UNPLACED = "Place the card on the board, then write why here."


def _plain_label(object_name: str, px: float, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never rich text
    label.setWordWrap(True)
    label.setFont(fonts.font(px, bold))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailsPanel(QWidget):
    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.card_id = ""
        self.kind = _plain_label("kind", 14)
        self.title = _plain_label("title", 22, bold=True)
        self.text = _plain_label("text", 16)
        self.more = _plain_label("more", 14)
        self.source = _plain_label("source", 12)
        self.where = _plain_label("where", 14, bold=True)
        self.note_label = QLabel("Our note: why we put it here")
        self.note_label.setFont(fonts.font(14, bold=True))
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setFont(fonts.font(16))
        self.note.setAccessibleName("Note on why the group put this card here")
        self.note.setMinimumHeight(110)
        self.note.setUndoRedoEnabled(False)  # Ctrl+Z goes to the session's undo stack
        self.note.setTabChangesFocus(True)  # Tab leaves the note; it never types a tab
        self.note.textChanged.connect(self._on_note_edited)
        self.note_label.setBuddy(self.note)

        body = QWidget()
        column = QVBoxLayout(body)
        for w in (self.kind, self.title, self.text, self.more, self.source, self.where):
            column.addWidget(w)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note, 1)
        self.setAccessibleName("Card details")

        # Bound methods, not lambdas: PySide drops them when this widget is deleted.
        document.arrangement_changed.connect(self.refresh)
        document.current_group_changed.connect(self.clear_card)
        document.session_replaced.connect(self.clear_card)
        self.show_card("")

    def clear_card(self, *_args: object) -> None:
        self.show_card("")

    def show_card(self, card_id: str) -> None:
        self.card_id = card_id
        self.refresh()

    def refresh(self, *_args: object) -> None:
        session, group = self.document.session, self.document.current_group
        try:
            card = session.card(group, self.card_id) if self.card_id else None
        except DomainError:
            card = None
            self.card_id = ""
        if card is None:
            self.kind.setText("")
            self.title.setText("No card selected")
            self.text.setText("Tap a card in the tray or on the board to read it here.")
            for w in (self.more, self.source, self.where):
                w.setText("")
            self._set_note_text("", enabled=False)
            return
        self.kind.setText(KIND_LABELS.get(card.kind, card.kind))
        self.title.setText(card.title)
        self.text.setText(card.text)
        self.more.setText(card.more)
        self.source.setText(f"Source: {card.source}" if card.source else "")
        placement = group.placement(card.id)
        if placement is None:
            self.where.setText("In the tray: not placed yet.")
            self._set_note_text("", enabled=False)
        else:
            region = session.board.region(placement.region)
            self.where.setText(
                f"{group.name} put it in: {region.label if region else placement.region}"
            )
            self._set_note_text(placement.note, enabled=True)

    def _set_note_text(self, text: str, enabled: bool) -> None:
        self.note.setEnabled(enabled)
        self.note.setPlaceholderText(NOTE_PROMPT if enabled else NOTE_PROMPT_UNPLACED)
        if self.note.toPlainText() != text:
            self.note.blockSignals(True)
            cursor_at = min(self.note.textCursor().position(), len(text))
            self.note.setPlainText(text)
            cursor = self.note.textCursor()
            cursor.setPosition(cursor_at)
            self.note.setTextCursor(cursor)
            self.note.blockSignals(False)

    def _on_note_edited(self) -> None:
        if self.card_id:
            self.document.set_note(self.card_id, self.note.toPlainText())
