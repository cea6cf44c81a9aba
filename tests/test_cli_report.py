"""`coprod-desktop report`: the debrief's figures from a session, per lens, as text, JSON
(the contract) and CSV; worked out by hand on a small session."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from coprod_desktop.cli.main import main
from coprod_desktop.domain.debrief import figures, lens_input, report
from coprod_desktop.domain.model import KeyPlace, Session
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import save_session

BANK, FAST, SURVEY = (
    "activity-gp-time-bank",
    "activity-fast-sessions",
    "activity-library-hours-survey",
)


@pytest.fixture
def s() -> Session:
    """Three groups. The time bank: cells full/full/prof-design-co-deliver, rungs 7/7/5 and a
    key of full co-production (high) and rung 6 (contested). Fast sessions: rung 6 for A
    only, a cell for B only. The survey: every group on rung 4."""
    s = content.new_session("Report", ["A", "B", "C"])
    a, b, c = (g.id for g in s.groups)
    for g, cell, rung in (
        (a, "matrix-full-coproduction", "ladder-co-production"),
        (b, "matrix-full-coproduction", "ladder-co-production"),
        (c, "matrix-prof-design-co-deliver", "ladder-engagement"),
    ):
        s.place(g, BANK, cell)
        s.place(g, BANK, rung)
        s.place(g, SURVEY, "ladder-consultation")
    s.place(a, FAST, "ladder-co-design")
    s.place(b, FAST, "matrix-traditional")
    key = (
        KeyPlace("matrix-full-coproduction", "high", "People plan and deliver with staff."),
        KeyPlace("ladder-co-design", "contested", "The surgery still holds the budget."),
    )
    s.deck = replace(  # one keyed card: the built-in deck's own key is left out here
        s.deck,
        cards=tuple(replace(c, reference=key if c.id == BANK else ()) for c in s.deck.cards),
    )
    return s


def test_the_lens_input_is_per_lens_and_reads_the_key(s: Session) -> None:
    ladder = lens_input(s, "ladder")
    assert ladder.placements[BANK] == {
        "g1": "ladder-co-production",
        "g2": "ladder-co-production",
        "g3": "ladder-engagement",
    }
    assert ladder.placements[FAST] == {"g1": "ladder-co-design", "g2": None, "g3": None}
    assert ladder.ranks is not None and ladder.ranks["ladder-coercion"] == 1
    assert ladder.key is not None and ladder.key[BANK] == "ladder-co-design"
    matrix = lens_input(s, "matrix")
    assert matrix.ranks is None and matrix.placements[FAST]["g2"] == "matrix-traditional"
    assert lens_input(s, "not").key is None  # no card has a key there


def test_the_figures_by_hand(s: Session) -> None:
    ladder = figures(s, "ladder")
    bank = ladder.cards[BANK]
    # two of three on rung 7: P = 2/3; the gap to the second (1/3) is 1/3
    assert (bank.popular, float(bank.agreement), float(bank.gap)) == (
        "ladder-co-production",
        2 / 3,
        1 / 3,
    )
    # hits on the ladder key (rung 6): none; distances |7-6|, |7-6|, |5-6| = 1 each
    scores = ladder.scores
    assert [(scores[g].hits, scores[g].compared, float(scores[g].distance)) for g in scores] == [
        (0, 1, 1.0),
        (0, 1, 1.0),
        (0, 1, 1.0),
    ]
    matrix = figures(s, "matrix")
    assert [matrix.scores[g].pair for g in matrix.scores] == [(1, 1), (1, 1), (0, 1)]
    # Fleiss over the cards every group placed on the ladder: the bank (7,7,5) and the
    # survey (4,4,4). P_i: 1/3 and 1; P_bar 2/3. p: rung 7 2/6, rung 5 1/6, rung 4 3/6;
    # P_e = 4/36 + 1/36 + 9/36 = 14/36. kappa = (2/3 - 14/36) / (1 - 14/36) = 10/22
    assert float(ladder.kappa.value) == pytest.approx(10 / 22)


def test_json_is_the_contract(s: Session, tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.json"
    save_session(s, path)
    assert main(["report", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == json.loads(json.dumps(report(s)))
    assert set(data) == {"lenses", "groups"} and list(data["lenses"]) == ["matrix", "ladder", "not"]
    bank = data["lenses"]["ladder"]["cards"][BANK]
    assert bank == {
        "placements": {
            "g1": "ladder-co-production",
            "g2": "ladder-co-production",
            "g3": "ladder-engagement",
        },
        "popular": "ladder-co-production",
        "agreement": pytest.approx(2 / 3),
        "reference": "ladder-co-design",
    }
    assert data["lenses"]["ladder"]["cards"][FAST]["popular"] == "ladder-co-design"
    assert data["lenses"]["matrix"]["cards"][SURVEY]["agreement"] is None  # nobody: null
    assert data["groups"]["g3"] == {
        "hits": {"matrix": [0, 1], "ladder": [0, 1], "not": [0, 0]},
        "ladder_distance": 1.0,
    }


def test_csv_has_a_row_per_lens_card_and_group(s: Session, tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.json"
    save_session(s, path)
    assert main(["report", str(path), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["lens", "card", "group", "region", "popular", "agreement", "reference"]
    assert len(rows) - 1 == 3 * len(s.deck.cards) * 3
    assert [
        "ladder",
        BANK,
        "g3",
        "ladder-engagement",
        "ladder-co-production",
        "0.667",
        "ladder-co-design",
    ] in rows


def test_text_names_kappa_contested_cards_and_the_key(s: Session, tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.json"
    save_session(s, path)
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Ladder of co-production: 3 card(s) placed; Fleiss' kappa 0.45" in out
    assert "contested: GP surgery time bank: 2 rungs, 2 rungs apart, agreement 67%" in out
    assert "C: 0 of 1 on the key, 1.00 rungs from it on average" in out
    assert (
        "agreed by every group that placed it: Library opening-hours survey (4 Consultation)" in out
    )


def test_a_bad_file_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{}", encoding="utf-8")
    assert main(["report", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1


def test_report_runs_as_a_process_on_the_example(example_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coprod_desktop", "report", str(example_path), "--format", "json"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout)["groups"]) == {"g1", "g2", "g3"}
