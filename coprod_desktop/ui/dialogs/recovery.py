"""At start-up: offer the work a crashed run left behind, to restore or discard.

The dialog only asks; offer_recovery() acts. Tests pass their own `ask` and
`show_error`, so no modal dialog ever opens under pytest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.files.recovery import RecoveryEntry, RecoveryStore, damaged_name, describe
from coprod_desktop.ui.actions.autosave import Autosaver
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.plain_text import isolate, show_plain_message

log = logging.getLogger(__name__)

Action = Literal["restore", "discard", "later"]


@dataclass(frozen=True, slots=True)
class RecoveryChoice:
    action: Action
    entry: RecoveryEntry | None = None


class RecoveryDialog(QDialog):
    """Lists the recovery files (plain text) with Restore, Discard and Decide later."""

    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.entries = list(entries)
        self.choice = RecoveryChoice("later")
        heading = QLabel(
            "coprod-desktop did not close properly last time. This work was saved "
            "automatically and can be restored. Restored work opens as unsaved: "
            "save it to keep it."
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading.setFont(fonts.font(16))
        self.list = QListWidget()
        self.list.setObjectName("recovery-list")
        self.list.setFont(fonts.font(15))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(6)  # entries apart: each is four lines
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("Unsaved work from the last run")
        for entry in self.entries:
            # Each line isolated: Qt joins them with line separators, which end no
            # right-to-left override (a U+202E in a title would reverse the lines after).
            item = QListWidgetItem("\n".join(isolate(line) for line in describe(entry)))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self._restore)
        self.list.currentRowChanged.connect(self._update_buttons)
        # Why the selected work cannot be restored, and what Set aside does with it.
        self.reason = QLabel()
        self.reason.setObjectName("recovery-reason")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self.reason.setFont(fonts.font(15))
        self.reason.setStyleSheet("color: #b00020;")
        self.restore_button = QPushButton("Restore")
        self.discard_button = QPushButton("Discard")
        self.later_button = QPushButton("Decide later")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        for button in (self.restore_button, self.discard_button, self.later_button):
            button.setMinimumHeight(44)
            button.setFont(fonts.font(15, bold=button is self.restore_button))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self.resize(720, 380)
        self._update_buttons()

    def selected(self) -> RecoveryEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _update_buttons(self, *_args: object) -> None:
        entry = self.selected()
        self.restore_button.setEnabled(entry is not None and entry.ok)
        self.discard_button.setEnabled(entry is not None)
        broken = entry is not None and not entry.ok
        self.discard_button.setText("Set aside" if broken else "Discard")
        if entry is not None and broken:
            kept = damaged_name(entry.path.parent, entry.name).name
            self.reason.setText(
                f"This work cannot be restored: {entry.problem}. Set aside keeps the file "
                f"as {kept} in the recovery folder, where it is not offered again "
                "(nothing is deleted)."
            )
            self.restore_button.setToolTip(f"Cannot be restored: {entry.problem}")
        else:
            self.restore_button.setToolTip("")
        self.reason.setVisible(broken)

    def _restore(self, *_args: object) -> None:
        entry = self.selected()
        if entry is not None and entry.ok:
            self.choice = RecoveryChoice("restore", entry)
            self.accept()

    def _discard(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.choice = RecoveryChoice("discard", entry)
            self.accept()


def ask_recovery(parent: QWidget | None, entries: list[RecoveryEntry]) -> RecoveryChoice:
    """The modal question (replaced in tests)."""
    dialog = RecoveryDialog(entries, parent)
    dialog.exec()
    return dialog.choice


Ask = Callable[[QWidget | None, list[RecoveryEntry]], RecoveryChoice]
ShowError = Callable[[str, str], None]


def offer_recovery(
    parent: QWidget | None,
    document: SessionDocument,
    autosaver: Autosaver,
    ask: Ask = ask_recovery,
    show_error: ShowError | None = None,
) -> bool:
    """Offer every left-over recovery file until one is restored or the user says later.

    Restoring opens the session marked unsaved, with its original path remembered,
    writes it at once as this run's own recovery file, and only then deletes the
    old one: a crash at any moment still leaves a copy. True if one was restored.
    """
    store: RecoveryStore = autosaver.store
    entries = store.orphans()
    try:
        while entries:
            choice = ask(parent, entries)
            entry = choice.entry
            if choice.action == "later" or entry is None:
                return False
            entries = [e for e in entries if e is not entry]
            if choice.action == "discard":  # an unreadable one is set aside, not deleted
                store.discard(entry)
                continue
            if entry.session is None:  # the dialog does not offer this; be safe anyway
                target = store.set_aside(entry)
                _error(
                    parent,
                    show_error,
                    "Cannot restore",
                    f"This work cannot be restored:\n{entry.problem}\n\n"
                    f"The file was kept as\n{target}",
                )
                continue
            document.replace(entry.session, entry.original_path)
            document.undo_stack.resetClean()  # unsaved until the facilitator saves it
            if autosaver.save_now():
                store.discard(entry)
            else:
                store.release_claims()  # could not copy it: keep the old file for next time
            log.info("restored %s from %s", entry.title, entry.path)
            return True
        return False
    finally:
        store.release_claims()


def _error(parent: QWidget | None, show_error: ShowError | None, title: str, text: str) -> None:
    if show_error is not None:
        show_error(title, text)
    else:
        show_plain_message(parent, title, text)
