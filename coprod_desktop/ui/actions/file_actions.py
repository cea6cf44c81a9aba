"""New, Open, Save, Save As, Export handout and the unsaved-changes guard.

Dialogs go through small ask_* methods so tests can answer them. Every failure
is a message box; the open session is never lost.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from coprod_desktop.files.session_file import load_session, save_session
from coprod_desktop.files.session_schema import SessionFormatError
from coprod_desktop.ui.actions.handout_export import HandoutExport
from coprod_desktop.ui.actions.recent_files import RecentFiles
from coprod_desktop.ui.dialogs.replace import ask_replace, with_suffix_confirmed
from coprod_desktop.ui.dialogs.setup import SetupResult, ask_setup
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style.plain_text import show_plain_message

log = logging.getLogger(__name__)
SESSION_FILTER = "Co-production sessions (*.json);;All files (*)"


class FileActions(QObject):
    closed_cleanly = Signal()  # the window closes with nothing left to ask: autosave cleans up

    def __init__(self, document: SessionDocument, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self.recent = RecentFiles(None, self)  # the app gives it the user's settings
        self.handout = HandoutExport(document, window)

    # --- dialogs (replaced in tests) ------------------------------------------
    def ask_setup(self) -> SetupResult | None:
        return ask_setup(self.window, self.recent)

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
            f"“{self.document.display_name}” has changes that are not saved.\nSave them first?",
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
        return self.maybe_save() and self.start()

    def start(self) -> bool:
        result = self.ask_setup()
        if result is None:
            return False
        if result.open_path is not None:
            return self.load(result.open_path)
        if result.session is None:
            return False
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
        """Replace the open session with path's; on a bad file say why and keep the current one."""
        try:
            session = load_session(path)
        except SessionFormatError as exc:
            self.show_error("Cannot open session", f"{path.name} cannot be opened:\n{exc}")
            return False
        self.document.replace(session, path)
        self.recent.add(path)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        suggestion = (
            self.document.path.name
            if self.document.path
            else _file_stem(self.document.session.title) + ".json"
        )
        path = self.ask_save_path("Save session as", suggestion, SESSION_FILTER)
        if path is not None:  # a name typed without .json: ask about NAME.json
            path = with_suffix_confirmed(path, ".json", self.confirm_replace)
        if path is None:
            return False
        if self._write(path):
            self.document.set_path(path)
            self.recent.add(path)
            return True
        return False

    def _write(self, path: Path) -> bool:
        try:
            save_session(self.document.session, path)
        except OSError as exc:  # disk full, no permission, folder gone, too large
            self.show_error(
                "Cannot save session",
                f"The session could not be saved to\n{path}\n({exc.strerror or exc}).\n\n"
                "Nothing was lost: it is still open here. Try Save As... to another folder.",
            )
            return False
        self.document.mark_saved()
        return True

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


def _file_stem(title: str) -> str:
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in title.strip().lower())
    return "-".join(part for part in stem.split("-") if part)[:60] or "session"
