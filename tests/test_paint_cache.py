"""Painting stays fast without going stale: fitted titles are remembered, cards are
cached as pixmaps, and a cached card still shows its selection when selected."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from coprod_desktop.files import builtin as content
from coprod_desktop.ui.board.items import CardItem
from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.fonts import load_fonts
from coprod_desktop.ui.style.text_fit import fit_text


def test_callers_cannot_spoil_a_remembered_fit(qapp):
    box = QRectF(0, 0, 180, 50)
    font, lines = fit_text("Co-production is not consultation", box, 20, 12)
    font.setPixelSize(99)
    lines.append("spoiled")
    again_font, again_lines = fit_text("Co-production is not consultation", box, 20, 12)
    assert again_font.pixelSize() != 99
    assert "spoiled" not in again_lines


def test_fits_are_remembered_until_the_fonts_are_loaded_again(qapp, monkeypatch):
    """Fonts twice as wide stand in for another font: a remembered fit does not see them
    (it is not measured again), a fit after load_fonts() does (nothing goes stale)."""
    text, box = "Reciprocity and mutuality, remembered", QRectF(0, 0, 220, 60)
    first = fit_text(text, box, 20, 12)
    real_font = fonts.font
    monkeypatch.setattr(fonts, "font", lambda px, bold=False: real_font(px * 2, bold))
    assert fit_text(text, box, 20, 12) == first
    load_fonts()
    assert fit_text(text, box, 20, 12) != first


def test_fit_text_depends_on_the_box(qapp):
    text = "Assets: people as assets, not problems"
    _, wide = fit_text(text, QRectF(0, 0, 600, 40), 20, 12)
    _, narrow = fit_text(text, QRectF(0, 0, 120, 80), 20, 12)
    assert len(narrow) > len(wide)


def test_card_items_are_cached_as_pixmaps(qapp):
    card = content.deck().cards[0]
    item = CardItem(card, QRectF(10, 10, 150, 62))
    assert item.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache


def render(scene: QGraphicsScene) -> QImage:
    image = QImage(200, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 200, 100), QRectF(0, 0, 200, 100))
    painter.end()
    return image


def test_a_cached_card_repaints_when_selected(qapp):
    scene = QGraphicsScene(0, 0, 200, 100)
    item = CardItem(content.deck().cards[0], QRectF(20, 20, 150, 62))
    scene.addItem(item)
    before = render(scene)
    item.setSelected(True)
    after = render(scene)
    assert before != after  # the thicker, darker selection outline
    item.setSelected(False)
    assert render(scene) == before
    item.set_twin(True)  # the same card's other place is selected: a dashed outline
    twin = render(scene)
    assert twin not in (before, after)
    item.set_twin(False)
    assert render(scene) == before
