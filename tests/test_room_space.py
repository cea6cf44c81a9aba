"""Issue 14: a crowded region uses its space while presenting. Cards that do not fit full
size at the floor become compact (title only, the kind a bar), as many columns as show the
most; the "+N" tile takes the room the region's label leaves free instead of a row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from coprod_desktop.domain.layout import compact_region, fit_region, restated_labels
from coprod_desktop.domain.model import Board, Decoration, Region
from coprod_desktop.files.session_file import load_session
from tests.bench.legibility import measure_window, settle


def test_compact_region_shows_the_cards_that_fit_row_by_row_and_a_strip():
    heights = [30.0, 50.0, 30.0, 30.0, 30.0]
    layout = compact_region((0, 0, 212, 200), 5, lambda i, w: heights[i], top=40, more_height=20)
    # one column holds 3 above a strip; two columns hold all 5 in rows 50, 30, 30 high
    assert layout.compact and layout.hidden == 0 and layout.more is None
    assert [s[3] for s in layout.slots] == [50.0, 50.0, 30.0, 30.0, 30.0]
    assert len({s[0] for s in layout.slots}) == 2 and min(s[1] for s in layout.slots) == 40

    def one_column(i: int, width: float) -> float:
        return 40.0 if width > 150 else 0.0

    narrow = compact_region((0, 0, 212, 200), 5, one_column, top=40, more_height=20)
    assert len(narrow.slots) == 3 and narrow.hidden == 2 and narrow.more is not None
    assert max(s[1] + s[3] for s in narrow.slots) <= narrow.more[1]  # clear of the strip


def test_compact_region_more_columns_when_the_titles_fit_them():
    def height_of(_i: int, width: float) -> float:
        return 30.0 if width >= 90 else 0.0  # fits any width from 90 on, one line

    layout = compact_region((0, 0, 400, 120), 8, height_of, top=20, more_height=20)
    assert len({s[0] for s in layout.slots}) == 4  # four columns of ~97 units
    assert layout.hidden == 8 - len(layout.slots)


def test_a_spot_in_the_label_gives_the_strip_back_to_the_cards():
    def one_column(i: int, width: float) -> float:
        return 40.0 if width > 150 else 0.0

    strip = compact_region((0, 0, 200, 200), 6, one_column, 40, 0, 40)
    spot = compact_region((0, 0, 200, 200), 6, one_column, 40, 0, 40, more_at=(120, 10, 70, 20))
    assert len(spot.slots) > len(strip.slots) and spot.more == (120, 10, 70, 20)

    def fit(w: float, h: float, n: int) -> float:
        return 20.0 if h >= 60 and w >= 100 else 0.0

    full = fit_region((0, 0, 200, 200), 6, fit, 20, 20, 40, 0, 40)
    freed = fit_region((0, 0, 200, 200), 6, fit, 20, 20, 40, 0, 40, more_at=(120, 10, 70, 20))
    assert len(freed.slots) > len(full.slots) and freed.more == (120, 10, 70, 20)


@pytest.fixture
def presenting(presenting_example):
    return presenting_example


# Cards shown on the example session's first group (76 placed), presenting, before
# compact cards and the "+N" in the label's room: 12, 15 and 24; then 15, 20 and 30; with
# the labels the headings say left out of crowded cells and tighter compact cards and
# "+N" strips: 24, 30 and 36.
@pytest.mark.parametrize("size, shown", [((1024, 768), 24), ((1280, 720), 30), ((1920, 1080), 36)])
def test_more_cards_show_at_the_floor(presenting, size, shown):
    win = presenting(size)
    m = measure_window(win)
    assert len(m.card_titles) >= shown, len(m.card_titles)
    assert not m.elided, m.elided
    scene = win.scene
    for region_id, tile in scene.more_items.items():
        region = scene.region_items[region_id]
        box = tile.sceneBoundingRect().adjusted(2, 2, -2, -2)
        assert region.rect.contains(box)
        for card in scene.card_items.values():  # the tile covers no card, nor a label line
            assert not card.sceneBoundingRect().adjusted(3, 3, -3, -3).intersects(box)
        for line in region.label_line_rects():
            assert not line.intersects(box), (region_id, line, box)


def test_compact_cards_keep_the_floor_and_one_size_per_region(presenting):
    win = presenting((1920, 1080))
    scene = win.scene
    compact = [i for i in scene.card_items.values() if i.compact]
    assert compact, "the example's crowded rungs go compact at 1920x1080"
    scale = win.board_view.transform().m11()
    for item in compact:
        assert item.title_pixel_size() * scale >= 24 - 0.05
        assert not item.title_elided()
        box = QRectF(item.sceneBoundingRect())
        assert scene.region_at(box.center()) is not None


def test_restated_labels_are_the_cells_whose_headings_say_them(example_path):
    board = load_session(example_path).board
    assert restated_labels(board) == {
        "matrix-prof-design-co-deliver",
        "matrix-prof-design-people-deliver",
        "matrix-co-design-prof-deliver",
        "matrix-co-design-people-deliver",
        "matrix-people-design-prof-deliver",
        "matrix-people-design-co-deliver",
    }  # not "Traditional ...", "Full co-production", "Self-organised ...", rungs, "not"
    heading = Decoration("heading", "Red things", (0, 0, 100, 20))
    far = Decoration("heading", "Blue", (300, 0, 100, 20))  # above another column
    cells = (
        Region("a", "Red", (0, 30, 100, 100)),
        Region("b", "Blue things", (0, 140, 100, 100)),  # below a but Blue is not its heading
    )
    small = Board("b", "B", (400, 300), cells, (heading, far))
    assert restated_labels(small) == {"a"}


def test_crowded_cells_leave_out_only_what_their_headings_say(presenting, example_path):
    win = presenting((1024, 768))
    scene = win.scene
    restated = restated_labels(scene.document.session.board)
    left_out = {rid for rid, item in scene.region_items.items() if not item.label_shown}
    assert left_out and left_out <= restated
    for region_id in left_out:  # only where it shows more cards: a crowded region
        assert scene._layouts[region_id].slots
        assert not scene.region_items[region_id].label_line_rects()
    m = measure_window(win)
    assert m.labels_left_out == len(left_out) and not m.elided
    win.presentation.leave()
    settle()
    assert all(item.label_shown for item in scene.region_items.values())


def test_arrow_keys_reach_the_cards_behind_plus_n(presenting, qtbot):
    win = presenting((1024, 768))
    scene, view = win.scene, win.board_view
    region_id, tile = max(scene.more_items.items(), key=lambda kv: kv[1].hidden)
    places = scene.places_in_board_order()
    in_region = [k for k, r in places if r == region_id]
    shown = len(scene._layouts[region_id].slots)
    assert shown + tile.hidden == len(in_region)
    before = in_region[shown - 1] if shown else None
    if before is None:  # nothing of it shows: start from the card before the region
        before = places[[k for k, _r in places].index(in_region[0]) - 1][0]
    scene.select_card(*before)
    view.setFocus()
    win.activateWindow()
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, Qt.Key.Key_Right)
    settle()
    first_hidden = in_region[shown]
    assert view.zoomed_region == region_id  # "+N" opened: the region zoomed
    assert scene.selected_key() == first_hidden
    for key in in_region[shown + 1 :]:  # on through the region, every card reached
        QTest.keyClick(view, Qt.Key.Key_Right)
        assert scene.selected_key() == key and view.zoomed_region == region_id
    QTest.keyClick(view, Qt.Key.Key_Right)  # out of it: the whole board again
    settle()
    after = scene.selected_key()
    assert after not in in_region
    assert view.zoomed_region in ("", dict(places)[after])
    QTest.keyClick(view, Qt.Key.Key_Left)  # and back: its last card, zoomed again
    settle()
    assert scene.selected_key() == in_region[-1] and view.zoomed_region == region_id


def test_the_focus_ring_is_drawn_dashed_inside_the_frame(window, qtbot):
    """The ring is four plain lines now (a dashed antialiased rectangle cost 21 ms a frame
    at 4K): still there, still dashed, on all four sides."""
    view = window.board_view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    image = view.viewport().grab().toImage()
    w, h = image.width(), image.height()

    def dark(x: int, y: int) -> bool:
        return QColor(image.pixel(x, y)).lightness() < 60

    for along in (
        [(x, 3) for x in range(20, w - 20)],
        [(3, y) for y in range(20, h - 20)],
        [(x, h - 4) for x in range(20, w - 20)],
        [(w - 4, y) for y in range(20, h - 20)],
    ):
        shade = [dark(x, y) for x, y in along]
        assert 0.3 < sum(shade) / len(shade) < 0.9, sum(shade) / len(shade)  # dashes, gaps


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
def test_ladder_bands_reach_the_label_floor_turned_up_their_strip(presenting, size):
    win = presenting(size)
    scale = win.board_view.transform().m11()
    bands = [d for d in win.scene.decoration_items if d.decoration.kind == "band"]
    assert bands
    for band in bands:  # "Doing with" in a strip 44 px wide: 11 px flat, 14 px turned
        assert band.fitted_px() * scale >= 14 - 0.05, (band.decoration.text, band.fitted_px())
        assert band._fit()[2]
    win.presentation.leave()
    settle()
    assert not any(band._fit()[2] for band in bands)  # the window's board: flat, as before
