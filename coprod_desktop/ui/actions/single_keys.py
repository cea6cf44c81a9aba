"""WCAG 2.1.4 (character key shortcuts): the user's choice of what the single-key
shortcuts (M, Z, D, Shift+D, 1-9; see is_single_key) do, from two exclusive Help menu
toggles: as written ("single", neither ticked), turned off ("off") or needing Ctrl+Alt
("modified"). Remembered in the settings (RecentFiles, under keys/single); the keys
themselves stay the action table's (menus.key_sequences, GROUP_KEYS)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from coprod_desktop.ui.accessibility import say
from coprod_desktop.ui.actions.action_table import ACTIONS, GROUP_KEYS
from coprod_desktop.ui.actions.menus import adapt, key_sequences

if TYPE_CHECKING:
    from coprod_desktop.ui.main_window import MainWindow

MODES: tuple[str, ...] = ("single", "off", "modified")
TOGGLES = {"off": "single_keys_off", "modified": "single_keys_modified"}


class SingleKeys:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.mode = "single"
        self._actions: dict[str, QAction] = {}

    def attach(self, named: dict[str, QAction]) -> None:
        self._actions = named
        self.apply()

    def restore(self) -> None:
        """The remembered choice (after the window's settings are set)."""
        stored = self.window.files.recent.single_key_mode()
        self.mode = stored if stored in MODES else "single"
        self.apply()

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown single-key mode {mode!r}")
        self.mode = mode
        self.window.files.recent.remember_single_key_mode(mode)
        self.apply()
        said = {
            "single": "Single-key shortcuts are on.",
            "off": "Single-key shortcuts are off: use the menus or the Ctrl shortcuts.",
            "modified": "Single-key shortcuts now need Ctrl+Alt (Ctrl+Alt+M: Move to).",
        }[mode]
        say(self.window, said, 6000)

    def toggle_off(self) -> None:
        self.set_mode("off" if self.mode != "off" else "single")

    def toggle_modified(self) -> None:
        self.set_mode("modified" if self.mode != "modified" else "single")

    def apply(self) -> None:
        named = self._actions
        for entry in ACTIONS:
            act = named.get(entry.name)
            if act is not None:
                act.setShortcuts(key_sequences(entry, self.mode))
        for mode, name in TOGGLES.items():
            if name in named:
                named[name].setChecked(self.mode == mode)
        keys = [adapt([QKeySequence(key)], self.mode) for key in GROUP_KEYS]
        self.window.group_bar.set_keys([k[0] if k else QKeySequence() for k in keys])
        self.window.list_view.single_keys = self.mode == "single"
