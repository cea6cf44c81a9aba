"""User text stays text in Qt widgets that would otherwise guess rich text.

QLabel, QMessageBox and tool tips treat a string that looks like HTML as HTML,
so a card called "<img src=/etc/passwd>" would render an image (reading the
file) and "<b>x</b>" would turn bold. Window titles treat "[*]" as the
modified marker. Menu items and buttons treat "&" as a keyboard-shortcut marker.
These helpers make any user string show exactly as typed.

Right-to-left text, and a right-to-left override (U+202E) above all, reorders what
follows it on the line: in a window title even the app's own name. isolate() wraps
user text in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE (U+2068, U+2069), so it
keeps its own direction and nothing outside it moves; title_text, menu_text and
quoted (for messages) isolate. Control characters show as their Control Pictures
(U+2400...): a NUL cut the window title short.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from coprod_desktop.files.message_text import shorten_message

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029\x85]+")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ␁ ... ␟
    return "\u2421" if code == 0x7F else "\ufffd"  # ␡; a C1 control: the replacement mark


def visible_controls(text: str) -> str:
    """Control characters (not tab or line breaks) as visible pictures: NUL is ␀."""
    return _CONTROLS.sub(_control_picture, text)


def isolate(text: str) -> str:
    """User text that keeps its own direction without moving what is around it."""
    return f"{FSI}{visible_controls(text)}{PDI}"


def one_line(text: str) -> str:
    """Line breaks and tabs as spaces: a title or menu item is one line."""
    return _LINE_BREAKS.sub(" ", text)


def quoted(text: str) -> str:
    """A name in a message: “name”, isolated."""
    return f"“{isolate(text)}”"


def plain_tooltip(text: str) -> str:
    """A tool tip that shows text literally: escaped HTML, whitespace and line breaks kept."""
    if not text:
        return ""
    return f'<p style="white-space: pre-wrap">{html.escape(text, quote=False)}</p>'


def title_text(text: str) -> str:
    """User text for a window title: isolated, one line, no NUL, and a literal "[*]" is
    not the modified marker."""
    return isolate(one_line(text)).replace("[*]", "[*][*]")


def menu_text(text: str) -> str:
    """User text for a menu item or button: isolated, one line, and "R&D" shows as typed,
    not as "RD". Only the user's part: menu_text(name), not menu_text(f"Move {name}")."""
    return isolate(one_line(text)).replace("&", "&&")


def plain_message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Critical,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box whose text is never read as HTML (file names and errors quote user text),
    with long quoted values cut short (a 1 MB value took the box 4.4 s to show)."""
    box = QMessageBox(icon, title, visible_controls(shorten_message(text)), buttons, parent)
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
