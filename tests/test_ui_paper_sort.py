"""Group > Type in a paper sort (issue 18): the facilitator picks a group and a region
and types the codes printed on the paper cards; each code says what it will do, Enter
places every code that can go as one undo step, problems stay in the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from coprod_desktop.domain.card_codes import session_codes
from coprod_desktop.domain.model import CardDraft
from coprod_desktop.ui.dialogs.paper_sort import PaperSortDialog, region_choices


def code_of(session, card_id: str) -> str:
    return session_codes(session)[card_id]


def places(window, card_id: str) -> list[str]:
    return [p.region for p in window.document.current_group.places(card_id)]


@pytest.fixture
def sort(window, qtbot) -> PaperSortDialog:
    window.named_actions["paper_sort"].trigger()
    dialog = window._paper_sort
    assert isinstance(dialog, PaperSortDialog) and dialog.isVisible()
    return dialog


def choose_region(dialog: PaperSortDialog, region_id: str) -> None:
    dialog.regions.setCurrentIndex(dialog.regions.findData(region_id))


def deck_ids(window, kind: str) -> list[str]:
    return [c.id for c in window.document.session.deck.cards if c.kind == kind]


def test_typed_codes_place_their_cards_in_one_undo_step(window, sort, qtbot):
    session = window.document.session
    region = session.board.regions_of("matrix")[0]
    choose_region(sort, region.id)
    a, b, c = deck_ids(window, "activity")[:3]
    sort.codes.setText(" ".join(code_of(session, i).lower() for i in (a, b, c)))
    assert sort.place_button.isEnabled() and "3 card(s) to place" in sort.summary.text()
    depth = window.document.undo_stack.count()
    QTest.keyClick(sort.codes, Qt.Key.Key_Return)
    for card_id in (a, b, c):
        assert places(window, card_id) == [region.id]
    assert window.document.undo_stack.count() == depth + 1
    assert sort.codes.text() == ""
    assert "Placed 3 card(s)" in sort.status.text() and "Red" in sort.status.text()
    sort.undo_button.click()
    assert all(places(window, i) == [] for i in (a, b, c))
    assert sort.status.text().startswith("Undone: Place 3 cards in")


def test_problem_codes_are_explained_and_stay_in_the_field(window, sort):
    session = window.document.session
    blue = session.groups[1]
    own = session.add_group_card(blue.id, CardDraft("custom", "Blue's idea", ""))
    sort.document.set_current_group(session.groups[0].id)
    sort._refill()
    region = session.board.regions_of("matrix")[1]
    choose_region(sort, region.id)
    good = deck_ids(window, "principle")[0]
    others = code_of(session, own.id)
    sort.codes.setText(f"{code_of(session, good)} Z99 hello {others}")
    rows = [sort.feedback.item(i).text() for i in range(sort.feedback.count())]
    assert rows[0].endswith("goes here") and not rows[0].startswith("\u26a0")
    assert rows[1] == "\u26a0 Z99: no card has this code"
    assert rows[2].startswith("\u26a0 hello: not a card code")
    assert rows[3] == f"\u26a0 {others}: another group's own card"
    assert "1 card(s) to place, 3 code(s) to correct" == sort.summary.text()
    sort.place()
    assert places(window, good) == [region.id]
    assert sort.codes.text() == f"Z99 hello {others}"
    assert "3 code(s) left to correct" in sort.status.text()
    assert not sort.place_button.isEnabled()  # nothing left that can go


def test_a_card_elsewhere_moves_and_one_already_there_or_repeated_is_said(window, sort):
    session = window.document.session
    first, second = session.board.regions_of("matrix")[:2]
    a, b = deck_ids(window, "activity")[:2]
    window.document.place(a, first.id)
    window.document.place(b, second.id)
    choose_region(sort, second.id)
    sort.codes.setText(f"{code_of(session, a)} {code_of(session, b)} {code_of(session, a)}")
    rows = [sort.feedback.item(i).text() for i in range(sort.feedback.count())]
    assert rows[0].endswith(f"moves here from {first.label}")
    assert rows[1].endswith("is already here")
    assert rows[2].endswith("typed twice: placed once")
    sort.place()
    assert places(window, a) == [second.id] and places(window, b) == [second.id]


def test_a_card_keeps_its_place_on_the_other_lens(window, sort):
    session = window.document.session
    matrix = session.board.regions_of("matrix")[0]
    rung = session.board.regions_of("ladder")[0]
    a = deck_ids(window, "activity")[0]
    window.document.place(a, matrix.id)
    choose_region(sort, rung.id)
    sort.codes.setText(code_of(session, a))
    assert sort.feedback.item(0).text().endswith("goes here")
    sort.place()
    assert sorted(places(window, a)) == sorted([matrix.id, rung.id])


def test_choosing_a_group_shows_its_board_and_places_there(window, sort):
    session = window.document.session
    blue = session.groups[1]
    sort.groups.setCurrentIndex(1)
    sort.groups.activated.emit(1)
    assert window.document.current_group_id == blue.id
    region = session.board.regions_of("matrix")[0]
    choose_region(sort, region.id)
    a = deck_ids(window, "activity")[0]
    sort.codes.setText(code_of(session, a))
    sort.place()
    assert [p.region for p in blue.places(a)] == [region.id]
    assert session.groups[0].places(a) == []
    window.document.set_current_group(session.groups[0].id)  # the window follows back
    assert sort.groups.currentData() == session.groups[0].id


def test_the_feedback_follows_changes_made_on_the_board(window, sort):
    session = window.document.session
    region = session.board.regions_of("matrix")[0]
    choose_region(sort, region.id)
    a = deck_ids(window, "activity")[0]
    sort.codes.setText(code_of(session, a))
    assert sort.feedback.item(0).text().endswith("goes here")
    window.document.place(a, region.id)  # dragged there meanwhile
    assert sort.feedback.item(0).text().endswith("is already here")
    assert not sort.place_button.isEnabled()


def test_regions_are_offered_lens_by_lens_the_ladder_from_the_top(window):
    choices = region_choices(window.document.session)
    texts = [text for _id, text in choices]
    assert len(choices) == len(window.document.session.board.regions)
    ladder = [t for t in texts if t.startswith("Ladder of co-production: ")]
    assert ladder[0].endswith("7 Co-production") and ladder[-1].endswith("1 Coercion")
    assert len(ladder) == 7
    assert texts[0].startswith("Public service matrix: ")
    assert "Co-production is not ..." in texts  # a lens of one region: said once


def test_the_menu_raises_the_open_window_instead_of_a_second(window, sort):
    window.named_actions["paper_sort"].trigger()
    assert window._paper_sort is sort
    dialogs = [w for w in window.findChildren(PaperSortDialog) if w.isVisible()]
    assert dialogs == [sort]


def test_room_mode_closes_it(window, sort, qtbot):
    window.room.set_room_mode(True)
    qtbot.waitUntil(lambda: not sort.isVisible())
    assert not window.named_actions["paper_sort"].isEnabled()
