"""The countdown on screen: large digits, start/pause, reset, presets, and a
clear "time's up" signal that never blocks the board (no dialog, no sound)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from coprod_desktop.domain.countdown import PRESET_MINUTES, Countdown, parse_duration
from coprod_desktop.ui.panels.move_menu import MENU_STYLE
from coprod_desktop.ui.style import fonts

TICK_MS = 200
_LABEL_STYLE = (
    "QLabel {{ color: {fg}; background: {bg}; border: 2px solid {edge}; border-radius: 6px; }}"
)
_NORMAL_STYLE = _LABEL_STYLE.format(fg="#1a1a1a", bg="#ffffff", edge="#1a1a1a")
_UP_STYLES = (  # time's up: alternate red on white and white on red
    _LABEL_STYLE.format(fg="#ffffff", bg="#b00020", edge="#1a1a1a"),
    _LABEL_STYLE.format(fg="#b00020", bg="#ffffff", edge="#b00020"),
)


class TimerWidget(QWidget):
    time_up = Signal()

    def __init__(self, countdown: Countdown | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown = countdown or Countdown()
        self._announced = False
        self._blink = 0
        self.digits = QLabel()
        self.digits.setFont(fonts.font(40, bold=True))
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digits.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.digits.setAccessibleName("Time left")  # its value: the description (_expose)
        self.start_button = QPushButton("Start")
        self.start_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton("Reset")
        self.reset_button.setAccessibleName("Reset the timer")
        self.reset_button.clicked.connect(self.reset)
        self.preset_button = QToolButton()
        self.preset_button.setText("Set time")
        self.preset_button.setAccessibleName("Choose the timer's length")
        self.preset_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.preset_button)
        for minutes in PRESET_MINUTES:
            act = QAction(f"{minutes} minutes", menu)
            act.setData(minutes * 60)
            act.triggered.connect(self._on_preset)
            menu.addAction(act)
        menu.addSeparator()
        custom = QAction("Custom...", menu)
        custom.triggered.connect(self.choose_custom)
        menu.addAction(custom)
        menu.setFont(fonts.font(18))  # touch-sized rows
        menu.setStyleSheet(MENU_STYLE)
        self.preset_button.setMenu(menu)
        self._digit_px = 40
        self._row = False
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        for button in (self.start_button, self.reset_button, self.preset_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setFont(fonts.font(16, bold=True))
        self.set_row(False)
        self.set_compact(False)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self.tick()

    def set_room_locked(self, locked: bool) -> None:
        """Room mode: a group starts and pauses its turn; the reset and the length are
        the facilitator's (greyed, with a tooltip saying so)."""
        for button, tip in (
            (self.reset_button, "Reset the timer"),
            (self.preset_button, "Choose the timer's length"),
        ):
            button.setEnabled(not locked)
            button.setToolTip("The facilitator's: room mode is locked" if locked else tip)

    def set_compact(self, compact: bool) -> None:
        """Smaller digits and 44 px buttons (still a touch target) on a low screen."""
        self.set_digit_px(26 if compact else 40)
        for button in (self.start_button, self.reset_button, self.preset_button):
            button.setMinimumSize(72 if compact else 88, 44 if compact else 48)

    def set_digit_px(self, px: int) -> None:
        """The digits' size (presentation mode sizes them to the screen)."""
        self._digit_px = px
        self._apply_font()

    @property
    def digit_px(self) -> int:
        return self._digit_px

    def _apply_font(self) -> None:
        # "Time's up!" is twice as long as "5:00": half the size, so it never widens the rail
        px = self._digit_px // 2 if self.countdown.finished else self._digit_px
        if self.digits.font().pixelSize() != max(1, px):
            self.digits.setFont(fonts.font(max(1, px), bold=True))

    def set_row(self, row: bool, narrow: bool = False) -> None:
        """The digits beside the buttons (a strip above the board), or above them; narrow
        (a rail beside the board): Start under the digits, Reset and Set time under it."""
        self._row = row
        grid = self._grid
        widgets: tuple[QWidget, ...] = (
            self.digits,
            self.start_button,
            self.reset_button,
            self.preset_button,
        )
        for widget in widgets:
            grid.removeWidget(widget)
        if row:
            for column, widget in enumerate(widgets):
                grid.addWidget(widget, 0, column)
        elif narrow:
            grid.addWidget(self.digits, 0, 0, 1, 2)
            grid.addWidget(self.start_button, 1, 0, 1, 2)
            grid.addWidget(self.reset_button, 2, 0)
            grid.addWidget(self.preset_button, 2, 1)
        else:
            grid.addWidget(self.digits, 0, 0, 1, 3)
            for column, widget in enumerate(widgets[1:]):
                grid.addWidget(widget, 1, column)

    # --- dialogs (replaced in tests) ---------------------------------------------
    def ask_custom_duration(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, "Timer", "Minutes (7), minutes:seconds (7:30) or seconds (90s):"
        )
        return text if ok else None

    # --- controls -------------------------------------------------------------------
    def set_duration(self, seconds: float) -> None:
        self.countdown.set_duration(seconds)
        self._ticker.stop()
        self._announced = False
        self.tick()

    def _on_preset(self) -> None:
        act = self.sender()
        if isinstance(act, QAction):
            self.set_duration(float(act.data()))

    def choose_custom(self) -> None:
        text = self.ask_custom_duration()
        if text is None:
            return
        try:
            self.set_duration(parse_duration(text))
        except ValueError as exc:
            self.digits.setToolTip(str(exc))
            self.setToolTip(str(exc))

    def toggle(self) -> None:
        if self.countdown.running:
            self.countdown.pause()
            self._ticker.stop()
        else:
            self.countdown.start()
            if self.countdown.running:
                self._ticker.start()
        self.tick()

    def reset(self) -> None:
        self.countdown.reset()
        self._ticker.stop()
        self._announced = False
        self.tick()

    def tick(self) -> None:
        c = self.countdown
        if c.finished:
            if not self._announced:
                self._announced = True
                self.time_up.emit()
            self._blink += 1
            self._apply_font()
            self.digits.setText("Time's up!")
            self.digits.setStyleSheet(
                _UP_STYLES[self._blink // 3 % 2]
            )  # slow blink, under 3 flashes a second
            self.start_button.setText("Start")
            if self._blink > 60:  # blink for about 12 s, then stay red
                self._ticker.stop()
                self.digits.setStyleSheet(_UP_STYLES[0])
            elif not self._ticker.isActive():
                self._ticker.start()
        else:
            self._blink = 0
            self._apply_font()
            self.digits.setText(c.display())
            self.digits.setStyleSheet(_NORMAL_STYLE)
            self.start_button.setText("Pause" if c.running else "Start")
        self._expose()

    def _expose(self) -> None:
        """The label's accessible name is "Time left", which hides its text: its value
        goes in the description ("7:30, running") and the start button says what a press
        does. Set only on a change, so the 200 ms tick fires no events of its own."""
        c = self.countdown
        if c.finished:
            value = "Time's up"
        else:
            state = "running" if c.running else "paused" if c.elapsed > 0 else "not started"
            value = f"{self.digits.text()}, {state}"
        if self.digits.accessibleDescription() != value:
            self.digits.setAccessibleDescription(value)
        action = "Pause the timer" if c.running else "Start the timer"
        if self.start_button.accessibleName() != action:
            self.start_button.setAccessibleName(action)

    @property
    def is_time_up(self) -> bool:
        return self.countdown.finished and self._announced
