"""Accessibility wiring: the factory that gives the board accessible children, focus
events as the board's selection moves, and spoken announcements of what changed.

install(window) is called once per main window; the factory is installed once per process.
Qt asks the factory only while an assistive technology is active, so none of this costs
anything (or runs) without one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleInterface,
    QUndoStack,
)
from PySide6.QtWidgets import QMainWindow

from coprod_desktop.ui.board.accessible import BoardAccessible
from coprod_desktop.ui.board.view import BoardView

# Interfaces made by the factory, kept alive here: Qt's cache holds only a C++ pointer, and
# a Python interface without a Python reference is freed at once (then AT-SPI crashes).
_interfaces: dict[int, BoardAccessible] = {}
_installed = False


def announce(widget: QObject, text: str, assertive: bool = False) -> None:
    """Have the screen reader say text (Qt 6.8+: AT-SPI object:announcement)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def _factory(key: str, obj: QObject | None) -> QAccessibleInterface | None:
    if key != "BoardView" or not isinstance(obj, BoardView):
        return None
    iface = BoardAccessible(obj)
    view_key = id(obj)
    _interfaces[view_key] = iface
    obj.destroyed.connect(lambda *_: _interfaces.pop(view_key, None))
    return iface


def board_interface(view: BoardView) -> BoardAccessible | None:
    iface = QAccessible.queryAccessibleInterface(view)
    return _interfaces.get(id(view)) if iface is not None else None


def install(window: QMainWindow) -> None:
    """The board's accessible children, focus events and announcements for window."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
    view = getattr(window, "board_view", None)
    if isinstance(view, BoardView):

        def on_selected(card_id: str) -> None:
            if QAccessible.isActive():
                board = board_interface(view)
                if board is not None:
                    board.notify_selection(card_id)

        view.board_scene.card_selected.connect(on_selected)
    document = getattr(window, "document", None)
    if document is not None:
        UndoAnnouncer(window, document.undo_stack)


class UndoAnnouncer(QObject):
    """Every change a sighted person sees happen is one undo command: say its text when it
    is done, "Undone: ..." and "Redone: ..." when the stack moves back or forth."""

    def __init__(self, window: QMainWindow, stack: QUndoStack) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack
        self._index = stack.index()
        self._next = stack.command(self._index)  # what a redo would bring back
        stack.indexChanged.connect(self._on_index)

    def _on_index(self, index: int) -> None:
        try:
            self._announce(index)
        except RuntimeError:  # the stack or window is being torn down
            pass

    def _announce(self, index: int) -> None:
        before, next_before = self._index, self._next
        self._index, self._next = index, self.stack.command(index)
        text = ""
        if index < before:
            command = self.stack.command(index)
            text = f"Undone: {command.text()}" if command is not None else ""
        elif index > before:
            command = self.stack.command(index - 1)
            if command is not None:  # a redo brings back the command the stack had next
                redone = index == before + 1 and command is next_before
                text = f"Redone: {command.text()}" if redone else command.text()
        announce(self.window, text)
