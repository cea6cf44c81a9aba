"""Focus you can see (issue 16, WCAG 2.4.7 / 2.4.11): a ring of WIDTH px in theme.FOCUS
(>= 14:1 on white and on the board) on every button, and on the scroll areas and fields
that take the focus (the tray, the details area, the note field), and the placeholder
colour of every field (theme.PLACEHOLDER, AA). `install` puts the style and palette on
the application once; the widgets' style sheets come from `field_style`."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from coprod_desktop.ui.style import theme

WIDTH = 3  # px


def paint_ring(painter: QPainter, rect: QRectF) -> None:
    """The focus ring just inside rect."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(QColor(theme.FOCUS), WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(QColor(0, 0, 0, 0))
    half = WIDTH / 2
    painter.drawRect(rect.adjusted(half, half, -half, -half))
    painter.restore()


class FocusStyle(QProxyStyle):
    """The application's style with a WIDTH px focus ring on buttons (Fusion draws a
    1 px tinted outline)."""

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_PushButton and _focused(option):
            paint_ring(painter, QRectF(option.rect))

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ToolButton and _focused(option):
            paint_ring(painter, QRectF(option.rect))


def _focused(option: QStyleOption) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus)


_installed: list[FocusStyle] = []  # a reference, so Python does not drop the style


def install() -> None:
    """The focus style and the placeholder colour on the application (once)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if not isinstance(app.style(), FocusStyle):
        style = FocusStyle(app.style().name())
        _installed[:] = [style]
        app.setStyle(style)
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(theme.PLACEHOLDER))
    app.setPalette(palette)


def field_style(selector: str) -> str:
    """A 1 px border at 5.3:1 (a field's edge, WCAG 1.4.11), WIDTH px in the focus colour
    while it has the focus; the padding keeps the text where it was."""
    pad = WIDTH - 1
    return (
        f"{selector} {{ border: 1px solid {theme.REGION_EDGE}; padding: {pad}px;"
        f" placeholder-text-color: {theme.PLACEHOLDER}; }}"
        f"{selector}:focus {{ border: {WIDTH}px solid {theme.FOCUS}; padding: 0px; }}"
    )
