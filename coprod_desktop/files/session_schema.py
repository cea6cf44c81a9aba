"""The session file's schema: JSON objects <-> the model, with errors that name the field
path, and the migration of older versions. Only the shape (types, required keys) is checked
here; the rules (unique ids, known regions, limits) are the domain's (domain/rules.py), and
their errors are translated into the file's field paths. No I/O, no Qt.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Callable
from typing import Any

from coprod_desktop.domain.errors import DomainError, join_path
from coprod_desktop.domain.model import (
    Board,
    Card,
    Deck,
    Decoration,
    Group,
    KeyPlace,
    Lens,
    Mark,
    Placement,
    Region,
    Round,
    Session,
)
from coprod_desktop.domain.rules import check_group_count, check_session
from coprod_desktop.files import foreign_keys
from coprod_desktop.files.session_settings import ROOM_MODE_KEY

FORMAT_NAME = "coprod-session"
SCHEMA_VERSION = 2
_SURROGATE = re.compile("[\ud800-\udfff]")


class SessionFormatError(ValueError):
    """A session file that cannot be loaded; the message names where and what."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.reason = message


def session_from_dict(data: Any) -> Session:
    """A session from a parsed file (any version this app reads); raises SessionFormatError."""
    data = migrate(data)
    r = _Reader(data, "")
    deck = deck_from_dict(r.obj("deck").data, "deck")
    board = board_from_dict(r.obj("board").data, "board")
    raw_groups = r.array("groups")
    try:  # before reading them: 7,000 groups took 20 s to read only to be refused
        check_group_count(len(raw_groups))
    except DomainError as exc:
        raise _at(exc, "") from None
    groups = [_group_from_dict(g, f"groups[{i}]") for i, g in enumerate(raw_groups)]
    session = Session(
        title=r.text("title"),
        created=r.text("created"),
        deck=deck,
        board=board,
        groups=groups,
        venue=r.text("venue", ""),
        facilitator=r.text("facilitator", ""),
        foreign=foreign_keys.collect(data),
        rounds=[_round_from_dict(x, f"rounds[{i}]") for i, x in enumerate(r.array("rounds", []))],
        dots=r.count("dots", 0),
    )
    # Room mode (issue 21): true or absent. It travels with the top-level keys the model
    # does not hold (files/session_settings.py); here only checked.
    r.flag(ROOM_MODE_KEY, False)
    try:
        check_session(session)
    except DomainError as exc:
        raise _at(exc, "") from None
    return session


def migrate(data: Any) -> Any:
    """Bring an older file up to SCHEMA_VERSION; refuse newer ones and other formats."""
    if not isinstance(data, dict):
        raise SessionFormatError(f"expected a JSON object, found {_type_name(data)}")
    if data.get("format") != FORMAT_NAME:
        raise SessionFormatError(
            f'not a coprod-desktop session (expected "{FORMAT_NAME}")', "format"
        )
    version = data.get("schema_version")
    if type(version) is not int:
        raise SessionFormatError("expected a whole number", "schema_version")
    if version > SCHEMA_VERSION:
        shown = version if version < 10**9 else "from the future"
        raise SessionFormatError(
            f"version {shown} was made by a newer version of coprod-desktop "
            f"(this one reads up to {SCHEMA_VERSION}); please update the app",
            "schema_version",
        )
    if version < 1:
        raise SessionFormatError(f"unknown version {version}", "schema_version")
    if version < SCHEMA_VERSION:
        data = copy.deepcopy(data)  # the steps may edit in place; the caller's data is kept
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:  # a bug: every version below the current one needs a step
            raise SessionFormatError(f"no migration from version {version}", "schema_version")
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data


# Lenses a version 1 board meant by its regions' "zone" (v1 had no lens declarations);
# a region without a zone joins "board": v1 gave a card one place on the whole board.
_V1_LENSES: dict[str, dict[str, Any]] = {
    "matrix": {"id": "matrix", "label": "Public service matrix", "unit": "cell"},
    "ladder": {"id": "ladder", "label": "Ladder of co-production", "unit": "rung"},
    "not": {
        "id": "not",
        "label": "Co-production is not ...",
        "unit": "place",
        "expected": False,
        "stands_alone": True,
    },
}


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 -> 2: a region's "zone" becomes its "lens" (the ladder's rungs ranked
    bottom up), the board declares its lenses, and a placement's note becomes the card's
    note. Keys this step does not know are left as they are."""
    board = data.get("board")
    if isinstance(board, dict) and isinstance(board.get("regions"), list):
        regions = [r for r in board["regions"] if isinstance(r, dict)]
        for region in regions:
            zone = region.pop("zone", "")
            region["lens"] = zone if isinstance(zone, str) and zone.strip() else "board"
        rungs = [r for r in regions if r["lens"] == "ladder" and _rect_y(r) is not None]
        if len(rungs) == sum(r["lens"] == "ladder" for r in regions):
            for rank, region in enumerate(sorted(rungs, key=lambda r: -(_rect_y(r) or 0)), 1):
                region["rank"] = rank
        used = dict.fromkeys(r["lens"] for r in regions)
        if "lenses" not in board:
            board["lenses"] = [
                dict(_V1_LENSES.get(name, {"id": name, "label": name.capitalize()}))
                for name in used
            ]
    for group in data.get("groups", []) if isinstance(data.get("groups"), list) else []:
        if not isinstance(group, dict) or not isinstance(group.get("placements"), list):
            continue
        notes = []
        for placement in group["placements"]:
            if not isinstance(placement, dict) or "note" not in placement:
                continue
            note = placement.pop("note")
            if isinstance(note, str) and note.strip():
                notes.append({"card": placement.get("card"), "text": note})
            elif not isinstance(note, str):
                placement["note"] = note  # left for the reader to refuse with its path
        group.setdefault("notes", notes)
    return data


def _rect_y(region: dict[str, Any]) -> float | None:
    rect = region.get("rect")
    if isinstance(rect, list) and len(rect) == 4 and isinstance(rect[1], int | float):
        return float(rect[1])
    return None


# Migration steps, one per version: MIGRATIONS[n] turns a version-n file (a dict, already
# known to be an object of this format) into a version n+1 file. A step may raise
# SessionFormatError naming the field. Each version keeps a golden file in tests/golden/
# that must still load.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def deck_from_dict(data: Any, where: str = "deck") -> Deck:
    r = _Reader(data, where)
    cards = [card_from_dict(c, f"{where}.cards[{i}]") for i, c in enumerate(r.array("cards"))]
    return _build(Deck, where, id=r.text("id"), title=r.text("title"), cards=tuple(cards))


def card_from_dict(data: Any, where: str) -> Card:
    r = _Reader(data, where)
    reference = []
    for i, item in enumerate(r.array("reference", [])):
        kw = f"{where}.reference[{i}]"
        kr = _Reader(item, kw)
        reference.append(
            _build(
                KeyPlace,
                kw,
                region=kr.text("region"),
                confidence=kr.text("confidence"),
                why=kr.text("why"),
            )
        )
    return _build(
        Card,
        where,
        id=r.text("id"),
        kind=r.text("kind"),
        title=r.text("title"),
        text=r.text("text", ""),
        more=r.text("more", ""),
        source=r.text("source", ""),
        reference=tuple(reference),
    )


def board_from_dict(data: Any, where: str = "board") -> Board:
    r = _Reader(data, where)
    size = r.numbers("size", 2)
    regions = []
    for i, item in enumerate(r.array("regions")):
        rw = f"{where}.regions[{i}]"
        rr = _Reader(item, rw)
        regions.append(
            _build(
                Region,
                rw,
                id=rr.text("id"),
                label=rr.text("label"),
                rect=rr.rect("rect"),
                lens=rr.text("lens"),
                description=rr.text("description", ""),
                band=rr.text("band", ""),
                rank=rr.whole("rank", None),
                prompts=rr.texts("prompts"),
            )
        )
    lenses = []
    for i, item in enumerate(r.array("lenses", [])):
        lw = f"{where}.lenses[{i}]"
        lr = _Reader(item, lw)
        lenses.append(
            _build(
                Lens,
                lw,
                id=lr.text("id"),
                label=lr.text("label"),
                unit=lr.text("unit", "place"),
                expected=lr.flag("expected", True),
                stands_alone=lr.flag("stands_alone", False),
            )
        )
    decorations = []
    for i, item in enumerate(r.array("decorations", [])):
        dr = _Reader(item, f"{where}.decorations[{i}]")
        decorations.append(
            Decoration(kind=dr.text("kind"), text=dr.text("text"), rect=dr.rect("rect"))
        )
    return _build(
        Board,
        where,
        id=r.text("id"),
        title=r.text("title"),
        size=(size[0], size[1]),
        regions=tuple(regions),
        decorations=tuple(decorations),
        source=r.text("source", ""),
        lenses=tuple(lenses),
    )


def _round_from_dict(data: Any, where: str) -> Round:
    """A closed round: its name and each group's places then (groups since removed may
    appear: a round is history)."""
    r = _Reader(data, where)
    arrangements = []
    for i, item in enumerate(r.array("groups")):
        gw = f"{where}.groups[{i}]"
        gr = _Reader(item, gw)
        places = []
        for j, p in enumerate(gr.array("placements")):
            pr = _Reader(p, f"{gw}.placements[{j}]")
            places.append(Placement(pr.text("card"), pr.text("region")))
        arrangements.append((gr.text("group"), tuple(places)))
    return _build(Round, where, name=r.text("name"), arrangements=tuple(arrangements))


def _group_from_dict(data: Any, where: str) -> Group:
    """The group as written; the session's rules check it with everything else."""
    r = _Reader(data, where)
    cards = [card_from_dict(c, f"{where}.cards[{i}]") for i, c in enumerate(r.array("cards", []))]
    placements = []
    for i, item in enumerate(r.array("placements", [])):
        pr = _Reader(item, f"{where}.placements[{i}]")
        placements.append(Placement(pr.text("card"), pr.text("region")))
    notes: dict[str, str] = {}
    for i, item in enumerate(r.array("notes", [])):
        nr = _Reader(item, f"{where}.notes[{i}]")
        card, text = nr.text("card"), nr.text("text")
        if card in notes:
            raise SessionFormatError(f"card {card!r} has two notes", f"{where}.notes[{i}].card")
        if not text.strip():
            raise SessionFormatError("the note is empty", f"{where}.notes[{i}].text")
        notes[card] = text
    marks = []
    for i, item in enumerate(r.array("marks", [])):
        mr = _Reader(item, f"{where}.marks[{i}]")
        marks.append(Mark(mr.text("card"), mr.text("principle")))
    votes: dict[str, int] = {}
    for i, item in enumerate(r.array("votes", [])):
        vr = _Reader(item, f"{where}.votes[{i}]")
        card = vr.text("card")
        if card in votes:
            raise SessionFormatError(f"card {card!r} has dots twice", f"{where}.votes[{i}].card")
        votes[card] = vr.whole("dots")
    return Group(
        id=r.text("id"),
        name=r.text("name"),
        colour=r.text("colour"),
        cards=cards,
        placements=placements,
        notes=notes,
        marks=marks,
        votes=votes,
    )


class _Reader:
    """Typed access to one JSON object, with errors that name the field path."""

    _MISSING = object()

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise SessionFormatError(
                f"expected an object, found {_type_name(data)}", where or "top level"
            )
        self.data: dict[str, Any] = data
        self.where = where

    def _path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _get(self, key: str, default: Any) -> Any:
        value = self.data.get(key, self._MISSING)
        if value is self._MISSING:
            if default is self._MISSING:
                raise SessionFormatError("this required field is missing", self._path(key))
            return default
        return value

    def text(self, key: str, default: Any = _MISSING) -> str:
        value = self._get(key, default)
        if not isinstance(value, str):
            raise SessionFormatError(f"expected text, found {_type_name(value)}", self._path(key))
        if _SURROGATE.search(value):  # "\ud800" alone is valid JSON, but not text to save
            raise SessionFormatError("the text contains an invalid character", self._path(key))
        return value

    def whole(self, key: str, default: Any = _MISSING) -> Any:
        value = self._get(key, default)
        if value is default and default is not self._MISSING:
            return value
        if type(value) is not int or not 0 < value < 10**6:
            raise SessionFormatError("expected a whole number from 1", self._path(key))
        return value

    def count(self, key: str, default: Any = _MISSING) -> int:
        """A whole number from 0."""
        value = self._get(key, default)
        if type(value) is not int or not 0 <= value < 10**6:
            raise SessionFormatError("expected a whole number from 0", self._path(key))
        return value

    def flag(self, key: str, default: Any = _MISSING) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise SessionFormatError(
                f"expected true or false, found {_type_name(value)}", self._path(key)
            )
        return value

    def array(self, key: str, default: Any = _MISSING) -> list[Any]:
        value = self._get(key, default)
        if not isinstance(value, list):
            raise SessionFormatError(f"expected a list, found {_type_name(value)}", self._path(key))
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        """An optional list of texts (absent: none)."""
        items = self.array(key, [])
        for i, item in enumerate(items):
            where = f"{self._path(key)}[{i}]"
            if not isinstance(item, str):
                raise SessionFormatError(f"expected text, found {_type_name(item)}", where)
            if _SURROGATE.search(item):
                raise SessionFormatError("the text contains an invalid character", where)
        return tuple(items)

    def obj(self, key: str) -> _Reader:
        return _Reader(self._get(key, self._MISSING), self._path(key))

    def numbers(self, key: str, count: int) -> list[float]:
        value = self.array(key)
        ok = len(value) == count and all(
            isinstance(v, int | float)
            and not isinstance(v, bool)
            and math.isfinite(v)
            and abs(v) < 1e6
            for v in value
        )
        if not ok:
            raise SessionFormatError(f"expected {count} numbers below a million", self._path(key))
        return [float(v) for v in value]

    def rect(self, key: str) -> tuple[float, float, float, float]:
        x, y, w, h = self.numbers(key, 4)
        return (x, y, w, h)


def _build[T](cls: Callable[..., T], where: str, **kwargs: Any) -> T:
    """Build a domain object; its rule breaks become errors at the file's field path."""
    try:
        return cls(**kwargs)
    except DomainError as exc:
        raise _at(exc, where) from None


def _at(exc: DomainError, where: str) -> SessionFormatError:
    return SessionFormatError(exc.reason, join_path(where, exc.field) or "top level")


def _type_name(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


# --- writing ---------------------------------------------------------------


def session_to_dict(session: Session) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "title": session.title,
        "created": session.created,
    }
    if session.venue:
        data["venue"] = session.venue
    if session.facilitator:
        data["facilitator"] = session.facilitator
    data["deck"] = deck_to_dict(session.deck)
    data["board"] = board_to_dict(session.board)
    data["groups"] = [
        {
            "id": g.id,
            "name": g.name,
            "colour": g.colour,
            "cards": [card_to_dict(c) for c in g.cards],
            "placements": [{"card": p.card, "region": p.region} for p in g.placements],
            "notes": [{"card": card, "text": text} for card, text in g.notes.items()],
            "marks": [{"card": m.card, "principle": m.principle} for m in g.marks],
            **({"votes": [{"card": c, "dots": n} for c, n in g.votes.items()]} if g.votes else {}),
        }
        for g in session.groups
    ]
    if session.dots:
        data["dots"] = session.dots
    if session.rounds:
        data["rounds"] = [
            {
                "name": r.name,
                "groups": [
                    {
                        "group": gid,
                        "placements": [{"card": p.card, "region": p.region} for p in places],
                    }
                    for gid, places in r.arrangements
                ],
            }
            for r in session.rounds
        ]
    return foreign_keys.restore(data, session.foreign)


def deck_to_dict(deck: Deck) -> dict[str, Any]:
    return {"id": deck.id, "title": deck.title, "cards": [card_to_dict(c) for c in deck.cards]}


def card_to_dict(card: Card) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": card.id,
        "kind": card.kind,
        "title": card.title,
        "text": card.text,
    }
    if card.more:
        data["more"] = card.more
    if card.source:
        data["source"] = card.source
    if card.reference:
        data["reference"] = [
            {"region": k.region, "confidence": k.confidence, "why": k.why} for k in card.reference
        ]
    return data


def board_to_dict(board: Board) -> dict[str, Any]:
    def region(r: Region) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": r.id,
            "label": r.label,
            "rect": _num_list(r.rect),
            "lens": r.lens,
        }
        if r.rank is not None:
            data["rank"] = r.rank
        for key in ("band", "description"):
            if getattr(r, key):
                data[key] = getattr(r, key)
        if r.prompts:
            data["prompts"] = list(r.prompts)
        return data

    def lens(lens: Lens) -> dict[str, Any]:
        data: dict[str, Any] = {"id": lens.id, "label": lens.label, "unit": lens.unit}
        if not lens.expected:
            data["expected"] = False
        if lens.stands_alone:
            data["stands_alone"] = True
        return data

    data: dict[str, Any] = {"id": board.id, "title": board.title}
    if board.source:
        data["source"] = board.source
    return data | {
        "size": _num_list(board.size),
        "lenses": [lens(x) for x in board.lenses],
        "regions": [region(r) for r in board.regions],
        "decorations": [
            {"kind": d.kind, "text": d.text, "rect": _num_list(d.rect)} for d in board.decorations
        ],
    }


def _num_list(values: tuple[float, ...]) -> list[float | int]:
    return [int(v) if float(v).is_integer() else v for v in values]
