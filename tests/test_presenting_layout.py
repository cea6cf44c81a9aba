"""Issue 14: presentation mode gives the board the screen. The tray and details slide in
over the board when asked for; the timer and the room's buttons sit in a rail beside the
board (wide screens) or a strip above it (4:3); the board's shape follows the screen, so
nothing is letterboxed; leaving puts everything back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from coprod_desktop.files.session_file import load_session
from coprod_desktop.ui.main_window import MainWindow


def settle() -> None:
    for _ in range(4):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def present_at(win: MainWindow, size: tuple[int, int]) -> None:
    """Presenting in a plain window of the venue's size (offscreen full screen would take
    the offscreen screen's size)."""
    win.drawer.duration_ms = 0  # no slide: the tests look at where it ends
    win.presentation.enter()
    win.setWindowState(Qt.WindowState.WindowNoState)
    settle()
    win.resize(*size)
    settle()


@pytest.fixture
def example(open_window, example_path):
    return open_window(load_session(example_path), size=(1600, 900))


def board_on_screen(win: MainWindow):
    view = win.board_view
    return view.mapFromScene(win.scene.sceneRect()).boundingRect()


@pytest.mark.parametrize(
    ("size", "rail_beside"),
    [((1920, 1080), True), ((1280, 720), True), ((1024, 768), False), ((3840, 2160), True)],
)
def test_the_board_takes_the_screen(example, size, rail_beside):
    present_at(example, size)
    win = example
    assert not win.side.isVisible() and not win.tray.isVisible()  # in the closed drawer
    assert not win.drawer.is_open
    assert win.timer.isVisible() and all(b.isVisible() for b in win.room_buttons)
    assert win.presenting_layout.on_side is rail_beside
    view = win.board_view
    if rail_beside:  # the rail takes width only: the board keeps every row of pixels
        assert view.height() >= win.height() - win.top_row.height() - 2
        assert win.presenting_layout.rail.width() <= 0.16 * win.width()
    else:  # a strip above: the board keeps every column
        assert view.width() >= win.width() - 2
        assert win.presenting_layout.rail.height() <= 0.16 * win.height()
    # no letterbox: the board fills the viewport both ways (within the frame's pixels)
    shown, port = board_on_screen(win), view.viewport().rect()
    assert shown.width() >= port.width() * 0.995 - 3, (shown, port)
    assert shown.height() >= port.height() * 0.995 - 3, (shown, port)


def test_a_4_3_screen_gets_a_taller_board_not_a_letterbox(example):
    present_at(example, (1024, 768))
    fx, fy = example.scene.stretch
    assert fx == 1.0 and fy > 1.05
    cell = example.scene.region_items["matrix-traditional"].rect
    assert cell.height() == pytest.approx(240 * fy)


def test_cards_button_slides_the_tray_in_and_a_tapped_card_slides_it_out(example):
    present_at(example, (1280, 720))
    win = example
    win.presenting_layout.cards_button.click()
    settle()
    assert win.drawer.is_open and win.tray.isVisible() and win.details.isVisible()
    assert win.drawer.geometry().left() == win.board_view.geometry().left()
    assert win.drawer.width() < 0.5 * win.board_view.width()  # over the board's edge only
    first = win.tray.item(1)  # row 0 is the first heading
    rect = win.tray.visualItemRect(first)
    QTest.mouseClick(win.tray.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()
    assert win.scene.pending_card_id  # the card waits for a tap on the board
    assert not win.drawer.is_open and not win.tray.isVisible()
    assert not win.presenting_layout.cards_button.isChecked()


def test_esc_closes_the_drawer_first(example):
    present_at(example, (1280, 720))
    example.drawer.set_open(True)
    example.room.unlock(example.files.recent.room_code())
    example.leave_presentation()
    assert not example.drawer.is_open and example.presentation.active


def test_writing_a_note_while_presenting_opens_the_drawer(example):
    present_at(example, (1920, 1080))
    card = example.document.current_group.placements[0].card
    example.scene.select_card(card)
    example.focus_note()
    settle()
    assert example.drawer.is_open and example.details.note.isVisible()


def test_leaving_puts_the_side_column_and_controls_back(example):
    before = example.splitter.sizes()
    present_at(example, (1024, 768))
    example.drawer.set_open(True)
    example.presentation.leave()
    example.resize(1600, 900)
    settle()
    assert example.splitter.widget(0) is example.side
    assert example.controls.parent() is example.side
    assert example.tray.isVisible() and example.timer.isVisible()
    assert not example.drawer.isVisible() and not example.presenting_layout.rail.isVisible()
    assert example.splitter.sizes() == before
    assert example.scene.stretch == (1.0, 1.0)
    assert example.scene.sceneRect().size().toTuple() == (1920, 1080)


def test_the_timer_digits_grow_with_the_screen(example):
    present_at(example, (1920, 1080))
    assert example.timer.digits.font().pixelSize() >= 64
    present_at(example, (3840, 2160))
    assert example.timer.digits.font().pixelSize() >= 128


def test_on_a_4k_panel_the_room_controls_grow_with_the_screen(example):
    win = example
    back = win.room_buttons[2]
    normal_font = back.font().pixelSize()
    present_at(win, (3840, 2160))
    tabs = win.group_bar.tabs
    assert tabs.font().pixelSize() >= 36 and tabs.tabSizeHint(0).height() >= 96
    for button in (*win.room_buttons, win.timer.start_button, win.presenting_layout.cards_button):
        assert button.font().pixelSize() >= 30, button.text()
        assert button.minimumHeight() >= 88
    present_at(win, (1920, 1080))
    assert tabs.font().pixelSize() == 18 and back.font().pixelSize() <= 18
    win.presentation.leave()
    settle()
    assert tabs.font().pixelSize() == 18
    assert back.minimumHeight() == (44 if win.compact else 48)  # the window's own sizes
    assert back.font().pixelSize() == normal_font
