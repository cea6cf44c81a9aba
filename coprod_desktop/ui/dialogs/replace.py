"""Asking before a file is replaced when the app, not the file dialog, chose its name.

A file dialog asks before replacing the name the user typed; when the app then adds a
suffix ("workshop" -> "workshop.json"), the name written is one nobody was asked about.
Every such path goes through with_suffix_confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from coprod_desktop.ui.style.plain_text import isolate, quoted, show_plain_message


def with_suffix_confirmed(
    path: Path, suffix: str, confirm_replace: Callable[[Path], bool]
) -> Path | None:
    """path, with suffix added if it has none; None when the added suffix names an
    existing file the user chose not to replace."""
    if path.suffix != "":
        return path
    suffixed = path.with_name(path.name + suffix)
    if os_path_taken(suffixed) and not confirm_replace(suffixed):
        return None
    return suffixed


def os_path_taken(path: Path) -> bool:
    """Something is there, even a symbolic link to nowhere."""
    return path.exists() or path.is_symlink()


def ask_replace(parent: QWidget | None, path: Path) -> bool:
    answer = show_plain_message(
        parent,
        "Replace file?",
        f"{quoted(path.name)} already exists in\n{isolate(str(path.parent))}\n\nReplace it?",
        QMessageBox.Icon.Warning,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
