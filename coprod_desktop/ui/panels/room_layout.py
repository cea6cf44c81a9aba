"""Presentation mode's layout: the board takes the screen. The side column (tray, details,
what is still to decide) becomes a drawer that slides in over the board's left edge when
the group asks for it ("Cards") and out again when a card is picked; the timer and the
big Undo / Redo / Back to tray buttons go to a rail beside the board (a wide screen) or
a strip above it (a 4:3 projector, where the board is short of width, not height).
Leaving puts every widget back where it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPoint, QPropertyAnimation, QRect, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.ui.style import fonts

SLIDE_MS = 160  # the drawer's slide; 0 places it at once (tests)
DRAWER_SHARE = 0.3  # of the board's width, within the limits below
DRAWER_MIN, DRAWER_MAX = 300, 520
RAIL_BELOW_ASPECT = 1.6  # a board area narrower than this (w / h) gets a strip on top
TIMER_SHARE = 0.062  # the timer's digits: this share of the window's height, px


def timer_digits_px(window_height: int) -> int:
    """The presenting timer's digit size: >= 64 px at 1080 px high, never under 40."""
    return max(40, round(window_height * TIMER_SHARE))


def room_scale(width: int, height: int) -> float:
    """How much larger than at 1920x1080 the room's controls are drawn when presenting
    (a 4K panel: twice), never smaller."""
    return max(1.0, round(min(width / 1920, height / 1080), 2))


def rail_on_side(width: int, height: int) -> bool:
    """A wide board area keeps the full height for the board: the rail goes beside it."""
    return height <= 0 or width / height >= RAIL_BELOW_ASPECT


def _ignore(_on_side: bool) -> None:
    return None


class SlideDrawer(QFrame):
    """A panel over the board's left edge that slides in and out; hidden when out."""

    opened = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("drawer")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "QFrame#drawer { background: #ffffff; border-right: 4px solid #1a1a1a; }"
        )
        self.duration_ms = SLIDE_MS
        self._open = False
        self._area = QRect()
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 4, 0)
        self._animation = QPropertyAnimation(self, b"pos", self)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.finished.connect(self._on_finished)
        self.hide()

    @property
    def is_open(self) -> bool:
        return self._open

    def layout_column(self) -> QVBoxLayout:
        return self._column

    def place(self, area: QRect) -> None:
        """The board's rectangle (in the parent): the drawer covers its left part."""
        self._area = QRect(area)
        width = max(DRAWER_MIN, min(DRAWER_MAX, round(area.width() * DRAWER_SHARE)))
        width = min(width, area.width())
        self.resize(width, area.height())
        if self._animation.state() == QPropertyAnimation.State.Running:
            self._animation.stop()
        self.move(self._target())

    def _target(self) -> QPoint:
        x = self._area.x() if self._open else self._area.x() - self.width()
        return QPoint(x, self._area.y())

    def set_open(self, on: bool) -> None:
        if on == self._open:
            return
        self._open = on
        self._animation.stop()
        if on:
            self.show()
            self.raise_()
        if self.duration_ms <= 0 or not self.isVisible():
            self.move(self._target())
            self._on_finished()
        else:
            self._animation.setDuration(self.duration_ms)
            self._animation.setStartValue(self.pos())
            self._animation.setEndValue(self._target())
            self._animation.start()
        self.opened.emit(on)

    def toggle(self) -> None:
        self.set_open(not self._open)

    def _on_finished(self) -> None:
        if not self._open:
            self.hide()


class PresentingLayout(QObject):
    """Moves the window's side column into the drawer and its room controls into the rail
    while presenting, and back afterwards."""

    def __init__(
        self,
        splitter: QSplitter,
        side: QWidget,
        side_column: QBoxLayout,
        controls: QWidget,
        board_area: QWidget,
        board: QWidget,
    ) -> None:
        super().__init__(board_area)
        self.splitter = splitter
        self.side = side
        self.side_column = side_column
        self.controls = controls
        self.board_area = board_area
        self.board = board
        self.active = False
        self.area_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, board_area)
        self.area_layout.setContentsMargins(0, 0, 0, 0)
        self.area_layout.setSpacing(0)
        self.area_layout.addWidget(board, 1)
        self.rail = QWidget()
        self.rail.setObjectName("rail")
        self.rail_column = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.rail)
        self.rail_column.setContentsMargins(4, 4, 4, 4)
        self.cards_button = QToolButton()
        self.cards_button.setText("Cards")
        self.cards_button.setCheckable(True)
        self.cards_button.setFont(fonts.font(18, bold=True))
        self.cards_button.setMinimumSize(88, 48)
        self.cards_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.cards_button.setAccessibleName("Cards: the tray and the card's details")
        self.cards_button.setToolTip("Show or hide the tray and the card's details")
        self.rail_column.addWidget(self.cards_button)
        self.rail_column.addStretch(1)
        self.area_layout.addWidget(self.rail, 0)
        self.rail.hide()
        self.drawer = SlideDrawer(board_area)
        self.cards_button.toggled.connect(self.drawer.set_open)
        self.drawer.opened.connect(self._sync_button)
        self.arrange_controls: Callable[[bool], None] = _ignore  # True: in a rail beside
        self.scaled: list[QWidget] = [self.cards_button]  # grow with the screen (scale_to)
        self._fonts: dict[int, tuple[QWidget, QFont, int]] = {}
        self.scale = 1.0
        board_area.installEventFilter(self)
        board.installEventFilter(self)

    @property
    def on_side(self) -> bool:
        return self.area_layout.direction() == QBoxLayout.Direction.LeftToRight

    def enter(self) -> None:
        if self.active:
            return
        self.active = True
        self.side.setParent(None)
        self.drawer.layout_column().addWidget(self.side)
        self.side.show()
        self.side_column.removeWidget(self.controls)
        self.rail_column.insertWidget(1, self.controls)
        self.controls.show()
        self.rail.show()
        self.arrange_controls(self.on_side)
        self.arrange()

    def leave(self) -> None:
        if not self.active:
            return
        self.active = False
        self.drawer.set_open(False)
        self.drawer.hide()
        self.rail_column.removeWidget(self.controls)
        self.side_column.addWidget(self.controls, 0)
        self.drawer.layout_column().removeWidget(self.side)
        self.splitter.insertWidget(0, self.side)
        self.side.show()
        self.rail.hide()
        self.area_layout.setDirection(QBoxLayout.Direction.LeftToRight)
        self.scale_to(1.0)

    def scale_to(self, scale: float) -> None:
        """The room's buttons' text and height this much larger; 1 puts them back."""
        if scale == self.scale:
            return
        self.scale = scale
        for widget in self.scaled:
            key = id(widget)
            if key not in self._fonts:
                self._fonts[key] = (widget, QFont(widget.font()), widget.minimumHeight())
            _w, font, height = self._fonts[key]
            grown = QFont(font)
            grown.setPixelSize(max(1, round(max(font.pixelSize(), 15) * scale)))
            widget.setFont(grown if scale > 1 else font)
            widget.setMinimumHeight(round(max(height, 44) * scale) if scale > 1 else height)

    def arrange(self) -> None:
        """The rail beside a wide board area, a strip above a narrow one; the drawer over
        the board's left edge."""
        if not self.active:
            return
        area = self.board_area
        side = rail_on_side(area.width(), area.height())
        direction = QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.BottomToTop
        if self.area_layout.direction() != direction:
            self.area_layout.setDirection(direction)
            self.rail_column.setDirection(
                QBoxLayout.Direction.TopToBottom if side else QBoxLayout.Direction.LeftToRight
            )
            self.arrange_controls(side)
        self.drawer.place(self.board.geometry())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.board_area and kind == QEvent.Type.Resize:
            self.arrange()
        elif watched is self.board and kind in (QEvent.Type.Resize, QEvent.Type.Move):
            if self.active:
                self.drawer.place(self.board.geometry())
        return False

    def _sync_button(self, on: bool) -> None:
        if self.cards_button.isChecked() != on:
            self.cards_button.blockSignals(True)
            self.cards_button.setChecked(on)
            self.cards_button.blockSignals(False)
