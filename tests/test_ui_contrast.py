"""Contrast and focus (issue 16, item 2), computed from the theme's colours with WCAG's
relative luminance: note placeholder >= 4.5:1, region borders >= 3:1 in normal mode,
the current tab and the Move to highlight >= 7:1 in presentation mode, and a focus
ring >= 2 px at >= 3:1 in the tray, on tray headings, the details area, the note field
and the buttons (read back from the rendered widgets)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolButton

from coprod_desktop.ui.panels.group_bar import GroupTabs
from coprod_desktop.ui.panels.move_menu import MENU_STYLE
from coprod_desktop.ui.style import focus, theme
from coprod_desktop.ui.style.theme import contrast

NEXT_TO_REGIONS = [
    theme.BOARD_BACKGROUND,
    *theme.ZONE_FILLS.values(),
    *theme.BAND_FILLS.values(),
    theme.REGION_HIGHLIGHT_FILL,
]


def test_contrast_is_wcags_ratio() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#0072b2", "#ffffff") == pytest.approx(5.19, abs=0.01)  # the old highlight
    assert contrast("#9a9a9a", "#ffffff") == pytest.approx(2.81, abs=0.01)  # the old edge


def test_the_placeholder_reads_at_aa(window) -> None:
    colour = window.details.note.palette().color(QPalette.ColorRole.PlaceholderText)
    base = window.details.note.palette().color(QPalette.ColorRole.Base)
    assert colour.alpha() == 255
    assert contrast(colour.name(), base.name()) >= 4.5
    for background in ("#ffffff", theme.BOARD_BACKGROUND):
        assert contrast(theme.PLACEHOLDER, background) >= 4.5
    app_colour = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert app_colour.name() == theme.PLACEHOLDER  # every placeholder, dialogs too


def test_region_borders_reach_three_to_one() -> None:
    for fill in NEXT_TO_REGIONS:
        assert contrast(theme.REGION_EDGE, fill) >= 3.0, fill


def test_the_move_to_highlight_reaches_seven_to_one() -> None:
    assert theme.MENU_HIGHLIGHT in MENU_STYLE
    assert contrast(theme.MENU_HIGHLIGHT, "#ffffff") >= 7.0


@pytest.mark.parametrize(
    "colour",
    ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#7f7f7f", "#56b4e9", "#f0e442"],
)
def test_the_current_tab_reaches_seven_to_one_when_presenting(colour) -> None:
    for minimum in (4.5, 7.0):
        fill, text = GroupTabs.colours_for(colour, minimum)
        assert contrast(fill.name(), text.name()) >= minimum, (colour, minimum)
    fill, _text = GroupTabs.colours_for(colour, 4.5)
    assert fill.name() == QColor(colour).name() or contrast(colour, "#ffffff") < 4.5


def test_presenting_raises_the_tabs_contrast(window) -> None:
    assert window.group_bar.tabs.min_contrast == 4.5
    window.named_actions["present"].trigger()
    assert window.group_bar.tabs.min_contrast == 7.0
    window.presentation.leave()
    assert window.group_bar.tabs.min_contrast == 4.5


def ring_width(image: QImage, colour: str) -> int:
    """How many px deep from the left edge, at the middle row, the focus colour goes
    (the widest run within the first 8 px)."""
    wanted = QColor(colour)
    y = image.height() // 2
    best = run = 0
    for x in range(min(12, image.width())):
        pixel = QColor(image.pixel(x, y))
        if (
            abs(pixel.red() - wanted.red())
            + abs(pixel.green() - wanted.green())
            + abs(pixel.blue() - wanted.blue())
            < 40
        ):
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best


def focused_image(qtbot, window, widget) -> QImage:
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    return widget.grab().toImage()


def test_the_focus_colour_stands_out(window) -> None:
    assert focus.WIDTH >= 2
    for background in ("#ffffff", theme.BOARD_BACKGROUND, "#efefef"):
        assert contrast(theme.FOCUS, background) >= 3.0


@pytest.mark.parametrize("name", ["tray", "details_scroll", "note"])
def test_focus_shows_a_ring_at_two_px(window, qtbot, name) -> None:
    widget = {
        "tray": window.tray,
        "details_scroll": window.details.scroll_area,
        "note": window.details.note,
    }[name]
    window.tray.select_card(window.document.session.deck.cards[0].id)  # the note takes text
    window.board_view.setFocus()
    qtbot.waitUntil(window.board_view.hasFocus)
    before = widget.grab().toImage()
    assert ring_width(before, theme.FOCUS) < 2
    after = focused_image(qtbot, window, widget)
    assert ring_width(after, theme.FOCUS) >= focus.WIDTH >= 2, name


@pytest.mark.parametrize("heading", [True, False])
def test_the_current_tray_row_shows_focus(window, qtbot, heading) -> None:
    tray = window.tray
    rows = [tray.item(i) for i in range(tray.count())]
    from coprod_desktop.ui.panels.tray import HEADER_ROLE

    row = next(r for r in rows if bool(r.data(HEADER_ROLE)) == heading)
    focused_image(qtbot, window, tray)
    tray.setCurrentItem(row)
    rect = tray.visualItemRect(row)
    image = tray.viewport().grab(rect).toImage()
    assert ring_width(image, theme.FOCUS) >= 2, "heading" if heading else "card"


def test_buttons_show_a_ring_at_two_px(window, qtbot) -> None:
    button = next(b for b in window.controls.findChildren(QToolButton) if b.isVisible())
    assert ring_width(button.grab().toImage(), theme.FOCUS) < 2
    image = focused_image(qtbot, window, button)
    assert ring_width(image, theme.FOCUS) >= 2
