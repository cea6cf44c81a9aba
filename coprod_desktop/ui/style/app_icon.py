"""The application icon: the PNG sizes rendered from resources/packaging/icons (issue 19).

PNG, not the SVG, so the window icon needs no image-format plugin (the bundle leaves
them out). Found through resources_dir(), so the same code works from a clone, an
installed wheel (coprod_desktop/resources) and the one-folder bundle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from coprod_desktop.files.builtin import resources_dir

ICON_NAME = "coprod-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_paths() -> dict[int, Path]:
    hicolor = resources_dir() / "packaging" / "icons" / "hicolor"
    return {size: hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png" for size in ICON_SIZES}


def app_icon() -> QIcon:
    """Every size that is there (a missing file is left out, never an error)."""
    icon = QIcon()
    for size, path in icon_paths().items():
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
