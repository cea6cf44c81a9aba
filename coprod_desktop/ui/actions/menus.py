"""The builder of the window's actions and menus (from ui/actions/action_table.py),
and PrepareMenus: the handlers of the table's rows that need state of their own (the
deck editor, the session details editor, the recent files menu, own-card entries)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QKeyCombination, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from coprod_desktop.ui.accessibility import say
from coprod_desktop.ui.actions.action_table import ACTIONS, MENUS, ActionEntry
from coprod_desktop.ui.actions.recent_files import RecentMenu
from coprod_desktop.ui.style.plain_text import menu_text

if TYPE_CHECKING:
    from coprod_desktop.ui.dialogs.deck_editor import DeckEditor
    from coprod_desktop.ui.dialogs.session_details import SessionDetailsEditor
    from coprod_desktop.ui.main_window import MainWindow


class PrepareMenus:
    """Holds the slots (bound methods, not lambdas) and what they need from the window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.deck_editor: DeckEditor | None = None
        self.recent_menu: RecentMenu | None = None
        self._session_details: SessionDetailsEditor | None = None
        self._menu_card = ""

    # The editors and their dialogs' modules are made when first asked for: the first
    # paint needs none of them (issue 20's start-up budget).
    @property
    def session_details(self) -> SessionDetailsEditor:
        if self._session_details is None:
            from coprod_desktop.ui.dialogs.session_details import SessionDetailsEditor

            self._session_details = SessionDetailsEditor(self.window.document, self.window)
        return self._session_details

    def edit_session_details(self) -> bool:
        return self.session_details.edit()

    # --- the deck: one editor per window, shown when asked -----------------------------
    def editor(self) -> DeckEditor:
        if self.deck_editor is None:
            from coprod_desktop.ui.dialogs.deck_editor import DeckEditor

            self.deck_editor = DeckEditor(self.window.document, self.window)
            self.window.room.add_control(self.deck_editor)  # greyed while room mode is locked
        return self.deck_editor

    def show_deck_editor(self) -> None:
        editor = self.editor()
        editor.show()
        editor.raise_()
        editor.activateWindow()

    def import_cards(self) -> None:
        self.editor().import_csv()

    def export_deck(self) -> None:
        self.editor().export_csv()

    # --- the selected card, when it is the group's own ---------------------------------
    def _selected_own(self) -> str:
        card_id = self.window.selected_card_id()
        return card_id if self.window.group_bar.own_cards.is_own(card_id) else ""

    def edit_own_card(self) -> None:
        card_id = self._selected_own()
        if card_id:
            self.window.group_bar.own_cards.edit(card_id)
        else:
            say(
                self.window,
                "Select one of the group's own cards (in the tray or on the board) to edit it.",
                6000,
            )

    def delete_own_card(self) -> None:
        card_id = self._selected_own()
        if card_id:
            self.window.group_bar.own_cards.delete(card_id)
        else:
            say(
                self.window,
                "Select one of the group's own cards to delete it (deck cards are edited in "
                "Deck > Edit deck).",
                6000,
            )

    def extend_card_menu(self, menu: QMenu, card_id: str) -> None:
        """A group's own card: Edit and Delete at the end of its right-click menu."""
        own = self.window.group_bar.own_cards
        if not own.is_own(card_id):
            return
        menu.addSeparator()
        for text, slot in (
            ("Edit our card...", self._edit_from_menu),
            ("Delete our card", self._delete_from_menu),
        ):
            act = menu.addAction(text)
            act.setData(f"own:{card_id}")  # not a region id: the move menu ignores it
            act.triggered.connect(slot)
        self._menu_card = card_id

    def _edit_from_menu(self) -> None:
        self.window.group_bar.own_cards.edit(self._menu_card)

    def _delete_from_menu(self) -> None:
        self.window.group_bar.own_cards.delete(self._menu_card)

    def select_added_card(self, card_id: str) -> None:
        self.window.tray.select_card(card_id)

    def copy_arrangement(self) -> None:
        self.window.group_bar.group_actions.copy_from()

    def recolour(self) -> None:
        self.window.group_bar.group_actions.recolour()

    def remove_group(self) -> None:
        self.window.group_bar.group_actions.remove()


def _resolve(window: MainWindow, path: str) -> Callable[..., object]:
    target: object = window
    for name in path.split("."):
        target = getattr(target, name)
    if not callable(target):
        raise TypeError(f"{path} is not callable")
    return target


_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _first(key: QKeySequence) -> QKeyCombination:
    first: QKeyCombination = key[0]  # type: ignore[index]  # the stubs lack __getitem__
    return first


def is_single_key(key: QKeySequence) -> bool:
    """A character key (letter, digit, punctuation or symbol) with at most Shift: what
    WCAG 2.1.4 lets the user turn off. Del, F2 and the arrows are not characters."""
    if key.count() != 1:
        return False
    combo = _first(key)
    if combo.keyboardModifiers() & _COMMAND_MODIFIERS:
        return False
    code = int(combo.key())
    return 0x21 <= code <= 0x7E or (0xA0 <= code < 0x01000000)  # printable, not Space


def adapt(keys: list[QKeySequence], mode: str) -> list[QKeySequence]:
    """keys under the user's single-key choice: "single" as written, "off" without the
    single keys, "modified" with Ctrl+Alt added to them."""
    if mode == "single":
        return keys
    shown: list[QKeySequence] = []
    for key in keys:
        if not is_single_key(key):
            shown.append(key)
        elif mode == "modified":
            combo = _first(key)
            modifiers = (
                combo.keyboardModifiers()
                | Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
            )
            shown.append(QKeySequence(QKeyCombination(modifiers, combo.key())))
    return list(dict.fromkeys(shown))


def key_sequences(entry: ActionEntry, mode: str = "single") -> list[QKeySequence]:
    """The entry's shortcuts as key sequences, standard keys expanded, repeats dropped,
    single keys as the user chose (see adapt)."""
    keys: list[QKeySequence] = []
    for shortcut in entry.shortcuts:
        if isinstance(shortcut, str):
            keys.append(QKeySequence(shortcut))
        else:
            keys.extend(QKeySequence.keyBindings(shortcut))
    return adapt(list(dict.fromkeys(keys)), mode)


def _make_action(window: MainWindow, entry: ActionEntry, tooltip: bool) -> QAction:
    if entry.created_by:
        act = _resolve(window, entry.created_by)(window, entry.text)
        assert isinstance(act, QAction)
        _isolate_command_text(window, entry, act)
    else:
        act = QAction(entry.text, window)
        handler, args = _resolve(window, entry.handler), entry.args
        act.triggered.connect(lambda _checked=False: handler(*args))
    act.setCheckable(entry.checkable)
    keys = key_sequences(entry)
    if keys:
        act.setShortcuts(keys)
    act.setStatusTip(entry.tip)
    if tooltip and entry.tip:
        act.setToolTip(entry.tip)
    return act


class _CommandText(QObject):
    """Undo / Redo show the command's text ("Place “X” in ..."), which quotes user text:
    isolated, so a U+202E in a card title cannot reverse "Undo", and "&" shows as typed.
    Connected after QUndoStack's own update, so this text is the one that stays; a child
    of the action, so the connection goes with it (the document outlives the window)."""

    def __init__(self, act: QAction, prefix: str) -> None:
        super().__init__(act)
        self.act = act
        self.prefix = prefix

    @Slot(str)
    def update(self, text: str) -> None:
        self.act.setText(f"{self.prefix} {menu_text(text)}" if text else self.prefix)


def _isolate_command_text(window: MainWindow, entry: ActionEntry, act: QAction) -> None:
    stack = window.document.undo_stack
    if entry.name not in ("undo", "redo"):
        return
    shown = _CommandText(act, entry.text)
    if entry.name == "undo":
        stack.undoTextChanged.connect(shown.update)
        shown.update(stack.undoText())
    else:
        stack.redoTextChanged.connect(shown.update)
        shown.update(stack.redoText())


def install(window: MainWindow) -> dict[str, QAction]:
    """The window's actions by name and its menu bar, from the action table; then what
    is not a table row: File > Open Recent (after Open) and keys 1-9 (switch group).
    The handlers are looked up on the window, window.prepare_menus included."""
    slots = window.prepare_menus
    menus: dict[str, QMenu] = {}
    for spec in MENUS:
        menu = menus[spec.key] = window.menuBar().addMenu(spec.title)
        menu.setToolTipsVisible(spec.tooltips_visible)
    tooltips = {spec.key for spec in MENUS if spec.tooltips_visible}
    named: dict[str, QAction] = {}
    for entry in ACTIONS:
        act = named[entry.name] = _make_action(window, entry, entry.menu in tooltips)
        menu = menus[entry.menu]
        if entry.separator_before:
            menu.addSeparator()
        menu.addAction(act)
        if entry.also_in:
            menus[entry.also_in].addAction(act)

    bar, files, file_menu = window.group_bar, window.files, menus["file"]
    slots.recent_menu = RecentMenu(files.recent, files.open, file_menu)
    entries = file_menu.actions()
    after_open = entries[entries.index(named["open"]) + 1]
    file_menu.insertMenu(after_open, slots.recent_menu)
    bar.own_cards.card_added.connect(slots.select_added_card)
    bar.install_shortcuts(window)
    window.single_keys.attach(named)
    return named
