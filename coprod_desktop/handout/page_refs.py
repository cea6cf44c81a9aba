"""Page numbers that are known only once the pages are laid out: the cover lists each
group with the page its board starts on (issue 20, item 3).

The handout's canvas holds its pages back until the end (for "page N of M", see
document._canvas_class), so a reference is noted where it is drawn (page, place, target)
and a target where it lands; when the pages are written, each reference gets its number
and a link to its page. On a plain canvas (no such notes) nothing is drawn."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from coprod_desktop.handout.fonts import REGULAR
from coprod_desktop.handout.styles import MUTED, RULE
from coprod_desktop.handout.swatched import Swatched
from coprod_desktop.handout.text import draw_string

LONGEST = "board on page 999"  # the room kept for the number at the right


def ref_text(page: int) -> str:
    return f"board on page {page}"


@dataclass(frozen=True)
class Ref:
    target: str  # the target's key: a group's id
    x: float  # the right end of the text, in page coordinates
    y: float  # its baseline
    size: float
    height: float  # of the line, for the link's rectangle
    leader: float | None  # where a dotted leader to the number starts (one-line names)


class PageRef(Flowable):
    """A group's line (a Swatched) with, at the right, the page the target starts on."""

    def __init__(self, line: Swatched, target: str, size: float) -> None:
        super().__init__()
        self.line = line
        self.target = target
        self.size = size
        self.room = stringWidth(LONGEST, REGULAR, size) + size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        _, self.height = self.line.wrap(max(aw - self.room, 1.0), ah)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        """A name longer than a page: the number goes with its first line."""
        parts: list[Flowable] = self.line.split(max(aw - self.room, 1.0), ah)
        if len(parts) < 2 or not isinstance(parts[0], Swatched):
            return parts
        return [PageRef(parts[0], self.target, self.size), *parts[1:]]

    def draw(self) -> None:
        self.line.drawOn(self.canv, 0, 0)
        refs = getattr(self.canv, "_coprod_refs", None)
        if refs is None:
            return
        baseline = self.line.first_baseline()
        x, y = self.canv.absolutePosition(self.width, baseline)
        widths = self.line.paragraph.getActualLineWidths0()
        leader = None
        if len(widths) == 1:
            leader = self.canv.absolutePosition(
                self.line.indent + widths[0] + self.size * 0.6, baseline
            )[0]
        refs.append(Ref(self.target, x, y, self.size, self.size * 1.3, leader))


class PageTarget(Flowable):
    """Invisible: the page it lands on is where key starts."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        targets = getattr(self.canv, "_coprod_targets", None)
        if targets is not None:
            targets.append(self.key)


def destination(booklet: int, key: str) -> str:
    return f"coprod-target-{booklet}-{key}"


def draw_refs(canvas: Any, refs: list[Ref], pages: dict[str, int], booklet: int) -> None:
    """Each reference of a page whose target is in the same booklet, with a link."""
    for ref in refs:
        page = pages.get(ref.target)
        if page is None:
            continue
        canvas.saveState()
        canvas.setFillColor(MUTED)
        text = ref_text(page)
        draw_string(canvas, ref.x, ref.y, text, REGULAR, ref.size, "end")
        left = ref.x - stringWidth(text, REGULAR, ref.size)
        if ref.leader is not None and ref.leader < left - ref.size:
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.setDash(0.6, 2.4)
            canvas.line(ref.leader, ref.y + 1, left - ref.size * 0.4, ref.y + 1)
        canvas.restoreState()
        bottom = ref.y - ref.size * 0.3
        canvas.linkAbsolute(
            text,
            destination(booklet, ref.target),
            (left, bottom, ref.x, bottom + ref.height),
            thickness=0,
        )
