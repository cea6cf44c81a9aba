"""The view of the board: scales the whole board to fit, framed in the group's
colour; zooms to one region for discussing it with the room (double-click or
double-tap, or Z); pinch to zoom and two fingers to pan on a touch screen."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmapCache,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from coprod_desktop.domain.layout import room_floors, stretch_factors
from coprod_desktop.ui.board.scene import BoardScene

FOCUS_RING = "#1a1a1a"
ZOOM_MARGIN = 12.0  # board units around a zoomed region
MAX_PINCH_ZOOM = 4.0
WINDOW_STRETCH_TOLERANCE = 0.2  # the facilitator's window: a view this near the board's shape


class BoardView(QGraphicsView):
    zoom_changed = Signal(str)  # the region zoomed to, "" for the whole board

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board_scene = scene
        self.zoomed_region = ""
        self._pinch_zoom = 1.0
        self._frame_colour = "#1a1a1a"
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setAcceptDrops(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(6)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # The scene paints the board into the background (BoardScene.drawBackground):
        # cached here as one pixmap, painted again only where the scene says it changed.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        # ... which covers every pixel: no fill of the viewport under it first (at 4K that
        # fill, the style sheet's, cost a quarter of a full repaint).
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAccessibleName("Board")
        self.setAccessibleDescription(
            "The public service matrix, the ladder of co-production and the 'co-production is not' "
            "area. Arrow keys choose a card; M moves it; Delete returns it to the tray. "
            "The list view (Ctrl+L) reads the same arrangement as text."
        )
        scene.sceneRectChanged.connect(self.fit)
        scene.document.session_replaced.connect(self.show_whole_board)
        scene.zoom_requested.connect(self.zoom_to)

    def set_frame_colour(self, colour: str) -> None:
        self._frame_colour = QColor(colour).name()
        self._update_frame()

    def _update_frame(self) -> None:
        # Keyboard focus is visible: the group's frame turns double while the board has
        # focus. Same width, so the board does not shift under a click that focuses it.
        style = "double" if self.hasFocus() else "solid"
        self.setStyleSheet(f"BoardView {{ border: 6px {style} {self._frame_colour}; }}")

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self.hasFocus():  # a bold dashed ring inside the frame: keyboard focus is here
            painter.save()
            painter.resetTransform()
            # Four straight lines without antialiasing: a dashed antialiased drawRect round
            # a 4K viewport took 21 ms a frame (the stroker's dashes), these take 0.2 ms.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            pen = QPen(QColor(FOCUS_RING), 4, Qt.PenStyle.DashLine)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            r = self.viewport().rect().adjusted(2, 2, -3, -3)
            corners = [r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()]
            for start, end in zip(corners, [*corners[1:], corners[0]], strict=True):
                painter.drawLine(start, end)
            painter.restore()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._update_frame()
        self.viewport().update()
        tabbed_in = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        )
        if tabbed_in and not self.board_scene.selected_card_id():
            self.board_scene.select_neighbour(1)  # the keyboard starts from a visible card

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._update_frame()
        self.viewport().update()

    # --- fitting and zooming -------------------------------------------------------
    def fit(self, *_args: object) -> None:
        scene = self.board_scene
        # The board takes the view's shape, no letterbox: presenting always; in the
        # facilitator's window when the view's shape is far from the board's (1024x768).
        w, h = scene.document.session.board.size
        port = self.viewport().size()
        tolerance = 0.0 if scene.fills_view else WINDOW_STRETCH_TOLERANCE
        fx, fy = stretch_factors(w, h, port.width(), port.height(), tolerance=tolerance)
        if scene.set_stretch(fx, fy):
            return  # the new scene rect fits the view again (sceneRectChanged)
        region = self.board_scene.region_items.get(self.zoomed_region)
        target = (
            region.rect.adjusted(-ZOOM_MARGIN, -ZOOM_MARGIN, ZOOM_MARGIN, ZOOM_MARGIN)
            if region
            else self.sceneRect()
        )
        self.fitInView(target, Qt.AspectRatioMode.KeepAspectRatio)
        self._pinch_zoom = 1.0
        self._set_floors()

    def _set_floors(self) -> None:
        """Presenting: the legibility floors for this screen, in board units at this zoom
        (zoomed into a region, every card of it fits)."""
        scene = self.board_scene
        scale = self.transform().m11()
        if not scene.fills_view or scale <= 0:
            scene.set_floors(None, zoomed=self.zoomed_region)
            return
        window = self.window()
        title_px, label_px = room_floors(window.width(), window.height())
        scene.set_floors(title_px / scale, label_px / scale, self.zoomed_region)

    def toggle_zoom(self, region_id: str) -> None:
        """Zoom to a region; the same region again returns to the whole board."""
        self.zoomed_region = "" if region_id == self.zoomed_region else region_id
        self.fit()
        self.zoom_changed.emit(self.zoomed_region)

    def zoom_to(self, region_id: str) -> None:
        """A region's "+N" tile: that region zoomed (its cards then fit at the floor)."""
        if region_id != self.zoomed_region:
            self.toggle_zoom(region_id)

    def show_whole_board(self, *_args: object) -> None:
        self.zoomed_region = ""
        self.fit()
        self.zoom_changed.emit("")

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        region = self.board_scene.region_at(pos)
        if region is not None or self.zoomed_region:
            self.toggle_zoom(region.region.id if region is not None else self.zoomed_region)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # --- keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step_selection(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step_selection(-1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def step_selection(self, step: int) -> str:
        """Arrow keys: the next (step 1) or previous (-1) card in board order, those behind
        a region's "+N" too: stepping onto one opens its region zoomed (where all of its
        cards show); stepping out of the zoomed region shows the whole board again."""
        scene = self.board_scene
        places = scene.places_in_board_order()
        keys = [k for k, _region in places]
        current = scene.selected_key()
        if current not in keys:
            return scene.select_neighbour(step)
        for offset in range(1, len(keys) + 1):
            key, region = places[(keys.index(current) + step * offset) % len(keys)]
            if self.zoomed_region and region != self.zoomed_region:
                self.show_whole_board()
            if key not in scene.card_items and region != self.zoomed_region:
                self.zoom_to(region)
            if key in scene.card_items:
                scene.select_card(*key)
                return key[0]
        return ""

    # --- touch: pinch and two-finger pan (ui/touch/hands.py reads the fingers) ------------
    def zoom_by(self, factor: float, anchor: QPointF) -> None:
        """Zoom by factor, keeping the board point under anchor (viewport px) in place;
        never smaller than the fitted board (or region), at most MAX_PINCH_ZOOM times it."""
        new_zoom = max(1.0, min(MAX_PINCH_ZOOM, self._pinch_zoom * factor))
        factor = new_zoom / self._pinch_zoom
        if abs(factor - 1.0) < 1e-6:
            return
        self._pinch_zoom = new_zoom
        before = self.mapToScene(anchor.toPoint())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor, factor)
        self.pan_by(QPointF(0, 0), keep=(before, anchor))

    def pan_by(self, delta: QPointF, keep: tuple[QPointF, QPointF] | None = None) -> None:
        """Move the board with the fingers by delta viewport px (keep: a board point to
        bring back under a viewport point, after a zoom)."""
        centre = self.mapToScene(self.viewport().rect().center())
        shift = QPointF(delta) / self.transform().m11()
        if keep is not None:
            shift += self.mapToScene(keep[1].toPoint()) - keep[0]
        self.centerOn(centre - shift)

    def pinch_zoom(self) -> float:
        return self._pinch_zoom

    def end_pinch(self) -> None:
        if self._pinch_zoom <= 1.01:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._grow_pixmap_cache()
        self.fit()

    def _grow_pixmap_cache(self) -> None:
        """Cards are painted once into pixmaps kept in QPixmapCache (10 MB by default). On
        a 4K panel the cards on screen take more than that, every repaint then painted
        every card again (222 ms a frame): room for the viewport's pixels three times over
        (cards, regions, headings)."""
        dpr = self.devicePixelRatioF()
        port = self.viewport().size()
        needed_kb = int(port.width() * port.height() * dpr * dpr * 4 * 3 / 1024)
        if needed_kb > QPixmapCache.cacheLimit():
            QPixmapCache.setCacheLimit(needed_kb)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()
