"""What the projector shows: read-only views of the laptop's own scenes (the board and
the debrief's board), so the projector cannot drift from the laptop; one card big; a
blank screen. None of them takes the focus, a click, a drag, a menu or a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from coprod_desktop.domain.model import Card
from coprod_desktop.ui.board.items import paint_card
from coprod_desktop.ui.style import fonts, theme

ZOOM_MARGIN = 12.0  # board units around a zoomed region, as on the laptop
FACE_ASPECT = 3.0  # the spotlit card's width over its height
FACE_HEIGHT = 100.0  # its height in card units: painted like a board card, then scaled
FACE_TYPE_SCALE = 1.6  # its title's type size relative to a board card's


class _NoToolTips(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in (QEvent.Type.ToolTip, QEvent.Type.WhatsThis)


class ProjectedBoard(QGraphicsView):
    """A second view of a scene: the whole board, or one region, scaled to fit. Not
    interactive: what changes on it changed in the scene, from the laptop."""

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.region = ""  # the region it is zoomed to, "" for the whole board
        self.setInteractive(False)
        self.setAcceptDrops(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self._no_tips = _NoToolTips(self)
        self.viewport().installEventFilter(self._no_tips)
        scene.sceneRectChanged.connect(self.fit)

    def ensureVisible(self, *args: object, **kwargs: object) -> None:
        """The laptop selecting a card never pans the projector (BoardScene.select_card
        asks every view of the scene)."""

    def zoom_to(self, region_id: str) -> None:
        self.region = region_id
        self.fit()

    def target(self) -> QRectF:
        regions: dict[str, QGraphicsItem] = getattr(self.scene(), "region_items", {})
        item = regions.get(self.region)
        rect = getattr(item, "rect", None)
        if isinstance(rect, QRectF):
            return rect.adjusted(-ZOOM_MARGIN, -ZOOM_MARGIN, ZOOM_MARGIN, ZOOM_MARGIN)
        return self.sceneRect()

    def fit(self, *_args: object) -> None:
        self.fitInView(self.target(), Qt.AspectRatioMode.KeepAspectRatio)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()


class CardSpotlight(QWidget):
    """One card big, for the whole room: its face, then its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: Card | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("#ffffff"))
        self.setPalette(palette)

    def show_card(self, card: Card | None) -> None:
        self.card = card
        self.update()

    def face_rect(self) -> QRectF:
        """The card's face: most of the width, a card's proportions (3 : 1)."""
        width = self.width() * 0.88
        height = min(width / FACE_ASPECT, self.height() * 0.4)
        width = height * FACE_ASPECT
        return QRectF((self.width() - width) / 2, self.height() * 0.06, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        card = self.card
        if card is None:
            painter.end()
            return
        face = self.face_rect()
        scale = face.height() / FACE_HEIGHT
        painter.save()
        painter.translate(face.topLeft())
        painter.scale(scale, scale)
        logical = QRectF(0, 0, FACE_HEIGHT * FACE_ASPECT, FACE_HEIGHT)
        paint_card(painter, logical, card, False, scale=FACE_TYPE_SCALE)
        painter.restore()
        text = QRectF(face.x(), face.bottom() + face.height() * 0.15, face.width(), 0)
        text.setBottom(self.height() * 0.94)
        painter.setPen(QColor(theme.TEXT))
        size = max(14.0, face.height() * 0.2)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        while size > 14.0:  # the largest type that holds the whole text
            painter.setFont(fonts.font(size))
            needed = painter.boundingRect(text, flags, card.text)
            if needed.height() <= text.height() and needed.width() <= text.width():
                break
            size *= 0.9
        painter.setFont(fonts.font(size))
        painter.drawText(text, flags, card.text)
        painter.end()


class Blank(QWidget):
    """Eyes on the room: black, nothing on it (PowerPoint's B)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("#000000"))
        self.setPalette(palette)
