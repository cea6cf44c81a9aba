"""The details panel: the selected card's text, more and source, where the group
put it on each lens, the principles the group sees in it, and the group's note on
the card (kept when the card moves or goes back to the tray)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.decisions import missing_text, principle_numbers
from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.kinds import KIND_LABELS
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import focus, fonts
from coprod_desktop.ui.style.plain_text import menu_text

NOTE_PROMPT = "Why did your group put it here? Write it for the handout."
NOTE_PROMPT_UNPLACED = "What does your group think of this card? The note stays when you place it."


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
        self.marks = _plain_label("marks", 14)
        self.mark_button = QToolButton()
        self.mark_button.setObjectName("mark")
        self.mark_button.setText("Principles it shows \u25be")
        self.mark_button.setFont(fonts.font(14, bold=True))
        self.mark_button.setMinimumHeight(44)  # a touch target
        self.mark_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.mark_button.setAccessibleName("Mark the principles this card shows")
        self.mark_menu = QMenu(self.mark_button)
        self.mark_menu.setFont(fonts.font(18))
        self.mark_menu.aboutToShow.connect(self._fill_mark_menu)
        self.mark_button.setMenu(self.mark_menu)
        self.note_label = QLabel("Our note on this card")
        self.note_label.setFont(fonts.font(14, bold=True))
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setStyleSheet(focus.field_style("QPlainTextEdit#note"))
        self.note.setFont(fonts.font(16))
        self.note.setAccessibleName("The group's note on this card")
        self.note.setMinimumHeight(110)
        self.note.setUndoRedoEnabled(False)  # Ctrl+Z goes to the session's undo stack
        self.note.setTabChangesFocus(True)  # Tab leaves the note; it never types a tab
        self.note.textChanged.connect(self._on_note_edited)
        self.note_label.setBuddy(self.note)

        body = QWidget()
        column = QVBoxLayout(body)
        for w in (
            self.kind,
            self.title,
            self.text,
            self.more,
            self.source,
            self.where,
            self.marks,
            self.mark_button,
        ):
            column.addWidget(w)
        column.addStretch(1)
        scroll = self.scroll_area = QScrollArea()
        scroll.setObjectName("details-scroll")
        scroll.setAccessibleName("Card details: the selected card's text and places")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setStyleSheet(focus.field_style("QScrollArea#details-scroll"))
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
            for w in (self.more, self.source, self.where, self.marks):
                w.setText("")
            self.mark_button.setVisible(False)
            self._set_note_text("", enabled=False)
            return
        self.kind.setText(KIND_LABELS.get(card.kind, card.kind))
        self.title.setText(card.title)
        self.text.setText(card.text)
        self.more.setText(card.more)
        self.source.setText(f"Source: {card.source}" if card.source else "")
        places = []
        for lens in session.board.lenses:
            placement = session.place_on(group, card.id, lens.id)
            region = session.board.region(placement.region) if placement else None
            if region is not None:
                places.append(f"{lens.label}: {region.label}")
        if places:
            lacking = missing_text(session, group, card.id)
            lines = [f"{group.name} put it", *places] + ([f"({lacking})"] if lacking else [])
            self.where.setText("\n".join(lines))
        else:
            self.where.setText("In the tray: not placed yet.")
        numbers = principle_numbers(session.deck)
        shown = []
        for principle_id in group.marks_of(card.id):
            principle = session.deck.card(principle_id)
            if principle is not None:
                number = numbers.get(principle_id, "")
                shown.append(f"({number}) {principle.title}: {principle.text}".strip())
        self.marks.setText("Principles we see in it:\n" + "\n".join(shown) if shown else "")
        self.mark_button.setVisible(bool(places) and card.kind != "principle")
        self._set_note_text(group.note(card.id), enabled=True, placed=bool(places))

    def _fill_mark_menu(self) -> None:
        """The principles as checkable rows: a tick for each the card is marked with."""
        self.mark_menu.clear()
        session, group = self.document.session, self.document.current_group
        shown = set(group.marks_of(self.card_id))
        numbers = principle_numbers(session.deck)
        for principle in session.cards_for(group):
            if principle.kind != "principle" or principle.id == self.card_id:
                continue
            label = f"{numbers.get(principle.id, '')} {principle.title}".strip()
            act = self.mark_menu.addAction(menu_text(label))
            act.setCheckable(True)
            act.setChecked(principle.id in shown)
            act.triggered.connect(lambda _checked=False, p=principle.id: self.toggle_mark(p))

    def toggle_mark(self, principle_id: str) -> bool:
        if not self.card_id:
            return False
        if principle_id in self.document.current_group.marks_of(self.card_id):
            return self.document.unmark(self.card_id, principle_id)
        return self.document.mark(self.card_id, principle_id)

    def _set_note_text(self, text: str, enabled: bool, placed: bool = True) -> None:
        self.note.setEnabled(enabled)
        self.note.setPlaceholderText(NOTE_PROMPT if placed else NOTE_PROMPT_UNPLACED)
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
