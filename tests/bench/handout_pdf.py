"""Figure 5: the handout of a 10-group session, against a bare ReportLab document with
the same number of pages and drawings (and as many shapes in each drawing).

The session is the example workshop with its groups repeated to 10 (real titles,
texts and notes). ReportLab is imported here only when measure() runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from coprod_desktop.files.builtin import font_path
from coprod_desktop.handout import HandoutOptions, handout_bytes
from tests.bench.config import BenchConfig, median_ms
from tests.bench.sessions import repeated_example
from tests.bench.table import Result, Row

NAME = "handout"
MAX_MS = 2000.0
MAX_RATIO = 1.5
BASE_FONT = "DejaVuSans"  # the handout's font, so both sides embed the same TTF
BIG_DRAWING = 200.0  # points: a board, not a colour swatch
FILLER = (
    "A card the group placed on the board, with the reasons the table gave for "
    "putting it there, and what they want to try next in their own service. "
) * 3


@dataclass(frozen=True)
class DrawingShape:
    width: float
    height: float
    rects: int  # every shape that is not text
    strings: int


@dataclass
class Recorded:
    """What a handout put on its pages, for a bare document to match."""

    drawings: list[DrawingShape] = field(default_factory=list)
    text_chars: int = 0  # characters of paragraph text

    @property
    def shapes(self) -> int:
        return sum(d.rects + d.strings for d in self.drawings)


def measure(config: BenchConfig) -> Result:
    session = repeated_example(config.session, config.handout_groups)
    options = HandoutOptions()
    cold_label = "handout, first export in the process (loads ReportLab, fonts)"
    if any(name.split(".")[0] == "reportlab" for name in sys.modules):
        cold_label = "handout, first export in the process (ReportLab already loaded)"
    start = time.perf_counter()
    with recording() as recorded:
        _, pages = handout_bytes(session, options)
    cold_ms = (time.perf_counter() - start) * 1000
    warm_ms = median_ms(lambda: handout_bytes(session, options), config.repeats, warmup=0)
    bare_pages = 0

    def bare() -> None:
        nonlocal bare_pages
        bare_pages = bare_document(pages, recorded)

    bare_ms = median_ms(bare, config.repeats)
    label = (
        f"handout, {config.handout_groups} groups ({pages} pages, "
        f"{len(recorded.drawings)} drawings)"
    )
    return Result(
        rows=[
            Row(label, warm_ms, "ms", baseline=bare_ms, max_value=MAX_MS, max_ratio=MAX_RATIO),
            Row(cold_label, cold_ms, "ms", max_value=MAX_MS),
        ],
        details=[
            f"handout: median of {config.repeats} builds after the first; baseline: a "
            f"bare ReportLab document of {bare_pages} pages with the same "
            f"{len(recorded.drawings)} drawings ({recorded.shapes} shapes) and "
            f"{recorded.text_chars} characters of plain paragraphs in the same DejaVu Sans"
        ],
    )


@contextmanager
def recording() -> Iterator[Recorded]:
    """Record every Drawing and the paragraph text drawn on a page while inside."""
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Paragraph

    recorded = Recorded()
    real_drawing, real_paragraph = Drawing.drawOn, Paragraph.drawOn

    def drawing_on(self: Any, *args: Any, **kwargs: Any) -> Any:
        rects, strings = _count(self)
        recorded.drawings.append(DrawingShape(self.width, self.height, rects, strings))
        return real_drawing(self, *args, **kwargs)

    def paragraph_on(self: Any, *args: Any, **kwargs: Any) -> Any:
        recorded.text_chars += len(self.getPlainText())
        return real_paragraph(self, *args, **kwargs)

    Drawing.drawOn, Paragraph.drawOn = drawing_on, paragraph_on
    try:
        yield recorded
    finally:
        Drawing.drawOn, Paragraph.drawOn = real_drawing, real_paragraph


def _count(node: Any) -> tuple[int, int]:
    from reportlab.graphics.shapes import String

    rects = strings = 0
    for child in getattr(node, "contents", []):
        if hasattr(child, "contents"):
            r, s = _count(child)
            rects, strings = rects + r, strings + s
        elif isinstance(child, String):
            strings += 1
        else:
            rects += 1
    return rects, strings


def bare_document(pages: int, recorded: Recorded) -> int:
    """A plain SimpleDocTemplate of as many pages: each big drawing on a page of its own,
    the small ones among the paragraphs, the text spread evenly. Returns its page count."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    if BASE_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(BASE_FONT, str(font_path("DejaVuSans.ttf"))))
    style = ParagraphStyle("body", fontName=BASE_FONT, fontSize=10, leading=13)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    big = [d for d in recorded.drawings if d.height > BIG_DRAWING]
    small = [d for d in recorded.drawings if d.height <= BIG_DRAWING]
    text_pages = max(1, pages - len(big))
    per_page = recorded.text_chars // text_pages
    story: list[Any] = []
    for shape in big:
        story += [_drawing(shape, doc.width, doc.height - 12), PageBreak()]
    for page in range(text_pages):
        story += [_drawing(d, doc.width, doc.height) for d in small[page::text_pages]]
        left = per_page
        while left > 0:
            chunk = FILLER[: min(left, len(FILLER))]
            story.append(Paragraph(chunk, style))
            left -= len(chunk)
        story.append(PageBreak())
    story.pop()  # no blank page at the end
    doc.build(story)
    return doc.page


def _drawing(shape: DrawingShape, max_width: float, max_height: float) -> Any:
    from reportlab.graphics.shapes import Drawing, Rect, String

    scale = min(1.0, max_width / shape.width, max_height / shape.height)
    w, h = shape.width * scale, shape.height * scale
    drawing = Drawing(w, h)
    for i in range(shape.rects):
        drawing.add(
            Rect((i * 37) % max(1.0, w - 30), (i * 23) % max(1.0, h - 20), min(30, w), min(20, h))
        )
    for i in range(shape.strings):
        drawing.add(
            String(
                (i * 41) % max(1.0, w - 60),
                (i * 17) % max(1.0, h - 8),
                "Card title",
                fontName=BASE_FONT,
                fontSize=6,
            )
        )
    return drawing
