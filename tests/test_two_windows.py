"""Two windows on one file (issue 17, item 1): nothing is lost silently.

Window C opens the file and holds its lock; window D opens the same file. The lock
makes D ask (read-only, a copy, edit anyway); if D edits anyway and saves, C's next
Save notices the change on disk and asks (Save As, Reload, Overwrite, Cancel).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session, save_session, session_to_json
from coprod_desktop.files.session_lock import lock_path, read_owner
from coprod_desktop.ui.actions.file_actions import FileActions


class Asked:
    """Stands in for a question: records what was asked, answers in turn."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[object, ...]] = []

    def __call__(self, *args: object) -> str:
        self.asked.append(args)
        return self.answers.pop(0)


@pytest.fixture
def errors(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(FileActions, "show_error", lambda self, t, m: shown.append((t, m)))
    return shown


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "workshop.json"
    save_session(content.new_session("Workshop", ["Red", "Blue"]), p)
    return p


def opened(open_window, path: Path, answer: str | None = None):  # noqa: ANN201 - MainWindow
    win = open_window(content.new_session("Other", ["A"]))
    asked = Asked(*([answer] if answer else []))
    win.files.guard.ask_locked = asked
    assert win.files.load(path)
    win.asked_locked = asked.asked
    return win


def place(win, n: int) -> str:  # noqa: ANN001
    """A move on the board: the deck's card n goes to the first region."""
    doc = win.document
    card = doc.session.deck.cards[n].id
    assert doc.place(card, doc.session.board.regions[0].id)
    return card


def placed_cards(path: Path) -> set[str]:
    return {p.card for g in load_session(path).groups for p in g.placements}


def test_the_second_window_is_warned_and_the_first_save_is_not_lost(
    open_window, path: Path, tmp_path: Path, errors
) -> None:
    c = opened(open_window, path)
    assert c.asked_locked == []  # nobody had it open
    assert read_owner(path) == c.files.guard.lock.owner
    d = opened(open_window, path, "edit")  # D is told C has it open, edits anyway
    [(asked_path, owner)] = d.asked_locked
    assert asked_path == path and owner == c.files.guard.lock.owner
    original = path.read_bytes()

    d_card = place(d, 1)
    assert d.files.save()  # D's file is as D read it: no question
    assert d_card in placed_cards(path)
    assert Path(f"{path}.bak").read_bytes() == original

    c_card = place(c, 2)
    changed = Asked("cancel")
    c.files.guard.ask_changed = changed
    assert c.files.save() is False  # C is warned; cancel writes nothing
    assert changed.asked == [(path, False)]
    assert d_card in placed_cards(path) and c.document.is_modified() and c.isWindowModified()

    changed.answers = ["save_as"]
    elsewhere = tmp_path / "c-version.json"
    c.files.ask_save_path = lambda *_args: elsewhere
    assert c.files.save()  # Save As: both kept
    assert d_card in placed_cards(path) and c_card not in placed_cards(path)
    assert c_card in placed_cards(elsewhere) and c.document.path == elsewhere
    assert not lock_path(path).exists() or read_owner(path) != c.files.guard.lock.owner
    assert read_owner(elsewhere) == c.files.guard.lock.owner
    assert errors == []


def test_reload_shows_their_version_and_overwrite_keeps_it_in_the_bak(
    open_window, path: Path, errors
) -> None:
    c = opened(open_window, path)
    d = opened(open_window, path, "edit")
    d_card = place(d, 3)
    assert d.files.save()
    d_bytes = path.read_bytes()

    place(c, 4)
    c.files.guard.ask_changed = Asked("reload")
    assert c.files.save() is False  # nothing saved: C now shows D's file
    assert session_to_json(c.document.session) == session_to_json(load_session(path))
    assert not c.document.is_modified() and d_card in {
        p.card for p in c.document.current_group.placements
    }

    # Now C is up to date: its next change saves without a question...
    c_card = place(c, 5)
    c.files.guard.ask_changed = Asked()  # any question fails the test
    assert c.files.save()
    # ...and D, who has not seen it, is warned in turn and overwrites knowingly.
    place(d, 6)
    d.files.guard.ask_changed = Asked("overwrite")
    c_bytes = path.read_bytes()
    assert d.files.save()
    assert session_to_json(load_session(path)) == session_to_json(d.document.session)
    assert c_card in placed_cards(Path(f"{path}.bak"))
    assert Path(f"{path}.bak").read_bytes() == c_bytes  # C's version is in the .bak
    assert d_bytes != c_bytes
    assert errors == []


def test_an_unchanged_save_does_not_rotate_the_bak(open_window, path: Path, errors) -> None:
    """The issue's last step: C saves again with no changes; D's move must stay on a file."""
    c = opened(open_window, path)
    place(c, 7)
    assert c.files.save()
    bak = Path(f"{path}.bak").read_bytes()
    saved = path.read_bytes()
    for _ in range(3):
        assert c.files.save()
    assert Path(f"{path}.bak").read_bytes() == bak and path.read_bytes() == saved


def test_a_read_only_window_never_saves_over_the_file(
    open_window, path: Path, tmp_path: Path, errors
) -> None:
    c = opened(open_window, path)
    d = opened(open_window, path, "read_only")
    assert d.document.read_only and "(read-only)" in d.windowTitle()
    original = path.read_bytes()
    place(d, 8)
    d.files.ask_save_path = lambda *_args: path  # Save is Save As; the same name is refused
    assert d.files.save() is False
    [(title, message)] = errors
    assert title == "Cannot save session" and "open in another window" in message
    assert path.read_bytes() == original and d.document.is_modified()
    other = tmp_path / "d.json"
    d.files.ask_save_path = lambda *_args: other
    assert d.files.save()
    assert d.document.path == other and not d.document.read_only
    assert "(read-only)" not in d.windowTitle()
    assert path.read_bytes() == original
    assert read_owner(path) == c.files.guard.lock.owner  # C's lock untouched


def test_open_a_copy_is_an_untitled_session(open_window, path: Path, errors) -> None:
    c = opened(open_window, path)
    d = opened(open_window, path, "copy")
    assert d.document.path is None and not d.document.read_only
    assert session_to_json(d.document.session) == session_to_json(load_session(path))
    assert d.files.guard.lock is None
    assert read_owner(path) == c.files.guard.lock.owner


def test_cancel_keeps_the_open_session(open_window, path: Path, errors) -> None:
    opened(open_window, path)
    d = open_window(content.new_session("Mine", ["A"]))
    d.files.guard.ask_locked = Asked("cancel")
    assert d.files.load(path) is False
    assert d.document.session.title == "Mine" and d.document.path is None


def test_closing_removes_the_lock_and_the_next_window_is_not_asked(
    open_window, path: Path, errors
) -> None:
    c = opened(open_window, path)
    assert lock_path(path).exists()
    assert c.close()
    assert not lock_path(path).exists()
    d = opened(open_window, path)  # no answer given: being asked would fail
    assert d.asked_locked == [] and read_owner(path) == d.files.guard.lock.owner


def test_a_file_deleted_meanwhile_is_asked_about_then_saved_again(
    open_window, path: Path, errors
) -> None:
    c = opened(open_window, path)
    place(c, 9)
    path.unlink()
    c.files.guard.ask_changed = asked = Asked("overwrite")
    assert c.files.save()
    assert asked.asked == [(path, True)] and path.exists()


def test_closing_with_unsaved_changes_after_a_change_on_disk_asks_first(
    open_window, path: Path, errors
) -> None:
    c = opened(open_window, path)
    d = opened(open_window, path, "edit")
    place(d, 10)
    assert d.files.save()
    place(c, 11)
    c.files.ask_unsaved = lambda: QMessageBox.StandardButton.Save
    c.files.guard.ask_changed = Asked("cancel")
    assert c.close() is False  # the window stays; nothing was written
    assert c.document.is_modified()
    c.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard


@pytest.mark.parametrize(
    ("answer", "read_only", "has_path"),
    [
        ("read_only", True, True),
        ("cancel", True, True),
        ("copy", False, False),
        ("edit", False, True),
    ],
)
def test_starting_on_a_file_open_elsewhere_asks_after_the_window_opens(
    qtbot, open_window, path: Path, errors, answer: str, read_only: bool, has_path: bool
) -> None:
    """What run_app does with `coprod-desktop FILE` when another copy has FILE open."""
    from coprod_desktop.app import ask_about_lock, build_window

    c = opened(open_window, path)
    d, error = build_window(path)
    qtbot.addWidget(d)
    d.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    assert error is None
    assert d.document.read_only and "(read-only)" in d.windowTitle()  # before any answer
    asked = Asked(answer)
    d.files.guard.ask_locked = asked
    ask_about_lock(d)
    assert asked.asked == [(path, c.files.guard.lock.owner)]
    assert d.document.read_only is read_only
    assert (d.document.path == path) is has_path
    assert ("(read-only)" in d.windowTitle()) is read_only
    assert d.files.guard.lock is None and read_owner(path) == c.files.guard.lock.owner
    ask_about_lock(d)  # asked once only
    assert len(asked.asked) == 1
