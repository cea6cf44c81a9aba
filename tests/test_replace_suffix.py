"""A name typed without its suffix: Save As, the deck's CSV export and the handout's PDF
ask before replacing an existing NAME.json / NAME.csv / NAME.pdf (issue 17, item 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session, save_session
from coprod_desktop.ui.dialogs.export import ExportDialog, ExportSettings


@pytest.fixture
def window(open_window):
    return open_window(content.new_session("Names", ["Red", "Blue"]), size=None, show=False)


def _precious(path: Path) -> bytes:
    save_session(content.new_session("Precious", ["Only"]), path)
    return path.read_bytes()


@pytest.mark.parametrize("answer", [False, True])
def test_save_as_without_suffix_asks_before_replacing_name_json(window, tmp_path, answer):
    existing = tmp_path / "workshop.json"
    before = _precious(existing)
    asked: list[Path] = []
    window.files.ask_save_path = lambda *_args: tmp_path / "workshop"  # typed without .json
    window.files.confirm_replace = lambda path: asked.append(path) or answer
    assert window.files.save_as() is answer
    assert asked == [existing]
    if answer:
        assert load_session(existing).title == "Names"
        assert window.document.path == existing
    else:
        assert existing.read_bytes() == before  # untouched
        assert window.document.path is None


def test_save_as_without_suffix_does_not_ask_when_nothing_is_there(window, tmp_path):
    window.files.ask_save_path = lambda *_args: tmp_path / "fresh"
    window.files.confirm_replace = lambda path: pytest.fail(f"asked about {path}")
    assert window.files.save_as()
    assert load_session(tmp_path / "fresh.json").title == "Names"


def test_save_as_with_the_suffix_typed_leaves_the_question_to_the_file_dialog(window, tmp_path):
    existing = tmp_path / "workshop.json"
    _precious(existing)
    window.files.ask_save_path = lambda *_args: existing  # the dialog itself asked about this
    window.files.confirm_replace = lambda path: pytest.fail(f"asked twice about {path}")
    assert window.files.save_as()


@pytest.mark.parametrize("answer", [False, True])
def test_csv_export_without_suffix_asks_before_replacing_name_csv(window, tmp_path, answer):
    existing = tmp_path / "deck.csv"
    existing.write_bytes(b"precious")
    editor = window.prepare_menus.editor()
    asked: list[Path] = []
    editor.ask_export_path = lambda suggestion: tmp_path / "deck"
    editor.confirm_replace = lambda path: asked.append(path) or answer
    written = editor.export_csv()
    assert asked == [existing]
    if answer:
        assert written == existing and existing.read_bytes() != b"precious"
    else:
        assert written is None and existing.read_bytes() == b"precious"


@pytest.mark.parametrize("answer", [False, True])
def test_handout_dialog_asks_before_adding_pdf_onto_an_existing_file(qtbot, tmp_path, answer):
    existing = tmp_path / "handout.pdf"
    existing.write_bytes(b"%PDF precious")
    settings = ExportSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = ExportDialog(None, tmp_path / "x.pdf", settings, 2)
    qtbot.addWidget(dialog)
    asked: list[Path] = []
    dialog.confirm_replace = lambda path: asked.append(path) or answer
    dialog.path.setText(str(tmp_path / "handout"))
    dialog.accept()
    assert asked == [existing]
    accepted = dialog.result() == ExportDialog.DialogCode.Accepted
    assert accepted is answer
    assert existing.read_bytes() == b"%PDF precious"  # the dialog itself writes nothing
