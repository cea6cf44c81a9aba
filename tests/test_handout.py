"""The printed handout: what a participant reads, checked through the PDF's text."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from coprod_desktop.domain.layout import layout_for
from coprod_desktop.domain.model import Card, Session
from coprod_desktop.files import builtin as content
from coprod_desktop.handout import HandoutOptions, handout_bytes, write_handout
from tests.pdf_text import page_words, pdf_words, words

STABLE = HandoutOptions(invariant=True)
MARKUP_NOTE = 'We said <b and <img src="/etc/passwd"> &amp; <b>not bold</b>'


pdf_text = pdf_words
page_texts = page_words


@pytest.fixture
def session() -> Session:
    s = content.new_session("Spring workshop", ["Red table", "Tŷ Ŵyn", "Ελληνικά и Русский"])
    s.created = "2026-03-14T10:30:00+00:00"
    s.venue = "Aberystwyth"
    s.facilitator = "Siân Jones"
    deck = {c.id: c for c in s.deck.cards}
    red, welsh, other = s.groups
    s.place(red.id, "principle-assets", "matrix-full-coproduction")
    s.place(red.id, "activity-fast-sessions", "matrix-full-coproduction")
    s.place(red.id, "not-volunteering", "not-coproduction")
    s.place(red.id, "activity-school-attendance-order", "ladder-coercion")
    s.set_note(red.id, "principle-assets", MARKUP_NOTE)
    s.set_note(red.id, "activity-fast-sessions", "Parents run it with staff.\nSecond line.")
    s.place(welsh.id, "activity-gp-time-bank", "ladder-co-production")
    s.set_note(welsh.id, "activity-gp-time-bank", "Rydym yn cytuno: ŵ ŷ â ê — Ελληνικά, Привет")
    assert "activity-gp-time-bank" in deck
    del other  # the third group places nothing
    return s


@pytest.fixture
def pdf(session: Session) -> bytes:
    return handout_bytes(session, STABLE)[0]


def test_cover_names_the_session_and_groups(pdf: bytes) -> None:
    cover = page_texts(pdf)[0]
    for expected in (
        "Spring workshop",
        "14 March 2026",
        "Aberystwyth",
        "Facilitated by Siân Jones",
        "Red table",
        "Tŷ Ŵyn",
        "Ελληνικά и Русский",
    ):
        assert expected in cover


def test_groups_cards_notes_and_regions_are_printed(pdf: bytes) -> None:
    text = pdf_text(pdf)
    for expected in (
        "Red table · board",
        "Red table · cards and notes",
        "Tŷ Ŵyn · cards and notes",
        "Matrix: Full co-production",
        "Co-production is not ...",
        "Ladder: 1 Coercion (doing to)",
        "Ladder: 7 Co-production (doing with)",
        "Recognising people as assets",
        "FAST family sessions",
        "Volunteering",
        "School attendance order",
        "GP surgery time bank",
        "Our note: Parents run it with staff. Second line.",
        "This group did not place any cards on the board.",
        "Deck cards left in the tray",
    ):
        assert expected in text, expected


def test_kinds_are_marked_and_explained(pdf: bytes) -> None:
    text = pdf_text(pdf)
    for marker, label in (
        ("●", "Principle"),
        ("■", "Activity"),
        ("✖", "Co-production is not ..."),
        ("★", "Our own card"),
    ):
        assert f"{marker} {label}" in text
    assert "● Recognising people as assets" in text
    assert "✖ Volunteering" in text


def test_reference_pages(session: Session, pdf: bytes) -> None:
    text = pdf_text(pdf)
    for heading in (
        "The six principles of co-production",
        "The ladder of co-production",
        "The public service matrix",
        "What co-production is not",
        "Sources",
    ):
        assert heading in text
    for card in session.deck.cards:
        if card.kind in ("principle", "non_example"):
            assert card.title in text
    for region in session.board.regions:
        assert words(region.label) in text
    for band in ("Doing to", "Doing for", "Doing with"):
        assert band in text
    assert words(session.board.source) in text
    assert "Professionals deliver" in text and "Professionals plan and design" in text


def test_markup_in_user_text_prints_literally(pdf: bytes) -> None:
    assert MARKUP_NOTE in pdf_text(pdf)


def test_markup_in_titles_and_names_prints_literally(session: Session) -> None:
    session.title = "<b>Bold & <i>brave</i></b> &amp;"
    session.groups[0].name = "<font size=40>Red</font>"
    text = pdf_text(handout_bytes(session, STABLE)[0])
    assert "<b>Bold & <i>brave</i></b> &amp;" in text
    assert "<font size=40>Red</font> · cards and notes" in text


def test_welsh_greek_cyrillic_are_text(pdf: bytes) -> None:
    assert "Rydym yn cytuno: ŵ ŷ â ê — Ελληνικά, Привет" in pdf_text(pdf)


def test_paper_sizes(session: Session) -> None:
    a4 = PdfReader(io.BytesIO(handout_bytes(session, STABLE)[0])).pages
    letter = PdfReader(
        io.BytesIO(handout_bytes(session, HandoutOptions(paper="letter", invariant=True))[0])
    ).pages
    assert (float(a4[0].mediabox.width), float(a4[0].mediabox.height)) == pytest.approx(
        (595.28, 841.89), abs=0.1
    )
    assert (float(letter[0].mediabox.width), float(letter[0].mediabox.height)) == pytest.approx(
        (612, 792), abs=0.1
    )
    # Each board is on a landscape page of the same paper.
    assert (float(a4[1].mediabox.width), float(a4[1].mediabox.height)) == pytest.approx(
        (841.89, 595.28), abs=0.1
    )
    with pytest.raises(ValueError):
        HandoutOptions(paper="a3")


def test_metadata(session: Session, pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title == "Spring workshop"
    assert "coprod-desktop" in meta.author and "Siân Jones" in meta.author
    assert meta.subject
    session.facilitator = ""
    meta = PdfReader(io.BytesIO(handout_bytes(session, STABLE)[0])).metadata
    assert meta.author == "coprod-desktop"


def test_running_header_and_page_numbers(pdf: bytes) -> None:
    pages = page_texts(pdf)
    assert all(f"Page {i} of {len(pages)}" in t for i, t in enumerate(pages, 1))
    assert all("Spring workshop" in t for t in pages[1:])
    assert "Spring workshop Reference" in " ".join(pages)
    assert "Questions to take away" in pages[-1]


def test_invariant_output_is_byte_stable(session: Session) -> None:
    first, pages = handout_bytes(session, STABLE)
    second, _ = handout_bytes(session, STABLE)
    assert first == second
    assert pages == len(PdfReader(io.BytesIO(first)).pages)


def test_write_handout_writes_the_same_pdf(session: Session, tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    pages = write_handout(session, target, STABLE)
    assert target.read_bytes() == handout_bytes(session, STABLE)[0]
    assert pages == len(PdfReader(target).pages)
    assert not [p for p in tmp_path.iterdir() if p.name != "handout.pdf"]  # no temp left


def test_failed_write_keeps_the_old_file(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"old")

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", refuse)
    with pytest.raises(OSError):
        write_handout(session, target, STABLE)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


def test_full_region_shows_more_and_lists_every_card(session: Session) -> None:
    group = session.groups[2]
    group.cards = [Card(f"own-{i}", "custom", f"Our idea number {i:02d}", "") for i in range(30)]
    for card in group.cards:
        session.place(group.id, card.id, "ladder-engagement")
    hidden = layout_for(session.board.region("ladder-engagement"), 30).hidden
    assert hidden > 0
    text = pdf_text(handout_bytes(session, STABLE)[0])
    assert f"+{hidden} more" in text
    for card in group.cards:
        assert f"★ {card.title}" in text
    # the listing gives each card once with its rung and what it still lacks
    assert text.count("Where: Ladder: 5 Engagement (doing for) · no cell yet") >= 30


def test_large_print_is_longer(session: Session) -> None:
    normal = handout_bytes(session, STABLE)[1]
    large = handout_bytes(session, HandoutOptions(invariant=True, large_print=True))[1]
    assert large >= normal


def test_long_titles_and_odd_dates_do_not_break_the_build(session: Session) -> None:
    session.title = "A very long workshop title " * 12
    session.created = "sometime in spring"
    group = session.groups[2]
    group.name = "Group with a name that goes on and on " * 5
    group.cards = [
        Card("long", "custom", "Supercalifragilistic" * 8 + " and more words " * 10, "text")
    ]
    session.place(group.id, "long", "matrix-traditional")
    data, pages = handout_bytes(session, STABLE)
    text = pdf_text(data)
    assert "sometime in spring" in text
    assert pages == len(PdfReader(io.BytesIO(data)).pages)


def test_importing_the_handout_loads_no_qt() -> None:
    code = (
        "import coprod_desktop.handout, sys\n"
        "from coprod_desktop.handout import document\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_importing_the_package_does_not_load_reportlab() -> None:
    code = (
        "import coprod_desktop.handout, sys\n"
        "assert not any(m.startswith('reportlab') for m in sys.modules), 'ReportLab loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
