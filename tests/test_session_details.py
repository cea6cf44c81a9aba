"""File > Session details: title, date, place and facilitator after set-up, as one undo
step that the window title follows; the checks behind it (no Qt) first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence

from coprod_desktop.files.session_file import load_session, save_session
from coprod_desktop.files.session_setup import (
    SessionDetails,
    SetupError,
    apply_details,
    checked_details,
    day_of,
    details_of,
)
from coprod_desktop.ui.dialogs.session_details import SessionDetailsDialog

OLD = SessionDetails("Health workshop", "2026-03-18T19:30:00+00:00", "Town hall", "Sam")


# --- the checks ----------------------------------------------------------------------------


def test_the_same_day_keeps_the_time_of_set_up_and_another_day_is_a_date() -> None:
    same = checked_details(OLD, "  Health   workshop ", "2026-03-18", " Town hall ", "Sam")
    assert same == OLD
    moved = checked_details(OLD, "Health workshop", "2026-04-02", "", "")
    assert moved == SessionDetails("Health workshop", "2026-04-02", "", "")


@pytest.mark.parametrize(
    ("title", "day", "venue", "message"),
    [
        ("   ", "2026-03-18", "", "title: the session needs a title"),
        ("T" * 201, "2026-03-18", "", "title: longer than 200 characters"),
        ("T", "2026-03-18", "P" * 201, "place: longer than 200 characters"),
        ("T", "18/03/2026", "", 'date: "18/03/2026" is not a date of the form YYYY-MM-DD'),
    ],
)
def test_a_bad_edit_names_the_field(title: str, day: str, venue: str, message: str) -> None:
    with pytest.raises(SetupError, match=message):
        checked_details(OLD, title, day, venue)


def test_day_of_reads_dates_and_moments_and_nothing_else() -> None:
    assert str(day_of("2026-03-18T19:30:00+00:00")) == "2026-03-18"
    assert str(day_of("2026-03-18")) == "2026-03-18"
    assert day_of("spring 2026") is None


def test_apply_returns_the_old_details(window) -> None:
    session = window.document.session
    before = details_of(session)
    assert apply_details(session, OLD) == before
    assert (session.title, session.created, session.venue, session.facilitator) == (
        "Health workshop",
        "2026-03-18T19:30:00+00:00",
        "Town hall",
        "Sam",
    )


# --- in the window -------------------------------------------------------------------------


def test_the_file_menu_entry_has_ctrl_i_and_sits_before_export(window) -> None:
    act = window.named_actions["session_details"]
    assert act.shortcut().matches(QKeySequence("Ctrl+I")) == QKeySequence.SequenceMatch.ExactMatch
    file_menu = window.menuBar().actions()[0].menu()
    entries = [a for a in file_menu.actions() if not a.isSeparator()]
    assert entries[entries.index(act) + 1] is window.named_actions["export"]


def test_no_two_actions_share_a_shortcut(window) -> None:
    """Ctrl+I was the CSV import's: an ambiguous shortcut does nothing at all in Qt."""
    seen: dict[str, str] = {}
    for key, act in window.named_actions.items():
        for text in [shortcut.toString() for shortcut in act.shortcuts()]:  # twice on one, too
            assert text not in seen, f"{text}: {seen.get(text)} and {key}"
            seen[text] = key
    assert seen["Ctrl+I"] == "session_details"
    assert seen["Ctrl+Shift+I"] == "import_cards"


def test_a_change_is_one_undo_step_and_the_window_title_follows(window, tmp_path: Path) -> None:
    document = window.document
    original = details_of(document.session)
    asked = []
    new = SessionDetails("Co-producing community health", "2026-05-01", "Library", "Alex")
    editor = window.prepare_menus.session_details
    editor.ask_details = lambda current: asked.append(current) or new
    window.named_actions["session_details"].trigger()
    assert asked == [original]
    assert details_of(document.session) == new
    assert "Co-producing community health" in window.windowTitle()
    assert window.isWindowModified()
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Change the session's title, date, place, facilitator"
    document.undo_stack.undo()
    assert details_of(document.session) == original
    assert "Co-producing community health" not in window.windowTitle()
    assert original.title in window.windowTitle()
    document.undo_stack.redo()
    path = tmp_path / "s.json"
    save_session(document.session, path)
    loaded = load_session(path)
    assert (loaded.title, loaded.created, loaded.venue, loaded.facilitator) == (
        new.title,
        new.created,
        new.venue,
        new.facilitator,
    )


def test_only_the_title_changed_says_so_and_no_change_pushes_nothing(window) -> None:
    document = window.document
    editor = window.prepare_menus.session_details
    same = details_of(document.session)
    editor.ask_details = lambda current: same
    assert not editor.edit()
    editor.ask_details = lambda current: None  # cancelled
    assert not editor.edit()
    assert document.undo_stack.count() == 0
    renamed = SessionDetails("New <b>name</b> [*]", same.created, same.venue, same.facilitator)
    editor.ask_details = lambda current: renamed
    assert editor.edit()
    assert document.undo_stack.undoText() == "Rename the session “New <b>name</b> [*]”"
    assert "New <b>name</b> [*] — coprod-desktop" in window.windowTitle().replace(
        "[*][*]", "[*]"
    ).replace("\u2068", "").replace("\u2069", "")


# --- the dialog ----------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot):
    d = SessionDetailsDialog(OLD)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_the_dialog_shows_the_details_and_enter_saves(qtbot, dialog) -> None:
    assert dialog.title.text() == "Health workshop"
    assert dialog.venue.text() == "Town hall" and dialog.facilitator.text() == "Sam"
    assert dialog.date.date() == QDate(2026, 3, 18)
    assert dialog.focusWidget() is dialog.title
    qtbot.keyClicks(dialog.title, "Evening workshop")  # typing replaces the selected title
    dialog.facilitator.setText("Sam and Alex")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.details == SessionDetails(
        "Evening workshop", OLD.created, "Town hall", "Sam and Alex"
    )


def test_the_dialog_refuses_an_empty_title_with_a_message(qtbot, dialog) -> None:
    dialog.title.setText("   ")
    dialog.accept()
    assert dialog.isVisible() and dialog.details is None
    assert dialog.error.text() == "Please check the title: the session needs a title"
    dialog.title.setText("Back")
    dialog.date.setDate(QDate(2026, 6, 1))
    dialog.accept()
    assert dialog.details == SessionDetails("Back", "2026-06-01", "Town hall", "Sam")


def test_a_created_value_that_is_not_a_date_stays_unless_a_date_is_chosen(qtbot) -> None:
    odd = SessionDetails("T", "spring 2026")
    d = SessionDetailsDialog(odd)
    qtbot.addWidget(d)
    d.title.setText("T2")
    d.accept()
    assert d.details == SessionDetails("T2", "spring 2026")
    d2 = SessionDetailsDialog(odd)
    qtbot.addWidget(d2)
    d2.date.setDate(QDate(2026, 4, 1))
    d2.accept()
    assert d2.details == SessionDetails("T", "2026-04-01")
