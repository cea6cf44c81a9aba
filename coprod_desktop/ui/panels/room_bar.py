"""The room mode badge above the board, and the facilitator's way in.

Locked, it reads "Room mode"; pressing and holding it (or Ctrl+Alt+U) opens a small
code field beside it, never a dialog in front of the room. The right code unlocks
until the room is left alone for a few minutes (or the badge, then "Unlocked: lock",
is tapped); a wrong one clears the field. A note under it says, for a few seconds,
why a locked control did nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QToolButton,
    QWidget,
)

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.room import MAX_CODE_LENGTH, check_room_code
from coprod_desktop.ui import accessibility
from coprod_desktop.ui.actions.room_lock import RoomLock
from coprod_desktop.ui.style import fonts

HOLD_MS = 1200  # press and hold the badge this long to ask for the code
MESSAGE_MS = 6000
MESSAGE_WIDTH = 380
CODE_FIELD_MS = 30000  # an untouched code field goes away again

_BADGE_STYLE = (
    "QToolButton {{ color: {fg}; background: {bg}; border: 2px solid {edge};"
    " border-radius: 6px; padding: 2px 10px; }}"
)
_MESSAGE_STYLE = (
    "QLabel#room-message { color: #1a1a1a; background: #fff3c4; border: 2px solid #8a6d00;"
    " border-radius: 6px; padding: 8px 12px; }"
)
_LOCKED_STYLE = _BADGE_STYLE.format(fg="#ffffff", bg="#1a1a1a", edge="#1a1a1a")
_UNLOCKED_STYLE = _BADGE_STYLE.format(fg="#1a1a1a", bg="#fff3c4", edge="#8a6d00")


class HoldButton(QToolButton):
    """Emits held after the button is pressed and held for HOLD_MS (a mouse or a finger)."""

    held = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.setInterval(HOLD_MS)
        self.hold_timer.timeout.connect(self.held)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.hold_timer.start()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.hold_timer.stop()
        super().mouseReleaseEvent(event)


class RoomBar(QWidget):
    def __init__(self, room: RoomLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.badge = HoldButton()
        self.badge.setFont(fonts.font(15, bold=True))
        self.badge.setMinimumHeight(44)
        self.badge.setAccessibleName("Room mode")
        self.badge.held.connect(self.ask_code)
        self.badge.clicked.connect(self._on_badge_tapped)
        self.code = QLineEdit()
        self.code.setEchoMode(QLineEdit.EchoMode.Password)
        self.code.setPlaceholderText("Code")
        self.code.setAccessibleName("Room code")
        self.code.setMaxLength(MAX_CODE_LENGTH)
        self.code.setMinimumHeight(44)
        self.code.setFixedWidth(110)
        self.code.setFont(fonts.font(16))
        self.code.returnPressed.connect(self.submit)
        self.code.textEdited.connect(self._keep_code_field)
        self.code.hide()
        # A note floating over the board under the badge, so it never squeezes the tabs.
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("room-message")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(MESSAGE_WIDTH)
        self.message.setStyleSheet(_MESSAGE_STYLE)
        self.message.setFont(fonts.font(15, bold=True))
        self.message.setAccessibleName("Room mode message")
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.clear_message)
        self._code_timer = QTimer(self)
        self._code_timer.setSingleShot(True)
        self._code_timer.setInterval(CODE_FIELD_MS)
        self._code_timer.timeout.connect(self.hide_code)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self.code)
        room.changed.connect(self.refresh)
        room.notice.connect(self.show_message)
        self.refresh()

    # --- questions (replaced in tests) ------------------------------------------------
    def ask_new_code(self, current: str) -> str | None:
        text, ok = QInputDialog.getText(
            self.window(),
            "Room code",
            "The code that unlocks room mode on this computer (3 to 12 letters or digits):",
            QLineEdit.EchoMode.Normal,
            current,
        )
        return text if ok else None

    # --- showing the state ----------------------------------------------------------------
    def refresh(self) -> None:
        room = self.room
        self.setVisible(room.room_mode)
        if room.locked:
            self.badge.setText("Room mode")
            self.badge.setStyleSheet(_LOCKED_STYLE)
            self.badge.setToolTip("The facilitator's controls are locked")
        else:
            minutes = round(room.idle.idle_seconds / 60)
            self.badge.setText("Unlocked: lock")
            self.badge.setStyleSheet(_UNLOCKED_STYLE)
            self.badge.setToolTip(
                f"Unlocked for the facilitator: tap to lock now (it locks again by itself "
                f"after {minutes} min without use)"
            )
            self.hide_code()

    def show_message(self, text: str) -> None:
        """Under the badge, over the board; in the status bar while room mode is off."""
        window = self.window()
        if not self.room.room_mode and isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, MESSAGE_MS)
        self.message.setText(text)
        self._message_timer.start()
        accessibility.announce(self.window(), text)  # a screen reader hears why nothing happened
        if window is None or not self.isVisible():
            return
        if self.message.parentWidget() is not window:
            self.message.setParent(window)
        self.message.adjustSize()
        corner = self.mapTo(window, QPoint(self.width(), self.height()))
        x = max(0, min(corner.x(), window.width()) - self.message.width() - 6)
        self.message.move(x, corner.y() + 8)
        self.message.show()
        self.message.raise_()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    # --- unlocking ------------------------------------------------------------------------
    def _on_badge_tapped(self) -> None:
        """Unlocked, a tap locks again; locked, it says what the badge is."""
        if self.room.room_mode and self.room.unlocked:
            self.room.lock()
        elif self.room.locked and not self.code.isVisible():
            self.show_message("Room mode: the facilitator's controls are locked.")

    def ask_code(self) -> None:
        """The facilitator's gesture: a small code field beside the badge."""
        if not self.room.locked:
            self.show_message("Room mode is not locked.")
            return
        self.code.clear()
        self.code.show()
        self.code.setFocus()
        self._code_timer.start()

    def _keep_code_field(self, *_args: object) -> None:
        self._code_timer.start()

    def hide_code(self) -> None:
        self.code.clear()
        self.code.hide()
        self._code_timer.stop()

    def submit(self) -> bool:
        if self.room.unlock(self.code.text()):
            self.hide_code()
            self.show_message("Unlocked for the facilitator.")
            return True
        self.code.clear()
        self.show_message("Wrong code.")
        return False

    def change_code(self) -> bool:
        """Room > Room code... (the facilitator's, unlocked): choose a new code."""
        entered = self.ask_new_code(self.room.codes.room_code())
        if entered is None:
            return False
        try:
            code = check_room_code(entered)
        except DomainError as exc:
            self.show_message(f"Not changed: {exc.reason}.")
            return False
        self.room.codes.remember_room_code(code)
        self.show_message("Room code changed.")
        return True
