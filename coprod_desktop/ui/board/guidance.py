"""Tap-tap guidance while presenting: when a card waits for a tap (picked in the tray or
on the board), a hint over the board names it and says "now tap where it goes" (the
status bar, which says it in the window, is hidden when presenting), and the regions it
can go to stand out (BoardScene.show_targets)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtWidgets import QLabel

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.layout import room_floors
from coprod_desktop.ui.board.view import BoardView
from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.plain_text import one_line, quoted

NOW_TAP = "now tap where it goes"
NAME_WEIGHT = 20.0  # covering a heading or label, per px, is this much worse than a card
NOW_TAP_PRINCIPLE = "now tap where it goes, or a card it shows in"
_STYLE = (
    "QLabel { background: #1a1a1a; color: #ffffff; border: 3px solid #0072b2;"
    " border-radius: 8px; padding: 6px 14px; }"
)


class TapGuide(QObject):
    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.board_scene
        self.label = QLabel(view.viewport())
        self.label.setObjectName("tap-guide")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setStyleSheet(_STYLE)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # taps pass
        self.label.setAccessibleName("Hint")
        self.label.hide()
        self.scene.pending_changed.connect(self.refresh)
        self.scene.document.current_group_changed.connect(self.refresh)
        view.viewport().installEventFilter(self)

    @property
    def text(self) -> str:
        return self.label.text() if self.label.isVisible() else ""

    def refresh(self, *_args: object) -> None:
        card_id = self.scene.pending_card_id
        if not (self.scene.fills_view and card_id):
            self.label.hide()
            return
        document = self.scene.document
        try:
            card = document.session.card(document.current_group, card_id)
        except DomainError:
            self.label.hide()
            return
        what = NOW_TAP_PRINCIPLE if card.kind == "principle" else NOW_TAP
        self.label.setText(f"{quoted(one_line(card.title))}: {what}")
        window = self.view.window()
        self.label.setFont(fonts.font(room_floors(window.width(), window.height())[0], bold=True))
        self._place()
        self.label.show()
        self.label.raise_()

    def _place(self) -> None:
        """Where the hint covers the least of what the room reads: the headings, labels
        and cards of the board; along the top or the bottom, centred or at a side, on one
        line or wrapped into half the width (top centre when nothing is covered)."""
        port = self.view.viewport().rect()
        label = self.label
        natural = label.fontMetrics().horizontalAdvance(label.text()) + 40  # its padding
        texts = self._texts()
        best: tuple[float, QRect] | None = None  # the first spot wins a tie
        for width in (min(natural, port.width() - 24), min(natural, port.width() // 2 - 18)):
            label.setFixedWidth(max(100, width))
            label.adjustSize()
            w, h = label.width(), label.height()
            xs = [port.center().x() - w // 2, port.left() + 12, port.right() - 12 - w]
            ys = [port.top() + 12, port.bottom() - 12 - h]
            for spot in (QRect(x, y, w, h) for y in ys for x in xs):
                covered = _covered(spot, texts)
                if best is None or covered < best[0]:
                    best = (covered, spot)
        if best is not None:
            label.setFixedWidth(best[1].width())
            label.adjustSize()
            label.move(best[1].topLeft())

    def _texts(self) -> list[tuple[QRect, float]]:
        """What the room reads on the board, in viewport px, each with its weight: a
        heading or label NAME_WEIGHT times a card (it names where cards go)."""
        view, scene = self.view, self.scene

        def on_port(rect: QRectF) -> QRect:
            return view.mapFromScene(rect).boundingRect()

        found: list[tuple[QRect, float]] = []
        for decoration in scene.decoration_items:
            if decoration.decoration.kind != "band":
                found.append((on_port(decoration.sceneBoundingRect()), NAME_WEIGHT))
        for region in scene.region_items.values():
            found += [(on_port(line), NAME_WEIGHT) for line in region.label_line_rects()]
        for item in [*scene.card_items.values(), *scene.more_items.values()]:
            found.append((on_port(item.sceneBoundingRect()), 1.0))
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.label.isVisible():
            self._place()
        return False


def _covered(spot: QRect, texts: list[tuple[QRect, float]]) -> float:
    total = 0.0
    for rect, weight in texts:
        part = spot.intersected(rect)
        if not part.isEmpty():
            total += part.width() * part.height() * weight
    return total
