"""Where a group put a card, for tests that ask about one lens at a time."""

from __future__ import annotations

from coprod_desktop.domain.model import Group


def only_region(group: Group, card_id: str) -> str:
    """The region of the card's one place; fails when it has none or several."""
    places = group.places(card_id)
    assert len(places) == 1, f"{card_id} has {len(places)} places: {places}"
    return places[0].region


def regions(group: Group, card_id: str) -> list[str]:
    return [p.region for p in group.places(card_id)]
