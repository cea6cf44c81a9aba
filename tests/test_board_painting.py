"""The board paints its regions, headings and cards into the view's cached background
(one pixmap: a full repaint on a 4K panel is one blit, issue 14), and that background
never goes stale: a placement, a selection, a drag's highlight and tap-tap's targets
show at once, and go again."""

from __future__ import annotations

import warnings

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView

from coprod_desktop.ui.board import items
from coprod_desktop.ui.board.items import card_mime


def shot(window) -> QImage:
    QApplication.processEvents()
    viewport = window.board_view.viewport()
    viewport.repaint()
    return viewport.grab().toImage()


def region_on_screen(window, region_id: str):
    rect = window.scene.region_items[region_id].rect
    return window.board_view.mapFromScene(rect).boundingRect()


def same_area(a: QImage, b: QImage, area) -> bool:
    return a.copy(area) == b.copy(area)


def test_the_view_caches_the_board_and_items_paint_nothing_themselves(window):
    view = window.board_view
    assert view.cacheMode() & QGraphicsView.CacheModeFlag.CacheBackground
    flag = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    for item in [*window.scene.region_items.values(), *window.scene.decoration_items]:
        assert item.flags() & flag


def test_a_full_repaint_paints_no_card_again(window, monkeypatch):
    ids = [c.id for c in window.document.session.deck.cards[:6]]
    for card_id in ids:
        window.document.place(card_id, "matrix-full-coproduction")
    shot(window)  # the background is painted once, here
    painted = []
    real = items.paint_card
    monkeypatch.setattr(items, "paint_card", lambda *a, **k: painted.append(1) or real(*a, **k))
    for _ in range(3):
        window.board_view.viewport().repaint()
    assert painted == []


def test_a_placement_and_a_selection_show_at_once_and_go_again(window):
    area = region_on_screen(window, "ladder-coercion")
    before = shot(window)
    card_id = window.document.session.deck.cards[0].id
    window.document.place(card_id, "ladder-coercion")
    placed = shot(window)
    assert not same_area(before, placed, area)  # the new card is there
    window.scene.select_card(card_id)
    selected = shot(window)
    assert not same_area(placed, selected, area)  # its thick outline
    window.scene.clearSelection()
    assert same_area(placed, shot(window), area)  # and gone again
    window.document.unplace(card_id)
    assert same_area(before, shot(window), area)


def test_a_drag_highlight_shows_and_goes(window):
    view = window.board_view
    area = region_on_screen(window, "ladder-educating")
    before = shot(window)
    mime = card_mime(window.document.session.deck.cards[0].id)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        event = QDragEnterEvent(
            area.center(),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view.viewport(), event)
    assert window.scene.region_items["ladder-educating"].highlighted
    assert not same_area(before, shot(window), area)
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    assert same_area(before, shot(window), area)
