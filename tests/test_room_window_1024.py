"""Issue 14: the facilitator's window at 1024x768. Six group tabs all show, each its own
text, the current one whole (the buttons beside them move to a row above); the board takes
the view's shape instead of a letterbox; presenting puts everything back in one row."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coprod_desktop.domain.layout import stretch_factors
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session
from tests.bench.legibility import measure_window, settle


def six_groups(open_window, names):
    win = open_window(content.new_session("Six tables", names), size=(1024, 768))
    win.drawer.duration_ms = 0
    settle()
    return win


def test_six_long_tab_names_all_show_distinct_at_1024x768(open_window):
    names = [
        f"Table {n} – {w}"
        for n, w in zip("123456", ["Oak", "Elm", "Ash", "Yew", "Fir", "Bay"], strict=True)
    ]
    win = six_groups(open_window, names)
    tabs = win.group_bar.tabs
    painted = [tabs.painted_text(i) for i in range(tabs.count())]
    assert len(set(painted)) == 6, painted
    for i, text in enumerate(painted):
        assert "\u2026" not in text, painted
        assert names[i].split()[-1] in text, painted  # the word that tells them apart
        assert tabs.rect().contains(tabs.tabRect(i)), i  # none behind scroll arrows
    assert painted[tabs.currentIndex()].strip("\u2068\u2069") == names[tabs.currentIndex()]
    assert win.top_rows.two_rows and win.top_rows.row.isVisible()
    assert win.group_bar.add_button.isVisible() and win.present_button.isVisible()
    assert not measure_window(win).elided


def test_the_board_fills_the_view_in_the_window_at_1024x768(open_window, example_path):
    win = open_window(load_session(example_path), size=(1024, 768))
    settle()
    view, scene = win.board_view, win.scene
    assert scene.stretch[1] > 1.2  # taller: the view is near 1:1, the board 16:9
    shown = view.mapFromScene(scene.sceneRect()).boundingRect()
    port = view.viewport().rect()
    assert shown.height() >= port.height() * 0.95 or shown.width() >= port.width() * 0.95
    assert shown.height() * shown.width() >= port.height() * port.width() * 0.85


def test_a_wide_window_keeps_the_board_shape_and_one_row(window):
    settle()
    assert window.scene.stretch == (1.0, 1.0) and not window.top_rows.two_rows
    assert stretch_factors(1920, 1080, 1800, 1000, tolerance=0.2) == (1.0, 1.0)
    assert stretch_factors(1920, 1080, 1000, 1000, tolerance=0.2) != (1.0, 1.0)


def test_presenting_puts_the_buttons_back_beside_the_tabs(open_window):
    win = six_groups(open_window, [f"Table {n} – Oak tree" for n in "123456"])
    assert win.top_rows.two_rows
    win.presentation.enter()
    win.setWindowState(Qt.WindowState.WindowNoState)
    settle()
    assert not win.top_rows.two_rows and not win.top_rows.row.isVisible()
    win.presentation.leave()
    win.resize(1024, 768)
    settle()
    assert win.top_rows.two_rows and win.group_bar.add_button.isVisible()


def test_tab_parts_leave_out_the_number_their_badge_shows():
    from coprod_desktop.ui.panels.group_bar import without_badge_numbers

    assert without_badge_numbers(["1 – Oak", "2 – Elm"]) == ["Oak", "Elm"]
    assert without_badge_numbers(["1: Oak", "2. Elm", "3) Ash"]) == ["Oak", "Elm", "Ash"]
    assert without_badge_numbers(["2 – Oak", "1 – Elm"]) == ["2 – Oak", "1 – Elm"]  # not theirs
    assert without_badge_numbers(["1 – Oak", "2 – Oak"]) == ["1 – Oak", "2 – Oak"]  # alike
    assert without_badge_numbers(["1", "2"]) == ["1", "2"]
    assert without_badge_numbers(["10 x", "2 y"]) == ["10 x", "2 y"]
