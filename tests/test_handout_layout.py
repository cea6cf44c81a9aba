"""Layout slips a participant found reading the handout at home (issue 20), each checked
through the PDF: text positions and page contents from pypdf."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from coprod_desktop.domain.model import Session
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions, handout_bytes
from tests.example_handouts import example_pdf_with
from tests.pdf_text import page_words

STABLE = HandoutOptions(invariant=True)
MARKERS = ("■", "✖", "●", "★")
EXAMPLE = Path(__file__).parent.parent / "sessions/community-health-workshop.json"


def words(text: str) -> str:
    return " ".join(text.split())


def pages(data: bytes) -> list[PageObject]:
    return list(PdfReader(io.BytesIO(data)).pages)


texts = page_words


def positions(page: PageObject) -> list[tuple[float, float, str]]:
    """(x, y, text) of every run of text pypdf reads on page, in page coordinates."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, text.replace("\u00a0", " ").strip()))

    page.extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def example() -> Session:
    return load_session(EXAMPLE)


@pytest.fixture(scope="module")
def example_pdf(example: Session) -> bytes:
    return example_pdf_with(STABLE)


def test_rung_labels_wrap_alike_on_every_board(example: Session, example_pdf: bytes) -> None:
    """'7 Co-production' did not fit its rung's label box and wrapped after the number
    while '6 Co-design' stayed on one line: every rung now breaks the same way."""
    rungs = [r.label for r in example.board.regions if r.lens == "ladder"]
    boards = [p for p in pages(example_pdf) if "· board" in words(p.extract_text())[:200]]
    assert len(boards) == len(example.groups)
    for page in boards:
        lines = [text for _, _, text in positions(page)]
        split = {label: label.split()[0] in lines for label in rungs}
        joined = {label: any(line.startswith(label) for line in lines) for label in rungs}
        assert all(split[label] != joined[label] for label in rungs), (split, joined)
        assert len(set(split.values())) == 1, split


DASHED = "Table A – Gŵyr"


def test_a_group_name_never_breaks_at_its_dash() -> None:
    """Names that put 'Table A – Gŵyr' at the end of a heading line, at every point of
    it: the dash stays with the words on both sides, and a name that fits on a line
    moves to the next line whole."""
    names = [DASHED, *(("Grŵp " * k) + DASHED for k in range(5, 13))]
    s = content.new_session("Names", names)
    card = next(c for c in s.deck.cards if c.kind == "activity")
    for g in s.groups:
        s.place(g.id, card.id, "matrix-full-coproduction")
    data = handout_bytes(s, STABLE)[0]
    lines = [
        " ".join(line.replace("\u00a0", " ").split())
        for page in pages(data)
        for line in page.extract_text().splitlines()
    ]
    with_name = [line for line in lines if "Gŵyr" in line]
    assert len(with_name) > 3 * len(names)  # cover, board and cards headings, comparison
    assert all("A – Gŵyr" in line for line in with_name), [
        line for line in with_name if "A – Gŵyr" not in line
    ]
    assert not [line for line in lines if line.endswith(" –") or line.startswith("– ")]
    for suffix in (" · board", " · cards and notes"):  # the short name: on one line
        assert DASHED + suffix in lines


def _tray_session(placed: int, note_words: int) -> Session:
    s = content.new_session("Tray", ["Solo"])
    group = s.groups[0]
    cards = [c for c in s.deck.cards if c.kind == "activity"]
    cells = [r.id for r in s.board.regions if r.lens == "matrix"]
    for i, card in enumerate(cards[:placed]):
        s.place(group.id, card.id, cells[i % len(cells)])
        s.set_note(group.id, card.id, " ".join(["discussed"] * note_words))
    return s


@pytest.mark.parametrize(("placed", "note_words"), [(6, 30), (7, 6), (8, 6)])
def test_the_tray_list_never_starts_a_page_alone(placed: int, note_words: int) -> None:
    """Sizes at which 'Deck cards left in the tray' used to move alone onto a page of its
    own: now the card before it goes along."""
    pdf = texts(handout_bytes(_tray_session(placed, note_words), STABLE)[0])
    tray = [i for i, text in enumerate(pdf) if "Deck cards left in the tray" in text]
    assert len(tray) == 1
    page = pdf[tray[0]]
    assert not page.startswith("Deck cards left in the tray"), page[:200]
    assert "Where:" in page.split("Deck cards left in the tray")[0]


def _table_session(placed: int) -> Session:
    s = content.new_session("Every card", ["One", "Two"])
    cards = [c for c in s.deck.cards if c.kind != "principle"]
    cells = [r.id for r in s.board.regions if r.lens == "matrix"]
    for gi, group in enumerate(s.groups):
        for i, card in enumerate(cards[:placed]):
            s.place(group.id, card.id, cells[(i + gi) % len(cells)])
    return s


def _rows_per_page(data: bytes) -> list[int]:
    """Rows of the "every card" table on each page it is on (the column of 'Card')."""
    counts = []
    for page in pages(data):
        found = positions(page)
        heads = [x for x, _, text in found if text == "Card"]
        if not heads:
            continue
        counts.append(
            sum(1 for x, _, text in found if text[:1] in MARKERS and abs(x - heads[0]) < 1)
        )
    return counts


@pytest.mark.parametrize("placed", [22, 23])
def test_the_every_card_table_never_ends_with_one_row_alone(placed: int) -> None:
    """22 cards used to leave the last row alone under the repeated heading row."""
    rows = _rows_per_page(handout_bytes(_table_session(placed), STABLE)[0])
    assert len(rows) >= 2 and sum(rows) == placed, rows
    assert rows[-1] >= 2, rows


def test_the_every_card_introduction_is_on_its_tables_first_page(example_pdf: bytes) -> None:
    for text in texts(example_pdf):
        if "Every card, group by group Each card that" in text:
            assert "Card Where the groups put it" in text
            break
    else:
        pytest.fail("no 'Every card, group by group'")


def test_no_text_points_below_at_what_is_pages_away(example_pdf: bytes) -> None:
    """'"Every card, group by group" below' was three pages on."""
    text = " ".join(texts(example_pdf))
    assert "” below" not in text and "table below" not in text
    assert "“Every card, group by group”, at the end of this comparison, shows" in text


def test_sources_name_works_not_the_decks_own_labels(example_pdf: bytes) -> None:
    pdf = texts(example_pdf)
    start = next(i for i, t in enumerate(pdf) if "Sources Made with coprod-desktop" in t)
    sources = " ".join(pdf[start:]).split("Sources Made with coprod-desktop", 1)[1]
    sources = sources.split("Questions to take away")[0]
    assert "coprod-desktop example" not in sources
    assert "everyday public service" not in sources
    assert "Bovaird and Loeffler's four Co's (Governance International)" in sources
    assert "critiques of co-production" not in sources  # a topic, not a work
    assert "Table 2 – Harbour, this workshop" in sources  # a group's own card: as written
