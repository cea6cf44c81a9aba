"""Every gesture per lens in the window: drag, tap-tap, the Move to menu, the keyboard and
the list view give a card one place on the matrix and one on the ladder; the two places
are visibly one card; principles are marked by drop, tap or menu; each step undoes alone."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

from coprod_desktop.ui.board.items import card_mime
from coprod_desktop.ui.main_window import MainWindow
from coprod_desktop.ui.panels.move_menu import OFF, TRAY, build_move_menu
from tests.places import regions

CARD = "activity-gp-time-bank"
OTHER = "activity-fast-sessions"
CELL, CELL2 = "matrix-full-coproduction", "matrix-traditional"
RUNG, RUNG2 = "ladder-co-production", "ladder-engagement"
ASSETS = "principle-assets"


def corner(win: MainWindow, region_id: str) -> QPointF:
    """An empty point of the region (bottom right): a drop there appends."""
    return win.scene.region_items[region_id].rect.bottomRight() - QPointF(6, 6)


def click(win: MainWindow, scene_pos: QPointF) -> None:
    QTest.mouseClick(
        win.board_view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        win.board_view.mapFromScene(scene_pos),
    )


def centre_of_item(win: MainWindow, card: str, lens: str) -> QPointF:
    return win.scene.item_for(card, lens).sceneBoundingRect().center()


def plain(text: str) -> str:
    """Menu text without the isolation marks around user text (U+2068, U+2069)."""
    return text.replace("\u2068", "").replace("\u2069", "")


def group(win: MainWindow):
    return win.document.current_group


def test_a_drag_onto_the_ladder_gives_a_card_in_a_cell_a_second_place(window) -> None:
    assert window.scene.drop_card(CARD, corner(window, CELL))
    assert window.scene.drop_card(CARD, corner(window, RUNG))
    assert regions(group(window), CARD) == [CELL, RUNG]
    assert set(window.scene.card_items) == {(CARD, "matrix"), (CARD, "ladder")}
    assert CARD not in window.tray.card_ids()
    # within a lens a drag moves the place
    assert window.scene.drop_card(CARD, corner(window, RUNG2))
    assert regions(group(window), CARD) == [CELL, RUNG2]
    # one undo step each
    window.document.undo_stack.undo()
    assert regions(group(window), CARD) == [CELL, RUNG]
    window.document.undo_stack.undo()
    assert regions(group(window), CARD) == [CELL]
    assert window.document.undo_stack.undoText().startswith("Place \u201cGP surgery")


def test_a_real_drop_event_from_a_board_card_onto_another_lens(window) -> None:
    window.document.place(CARD, CELL)
    view = window.board_view
    mime = card_mime(CARD, "matrix")  # dragged from its cell
    target = view.mapFromScene(corner(window, RUNG))
    event = QDropEvent(
        QPointF(target),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    assert regions(group(window), CARD) == [CELL, RUNG]


def test_dragging_one_place_to_the_tray_takes_only_that_place_off(window) -> None:
    window.document.place(CARD, CELL)
    window.document.place(CARD, RUNG)
    mime = card_mime(CARD, "ladder")  # kept: the event does not own it
    drop = QDropEvent(
        QPointF(window.tray.viewport().rect().center()),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.tray.dropEvent(drop)
    assert regions(group(window), CARD) == [CELL]
    assert window.document.undo_stack.undoText().startswith(
        "Take \u201cGP surgery time bank\u201d off"
    )
    assert not window.tray.accepts(OTHER)  # in the tray already: nothing to take off


def test_selecting_one_place_highlights_its_twin(window) -> None:
    window.document.place(CARD, CELL)
    window.document.place(CARD, RUNG)
    window.document.place(OTHER, CELL)
    window.scene.select_card(CARD, "ladder")
    on_ladder = window.scene.item_for(CARD, "ladder")
    in_cell = window.scene.item_for(CARD, "matrix")
    assert on_ladder.isSelected() and not in_cell.isSelected()
    assert in_cell.look.twin and not on_ladder.look.twin
    assert not window.scene.item_for(OTHER, "matrix").look.twin
    window.scene.select_card(OTHER)
    assert not in_cell.look.twin and not on_ladder.look.twin


def test_tap_tap_per_lens(window) -> None:
    window.tray.select_card(CARD)
    click(window, corner(window, CELL))  # tray card, then a cell: placed
    click(window, centre_of_item(window, CARD, "matrix"))  # the card, then a rung
    click(window, corner(window, RUNG))
    assert regions(group(window), CARD) == [CELL, RUNG]
    click(window, centre_of_item(window, CARD, "ladder"))  # its rung, then another rung
    click(window, corner(window, RUNG2))
    assert regions(group(window), CARD) == [CELL, RUNG2]


def test_the_move_menu_groups_by_lens_and_marks_each_place(window) -> None:
    window.document.place(CARD, CELL)
    menu = build_move_menu(window.document, CARD, window)
    sections = [plain(a.text()) for a in menu.actions() if a.isSeparator() and a.text()]
    assert sections[0] == "Public service matrix \u2014 now: Full co-production"
    assert sections[1] == "Ladder of co-production"  # no rung yet
    checked = [a.data() for a in menu.actions() if a.isCheckable() and a.isChecked()]
    assert checked == [CELL]
    ladder = [a.data() for a in menu.actions() if str(a.data()).startswith("ladder-")]
    assert ladder[0] == "ladder-co-production" and ladder[-1] == "ladder-coercion"  # top first
    next(a for a in menu.actions() if a.data() == RUNG).trigger()
    assert regions(group(window), CARD) == [CELL, RUNG]
    menu = build_move_menu(window.document, CARD, window)
    checked = [a.data() for a in menu.actions() if a.isCheckable() and a.isChecked()]
    assert checked == [CELL, RUNG]
    next(a for a in menu.actions() if a.data() == OFF + "matrix").trigger()
    assert regions(group(window), CARD) == [RUNG]
    menu = build_move_menu(window.document, CARD, window)
    next(a for a in menu.actions() if a.data() == TRAY).trigger()
    assert regions(group(window), CARD) == []


def test_the_move_menu_marks_principles(window) -> None:
    window.document.place(CARD, CELL)
    menu = build_move_menu(window.document, CARD, window)
    marks = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert marks.title() == "Principles it shows"
    assets = next(a for a in marks.actions() if plain(a.text()) == "Recognising people as assets")
    assets.trigger()
    assert group(window).marks_of(CARD) == [ASSETS]
    menu = build_move_menu(window.document, CARD, window)
    marks = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assets = next(a for a in marks.actions() if plain(a.text()) == "Recognising people as assets")
    assert assets.isChecked()
    assets.trigger()
    assert group(window).marks_of(CARD) == []
    # a card in the tray has nothing to mark yet
    tray_menu = build_move_menu(window.document, OTHER, window)
    assert all(a.menu() is None for a in tray_menu.actions())


def test_a_principle_dropped_or_tapped_on_a_card_marks_it(window) -> None:
    window.document.place(CARD, CELL)
    window.document.place(CARD, RUNG)
    assert window.scene.drop_card(ASSETS, centre_of_item(window, CARD, "ladder"))
    assert group(window).marks_of(CARD) == [ASSETS]
    assert ASSETS in window.tray.card_ids()  # the principle stays in the tray
    assert window.scene.item_for(CARD, "matrix").look.badges == ("1",)
    assert window.scene.item_for(CARD, "ladder").look.badges == ("1",)  # on both places
    window.document.undo_stack.undo()
    assert group(window).marks_of(CARD) == []
    window.tray.select_card("principle-reciprocity")  # tap the principle, then the card
    click(window, centre_of_item(window, CARD, "matrix"))
    assert group(window).marks_of(CARD) == ["principle-reciprocity"]
    assert window.document.undo_stack.undoText().startswith("Mark \u201cGP surgery time bank\u201d")


def test_the_details_panel_lists_the_places_marks_and_keeps_the_note(window) -> None:
    window.document.place(CARD, CELL)
    window.document.mark(CARD, ASSETS)
    window.scene.select_card(CARD)
    details = window.details
    assert "Public service matrix: Full co-production" in details.where.text()
    assert "(no rung yet)" in details.where.text()
    assert "(1) Recognising people as assets:" in details.marks.text()
    assert not details.mark_button.isHidden()
    details.note.setPlainText("Patients and staff both give hours")
    window.document.unplace(CARD)  # back to the tray: the note stays, the marks go
    window.tray.select_card(CARD)
    assert details.note.toPlainText() == "Patients and staff both give hours"
    assert details.marks.text() == ""
    assert details.mark_button.isHidden()  # marks are for placed cards
    window.document.place(CARD, RUNG)
    window.scene.select_card(CARD)
    assert details.note.toPlainText() == "Patients and staff both give hours"
    details.toggle_mark("principle-capabilities")
    assert group(window).marks_of(CARD) == ["principle-capabilities"]


def test_delete_takes_the_selected_place_off_its_lens_only(window) -> None:
    window.document.place(CARD, CELL)
    window.document.place(CARD, RUNG)
    window.scene.select_card(CARD, "ladder")
    window.board_view.setFocus()
    QTest.keyClick(window.board_view, Qt.Key.Key_Delete)
    assert regions(group(window), CARD) == [CELL]


def test_arrow_keys_visit_both_places_of_a_card(window) -> None:
    window.document.place(CARD, CELL)
    window.document.place(CARD, RUNG)
    window.scene.select_neighbour(1)
    first = window.scene.selected_key()
    window.scene.select_neighbour(1)
    second = window.scene.selected_key()
    assert {first, second} == {(CARD, "matrix"), (CARD, "ladder")}


def test_the_list_view_shows_each_place_and_deletes_one(window) -> None:
    window.document.place(CARD, CELL)
    window.document.place(CARD, RUNG)
    window.document.place(OTHER, CELL)
    window.named_actions["list_view"].trigger()
    rows = window.list_view.card_rows()
    headings = [r[0] for r in rows if r[1].startswith("GP surgery time bank")]
    assert headings[0].startswith("Public service matrix: Full co-production")
    assert headings[1].startswith("Ladder of co-production: 7 Co-production")
    fast = next(r for r in rows if r[1].startswith("FAST family sessions"))
    assert "no rung yet" in fast[1]
    window.list_view.select_card(CARD, "ladder")
    QTest.keyClick(window.list_view, Qt.Key.Key_Delete)
    assert regions(group(window), CARD) == [CELL]


def test_still_to_decide_counts_and_shows_the_next_card(window) -> None:
    button = window.still_to_decide
    assert not button.isEnabled() and "Every placed card has its cell and rung" in button.text()
    window.document.place(CARD, CELL)
    window.document.place(OTHER, RUNG)
    window.document.place("not-volunteering", "not-coproduction")  # needs nothing more
    assert button.isEnabled()
    assert button.text().startswith("2 cards still need a cell or a rung")
    assert window.scene.item_for(CARD, "matrix").look.missing == "no rung yet"
    assert window.scene.item_for(OTHER, "ladder").look.missing == "no cell yet"
    assert window.scene.item_for("not-volunteering", "not").look.missing == ""
    button.click()
    assert window.scene.selected_card_id() == CARD
    button.click()
    assert window.scene.selected_card_id() == OTHER
    window.document.place(CARD, RUNG)
    assert button.text().startswith("1 card still needs a cell")
    assert window.scene.item_for(CARD, "matrix").look.missing == ""
