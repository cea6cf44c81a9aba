"""The list view as a real tree (issue 16): a branch per lens, its regions, their cards
(each card row naming its place for a screen reader), then the tray; it keeps the
user's place across undo and other changes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coprod_desktop.domain.model import CardDraft
from coprod_desktop.ui.document import edit_commands
from coprod_desktop.ui.panels.list_view import CARD_ROLE, LENS_ROLE

DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole
SPOKEN = Qt.ItemDataRole.AccessibleTextRole


def deck_ids(window) -> list[str]:
    return [c.id for c in window.document.session.deck.cards]


def shown_list(window):
    """The list view as a user has it: shown (hidden, it is rebuilt only when shown)."""
    window.named_actions["list_view"].trigger()
    assert window.list_view.isVisible()
    return window.list_view


def top_texts(tree) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def row(tree, card_id: str, lens: str = ""):
    return next(
        i
        for i in tree._items()
        if i.data(0, CARD_ROLE) == card_id and (not lens or i.data(0, LENS_ROLE) == lens)
    )


def test_lenses_branch_into_regions_and_cards(window):
    a, b = deck_ids(window)[:2]
    window.document.place(a, "matrix-full-coproduction")
    window.document.place(a, "ladder-co-production")
    window.document.place(b, "matrix-full-coproduction")
    tree = shown_list(window)
    tops = top_texts(tree)
    assert tops[0] == "Public service matrix, 2 cards"  # in the board's order
    assert "Ladder of co-production, 1 card" in tops and "Co-production is not ..., 0 cards" in tops
    assert tops[-1].startswith("In the tray, not placed") and len(tops) == 4
    matrix_row = row(tree, a, "matrix")
    region = matrix_row.parent()
    assert region.text(0).startswith("Full co-production, 2 cards")
    assert region.parent() is tree.topLevelItem(0)  # lens > region > card
    assert str(region.data(0, SPOKEN)).startswith("Public service matrix: Full co-production")
    assert matrix_row.data(0, DESCRIPTION) == "Public service matrix: Full co-production"
    assert row(tree, a, "ladder").data(0, DESCRIPTION).endswith(": 7 Co-production")
    tray_row = row(tree, deck_ids(window)[2])
    assert tray_row.data(0, DESCRIPTION) == "in the tray"


def test_the_same_card_on_the_same_lens_stays_selected_when_others_change(window):
    a, b = deck_ids(window)[:2]
    window.document.place(a, "matrix-full-coproduction")
    window.document.place(a, "ladder-co-production")
    tree = shown_list(window)
    tree.setCurrentItem(row(tree, a, "ladder"))
    window.document.place(b, "matrix-traditional")  # rebuilds the tree
    current = tree.currentItem()
    assert current.data(0, CARD_ROLE) == a and current.data(0, LENS_ROLE) == "ladder"


def test_undo_keeps_the_place_of_a_card_that_moves_or_goes(window):
    a, b = deck_ids(window)[:2]
    document = window.document
    document.place(a, "matrix-full-coproduction")
    document.place(b, "matrix-full-coproduction")
    tree = shown_list(window)
    tree.setCurrentItem(row(tree, b, "matrix"))
    document.undo_stack.undo()  # b back in the tray: its row there is the place
    assert tree.selected_card_id() == b and tree.currentItem().parent().text(0).startswith(
        "In the tray"
    )
    tree.setCurrentItem(row(tree, a, "matrix"))
    path = tree._row_path(tree.currentItem())
    document.undo_stack.undo()  # a leaves too; the place is still a's row, now in the tray
    assert tree.selected_card_id() == a
    assert tree.currentItem() is not None and path != tree._row_path(tree.currentItem())


def test_a_row_that_disappears_leaves_the_nearest_row_selected(window):
    document = window.document
    group = document.current_group
    own = edit_commands.add_group_card(document, group.id, CardDraft("custom", "Our idea", ""))
    tree = shown_list(window)
    tree.setCurrentItem(row(tree, own.id))
    path = tree._row_path(tree.currentItem())
    document.undo_stack.undo()  # the own card is gone, and its row
    assert own.id not in {i.data(0, CARD_ROLE) for i in tree._items()}
    current = tree.currentItem()
    assert current is not None and current.parent() is not None  # a row beside it, not the top
    assert tree._row_path(current)[:-1] == path[:-1]  # in the same branch (the tray)


def test_the_scroll_position_survives_a_rebuild(window, qtbot):
    ids = deck_ids(window)
    tree = shown_list(window)
    tree.resize(600, 200)
    qtbot.waitUntil(lambda: tree.verticalScrollBar().maximum() > 0)
    bar = tree.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    tree.setCurrentItem(None)
    window.document.set_note(ids[-1], "a note changes nothing above")
    assert bar.value() == kept


def test_a_hidden_list_is_rebuilt_when_shown_not_on_every_move(window, monkeypatch):
    tree = window.list_view
    assert not tree.isVisible()
    rebuilt = []
    original = tree.refresh
    monkeypatch.setattr(tree, "refresh", lambda *a: rebuilt.append(1) or original(*a))
    ids = deck_ids(window)
    for card_id in ids[:5]:
        window.document.place(card_id, "matrix-traditional")
    assert rebuilt == []  # five moves, no rebuild of a list nobody sees
    shown_list(window)
    assert len(rebuilt) == 1
    assert [r for r in tree.card_rows() if r[0].startswith("Public service matrix: Traditional")]
