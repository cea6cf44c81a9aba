"""Private boards (issue 13): when another group's tab is chosen, its board is covered
until that group taps to show it, so a table arriving at the screen does not see the
last table's board, and a table leaving does not leave its board on show. The debrief,
the facilitator's, shows every board side by side when the time comes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.plain_text import quoted


class PrivateCover(QWidget):
    shown = Signal()  # the group asked to see its board

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("private-cover")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setFont(fonts.font(28, bold=True))
        self.show_button = QPushButton()
        self.show_button.setFont(fonts.font(22, bold=True))
        self.show_button.setMinimumHeight(64)  # a touch target from the front row
        self.show_button.clicked.connect(self.shown.emit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.setAccessibleName("Private board")

    def cover(self, group_name: str) -> None:
        name = quoted(group_name)
        self.message.setText(
            f"{name}'s board is private until the debrief.\nIs {name} at the screen?"
        )
        self.show_button.setText(f"Show {name}'s board")
        self.show_button.setAccessibleName(self.show_button.text())
