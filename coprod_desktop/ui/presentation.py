"""Presentation mode: full screen for a projected room. Menus, status bar and the
facilitator's panels hide; the tray, group switcher, timer, undo and redo stay;
cards grow and the board switches to high contrast. Leaving restores the window
exactly as it was."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from .scene import BoardScene

PRESENTATION_CARD_BASE = 1.4  # cards 40 % larger: titles >= 24 px at 1920x1080 when a region is not crowded


@dataclass
class _Saved:
    geometry: QByteArray
    state: Qt.WindowState
    visible: dict[int, bool]


class PresentationMode(QObject):
    changed = Signal(bool)

    def __init__(self, window: QMainWindow, scene: BoardScene, facilitator_only: list[QWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.scene = scene
        self.facilitator_only = facilitator_only
        self._saved: _Saved | None = None

    @property
    def active(self) -> bool:
        return self._saved is not None

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        hidden = [w.menuBar(), w.statusBar(), *self.facilitator_only]
        self._saved = _Saved(w.saveGeometry(), w.windowState(), {id(x): x.isVisible() for x in hidden})
        for widget in hidden:
            widget.hide()
        self.scene.set_presentation(PRESENTATION_CARD_BASE, high_contrast=True)
        w.showFullScreen()
        self.changed.emit(True)

    def leave(self) -> None:
        saved = self._saved
        if saved is None:
            return
        self._saved = None
        w = self.window
        for widget in [w.menuBar(), w.statusBar(), *self.facilitator_only]:
            widget.setVisible(saved.visible.get(id(widget), True))
        self.scene.set_presentation(1.0, high_contrast=False)
        w.setWindowState(saved.state & ~Qt.WindowState.WindowFullScreen)
        if not saved.state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            w.restoreGeometry(saved.geometry)
        w.show()
        self.changed.emit(False)
