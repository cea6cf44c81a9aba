"""User text stays text in Qt widgets that would otherwise guess rich text.

QLabel, QMessageBox and tool tips treat a string that looks like HTML as HTML,
so a card called "<img src=/etc/passwd>" would render an image (reading the
file) and "<b>x</b>" would turn bold. Window titles treat "[*]" as the
modified marker. Menu items and buttons treat "&" as a keyboard-shortcut marker.
These helpers make any user string show exactly as typed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def plain_tooltip(text: str) -> str:
    """A tool tip that shows text literally: escaped HTML, whitespace and line breaks kept."""
    if not text:
        return ""
    return f'<p style="white-space: pre-wrap">{html.escape(text, quote=False)}</p>'


def title_text(text: str) -> str:
    """User text for a window title: a literal "[*]" is not the modified marker."""
    return text.replace("[*]", "[*][*]")


def menu_text(text: str) -> str:
    """User text for a menu item or button: "R&D" shows as typed, not as "RD"."""
    return text.replace("&", "&&")


def plain_message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Critical,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box whose text is never read as HTML (file names and errors quote user text)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return box


def show_plain_message(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Critical,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox.StandardButton:
    """Show the box modally and return the button pressed."""
    box = plain_message_box(parent, title, text, icon, buttons, default)
    return QMessageBox.StandardButton(box.exec())
