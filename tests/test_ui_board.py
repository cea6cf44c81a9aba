"""The board in the window: drops place cards, the tray unplaces them, undo restores."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from coprod_desktop.ui.board.items import card_mime
from coprod_desktop.ui.main_window import MainWindow
from tests.places import only_region


def centre_of(window: MainWindow, region_id: str) -> QPointF:
    """A point in the region's empty bottom-right corner: a drop there appends."""
    rect = window.scene.region_items[region_id].rect
    return rect.bottomRight() - QPointF(4, 4)


def first_card(window: MainWindow) -> str:
    return window.document.session.deck.cards[0].id


def test_drop_on_region_places_card_and_leaves_tray(window):
    card = first_card(window)
    assert card in window.tray.card_ids()
    assert window.scene.drop_card(card, centre_of(window, "matrix-full-coproduction"))
    group = window.document.current_group
    assert only_region(group, card) == "matrix-full-coproduction"
    assert window.scene.item_for(card) is not None
    assert card not in window.tray.card_ids()
    # the card item is drawn inside its region
    region_rect = window.scene.region_items["matrix-full-coproduction"].rect
    assert region_rect.contains(window.scene.item_for(card).sceneBoundingRect().center())


def test_drop_outside_any_region_changes_nothing(window):
    card = first_card(window)
    assert not window.scene.drop_card(card, QPointF(-50, -50))
    assert window.document.current_group.placements == []
    assert not window.document.undo_stack.canUndo()


def test_drop_between_regions_moves_card(window):
    card = first_card(window)
    window.scene.drop_card(card, centre_of(window, "ladder-coercion"))
    window.scene.drop_card(card, centre_of(window, "ladder-co-production"))
    assert only_region(window.document.current_group, card) == "ladder-co-production"
    assert len(window.document.current_group.placements) == 1


def test_synthetic_drop_event_on_the_view_places_card(window, qtbot):
    """A real QDropEvent through the view reaches the scene's drop handler."""
    card = first_card(window)
    view = window.board_view
    target = view.mapFromScene(centre_of(window, "not-coproduction"))
    mime = card_mime(card)
    event = QDropEvent(
        QPointF(target),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QDragEnterEvent

    enter = QDragEnterEvent(
        QPointF(target),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QCoreApplication.sendEvent(view.viewport(), enter)
    QCoreApplication.sendEvent(view.viewport(), event)
    assert only_region(window.document.current_group, card) == "not-coproduction"


def test_drag_back_to_tray_unplaces(window):
    card = first_card(window)
    window.scene.drop_card(card, centre_of(window, "matrix-traditional"))
    tray = window.tray
    enter_mime = card_mime(card)
    assert tray.accepts(card)
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.MoveAction,
        enter_mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tray.dropEvent(drop)
    assert window.document.current_group.places(card) == []
    assert card in tray.card_ids()
    assert window.scene.item_for(card) is None


def test_tray_refuses_cards_that_are_not_placed_and_other_mime(window):
    assert not window.tray.accepts(first_card(window))
    other = QMimeData()
    other.setText("hello")
    from coprod_desktop.ui.board.items import card_id_from_mime

    assert card_id_from_mime(other) is None


def test_undo_restores_previous_arrangement_and_redo_reapplies(window):
    doc = window.document
    cards = [c.id for c in doc.session.deck.cards[:3]]
    for card in cards:
        window.scene.drop_card(card, centre_of(window, "ladder-engagement"))
    window.scene.drop_card(cards[0], centre_of(window, "ladder-co-design"))
    before_move = [("ladder-engagement", c) for c in cards]
    doc.undo_stack.undo()
    assert [(p.region, p.card) for p in doc.current_group.placements] == before_move
    assert (
        window.scene.item_for(cards[0])
        .sceneBoundingRect()
        .intersects(window.scene.region_items["ladder-engagement"].rect)
    )
    doc.undo_stack.redo()
    assert only_region(doc.current_group, cards[0]) == "ladder-co-design"
    for _ in range(4):
        doc.undo_stack.undo()
    assert doc.current_group.placements == []
    assert not doc.undo_stack.canUndo()
    assert set(cards) <= set(window.tray.card_ids())


def test_undo_button_and_shortcut_are_wired(window, qtbot):
    card = first_card(window)
    window.scene.drop_card(card, centre_of(window, "matrix-traditional"))
    window.named_actions["undo"].trigger()
    assert window.document.current_group.places(card) == []
    window.named_actions["redo"].trigger()
    assert window.document.current_group.places(card) != []


def test_ctrl_z_and_ctrl_y_pressed_in_the_window_undo_and_redo(window, qtbot):
    undo = window.named_actions["undo"]
    assert QKeySequence("Ctrl+Z") in undo.shortcuts()
    card = first_card(window)
    window.scene.drop_card(card, centre_of(window, "matrix-traditional"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.board_view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.current_group.places(card) == []
    qtbot.keyClick(window.board_view.viewport(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.current_group.places(card) != []


def test_a_right_click_on_a_board_card_selects_it_and_asks_for_its_move_menu(window, qtbot):
    card = first_card(window)
    window.document.place(card, "ladder-co-design")
    window.scene.clearSelection()
    asked: list[str] = []
    window.scene.move_menu_requested.disconnect()
    window.scene.move_menu_requested.connect(lambda card_id, _where: asked.append(card_id))
    view = window.board_view
    where = view.mapFromScene(window.scene.item_for(card).sceneBoundingRect().center())
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, view.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(view.viewport(), event)
    assert asked == [card]
    assert window.scene.selected_card_id() == card


def test_drop_inserts_before_the_card_under_the_pointer(window):
    doc = window.document
    # activities: a principle dropped on a card marks it instead (tests/test_ui_lenses.py)
    a, b, c = [card.id for card in doc.session.deck.cards if card.kind == "activity"][:3]
    for card in (a, b):
        window.scene.drop_card(card, centre_of(window, "not-coproduction"))
    first_slot = window.scene.item_for(a).sceneBoundingRect()
    window.scene.drop_card(c, first_slot.topLeft() + QPointF(5, 5))
    assert [p.card for p in doc.current_group.in_region("not-coproduction")] == [c, a, b]


def test_cards_in_a_region_never_overlap(window):
    doc = window.document
    for card in doc.session.deck.cards[:9]:
        window.scene.drop_card(card.id, centre_of(window, "matrix-full-coproduction"))
    rects = [
        item.sceneBoundingRect().adjusted(3, 3, -3, -3) for item in window.scene.card_items.values()
    ]
    for i, r in enumerate(rects):
        for other in rects[i + 1 :]:
            assert not r.intersects(other)


def test_region_highlights_while_a_card_hovers(window):
    item = window.scene.region_items["ladder-informing"]
    window.scene._highlight(window.scene.region_at(item.rect.center()))
    assert item.highlighted
    assert not window.scene.region_items["ladder-coercion"].highlighted
    window.scene.drop_card(first_card(window), item.rect.center())
    assert not item.highlighted


def test_selecting_a_board_card_shows_details(window):
    card = window.document.session.deck.cards[0]
    window.scene.drop_card(card.id, centre_of(window, "matrix-traditional"))
    window.scene.select_card(card.id)
    assert window.details.title.text() == card.title
    assert window.details.text.text() == card.text
    assert card.source in window.details.source.text()
    assert window.details.note.isEnabled()


def test_note_typed_in_details_is_saved_and_undone_in_one_step(window, qtbot):
    doc = window.document
    card = first_card(window)
    window.scene.drop_card(card, centre_of(window, "matrix-traditional"))
    window.scene.select_card(card)
    window.details.note.setFocus()
    qtbot.keyClicks(window.details.note, "Power stays with staff")
    assert doc.current_group.note(card) == "Power stays with staff"
    doc.undo_stack.undo()  # all the typing is one step
    assert doc.current_group.note(card) == ""
    assert window.details.note.toPlainText() == ""


def test_groups_have_separate_arrangements(window):
    doc = window.document
    card = first_card(window)
    window.scene.drop_card(card, centre_of(window, "matrix-traditional"))
    blue = doc.session.groups[1].id
    window.group_bar.tabs.setCurrentIndex(1)
    assert doc.current_group_id == blue
    assert window.scene.card_items == {}
    assert card in window.tray.card_ids()
    window.group_bar.tabs.setCurrentIndex(0)
    assert window.scene.item_for(card) is not None


def test_add_and_rename_group_are_undoable(window):
    doc = window.document
    group = doc.add_group()
    assert len(doc.session.groups) == 3 and doc.current_group_id == group.id
    assert window.group_bar.tabs.count() == 3
    doc.rename_group(group.id, "Green")
    assert window.group_bar.tabs.tabText(2) == "Green"
    doc.undo_stack.undo()
    assert doc.session.group(group.id).name != "Green"
    doc.undo_stack.undo()
    assert len(doc.session.groups) == 2 and window.group_bar.tabs.count() == 2
    assert doc.current_group_id == doc.session.groups[0].id


def test_tray_keeps_its_scroll_position_when_a_card_leaves(window, qtbot):
    tray = window.tray
    bar = tray.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200)
    bar.setValue(bar.maximum() // 2)
    middle = bar.value()
    window.document.place(first_card(window), "ladder-coercion")
    assert bar.value() == middle


def test_undo_history_is_bounded(window):
    from coprod_desktop.ui.document.document import UNDO_LIMIT

    assert window.document.undo_stack.undoLimit() == UNDO_LIMIT > 0


def test_arrow_keys_in_the_tray_select_the_card_they_reach(window, qtbot):
    from PySide6.QtTest import QTest

    tray = window.tray
    tray.setFocus()
    QTest.keyClick(tray, Qt.Key.Key_Down)
    QTest.keyClick(tray, Qt.Key.Key_Down)
    card_id = tray.selected_card_id()
    assert card_id  # the current card is also the selected one
    assert window.details.card_id == card_id
