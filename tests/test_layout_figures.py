"""The grid's figures, exactly: the board and the printed handout both place cards and
labels in these rects, so a unit off is a card drawn off its slot. Regions are sized so
that one card or one gap more or less changes the answer. No Qt; fast.
"""

from __future__ import annotations

import pytest

from coprod_desktop.domain.layout import (
    CARD_HEIGHT,
    CARD_TITLE,
    CARD_WIDTH,
    GAP,
    RegionLayout,
    fit_region,
    insertion_index,
    label_rect_at,
    layout_for,
    layout_in,
    layout_region,
    room_floors,
    stretch_factors,
    stretched,
)
from coprod_desktop.files import builtin as content

# --- layout_region: the grid that shrinks, then hides ---------------------------------


def approx_slots(layout: RegionLayout) -> list[tuple[float, ...]]:
    return [tuple(round(v, 6) for v in slot) for slot in layout.slots]


def test_two_cards_side_by_side_in_exactly_two_widths_and_three_gaps() -> None:
    width = 2 * CARD_WIDTH + 3 * GAP  # a gap left, between and right
    layout = layout_region((100, 50, width, 200), 2, 40, 0)
    assert layout.scale == 1.0 and layout.hidden == 0
    high = CARD_HEIGHT * 1.3  # room below: the cards grow to 1.3x high, no more
    assert approx_slots(layout) == [
        (100 + GAP, 90, CARD_WIDTH, round(high, 6)),
        (100 + 2 * GAP + CARD_WIDTH, 90, CARD_WIDTH, round(high, 6)),
    ]


def test_two_cards_stacked_in_exactly_two_heights_and_gaps() -> None:
    height = 40 + 2 * CARD_HEIGHT + 2 * GAP  # label, card, gap, card, gap
    layout = layout_region((0, 0, CARD_WIDTH + 2 * GAP, height), 2, 40, 0)
    assert layout.scale == 1.0 and layout.hidden == 0
    assert approx_slots(layout) == [
        (GAP, 40, CARD_WIDTH, CARD_HEIGHT),
        (GAP, 40 + CARD_HEIGHT + GAP, CARD_WIDTH, CARD_HEIGHT),
    ]


def test_one_card_more_than_fits_shrinks_one_step_only() -> None:
    # Two columns do not fit at full size (300 < 306) but do at 0.95; one row either way.
    layout = layout_region((0, 0, 312, 146), 2, 40, 0)
    assert layout.scale == 0.95 and layout.hidden == 0
    assert [s[1] for s in layout.slots] == [40, 40]  # side by side


@pytest.mark.parametrize("count", [2, 3])
def test_cards_shrink_rather_than_squash(count: int) -> None:
    """A region a little short of room for another full-size card, across or down: the
    cards get smaller, each still its scale's shape, instead of being squeezed in."""
    for rect in [(0, 0, 2 * CARD_WIDTH + 3 * GAP + 120, 146), (0, 0, 162, 176 + 50)]:
        layout = layout_region(rect, count + 1, 40, 0)
        for _x, _y, w, h in layout.slots:
            assert w >= CARD_WIDTH * layout.scale - 1e-9
            assert h >= CARD_HEIGHT * layout.scale - 1e-9


def test_a_shrunk_column_keeps_its_cards_shape() -> None:
    # One column at any scale; three rows first fit at 0.7: cards 1.6x their width there.
    layout = layout_region((0, 0, 192, 190), 3, 40, 0)
    assert layout.scale == 0.7
    assert approx_slots(layout) == [(6, 40, 168, 44), (6, 90, 168, 44), (6, 140, 168, 44)]


def test_a_lone_card_stretches_to_its_caps() -> None:
    layout = layout_region((0, 0, 1000, 1000), 1, 40, 0)
    assert approx_slots(layout) == [(GAP, 40, CARD_WIDTH * 1.6, round(CARD_HEIGHT * 1.3, 6))]


def test_a_shrunk_strip_keeps_its_cards_height_cap() -> None:
    layout = layout_region((0, 0, 312, 121), 3, 40, 0)
    assert layout.scale == 0.6
    for _x, _y, _w, h in layout.slots:
        assert h == pytest.approx(CARD_HEIGHT * 0.6 * 1.3)


def test_layout_for_and_layout_in_keep_the_base_size() -> None:
    """The debrief shows cards at presentation size (base 1.5)."""
    region = content.board().region("matrix-full-coproduction")
    assert layout_for(region, 1, 1.5).scale == 1.5
    assert layout_in(region.rect, region.lens, 1, 1.5).scale == 1.5
    assert layout_for(region, 1).scale == 1.0  # the handout: full size


def test_each_lens_has_its_label_room() -> None:
    rect = (0.0, 0.0, 600.0, 400.0)
    matrix, ladder, other = (layout_in(rect, lens, 1, 1.0) for lens in ("matrix", "ladder", "x"))
    assert matrix.slots[0][:2] == (GAP, 66)  # a tall strip for the matrix's two-line labels
    assert ladder.slots[0][:2] == (150 + GAP, 6)  # a rung's label: a column on its left
    assert other.slots[0][:2] == (GAP, 40)


def test_label_boxes() -> None:
    """A strip label: 8 in from both sides, 3 below the top edge, ending GAP above the
    cards. A column label: 8 in from the left, 4 clear of the column's edge, 4 from the
    rung's top and bottom."""
    assert label_rect_at((100, 200, 600, 300), "matrix") == (108, 203, 584, 57)
    assert label_rect_at((100, 200, 600, 300), "x") == (108, 203, 584, 31)
    assert label_rect_at((100, 200, 600, 300), "ladder") == (108, 204, 138, 292)


# --- where a drop goes: the edges ---------------------------------------------------


def two_cards() -> RegionLayout:
    layout = layout_region((0, 0, 2 * CARD_WIDTH + 3 * GAP, 200), 2, 40, 0)
    assert [s[:3] for s in layout.slots] == [(6, 40, 150), (162, 40, 150)]
    return layout


def test_a_drop_left_of_a_cards_middle_goes_before_it() -> None:
    layout = two_cards()
    assert insertion_index(layout, 6 + 0.4 * 150, 60) == 0
    assert insertion_index(layout, 6 + 0.6 * 150, 60) == 1
    assert insertion_index(layout, 6 + 75, 60) == 1  # the very middle: after


def test_a_drop_on_a_cards_top_edge_reads_its_halves() -> None:
    layout = two_cards()
    assert insertion_index(layout, 100, 40) == 1  # right half of card 0, on its top edge


def test_a_drop_on_the_bottom_edge_of_the_last_row_goes_to_the_end() -> None:
    layout = two_cards()
    _x, sy, _w, sh = layout.slots[0]
    assert insertion_index(layout, 10, sy + sh) == 2


# --- presenting: floors and stretch -----------------------------------------------------


def test_room_floors_follow_the_narrower_side_of_the_screen() -> None:
    assert room_floors(3840, 2400) == (48.0, 36.0)  # 16:10: the width decides
    assert room_floors(4800, 2160) == (48.0, 36.0)  # very wide: the height decides


def test_room_floors_of_a_window_without_a_size_are_those_of_1080p() -> None:
    for w, h in [(0, 0), (0, 1080), (1920, 0), (-5, 900)]:
        assert room_floors(w, h) == (24.0, 18.0)
    assert room_floors(1, 1) == (18.0, 14.0)  # tiny but real: the smallest floors


def test_stretch_factors() -> None:
    assert stretch_factors(1920, 1080, 1920, 1080) == (1.0, 1.0)
    assert stretch_factors(1920, 1080, 1024, 768) == (1.0, 1.333)  # 16:9 on 4:3: taller
    assert stretch_factors(1600, 1200, 1920, 1080) == (1.333, 1.0)  # 4:3 on 16:9: wider
    assert stretch_factors(1920, 1080, 2000, 1000) == (1.125, 1.0)
    assert stretch_factors(1000, 1000, 3000, 1000) == (1.5, 1.0)  # at most 1.5 either way
    assert stretch_factors(1920, 1080, 500, 1000) == (1.0, 1.5)
    assert stretch_factors(1, 1, 4, 3) == (1.333, 1.0)  # only the shapes count
    assert stretch_factors(1000, 1000, 1000, 1000, limit=1.2) == (1.0, 1.0)
    assert stretch_factors(1000, 1000, 4000, 1000, limit=1.2) == (1.2, 1.0)
    assert stretch_factors(1000, 1000, 1000, 4000, limit=1.2) == (1.0, 1.2)


@pytest.mark.parametrize(
    "sizes", [(0, 1080, 1920, 1080), (1920, 0, 1920, 1080), (1920, 1080, 0, 10), (16, 9, 4, 0)]
)
def test_stretch_factors_of_an_empty_board_or_view_are_one(sizes: tuple[int, ...]) -> None:
    assert stretch_factors(*sizes) == (1.0, 1.0)


def test_stretched() -> None:
    assert stretched((10, 20, 30, 40), 2, 3) == (20, 60, 60, 120)


# --- fit_region: one title size for a region's cards -------------------------------------


def fits(size: float):  # noqa: ANN201 - a stand-in for measuring
    """Titles fit at size in any card; the fit is never asked about a card without area."""

    def fit(w: float, h: float, n: int) -> float:
        assert w > 0 and h > 0 and n > 0
        return size

    return fit


def by_side(w: float, h: float, n: int) -> float:
    assert w > 0 and h > 0
    return min(w, h) / 4


def fitted(rect, count, fit, floor=10.0, largest=1000.0, top=40.0, left=0.0, min_width=0.0):  # noqa: ANN001, ANN201
    return fit_region(rect, count, fit, floor, largest, top, left, 40.0, min_width=min_width)


def test_fit_region_empty_region() -> None:
    layout = fit_region((0, 0, 300, 200), 0, fits(30), 20.0, 44.0, 40.0, 0.0, 40.0, min_width=0)
    assert layout == RegionLayout((), 2.0, 0, 44.0, None)  # no "+N" strip


def test_fit_region_a_lone_card_is_at_most_so_big() -> None:
    layout = fitted((10, 20, 5000, 5000), 1, fits(44.0), largest=44.0)
    k = 44.0 / CARD_TITLE
    assert approx_slots(layout) == [(16, 60, CARD_WIDTH * k * 1.6, CARD_HEIGHT * k * 1.5)]
    assert layout.scale == k and layout.title_px == 44.0


def test_fit_region_two_columns_fill_the_width() -> None:
    layout = fitted((0, 0, 318, 200), 2, by_side)
    assert approx_slots(layout) == [(6, 40, 150, 154), (162, 40, 150, 154)]
    assert layout.title_px == 37.5 and layout.scale == 37.5 / CARD_TITLE


def test_fit_region_right_of_a_label_column() -> None:
    layout = fitted((100, 0, 468, 200), 2, by_side, left=150.0)
    assert approx_slots(layout) == [(256, 40, 150, 154), (412, 40, 150, 154)]


def test_fit_region_two_rows_fill_the_height() -> None:
    layout = fitted((0, 0, 162, 350), 2, by_side)
    assert approx_slots(layout) == [(6, 40, 150, 149), (6, 195, 150, 149)]


def test_fit_region_picks_the_grid_with_the_largest_titles() -> None:
    layout = fitted((0, 0, 318, 300), 4, by_side)  # 1x4: 14.75, 2x2: 31, 3+1: 24.5, 4x1: 18
    assert approx_slots(layout) == [
        (6, 40, 150, 124),
        (162, 40, 150, 124),
        (6, 170, 150, 124),
        (162, 170, 150, 124),
    ]


def test_fit_region_a_better_fit_wins_by_less_than_a_pixel() -> None:
    layout = fitted((0, 0, 318, 200), 2, lambda w, h, n: 20.5 if w < 200 else 20.0)
    assert layout.title_px == 20.5 and len({s[1] for s in layout.slots}) == 1  # one row


def test_fit_region_keeps_fewer_columns_on_a_tie() -> None:
    layout = fitted((0, 0, 318, 200), 2, fits(30.0))
    assert [s[0] for s in layout.slots] == [6, 6]  # one column


def test_fit_region_a_title_at_the_floor_exactly_is_shown() -> None:
    layout = fitted((0, 0, 318, 200), 2, fits(10.0), floor=10.0)
    assert len(layout.slots) == 2 and layout.hidden == 0 and layout.more is None


def test_fit_region_no_more_columns_narrower_than_the_longest_word() -> None:
    # Two columns would give the larger titles (150 wide each) but the word needs 151.
    layout = fitted((0, 0, 318, 200), 2, by_side, min_width=151.0)
    assert [s[0] for s in layout.slots] == [6, 6] and layout.hidden == 0
    exact = fitted((0, 0, 318, 200), 2, by_side, min_width=150.0)  # it fits exactly
    assert [s[0] for s in exact.slots] == [6, 162]


def test_fit_region_one_column_is_tried_however_long_the_word() -> None:
    layout = fitted((0, 0, 100, 200), 1, fits(30.0), min_width=200.0)
    assert len(layout.slots) == 1 and layout.hidden == 0


def test_fit_region_skips_grids_without_height_or_width() -> None:
    # Four rows leave no height (18 - 3 gaps); two rows of two do.
    layout = fitted((0, 0, 318, 24), 4, fits(30.0), top=0.0)
    assert len(layout.slots) == 4 and layout.hidden == 0
    assert approx_slots(layout)[0] == (6, 0, 150, 6)
    # Two columns leave no width (6 - 1 gap): one column it is.
    narrow = fitted((0, 0, 18, 400), 2, fits(30.0))
    assert [s[0] for s in narrow.slots] == [6, 6]


def test_fit_region_asks_about_the_cards_it_would_show() -> None:
    """Only the first two titles fit (the third is long): two cards and "+3"."""
    layout = fitted((0, 0, 318, 300), 5, lambda w, h, n: 30.0 if n <= 2 else 0.0)
    assert len(layout.slots) == 2 and layout.hidden == 3 and layout.more is not None


def test_fit_region_nothing_fits_all_behind_the_strip() -> None:
    layout = fit_region(
        (10, 20, 300, 200), 3, lambda w, h, n: 0.0, 22.0, 44.0, 40, 0, 30, min_width=0
    )
    assert layout == RegionLayout((), 1.0, 3, 22.0, (16, 20 + 200 - 6 - 30, 288, 30))
