"""A PDF's text, page by page, read with poppler's pdftotext (Debian's poppler-utils).

pypdf's extract_text parses every page's fonts again and took 37 s for the 255 pages of
the extreme handout; pdftotext reads them in about 2 s, which is what lets the handout
tests read long documents (the suite's time budget, issue 10). Lines come in reading
order. body_only leaves out the running header and footer by where they are drawn
(their band above and below the page's frame), not by matching their text.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
from pathlib import Path

from coprod_desktop.handout.document import BOTTOM, TOP

_PAGE = re.compile(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', re.S)
_LINE = re.compile(
    r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', re.S
)
_WORD = re.compile(r"<word [^>]*>(.*?)</word>", re.S)
# The header's and footer's lines are centred TOP / 2 and BOTTOM / 2 from the page's edge,
# the frame starts TOP and BOTTOM from it: a line centred in the outer three quarters is
# the header's or the footer's.
_HEADER_BAND = TOP * 0.75
_FOOTER_BAND = BOTTOM * 0.75


def _layout(source: bytes | Path) -> str:
    data = source.read_bytes() if isinstance(source, Path) else source
    done = subprocess.run(
        ["pdftotext", "-bbox-layout", "-enc", "UTF-8", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
        timeout=240,
    )
    return done.stdout.decode("utf-8")


def pdf_pages(source: bytes | Path, *, body_only: bool = False) -> list[str]:
    """Each page's text: one line per printed line, words separated by one space."""
    pages = []
    for page in _PAGE.finditer(_layout(source)):
        height = float(page.group(1))
        lines = []
        for line in _LINE.finditer(page.group(2)):
            middle = (float(line.group(1)) + float(line.group(2))) / 2
            if body_only and not _HEADER_BAND < middle < height - _FOOTER_BAND:
                continue
            lines.append(" ".join(html.unescape(w) for w in _WORD.findall(line.group(3))))
        pages.append("\n".join(lines))
    return pages


def pdf_text(source: bytes | Path, *, body_only: bool = False) -> str:
    """The whole document's text, pages separated by a line break."""
    return "\n".join(pdf_pages(source, body_only=body_only))


def words(text: str) -> str:
    """White space (line ends and no-break spaces too) collapsed to single spaces."""
    return " ".join(text.split())


def page_words(source: bytes | Path, *, body_only: bool = False) -> list[str]:
    """Each page's text as words separated by single spaces."""
    return [words(page) for page in pdf_pages(source, body_only=body_only)]


def pdf_words(source: bytes | Path, *, body_only: bool = False) -> str:
    """The whole document's text as words separated by single spaces."""
    return " ".join(page_words(source, body_only=body_only))


def drawing_order_words(data: bytes) -> str:
    """The text in the order it was drawn (pypdf, slow): for a check that a table cell's
    text reads on, where reading order interleaves a cell spanning rows with its
    neighbours (the ladder's "Doing with" band beside its rungs)."""
    from pypdf import PdfReader

    return words(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))
