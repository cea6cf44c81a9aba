"""Two windows on one file (issue 17): the lock this window holds on its file, the
check before Save that nobody else changed the file since this window read or wrote
it, and the targets a save must refuse. file_actions asks; this answers.

The rules live in files/disk_state.py (fingerprints) and files/session_lock.py (lock
files); the questions in ui/dialogs/file_conflict.py. Tests replace ask_changed and
ask_locked.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from coprod_desktop.files.disk_state import DiskState, changed_on_disk
from coprod_desktop.files.session_lock import (
    LockedError,
    LockOwner,
    SessionLock,
    acquire,
    held_elsewhere,
)
from coprod_desktop.ui.dialogs.file_conflict import (
    ChangedAnswer,
    LockedAnswer,
    ask_changed_on_disk,
    ask_open_locked,
)
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style.plain_text import isolate, quoted

log = logging.getLogger(__name__)

BeforeSave = Literal["write", "save_as", "reload", "cancel"]


class FileGuard(QObject):
    def __init__(self, document: SessionDocument, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self.lock: SessionLock | None = None
        self.recovery_folder: Path | None = None  # autosave's; a session never goes there
        self.locked_by: LockOwner | None = None  # at start-up: the copy that has the file open

    # --- questions (replaced in tests) ---------------------------------------------
    def ask_changed(self, path: Path, gone: bool) -> ChangedAnswer:
        return ask_changed_on_disk(self.window, path, gone)

    def ask_locked(self, path: Path, owner: LockOwner) -> LockedAnswer:
        return ask_open_locked(self.window, path, owner)

    # --- opening ------------------------------------------------------------------
    def before_open(self, path: Path) -> LockedAnswer | None:
        """None when nobody else has path open; else what the user chose to do."""
        owner = held_elsewhere(path, self.lock)
        if owner is None:
            return None
        log.warning("%s is open in %s", path, owner.describe())
        return self.ask_locked(path, owner)

    def take(self, path: Path | None) -> LockOwner | None:
        """Hold the lock on path (None: on nothing), letting go of the one held before.
        Returns the owner when another copy has path open (then no lock is held)."""
        if path is not None and self.lock is not None and same_file(self.lock.path, path):
            return None
        self.release()
        if path is None:
            return None
        try:
            self.lock = acquire(path)
        except LockedError as exc:
            return exc.owner
        return None

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # --- saving -------------------------------------------------------------------
    def before_save(self, path: Path) -> BeforeSave:
        """Save onto the window's own file: has anyone else changed it since?"""
        known = self.document.disk
        if known is None:  # not read from this file (new, restored, a copy): nothing to compare
            return "write"
        state = changed_on_disk(path, known)
        if state is DiskState.SAME:
            return "write"
        log.warning("%s changed on disk since it was read or saved (%s)", path, state.value)
        answer = self.ask_changed(path, state is DiskState.GONE)
        return "write" if answer == "overwrite" else answer

    def in_recovery_folder(self, path: Path) -> bool:
        """path is in the recovery folder, or is a link to a file there."""
        folder = self.recovery_folder
        if folder is None:
            return False
        real = Path(os.path.realpath(path))
        return same_file(path.parent, folder) or same_file(real.parent, folder)

    def refusal(self, path: Path) -> str | None:
        """Why nothing may be saved at path, or None. Another running copy's open file, and
        the recovery folder (whose files autosave replaces and start-up offers or deletes)."""
        if self.in_recovery_folder(path):
            return (
                f"{isolate(str(path.parent))} is the recovery folder, "
                "where autosave keeps unsaved work; "
                "a session saved there would be replaced or taken for left-over work.\n\n"
                "Nothing was saved: choose another folder."
            )
        owner = held_elsewhere(path, self.lock)
        if owner is not None:
            return (
                f"{quoted(path.name)} is open in {owner.describe()}; saving here would replace "
                "the work there.\n\nNothing was saved: choose another name."
            )
        return None


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)
