"""Rounds (a snapshot of every group's places, to show what moved) and dot votes (each
group's dots on cards): in the model, in the file, in the window and in the debrief."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from coprod_desktop.domain.debrief import moves_since, votes
from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import Placement
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_schema import (
    SessionFormatError,
    session_from_dict,
    session_to_dict,
)

BANK, FAST = "activity-gp-time-bank", "activity-fast-sessions"


@pytest.fixture
def s():
    s = content.new_session("Rounds", ["Red", "Blue"])
    s.place("g1", BANK, "ladder-engagement")
    s.place("g2", BANK, "ladder-co-design")
    return s


def test_closing_a_round_keeps_every_groups_places_then(s) -> None:
    closed = s.close_round()
    assert closed.name == "Round 1"
    assert closed.places_of("g1") == (Placement(BANK, "ladder-engagement"),)
    s.place("g1", BANK, "ladder-co-production")  # after the discussion
    s.place("g1", FAST, "matrix-full-coproduction")
    assert closed.places_of("g1") == (Placement(BANK, "ladder-engagement"),)  # unchanged
    ladder = moves_since(s, closed, "ladder")
    assert [(m.card, m.before, m.after) for m in ladder.by_group["g1"]] == [
        (BANK, "ladder-engagement", "ladder-co-production")
    ]
    assert ladder.by_group["g2"] == () and ladder.total == 1
    matrix = moves_since(s, closed, "matrix")
    assert [(m.card, m.before, m.after) for m in matrix.by_group["g1"]] == [
        (FAST, None, "matrix-full-coproduction")  # from the tray
    ]
    with pytest.raises(DomainError, match="already a round called 'Round 1'"):
        s.close_round("Round 1")
    assert s.close_round("After lunch").name == "After lunch"
    s.reopen_round("After lunch")
    assert [r.name for r in s.rounds] == ["Round 1"]


def test_dots_are_limited_per_group_and_counted_across_groups(s) -> None:
    with pytest.raises(DomainError, match="used all its 0 dots"):
        s.vote("g1", BANK, 1)
    s.set_dots(2)
    s.vote("g1", BANK, 1)
    s.vote("g1", BANK, 1)
    with pytest.raises(DomainError, match="used all its 2 dots"):
        s.vote("g1", FAST, 1)
    s.vote("g2", FAST, 1)
    s.vote("g2", BANK, 1)
    assert [(t.card, t.votes) for t in votes(s)] == [(BANK, 3), (FAST, 1)]
    with pytest.raises(DomainError, match="take some back first"):
        s.set_dots(1)
    s.vote("g1", BANK, -1)
    s.vote("g1", BANK, -1)
    assert s.group("g1").votes == {}
    with pytest.raises(DomainError, match="no dot"):
        s.vote("g1", BANK, -1)
    s.remove_deck_card(FAST)  # a card taken out of the deck takes its dots with it
    assert s.group("g2").votes == {BANK: 1}


def test_rounds_dots_and_votes_round_trip_through_the_file(s) -> None:
    s.close_round()
    s.set_dots(3)
    s.vote("g2", BANK, 2)
    data = session_to_dict(s)
    assert data["dots"] == 3
    assert data["rounds"] == [
        {
            "name": "Round 1",
            "groups": [
                {"group": "g1", "placements": [{"card": BANK, "region": "ladder-engagement"}]},
                {"group": "g2", "placements": [{"card": BANK, "region": "ladder-co-design"}]},
            ],
        }
    ]
    assert data["groups"][1]["votes"] == [{"card": BANK, "dots": 2}]
    assert "votes" not in data["groups"][0]  # no dots, no key
    again = session_from_dict(json.loads(json.dumps(data)))
    assert again.rounds == s.rounds and again.dots == 3 and again.group("g2").votes == {BANK: 2}
    plain = session_to_dict(content.new_session("Plain", ["A"]))
    assert "dots" not in plain and "rounds" not in plain  # absent: no voting, no rounds


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (lambda d: d.update(dots=-1), "dots", "whole number from 0"),
        (lambda d: d.update(dots=99), "dots", "0 to 20"),
        (lambda d: d["groups"][1]["votes"][0].update(dots=9), "groups[1].votes", "dots used"),
        (
            lambda d: d["groups"][1]["votes"][0].update(dots=0),
            "groups[1].votes[0].dots",
            "whole number",
        ),
        (
            lambda d: d["groups"][1]["votes"].append({"card": BANK, "dots": 1}),
            "groups[1].votes[1].card",
            "twice",
        ),
        (
            lambda d: d["groups"][1]["votes"][0].update(card="ghost"),
            "groups[1].votes[0].card",
            "unknown card",
        ),
        (lambda d: d["rounds"].append(d["rounds"][0]), "rounds[1].name", "duplicate round name"),
        (lambda d: d["rounds"][0].update(name=" "), "rounds[0].name", "empty"),
    ],
)
def test_bad_rounds_and_votes_are_refused_with_the_field(s, change, where, words) -> None:
    s.close_round()
    s.set_dots(3)
    s.vote("g2", BANK, 2)
    data = session_to_dict(s)
    change(data)
    with pytest.raises(SessionFormatError) as caught:
        session_from_dict(data)
    assert caught.value.where == where and words in caught.value.reason


def test_a_dot_from_the_keyboard_is_one_undo_step_and_shows_on_the_card(
    open_window, qtbot, s
) -> None:
    win = open_window(s)
    win.document.set_dots(2)
    win.activateWindow()
    win.board_view.setFocus()
    qtbot.waitUntil(win.board_view.hasFocus)
    win.scene.select_card(BANK)
    QTest.keyClick(win.board_view, Qt.Key.Key_D)
    assert win.document.current_group.votes == {BANK: 1}
    assert win.scene.item_for(BANK).look.dots == 1
    assert "1 dot left for Red" in win.hint.text()
    QTest.keyClick(win.board_view, Qt.Key.Key_D)
    QTest.keyClick(win.board_view, Qt.Key.Key_D)  # no third dot
    assert win.document.current_group.votes == {BANK: 2}
    assert "used all its 2 dots" in win.hint.text()
    win.document.undo_stack.undo()
    assert win.document.current_group.votes == {BANK: 1}
    win.document.undo_stack.undo()
    win.document.undo_stack.undo()  # the dots setting itself
    assert win.document.session.dots == 0


def test_the_debrief_shows_what_moved_since_the_round_and_the_dots(open_window, s) -> None:
    win = open_window(s)
    win.document.close_round()
    assert [r.name for r in win.document.session.rounds] == ["Round 1"]
    win.document.place(BANK, "ladder-co-production")  # Red moves it
    win.document.set_dots(3)
    win.document.vote(BANK, 1)
    win.named_actions["debrief"].trigger()
    lenses = [lens.id for lens in win.document.session.board.lenses]
    win.debrief.lenses.setCurrentIndex(lenses.index("ladder"))
    summary = win.debrief.summary.text()
    assert "Since Round 1: 1 card(s) moved to another rung (Red 1, Blue 0)." in summary
    assert "Dots (3 a group): GP surgery time bank 1" in summary
    win.debrief.cards.setCurrentRow(0)
    assert "Moved since Round 1 by: Red" in win.debrief.places.text()
    win.debrief.back_button.click()
    win.document.undo_stack.undo()  # the dot
    win.document.undo_stack.undo()  # the dots setting
    win.document.undo_stack.undo()  # the move
    win.document.undo_stack.undo()  # closing the round
    assert win.document.session.rounds == []
