"""Built-in content: the NEF deck, the matrix-and-ladder board, and finding resources."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_desktop.domain.kinds import CARD_KINDS
from coprod_desktop.domain.model import GROUP_COLOURS, Rect
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import session_from_json, session_to_json

ROOT = Path(__file__).resolve().parent.parent
MAX_TITLE = 32


@pytest.fixture(scope="module")
def deck():
    return content.deck()


@pytest.fixture(scope="module")
def board():
    return content.board()


def by_kind(deck, kind: str):
    return [c for c in deck.cards if c.kind == kind]


# --- the deck ------------------------------------------------------------------


def test_deck_identity(deck) -> None:
    assert deck.id == content.DEFAULT_DECK_ID == "nef-coproduction"
    assert deck.title == "Co-production (NEF)"


def test_six_principles(deck) -> None:
    principles = by_kind(deck, "principle")
    assert len(principles) == 6
    words = " ".join(c.title.lower() for c in principles)
    for word in (
        "assets",
        "capabilities",
        "reciprocal",
        "peer support",
        "blurring",
        "facilitating",
    ):
        assert word in words


def test_five_non_examples(deck) -> None:
    titles = [c.title for c in by_kind(deck, "non_example")]
    assert titles == [
        "User involvement",
        "Civil society provision",
        "Engagement and consultation",
        "Volunteering",
        "Personal budgets",
    ]


def test_at_least_16_activities_from_the_stories_and_everyday_services(deck) -> None:
    activities = by_kind(deck, "activity")
    assert len(activities) >= 16
    sources = " ".join(c.source for c in activities)
    for story in ("FAST", "Learning to Lead", "Youth Court"):
        assert story in sources


def test_only_known_kinds_and_no_custom_cards_in_the_deck(deck) -> None:
    assert {c.kind for c in deck.cards} <= set(CARD_KINDS) - {"custom"}


@pytest.mark.parametrize("card", content.deck().cards, ids=lambda c: c.id)
def test_every_card_is_complete(card) -> None:
    assert card.source.strip(), f"{card.id} has no source"
    assert card.text.strip(), f"{card.id} has no text"
    assert card.title == card.title.strip()
    assert 0 < len(card.title) <= MAX_TITLE, f"{card.id}: title too long to read from the back"
    assert card.id == card.id.strip() and " " not in card.id


def test_every_board_region_has_a_plausible_activity(deck, board) -> None:
    """Each rung and each matrix cell is named in some activity's sorting hint."""
    hints = " ".join(c.more.lower() for c in by_kind(deck, "activity"))
    for region in board.regions:
        if region.zone == "not":
            continue
        assert region.label.lower() in hints, f"no activity card suggests {region.label!r}"


# --- the board -----------------------------------------------------------------


def test_board_identity(board) -> None:
    assert board.id == content.DEFAULT_BOARD_ID == "matrix-and-ladder"
    assert board.title == "Public service matrix and ladder of co-production"
    assert "Bovaird" in board.source


def test_nine_matrix_cells_with_the_verified_labels(board) -> None:
    matrix = [r for r in board.regions if r.zone == "matrix"]
    assert len(matrix) == 9
    labels = {r.label for r in matrix}
    assert {
        "Traditional professional service provision",
        "Full co-production",
        "Self-organised community provision",
    } <= labels
    assert len(labels) == 9
    assert all(r.description for r in matrix)


def test_the_matrix_is_a_3x3_grid(board) -> None:
    matrix = [r for r in board.regions if r.zone == "matrix"]
    assert len({r.rect[0] for r in matrix}) == 3  # three columns
    assert len({r.rect[1] for r in matrix}) == 3  # three rows
    assert board.region("matrix-traditional").rect[:2] == min(r.rect[:2] for r in matrix)


def test_seven_ladder_rungs_in_three_bands(board) -> None:
    ladder = [r for r in board.regions if r.zone == "ladder"]
    assert [r.label for r in sorted(ladder, key=lambda r: -r.rect[1])] == [
        "1 Coercion",
        "2 Educating",
        "3 Informing",
        "4 Consultation",
        "5 Engagement",
        "6 Co-design",
        "7 Co-production",
    ]  # bottom to top
    bands = [r.band for r in sorted(ladder, key=lambda r: int(r.label.split()[0]))]
    assert bands == ["to", "to", "for", "for", "for", "with", "with"]


def test_a_not_region(board) -> None:
    nots = [r for r in board.regions if r.zone == "not"]
    assert len(nots) == 1
    assert nots[0].label.startswith("Co-production is not")


def test_decorations_name_both_axes_and_the_bands(board) -> None:
    texts = " | ".join(d.text for d in board.decorations)
    assert "Who plans/designs?" in texts
    assert "Who delivers?" in texts
    for band in ("Doing to", "Doing for", "Doing with"):
        assert band in texts


def inside(inner: Rect, size: tuple[float, float]) -> bool:
    x, y, w, h = inner
    return x >= 0 and y >= 0 and w > 0 and h > 0 and x + w <= size[0] and y + h <= size[1]


def overlap(a: Rect, b: Rect) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def test_every_region_and_decoration_is_inside_the_board(board) -> None:
    for region in board.regions:
        assert inside(region.rect, board.size), region.id
    for decoration in board.decorations:
        assert inside(decoration.rect, board.size), decoration.text


def test_regions_do_not_overlap(board) -> None:
    for a, b in itertools.combinations(board.regions, 2):
        assert not overlap(a.rect, b.rect), f"{a.id} overlaps {b.id}"


def test_overlap_helper_is_strict() -> None:
    assert overlap((0, 0, 10, 10), (5, 5, 10, 10))
    assert not overlap((0, 0, 10, 10), (10, 0, 10, 10))  # touching edges are fine


def test_every_board_file_loads() -> None:
    files = sorted((content.resources_dir() / "boards").glob("*.json"))
    assert files
    assert len(content.builtin_boards()) == len(files)


def test_unknown_deck_or_board_is_a_content_error() -> None:
    with pytest.raises(content.ContentError, match="no built-in board 'nope'"):
        content.board("nope")
    with pytest.raises(content.ContentError, match="no built-in deck"):
        content.deck("nope")


# --- new sessions ----------------------------------------------------------------


def test_new_session() -> None:
    s = content.new_session("Workshop", ["Table 1 – Tŷ Ffynnon", "Table 2", "Table 3"])
    assert s.title == "Workshop"
    assert [g.id for g in s.groups] == ["g1", "g2", "g3"]
    assert [g.colour for g in s.groups] == list(GROUP_COLOURS[:3])
    assert all(g.placements == [] and g.cards == [] for g in s.groups)
    assert s.deck is content.deck() and s.board is content.board()
    assert s.created[:2] == "20" and "T" in s.created
    assert session_from_json(session_to_json(s)) == s


def test_new_session_defaults_to_one_group() -> None:
    s = content.new_session()
    assert len(s.groups) == 1
    s.place("g1", s.deck.cards[0].id, "matrix-full-coproduction")


# --- resources from anywhere ------------------------------------------------------


def test_resources_dir_has_decks_boards_and_fonts() -> None:
    folder = content.resources_dir()
    assert (folder / "decks").is_dir() and (folder / "boards").is_dir()
    assert content.font_path("DejaVuSans.ttf").is_file()
    assert content.font_path("DejaVuSans-Bold.ttf").is_file()


def test_resources_are_found_from_another_working_directory(tmp_path: Path) -> None:
    code = (
        "import coprod_desktop.files.builtin as c\n"
        "s = c.new_session()\n"
        "print(c.resources_dir())\n"
        "print(len(s.deck.cards), len(s.board.regions))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd="/tmp",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    folder, counts = result.stdout.splitlines()
    assert Path(folder).is_absolute() and (Path(folder) / "decks").is_dir()
    assert counts == f"{len(content.deck().cards)} {len(content.board().regions)}"
