"""The board drawing is painted straight onto the page (handout/direct_drawing.py, issue
20), and what it paints is what ReportLab's renderer painted: the same shapes, in the
same order, with the same colours, and the same strings at the same places."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from coprod_desktop.domain.model import Session
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions, handout_bytes
from coprod_desktop.handout.board_drawing import board_drawing
from coprod_desktop.handout.direct_drawing import DirectDrawing, simple
from coprod_desktop.handout.fonts import REGULAR, register_fonts
from coprod_desktop.handout.styles import make_styles

BUILD = {"m", "l", "c", "v", "y", "re", "h"}
# Each paint operator with the state it depends on.
PAINT = {
    "n": (),
    "S": ("RG", "w", "d"),
    "s": ("RG", "w", "d"),
    "f": ("rg",),
    "f*": ("rg",),
    "B": ("rg", "RG", "w", "d"),
    "B*": ("rg", "RG", "w", "d"),
    "b": ("rg", "RG", "w", "d"),
    "b*": ("rg", "RG", "w", "d"),
}
STATE = {"rg", "RG", "w", "d", "Tf"}
Values = tuple[object, ...]


@pytest.fixture(scope="module")
def example() -> Session:
    return load_session(Path(__file__).parent.parent / "sessions/community-health-workshop.json")


def _page(drawing: Drawing) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(drawing.width + 40, drawing.height + 40), invariant=1)
    drawing.drawOn(canvas, 20, 20)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _values(operands: list[Any]) -> Values:
    out: list[object] = []
    for v in operands:
        if isinstance(v, list):
            out.append(tuple(round(float(x), 2) for x in v))
        elif isinstance(v, (int, float)):
            out.append(round(float(v), 2))
        else:
            out.append(str(v))
    return tuple(out)


Shown = tuple[Values, Values, Values, bytes]  # font, fill colour, where, the string


def _painted(pdf: bytes) -> tuple[list[tuple[str, Values]], list[Shown]]:
    """What a page paints, in order: each path operator with its operands and each paint
    operator with the graphics state it paints in (q and Q respected, redundant changes
    left out); and each string shown, with its font, colour, place and bytes."""
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    stream = ContentStream(page.get_contents(), reader)
    shapes: list[tuple[str, Values]] = []
    texts: list[Shown] = []
    state: dict[str, Values] = {}
    stack: list[dict[str, Values]] = []
    origin: Values = ()
    for operands, operator in stream.operations:
        op = operator.decode()
        if op == "q":
            stack.append(dict(state))
        elif op == "Q":
            state = stack.pop()
        elif op in STATE:
            state[op] = _values(operands)
        elif op in BUILD:
            shapes.append((op, _values(operands)))
        elif op in PAINT:
            shapes.append((op, tuple(state.get(key, ()) for key in PAINT[op])))
        elif op == "Tm":
            origin = _values(operands)
        elif op == "Tj":
            shown = operands[0]
            raw = shown.original_bytes if hasattr(shown, "original_bytes") else bytes(shown)
            texts.append((state.get("Tf", ()), state.get("rg", ()), origin, raw))
            shapes.append(("Tj", ()))  # where among the shapes: what covers what
    return shapes, texts


def _through_renderpdf(drawing: Drawing) -> Drawing:
    plain = Drawing(drawing.width, drawing.height, initialFontName=REGULAR, initialFontSize=8)
    plain.contents = drawing.contents
    return plain


def test_a_board_is_painted_directly(example: Session) -> None:
    register_fonts()
    styles = make_styles(HandoutOptions())
    for group in example.groups:
        drawing = board_drawing(example, group, 760, 480, styles)
        assert isinstance(drawing, DirectDrawing)
        assert simple(drawing), group.name


def test_a_handout_never_sends_a_board_through_renderpdf(
    example: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[Drawing] = []
    real = renderPDF.draw

    def counting(drawing: Drawing, *args: Any, **kwargs: Any) -> None:
        drawn.append(drawing)
        real(drawing, *args, **kwargs)

    monkeypatch.setattr(renderPDF, "draw", counting)
    handout_bytes(example, HandoutOptions(invariant=True))
    big = [d for d in drawn if d.height > 200]
    assert big == []


def test_the_direct_painter_paints_what_renderpdf_painted(example: Session) -> None:
    register_fonts()
    styles = make_styles(HandoutOptions())
    for group in example.groups:
        drawing = board_drawing(example, group, 760, 480, styles)
        direct = _painted(_page(drawing))
        plain = _painted(_page(_through_renderpdf(drawing)))
        assert direct[0] == plain[0], group.name  # shapes, colours, widths, dashes, order
        assert direct[1] == plain[1], group.name  # every string, where it was
        assert len(direct[1]) > 50


def test_anchors_dashes_and_missing_fills() -> None:
    register_fonts()
    drawing = DirectDrawing(200, 100, initialFontName=REGULAR, initialFontSize=8)
    group = Group()
    group.add(Rect(5, 5, 50, 20, fillColor=None, strokeColor=colors.red, strokeWidth=2))
    group.add(Rect(60, 5, 50, 20, fillColor=colors.blue, strokeColor=None))
    group.add(Rect(120, 5, 50, 20, rx=2, ry=2, fillColor=colors.white, strokeDashArray=[2, 1]))
    drawing.add(group)
    for anchor, x in (("start", 10), ("middle", 100), ("end", 190)):
        drawing.add(
            String(x, 50, f"{anchor} text", fontName=REGULAR, fontSize=9, textAnchor=anchor)
        )
    drawing.add(String(10, 80, "not drawn", fontName=REGULAR, fillColor=None))
    assert simple(drawing)
    assert _painted(_page(drawing)) == _painted(_page(_through_renderpdf(drawing)))


def test_what_it_cannot_paint_goes_through_renderpdf(monkeypatch: pytest.MonkeyPatch) -> None:
    register_fonts()
    drawing = DirectDrawing(100, 100, initialFontName=REGULAR, initialFontSize=8)
    drawing.add(Line(0, 0, 100, 100))
    rotated = Group(Rect(10, 10, 20, 20))
    rotated.rotate(30)
    assert not simple(drawing)
    assert not simple(rotated)
    calls: list[Drawing] = []
    real = renderPDF.draw
    monkeypatch.setattr(renderPDF, "draw", lambda d, *a, **k: (calls.append(d), real(d, *a, **k)))
    _page(drawing)
    assert calls == [drawing]
