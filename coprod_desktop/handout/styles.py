"""Paragraph styles, colours and the black-and-white card-kind markers."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from coprod_desktop.domain.kinds import KIND_LABELS, KIND_ORDER, KINDS
from coprod_desktop.handout.fonts import BOLD, REGULAR
from coprod_desktop.handout.options import HandoutOptions

# A shape per card kind, all in DejaVu Sans, distinct in black and white (domain/kinds.py).
KIND_MARKERS: dict[str, str] = {kind: info.glyph for kind, info in KINDS.items()}

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
FAINT = colors.HexColor("#f3f3f3")


def marker(kind: str) -> str:
    return KIND_MARKERS.get(kind, "•")


def legend_items() -> list[tuple[str, str]]:
    return [(KIND_MARKERS[k], KIND_LABELS[k]) for k in KIND_ORDER]


def colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)


def _luminance(c: colors.Color) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)


def readable_on_white(hex_colour: str, ratio: float = 4.5) -> colors.Color:
    """The colour itself, or a darker shade of it, with enough contrast for text on white."""
    c = colour(hex_colour)
    for _ in range(20):
        if 1.05 / (_luminance(c) + 0.05) >= ratio:
            return c
        c = colors.Color(c.red * 0.85, c.green * 0.85, c.blue * 0.85)
    return INK


@dataclass(frozen=True)
class Styles:
    base: float  # body text size in points
    large_print: bool  # wide tables become lists: 16 pt words do not fit narrow columns
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    card: ParagraphStyle
    card_text: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    quote: ParagraphStyle  # the exact words of a definition
    source: ParagraphStyle  # "Source: ..." under a reference item
    bullet: ParagraphStyle
    board_max_font: float  # card titles on the board drawing
    board_min_font: float


LARGE_PRINT_BODY = 16.0  # points: the floor for every reading text in large print
NORMAL_BODY = 10.0


def make_styles(options: HandoutOptions) -> Styles:
    """Text styles for options. In large print nothing a reader reads (body, notes, card
    texts, table cells, sources) is smaller than LARGE_PRINT_BODY; only the running header
    and footer and the board drawing (whose cards are all listed in full) are smaller,
    and on the board no text is under 9 pt."""
    large = options.large_print
    base = LARGE_PRINT_BODY if large else NORMAL_BODY
    minor = base if large else base * 0.85  # secondary text: muted, but never below base in LP
    card_text = base if large else base * 0.9

    def style(name: str, size: float, font: str = REGULAR, **kw: object) -> ParagraphStyle:
        kw.setdefault("leading", round(size * 1.3, 2))
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=font, fontSize=size, alignment=TA_LEFT, **kw)

    return Styles(
        base=base,
        large_print=large,
        title=style(
            "title",
            base * (2.0 if large else 2.4),
            BOLD,
            spaceAfter=base * 0.6,
            leading=base * (2.4 if large else 2.9),
        ),
        subtitle=style("subtitle", base * 1.2, textColor=MUTED, spaceAfter=base * 0.3),
        h1=style(
            "h1",
            base * (1.5 if large else 1.8),
            BOLD,
            spaceBefore=0,
            spaceAfter=base * 0.5,
            keepWithNext=1,
        ),
        h2=style(
            "h2", base * 1.3, BOLD, spaceBefore=base * 1.1, spaceAfter=base * 0.35, keepWithNext=1
        ),
        h3=style(
            "h3", base * 1.05, BOLD, spaceBefore=base * 0.8, spaceAfter=base * 0.2, keepWithNext=1
        ),
        body=style("body", base, spaceAfter=base * 0.5),
        small=style("small", minor, textColor=MUTED, spaceAfter=base * 0.3),
        card=style(
            "card",
            base,
            BOLD,
            leftIndent=base * 1.4,
            firstLineIndent=-base * 1.4,
            spaceBefore=base * 0.35,
            keepWithNext=0,
        ),
        card_text=style("card_text", card_text, leftIndent=base * 1.4, textColor=MUTED),
        note=style(
            "note",
            base,
            leftIndent=base * 1.4 + 3,
            spaceBefore=base * 0.45,
            spaceAfter=base * 0.3,
            backColor=FAINT,
            borderPadding=(2, 3, 3, 3),
        ),
        cell=style("cell", minor, leading=round(minor * 1.25, 2)),
        cell_bold=style("cell_bold", minor, BOLD, leading=round(minor * 1.25, 2)),
        quote=style(
            "quote",
            base,
            leftIndent=base * 1.4,
            rightIndent=base,
            spaceBefore=base * 0.2,
            spaceAfter=base * 0.3,
        ),
        source=style(
            "source", minor, textColor=MUTED, leftIndent=base * 1.4, spaceAfter=base * 0.4
        ),
        bullet=style(
            "bullet", base, leftIndent=base * 2.4, firstLineIndent=-base, spaceAfter=base * 0.2
        ),
        board_max_font=12.0 if large else 7.5,
        board_min_font=9.0 if large else 5.0,  # large print: board_drawing.LEGIBLE_FLOOR
    )
