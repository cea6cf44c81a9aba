"""Shared fixtures. Qt runs headless: the offscreen platform is set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_SESSION = REPO / "sessions" / "community-health-workshop.json"


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE_SESSION


@pytest.fixture
def window(qtbot):
    """The main window on a new two-group session (Red, Blue), shown at 1600x900."""
    from PySide6.QtWidgets import QMessageBox

    from coprod_desktop import content
    from coprod_desktop.ui.document import SessionDocument
    from coprod_desktop.ui.main_window import MainWindow

    document = SessionDocument(content.new_session("Test workshop", ["Red", "Blue"]))
    win = MainWindow(document)
    # Closing at teardown must not block on the unsaved-changes question.
    win.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    return win
