"""ReportLab's Paragraph, parsed once per text and style and laid out once per width.

Issue 20's profile of a 10-group handout: most of the time goes into paragraphs, their
markup parsed and their lines broken one paragraph at a time. Every group lists the
same deck's card titles and texts, so the same markup in the same style is parsed once
per handout (clear_parsed() at the start of each); and a paragraph in a KeepTogether, a
table cell or a check that a row fits is wrapped two or three times at the same width
before it is drawn, so the second wrap at a width returns the first one's size (the
lines depend on the width only). The lines are shared too: every group's listing has
the deck's card titles and texts again at the same width, so each is broken into lines
once per handout (ReportLab's drawing and splitting only read them)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import _FUZZ

# (markup, id of the style) -> (the style, the style the markup gives, fragments, text)
_parsed: dict[tuple[str, int], tuple[ParagraphStyle, Any, Any, str]] = {}
# (markup, id of the style, width) -> (the lines, their height)
_broken: dict[tuple[str, int, float], tuple[Any, float]] = {}


def clear_parsed() -> None:
    _parsed.clear()
    _broken.clear()


class Paragraph(_Paragraph):
    style: ParagraphStyle
    frags: Any
    text: str
    _wrapped: tuple[float, object, tuple[float, float]] | None = None
    _key: tuple[str, int] | None = None  # markup and style, when parsed from them alone

    def __init__(self, text: str, style: ParagraphStyle, **kwargs: Any) -> None:
        if kwargs or not isinstance(text, str) or getattr(style, "bulletText", None):
            super().__init__(text, style, **kwargs)
            return
        key = self._key = (text, id(style))
        hit = _parsed.get(key)
        if hit is None or hit[0] is not style:
            super().__init__(text, style)
            _parsed[key] = (style, self.style, self.frags, text)
            return
        # What _Paragraph._setup sets, from the first parse of the same markup.
        self.caseSensitive = 1
        self.encoding = "utf8"
        _, parsed_style, frags, _ = hit
        self.text = text
        self.frags = frags
        self.style = parsed_style
        self.bulletText = None
        self.debug = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        wrapped = self._wrapped
        lines = getattr(self, "blPara", None)
        if wrapped is not None and wrapped[0] == availWidth and wrapped[1] is lines:
            self.width, self.height = availWidth, wrapped[2][1]
            return wrapped[2]
        shared = (*self._key, availWidth) if self._key is not None else None
        broken = _broken.get(shared) if shared is not None else None
        if broken is not None:
            style = self.style
            self.width = availWidth
            self._wrapWidths = [
                availWidth - (style.leftIndent + style.firstLineIndent) - style.rightIndent,
                availWidth - style.leftIndent - style.rightIndent,
            ]
            self.blPara, self.height = broken
            size = (availWidth, self.height)
        else:
            size = super().wrap(availWidth, availHeight)
            if shared is not None and availWidth >= _FUZZ:
                _broken[shared] = (self.blPara, size[1])
        self._wrapped = (availWidth, getattr(self, "blPara", None), size)
        return size
