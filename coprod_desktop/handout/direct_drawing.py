"""A Drawing painted straight onto the page's canvas.

Issue 20's profile of a 10-group handout: ReportLab's renderer spent more time on the
ten board drawings than on anything else, most of it in its generic per-shape state
machinery (a saved and restored graphics state, a state delta and a tracker push for
every rectangle, string and group), and canvas.drawString makes a text object and
measures the string again for each of the 2,500 strings. A board is only rectangles
and strings in groups without transforms, so this draws each rectangle with the canvas
call renderPDF makes in the end (rect, roundRect) and the strings between two
rectangles in one text object, setting a colour, line width, dash or font only when it
changes. Anything else in a drawing (a transform, a path, opacity, a
non-default line cap) sends the whole drawing through renderPDF as before; the
drawing stays a Drawing, so board images (PNG, SVG) render it as they always did.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

IDENTITY = (1, 0, 0, 1, 0, 0)
# What a rect may carry besides what _Painter sets: ReportLab's defaults (renderPDF
# ignores a shape's miter limit).
_RECT_DEFAULTS = {
    "strokeLineCap": 0,
    "strokeLineJoin": 0,
    "strokeOpacity": None,
    "fillOpacity": None,
    "fillOverprint": False,
    "strokeOverprint": False,
    "overprintMask": 0,
}
_STRING_ANCHORS = ("start", "middle", "end")


class DirectDrawing(Drawing):
    """A Drawing that paints its groups, rectangles and strings directly (see above)."""

    def draw(self, showBoundary: Any = None) -> None:  # noqa: N803 (ReportLab's name)
        if not self.renderScale == 1.0 or not simple(self):
            super().draw()
            return
        _Painter(self.canv).paint(self)


def simple(node: Any) -> bool:
    """Whether node holds only what _Painter draws exactly as renderPDF would."""
    if isinstance(node, Group):
        return tuple(node.transform) == IDENTITY and all(simple(c) for c in node.contents)
    if isinstance(node, Rect):
        return all(getattr(node, k, v) == v for k, v in _RECT_DEFAULTS.items())
    if isinstance(node, String):
        return (
            getattr(node, "textRenderMode", 0) == 0
            and node.textAnchor in _STRING_ANCHORS
            and getattr(node, "fillOpacity", None) is None
        )
    return False


class _Painter:
    """The canvas's state as last set, so each change is written once."""

    def __init__(self, canvas: Any) -> None:
        self.canvas = canvas
        self.fill: Color | None = None
        self.stroke: Color | None = None
        self.width: float | None = None
        self.dash: Any = ()  # () = not set yet; None = solid
        self.text: Any = None  # the open text object, if any
        self.font: tuple[str, float] | None = None  # the open text object's font

    def paint(self, drawing: Drawing) -> None:
        self.canvas.saveState()
        self._group(drawing)
        self._close_text()
        self.canvas.restoreState()

    def _close_text(self) -> None:
        if self.text is not None:
            self.canvas.drawText(self.text)
            self.text = None

    def _group(self, group: Group) -> None:
        for node in group.contents:
            if isinstance(node, Group):
                self._group(node)
            elif isinstance(node, Rect):
                self._rect(node)
            else:
                self._string(node)

    def _fill_colour(self, target: Any, colour: Color) -> None:
        """A fill colour set in a text object stays set after it, as on the canvas."""
        if colour != self.fill:
            target.setFillColor(colour)
            self.fill = colour

    def _rect(self, rect: Rect) -> None:
        self._close_text()  # a rectangle drawn after a string covers it, as before
        canvas = self.canvas
        fill = rect.fillColor is not None
        stroke = rect.strokeColor is not None
        if fill:
            self._fill_colour(canvas, rect.fillColor)
        if stroke:
            if rect.strokeColor != self.stroke:
                canvas.setStrokeColor(rect.strokeColor)
                self.stroke = rect.strokeColor
            if rect.strokeWidth != self.width:
                canvas.setLineWidth(rect.strokeWidth)
                self.width = rect.strokeWidth
            dash = rect.strokeDashArray or None
            if dash != self.dash:
                if dash is None:
                    canvas.setDash()
                else:
                    canvas.setDash(dash, 0)
                self.dash = dash
        if not (fill or stroke):
            return
        if rect.rx == rect.ry == 0:
            canvas.rect(rect.x, rect.y, rect.width, rect.height, stroke=int(stroke), fill=int(fill))
        else:  # as renderPDF: one radius, rx
            canvas.roundRect(
                rect.x, rect.y, rect.width, rect.height, rect.rx, stroke=int(stroke), fill=int(fill)
            )

    def _string(self, string: String) -> None:
        if string.fillColor is None:
            return  # renderPDF draws no text without a fill
        text = self.text
        if text is None:
            text = self.text = self.canvas.beginText()
            self.font = None
        font = (string.fontName, string.fontSize)
        if font != self.font:
            text.setFont(*font)
            self.font = font
        self._fill_colour(text, string.fillColor)
        x = string.x
        if string.textAnchor != "start":
            width = stringWidth(string.text, string.fontName, string.fontSize, string.encoding)
            x -= width if string.textAnchor == "end" else width * 0.5
        text.setTextOrigin(x, string.y)
        text._textOut(string.text)
