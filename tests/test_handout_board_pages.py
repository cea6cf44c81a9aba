"""The board's pages of the handout for readers (issue 16): in large print no text on
the board is under 9 pt (the board is split lens by lens, a page each, drawn larger),
and the text reads one lens after the other (all the matrix, then the ladder), not
interleaved, in normal print too."""

from __future__ import annotations

import io
import math
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from coprod_desktop.domain.model import Session
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions
from coprod_desktop.handout.board_drawing import board_parts
from coprod_desktop.handout.styles import KIND_MARKERS
from tests.example_handouts import example_pdf_with
from tests.pdf_text import page_words

EXAMPLE = Path(__file__).parent.parent / "sessions/community-health-workshop.json"
MORE = re.compile(r"\+(\d+) more")


@pytest.fixture(scope="module")
def example() -> Session:
    return load_session(EXAMPLE)


Run = tuple[str, float, bool]  # text, size in points, bold
Boards = dict[str, list[tuple[str, list[Run]]]]  # group -> its board pages: text, runs


LARGE = HandoutOptions(invariant=True, large_print=True)
NORMAL = HandoutOptions(invariant=True)


def _board_pages(session: Session, data: bytes) -> dict[str, list[int]]:
    """Each group's board pages (indexes), found with pdftotext (pypdf is slow)."""
    found: dict[str, list[int]] = {g.name: [] for g in session.groups}
    for i, text in enumerate(page_words(data, body_only=True)):
        for name in found:
            if text.startswith(f"{name} · board"):
                found[name].append(i)
    return found


def _boards(session: Session, options: HandoutOptions) -> Boards:
    """Each group's board pages (their text and runs, in drawing order), read once."""
    data = example_pdf_with(options)
    pages = PdfReader(io.BytesIO(data)).pages
    return {
        name: [(words(pages[i].extract_text()), pieces(pages[i])) for i in indexes]
        for name, indexes in _board_pages(session, data).items()
    }


@pytest.fixture(scope="module")
def large(example: Session) -> Boards:
    return _boards(example, LARGE)


@pytest.fixture(scope="module")
def normal(example: Session) -> Boards:
    return _boards(example, NORMAL)


def pieces(page: PageObject) -> list[Run]:
    """(text, size in points, bold) of every run of text on page, in the page's order."""
    found: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
            found.append((text.replace("\u00a0", " ").strip(), size * scale, "Bold" in name))

    page.extract_text(visitor_text=visit)
    return found


def words(text: str) -> str:
    return " ".join(text.replace("- ", "-").replace("/ ", "/").split())


def bold_text(pages: list[tuple[str, list[Run]]]) -> str:
    """The bold runs (labels, headings, '+N more') of pages, in order, as one line."""
    return words(" ".join(text for _, runs in pages for text, _, bold in runs if bold))


def test_large_print_board_text_is_at_least_9_points(
    example: Session, large: Boards, normal: Boards
) -> None:
    parts = board_parts(example.board)
    for group in example.groups:
        pages = large[group.name]
        assert len(pages) == len(parts) == 3, group.name
        sizes = [size for _, runs in pages for _, size, _ in runs]
        assert len(sizes) > 60
        assert min(sizes) >= 9 - 0.01, sorted(sizes)[:5]  # the issue asks 9 pt
        # Normal print keeps the one-page overview, with its smaller text.
        ((_, runs),) = normal[group.name]
        assert min(size for _, size, _ in runs) < 8


def test_large_print_board_shows_or_counts_every_placed_card(
    example: Session, large: Boards
) -> None:
    """Cards that do not fit at 9 pt leave '+N more' in their region: a part's page
    shows each placed card of its lens, or counts it."""
    markers = tuple(KIND_MARKERS.values())
    parts = board_parts(example.board)
    for group in example.groups:
        for part, (_, runs) in zip(parts, large[group.name], strict=True):
            regions = {r.id for r in part.regions}
            placed = sum(1 for p in group.placements if p.region in regions)
            shown = sum(1 for text, _, bold in runs if not bold and text.startswith(markers))
            shown -= len(KIND_MARKERS)  # the key of kinds under the board
            counted = sum(int(m[1]) for text, _, bold in runs if bold and (m := MORE.search(text)))
            assert placed > 0
            assert shown + counted == placed, (group.name, part.label, shown, counted)
            assert shown >= placed / 2, (group.name, part.label)  # most are drawn


def test_each_large_print_board_page_holds_one_lens(example: Session, large: Boards) -> None:
    parts = board_parts(example.board)
    for group in example.groups:
        for i, (part, page) in enumerate(zip(parts, large[group.name], strict=True)):
            assert f"· board, {i + 1} of {len(parts)}: {part.label}" in page[0][:200]
            text = bold_text([page])
            for region in example.board.regions:
                assert (words(region.label) in text) == (region in part.regions), region.id


@pytest.mark.parametrize("large_print", [False, True])
def test_board_text_reads_the_matrix_then_the_ladder(
    example: Session, large: Boards, normal: Boards, large_print: bool
) -> None:
    """Every label and heading of the matrix comes before any of the ladder's in the
    text a reader extracts (pypdf's order is the page's), on one page or over three."""
    parts = {p.label: p for p in board_parts(example.board)}
    matrix, ladder = parts["Public service matrix"], parts["Ladder of co-production"]
    for group in example.groups:
        text = bold_text((large if large_print else normal)[group.name])

        def where(label: str, text: str = text) -> int:
            found = text.find(words(label))
            assert found >= 0, (label, text[:300])
            return found

        matrix_texts = [r.label for r in matrix.regions] + [d.text for d in matrix.decorations]
        ladder_texts = [r.label for r in ladder.regions] + [d.text for d in ladder.decorations]
        last_matrix = max(where(t) + len(words(t)) for t in matrix_texts)
        first_ladder = min(where(t) for t in ladder_texts)
        assert last_matrix <= first_ladder, group.name


def test_board_parts_by_lens_with_their_nearest_headings(example: Session) -> None:
    parts = board_parts(example.board)
    assert [p.label for p in parts] == [lens.label for lens in example.board.lenses]
    matrix, ladder, alone = parts
    assert {r.lens for r in matrix.regions} == {"matrix"}
    assert {d.kind for d in ladder.decorations} == {"title", "band"}
    assert len(ladder.decorations) == 4
    assert {d.kind for d in matrix.decorations} == {"axis", "heading"}
    assert not alone.decorations
    assert alone.rect == next(r.rect for r in example.board.regions if r.lens == "not")
    x, y, w, h = matrix.rect
    assert (x, y) == (0, 0) and x + w == 1188 and y + h == 836  # cells and their headings


def test_pdftotext_in_drawing_order_reads_the_matrix_then_the_ladder(example: Session) -> None:
    """pdftotext -raw (the page's order, as copying and most readers take it) on the
    one-page board of normal print: every matrix label before the ladder's title."""
    data = example_pdf_with(NORMAL)
    parts = {p.label: p for p in board_parts(example.board)}
    matrix, ladder = parts["Public service matrix"], parts["Ladder of co-production"]
    for name, (index,) in _board_pages(example, data).items():
        raw = subprocess.run(
            ["pdftotext", "-raw", "-f", str(index + 1), "-l", str(index + 1), "-", "-"],
            input=data,
            capture_output=True,
            check=True,
            timeout=120,
        ).stdout.decode("utf-8")
        text = words(raw)
        ends = [text.find(words(r.label)) + len(words(r.label)) for r in matrix.regions]
        assert min(ends) > 0, (name, text[:300])
        title = next(d.text for d in ladder.decorations if d.kind == "title")
        assert max(ends) <= text.index(words(title)), name
