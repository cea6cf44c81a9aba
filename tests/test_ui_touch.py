"""Many hands on a touch screen (issue 15): QTest.touchEvent on a QPointingDevice, as a
touch panel's driver sends them. Two fingers drag two cards at once (one from the tray,
one on the board) and both land, each its own undo step; a second finger on a held card
is ignored; pinch zooms and two fingers pan; a long press opens the Move to menu; taps
select and place; the mouse and a finger keep their own cards; targets are 44 px."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from coprod_desktop.files import builtin as content
from coprod_desktop.ui.touch.hands import LONG_PRESS_MS, TOUCH_TARGET_PX
from tests.places import only_region

INFORMING, CO_PRODUCTION = "ladder-informing", "ladder-co-production"
FULL, TRADITIONAL = "matrix-full-coproduction", "matrix-traditional"


@pytest.fixture(scope="module")
def device():
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


@pytest.fixture
def win(open_window):
    w = open_window(content.new_session("Touch", ["Red", "Blue"]))
    return w


def cards(win) -> list[str]:
    return [c.id for c in win.document.session.deck.cards if c.kind == "activity"]


def on_card(win, card_id: str, lens: str, offset: QPointF | None = None) -> QPoint:
    item = win.scene.item_for(card_id, lens)
    centre = item.sceneBoundingRect().center()
    return win.board_view.mapFromScene(centre + (offset or QPointF(0, 0)))


def in_region(win, region_id: str) -> QPoint:
    """The region's empty bottom-right corner, in the board's viewport."""
    rect = win.scene.region_items[region_id].rect
    return win.board_view.mapFromScene(rect.bottomRight() - QPointF(12, 12))


def in_tray(win, card_id: str) -> QPoint:
    tray = win.tray
    row = tray.card_ids().index(card_id)
    items = [tray.item(i) for i in range(tray.count()) if tray.item(i).data(Qt.UserRole + 1)]
    tray.scrollToItem(items[row])
    return tray.visualItemRect(items[row]).center()


def steps(a: QPoint, b: QPoint, n: int = 6) -> list[QPoint]:
    return [a + (b - a) * (i / n) for i in range(1, n + 1)]


def place(win, card_id: str, region_id: str) -> None:
    win.document.place(card_id, region_id)


def at(win, widget, point: QPoint) -> QPoint:
    """A point of a viewport in the window's coordinates (a touch sequence's widget)."""
    return widget.mapTo(win, point)


def test_two_fingers_drag_two_cards_at_once_and_both_land(win, device) -> None:
    tray_card, board_card = cards(win)[:2]
    place(win, board_card, INFORMING)
    board, tray = win.board_view.viewport(), win.tray.viewport()
    start_a = at(win, tray, in_tray(win, tray_card))
    start_b = at(win, board, on_card(win, board_card, "ladder"))
    end_a, end_b = (
        at(win, board, in_region(win, FULL)),
        at(win, board, in_region(win, CO_PRODUCTION)),
    )
    before = win.document.undo_stack.count()
    QTest.touchEvent(win, device).press(0, start_a, win).press(1, start_b, win).commit()
    for a, b in zip(steps(start_a, end_a), steps(start_b, end_b), strict=True):
        QTest.touchEvent(win, device).move(0, a, win).move(1, b, win).commit()
    assert sorted(win.hands.dragging()) == sorted([tray_card, board_card])  # both in the air
    ghosts = [g for g in win.findChildren(QLabel, "touch-ghost") if g.isVisible()]
    assert len(ghosts) == 2
    assert win.scene.region_items[FULL].highlighted
    assert win.scene.region_items[CO_PRODUCTION].highlighted
    QTest.touchEvent(win, device).release(0, end_a, win).stationary(1).commit()
    assert only_region(win.document.current_group, tray_card) == FULL  # landed, B still held
    assert win.hands.dragging() == [board_card]
    QTest.touchEvent(win, device).release(1, end_b, win).commit()
    group = win.document.current_group
    assert [p.region for p in group.places(board_card)] == [CO_PRODUCTION]
    assert win.document.undo_stack.count() == before + 2  # each drop its own step
    win.document.undo_stack.undo()
    assert only_region(win.document.current_group, tray_card) == FULL
    assert [p.region for p in win.document.current_group.places(board_card)] == [INFORMING]
    win.document.undo_stack.undo()
    assert win.document.current_group.places(tray_card) == []
    assert not win.scene.region_items[FULL].highlighted
    assert win.hands.hands == {}


def test_a_second_finger_on_a_held_card_is_ignored(win, device) -> None:
    card = cards(win)[0]
    place(win, card, INFORMING)
    board = win.board_view.viewport()
    first = at(win, board, on_card(win, card, "ladder"))
    second = at(win, board, on_card(win, card, "ladder", QPointF(20, 5)))
    end_a, end_b = (
        at(win, board, in_region(win, CO_PRODUCTION)),
        at(win, board, in_region(win, FULL)),
    )
    before = win.document.undo_stack.count()
    QTest.touchEvent(win, device).press(0, first, win).press(1, second, win).commit()
    assert len(win.hands.hands) == 1 and len(win.hands.ignored) == 1
    for a, b in zip(steps(first, end_a), steps(second, end_b), strict=True):
        QTest.touchEvent(win, device).move(0, a, win).move(1, b, win).commit()
    assert win.hands.dragging() == [card]
    QTest.touchEvent(win, device).release(1, end_b, win).stationary(0).commit()
    QTest.touchEvent(win, device).release(0, end_a, win).commit()
    assert [p.region for p in win.document.current_group.places(card)] == [CO_PRODUCTION]
    assert win.document.undo_stack.count() == before + 1  # one drop, no duplicate
    assert win.hands.ignored == {} and win.hands.hands == {}


def test_pinch_zooms_the_board_and_two_fingers_pan_it(win, device) -> None:
    view, board = win.board_view, win.board_view.viewport()
    centre = board.rect().center()
    a, b = centre - QPoint(60, 0), centre + QPoint(60, 0)
    scale = view.transform().m11()
    QTest.touchEvent(win, device).press(0, at(win, board, a), win).press(
        1, at(win, board, b), win
    ).commit()
    for step in range(1, 7):  # the fingers spread apart: 120 px to 360 px
        d = QPoint(20 * step, 0)
        QTest.touchEvent(win, device).move(0, at(win, board, a - d), win).move(
            1, at(win, board, b + d), win
        ).commit()
    assert view.transform().m11() == pytest.approx(3 * scale, rel=0.02)
    seen = view.visible_scene_rect()
    a, b = a - QPoint(120, 0), b + QPoint(120, 0)  # where the fingers are now
    for step in range(1, 5):  # both fingers move right together: the board follows them
        d = QPoint(25 * step, 0)
        sequence = QTest.touchEvent(win, device)
        sequence.move(0, at(win, board, a + d), win).move(1, at(win, board, b + d), win).commit()
    moved = view.visible_scene_rect()
    assert moved.x() == pytest.approx(seen.x() - 100 / view.transform().m11(), abs=4)
    assert view.transform().m11() == pytest.approx(3 * scale, rel=0.02)
    QTest.touchEvent(win, device).release(0, at(win, board, a), win).release(
        1, at(win, board, b), win
    ).commit()
    assert view.transform().m11() == pytest.approx(3 * scale, rel=0.02)  # stays zoomed
    assert win.document.undo_stack.count() == 0  # a pinch is no tap: nothing placed
    win.named_actions["zoom_all"].trigger()
    assert view.transform().m11() == pytest.approx(scale)


def test_a_long_press_opens_the_move_to_menu(win, device, qtbot) -> None:
    card = cards(win)[0]
    place(win, card, INFORMING)
    board = win.board_view.viewport()
    point = at(win, board, on_card(win, card, "ladder"))
    QTest.touchEvent(win, device).press(0, point, win).commit()
    qtbot.wait(LONG_PRESS_MS + 150)
    menu = win.move_menu
    assert menu.isVisible() and win._moving_card == card
    assert win.scene.selected_key() == (card, "ladder")
    QTest.touchEvent(win, device).release(0, point, win).commit()
    assert menu.isVisible()  # lifting the finger leaves the menu to choose from
    menu.close()
    assert win.document.undo_stack.count() == 1  # only the placing above


def test_a_long_press_in_the_tray_opens_its_menu_too(win, device, qtbot) -> None:
    card = cards(win)[2]
    point = at(win, win.tray.viewport(), in_tray(win, card))
    QTest.touchEvent(win, device).press(0, point, win).commit()
    qtbot.wait(LONG_PRESS_MS + 150)
    assert win.move_menu.isVisible() and win._moving_card == card
    QTest.touchEvent(win, device).release(0, point, win).commit()
    win.move_menu.close()


def test_taps_select_a_tray_card_and_place_it_on_a_tapped_region(win, device) -> None:
    card = cards(win)[0]
    point = at(win, win.tray.viewport(), in_tray(win, card))
    QTest.touchEvent(win, device).press(0, point, win).commit()
    QTest.touchEvent(win, device).release(0, point, win).commit()
    assert win.tray.selected_card_id() == card and win.scene.pending_card_id == card
    target = at(win, win.board_view.viewport(), in_region(win, TRADITIONAL))
    QTest.touchEvent(win, device).press(3, target, win).commit()
    QTest.touchEvent(win, device).release(3, target, win).commit()
    assert only_region(win.document.current_group, card) == TRADITIONAL


def test_a_double_tap_zooms_to_the_region_and_back(win, device) -> None:
    target = at(win, win.board_view.viewport(), in_region(win, FULL))
    for _ in range(2):
        QTest.touchEvent(win, device).press(0, target, win).commit()
        QTest.touchEvent(win, device).release(0, target, win).commit()
    assert win.board_view.zoomed_region == FULL
    target = at(win, win.board_view.viewport(), in_region(win, FULL))
    for _ in range(2):
        QTest.touchEvent(win, device).press(0, target, win).commit()
        QTest.touchEvent(win, device).release(0, target, win).commit()
    assert win.board_view.zoomed_region == ""


def test_a_card_dragged_to_the_tray_leaves_that_lens(win, device) -> None:
    card = cards(win)[0]
    place(win, card, INFORMING)
    place(win, card, FULL)
    start = at(win, win.board_view.viewport(), on_card(win, card, "ladder"))
    end = at(win, win.tray.viewport(), win.tray.viewport().rect().center())
    QTest.touchEvent(win, device).press(0, start, win).commit()
    for point in steps(start, end):
        QTest.touchEvent(win, device).move(0, point, win).commit()
    QTest.touchEvent(win, device).release(0, end, win).commit()
    assert only_region(win.document.current_group, card) == FULL  # its cell stays


def test_the_mouse_and_a_finger_keep_their_own_cards(win, device) -> None:
    mine, theirs = cards(win)[:2]
    place(win, mine, INFORMING)
    place(win, theirs, TRADITIONAL)
    board = win.board_view.viewport()
    # the mouse holds one card: a finger on it is ignored, a finger on another carries it
    QTest.mousePress(board, Qt.MouseButton.LeftButton, pos=on_card(win, mine, "ladder"))
    assert win.hands.mouse_card == mine
    on_mine = at(win, board, on_card(win, mine, "ladder"))
    QTest.touchEvent(win, device).press(0, on_mine, win).commit()
    assert win.hands.hands == {}
    QTest.touchEvent(win, device).release(0, on_mine, win).commit()
    start, end = (
        at(win, board, on_card(win, theirs, "matrix")),
        at(win, board, in_region(win, FULL)),
    )
    QTest.touchEvent(win, device).press(1, start, win).commit()
    for point in steps(start, end):
        QTest.touchEvent(win, device).move(1, point, win).commit()
    # a finger holds that card: a mouse press on it takes nothing away
    QTest.mouseRelease(board, Qt.MouseButton.LeftButton, pos=on_card(win, mine, "ladder"))
    selected = win.scene.selected_key()
    QTest.mousePress(board, Qt.MouseButton.LeftButton, pos=on_card(win, theirs, "matrix"))
    assert win.scene.selected_key() == selected
    QTest.mouseRelease(board, Qt.MouseButton.LeftButton, pos=on_card(win, theirs, "matrix"))
    QTest.touchEvent(win, device).release(1, end, win).commit()
    assert only_region(win.document.current_group, theirs) == FULL
    assert only_region(win.document.current_group, mine) == INFORMING


def test_touch_targets_are_44_px(win, device) -> None:
    card = cards(win)[0]
    place(win, card, INFORMING)
    item = win.scene.item_for(card, "ladder")
    rect = win.board_view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    below = at(win, win.board_view.viewport(), QPoint(rect.center().x(), rect.bottom() + 12))
    QTest.touchEvent(win, device).press(0, below, win).commit()  # just off the card
    assert [h.card_id for h in win.hands.hands.values()] == [card]
    QTest.touchEvent(win, device).release(0, below, win).commit()
    assert win.scene.selected_key() == (card, "ladder")  # a tap selects it
    assert TOUCH_TARGET_PX >= 44
    tray = win.tray
    heights = {
        tray.visualItemRect(tray.item(i)).height()
        for i in range(tray.count())
        if tray.item(i).data(Qt.UserRole + 1)
    }
    assert min(heights) >= 44


def test_many_random_fingers_never_break_the_board(win, device) -> None:
    """Three fingers pressing, moving and lifting at random over the tray and the board:
    no error, every finger forgotten at the end, and each drop that changed something is
    one undo step (the undo stack takes them all back to an empty board)."""
    import random

    rng = random.Random(15)
    board, tray = win.board_view.viewport(), win.tray.viewport()
    for card, region in zip(cards(win)[:6], [INFORMING, FULL, TRADITIONAL] * 2, strict=True):
        place(win, card, region)
    start = win.document.undo_stack.index()

    def anywhere() -> QPoint:
        widget = rng.choice([board, board, tray])
        r = widget.rect()
        return at(win, widget, QPoint(rng.randrange(r.width()), rng.randrange(r.height())))

    down: dict[int, QPoint] = {}
    for _ in range(300):
        finger = rng.randrange(3)
        sequence = QTest.touchEvent(win, device)
        if finger not in down:
            down[finger] = anywhere()
            sequence.press(finger, down[finger], win)
        elif rng.random() < 0.25:
            sequence.release(finger, down.pop(finger), win)
        else:
            down[finger] = down[finger] + QPoint(rng.randint(-80, 80), rng.randint(-80, 80))
            sequence.move(finger, down[finger], win)
        for other in down:
            if other != finger:
                sequence.stationary(other)
        sequence.commit()
    sequence = QTest.touchEvent(win, device)
    for finger, point in down.items():
        sequence.release(finger, point, win)
    sequence.commit()
    win.board_view.show_whole_board()
    popup = QApplication.activePopupWidget()  # a long press may have opened a Move to menu
    if popup is not None:
        popup.close()
    assert win.hands.hands == {} and win.hands.fingers == {} and win.hands.ignored == {}
    assert [g for g in win.findChildren(QLabel, "touch-ghost") if g.isVisible()] == []
    assert not any(item.highlighted for item in win.scene.region_items.values())
    while win.document.undo_stack.index() > start:
        win.document.undo_stack.undo()
    placed = {(p.card, p.region) for p in win.document.current_group.placements}
    assert placed == set(zip(cards(win)[:6], [INFORMING, FULL, TRADITIONAL] * 2, strict=True))
