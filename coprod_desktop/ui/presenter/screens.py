"""The screens the presenter view can go to. One seam over QGuiApplication's list of
screens and its screenAdded/screenRemoved signals, so the choice of the projector's
screen is plain logic that tests can drive with screens of their own."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen


class Screens(QObject):
    """The screens that exist now; added and removed follow a plug or an unplug."""

    added = Signal(QScreen)
    removed = Signal(QScreen)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.added.emit)
            app.screenRemoved.connect(self.removed.emit)

    def all(self) -> list[QScreen]:
        return list(QGuiApplication.screens())


def describe(screen: QScreen) -> str:
    """A screen as the facilitator picks it: its name and size."""
    size = screen.geometry()
    name = screen.name() or screen.model() or "Screen"
    return f"{name} ({size.width()} x {size.height()})"


def projector_for(screens: list[QScreen], laptop: QScreen | None, preferred: str) -> QScreen | None:
    """The screen for the projector: the one the facilitator chose (by name) if it is
    there and is not the laptop's, else the first screen that is not the laptop's;
    None when the laptop's is the only one."""
    others = [s for s in screens if s is not laptop]
    chosen = next((s for s in others if preferred and s.name() == preferred), None)
    return chosen or (others[0] if others else None)
