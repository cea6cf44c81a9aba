"""The debrief's figures, each on a hand-computed example (the arithmetic is in the comments)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from coprod_desktop.domain import agreement as ag
from coprod_desktop.domain.agreement import (
    Contest,
    GroupScore,
    LensInput,
    Move,
    NoKappa,
    VoteTotal,
    card_agreement,
    contested,
    fleiss_kappa,
    group_scores,
    lens_figures,
    lens_kappa,
    moves_between,
    report_dict,
    rung_spread,
    vote_totals,
)

LADDER = {f"r{i}": i for i in range(1, 8)}  # r1 bottom .. r7 top
Places = dict[str, dict[str, str | None]]  # card -> group -> region, or group -> card -> region

# --- popular placement, P and the gap ---------------------------------------------------


def test_every_group_in_one_region_gives_p_1_and_gap_1() -> None:
    a = card_agreement("c", {"A": "x", "B": "x", "C": "x"})
    assert (a.placed_by, a.popular, a.agreement, a.gap) == (3, "x", Fraction(1), Fraction(1))
    assert a.counts == (("x", 3),)
    assert a.places == 1


def test_two_of_three_gives_p_two_thirds_gap_one_third() -> None:
    a = card_agreement("c", {"A": "x", "B": "y", "C": "x"})
    assert a.popular == "x"
    assert a.agreement == Fraction(2, 3)
    assert a.gap == Fraction(2, 3) - Fraction(1, 3)
    assert a.counts == (("x", 2), ("y", 1))


def test_second_choice_share_is_the_next_count_not_the_rest() -> None:
    # x 2, y 1, z 1 of 4: P = 2/4, second = 1/4, gap = 1/4 (not 2/4 - 2/4)
    a = card_agreement("c", {"A": "x", "B": "y", "C": "z", "D": "x"})
    assert (a.popular, a.agreement, a.gap) == ("x", Fraction(1, 2), Fraction(1, 4))
    assert a.counts == (("x", 2), ("y", 1), ("z", 1))
    assert a.places == 3


def test_tie_for_most_chosen_has_no_popular_region_but_keeps_p_and_gap_0() -> None:
    a = card_agreement("c", {"A": "b", "B": "a"})
    assert a.popular is None
    assert a.agreement == Fraction(1, 2)
    assert a.gap == 0
    assert a.counts == (("a", 1), ("b", 1))  # equal counts: by region id
    three = card_agreement("c", {"A": "x", "B": "y", "C": "z"})
    assert (three.popular, three.agreement, three.gap) == (None, Fraction(1, 3), Fraction(0))


def test_groups_that_left_the_card_in_the_tray_do_not_count() -> None:
    # B left it in the tray, C is absent: P = 1 / 1, not 1 / 3
    a = card_agreement("c", {"A": "x", "B": None})
    assert (a.placed_by, a.popular, a.agreement, a.gap) == (1, "x", Fraction(1), Fraction(1))
    b = card_agreement("c", {"A": "x", "B": None, "C": "y", "D": "x"})
    assert (b.placed_by, b.agreement, b.gap) == (3, Fraction(2, 3), Fraction(1, 3))


@pytest.mark.parametrize("by_group", [{}, {"A": None, "B": None}])
def test_nobody_placed_it_gives_no_figures(by_group: dict[str, str | None]) -> None:
    a = card_agreement("c", by_group)
    assert (a.placed_by, a.counts, a.popular, a.agreement, a.gap) == (0, (), None, None, None)


# --- Fleiss' kappa ---------------------------------------------------------------------

# Fleiss (1971) as worked on Wikipedia ("Fleiss' kappa", worked example): 10 subjects,
# 14 raters, 5 categories. Published: p_j = .143 .200 .279 .150 .229, P_bar = 0.378,
# P_e = 0.213, kappa = 0.210.
WIKIPEDIA = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]
# By hand: sum_j n_ij^2 - 14 per row = 182 46 56 80 60 84 44 32 52 52 (sum 688), so
# P_bar = 688 / (10 * 14 * 13); column sums 20 28 39 21 32 of 140, so
# P_e = (20^2 + 28^2 + 39^2 + 21^2 + 32^2) / 140^2 = 4170 / 19600.
WIKI_P_BAR = Fraction(688, 1820)
WIKI_P_E = Fraction(4170, 19600)


def test_fleiss_kappa_matches_the_published_worked_example() -> None:
    kappa = fleiss_kappa(WIKIPEDIA)
    assert kappa is not None
    assert round(float(kappa), 3) == 0.210
    assert float(kappa) == pytest.approx(0.209930, abs=1e-6)
    assert kappa == (WIKI_P_BAR - WIKI_P_E) / (1 - WIKI_P_E)
    assert round(float(WIKI_P_BAR), 3) == 0.378 and round(float(WIKI_P_E), 3) == 0.213


def test_lens_kappa_on_the_worked_example_as_placements() -> None:
    regions = ["one", "two", "three", "four", "five"]
    placements: dict[str, dict[str, str | None]] = {}
    for i, row in enumerate(WIKIPEDIA):
        places = [regions[j] for j, n in enumerate(row) for _ in range(n)]
        placements[f"card{i}"] = {f"g{k}": place for k, place in enumerate(places)}
    k = lens_kappa(placements)
    assert (k.observed, k.expected, k.groups, k.reason) == (WIKI_P_BAR, WIKI_P_E, 14, None)
    assert k.value == fleiss_kappa(WIKIPEDIA)
    assert k.cards == tuple(f"card{i}" for i in range(10))


def test_kappa_two_groups_by_hand() -> None:
    # c1 (a, a): P_1 = (4 - 2) / 2 = 1; c2 (a, b): P_2 = 0; P_bar = 1/2
    # p_a = 3/4, p_b = 1/4: P_e = 10/16; kappa = (1/2 - 5/8) / (3/8) = -1/3
    k = lens_kappa({"c1": {"A": "a", "B": "a"}, "c2": {"A": "a", "B": "b"}})
    assert (k.value, k.observed, k.expected) == (Fraction(-1, 3), Fraction(1, 2), Fraction(5, 8))
    # complete agreement over two regions: P_bar = 1, P_e = 1/2, kappa = 1
    assert lens_kappa({"c1": {"A": "a", "B": "a"}, "c2": {"A": "b", "B": "b"}}).value == 1


def test_kappa_counts_only_cards_every_group_placed() -> None:
    placements: Places = {
        "c1": {"A": "a", "B": "a"},
        "c2": {"A": "a", "B": "b"},
        "c3": {"A": "b", "B": None},  # B left it in the tray
        "c4": {"A": "b"},  # B never touched it
    }
    k = lens_kappa(placements)
    assert k.cards == ("c1", "c2")
    assert k.value == Fraction(-1, 3)


def test_kappa_with_one_group_is_none() -> None:
    k = lens_kappa({"c1": {"A": "a"}, "c2": {"A": "b"}})
    assert (k.value, k.reason, k.groups) == (None, NoKappa.FEW_GROUPS, 1)
    assert lens_kappa({}).reason is NoKappa.FEW_GROUPS


def test_kappa_without_a_card_every_group_placed_is_none() -> None:
    k = lens_kappa({"c1": {"A": "a", "B": None}, "c2": {"B": "a"}})
    assert (k.value, k.reason, k.cards) == (None, NoKappa.NO_COMMON_CARDS, ())
    assert lens_kappa({}, groups=["A", "B"]).reason is NoKappa.NO_COMMON_CARDS


def test_a_group_that_placed_nothing_counts_when_named() -> None:
    placements = {"c1": {"A": "a", "B": "a"}, "c2": {"A": "a", "B": "b"}}
    assert lens_kappa(placements).value == Fraction(-1, 3)
    k = lens_kappa(placements, groups=["A", "B", "C"])
    assert (k.value, k.reason, k.groups) == (None, NoKappa.NO_COMMON_CARDS, 3)


def test_kappa_when_everything_is_in_one_region_is_none_not_1() -> None:
    k = lens_kappa({"c1": {"A": "a", "B": "a"}, "c2": {"A": "a", "B": "a"}})
    assert (k.value, k.reason) == (None, NoKappa.ONE_REGION)
    assert (k.observed, k.expected) == (Fraction(1), Fraction(1))
    assert fleiss_kappa([[3, 0], [3, 0]]) is None


@pytest.mark.parametrize("table", [[], [[1, 0]], [[2, 0], [1, 0]], [[2, 0], [2]], [[3, -1]]])
def test_fleiss_kappa_refuses_a_malformed_table(table: list[list[int]]) -> None:
    with pytest.raises(ValueError):
        fleiss_kappa(table)


# --- hits and distance against the key ------------------------------------------------


def test_hits_count_cards_with_a_key_and_a_place() -> None:
    placements: Places = {
        "c1": {"A": "x", "B": "y"},
        "c2": {"A": "y", "B": "y"},
        "c3": {"A": "x", "B": None},
        "c4": {"A": "z", "B": "z"},  # no key: not counted
    }
    key = {"c1": "x", "c2": "y", "c3": "x", "c9": "x"}  # c9: nobody placed it
    scores = group_scores(placements, key)
    assert scores["A"] == GroupScore("A", 3, 3, None, 0)
    assert scores["B"].pair == (1, 2)
    assert scores["B"].distance is None  # no ranks: no distance


def test_ladder_distance_is_the_mean_rung_difference() -> None:
    placements: Places = {
        "c1": {"A": "r5", "B": "r1", "C": None, "D": "r3"},
        "c2": {"A": "r6", "B": "r2", "D": "r7"},
        "c3": {"A": "r1", "B": "r1", "D": "r1"},  # no key
    }
    key = {"c1": "r3", "c2": "r6"}
    scores = group_scores(placements, key, LADDER)
    assert scores["A"].distance == 1  # (|5-3| + |6-6|) / 2
    assert scores["A"].pair == (1, 2)
    assert scores["B"].distance == 3  # (|1-3| + |2-6|) / 2
    assert scores["B"].pair == (0, 2)
    assert scores["D"].distance == Fraction(1, 2)  # (0 + 1) / 2
    assert scores["C"] == GroupScore("C", 0, 0, None, 0)  # nothing placed: none


def test_a_region_without_a_rank_counts_for_hits_not_distance() -> None:
    placements: Places = {"c1": {"A": "r2"}, "c2": {"A": "off"}}
    scores = group_scores(placements, {"c1": "r4", "c2": "off"}, LADDER)
    assert scores["A"] == GroupScore("A", 1, 2, Fraction(2), 1)


def test_no_key_gives_no_hits() -> None:
    placements = {"c1": {"A": "x"}}
    assert group_scores(placements, {})["A"] == GroupScore("A", 0, 0, None, 0)
    assert lens_figures(placements).scores == {}
    assert group_scores({}, {"c1": "x"}, groups=["A"])["A"].pair == (0, 0)


# --- contested cards -------------------------------------------------------------------


def test_matrix_contested_by_places_then_agreement_then_order() -> None:
    placements: Places = {
        "c5": {"A": None},  # nobody: never listed
        "c4": {"A": "x", "B": "x", "C": "x"},  # agreed: not contested
        "c2": {"A": "x", "B": "x", "C": "y"},  # 2 places, P 2/3
        "c3": {"A": "x", "B": "y", "C": None},  # 2 places, P 1/2
        "c1": {"A": "x", "B": "y", "C": "z"},  # 3 places, P 1/3
        "c6": {"A": "z", "B": "y"},  # as c3: after it (order given)
    }
    ranking = contested(placements)
    assert [c.card for c in ranking] == ["c1", "c3", "c6", "c2"]
    assert ranking[0] == Contest("c1", 3, None, Fraction(1, 3))
    with_agreed = contested(placements, include_agreed=True)
    assert [c.card for c in with_agreed] == ["c1", "c3", "c6", "c2", "c4"]


def test_ladder_contested_by_rung_spread_not_by_places() -> None:
    placements: Places = {
        "c1": {"A": "r1", "B": "r2"},  # spread 1
        "c2": {"A": "r2", "B": "r3", "C": "r6"},  # spread 4, but the most places
        "c3": {"A": "r1", "B": "r7", "C": "r7"},  # spread 6, P 2/3
        "c4": {"A": "r7", "B": "r1", "C": None},  # spread 6, P 1/2
    }
    ranking = contested(placements, LADDER)
    assert [c.card for c in ranking] == ["c4", "c3", "c2", "c1"]
    assert [c.spread for c in ranking] == [6, 6, 4, 1]
    assert [c.card for c in contested(placements)] == ["c2", "c1", "c4", "c3"]  # by places


def test_rung_spread() -> None:
    assert rung_spread({"A": "r2", "B": "r3", "C": "r6"}, LADDER) == 4
    assert rung_spread({"A": "r2", "B": None}, LADDER) == 0
    assert rung_spread({"A": "off", "B": "r5"}, LADDER) == 0
    assert rung_spread({}, LADDER) == 0


def test_contested_of_nothing_is_empty() -> None:
    assert contested({}) == ()
    assert contested({"c1": {"A": "x"}}, LADDER) == ()


# --- lens_figures ----------------------------------------------------------------------


def test_lens_figures_ignores_groups_not_named() -> None:
    placements = {"c1": {"A": "x", "B": "x", "Z": "y"}}
    f = lens_figures(placements, key={"c1": "x"}, groups=["A", "B"])
    assert f.groups == ("A", "B")
    assert f.cards["c1"].agreement == 1 and f.cards["c1"].placed_by == 2
    assert f.kappa.reason is NoKappa.ONE_REGION
    assert set(f.scores) == {"A", "B"}
    assert f.contested == ()
    everyone = lens_figures(placements)
    assert everyone.cards["c1"].agreement == Fraction(2, 3)
    assert everyone.groups == ("A", "B", "Z")


# --- rounds ----------------------------------------------------------------------------


def test_moves_between_rounds_per_group_and_across_groups() -> None:
    before: Places = {"A": {"c1": "x", "c2": "y", "c3": None}, "B": {"c1": "x"}}
    after: Places = {
        "A": {"c1": "x", "c2": "z", "c3": "w"},
        "B": {"c1": None, "c2": "x"},
        "C": {"c1": "x"},  # a group new in round 2: everything came from the tray
    }
    moved = moves_between(before, after)
    assert moved.by_group == {
        "A": (Move("c2", "y", "z"), Move("c3", None, "w")),
        "B": (Move("c1", "x", None), Move("c2", None, "x")),
        "C": (Move("c1", None, "x"),),
    }
    assert moved.by_card == {"c1": 2, "c2": 2, "c3": 1}
    assert list(moved.by_card) == ["c1", "c2", "c3"]
    assert moved.total == 5


def test_most_moved_card_comes_first() -> None:
    before = {"A": {"c1": "x", "c2": "x"}, "B": {"c1": "x", "c2": "x"}}
    after = {"A": {"c1": "y", "c2": "y"}, "B": {"c1": "x", "c2": "y"}}
    assert list(moves_between(before, after).by_card.items()) == [("c2", 2), ("c1", 1)]


def test_nothing_moved() -> None:
    snap = {"A": {"c1": "x", "c2": None}}
    moved = moves_between(snap, {"A": {"c1": "x"}})  # absent = tray = None
    assert (moved.by_group, moved.by_card, moved.total) == ({"A": ()}, {}, 0)
    empty = moves_between({}, {})
    assert (empty.by_group, empty.by_card, empty.total) == ({}, {}, 0)


# --- dot votes -------------------------------------------------------------------------


def test_vote_totals_sum_over_groups_most_first() -> None:
    votes = {"A": {"c1": 2, "c2": 1}, "B": {"c2": 2, "c3": 3, "c4": 0, "c5": -1}}
    # c1 2; c2 1 + 2 = 3; c3 3; c4 and c5 no dots. c2 and c3 tie: c2 was voted on first.
    assert vote_totals(votes) == (VoteTotal("c2", 3), VoteTotal("c3", 3), VoteTotal("c1", 2))
    assert vote_totals({}) == ()
    assert vote_totals({"A": {}}) == ()


# --- report_dict -----------------------------------------------------------------------


def report_lenses() -> dict[str, LensInput]:
    return {
        "matrix": LensInput(
            {"c1": {"A": "m1", "B": "m1"}, "c2": {"A": "m1", "B": "m2"}},
            key={"c1": "m1", "c2": "m2", "c9": "m3"},
        ),
        "ladder": LensInput(
            {"c1": {"A": "r2", "B": "r5"}, "c2": {"A": "r7", "B": None}},
            ranks=LADDER,
            key={"c1": "r4"},
        ),
        "not": LensInput({"c1": {"A": None}, "c2": {"B": "not"}}),
    }


def test_report_dict_is_the_json_contract() -> None:
    report = report_dict(report_lenses(), groups=["A", "B"])
    assert report == {
        "lenses": {
            "matrix": {
                # c1 [2, 0], c2 [1, 1]: P_bar 1/2, P_e 5/8, kappa -1/3
                "kappa": pytest.approx(-1 / 3),
                "cards": {
                    "c1": {
                        "placements": {"A": "m1", "B": "m1"},
                        "popular": "m1",
                        "agreement": 1.0,
                        "reference": "m1",
                    },
                    "c2": {
                        "placements": {"A": "m1", "B": "m2"},
                        "popular": None,
                        "agreement": 0.5,
                        "reference": "m2",
                    },
                    "c9": {
                        "placements": {"A": None, "B": None},
                        "popular": None,
                        "agreement": None,
                        "reference": "m3",
                    },
                },
            },
            "ladder": {
                # only c1 placed by both, [1, 1]: P_bar 0, P_e 1/2, kappa -1
                "kappa": -1.0,
                "cards": {
                    "c1": {
                        "placements": {"A": "r2", "B": "r5"},
                        "popular": None,
                        "agreement": 0.5,
                        "reference": "r4",
                    },
                    "c2": {
                        "placements": {"A": "r7", "B": None},
                        "popular": "r7",
                        "agreement": 1.0,
                        "reference": None,
                    },
                },
            },
            "not": {
                "kappa": None,
                "cards": {
                    "c1": {
                        "placements": {"A": None, "B": None},
                        "popular": None,
                        "agreement": None,
                        "reference": None,
                    },
                    "c2": {
                        "placements": {"A": None, "B": "not"},
                        "popular": "not",
                        "agreement": 1.0,
                        "reference": None,
                    },
                },
            },
        },
        "groups": {
            "A": {
                "hits": {"matrix": [1, 2], "ladder": [0, 1], "not": [0, 0]},
                "ladder_distance": 2.0,
            },
            "B": {
                "hits": {"matrix": [2, 2], "ladder": [0, 1], "not": [0, 0]},
                "ladder_distance": 1.0,
            },
        },
    }
    assert json.loads(json.dumps(report)) == report
    assert isinstance(report["lenses"]["matrix"]["kappa"], float)


def test_report_dict_default_groups_and_a_group_that_placed_nothing() -> None:
    lenses = report_lenses()
    assert list(report_dict(lenses)["groups"]) == ["A", "B"]
    report = report_dict(lenses, groups=["A", "B", "C"])
    assert report["groups"]["C"] == {
        "hits": {"matrix": [0, 0], "ladder": [0, 0], "not": [0, 0]},
        "ladder_distance": None,
    }
    assert report["lenses"]["matrix"]["cards"]["c1"]["placements"]["C"] is None
    assert report["lenses"]["matrix"]["kappa"] is None  # C placed no card


def test_report_dict_ladder_distance_needs_the_ladder_lens_with_ranks() -> None:
    lenses = report_lenses()
    no_ranks = {**lenses, "ladder": LensInput(lenses["ladder"].placements, key={"c1": "r4"})}
    assert report_dict(no_ranks)["groups"]["A"]["ladder_distance"] is None
    assert report_dict(lenses, ladder="rungs")["groups"]["A"]["ladder_distance"] is None


def test_report_dict_of_nothing() -> None:
    assert report_dict({}) == {"lenses": {}, "groups": {}}
    assert report_dict({"matrix": LensInput({})}) == {
        "lenses": {"matrix": {"kappa": None, "cards": {}}},
        "groups": {},
    }


# --- layering --------------------------------------------------------------------------


def test_agreement_depends_on_the_standard_library_only() -> None:
    source = Path(ag.__file__).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, "no relative imports"
            assert node.module is not None
            assert node.module.split(".")[0] in sys.stdlib_module_names, node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name.split(".")[0] in sys.stdlib_module_names, alias.name


def test_agreement_loads_no_qt_and_no_reportlab() -> None:
    code = (
        "import sys, coprod_desktop.domain.agreement\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab')))"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
