"""The "Card kinds" key of the cover, kept off a page of its own.

When the key does not fit below the rest of the cover (large print, a booklet's
longer cover), it is not printed there but below the heading of the first group's
cards and notes, where the markers are first read. Without this the key spilled onto
a page that held nothing else."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.doctemplate import FrameActionFlowable


class CoverKey(FrameActionFlowable):
    """Puts parts (the heading and the key) in the story when they fit in the room left
    on the page; otherwise leaves them to its DeferredKey. Decided where the frame
    stands, before anything is laid out, so the key never starts a page."""

    def __init__(self, parts: list[Flowable]) -> None:
        self.parts = parts
        self.shown = True

    def frameAction(self, frame: Any) -> None:  # noqa: N802 (ReportLab's name)
        width = frame._getAvailableWidth()
        room = frame._y - frame._y1p
        needed = sum(
            p.wrap(width, frame._aH)[1] + p.getSpaceBefore() + p.getSpaceAfter() for p in self.parts
        )
        self.shown = needed <= room
        if self.shown:
            frame.add_generated_content(KeepTogether(self.parts))


class DeferredKey(FrameActionFlowable):
    """The key again, put in the story only when its CoverKey did not fit on the cover."""

    def __init__(self, cover: CoverKey, parts: list[Flowable]) -> None:
        self.cover = cover
        self.parts = parts

    def frameAction(self, frame: Any) -> None:  # noqa: N802 (ReportLab's name)
        if not self.cover.shown:
            frame.add_generated_content(KeepTogether(self.parts))
