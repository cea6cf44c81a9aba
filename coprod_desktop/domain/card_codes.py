"""Short card codes ("A07", "P3", "N2", "C1") printed on paper cards and typed back in.

One scheme, a pure function of the session's card order, so the codes on a printed card
and the codes the window accepts are the same as long as the deck is not reordered:

- the deck's cards, by kind (the tray's order, KIND_ORDER), numbered from 1 within their
  kind in deck order: principles P1.., activities A1.., non-examples N1.., the deck's own
  "custom" cards C1..;
- then every group's own cards, in group order and then card order, continuing the C
  numbers (whatever their kind: C stands for a card a table wrote itself).

Numbers are zero-padded to the width of the largest number of their letter ("A07" when
there are ten or more activities, "P3" otherwise). Typing ignores case, the padding and
a dash between letter and number ("a7", "A07", "a-7" are all A07).

No Qt and no I/O here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from coprod_desktop.domain.model import Card, Session, in_kind_order

# The letter of each kind's codes; every kind has one (a test checks it).
PREFIXES: dict[str, str] = {"principle": "P", "activity": "A", "non_example": "N", "custom": "C"}
OWN_PREFIX = "C"  # the groups' own cards, whatever their kind

_CODE = re.compile(r"^([A-Za-z])-?0*(\d{1,6})$")
_SEPARATORS = re.compile(r"[\s,;]+")


def card_codes(deck_cards: Iterable[Card], own_cards: Iterable[Card] = ()) -> dict[str, str]:
    """Card id -> code, for the deck's cards then the groups' own cards (in that order)."""
    numbered: list[tuple[str, str, int]] = []  # (card id, letter, number)
    counts: dict[str, int] = {}
    for card in in_kind_order(deck_cards):
        letter = PREFIXES.get(card.kind, OWN_PREFIX)
        counts[letter] = counts.get(letter, 0) + 1
        numbered.append((card.id, letter, counts[letter]))
    for card in own_cards:
        counts[OWN_PREFIX] = counts.get(OWN_PREFIX, 0) + 1
        numbered.append((card.id, OWN_PREFIX, counts[OWN_PREFIX]))
    widths = {letter: len(str(count)) for letter, count in counts.items()}
    return {card_id: f"{letter}{n:0{widths[letter]}d}" for card_id, letter, n in numbered}


def session_codes(session: Session) -> dict[str, str]:
    """Every card of the session (the deck and every group's own cards) -> its code."""
    own = [card for group in session.groups for card in group.cards]
    return card_codes(session.deck.cards, own)


def code_key(token: str) -> str | None:
    """The code a typed token means, without padding ("a07" -> "A7"); None if it is not
    a code at all."""
    match = _CODE.match(token.strip())
    if match is None:
        return None
    return f"{match.group(1).upper()}{int(match.group(2))}"


def split_codes(text: str) -> list[str]:
    """The tokens of a typed line: codes separated by spaces, commas or semicolons."""
    return [token for token in _SEPARATORS.split(text) if token]


# What read_codes says about each typed code.
PLACE = "place"  # in the tray (on this lens): it goes to the region
MOVE = "move"  # in another region of the same lens: it moves to the region
HERE = "here"  # already in the region: nothing to do
REPEAT = "repeat"  # typed earlier on the same line
UNKNOWN = "unknown"  # no card has this code
NOT_A_CODE = "not_a_code"  # not a letter and a number
OTHER_GROUP = "other_group"  # another group's own card
ACTIONS = (PLACE, MOVE)  # the statuses that change the board


@dataclass(frozen=True, slots=True)
class TypedCode:
    token: str  # as typed
    code: str  # the card's printed code ("" when no card has it)
    card_id: str  # "" when no card has it
    status: str  # one of the constants above
    region: str = ""  # MOVE: the region it is in now

    @property
    def acts(self) -> bool:
        return self.status in ACTIONS


def read_codes(
    text: str,
    codes: Mapping[str, str],
    placeable: Collection[str],
    current: Mapping[str, str],
    target: str,
) -> list[TypedCode]:
    """What typing text into region target does, code by code.

    codes: card id -> code (session_codes); placeable: the ids of the cards this group
    may place (the deck and its own cards); current: card id -> the region it is in now
    on the target region's lens (absent when it has no place there).
    """
    by_key = {code_key(code): card_id for card_id, code in codes.items()}
    seen: set[str] = set()
    result: list[TypedCode] = []
    for token in split_codes(text):
        key = code_key(token)
        if key is None:
            result.append(TypedCode(token, "", "", NOT_A_CODE))
            continue
        card_id = by_key.get(key)
        if card_id is None:
            result.append(TypedCode(token, "", "", UNKNOWN))
            continue
        code = codes[card_id]
        if card_id not in placeable:
            status, region = OTHER_GROUP, ""
        elif card_id in seen:
            status, region = REPEAT, ""
        elif current.get(card_id) == target:
            status, region = HERE, target
        elif card_id in current:
            status, region = MOVE, current[card_id]
        else:
            status, region = PLACE, ""
        seen.add(card_id)
        result.append(TypedCode(token, code, card_id, status, region))
    return result


def to_place(typed: Sequence[TypedCode]) -> list[str]:
    """The card ids that typing puts into the region, in the order typed."""
    return [t.card_id for t in typed if t.acts]
