"""The board for assistive technology. Graphics items are invisible to a screen reader, so
the board view's accessible interface lists the regions (role List, named by label and
lens) and each region lists the current group's cards in it (role ListItem, named by
title, kind and region). The interfaces read the scene each time they are asked, so they
never go stale; they are kept per region id and card id, so the same object is handed out
every time (AT-SPI paths are built from QAccessible's unique id of the interface).

Lifetime: an interface made in Python is freed when its Python object is, while Qt's
accessibility cache still points at it. BoardAccessible keeps every interface it hands
out until the view goes away (Qt then deletes the view's interface; the children, which
have no QObject, stay registered but report isValid() False).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QWindow
from PySide6.QtWidgets import QAccessibleWidget

from coprod_desktop.domain.kinds import KIND_LABELS
from coprod_desktop.domain.model import Placement
from coprod_desktop.ui.board.items import CardItem, RegionItem
from coprod_desktop.ui.board.view import BoardView

LENS_NAMES = {
    "matrix": "public service matrix",
    "ladder": "ladder of co-production",
    "not": "co-production is not",
}


def lens_name(zone: str) -> str:
    return LENS_NAMES.get(zone, zone)


class _Child(QAccessibleInterface):
    """Common parts of a region or card: a rectangle on the view, the view's window."""

    def __init__(self, board: BoardAccessible) -> None:
        super().__init__()
        self.board = board

    def object(self) -> None:  # type: ignore[override]
        return None  # no QObject: the cache maps one interface per object (the view's)

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self.board.view.window().windowHandle()

    def scene_rect(self) -> QRectF:
        return QRectF()

    def rect(self) -> QRect:
        view = self.board.view
        box = view.mapFromScene(self.scene_rect()).boundingRect()
        viewport = view.viewport()
        top_left = viewport.mapToGlobal(box.topLeft())
        return QRect(top_left, box.size()).intersected(
            QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
        )

    def setText(self, t: QAccessible.Text, text: str) -> None:
        pass

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None


class RegionAccessible(_Child):
    def __init__(self, board: BoardAccessible, region_id: str) -> None:
        super().__init__(board)
        self.region_id = region_id

    def _item(self) -> RegionItem | None:
        return self.board.view.board_scene.region_items.get(self.region_id)

    def isValid(self) -> bool:
        return self._item() is not None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.List

    def state(self) -> QAccessible.State:
        return QAccessible.State()

    def text(self, t: QAccessible.Text) -> str:
        item = self._item()
        if item is None:
            return ""
        region = item.region
        if t == QAccessible.Text.Name:
            return f"{region.label}, {lens_name(region.lens)}"
        if t == QAccessible.Text.Description:
            count = len(self.card_ids())
            text = f"{count} card{'s' if count != 1 else ''}"
            if item.hidden_count:  # behind the "+N more" strip: Z on a card zooms to all
                text += f" shown, {item.hidden_count} more: zoom in (Z on a card here) to see them"
            return f"{text}. {region.description}".strip()
        return ""

    def scene_rect(self) -> QRectF:
        item = self._item()
        return item.rect if item is not None else QRectF()

    def card_ids(self) -> list[str]:
        scene = self.board.view.board_scene
        group = scene.document.current_group
        lens = scene.document.session.board.lens_of(self.region_id) or ""
        return [
            p.card for p in group.in_region(self.region_id) if (p.card, lens) in scene.card_items
        ]

    def parent(self) -> QAccessibleInterface:
        return self.board

    def childCount(self) -> int:
        return len(self.card_ids())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        ids = self.card_ids()
        lens = self.board.view.board_scene.document.session.board.lens_of(self.region_id) or ""
        return self.board.card(ids[index], lens) if 0 <= index < len(ids) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        card_id = getattr(child, "card_id", None)
        ids = self.card_ids()
        return ids.index(card_id) if card_id in ids else -1


class CardAccessible(_Child):
    """One place of a card (a card on the matrix and the ladder has two)."""

    def __init__(self, board: BoardAccessible, card_id: str, lens: str) -> None:
        super().__init__(board)
        self.card_id = card_id
        self.lens = lens

    def _item(self) -> CardItem | None:
        return self.board.view.board_scene.card_items.get((self.card_id, self.lens))

    def isValid(self) -> bool:
        return self._item() is not None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def _placement(self) -> Placement | None:
        document = self.board.view.board_scene.document
        return document.session.place_on(document.current_group, self.card_id, self.lens)

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        item = self._item()
        state.selectable = True
        state.focusable = True
        if item is None:
            state.invalid = True
            return state
        state.selected = item.isSelected()
        state.focused = item.isSelected() and self.board.view.hasFocus()
        return state

    def text(self, t: QAccessible.Text) -> str:
        item = self._item()
        if item is None:
            return ""
        card = item.card
        if t == QAccessible.Text.Name:
            placement = self._placement()
            region = (
                self.board.view.board_scene.document.session.board.region(placement.region)
                if placement is not None
                else None
            )
            words = [card.title, KIND_LABELS.get(card.kind, card.kind)]
            if region is not None:
                words.append(f"in {region.label} ({lens_name(region.lens)})")
            words += [w for w in (item.look.missing,) if w]
            if item.look.badges:
                words.append(f"shows principle {', '.join(item.look.badges)}")
            if item.look.has_note:
                words.append("has a note")
            return ", ".join(words)
        if t == QAccessible.Text.Description:
            return str(card.text)
        return ""

    def scene_rect(self) -> QRectF:
        item = self._item()
        return item.sceneBoundingRect() if item is not None else QRectF()

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        placement = self._placement()
        return self.board.region(placement.region) if placement is not None else self.board

    def childCount(self) -> int:
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1


class BoardAccessible(QAccessibleWidget):
    """The board view: its children are the regions, in board order."""

    def __init__(self, view: BoardView) -> None:
        super().__init__(view, QAccessible.Role.Grouping, "Board")
        self.view = view
        self._regions: dict[str, RegionAccessible] = {}
        self._cards: dict[tuple[str, str], CardAccessible] = {}

    def region(self, region_id: str) -> RegionAccessible:
        iface = self._regions.get(region_id)
        if iface is None:
            iface = self._regions[region_id] = RegionAccessible(self, region_id)
        return iface

    def card(self, card_id: str, lens: str) -> CardAccessible:
        iface = self._cards.get((card_id, lens))
        if iface is None:
            iface = self._cards[(card_id, lens)] = CardAccessible(self, card_id, lens)
        return iface

    def region_ids(self) -> list[str]:
        return list(self.view.board_scene.region_items)

    def childCount(self) -> int:
        return len(self.region_ids())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        ids = self.region_ids()
        return self.region(ids[index]) if 0 <= index < len(ids) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        region_id = getattr(child, "region_id", None)
        ids = self.region_ids()
        return ids.index(region_id) if region_id in ids else -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        card_id, lens = self.view.board_scene.selected_key()
        return self.card(card_id, lens) if card_id and self.view.hasFocus() else None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        viewport = self.view.viewport()
        pos = self.view.mapToScene(viewport.mapFromGlobal(QPoint(x, y)))
        region = self.view.board_scene.region_at(pos)
        return self.region(region.region.id) if region is not None else None

    def notify_selection(self, card_id: str) -> None:
        """The keyboard (or a tap) chose a card: tell AT which object has focus now."""
        if not card_id or not QAccessible.isActive():
            return
        iface = self.card(card_id, self.view.board_scene.selected_key()[1])
        if not iface.isValid():
            return
        kind = QAccessible.Event.Focus if self.view.hasFocus() else QAccessible.Event.Selection
        QAccessible.updateAccessibility(QAccessibleEvent(iface, kind))
