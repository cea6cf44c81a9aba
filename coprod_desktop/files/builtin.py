"""Built-in decks, boards and fonts from resources/, and new sessions made from them.

Resources live in resources/ at the repository root while developing and inside
the package (coprod_desktop/resources) once installed from a wheel.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path

from coprod_desktop.domain.model import GROUP_COLOURS, Board, Deck, Group, Session, deck_for_board
from coprod_desktop.files.session_schema import board_from_dict, deck_from_dict

DEFAULT_DECK_ID = "nef-coproduction"
DEFAULT_BOARD_ID = "matrix-and-ladder"


class ContentError(RuntimeError):
    """A built-in resource is missing or broken: a packaging bug, not a user error."""


@cache
def resources_dir() -> Path:
    package = Path(__file__).resolve().parent.parent  # coprod_desktop/
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / "decks").is_dir():
            return candidate
    raise ContentError(f"cannot find the resources folder near {package}")


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / name


def _load_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(f"cannot read {path}: {exc}") from exc


@cache
def builtin_decks() -> dict[str, Deck]:
    decks = [
        deck_from_dict(_load_json(p), p.name)
        for p in sorted((resources_dir() / "decks").glob("*.json"))
    ]
    return {d.id: d for d in decks}


@cache
def builtin_boards() -> dict[str, Board]:
    boards = [
        board_from_dict(_load_json(p), p.name)
        for p in sorted((resources_dir() / "boards").glob("*.json"))
    ]
    return {b.id: b for b in boards}


def deck(deck_id: str = DEFAULT_DECK_ID) -> Deck:
    try:
        return builtin_decks()[deck_id]
    except KeyError:
        raise ContentError(f"no built-in deck {deck_id!r}") from None


def board(board_id: str = DEFAULT_BOARD_ID) -> Board:
    try:
        return builtin_boards()[board_id]
    except KeyError:
        known = ", ".join(builtin_boards())
        raise ContentError(f"no built-in board {board_id!r} (known: {known})") from None


def new_session(
    title: str = "Co-production workshop",
    group_names: list[str] | None = None,
    deck_id: str = DEFAULT_DECK_ID,
    board_id: str = DEFAULT_BOARD_ID,
) -> Session:
    names = group_names or ["Group 1"]
    groups = [
        Group(id=f"g{i + 1}", name=name, colour=GROUP_COLOURS[i % len(GROUP_COLOURS)])
        for i, name in enumerate(names)
    ]
    return Session(
        title=title,
        created=datetime.now().astimezone().isoformat(timespec="seconds"),
        deck=deck_for_board(deck(deck_id), board(board_id)),
        board=board(board_id),
        groups=groups,
    )
