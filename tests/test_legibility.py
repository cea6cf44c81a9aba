"""Issue 14's legibility floors, measured offscreen on the example session in presentation
mode at each venue size (tests/bench/legibility.py measures the same way): card titles
>= 24 px at 1920x1080 and >= 18 px at 1280x720 and 1024x768, region and rung labels
>= 18 px and >= 14 px, the timer's digits >= 64 px at 1920x1080; one title size per
region; a region too full shows what fits and a "+N" strip that opens it zoomed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from coprod_desktop.domain.layout import room_floors
from coprod_desktop.files.session_file import load_session
from tests.bench.legibility import (
    CARD_TITLE_FLOORS,
    REGION_LABEL_FLOORS,
    TIMER_FLOORS,
    measure_window,
    settle,
)

SIZES = ((1920, 1080), (1280, 720), (1024, 768), (3840, 2160))


@pytest.fixture
def presenting(presenting_example):
    return presenting_example


@pytest.mark.parametrize("size", SIZES)
def test_floors_are_met_on_the_example_session(presenting, size):
    win = presenting(size)
    m = measure_window(win)
    title_floor, label_floor = room_floors(*size)
    assert title_floor >= CARD_TITLE_FLOORS.get(size, 0)
    assert label_floor >= REGION_LABEL_FLOORS.get(size, 0)
    assert len(m.card_titles) >= 12  # cards are shown, not only "+N"
    assert min(m.card_titles) >= title_floor - 0.05, sorted(m.card_titles)[:5]
    assert min(m.region_labels) >= label_floor - 0.05, sorted(m.region_labels)[:5]
    assert m.timer >= TIMER_FLOORS.get(size, 40)
    assert not m.elided, m.elided


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_one_title_size_per_region_and_the_space_used_first(presenting, size):
    win = presenting(size)
    scene = win.scene
    smallest, largest = scene.title_range()
    for region_id, layout in scene._layouts.items():
        items = [i for i in scene.card_items.values() if scene.region_at(i.pos()) is not None]
        sizes = {
            i.title_pixel_size()
            for i in items
            if scene.region_at(i.sceneBoundingRect().center()).region.id == region_id
        }
        assert len(sizes) <= 1, (region_id, sizes)
        if not layout.slots or layout.hidden or layout.title_px >= int(largest):
            continue
        # Shrunk below the largest size: then the cards take the region's room one way.
        region = scene.region_items[region_id]
        top, left = region.insets
        xs = [s[0] for s in layout.slots] + [s[0] + s[2] for s in layout.slots]
        ys = [s[1] for s in layout.slots] + [s[1] + s[3] for s in layout.slots]
        room_w = region.rect.width() - left - 12
        room_h = region.rect.height() - top - 6
        assert max(xs) - min(xs) >= 0.9 * room_w or max(ys) - min(ys) >= 0.9 * room_h, region_id


def test_a_full_region_shows_plus_n_that_opens_it_zoomed(presenting):
    win = presenting((1024, 768))
    scene, view = win.scene, win.board_view
    assert scene.more_items, "the example session overflows at 1024x768"
    region_id, tile = max(scene.more_items.items(), key=lambda kv: kv[1].hidden)
    hidden = tile.hidden
    count = len(win.document.current_group.in_region(region_id))
    shown = len(scene._layouts[region_id].slots)
    assert shown + hidden == count and tile.text == f"+{hidden}"
    pending = scene.pending_card_id = win.tray.card_ids()[0]
    centre = view.mapFromScene(tile.sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    settle()
    assert view.zoomed_region == region_id
    assert scene.pending_card_id == pending  # the tap zoomed; it placed nothing
    assert region_id not in scene.more_items  # zoomed in, every card of it fits
    m = measure_window(win)
    assert len(m.card_titles) >= count  # all of them, shrunk if need be (asked for)
    assert min(m.card_titles) >= 12
    win.leave_presentation()  # Esc: back to the whole board first
    settle()
    assert view.zoomed_region == "" and region_id in scene.more_items


def test_qt_scale_factor_2_makes_board_text_larger(tmp_path):
    """QT_SCALE_FACTOR=2 on a 1920x1080 screen: the window is 960x540 logical px and the
    text on the board is larger in device pixels than at scale 1, never smaller."""
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json, sys\n"
        "from tests.bench.legibility import example_window, measure_window, show_at\n"
        "from tests.bench.qt import application\n"
        "application()\n"
        "with example_window() as w:\n"
        "    dpr = w.devicePixelRatioF()\n"
        "    show_at(w, (round(1920 / dpr), round(1080 / dpr)), True)\n"
        "    m = measure_window(w)\n"
        "    print(json.dumps([dpr, min(m.card_titles), min(m.region_labels)]))\n"
    )
    found = {}
    for factor in ("1", "2"):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=factor)
        out = subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            cwd=str(tmp_path.parent if False else os.getcwd()),
        )
        found[factor] = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["2"][0] == 2.0
    assert found["2"][1] > found["1"][1] * 1.2, found  # titles larger in device px
    assert found["2"][2] > found["1"][2] * 1.2, found  # labels too


# --- group tabs and the room's buttons -------------------------------------------------


def six_tables(open_window, presenting_mode: bool):
    from coprod_desktop.files import builtin as content

    names = [f"Table {c}" for c in "ABCDEF"]
    win = open_window(content.new_session("Six tables", names), size=(1024, 768))
    win.drawer.duration_ms = 0
    if presenting_mode:
        win.presentation.enter()
        win.setWindowState(Qt.WindowState.WindowNoState)
    settle()
    win.resize(1024, 768)
    settle()
    return win, names


def test_six_group_tabs_stay_distinct_at_1024x768_presenting(open_window):
    win, names = six_tables(open_window, True)
    tabs = win.group_bar.tabs
    painted = [tabs.painted_text(i) for i in range(tabs.count())]
    assert len(set(painted)) == 6, painted  # never six "Tabl..."
    for i, text in enumerate(painted):
        assert "\u2026" not in text, painted
        assert names[i][-1] in text  # the letter that tells them apart
        assert tabs.rect().contains(tabs.tabRect(i))  # none behind scroll arrows
    current = tabs.currentIndex()
    assert painted[current].strip("\u2068\u2069") == names[current]  # the current one whole


def test_six_group_tabs_in_the_normal_window_at_1024x768(open_window):
    """The facilitator's window keeps its side column: the tabs shrink to their number
    badges and the current name; the window itself still fits the screen."""
    win, names = six_tables(open_window, False)
    assert win.width() == 1024
    tabs = win.group_bar.tabs
    current = tabs.currentIndex()
    assert tabs.painted_text(current).strip("\u2068\u2069") == names[current]
    assert tabs.rect().contains(tabs.tabRect(current))


def test_distinct_parts_keep_what_differs():
    from coprod_desktop.ui.panels.group_bar import distinct_parts

    assert distinct_parts(["Table A", "Table B"]) == ["A", "B"]
    assert distinct_parts(["Table 1 – Oak", "Table 2 – Elm"]) == ["1 – Oak", "2 – Elm"]
    assert distinct_parts(["Red table", "Blue table"]) == ["Red", "Blue"]
    assert distinct_parts(["Same", "Same"]) == ["Same", "Same"]
    assert distinct_parts(["Solo"]) == ["Solo"]
    assert distinct_parts(["Table", "Table 2"]) == ["Table", "2"]


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
@pytest.mark.parametrize("presenting_mode", [True, False])
def test_back_to_tray_is_never_elided(open_window, example_path, size, presenting_mode):
    win = open_window(load_session(example_path), size=size)
    if presenting_mode:
        win.presentation.enter()
        win.setWindowState(Qt.WindowState.WindowNoState)
    settle()
    win.resize(*size)
    settle()
    undo, redo, back = win.room_buttons
    assert back.text().replace("&", "") == "Back to tray"
    for button in win.room_buttons:
        text = button.text().replace("&", "")
        assert button.fontMetrics().horizontalAdvance(text) <= button.width() - 8, text


def test_headings_grow_towards_the_label_floor(presenting):
    win = presenting((1024, 768))
    scale = win.board_view.transform().m11()
    rows = [
        d
        for d in win.scene.decoration_items
        if d.decoration.kind == "heading" and d.decoration.rect[3] > 100
    ]
    assert len(rows) == 3  # the matrix's row headings: tall boxes, room for the floor
    for item in rows:
        # "Professionals" is wider than the box at the floor: it gets what the box holds
        assert item.fitted_px() * scale >= 13, item.decoration.text
        assert item.fitted_px() >= 18 * 1.35  # the window's heading size is 18
    win.presentation.leave()
    settle()
    assert all(d.floor == 0 for d in win.scene.decoration_items)  # the window's sizes again
