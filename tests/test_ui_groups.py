"""Groups in the window: switching by tab and by key, the frame in the group's colour,
recolour / move / remove / copy arrangement (each undoable), and a group's own cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.domain.model import CardDraft
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session
from coprod_desktop.ui.dialogs.group_manager import GroupManagerDialog
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.main_window import MainWindow
from coprod_desktop.ui.panels.group_bar import text_colour_on
from tests.places import only_region


class Refuse:
    """A question that must not be asked in this test."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args, **kwargs):
        raise AssertionError(f"{self.name} was asked")


@pytest.fixture
def window(qtbot):
    document = SessionDocument(content.new_session("Groups", ["Red", "Blue", "Green"]))
    win = MainWindow(document)
    win.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    actions = win.group_bar.group_actions
    for name in (
        "ask_name",
        "ask_colour",
        "confirm_remove",
        "confirm_replace",
        "ask_source",
        "show_error",
    ):
        setattr(actions, name, Refuse(name))
    win.group_bar.own_cards.ask_draft = Refuse("ask_draft")
    win.group_bar.own_cards.show_error = Refuse("own card show_error")
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def deck_card(window: MainWindow, n: int = 0) -> str:
    return window.document.session.deck.cards[n].id


def group_ids(window: MainWindow) -> list[str]:
    return [g.id for g in window.document.session.groups]


def frame_colour(window: MainWindow) -> str:
    return window.board_view.styleSheet()


# --- switching ---------------------------------------------------------------------------


def test_tabs_show_each_group_in_its_colour(window):
    tabs = window.group_bar.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Red", "Blue", "Green"]
    assert tabs.colours == [g.colour for g in window.document.session.groups]
    assert tabs.currentIndex() == 0
    assert tabs.tabSizeHint(0).height() >= 44  # a touch target


@pytest.mark.parametrize(
    ("key", "index"), [(Qt.Key.Key_2, 1), (Qt.Key.Key_3, 2), (Qt.Key.Key_1, 0)]
)
def test_number_keys_switch_group_and_the_frame_follows(window, qtbot, key, index):
    document = window.document
    document.place(deck_card(window), "ladder-coercion")  # on Red's board
    window.board_view.setFocus()
    qtbot.keyClick(window.board_view, key)
    group = document.session.groups[index]
    assert document.current_group_id == group.id
    assert window.group_bar.tabs.currentIndex() == index
    assert QColor(group.colour).name() in frame_colour(window)
    on_board = window.scene.item_for(deck_card(window)) is not None
    assert on_board == (index == 0)


def test_a_key_past_the_last_group_does_nothing(window, qtbot):
    window.board_view.setFocus()
    qtbot.keyClick(window.board_view, Qt.Key.Key_9)
    assert window.document.current_group_id == group_ids(window)[0]


def test_typing_a_digit_in_a_note_stays_in_the_note(window, qtbot):
    card = deck_card(window)
    window.document.place(card, "ladder-coercion")
    window.scene.select_card(card)
    window.details.note.setFocus()
    qtbot.keyClicks(window.details.note, "2 reasons")
    assert window.document.current_group_id == group_ids(window)[0]
    assert window.document.current_group.note(card) == "2 reasons"


def test_the_bar_line_and_the_current_tab_use_the_current_colour(window):
    bar = window.group_bar
    bar.switch_to(1)
    image = bar.grab().toImage()
    blue = QColor(window.document.session.groups[1].colour)
    assert image.pixelColor(bar.width() // 2, bar.height() - 2).name() == blue.name()
    tab_rect = bar.tabs.tabRect(1)
    centre_left = bar.tabs.mapTo(bar, tab_rect.topLeft()) + tab_rect.center() - tab_rect.topLeft()
    # the current tab is filled with the group's colour (sampled beside its centred name)
    sample = image.pixelColor(centre_left.x() - tab_rect.width() // 2 + 8, centre_left.y())
    assert sample.name() == blue.name()


def test_text_on_a_tab_is_readable_on_light_and_dark_colours():
    assert text_colour_on("#f0e442").name() == "#000000"  # yellow
    assert text_colour_on("#0072b2").name() == "#ffffff"  # blue
    assert text_colour_on("#000000").name() == "#ffffff"


# --- recolour, move, remove ----------------------------------------------------------------


def test_recolour_is_undoable_and_updates_tab_and_frame(window):
    actions = window.group_bar.group_actions
    actions.ask_colour = lambda group: "#123456"
    assert actions.recolour()
    assert window.document.current_group.colour == "#123456"
    assert window.group_bar.tabs.colours[0] == "#123456"
    assert "#123456" in frame_colour(window)
    window.document.undo_stack.undo()
    old = content.new_session("x", ["a"]).groups[0].colour
    assert window.document.current_group.colour == old
    assert QColor(old).name() in frame_colour(window)


def test_cancelled_colour_changes_nothing(window):
    window.group_bar.group_actions.ask_colour = lambda group: None
    assert not window.group_bar.group_actions.recolour()
    assert not window.document.undo_stack.canUndo()


def test_move_group_from_the_tab_menu_and_undo(window):
    menu = window.group_bar.group_menu(group_ids(window)[0])
    move_right = next(a for a in menu.actions() if a.text() == "Move right")
    assert not next(a for a in menu.actions() if a.text() == "Move left").isEnabled()
    move_right.trigger()
    tabs = window.group_bar.tabs
    assert [tabs.tabText(i) for i in range(3)] == ["Blue", "Red", "Green"]
    assert window.document.current_group.name == "Red"  # still the current group
    assert tabs.currentIndex() == 1
    window.document.undo_stack.undo()
    assert [tabs.tabText(i) for i in range(3)] == ["Red", "Blue", "Green"]


def test_removing_a_group_with_placements_asks_first(window):
    document = window.document
    blue = group_ids(window)[1]
    document.set_current_group(blue)
    document.place(deck_card(window), "ladder-coercion")
    asked = []
    actions = window.group_bar.group_actions
    actions.confirm_remove = lambda group: asked.append(group.name) or False
    assert not actions.remove(blue)
    assert asked == ["Blue"]
    assert len(document.session.groups) == 3
    actions.confirm_remove = lambda group: True
    assert actions.remove(blue)
    assert [g.name for g in document.session.groups] == ["Red", "Green"]
    # the current group moved to a neighbour and every view followed
    assert document.current_group.name == "Green"
    assert window.group_bar.tabs.tabText(window.group_bar.tabs.currentIndex()) == "Green"
    assert window.scene.card_items == {}
    document.undo_stack.undo()
    assert [g.name for g in document.session.groups] == ["Red", "Blue", "Green"]
    assert document.current_group_id == blue
    assert window.scene.item_for(deck_card(window)) is not None
    document.undo_stack.redo()
    assert len(document.session.groups) == 2


def test_removing_an_empty_group_asks_nothing(window):
    actions = window.group_bar.group_actions
    assert actions.remove(group_ids(window)[2])  # confirm_remove would raise
    assert len(window.document.session.groups) == 2


def test_the_last_group_cannot_be_removed(window):
    actions = window.group_bar.group_actions
    actions.remove(group_ids(window)[2])
    actions.remove(group_ids(window)[1])
    errors = []
    actions.show_error = errors.append
    assert not actions.remove()
    assert "at least one group" in errors[0]
    assert len(window.document.session.groups) == 1


def test_rename_refuses_a_name_another_group_has(window):
    actions = window.group_bar.group_actions
    actions.ask_name = lambda title, current: " blue "
    errors = []
    actions.show_error = errors.append
    assert not actions.rename()
    assert "already called “\u2068Blue\u2069”" in errors[0]
    actions.ask_name = lambda title, current: "  Red   team "
    assert actions.rename()
    assert window.group_bar.tabs.tabText(0) == "Red team"


def test_at_most_twelve_groups(window):
    actions = window.group_bar.group_actions
    for _ in range(9):
        assert actions.add()
    assert not window.group_bar.add_button.isEnabled()
    errors = []
    actions.show_error = errors.append
    assert actions.add() == ""
    assert "at most 12" in errors[0]


# --- copy arrangement -------------------------------------------------------------------


def test_copy_arrangement_from_another_group(window):
    document = window.document
    red, blue, _ = group_ids(window)
    a, b = deck_card(window, 0), deck_card(window, 1)
    document.place(a, "ladder-coercion")
    document.place(b, "matrix-traditional")
    document.set_note(a, "why")
    document.set_current_group(blue)
    actions = window.group_bar.group_actions
    actions.ask_source = lambda target: red
    assert actions.copy_from()  # blue's board is empty: nothing to confirm
    assert [(p.card, p.region) for p in document.current_group.placements] == [
        (a, "ladder-coercion"),
        (b, "matrix-traditional"),
    ]
    assert document.current_group.notes == {a: "why"}
    assert {c for c, _lens in window.scene.card_items} == {a, b}
    assert a not in window.tray.card_ids()
    document.undo_stack.undo()
    assert document.current_group.placements == []
    assert window.scene.card_items == {}


def test_copy_over_a_board_with_cards_asks_first(window):
    document = window.document
    red, blue, _ = group_ids(window)
    document.place(deck_card(window, 0), "ladder-coercion")
    document.set_current_group(blue)
    document.place(deck_card(window, 5), "ladder-informing")
    actions = window.group_bar.group_actions
    actions.confirm_replace = lambda source, target: False
    assert not actions.copy_from(red)
    assert [p.card for p in document.current_group.placements] == [deck_card(window, 5)]
    actions.confirm_replace = lambda source, target: True
    assert actions.copy_from(red)
    assert [p.card for p in document.current_group.placements] == [deck_card(window, 0)]


def test_copy_from_the_tab_menu(window):
    red, blue, _ = group_ids(window)
    window.document.place(deck_card(window), "ladder-coercion")
    menu = window.group_bar.group_menu(blue)
    copy_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    entry = next(a for a in copy_menu.actions() if a.text() == "\u2068Red\u2069")
    entry.trigger()
    assert window.document.session.group(blue).places(deck_card(window)) != []


# --- the Manage groups dialog ----------------------------------------------------------------


def test_manage_groups_dialog(window, qtbot):
    dialog = GroupManagerDialog(window.document, window.group_bar.group_actions, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 3
    assert not dialog.buttons["up"].isEnabled()
    dialog.list.setCurrentRow(0)
    dialog.buttons["down"].click()
    assert [g.name for g in window.document.session.groups] == ["Blue", "Red", "Green"]
    assert dialog.list.currentRow() == 1  # the moved group stays selected
    dialog.buttons["add"].click()
    assert dialog.list.count() == 4
    assert dialog.list.currentItem().text().startswith("\u2068Group 4\u2069")
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert dialog.list.count() == 3
    assert dialog.list.item(0).text().startswith("\u2068Red\u2069")


# --- the group's own cards ------------------------------------------------------------------


def test_add_own_card_appears_in_the_tray_and_is_saved_and_printed(window, tmp_path: Path):
    pypdf = pytest.importorskip("pypdf")
    document = window.document
    own = window.group_bar.own_cards
    own.ask_draft = lambda heading, card: CardDraft(
        "custom", "Our service <b>does</b> tea", "Neighbours run the café"
    )
    window.group_bar.own_card_button.click()
    red = document.current_group
    (card,) = red.cards
    assert card.kind == "custom" and card.title == "Our service <b>does</b> tea"
    assert card.id in window.tray.card_ids()
    assert window.tray.selected_card_id() == card.id  # selected, ready to place
    document.place(card.id, "matrix-full-coproduction")
    document.set_current_group(group_ids(window)[1])
    assert card.id not in window.tray.card_ids()  # only Red has it
    target = tmp_path / "s.json"
    window.files.ask_save_path = lambda *args: target
    assert window.files.save()
    saved = load_session(target)
    assert saved.groups[0].cards == [card]
    assert only_region(saved.groups[0], card.id) == "matrix-full-coproduction"
    # The handout is made from the saved file, as the CLI and the export both do.
    from coprod_desktop.handout import HandoutOptions, write_handout

    pdf = tmp_path / "h.pdf"
    write_handout(saved, pdf, HandoutOptions())
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Our service <b>does</b> tea" in " ".join(text.split())
    assert "Neighbours run the café" in " ".join(text.split())


def test_edit_and_delete_own_card_are_undoable(window):
    document = window.document
    own = window.group_bar.own_cards
    own.ask_draft = lambda heading, card: CardDraft("activity", "Draft")
    card_id = own.add()
    document.place(card_id, "ladder-co-design")
    document.set_note(card_id, "note")
    own.ask_draft = lambda heading, card: CardDraft("custom", "Final", "Body")
    assert own.edit(card_id)
    assert document.current_group.cards[0].title == "Final"
    assert window.scene.item_for(card_id).card.title == "Final"
    assert own.delete(card_id)
    assert document.current_group.cards == []
    assert window.scene.item_for(card_id) is None
    document.undo_stack.undo()  # delete
    assert document.current_group.note(card_id) == "note"
    assert window.scene.item_for(card_id) is not None
    document.undo_stack.undo()  # edit
    assert document.current_group.cards[0].title == "Draft"
    for _ in range(3):  # note, place, add
        document.undo_stack.undo()
    assert document.current_group.cards == []
    assert card_id not in window.tray.card_ids()


def test_own_card_menu_entries_act_on_the_selected_own_card_only(window):
    document = window.document
    own = window.group_bar.own_cards
    own.ask_draft = lambda heading, card: CardDraft("custom", "Ours")
    card_id = own.add()
    window.tray.select_card(deck_card(window))
    window.named_actions["delete_own_card"].trigger()  # a deck card: nothing happens
    assert len(document.current_group.cards) == 1
    assert "deck cards are edited" in window.statusBar().currentMessage()
    window.tray.select_card(card_id)
    window.named_actions["delete_own_card"].trigger()
    assert document.current_group.cards == []


def test_cancelled_own_card_changes_nothing(window):
    window.group_bar.own_cards.ask_draft = lambda heading, card: None
    assert window.group_bar.add_own_card() == ""
    assert not window.document.undo_stack.canUndo()


# --- the card form ------------------------------------------------------------------------


def test_card_form_enter_in_the_title_or_ctrl_enter_saves(qtbot):
    from coprod_desktop.domain.kinds import GROUP_CARD_KINDS
    from coprod_desktop.ui.dialogs.custom_card import CardDialog

    form = CardDialog(None, "New card", GROUP_CARD_KINDS)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)  # shortcuts work in the active window
    qtbot.keyClick(form.title, Qt.Key.Key_Return)
    assert form.isVisible() and "title" in form.error.text()  # no title yet
    qtbot.keyClicks(form.title, "Tea club")
    form.text.setFocus()
    qtbot.keyClicks(form.text, "We meet")
    qtbot.keyClick(form.text, Qt.Key.Key_Return)  # a new line in the text
    assert form.isVisible()
    qtbot.keyClick(form.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    assert form.draft() == CardDraft("custom", "Tea club", "We meet")


def test_with_twelve_groups_the_current_name_is_never_cut(window):
    actions = window.group_bar.group_actions
    for _ in range(9):
        actions.add()
    document = window.document
    document.rename_group(document.current_group_id, "Table 12 – by the window")
    tabs = window.group_bar.tabs
    index = tabs.currentIndex()
    needed = tabs.fontMetrics().horizontalAdvance("Table 12 – by the window")
    assert tabs.tabRect(index).width() >= needed + 24


def test_an_own_cards_right_click_menu_edits_and_deletes_it(window):
    document = window.document
    own = window.group_bar.own_cards
    own.ask_draft = lambda heading, card: CardDraft("custom", "Ours")
    card_id = own.add()
    document.place(card_id, "ladder-co-design")
    window.show_move_menu(card_id, window.mapToGlobal(window.rect().center()))
    menu = window.move_menu
    entries = {a.text(): a for a in menu.actions()}
    menu.close()
    own.ask_draft = lambda heading, card: CardDraft("activity", "Ours, edited")
    entries["Edit our card..."].trigger()
    assert document.current_group.cards[0].title == "Ours, edited"
    assert only_region(document.current_group, card_id) == "ladder-co-design"  # not moved
    entries["Delete our card"].trigger()
    assert document.current_group.cards == []
    window.show_move_menu(deck_card(window), window.mapToGlobal(window.rect().center()))
    assert "Delete our card" not in [a.text() for a in window.move_menu.actions()]
    window.move_menu.close()


# --- the title's length -------------------------------------------------------------------

LONG_TITLE = (
    "Our service does lots of things together with the people who use it and "
    "with their families, friends, neighbours and the staff who support them"
)


def open_form(qtbot, card=None):
    from coprod_desktop.domain.kinds import GROUP_CARD_KINDS
    from coprod_desktop.ui.dialogs.custom_card import CardDialog

    form = CardDialog(None, "Card", GROUP_CARD_KINDS, card)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_card_form_counts_the_titles_characters_and_refuses_more_than_60(qtbot):
    form = open_form(qtbot)
    assert form.counter.text() == "0/60"
    form.title.setText(LONG_TITLE)  # pasted: the whole text shows, to be cut down
    assert len(LONG_TITLE) > 140 and form.title.text() == LONG_TITLE
    assert form.counter.text() == f"{len(LONG_TITLE)}/60 too long"
    assert "b00020" in form.counter.styleSheet()
    form.accept()
    assert form.isVisible()
    assert f"The title has {len(LONG_TITLE)} characters: shorten it to 60" in form.error.text()
    assert "read from the back of the room; put the rest in the text" in form.error.text()
    assert "60" in form.title.toolTip() and "back of the room" in form.title.toolTip()
    form.title.setText("Our service does things with people")
    assert form.counter.text() == "35/60" and form.counter.styleSheet() == ""
    assert form.error.text() == ""
    form.accept()
    assert not form.isVisible()


def test_card_form_keeps_an_old_long_title_left_as_it_was(qtbot):
    """A card from an older file may have a longer title: its text can still be edited."""
    from coprod_desktop.domain.model import Card

    form = open_form(qtbot, Card("own-1", "custom", LONG_TITLE, "old"))
    assert form.counter.text().endswith("too long")
    form.text.setPlainText("new text")
    form.accept()
    assert not form.isVisible()
    form2 = open_form(qtbot, Card("own-1", "custom", LONG_TITLE, "old"))
    form2.title.setText(LONG_TITLE + " too")
    form2.accept()
    assert form2.isVisible()


def test_an_overlong_own_card_that_gets_past_the_form_is_refused_and_nothing_changes(window):
    own = window.group_bar.own_cards
    errors = []
    own.show_error = errors.append
    own.ask_draft = lambda heading, card: CardDraft("custom", LONG_TITLE)
    assert own.add() == ""
    assert "at most 60 (titles are read from the back of the room" in errors[0]
    assert window.document.current_group.cards == []
    assert not window.document.undo_stack.canUndo()
