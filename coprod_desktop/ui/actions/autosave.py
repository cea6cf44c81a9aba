"""Autosave: the open session is written to the recovery folder soon after every change.

Debounced: a change starts (or restarts) a short timer, so a burst of moves is
written once; but a change is never held back longer than MAX_DELAY_MS, so
even a continuous stream of changes is on disk within 5 s. A session whose undo
stack is clean (just saved, or undone back to the saved state, or freshly
opened) has nothing to recover, so its recovery file is removed instead.
Writing is atomic (storage.atomic_write_text); where and in which file is
coprod_desktop.files.recovery's job.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from coprod_desktop.files.recovery import RecoveryError, RecoveryStore
from coprod_desktop.ui.document.document import SessionDocument

if TYPE_CHECKING:
    from coprod_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DEBOUNCE_MS = 2000  # after the last change
MAX_DELAY_MS = 4000  # after the first unsaved change, however busy the room is
RECOVERY_DIR_ENV = "COPROD_DESKTOP_RECOVERY_DIR"  # another folder (benchmarks, trying things)


def default_recovery_folder() -> Path:
    """<user data folder>/recovery, e.g. ~/.local/share/coprod-desktop/coprod-desktop/recovery."""
    override = os.environ.get(RECOVERY_DIR_ENV)
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".coprod-desktop") / "recovery"


class Autosaver(QObject):
    saved = Signal(str)  # path of the recovery file
    failed = Signal(str)  # a one-line reason, for the status bar and the warning
    safe = Signal()  # nothing unsaved is left unprotected: written, or nothing to recover

    def __init__(
        self,
        document: SessionDocument,
        store: RecoveryStore,
        debounce_ms: int = DEBOUNCE_MS,
        max_delay_ms: int = MAX_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store
        self.debounce_ms = debounce_ms
        self.max_delay_ms = max(max_delay_ms, debounce_ms)
        self.last_error = ""
        self._first_change: float | None = None
        self._finished = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        stack = document.undo_stack
        stack.indexChanged.connect(self._on_changed)
        stack.cleanChanged.connect(self._on_clean_changed)
        document.groups_changed.connect(self._on_changed)
        document.current_group_changed.connect(self._on_changed)  # the file remembers it
        document.session_replaced.connect(self._on_replaced)
        document.path_changed.connect(self._on_changed)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    # --- listening ------------------------------------------------------------------
    def _on_changed(self, *_args: object) -> None:
        if self._finished:
            return
        if not self.document.is_modified():
            self._cancel()
            self._remove()
            return
        now = time.monotonic()
        if self._first_change is None:
            self._first_change = now
        # Restart the debounce, but never beyond the first change plus the maximum delay.
        left_ms = self.max_delay_ms - (now - self._first_change) * 1000
        self._timer.start(max(0, int(min(self.debounce_ms, left_ms))))

    def on_state_changed(self, *_args: object) -> None:
        """The window's state the session file keeps (presenting): written with the next
        autosave when there are unsaved changes."""
        self._on_changed()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:  # saved, or undone back to the saved state: the file on disk has it all
            self._cancel()
            if not self._finished:
                self._remove()
        else:
            self._on_changed()

    def _on_replaced(self) -> None:
        # New or Open: the previous session was saved or deliberately discarded.
        self._on_changed()

    def _cancel(self) -> None:
        self._timer.stop()
        self._first_change = None

    # --- writing ----------------------------------------------------------------------
    def save_now(self) -> bool:
        """Write the recovery file now (or remove it if nothing is unsaved)."""
        self._cancel()
        if self._finished:
            return False
        if not self.document.is_modified():
            self._remove()
            return False
        started = time.perf_counter()
        try:
            path = self.store.write(self.document.session, self.document.path)
        except Exception as exc:  # disk full, folder gone, anything: never lose the session
            self.last_error = f"Autosave failed: {getattr(exc, 'strerror', None) or exc}"
            log.warning("%s", self.last_error, exc_info=True)
            self.failed.emit(self.last_error)
            return False
        self.last_error = ""
        log.debug("autosaved to %s in %.1f ms", path, (time.perf_counter() - started) * 1000)
        self.saved.emit(str(path))
        self.safe.emit()
        return True

    def _remove(self) -> None:
        """Nothing is unsaved: the recovery file goes, and so does any failure warning."""
        self.store.remove()
        self.last_error = ""
        self.safe.emit()

    def finish(self) -> None:
        """A clean close: stop, and remove this instance's recovery file and lock."""
        self._cancel()
        self._finished = True
        self.store.close()


def install_autosave(
    window: MainWindow,
    folder: Path,
    debounce_ms: int = DEBOUNCE_MS,
    max_delay_ms: int = MAX_DELAY_MS,
) -> Autosaver | None:
    """Autosave the window's session into folder; None (and a status message) if impossible."""
    store = RecoveryStore(folder)
    # A session saved into the recovery folder would be deleted by the next clean state
    # (this run's own file) or taken for a crashed run's work: Save As refuses it.
    window.files.guard.recovery_folder = Path(folder)
    try:
        store.start()
    except RecoveryError as exc:
        log.warning("no autosave: %s", exc)
        message = f"Autosave is off: {exc}"
        window.statusBar().showMessage(message)
        window.autosave_warning.show_failure(message)  # stays: nothing is ever autosaved
        return None
    autosaver = Autosaver(window.document, store, debounce_ms, max_delay_ms, parent=window)
    window.files.closed_cleanly.connect(autosaver.finish)
    window.presentation.changed.connect(autosaver.on_state_changed)  # remembered by the file
    autosaver.failed.connect(window.statusBar().showMessage)
    autosaver.failed.connect(window.autosave_warning.show_failure)  # seen when presenting too
    autosaver.safe.connect(window.autosave_warning.clear)
    return autosaver
