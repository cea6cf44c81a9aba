"""The debrief in the window: every group's places of one card on the board at once, the
cards most contested first per lens, and the facilitator's key hidden until revealed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coprod_desktop.domain.model import KeyPlace, Session
from coprod_desktop.files import builtin as content
from coprod_desktop.ui.debrief.scene import GroupChip, KeyMark

BANK, SURVEY = "activity-gp-time-bank", "activity-library-hours-survey"
WHY = "Patients and staff both give hours; the surgery still runs it."


@pytest.fixture
def session() -> Session:
    s = content.new_session("Debrief", ["Red", "Blue", "Green"])
    a, b, c = (g.id for g in s.groups)
    for g, rung in ((a, "ladder-co-production"), (b, "ladder-engagement"), (c, "ladder-coercion")):
        s.place(g, BANK, rung)
        s.place(g, SURVEY, "ladder-consultation")
    s.place(a, BANK, "matrix-full-coproduction")
    s.set_note(b, BANK, "Staff still decide who joins.")
    key = (KeyPlace("ladder-co-design", "contested", WHY),)
    s.deck = replace(  # one keyed card: the built-in deck's own key is left out here
        s.deck,
        cards=tuple(replace(c, reference=key if c.id == BANK else ()) for c in s.deck.cards),
    )
    return s


@pytest.fixture
def win(open_window, session: Session):
    w = open_window(session)
    w.named_actions["debrief"].trigger()
    return w


def ladder_tab(win) -> None:
    lenses = [lens.id for lens in win.document.session.board.lenses]
    win.debrief.lenses.setCurrentIndex(lenses.index("ladder"))


def test_the_debrief_replaces_the_board_and_leaves_again(win) -> None:
    assert win.centre_stack.currentWidget() is win.debrief
    assert win.side.isHidden() and win.named_actions["debrief"].isChecked()
    win.debrief.back_button.click()
    assert win.centre_stack.currentWidget() is win.board_view
    assert not win.side.isHidden() and not win.named_actions["debrief"].isChecked()


def test_cards_are_listed_most_contested_first_with_their_agreement(win) -> None:
    ladder_tab(win)
    rows = [win.debrief.cards.item(i).text() for i in range(win.debrief.cards.count())]
    assert rows[0].startswith("GP surgery time bank — 3 rungs, 6 apart, agreement 33%")
    assert rows[1].startswith("Library opening-hours survey — 1 rung, agreement 100%")
    assert "Fleiss' kappa" in win.debrief.summary.text()


def test_every_group_that_placed_the_card_has_a_chip_in_its_region(win) -> None:
    ladder_tab(win)
    win.debrief.cards.setCurrentRow(0)
    chips = {(c.name, c.has_note) for c in win.debrief.scene.chips}
    # three rungs and one cell: the chips show both lenses at once
    assert (
        chips == {("Red", False), ("Blue", True), ("Green", False)}
        and len(win.debrief.scene.chips) == 4
    )
    text = win.debrief.places.text()
    assert "Blue: Ladder of co-production: 5 Engagement" in text
    assert "“Staff still decide who joins.”" in text


def test_the_key_is_hidden_until_revealed(win) -> None:
    ladder_tab(win)
    win.debrief.cards.setCurrentRow(0)
    debrief = win.debrief
    assert not any(isinstance(i, KeyMark) for i in debrief.scene.items())
    assert WHY not in debrief.places.text() and "contested" not in debrief.places.text()
    assert "on the key" not in debrief.summary.text()
    assert debrief.reveal_button.isEnabled()
    debrief.reveal_button.click()
    marks = [i for i in debrief.scene.items() if isinstance(i, KeyMark)]
    assert [m.place.region for m in marks] == ["ladder-co-design"]
    assert f"6 Co-design (contested): {WHY}" in debrief.places.text()
    assert "not a verdict" in debrief.places.text()
    assert not debrief.reveal_button.isEnabled()
    # every keyed card revealed: the groups' hits and rung distance appear
    assert "Red: 0 of 1 on the key, 1.0 rungs from it on average" in debrief.summary.text()
    debrief.cards.setCurrentRow(1)  # a card without a key: nothing to reveal
    assert not debrief.reveal_button.isEnabled()


def test_reveal_all_and_a_card_without_places_elsewhere(win) -> None:
    win.debrief.reveal_all()
    assert win.debrief.revealed == {BANK}
    assert not win.debrief.reveal_all_button.isEnabled()


def test_the_debrief_follows_the_groups_after_they_move_cards(win) -> None:
    win.debrief.back_button.click()
    win.document.set_current_group(win.document.session.groups[2].id)
    win.document.place(BANK, "ladder-co-production")
    win.named_actions["debrief"].trigger()
    ladder_tab(win)
    rows = [win.debrief.cards.item(i).text() for i in range(win.debrief.cards.count())]
    assert rows[0].startswith("GP surgery time bank — 2 rungs, 2 apart, agreement 67%")


def test_the_chip_text_is_readable_on_its_colour(win) -> None:
    ladder_tab(win)
    win.debrief.cards.setCurrentRow(0)
    assert all(isinstance(c, GroupChip) for c in win.debrief.scene.chips)
    assert min(c.boundingRect().height() for c in win.debrief.scene.chips) >= 60


def exporter_answering(win, path):
    ex = win.file_exports
    ex.asked = []
    ex.ask_save_path = lambda _title, suggestion, _f: ex.asked.append(suggestion) or path
    ex.errors = []
    ex.show_error = lambda title, message: ex.errors.append(message)
    return ex


def test_export_board_image_while_the_debrief_shows_exports_the_debrief(win, tmp_path) -> None:
    from PySide6.QtGui import QImage

    ladder_tab(win)
    win.debrief.cards.setCurrentRow(0)
    assert win.debrief.card_id == BANK
    ex = exporter_answering(win, tmp_path / "debrief")
    assert ex.export_board_image()
    assert ex.asked == ["debrief-debrief.png"]
    image = QImage(str(tmp_path / "debrief.png"))
    rect = win.debrief.scene.sceneRect()
    assert image.width() == 1920
    assert abs(image.height() - 1920 * rect.height() / rect.width()) <= 1
    assert "GP surgery time bank" in win.statusBar().currentMessage()


def test_the_debrief_svg_is_titled_and_shows_the_groups_not_the_hidden_key(win, tmp_path):
    ladder_tab(win)
    win.debrief.cards.setCurrentRow(0)
    assert win.debrief.card_id == BANK
    ex = exporter_answering(win, tmp_path / "debrief.svg")
    assert ex.export_board_image()
    svg = (tmp_path / "debrief.svg").read_text("utf-8")
    assert "<title>Debrief: where the groups put \u201cGP surgery time bank\u201d</title>" in svg
    assert ">Red<" in svg and ">Blue \u270e<" in svg  # the chips as text (Blue has a note)
    assert WHY not in svg


def test_leaving_the_debrief_exports_the_groups_board_again(win, tmp_path) -> None:
    win.named_actions["debrief"].trigger()  # back to the board
    ex = exporter_answering(win, tmp_path / "board.png")
    assert ex.export_board_image()
    assert ex.asked == ["debrief-red-board.png"]
