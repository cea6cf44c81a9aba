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
from functools import lru_cache
from typing import Protocol
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

ELLIPSIS = "…"
BRIEF_CHARS = 200  # see brief()
MAX_PRINTED = 10_000  # characters of one text in the handout (about three pages); see para()
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Where a line may break: ordinary white space, but not a no-break space (U+00A0),
# which binds a card's kind marker to the first word of its title.
_BREAKS = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")


def _words(text: str) -> list[str]:
    return [w for w in _BREAKS.split(text) if w]


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
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
    collapse them) by alternating spaces with no-break spaces. A text of more than
    MAX_PRINTED characters prints that many and says how many more it has: ReportLab
    lays out the rest of a paragraph again on every page it goes on to, so its time
    grows with the square of the paragraph's length.
    """
    text = clean(text)
    more = ""
    if len(text) > MAX_PRINTED:
        more = f" {ELLIPSIS} [{len(text) - MAX_PRINTED:,} more characters not printed]"
        text = text[:MAX_PRINTED]
    lines = text.replace("\t", "    ").split("\n")
    return (
        "<br/>".join(
            re.sub(
                r"  +",
                lambda m: " \u00a0" * (len(m.group()) // 2) + " " * (len(m.group()) % 2),
                with_fallback_font(line),
            )
            for line in lines
        )
        + more
    )


# A dash with a space on each side, as in "Table A – Gŵyr": a line must not break there.
_SPACED_DASH = re.compile(r"[ ]+([\u2013\u2014-])[ ]+")


def name_para(name: str, font: str = "", size: float = 0.0, width: float = 0.0) -> str:
    """A name (a group's) as Paragraph markup, as para() makes it, that never breaks
    at a spaced dash: 'Table A – Gŵyr' keeps 'A – Gŵyr' together. Given a font, size and
    width in which the whole name fits on one line, it never breaks at all: it moves to
    the next line whole, rather than leave 'Table A –' at the end of a line (issue 20)."""
    text = clean(name)
    if font and "\n" not in text and stringWidth(one_line(text), font, size) <= width:
        text = re.sub(r"(?<=\S) (?=\S)", "\u00a0", text)
    text = _SPACED_DASH.sub(lambda m: f"\u00a0{m[1]}\u00a0", text)
    return para(text)


# Characters that belong to the emoji before them: ZERO WIDTH JOINER, the variation
# selectors, the combining keycap. They stay in the emoji's run (DejaVu has some of them).
_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")
_MAYBE_MISSING = re.compile(r"[^\x00-\u1fff]")  # DejaVu covers all of these that are used


def font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """text as (font name, characters) runs: the characters font lacks and Noto Emoji
    has go to Noto Emoji (with the joiners after them), the rest stay in font.
    ReportLab does not shape, so an emoji sequence (👩‍💻, 🇬🇧, a skin tone) prints as
    its parts side by side, each one drawn."""
    if not _MAYBE_MISSING.search(text):
        return [(font, text)] if text else []
    from coprod_desktop.handout.fonts import EMOJI, has_glyph

    runs: list[tuple[str, str]] = []
    current, chars = font, list[str]()
    for ch in text:
        if current == EMOJI and ch in _JOINERS:
            target = EMOJI
        elif ord(ch) > 0x1FFF and not has_glyph(font, ch) and has_glyph(EMOJI, ch):
            target = EMOJI
        else:
            target = font
        if target != current and chars:
            runs.append((current, "".join(chars)))
            chars = []
        current = target
        chars.append(ch)
    if chars:
        runs.append((current, "".join(chars)))
    return runs


def with_fallback_font(text: str, font: str = "DejaVuSans") -> str:
    """text, escaped for Paragraph markup, with each run of characters that DejaVu Sans
    lacks and Noto Emoji has wrapped in <font face="NotoEmoji">: emoji print, not boxes."""
    return "".join(
        escape(part) if name == font else f'<font face="{name}">{escape(part)}</font>'
        for name, part in font_runs(text, font)
    )


class _Canvas(Protocol):
    def setFont(self, psfontname: str, size: float) -> None: ...  # noqa: N802
    def drawString(self, x: float, y: float, text: str) -> None: ...  # noqa: N802


def draw_string(
    canvas: _Canvas, x: float, y: float, text: str, font: str, size: float, anchor: str = "start"
) -> None:
    """canvas.drawString (anchor "start"), drawCentredString ("middle") or drawRightString
    ("end") of one line, with what font lacks drawn in Noto Emoji; the font is font after."""
    runs = font_runs(text, font)
    width = sum(stringWidth(part, name, size) for name, part in runs)
    x -= {"middle": width / 2, "end": width}.get(anchor, 0.0)
    for name, part in runs:
        canvas.setFont(name, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, name, size)
    canvas.setFont(font, size)


def brief(text: str, limit: int = BRIEF_CHARS) -> str:
    """text where it refers to something printed in full elsewhere (a group's name in
    the comparison, a region in a card's line): at most limit characters, the last an
    ellipsis when it is cut. Real names are far shorter; a name of thousands of letters
    would otherwise fill pages at every mention."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


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


@lru_cache(maxsize=8192)
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
    The work is bounded by the box, not by the text: a text far longer than the box
    can hold is cut before wrapping (and shown ellipsized at min_size). Results are
    cached: the groups of a session fit the same deck's titles into the same boxes.
    """
    words = one_line(text)
    min_size = min(min_size, max_size)
    if not words or not _usable(width) or not _usable(height) or height + 1e-6 < min_size:
        return FittedText(min_size, min_size * leading_ratio, (), bool(words))
    limit = _char_limit(words, font, width, height, min_size, leading_ratio)
    clipped = len(words) > limit
    if clipped:  # it cannot fit even at the smallest size: no need to try larger ones
        words = words[:limit]
    size = min_size if clipped else max_size
    step = max(step, 0.01)
    while True:
        # Shrink before breaking a word; only at the smallest size may a word break.
        last = size - step < min_size - 1e-9
        leading = size * leading_ratio
        lines = wrap(words, font, size, width)
        whole_words = not clipped and (
            last
            or len(lines) == 0
            or all(stringWidth(w, font, size) <= width for w in _words(words))
        )
        if whole_words and _block_height(len(lines), size, leading) <= height + 1e-6:
            if all(stringWidth(line, font, size) <= width for line in lines):
                return FittedText(size, leading, tuple(lines), False)
            break  # a box narrower than a single letter
        if last:
            break
        size = round(size - step, 4)
    # More room than lines happens when a box is narrower than one letter.
    room = min(_lines_that_fit(height, size, leading), len(lines))
    if room <= 0:
        return FittedText(size, leading, (), True)
    kept = [ellipsize(line, font, size, width) for line in lines[:room]]
    kept[-1] = ellipsize(
        " ".join(lines[room - 1 :]),
        font,
        size,
        width,
        force=clipped or len(lines) > room or kept[-1] != lines[room - 1],
    )
    return FittedText(size, leading, tuple(line for line in kept if line), True)


def _usable(length: float) -> bool:
    return math.isfinite(length) and length > 0


def _char_limit(
    words: str, font: str, width: float, height: float, size: float, leading_ratio: float
) -> int:
    """More characters than could ever show in the box at size: each line holds at most
    width / (narrowest character) characters plus the space it breaks at. Unbounded
    when a character has no width (combining marks): then nothing is cut."""
    narrowest = min(stringWidth(c, font, size) for c in set(words))
    if narrowest <= 0:
        return len(words)
    lines = _lines_that_fit(height, size, size * leading_ratio)
    return lines * (int(width / narrowest) + 2) + 1


def _block_height(count: int, size: float, leading: float) -> float:
    return size + (count - 1) * leading if count else 0.0


def _lines_that_fit(height: float, size: float, leading: float) -> int:
    if height + 1e-6 < size:
        return 0
    return 1 + math.floor((height - size + 1e-6) / leading)


def fitting_prefix(text: str, font: str, size: float, width: float) -> int:
    """How many leading characters of text fit in width. Widths add up character by
    character (no kerning), so this is one pass over the part that fits."""
    total = 0.0
    seen: dict[str, float] = {}
    for i, char in enumerate(text):
        advance = seen.get(char)
        if advance is None:
            advance = seen[char] = stringWidth(char, font, size)
        total += advance
        if total > width:
            return i
    return len(text)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word wider than the line breaks after a hyphen or a slash, or
    between letters.

    Linear in the text: widths are added up, not measured again for every word."""
    lines: list[str] = []
    current, current_width = "", 0.0
    space = stringWidth(" ", font, size)
    for word in _words(text):
        word_width = stringWidth(word, font, size)
        if current and current_width + space + word_width <= width:
            current, current_width = f"{current} {word}", current_width + space + word_width
            continue
        if current:
            lines.append(current)
        while word and word_width > width:
            head, word = _split_word(word, font, size, width)
            lines.append(head)
            word_width = max(0.0, word_width - stringWidth(head, font, size))
        current, current_width = word, stringWidth(word, font, size)  # what is left fits a line
    if current:
        lines.append(current)
    return lines


def _split_word(word: str, font: str, size: float, width: float) -> tuple[str, str]:
    """The longest head of word that fits in width (at least one character), cut after
    a hyphen or a slash when it has one."""
    cut = max(1, fitting_prefix(word, font, size, width))
    hyphen = max(word.rfind("-", 0, cut), word.rfind("/", 0, cut))
    if 0 < hyphen < cut - 1:
        cut = hyphen + 1
    return word[:cut], word[cut:]


@lru_cache(maxsize=4096)
def ellipsize(text: str, font: str, size: float, width: float, force: bool = False) -> str:
    """text cut to width with a trailing ellipsis (always added when force).

    One pass over the part that fits, however long the text. Cached: every page's
    header and footer ellipsize the same title and section again."""
    text = one_line(text)
    if (
        not force
        and fitting_prefix(text, font, size, width) == len(text)
        and stringWidth(text, font, size) <= width
    ):
        return text
    room = width - stringWidth(ELLIPSIS, font, size)
    head = text[: max(0, fitting_prefix(text, font, size, room))].rstrip() if room > 0 else ""
    while head and stringWidth(head + ELLIPSIS, font, size) > width:  # rounding, a step or two
        head = head[:-1].rstrip()
    return head + ELLIPSIS if stringWidth(head + ELLIPSIS, font, size) <= width else head
