"""Text helpers: safe Paragraph markup from user text, dates, and fitting text into boxes.

Paragraph parses mini-markup, so anything a user typed goes through para()
first. Strings drawn directly (drawing String, canvas.drawString, plain Table
cells) are not parsed and must not be escaped: use clean() for those.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

ELLIPSIS = "…"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Where a line may break: ordinary white space, but not a no-break space (U+00A0),
# which binds a card's kind marker to the first word of its title.
_BREAKS = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")


def _words(text: str) -> list[str]:
    return [w for w in _BREAKS.split(text) if w]
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)


def clean(text: str) -> str:
    """Drop control characters (they have no glyph); keep newlines and tabs."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """Collapse all whitespace, for headers and board boxes."""
    return " ".join(_words(clean(text)))


def para(text: str) -> str:
    """User text as Paragraph markup that prints exactly as typed.

    Escapes &, < and >; keeps line breaks; keeps runs of spaces (Paragraph would
    collapse them) by alternating spaces with no-break spaces.
    """
    lines = escape(clean(text).replace("\t", "    ")).split("\n")
    return "<br/>".join(re.sub(r"  +", lambda m: " \u00a0" * (len(m.group()) // 2)
                                   + " " * (len(m.group()) % 2), line) for line in lines)


def format_date(created: str) -> str:
    """'2024-05-01T14:03:00+01:00' -> '1 May 2024'; anything unparsable is shown as is."""
    try:
        when = datetime.fromisoformat(created.strip())
    except ValueError:
        return one_line(created)
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"


@dataclass(frozen=True, slots=True)
class FittedText:
    size: float  # font size in points
    leading: float  # distance between baselines
    lines: tuple[str, ...]  # empty when not even one line fits
    truncated: bool  # an ellipsis stands for text that did not fit

    @property
    def height(self) -> float:
        return self.size + (len(self.lines) - 1) * self.leading if self.lines else 0.0


def fit_text(
    text: str,
    font: str,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    leading_ratio: float = 1.15,
    step: float = 0.25,
) -> FittedText:
    """Wrap text into width x height: shrink from max_size to min_size, then ellipsize.

    The result never overflows the box: lines are at most width wide and the
    block (first line's size plus leading per further line) at most height tall.
    """
    words = one_line(text)
    size = max_size
    while True:
        # Shrink before breaking a word; only at the smallest size may a word break.
        last = size - step < min_size - 1e-9
        leading = size * leading_ratio
        lines = wrap(words, font, size, width)
        whole_words = last or len(lines) == 0 or all(
            stringWidth(w, font, size) <= width for w in _words(words))
        if whole_words and _block_height(len(lines), size, leading) <= height + 1e-6:
            if all(stringWidth(line, font, size) <= width for line in lines):
                return FittedText(size, leading, tuple(lines), False)
            break  # a box narrower than a single letter
        if last:
            break
        size = round(size - step, 4)
    room = _lines_that_fit(height, size, leading)
    if room <= 0 or width <= 0:
        return FittedText(size, leading, (), bool(words))
    kept = [ellipsize(line, font, size, width) for line in lines[:room]]
    kept[-1] = ellipsize(" ".join(lines[room - 1:]), font, size, width,
                         force=len(lines) > room or kept[-1] != lines[room - 1])
    return FittedText(size, leading, tuple(line for line in kept if line), True)


def _block_height(count: int, size: float, leading: float) -> float:
    return size + (count - 1) * leading if count else 0.0


def _lines_that_fit(height: float, size: float, leading: float) -> int:
    if height + 1e-6 < size:
        return 0
    return 1 + math.floor((height - size + 1e-6) / leading)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word wider than the line breaks after a hyphen or between letters."""
    lines: list[str] = []
    current = ""
    for word in _words(text):
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        while stringWidth(word, font, size) > width:
            head, word = _split_word(word, font, size, width)
            lines.append(head)
        current = word
    if current:
        lines.append(current)
    return lines


def _split_word(word: str, font: str, size: float, width: float) -> tuple[str, str]:
    """The longest head of word that fits in width (at least one character)."""
    cut = 1
    while cut < len(word) and stringWidth(word[: cut + 1], font, size) <= width:
        cut += 1
    hyphen = word.rfind("-", 0, cut)
    if 0 < hyphen < cut - 1:
        cut = hyphen + 1
    return word[:cut], word[cut:]


def ellipsize(text: str, font: str, size: float, width: float, force: bool = False) -> str:
    """text cut to width with a trailing ellipsis (always added when force)."""
    text = one_line(text)
    if not force and stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text.rstrip() + ELLIPSIS, font, size) > width:
        text = text[:-1]
    text = text.rstrip()
    return text + ELLIPSIS if stringWidth(text + ELLIPSIS, font, size) <= width else text
