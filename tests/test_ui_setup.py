"""New session set-up, recent files and remembered choices (QSettings on a temp file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import save_session
from coprod_desktop.files.session_setup import SetupChoices
from coprod_desktop.ui.actions.recent_files import MAX_RECENT, RecentFiles, RecentMenu
from coprod_desktop.ui.dialogs.setup import (
    BUILTIN_PLUS,
    IMPORTED_ONLY,
    SetupDialog,
    SetupResult,
    dialog_result,
)
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Never the user's real settings: an ini file in the test's folder."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def recent(settings: QSettings) -> RecentFiles:
    return RecentFiles(settings)


@pytest.fixture
def dialog(qtbot):
    d = SetupDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def enter(qtbot, dialog: SetupDialog) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)


# --- the dialog ---------------------------------------------------------------------------


def test_enter_alone_gives_a_usable_session(qtbot, dialog):
    assert dialog.focusWidget() is dialog.title
    enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    session = dialog.session
    assert session is not None
    assert session.title == "Co-production workshop"
    assert [g.name for g in session.groups] == ["Group 1", "Group 2", "Group 3"]
    assert session.deck == content.deck()
    assert session.board == content.board()


def test_every_field_reaches_the_session(qtbot, dialog):
    dialog.title.setText("Health & care <b>workshop</b>")
    dialog.date.setDate(QDate(2026, 5, 1))
    dialog.venue.setText("Cardiff library")
    dialog.facilitator.setText("Ana")
    dialog.group_names.setPlainText("Red\nBlue")
    enter(qtbot, dialog)
    s = dialog.session
    assert (s.title, s.created, s.venue, s.facilitator) == (
        "Health & care <b>workshop</b>",
        "2026-05-01",
        "Cardiff library",
        "Ana",
    )
    assert [g.name for g in s.groups] == ["Red", "Blue"]


def test_group_count_and_names_follow_each_other(dialog):
    dialog.group_count.setValue(5)
    assert dialog.group_names.toPlainText().splitlines() == [f"Group {i}" for i in range(1, 6)]
    dialog.group_names.setPlainText("Red\nBlue")
    assert dialog.group_count.value() == 2
    dialog.group_count.setValue(3)
    assert dialog.group_names.toPlainText().splitlines() == ["Red", "Blue", "Group 1"]
    assert dialog.group_count.maximum() == 12 and dialog.group_count.minimum() == 1


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ("\n".join(f"T{i}" for i in range(13)), "at most 12 groups"),
        ("Red\nred", 'two groups are called "red"'),
        ("x" * 41, "longer than 40 characters"),
    ],
)
def test_bad_group_names_are_shown_in_the_dialog_not_accepted(qtbot, dialog, names, message):
    dialog.group_names.setPlainText(names)
    enter(qtbot, dialog)
    assert dialog.isVisible() and dialog.session is None
    assert message in dialog.error.text()


def test_empty_names_give_default_names_for_the_count(qtbot, dialog):
    dialog.group_count.setValue(4)
    dialog.group_names.setPlainText("  \n")
    enter(qtbot, dialog)
    assert [g.name for g in dialog.session.groups] == [f"Group {i}" for i in range(1, 5)]


def test_imported_only_deck_needs_a_csv(qtbot, dialog):
    dialog.deck.setCurrentIndex(dialog.deck.findData(IMPORTED_ONLY))
    assert dialog.import_button.isEnabled()
    enter(qtbot, dialog)
    assert dialog.isVisible()
    assert "Choose a CSV file" in dialog.error.text()


def test_the_csv_choice_says_the_format_before_the_file_picker(dialog):
    dialog.deck.setCurrentIndex(dialog.deck.findData(BUILTIN_PLUS))
    status = dialog.import_status.text()
    assert status.startswith(
        "Choose a CSV file. A header row with the columns kind, title, "
        "text (optional: more, source, id)"
    )
    assert "principle, activity, non_example, custom" in status
    assert "kind, title, text" in dialog.import_button.toolTip()


def test_cards_from_a_csv_with_a_preview(qtbot, dialog, tmp_path: Path):
    path = tmp_path / "local.csv"
    path.write_text(
        "kind,title,text\nactivity,Walking group,Walk\nbanana,Bad,x\n", encoding="utf-8"
    )
    previews = []
    dialog.confirm_import = lambda report, source: previews.append(report) or True
    dialog.deck.setCurrentIndex(dialog.deck.findData(IMPORTED_ONLY))
    assert dialog.choose_csv(path)
    assert previews[0].skipped[0].row == 3
    assert "1 card(s) from local.csv" in dialog.import_status.text()
    enter(qtbot, dialog)
    assert [c.title for c in dialog.session.deck.cards] == ["Walking group"]
    assert dialog.session.deck.title == "Cards from local.csv"


def test_built_in_plus_csv(qtbot, dialog, tmp_path: Path):
    path = tmp_path / "local.csv"
    path.write_text("kind,title,text\nactivity,Walking group,Walk\n", encoding="utf-8")
    dialog.confirm_import = lambda report, source: True
    dialog.deck.setCurrentIndex(dialog.deck.findData(BUILTIN_PLUS))
    dialog.choose_csv(path)
    enter(qtbot, dialog)
    assert len(dialog.session.deck.cards) == len(content.deck().cards) + 1


def test_a_bad_csv_in_set_up_is_a_message(dialog, tmp_path: Path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"title,text\nA,b\n")
    errors = []
    dialog.show_error = lambda title, message: errors.append(message)
    dialog.deck.setCurrentIndex(dialog.deck.findData(IMPORTED_ONLY))
    assert not dialog.choose_csv(path)
    assert "\u2068bad.csv\u2069: row 1: the header row needs the column(s) kind" in errors[0]
    assert dialog.imported == ()


def test_recent_sessions_are_listed_and_open(qtbot, tmp_path: Path):
    paths = []
    for name in ("a.json", "b.json"):
        path = tmp_path / name
        save_session(content.new_session(name), path)
        paths.append(path)
    d = SetupDialog(None, paths)
    qtbot.addWidget(d)
    assert d.recent.count() == 2
    d.recent.setCurrentRow(1)
    d.open_selected()
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.open_path == paths[1] and d.session is None


def test_no_recent_box_without_recent_files(dialog):
    assert dialog.recent.count() == 0 and not dialog.recent.isVisible()


# --- in the window: File > New --------------------------------------------------------------


@pytest.fixture
def window(qtbot, recent):
    win = MainWindow(SessionDocument(content.new_session("Old", ["A"])))
    win.files.recent = recent
    win.prepare_menus.recent_menu.recent = recent
    win.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def press_enter_in_setup(qtbot, window: MainWindow):
    """What ask_setup does, without blocking: show the dialog, press Enter, read it."""
    seen = []

    def ask() -> SetupResult | None:
        recent = window.files.recent
        d = SetupDialog(recent.last_choices(), recent.paths(), window)
        qtbot.addWidget(d)
        d.show()
        seen.append(d)
        enter(qtbot, d)
        return dialog_result(d, recent) if d.result() == QDialog.DialogCode.Accepted else None

    window.files.ask_setup = ask
    return seen


def test_ctrl_n_then_enter_replaces_the_session(qtbot, window):
    window.document.place(window.document.session.deck.cards[0].id, "ladder-coercion")
    press_enter_in_setup(qtbot, window)
    window.named_actions["new"].trigger()
    doc = window.document
    assert doc.session.title == "Co-production workshop"
    assert [g.name for g in doc.session.groups] == ["Group 1", "Group 2", "Group 3"]
    assert window.group_bar.tabs.count() == 3
    assert doc.path is None and not doc.is_modified()
    assert not doc.undo_stack.canUndo()
    assert "Co-production workshop" in window.windowTitle()


def test_last_choices_are_remembered_for_next_time(qtbot, window, settings):
    seen = press_enter_in_setup(qtbot, window)
    original = window.files.ask_setup

    def first() -> SetupResult | None:
        window.files.ask_setup = original
        d = SetupDialog(window.files.recent.last_choices(), [], window)
        qtbot.addWidget(d)
        d.show()
        d.title.setText("Tuesday workshop")
        d.facilitator.setText("Ana")
        d.group_names.setPlainText("Red\nBlue")
        enter(qtbot, d)
        return dialog_result(d, window.files.recent)

    window.files.ask_setup = first
    assert window.files.new()
    assert window.files.new()  # second time: Enter alone, with the remembered choices
    second = seen[-1]
    assert second.title.text() == "Tuesday workshop"
    assert second.facilitator.text() == "Ana"
    assert [g.name for g in window.document.session.groups] == ["Red", "Blue"]
    # and they are in the (temporary) settings file, not the user's
    reread = RecentFiles(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert reread.last_choices() == SetupChoices(
        title="Tuesday workshop", facilitator="Ana", group_names=("Red", "Blue"), group_count=2
    )


def test_cancelled_set_up_keeps_the_session(window):
    window.files.ask_setup = lambda: None
    before = window.document.session
    assert not window.files.new()
    assert window.document.session is before


def test_choosing_a_recent_file_in_set_up_opens_it(window, tmp_path: Path):
    path = tmp_path / "s.json"
    save_session(content.new_session("Recent one", ["X"]), path)
    window.files.ask_setup = lambda: SetupResult(open_path=path)
    assert window.files.new()
    assert window.document.session.title == "Recent one"
    assert window.document.path == path


# --- recent files ------------------------------------------------------------------------


def test_opening_and_saving_adds_to_recent_files_most_recent_first(window, recent, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for path in (a, b):
        save_session(content.new_session(path.stem), path)
    assert window.files.load(a)
    assert window.files.load(b)
    assert recent.paths() == [b, a]
    assert window.files.load(a)
    assert recent.paths() == [a, b]
    c = tmp_path / "c.json"
    window.files.ask_save_path = lambda *args: c
    assert window.files.save_as()
    assert recent.paths() == [c, a, b]


def test_recent_files_keep_at_most_eight_and_drop_missing_ones(recent, tmp_path):
    paths = []
    for i in range(MAX_RECENT + 2):
        path = tmp_path / f"{i}.json"
        path.write_text("{}", encoding="utf-8")
        recent.add(path)
        paths.append(path)
    assert recent.paths() == list(reversed(paths))[:MAX_RECENT]
    paths[-1].unlink()
    assert paths[-1] not in recent.paths()


def test_recent_menu_lists_and_opens(window, recent, tmp_path):
    path = tmp_path / "s.json"
    save_session(content.new_session("From the menu", ["X"]), path)
    recent.add(path)
    menu: RecentMenu = window.prepare_menus.recent_menu
    menu.refresh()
    entries = [a for a in menu.actions() if a.data()]
    assert [a.text() for a in entries] == ["&1  \u2068s.json\u2069"]
    entries[0].trigger()
    assert window.document.session.title == "From the menu"
    clear = next(a for a in menu.actions() if a.text() == "Clear the list")
    clear.trigger()
    assert recent.paths() == []
    menu.refresh()
    assert [a.text() for a in menu.actions()] == ["No recent sessions"]


def test_the_file_menu_has_open_recent(window):
    file_menu = window.menuBar().actions()[0].menu()
    assert "Open &Recent" in [a.text() for a in file_menu.actions()]


def test_window_geometry_round_trip(qtbot, recent, settings):
    first = MainWindow(SessionDocument(content.new_session()))
    qtbot.addWidget(first)
    first.setGeometry(20, 30, 640, 480)  # inside the offscreen screen
    first.show()
    qtbot.waitExposed(first)
    recent.save_geometry(first)
    second = MainWindow(SessionDocument(content.new_session()))
    qtbot.addWidget(second)
    assert RecentFiles(settings).restore_geometry(second)
    assert second.size() == first.size()


def test_broken_settings_values_are_ignored(settings):
    settings.setValue("recent/files", "not json [")
    settings.setValue("setup/last", '{"title": 7}')
    settings.setValue("window/geometry", 12)
    recent = RecentFiles(settings)
    assert recent.paths() == []
    assert recent.last_choices() == SetupChoices()
    assert not recent.restore_geometry(MainWindow(SessionDocument(content.new_session())))


def test_without_settings_nothing_is_written(tmp_path):
    recent = RecentFiles(None)
    path = tmp_path / "s.json"
    path.write_text("{}", encoding="utf-8")
    recent.add(path)
    assert recent.paths() == [path]
    assert list(tmp_path.iterdir()) == [path]


def test_tab_leaves_the_date_in_one_press(qtbot, dialog):
    dialog.date.setFocus()
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.board


def test_the_latest_recent_session_is_preselected(qtbot, tmp_path: Path):
    path = tmp_path / "evening.json"
    save_session(content.new_session("Evening"), path)
    d = SetupDialog(None, [path])
    qtbot.addWidget(d)
    assert d.recent.currentRow() == 0
    assert "open it on the right" in d.findChildren(type(d.error))[0].text()


# --- issue 14, bug 2: the start screen's Enter opens the most recent session ------------------


def start_screen(qtbot, paths: list[Path]) -> SetupDialog:
    d = SetupDialog(None, paths, start=True)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def saved(tmp_path: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        path = tmp_path / name
        save_session(content.new_session(name), path)
        paths.append(path)
    return paths


def test_enter_on_the_start_screen_opens_the_most_recent_session(qtbot, tmp_path: Path):
    paths = saved(tmp_path, "prepared.json", "older.json")
    d = start_screen(qtbot, paths)
    enter(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.open_path == paths[0] and d.session is None


def test_creating_on_the_start_screen_is_a_deliberate_choice(qtbot, tmp_path: Path):
    d = start_screen(qtbot, saved(tmp_path, "prepared.json"))
    d.title.setFocus()
    qtbot.keyClicks(d.title, "Fresh")  # typing in the form means a new session
    enter(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.open_path is None and d.session is not None


def test_the_start_screen_without_recent_sessions_creates_on_enter(qtbot):
    d = start_screen(qtbot, [])
    enter(qtbot, d)
    assert d.open_path is None and d.session is not None


def test_file_new_with_recent_sessions_still_creates_on_enter(qtbot, tmp_path: Path):
    d = SetupDialog(None, saved(tmp_path, "prepared.json"))
    qtbot.addWidget(d)
    d.show()
    enter(qtbot, d)
    assert d.open_path is None and d.session is not None


def test_the_app_start_asks_with_the_start_screen(window, monkeypatch):
    import coprod_desktop.ui.actions.file_actions as file_actions

    asked = []
    monkeypatch.setattr(
        file_actions, "ask_setup", lambda parent, recent, start=False: asked.append(start)
    )
    window.files.start()
    window.files.new()
    assert asked == [True, False]
