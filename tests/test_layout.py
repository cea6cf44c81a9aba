"""Card slots inside a region: inside, no overlap, shrink then overflow; drop positions."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_desktop.domain.layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    MIN_SCALE,
    RegionLayout,
    fit_region,
    insertion_index,
    label_rect,
    layout_for,
    layout_region,
    room_floors,
)
from coprod_desktop.domain.model import Rect
from coprod_desktop.files import builtin as content

EPS = 1e-6


def inside(slot: Rect, area: Rect) -> bool:
    x, y, w, h = slot
    ax, ay, aw, ah = area
    return (
        w > 0
        and h > 0
        and x >= ax - EPS
        and y >= ay - EPS
        and x + w <= ax + aw + EPS
        and y + h <= ay + ah + EPS
    )


def overlap(a: Rect, b: Rect) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw - EPS and bx < ax + aw - EPS and ay < by + bh - EPS and by < ay + ah - EPS


def check_layout(layout: RegionLayout, area: Rect, count: int, sizes: bool = True) -> None:
    assert len(layout.slots) + layout.hidden == count
    assert MIN_SCALE <= layout.scale <= 1.0
    if layout.hidden:
        assert layout.scale == MIN_SCALE  # shrink first, hide only at the smallest size
    for slot in layout.slots:
        assert inside(slot, area), (slot, area)
        if sizes:  # at least its scale's size, stretched at most 1.6x wide and 1.3x high
            cw, ch = CARD_WIDTH * layout.scale, CARD_HEIGHT * layout.scale
            assert cw - EPS <= slot[2] <= cw * 1.6 + EPS, (slot, layout.scale)
            assert ch - EPS <= slot[3] <= ch * 1.3 + EPS, (slot, layout.scale)
    for a, b in itertools.combinations(layout.slots, 2):
        assert not overlap(a, b), (a, b)
    # Reading order: row by row, left to right.
    keys = [(round(s[1], 6), s[0]) for s in layout.slots]
    assert keys == sorted(keys)


@pytest.fixture(scope="module")
def board():
    return content.board()


def cell(board):
    return board.region("matrix-full-coproduction")


# --- the grid ------------------------------------------------------------------


def test_no_cards_no_slots() -> None:
    assert layout_region((0, 0, 300, 200), 0, 40, 0) == RegionLayout((), 1.0, 0)


def test_one_card_at_full_height_below_the_label() -> None:
    layout = layout_region((100, 50, 300, 200), 1, top=40, left=0)
    ((x, y, w, h),) = layout.slots
    assert layout.scale == 1.0 and layout.hidden == 0
    assert y == 50 + 40
    assert w >= CARD_WIDTH and h >= CARD_HEIGHT  # a lone card may stretch, never shrink
    assert x > 100 and x + w < 400


@pytest.mark.parametrize("count", range(1, 41))
def test_matrix_cell_slots_inside_and_apart(board, count: int) -> None:
    region = cell(board)
    layout = layout_for(region, count)
    check_layout(layout, region.rect, count)


@pytest.mark.parametrize(
    "region_id",
    [
        "matrix-traditional",
        "ladder-coercion",
        "ladder-co-production",
        "not-coproduction",
    ],
)
@pytest.mark.parametrize("count", [1, 3, 7, 15, 40])
def test_slots_leave_the_label_free(board, region_id: str, count: int) -> None:
    region = board.region(region_id)
    layout = layout_for(region, count)
    check_layout(layout, region.rect, count)
    label = label_rect(region)
    assert inside(label, region.rect)
    for slot in layout.slots:
        assert not overlap(slot, label), (region_id, slot, label)


def test_shrink_before_hiding_then_hide_30_in_a_matrix_cell(board) -> None:
    region = cell(board)
    layouts = {n: layout_for(region, n) for n in range(1, 31)}
    full = max(n for n, lay in layouts.items() if lay.scale == 1.0)
    assert full >= 2
    shrunk = layouts[full + 1]
    assert shrunk.scale < 1.0 and shrunk.hidden == 0  # one more card: smaller, all shown
    assert all(a.scale >= b.scale for a, b in itertools.pairwise(layouts.values()))
    many = layouts[30]
    assert many.scale == MIN_SCALE
    assert many.hidden > 0
    assert len(many.slots) + many.hidden == 30
    assert len(many.slots) > len(layouts[full].slots)  # the smaller size fits more


def test_a_region_too_short_for_any_card_hides_them_all() -> None:
    layout = layout_region((0, 0, 400, 50), 3, top=40, left=0)
    assert layout.slots == ()
    assert layout.hidden == 3


def test_a_region_narrower_than_a_card_gets_no_negative_slots() -> None:
    for width in (1, 5, 12, 40):
        layout = layout_region((10, 10, width, 300), 4, top=10, left=0)
        check_layout(layout, (10, 10, width, 300), 4)


@settings(max_examples=400, deadline=None)
@given(
    x=st.floats(0, 2000),
    y=st.floats(0, 2000),
    w=st.floats(1, 1200),
    h=st.floats(1, 900),
    count=st.integers(0, 60),
    top=st.floats(0, 80),
    left_part=st.floats(0, 0.5),
)
def test_any_region_any_count(
    x: float, y: float, w: float, h: float, count: int, top: float, left_part: float
) -> None:
    left = w * left_part
    layout = layout_region((x, y, w, h), count, top=top, left=left)
    check_layout(layout, (x + left, y + top, w - left, h - top), count)


# --- where a drop goes ---------------------------------------------------------


def test_insertion_index_in_an_empty_region() -> None:
    layout = layout_region((0, 0, 400, 300), 0, 40, 0)
    assert insertion_index(layout, 10, 10) == 0
    assert insertion_index(layout, 390, 290) == 0


def test_insertion_index_before_and_after_each_card(board) -> None:
    layout = layout_for(cell(board), 5)
    assert len(layout.slots) == 5 and layout.hidden == 0
    for i, (sx, sy, sw, sh) in enumerate(layout.slots):
        assert insertion_index(layout, sx + 1, sy + sh / 2) == i  # left half: before card i
        assert insertion_index(layout, sx + sw - 1, sy + sh / 2) == i + 1  # right half: after it
        assert insertion_index(layout, sx + sw / 2, sy - 1) <= i  # just above it: not after it


def test_insertion_index_between_rows_and_below(board) -> None:
    layout = layout_for(cell(board), 5)
    rows = sorted({s[1] for s in layout.slots})
    assert len(rows) >= 2
    first_of_row2 = next(i for i, s in enumerate(layout.slots) if s[1] == rows[1])
    gap_y = rows[1] - 1  # in the gap above the second row, right of every card
    assert insertion_index(layout, 10_000, gap_y) == first_of_row2
    assert insertion_index(layout, 0, 10_000) == 5  # below everything: the end
    assert insertion_index(layout, -10_000, rows[0] + 1) == 0  # far left of row one: first


def test_insertion_index_after_hidden_cards_goes_to_the_very_end(board) -> None:
    layout = layout_for(cell(board), 30)
    assert layout.hidden > 0
    assert insertion_index(layout, 0, 10_000) == 30


def test_insertion_index_matches_model_order(board) -> None:
    """Dropping at a slot's left edge puts the card there in the group's list order."""
    session = content.new_session()
    region = cell(board)
    ids = [c.id for c in session.deck.cards[:4]]
    for cid in ids:
        session.place("g1", cid, region.id)
    layout = layout_for(region, len(ids))
    sx, sy, sw, sh = layout.slots[1]
    new = session.deck.cards[10].id
    session.place("g1", new, region.id, insertion_index(layout, sx + 2, sy + sh / 2))
    assert [p.card for p in session.group("g1").in_region(region.id)] == [ids[0], new, *ids[1:]]


# --- fitting a region to legible titles (presentation mode) ------------------------


def two_line_fit(w: float, h: float, n: int) -> float:
    """A stand-in for measuring: titles take two lines, and a line is 8 px per 10 chars."""
    return max(0.0, min((h - 6) / 2.4, (w - 30) / 8))


def test_fit_region_uses_one_size_for_every_card_and_fills_the_room() -> None:
    rect = (0.0, 0.0, 330.0, 240.0)
    layout = fit_region(rect, 3, two_line_fit, 20.0, 40.0, 40.0, 0.0, 40.0, min_width=0.0)
    assert layout.hidden == 0 and layout.more is None and len(layout.slots) == 3
    assert 20.0 <= layout.title_px <= 40.0
    assert len({(s[2], s[3]) for s in layout.slots}) == 1  # one card size, one type size
    bottom = max(s[1] + s[3] for s in layout.slots)
    right = max(s[0] + s[2] for s in layout.slots)
    assert bottom >= 240 - 6 - 1 or right >= 330 - 6 - 1  # the room is used, not left empty
    check_layout(replace_scale(layout), (0, 40, 330, 200), 3, sizes=False)


def replace_scale(layout: RegionLayout) -> RegionLayout:
    return RegionLayout(layout.slots, min(1.0, max(MIN_SCALE, layout.scale)), layout.hidden)


def test_fit_region_shows_what_fits_at_the_floor_and_a_plus_n_strip() -> None:
    rect = (10.0, 20.0, 330.0, 240.0)
    layout = fit_region(rect, 12, two_line_fit, 30.0, 40.0, 40.0, 0.0, 30.0, min_width=0.0)
    assert 0 < len(layout.slots) < 12 and layout.hidden == 12 - len(layout.slots)
    assert layout.title_px >= 30.0
    assert layout.more is not None
    mx, my, mw, mh = layout.more
    assert mh == 30.0 and inside(layout.more, rect)
    for slot in layout.slots:
        assert inside(slot, rect) and not overlap(slot, layout.more)


@given(
    w=st.floats(20, 1200),
    h=st.floats(20, 900),
    count=st.integers(0, 40),
    floor=st.floats(5, 60),
    top=st.floats(0, 80),
)
@settings(max_examples=200)
def test_fit_region_never_goes_under_the_floor(
    w: float, h: float, count: int, floor: float, top: float
) -> None:
    layout = fit_region(
        (0, 0, w, h), count, two_line_fit, floor, floor * 1.5, top, 0.0, 40.0, min_width=0.0
    )
    assert len(layout.slots) + layout.hidden == count
    for slot in layout.slots:
        assert two_line_fit(slot[2], slot[3], 1) >= floor - 1e-9
        assert inside(slot, (0, top, w, h - top))
    for a, b in itertools.combinations(layout.slots, 2):
        assert not overlap(a, b)
    if layout.hidden:
        assert layout.more is not None or not layout.slots


def test_room_floors_follow_the_screen() -> None:
    assert room_floors(1920, 1080) == (24.0, 18.0)
    assert room_floors(1280, 720) == (18.0, 14.0)
    assert room_floors(1024, 768) == (18.0, 14.0)
    assert room_floors(3840, 2160) == (48.0, 36.0)
