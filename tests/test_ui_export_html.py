"""The export dialog offers the handout's HTML twin (issue 16, item 4): a remembered
box; ticked, the export writes OUT.html next to OUT.pdf."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from coprod_desktop.files import builtin as content
from coprod_desktop.handout import HandoutOptions
from coprod_desktop.ui.actions.handout_export import HandoutExport
from coprod_desktop.ui.dialogs.export import ExportChoices, ExportDialog, ExportSettings
from coprod_desktop.ui.document.document import SessionDocument


def test_the_dialog_offers_and_remembers_the_html_twin(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = ExportDialog(None, tmp_path / "a.pdf", ExportSettings(settings), groups=2)
    qtbot.addWidget(first)
    assert not first.html.isChecked()
    assert "HTML" in first.html.text()
    first.html.setChecked(True)
    first.accept()
    choices = first.choices()
    assert choices is not None and choices.html
    again = ExportDialog(None, tmp_path / "b.pdf", ExportSettings(settings), groups=2)
    qtbot.addWidget(again)
    assert again.html.isChecked()


def test_an_html_twin_that_exists_is_replaced_only_when_the_user_agrees(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    (tmp_path / "a.html").write_text("mine")
    dialog = ExportDialog(None, tmp_path / "a.pdf", ExportSettings(settings), groups=2)
    qtbot.addWidget(dialog)
    asked: list[Path] = []
    dialog.confirm_replace = lambda path: asked.append(path) or False
    dialog.html.setChecked(False)
    dialog.accept()  # no twin asked for: the old .html does not matter
    assert asked == [] and dialog.result() == dialog.DialogCode.Accepted
    dialog.setResult(dialog.DialogCode.Rejected)
    dialog.html.setChecked(True)
    dialog.accept()
    assert asked == [tmp_path / "a.html"] and dialog.result() == dialog.DialogCode.Rejected
    dialog.confirm_replace = lambda path: True
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_the_export_writes_the_html_next_to_the_pdf(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    document = SessionDocument(content.new_session("Twin", ["Red", "Blue"]))
    exporter = HandoutExport(document, window)
    exporter.ask_open_pdf = lambda path, pages: False
    with qtbot.waitSignal(exporter.finished, timeout=30000):
        exporter.start(ExportChoices(tmp_path / "h.pdf", HandoutOptions(invariant=True), html=True))
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "h.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with qtbot.waitSignal(exporter.finished, timeout=30000):
        exporter.start(ExportChoices(tmp_path / "p.pdf", HandoutOptions(invariant=True)))
    assert not (tmp_path / "p.html").exists()
