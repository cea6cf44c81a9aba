"""The action table (ui/actions/action_table.py) is what the window shows: one QAction
per row, in its menu (and in its second menu), no shortcut twice, and the README's
`Menu > Entry` (Shortcut) mentions agree with it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence

from coprod_desktop.ui.actions.action_table import ACTIONS, MENUS
from coprod_desktop.ui.actions.menus import key_sequences

README = Path(__file__).resolve().parents[1] / "README.md"


def plain(text: str) -> str:
    return text.replace("&", "")


def menu_actions(window) -> dict[str, list]:
    bar = window.menuBar().actions()
    assert [plain(a.text()) for a in bar] == [plain(m.title) for m in MENUS]
    return {spec.key: bar[i].menu().actions() for i, spec in enumerate(MENUS)}


def test_every_row_is_one_action_in_its_menus(window) -> None:
    menus = menu_actions(window)
    assert list(window.named_actions) == [entry.name for entry in ACTIONS]
    for entry in ACTIONS:
        act = window.named_actions[entry.name]
        assert plain(act.text()) == plain(entry.text) or entry.created_by
        for key in (entry.menu, entry.also_in):
            if key:
                assert menus[key].count(act) == 1, (entry.name, key)
        others = {m.key for m in MENUS} - {entry.menu, entry.also_in}
        assert all(act not in menus[key] for key in others), entry.name
        assert act.shortcuts() == key_sequences(entry)
        assert act in window.actions()  # works while presenting, with the menu bar hidden
    # Nothing in a menu that is not a row, but File > Open Recent and separators.
    listed = set(window.named_actions.values())
    for key, entries in menus.items():
        extra = [a for a in entries if a not in listed and not a.isSeparator()]
        if key == "file":
            assert [a.menu() for a in extra] == [window.prepare_menus.recent_menu]
        else:
            assert extra == []


def test_a_row_runs_its_handler_with_its_args(window) -> None:
    first, second = (card.id for card in window.document.session.deck.cards[:2])
    window.document.place(first, "ladder-coercion")
    window.document.place(second, "ladder-informing")
    window.scene.select_card(first)
    window.named_actions["next_card"].trigger()  # scene.select_neighbour(1)
    assert window.scene.selected_card_id() == second
    window.named_actions["previous_card"].trigger()  # scene.select_neighbour(-1)
    assert window.scene.selected_card_id() == first
    window.named_actions["unplace"].trigger()
    assert window.document.current_group.places(first) == []
    window.named_actions["undo"].trigger()  # made by the undo stack, not connected twice
    assert window.document.current_group.places(first) != []
    window.named_actions["redo"].trigger()
    assert window.document.current_group.places(first) == []


def test_no_shortcut_is_used_twice(window) -> None:
    seen: dict[str, str] = {}
    for entry in ACTIONS:
        for key in key_sequences(entry):
            text = key.toString()
            assert text and text not in seen, f"{text}: {seen.get(text)} and {entry.name}"
            seen[text] = entry.name
    assert "1" not in seen  # keys 1-9 switch group


def test_every_row_has_a_role_and_a_unique_name() -> None:
    names = [entry.name for entry in ACTIONS]
    assert len(names) == len(set(names))
    assert {entry.role for entry in ACTIONS} == {"participant", "facilitator"}
    roles = {entry.name: entry.role for entry in ACTIONS}
    for name in ("unplace", "move_to", "details", "undo", "redo", "list_view", "zoom_region"):
        assert roles[name] == "participant", name
    for name in ("edit_deck", "remove_group", "rename_group", "new", "open", "export", "quit"):
        assert roles[name] == "facilitator", name


def test_the_readme_names_the_tables_shortcuts(window) -> None:
    """`File > Export handout...` (Ctrl+E): the entry's first shortcut is the one named."""
    titles = {plain(m.title): m.key for m in MENUS}
    mentions = re.findall(r"`(\w+) > ([^`]+)` \(([^,;)]+)", README.read_text(encoding="utf-8"))
    checked = 0
    for menu_title, entry_text, shortcut in mentions:
        if menu_title not in titles or not re.fullmatch(r"(Ctrl\+|Shift\+)*\w+", shortcut):
            continue
        in_menu = [e for e in ACTIONS if e.menu == titles[menu_title]]
        wanted = entry_text.rstrip(".")
        rows = [e for e in in_menu if plain(e.text).rstrip(".") == wanted] or [
            e for e in in_menu if plain(e.text).startswith(wanted)
        ]
        assert len(rows) == 1, (menu_title, entry_text)
        keys = [k.toString() for k in key_sequences(rows[0])]
        assert QKeySequence(shortcut).toString() in keys, (menu_title, entry_text, shortcut)
        checked += 1
    assert checked >= 6  # the README does name them: the pattern still finds them
