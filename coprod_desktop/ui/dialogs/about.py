"""Help > About: the version, the licences, and where the work is kept (issue 19)."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from coprod_desktop import __version__
from coprod_desktop.files.builtin import font_path
from coprod_desktop.ui.actions.autosave import default_recovery_folder

QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://download.qt.io/official_releases/QtForPython/"


def about_text(session_path: Path | None, recovery_folder: Path) -> str:
    """Plain text (a path may hold '<'): shown as typed, never as markup."""
    session = str(session_path) if session_path is not None else "not saved yet"
    return "\n".join(
        [
            f"coprod-desktop {__version__}",
            "A card sort for co-production workshops, after the New Economics Foundation's "
            "“Co-production: theory and practice”.",
            "",
            f"This session's file: {session}",
            "Session files are saved where you choose (File > Save), one .json file each.",
            f"Recovery folder (autosaved work, offered again after a crash): {recovery_folder}",
            "",
            "Licences",
            "coprod-desktop: MIT licence.",
            "DejaVu fonts: the DejaVu (Bitstream Vera) font licence, "
            f"{font_path('DejaVu-LICENSE.txt')}.",
            "Noto Emoji (emoji in the handout): SIL Open Font License 1.1, "
            f"{font_path('NotoEmoji-LICENSE.txt')}.",
            f"Qt {qVersion()} and PySide6 {PySide6.__version__}: GNU LGPL version 3; source at "
            f"{QT_SOURCE} and {PYSIDE_SOURCE}.",
            "ReportLab (the handout): BSD licence. Pillow: MIT-CMU licence. Python: PSF licence.",
        ]
    )


def show_about(parent: QWidget, session_path: Path | None) -> None:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "About coprod-desktop", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text(session_path, default_recovery_folder()))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.exec()
