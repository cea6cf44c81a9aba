"""New, Open, Save, Save As, Export handout and the unsaved-changes guard.

Dialogs go through small ask_* methods so tests can answer them. Every failure
is a message box; the open session is never lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from coprod_desktop.files.atomic_write import tidy_temp_files
from coprod_desktop.files.disk_state import Fingerprint
from coprod_desktop.files.session_file import load_session_file, save_session
from coprod_desktop.files.session_schema import SessionFormatError
from coprod_desktop.ui.accessibility import say
from coprod_desktop.ui.actions.file_guard import FileGuard, same_file
from coprod_desktop.ui.actions.file_names import file_stem
from coprod_desktop.ui.actions.recent_files import RecentFiles
from coprod_desktop.ui.dialogs.replace import ask_replace, with_suffix_confirmed
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style.plain_text import isolate, quoted, show_plain_message

if TYPE_CHECKING:
    from coprod_desktop.ui.actions.handout_export import HandoutExport
    from coprod_desktop.ui.dialogs.setup import SetupResult

log = logging.getLogger(__name__)
SESSION_FILTER = "Co-production sessions (*.json);;All files (*)"


SAVED_MS = 5000


def ask_setup(
    parent: QWidget | None, recent: RecentFiles, start: bool = False
) -> SetupResult | None:
    """The set-up dialog; its module is loaded when first asked (the first paint does not
    need it, issue 20)."""
    from coprod_desktop.ui.dialogs.setup import ask_setup as ask

    return ask(parent, recent, start=start)


class FileActions(QObject):
    closed_cleanly = Signal()  # the window closes with nothing left to ask: autosave cleans up

    def __init__(self, document: SessionDocument, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self.recent = RecentFiles(None, self)  # the app gives it the user's settings
        self._handout: HandoutExport | None = None  # made on first use (start-up, issue 20)
        self._handout_made: list[Callable[[HandoutExport], object]] = []
        self.guard = FileGuard(document, window)  # the file's lock; changed on disk?
        self.closed_cleanly.connect(self.guard.release)
        self._at_start = False  # the set-up dialog is being shown as the start screen

    @property
    def handout(self) -> HandoutExport:
        """Export handout...'s dialog and background task, made when first used: the
        first paint needs neither (nor the export dialog's module)."""
        if self._handout is None:
            from coprod_desktop.ui.actions.handout_export import HandoutExport

            self._handout = HandoutExport(self.document, self.window)
            for callback in self._handout_made:
                callback(self._handout)
        return self._handout

    def when_handout_made(self, callback: Callable[[HandoutExport], object]) -> None:
        """callback(the handout export) once it is made: now, if it is already."""
        if self._handout is not None:
            callback(self._handout)
        else:
            self._handout_made.append(callback)

    # --- dialogs (replaced in tests) ------------------------------------------
    def ask_setup(self) -> SetupResult | None:
        return ask_setup(self.window, self.recent, start=self._at_start)

    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Open session", self._folder(), SESSION_FILTER
        )
        return Path(name) if name else None

    def ask_save_path(self, title: str, suggestion: str, filter_: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, title, str(Path(self._folder()) / suggestion), filter_
        )
        return Path(name) if name else None

    def confirm_replace(self, path: Path) -> bool:
        return ask_replace(self.window, path)

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        # Plain text: the file name may look like HTML.
        return show_plain_message(
            self.window,
            "Unsaved changes",
            f"{quoted(self.document.display_name)} has changes that are not saved.\n"
            "Save them first?",
            QMessageBox.Icon.Warning,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def show_error(self, title: str, message: str) -> None:
        log.warning("%s: %s", title, message)
        show_plain_message(self.window, title, message)  # errors quote file names and fields

    def _folder(self) -> str:
        return str(self.document.path.parent) if self.document.path else str(Path.cwd())

    # --- actions ------------------------------------------------------------------
    def new(self) -> bool:
        """The set-up dialog; its session (or the recent file chosen there) replaces this one."""
        return self.maybe_save() and self.start(start_screen=False)

    def start(self, start_screen: bool = True) -> bool:
        """The set-up dialog; as the start screen (at launch) Enter opens the most recent
        session, under File > New it creates one."""
        self._at_start = start_screen
        try:
            result = self.ask_setup()
        finally:
            self._at_start = False
        if result is None:
            return False
        if result.open_path is not None:
            return self.load(result.open_path)
        if result.session is None:
            return False
        self.guard.release()
        self.document.replace(result.session, None)
        return True

    def open(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        path = path or self.ask_open_path()
        if path is None:
            return False
        return self.load(path)

    def load(self, path: Path) -> bool:
        """Replace the open session with path's; on a bad file say why and keep the current one.
        A file open in another running copy: read-only, a copy, or edit anyway (asked)."""
        answer = self.guard.before_open(path)
        if answer == "cancel":
            return False
        try:
            session, disk = load_session_file(path)
        except SessionFormatError as exc:
            self.show_error("Cannot open session", f"{quoted(path.name)} cannot be opened:\n{exc}")
            return False
        if answer == "copy":  # a new, untitled session with the file's content
            self.guard.release()
            self.document.replace(session, None)
            return True
        if answer is None and self.guard.take(path) is not None:
            answer = "read_only"  # someone opened it in the moment between: be safe
        if answer is not None:
            self.guard.release()  # read-only or edit anyway: the lock stays theirs
        self.document.replace(session, path, disk, read_only=answer == "read_only")
        self.recent.add(path)
        tidy_temp_files(path)  # what killed saves of it left, if their writers are gone
        return True

    def apply_locked_answer(self, answer: str) -> None:
        """At start-up on a file another copy has open: the window opened it read-only;
        the question's answer decides (see app.run_app)."""
        if answer == "copy":
            self.document.replace(self.document.session, None)
            return
        self.document.read_only = answer != "edit"
        self.document.path_changed.emit()

    def reload(self, path: Path) -> bool:
        """Read the window's file again, dropping this window's changes (the user chose so)."""
        try:
            session, disk = load_session_file(path)
        except SessionFormatError as exc:
            self.show_error(
                "Cannot reload session", f"{quoted(path.name)} cannot be opened:\n{exc}"
            )
            return False
        self.document.replace(session, path, disk, read_only=self.document.read_only)
        return True

    def save(self) -> bool:
        path = self.document.path
        if path is None or self.document.read_only:  # read-only: never over the file
            return self.save_as()
        if self.guard.in_recovery_folder(path):  # opened from there: never write there
            return self.save_as()
        before = self.guard.before_save(path)  # changed on disk by someone else?
        if before == "save_as":
            return self.save_as()
        if before == "reload":
            self.reload(path)
            return False  # nothing was saved: a closing window stays open to show it
        if before == "cancel":
            return False
        disk = self._write(path)
        if disk is None:
            return False
        self.document.disk = disk
        self.guard.take(path)  # a restored session or "edit anyway": lock it if free
        return True

    def save_as(self) -> bool:
        suggestion = (
            self.document.path.name
            if self.document.path
            else file_stem(self.document.session.title) + ".json"
        )
        path = self.ask_save_path("Save session as", suggestion, SESSION_FILTER)
        if path is not None:  # a name typed without .json: ask about NAME.json
            path = with_suffix_confirmed(path, ".json", self.confirm_replace)
        if path is None:
            return False
        refusal = self.guard.refusal(path)
        if refusal is not None:
            self.show_error("Cannot save session", refusal)
            return False
        if self.document.path is not None and same_file(path, self.document.path):
            before = self.guard.before_save(path)  # onto its own file: changed meanwhile?
            if before == "reload":
                self.reload(path)
            if before != "write":
                return False
        disk = self._write(path)
        if disk is None:
            return False
        self.guard.take(path)
        self.document.set_path(path, disk)
        self.recent.add(path)
        return True

    def _write(self, path: Path) -> Fingerprint | None:
        """Save to path; the fingerprint of what was written, None when it failed (said)."""
        try:
            disk = save_session(self.document.session, path)
        except OSError as exc:  # disk full, no permission, folder gone, too large
            self.show_error(
                "Cannot save session",
                f"The session could not be saved to\n{isolate(str(path))}\n"
                f"({exc.strerror or exc}).\n\n"
                "Nothing was lost: it is still open here. Try Save As... to another folder.",
            )
            return None
        self.document.mark_saved()
        say(self.window, f"Saved {path.name}", SAVED_MS)  # the title's * goes: said too
        return disk

    def export_handout(self) -> bool:
        """Export handout...: the options dialog, then the PDF is made in the background
        (see handout_export); False when cancelled."""
        return self.handout.export()

    def confirm_close(self) -> bool:
        """For closing the window: True when it may close; then it is a clean close."""
        if not self.maybe_save():
            return False
        self.closed_cleanly.emit()
        return True

    def maybe_save(self) -> bool:
        """True when it is safe to drop the open session (saved, discarded, or unchanged)."""
        if not self.document.is_modified():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard
