"""Issue 14, "Bugs to fix": each test reproduces one bug the workshop run found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from coprod_desktop.ui.main_window import MainWindow


def click_scene(win: MainWindow, scene_pos) -> None:  # noqa: ANN001 - QPointF
    view_pos = win.board_view.mapFromScene(scene_pos)
    QTest.mouseClick(
        win.board_view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view_pos,
    )


def deck_ids(win: MainWindow) -> list[str]:
    return [c.id for c in win.document.session.deck.cards]


# --- 1. notes land on the card whose note box the user typed in -----------------------
def test_a_note_typed_after_the_list_view_goes_to_the_tapped_card(window, qtbot):
    listed, tapped = deck_ids(window)[:2]
    window.document.place(listed, "ladder-coercion")
    window.document.place(tapped, "ladder-co-design")
    window.toggle_list_view()
    window.list_view.select_card(listed)
    assert window.details.card_id == listed
    window.toggle_list_view()  # back to the board
    click_scene(window, window.scene.item_for(tapped).sceneBoundingRect().center())
    assert window.scene.selected_card_id() == tapped
    window.focus_note()
    qtbot.waitUntil(window.details.note.hasFocus)
    QTest.keyClicks(window.details.note, "Why")
    group = window.document.current_group
    assert group.note(tapped) == "Why"
    assert group.note(listed) == ""
    assert window.details.card_id == tapped
    assert window.scene.selected_card_id() == tapped


def test_the_hidden_list_view_never_changes_the_details(window):
    listed, other = deck_ids(window)[:2]
    window.document.place(listed, "ladder-coercion")
    window.list_view.select_card(listed)  # the list is hidden: the board is showing
    window.tray.select_card(other)
    assert window.details.card_id == other
    window.document.place(deck_ids(window)[2], "ladder-informing")  # the list refreshes
    assert window.details.card_id == other


def test_the_list_view_opens_on_the_card_selected_on_the_board(window):
    listed, tapped = deck_ids(window)[:2]
    window.document.place(listed, "ladder-coercion")
    window.document.place(tapped, "ladder-co-design")
    window.toggle_list_view()
    window.list_view.select_card(listed)
    window.toggle_list_view()
    window.scene.select_card(tapped)
    window.toggle_list_view()  # the list again: on the card the board had, not its old row
    assert window.list_view.selected_card_id() == tapped
    assert window.details.card_id == tapped


# --- 3. Back to tray disarms the tapped card ----------------------------------------------
def region_point(win: MainWindow, region_id: str):  # noqa: ANN201 - QPointF
    rect = win.scene.region_items[region_id].rect
    return rect.bottomRight() - type(rect.center())(6, 6)


def test_back_to_tray_disarms_the_tapped_card(window):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    click_scene(window, window.scene.item_for(card).sceneBoundingRect().center())
    assert window.scene.selected_card_id() == card
    window.named_actions["unplace"].trigger()  # the big Back to tray button's action
    assert window.document.current_group.places(card) == []
    click_scene(window, region_point(window, "ladder-co-design"))
    assert window.document.current_group.places(card) == []


def test_a_double_tap_after_back_to_tray_zooms_and_places_nothing(window):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    click_scene(window, window.scene.item_for(card).sceneBoundingRect().center())
    window.named_actions["unplace"].trigger()
    view = window.board_view
    centre = window.scene.region_items["matrix-traditional"].rect.center()
    click_scene(window, centre)  # a double tap: a press, then the double-click
    QTest.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.mapFromScene(centre),
    )
    assert view.zoomed_region == "matrix-traditional"
    assert window.document.current_group.places(card) == []


def test_returning_one_place_of_two_disarms_the_card(window):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    window.document.place(card, "matrix-traditional")
    window.scene.select_card(card, "ladder")
    click_scene(window, window.scene.item_for(card, "ladder").sceneBoundingRect().center())
    window.named_actions["unplace"].trigger()
    assert [p.region for p in window.document.current_group.places(card)] == ["matrix-traditional"]
    click_scene(window, region_point(window, "ladder-co-design"))
    assert [p.region for p in window.document.current_group.places(card)] == ["matrix-traditional"]


# --- 4. keyboard placing: focus goes to the next tray card --------------------------------
def place_by_keyboard(window, qtbot, region_id: str) -> None:  # noqa: ANN001
    """M on the focused tray card, then the region chosen in its Move to menu."""
    QTest.keyClick(window.tray, Qt.Key.Key_M)
    menu = window.move_menu
    target = next(a for a in menu.actions() if a.data() == region_id)
    menu.setActiveAction(target)
    QTest.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_after_a_keyboard_placement_the_next_tray_card_has_the_focus(window, qtbot):
    window.activateWindow()
    window.tray.setFocus()
    qtbot.waitUntil(window.tray.hasFocus)
    order = window.tray.card_ids()
    window.tray.select_card(order[0])
    place_by_keyboard(window, qtbot, "ladder-co-design")
    group = window.document.current_group
    assert [p.region for p in group.places(order[0])] == ["ladder-co-design"]
    assert window.tray.selected_card_id() == order[1]  # visibly selected in the tray
    qtbot.waitUntil(window.tray.hasFocus)
    assert window.details.card_id == order[1]
    QTest.keyClick(window.tray, Qt.Key.Key_Down)  # not swallowed: it reaches the next card
    assert window.tray.selected_card_id() == order[2]
    place_by_keyboard(window, qtbot, "ladder-informing")  # M moves the tray card, not the last
    assert [p.region for p in group.places(order[2])] == ["ladder-informing"]
    assert [p.region for p in group.places(order[0])] == ["ladder-co-design"]
    assert window.tray.selected_card_id() == order[3]  # the one after it in the tray


def test_a_keyboard_placement_of_the_last_tray_card_selects_the_one_before(window, qtbot):
    order = window.tray.card_ids()
    for card in order[:-2]:
        window.document.place(card, "ladder-coercion")
    window.tray.setFocus()
    window.tray.select_card(order[-1])
    place_by_keyboard(window, qtbot, "ladder-co-design")
    assert window.tray.selected_card_id() == order[-2]


# --- 5. switching group clears the card; the file remembers the group and presenting ------
def test_switching_group_clears_a_tray_card_from_the_details(window):
    doc = window.document
    card = deck_ids(window)[0]
    blue = doc.session.groups[1].id
    window.tray.select_card(card)
    assert window.details.card_id == card
    doc.set_current_group(blue)
    assert window.details.card_id == ""
    assert window.tray.selected_card_id() == ""  # nothing looks selected that is not shown
    click_scene(window, region_point(window, "ladder-co-design"))
    assert doc.current_group.places(card) == []  # and nothing is waiting for a tap


def test_switching_group_in_the_list_view_clears_the_details(window):
    doc = window.document
    card = deck_ids(window)[0]
    doc.place(card, "ladder-coercion")
    doc.set_current_group(doc.session.groups[1].id)
    doc.place(card, "ladder-informing")
    doc.set_current_group(doc.session.groups[0].id)
    window.toggle_list_view()
    window.list_view.select_card(card)
    assert window.details.card_id == card
    doc.set_current_group(doc.session.groups[1].id)
    assert window.details.card_id == ""
    assert window.list_view.selected_card_id() == ""


def test_a_saved_session_reopens_on_its_group_and_presenting(open_window, qtbot, tmp_path):
    from coprod_desktop.files import builtin as content
    from coprod_desktop.files.session_file import load_session, save_session

    first = open_window(content.new_session("Evening", ["Red", "Blue", "Green"]))
    green = first.document.session.groups[2].id
    first.document.set_current_group(green)
    first.toggle_presentation()
    path = tmp_path / "evening.json"
    save_session(first.document.session, path)
    first.presentation.leave()

    again = open_window(load_session(path))  # a restart with the file (or its recovery)
    assert again.document.current_group_id == green
    assert again.group_bar.tabs.currentIndex() == 2
    qtbot.waitUntil(lambda: again.presentation.active)


def test_opening_a_saved_session_in_a_running_window_restores_its_state(
    open_window, qtbot, tmp_path
):
    from coprod_desktop.files import builtin as content
    from coprod_desktop.files.session_file import save_session

    saved = content.new_session("Evening", ["Red", "Blue"])
    win = open_window(saved)
    win.document.set_current_group(saved.groups[1].id)
    win.toggle_presentation()
    path = tmp_path / "evening.json"
    save_session(win.document.session, path)
    win.presentation.leave()
    win.document.set_current_group(saved.groups[0].id)
    assert win.files.load(path)
    assert win.document.current_group_id == saved.groups[1].id
    assert win.presentation.active


def test_a_session_saved_on_its_first_group_keeps_its_file_as_it_was(window, tmp_path):
    from coprod_desktop.files.session_file import save_session

    doc = window.document
    doc.set_current_group(doc.session.groups[1].id)
    doc.set_current_group(doc.session.groups[0].id)
    path = tmp_path / "plain.json"
    save_session(doc.session, path)
    text = path.read_text(encoding="utf-8")
    assert '"current_group"' not in text and '"presenting"' not in text


# --- 7. the list view shows notes in full -----------------------------------------------------
LONG_NOTE = (
    "We put it here because the residents' panel decided the budget with the council, "
    "not only advised on it; but the panel met twice a year, so some of us thought it "
    "belongs one rung lower. We agreed to ask the facilitator about the evidence."
)


def note_row(window):  # noqa: ANN001, ANN201 - test helper
    from coprod_desktop.ui.panels.list_view import CARD_ROLE

    return next(
        i for i in window.list_view._items() if i.text(1) == LONG_NOTE and i.data(0, CARD_ROLE)
    )


def test_the_list_view_shows_a_long_note_in_full(open_window, qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from coprod_desktop.files import builtin as content

    for size in ((1024, 768), (1600, 900)):
        win = open_window(content.new_session("Notes", ["Red"]), size=size)
        card = deck_ids(win)[0]
        win.document.place(card, "ladder-coercion")
        win.document.set_note(card, LONG_NOTE)
        win.toggle_list_view()
        view = win.list_view
        assert view.textElideMode() == Qt.TextElideMode.ElideNone
        row = note_row(win)
        rect = view.visualItemRect(row)
        width = view.header().sectionSize(1)
        assert width > 100
        needed = QFontMetrics(view.font()).boundingRect(
            QRect(0, 0, width - 12, 100_000), int(Qt.TextFlag.TextWordWrap), LONG_NOTE
        )
        assert rect.height() >= needed.height(), (size, rect.height(), needed.height())
        assert view.wordWrap()
