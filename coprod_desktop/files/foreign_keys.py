"""Keys another tool wrote into a session file, kept on save.

The reader knows the keys of each kind of object; anything else in an object is
collected here, addressed by what the object is (a card by its id, a placement by its
card and region) rather than by its position, so it follows the object when cards
move, and disappears with the object when that is deleted. Writing puts the keys back
where the same object is written, without replacing a key the app writes itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Address = tuple[str, ...]
Foreign = dict[Address, dict[str, Any]]

_TOP = {
    "format",
    "schema_version",
    "title",
    "created",
    "venue",
    "facilitator",
    "deck",
    "board",
    "groups",
    "dots",
    "rounds",
}
_DECK = {"id", "title", "cards"}
_CARD = {"id", "kind", "title", "text", "more", "source", "reference"}
_BOARD = {"id", "title", "source", "size", "lenses", "regions", "decorations"}
_LENS = {"id", "label", "unit", "expected", "stands_alone"}
_REGION = {"id", "label", "rect", "lens", "rank", "band", "description", "prompts"}
_DECORATION = {"kind", "text", "rect"}
_GROUP = {"id", "name", "colour", "cards", "placements", "notes", "marks", "votes"}
_PLACEMENT = {"card", "region"}
_NOTE = {"card", "text"}
_MARK = {"card", "principle"}


def collect(data: dict[str, Any]) -> Foreign:
    """The unknown keys of every object in a (current version) session file."""
    foreign: Foreign = {}
    for address, obj, known in _objects(data):
        extra = {k: v for k, v in obj.items() if k not in known}
        if extra:
            foreign[address] = extra
    return foreign


def restore(data: dict[str, Any], foreign: Foreign) -> dict[str, Any]:
    """Put collected keys back into a file about to be written (in place; returned)."""
    if not foreign:
        return data
    for address, obj, _known in _objects(data):
        for key, value in foreign.get(address, {}).items():
            obj.setdefault(key, value)
    return data


def _objects(data: dict[str, Any]) -> Iterator[tuple[Address, dict[str, Any], set[str]]]:
    yield (), data, _TOP
    deck = data.get("deck")
    if isinstance(deck, dict):
        yield ("deck",), deck, _DECK
        yield from _cards(deck, ("deck",))
    board = data.get("board")
    if isinstance(board, dict):
        yield ("board",), board, _BOARD
        yield from _each(board, "lenses", ("board",), _LENS, ("id",))
        yield from _each(board, "regions", ("board",), _REGION, ("id",))
        for i, item in enumerate(_list(board, "decorations")):
            yield ("board", "decorations", str(i)), item, _DECORATION
    for group in _list(data, "groups"):
        gid = group.get("id")
        if not isinstance(gid, str):
            continue
        at = ("groups", gid)
        yield at, group, _GROUP
        yield from _cards(group, at)
        yield from _each(group, "placements", at, _PLACEMENT, ("card", "region"))
        yield from _each(group, "notes", at, _NOTE, ("card",))
        yield from _each(group, "marks", at, _MARK, ("card", "principle"))


def _cards(
    owner: dict[str, Any], at: Address
) -> Iterator[tuple[Address, dict[str, Any], set[str]]]:
    return _each(owner, "cards", at, _CARD, ("id",))


def _each(
    owner: dict[str, Any], key: str, at: Address, known: set[str], by: tuple[str, ...]
) -> Iterator[tuple[Address, dict[str, Any], set[str]]]:
    for item in _list(owner, key):
        names = [n for k in by if isinstance(n := item.get(k), str)]
        if len(names) == len(by):
            yield (*at, key, *names), item, known


def _list(owner: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = owner.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
