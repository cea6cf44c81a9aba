"""Issue 14: tap-tap guidance in presentation mode. A picked card (tray or board) makes
the regions it can go to stand out and a hint over the board say "now tap where it
goes"; placing it, or another group at the screen, clears both."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from coprod_desktop.domain.decisions import place_targets
from tests.bench.legibility import settle


@pytest.fixture
def presenting(presenting_example):
    return presenting_example((1280, 720))


def targets(win) -> set[str]:
    return {rid for rid, item in win.scene.region_items.items() if item.target}


def tap(win, scene_pos) -> None:
    view = win.board_view
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_pos))
    settle()


def test_a_tray_card_picked_lights_every_region_and_says_tap_where_it_goes(presenting):
    win = presenting
    session, group = win.document.session, win.document.current_group
    card = win.tray.card_ids()[0]  # the example leaves only principles in the tray
    win.tray.select_card(card)
    settle()
    assert win.scene.pending_card_id == card
    assert targets(win) == set(win.scene.region_items)  # a tray card can go anywhere
    guide = win.tap_guide.label
    assert guide.isVisible() and "now tap where it goes" in guide.text()
    assert session.card(group, card).title in guide.text()
    assert guide.font().pixelSize() >= 18  # readable in the room
    assert win.board_view.viewport().rect().contains(guide.geometry())
    # tap a highlighted region: the card goes there, and the guidance goes away
    rect = win.scene.region_items["ladder-educating"].rect
    tap(win, rect.topLeft() + type(rect.topLeft())(3, 3))  # its corner, off its cards
    assert "ladder-educating" in {p.region for p in win.document.current_group.places(card)}
    assert not guide.isVisible() and not targets(win)


def test_a_board_card_picked_lights_the_regions_it_is_not_in(presenting):
    win = presenting
    group = win.document.current_group
    lens_of = win.document.session.board.lens_of
    placement = next(
        p for p in group.placements if win.scene.item_for(p.card, lens_of(p.region)) is not None
    )
    item = win.scene.item_for(placement.card, lens_of(placement.region))
    tap(win, item.sceneBoundingRect().center())
    assert win.scene.pending_card_id == placement.card
    lit = targets(win)
    assert placement.region not in lit and lit
    assert lit == set(place_targets(win.document.session, group, placement.card))
    assert win.tap_guide.label.isVisible()


def test_switching_group_or_leaving_clears_the_guidance(presenting):
    win = presenting
    win.tray.select_card(win.tray.card_ids()[0])
    settle()
    assert targets(win)
    win.group_bar.switch_to(1)
    settle()
    assert not targets(win) and not win.tap_guide.label.isVisible()
    win.tray.select_card(win.tray.card_ids()[0])
    settle()
    win.presentation.leave()
    settle()
    assert not targets(win) and not win.tap_guide.label.isVisible()


def test_the_normal_window_keeps_its_status_bar_hint(window):
    window.tray.select_card(window.tray.card_ids()[0])
    assert window.scene.pending_card_id
    assert not targets(window) and not window.tap_guide.label.isVisible()
    assert "tap a region" in window.hint.text()


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
def test_the_hint_covers_no_heading_or_label(presenting, size):
    win = presenting
    win.resize(*size)
    settle()
    view, scene = win.board_view, win.scene
    scene.pending_card_id = win.tray.card_ids()[0]
    settle()
    hint = win.tap_guide.label
    assert win.tap_guide.text and view.viewport().rect().contains(hint.geometry())
    names = [d.sceneBoundingRect() for d in scene.decoration_items if d.decoration.kind != "band"]
    for region in scene.region_items.values():
        names += region.label_line_rects()
    for rect in names:
        on_port = view.mapFromScene(rect).boundingRect()
        assert not hint.geometry().intersects(on_port), (size, rect)
