"""What the first paint does not need is made on first use (issue 20's start-up budget):
the list view's rows, the handout export (its dialog, its background task), the set-up,
session details and deck dialogs. Each check here fails if that part is made at start-up again."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from coprod_desktop.files.session_file import load_session
from coprod_desktop.ui.actions.handout_export import HandoutExport

# Modules the window must not import before its first paint (made or asked on first use).
ON_FIRST_USE = (
    "coprod_desktop.ui.actions.handout_export",
    "coprod_desktop.ui.dialogs.export",
    "coprod_desktop.ui.dialogs.setup",
    "coprod_desktop.ui.dialogs.session_details",
    "coprod_desktop.ui.dialogs.deck_editor",
    "coprod_desktop.ui.dialogs.import_preview",
    "coprod_desktop.files.csv_cards",
    "coprod_desktop.ui.debrief.view",
    "coprod_desktop.ui.debrief.scene",
)


def test_the_list_views_rows_are_built_when_it_is_first_shown(open_window, example_path, qtbot):
    window = open_window(load_session(example_path))
    tree = window.list_view
    assert tree.topLevelItemCount() == 0  # not built behind the board
    window.toggle_list_view()
    qtbot.waitUntil(tree.isVisible)
    assert tree.topLevelItemCount() > 0
    assert any(title for _, title, _ in tree.card_rows())


def test_the_list_view_is_built_when_read_while_hidden(open_window, example_path):
    window = open_window(load_session(example_path))
    assert not window.list_view.isVisible()
    assert window.list_view.card_rows()  # reading it builds it
    assert window.list_view.topLevelItemCount() > 0


def test_the_debrief_is_made_when_first_opened(window):
    assert window._debrief is None
    assert not window.debrief_showing()
    window.toggle_debrief()
    assert window._debrief is not None
    assert window.debrief_showing()
    assert window.centre_stack.currentWidget() is window.debrief
    window.toggle_debrief()
    assert not window.debrief_showing()


def test_the_handout_export_is_made_on_first_use(window):
    assert window.files._handout is None
    exporter = window.files.handout
    assert isinstance(exporter, HandoutExport)
    assert window.files.handout is exporter


def test_the_window_imports_no_dialog_it_does_not_show(example_path, tmp_path):
    """A fresh interpreter builds and shows the window on the example, as run_app does."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from coprod_desktop.app import build_window\n"
        "from coprod_desktop.ui import accessibility\n"
        f"window, error = build_window(Path({str(example_path)!r}))\n"
        "accessibility.install(window)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('coprod_desktop')"
        " or m.split('.')[0] == 'reportlab')))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "coprod_desktop.ui.main_window" in loaded
    assert [m for m in ON_FIRST_USE if m in loaded] == []
    assert [m for m in loaded if m.startswith("reportlab")] == []
