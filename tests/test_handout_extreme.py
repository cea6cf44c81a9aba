"""Extreme but valid session text prints: every field with 3,000 characters without a space,
one at a time and all at once, gives a handout (no LayoutError, no endless loop), and the
text is printed exactly as typed where the handout prints it in full.

Times are printed (run with -s to see them), never asserted; a 280 s watchdog turns a hang
(a 3,000-character group name once looped for ever) into a failure."""

from __future__ import annotations

import io
import math
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from coprod_desktop.cli.main import main
from coprod_desktop.domain.model import Session
from coprod_desktop.files.session_file import save_session
from coprod_desktop.handout import HandoutOptions, handout_bytes
from coprod_desktop.handout import text as text_module
from coprod_desktop.handout.flowables import run_on
from coprod_desktop.handout.fonts import REGULAR, register_fonts
from coprod_desktop.handout.styles import make_styles
from coprod_desktop.handout.text import (
    BRIEF_CHARS,
    ELLIPSIS,
    MAX_PRINTED,
    brief,
    ellipsize,
    fit_text,
    para,
)
from tests.bench.handout_extreme import FIELDS, LENGTH, extreme_session, long_text
from tests.pdf_text import pdf_pages, pdf_text

STABLE = HandoutOptions(invariant=True)
WATCHDOG_S = (
    280  # above any test's time on a machine loaded 4x (115 s seen); under the 300 s --timeout
)
FOOTER = re.compile(r"^(Booklet: .* · )?Page \d+ of \d+$", re.M)


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    """Fail a test that runs for WATCHDOG_S seconds instead of hanging the suite."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {WATCHDOG_S} s: a loop that does not end?")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(WATCHDOG_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def build(session: Session, label: str) -> bytes:
    start = time.perf_counter()
    data, pages = handout_bytes(session, STABLE)
    print(f"{label}: {time.perf_counter() - start:.2f} s, {pages} pages")
    assert data.startswith(b"%PDF") and pages > 0
    return data


def body_text(data: bytes) -> str:
    """The pages' text without the running header and footer and without white space,
    which a line break adds."""
    return "".join(pdf_text(data, body_only=True).split())


def printed_in_full(session: Session, field: str) -> list[str]:
    """The texts of field that the handout prints in full somewhere."""
    cards = [*session.deck.cards, *(c for g in session.groups for c in g.cards)]
    board = session.board
    found: dict[str, list[str]] = {
        "title": [session.title],
        "venue": [session.venue],
        "facilitator": [session.facilitator],
        "created": [session.created],
        "group_name": [g.name for g in session.groups],
        "card_title": [c.title for c in cards],
        "card_text": [c.text for c in cards],
        "card_source": [c.source for c in cards],
        "note": [text for g in session.groups for text in g.notes.values()],
        "region_label": [r.label for r in board.regions],
        # The reference describes the matrix's cells and the ladder's rungs.
        "region_description": [
            r.description for r in board.regions if r.lens in ("matrix", "ladder")
        ],
        "board_source": [board.source],
    }
    return [t for t in found.get(field, []) if len(t) == LENGTH]


def landscape_pages(data: bytes) -> int:
    return sum(1 for p in PdfReader(io.BytesIO(data)).pages if p.mediabox.width > p.mediabox.height)


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_of_3000_characters_prints(field: str) -> None:
    session = extreme_session([field])
    data = build(session, field)
    body = body_text(data)
    for text in printed_in_full(session, field):
        assert text in body, f"{field}: {text[:20]}... is not printed in full"
    # Each group's board stays on one landscape page, however long the text.
    assert landscape_pages(data) == len(session.groups)


def test_all_fields_at_once_through_the_cli(tmp_path: Path, capsys) -> None:
    """The file a facilitator could save, printed by `handout` (one build for both: the
    command exits 0 and the PDF holds every text)."""
    session = extreme_session(FIELDS)
    path, out = tmp_path / "extreme.json", tmp_path / "extreme.pdf"
    save_session(session, path)
    started = time.perf_counter()
    assert main(["handout", str(path), "-o", str(out)]) == 0
    print(f"all at once: {time.perf_counter() - started:.2f} s")
    assert f"{out}: " in capsys.readouterr().out
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    body = body_text(data)
    for field in FIELDS:
        for text in printed_in_full(session, field):
            assert text in body, f"{field}: {text[:20]}... is not printed in full"
    assert landscape_pages(data) == len(session.groups)
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata is not None and metadata.title == session.title
    assert session.board.title in (metadata.subject or "")


def test_long_text_in_large_print_booklets() -> None:
    """Also: a booklet's footer cuts a long group name, not its page number. Two of the
    three groups (one with its own card), two booklets: the third group added 330 of 844 pages."""
    session = extreme_session(["title", "group_name", "card_title", "region_label"])
    session.remove_group(session.groups[2].id)
    start = time.perf_counter()
    data, pages = handout_bytes(
        session, HandoutOptions(invariant=True, large_print=True, booklets=True, paper="letter")
    )
    print(f"large print booklets: {time.perf_counter() - start:.2f} s, {pages} pages")
    assert data.startswith(b"%PDF") and pages > len(session.groups)
    assert f"{session.groups[1].name}·cardsandnotes" in body_text(data)
    footers = [FOOTER.search(page) for page in pdf_pages(data)]
    assert all(f is not None and f.group(1) for f in footers)


def test_decorations_print_on_the_board_and_row_headings_in_full() -> None:
    """Every decoration starts on the board (ellipsized there); the matrix's row headings
    are the headings of the reference's list of cells. (The column headings and the axes
    are in the reference only when the matrix is a table, which text this long is not.)"""
    session = extreme_session(["decoration"])
    body = body_text(build(session, "decoration"))
    assert all(d.text[:12] in body for d in session.board.decorations)
    rows = [d.text for d in session.board.decorations if d.kind == "heading" and d.rect[0] == 0]
    assert len(rows) == 3 and all(t in body for t in rows)


def test_a_long_group_name_is_cut_on_the_board_page_and_whole_on_its_cards_page() -> None:
    session = extreme_session(["group_name"])
    data = build(session, "group_name")
    name = session.groups[0].name
    board = next(
        i
        for i, p in enumerate(PdfReader(io.BytesIO(data)).pages)
        if p.mediabox.width > p.mediabox.height
    )
    board_text = "".join(pdf_pages(data)[board].split())
    assert f"{ELLIPSIS}·board" in board_text and name not in board_text
    assert f"{name}·cardsandnotes" in body_text(data)


def test_text_too_long_for_a_table_row_is_a_list() -> None:
    """A table row cannot be split across pages; a row that would be too tall is listed.
    Twelve long group names (each cut to text.BRIEF_CHARS in the comparison) placing the
    same cards make the comparison's rows too tall; long rung descriptions do it to the
    reference's ladder."""
    normal = body_text(build(extreme_session([], 10), "normal"))
    assert "Wherethegroupsputit" in normal  # the comparison's table heading
    session = extreme_session(["group_name", "region_description"])
    first = session.groups[0]
    while len(session.groups) < 12:
        session.copy_arrangement(first.id, session.add_group().id)
        session.groups[-1].name = long_text(f"GROUP{len(session.groups) - 1}")
    body = body_text(build(session, "twelve long group names"))
    assert "Wherethegroupsputit" not in body
    assert "Everycard,groupbygroup" in body
    rung = next(r for r in session.board.regions if r.lens == "ladder")
    assert rung.description in body


def test_references_to_long_names_are_brief() -> None:
    assert brief("Table 2") == "Table 2"
    short = brief("x" * LENGTH)
    assert len(short) == BRIEF_CHARS and short.endswith(ELLIPSIS)
    assert short[:-1] == "x" * (BRIEF_CHARS - 1)


def test_a_text_past_the_print_limit_prints_its_start_and_how_much_more() -> None:
    """100,000 characters (10 times the limit) in the title and every region's label."""
    assert para("&" * (MAX_PRINTED + 1234)) == (
        "&amp;" * MAX_PRINTED + f" {ELLIPSIS} [1,234 more characters not printed]"
    )
    length = 10 * MAX_PRINTED
    session = extreme_session(["title", "region_label"], length)
    body = body_text(build(session, f"title and region labels of {length:,} characters"))
    more = f"{ELLIPSIS}[{length - MAX_PRINTED:,}morecharactersnotprinted]"
    assert session.title[:MAX_PRINTED] + more in body
    assert session.board.regions[0].label[:MAX_PRINTED] + more in body


def test_unreadable_date_and_markup_print_as_typed() -> None:
    session = extreme_session([], 10)
    session.created = '<b oops & <img src="/etc/passwd"> &amp;'
    body = body_text(build(session, "markup date"))
    assert "".join(session.created.split()) in body


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (0, 20),
        (-5, 20),
        (math.nan, 20),
        (60, 0),
        (60, -3),
        (60, math.nan),
        (0.01, 0.01),
    ],
)
def test_fit_text_gives_up_on_boxes_without_room(width: float, height: float) -> None:
    register_fonts()
    fitted = fit_text("x" * LENGTH, REGULAR, width, height, 8, 5)
    assert fitted.lines == () and fitted.truncated


def test_fitting_work_is_bounded_by_the_box_not_the_text(monkeypatch) -> None:
    """Counting the characters measured: fitting or ellipsizing 300,000 characters into a
    small box measures about what the box holds (it used to measure the text again for
    every character cut, or loop for ever in a box narrower than a letter)."""
    register_fonts()
    measured = 0
    real = text_module.stringWidth

    def counting(text: str, font: str, size: float, *args: object) -> float:
        nonlocal measured
        measured += len(text)
        return real(text, font, size, *args)

    monkeypatch.setattr(text_module, "stringWidth", counting)
    huge = "x" * 300_000
    fitted = fit_text(huge, REGULAR, 60, 20, 8, 5)
    assert fitted.truncated and fitted.lines[-1].endswith(ELLIPSIS)
    assert measured < 20_000, measured
    measured = 0
    line = ellipsize(huge, REGULAR, 8, 100)
    assert line.endswith(ELLIPSIS) and real(line, REGULAR, 8) <= 100
    assert measured < 2_000, measured
    measured = 0
    words = fit_text("word " * 60_000, REGULAR, 60, 20, 8, 5)
    assert words.truncated and measured < 20_000, measured


def test_a_long_run_on_list_is_cut_between_items() -> None:
    register_fonts()
    styles = make_styles(HandoutOptions())
    assert len(run_on(["● Tea", "■ Cake"], styles.small)) == 1
    items = [long_text(f"ITEM{i}", 1500) for i in range(6)]
    paragraphs = run_on(items, styles.small)
    assert len(paragraphs) > 1
    assert all(p.style.spaceAfter == 0 for p in paragraphs[:-1])
    assert paragraphs[-1].style.spaceAfter == styles.small.spaceAfter
