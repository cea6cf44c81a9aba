"""Figure 3: switching the board to another group of 40 placed cards in the main window
(document.set_current_group: the scene lays out the group's cards, the tray refills),
against a plain scene of rectangles and a plain list rebuilt with the same counts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QListWidget,
    QWidget,
)

from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.main_window import MainWindow
from tests.bench.config import BenchConfig
from tests.bench.qt import application, discard_changes
from tests.bench.sessions import synthetic_session
from tests.bench.table import Result, Row

NAME = "switch"
MAX_MS = 50.0


class PlainBoard(QWidget):
    """The baseline: a list and a scene of rectangles, refilled on every switch."""

    def __init__(self, rects: list[list[QRectF]], tray_rows: int) -> None:
        super().__init__()
        self.rects = rects
        self.tray_rows = tray_rows
        self.scene = QGraphicsScene(0, 0, 1920, 1080)
        self.view = QGraphicsView(self.scene)
        self.list = QListWidget()
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.view, 1)
        self.items: list = []
        self.current = 0

    def switch(self) -> None:
        self.current = 1 - self.current
        for item in self.items:
            self.scene.removeItem(item)
        self.items = []
        for i, rect in enumerate(self.rects[self.current]):
            self.items.append(self.scene.addRect(rect))
            text = self.scene.addSimpleText(f"Card {i + 1}")
            text.setPos(rect.topLeft())
            self.items.append(text)
        self.list.clear()
        self.list.addItems([f"Card {i + 1}" for i in range(self.tray_rows)])


def measure(config: BenchConfig) -> Result:
    app = application()
    session = synthetic_session(2, config.switch_cards, unplaced=max(1, config.switch_cards // 4))
    document = SessionDocument(session)
    window = MainWindow(document)
    window.files.ask_unsaved = discard_changes  # type: ignore[method-assign]  # never ask
    window.resize(*config.screen)
    window.show()
    app.processEvents()
    groups = [g.id for g in session.groups]
    unplaced = len(session.unplaced(session.groups[0]))
    rects = []
    for group_id in groups:
        document.set_current_group(group_id)
        rects.append([item.sceneBoundingRect() for item in window.scene.card_items.values()])
    plain = PlainBoard(rects, window.tray.count())
    plain.resize(*config.screen)
    plain.show()
    app.processEvents()

    def switch_app() -> None:
        other = groups[1] if document.current_group_id == groups[0] else groups[0]
        document.set_current_group(other)

    try:
        count = max(2, 2 * config.repeats)
        app_ms = _switches(switch_app, count)
        app_paint_ms = _switches(switch_app, count, app.processEvents)
        plain_ms = _switches(plain.switch, count)
        plain_paint_ms = _switches(plain.switch, count, app.processEvents)
        shown = len(window.scene.card_items)
    finally:
        window.close()
        plain.close()
        window.deleteLater()
        plain.deleteLater()
        app.processEvents()
    label = f"switch group ({shown} cards on the board, {unplaced} in the tray)"
    return Result(
        rows=[
            Row(
                label + ", scene + tray",
                statistics.median(app_ms),
                "ms",
                baseline=statistics.median(plain_ms),
                max_value=MAX_MS,
            ),
            Row(
                label + ", incl. repaint",
                statistics.median(app_paint_ms),
                "ms",
                baseline=statistics.median(plain_paint_ms),
                max_value=MAX_MS,
            ),
        ],
        details=[
            f"switch: median of {count} switches in the main window at "
            f"{config.screen[0]}x{config.screen[1]}; baseline: {shown} plain rectangles "
            f"and text items and a plain list of {plain.tray_rows} rows"
        ],
    )


def _switches(
    switch: Callable[[], None], count: int, after: Callable[[], object] | None = None
) -> list[float]:
    times = []
    for i in range(count + 2):  # two untimed warm-up switches, one to each side
        start = time.perf_counter()
        switch()
        if after is not None:
            after()
        if i >= 2:
            times.append((time.perf_counter() - start) * 1000)
    QApplication.processEvents()
    return times
