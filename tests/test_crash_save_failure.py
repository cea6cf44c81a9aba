"""A failed save in the window (disk full, no permission, folder gone, a write or fsync or
rename that fails, a session too large): a clear message, the old file intact, the session
still open and still marked unsaved; the next save that can succeed does."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.files import builtin as content
from coprod_desktop.files import session_file as storage
from coprod_desktop.files.session_file import load_session, save_session, session_to_json
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.main_window import MainWindow


@pytest.fixture
def setup(qtbot, tmp_path: Path):
    path = tmp_path / "workshop.json"
    save_session(content.new_session("On disk", ["Red", "Blue"]), path)
    win = MainWindow(SessionDocument(load_session(path), path))
    win.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    shown: list[tuple[str, str]] = []
    win.files.show_error = lambda title, message: shown.append((title, message))
    qtbot.addWidget(win)
    doc = win.document
    doc.place(doc.session.deck.cards[0].id, doc.session.board.regions[0].id)
    doc.rename_group("g1", "Renamed before the failure")
    return win, path, shown


def _raise(code: int, text: str):
    def fail(*args, **kwargs):
        raise OSError(code, text)

    return fail


FAILURES = {
    "disk full on rename": ("replace", errno.ENOSPC, "No space left on device"),
    "fsync fails": ("fsync", errno.EIO, "Input/output error"),
    "no permission": ("mkstemp", errno.EACCES, "Permission denied"),
}


@pytest.mark.parametrize("case", list(FAILURES))
def test_a_failed_save_says_why_keeps_the_file_and_the_session(setup, monkeypatch, case) -> None:
    window, path, shown = setup
    doc = window.document
    old_bytes = path.read_bytes()
    unsaved = session_to_json(doc.session)
    index = doc.undo_stack.index()
    name, code, text = FAILURES[case]
    target = tempfile if name == "mkstemp" else os
    monkeypatch.setattr(target, name, _raise(code, text))

    assert window.files.save() is False

    [(title, message)] = shown
    assert title == "Cannot save session"
    assert str(path) in message and text in message
    assert "still open" in message
    monkeypatch.undo()
    assert path.read_bytes() == old_bytes
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert session_to_json(doc.session) == unsaved and doc.undo_stack.index() == index
    assert doc.is_modified() and doc.path == path
    assert window.isWindowModified()
    # The disk recovers: the same Save now works.
    assert window.files.save() is True
    assert session_to_json(load_session(path)) == unsaved
    assert not doc.is_modified()


def test_saving_into_a_folder_that_is_gone(setup, tmp_path: Path) -> None:
    window, path, shown = setup
    gone = tmp_path / "usb-stick" / "workshop.json"
    window.files.ask_save_path = lambda *args: gone
    assert window.files.save_as() is False
    [(_, message)] = shown
    assert str(gone) in message and "No such file or directory" in message
    assert window.document.path == path  # Save As that failed does not move the session
    assert window.document.is_modified()


def test_a_session_too_large_to_open_again_is_not_saved(setup, monkeypatch) -> None:
    window, path, shown = setup
    old_bytes = path.read_bytes()
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 1000)
    assert window.files.save() is False
    assert "larger than" in shown[0][1]
    assert path.read_bytes() == old_bytes and window.document.is_modified()


def test_text_that_cannot_be_written_is_a_message_not_a_crash(setup) -> None:
    window, path, shown = setup
    doc = window.document
    doc.set_note(doc.session.deck.cards[0].id, "half a character: \ud83d")
    assert window.files.save() is False
    assert "invalid character" in shown[0][1]
    assert doc.is_modified()


def test_closing_after_a_failed_save_asks_again(setup, monkeypatch) -> None:
    """Save on close fails: the window stays open with the work."""
    window, path, shown = setup
    monkeypatch.setattr(os, "replace", _raise(errno.ENOSPC, "No space left on device"))
    window.files.ask_unsaved = lambda: QMessageBox.StandardButton.Save
    assert window.files.confirm_close() is False
    assert shown and window.document.is_modified()
    window.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
