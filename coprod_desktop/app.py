"""Composition root: the QApplication, fonts, the document and the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session
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

DESKTOP_FILE_NAME = "org.coprod_desktop.CoprodDesktop"  # resources/packaging/NAME.desktop


def build_window(path: Path | None = None) -> tuple[MainWindow, str | None]:
    """The window on path's session (or a new one); returns an error to show if path was bad."""
    error = None
    session, opened = None, None
    if path is not None:
        try:
            session, opened = load_session(path), path
        except SessionFormatError as exc:
            error = f"{path} cannot be opened:\n{exc}\n\nA new session was started instead."
    if session is None:
        session = content.new_session()
    document = SessionDocument(session, opened)
    return MainWindow(document), error


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
        restored = window.files.recent.watch_window(window)
        if window.document.path is not None:
            window.files.recent.add(window.document.path)
    if restored:
        window.show()
    else:
        window.showMaximized()
    if error:
        window.files.show_error("Cannot open session", error)
    if not os.environ.get("COPROD_BENCH_EXIT_AFTER_SHOW"):
        start_autosave(window, default_recovery_folder())
    if path is None and not bench and not window.document.is_modified():
        QTimer.singleShot(0, window.files.start)  # the start screen: set-up and recent files
    return app.exec()
