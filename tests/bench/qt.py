"""The QApplication for the in-process figures, set up as run_app sets it up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from coprod_desktop.ui.style.fonts import FONT_FAMILY, font, load_fonts

_fonts_loaded = False


def application() -> QApplication:
    """The running QApplication (left as it is), or a new one with the app's base font.
    The platform comes from QT_QPA_PLATFORM, which the benchmark sets to offscreen."""
    global _fonts_loaded
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(["coprod-bench"])
        base = font(15)
        base.setFamily(FONT_FAMILY)
        app.setFont(base)
    if not _fonts_loaded:
        load_fonts()
        _fonts_loaded = True
    return app


def discard_changes() -> QMessageBox.StandardButton:
    """Answer to the unsaved-changes question, so closing a window never blocks."""
    return QMessageBox.StandardButton.Discard
