"""Card kinds: their names, labels, colours, shapes and order, defined once for the board,
the tray, the deck editor, CSV files and the handout. Plain data, no Qt.

Kinds are told apart by colour AND by shape (screen) or glyph (print), so the board and
the handout read in greyscale and for colour-vision deficiencies (Okabe-Ito colours).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

CardKind = Literal["principle", "activity", "non_example", "custom"]
CARD_KINDS: tuple[str, ...] = get_args(CardKind)


@dataclass(frozen=True, slots=True)
class KindInfo:
    label: str  # one card: "Principle"
    plural: str  # a heading over several: "Principles"
    colour: str  # the stripe on the card, the legend swatch
    shape: str  # drawn on screen: "circle", "square", "cross", "star"
    glyph: str  # printed: the same shapes as characters
    explanation: str  # what a card of this kind is, for the handout's key


KINDS: dict[str, KindInfo] = {
    "principle": KindInfo(
        "Principle",
        "Principles",
        "#0072b2",
        "circle",
        "●",
        "one of the principles of co-production (explained at the end)",
    ),
    "activity": KindInfo(
        "Activity",
        "Activities",
        "#009e73",
        "square",
        "■",
        "something a service might do, to be sorted",
    ),
    "non_example": KindInfo(
        "Co-production is not ...",
        "Co-production is not ...",
        "#d55e00",
        "cross",
        "✖",
        "something useful that is not co-production on its own",
    ),
    "custom": KindInfo(
        "Our own card",
        "Our own cards",
        "#cc79a7",
        "star",
        "★",
        "a card the group wrote itself",
    ),
}
# The one order kinds are listed in everywhere: tray, deck editor, exports, handout legend.
KIND_ORDER: tuple[str, ...] = ("principle", "activity", "non_example", "custom")
KIND_LABELS: dict[str, str] = {kind: info.label for kind, info in KINDS.items()}
# The kinds a table group may give its own cards.
GROUP_CARD_KINDS: tuple[str, ...] = ("custom", "activity")


def kind_info(kind: str) -> KindInfo:
    """A kind's look; an unknown kind (never in a loaded file) looks like an own card."""
    return KINDS.get(kind, KINDS["custom"])
