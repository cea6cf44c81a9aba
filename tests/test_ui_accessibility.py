"""The board's accessible objects and the announcements, in process (offscreen): Qt hands
out interfaces from the factory even when no assistive technology is active. The same
objects read over AT-SPI by a real client: tests/test_atspi_board.py."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible

from coprod_desktop.files.session_file import load_session
from coprod_desktop.ui import accessibility
from coprod_desktop.ui.board.accessible import BoardAccessible, CardAccessible, RegionAccessible

NAME = QAccessible.Text.Name


@pytest.fixture
def win(open_window, example_path):  # noqa: ANN001, ANN201
    window = open_window(load_session(example_path))
    accessibility.install(window)
    return window


def board_of(win) -> BoardAccessible:  # noqa: ANN001
    iface = QAccessible.queryAccessibleInterface(win.board_view)
    assert isinstance(iface, BoardAccessible)
    return iface


def test_the_board_lists_every_region_in_board_order(win) -> None:  # noqa: ANN001
    board = board_of(win)
    regions = win.document.session.board.regions
    assert board.childCount() == len(regions)
    names = [board.child(i).text(NAME) for i in range(board.childCount())]
    assert names[0] == f"{regions[0].label}, public service matrix"
    assert any(n.endswith(", ladder of co-production") for n in names)
    assert all(isinstance(board.child(i), RegionAccessible) for i in range(len(regions)))
    assert board.child(len(regions)) is None


def test_each_placed_card_is_named_with_kind_and_region(win) -> None:  # noqa: ANN001
    board = board_of(win)
    session, group = win.document.session, win.document.current_group
    named = {}
    for i in range(board.childCount()):
        region = board.child(i)
        for j in range(region.childCount()):
            card = region.child(j)
            assert isinstance(card, CardAccessible)
            assert card.parent() is region and region.indexOfChild(card) == j
            assert card.role() == QAccessible.Role.ListItem
            named[(card.card_id, card.lens)] = card.text(NAME)
    lens_of = session.board.lens_of
    assert set(named) == {(p.card, lens_of(p.region)) for p in group.placements}
    for p in group.placements:
        name = named[(p.card, lens_of(p.region))]
        card = session.card(group, p.card)
        region = session.board.region(p.region)
        assert name.startswith(f"{card.title}, ")
        assert f"in {region.label} (" in name
        assert name.endswith(", has a note") == bool(group.note(p.card))
        assert ("no rung yet" in name) == (session.missing_lenses(group, p.card) == ["ladder"])
        marked = group.marks_of(p.card)
        assert ("shows principle" in name) == bool(marked)


def test_the_same_card_gets_the_same_interface(win) -> None:  # noqa: ANN001
    board = board_of(win)
    region = next(board.child(i) for i in range(board.childCount()) if board.child(i).childCount())
    assert region.child(0) is region.child(0)
    assert QAccessible.uniqueId(region.child(0)) == QAccessible.uniqueId(region.child(0))


def test_a_card_returned_to_the_tray_is_no_longer_valid(win) -> None:  # noqa: ANN001
    board = board_of(win)
    first = win.document.current_group.placements[0]
    card_id = first.card
    card = board.card(card_id, win.document.session.board.lens_of(first.region))
    assert card.isValid()
    win.document.unplace(card_id)
    assert not card.isValid()
    assert card.text(NAME) == ""
    win.document.undo_stack.undo()
    assert card.isValid()


def test_selection_and_focus_follow_the_board(win, qtbot) -> None:  # noqa: ANN001
    board = board_of(win)
    lens_of = win.document.session.board.lens_of
    first, second = win.document.current_group.placements[:2]
    win.board_view.setFocus()
    qtbot.waitUntil(win.board_view.hasFocus)
    win.scene.select_card(first.card, lens_of(first.region))
    state = board.card(first.card, lens_of(first.region)).state()
    assert state.selected and state.focused
    assert board.focusChild() is board.card(first.card, lens_of(first.region))
    assert not board.card(second.card, lens_of(second.region)).state().selected


def test_changes_undo_and_redo_are_announced(win, monkeypatch) -> None:  # noqa: ANN001
    said: list[str] = []
    monkeypatch.setattr(
        accessibility, "announce", lambda _w, text, assertive=False: said.append(text)
    )
    doc = win.document
    card_id = next(c.id for c in doc.session.deck.cards if doc.current_group.places(c.id) == [])
    title = doc.session.card(doc.current_group, card_id).title
    doc.place(card_id, "ladder-co-design")
    assert said[-1].startswith(f"Place \u201c{title}\u201d to ")
    doc.undo_stack.undo()
    assert said[-1].startswith(f"Undone: Place \u201c{title}\u201d")
    doc.undo_stack.redo()
    assert said[-1].startswith(f"Redone: Place \u201c{title}\u201d")
    doc.undo_stack.undo()
    doc.unplace(doc.current_group.placements[0].card)  # a new command after an undo
    assert said[-1].startswith("Return \u201c") and said[-1].count("Redone") == 0
    assert len(said) == 5


def test_announce_is_silent_without_assistive_technology(win) -> None:  # noqa: ANN001
    assert not QAccessible.isActive()
    accessibility.announce(win, "nobody hears this")  # no error, no event


def test_a_region_says_how_many_cards_are_behind_its_plus_n(win) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    win.presentation.enter()
    win.setWindowState(Qt.WindowState.WindowNoState)
    QApplication.processEvents()
    win.resize(1024, 768)
    for _ in range(4):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    scene, board = win.scene, board_of(win)
    region_id, tile = next(iter(scene.more_items.items()))
    index = [r.id for r in win.document.session.board.regions].index(region_id)
    described = board.child(index).text(QAccessible.Text.Description)
    assert f"{tile.hidden} more" in described and "zoom in" in described
