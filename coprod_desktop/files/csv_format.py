"""The card CSV's columns and the two sentences that describe the format: what the
window's menus say at start-up, without loading the reader (files/csv_cards.py)."""

from __future__ import annotations

from coprod_desktop.domain.kinds import KIND_ORDER
from coprod_desktop.domain.rules import MAX_CARD_TITLE

REQUIRED_COLUMNS = ("kind", "title", "text")
OPTIONAL_COLUMNS = ("more", "source", "id")


def format_hint() -> str:
    """The file format in two sentences, for the import entry and the file picker."""
    return (
        f"A header row with the columns {', '.join(REQUIRED_COLUMNS)} (optional: "
        f"{', '.join(OPTIONAL_COLUMNS)}); kind is {', '.join(KIND_ORDER)}. "
        f"Titles up to {MAX_CARD_TITLE} characters; UTF-8, as a deck export writes it."
    )
