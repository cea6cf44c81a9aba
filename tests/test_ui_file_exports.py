"""File > Print cards, Export placements, Export board image, Merge sessions (issue 18):
each writes what its command-line twin writes, asks before replacing a file it named
itself, and leaves the session as it was when it cannot."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from coprod_desktop.domain.card_codes import session_codes
from coprod_desktop.files import builtin as content
from coprod_desktop.files.placements_csv import CASOLYSIS_COLUMNS, PLACEMENT_COLUMNS
from coprod_desktop.files.session_file import save_session
from coprod_desktop.handout.print_cards import pages_needed, paper_cards
from coprod_desktop.handout.print_options import PrintCardsOptions
from coprod_desktop.ui.dialogs.print_cards import PrintCardsDialog


@pytest.fixture
def exports(window):
    """The window's exporter with every question answered by the test."""
    ex = window.file_exports
    ex.asked, ex.errors, ex.replace_asked = [], [], []
    ex.save_answer = None
    ex.ask_save_path = lambda title, suggestion, _f: ex.asked.append(suggestion) or ex.save_answer
    ex.show_error = lambda title, message: ex.errors.append((title, message))
    ex.replace_answer = True
    ex.confirm_replace = lambda path: ex.replace_asked.append(path) or ex.replace_answer
    return ex


def status(window) -> str:
    return window.statusBar().currentMessage()


def place_first_activity(window) -> str:
    card = next(c for c in window.document.session.deck.cards if c.kind == "activity")
    region = window.document.session.board.regions_of("matrix")[0]
    assert window.document.place(card.id, region.id)
    return card.id


# --- Print cards ----------------------------------------------------------------------------


def test_print_cards_writes_the_chosen_paper_and_adds_the_suffix(window, exports, tmp_path):
    options = PrintCardsOptions(paper="letter", backs=True, mat="none")
    exports.ask_print_options = lambda: options
    exports.save_answer = tmp_path / "cards"
    assert exports.print_cards()
    reader = PdfReader(tmp_path / "cards.pdf")
    session = window.document.session
    assert len(reader.pages) == pages_needed(len(paper_cards(session)), options)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter
    first_code = next(iter(session_codes(session).values()))
    assert first_code in reader.pages[0].extract_text()
    assert exports.asked == ["test-workshop-cards.pdf"]
    assert f"{len(reader.pages)} pages" in status(window)


def test_print_cards_cancelled_writes_nothing(window, exports, tmp_path):
    exports.ask_print_options = lambda: None
    exports.save_answer = tmp_path / "cards.pdf"
    assert not exports.print_cards()
    assert exports.asked == [] and list(tmp_path.iterdir()) == []


def test_print_cards_keeps_a_file_the_user_would_not_replace(window, exports, tmp_path):
    (tmp_path / "cards.pdf").write_bytes(b"mine")
    exports.ask_print_options = PrintCardsOptions
    exports.save_answer, exports.replace_answer = tmp_path / "cards", False
    assert not exports.print_cards()
    assert exports.replace_asked == [tmp_path / "cards.pdf"]
    assert (tmp_path / "cards.pdf").read_bytes() == b"mine"


def test_print_cards_dialog_gives_the_chosen_options(window, qtbot):
    dialog = PrintCardsDialog(window, 29)
    qtbot.addWidget(dialog)
    assert dialog.options() == PrintCardsOptions()  # the command's defaults
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.backs.setChecked(True)
    dialog.mat.setCurrentIndex(dialog.mat.findData("tiled"))
    assert dialog.options() == PrintCardsOptions(paper="letter", backs=True, mat="tiled")


def test_a_write_failure_is_said_and_changes_nothing(window, exports, tmp_path):
    exports.ask_print_options = PrintCardsOptions
    exports.save_answer = tmp_path / "no such folder" / "cards.pdf"
    before = window.document.undo_stack.count()
    assert not exports.print_cards()
    ((title, message),) = exports.errors
    assert "could not be written" in message and "no such folder" in message
    assert window.document.undo_stack.count() == before


# --- Export placements ----------------------------------------------------------------------


def test_export_placements_writes_the_csv_and_its_casolysis_twin(window, exports, tmp_path):
    card_id = place_first_activity(window)
    exports.save_answer = tmp_path / "places"
    assert exports.export_placements()
    rows = list(csv.reader(io.StringIO((tmp_path / "places.csv").read_text("utf-8-sig"))))
    assert tuple(rows[0]) == PLACEMENT_COLUMNS
    assert any(card_id in row for row in rows[1:])
    twin = list(csv.reader(io.StringIO((tmp_path / "places-casolysis.csv").read_text("utf-8-sig"))))
    assert tuple(twin[0]) == CASOLYSIS_COLUMNS and any(card_id in row for row in twin[1:])
    assert "places.csv" in status(window) and "places-casolysis.csv" in status(window)


def test_export_placements_asks_before_replacing_the_twin(window, exports, tmp_path):
    (tmp_path / "places-casolysis.csv").write_text("mine")
    exports.save_answer, exports.replace_answer = tmp_path / "places.csv", False
    assert not exports.export_placements()
    assert exports.replace_asked == [tmp_path / "places-casolysis.csv"]
    assert not (tmp_path / "places.csv").exists()
    assert (tmp_path / "places-casolysis.csv").read_text() == "mine"


# --- Export board image ---------------------------------------------------------------------


def test_export_board_image_png_of_the_current_group(window, exports, tmp_path):
    window.document.set_current_group(window.document.session.groups[1].id)  # Blue
    exports.save_answer = tmp_path / "board"
    assert exports.export_board_image()
    image = QImage(str(tmp_path / "board.png"))
    assert image.width() == 1920 and image.height() > 500
    assert exports.asked == ["test-workshop-blue-board.png"]
    assert "Blue" in status(window)


def test_export_board_image_svg_says_whose_board(window, exports, tmp_path):
    exports.save_answer = tmp_path / "board.svg"
    assert exports.export_board_image()
    svg = (tmp_path / "board.svg").read_text("utf-8")
    assert svg.lstrip().startswith("<") and "<title>" in svg and "Red" in svg


def test_export_board_image_refuses_another_suffix(window, exports, tmp_path):
    exports.save_answer = tmp_path / "board.jpg"
    assert not exports.export_board_image()
    ((title, message),) = exports.errors
    assert ".png" in message and ".jpg" in message
    assert list(tmp_path.iterdir()) == []


# --- Merge sessions -------------------------------------------------------------------------


def laptop_file(folder: Path, name: str, groups: list[str], first_id: int = 1) -> Path:
    session = content.new_session("Workshop", groups)
    for i, group in enumerate(session.groups):
        group.id = f"t{first_id + i}"
    path = folder / name
    save_session(session, path)
    return path


def test_merge_sessions_opens_one_untitled_session_with_every_group(window, exports, tmp_path):
    a = laptop_file(tmp_path, "a.json", ["Table A"], 1)
    b = laptop_file(tmp_path, "b.json", ["Table B", "Table C"], 2)
    before = {p: p.read_bytes() for p in (a, b)}
    exports.ask_merge_paths = lambda: [a, b]
    assert exports.merge_sessions()
    document = window.document
    assert [g.name for g in document.session.groups] == ["Table A", "Table B", "Table C"]
    assert document.path is None
    assert "3 groups from 2 files" in status(window)
    assert {p: p.read_bytes() for p in (a, b)} == before  # the laptops' files stay as they were


def test_merge_with_the_same_group_ids_asks_to_rename(window, exports, tmp_path):
    paths = [laptop_file(tmp_path, f"{n}.json", [n]) for n in ("Left", "Right")]
    exports.ask_merge_paths = lambda: paths
    asked = []
    exports.ask_rename_groups = lambda problems: asked.append(problems) or False
    groups_before = [g.name for g in window.document.session.groups]
    assert not exports.merge_sessions()
    assert [g.name for g in window.document.session.groups] == groups_before
    assert len(asked) == 1 and "t1" in asked[0][0] and "rename-groups" not in asked[0][0]
    exports.ask_rename_groups = lambda problems: True
    assert exports.merge_sessions()
    groups = window.document.session.groups
    assert [g.name for g in groups] == ["Left", "Right"] and len({g.id for g in groups}) == 2


def test_merge_refuses_a_different_board_and_names_the_file(window, exports, tmp_path):
    a = laptop_file(tmp_path, "a.json", ["Table A"], 1)
    other = content.new_session("Workshop", ["Table B"])
    other.groups[0].id = "t2"
    other.board = dataclasses.replace(other.board, title="Another board")
    save_session(other, tmp_path / "other.json")
    exports.ask_merge_paths = lambda: [a, tmp_path / "other.json"]
    assert not exports.merge_sessions()
    ((title, message),) = exports.errors
    assert title == "Cannot merge" and "other.json" in message and "board" in message
    assert [g.name for g in window.document.session.groups] == ["Red", "Blue"]


def test_merge_needs_two_files_and_readable_ones(window, exports, tmp_path):
    a = laptop_file(tmp_path, "a.json", ["Table A"], 1)
    exports.ask_merge_paths = lambda: [a]
    assert not exports.merge_sessions()
    assert "two or more" in exports.errors[-1][1]
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    exports.ask_merge_paths = lambda: [a, broken]
    assert not exports.merge_sessions()
    assert "broken.json" in exports.errors[-1][1]
    assert [g.name for g in window.document.session.groups] == ["Red", "Blue"]


def test_the_file_menu_lists_the_exports_with_shortcuts(window):
    expected = {
        "print_cards": "Ctrl+P",
        "export_placements": "Ctrl+Alt+E",
        "export_board_image": "Ctrl+Shift+B",
        "merge_sessions": "Ctrl+Shift+O",
    }
    file_menu = window.menuBar().actions()[0].menu()
    for name, keys in expected.items():
        action = window.named_actions[name]
        assert action.shortcut().toString() == keys
        assert action in file_menu.actions()
