"""The export dialog offers the reference packs (issue 12): one box per built-in pack,
remembered with the other choices, passed to the handout's options."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from coprod_desktop.ui.dialogs.export import ExportDialog, ExportSettings


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_wales_pack_is_offered_off_by_default_and_remembered(qtbot, settings, tmp_path) -> None:
    first = ExportDialog(None, tmp_path / "a.pdf", ExportSettings(settings), groups=3)
    qtbot.addWidget(first)
    box = first.packs["wales"]
    assert "Co-production in Wales" in box.text() and not box.isChecked()
    choices = first.choices()
    assert choices is not None and choices.options.packs == ()
    box.setChecked(True)
    choices = first.choices()
    assert choices is not None and choices.options.packs == ("wales",)
    ExportSettings(settings).remember(choices)
    again = ExportDialog(None, tmp_path / "b.pdf", ExportSettings(settings), groups=3)
    qtbot.addWidget(again)
    assert again.packs["wales"].isChecked()


def test_a_remembered_pack_that_is_gone_is_dropped(settings) -> None:
    settings.setValue(ExportSettings.PACKS, "wales,atlantis")
    assert ExportSettings(settings).options().packs == ("wales",)
