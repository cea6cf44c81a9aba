"""`export` (placements per lens and for card-sort tools, the deck, a board as SVG) and
`merge` (the groups of several laptops' files in one session), with their refusals."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from coprod_desktop.cli.main import main
from coprod_desktop.files import builtin as content
from coprod_desktop.files.csv_cards import read_cards_csv
from coprod_desktop.files.session_file import load_session, save_session

BANK = "activity-gp-time-bank"


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())  # a BOM: Excel reads the accents
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    s = content.new_session("Export", ["Tŷ Ffynnon", "Harbour"])
    s.place("g1", BANK, "matrix-full-coproduction")
    s.place("g1", BANK, "ladder-co-production")
    s.mark("g1", BANK, "principle-reciprocity")
    s.set_note("g1", BANK, '=HYPERLINK("x") is text here')
    s.place("g2", BANK, "ladder-engagement")
    path = tmp_path / "s.json"
    save_session(s, path)
    return path


def test_placements_one_row_per_group_card_and_lens(session_file: Path, tmp_path: Path) -> None:
    out, tool = tmp_path / "p.csv", tmp_path / "c.csv"
    assert (
        main(["export", str(session_file), "--placements", str(out), "--casolysis", str(tool)]) == 0
    )
    rows = read_csv(out)
    assert rows[0] == [
        "group",
        "card_id",
        "card_title",
        "kind",
        "lens",
        "region_id",
        "region_label",
        "rank",
        "marks",
        "note",
    ]
    assert len(rows) == 1 + 3
    cell, rung = rows[1], rows[2]
    assert cell[:6] == [
        "Tŷ Ffynnon",
        BANK,
        "GP surgery time bank",
        "activity",
        "matrix",
        "matrix-full-coproduction",
    ]
    assert rung[4:8] == ["ladder", "ladder-co-production", "7 Co-production", "7"]
    assert rung[8] == "3 Reciprocal relationships"
    assert rung[9].startswith("'=HYPERLINK")  # formula-safe, as Deck > Export
    assert read_csv(tool)[1] == [
        BANK,
        "GP surgery time bank",
        "matrix:matrix-full-coproduction",
        "Full co-production",
        "Tŷ Ffynnon",
    ]


def test_deck_csv_reads_back_with_the_import(session_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.csv"
    assert main(["export", str(session_file), "--deck-csv", str(out)]) == 0
    report = read_cards_csv(out)
    assert len(report.cards) == len(load_session(session_file).deck.cards)


def test_board_image_svg_holds_every_placed_title(session_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "board.svg"
    assert main(["export", str(session_file), "--board-image", str(out), "--width", "1200"]) == 0
    root = ET.parse(out).getroot()
    assert float(root.get("width", "0")) == 1200
    assert "GP surgery time bank" in out.read_text(encoding="utf-8")


def test_board_image_svg_says_what_it_shows_in_fonts_a_reader_has(
    session_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "board.svg"
    assert main(["export", str(session_file), "--board-image", str(out), "--group", "g2"]) == 0
    root = ET.parse(out).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.findtext(f"{ns}title", "").endswith(": Harbour")
    assert root.findtext(f"{ns}desc", "") == "5 Engagement: GP surgery time bank."
    text = out.read_text(encoding="utf-8")
    assert "DejaVuSans" not in text and "font-family: 'DejaVu Sans'" in text
    assert "clip-path" not in text  # Qt paints a clip rectangle black


def _svg_scale(path: Path) -> float:
    text = path.read_text(encoding="utf-8")
    start = text.index("matrix(") + len("matrix(")
    return float(text[start : text.index(",", start)])


def test_board_image_text_grows_with_the_width(session_file: Path, tmp_path: Path) -> None:
    """The drawing is made at its handout size and scaled: a wider image has larger text,
    not the same 9 px text on a bigger canvas."""
    small, large = tmp_path / "s.svg", tmp_path / "l.svg"
    assert main(["export", str(session_file), "--board-image", str(small), "--width", "960"]) == 0
    assert main(["export", str(session_file), "--board-image", str(large), "--width", "1920"]) == 0
    assert _svg_scale(large) == pytest.approx(2 * _svg_scale(small), rel=1e-3)


def test_board_image_png_has_the_requested_width_and_the_board_on_white(
    session_file: Path, tmp_path: Path, qapp
) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "board.png"
    assert main(["export", str(session_file), "--board-image", str(out), "--width", "800"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage(str(out))
    w, h = load_session(session_file).board.size
    assert (image.width(), image.height()) == (800, round(800 * h / w))
    assert image.pixelColor(image.width() - 1, image.height() - 1).name() != "#000000"
    colours = {image.pixelColor(x, y).name() for x in range(0, 800, 7) for y in range(0, 400, 7)}
    assert "#ffffff" in colours and len(colours) > 20  # a drawing, with text, on white


def test_board_image_png_needs_no_display(session_file: Path, tmp_path: Path) -> None:
    """The command line makes its own offscreen Qt for the PNG: no DISPLAY, no platform set."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "board.png"
    args = ["export", str(session_file), "--board-image", str(out), "--width", "640"]
    result = subprocess.run(
        [sys.executable, "-m", "coprod_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[16:20] == (640).to_bytes(4, "big")  # the PNG header's width


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--board-image", "{d}/b.gif"], "is .svg or .png, not .gif"),
        (["--board-image", "{d}/b.svg", "--group", "g9"], "no such group"),
        (["--board-image", "{d}/b.svg", "--width", "5"], "between 100 and 8000"),
        (["--placements", "{d}/missing/p.csv"], "does not exist"),
        (["--placements", "{d}/exists.csv"], "the file exists"),
    ],
)
def test_export_refusals_are_one_line_and_write_nothing(
    session_file: Path, tmp_path: Path, capsys, extra, words
) -> None:
    (tmp_path / "exists.csv").write_text("keep", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    args = [a.format(d=tmp_path) for a in extra]
    assert main(["export", str(session_file), *args]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and words in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "exists.csv").read_text(encoding="utf-8") == "keep"


def laptops(tmp_path: Path) -> list[Path]:
    """One workshop, three laptops: the same deck and board, one table each."""
    paths = []
    for i, name in enumerate(["Red", "Blue", "Green"], 1):
        s = content.new_session("Workshop", [name])
        s.groups[0].id = f"t{i}"
        s.place(f"t{i}", BANK, "ladder-co-production" if i < 3 else "ladder-engagement")
        path = tmp_path / f"table{i}.json"
        save_session(s, path)
        paths.append(path)
    return paths


def test_merge_three_laptops_into_one_session(tmp_path: Path, capsys) -> None:
    paths = laptops(tmp_path)
    before = [p.read_bytes() for p in paths]
    out = tmp_path / "all.json"
    assert main(["merge", *map(str, paths), "-o", str(out)]) == 0
    assert "3 group(s) from 3 files" in capsys.readouterr().out
    merged = load_session(out)
    assert [g.name for g in merged.groups] == ["Red", "Blue", "Green"]
    assert [p.region for g in merged.groups for p in g.places(BANK)] == [
        "ladder-co-production",
        "ladder-co-production",
        "ladder-engagement",
    ]
    assert [p.read_bytes() for p in paths] == before  # the inputs are never changed


def test_merge_refuses_clashes_and_renames_on_request(tmp_path: Path, capsys) -> None:
    paths = laptops(tmp_path)
    same_id = json.loads(paths[1].read_text(encoding="utf-8"))
    same_id["groups"][0]["id"] = "t1"
    paths[1].write_text(json.dumps(same_id), encoding="utf-8")
    out = tmp_path / "all.json"
    assert main(["merge", *map(str, paths), "-o", str(out)]) == 2
    assert "group id 't1'" in capsys.readouterr().err and not out.exists()
    assert main(["merge", *map(str, paths), "-o", str(out), "--rename-groups"]) == 0
    assert [g.id for g in load_session(out).groups] == ["g1", "g2", "g3"]


def test_merge_refuses_another_board_and_a_different_card(tmp_path: Path, capsys) -> None:
    paths = laptops(tmp_path)
    other = json.loads(paths[2].read_text(encoding="utf-8"))
    other["board"]["regions"][0]["label"] = "Something else"
    card = next(c for c in other["deck"]["cards"] if c["id"] == BANK)
    card["title"] = "Time bank at the GP"
    paths[2].write_text(json.dumps(other), encoding="utf-8")
    out = tmp_path / "all.json"
    assert main(["merge", *map(str, paths), "-o", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert any("its board differs" in line for line in err)
    assert any(f"card '{BANK}' differs" in line for line in err)
    assert not out.exists()


def test_merge_refuses_more_than_twelve_groups(tmp_path: Path, capsys) -> None:
    paths = []
    for i in range(2):
        s = content.new_session("Big", [f"T{i}-{n}" for n in range(7)])
        for g in s.groups:
            g.id = f"{g.id}-{i}"
        path = tmp_path / f"big{i}.json"
        save_session(s, path)
        paths.append(path)
    assert main(["merge", *map(str, paths), "-o", str(tmp_path / "o.json")]) == 2
    assert "14 groups; a session has at most 12" in capsys.readouterr().err


def test_merge_keeps_the_first_files_key(tmp_path: Path) -> None:
    paths = laptops(tmp_path)
    out = tmp_path / "all.json"
    assert main(["merge", *map(str, paths), "-o", str(out)]) == 0
    merged = load_session(out)
    assert merged.deck.card(BANK).reference == content.deck().card(BANK).reference
    assert replace(merged.deck.card(BANK), reference=()) == replace(
        content.deck().card(BANK), reference=()
    )
