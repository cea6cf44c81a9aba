"""Paper cards: every card's title and code in its own slot, crop marks, backs mirrored for
long-edge duplex, the table mat (A3 or tiled), embedded fonts; and the CLI's refusals."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from coprod_desktop.cli.main import main
from coprod_desktop.domain.card_codes import session_codes
from coprod_desktop.domain.model import CardDraft
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout.mat import tiling
from coprod_desktop.handout.print_cards import (
    CARD_H,
    CARD_W,
    MARK_GAP,
    MARK_LEN,
    PAPER_SIZES,
    PER_PAGE,
    build_cards_pdf,
    paper_cards,
    slot,
)
from coprod_desktop.handout.print_options import PrintCardsOptions

needs_poppler = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftotext", "pdftoppm", "pdffonts")),
    reason="poppler-utils (pdftotext, pdftoppm, pdffonts) is not installed",
)


@pytest.fixture
def session(example_path):
    return load_session(example_path)


def write(tmp_path: Path, session, **options) -> tuple[Path, int]:
    data, pages = build_cards_pdf(session, PrintCardsOptions(invariant=True, **options))
    path = tmp_path / "cards.pdf"
    path.write_bytes(data)
    return path, pages


def text_in(path: Path, page: int, box: tuple[float, float, float, float], height: float) -> str:
    """The text pdftotext finds in box (x, y from the bottom, w, h in points) of page."""
    x, y, w, h = box
    out = subprocess.run(
        ["pdftotext", "-r", "72", "-f", str(page), "-l", str(page), "-x", str(int(x) + 1)]
        + ["-y", str(int(height - y - h) + 1), "-W", str(int(w) - 2), "-H", str(int(h) - 2)]
        + [str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(out.split())


def grey(path: Path, page: int) -> tuple[int, int, list[bytes]]:
    """Page rendered at 72 dpi in grey: width, height and rows of bytes (0 black)."""
    out = subprocess.run(
        ["pdftoppm", "-gray", "-r", "72", "-f", str(page), "-l", str(page), str(path)],
        capture_output=True,
        check=True,
    ).stdout
    header, rest = out.split(b"\n", 1)[0], out.split(b"\n", 1)[1]
    assert header == b"P5"
    size, rest = rest.split(b"\n", 1)
    width, height = map(int, size.split())
    _, pixels = rest.split(b"\n", 1)  # the maximum value
    return width, height, [pixels[r * width : (r + 1) * width] for r in range(height)]


def dark_near(rows: list[bytes], height: float, x: float, y: float, reach: int = 1) -> bool:
    """Is there ink within reach pixels of the point (x, y from the bottom, points)?"""
    cx, cy = round(x), round(height - y)
    return any(
        rows[r][c] < 128
        for r in range(cy - reach, cy + reach + 1)
        for c in range(cx - reach, cx + reach + 1)
    )


def test_the_cards_are_the_deck_then_each_groups_own(session) -> None:
    cards = paper_cards(session)
    own = [c for g in session.groups for c in g.cards]
    assert [p.card.id for p in cards][-len(own) :] == [c.id for c in own]
    assert len(cards) == len(session.deck.cards) + len(own)
    codes = session_codes(session)
    assert all(p.code == codes[p.card.id] for p in cards)
    assert cards[-1].foot.endswith("own card")


@needs_poppler
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_card_prints_its_title_and_code_in_its_own_slot(tmp_path, session, paper) -> None:
    session.add_group_card(session.groups[0].id, CardDraft("custom", "Ours: <b>tea</b> & cake"))
    path, pages = write(tmp_path, session, paper=paper, mat="none")
    cards = paper_cards(session)
    assert pages == len(PdfReader(path).pages) == -(-len(cards) // PER_PAGE)
    size = PAPER_SIZES[paper]
    media = PdfReader(path).pages[0].mediabox
    assert (round(float(media.width)), round(float(media.height))) == tuple(map(round, size))
    for index, paper_card in enumerate(cards):
        page, where = index // PER_PAGE + 1, index % PER_PAGE
        found = text_in(path, page, (*slot(where, size), CARD_W, CARD_H), size[1])
        assert paper_card.code in found.split(), (paper_card.code, found)
        assert " ".join(paper_card.card.title.split()) in found, (paper_card.card.title, found)
    assert "Ours: <b>tea</b> & cake" in text_in(path, pages, (0, 0, *size), size[1])


@needs_poppler
def test_crop_marks_at_every_cut_and_nothing_in_the_corners(tmp_path, session) -> None:
    path, _ = write(tmp_path, session, mat="none")
    width, height = PAPER_SIZES["a4"]
    _, _, rows = grey(path, 1)
    x0, top = slot(0, (width, height))[0], slot(0, (width, height))[1] + CARD_H
    bottom = top - 3 * CARD_H
    middle = MARK_GAP + MARK_LEN / 2
    for column in range(4):
        x = x0 + column * CARD_W
        assert dark_near(rows, height, x, top + middle), ("top", column)
        assert dark_near(rows, height, x, bottom - middle), ("bottom", column)
    for row in range(4):
        y = top - row * CARD_H
        assert dark_near(rows, height, x0 - middle, y), ("left", row)
        assert dark_near(rows, height, x0 + 3 * CARD_W + middle, y), ("right", row)
    # Between the marks, in the margin, and in the page's corners: paper.
    assert not dark_near(rows, height, x0 + CARD_W / 2, top + middle, 3)
    assert not dark_near(rows, height, 8, 8, 5)
    assert not dark_near(rows, height, width - 8, height - 8, 5)


@needs_poppler
def test_backs_follow_each_sheet_mirrored_for_long_edge_duplex(tmp_path, session) -> None:
    path, pages = write(tmp_path, session, backs=True, mat="none")
    cards = paper_cards(session)
    sheets = -(-len(cards) // PER_PAGE)
    assert pages == len(PdfReader(path).pages) == 2 * sheets
    size = PAPER_SIZES["a4"]
    for index, paper_card in enumerate(cards):
        back_page = 2 * (index // PER_PAGE) + 2
        x, y = slot(index % PER_PAGE, size, back=True)
        found = text_in(path, back_page, (x, y, CARD_W, CARD_H), size[1])
        assert paper_card.code in found.split(), (paper_card.code, found)
        assert paper_card.card.title not in found  # a back shows no title
    # The first card's back is at the top right, straight behind its front at the top left.
    front, back = slot(0, size), slot(0, size, back=True)
    assert front[1] == back[1] and back[0] == pytest.approx(size[0] - front[0] - CARD_W)
    assert back[0] > front[0]


@needs_poppler
def test_the_mat_on_a3_and_tiled(tmp_path, session) -> None:
    sheets = -(-len(paper_cards(session)) // PER_PAGE)
    path, pages = write(tmp_path, session)
    reader = PdfReader(path)
    assert pages == len(reader.pages) == sheets + 1
    mat = reader.pages[-1].mediabox
    assert (round(float(mat.width)), round(float(mat.height))) == (1191, 842)  # A3 landscape
    text = " ".join(reader.pages[-1].extract_text().split())
    assert "Table mat" in text
    for region in session.board.regions:
        assert region.label.split()[0] in text
    for paper in ("a4", "letter"):
        tiles = tiling(paper)
        assert 2 <= tiles.sheets <= 6
        path, pages = write(tmp_path, session, paper=paper, mat="tiled")
        reader = PdfReader(path)
        assert pages == len(reader.pages) == sheets + tiles.sheets
        tile_text = " ".join(reader.pages[sheets].extract_text().split())
        assert "Table mat, sheet A1" in tile_text


@needs_poppler
def test_every_font_is_embedded(tmp_path, session) -> None:
    path, _ = write(tmp_path, session, backs=True, mat="tiled")
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    fonts = out.stdout.splitlines()[2:]
    assert fonts and all("DejaVuSans" in line for line in fonts), out.stdout
    assert all(line.split()[-5] == "yes" for line in fonts), out.stdout  # the "emb" column


def test_cli_prints_the_cards(tmp_path, example_path, capsys) -> None:
    out = tmp_path / "cards.pdf"
    assert main(["print-cards", str(example_path), "-o", str(out), "--backs"]) == 0
    assert f"{out}: {len(PdfReader(out).pages)} page(s)" in capsys.readouterr().out
    assert main(["print-cards", str(example_path), "-o", str(out), "--force", "--mat", "none"]) == 0
    assert len(PdfReader(out).pages) == -(-len(paper_cards(load_session(example_path))) // 9)


def test_cli_refuses_bad_input_in_one_line_and_writes_nothing(
    tmp_path, example_path, capsys
) -> None:
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"keep me")

    def refused(*args: str) -> str:
        assert main(["print-cards", *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("coprod-desktop: ")
        return err

    assert "No such file" in refused(str(tmp_path / "missing.json"), "-o", str(tmp_path / "a.pdf"))
    assert "--force" in refused(str(example_path), "-o", str(existing))
    assert existing.read_bytes() == b"keep me"
    assert "does not exist" in refused(str(example_path), "-o", str(tmp_path / "no" / "a.pdf"))
    assert "folder" in refused(str(example_path), "-o", str(tmp_path), "--force")
    assert "input file" in refused(str(example_path), "-o", str(example_path), "--force")
    with pytest.raises(SystemExit) as exit_:
        main(["print-cards", str(example_path), "-o", str(tmp_path / "a.pdf"), "--mat", "a2"])
    assert exit_.value.code == 2 and "invalid choice" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.pdf"]


def test_an_output_through_a_symlink_writes_the_target_and_keeps_the_link(
    example_path: Path, tmp_path: Path
) -> None:
    """The same rule as every save (issue 17): a link is followed, not refused."""
    from coprod_desktop.cli.main import main

    target = tmp_path / "real.pdf"
    link = tmp_path / "cards.pdf"
    link.symlink_to(target)
    assert main(["print-cards", str(example_path), "-o", str(link), "--mat", "none"]) == 0
    assert link.is_symlink() and target.read_bytes().startswith(b"%PDF")
