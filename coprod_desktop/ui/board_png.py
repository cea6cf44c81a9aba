"""The board image as PNG: the handout's SVG (handout/board_image.py) painted by Qt's
SVG renderer with the shipped fonts, on white, at the requested width. ReportLab's own
bitmap backend needs Cairo, which the app does not ship; Qt is already here.

Works without a display: board_png_headless() makes an offscreen QGuiApplication when
the process has none (the command line's `export --board-image OUT.png`)."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from coprod_desktop.domain.model import Group, Session
from coprod_desktop.files.builtin import font_path
from coprod_desktop.handout.board_image import board_svg, image_height
from coprod_desktop.ui.style.fonts import load_fonts


def board_png(session: Session, group: Group, width: int) -> bytes:
    """PNG bytes of the group's board, width pixels wide (needs a QGuiApplication)."""
    load_fonts()
    QFontDatabase.addApplicationFont(str(font_path("NotoEmoji-Regular.ttf")))
    renderer = QSvgRenderer(QByteArray(board_svg(session, group, width)))
    if not renderer.isValid():
        raise ValueError("the board drawing did not make a valid SVG")
    image = QImage(width, image_height(session, width), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; it takes str
    return bytes(buffer.data().data())


_app: QGuiApplication | None = None  # kept alive for the process: Qt wants one


def board_png_headless(session: Session, group: Group, width: int) -> bytes:
    """board_png, making an offscreen QGuiApplication first when there is none."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])
    return board_png(session, group, width)
