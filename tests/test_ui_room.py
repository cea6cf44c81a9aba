"""In the room: tap-to-place, the Move to menu, keyboard-only use, undo buttons,
presentation mode, the timer, zoom to a region, and the list view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QToolButton

from coprod_desktop.domain.countdown import Countdown
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.main_window import MainWindow
from coprod_desktop.ui.panels.move_menu import TRAY, build_move_menu
from coprod_desktop.ui.panels.timer import TimerWidget
from tests.places import only_region


def region_point(win: MainWindow, region_id: str):
    rect = win.scene.region_items[region_id].rect
    return rect.bottomRight() - rect.topLeft() * 0 - type(rect.center())(6, 6)


def click_scene(win: MainWindow, scene_pos) -> None:
    view_pos = win.board_view.mapFromScene(scene_pos)
    QTest.mouseClick(
        win.board_view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view_pos,
    )


def deck_ids(win: MainWindow) -> list[str]:
    return [c.id for c in win.document.session.deck.cards]


def test_tap_tray_card_then_tap_region_places_it(window):
    card = deck_ids(window)[0]
    window.tray.select_card(card)
    click_scene(window, region_point(window, "ladder-co-design"))
    assert only_region(window.document.current_group, card) == "ladder-co-design"
    assert window.scene.selected_card_id() == card  # stays selected for a further move


def test_tap_board_card_then_another_rung_moves_it(window):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    click_scene(window, window.scene.item_for(card).sceneBoundingRect().center())
    assert window.scene.selected_card_id() == card
    click_scene(window, region_point(window, "ladder-co-design"))
    assert only_region(window.document.current_group, card) == "ladder-co-design"
    # The move used the tap: a further tap on another region does not move it again.
    click_scene(window, region_point(window, "ladder-coercion"))
    assert only_region(window.document.current_group, card) == "ladder-co-design"


def test_double_click_after_a_drop_zooms_without_moving_the_card(window):
    card = deck_ids(window)[0]
    window.scene.drop_card(card, region_point(window, "ladder-coercion"))
    assert window.scene.selected_card_id() == card  # still selected after the drop
    view = window.board_view
    pos = view.mapFromScene(window.scene.region_items["matrix-traditional"].rect.center())
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
    )
    assert view.zoomed_region == "matrix-traditional"
    assert only_region(window.document.current_group, card) == "ladder-coercion"


def test_undo_of_another_groups_change_shows_that_group(window):
    doc = window.document
    kept, card = deck_ids(window)[:2]
    red, blue = (g.id for g in doc.session.groups)
    doc.place(kept, "ladder-informing")
    doc.place(card, "ladder-coercion")
    assert "(Red)" in doc.undo_stack.undoText()
    doc.set_current_group(blue)
    assert window.scene.card_items == {}
    doc.undo_stack.undo()
    assert doc.current_group_id == red  # the room sees the board that changed
    assert doc.session.group(red).places(card) == []
    assert {c for c, _lens in window.scene.card_items} == {kept}


def test_tapping_the_tray_returns_the_selected_board_card(window):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    window.scene.select_card(card)
    tray = window.tray
    header = tray.visualItemRect(tray.item(0)).center()  # a kind heading, not a card
    QTest.mouseClick(
        tray.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, header
    )
    assert window.document.current_group.places(card) == []


def test_tap_with_nothing_selected_changes_nothing(window):
    click_scene(window, region_point(window, "ladder-co-design"))
    assert window.document.current_group.placements == []
    assert not window.document.undo_stack.canUndo()


def test_move_to_menu_lists_every_region_and_the_tray(window):
    card = deck_ids(window)[0]
    menu = build_move_menu(window.document, card, window)
    targets = [a.data() for a in menu.actions() if not a.isSeparator() and a.data() is not None]
    board = window.document.session.board
    ladder_top_down = sorted(board.regions_of("ladder"), key=lambda r: -(r.rank or 0))
    region_ids = [
        *(r.id for r in board.regions_of("matrix")),
        *(r.id for r in ladder_top_down),
        *(r.id for r in board.regions_of("not")),
    ]
    assert targets == [*region_ids, TRAY]
    sections = [
        a.text().replace("\u2068", "").replace("\u2069", "")
        for a in menu.actions()
        if a.isSeparator() and a.text()
    ]
    assert sections == [
        "Public service matrix",
        "Ladder of co-production",
        "Co-production is not ...",
    ]
    tray_action = next(a for a in menu.actions() if a.data() == TRAY)
    assert not tray_action.isEnabled()  # not placed yet
    next(a for a in menu.actions() if a.data() == "matrix-full-coproduction").trigger()
    assert only_region(window.document.current_group, card) == "matrix-full-coproduction"
    menu = build_move_menu(window.document, card, window)
    assert next(a for a in menu.actions() if a.data() == "matrix-full-coproduction").isChecked()
    next(a for a in menu.actions() if a.data() == TRAY).trigger()
    assert window.document.current_group.places(card) == []


def test_keyboard_only_placement_and_return(window, qtbot):
    first, second = deck_ids(window)[:2]
    # From the tray: arrow to a card, open the region chooser (M), choose, return with Delete.
    window.tray.setFocus()
    window.tray.select_card(first)
    shown = []
    window.show_move_menu = lambda card_id, where: shown.append(card_id)  # the popup itself is Qt's
    window.named_actions["move_to"].trigger()
    assert shown == [first]
    build_move_menu(window.document, first, window).actions()[1].trigger()
    window.document.place(second, "ladder-informing")
    window.board_view.setFocus()
    QTest.keyClick(window.board_view, Qt.Key.Key_Right)
    selected = window.scene.selected_card_id()
    assert selected in (first, second)
    QTest.keyClick(window.board_view, Qt.Key.Key_Right)
    assert window.scene.selected_card_id() != selected
    target = window.scene.selected_card_id()
    window.named_actions["unplace"].trigger()
    assert window.document.current_group.places(target) == []


def test_every_menu_action_has_a_shortcut(window):
    missing = [
        key
        for key, act in window.named_actions.items()
        if key != "about" and act.shortcut().isEmpty()
    ]
    assert missing == []


def test_undo_and_redo_buttons_work_without_a_keyboard(window, qtbot):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    buttons = {b.defaultAction(): b for b in window.controls.findChildren(QToolButton)}
    undo_button = buttons[window.named_actions["undo"]]
    assert undo_button.isVisible() and undo_button.height() >= 44
    qtbot.mouseClick(undo_button, Qt.MouseButton.LeftButton)
    assert window.document.current_group.places(card) == []
    qtbot.mouseClick(buttons[window.named_actions["redo"]], Qt.MouseButton.LeftButton)
    assert window.document.current_group.places(card) != []


def test_presentation_mode_hides_facilitator_widgets_and_restores(window, qtbot):
    window.document.place(deck_ids(window)[0], "ladder-coercion")
    normal_item = window.scene.item_for(deck_ids(window)[0]).sceneBoundingRect()
    window.named_actions["present"].trigger()
    assert window.presentation.active
    qtbot.waitUntil(lambda: window.isFullScreen())
    for hidden in (
        window.menuBar(),
        window.statusBar(),
        window.toolbar,
        window.group_bar.add_button,
    ):
        assert not hidden.isVisible()
    # What a group needs stays; the tray and the details panel, where it writes notes,
    # slide in over the board when it asks for them (issue 14: the board gets the width).
    for shown in (window.group_bar, window.timer, window.board_view):
        assert shown.isVisible()
    assert not window.tray.isVisible() and not window.details.isVisible()
    window.drawer.duration_ms = 0
    window.presenting_layout.cards_button.click()
    assert window.tray.isVisible() and window.details.isVisible()
    window.presenting_layout.cards_button.click()
    assert window.scene.high_contrast
    presented_item = window.scene.item_for(deck_ids(window)[0]).sceneBoundingRect()
    assert presented_item.height() > normal_item.height()  # bigger cards for the room
    assert window.room.locked  # presenting turns room mode on: Esc is the facilitator's
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.presentation.active
    assert window.room.unlock(window.files.recent.room_code())
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presentation.active
    qtbot.waitUntil(lambda: not window.isFullScreen())
    for widget in (window.menuBar(), window.statusBar(), window.details, window.toolbar):
        assert widget.isVisible()
    assert not window.scene.high_contrast
    # Offscreen, restoreGeometry gives back a 920x774 window, whose board view is near
    # square: the window's board takes that shape (issue 14). At the size it had, the same.
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.scene.stretch == (1.0, 1.0))
    assert window.scene.item_for(deck_ids(window)[0]).sceneBoundingRect() == normal_item


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_timer_runs_down_and_signals_the_end(qtbot):
    clock = FakeClock()
    timer = TimerWidget(Countdown(120, clock))
    qtbot.addWidget(timer)
    assert timer.digits.text() == "2:00"
    timer.start_button.click()
    assert timer.start_button.text() == "Pause"
    clock.now = 61
    timer.tick()
    assert timer.digits.text() == "0:59"
    timer.start_button.click()  # pause
    clock.now = 500
    timer.tick()
    assert timer.digits.text() == "0:59"
    timer.start_button.click()
    clock.now = 560
    with qtbot.waitSignal(timer.time_up, timeout=1000):
        timer.tick()
    assert timer.is_time_up and timer.digits.text() == "Time's up!"
    assert "b00020" in timer.digits.styleSheet()  # red: a signal that does not block the board
    timer.reset_button.click()
    assert timer.digits.text() == "2:00" and not timer.is_time_up


def test_timer_presets_and_custom_time(qtbot):
    timer = TimerWidget(Countdown(60, FakeClock()))
    qtbot.addWidget(timer)
    presets = [a for a in timer.preset_button.menu().actions() if a.data()]
    assert [a.data() for a in presets] == [120, 300, 600, 900]
    presets[2].trigger()
    assert timer.digits.text() == "10:00"
    timer.ask_custom_duration = lambda: "7:30"
    timer.choose_custom()
    assert timer.digits.text() == "7:30"
    timer.ask_custom_duration = lambda: "soon"
    timer.choose_custom()
    assert timer.digits.text() == "7:30" and "not a time" in timer.toolTip()


def test_double_click_zooms_to_a_region_and_back(window, qtbot):
    view = window.board_view
    whole = view.visible_scene_rect()
    region = window.scene.region_items["matrix-full-coproduction"].rect
    pos = view.mapFromScene(region.center())
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
    )
    zoomed = view.visible_scene_rect()
    assert view.zoomed_region == "matrix-full-coproduction"
    assert zoomed.width() < whole.width() / 2 and zoomed.contains(region.center())
    pos = view.mapFromScene(region.center())
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
    )
    assert view.zoomed_region == ""
    assert abs(view.visible_scene_rect().width() - whole.width()) < 2


def test_list_view_reads_the_arrangement_and_moves_cards(window):
    first, second = deck_ids(window)[:2]
    window.document.place(first, "ladder-co-production")
    window.scene.select_card(first)
    window.details.note.setPlainText("Shared power")
    window.named_actions["list_view"].trigger()
    assert window.centre_stack.currentWidget() is window.list_view
    rows = window.list_view.card_rows()
    title = window.document.session.deck.card(first).title
    assert (
        rows[0][0].startswith("Ladder of co-production: 7 Co-production")
        and rows[0][1].startswith(title)
        and rows[0][2] == "Shared power"
    )
    assert any(
        r[0].startswith("In the tray")
        and r[1].startswith(window.document.session.deck.card(second).title)
        for r in rows
    )
    window.list_view.select_card(first)
    QTest.keyClick(window.list_view, Qt.Key.Key_Delete)
    assert window.document.current_group.places(first) == []
    window.named_actions["list_view"].trigger()
    assert window.centre_stack.currentWidget() is window.board_view


def test_widgets_have_accessible_names(window):
    for widget in (
        window.tray,
        window.board_view,
        window.list_view,
        window.details.note,
        window.group_bar.tabs,
        window.timer.digits,
        window.timer.start_button,
    ):
        assert widget.accessibleName()


def test_presentation_titles_are_at_least_24px_at_1080p(qtbot, example_path):
    """Issue 4: legible from the back of the room. In a region that is not crowded
    (two or fewer cards) a card's type size is >= 24 screen pixels; a title too long
    for two lines at that size is fitted, but never below 20 px."""
    from coprod_desktop.files.session_file import load_session

    document = SessionDocument(load_session(example_path), example_path)
    win = MainWindow(document)
    win.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(win)
    win.show()
    win.presentation.enter()
    win.resize(1920, 1080)  # offscreen full screen has no real screen size
    qtbot.waitUntil(lambda: win.board_view.width() > 1500)
    win.board_view.fit()
    view_scale = win.board_view.transform().m11()
    group = document.current_group
    from coprod_desktop.ui.board.items import CARD_TITLE_PX

    nominal, fitted = {}, {}
    for region in document.session.board.regions:
        placed = group.in_region(region.id)
        if 0 < len(placed) <= 2:
            for p in placed:
                item = win.scene.item_for(p.card, region.lens)
                nominal[p.card] = CARD_TITLE_PX * item.scale_factor * view_scale
                fitted[p.card] = item.title_pixel_size() * view_scale
    assert len(nominal) >= 5
    assert min(nominal.values()) >= 24, nominal
    assert min(fitted.values()) >= 20, fitted
    assert sorted(fitted.values())[len(fitted) // 2] >= 24  # the typical card is at full size


def test_big_undo_button_keeps_a_short_label(window):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    buttons = {b.defaultAction(): b for b in window.controls.findChildren(QToolButton)}
    undo_button = buttons[window.named_actions["undo"]]
    assert undo_button.text().replace("&", "") == "Undo"
    assert "Place" in window.named_actions["undo"].text()  # the menu item says what it undoes


def test_keyboard_shortcuts_work_while_presenting(window, qtbot):
    """The menu bar is hidden when presenting; M and Ctrl+Return must still work."""
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    window.presentation.enter()
    qtbot.waitUntil(lambda: not window.menuBar().isVisible())
    window.scene.select_card(card)
    window.board_view.setFocus()
    shown = []
    window.show_move_menu = lambda card_id, where: shown.append(card_id)
    QTest.keyClick(window.board_view, Qt.Key.Key_M)
    assert shown == [card]
    QTest.keyClick(window.board_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.details.note.hasFocus() or window.focusWidget() is window.details.note
    window.presentation.leave()


def test_note_prompt_says_what_to_do(window):
    card = deck_ids(window)[0]
    window.tray.select_card(card)
    # a card in the tray takes a note too: it stays when the card is placed
    assert window.details.note.isEnabled()
    assert "The note stays when you place it" in window.details.note.placeholderText()
    window.document.place(card, "ladder-coercion")
    window.scene.select_card(card)
    assert "Why did your group" in window.details.note.placeholderText()


def test_tabbing_onto_the_board_selects_a_card_and_shows_focus(window, qtbot):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    window.tray.setFocus()
    view = window.board_view

    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    assert window.scene.selected_card_id() == card
    assert "double" in view.styleSheet()
    window.tray.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert "solid" in view.styleSheet()


def test_tab_leaves_the_note_and_never_types_a_tab(window, qtbot):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    window.scene.select_card(card)
    note = window.details.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    QTest.keyClick(note, Qt.Key.Key_Tab)
    assert window.document.current_group.note(card) == ""
    assert not note.hasFocus()


def test_move_menu_shows_the_highlighted_row(window):
    card = deck_ids(window)[0]
    menu = build_move_menu(window.document, card, window)
    assert "QMenu::item:selected" in menu.styleSheet()


def test_esc_backs_out_of_a_zoom_before_leaving_presentation(window, qtbot):
    window.presentation.enter()
    window.board_view.toggle_zoom("matrix-full-coproduction")
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.board_view.zoomed_region == "" and window.presentation.active
    window.room.unlock(window.files.recent.room_code())  # leaving is the facilitator's
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presentation.active


def test_writing_a_note_adds_to_the_end_of_it(window, qtbot):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-coercion")
    window.scene.select_card(card)
    window.details.note.setPlainText("First thought.")
    window.board_view.setFocus()
    window.focus_note()
    qtbot.waitUntil(window.details.note.hasFocus)
    QTest.keyClicks(window.details.note, " More")
    assert window.document.current_group.note(card) == "First thought. More"


def test_a_card_dragged_back_to_the_tray_is_the_one_selected_there(window):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    from coprod_desktop.ui.board.items import card_mime

    tapped, dragged = deck_ids(window)[:2]
    window.document.place(dragged, "ladder-coercion")
    window.tray.select_card(tapped)
    mime = card_mime(dragged)  # the event does not own it: keep it alive
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.tray.dropEvent(drop)
    assert window.tray.selected_card_id() == dragged
    assert window.details.card_id == dragged


def test_a_card_moved_from_the_tray_by_menu_is_selected_on_the_board(window):
    card = deck_ids(window)[0]
    window.tray.select_card(card)
    window.show_move_menu(card, window.mapToGlobal(window.rect().center()))
    target = next(a for a in window.move_menu.actions() if a.data() == "ladder-informing")
    target.trigger()
    window.move_menu.close()
    assert window.scene.selected_card_id() == card


def test_list_view_headings_take_focus_and_name_the_band(window):
    card = deck_ids(window)[0]
    window.document.place(card, "ladder-co-production")
    window.named_actions["list_view"].trigger()
    tree = window.list_view
    ladder = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith("Ladder of co-production")
    )
    heading = next(
        ladder.child(i)
        for i in range(ladder.childCount())
        if ladder.child(i).text(0).startswith("7 Co-production")
    )
    assert "doing with" in heading.text(0) and "1 card" in heading.text(0)
    tree.setCurrentItem(heading)
    assert tree.currentItem() is heading and heading.isSelected()
    assert tree.selected_card_id() == ""  # a heading is not a card: M and Delete do nothing


def test_a_low_window_packs_the_room_controls_tighter(window, qtbot):
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: not window.compact)
    tall = window.controls.sizeHint().height()
    window.resize(1280, 700)
    qtbot.waitUntil(lambda: window.compact)
    short = window.controls.sizeHint().height()
    assert short < tall - 40  # more room for the tray on a 720p screen
    assert all(b.minimumHeight() >= 44 for b in window.room_buttons)  # still touch targets
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: not window.compact)
    assert window.controls.sizeHint().height() == tall


def test_the_timer_value_is_its_accessible_description(qtbot):
    """The label is named "Time left" for assistive technology, which hides its text: the
    value and whether it runs are its description; the start button says what it does."""
    clock = FakeClock()
    timer = TimerWidget(Countdown(120, clock))
    qtbot.addWidget(timer)
    assert timer.digits.accessibleName() == "Time left"
    assert timer.digits.accessibleDescription() == "2:00, not started"
    assert timer.start_button.accessibleName() == "Start the timer"
    timer.start_button.click()
    clock.now = 61
    timer.tick()
    assert timer.digits.accessibleDescription() == "0:59, running"
    assert timer.start_button.accessibleName() == "Pause the timer"
    timer.start_button.click()
    assert timer.digits.accessibleDescription() == "0:59, paused"
    assert timer.start_button.accessibleName() == "Start the timer"
    timer.start_button.click()
    clock.now = 600
    timer.tick()
    assert timer.digits.accessibleDescription() == "Time's up"
    timer.reset_button.click()
    assert timer.digits.accessibleDescription() == "2:00, not started"
