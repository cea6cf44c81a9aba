"""File > Print cards...: the paper, card backs and the table mat (as `print-cards` takes)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.handout.print_options import MAT_NAMES, MATS, PrintCardsOptions

PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}


class PrintCardsDialog(QDialog):
    def __init__(self, parent: QWidget | None, cards: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("Print cards")
        intro = QLabel(
            f"The session's {cards} cards, nine to a page with crop marks and a code on "
            "each, so a paper sort can be typed back in (Group > Type in a paper sort), "
            "then the board as a table mat."
        )
        intro.setWordWrap(True)
        self.paper = QComboBox()
        for key, name in PAPER_NAMES.items():
            self.paper.addItem(name, key)
        self.paper.setAccessibleName("Paper")
        self.backs = QCheckBox("A page of card &backs after each page (print double-sided)")
        self.mat = QComboBox()
        for key in MATS:
            self.mat.addItem(MAT_NAMES[key], key)
        self.mat.setAccessibleName("Table mat")
        form = QFormLayout()
        form.addRow("&Paper:", self.paper)
        form.addRow("", self.backs)
        form.addRow("Table &mat:", self.mat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Choose file...")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def options(self) -> PrintCardsOptions:
        return PrintCardsOptions(
            paper=str(self.paper.currentData()),
            backs=self.backs.isChecked(),
            mat=str(self.mat.currentData()),
        )


def ask_print_cards(parent: QWidget | None, cards: int) -> PrintCardsOptions | None:
    dialog = PrintCardsDialog(parent, cards)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.options()
