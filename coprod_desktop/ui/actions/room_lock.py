"""Room mode: while groups are at the screen, the facilitator's actions are locked.

One rule (domain/room.py `allowed`) over one field (the action table's `role`):
while locked, every facilitator row's QAction is disabled (greyed in its menu and
on its buttons), its keyboard shortcut shows a notice instead of doing nothing, and
the facilitator's controls outside the table (the group bar's add button, tab menu
and double-click, the timer's reset and length, File > Open Recent, the deck
editor) follow the same state through `add_control`. Undo and Redo take back only
the current group's steps made since the lock, never the set-up before it.

Unlocking (the room bar, ui/panels/room_bar.py) needs the facilitator's code; an
unlocked room locks again after `idle_seconds` without a touch, key or click, on an
injectable clock (tests advance it and call `check_idle`). Presenting turns room
mode on. The session file remembers room mode (files/session_settings.py): a session
saved or autosaved in room mode opens locked. This protects against accidents, not
against someone editing the file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from coprod_desktop.domain.room import (
    DEFAULT_IDLE_SECONDS,
    FACILITATOR,
    IdleRelock,
    allowed,
    code_matches,
    may_take_back,
)
from coprod_desktop.files.session_settings import room_mode as saved_room_mode
from coprod_desktop.files.session_settings import set_room_mode as save_room_mode
from coprod_desktop.ui.actions.action_table import ACTIONS
from coprod_desktop.ui.actions.menus import key_sequences
from coprod_desktop.ui.style.plain_text import menu_text

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from coprod_desktop.ui.main_window import MainWindow

CHECK_MS = 5000  # how often an unlocked room looks at the idle time
SETUP_MARK = "room_setup_step"  # set on every undo step that was there when the room locked
LOCKED_TIP = "The facilitator's: room mode is locked"
_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class Lockable(Protocol):
    def set_room_locked(self, locked: bool) -> None: ...


Control = QWidget | QAction | Lockable


class HiddenWhileLocked:
    """A control the room has no use for while locked (the Present / Stop presenting
    button): hidden then, which leaves the group tabs their room on a small screen."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget

    def set_room_locked(self, locked: bool) -> None:
        self.widget.setVisible(not locked)


class RoomCodes(Protocol):
    """Where the facilitator's code is kept (ui/actions/recent_files.py: this computer)."""

    def room_code(self) -> str: ...

    def remember_room_code(self, code: str) -> None: ...


class RoomLock(QObject):
    changed = Signal()  # room mode on or off, locked or unlocked
    notice = Signal(str)  # something the room tried that is the facilitator's

    def __init__(
        self,
        window: MainWindow,
        codes: RoomCodes,
        clock: Callable[[], float] = time.monotonic,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.codes = codes
        self.room_mode = False
        self.unlocked = False
        self.lock_when_presenting = True
        self._by_presenting = False  # room mode came on with presenting: off again after it
        self.roles = {entry.name: entry.role for entry in ACTIONS}
        self.texts = {entry.name: entry.text.replace("&", "") for entry in ACTIONS}
        self.actions: dict[str, QAction] = {}
        self.controls: list[Control] = []
        self.refusing_keys: list[QShortcut] = []
        self._tips: dict[str, str] = {}
        self.idle = IdleRelock(clock, idle_seconds)  # tests give it a clock of their own
        self._filtering = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(check_ms)
        self.idle_timer.timeout.connect(self.check_idle)
        self._undo: QAction | None = None
        self._redo: QAction | None = None
        self._undo_prefix = self._redo_prefix = ""
        stack = self.document.undo_stack
        stack.indexChanged.connect(self._update_undo_redo)
        self.document.current_group_changed.connect(self._update_undo_redo)
        self.document.session_replaced.connect(self._update_undo_redo)
        self.document.session_replaced.connect(self._on_session_replaced)

    # --- the state ---------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.room_mode and not self.unlocked

    def allows(self, name: str) -> bool:
        """Whether the action table's row `name` may run now."""
        return allowed(self.roles[name], self.locked)

    def set_room_mode(self, on: bool) -> None:
        self._by_presenting = False
        self._set(on)

    def toggle_room_mode(self) -> None:
        self.set_room_mode(not self.room_mode)

    def lock(self) -> None:
        """Lock again now (the room bar's Lock button, or idle)."""
        if self.room_mode and self.unlocked:
            self._set(True)

    def unlock(self, entered: str) -> bool:
        """The facilitator's code: unlocked until idle for idle_seconds. False: wrong code."""
        if not self.locked:
            return True
        if not code_matches(entered, self.codes.room_code()):
            return False
        self.unlocked = True
        self.idle.touch()
        self.apply()
        return True

    def on_presentation_changed(self, active: bool) -> None:
        """Presenting turns room mode on (locked); leaving turns it off if presenting
        turned it on."""
        if active and self.lock_when_presenting:
            self._by_presenting = self._by_presenting or not self.room_mode
            self._set(True)
        elif not active and self._by_presenting:
            self._by_presenting = False
            self._set(False)

    def _on_session_replaced(self) -> None:
        """A session that was in room mode when saved (or autosaved) opens locked;
        another keeps the room as it is."""
        if saved_room_mode(self.document.session):
            self._by_presenting = False
            self._set(True)
        else:
            save_room_mode(self.document.session, self.room_mode)

    def _set(self, room_mode: bool) -> None:
        self.room_mode, self.unlocked = room_mode, False
        save_room_mode(self.document.session, room_mode)  # the file remembers it
        if room_mode:
            self._mark_setup()
            self._close_facilitator_dialogs()
        self.apply()

    # --- idle -----------------------------------------------------------------------------
    def check_idle(self) -> bool:
        """Lock an unlocked room nobody has touched for idle_seconds; True if it locked."""
        if self.room_mode and self.unlocked and self.idle.due():
            self.lock()
            minutes = round(self.idle.idle_seconds / 60)
            self.notice.emit(f"Room mode locked again after {minutes} min without use.")
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.idle.touch()
        return False

    def _watch_idle(self, on: bool) -> None:
        app = QApplication.instance()
        if on == self._filtering or app is None:
            return
        self._filtering = on
        if on:
            app.installEventFilter(self)
            self.idle_timer.start()
        else:
            app.removeEventFilter(self)
            self.idle_timer.stop()

    # --- applying the rule ------------------------------------------------------------------
    def attach(self, actions: dict[str, QAction]) -> None:
        """The window's actions (from the table); a refusing shortcut for every
        facilitator key, active only while locked."""
        self.actions = actions
        self._tips = {name: act.toolTip() for name, act in actions.items()}
        for entry in ACTIONS:
            if entry.role != FACILITATOR:
                continue
            for key in key_sequences(entry):
                refusing = QShortcut(key, self.window)
                refusing.setContext(Qt.ShortcutContext.WindowShortcut)
                refusing.setEnabled(False)
                refusing.activated.connect(partial(self.refuse, entry.name))
                self.refusing_keys.append(refusing)
        if saved_room_mode(self.document.session):  # a restart after a crash: locked
            self._set(True)
        else:
            self.apply()

    def add_control(self, control: Control) -> None:
        """A facilitator's control outside the table: it follows the lock from now on."""
        self.controls.append(control)
        _set_locked(control, self.locked)

    def refuse(self, name: str) -> None:
        self.notice.emit(f"“{self.texts[name]}” is the facilitator's: room mode is locked.")

    def apply(self) -> None:
        locked = self.locked
        for name, act in self.actions.items():
            if self.roles[name] == FACILITATOR:
                act.setEnabled(allowed(FACILITATOR, locked))
                act.setToolTip(LOCKED_TIP if locked else self._tips.get(name, ""))
        for control in self.controls:
            _set_locked(control, locked)
        for refusing in self.refusing_keys:
            refusing.setEnabled(locked)
        toggle = self.actions.get("room_mode")
        if toggle is not None:
            toggle.setChecked(self.room_mode)
        self._update_undo_redo()
        self._watch_idle(self.room_mode and self.unlocked)
        self.changed.emit()

    def lock_menu(self, menu: QMenu) -> QMenu:
        """A facilitator's context menu: every entry greyed while locked, and why."""
        if self.locked:
            entries = menu.actions()
            for act in entries:
                act.setEnabled(False)
            why = QAction("Locked: room mode (the facilitator unlocks)", menu)
            why.setEnabled(False)
            if entries:
                menu.insertAction(entries[0], why)
                menu.insertSeparator(entries[0])
            else:
                menu.addAction(why)
        return menu

    def _close_facilitator_dialogs(self) -> None:
        """Locking (or relocking when idle) closes the facilitator's dialogs left open,
        but not a group's own card being written."""
        from coprod_desktop.ui.dialogs.custom_card import CardDialog

        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QDialog)
                and widget.isVisible()
                and not isinstance(widget, CardDialog)
                and self._owned(widget)
            ):
                widget.reject()

    def _owned(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self.window:
                return True
            parent = parent.parentWidget()
        return False

    # --- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        """Save, unless it would ask for a file name in front of the room."""
        document = self.document
        if self.locked and (document.path is None or document.read_only):
            self.notice.emit(
                "Saving under a new name is the facilitator's: room mode is locked "
                "(the recovery copy keeps the work meanwhile)."
            )
            return
        self.window.files.save()

    # --- undo and redo: the group's own steps since the lock ------------------------------
    def create_undo_action(self, parent: QObject, text: str) -> QAction:
        self._undo, self._undo_prefix = QAction(text, parent), text
        self._undo.triggered.connect(self.undo)
        self._update_undo_redo()
        return self._undo

    def create_redo_action(self, parent: QObject, text: str) -> QAction:
        self._redo, self._redo_prefix = QAction(text, parent), text
        self._redo.triggered.connect(self.redo)
        self._update_undo_redo()
        return self._redo

    def may_undo(self) -> bool:
        stack = self.document.undo_stack
        return stack.canUndo() and self._may_take(stack.command(stack.index() - 1))

    def may_redo(self) -> bool:
        stack = self.document.undo_stack
        return stack.canRedo() and self._may_take(stack.command(stack.index()))

    def undo(self) -> None:
        if self.may_undo():
            self.document.undo_stack.undo()
        elif self.document.undo_stack.canUndo():
            self.notice.emit(self._refused_step("undo"))

    def redo(self) -> None:
        if self.may_redo():
            self.document.undo_stack.redo()
        elif self.document.undo_stack.canRedo():
            self.notice.emit(self._refused_step("redo"))

    def _may_take(self, step: QUndoCommand | None) -> bool:
        if step is None:
            return False
        group = getattr(step, "group_id", None)
        return may_take_back(
            self.locked,
            group if isinstance(group, str) else None,
            bool(getattr(step, SETUP_MARK, False)),
            self.document.current_group_id,
        )

    def _mark_setup(self) -> None:
        """Every step on the stack now is from before the lock."""
        stack = self.document.undo_stack
        for index in range(stack.count()):
            step = stack.command(index)
            if step is not None:
                setattr(step, SETUP_MARK, True)

    def _refused_step(self, verb: str) -> str:
        name = self.document.current_group.name
        return (
            f"Nothing of {name}'s to {verb} since room mode locked; the rest is the facilitator's."
        )

    def _update_undo_redo(self, *_args: object) -> None:
        stack = self.document.undo_stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self):
            return  # the stack signals as it is destroyed
        for act, prefix, may, there, step_text, verb in (
            (self._undo, self._undo_prefix, self.may_undo, stack.canUndo, stack.undoText, "undo"),
            (self._redo, self._redo_prefix, self.may_redo, stack.canRedo, stack.redoText, "redo"),
        ):
            if act is None:
                continue
            ok = may()
            act.setEnabled(ok)
            text = step_text()
            # As menus._CommandText writes it (user text isolated), whether or not allowed.
            act.setText(f"{prefix} {menu_text(text)}" if text else prefix)
            refused = not ok and self.locked and there()
            act.setToolTip(self._refused_step(verb) if refused else "")


def _set_locked(control: Control, locked: bool) -> None:
    if isinstance(control, QWidget | QAction) and not hasattr(control, "set_room_locked"):
        control.setEnabled(not locked)
    else:
        control.set_room_locked(locked)
