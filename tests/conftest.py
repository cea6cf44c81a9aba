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
def open_window(qtbot):
    """Make main windows for tests: open_window(session, size=(w, h) or None, show=True).

    Closing at teardown never blocks: the unsaved-changes question answers Discard.
    """
    from PySide6.QtWidgets import QMessageBox

    from coprod_desktop.ui.document.document import SessionDocument
    from coprod_desktop.ui.main_window import MainWindow

    def make(session, size=(1600, 900), show=True):  # noqa: ANN001, ANN202 - test helper
        win = MainWindow(SessionDocument(session))
        win.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        qtbot.addWidget(win)
        if size is not None:
            win.resize(*size)
        if show:
            win.show()
            qtbot.waitExposed(win)
        return win

    return make


@pytest.fixture
def window(open_window):
    """The main window on a new two-group session (Red, Blue), shown at 1600x900."""
    from coprod_desktop.files import builtin as content

    return open_window(content.new_session("Test workshop", ["Red", "Blue"]))


@pytest.fixture
def presenting_example(open_window, example_path):
    """presenting_example((w, h)): the example session's window presenting at w x h.

    Offscreen, full screen takes the offscreen screen's size: a plain window of the
    venue's size instead, still presenting. The drawer opens and closes at once."""
    from PySide6.QtCore import Qt

    from coprod_desktop.files.session_file import load_session
    from tests.bench.legibility import settle

    win = open_window(load_session(example_path), size=(1600, 900))
    win.drawer.duration_ms = 0

    def at(size: tuple[int, int]):  # noqa: ANN202 - a MainWindow
        win.presentation.enter()
        win.setWindowState(Qt.WindowState.WindowNoState)
        settle()
        win.resize(*size)
        settle()
        return win

    return at
