"""File > Session details: the title, date, place and facilitator after set-up.

A small form like the set-up dialog's first rows. Its change is one undo
command (edit_commands.set_session_details); the window title follows through
the document's session_details_changed signal. The dialog is opened only
through SessionDetailsEditor.ask_details, which tests replace.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.files.session_setup import (
    MAX_TITLE_LENGTH,
    SessionDetails,
    SetupError,
    checked_details,
    day_of,
    details_of,
)
from coprod_desktop.ui.dialogs.setup import DateEdit
from coprod_desktop.ui.document import edit_commands
from coprod_desktop.ui.document.document import SessionDocument

log = logging.getLogger(__name__)


class SessionDetailsDialog(QDialog):
    """The four details of a session; after accept(), `details` holds the checked result."""

    def __init__(self, current: SessionDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = current
        self.details: SessionDetails | None = None
        self.setWindowTitle("Session details")
        self.setMinimumWidth(520)
        self.title = _line(current.title, "e.g. Co-producing community health")
        self.venue = _line(current.venue, "optional")
        self.facilitator = _line(current.facilitator, "optional")
        day = day_of(current.created)
        self.date = DateEdit(QDate(day.year, day.month, day.day) if day else QDate.currentDate())
        # A 'created' that is no date (an older or hand-written file) stays as it is
        # unless a date is chosen here.
        self._keep_created = QDate() if day else self.date.date()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        note = QLabel(
            "Shown in the window's title and on the handout's cover; "
            "Edit\u00a0>\u00a0Undo takes a change back."
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Place", self.venue)
        form.addRow("&Facilitator", self.facilitator)
        form.addRow("&Date", self.date)
        # Parented now: a button becomes the dialog's default only once it is inside it.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(
            "Save details", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.title.setFocus()
        self.title.selectAll()

    def checked(self) -> SessionDetails:
        """The details as typed; raises SetupError naming the field."""
        details = checked_details(
            self.current,
            self.title.text(),
            self.date.date().toString(Qt.DateFormat.ISODate),
            self.venue.text(),
            self.facilitator.text(),
        )
        if self.date.date() == self._keep_created:
            details = replace(details, created=self.current.created)
        return details

    def accept(self) -> None:
        try:
            self.details = self.checked()
        except SetupError as exc:
            self.error.setText(f"Please check the {exc}")
            self.title.setFocus()
            return
        super().accept()


def _line(text: str, placeholder: str) -> QLineEdit:
    line = QLineEdit(text)
    line.setPlaceholderText(placeholder)
    line.setMaxLength(MAX_TITLE_LENGTH * 2)  # longer is refused with a message, not cut
    line.setCursorPosition(0)
    return line


class SessionDetailsEditor(QObject):
    """The File menu's entry: ask for the details, then push one command."""

    def __init__(self, document: SessionDocument, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.document = document
        self.parent_widget = parent_widget

    def ask_details(self, current: SessionDetails) -> SessionDetails | None:  # tests replace it
        dialog = SessionDetailsDialog(current, self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details

    def edit(self) -> bool:
        """True when the details changed (one undo step)."""
        details = self.ask_details(details_of(self.document.session))
        if details is None:
            return False
        changed = edit_commands.set_session_details(self.document, details)
        log.info("session details %s", "changed" if changed else "unchanged")
        return changed
