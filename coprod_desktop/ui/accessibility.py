"""Accessibility wiring: the factory that gives the board accessible children, focus
events as the board's selection moves, and spoken announcements of what changed.

announce() is the one way the app speaks to a screen reader; say() is a status bar
message that is also announced. What is announced (issue 16's audit, README):
every undo step as it is done ("Place ... to 6 Co-design (Table 1)"), undone
("Undone: ...") and redone ("Redone: ..."), except the keystrokes of a note (the typist
hears them); the group whose board shows ("Table 2 – Harbour's board"); another session
opened; time's up; a region zoomed and the whole board again; presenting, the tap-tap
hint ("... now tap where it goes"); presentation mode, room mode (locked, unlocked) and
the debrief on and off; the key revealed in the debrief; the handout exported or why
it failed; every status bar message (saved, files written, merges, refusals, single-key
mode).

install(window) is called once per main window; the factory is installed once per process.
Qt asks the factory only while an assistive technology is active, so none of this costs
anything (or runs) without one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleInterface,
    QUndoStack,
)
from PySide6.QtWidgets import QMainWindow, QWidget

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.ui.board.accessible import BoardAccessible
from coprod_desktop.ui.board.view import BoardView
from coprod_desktop.ui.document.commands import NOTE_COMMAND_ID

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


def say(widget: QWidget, text: str, timeout_ms: int = 0) -> None:
    """text in the status bar of widget's main window (for timeout_ms; 0: until the next
    message), and announced: a status bar message is something a sighted person sees."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout_ms)
    announce(widget, text)


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
        WindowAnnouncer(window)


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
                if redone:
                    text = f"Redone: {command.text()}"
                elif command.id() != NOTE_COMMAND_ID:  # the typist hears the note's keys
                    text = command.text()
        announce(self.window, text)


class WindowAnnouncer(QObject):
    """What a sighted person sees change in the window without an undo step: the group
    whose board shows, another session, time's up, a zoom, the tap-tap hint,
    presentation mode, room mode, the debrief and its key, the handout exported or
    failed (see the module's docstring)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        document = window.document  # type: ignore[attr-defined]
        self.document = document
        document.current_group_changed.connect(self._group_shown)
        document.session_replaced.connect(self._session_opened)
        timer = getattr(window, "timer", None)
        if timer is not None:
            timer.time_up.connect(lambda: announce(window, "Time's up", assertive=True))
        view = getattr(window, "board_view", None)
        if isinstance(view, BoardView):
            view.zoom_changed.connect(self._zoomed)
            guide = getattr(window, "tap_guide", None)
            if guide is not None:  # presenting: the hint over the board, after it is set
                self._hint = ""
                view.board_scene.pending_changed.connect(lambda _card: self._hinted(guide))
        presentation = getattr(window, "presentation", None)
        if presentation is not None:
            presentation.changed.connect(self._presenting)
        debrief = getattr(window, "named_actions", {}).get("debrief")
        if debrief is not None:
            debrief.toggled.connect(self._debrief)
        room = getattr(window, "room", None)
        if room is not None:
            self._room_state = self._room(room)
            room.changed.connect(lambda: self._room_changed(room))
        # The debrief and the handout export are made when first used (start-up): heard
        # from then on.
        when_debrief = getattr(window, "when_debrief_made", None)
        if when_debrief is not None:
            when_debrief(self._watch_debrief)
        when_handout = getattr(getattr(window, "files", None), "when_handout_made", None)
        if when_handout is not None:
            when_handout(self._watch_handout)

    def _watch_debrief(self, debrief_view: Any) -> None:
        # After the view's own slot: its key is then shown.
        debrief_view.reveal_button.clicked.connect(lambda: self._revealed(debrief_view))
        debrief_view.reveal_all_button.clicked.connect(
            lambda: announce(self.window, "The whole key revealed")
        )

    def _watch_handout(self, handout: Any) -> None:
        handout.finished.connect(self._handout_done)
        handout.failed.connect(self._handout_failed)

    def _group_shown(self, group_id: str) -> None:
        try:
            group = self.document.session.group(group_id)
        except DomainError:  # a group removed meanwhile: nothing to say
            return
        text = f"{group.name}'s board"
        stack = getattr(self.window, "centre_stack", None)
        cover = getattr(self.window, "private_cover", None)
        if cover is not None and stack is not None and stack.currentWidget() is cover:
            text += f", covered until the group chooses Show {group.name}'s board"
        announce(self.window, text)

    def _hinted(self, guide: object) -> None:
        text = str(getattr(guide, "text", ""))
        if text and text != self._hint:
            announce(self.window, text)
        self._hint = text

    def _session_opened(self) -> None:
        session = self.document.session
        groups = len(session.groups)
        text = f"{session.title or 'Untitled session'}: {groups} group{'s' * (groups != 1)}"
        if groups:
            text += f", {self.document.current_group.name}'s board"
        announce(self.window, text)

    @staticmethod
    def _room(room: object) -> str:
        if not getattr(room, "room_mode", False):
            return "Room mode off"
        if getattr(room, "locked", False):
            return "Room mode on: the facilitator's menus are locked"
        return "Unlocked for the facilitator"

    def _room_changed(self, room: object) -> None:
        state = self._room(room)
        if state != self._room_state:
            self._room_state = state
            announce(self.window, state)

    def _revealed(self, view: object) -> None:
        card_id = getattr(view, "card_id", "")
        card = self.document.session.deck.card(card_id) if card_id else None
        if card is None or not card.reference:
            return
        board = self.document.session.board
        places = []
        for place in card.reference:
            region = board.region(place.region)
            places.append(f"{region.label if region else place.region} ({place.confidence})")
        announce(self.window, f"The key for \u201c{card.title}\u201d: {'; '.join(places)}")

    def _zoomed(self, region_id: str) -> None:
        if not region_id:
            announce(self.window, "The whole board")
            return
        region = self.document.session.board.region(region_id)
        if region is None:
            return
        count = len(self.document.current_group.in_region(region_id))
        cards = "1 card" if count == 1 else f"{count} cards"
        announce(self.window, f"Zoomed to {region.label}: {cards}")

    def _presenting(self, active: bool) -> None:
        announce(
            self.window,
            "Presentation mode: the board fills the screen; Esc leaves"
            if active
            else "Presentation mode off",
        )

    def _debrief(self, showing: bool) -> None:
        announce(
            self.window,
            "The debrief: every group's boards, one card at a time"
            if showing
            else "Back to the boards",
        )

    def _handout_done(self, path: str, pages: int) -> None:
        name = Path(path).name
        announce(self.window, f"Handout saved as {name}: {pages} pages")

    def _handout_failed(self, message: str) -> None:
        announce(self.window, f"Cannot export handout: {message}", assertive=True)
