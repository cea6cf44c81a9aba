"""Autosave: every change reaches the recovery folder within seconds (debounced, never held
back past the maximum delay); a clean save, undoing to the saved state, New, or a clean
close removes it; a failing autosave says so and loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session, session_to_json
from coprod_desktop.files.session_schema import session_from_dict
from coprod_desktop.ui.actions.autosave import (
    DEBOUNCE_MS,
    MAX_DELAY_MS,
    RECOVERY_DIR_ENV,
    Autosaver,
    default_recovery_folder,
    install_autosave,
)
from coprod_desktop.ui.dialogs.setup import SetupResult
from coprod_desktop.ui.main_window import MainWindow


def test_the_defaults_meet_five_seconds() -> None:
    assert DEBOUNCE_MS <= MAX_DELAY_MS < 5000


@pytest.fixture
def window(open_window):
    return open_window(content.new_session("Autosaved workshop", ["Red", "Blue"]), None, False)


@pytest.fixture
def saver(window, tmp_path: Path) -> Autosaver:
    autosaver = install_autosave(window, tmp_path / "recovery", debounce_ms=30, max_delay_ms=200)
    assert autosaver is not None
    return autosaver


def place_one(window: MainWindow, n: int = 0) -> str:
    doc = window.document
    card = doc.session.unplaced(doc.current_group)[n].id
    assert doc.place(card, doc.session.board.regions[n % 3].id)
    return card


def recovered(saver: Autosaver) -> dict:
    return json.loads(saver.store.path.read_text(encoding="utf-8"))


def test_a_change_is_autosaved_and_loads_back(window, saver, qtbot) -> None:
    assert not saver.store.path.exists()
    place_one(window)
    assert saver.pending
    qtbot.waitUntil(saver.store.path.exists, timeout=5000)
    data = recovered(saver)
    assert data["original_path"] is None  # never saved
    assert session_to_json(session_from_dict(data["session"])) == session_to_json(
        window.document.session
    )
    assert window.document.is_modified()  # autosave is not a save


def test_a_burst_of_changes_is_written_once(window, saver, qtbot) -> None:
    writes: list[str] = []
    saver.saved.connect(writes.append)
    for n in range(6):
        place_one(window, n)
    qtbot.waitUntil(lambda: bool(writes), timeout=5000)
    qtbot.wait(100)
    assert len(writes) == 1
    assert len(session_from_dict(recovered(saver)["session"]).groups[0].placements) == 6


def test_the_debounce_never_holds_a_change_past_the_maximum_delay(window, tmp_path, qtbot):
    """A change every 100 ms keeps restarting a 300 ms debounce, so the debounce alone would
    write only after the last change; the 600 ms maximum writes while changes still come."""
    saver = install_autosave(window, tmp_path / "recovery", debounce_ms=300, max_delay_ms=600)
    assert saver is not None
    writes: list[str] = []
    saver.saved.connect(writes.append)
    changes = 0
    while not writes and changes < 20:
        place_one(window, changes)
        changes += 1
        qtbot.wait(100)
    assert writes, "a steady stream of changes was never autosaved"
    assert changes < 20  # written while changes were still coming in
    assert window.document.is_modified()


def test_every_kind_of_change_is_autosaved(window, saver, qtbot) -> None:
    doc = window.document
    card = place_one(window)
    qtbot.waitUntil(lambda: not saver.pending, timeout=5000)
    for change in (
        lambda: doc.set_note(card, "Because <b>we</b> said so"),
        lambda: doc.add_group("Green"),
        lambda: doc.rename_group("g1", "Red table"),
        lambda: doc.undo_stack.undo(),
    ):
        change()
        qtbot.waitUntil(lambda: not saver.pending, timeout=5000)
        assert session_to_json(session_from_dict(recovered(saver)["session"])) == session_to_json(
            doc.session
        )


def test_a_clean_save_removes_the_file_and_the_next_change_records_the_path(
    window, saver, qtbot, tmp_path: Path
) -> None:
    place_one(window)
    qtbot.waitUntil(saver.store.path.exists, timeout=5000)
    target = tmp_path / "work.json"
    window.files.ask_save_path = lambda *args: target
    assert window.files.save()
    assert not saver.store.path.exists() and not saver.pending
    assert load_session(target) == window.document.session
    place_one(window, 1)
    qtbot.waitUntil(saver.store.path.exists, timeout=5000)
    assert recovered(saver)["original_path"] == str(target)


def test_undoing_back_to_the_saved_state_removes_the_file(window, saver, qtbot) -> None:
    place_one(window)
    qtbot.waitUntil(saver.store.path.exists, timeout=5000)
    window.document.undo_stack.undo()
    assert not saver.store.path.exists()
    qtbot.wait(80)
    assert not saver.store.path.exists()  # and no late timer brings it back


def test_new_session_after_discarding_removes_the_file(window, saver, qtbot) -> None:
    place_one(window)
    qtbot.waitUntil(saver.store.path.exists, timeout=5000)
    # New asks for set-up choices (issue 3): answer as Enter alone would, without a dialog.
    window.files.ask_setup = lambda: SetupResult(session=content.new_session())
    assert window.files.new()  # ask_unsaved answers Discard
    assert not saver.store.path.exists()


def test_a_clean_close_leaves_an_empty_folder(window, saver, qtbot) -> None:
    place_one(window)
    qtbot.waitUntil(saver.store.path.exists, timeout=5000)
    assert window.close()  # Discard: a clean close
    assert list(saver.store.folder.iterdir()) == []


def test_a_cancelled_close_keeps_autosaving(window, saver, qtbot) -> None:
    place_one(window)
    window.files.ask_unsaved = lambda: QMessageBox.StandardButton.Cancel
    assert not window.close()
    qtbot.waitUntil(saver.store.path.exists, timeout=5000)
    place_one(window, 1)
    qtbot.waitUntil(lambda: not saver.pending, timeout=5000)
    assert len(session_from_dict(recovered(saver)["session"]).groups[0].placements) == 2
    window.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard


def test_a_failing_autosave_says_so_and_loses_nothing(window, saver, qtbot, monkeypatch) -> None:
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(saver.store, "write", full)
    failures: list[str] = []
    saver.failed.connect(failures.append)
    place_one(window)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures == ["Autosave failed: No space left on device"]
    assert window.statusBar().currentMessage() == failures[0]
    assert window.document.is_modified()
    monkeypatch.undo()
    place_one(window, 1)  # the disk has room again: the next change is written
    qtbot.waitUntil(saver.store.path.exists, timeout=5000)
    assert saver.last_error == ""


def test_an_unusable_folder_turns_autosave_off_with_a_message(window, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    assert install_autosave(window, blocker / "recovery") is None
    assert "Autosave is off" in window.statusBar().currentMessage()


def test_the_recovery_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(RECOVERY_DIR_ENV, str(tmp_path))
    assert default_recovery_folder() == tmp_path
    monkeypatch.delenv(RECOVERY_DIR_ENV)
    assert default_recovery_folder().name == "recovery"


def test_a_failing_autosave_warns_persistently_also_when_presenting(
    window, saver, qtbot, monkeypatch
) -> None:
    """The status bar hides in presentation mode and its messages are replaced by the next
    one: a failed autosave puts a warning on the board's column that stays, shown in
    presentation mode too, until an autosave succeeds again."""
    warning = window.autosave_warning
    assert not warning.isVisible()
    window.presentation.enter()
    assert not window.statusBar().isVisible()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(saver.store, "write", full)
    place_one(window)
    qtbot.waitUntil(warning.isVisible, timeout=5000)
    assert "No space left on device" in warning.text()
    assert "not safe" in warning.text()
    window.statusBar().showMessage("something else")  # the warning is not a status message
    window.presentation.leave()
    assert warning.isVisible()
    window.presentation.enter()
    assert warning.isVisible()
    monkeypatch.undo()
    place_one(window, 1)
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=5000)
    assert saver.store.path.exists()


def test_the_warning_goes_when_a_save_makes_the_session_safe(
    window, saver, qtbot, monkeypatch, tmp_path
) -> None:
    def broken(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(saver.store, "write", broken)
    place_one(window)
    qtbot.waitUntil(lambda: not window.autosave_warning.isHidden(), timeout=5000)
    window.files.ask_save_path = lambda *_args: tmp_path / "saved.json"
    assert window.files.save()
    assert window.autosave_warning.isHidden()


def test_autosave_off_warns_persistently(window, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    assert install_autosave(window, blocker / "recovery") is None
    assert not window.autosave_warning.isHidden()
    assert "Autosave is off" in window.autosave_warning.text()
