"""A warning over the board that autosave is failing (issue 17, item 8).

The status bar is hidden in presentation mode and its message is replaced by the next
one, so a facilitator never saw that autosave had stopped working. This bar sits in the
board's column, which presentation mode keeps, and stays until the work is safe again:
an autosave succeeds, or the session is saved (nothing left to recover). "Save now"
runs Save; the text says the failure in one line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from coprod_desktop.ui.accessibility import announce

_STYLE = (
    "QFrame#autosave-warning { background: #b00020; border: none; }"
    "QFrame#autosave-warning QLabel { color: #ffffff; font-weight: bold; }"
    "QFrame#autosave-warning QToolButton { color: #1a1a1a; background: #ffffff;"
    " border: 2px solid #ffffff; border-radius: 4px; padding: 4px 12px; }"
)
NOT_SAFE = "Unsaved changes are not safe from a crash: save now."


class AutosaveWarning(QFrame):
    """Hidden until show_failure(); hidden again by clear()."""

    def __init__(self, save_action: QAction | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("autosave-warning")
        self.setStyleSheet(_STYLE)
        self.setAccessibleName("Autosave warning")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # an error may quote a path
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.label, 1)
        self.save_button: QToolButton | None = None
        if save_action is not None:
            self.save_button = QToolButton()
            self.save_button.setText("Save now")
            self.save_button.setMinimumHeight(40)
            self.save_button.clicked.connect(save_action.trigger)
            row.addWidget(self.save_button)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def show_failure(self, reason: str, not_safe: bool = True) -> None:
        """reason: one line ("Autosave failed: No space left on device")."""
        text = f"{reason}. {NOT_SAFE}" if not_safe else reason
        news = self.isHidden() or text != self.label.text()  # said once, not at every change
        self.label.setText(text)
        self.label.setToolTip(text)
        self.show()
        if news:
            announce(self, text, assertive=True)

    def clear(self, *_args: object) -> None:
        self.hide()
