"""Many hands on a touch screen: every finger that lands on a card (on the board or in
the tray) carries that card on its own, so two or three people drag cards at once; each
drop is its own undo step (a document command, as a mouse drop is). Qt would turn only
the first finger into mouse events; here the touch events of the board's and the tray's
viewports are read directly (and accepted, so Qt synthesizes no mouse event from them).

- A finger on a card: dragged (12 px or more) it carries the card, its ghost under the
  finger and the region under it outlined; lifted over a region it places the card there,
  over the tray it takes that place off. A tap selects the card, as a click does (and a
  tap on a region then places it). Held still (LONG_PRESS_MS) it opens the Move to menu.
- A second finger on a card that a finger (or the mouse) already holds is ignored.
- Fingers off the cards on the board: two pinch to zoom and pan together; one taps (a
  region: tap-to-place; twice: zoom to the region, as a double click). In the tray one
  scrolls it, and a tap off the cards is the tray's background tap.
- The mouse keeps its own drag: a mouse press on a card a finger holds does nothing, and
  a finger on the card the mouse holds is ignored.
- Touch targets: a finger finds a card within TOUCH_TARGET_PX (44 px) of it, so a card
  drawn small on a crowded board is still a 44 px target.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QEventPoint,
    QGuiApplication,
    QInputDevice,
    QMouseEvent,
    QPainter,
    QPixmap,
    QTouchEvent,
)
from PySide6.QtWidgets import QApplication, QLabel

from coprod_desktop.domain.layout import CARD_HEIGHT, CARD_WIDTH
from coprod_desktop.domain.model import Card
from coprod_desktop.ui.board.items import CardItem, paint_card
from coprod_desktop.ui.panels.tray import CARD_ROLE

if TYPE_CHECKING:
    from coprod_desktop.ui.main_window import MainWindow

LONG_PRESS_MS = 600
DRAG_START_PX = 12.0
TOUCH_TARGET_PX = 44
DOUBLE_TAP_PX = 40.0
TOUCH_EVENTS = (
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
)

Key = tuple[int, int]  # (device, touch point id)


@dataclass
class Hand:
    """A finger carrying a card."""

    card: Card
    lens: str  # the lens of the place it was picked from; "" from the tray
    on_board: bool
    start: QPointF  # global px
    pos: QPointF
    timer: QTimer
    dragging: bool = False
    menu_opened: bool = False
    ghost: QLabel | None = None

    @property
    def card_id(self) -> str:
        return self.card.id


@dataclass
class Finger:
    """A finger off the cards: a tap, a scroll of the tray, or half of a pinch."""

    on_board: bool
    start: QPointF
    pos: QPointF
    moved: bool = False
    pinched: bool = False
    history: list[QPointF] = field(default_factory=list)


class Hands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.board = window.board_view.viewport()
        self.tray = window.tray.viewport()
        self.tray.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.board.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.hands: dict[Key, Hand] = {}
        self.fingers: dict[Key, Finger] = {}
        self.ignored: dict[Key, bool] = {}  # second fingers on held cards: on the board?
        self.mouse_card = ""  # the card the mouse pressed, while its button is down
        self._pinch: tuple[float, QPointF] | None = None  # last distance and centre
        self._last_tap: tuple[float, QPointF] | None = None
        for viewport in (self.board, self.tray):
            viewport.installEventFilter(self)
            # A scroll area's viewport grabs Qt's pan gesture, which would scroll it too
            # under the fingers read here.
            viewport.ungrabGesture(Qt.GestureType.PanGesture)

    # --- who holds what -----------------------------------------------------------
    def held(self, card_id: str) -> bool:
        mouse = self.mouse_card == card_id and bool(
            QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton
        )
        return mouse or any(h.card_id == card_id for h in self.hands.values())

    def dragging(self) -> list[str]:
        """The cards fingers are carrying now."""
        return [h.card_id for h in self.hands.values() if h.dragging]

    # --- events -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in TOUCH_EVENTS and isinstance(event, QTouchEvent):
            self._touch(watched is self.board, event)
            event.accept()
            return True
        if isinstance(event, QMouseEvent) and _from_mouse(event):
            if event.type() == QEvent.Type.MouseButtonPress:
                card = self._card_at(watched is self.board, event.position(), exact=True)
                if card is not None and self.held(card[0].id):
                    return True  # a finger has it: the mouse does not take it away
                self.mouse_card = card[0].id if card is not None else ""
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self.mouse_card = ""
        return False

    def _touch(self, on_board: bool, event: QTouchEvent) -> None:
        device = event.pointingDevice()
        dev = int(device.systemId()) if device is not None else 0
        if event.type() == QEvent.Type.TouchCancel:
            self.cancel()
            return
        if event.type() == QEvent.Type.TouchBegin:
            # No finger was down on this viewport: whatever it still remembers from there is
            # stale (a popup menu took the last lifts, say).
            self._forget(on_board)
        for point in event.points():
            key = (dev, point.id())
            state = point.state()
            if state == QEventPoint.State.Pressed:
                self._press(key, on_board, point)
            elif state == QEventPoint.State.Updated:
                self._move(key, point)
            elif state == QEventPoint.State.Released:
                self._release(key, point)
        self._pinch_step()
        if event.type() == QEvent.Type.TouchEnd:
            self._forget(on_board)  # every finger is off this viewport now

    def _press(self, key: Key, on_board: bool, point: QEventPoint) -> None:
        pos = point.globalPosition()
        found = self._card_at(on_board, point.position())
        if found is None:
            self.fingers[key] = Finger(on_board, pos, pos, history=[pos])
            return
        card, lens = found
        if self.held(card.id):
            self.ignored[key] = on_board  # a second finger on a card already held
            return
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(LONG_PRESS_MS)
        timer.timeout.connect(lambda: self._long_press(key))
        self.hands[key] = Hand(card, lens, on_board, pos, pos, timer)
        timer.start()

    def _move(self, key: Key, point: QEventPoint) -> None:
        pos = point.globalPosition()
        hand = self.hands.get(key)
        if hand is not None:
            hand.pos = pos
            if not hand.dragging and _distance(pos, hand.start) >= DRAG_START_PX:
                if hand.menu_opened:
                    return
                hand.dragging = True
                hand.timer.stop()
                hand.ghost = self._ghost(hand.card)
            if hand.dragging and hand.ghost is not None:
                hand.ghost.move(
                    self.window.mapFromGlobal(pos.toPoint()) - hand.ghost.rect().center()
                )
                self._highlight()
            return
        finger = self.fingers.get(key)
        if finger is None:
            return
        if _distance(pos, finger.start) >= DRAG_START_PX:
            finger.moved = True
        if not finger.on_board and finger.moved:  # one finger scrolls the tray
            bar = self.window.tray.verticalScrollBar()
            bar.setValue(bar.value() - round(pos.y() - finger.pos.y()))
        finger.pos = pos

    def _release(self, key: Key, point: QEventPoint) -> None:
        self.ignored.pop(key, None)
        pos = point.globalPosition()
        hand = self.hands.pop(key, None)
        if hand is not None:
            hand.timer.stop()
            hand.timer.deleteLater()
            if hand.ghost is not None:
                hand.ghost.deleteLater()
            if hand.dragging:
                self._drop(hand, pos)
            elif not hand.menu_opened:
                self._tap_card(hand)
            self._highlight()
            return
        finger = self.fingers.pop(key, None)
        if finger is None:
            return
        if finger.pinched:
            if not any(f.pinched for f in self.fingers.values()):
                self.window.board_view.end_pinch()
            return
        if not finger.moved:
            self._tap_off_cards(finger.on_board, pos)

    def _forget(self, on_board: bool) -> None:
        for key in [k for k, h in self.hands.items() if h.on_board == on_board]:
            hand = self.hands.pop(key)
            hand.timer.stop()
            hand.timer.deleteLater()
            if hand.ghost is not None:
                hand.ghost.deleteLater()
        for key in [k for k, f in self.fingers.items() if f.on_board == on_board]:
            del self.fingers[key]
        for key in [k for k, board in self.ignored.items() if board == on_board]:
            del self.ignored[key]
        if not any(f.on_board for f in self.fingers.values()):
            self._pinch = None
        self._highlight()

    def cancel(self) -> None:
        """The system took the touches back: every card stays where it was."""
        for hand in self.hands.values():
            hand.timer.stop()
            hand.timer.deleteLater()
            if hand.ghost is not None:
                hand.ghost.deleteLater()
        self.hands.clear()
        self.fingers.clear()
        self.ignored.clear()
        self._pinch = None
        self._highlight()

    # --- what a finger does -----------------------------------------------------------
    def _drop(self, hand: Hand, pos: QPointF) -> None:
        window = self.window
        board_pos = self._board_pos(pos)
        if board_pos is not None:
            window.board_view.board_scene.drop_card(hand.card_id, board_pos)
            return
        local = self.tray.mapFromGlobal(pos.toPoint())
        if self.tray.isVisible() and self.tray.rect().contains(local) and hand.on_board:
            if window.tray.return_card(hand.card_id, hand.lens or None):
                window.disarm(hand.card_id)

    def _tap_card(self, hand: Hand) -> None:
        window = self.window
        if not hand.on_board:
            tray = window.tray
            if tray.selected_card_id() == hand.card_id:
                tray.card_selected.emit(hand.card_id)  # tapped again: waiting for a region
            else:
                tray.select_card(hand.card_id)
            return
        scene = window.scene
        item = scene.item_for(hand.card_id, hand.lens)
        if item is None:
            return
        if self._double_tap(hand.pos):
            return
        if scene.tap_card(item.sceneBoundingRect().center()):  # a principle marks it
            return
        scene.select_card(hand.card_id, hand.lens)
        scene.pending_card_id = hand.card_id

    def _tap_off_cards(self, on_board: bool, pos: QPointF) -> None:
        window = self.window
        if not on_board:
            local = self.tray.mapFromGlobal(pos.toPoint())
            item = window.tray.itemAt(local)
            if item is not None and item.data(CARD_ROLE) is None:
                window.tray.setCurrentItem(item)  # a heading, as a click chooses it
            window.tray.background_tapped.emit()
            return
        board_pos = self._board_pos(pos)
        if board_pos is None or self._double_tap(pos):
            return
        scene = window.scene
        if not scene.tap_region(board_pos):
            scene.clearSelection()

    def _double_tap(self, pos: QPointF) -> bool:
        """A second tap soon after the first, near it: zoom to the region (or back)."""
        now = time.monotonic()
        last, self._last_tap = self._last_tap, (now, pos)
        interval = QApplication.doubleClickInterval() / 1000.0
        if last is None or now - last[0] > interval or _distance(pos, last[1]) > DOUBLE_TAP_PX:
            return False
        self._last_tap = None
        view = self.window.board_view
        board_pos = self._board_pos(pos)
        region = view.board_scene.region_at(board_pos) if board_pos is not None else None
        if region is not None or view.zoomed_region:
            view.toggle_zoom(region.region.id if region is not None else view.zoomed_region)
        return True

    def _long_press(self, key: Key) -> None:
        hand = self.hands.get(key)
        if hand is None or hand.dragging:
            return
        hand.menu_opened = True
        window = self.window
        where = hand.pos.toPoint()
        if hand.on_board:
            window.scene.select_card(hand.card_id, hand.lens)
            window.scene.move_menu_requested.emit(hand.card_id, where)
        else:
            window.tray.select_card(hand.card_id)
            window.tray.move_menu_requested.emit(hand.card_id, where)

    def _pinch_step(self) -> None:
        """Two fingers off the cards on the board: their distance zooms, their centre pans."""
        pair = [f for f in self.fingers.values() if f.on_board][:2]
        if len(pair) < 2 or self.dragging():
            self._pinch = None
            return
        a, b = pair[0].pos, pair[1].pos
        distance = max(1.0, _distance(a, b))
        centre = (a + b) / 2
        view = self.window.board_view
        if self._pinch is not None:
            last_distance, last_centre = self._pinch
            anchor = QPointF(view.viewport().mapFromGlobal(centre.toPoint()))
            view.zoom_by(distance / last_distance, anchor)
            view.pan_by(centre - last_centre)
        for finger in pair:
            finger.pinched = True
        self._pinch = (distance, centre)

    # --- finding cards and places ---------------------------------------------------
    def _card_at(
        self, on_board: bool, local: QPointF, exact: bool = False
    ) -> tuple[Card, str] | None:
        """The card under a finger (or the mouse, exact): its card and lens ("" in the tray)."""
        if not on_board:
            item = self.window.tray.itemAt(local.toPoint())
            card = item.data(CARD_ROLE) if item is not None else None
            return (card, "") if isinstance(card, Card) else None
        view = self.window.board_view
        scene = view.board_scene
        at = view.mapToScene(local.toPoint())
        hit = scene.card_at(at)
        if hit is None and not exact:  # the nearest card within a 44 px square
            half = TOUCH_TARGET_PX // 2
            box = QRect(
                local.toPoint() - QPoint(half, half), QSize(TOUCH_TARGET_PX, TOUCH_TARGET_PX)
            )
            area = view.mapToScene(box).boundingRect()
            near = [i for i in scene.items(area) if isinstance(i, CardItem)]
            if near:
                hit = min(near, key=lambda i: _distance(i.sceneBoundingRect().center(), at))
        return (hit.card, hit.lens) if hit is not None else None

    def _board_pos(self, pos: QPointF) -> QPointF | None:
        """The board point under a global position, if the board is showing there."""
        view = self.window.board_view
        if not view.isVisible():
            return None
        local = self.board.mapFromGlobal(pos.toPoint())
        if not self.board.rect().contains(local):
            return None
        return view.mapToScene(local)

    def _highlight(self) -> None:
        scene = self.window.scene
        targets = set()
        for hand in self.hands.values():
            board_pos = self._board_pos(hand.pos) if hand.dragging else None
            region = scene.region_at(board_pos) if board_pos is not None else None
            if region is not None:
                targets.add(region.region.id)
        for region_id, item in scene.region_items.items():
            item.set_highlighted(region_id in targets)

    def _ghost(self, card: Card) -> QLabel:
        """The card under the finger while it is carried (over the tray and the board)."""
        scale = max(0.5, self.window.board_view.transform().m11())
        size = QRectF(0, 0, CARD_WIDTH * scale, CARD_HEIGHT * scale)
        pixmap = QPixmap(max(1, int(size.width())), max(1, int(size.height())))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.scale(scale, scale)
        paint_card(painter, QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT), card, True)
        painter.end()
        ghost = QLabel(self.window)
        ghost.setPixmap(pixmap)
        ghost.resize(pixmap.size())
        ghost.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        ghost.setObjectName("touch-ghost")
        ghost.show()
        ghost.raise_()
        return ghost


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


def _from_mouse(event: QMouseEvent) -> bool:
    device = event.device()
    return device is None or device.type() == QInputDevice.DeviceType.Mouse
