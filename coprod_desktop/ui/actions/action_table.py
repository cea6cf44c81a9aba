"""Every action of the main window, as data: its name (the key in
`MainWindow.named_actions`), menu text, shortcuts, menu, handler and role.

`ui/actions/menus.py` builds the QActions and the menus from this table; nothing
else creates a window action. To add one, add a row here and its handler.

- `handler` is an attribute path on the window, called with `args` and nothing
  else (not the `checked` flag of `triggered`).
- `created_by` instead names a factory on the window, `(parent, text) -> QAction`,
  that makes and wires the action itself: the undo stack's Undo and Redo, whose
  text and enabled state follow the stack.
- `shortcuts`: a string is a portable key sequence ("Ctrl+E"; Ctrl is Cmd on a
  Mac); a `QKeySequence.StandardKey` stands for all of the platform's keys for it.
  Repeats are dropped (Ctrl+Y is among some platforms' Redo keys already: twice on
  one action is an ambiguous shortcut, and Qt then does nothing at all).
- A menu lists its entries in table order; `separator_before` starts a section.
  `also_in` lists the same action in a second menu, at this row's place there.
- `tip` is the status-bar tip; in a menu that shows tooltips (the Deck menu) it is
  the tooltip too.
- `role`: who in the room may use it. "participant": what a table group does at
  the screen (place, move and return cards, notes, zoom, the list view, undo and
  redo of its own steps); "facilitator": setting up and running the session (deck,
  groups, files, exports, presenting, the timer's reset and length). Room mode
  (ui/actions/room_lock.py) locks every facilitator row by this field alone: the
  rule is domain/room.py's `allowed`, nowhere else.
- `checkable`: a toggle (its menu entry shows a tick).

Single-key shortcuts (a letter, digit or symbol with at most Shift: M, Z, D, Shift+D
and the group keys 1-9, `GROUP_KEYS`) follow the user's choice in Help (WCAG 2.1.4,
ui/actions/single_keys.py): as written, off, or with Ctrl+Alt added. Write them here
as the plain key; menus.adapt makes the other two forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

from coprod_desktop.domain.room import Role
from coprod_desktop.files.csv_format import format_hint

Shortcut = str | QKeySequence.StandardKey
Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class Menu:
    key: str
    title: str
    tooltips_visible: bool = False


@dataclass(frozen=True)
class ActionEntry:
    name: str
    text: str
    menu: str
    role: Role
    handler: str = ""
    args: tuple[int, ...] = ()
    created_by: str = ""
    shortcuts: tuple[Shortcut, ...] = ()
    tip: str = ""
    separator_before: bool = False
    also_in: str = ""
    checkable: bool = False


# The menu bar, left to right.
MENUS: tuple[Menu, ...] = (
    Menu("file", "&File"),
    Menu("edit", "&Edit"),
    Menu("group", "&Group"),
    Menu("card", "&Card"),
    Menu("view", "&View"),
    Menu("deck", "&Deck", tooltips_visible=True),  # the import entry's tip gives the CSV format
    Menu("help", "&Help"),
)

# Keys 1-9 switch to group 1-9 (ui/panels/group_bar.py); single keys, like M.
GROUP_KEYS: tuple[str, ...] = tuple(str(n) for n in range(1, 10))

P: Role = "participant"
F: Role = "facilitator"

ACTIONS: tuple[ActionEntry, ...] = (
    # --- File (File > Open Recent goes after Open, see menus.py) ---------------------------
    ActionEntry("new", "&New session", "file", F, "files.new", shortcuts=(Std.New,)),
    ActionEntry("open", "&Open...", "file", F, "files.open", shortcuts=(Std.Open,)),
    # Saving never loses anything, so a group may: it is the facilitator's Save As
    # (and a locked room's Save of an untitled or read-only session says so: room.save).
    ActionEntry(
        "save", "&Save", "file", P, "room.save", shortcuts=(Std.Save,), separator_before=True
    ),
    ActionEntry("save_as", "Save &As...", "file", F, "files.save_as", shortcuts=(Std.SaveAs,)),
    ActionEntry(
        "session_details",
        "Session &details...",
        "file",
        F,
        "prepare_menus.edit_session_details",
        shortcuts=("Ctrl+I",),
        tip="The session's title, date, place and facilitator",
        separator_before=True,  # before Export: the details are on the handout's cover
    ),
    ActionEntry(
        "export",
        "&Export handout...",
        "file",
        F,
        "files.export_handout",
        shortcuts=("Ctrl+E",),
        tip="Print the arrangement as a PDF handout",
    ),
    ActionEntry(
        "print_cards",
        "&Print cards...",
        "file",
        F,
        "file_exports.print_cards",
        shortcuts=("Ctrl+P",),
        tip="The cards to cut out, with a code each, and the board as a table mat (PDF)",
    ),
    ActionEntry(
        "export_placements",
        "Export &placements...",
        "file",
        F,
        "file_exports.export_placements",
        shortcuts=("Ctrl+Alt+E",),
        tip="Where every group put every card, as CSV for a spreadsheet or card-sort tool",
    ),
    ActionEntry(
        "export_board_image",
        "Export &board image...",
        "file",
        F,
        "file_exports.export_board_image",
        shortcuts=("Ctrl+Shift+B",),
        tip="The current group's board as a PNG for slides (or an SVG)",
    ),
    ActionEntry(
        "merge_sessions",
        "&Merge sessions...",
        "file",
        F,
        "file_exports.merge_sessions",
        shortcuts=("Ctrl+Shift+O",),
        tip="One session with the groups of several tables' files (one laptop each)",
        separator_before=True,
    ),
    ActionEntry("quit", "&Quit", "file", F, "close", shortcuts=("Ctrl+Q",), separator_before=True),
    # --- Edit ------------------------------------------------------------------------------
    ActionEntry(
        "undo",
        "&Undo",
        "edit",
        P,
        created_by="room.create_undo_action",
        shortcuts=(Std.Undo,),
    ),
    ActionEntry(
        "redo",
        "&Redo",
        "edit",
        P,
        created_by="room.create_redo_action",
        shortcuts=(Std.Redo, "Ctrl+Y"),
    ),
    # --- Card (Back to tray is in Edit too) ------------------------------------------------
    ActionEntry(
        "move_to",
        "&Move card to...",
        "card",
        P,
        "show_move_menu_for_selection",
        shortcuts=("M",),
        tip="Choose a region for the selected card",
    ),
    ActionEntry(
        "unplace",
        "Back to &tray",
        "edit",
        P,
        "return_selected_to_tray",
        shortcuts=("Del", "Backspace"),
        separator_before=True,
        also_in="card",
    ),
    ActionEntry(
        "next_card",
        "&Next card on the board",
        "card",
        P,
        "scene.select_neighbour",
        args=(1,),
        shortcuts=("Ctrl+Right",),
    ),
    ActionEntry(
        "previous_card",
        "&Previous card on the board",
        "card",
        P,
        "scene.select_neighbour",
        args=(-1,),
        shortcuts=("Ctrl+Left",),
    ),
    ActionEntry(
        "details",
        "Write a &note on the card",
        "card",
        P,
        "focus_note",
        shortcuts=("Ctrl+Return",),
    ),
    ActionEntry(
        "add_dot",
        "Put a &dot on the card",
        "card",
        P,
        "vote_on_selection",
        args=(1,),
        shortcuts=("D",),
        tip="Dot voting: one of the group's dots on the selected card",
        separator_before=True,
    ),
    ActionEntry(
        "remove_dot",
        "Take a dot &off the card",
        "card",
        P,
        "vote_on_selection",
        args=(-1,),
        shortcuts=("Shift+D",),
    ),
    # --- Group -----------------------------------------------------------------------------
    ActionEntry(
        "add_group", "&Add group", "group", F, "group_bar.add_group", shortcuts=("Ctrl+G",)
    ),
    ActionEntry(
        "rename_group",
        "&Rename group...",
        "group",
        F,
        "group_bar.rename_current",
        shortcuts=("F2",),
    ),
    ActionEntry(
        "recolour_group",
        "&Colour...",
        "group",
        F,
        "prepare_menus.recolour",
        shortcuts=("Ctrl+Shift+C",),
    ),
    ActionEntry(
        "copy_arrangement",
        "Copy arrangement &from...",
        "group",
        F,
        "prepare_menus.copy_arrangement",
        shortcuts=("Ctrl+Shift+A",),
        tip="Start this group's board from another group's",
    ),
    ActionEntry(
        "paper_sort",
        "&Type in a paper sort...",
        "group",
        F,
        "show_paper_sort",
        shortcuts=("Ctrl+Shift+K",),
        tip="Place a table's paper cards by the codes printed on them (print-cards)",
    ),
    ActionEntry(
        "remove_group",
        "Re&move group...",
        "group",
        F,
        "prepare_menus.remove_group",
        shortcuts=("Ctrl+Shift+Del",),
    ),
    ActionEntry(
        "manage_groups",
        "&Manage groups...",
        "group",
        F,
        "group_bar.show_manager",
        shortcuts=("Ctrl+Shift+M",),
    ),
    # A group's own cards are its writing, like its notes.
    ActionEntry(
        "add_own_card",
        "Add our &own card...",
        "group",
        P,
        "group_bar.add_own_card",
        shortcuts=("Ctrl+Shift+N",),
        tip="A card of this group's own",
        separator_before=True,
    ),
    ActionEntry(
        "edit_own_card",
        "&Edit our own card...",
        "group",
        P,
        "prepare_menus.edit_own_card",
        shortcuts=("Ctrl+Shift+E",),
    ),
    ActionEntry(
        "delete_own_card",
        "&Delete our own card",
        "group",
        P,
        "prepare_menus.delete_own_card",
        shortcuts=("Ctrl+Shift+D",),
    ),
    # --- View ------------------------------------------------------------------------------
    ActionEntry(
        "present",
        "&Present",
        "view",
        F,
        "toggle_presentation",
        shortcuts=("F11",),
        tip="Full screen for the room (Esc leaves); turns room mode on",
    ),
    # The presenter view (issue 15): the board on the projector, the controls here.
    ActionEntry(
        "presenter",
        "Presenter view on a &second screen",
        "view",
        F,
        "presenter.toggle",
        shortcuts=("Ctrl+Alt+P",),
        tip="The board full screen on the projector, read-only; this window keeps the controls",
        checkable=True,
    ),
    ActionEntry(
        "projector_screen",
        "Choose the projector's scree&n...",
        "view",
        F,
        "presenter.choose_screen",
        shortcuts=("Ctrl+Alt+S",),
        tip="Which screen is the projector (remembered)",
    ),
    ActionEntry(
        "projector_board",
        "Projector: the &group's board",
        "view",
        P,
        "presenter.show_board",
        shortcuts=("F5",),
        tip="The projector shows what this window shows: the board, its zoom, the debrief",
        checkable=True,
    ),
    ActionEntry(
        "projector_region",
        "Projector: the selected card's r&egion",
        "view",
        P,
        "presenter.show_region",
        shortcuts=("F6",),
        tip="The projector zooms to one region and stays there",
        checkable=True,
    ),
    ActionEntry(
        "projector_card",
        "Projector: the selected card, b&ig",
        "view",
        P,
        "presenter.show_card",
        shortcuts=("F7",),
        tip="One card big on the projector; it follows the card selected here",
        checkable=True,
    ),
    ActionEntry(
        "projector_blank",
        "Projector: blan&k, eyes on the room",
        "view",
        P,
        "presenter.toggle_blank",
        shortcuts=("B",),
        tip="A black projector; B again brings back what it showed",
        checkable=True,
    ),
    ActionEntry(
        "debrief",
        "&Debrief: compare the groups",
        "view",
        F,
        "toggle_debrief",
        shortcuts=("Ctrl+B",),
        tip="Every group's places of each card, the contested cards and the figures; the key "
        "stays hidden until revealed",
        checkable=True,
    ),
    ActionEntry(
        "private_boards",
        "Private &boards until the debrief",
        "view",
        F,
        "toggle_private_boards",
        shortcuts=("Ctrl+Shift+H",),
        tip="Cover a group's board when another group's tab is chosen, until it is shown",
        checkable=True,
    ),
    ActionEntry(
        "close_round",
        "&Close the round...",
        "view",
        F,
        "close_round",
        shortcuts=("Ctrl+Shift+R",),
        tip="Keep every group's places as they are now; the debrief shows what moves after",
    ),
    ActionEntry(
        "dot_voting",
        "Dot &voting...",
        "view",
        F,
        "choose_dots",
        shortcuts=("Ctrl+Shift+V",),
        tip="How many dots each group may put on cards (0: no voting)",
    ),
    ActionEntry(
        "room_mode",
        "&Room mode (lock the facilitator's controls)",
        "view",
        F,
        "room.toggle_room_mode",
        shortcuts=("Ctrl+Shift+L",),
        tip="Groups at the screen can place cards, write notes and undo their own steps only",
        checkable=True,
    ),
    # The facilitator's gesture (also: press and hold the room mode badge); the code
    # typed into the small field that appears is what unlocks.
    ActionEntry(
        "unlock",
        "&Unlock room mode...",
        "view",
        P,
        "room_bar.ask_code",
        shortcuts=("Ctrl+Alt+U",),
        tip="Type the facilitator's room code to unlock for a few minutes",
    ),
    ActionEntry(
        "room_code",
        "Room &code...",
        "view",
        F,
        "room_bar.change_code",
        shortcuts=("Ctrl+Alt+K",),
        tip="The code that unlocks room mode on this computer",
    ),
    ActionEntry(
        "list_view",
        "&List view (for screen readers)",
        "view",
        P,
        "toggle_list_view",
        shortcuts=("Ctrl+L",),
        tip="Show the arrangement as a list instead of the board",
    ),
    ActionEntry(
        "zoom_region",
        "&Zoom to the selected card's region",
        "view",
        P,
        "zoom_to_selection",
        shortcuts=("Z",),
    ),
    ActionEntry(
        "zoom_all",
        "Show the &whole board",
        "view",
        P,
        "board_view.show_whole_board",
        shortcuts=("Ctrl+0",),
    ),
    # A group may start and pause its own turn; resetting takes back the facilitator's time.
    ActionEntry(
        "timer_start",
        "Start or pause the &timer",
        "view",
        P,
        "timer.toggle",
        shortcuts=("Ctrl+T",),
        separator_before=True,
    ),
    ActionEntry(
        "timer_reset", "&Reset the timer", "view", F, "timer.reset", shortcuts=("Ctrl+Shift+T",)
    ),
    # --- Deck ------------------------------------------------------------------------------
    ActionEntry(
        "edit_deck",
        "&Edit deck...",
        "deck",
        F,
        "prepare_menus.show_deck_editor",
        shortcuts=("Ctrl+D",),
        tip="Add, edit, remove and reorder this session's cards",
    ),
    ActionEntry(
        "import_cards",
        "&Import cards from CSV...",
        "deck",
        F,
        "prepare_menus.import_cards",
        shortcuts=("Ctrl+Shift+I",),
        tip=format_hint(),
    ),
    ActionEntry(
        "export_deck",
        "E&xport deck to CSV...",
        "deck",
        F,
        "prepare_menus.export_deck",
        shortcuts=("Ctrl+Shift+X",),
    ),
    # --- Help ------------------------------------------------------------------------------
    ActionEntry(
        "prompts",
        "&Facilitator's prompts...",
        "help",
        F,
        "_prompts",
        shortcuts=("Ctrl+Shift+P",),
        tip="Questions per cell, rung and place that help a group decide (not the key)",
    ),
    # WCAG 2.1.4: single-key shortcuts can be turned off or need a modifier; remembered.
    # Exclusive, and neither ticked means the single keys work as written.
    ActionEntry(
        "single_keys_off",
        "Single-key shortcuts o&ff (M, Z, D, 1-9)",
        "help",
        P,
        "single_keys.toggle_off",
        shortcuts=("Ctrl+Alt+O",),
        tip="Keys without Ctrl or Alt do nothing; the menus still do everything",
        checkable=True,
        separator_before=True,
    ),
    ActionEntry(
        "single_keys_modified",
        "Single-key shortcuts need Ctrl+&Alt (Ctrl+Alt+M, ...)",
        "help",
        P,
        "single_keys.toggle_modified",
        shortcuts=("Ctrl+Alt+A",),
        tip="M becomes Ctrl+Alt+M, Z Ctrl+Alt+Z, 2 Ctrl+Alt+2, and so on",
        checkable=True,
    ),
    ActionEntry("about", "&About coprod-desktop", "help", P, "_about", separator_before=True),
)
