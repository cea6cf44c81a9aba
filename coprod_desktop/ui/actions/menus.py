"""Menu entries for preparing and running groups: recent files and session details
in the File menu, the Group menu's group and own-card entries, and the Deck menu.
The main window calls install() once its File and Group menus exist; keys 1-9
switch group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from coprod_desktop.files.csv_cards import format_hint
from coprod_desktop.ui.actions.recent_files import RecentMenu
from coprod_desktop.ui.dialogs.deck_editor import DeckEditor
from coprod_desktop.ui.dialogs.session_details import SessionDetailsEditor

if TYPE_CHECKING:
    from coprod_desktop.ui.main_window import MainWindow


class PrepareMenus:
    """Holds the slots (bound methods, not lambdas) and what they need from the window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.deck_editor: DeckEditor | None = None
        self.recent_menu: RecentMenu | None = None
        self.session_details = SessionDetailsEditor(window.document, window)
        self._menu_card = ""

    # --- the deck: one editor per window, shown when asked -----------------------------
    def editor(self) -> DeckEditor:
        if self.deck_editor is None:
            self.deck_editor = DeckEditor(self.window.document, self.window)
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
            self.window.statusBar().showMessage(
                "Select one of the group's own cards (in the tray or on the board) to edit it.",
                6000,
            )

    def delete_own_card(self) -> None:
        card_id = self._selected_own()
        if card_id:
            self.window.group_bar.own_cards.delete(card_id)
        else:
            self.window.statusBar().showMessage(
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


def install(window: MainWindow, file_menu: QMenu, group_menu: QMenu, before: QMenu) -> PrepareMenus:
    """Add the entries; the Deck menu goes before `before` (Help)."""
    menus = PrepareMenus(window)
    bar, files = window.group_bar, window.files

    def action(key: str, text: str, slot, shortcut: str = "", tip: str = "") -> QAction:
        act = QAction(text, window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.setStatusTip(tip)
        if tip:
            act.setToolTip(tip)
        act.triggered.connect(slot)
        window.named_actions[key] = act
        return act

    menus.recent_menu = RecentMenu(files.recent, files.open, file_menu)
    first_separator = next((a for a in file_menu.actions() if a.isSeparator()), None)
    if first_separator is not None:
        file_menu.insertMenu(first_separator, menus.recent_menu)
    else:
        file_menu.addMenu(menus.recent_menu)

    details = action(
        "session_details",
        "Session &details...",
        menus.session_details.edit,
        "Ctrl+I",
        "The session's title, date, place and facilitator",
    )
    export = window.named_actions.get("export")
    if export is not None:
        file_menu.insertAction(export, details)  # the details are on the handout's cover
    else:
        file_menu.addAction(details)

    group_menu.addAction(action("recolour_group", "&Colour...", menus.recolour, "Ctrl+Shift+C"))
    group_menu.addAction(
        action(
            "copy_arrangement",
            "Copy arrangement &from...",
            menus.copy_arrangement,
            "Ctrl+Shift+A",
            "Start this group's board from another group's",
        )
    )
    group_menu.addAction(
        action("remove_group", "Re&move group...", menus.remove_group, "Ctrl+Shift+Del")
    )
    group_menu.addAction(
        action("manage_groups", "&Manage groups...", bar.show_manager, "Ctrl+Shift+M")
    )
    group_menu.addSeparator()
    group_menu.addAction(
        action(
            "add_own_card",
            "Add our &own card...",
            bar.add_own_card,
            "Ctrl+Shift+N",
            "A card of this group's own",
        )
    )
    group_menu.addAction(
        action("edit_own_card", "&Edit our own card...", menus.edit_own_card, "Ctrl+Shift+E")
    )
    group_menu.addAction(
        action("delete_own_card", "&Delete our own card", menus.delete_own_card, "Ctrl+Shift+D")
    )
    bar.own_cards.card_added.connect(menus.select_added_card)

    deck_menu = QMenu("&Deck", window)
    deck_menu.setToolTipsVisible(True)  # the import entry's tip gives the CSV format
    deck_menu.addAction(
        action(
            "edit_deck",
            "&Edit deck...",
            menus.show_deck_editor,
            "Ctrl+D",
            "Add, edit, remove and reorder this session's cards",
        )
    )
    deck_menu.addAction(
        action(
            "import_cards",
            "&Import cards from CSV...",
            menus.import_cards,
            "Ctrl+Shift+I",
            format_hint(),
        )
    )
    deck_menu.addAction(
        action("export_deck", "E&xport deck to CSV...", menus.export_deck, "Ctrl+Shift+X")
    )
    window.menuBar().insertMenu(before.menuAction(), deck_menu)

    bar.install_shortcuts(window)
    return menus
