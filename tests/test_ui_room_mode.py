"""Room mode (issue 21): while locked, every facilitator action is unreachable by
menu, shortcut, context menu and button, and reachable again after the facilitator
unlocks with the room code; undo cannot take back the set-up; an unlocked room locks
again after a few idle minutes (on a test clock: no waiting)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton

from coprod_desktop.domain.model import Group
from coprod_desktop.domain.room import IdleRelock
from coprod_desktop.ui.actions.action_table import ACTIONS
from coprod_desktop.ui.actions.menus import key_sequences
from coprod_desktop.ui.main_window import MainWindow

FACILITATOR_ROWS = [entry for entry in ACTIONS if entry.role == "facilitator"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def room(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.board_view.setFocus()
    return window


def placed(group: Group, card_id: str) -> bool:
    """Whether the group has the card on its board (Group.places with lenses, schema v2;
    Group.placement before)."""
    places = getattr(group, "places", None)
    return bool(places(card_id)) if places is not None else group.placement(card_id) is not None


def code_of(window: MainWindow) -> str:
    return window.files.recent.room_code()


def spy_on_handlers(window: MainWindow) -> dict[str, list[str]]:
    """Each facilitator row's handler replaced by a recorder (no dialogs, no files)."""
    calls: dict[str, list[str]] = {}
    for entry in FACILITATOR_ROWS:
        act = window.named_actions[entry.name]
        act.triggered.disconnect()
        calls[entry.name] = []
        act.triggered.connect(lambda _checked=False, n=entry.name: calls[n].append(n))
    return calls


def menu_entry(window: MainWindow, act: QAction) -> QAction:
    """The entry for act in the menu bar's menus (it is the same QAction)."""
    for top in window.menuBar().actions():
        if act in top.menu().actions():
            return act
    raise AssertionError(f"{act.text()} is in no menu")


def press(window: MainWindow, key: QKeySequence) -> None:
    QTest.keySequence(window, key)


def test_every_facilitator_action_is_locked_and_back_after_unlock(room) -> None:
    calls = spy_on_handlers(room)
    room.room.set_room_mode(True)
    assert room.room.locked
    for entry in FACILITATOR_ROWS:
        act = room.named_actions[entry.name]
        assert not menu_entry(room, act).isEnabled(), entry.name  # greyed in its menu
        for key in key_sequences(entry):
            room.room_bar.message.clear()
            press(room, key)
            assert calls[entry.name] == [], (entry.name, key.toString())
            # Never silently ignored: the room is told whose it is.
            assert entry.text.replace("&", "") in room.room_bar.message.text(), entry.name
    assert room.room_bar.isVisible() and room.room_bar.badge.text() == "Room mode"

    assert room.room.unlock(code_of(room))
    for entry in FACILITATOR_ROWS:
        act = room.named_actions[entry.name]
        assert menu_entry(room, act).isEnabled(), entry.name
        for key in key_sequences(entry):
            before = len(calls[entry.name])
            press(room, key)
            assert len(calls[entry.name]) == before + 1, (entry.name, key.toString())


def test_participants_actions_stay_usable_in_room_mode(room) -> None:
    room.room.set_room_mode(True)
    for entry in ACTIONS:
        if entry.role == "participant" and entry.name not in ("undo", "redo"):
            assert room.named_actions[entry.name].isEnabled(), entry.name
    card = room.document.session.deck.cards[0].id
    room.document.place(card, "ladder-coercion")  # a group still places cards
    room.scene.select_card(card)
    QTest.keyClick(room.board_view, Qt.Key.Key_Delete)  # and takes them off again
    assert not placed(room.document.current_group, card)


def test_the_facilitators_buttons_are_greyed_while_locked(room) -> None:
    bar, timer = room.group_bar, room.timer
    present = next(
        b
        for b in room.findChildren(QToolButton)
        if b.defaultAction() is room.named_actions["present"]
    )
    assert present.isVisible() and present.isEnabled()
    room.room.set_room_mode(True)
    for button in (bar.add_button, timer.reset_button, timer.preset_button):
        assert button.isVisible() and not button.isEnabled()
        assert "room mode" in button.toolTip().lower()
    assert not present.isVisible() and not present.isEnabled()  # no use to the room: hidden
    assert timer.start_button.isEnabled() and bar.own_card_button.isEnabled()  # a group's own
    assert not room.prepare_menus.recent_menu.menuAction().isEnabled()
    room.room.unlock(code_of(room))
    for button in (bar.add_button, timer.reset_button, timer.preset_button, present):
        assert button.isVisible() and button.isEnabled()
    assert room.prepare_menus.recent_menu.menuAction().isEnabled()


def test_the_group_tabs_menu_and_double_click_are_locked(room, qtbot) -> None:
    bar = room.group_bar
    renamed: list[str] = []
    bar.group_actions.ask_name = lambda title, current: renamed.append(current) or None
    where = bar.tabs.tabRect(0).center()
    room.room.set_room_mode(True)
    bar._on_context_menu(where)
    entries = [a for a in bar.context_menu.actions() if not a.isSeparator()]
    assert entries and not any(a.isEnabled() for a in entries)
    assert "room mode" in entries[0].text().lower()  # says why
    bar.context_menu.close()
    QTest.mouseDClick(bar.tabs, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    assert renamed == []
    assert "facilitator" in room.room_bar.message.text()

    room.room.unlock(code_of(room))
    bar._on_context_menu(where)
    texts = {a.text(): a.isEnabled() for a in bar.context_menu.actions()}
    assert texts["Rename..."] and texts["Remove group..."]
    bar.context_menu.close()
    QTest.mouseDClick(bar.tabs, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    assert renamed == ["Red"]


def test_locking_closes_the_deck_editor_and_greys_it(room) -> None:
    room.named_actions["edit_deck"].trigger()
    editor = room.prepare_menus.deck_editor
    assert editor is not None and editor.isVisible()
    room.room.set_room_mode(True)
    assert not editor.isVisible() and not editor.isEnabled()
    room.room.unlock(code_of(room))
    assert editor.isEnabled()


def test_esc_does_not_leave_a_locked_presentation(room, qtbot) -> None:
    room.presentation.enter()
    assert room.room.room_mode and room.room.locked  # on by default when presenting
    QTest.keyClick(room, Qt.Key.Key_Escape)
    assert room.presentation.active
    assert "Present" in room.room_bar.message.text()
    room.room.unlock(code_of(room))
    QTest.keyClick(room, Qt.Key.Key_Escape)
    assert not room.presentation.active
    assert not room.room.room_mode  # presenting turned it on, leaving turns it off


def test_room_mode_on_its_own_stays_after_presenting(room) -> None:
    room.named_actions["room_mode"].trigger()
    assert room.room.room_mode and room.named_actions["room_mode"].isChecked()
    assert not room.named_actions["room_mode"].isEnabled()  # locked: the toggle too
    room.room.unlock(code_of(room))
    room.presentation.enter()
    assert room.room.locked
    room.room.unlock(code_of(room))
    room.presentation.leave()
    assert room.room.room_mode  # it was on before presenting
    room.named_actions["room_mode"].trigger()
    assert not room.room.room_mode and not room.room_bar.isVisible()


class WindowSystemClose:
    """A close event from the window system (Alt+F4, the title bar's button): spontaneous,
    which offscreen Qt cannot send."""

    def __init__(self) -> None:
        self.accepted: bool | None = None

    def spontaneous(self) -> bool:
        return True

    def accept(self) -> None:
        self.accepted = True

    def ignore(self) -> None:
        self.accepted = False


def test_the_window_system_cannot_close_a_locked_room(room, qtbot) -> None:
    room.room.set_room_mode(True)
    event = WindowSystemClose()
    room.closeEvent(event)
    assert event.accepted is False
    assert "Quit" in room.room_bar.message.text()
    room.room.unlock(code_of(room))
    event = WindowSystemClose()
    room.closeEvent(event)
    assert event.accepted is True


def test_save_asks_no_file_name_in_a_locked_room(room) -> None:
    asked: list[str] = []
    room.files.ask_save_path = lambda *args: asked.append("save as") or None
    room.room.set_room_mode(True)
    room.named_actions["save"].trigger()
    assert asked == [] and "facilitator" in room.room_bar.message.text()
    room.room.unlock(code_of(room))
    room.named_actions["save"].trigger()
    assert asked == ["save as"]


# --- unlocking ---------------------------------------------------------------------------


def test_the_gesture_opens_a_small_code_field_and_the_code_unlocks(room, qtbot) -> None:
    bar = room.room_bar
    room.room.set_room_mode(True)
    assert not bar.code.isVisible()
    QTest.keyClick(
        room, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert bar.code.isVisible() and QApplication.activeModalWidget() is None  # no dialog
    qtbot.waitUntil(bar.code.hasFocus)
    QTest.keyClicks(bar.code, "nope")
    QTest.keyClick(bar.code, Qt.Key.Key_Return)
    assert room.room.locked and bar.code.text() == "" and "Wrong" in bar.message.text()
    QTest.keyClicks(bar.code, code_of(room))
    QTest.keyClick(bar.code, Qt.Key.Key_Return)
    assert not room.room.locked and not bar.code.isVisible()
    assert bar.badge.text() == "Unlocked: lock"
    bar.badge.click()  # a tap locks again at once
    assert room.room.locked and bar.badge.text() == "Room mode"


def test_pressing_and_holding_the_badge_asks_for_the_code(room) -> None:
    bar = room.room_bar
    room.room.set_room_mode(True)
    QTest.mousePress(bar.badge, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert bar.badge.hold_timer.isActive()
    bar.badge.hold_timer.timeout.emit()  # held long enough (no waiting in tests)
    QTest.mouseRelease(bar.badge, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert bar.code.isVisible()
    # A short tap only says what the badge is.
    bar.hide_code()
    QTest.mouseClick(bar.badge, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not bar.code.isVisible() and "locked" in bar.message.text()


def test_an_unlocked_room_locks_again_after_idle_minutes(room) -> None:
    clock = FakeClock()
    room.room.idle = IdleRelock(clock, idle_seconds=180)
    room.room.set_room_mode(True)
    room.room.unlock(code_of(room))
    assert room.room.idle_timer.isActive()
    clock.now += 179
    assert not room.room.check_idle() and not room.room.locked
    QTest.keyClick(room.board_view, Qt.Key.Key_Shift)  # someone is using it
    clock.now += 179
    assert not room.room.check_idle() and not room.room.locked
    clock.now += 1
    assert room.room.check_idle() and room.room.locked
    assert "3 min" in room.room_bar.message.text()
    assert not room.named_actions["edit_deck"].isEnabled()
    assert not room.room.idle_timer.isActive()  # locked: nothing to time


def test_the_room_code_is_kept_and_changed_by_the_facilitator(room) -> None:
    first = code_of(room)
    assert len(first) == 4 and code_of(room) == first  # chosen once, then kept
    room.room_bar.ask_new_code = lambda current: "no way"
    assert not room.room_bar.change_code() and code_of(room) == first
    room.room_bar.ask_new_code = lambda current: "Tea42"
    assert room.room_bar.change_code() and code_of(room) == "Tea42"
    room.room.set_room_mode(True)
    assert not room.room.unlock(first)
    assert room.room.unlock("tea42")


# --- undo -----------------------------------------------------------------------------


def test_undo_in_room_mode_cannot_take_back_the_set_up(room) -> None:
    document = room.document
    deck = [card.id for card in document.session.deck.cards]
    document.add_group("Green")  # set-up
    document.set_current_group(document.session.groups[0].id)
    document.rename_group(document.current_group_id, "Reds")  # set-up
    document.place(deck[0], "ladder-coercion")  # the facilitator's demonstration
    setup_steps = document.undo_stack.index()
    room.room.set_room_mode(True)
    undo = room.named_actions["undo"]
    assert not undo.isEnabled() and "Nothing of Reds's" in undo.toolTip()

    document.place(deck[1], "ladder-informing")  # the group's own step
    assert undo.isEnabled() and "Place" in undo.text()
    QTest.keyClick(room, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not placed(document.current_group, deck[1])
    assert not undo.isEnabled()
    for _ in range(3):  # Ctrl+Z, the button and the action all refuse the set-up
        QTest.keyClick(room, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        room.room.undo()
        undo.trigger()
    assert document.undo_stack.index() == setup_steps
    assert [g.name for g in document.session.groups] == ["Reds", "Blue", "Green"]
    assert placed(document.current_group, deck[0])
    assert "Nothing of Reds's" in room.room_bar.message.text()

    # Redo gives the group's step back; another group cannot take it back.
    room.named_actions["redo"].trigger()
    assert placed(document.current_group, deck[1])
    document.set_current_group(document.session.groups[1].id)
    assert not undo.isEnabled()
    # Unlocked, the facilitator undoes anything again.
    room.room.unlock(code_of(room))
    assert undo.isEnabled()
    undo.trigger()
    undo.trigger()
    assert not placed(document.session.groups[0], deck[0])


def test_redo_in_room_mode_cannot_redo_an_undone_set_up_step(room) -> None:
    document = room.document
    document.add_group("Green")
    document.undo_stack.undo()  # the facilitator took it back before locking
    room.room.set_room_mode(True)
    redo = room.named_actions["redo"]
    assert not redo.isEnabled()
    room.room.redo()
    assert [g.name for g in document.session.groups] == ["Red", "Blue"]


def test_the_room_code_is_chosen_in_the_new_session_form(window, qtbot) -> None:
    from coprod_desktop.ui.dialogs.setup import SetupDialog, dialog_result

    recent = window.files.recent
    dialog = SetupDialog(recent.last_choices(), [], window, recent.room_code())
    qtbot.addWidget(dialog)
    assert dialog.room_code.text() == recent.room_code()  # the facilitator sees it there
    dialog.room_code.setText("no")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and "room code" in dialog.error.text()
    dialog.room_code.setText("Owl77")
    dialog.accept()
    dialog_result(dialog, recent)
    assert recent.room_code() == "Owl77"


def test_locking_keeps_undos_text_isolated(room) -> None:
    """Room mode re-reads Undo's text on every lock change: the same isolated text as
    menus._CommandText (a U+202E in a card title never reverses "Undo")."""
    document = room.document
    card = document.session.deck.cards[0]
    room.room.set_room_mode(True)
    document.place(card.id, "ladder-coercion")
    before = room.named_actions["undo"].text()
    room.room.unlock(code_of(room))
    room.room.lock()
    assert room.named_actions["undo"].text() == before
    assert "\u2068" in before


def test_a_refused_shortcut_is_announced_to_screen_readers(room, monkeypatch) -> None:
    from coprod_desktop.ui import accessibility

    said: list[str] = []
    monkeypatch.setattr(
        accessibility, "announce", lambda _w, text, assertive=False: said.append(text)
    )
    room.room.set_room_mode(True)
    QTest.keyClick(room, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert said == ["“Edit deck...” is the facilitator's: room mode is locked."]


# --- the session remembers ---------------------------------------------------------------


def test_a_session_saved_in_room_mode_opens_locked(open_window, tmp_path) -> None:
    from coprod_desktop.files import builtin as content
    from coprod_desktop.files.session_file import load_session, save_session
    from coprod_desktop.files.session_settings import room_mode

    session = content.new_session("Workshop", ["Red", "Blue"])
    first = open_window(session)
    first.named_actions["room_mode"].trigger()
    assert room_mode(first.document.session)  # written into the session as it changes
    path = tmp_path / "room.json"
    save_session(first.document.session, path)
    first.room.unlock(code_of(first))
    first.room.set_room_mode(False)
    assert not room_mode(first.document.session)

    again = open_window(load_session(path))  # a restart, after a crash
    assert again.room.locked and not again.named_actions["edit_deck"].isEnabled()
    # Opening it in a running window locks too.
    plain = open_window(content.new_session("Other", ["Red"]))
    assert not plain.room.room_mode
    plain.document.replace(load_session(path), path)
    assert plain.room.locked


def test_a_groups_principle_mark_in_room_mode_is_its_own_to_undo(room) -> None:
    document = room.document
    cards = document.session.deck.cards
    principle = next(c.id for c in cards if c.kind == "principle")
    activity = next(c.id for c in cards if c.kind == "activity")
    room.room.set_room_mode(True)
    document.place(activity, "ladder-coercion")
    assert document.mark(activity, principle)
    undo = room.named_actions["undo"]
    assert undo.isEnabled()
    undo.trigger()
    assert principle not in document.current_group.marks_of(activity)
    assert placed(document.current_group, activity)


def test_the_debriefs_reveal_buttons_are_the_facilitators(room) -> None:
    debrief = room.debrief
    buttons = (debrief.reveal_button, debrief.reveal_all_button, debrief.back_button)
    room.named_actions["debrief"].trigger()  # opened by the facilitator, then the room locks
    assert room.centre_stack.currentWidget() is debrief
    assert all(b.isVisible() for b in buttons)
    room.room.set_room_mode(True)
    assert not any(b.isVisible() for b in buttons)  # nobody at the screen reveals the key
    assert not room.named_actions["debrief"].isEnabled()
    room.room.unlock(code_of(room))
    assert all(b.isVisible() for b in buttons)
