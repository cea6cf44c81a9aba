"""The deck tray: the current group's unplaced cards, grouped by kind.

Cards are dragged from here onto the board; a board card dropped here goes
back to the tray (unplaced)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from coprod_desktop.domain.decisions import principle_numbers
from coprod_desktop.domain.kinds import KIND_LABELS, KIND_ORDER
from coprod_desktop.domain.model import Card
from coprod_desktop.ui.board.items import (
    CardLook,
    card_id_from_mime,
    card_mime,
    lens_from_mime,
    paint_card,
)
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import focus, fonts, theme
from coprod_desktop.ui.style.plain_text import plain_tooltip

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2
BADGE_ROLE = Qt.ItemDataRole.UserRole + 3  # a principle card's number
ROW_HEIGHT = 60
HEADER_HEIGHT = 34


class DeckTray(QListWidget):
    card_selected = Signal(str)
    move_menu_requested = Signal(str, QPoint)  # card id, global position
    background_tapped = Signal()  # a tap off the cards: "put the selected board card back here"

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setItemDelegate(_TrayDelegate(self))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(2)
        self.setMinimumWidth(240)
        self.setObjectName("tray")
        self.setStyleSheet(focus.field_style("QListWidget#tray"))
        self.setAccessibleName("Card tray")
        self.setAccessibleDescription("Cards the current group has not placed yet, by kind.")
        self.currentItemChanged.connect(self._on_current_changed)
        document.session_replaced.connect(self.refresh)
        document.current_group_changed.connect(self._on_group_changed)
        document.arrangement_changed.connect(self._on_arrangement_changed)
        self.refresh()

    def _on_group_changed(self, *_args: object) -> None:
        """Another group's tray: no card stays selected from the last one."""
        self.blockSignals(True)
        self.setCurrentRow(-1)
        self.clearSelection()
        self.blockSignals(False)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        keep = self.selected_card_id()
        scrolled = self.verticalScrollBar().value()  # the tray must not jump when a card leaves it
        self.blockSignals(True)
        self.clear()
        self.setCurrentRow(-1)  # no leftover current row: only keep selects again
        session = self.document.session
        unplaced = session.unplaced(self.document.current_group)
        numbers = principle_numbers(session.deck)  # a principle shows the badge it marks with
        for kind in KIND_ORDER:
            cards = [c for c in unplaced if c.kind == kind]
            if not cards:
                continue
            header = QListWidgetItem(f"{theme.KIND_STYLES[kind].label} ({len(cards)})")
            header.setData(HEADER_ROLE, kind)
            header.setData(  # a screen reader hears that it is a heading, not a card
                Qt.ItemDataRole.AccessibleTextRole,
                f"Heading: {theme.KIND_STYLES[kind].label}, {len(cards)} card(s)",
            )
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setSizeHint(QSize(200, HEADER_HEIGHT))
            self.addItem(header)
            for card in cards:
                item = QListWidgetItem(card.title)
                item.setData(CARD_ROLE, card)
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"{card.title}, {KIND_LABELS.get(card.kind, 'card').lower()}",
                )
                item.setData(BADGE_ROLE, numbers.get(card.id, ""))
                item.setToolTip(plain_tooltip(f"{card.title}\n{card.text}"))
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                item.setSizeHint(QSize(200, ROW_HEIGHT))
                self.addItem(item)
        if not unplaced:
            done = QListWidgetItem("Every card is on the board.\nDrag one back here to unplace it.")
            done.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(done)
        self.blockSignals(False)
        self.doItemsLayout()  # update the scroll range now, so the old position fits in it
        self.verticalScrollBar().setValue(scrolled)
        if keep:
            self.select_card(keep)

    def card_ids(self) -> list[str]:
        ids = []
        for row in range(self.count()):
            card = self.item(row).data(CARD_ROLE)
            if card is not None:
                ids.append(card.id)
        return ids

    def selected_card_id(self) -> str:
        item = self.currentItem()
        card = item.data(CARD_ROLE) if item is not None and item.isSelected() else None
        return card.id if card is not None else ""

    def select_card(self, card_id: str) -> None:
        for row in range(self.count()):
            card = self.item(row).data(CARD_ROLE)
            if card is not None and card.id == card_id:
                self.setCurrentRow(row)
                return
        self.clearSelection()

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        card = current.data(CARD_ROLE) if current is not None else None
        if current is not None and card is not None:
            # Arrow keys can move the current row without selecting it: the card the
            # details panel shows must also look selected in the tray.
            current.setSelected(True)
            self.card_selected.emit(card.id)

    def _on_arrangement_changed(self, group_id: str) -> None:
        if group_id == self.document.current_group_id:
            self.refresh()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if item is None or item.data(CARD_ROLE) is None:
            self.background_tapped.emit()
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        card = item.data(CARD_ROLE) if item is not None else None
        if item is not None and card is not None:
            self.setCurrentItem(item)
            self.move_menu_requested.emit(card.id, event.globalPos())

    # --- drag out --------------------------------------------------------------
    def startDrag(self, supported_actions: Qt.DropAction) -> None:
        item = self.currentItem()
        card = item.data(CARD_ROLE) if item is not None else None
        if card is None:
            return
        drag = QDrag(self)
        drag.setMimeData(card_mime(card.id))
        pixmap = QPixmap(240, ROW_HEIGHT - 6)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_card(painter, QRectF(2, 2, 236, ROW_HEIGHT - 10), card, True)
        painter.end()
        drag.setPixmap(pixmap)
        drag.setHotSpot(pixmap.rect().center())
        drag.exec(Qt.DropAction.MoveAction)

    # --- drop in: unplace --------------------------------------------------------
    def accepts(self, card_id: str | None) -> bool:
        return bool(card_id) and bool(self.document.current_group.places(card_id or ""))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accepts(card_id_from_mime(event.mimeData())):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        card_id = card_id_from_mime(event.mimeData())
        if card_id and self.return_card(card_id, lens_from_mime(event.mimeData()) or None):
            self.select_card(card_id)  # the card that came back is the one to show
            event.acceptProposedAction()
        else:
            event.ignore()

    def return_card(self, card_id: str, lens: str | None = None) -> bool:
        """A card dropped on the tray: the place it was dragged from (lens) comes off the
        board; with no lens, all its places."""
        return self.document.unplace(card_id, lens)


class _TrayDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card: Card | None = index.data(CARD_ROLE)
        kind = index.data(HEADER_ROLE)
        rect = QRectF(option.rect)
        if card is not None:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            badge = index.data(BADGE_ROLE)
            look = CardLook(badges=(badge,)) if badge else None
            paint_card(painter, rect.adjusted(4, 3, -4, -3), card, selected, look)
            if option.state & QStyle.StateFlag.State_HasFocus:
                focus.paint_ring(painter, rect)
            return
        painter.save()
        if kind:
            style = theme.KIND_STYLES[kind]
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.colour))
            badge = QRectF(rect.x() + 6, rect.center().y() - 11, 22, 22)
            painter.drawRoundedRect(badge, 4, 4)
            theme.paint_kind_shape(painter, kind, badge.center(), 6)
            rect = rect.adjusted(36, 0, 0, 0)
        painter.setFont(fonts.font(16, bold=True))
        painter.setPen(QColor(theme.TEXT))
        painter.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            str(index.data(Qt.ItemDataRole.DisplayRole)),
        )
        painter.restore()
        if option.state & QStyle.StateFlag.State_HasFocus:  # a heading is a focus stop too
            focus.paint_ring(painter, QRectF(option.rect))
