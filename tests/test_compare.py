"""Comparing the groups' arrangements one lens at a time: places per card, agreement,
disagreement (on the ladder: how many rungs apart), and the principles groups saw."""

from __future__ import annotations

import pytest

from coprod_desktop.domain.compare import compare, compare_marks
from coprod_desktop.domain.model import Card, Session
from coprod_desktop.files import builtin as content

LADDER = {
    n: r
    for n, r in enumerate(
        [
            "ladder-coercion",
            "ladder-educating",
            "ladder-informing",
            "ladder-consultation",
            "ladder-engagement",
            "ladder-co-design",
            "ladder-co-production",
        ],
        1,
    )
}


@pytest.fixture
def session() -> Session:
    s = content.new_session("Compare", ["A", "B", "C"])
    a, b, c = (g.id for g in s.groups)
    # three cells on the matrix, all on the same rung
    for g, cell in (
        (a, "matrix-full-coproduction"),
        (b, "matrix-prof-design-co-deliver"),
        (c, "matrix-self-organised"),
    ):
        s.place(g, "activity-gp-time-bank", cell)
        s.place(g, "activity-gp-time-bank", LADDER[7])
    # the same cell everywhere, rungs 1, 2 and 6 (a spread of 5)
    for g, rung in ((a, 1), (b, 2), (c, 6)):
        s.place(g, "activity-school-attendance-order", "matrix-traditional")
        s.place(g, "activity-school-attendance-order", LADDER[rung])
    # rungs 3, 5 and 4: three rungs too, but only 2 apart
    for g, rung in ((a, 3), (b, 5), (c, 4)):
        s.place(g, "activity-bin-collection-letter", LADDER[rung])
    # two groups on two rungs next to each other
    s.place(a, "activity-fast-sessions", LADDER[6])
    s.place(b, "activity-fast-sessions", LADDER[7])
    # two groups on one rung; C gave it a cell only
    s.place(a, "activity-library-hours-survey", LADDER[4])
    s.place(b, "activity-library-hours-survey", LADDER[4])
    s.place(c, "activity-library-hours-survey", "matrix-traditional")
    # "not" for A and B; C put it on a rung instead
    s.place(a, "not-volunteering", "not-coproduction")
    s.place(b, "not-volunteering", "not-coproduction")
    s.place(c, "not-volunteering", LADDER[5])
    return s


def ids(rows) -> list[str]:
    return [r.card.id for r in rows]


def row_of(result, card_id: str):
    return next(r for r in result.cards if r.card.id == card_id)


def test_every_deck_card_has_one_entry_per_group_on_each_lens(session: Session) -> None:
    for lens in ("matrix", "ladder", "not"):
        result = compare(session, lens)
        assert ids(result.cards) == [c.id for c in session.deck.cards]
        assert result.group_names == ("A", "B", "C")
        assert {r.lens for r in result.regions} == {lens}
    matrix = row_of(compare(session, "matrix"), "activity-gp-time-bank")
    assert matrix.regions == (
        "matrix-full-coproduction",
        "matrix-prof-design-co-deliver",
        "matrix-self-organised",
    )
    assert row_of(compare(session, "ladder"), "activity-gp-time-bank").regions == ((LADDER[7],) * 3)


def test_a_cell_never_counts_against_a_rung() -> None:
    """One group's cell and another's rung for the same card are no disagreement."""
    s = content.new_session("Two lenses", ["A", "B"])
    a, b = (g.id for g in s.groups)
    s.place(a, "activity-gp-time-bank", "matrix-full-coproduction")
    s.place(b, "activity-gp-time-bank", LADDER[7])
    for lens in ("matrix", "ladder"):
        row = row_of(compare(s, lens), "activity-gp-time-bank")
        assert row.placed_by == 1 and row.disagreement == 1
        assert compare(s, lens).disputed() == []


def test_agreed_is_per_lens(session: Session) -> None:
    assert ids(compare(session, "matrix").agreed()) == ["activity-school-attendance-order"]
    assert ids(compare(session, "ladder").agreed()) == ["activity-gp-time-bank"]
    assert ids(compare(session, "not").agreed()) == []  # C gave it no place there


def test_on_the_ladder_the_widest_spread_comes_first(session: Session) -> None:
    ladder = compare(session, "ladder")
    assert ladder.ordered and ladder.unit == "rung"
    by_id = {r.card.id: r for r in ladder.cards}
    assert by_id["activity-school-attendance-order"].spread == 5
    assert by_id["activity-bin-collection-letter"].spread == 2
    assert by_id["activity-fast-sessions"].spread == 1
    assert by_id["activity-library-hours-survey"].spread == 0
    assert ids(ladder.disputed()) == [
        "activity-school-attendance-order",
        "activity-bin-collection-letter",
        "activity-fast-sessions",
    ]


def test_on_the_matrix_the_most_different_cells_come_first(session: Session) -> None:
    matrix = compare(session, "matrix")
    assert not matrix.ordered and matrix.unit == "cell"
    assert row_of(matrix, "activity-gp-time-bank").spread == 0  # no ranks on the matrix
    assert ids(matrix.disputed()) == ["activity-gp-time-bank"]
    assert matrix.contested().listed[0].card.id == "activity-gp-time-bank"


def test_no_place_on_this_lens_tells_the_tray_from_another_lens(session: Session) -> None:
    ladder = compare(session, "ladder")
    survey = row_of(ladder, "activity-library-hours-survey")
    assert survey.unplaced_by == (2,)
    assert survey.other_lens_only_by == (2,)  # C gave it a cell, no rung yet
    assert survey.in_tray_by == ()
    sessions = row_of(ladder, "activity-fast-sessions")
    assert sessions.in_tray_by == (2,) and sessions.other_lens_only_by == ()
    volunteering = row_of(compare(session, "not"), "not-volunteering")
    assert volunteering.other_lens_only_by == (2,)


def test_places_follow_board_order_with_their_groups(session: Session) -> None:
    ladder = compare(session, "ladder")
    places = ladder.places(row_of(ladder, "activity-school-attendance-order"))
    assert [(p.region.id, p.groups) for p in places] == [
        (LADDER[1], (0,)),
        (LADDER[2], (1,)),
        (LADDER[6], (2,)),
    ]


def test_never_placed_and_placed_per_lens(session: Session) -> None:
    ladder = compare(session, "ladder")
    assert len(ladder.placed()) == 6
    assert "principle-capabilities" in [c.id for c in ladder.never_placed()]
    assert len(ladder.placed()) + len(ladder.never_placed()) == len(session.deck.cards)
    assert ids(compare(session, "not").placed()) == ["not-volunteering"]


def test_groups_own_cards_are_not_compared(session: Session) -> None:
    group = session.groups[0]
    group.cards.append(Card("own", "custom", "Our idea", ""))
    session.place(group.id, "own", "ladder-co-design")
    assert "own" not in ids(compare(session, "ladder").cards)


def test_one_group_agrees_with_itself() -> None:
    s = content.new_session("Solo", ["Only"])
    s.place(s.groups[0].id, "activity-gp-time-bank", "ladder-co-design")
    result = compare(s, "ladder")
    assert ids(result.agreed()) == ["activity-gp-time-bank"]
    assert result.disputed() == []


def test_contested_caps_the_list_and_counts_two_place_cards(session: Session) -> None:
    ladder = compare(session, "ladder")
    contested = ladder.contested()
    assert ids(contested.listed) == [
        "activity-school-attendance-order",
        "activity-bin-collection-letter",
    ]
    assert contested.two_places == 1  # fast sessions
    capped = ladder.contested(limit=1)
    assert ids(capped.listed) == ["activity-school-attendance-order"] and capped.more == 1


def test_contested_lists_few_two_place_cards_when_none_has_three(session: Session) -> None:
    a = session.groups[0].id
    session.unplace(a, "activity-gp-time-bank", "matrix")  # now two cells
    matrix = compare(session, "matrix")
    assert ids(matrix.contested().listed) == ["activity-gp-time-bank"]
    assert matrix.contested(limit=0).two_places == 1


def test_notes_belong_to_the_card_on_every_lens(session: Session) -> None:
    a = session.groups[0].id
    session.set_note(a, "activity-gp-time-bank", "  Patients run it  ")
    for lens in ("matrix", "ladder"):
        row = row_of(compare(session, lens), "activity-gp-time-bank")
        assert row.note(0) == "Patients run it"
        assert row.note(1) == ""


def test_the_principles_groups_saw_most_groups_first(session: Session) -> None:
    a, b, c = (g.id for g in session.groups)
    session.mark(a, "activity-gp-time-bank", "principle-reciprocity")
    session.mark(b, "activity-gp-time-bank", "principle-assets")
    session.mark(c, "activity-gp-time-bank", "principle-reciprocity")
    session.mark(c, "activity-school-attendance-order", "principle-assets")
    rows = compare_marks(session)
    marked = {"activity-gp-time-bank", "activity-school-attendance-order"}
    assert ids(rows) == [c.id for c in session.deck.cards if c.id in marked]  # deck order
    bank = next(r for r in rows if r.card.id == "activity-gp-time-bank")
    assert [(p.principle.id, p.groups) for p in bank.principles] == [
        ("principle-reciprocity", (0, 2)),
        ("principle-assets", (1,)),
    ]
    assert "activity-fast-sessions" not in ids(rows)


def test_principles_seen_by_as_many_groups_come_in_deck_order(session: Session) -> None:
    a, b, _c = (g.id for g in session.groups)
    session.mark(a, "activity-gp-time-bank", "principle-reciprocity")  # marked first ...
    session.mark(b, "activity-gp-time-bank", "principle-assets")
    (bank,) = compare_marks(session)
    deck = [c.id for c in session.deck.cards]
    assert deck.index("principle-assets") < deck.index("principle-reciprocity")
    assert [p.principle.id for p in bank.principles] == [  # ... but listed in deck order
        "principle-assets",
        "principle-reciprocity",
    ]
