"""What a crash or a careless name leaves in the recovery folder and beside a session
(issue 17, item 5): Save As onto this run's own recovery file, a recovery file that
cannot be read, and the temporary files of saves that were killed half way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from coprod_desktop.app import build_window, start_autosave
from coprod_desktop.files import builtin as content
from coprod_desktop.files.atomic_write import remove_stale_temp_files, temp_prefix
from coprod_desktop.files.recovery import RecoveryEntry, RecoveryStore, read_entry
from coprod_desktop.files.session_file import load_session, save_session
from coprod_desktop.ui.actions.file_actions import FileActions
from coprod_desktop.ui.dialogs.recovery import RecoveryChoice, RecoveryDialog

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


@pytest.fixture
def errors(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(FileActions, "show_error", lambda self, t, m: shown.append((t, m)))
    monkeypatch.setattr(FileActions, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)
    return shown


def never(parent, entries):  # noqa: ANN001, ANN201
    raise AssertionError(f"nothing should be offered, got {entries}")


class Answers:
    def __init__(self, *actions: str) -> None:
        self.actions = list(actions)
        self.offered: list[list[RecoveryEntry]] = []

    def __call__(self, parent, entries: list[RecoveryEntry]) -> RecoveryChoice:
        self.offered.append(list(entries))
        return RecoveryChoice(self.actions.pop(0), entries[0])  # type: ignore[arg-type]


def started(qtbot, folder: Path, ask=never, path: Path | None = None):  # noqa: ANN001, ANN201
    window, error = build_window(path)
    assert error is None
    qtbot.addWidget(window)
    autosaver = start_autosave(window, folder, ask=ask, debounce_ms=30)
    assert autosaver is not None
    return window, autosaver


# --- Save As onto this run's own recovery file --------------------------------------


def test_save_as_onto_this_runs_own_recovery_file_is_refused(qtbot, tmp_path, errors) -> None:
    """Before: 'saved', the window clean, then autosave deleted the clean session's
    recovery file, which was the file just saved: the work was on no file at all."""
    folder = tmp_path / "recovery"
    window, saver = started(qtbot, folder)
    doc = window.document
    doc.place(doc.session.deck.cards[0].id, doc.session.board.regions[0].id)
    qtbot.waitUntil(lambda: not saver.pending and saver.store.path.exists(), timeout=5000)
    window.files.ask_save_path = lambda *_args: saver.store.path
    assert not window.files.save()
    assert errors and errors[0][0] == "Cannot save session"
    assert "recovery folder" in errors[0][1] and "Nothing was saved" in errors[0][1]
    assert doc.is_modified() and doc.path is None
    qtbot.wait(100)
    entry = read_entry(saver.store.name, saver.store.path)  # still this run's recovery file
    assert entry.ok and len(entry.session.groups[0].placements) == 1


def test_save_as_into_the_recovery_folder_by_another_name_is_refused(
    qtbot, tmp_path, errors
) -> None:
    folder = tmp_path / "recovery"
    window, _ = started(qtbot, folder)
    window.files.ask_save_path = lambda *_args: folder / "my-workshop"  # .json is added
    assert not window.files.save()
    assert not (folder / "my-workshop.json").exists()
    assert "recovery folder" in errors[0][1]


# --- a recovery file that cannot be read ---------------------------------------------


def damaged(folder: Path, name: str = "999-dead") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text('{"format": "coprod-recovery", "recovery_version": 1, "sess', "utf-8")
    return path


def test_discarding_an_unreadable_recovery_file_sets_it_aside(qtbot, tmp_path, errors) -> None:
    """The README promises NAME.damaged.json; Discard used to delete it."""
    folder = tmp_path / "recovery"
    path = damaged(folder)
    answers = Answers("discard")
    started(qtbot, folder, ask=answers)
    assert not answers.offered[0][0].ok
    assert not path.exists()
    kept = folder / "999-dead.damaged.json"
    assert kept.read_text("utf-8").endswith('"sess')  # byte for byte what was there
    started(qtbot, folder, ask=never)  # never offered again


def test_setting_aside_never_replaces_an_earlier_damaged_file(tmp_path) -> None:
    folder = tmp_path / "recovery"
    (folder).mkdir()
    (folder / "999-dead.damaged.json").write_text("the first one", "utf-8")
    damaged(folder)
    store = RecoveryStore(folder)
    [entry] = store.orphans()
    store.discard(entry)
    names = sorted(p.name for p in folder.iterdir())
    assert (folder / "999-dead.damaged.json").read_text("utf-8") == "the first one"
    assert len([n for n in names if n.endswith(".damaged.json")]) == 2, names


def test_the_dialog_says_why_it_cannot_be_restored(qtbot, tmp_path) -> None:
    folder = tmp_path / "recovery"
    damaged(folder)
    store = RecoveryStore(folder)
    [broken] = store.orphans()
    good = RecoveryEntry(name="1-ok", path=folder / "1-ok.json", session=content.new_session())
    dialog = RecoveryDialog([good, broken])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button.isEnabled() and dialog.discard_button.text() == "Discard"
    assert dialog.reason.isHidden()
    dialog.list.setCurrentRow(1)
    assert not dialog.restore_button.isEnabled()
    assert dialog.reason.isVisible()
    reason = dialog.reason.text()
    assert "cannot be restored" in reason and broken.problem in reason
    assert "999-dead.damaged.json" in reason
    assert dialog.reason.textFormat() == QLabel().textFormat().PlainText
    assert dialog.discard_button.text() == "Set aside"
    dialog.discard_button.click()
    assert dialog.choice == RecoveryChoice("discard", broken)
    store.release_claims()


# --- temporary files of killed saves ---------------------------------------------------

# A save that is killed between writing its temporary file and renaming it over the file.
KILLED_SAVE = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from coprod_desktop.files import builtin as content
    from coprod_desktop.files.recovery import RecoveryStore
    from coprod_desktop.files.session_file import save_session

    mode, target = sys.argv[1], Path(sys.argv[2])
    session = content.new_session("killed")
    store = RecoveryStore(target) if mode == "recovery" else None
    if store is not None:
        store.write(session, None)  # one whole autosave first: there is work to offer
    real_replace = os.replace

    def stuck(src, dst):
        print("writing", flush=True)
        time.sleep(120)

    os.replace = stuck
    save_session(session, target) if store is None else store.write(session, None)
""")


def killed_save(mode: str, target: Path, kill: bool = True) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_SAVE, mode, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    if kill:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    return child


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_next_start_removes_temp_files_of_killed_saves(qtbot, tmp_path, errors) -> None:
    """Before: they stayed until a save of the same file more than 10 minutes later."""
    path = tmp_path / "workshop.json"
    save_session(content.new_session("Workshop"), path)
    for _ in range(3):
        killed_save("session", path)
    assert len(temps(tmp_path)) == 3
    writing = killed_save("session", path, kill=False)  # another copy saving right now
    try:
        [live] = [n for n in temps(tmp_path) if f".{writing.pid}-" in n]
        started(qtbot, tmp_path / "recovery", path=path)  # the app starts on the file
        assert temps(tmp_path) == [live]  # the dead writers' files went, the live one stays
    finally:
        writing.send_signal(signal.SIGKILL)
        writing.wait(timeout=30)
    assert load_session(path).title == "Workshop"


def test_the_next_start_removes_temp_files_in_the_recovery_folder(qtbot, tmp_path, errors):
    folder = tmp_path / "recovery"
    killed_save("recovery", folder)
    assert len(temps(folder)) == 1
    answers = Answers("later")  # the work is kept for later; the half-written copy is not
    started(qtbot, folder, ask=answers)
    assert answers.offered[0][0].ok
    assert temps(folder) == []


def test_temp_names_carry_the_writer(tmp_path) -> None:
    """.NAME.<pid>-<host>-<boot>.XXXX.tmp: a later run can tell whose it was."""
    prefix = temp_prefix(tmp_path / "s.json")
    assert prefix.startswith(f".s.json.{os.getpid()}-") and prefix.endswith(".")
    mine = tmp_path / f"{prefix}abc.tmp"
    mine.write_text("a save of this process, in progress in another thread")
    assert remove_stale_temp_files(tmp_path / "s.json") == []
    assert mine.exists()


def test_whose_temp_files_are_removed(tmp_path) -> None:
    """Another computer's (a shared folder) waits for the age rule; an earlier boot's goes."""
    from coprod_desktop.files import atomic_write

    target = tmp_path / "s.json"
    mine = temp_prefix(target)
    pid, host, boot = mine[len(".s.json.") : -1].split("-")
    dead_pid = 2**22 + 12345  # above any pid_max: no such process
    other_host = (
        tmp_path / f".s.json.{dead_pid}-{'0' if host[0] != '0' else '1'}{host[1:]}-{boot}.a.tmp"
    )
    earlier_boot = (
        tmp_path / f".s.json.{pid}-{host}-{'f' if boot[0] != 'f' else 'e'}{boot[1:]}.b.tmp"
    )
    dead = tmp_path / f".s.json.{dead_pid}-{host}-{boot}.c.tmp"
    for leftover in (other_host, earlier_boot, dead):
        leftover.write_text("partial")
    if atomic_write._boot_tag() == "0" * 8:  # no boot id here: an earlier boot cannot be told
        earlier_boot.unlink()
    removed = set(remove_stale_temp_files(target))
    assert other_host.exists() and other_host not in removed
    assert not dead.exists() and not earlier_boot.exists()


def test_save_onto_a_file_in_the_recovery_folder_is_save_as(qtbot, tmp_path, errors) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    inside = folder / "someone-saved-here.json"
    save_session(content.new_session("In the wrong place"), inside)
    window, _ = started(qtbot, folder, ask=Answers("later"), path=inside)
    doc = window.document
    doc.place(doc.session.deck.cards[0].id, doc.session.board.regions[0].id)
    asked: list[object] = []
    window.files.ask_save_path = lambda *args: asked.append(args)  # cancelled
    assert not window.files.save()
    assert asked and not load_session(inside).groups[0].placements


def test_save_as_through_a_link_to_the_recovery_file_is_refused(qtbot, tmp_path, errors) -> None:
    """A link elsewhere that points at this run's recovery file: writing through it would
    be 'saved', and then deleted with the recovery file."""
    folder = tmp_path / "recovery"
    window, saver = started(qtbot, folder)
    doc = window.document
    doc.place(doc.session.deck.cards[0].id, doc.session.board.regions[0].id)
    qtbot.waitUntil(lambda: not saver.pending and saver.store.path.exists(), timeout=5000)
    link = tmp_path / "looks-harmless.json"
    link.symlink_to(saver.store.path)
    window.files.ask_save_path = lambda *_args: link
    assert not window.files.save()
    assert "recovery folder" in errors[0][1]
    assert read_entry(saver.store.name, saver.store.path).ok  # still the recovery wrapper
