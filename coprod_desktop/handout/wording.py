"""The handout's own words where the PDF and its HTML twin (handout/html.py) say the same
thing: headings, introductions and sentences of the comparison across groups, the
debrief and the reference, and what decides whether each of those is printed at all.
Plain text (no markup, not escaped): the PDF passes it through text.para, the HTML
through html.escape. Pure Python: no ReportLab, no Qt."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from coprod_desktop.domain.agreement import Move
from coprod_desktop.domain.compare import MOST_CONTESTED, Comparison
from coprod_desktop.domain.debrief import moves_since, votes
from coprod_desktop.domain.model import Card, Decoration, Group, Region, Round, Session
from coprod_desktop.handout.reference_data import Item, Part, ReferenceText

# --- across the groups (handout/comparison.py) ----------------------------------------

NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}

ACROSS_TITLE = "Across the groups"
AGREED_TITLE = "Where every group agreed"
DISPUTED_TITLE = "Where the groups disagreed most"
ONE_REGION_NONE = "No group put a card here."
ONE_REGION_INTRO = "Each card some group put here, and what the other groups did."
PUT_HERE_BY = "Put here by"
PLACED_ELSEWHERE_BY = "Placed elsewhere by"
LEFT_IN_TRAY_BY = "Left in the tray by"
LEFT_IN_TRAY = "Left in the tray"
PRINCIPLES_TITLE = "The principles the groups saw"
PRINCIPLES_NONE = "No group marked a principle on any card of the deck."
PRINCIPLES_INTRO = (
    "The six principles explain why a story is co-production. For each card a group "
    "marked, the principles it saw there and which groups saw each, most groups first."
)
EVERY_CARD_TITLE = "Every card, group by group"
EVERY_CARD_INTRO = (
    "Each card that at least one group placed, in the order of the deck, with the "
    "groups that put it in each cell and on each rung."
)
EVERY_CARD_NONE = "No group placed any card of the deck."
EVERY_CARD_HEADS = ("Card", "Where the groups put it")


def has_comparison(session: Session) -> bool:
    """The comparison is printed with two or more groups."""
    return len(session.groups) >= 2


def across_intro(session: Session) -> str:
    count = len(session.groups)
    groups = NUMBER_WORDS.get(count, str(count))
    lenses = ", ".join(lens.label for lens in session.board.lenses)
    return (
        f"The {groups} groups sorted the same deck of cards. These pages put their boards "
        f"side by side, one part of the board at a time ({lenses}): a cell and "
        "a rung answer different questions, so they are never counted against each "
        "other. Then the principles the groups saw in each card, then every card with "
        "where each group put it. Cards a group wrote itself are in that group's own "
        "pages."
    )


def lens_title(result: Comparison) -> str:
    return result.lens.label if result.lens is not None else "The board"


def disagreement_rule(result: Comparison) -> str:
    """How disagreement is counted on this lens, in words."""
    unit = result.unit
    lens = result.lens.label.lower() if result.lens is not None else "board"
    first = (
        f"the widest spread first (how many {unit}s lie between the lowest and the highest "
        f"{unit} chosen), then the most different {unit}s"
        if result.ordered
        else f"the most different {unit}s first"
    )
    return (
        f"How we count disagreement on the {lens}: for each card, the number of different "
        f"{unit}s the groups put it in. A group that gave the card no {unit} here is not "
        f"counted. Listed are the cards put in three or more different {unit}s, at most "
        f"{NUMBER_WORDS[MOST_CONTESTED]}, {first}; when two cards are equal, the one more "
        f"groups placed comes first. Cards put in just two {unit}s are listed only when no "
        "card has three and there are few of them; otherwise they are counted. Each group's "
        "note says why it put the card there."
    )


def none_agreed(unit: str) -> str:
    return f"No card was put in the same {unit} by every group."


def agreed_intro(unit: str) -> str:
    return f"Every group gave each of these cards a {unit} here, and all the same {unit}."


def none_disputed(unit: str) -> str:
    return f"No card was put in different {unit}s by different groups."


def no_place_yet(unit: str) -> str:
    return f"No {unit} yet"


def unit_phrase(unit: str, n: int) -> str:
    return f"{n} different {unit}{'s' if n != 1 else ''}"


def apart(result: Comparison, spread: int) -> str:
    """', 2 rungs apart' on an ordered lens; '' on others."""
    if not result.ordered:
        return ""
    return f", {spread} {result.unit}{'s' if spread != 1 else ''} apart"


def count_cards(n: int) -> str:
    return "One card" if n == 1 else f"{NUMBER_WORDS.get(n, str(n)).capitalize()} cards"


def unlisted(unit: str, more: int, two_places: int) -> list[str]:
    """One sentence each for the contested cards the list leaves out."""
    lines = []
    if more:
        lines.append(
            f"{count_cards(more)} more put in three or more different {unit}s "
            f"{'is' if more == 1 else 'are'} not listed here."
        )
    if two_places:
        lines.append(
            f"{count_cards(two_places)} put in two different {unit}s "
            f"{'is' if two_places == 1 else 'are'} not listed here; "
            f"“{EVERY_CARD_TITLE}”, at the end of this comparison, shows where "
            "each group put "
            f"{'it' if two_places == 1 else 'them'}."
        )
    return lines


def never_placed_title(n: int) -> str:
    return f"No group placed these ({n})"


# --- debrief (handout/debrief.py) -----------------------------------------------------

DEBRIEF_TITLE = "Debrief"
KEY_TITLE = "The facilitator's key"
KEY_INTRO = (
    "The facilitator's key is a reading of the sources, not a verdict: it says where the "
    "sources point for each card, how sure that reading is, and why. Many cards are "
    "contested: reasonable groups put them in different places, and the discussion of why "
    "is the point of the exercise."
)
NO_MOVES = "No group moved a card since then."
TRAY = "the tray"  # where a card was before or after a move, when on no region
VOTES_TITLE = "Dot votes"


def keyed_cards(session: Session, key: bool) -> list[Card]:
    """The deck cards the facilitator's key speaks of; none when the key is left out."""
    return [c for c in session.deck.cards if c.reference] if key else []


def key_places(
    session: Session, card: Card, title: Callable[[Region], str]
) -> list[tuple[str, str, str]]:
    """(where, confidence, why) of each place the key gives card, where named by title;
    a region the board does not have by its id."""
    found = []
    for place in card.reference:
        region = session.board.region(place.region)
        where = title(region) if region is not None else place.region
        found.append((where, place.confidence, place.why))
    return found


def shows_votes(session: Session) -> bool:
    """The dot votes are printed when dot voting is on and some card has a dot."""
    return bool(session.dots) and bool(votes(session))


def has_debrief(session: Session, key: bool) -> bool:
    """The debrief is printed when it has a part: the key (unless left out), a closed
    round's moves, or the dot votes."""
    return bool(keyed_cards(session, key)) or bool(session.rounds) or shows_votes(session)


def moved_title(round_name: str) -> str:
    return f"What moved since {round_name}"


def group_moves(session: Session, closed: Round, group: Group) -> list[Move]:
    """What the group moved since the closed round, lens by lens."""
    return [
        move
        for lens in session.board.lenses
        for move in moves_since(session, closed, lens.id).by_group.get(group.id, ())
    ]


def move_line(title: str, before: str, after: str) -> str:
    """'GP surgery time bank: Ladder: 5 Engagement (doing for) → the tray'."""
    return f"{title}: {before} \u2192 {after}"


def moves_by_group(
    session: Session, closed: Round, title: Callable[[str], str], label: Callable[[Region], str]
) -> list[tuple[Group, list[str]]]:
    """Each group that moved something since the closed round, with a move_line a move
    (title: a card's title as printed; label: a region's); the PDF and the HTML share it."""
    titles = {c.id: c.title for c in session.deck.cards}
    labels = {r.id: label(r) for r in session.board.regions}
    found = []
    for group in session.groups:
        lines = [
            move_line(
                title(titles.get(move.card, move.card)),
                labels.get(move.before or "", TRAY),
                labels.get(move.after or "", TRAY),
            )
            for move in group_moves(session, closed, group)
        ]
        if lines:
            found.append((group, lines))
    return found


def votes_intro(dots: int) -> str:
    return f"Each group had {dots} dots to put on the cards; the totals across groups, most first."


def vote_titles(session: Session) -> dict[str, str]:
    """Card id -> title for every card a dot can be on (the deck and the groups' own)."""
    titles = {c.id: c.title for c in session.cards_for(session.groups[0])}
    for group in session.groups:
        titles.update({c.id: c.title for c in group.cards})
    return titles


# --- reference (handout/reference.py) -------------------------------------------------

REFERENCE_TITLE = "Co-production: a short reference"
PLAIN_WORDS = "In plain words: "
SOURCE = "Source:"
WHY_COPRODUCTION = "Why is this co-production?"
SOURCES_TITLE = "Sources"
SOURCES_INTRO = (
    "Made with coprod-desktop. The texts of the cards, the board and this reference are "
    "written in the project's own words after these sources; the definitions are "
    "quoted."
)

# The deck's own examples say so in their source: "coprod-desktop example (everyday
# public service)", sometimes with what it was written after. That label is the
# project's bookkeeping, not a source a reader can look up.
_OWN_EXAMPLE = re.compile(
    r"^\s*coprod-desktop example(?: \([^)]*\))?\s*(?:,\s*written to (?:illustrate|discuss)\s+)?",
    re.IGNORECASE,
)


def reader_source(text: str) -> str:
    """A source as a reader of the handout's list of sources wants it: the work an
    example card was written after ('Bovaird and Loeffler's four Co's (Governance
    International)'), or nothing when the card names no work (issue 20). Sources that
    are not the deck's own examples are as written."""
    match = _OWN_EXAMPLE.match(text)
    if match is None:
        return text
    rest = text[match.end() :].strip()
    # A work has its publisher, year or series in brackets; "critiques of
    # co-production" is a topic, not a source.
    return rest[0].upper() + rest[1:] if "(" in rest else ""


def source_key(text: str) -> frozenset[str]:
    """What a source names, regardless of form: its works (split at '; '), each without
    case, extra spaces or a closing full stop. 'A; B' and 'B; A.' are the same source;
    a differently worded citation of the same work is not (that is not safe to guess)."""
    return frozenset(
        " ".join(part.split()).rstrip(".").casefold() for part in text.split(";") if part.strip()
    )


def unique_sources(texts: list[str]) -> list[str]:
    """texts without blanks and without a repeat of an earlier source (by source_key),
    each with its spaces collapsed, in first-seen order."""
    seen: set[frozenset[str]] = set()
    result: list[str] = []
    for text in texts:
        text = " ".join(text.split())
        key = source_key(text)
        if text and key not in seen:
            seen.add(key)
            result.append(text)
    return result


def reference_sources(
    session: Session, ref: ReferenceText, groups: list[Group], extra: list[Part] | None = None
) -> list[str]:
    """Every source named in the session's deck and board, the groups' own cards and the
    reference, once (see source_key), as the reader wants them (see reader_source)."""
    cards = [*session.deck.cards, *(c for g in groups for c in g.cards)]
    parts = (
        ref.definitions,
        ref.principles,
        ref.ladder,
        ref.degrees,
        ref.non_examples,
        ref.stories,
        *(extra or []),
    )
    texts = [
        session.board.source,
        *(c.source for c in cards),
        ref.matrix.source,
        *([ref.wellbeing.source] if ref.wellbeing else []),
        *(p.source for p in parts),
        *(i.source for p in parts for i in p.items),
    ]
    return unique_sources([reader_source(t) for t in texts])


def ladder_rungs(session: Session) -> list[Region]:
    """The ladder's rungs, top of the ladder first as on the board; none: no ladder."""
    return sorted((r for r in session.board.regions if r.lens == "ladder"), key=lambda r: r.rect[1])


def band_item(ref: ReferenceText, band: str) -> Item:
    return ref.bands.get(band, Item(band.capitalize(), ""))


def matrix_cells(session: Session) -> list[Region]:
    """The matrix's cells in board order; none: no matrix."""
    return [r for r in session.board.regions if r.lens == "matrix"]


@dataclass(frozen=True, slots=True)
class MatrixGrid:
    """The matrix laid out as the board has it: its columns' and rows' positions, the
    cell at each (row, column) and whether that is a full grid a table can show."""

    xs: list[float]
    ys: list[float]
    grid: dict[tuple[float, float], Region]  # (y, x) -> cell
    full: bool


def matrix_grid(cells: list[Region]) -> MatrixGrid:
    xs = sorted({r.rect[0] for r in cells})
    ys = sorted({r.rect[1] for r in cells})
    grid = {(r.rect[1], r.rect[0]): r for r in cells}
    full = len(grid) == len(xs) * len(ys) and len(cells) == len(grid)
    return MatrixGrid(xs, ys, grid, full)


def heading_over(headings: list[Decoration], cells: list[Region], start: float, axis: int) -> str:
    """The heading decoration that lines up with the column (axis 0) or row (axis 1)."""
    size = next(r.rect[2 + axis] for r in cells if r.rect[axis] == start)
    for d in headings:
        lo, extent = d.rect[axis], d.rect[2 + axis]
        if lo < start + size and start < lo + extent:
            return d.text
    return ""
