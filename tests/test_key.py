"""The facilitator's key: per card and lens, a region, a confidence and the reasoning.
Stored with the deck, checked against the board, kept through edits, and shown nowhere
a participant can see it (the debrief reveals it)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtGui import QAccessible

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import CardDraft, KeyPlace, Session, deck_for_board
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_schema import (
    SessionFormatError,
    session_from_dict,
    session_to_dict,
)
from coprod_desktop.ui.board.accessible import BoardAccessible

CARD = "activity-gp-time-bank"
WHY = "Patients and staff both give and receive hours: people plan and deliver with the surgery."


def keyed(session: Session, *places: KeyPlace) -> Session:
    cards = tuple(replace(c, reference=places) if c.id == CARD else c for c in session.deck.cards)
    session.deck = replace(session.deck, cards=cards)
    return session


@pytest.fixture
def s() -> Session:
    return keyed(
        content.new_session("Key", ["A", "B"]),
        KeyPlace("matrix-full-coproduction", "medium", WHY),
        KeyPlace("ladder-co-production", "contested", "Who holds the budget decides the rung."),
    )


def index_of(session: Session, card_id: str) -> int:
    return [c.id for c in session.deck.cards].index(card_id)


def test_the_key_round_trips_through_the_file(s: Session) -> None:
    data = session_to_dict(s)
    card = data["deck"]["cards"][index_of(s, CARD)]
    assert card["reference"] == [
        {"region": "matrix-full-coproduction", "confidence": "medium", "why": WHY},
        {
            "region": "ladder-co-production",
            "confidence": "contested",
            "why": "Who holds the budget decides the rung.",
        },
    ]
    again = session_from_dict(json.loads(json.dumps(data)))
    assert again.deck.card(CARD).reference == s.deck.card(CARD).reference
    assert "reference" not in data["deck"]["cards"][0]  # cards without a key have no key


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (lambda k: k[0].update(region="nowhere"), "reference[0].region", "unknown region"),
        (lambda k: k[1].update(region="matrix-traditional"), "reference[1]", "two places"),
        (lambda k: k[0].update(confidence="certain"), "reference[0].confidence", "not one of"),
        (lambda k: k[0].update(why="  "), "reference[0].why", "empty"),
        (lambda k: k[0].pop("why"), "reference[0].why", "missing"),
    ],
)
def test_a_bad_key_is_refused_with_its_field_path(s: Session, change, where, words) -> None:
    data = session_to_dict(s)
    i = index_of(s, CARD)
    change(data["deck"]["cards"][i]["reference"])
    with pytest.raises(SessionFormatError) as caught:
        session_from_dict(data)
    assert caught.value.where == f"deck.cards[{i}].{where}"
    assert words in caught.value.reason


def test_a_deck_used_on_another_board_keeps_only_what_that_board_has(s: Session) -> None:
    other = replace(
        s.board,
        regions=tuple(r for r in s.board.regions if r.lens != "ladder"),
        lenses=tuple(lens for lens in s.board.lenses if lens.id != "ladder"),
    )
    deck = deck_for_board(s.deck, other)
    assert [k.region for k in deck.card(CARD).reference] == ["matrix-full-coproduction"]


def test_editing_a_card_keeps_its_key(s: Session) -> None:
    before = s.deck.card(CARD).reference
    s.edit_deck_card(CARD, CardDraft("activity", "GP time bank", "New text"))
    assert s.deck.card(CARD).title == "GP time bank"
    assert s.deck.card(CARD).reference == before


def test_a_key_place_checks_itself() -> None:
    with pytest.raises(DomainError, match="confidence"):
        KeyPlace("matrix-full-coproduction", "sure", WHY)


def test_nothing_of_the_key_shows_in_the_window(open_window, s: Session) -> None:
    win = open_window(s)
    win.document.place(CARD, "matrix-traditional")
    win.scene.select_card(CARD)
    details = win.details
    shown = " ".join(
        w.text() for w in (details.title, details.text, details.more, details.source, details.where)
    )
    item = win.scene.item_for(CARD)
    win.named_actions["list_view"].trigger()
    listed = " ".join(" ".join(row) for row in win.list_view.card_rows())
    names = BoardAccessible(win.board_view).card(CARD, "matrix").text(QAccessible.Text.Name)
    for text in (shown, item.toolTip(), listed, names):
        assert WHY not in text and "contested" not in text and "Full co-production" not in text
