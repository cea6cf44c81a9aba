"""The board for the debrief: the regions and headings as on the groups' boards, and for
the card being discussed, in every region, a chip per group that put it there (in the
group's colour, with its name) and a tint that deepens with how many groups chose it.
The key's region is outlined only once the facilitator has revealed it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from coprod_desktop.domain.layout import layout_for
from coprod_desktop.domain.model import KeyPlace, Session
from coprod_desktop.ui.board.items import DecorationItem, RegionItem
from coprod_desktop.ui.panels.group_bar import text_colour_on
from coprod_desktop.ui.style import fonts, theme
from coprod_desktop.ui.style.text_fit import fit_text

HEAT = "#0072b2"


class GroupChip(QGraphicsItem):
    """A group's name on its colour: 'this group put the card here'."""

    def __init__(self, name: str, colour: str, rect: QRectF, has_note: bool) -> None:
        super().__init__()
        self.name, self.colour, self.has_note = name, colour, has_note
        self._rect = rect
        self.setZValue(2)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(QColor(self.colour))
        painter.drawRoundedRect(self._rect, 8, 8)
        text = self.name + (" \u270e" if self.has_note else "")  # a pencil: it wrote a note
        f, lines = fit_text(text, self._rect.adjusted(8, 2, -8, -2), 24, 12, bold=True)
        painter.setFont(f)
        painter.setPen(text_colour_on(self.colour))
        painter.drawText(
            self._rect.adjusted(8, 2, -8, -2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            "\n".join(lines),
        )


class KeyMark(QGraphicsItem):
    """The key's region, once revealed: a thick dashed outline and its confidence."""

    def __init__(self, rect: QRectF, place: KeyPlace) -> None:
        super().__init__()
        self._rect, self.place = rect, place
        self.setZValue(3)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-6, -6, 6, 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.TEXT), 6, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self._rect, 8, 8)
        tag = QRectF(self._rect.right() - 230, self._rect.y() + 4, 224, 30)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.TEXT))
        painter.drawRoundedRect(tag, 6, 6)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(fonts.font(18, bold=True))
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), f"Key: {self.place.confidence}")


class DebriefScene(QGraphicsScene):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.region_items: dict[str, RegionItem] = {}
        self.chips: list[GroupChip] = []
        self.key_marks: list[KeyMark] = []
        self._overlays: list[QGraphicsItem] = []
        self.setBackgroundBrush(QBrush(QColor(theme.BOARD_BACKGROUND)))

    def build(self, session: Session) -> None:
        self.clear()
        self.region_items.clear()
        self.chips, self.key_marks, self._overlays = [], [], []
        w, h = session.board.size
        self.setSceneRect(QRectF(0, 0, w, h))
        for decoration in session.board.decorations:
            self.addItem(DecorationItem(decoration))
        for region in session.board.regions:
            item = RegionItem(region)
            self.addItem(item)
            self.region_items[region.id] = item

    def show_card(self, session: Session, card_id: str, revealed: bool) -> None:
        """Every group's places of card_id, on every lens; the key's regions if revealed."""
        for item in self._overlays:
            self.removeItem(item)
        self.chips, self.key_marks, self._overlays = [], [], []
        if not card_id:
            return
        count = max(1, len(session.groups))
        for region in session.board.regions:
            groups = [
                g for g in session.groups if any(p.region == region.id for p in g.places(card_id))
            ]
            if not groups:
                continue
            rect = self.region_items[region.id].rect
            tint = QColor(HEAT)
            tint.setAlphaF(0.12 + 0.38 * len(groups) / count)
            heat = self.addRect(rect.adjusted(2, 2, -2, -2), QPen(Qt.PenStyle.NoPen), QBrush(tint))
            heat.setZValue(1)
            self._overlays.append(heat)
            # the chips take the cards' slots: below the cell's label, beside the rung's
            slots = layout_for(region, len(groups), 1.5).slots  # presentation size
            for group, slot in zip(groups, slots, strict=False):
                chip_rect = QRectF(*slot)
                chip = GroupChip(group.name, group.colour, chip_rect, bool(group.note(card_id)))
                self.addItem(chip)
                self.chips.append(chip)
                self._overlays.append(chip)
        card = session.deck.card(card_id)
        if revealed and card is not None:
            for place in card.reference:
                region_item = self.region_items.get(place.region)
                if region_item is not None:
                    mark = KeyMark(region_item.rect, place)
                    self.addItem(mark)
                    self.key_marks.append(mark)
                    self._overlays.append(mark)
