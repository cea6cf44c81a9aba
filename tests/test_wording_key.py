"""The key's places in the words both debriefs print (handout/wording.key_places)."""

from __future__ import annotations

from dataclasses import replace

from coprod_desktop.domain.model import KeyPlace
from coprod_desktop.files import builtin
from coprod_desktop.handout.sections import short_region_title
from coprod_desktop.handout.wording import key_places


def test_each_place_by_its_region_title_and_an_unknown_region_by_its_id() -> None:
    session = builtin.new_session("t", ["A"])
    card = next(c for c in session.deck.cards if c.reference)
    region = session.board.regions[0]
    card = replace(
        card,
        reference=(
            KeyPlace(region.id, "high", "Why here."),
            KeyPlace("gone-region", "contested", "Why there."),
        ),
    )
    assert key_places(session, card, short_region_title) == [
        (short_region_title(region), "high", "Why here."),
        ("gone-region", "contested", "Why there."),
    ]
