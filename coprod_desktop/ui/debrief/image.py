"""The debrief's board as an image for slides (File > Export board image... while the
debrief is showing): the scene as the room sees it, so the key is in it only once
revealed. PNG by painting the scene into an image; SVG by Qt's SVG generator, with the
card's title as the drawing's title."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene


def _height(scene: QGraphicsScene, width: int) -> int:
    rect = scene.sceneRect()
    return max(1, round(width * rect.height() / max(rect.width(), 1.0)))


def scene_png(scene: QGraphicsScene, width: int) -> bytes:
    image = QImage(width, _height(scene, width), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), scene.sceneRect())
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; it takes str
    return bytes(buffer.data().data())


def scene_svg(scene: QGraphicsScene, width: int, title: str, description: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    height = _height(scene, width)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, width, height), scene.sceneRect())
    painter.end()
    buffer.close()
    return bytes(data.data())
