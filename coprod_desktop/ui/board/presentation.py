"""Presentation mode: full screen for a projected room. Menus, status bar and the
facilitator's panels hide; the board takes the screen (the tray and details slide in
over it when asked for; the group switcher, timer, undo and redo stay in a rail);
cards grow and the board switches to high contrast. Leaving restores the window
exactly as it was."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from coprod_desktop.ui.board.scene import BoardScene

PRESENTATION_CARD_BASE = (
    1.5  # cards half as large again: titles >= 24 px at 1920x1080 unless a region is crowded
)


class RoomLayout(Protocol):
    """Where the panels go while presenting (ui/panels/room_layout.py)."""

    def enter(self) -> None: ...

    def leave(self) -> None: ...


@dataclass
class _Saved:
    geometry: QByteArray
    state: Qt.WindowState
    visible: dict[int, bool]
    splitter: list[int]


class PresentationMode(QObject):
    changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        scene: BoardScene,
        facilitator_only: list[QWidget],
        splitter: QSplitter | None = None,
        layout: RoomLayout | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.scene = scene
        self.facilitator_only = facilitator_only
        self.splitter = splitter  # side panel | board: its sizes come back afterwards
        self.layout = layout  # moves the side panel and the room's controls while presenting
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
        sizes = self.splitter.sizes() if self.splitter is not None else []
        self._saved = _Saved(
            w.saveGeometry(), w.windowState(), {id(x): x.isVisible() for x in hidden}, sizes
        )
        for widget in hidden:
            widget.hide()
        if self.layout is not None:
            self.layout.enter()
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
        if self.layout is not None:
            self.layout.leave()
        if self.splitter is not None and saved.splitter:
            self.splitter.setSizes(saved.splitter)
        w.setWindowState(saved.state & ~Qt.WindowState.WindowFullScreen)
        if not saved.state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            w.restoreGeometry(saved.geometry)
        w.show()
        self.changed.emit(False)
