"""Autosave and recovery end to end: change, wait for the autosave, crash (the window is
dropped without a clean close, or the process is killed), start again, restore, compare."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from coprod_desktop.app import build_window, start_autosave
from coprod_desktop.files import builtin as content
from coprod_desktop.files.recovery import RecoveryEntry
from coprod_desktop.files.session_file import load_session, save_session, session_to_json
from coprod_desktop.ui.actions.autosave import Autosaver
from coprod_desktop.ui.actions.file_actions import FileActions
from coprod_desktop.ui.dialogs.recovery import RecoveryChoice, RecoveryDialog
from coprod_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


class Answers:
    """Stands in for the recovery dialog: records what was offered, answers in turn."""

    def __init__(self, *actions: str) -> None:
        self.named_actions = list(actions)
        self.offered: list[list[RecoveryEntry]] = []

    def __call__(self, parent, entries: list[RecoveryEntry]) -> RecoveryChoice:
        self.offered.append(list(entries))
        action = self.named_actions.pop(0)
        return RecoveryChoice(action, entries[0])  # type: ignore[arg-type]


def never(parent, entries):  # noqa: ANN001, ANN201
    raise AssertionError(f"nothing should be offered, got {entries}")


@pytest.fixture
def errors(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(FileActions, "show_error", lambda self, t, m: shown.append((t, m)))
    monkeypatch.setattr(FileActions, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)
    return shown


def start(
    qtbot, folder: Path, ask=never, path: Path | None = None, track: bool = True
) -> tuple[MainWindow, Autosaver]:
    """What run_app does, with the dialog answered and a short debounce."""
    window, error = build_window(path)
    assert error is None
    if track:
        qtbot.addWidget(window)
    window.show()
    autosaver = start_autosave(window, folder, ask=ask, debounce_ms=30)
    assert autosaver is not None
    return window, autosaver


def crash(window: MainWindow, autosaver: Autosaver) -> None:
    """The process dies: no close event, no clean-up; the OS releases its file lock."""
    autosaver.store.abandon()
    shiboken6.delete(window)  # the window and its children go; closeEvent never runs
    QApplication.processEvents()


def work(window: MainWindow) -> None:
    """A few minutes of a workshop: moves, a note with markup, a new group, a rename."""
    doc = window.document
    cards = [c.id for c in doc.session.deck.cards]
    regions = [r.id for r in doc.session.board.regions]
    for i, card in enumerate(cards[:7]):
        doc.place(card, regions[i % len(regions)])
    doc.set_note(cards[2], 'We said <b>"with"</b> & meant it ✊🏽 — שלום')
    doc.place(cards[0], regions[-1])
    doc.add_group("Late table")
    doc.rename_group(doc.session.groups[1].id, "Table <2>")
    doc.set_current_group(doc.session.groups[1].id)
    doc.place(cards[5], regions[1])


def wait_for_autosave(qtbot, autosaver: Autosaver) -> None:
    qtbot.waitUntil(lambda: not autosaver.pending and autosaver.store.path.exists(), timeout=5000)


def test_crash_then_restore_gives_back_the_unsaved_session(qtbot, tmp_path: Path, errors) -> None:
    folder = tmp_path / "recovery"
    first, saver = start(qtbot, folder, track=False)
    work(first)
    wait_for_autosave(qtbot, saver)
    expected = session_to_json(first.document.session)
    crash(first, saver)

    answers = Answers("restore")
    second, saver2 = start(qtbot, folder, ask=answers)
    [[entry]] = answers.offered
    assert entry.title == "Co-production workshop"
    assert entry.groups == [("Group 1", 7), ("Table <2>", 1)]
    assert entry.original_path is None and entry.saved_at
    doc = second.document
    assert session_to_json(doc.session) == expected
    assert doc.path is None
    assert doc.is_modified() and second.isWindowModified()
    assert not doc.undo_stack.canUndo()  # the restored state is the start of this run's history
    # It is this run's recovery file now; the dead run's files are gone.
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [saver2.store.path.name, saver2.store.lock_path.name]
    )
    assert session_to_json(load_session_from_recovery(saver2)) == expected
    # Saving it is a normal Save As (never saved before); the recovery file goes.
    target = tmp_path / "saved.json"
    second.files.ask_save_path = lambda *args: target
    assert second.files.save()
    assert session_to_json(load_session(target)) == expected
    assert not saver2.store.path.exists()
    assert second.close()
    assert list(folder.iterdir()) == []
    assert errors == []


def load_session_from_recovery(autosaver: Autosaver):  # noqa: ANN201
    from coprod_desktop.files.recovery import read_entry

    entry = read_entry(autosaver.store.name, autosaver.store.path)
    assert entry.ok, entry.problem
    return entry.session


def test_a_saved_session_is_restored_with_its_path_and_saves_there(
    qtbot, tmp_path: Path, errors
) -> None:
    folder, path = tmp_path / "recovery", tmp_path / "workshop.json"
    save_session(content.new_session("Saved workshop", ["A", "B"]), path)
    first, saver = start(qtbot, folder, path=path, track=False)
    work(first)
    wait_for_autosave(qtbot, saver)
    expected = session_to_json(first.document.session)
    crash(first, saver)
    assert load_session(path).title == "Saved workshop"  # the file itself has none of the work

    second, _ = start(qtbot, folder, ask=Answers("restore"))
    assert second.document.path == path
    assert "workshop.json" in second.windowTitle() and second.isWindowModified()
    assert second.files.save()  # straight to the original file, no question
    assert session_to_json(load_session(path)) == expected
    assert errors == []


def test_discard_deletes_the_left_over_work(qtbot, tmp_path: Path, errors) -> None:
    folder = tmp_path / "recovery"
    first, saver = start(qtbot, folder, track=False)
    work(first)
    wait_for_autosave(qtbot, saver)
    crash(first, saver)
    second, saver2 = start(qtbot, folder, ask=Answers("discard"))
    assert not second.document.is_modified()
    assert sorted(p.name for p in folder.iterdir()) == [saver2.store.lock_path.name]
    second.close()
    start(qtbot, folder, ask=never)  # nothing is offered again


def test_decide_later_keeps_it_for_the_next_start(qtbot, tmp_path: Path, errors) -> None:
    folder = tmp_path / "recovery"
    first, saver = start(qtbot, folder, track=False)
    work(first)
    wait_for_autosave(qtbot, saver)
    crash(first, saver)
    later = Answers("later")
    second, _ = start(qtbot, folder, ask=later)
    assert len(later.offered) == 1 and not second.document.is_modified()
    again = Answers("restore")
    third, _ = start(qtbot, folder, ask=again)
    assert again.offered[0][0].name == saver.store.name
    assert third.document.is_modified()


def test_two_crashed_runs_are_offered_one_after_the_other(qtbot, tmp_path: Path, errors) -> None:
    folder = tmp_path / "recovery"
    for title in ("Monday", "Tuesday"):
        run, saver = start(qtbot, folder, ask=Answers("later"), track=False)
        run.document.session.title = title  # (set before the change that gets autosaved)
        work(run)
        wait_for_autosave(qtbot, saver)
        crash(run, saver)
    answers = Answers("discard", "restore")
    window, _ = start(qtbot, folder, ask=answers)
    assert [len(offer) for offer in answers.offered] == [2, 1]
    discarded, restored = answers.offered[0][0], answers.offered[1][0]
    assert {discarded.title, restored.title} == {"Monday", "Tuesday"}
    assert window.document.session.title == restored.title


def test_running_instances_never_see_each_others_files(qtbot, tmp_path: Path, errors) -> None:
    folder = tmp_path / "recovery"
    one, saver1 = start(qtbot, folder)
    two, saver2 = start(qtbot, folder)
    work(one)
    work(two)
    two.document.rename_group("g1", "Only in two")
    wait_for_autosave(qtbot, saver1)
    wait_for_autosave(qtbot, saver2)
    assert saver1.store.path != saver2.store.path
    assert session_to_json(load_session_from_recovery(saver1)) == session_to_json(
        one.document.session
    )
    assert session_to_json(load_session_from_recovery(saver2)) == session_to_json(
        two.document.session
    )
    start(qtbot, folder, ask=never)  # both alive: nothing offered to a third


def test_a_damaged_recovery_file_is_set_aside_and_never_crashes(
    qtbot, tmp_path: Path, errors
) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "999-dead.json").write_text('{"format": "coprod-recovery", "recovery_version": 1}')
    answers = Answers("restore")
    window, _ = start(qtbot, folder, ask=answers)
    assert not answers.offered[0][0].ok
    assert errors and errors[0][0] == "Cannot restore"
    assert "session" in errors[0][1]
    assert (folder / "999-dead.damaged.json").exists()
    assert not window.document.is_modified()


# --- the dialog itself -------------------------------------------------------------


def test_the_dialog_shows_entries_as_plain_text_and_answers(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    first, saver = start(qtbot, folder, track=False)
    first.document.session.title = '<img src="/etc/passwd"> <b>Bold</b> &amp;'
    work(first)
    wait_for_autosave(qtbot, saver)
    crash(first, saver)
    from coprod_desktop.files.recovery import RecoveryStore

    store = RecoveryStore(folder)
    entries = store.orphans()
    broken = RecoveryEntry(name="x", path=folder / "x.json", problem="not valid JSON")
    dialog = RecoveryDialog([*entries, broken])
    qtbot.addWidget(dialog)
    shown = dialog.list.item(0).text()
    lines = shown.split("\n")
    assert all(line.startswith("\u2068") and line.endswith("\u2069") for line in lines)  # isolated
    first_item = shown.replace("\u2068", "").replace("\u2069", "")
    assert first_item.startswith('<img src="/etc/passwd"> <b>Bold</b> &amp;\nAutosaved ')
    assert "\nGroups: Group 1 (7 cards), Table <2> (1 card)\nNever saved to a file" in first_item
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == label.textFormat().PlainText
    assert dialog.restore_button.isEnabled()
    dialog.list.setCurrentRow(1)  # the broken one cannot be restored, only discarded
    assert not dialog.restore_button.isEnabled() and dialog.discard_button.isEnabled()
    dialog.discard_button.click()
    assert dialog.choice == RecoveryChoice("discard", broken)
    dialog.list.setCurrentRow(0)
    dialog.restore_button.click()
    assert dialog.choice == RecoveryChoice("restore", entries[0])
    store.release_claims()


# --- a real crash: the first run is a process killed with SIGKILL -----------------------

CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from coprod_desktop.app import build_window, start_autosave
    from coprod_desktop.files.session_file import session_to_json

    app = QApplication([])
    folder, expected = Path(sys.argv[1]), Path(sys.argv[2])
    window, _ = build_window(None)
    window.show()
    saver = start_autosave(window, folder, ask=lambda *a: 1 / 0, debounce_ms=30)
    doc = window.document
    for i, card in enumerate(doc.session.deck.cards[:9]):
        doc.place(card.id, doc.session.board.regions[i].id)
    doc.set_note(doc.session.deck.cards[0].id, "written just before the crash")
    expected.write_text(session_to_json(doc.session), encoding="utf-8")
    while saver.pending or not saver.store.path.exists():
        app.processEvents()
        time.sleep(0.01)
    print("autosaved", flush=True)
    time.sleep(120)
""")


def test_a_killed_process_is_recovered(qtbot, tmp_path: Path, errors) -> None:
    folder, expected = tmp_path / "recovery", tmp_path / "expected.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(expected)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "autosaved"
        start(qtbot, folder, ask=never)  # alive: its file is not offered
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    answers = Answers("restore")
    window, _ = start(qtbot, folder, ask=answers)
    assert answers.offered[0][0].name.startswith(f"{child.pid}-")
    assert session_to_json(window.document.session) == expected.read_text(encoding="utf-8")
    assert window.document.is_modified()
