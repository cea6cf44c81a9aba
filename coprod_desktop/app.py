"""Composition root: the QApplication, fonts, the document and the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from coprod_desktop.files import builtin as content
from coprod_desktop.files.atomic_write import tidy_temp_files
from coprod_desktop.files.disk_state import Fingerprint
from coprod_desktop.files.session_file import load_session_file
from coprod_desktop.files.session_schema import SessionFormatError
from coprod_desktop.ui import accessibility
from coprod_desktop.ui.actions.autosave import (
    DEBOUNCE_MS,
    Autosaver,
    default_recovery_folder,
    install_autosave,
)
from coprod_desktop.ui.dialogs.recovery import Ask, ask_recovery, offer_recovery
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.main_window import MainWindow
from coprod_desktop.ui.style.app_icon import app_icon
from coprod_desktop.ui.style.fonts import FONT_FAMILY, font, load_fonts

log = logging.getLogger(__name__)
DESKTOP_FILE_NAME = "org.coprod_desktop.CoprodDesktop"  # resources/packaging/NAME.desktop


def build_window(path: Path | None = None) -> tuple[MainWindow, str | None]:
    """The window on path's session (or a new one); returns an error to show if path was bad.

    The window holds path's lock; if another running copy has path open, the window
    opens it read-only and window.locked_by names that copy (run_app then asks)."""
    error = None
    session, opened, disk = None, None, None
    if path is not None:
        try:
            (session, disk), opened = load_session_file(path), path
            tidy_temp_files(path)  # what killed saves of it left, if their writers are gone
        except SessionFormatError as exc:
            error = f"{path} cannot be opened:\n{exc}\n\nA new session was started instead."
    if session is None:
        session = content.new_session()
    document = SessionDocument(session, opened)
    window = MainWindow(document)
    _lock_or_read_only(window, opened, disk)
    return window, error


def _lock_or_read_only(window: MainWindow, path: Path | None, disk: Fingerprint | None) -> None:
    document, guard = window.document, window.files.guard
    document.disk = disk
    guard.locked_by = guard.take(path)
    if guard.locked_by is not None:
        log.warning("%s is open in %s; opened read-only", path, guard.locked_by.describe())
        document.read_only = True  # safe until the facilitator answers
        document.path_changed.emit()


def ask_about_lock(window: MainWindow) -> None:
    """Started on a file another copy has open: read-only, a copy, or edit anyway."""
    guard = window.files.guard
    owner, path = guard.locked_by, window.document.path
    if owner is None or path is None:
        return
    guard.locked_by = None
    answer = window.files.guard.ask_locked(path, owner)
    window.files.apply_locked_answer(answer)


def start_autosave(
    window: MainWindow, folder: Path, ask: Ask = ask_recovery, debounce_ms: int = DEBOUNCE_MS
) -> Autosaver | None:
    """Autosave into folder, then offer what a crashed run left there (restore or discard)."""
    autosaver = install_autosave(window, folder, debounce_ms)
    if autosaver is not None:
        offer_recovery(window, window.document, autosaver, ask, window.files.show_error)
    return autosaver


def run_app(path: Path | None = None) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("coprod-desktop")
    app.setOrganizationName("coprod-desktop")
    app.setDesktopFileName(DESKTOP_FILE_NAME)  # Wayland finds the icon through the .desktop file
    app.setWindowIcon(app_icon())
    load_fonts()
    base = font(15)
    base.setFamily(FONT_FAMILY)
    app.setFont(base)
    window, error = build_window(path)
    accessibility.install(window)  # the board for screen readers; announcements
    if os.environ.get("COPROD_BENCH_EXIT_AFTER_SHOW"):
        # Start-up benchmark: print the time of the first paint, then quit (see bench/probe.py).
        from coprod_desktop.ui.startup_probe import arm

        arm(app)
    bench = bool(os.environ.get("COPROD_BENCH_EXIT_AFTER_SHOW"))
    restored = False
    if not bench:  # recent files, window geometry and set-up choices from the user's settings
        window.files.recent.settings = QSettings()
        window.single_keys.restore()  # the remembered single-key shortcut choice
        restored = window.files.recent.watch_window(window)
        if window.document.path is not None:
            window.files.recent.add(window.document.path)
    if restored:
        window.show()
    else:
        window.showMaximized()
    if error:
        window.files.show_error("Cannot open session", error)
    ask_about_lock(window)
    if not os.environ.get("COPROD_BENCH_EXIT_AFTER_SHOW"):
        start_autosave(window, default_recovery_folder())
    if path is None and not bench and not window.document.is_modified():
        QTimer.singleShot(0, window.files.start)  # the start screen: set-up and recent files
    return app.exec()
