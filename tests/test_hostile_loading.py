"""Loading is strict and explains: every hostile file in the issue's list is refused with a
message naming what and where, as SessionFormatError from the loader, as one line and exit
status 2 from the command line, and as a dialog in the window, which keeps the open session."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.cli.main import main
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import (
    MAX_FILE_BYTES,
    load_session,
    session_from_json,
    session_to_json,
)
from coprod_desktop.files.session_schema import SessionFormatError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "sessions" / "community-health-workshop.json"
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


def _example() -> dict[str, Any]:
    return json.loads(EXAMPLE_TEXT)


def _changed(change: Callable[[dict[str, Any]], None]) -> str:
    data = _example()
    change(data)
    return json.dumps(data, ensure_ascii=False, indent=1)


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)  # no 20 MB written: a sparse file

    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)  # opening it for reading would block until a writer came


def _dup_card(d: dict[str, Any]) -> None:
    d["deck"]["cards"][3]["id"] = d["deck"]["cards"][0]["id"]


def _place_twice(d: dict[str, Any]) -> None:
    d["groups"][0]["placements"].append(copy.deepcopy(d["groups"][0]["placements"][0]))


# (id, the file: text, bytes or a function that makes it, words the message must contain)
HOSTILE: list[tuple[str, Any, str]] = [
    ("syntax", EXAMPLE_TEXT.replace('"created":', '"created"', 1), "line 5, column 13"),
    ("truncated", EXAMPLE_TEXT[: len(EXAMPLE_TEXT) // 2], "not valid JSON"),
    ("wrong-type", _changed(lambda d: d.update(title=["a list"])), "title: expected text"),
    (
        "missing-key",
        _changed(lambda d: d["groups"][0].pop("colour")),
        "groups[0].colour: this required field is missing",
    ),
    (
        "unknown-kind",
        _changed(lambda d: d["deck"]["cards"][2].update(kind="story")),
        "deck.cards[2].kind: unknown kind 'story'",
    ),
    ("duplicate-id", _changed(_dup_card), "deck.cards[3].id: duplicate card id"),
    (
        "unknown-card",
        _changed(lambda d: d["groups"][1]["placements"][0].update(card="ghost")),
        "groups[1].placements[0].card: unknown card 'ghost'",
    ),
    (
        "unknown-region",
        _changed(lambda d: d["groups"][2]["placements"][1].update(region="moon")),
        "groups[2].placements[1].region: unknown region 'moon'",
    ),
    ("placed-twice", _changed(_place_twice), "already has a place on the"),
    (
        "bad-colour",
        _changed(lambda d: d["groups"][0].update(colour="red")),
        "groups[0].colour: colour 'red' is not of the form #rrggbb",
    ),
    (
        "newer",
        _changed(lambda d: d.update(schema_version=3)),
        "schema_version: version 3 was made by a newer version of coprod-desktop",
    ),
    (
        "far-newer",
        _changed(lambda d: d.update(schema_version=10**50)),
        "from the future was made by a newer version of coprod-desktop",
    ),
    (
        "nan",
        EXAMPLE_TEXT.replace('"schema_version": 2', '"schema_version": NaN', 1),
        "NaN is not allowed",
    ),
    (
        "infinity",
        EXAMPLE_TEXT.replace('"schema_version": 2', '"schema_version": -Infinity', 1),
        "Infinity is not allowed",
    ),
    ("deep", '{"format": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested more than 64"),
    (
        "huge-int",
        EXAMPLE_TEXT.replace('"schema_version": 2', '"schema_version": 2' + "0" * 5000, 1),
        "a number has more than 100 digits",
    ),
    ("huge-negative-int", '{"x": -' + "9" * 200 + "}", "more than 100 digits"),
    (
        "duplicate-key",
        EXAMPLE_TEXT.replace('"title":', '"title": "x", "title":', 1),
        "'title' appears twice",
    ),
    (
        "lone-surrogate",
        EXAMPLE_TEXT.replace('"title": "', '"title": "\\ud800', 1),
        "title: the text contains an invalid character",
    ),
    ("not-utf8", EXAMPLE_TEXT.encode("utf-16"), "not UTF-8"),
    ("empty", b"", "empty"),
    ("not-an-object", "[1, 2, 3]", "expected a JSON object, found a list"),
    ("other-format", '{"format": "something"}', "not a coprod-desktop session"),
    ("too-large", _sparse(MAX_FILE_BYTES + 1), "at most 20 MB"),
    ("fifo", _fifo, "not a regular file"),
]
IDS = [h[0] for h in HOSTILE]


def make_file(folder: Path, name: str, contents: Any) -> Path:
    path = folder / f"{name}.json"
    if callable(contents):
        contents(path)
    elif isinstance(contents, bytes):
        path.write_bytes(contents)
    else:
        path.write_text(contents, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "contents", "words"), HOSTILE, ids=IDS)
def test_the_loader_refuses_with_a_message(
    tmp_path: Path, name: str, contents: Any, words: str
) -> None:
    path = make_file(tmp_path, name, contents)
    with pytest.raises(SessionFormatError) as info:
        load_session(path)
    assert words in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("name", "contents", "words"), HOSTILE, ids=IDS)
def test_check_is_one_line_and_status_2(
    tmp_path: Path, capsys, name: str, contents: Any, words: str
) -> None:
    path = make_file(tmp_path, name, contents)
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert str(path) in err and words in err


def test_the_example_itself_loads() -> None:
    """The hostile files above are the example with one thing broken."""
    assert session_to_json(session_from_json(EXAMPLE_TEXT)) == EXAMPLE_TEXT


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    with pytest.raises(SessionFormatError, match="not a regular file"):
        load_session(device)


def test_huge_integer_refused_even_without_the_interpreter_limit(tmp_path: Path) -> None:
    """PYTHONINTMAXSTRDIGITS=0 switches Python's own limit off: ours still holds, quickly."""
    path = tmp_path / "huge.json"
    path.write_text('{"format": "coprod-session", "schema_version": ' + "7" * 2_000_000 + "}")
    env = {**os.environ, "PYTHONINTMAXSTRDIGITS": "0", "PYTHONPATH": str(ROOT)}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "coprod_desktop", "check", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "more than 100 digits" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_session_with_a_lone_surrogate_cannot_be_saved_but_says_why(tmp_path: Path) -> None:
    from coprod_desktop.files.session_file import save_session

    session = content.new_session("ok")
    session.title = "bad \ud800 text"
    with pytest.raises(OSError, match="invalid character"):
        save_session(session, tmp_path / "s.json")
    assert list(tmp_path.iterdir()) == []


# --- in the window: a dialog, and the open session stays --------------------------


@pytest.fixture
def window(open_window):
    return open_window(content.new_session("Open workshop", ["Red", "Blue"]), None, False)


def test_every_hostile_file_is_a_dialog_and_the_session_stays(window, tmp_path: Path) -> None:
    doc = window.document
    card = doc.session.deck.cards[0].id
    doc.place(card, doc.session.board.regions[0].id)
    before = (session_to_json(doc.session), doc.path, doc.undo_stack.index(), doc.is_modified())
    shown: list[tuple[str, str]] = []
    window.files.show_error = lambda title, message: shown.append((title, message))
    for name, contents, words in HOSTILE:
        path = make_file(tmp_path, name, contents)
        assert window.files.load(path) is False, name
        assert len(shown) == 1, name
        title, message = shown.pop()
        assert title == "Cannot open session"
        assert words in message and path.name in message, (name, message)
        after = (session_to_json(doc.session), doc.path, doc.undo_stack.index(), doc.is_modified())
        assert after == before, name


def test_open_of_a_hostile_file_keeps_the_unsaved_session(window, tmp_path: Path) -> None:
    """Open asks about unsaved changes first; cancelling the file dialog or a bad file keeps all."""
    doc = window.document
    doc.place(doc.session.deck.cards[0].id, doc.session.board.regions[0].id)
    shown: list[str] = []
    window.files.show_error = lambda title, message: shown.append(message)
    window.files.ask_unsaved = lambda: QMessageBox.StandardButton.Cancel
    assert window.files.open(make_file(tmp_path, "newer", HOSTILE[10][1])) is False
    assert shown == [] and doc.is_modified()  # cancelled before reading anything
    window.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # let teardown close


def test_starting_on_a_hostile_file_opens_a_new_session_and_explains(qtbot, tmp_path: Path) -> None:
    from coprod_desktop.app import build_window

    path = make_file(tmp_path, "nan", HOSTILE[12][1])
    window, error = build_window(path)
    qtbot.addWidget(window)
    assert error is not None and "NaN is not allowed" in error and str(path) in error
    assert window.document.path is None
    assert not window.document.is_modified()
