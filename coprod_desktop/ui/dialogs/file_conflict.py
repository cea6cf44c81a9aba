"""Two windows on one file: the questions. What to do with the answers is file_actions';
what counts as changed or open elsewhere is files/disk_state.py and files/session_lock.py.

Plain text throughout (file names are user text); every question has a safe way out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from coprod_desktop.files.session_lock import LockOwner
from coprod_desktop.ui.style.plain_text import isolate, plain_message_box, quoted

ChangedAnswer = Literal["save_as", "reload", "overwrite", "cancel"]
LockedAnswer = Literal["read_only", "copy", "edit", "cancel"]


def ask_changed_on_disk(parent: QWidget | None, path: Path, gone: bool = False) -> ChangedAnswer:
    """The file was changed (or deleted) by someone else since this window opened or saved it."""
    if gone:
        text = (
            f"{quoted(path.name)} was moved or deleted since this window opened or saved it.\n"
            f"Folder: {isolate(str(path.parent))}\n\n"
            "Save it there again, or save it under another name?"
        )
    else:
        text = (
            f"{quoted(path.name)} was changed by someone else (another window or another "
            "computer) since this window opened or saved it.\n"
            f"Folder: {isolate(str(path.parent))}\n\n"
            "Save As keeps both: your work goes to a new file.\n"
            "Reload shows their version here; your unsaved changes in this window are dropped.\n"
            "Overwrite replaces their version with yours; theirs is kept as "
            f"{quoted(path.name + '.bak')}."
        )
    box = plain_message_box(parent, "File changed on disk", text, QMessageBox.Icon.Warning)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    buttons: dict[QPushButton, ChangedAnswer] = {}
    save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
    buttons[save_as] = "save_as"
    if not gone:
        buttons[box.addButton("Reload", QMessageBox.ButtonRole.DestructiveRole)] = "reload"
    overwrite_text = "Save there" if gone else "Overwrite"
    buttons[box.addButton(overwrite_text, QMessageBox.ButtonRole.DestructiveRole)] = "overwrite"
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    return buttons.get(clicked, "cancel") if isinstance(clicked, QPushButton) else "cancel"


def ask_open_locked(parent: QWidget | None, path: Path, owner: LockOwner) -> LockedAnswer:
    """The file is open in another running copy of the app."""
    since = f", since {owner.opened_at}" if owner.opened_at else ""
    text = (
        f"{quoted(path.name)} is already open in {owner.describe()}{since}.\n"
        f"Folder: {isolate(str(path.parent))}\n\n"
        "Read-only shows it here; Save then asks for another name.\n"
        "Open a copy opens it as a new, untitled session.\n"
        "Edit anyway is for a copy that is no longer running (a crash on another "
        "computer): if both save, the second is warned."
    )
    box = plain_message_box(parent, "File already open", text, QMessageBox.Icon.Warning)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    buttons: dict[QPushButton, LockedAnswer] = {}
    read_only = box.addButton("Read-only", QMessageBox.ButtonRole.AcceptRole)
    buttons[read_only] = "read_only"
    buttons[box.addButton("Open a copy", QMessageBox.ButtonRole.AcceptRole)] = "copy"
    buttons[box.addButton("Edit anyway", QMessageBox.ButtonRole.DestructiveRole)] = "edit"
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    return buttons.get(clicked, "cancel") if isinstance(clicked, QPushButton) else "cancel"
