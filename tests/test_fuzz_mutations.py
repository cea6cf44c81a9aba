"""Fuzz: the example sessions, mutated (truncated, types swapped, keys removed, random bytes,
huge strings, duplicated items, hostile tokens). `check` and the loader never raise anything
but SessionFormatError; whatever still loads saves and loads again to the same session, and
opens in the window without an error. Seeded: the same cases every run."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.cli.main import main
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session, session_from_json, session_to_json
from coprod_desktop.files.session_schema import SessionFormatError

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "sessions" / "community-health-workshop.json",
    ROOT / "tests" / "golden" / "session-v1.json",
]
CASES = 400
SEED = 6


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        doc = doc[key]
    return doc


def _other_value(rng: random.Random, old: Any) -> Any:
    choices: list[Any] = [
        None,
        True,
        False,
        0,
        -1,
        1.5,
        10**30,
        -(10**40),
        1e308,
        "",
        "x",
        "<b>bold</b>",
        "\u202eevil",
        "\x00",
        [],
        {},
        [old],
        {"v": old},
        [None] * 3,
        "#12345g",
        "😀" * 50,
    ]
    return rng.choice([c for c in choices if type(c) is not type(old)] or choices)


def _mutate_tree(rng: random.Random, doc: Any) -> Any:
    doc = copy.deepcopy(doc)
    for _ in range(rng.randint(1, 3)):
        paths = [p for p in _paths(doc) if p]
        path = rng.choice(paths)
        parent, key = _parent(doc, path), path[-1]
        action = rng.choice(["swap", "remove", "huge", "duplicate", "empty", "swap"])
        if action == "swap":
            parent[key] = _other_value(rng, parent[key])
        elif action == "remove":
            del parent[key]
        elif action == "huge":
            parent[key] = rng.choice(["é", "a", "<", "\n"]) * rng.choice([10_000, 1_000_000])
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif action == "empty" and isinstance(parent[key], list | dict | str):
            parent[key] = type(parent[key])()
    return doc


def _mutate_bytes(rng: random.Random, raw: bytes) -> bytes:
    action = rng.choice(["truncate", "flip", "insert", "delete", "token"])
    at = rng.randrange(len(raw))
    if action == "truncate":
        return raw[:at]
    if action == "flip":
        data = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if action == "insert":
        return raw[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 16))) + raw[at:]
    if action == "delete":
        return raw[:at] + raw[at + rng.randint(1, 64) :]
    token = rng.choice(
        [
            b"NaN",
            b"-Infinity",
            b"[" * 200,
            b"9" * 5000,
            b'"\\ud800"',
            b"\xff\xfe",
            b"\x00",
            b'"a": 1, "a": 2',
            b"1e999",
            b"{}",
            b"]]]",
        ]
    )
    return raw[:at] + token + raw[at:]


def mutated_files() -> Iterator[tuple[int, bytes]]:
    rng = random.Random(SEED)
    sources = [p.read_bytes() for p in SOURCES]
    trees = [json.loads(raw) for raw in sources]
    for case in range(CASES):
        which = rng.randrange(len(sources))
        if rng.random() < 0.5:
            yield case, _mutate_bytes(rng, sources[which])
        else:
            indent = rng.choice([None, 1])
            yield (
                case,
                json.dumps(
                    _mutate_tree(rng, trees[which]), ensure_ascii=rng.random() < 0.5, indent=indent
                ).encode("utf-8"),
            )


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, list[Path]]:
    """Every mutated file through the loader: which loaded, which were refused."""
    folder = tmp_path_factory.mktemp("fuzz")
    result: dict[str, list[Path]] = {"loaded": [], "refused": []}
    for case, raw in mutated_files():
        path = folder / f"case-{case}.json"
        path.write_bytes(raw)
        try:
            session = load_session(path)
        except SessionFormatError as exc:
            assert str(exc), case
            result["refused"].append(path)
        else:  # anything else raised fails the test here, naming the case
            assert session_from_json(session_to_json(session)) == session, case
            result["loaded"].append(path)
    return result


def test_the_loader_raises_only_session_format_error(outcomes) -> None:
    loaded, refused = len(outcomes["loaded"]), len(outcomes["refused"])
    print(f"\n{CASES} mutated files: {refused} refused, {loaded} still valid")
    assert loaded + refused == CASES
    assert refused > CASES // 2 and loaded > 10  # the mutations do both, so both paths run


def test_check_is_exit_0_or_2_with_one_line(outcomes, capsys) -> None:
    for outcome, status in (("loaded", 0), ("refused", 2)):
        for path in outcomes[outcome]:
            code = main(["check", str(path)])
            out, err = capsys.readouterr()
            assert code == status, (path, err)
            assert len((out or err).splitlines()) == 1 and "Traceback" not in err, path


def test_mutated_files_that_still_load_open_in_the_window(outcomes, qtbot) -> None:
    from coprod_desktop.ui.document.document import SessionDocument
    from coprod_desktop.ui.main_window import MainWindow

    window = MainWindow(SessionDocument(content.new_session()))
    window.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    shown: list[str] = []
    window.files.show_error = lambda title, message: shown.append(message)
    qtbot.addWidget(window)
    window.show()
    for path in outcomes["loaded"][:40]:
        assert window.files.load(path), shown
        doc = window.document
        for group in doc.session.groups:  # every group's board is drawn
            doc.set_current_group(group.id)
            window.grab()
    for path in outcomes["refused"][:40]:
        assert not window.files.load(path)
    assert len(shown) == min(40, len(outcomes["refused"]))


def test_mutated_files_that_still_load_print_a_handout(outcomes) -> None:
    """Whatever `check` accepts, `handout` prints (16 of 400 could not, before the rules
    moved into the domain and tiny regions printed their count)."""
    from coprod_desktop.handout import HandoutOptions, handout_bytes

    options = HandoutOptions(invariant=True)
    printed: set[str] = set()  # a quarter of them load as a session already printed
    for path in outcomes["loaded"]:
        session = load_session(path)
        if (key := session_to_json(session)) in printed:
            continue
        printed.add(key)
        data, pages = handout_bytes(session, options)
        assert data.startswith(b"%PDF") and pages > 0, path
    assert len(printed) > 10
