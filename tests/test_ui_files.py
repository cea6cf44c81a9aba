"""The title bar's unsaved marker, Save As, and the question on closing with changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from coprod_desktop.files.session_file import load_session
from tests.places import only_region


def test_title_shows_the_file_name_and_the_unsaved_marker(window, tmp_path: Path):
    assert "Untitled" in window.windowTitle() and not window.isWindowModified()
    card = window.document.session.deck.cards[0].id
    window.document.place(card, "ladder-coercion")
    assert window.isWindowModified()
    target = tmp_path / "workshop.json"
    window.files.ask_save_path = lambda *_args: target
    assert window.files.save()  # never saved: Save asks where, like Save As
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("\u2068workshop.json\u2069")  # isolated
    assert only_region(load_session(target).groups[0], card) == "ladder-coercion"
    window.document.undo_stack.undo()
    assert window.isWindowModified()  # back from the saved state is a change too


def test_closing_with_changes_asks_and_cancel_keeps_the_window(window):
    asked = []

    def answer(reply):
        def ask():
            asked.append(reply)
            return reply

        return ask

    window.document.place(window.document.session.deck.cards[0].id, "ladder-coercion")
    window.files.ask_unsaved = answer(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and asked == [QMessageBox.StandardButton.Cancel]
    window.files.ask_unsaved = answer(QMessageBox.StandardButton.Discard)
    assert window.close()
    assert asked[-1] == QMessageBox.StandardButton.Discard


def test_closing_without_changes_does_not_ask(window):
    asked = []
    # Record rather than raise: an exception inside closeEvent is swallowed by Qt.
    window.files.ask_unsaved = lambda: asked.append(True) or QMessageBox.StandardButton.Cancel
    assert window.close()
    assert asked == []
