"""Agreement figures for the debrief: where the groups agree, where they differ,
how close they came to the facilitator's key, what moved between rounds, and the votes.

Every figure is computed for one lens at a time (the matrix, the ladder, "not"):
a cell and a rung answer different questions, so they are never compared with each
other. A group gives a card at most one place per lens; a group that left the card
in the tray has not placed it on that lens and is left out of that card's figures.

Popular placement (per card and lens)
    The *popular* region is the region most groups chose for the card. Its share,
    the card's *agreement* P, is

        P = (groups that chose the most chosen region) / (groups that placed the card)

    so P = 1 when every group that placed the card put it in the same region, and
    P = 1/2 when two groups split one each. When two or more regions are chosen
    equally often there is no popular region (it is shown as none), but P is still
    the share of the most chosen one. When no group placed the card, there is
    neither a popular region nor an agreement.

Gap to the second choice (per card and lens)
    P minus the share of the second most chosen region. On a tie for the most chosen
    region the gap is 0. When every group that placed the card chose the same region
    there is no second choice: its share counts as 0, so the gap equals P (which is 1).
    No gap when no group placed the card.

Fleiss' kappa (per lens)
    How much more the groups agree than they would by chance, over the cards that
    *every* group placed on the lens (a card some group left in the tray is not
    counted). 1 means complete agreement, 0 agreement no better than chance, below 0
    less than chance. The textbook formula (Fleiss, 1971), in exact fractions: with n
    groups, N such cards and n_ij the groups that put card i in region j,
    P_i = (sum_j n_ij^2 - n) / (n (n - 1)) is the agreement on card i, P_bar their mean,
    p_j = (sum_i n_ij) / (N n) the share of all places that are region j,
    P_e = sum_j p_j^2 the agreement expected by chance, and
    kappa = (P_bar - P_e) / (1 - P_e). The regions are those that occur. There is no
    kappa (shown as none, with the reason) when there are fewer than two groups (no
    two groups to agree), when no card was placed by every group, or when every group
    put every such card in the same region: then chance alone would agree completely
    (P_e = 1) and "agreement beyond chance" is 0 / 0, undefined rather than perfect.

Hits against the key (per group and lens)
    The facilitator's key gives each card a reference region on the lens. A group's
    hits are the cards it put in the key's region, out of the cards that have a key
    and that the group placed: "5 of 8" means 8 such cards, 5 where the key is.

Distance to the key (per group, on an ordered lens such as the ladder)
    The mean number of rungs between the group's rung and the key's rung,
    |rank(group) - rank(key)|, over the cards that have a key and that the group
    placed (rungs are ranked 1 at the bottom to 7 at the top). 0 means every such
    card on the key's rung; none when there is no such card.

Contested cards (per lens)
    The cards the groups placed in two or more different regions, most contested
    first. On the matrix and "not", a card is more contested the more different
    regions it was put in. On an ordered lens (the ladder) it is more contested the
    wider its *spread*: the number of rungs between the lowest and the highest rung
    any group chose (a card on rungs 2, 3 and 6 has a spread of 4). Equal cards go
    to the lower agreement P first, then to the card that comes first in the deck.

What moved between rounds (per lens)
    For each group, the cards whose place on the lens differs between two snapshots
    of the board (a card in the tray has no place, so "from the tray to rung 4" and
    "from Consultation back to the tray" are moves too), and for each card how many
    groups moved it.

Dot votes
    Each card's total is the sum of the dots every group put on it; the cards with
    the most dots come first, equal totals in the order the cards were first voted on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

CardId = str
GroupId = str
RegionId = str
LensId = str
# For one lens: card -> group -> region (None, or the group absent: not placed on this lens).
Placements = Mapping[CardId, Mapping[GroupId, RegionId | None]]
# For one lens, one round: group -> card -> region (None or absent: in the tray).
Snapshot = Mapping[GroupId, Mapping[CardId, RegionId | None]]


# --- per card ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CardAgreement:
    """Where the groups put one card on one lens (see the module doc)."""

    card: CardId
    placed_by: int  # groups that placed the card on this lens
    counts: tuple[tuple[RegionId, int], ...]  # region, groups; most chosen first, ties by id
    popular: RegionId | None  # None on a tie for the most chosen, or when nobody placed it
    agreement: Fraction | None  # P; None when nobody placed it
    gap: Fraction | None  # P minus the second choice's share; None when nobody placed it

    @property
    def places(self) -> int:
        """The number of different regions the card was put in."""
        return len(self.counts)


def card_agreement(card: CardId, by_group: Mapping[GroupId, RegionId | None]) -> CardAgreement:
    """The popular placement, its share P and the gap to the second choice for one card."""
    tally: dict[RegionId, int] = {}
    for region in by_group.values():
        if region is not None:
            tally[region] = tally.get(region, 0) + 1
    counts = tuple(sorted(tally.items(), key=lambda rc: (-rc[1], rc[0])))
    placed = sum(tally.values())
    if not placed:
        return CardAgreement(card, 0, (), None, None, None)
    top = counts[0][1]
    second = counts[1][1] if len(counts) > 1 else 0
    popular = counts[0][0] if top > second else None
    return CardAgreement(
        card, placed, counts, popular, Fraction(top, placed), Fraction(top - second, placed)
    )


# --- per lens: Fleiss' kappa -----------------------------------------------------------


class NoKappa(StrEnum):
    """Why a lens has no kappa."""

    FEW_GROUPS = "fewer than two groups"
    NO_COMMON_CARDS = "no card was placed by every group"
    ONE_REGION = "every group put every card in the same region"


@dataclass(frozen=True, slots=True)
class Kappa:
    """Fleiss' kappa for one lens, with its parts (see the module doc)."""

    value: Fraction | None
    reason: NoKappa | None  # why value is None; None when there is a value
    cards: tuple[CardId, ...]  # the cards counted: those every group placed
    groups: int  # n, the raters
    observed: Fraction | None = None  # P_bar
    expected: Fraction | None = None  # P_e


def _fleiss_parts(table: Sequence[Sequence[int]]) -> tuple[Fraction, Fraction, int]:
    """(P_bar, P_e, n) of a ratings table: one row per subject, one column per category."""
    if not table:
        raise ValueError("no subjects")
    n = sum(table[0])
    if n < 2:
        raise ValueError("fewer than two raters")
    width = len(table[0])
    for row in table:
        if len(row) != width or sum(row) != n or any(c < 0 for c in row):
            raise ValueError("every row needs the same categories and the same number of raters")
    subjects = len(table)
    p_bar = sum(Fraction(sum(c * c for c in row) - n, n * (n - 1)) for row in table) / subjects
    p_e = sum(Fraction(sum(row[j] for row in table), subjects * n) ** 2 for j in range(width))
    return Fraction(p_bar), Fraction(p_e), n


def fleiss_kappa(table: Sequence[Sequence[int]]) -> Fraction | None:
    """Fleiss' kappa of a ratings table (row i, column j: raters who put subject i in
    category j; every row sums to the same number of raters, at least 2). None when
    P_e = 1 (every rating in one category). Raises ValueError on a malformed table."""
    p_bar, p_e, _ = _fleiss_parts(table)
    if p_e == 1:
        return None
    return (p_bar - p_e) / (1 - p_e)


def _groups_of(placements: Placements, groups: Sequence[GroupId] | None) -> tuple[GroupId, ...]:
    if groups is not None:
        return tuple(dict.fromkeys(groups))
    seen: dict[GroupId, None] = {}
    for by_group in placements.values():
        seen.update(dict.fromkeys(by_group))
    return tuple(seen)


def lens_kappa(placements: Placements, groups: Sequence[GroupId] | None = None) -> Kappa:
    """Fleiss' kappa over the cards every group placed on this lens.

    groups: every group of the session; default: the groups named anywhere in placements
    (pass the session's groups, or a group that placed nothing is silently left out)."""
    members = _groups_of(placements, groups)
    if len(members) < 2:
        return Kappa(None, NoKappa.FEW_GROUPS, (), len(members))
    rows: list[tuple[CardId, list[RegionId]]] = []
    for card, by_group in placements.items():
        regions = [by_group.get(g) for g in members]
        if all(r is not None for r in regions):
            rows.append((card, [r for r in regions if r is not None]))
    if not rows:
        return Kappa(None, NoKappa.NO_COMMON_CARDS, (), len(members))
    categories = sorted({r for _, regions in rows for r in regions})
    table = [[regions.count(c) for c in categories] for _, regions in rows]
    p_bar, p_e, n = _fleiss_parts(table)
    cards = tuple(card for card, _ in rows)
    if p_e == 1:
        return Kappa(None, NoKappa.ONE_REGION, cards, n, p_bar, p_e)
    return Kappa((p_bar - p_e) / (1 - p_e), None, cards, n, p_bar, p_e)


# --- per group: the key ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupScore:
    """How close one group came to the key on one lens (see the module doc)."""

    group: GroupId
    hits: int  # cards in the key's region
    compared: int  # cards with a key and a place by this group
    distance: Fraction | None  # mean |rank(group) - rank(key)|; None: no ranks or no such card
    ranked: int = 0  # cards the distance is over (both regions have a rank)

    @property
    def pair(self) -> tuple[int, int]:
        """(hits, compared), as the report prints it."""
        return (self.hits, self.compared)


def group_scores(
    placements: Placements,
    key: Mapping[CardId, RegionId | None],
    ranks: Mapping[RegionId, int] | None = None,
    groups: Sequence[GroupId] | None = None,
) -> dict[GroupId, GroupScore]:
    """Each group's hits against the key and, with ranks, its mean distance to the key.

    A card whose key or place has no rank counts for the hits but not for the distance."""
    scores: dict[GroupId, GroupScore] = {}
    for group in _groups_of(placements, groups):
        hits = compared = ranked = total = 0
        for card, by_group in placements.items():
            place, reference = by_group.get(group), key.get(card)
            if place is None or reference is None:
                continue
            compared += 1
            hits += place == reference
            if ranks is not None and place in ranks and reference in ranks:
                ranked += 1
                total += abs(ranks[place] - ranks[reference])
        distance = Fraction(total, ranked) if ranked else None
        scores[group] = GroupScore(group, hits, compared, distance, ranked)
    return scores


# --- per lens: contested cards ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contest:
    """One card in the contested ranking of a lens."""

    card: CardId
    places: int  # different regions the card was put in
    spread: int | None  # highest minus lowest rank chosen; None on an unordered lens
    agreement: Fraction | None


def rung_spread(by_group: Mapping[GroupId, RegionId | None], ranks: Mapping[RegionId, int]) -> int:
    """Highest minus lowest rank any group chose for the card (0 with fewer than two ranked
    places; a region without a rank does not count)."""
    chosen = [ranks[r] for r in by_group.values() if r is not None and r in ranks]
    return max(chosen) - min(chosen) if chosen else 0


def contested(
    placements: Placements,
    ranks: Mapping[RegionId, int] | None = None,
    include_agreed: bool = False,
) -> tuple[Contest, ...]:
    """The cards placed in two or more regions, most contested first (see the module doc):
    by places (unordered lens) or by rung spread (ordered lens, when ranks are given), then
    by agreement ascending, then in the order of placements. include_agreed also lists, after
    them, the cards placed in one region only (cards nobody placed are never listed)."""
    items: list[tuple[tuple[bool, int, Fraction, int], Contest]] = []
    for order, (card, by_group) in enumerate(placements.items()):
        figures = card_agreement(card, by_group)
        if figures.agreement is None or (figures.places < 2 and not include_agreed):
            continue
        spread = rung_spread(by_group, ranks) if ranks is not None else None
        width = spread if spread is not None else figures.places
        sort_key = (figures.places < 2, -width, figures.agreement, order)
        items.append((sort_key, Contest(card, figures.places, spread, figures.agreement)))
    items.sort(key=lambda item: item[0])
    return tuple(contest for _, contest in items)


# --- one lens at once ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LensFigures:
    """Every figure of one lens (see the module doc)."""

    cards: dict[CardId, CardAgreement]
    kappa: Kappa
    scores: dict[GroupId, GroupScore]  # empty without a key
    contested: tuple[Contest, ...]
    groups: tuple[GroupId, ...] = ()


def _restrict(placements: Placements, groups: tuple[GroupId, ...]) -> Placements:
    return {
        card: {g: by_group[g] for g in groups if g in by_group}
        for card, by_group in placements.items()
    }


def lens_figures(
    placements: Placements,
    ranks: Mapping[RegionId, int] | None = None,
    key: Mapping[CardId, RegionId | None] | None = None,
    groups: Sequence[GroupId] | None = None,
) -> LensFigures:
    """All figures of one lens. groups: the session's groups (others in placements are
    ignored); default: the groups named anywhere in placements."""
    members = _groups_of(placements, groups)
    own = _restrict(placements, members)
    return LensFigures(
        cards={card: card_agreement(card, by_group) for card, by_group in own.items()},
        kappa=lens_kappa(own, members),
        scores=group_scores(own, key, ranks, members) if key is not None else {},
        contested=contested(own, ranks),
        groups=members,
    )


# --- rounds ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Move:
    """A card whose place changed between two rounds (None: the tray)."""

    card: CardId
    before: RegionId | None
    after: RegionId | None


@dataclass(frozen=True, slots=True)
class RoundMoves:
    """What moved on one lens between two snapshots."""

    by_group: dict[GroupId, tuple[Move, ...]]  # every group of either snapshot, in order
    by_card: dict[CardId, int]  # groups that moved the card; most moved first; moved cards only

    @property
    def total(self) -> int:
        return sum(len(moves) for moves in self.by_group.values())


def moves_between(before: Snapshot, after: Snapshot) -> RoundMoves:
    """Per group, the cards whose region changed from before to after (a card or group
    missing from a snapshot is in the tray there); per card, how many groups moved it."""
    groups = tuple(dict.fromkeys([*before, *after]))
    by_group: dict[GroupId, tuple[Move, ...]] = {}
    counts: dict[CardId, int] = {}
    order: dict[CardId, int] = {}
    for group in groups:
        old, new = before.get(group, {}), after.get(group, {})
        moves: list[Move] = []
        for card in dict.fromkeys([*old, *new]):
            order.setdefault(card, len(order))
            if old.get(card) != new.get(card):
                moves.append(Move(card, old.get(card), new.get(card)))
                counts[card] = counts.get(card, 0) + 1
        by_group[group] = tuple(moves)
    ranked = sorted(counts.items(), key=lambda cn: (-cn[1], order[cn[0]]))
    return RoundMoves(by_group, dict(ranked))


# --- dot votes -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VoteTotal:
    card: CardId
    votes: int


def vote_totals(votes: Mapping[GroupId, Mapping[CardId, int]]) -> tuple[VoteTotal, ...]:
    """Dots per card over every group, most first, ties in the order first voted on.
    Counts below 1 are ignored; cards with no dots are not listed."""
    totals: dict[CardId, int] = {}
    for by_card in votes.values():
        for card, n in by_card.items():
            if isinstance(n, int) and not isinstance(n, bool) and n > 0:
                totals[card] = totals.get(card, 0) + n
    order = {card: i for i, card in enumerate(totals)}
    ranked = sorted(totals.items(), key=lambda cn: (-cn[1], order[cn[0]]))
    return tuple(VoteTotal(card, n) for card, n in ranked)


# --- the report's JSON -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LensInput:
    """What report_dict needs of one lens."""

    placements: Placements
    ranks: Mapping[RegionId, int] | None = None
    key: Mapping[CardId, RegionId | None] | None = None


def _number(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def report_dict(
    lenses: Mapping[LensId, LensInput],
    groups: Sequence[GroupId] | None = None,
    ladder: LensId = "ladder",
) -> dict[str, Any]:
    """The JSON contract of `coprod-desktop report`:

    {"lenses": {LENS: {"kappa": float | null,
                       "cards": {CARD: {"placements": {GROUP: REGION | null},
                                        "popular": REGION | null, "agreement": float | null,
                                        "reference": REGION | null}}}},
     "groups": {GROUP: {"hits": {LENS: [hits, cards_with_key_and_place]},
                        "ladder_distance": float | null}}}

    groups: the session's groups, in order (default: every group named in any lens).
    Cards: those in the lens's placements, in order, then key cards not among them.
    Every group appears under every card ("placements": null when not placed) and has
    hits for every lens ([0, 0] without a key). ladder_distance is the mean rung distance
    on the lens named ladder (null without that lens, its ranks or its key, or no card)."""
    if groups is None:
        seen: dict[GroupId, None] = {}
        for lens in lenses.values():
            seen.update(dict.fromkeys(_groups_of(lens.placements, None)))
        members = tuple(seen)
    else:
        members = tuple(dict.fromkeys(groups))
    out_lenses: dict[str, Any] = {}
    hits: dict[GroupId, dict[LensId, list[int]]] = {g: {} for g in members}
    distance: dict[GroupId, float | None] = dict.fromkeys(members)
    for name, lens in lenses.items():
        key = lens.key or {}
        figures = lens_figures(lens.placements, lens.ranks, key, members)
        cards: dict[str, Any] = {}
        for card in dict.fromkeys(
            [*lens.placements, *(c for c, r in key.items() if r is not None)]
        ):
            by_group = lens.placements.get(card, {})
            agreement = figures.cards.get(card) or card_agreement(card, {})
            cards[card] = {
                "placements": {g: by_group.get(g) for g in members},
                "popular": agreement.popular,
                "agreement": _number(agreement.agreement),
                "reference": key.get(card),
            }
        out_lenses[name] = {"kappa": _number(figures.kappa.value), "cards": cards}
        for g in members:
            hits[g][name] = list(figures.scores[g].pair)
            if name == ladder and lens.ranks is not None:
                distance[g] = _number(figures.scores[g].distance)
    return {
        "lenses": out_lenses,
        "groups": {g: {"hits": hits[g], "ladder_distance": distance[g]} for g in members},
    }
