"""Group > Type in a paper sort: a table sorted printed cards (print-cards) on paper;
the facilitator picks the group and a region and types the codes printed on the cards
("A07 A12 P3"). Each code says at once what it will do; Enter places every code that
can go, as one undo step, and leaves the codes that cannot in the field to correct.

Not modal: the board behind it shows the cards arrive. Choosing a group here shows
that group's board. The codes are domain/card_codes.py's, the same the cards print.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.card_codes import (
    HERE,
    MOVE,
    NOT_A_CODE,
    OTHER_GROUP,
    PLACE,
    REPEAT,
    UNKNOWN,
    TypedCode,
    read_codes,
    session_codes,
    to_place,
)
from coprod_desktop.domain.model import Session
from coprod_desktop.ui.accessibility import announce
from coprod_desktop.ui.document.document import SessionDocument

TITLE = "Type in a paper sort"
HINT = "Codes printed on the cards, e.g. A07 A12 P3"

# What each status says, after the card's code and title.
_SAYS = {
    PLACE: "goes here",
    MOVE: "moves here from {region}",
    HERE: "is already here",
    REPEAT: "typed twice: placed once",
}
_PROBLEMS = {
    UNKNOWN: "no card has this code",
    NOT_A_CODE: "not a card code (a letter and a number)",
    OTHER_GROUP: "another group's own card",
}


def region_choices(session: Session) -> list[tuple[str, str]]:
    """(region id, 'Lens: label') for every region, lens by lens; a ladder from the top."""
    labels = {lens.id: lens.label for lens in session.board.lenses}
    order = list(dict.fromkeys([lens.id for lens in session.board.lenses]))
    order += [r.lens for r in session.board.regions if r.lens not in order]
    choices: list[tuple[str, str]] = []
    for lens_id in order:
        regions = session.board.regions_of(lens_id)
        if session.board.is_ordered(lens_id):
            regions = sorted(regions, key=lambda r: -(r.rank or 0))
        lens_label = labels.get(lens_id, lens_id)
        choices += [
            (r.id, r.label if r.label == lens_label else f"{lens_label}: {r.label}")
            for r in regions
        ]
    return choices


class PaperSortDialog(QDialog):
    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(TITLE)
        self.groups = QComboBox(self)
        self.groups.setAccessibleName("Group")
        self.regions = QComboBox(self)
        self.regions.setAccessibleName("Region")
        self.codes = QLineEdit(self)
        self.codes.setPlaceholderText(HINT)
        self.codes.setAccessibleName("Card codes")
        self.codes.setClearButtonEnabled(True)
        self.feedback = QListWidget(self)
        self.feedback.setAccessibleName("What the codes do")
        self.feedback.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Last step")

        form = QFormLayout()
        form.addRow("&Group:", self.groups)
        form.addRow("&Region:", self.regions)
        form.addRow("Card &codes:", self.codes)
        buttons = QDialogButtonBox(self)
        self.place_button = QPushButton("&Place", self)
        self.place_button.setDefault(True)
        self.undo_button = QPushButton("&Undo", self)
        buttons.addButton(self.place_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.feedback, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.place_button.clicked.connect(self.place)
        self.undo_button.clicked.connect(self.undo)
        self.codes.returnPressed.connect(self.place)
        # The main window's Ctrl+Z does not reach a separate window: the same keys here.
        for key in (QKeySequence.StandardKey.Undo,):
            QShortcut(QKeySequence(key), self, self.undo)
        self.codes.textChanged.connect(self.update_feedback)
        self.regions.currentIndexChanged.connect(self.update_feedback)
        self.groups.activated.connect(self._group_chosen)
        document.arrangement_changed.connect(self.update_feedback)
        document.current_group_changed.connect(self._follow_group)
        document.groups_changed.connect(self._fill_groups)
        document.session_replaced.connect(self._refill)
        document.deck_changed.connect(self.update_feedback)
        document.undo_stack.indexChanged.connect(self._update_undo)
        # The window going away takes the document with it: stop listening.
        self._gone = False
        document.undo_stack.destroyed.connect(self._document_gone)
        self._refill()
        self.resize(560, 460)

    # --- filling the choices ---------------------------------------------------------------
    def _refill(self) -> None:
        self._fill_groups()
        current = self.regions.currentData()
        self.regions.blockSignals(True)
        self.regions.clear()
        for region_id, text in region_choices(self.document.session):
            self.regions.addItem(text, region_id)
        index = self.regions.findData(current)
        self.regions.setCurrentIndex(max(index, 0))
        self.regions.blockSignals(False)
        self.update_feedback()

    def _fill_groups(self) -> None:
        self.groups.blockSignals(True)
        self.groups.clear()
        for group in self.document.session.groups:
            self.groups.addItem(group.name, group.id)
        self.groups.blockSignals(False)
        self._follow_group(self.document.current_group_id)

    def _follow_group(self, group_id: str) -> None:
        self.groups.setCurrentIndex(max(self.groups.findData(group_id), 0))
        self.update_feedback()

    def _group_chosen(self, index: int) -> None:
        group_id = self.groups.itemData(index)
        if group_id:
            self.document.set_current_group(group_id)  # the board behind shows this group

    # --- what the typed codes do -----------------------------------------------------------
    def typed(self) -> list[TypedCode]:
        session = self.document.session
        region_id = self.regions.currentData()
        region = session.board.region(region_id) if region_id else None
        if region is None:
            return []
        group = self.document.current_group
        placeable = {c.id for c in session.deck.cards} | {c.id for c in group.cards}
        current = {
            p.card: p.region
            for p in group.placements
            if session.board.lens_of(p.region) == region.lens
        }
        return read_codes(self.codes.text(), session_codes(session), placeable, current, region.id)

    def _describe(self, typed: TypedCode) -> str:
        if typed.status in _PROBLEMS:
            return f"{typed.token}: {_PROBLEMS[typed.status]}"
        session = self.document.session
        title = session.card(self.document.current_group, typed.card_id).title
        where = session.board.region(typed.region) if typed.region else None
        says = _SAYS[typed.status].format(region=where.label if where else typed.region)
        return f"{typed.code} \u201c{title}\u201d {says}"

    def _document_gone(self) -> None:
        self._gone = True
        self.close()

    def update_feedback(self) -> None:
        if self._gone:
            return
        typed = self.typed()
        self.feedback.clear()
        for item in typed:
            self.feedback.addItem(self._describe(item))
            if item.status in _PROBLEMS:
                row = self.feedback.item(self.feedback.count() - 1)
                row.setText("\u26a0 " + row.text())  # not by colour alone
        going = len(to_place(typed))
        problems = sum(1 for t in typed if t.status in _PROBLEMS)
        parts = [f"{going} card(s) to place"] if typed else []
        if problems:
            parts.append(f"{problems} code(s) to correct")
        self.summary.setText(", ".join(parts) if parts else HINT + ".")
        self.place_button.setEnabled(going > 0)
        self._update_undo()

    def _update_undo(self) -> None:
        stack = self.document.undo_stack
        # ~QUndoStack clears itself, emitting indexChanged from a half-deleted stack.
        if self._gone or not shiboken6.isValid(stack):
            return
        self.undo_button.setEnabled(stack.canUndo())
        self.undo_button.setToolTip(stack.undoText())

    # --- doing it --------------------------------------------------------------------------
    def place(self) -> None:
        typed = self.typed()
        card_ids = to_place(typed)
        region = self.document.session.board.region(self.regions.currentData() or "")
        if region is None:
            return
        if not card_ids:
            self._say("Nothing to place: " + (self.summary.text() or HINT))
            return
        self.document.place_many(card_ids, region.id)
        left = [t.token for t in typed if t.status in _PROBLEMS]
        self.codes.setText(" ".join(left))  # what could not go stays, to correct
        group = self.document.current_group.name
        text = f"Placed {len(card_ids)} card(s) in {region.label} for {group}."
        if left:
            text += f" {len(left)} code(s) left to correct."
        self._say(text)

    def undo(self) -> None:
        stack = self.document.undo_stack
        if stack.canUndo():
            text = stack.undoText()
            stack.undo()
            self._say(f"Undone: {text}")

    def _say(self, text: str) -> None:
        self.status.setText(text)
        announce(self, text)


def show_paper_sort(parent: QWidget, document: SessionDocument) -> PaperSortDialog:
    dialog = PaperSortDialog(document, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.codes.setFocus()
    return dialog
