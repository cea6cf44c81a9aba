"""Figure 2: one frame while a card is dragged across a board of 300 placed cards at
1920x1080, against the same scene built from plain QGraphicsRectItems.

A frame is what the app does per mouse move during a drag: the view gets a
QDragMoveEvent (the scene hit-tests the regions and highlights the one under the
pointer), then the viewport is repainted. The budgeted figure repaints the whole
viewport every frame (the worst case); an information row lets Qt repaint only
what changed, as it does in the app.
"""

from __future__ import annotations

import statistics
import time
import warnings

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsSceneDragDropEvent,
    QGraphicsView,
)

from coprod_desktop.ui.board.items import card_mime
from coprod_desktop.ui.board.scene import BoardScene
from coprod_desktop.ui.board.view import BoardView
from coprod_desktop.ui.document.document import SessionDocument
from tests.bench.config import BenchConfig
from tests.bench.qt import application
from tests.bench.sessions import synthetic_session
from tests.bench.table import Result, Row

NAME = "drag"
MAX_MS = 4.0
MAX_RATIO = 2.0
ACTIONS = Qt.DropAction.MoveAction


class PlainScene(QGraphicsScene):
    """The baseline: the app scene's items as plain rectangles, with the same highlight."""

    def __init__(self, source: BoardScene) -> None:
        super().__init__(source.sceneRect())
        self.setBackgroundBrush(source.backgroundBrush())
        pen, white = QPen(QColor("#9a9a9a"), 1.5), QBrush(QColor("#ffffff"))
        regions = set(source.region_items.values())
        cards = set(source.card_items.values())
        for item in source.items():
            if item not in regions and item not in cards:  # headings, bands, titles
                self.addRect(item.sceneBoundingRect(), pen, white).setZValue(-1)
        self.regions = [self.addRect(r.rect, pen, white) for r in source.region_items.values()]
        for card in source.card_items.values():
            self.addRect(card.sceneBoundingRect(), pen, white).setZValue(1)

    def _highlight(self, pos: QPointF) -> None:
        for rect in self.regions:
            on = rect.rect().contains(pos)
            rect.setBrush(QColor("#dcecf7" if on else "#ffffff"))

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        event.acceptProposedAction()
        self._highlight(event.scenePos())

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        event.acceptProposedAction()
        self._highlight(event.scenePos())


def measure(config: BenchConfig) -> Result:
    app = application()
    width, height = config.screen
    session = synthetic_session(1, config.drag_cards)
    document = SessionDocument(session)
    scene = BoardScene(document)
    view = BoardView(scene)
    plain_scene = PlainScene(scene)
    plain_view = QGraphicsView(plain_scene)
    plain_view.setRenderHints(view.renderHints())
    views: list[QGraphicsView] = [view, plain_view]
    for v in views:
        v.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        v.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        v.resize(width, height)
        v.show()
        v.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    app.processEvents()
    card_id = session.groups[0].placements[0].card
    shown = len(scene.card_items)
    try:
        full, plain_full, partial, plain_partial = [], [], [], []
        for _ in range(config.repeats):
            full += drag_frames(view, card_id, config.drag_frames, True)
            plain_full += drag_frames(plain_view, card_id, config.drag_frames, True)
            partial += drag_frames(view, card_id, config.drag_frames, False)
            plain_partial += drag_frames(plain_view, card_id, config.drag_frames, False)
    finally:
        for v in views:
            v.close()
            v.deleteLater()
        app.processEvents()
    label = f"drag frame, {shown} of {config.drag_cards} cards shown, {width}x{height}"
    return Result(
        rows=[
            Row(
                label + ", full repaint",
                statistics.median(full),
                "ms",
                baseline=statistics.median(plain_full),
                max_value=MAX_MS,
                max_ratio=MAX_RATIO,
            ),
            Row(
                label + ", changed area only (mean)",
                statistics.mean(partial),
                "ms",
                baseline=statistics.mean(plain_partial),
            ),
        ],
        details=[
            f"drag: median of {len(full)} frames per side; the other "
            f"{config.drag_cards - shown} cards are behind '+N more'; "
            f"full-repaint p90 {_p90(full):.1f} ms (baseline {_p90(plain_full):.1f} ms)"
        ],
    )


def drag_frames(view: QGraphicsView, card_id: str, frames: int, full_repaint: bool) -> list[float]:
    """Drag card_id diagonally across view; the time of each frame in ms. A frame ends
    with the whole viewport repainted, or with Qt repainting what changed."""
    viewport = view.viewport()
    mime = card_mime(card_id)
    w, h = viewport.width(), viewport.height()
    points = [
        QPoint(
            int(w * (0.05 + 0.9 * i / max(1, frames - 1))),
            int(h * (0.05 + 0.9 * i / max(1, frames - 1))),
        )
        for i in range(frames)
    ]
    paint = viewport.repaint if full_repaint else QApplication.processEvents
    times = []
    with warnings.catch_warnings():
        # Qt 6 marks the drag event constructors deprecated but offers no other way to
        # make one: a real QDrag blocks in exec().
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.sendEvent(viewport, _drag_event(QDragEnterEvent, points[0], mime))
        QApplication.processEvents()
        for point in points:
            start = time.perf_counter()
            QApplication.sendEvent(viewport, _drag_event(QDragMoveEvent, point, mime))
            paint()
            times.append((time.perf_counter() - start) * 1000)
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    QApplication.processEvents()
    return times


def _drag_event(kind: type[QDragMoveEvent], point: QPoint, mime: QMimeData) -> QDragMoveEvent:
    return kind(point, ACTIONS, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
