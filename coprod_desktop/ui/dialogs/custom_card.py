"""A card's fields in a form, and a group's own cards: add, edit, delete.

The form is shared with the deck editor (which also shows "more" and "source").
Dialogs are opened only through ask_* methods, which tests replace.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.kinds import GROUP_CARD_KINDS, KIND_LABELS
from coprod_desktop.domain.model import Card, CardDraft
from coprod_desktop.domain.rules import MAX_CARD_TITLE, TITLE_LIMIT_REASON, title_problem
from coprod_desktop.ui.document import edit_commands
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.plain_text import isolate, show_plain_message

log = logging.getLogger(__name__)
PASTE_LIMIT = 1000  # what the title field holds, so a pasted paragraph shows and can be cut
COUNTER_OVER = "color: #b00020; font-weight: bold;"


class CardDialog(QDialog):
    """Kind, title, text (and optionally more and source) of one card."""

    def __init__(
        self,
        parent: QWidget | None,
        heading: str,
        kinds: Sequence[str],
        card: Card | CardDraft | None = None,
        full: bool = False,
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        self.setMinimumWidth(520)
        self.kind = QComboBox()
        for kind in kinds:
            self.kind.addItem(KIND_LABELS.get(kind, kind), kind)
        self.title = QLineEdit()
        self.title.setMaxLength(PASTE_LIMIT)
        self.title.setPlaceholderText("A short title, e.g. “Our service does ...”")
        self.title.setToolTip(f"At most {MAX_CARD_TITLE} characters: {TITLE_LIMIT_REASON}.")
        self.counter = QLabel()
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setAccessibleName("Characters in the title")
        # Wide enough for the longest text, so the title field does not jump as it changes.
        self.counter.setMinimumWidth(
            self.counter.fontMetrics().horizontalAdvance(f"{PASTE_LIMIT}/{MAX_CARD_TITLE} too long")
            + 8
        )
        self._original_title: str | None = None  # an edited card's title as it was
        self.title.textChanged.connect(self._update_counter)
        self.text = _plain_editor("What it means, in a sentence or two", 90)
        self.more = _plain_editor("More background (optional)", 70)
        self.source = QLineEdit()
        self.source.setPlaceholderText("Where it comes from (optional)")
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Kind", self.kind)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.counter)
        title_label = QLabel("&Title")  # a row holding a layout gets no buddy of its own
        title_label.setBuddy(self.title)
        form.addRow(title_label, title_row)
        form.addRow("Te&xt", self.text)
        if full:
            form.addRow("&More", self.more)
            form.addRow("&Source", self.source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setToolTip("Save the card (Enter in the title, or Ctrl+Enter anywhere)")
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.save_shortcut.activated.connect(self.accept)
        layout = QVBoxLayout(self)
        if intro:
            note = QLabel(intro)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if card is not None:
            self.set_draft(CardDraft.of(card) if isinstance(card, Card) else card)
            self._original_title = self.title.text().strip()
        self._update_counter()
        self.title.setFocus()

    def set_draft(self, draft: CardDraft) -> None:
        index = self.kind.findData(draft.kind)
        if index < 0:  # a kind this form does not offer: show it rather than change it
            self.kind.addItem(KIND_LABELS.get(draft.kind, draft.kind), draft.kind)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(index)
        self.title.setText(draft.title)
        self.text.setPlainText(draft.text)
        self.more.setPlainText(draft.more)
        self.source.setText(draft.source)

    def draft(self) -> CardDraft:
        return CardDraft(
            self.kind.currentData(),
            self.title.text().strip(),
            self.text.toPlainText().strip(),
            self.more.toPlainText().strip(),
            self.source.text().strip(),
        )

    def title_problem(self) -> str:
        """Why the title cannot be saved as it is ("" when it can)."""
        title = self.title.text().strip()
        if not title:
            return "Give the card a title."
        problem = title_problem(title, self._original_title)
        if problem:
            return (
                f"The title has {len(title)} characters: shorten it to {MAX_CARD_TITLE} "
                f"or fewer. Titles are read from the back of the room; put the rest in "
                "the text."
            )
        return ""

    def _update_counter(self, *_args: object) -> None:
        length = len(self.title.text().strip())
        over = length > MAX_CARD_TITLE
        self.counter.setText(f"{length}/{MAX_CARD_TITLE}" + (" too long" if over else ""))
        self.counter.setStyleSheet(COUNTER_OVER if over else "")
        if not over and self.error.text().startswith("The title has"):
            self.error.setText("")  # shortened enough: the message has done its job

    def accept(self) -> None:
        problem = self.title_problem()
        if problem:
            self.error.setText(problem)
            self.title.setFocus()
            return
        super().accept()


def _plain_editor(placeholder: str, height: int) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setPlaceholderText(placeholder)
    editor.setTabChangesFocus(True)
    editor.setMinimumHeight(height)
    editor.setFont(fonts.font(15))
    return editor


class OwnCards(QObject):
    """A group's own cards: add, edit and delete, each one undoable command."""

    card_added = Signal(str)  # card id

    def __init__(self, document: SessionDocument, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.document = document
        self.parent_widget = parent_widget

    # --- dialogs (replaced in tests) ------------------------------------------------
    def ask_draft(self, heading: str, card: Card | None) -> CardDraft | None:
        intro = (
            "This card belongs to your group only: it goes in your tray, on your board "
            "and in the handout."
        )
        dialog = CardDialog(self.parent_widget, heading, GROUP_CARD_KINDS, card, intro=intro)
        return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def show_error(self, message: str) -> None:
        log.warning("own card: %s", message)
        show_plain_message(
            self.parent_widget, "Card not changed", message, QMessageBox.Icon.Warning
        )

    # --- actions ----------------------------------------------------------------------
    def is_own(self, card_id: str) -> bool:
        return any(c.id == card_id for c in self.document.current_group.cards)

    def add(self) -> str:
        group = self.document.current_group
        draft = self.ask_draft(f"New card for {isolate(group.name)}", None)
        if draft is None:
            return ""
        try:
            card = edit_commands.add_group_card(self.document, group.id, draft)
        except DomainError as exc:
            self.show_error(str(exc))
            return ""
        self.card_added.emit(card.id)
        return card.id

    def edit(self, card_id: str) -> bool:
        group = self.document.current_group
        card = next((c for c in group.cards if c.id == card_id), None)
        if card is None:
            return False
        draft = self.ask_draft(f"Edit {isolate(group.name)}'s card", card)
        if draft is None:
            return False
        try:
            return edit_commands.edit_group_card(self.document, group.id, card_id, draft)
        except DomainError as exc:
            self.show_error(str(exc))
            return False

    def delete(self, card_id: str) -> bool:
        """No question asked: Undo brings the card back, with its place and note."""
        if not self.is_own(card_id):
            return False
        return edit_commands.remove_group_card(
            self.document, self.document.current_group_id, card_id
        )
