"""The board scene: regions and headings from the board data, and the current
group's cards laid out inside their regions. It follows the document's signals
and turns drops into document commands."""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
)

from coprod_desktop.domain.decisions import missing_text, place_targets, principle_numbers
from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.layout import (
    CARD_TITLE,
    MIN_SCALE,
    RegionLayout,
    compact_region,
    fit_region,
    insertion_index,
    label_insets,
    layout_in,
    restated_labels,
    stretched,
)
from coprod_desktop.domain.model import Card, Placement
from coprod_desktop.ui.board.fitting import (
    compact_card_height,
    height_needed,
    largest_label,
    largest_title,
    widest_word,
)
from coprod_desktop.ui.board.items import (
    CARD_TITLE_MIN_PX,
    CARD_TITLE_PX,
    MORE_LINE,
    REGION_LABEL_MIN_PX,
    REGION_LABEL_PX,
    CardItem,
    CardLook,
    DecorationItem,
    MoreItem,
    RegionItem,
    card_id_from_mime,
    compact_marked,
)
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import theme

CardKey = tuple[str, str]  # (card id, lens id): one item per place of a card


class BoardScene(QGraphicsScene):
    card_selected = Signal(str)  # card id, or "" when nothing is selected
    move_menu_requested = Signal(str, QPoint)  # card id, global screen position
    zoom_requested = Signal(str)  # region id: its "+N" tile was tapped
    pending_changed = Signal(str)  # the card waiting for a tap ("" when none)

    def __init__(self, document: SessionDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.region_items: dict[str, RegionItem] = {}
        self.card_items: dict[CardKey, CardItem] = {}
        self._layouts: dict[str, RegionLayout] = {}
        # Regions whose label its row and column headings say again: presenting, a crowded
        # one may leave the label out for a row of cards (domain/layout.py restated_labels).
        self._restated: frozenset[str] = frozenset()
        self.card_base = 1.0  # card size relative to full size (larger when presenting)
        self.stretch = (1.0, 1.0)  # the board's geometry widened / heightened to fit a screen
        self.decoration_items: list[DecorationItem] = []
        self.more_items: dict[str, MoreItem] = {}  # region id -> its "+N" tile
        # Presenting: the smallest legible card title and region label in board units
        # (the screen's floors over the view's scale, BoardView.fit); None: the window's.
        self.floors: tuple[float, float] | None = None
        self.zoomed_region = ""  # the view zoomed to it: all of its cards show, shrinking
        self.high_contrast = False
        self.fills_view = False  # presenting: the board is stretched to the view's shape
        # The card a tap on a region moves: set by tapping a card (tray or board), cleared
        # by any placement, so a later tap or double-click on the board only zooms.
        self._pending = ""
        self.setBackgroundBrush(QBrush(QColor(theme.BOARD_BACKGROUND)))
        self.selectionChanged.connect(self._on_selection_changed)
        document.session_replaced.connect(self.rebuild)
        document.arrangement_changed.connect(self._on_arrangement_changed)
        document.current_group_changed.connect(self.sync_cards)
        self.rebuild()

    # --- the card waiting for a tap -------------------------------------------
    @property
    def pending_card_id(self) -> str:
        return self._pending

    @pending_card_id.setter
    def pending_card_id(self, card_id: str) -> None:
        if card_id != self._pending:
            self._pending = card_id
            self.show_targets()
            self.pending_changed.emit(card_id)

    def show_targets(self) -> None:
        """Presenting, the regions the waiting card can go to stand out (tap-tap)."""
        targets: set[str] = set()
        if self.fills_view and self._pending:
            document = self.document
            try:
                targets = set(
                    place_targets(document.session, document.current_group, self._pending)
                )
            except DomainError:
                targets = set()
        for region_id, item in self.region_items.items():
            item.set_target(region_id in targets)

    # --- building ------------------------------------------------------------
    def rebuild(self, *_args: object) -> None:
        """Board changed (new or opened session): recreate every item."""
        self.clear()
        self.region_items.clear()
        self.card_items.clear()
        self.more_items.clear()
        self.decoration_items = []
        board = self.document.session.board
        self._restated = restated_labels(board)
        for decoration in board.decorations:
            decoration_item = DecorationItem(decoration)
            self._add(decoration_item)
            self.decoration_items.append(decoration_item)
        for region in board.regions:
            item = RegionItem(region)
            self._add(item)
            self.region_items[region.id] = item
        self._apply_stretch()
        self.sync_cards()
        self.show_targets()

    def set_stretch(self, fx: float, fy: float) -> bool:
        """Widen (fx) or heighten (fy) the board's geometry so that it fills a view of
        another shape (text keeps its size); False when it was already so."""
        if (fx, fy) == self.stretch:
            return False
        self.stretch = (fx, fy)
        self._apply_stretch()
        self.sync_cards()
        return True

    def _apply_stretch(self) -> None:
        fx, fy = self.stretch
        board = self.document.session.board
        for item in self.decoration_items:
            item.set_rect(QRectF(*stretched(item.decoration.rect, fx, fy)))
        for region_item in self.region_items.values():
            region_item.set_rect(QRectF(*stretched(region_item.region.rect, fx, fy)))
        w, h = board.size
        self.setSceneRect(QRectF(0, 0, w * fx, h * fy))
        self.repaint_board()

    def sync_cards(self, *_args: object) -> None:
        """Lay out the current group's cards; reuse items so selection survives."""
        session = self.document.session
        group = self.document.current_group
        selected = self.selected_key()
        wanted: dict[CardKey, CardItem] = {}
        numbers = principle_numbers(session.deck)
        self._layouts.clear()
        for decoration in self.decoration_items:
            decoration.floor = math.ceil(self.floors[1]) if self.floors else 0.0
        for tile in self.more_items.values():
            self.removeItem(tile)
        self.more_items = {}
        for region, cards in session.iter_placed(group):
            region_item = self.region_items[region.id]
            looks = [
                CardLook(
                    has_note=bool(group.note(card.id)),
                    missing=missing_text(session, group, card.id),
                    badges=tuple(numbers.get(p, "?") for p in group.marks_of(card.id)),
                    dots=group.votes.get(card.id, 0),
                )
                for card, _placement in cards
            ]
            if self.floors is None:  # the facilitator's window: cards shrink to fit
                r = region_item.rect
                box = (r.x(), r.y(), r.width(), r.height())
                region_item.set_label(
                    label_insets(region.lens), (REGION_LABEL_PX, REGION_LABEL_MIN_PX), True
                )
                layout = layout_in(box, region.lens, len(cards), self.card_base)
                options: list[tuple[tuple[float, float], bool]] = []
                sizes = (REGION_LABEL_PX, REGION_LABEL_MIN_PX)
            else:
                places, sizes = self._label_options(region_item)
                options = [(insets, True) for insets in places]
                if region.id in self._restated:  # its headings say it: room for a card?
                    options.append(((10.0, 0.0), False))
            best: tuple[tuple[int, bool, float], tuple[float, float], bool, RegionLayout] | None
            best = None
            for insets, shown in options:  # the label's place that shows the most cards
                region_item.set_label(insets, sizes, shown)
                layout = self._fit_cards(region_item, cards, looks)
                score = (len(layout.slots), shown, layout.title_px)
                if best is None or score > best[0]:
                    best = (score, insets, shown, layout)
            if best is not None:
                _score, insets, shown, layout = best
                region_item.set_label(insets, sizes, shown)
            self._layouts[region.id] = layout
            region_item.hidden_count = layout.hidden
            region_item.has_tile = layout.more is not None
            for (card, _placement), look, slot in zip(cards, looks, layout.slots, strict=False):
                rect = QRectF(*slot)
                key = (card.id, region.lens)
                item = self.card_items.pop(key, None)
                if (
                    item is None
                    or item.card != card
                    or item.look != look
                    or item.scale_factor != layout.scale
                    or item.title_px != layout.title_px
                    or item.compact != layout.compact
                    or item.boundingRect().size() != rect.adjusted(-3, -3, 3, 3).size()
                ):
                    if item is not None:
                        self.removeItem(item)
                    item = CardItem(
                        card,
                        rect,
                        look,
                        layout.scale,
                        region.lens,
                        layout.title_px,
                        layout.compact,
                    )
                    self._add(item)
                else:
                    item.setPos(rect.topLeft())
                wanted[key] = item
            if layout.more is not None:
                tile = MoreItem(region.id, layout.hidden, QRectF(*layout.more))
                self._add(tile)
                self.more_items[region.id] = tile
        for leftover in self.card_items.values():
            self.removeItem(leftover)
        self.card_items = wanted
        if selected in wanted:
            wanted[selected].setSelected(True)
        self._mark_twins()
        self.repaint_board()

    # --- painting: the board is the views' cached background ----------------------
    def _add(self, item: QGraphicsItem) -> None:
        """An item of the board: the scene paints it into the background (drawBackground),
        which each view caches as one opaque pixmap; the item itself paints nothing, but
        keeps its shape for taps, drops, tooltips and screen readers. On a 4K panel a full
        repaint is then one blit instead of some hundred translucent item pixmaps."""
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.addItem(item)

    def repaint_board(self, rect: QRectF | None = None) -> None:
        """Paint again the board under rect (all of it when None)."""
        self.invalidate(rect or self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)
        area = QRectF(rect)
        option = QStyleOptionGraphicsItem()
        layers: list[list[QGraphicsItem]] = [
            list(self.decoration_items),
            list(self.region_items.values()),
            sorted(self.card_items.values(), key=lambda i: i.isSelected()),
            list(self.more_items.values()),
        ]
        for layer in layers:
            for item in layer:
                if not item.isVisible() or not item.sceneBoundingRect().intersects(area):
                    continue
                painter.save()
                painter.setTransform(item.sceneTransform(), True)
                item.paint(painter, option, None)
                painter.restore()

    def set_floors(self, title: float | None, label: float = 0.0, zoomed: str = "") -> bool:
        """The smallest legible card title and region label in board units (presenting);
        None: the normal window's sizes; zoomed: the region the view is zoomed to (all of
        its cards show). Lays the cards out again when any of it changed."""
        floors = None if title is None else (round(title, 2), round(label, 2))
        if (floors, zoomed) == (self.floors, self.zoomed_region):
            return False
        self.floors, self.zoomed_region = floors, zoomed
        self.sync_cards()
        return True

    def title_range(self) -> tuple[float, float]:
        """(smallest, largest) title size in board units: one size per region between them."""
        if self.floors is None:
            return (CARD_TITLE_MIN_PX * MIN_SCALE, CARD_TITLE_PX * self.card_base)
        floor = self.floors[0]
        return (floor, max(CARD_TITLE_PX * self.card_base, floor * 1.5))

    def _fit_cards(
        self, region_item: RegionItem, cards: list[tuple[Card, Placement]], looks: list[CardLook]
    ) -> RegionLayout:
        smallest, largest = self.title_range()
        if region_item.region.id == self.zoomed_region:  # asked to see every card: shrink
            smallest = min(smallest, CARD_TITLE_MIN_PX * MIN_SCALE)
        titles = [
            (card.title, bool(look.missing or look.badges))
            for (card, _p), look in zip(cards, looks, strict=True)
        ]

        def fit(w: float, h: float, n: int) -> float:
            px = largest
            for title, marked in titles[:n]:
                px = min(px, largest_title(title, marked, w, h, smallest, largest))
                if not px:
                    return 0.0
            return float(px)

        r = region_item.rect
        top, left = region_item.insets
        box = (r.x(), r.y(), r.width(), r.height())
        at_floor = math.ceil(smallest - 1e-6)
        spot = self._more_spot(region_item, len(cards)) if self.floors is not None else None
        widest = max((widest_word(title, at_floor) for title, _m in titles), default=0.0)
        layout = fit_region(
            box,
            len(cards),
            fit,
            smallest,
            largest,
            top,
            left,
            self._more_height(),
            min_width=widest + 9,  # the text box is the card less its stripe and padding
            more_at=spot,
        )
        if not layout.hidden or self.floors is None:
            return layout
        compact = self._fit_compact(region_item, cards, looks, at_floor, largest, spot)
        return compact if len(compact.slots) > len(layout.slots) else layout

    def _fit_compact(
        self,
        region_item: RegionItem,
        cards: list[tuple[Card, Placement]],
        looks: list[CardLook],
        smallest: int,
        largest: float,
        spot: tuple[float, float, float, float] | None = None,
    ) -> RegionLayout:
        """Compact cards (title only) for a region whose full cards at the floor leave some
        hidden: as many as fit at the floor, at the largest size that still shows as many."""
        titles = [
            (card.title, compact_marked(look))
            for (card, _p), look in zip(cards, looks, strict=True)
        ]
        r = region_item.rect
        top, left = region_item.insets
        box = (r.x(), r.y(), r.width(), r.height())

        def at(px: int) -> RegionLayout:
            def height_of(i: int, width: float) -> float:
                title, marked = titles[i]
                return compact_card_height(title, marked, width, px)

            found = compact_region(
                box, len(cards), height_of, top, left, self._more_height(), more_at=spot
            )
            return replace(found, scale=px / CARD_TITLE, title_px=float(px))

        best = at(smallest)
        px = smallest + 1
        while px <= largest and len(best.slots):
            bigger = at(px)
            if len(bigger.slots) < len(best.slots):
                break
            best, px = bigger, px + 1
        return best

    def _label_options(
        self, item: RegionItem
    ) -> tuple[list[tuple[float, float]], tuple[float, float]]:
        """Where a region's label may go, (top strip, left column) insets in board units,
        and its type sizes (largest, smallest). Presenting, labels stay at the floor or
        above: a strip grows taller when its label needs it; a rung's label goes in a
        column beside its cards or a strip over them, whichever shows more cards."""
        default = label_insets(item.region.lens)
        if self.floors is None:
            return [default], (REGION_LABEL_PX, REGION_LABEL_MIN_PX)
        floor = math.ceil(self.floors[1] - 1e-6)
        sizes = (max(REGION_LABEL_PX, floor * 1.3), float(floor))
        rect = item.rect
        line = height_needed("Xg", 1000.0, math.ceil(sizes[0]))  # one line at the largest
        top = max(default[0], line + 10) if default[0] > 20 else line + 10
        width, height = rect.width() - 16, top - 9
        if not largest_label(item.region.label, width, height, floor, sizes[0]):
            need = height_needed(item.region.label, width, floor) + 10
            top = min(max(top, need), rect.height() - self._more_height() - 12)
        options = [(top, 0.0)]
        number, _, name = item.region.label.partition(" ")
        if default[1] and number.isdigit() and name:
            column = min(max(default[1], widest_word(name, floor) + 16), rect.width() * 0.45)
            name_h = (rect.height() - 8) * 0.55
            if largest_label(name, column - 12, name_h, floor, sizes[0]):
                options.append((default[0], column))
        return options, sizes

    def _more_spot(self, item: RegionItem, count: int) -> tuple[float, float, float, float] | None:
        """Presenting: room for the "+N" tile that the region's label leaves free, so that
        the tile takes no row of its own: right of a rung's big number, or at the bottom
        right of a top strip, clear of the label's lines. None when "+N" has no room there."""
        height = self._more_height()
        box, lines = item.label_box, item.label_line_rects()
        if not lines:
            return None
        if item.insets[1]:  # a rung's column: beside its number (the first rect)
            number = lines[0]
            tile_h = min(height, number.height())
            y, x = number.bottom() - tile_h, number.right() + 6
        else:  # a strip: along its bottom, right of every line beside it
            tile_h = height
            y = item.rect.y() + item.insets[0] - 2 - tile_h
            beside = [r.right() for r in lines if r.bottom() > y and r.top() < y + tile_h]
            x = max(beside, default=box.x()) + 8
        width = box.right() - x
        if y < item.rect.y() + 2 or width < MoreItem.width_needed(count, tile_h):
            return None
        return (x, y, width, tile_h)

    def _more_height(self) -> float:
        """The "+N more" strip's height: one line at the labels' size."""
        label_floor = self.floors[1] if self.floors else REGION_LABEL_MIN_PX
        return math.ceil(label_floor) * MORE_LINE

    def set_presentation(self, card_base: float, high_contrast: bool) -> None:
        """Bigger cards and stronger contrast for a projected room; the board's shape then
        follows the screen's (BoardView.fit stretches it), and back to its own after."""
        self.card_base = card_base
        self.high_contrast = high_contrast
        self.fills_view = high_contrast
        self.show_targets()
        if not high_contrast:
            self.stretch = (1.0, 1.0)
            self._apply_stretch()
        self.setBackgroundBrush(
            QBrush(QColor("#ffffff" if high_contrast else theme.BOARD_BACKGROUND))
        )
        self.sync_cards()
        self.update()

    def cards_in_board_order(self) -> list[CardKey]:
        """Every card's place on the board that shows, region by region in board order."""
        return [k for k, _region in self.places_in_board_order() if k in self.card_items]

    def places_in_board_order(self) -> list[tuple[CardKey, str]]:
        """Every card's place and its region, region by region in board order, those
        behind a region's "+N" too (they are the region's last)."""
        board = self.document.session.board
        order = {r.id: i for i, r in enumerate(board.regions)}
        placed = sorted(
            enumerate(self.document.current_group.placements),
            key=lambda ip: (order.get(ip[1].region, 0), ip[0]),
        )
        return [((p.card, board.lens_of(p.region) or ""), p.region) for _i, p in placed]

    def select_neighbour(self, step: int) -> str:
        """Keyboard: select the next (step 1) or previous (-1) card in board order."""
        keys = self.cards_in_board_order()
        if not keys:
            return ""
        current = self.selected_key()
        index = (
            (keys.index(current) + step) % len(keys)
            if current in keys
            else (0 if step > 0 else len(keys) - 1)
        )
        self.select_card(*keys[index])
        return keys[index][0]

    def items_of(self, card_id: str) -> list[CardItem]:
        """The card's items, one per place, in the board's lens order."""
        return [item for (card, _lens), item in self.card_items.items() if card == card_id]

    def item_for(self, card_id: str, lens: str | None = None) -> CardItem | None:
        """The card's item on lens, or (lens None) the selected one, else its first."""
        if lens is not None:
            return self.card_items.get((card_id, lens))
        items = self.items_of(card_id)
        return next((i for i in items if i.isSelected()), items[0] if items else None)

    def _on_arrangement_changed(self, group_id: str) -> None:
        if group_id == self.document.current_group_id:
            self.sync_cards()

    # --- selection -----------------------------------------------------------
    def selected_card_id(self) -> str:
        return self.selected_key()[0]

    def selected_key(self) -> CardKey:
        """(card id, lens) of the selected place, ("", "") when none is selected."""
        for item in self.selectedItems():
            if isinstance(item, CardItem):
                return item.key
        return ("", "")

    def select_card(self, card_id: str, lens: str | None = None) -> None:
        """Select the card's place on lens (None: the place already selected, else the
        first); its other places show as its twins."""
        item = self.item_for(card_id, lens)
        self.clearSelection()
        if item is not None:
            item.setSelected(True)
            item.setFocus()
            for view in self.views():
                view.ensureVisible(item)

    def _mark_twins(self) -> None:
        card_id = self.selected_card_id()
        for item in self.card_items.values():
            item.set_twin(bool(card_id) and item.card_id == card_id and not item.isSelected())

    def _on_selection_changed(self) -> None:
        try:
            self._mark_twins()
            self.card_selected.emit(self.selected_card_id())
        except RuntimeError:  # emitted while the scene is being torn down
            pass

    # --- drops ---------------------------------------------------------------
    def region_at(self, pos: QPointF) -> RegionItem | None:
        for item in self.region_items.values():
            if item.rect.contains(pos):
                return item
        return None

    def card_at(self, pos: QPointF) -> CardItem | None:
        return next((i for i in self.items(pos) if isinstance(i, CardItem)), None)

    def _mark_with(self, principle_id: str, pos: QPointF) -> bool | None:
        """A principle dropped or tapped onto another placed card marks it; None when
        the gesture is not that (then it places the principle card itself)."""
        target = self.card_at(pos)
        session, group = self.document.session, self.document.current_group
        try:
            kind = session.card(group, principle_id).kind
        except DomainError:
            return None
        if target is None or kind != "principle" or target.card_id == principle_id:
            return None
        try:
            changed = self.document.mark(target.card_id, principle_id)
        except DomainError:
            return False
        self.select_card(target.card_id, target.lens)
        return changed

    def drop_card(self, card_id: str, pos: QPointF) -> bool:
        """Place card_id where it was dropped (a principle dropped on a card marks that
        card); False if not on a region or nothing changed."""
        region_item = self.region_at(pos)
        self._highlight(None)
        self.pending_card_id = ""
        marked = self._mark_with(card_id, pos)
        if marked is not None:
            return marked
        if region_item is None:
            return False
        region_id = region_item.region.id
        layout = self._layouts.get(region_id) or RegionLayout((), 1.0, 0)
        index = insertion_index(layout, pos.x(), pos.y())
        placed_here = [p.card for p in self.document.current_group.in_region(region_id)]
        if card_id in placed_here and placed_here.index(card_id) < index:
            index -= 1  # the card leaves its old slot before it is inserted
        try:
            changed = self.document.place(card_id, region_id, index)
        except DomainError:
            return False
        self.select_card(card_id, region_item.region.lens)
        return changed

    def tap_region(self, pos: QPointF) -> bool:
        """Tap-to-place: a tap on a region moves the card last tapped (in the tray or on
        the board) there, no dragging needed. Returns False when no card is waiting."""
        card_id = self.pending_card_id
        region_item = self.region_at(pos)
        if not card_id or region_item is None:
            return False
        self.pending_card_id = ""
        try:
            self.document.place(card_id, region_item.region.id)
        except DomainError:
            return False
        self.select_card(card_id, region_item.region.lens)
        return True

    def tap_card(self, pos: QPointF) -> bool:
        """Tap a principle (tray or board), then a placed card: the card is marked."""
        card_id = self.pending_card_id
        if not card_id or self._mark_with(card_id, pos) is None:
            return False
        self.pending_card_id = ""
        return True

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        card = self.card_at(event.scenePos())
        left = event.button() == Qt.MouseButton.LeftButton
        tile = next((i for i in self.items(event.scenePos()) if isinstance(i, MoreItem)), None)
        if left and tile is not None:  # "+N": the region zoomed, a waiting card still waits
            self.zoom_requested.emit(tile.region_id)
            event.accept()
            return
        if left and card is None and self.tap_region(event.scenePos()):
            event.accept()
            return
        if left and card is not None and self.tap_card(event.scenePos()):
            event.accept()
            return
        super().mousePressEvent(event)  # selects; the window then forgets any waiting card
        if left and card is not None:
            self.pending_card_id = card.card_id

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        """A right-click (or long press) on a card selects it and asks for its Move to menu."""
        card = self.card_at(event.scenePos())
        if card is None:
            super().contextMenuEvent(event)
            return
        self.select_card(card.card_id, card.lens)
        self.move_menu_requested.emit(card.card_id, event.screenPos())
        event.accept()

    def _highlight(self, target: RegionItem | None) -> None:
        for item in self.region_items.values():
            item.set_highlighted(item is target)

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if card_id_from_mime(event.mimeData()):
            event.acceptProposedAction()
            self._highlight(self.region_at(event.scenePos()))
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if card_id_from_mime(event.mimeData()):
            event.acceptProposedAction()
            self._highlight(self.region_at(event.scenePos()))
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._highlight(None)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        card_id = card_id_from_mime(event.mimeData())
        if card_id and self.drop_card(card_id, event.scenePos()):
            event.acceptProposedAction()
        else:
            event.ignore()
