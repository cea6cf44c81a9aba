"""The arrangement as a tree: each lens, its regions, then their cards with the group's
notes, then the tray. Cards on a graphics scene are invisible to screen readers; this
view reads the same arrangement as text and can move cards too."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFontMetrics, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from coprod_desktop.domain.decisions import missing_text
from coprod_desktop.domain.kinds import KIND_LABELS
from coprod_desktop.domain.model import Card, Region
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.plain_text import plain_tooltip

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
LENS_ROLE = Qt.ItemDataRole.UserRole + 2  # the lens of the row's region ("" in the tray)
# Headings can take the keyboard focus, so a screen reader announces each region
# before its cards.
HEADING_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
BANDS = {"to": "doing to", "for": "doing for", "with": "doing with"}
TEXT_MARGIN = 4  # px around a cell's text, as the style draws it


def region_heading(region: Region, count: int, lens: str = "") -> str:
    """'Ladder: 7 Co-production (doing with), 4 cards': the lens, the region, its ladder
    band, its count."""
    band = f" ({BANDS[region.band]})" if region.band in BANDS else ""
    prefix = f"{lens}: " if lens else ""
    return f"{prefix}{region.label}{band}, {count} card{'s' if count != 1 else ''}"


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as high as their wrapped text at the column's width (the view alone sizes
    rows for one line, and a long note would be cut)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self.view.columnWidth(index.column())
        if index.column() == 0:  # the branch indentation comes off the first column
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.view.indentation() * (depth + 1)
        width -= 2 * TEXT_MARGIN
        if not text or width <= 0:
            return hint
        metrics = QFontMetrics(option.font)
        needed = metrics.boundingRect(
            QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        return QSize(hint.width(), max(hint.height(), needed + 2 * TEXT_MARGIN))


class ArrangementList(QTreeWidget):
    card_selected = Signal(str)
    move_menu_requested = Signal(str, QPoint)

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.single_keys = True  # M opens Move to; off with the single-key shortcuts
        self.setColumnCount(2)
        self.setHeaderLabels(["Region and card", "Note"])
        self.setFont(fonts.font(18))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Notes are read here in full: wrapped over as many lines as they need, never "...".
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setItemDelegate(_WrappingDelegate(self))
        self.header().sectionResized.connect(self._relayout_rows)
        self.header().setStretchLastSection(True)
        self.setAccessibleName("Arrangement as a list")
        self.setAccessibleDescription(
            "Each lens of the board, its regions with the cards the group put there and their "
            "notes, then "
            "the cards still in the tray. Press M to move the selected card, "
            "Delete to return it to the tray."
        )
        self.currentItemChanged.connect(self._on_current_changed)
        # Hidden (the board is showing), the tree is only marked stale: rebuilding it on
        # every move cost two thirds of a move's time. It is rebuilt when shown or read.
        self._stale = False
        document.arrangement_changed.connect(self._changed)
        document.current_group_changed.connect(self._on_group_changed)
        document.session_replaced.connect(self._changed)
        document.groups_changed.connect(self._changed)
        self._stale = True  # built when first shown or read: the first paint is the board's

    def _changed(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _on_group_changed(self, *_args: object) -> None:
        """Another group's arrangement: no row stays selected from the last one."""
        self.blockSignals(True)
        self.setCurrentIndex(QModelIndex())  # no current row
        self.clearSelection()
        self.blockSignals(False)
        self._changed()

    def refresh(self, *_args: object) -> None:
        """Rebuild the tree: a branch per lens, its regions, their cards; then the tray.
        The user's place stays: the same card on the same lens, or, when that row is gone
        (undone, returned), the row now where it was; and the scroll position."""
        self._stale = False
        keep_card, keep_lens = self.selected_card_id(), self.selected_lens()
        keep_row = self._row_path(self.currentItem())
        scrolled = self.verticalScrollBar().value()
        self.blockSignals(True)
        self.clear()
        session, group = self.document.session, self.document.current_group
        titles = {c.id: c.title for c in session.cards_for(group)}
        branches: dict[str, tuple[QTreeWidgetItem, list[int]]] = {}
        for region, cards in session.iter_placed(group):
            lens = session.board.lens(region.lens)
            lens_label = lens.label if lens else region.lens
            if region.lens not in branches:
                branch = QTreeWidgetItem([lens_label, ""])
                branch.setFlags(HEADING_FLAGS)
                self.addTopLevelItem(branch)
                branches[region.lens] = (branch, [0])
            branch, count = branches[region.lens]
            count[0] += len(cards)
            top = QTreeWidgetItem([region_heading(region, len(cards)), ""])
            top.setFlags(HEADING_FLAGS)
            top.setData(
                0,
                Qt.ItemDataRole.AccessibleTextRole,
                region_heading(region, len(cards), lens_label),
            )  # a screen reader hears the lens too
            branch.addChild(top)
            where = f"{lens_label}: {region.label}"
            for card, _placement in cards:
                extra = [missing_text(session, group, card.id)]
                shown = [titles.get(p, p) for p in group.marks_of(card.id)]
                extra.append(f"shows {', '.join(shown)}" if shown else "")
                top.addChild(self._card_item(card, group.note(card.id), region.lens, extra, where))
        for branch, count in branches.values():
            branch.setText(0, f"{branch.text(0)}, {count[0]} card{'s' if count[0] != 1 else ''}")
        unplaced = session.unplaced(group)
        tray = QTreeWidgetItem([f"In the tray, not placed ({len(unplaced)})", ""])
        tray.setFlags(HEADING_FLAGS)
        self.addTopLevelItem(tray)
        for card in unplaced:
            tray.addChild(self._card_item(card, group.note(card.id), where="in the tray"))
        self.expandAll()
        same = self._find(keep_card, keep_lens) if keep_card else None
        if same is not None:
            self.setCurrentItem(same)  # silently: signals are blocked
        elif keep_row:
            self._select_path(keep_row)
        self._fit_columns()
        self.verticalScrollBar().setValue(scrolled)
        self.blockSignals(False)

    def _row_path(self, item: QTreeWidgetItem | None) -> list[int]:
        """Where item is in the tree: its index at each level, from the top."""
        path: list[int] = []
        while item is not None:
            parent = item.parent()
            path.insert(0, parent.indexOfChild(item) if parent else self.indexOfTopLevelItem(item))
            item = parent
        return path

    def _select_path(self, path: list[int]) -> None:
        """The row at path, or the nearest one still there (the last child, the parent)."""
        top = self.topLevelItem(min(path[0], self.topLevelItemCount() - 1))
        item = top
        for index in path[1:]:
            if item is None or item.childCount() == 0:
                break
            item = item.child(min(index, item.childCount() - 1))
        if item is not None:
            self.setCurrentItem(item)

    def _find(self, card_id: str, lens: str) -> QTreeWidgetItem | None:
        rows = [i for i in self._items() if i.data(0, CARD_ROLE) == card_id]
        exact = [i for i in rows if i.data(0, LENS_ROLE) == lens]
        return (exact or rows)[0] if rows else None

    def _fit_columns(self) -> None:
        """The cards' column as wide as its text, but never more than half the view: the
        notes' column keeps the rest, and both wrap."""
        self.resizeColumnToContents(0)
        most = max(200, self.viewport().width() // 2)
        if self.columnWidth(0) > most:
            self.setColumnWidth(0, most)

    def _relayout_rows(self, *_args: object) -> None:
        self.scheduleDelayedItemsLayout()  # rows take the height of the new wrapping

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _card_item(
        self,
        card: Card,
        note: str,
        lens: str = "",
        extra: list[str] | None = None,
        where: str = "",
    ) -> QTreeWidgetItem:
        words = [f"{card.title} ({KIND_LABELS.get(card.kind, card.kind)})"]
        words += [w for w in extra or [] if w]
        item = QTreeWidgetItem([" \u2014 ".join(words), note])
        item.setData(0, CARD_ROLE, card.id)
        item.setData(0, LENS_ROLE, lens)
        item.setToolTip(0, plain_tooltip(card.text))
        if where:  # the row names its region for a screen reader that reads it alone
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, where)
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        """Every card row, in order (at any depth: lens > region > card, tray > card)."""
        if self._stale:
            self.refresh()
        found: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in reversed(range(self.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            if item.data(0, CARD_ROLE):
                found.append(item)
            stack.extend(item.child(j) for j in reversed(range(item.childCount())))
        return found

    def card_rows(self) -> list[tuple[str, str, str]]:
        """(region heading with its lens, card title text, note) for every card row."""
        return [
            (
                str(parent.data(0, Qt.ItemDataRole.AccessibleTextRole) or parent.text(0)),
                row.text(0),
                row.text(1),
            )
            for row in self._items()
            if (parent := row.parent()) is not None
        ]

    def selected_card_id(self) -> str:
        item = self.currentItem()
        return str(item.data(0, CARD_ROLE) or "") if item is not None else ""

    def selected_lens(self) -> str:
        item = self.currentItem()
        return str(item.data(0, LENS_ROLE) or "") if item is not None else ""

    def select_card(self, card_id: str, lens: str | None = None) -> None:
        """Select the card's row (on lens, when given and it has a place there)."""
        rows = [i for i in self._items() if i.data(0, CARD_ROLE) == card_id]
        exact = [i for i in rows if lens is not None and i.data(0, LENS_ROLE) == lens]
        if exact or rows:
            self.setCurrentItem((exact or rows)[0])

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        card_id = current.data(0, CARD_ROLE) if current is not None else None
        if card_id:
            self.card_selected.emit(card_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        card_id, current = self.selected_card_id(), self.currentItem()
        plain_m = event.key() == Qt.Key.Key_M and self.single_keys
        if card_id and current is not None and plain_m:
            rect = self.visualItemRect(current)
            self.move_menu_requested.emit(card_id, self.viewport().mapToGlobal(rect.center()))
        elif card_id and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.document.unplace(card_id, self.selected_lens() or None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        card_id = item.data(0, CARD_ROLE) if item is not None else None
        if item is not None and card_id:
            self.setCurrentItem(item)
            self.move_menu_requested.emit(card_id, event.globalPos())
