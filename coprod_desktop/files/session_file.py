"""Session files: JSON <-> model, validation with field paths, migration, atomic save.

The file format is a contract read by other tools (see README): a format name,
a schema version, explicit to_dict/from_dict, and validation before any object
is built. No Qt here.
"""

from __future__ import annotations

import copy
import errno
import glob
import json
import math
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coprod_desktop.domain.model import (
    CARD_KINDS,
    Board,
    Card,
    Deck,
    Decoration,
    DomainError,
    Group,
    Placement,
    Region,
    Session,
    check_colour,
)

FORMAT_NAME = "coprod-session"
SCHEMA_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NESTING = 64
MAX_NUMBER_DIGITS = 100  # a session's numbers are small; this bounds int() on hostile files
_SURROGATE = re.compile("[\ud800-\udfff]")


class SessionFormatError(ValueError):
    """A session file that cannot be loaded; the message names where and what."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.reason = message


# --- reading ---------------------------------------------------------------


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read and validate a session file; raises SessionFormatError, never anything else."""
    p = Path(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SessionFormatError("cannot read the file (it is a folder)")
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device could block or never end
            raise SessionFormatError("cannot read the file (not a regular file)")
        if info.st_size > MAX_FILE_BYTES:
            raise SessionFormatError(
                f"the file is {info.st_size / 1e6:.1f} MB; session files are at most "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
            )
        with p.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # bounded, even if the file grows meanwhile
    except OSError as exc:
        raise SessionFormatError(f"cannot read the file ({exc.strerror or exc})") from exc
    return session_from_json(raw)


def session_from_json(raw: bytes | str) -> Session:
    return session_from_dict(parse_json(raw))


def parse_json(raw: bytes | str) -> Any:
    """Strict JSON: UTF-8, no NaN/Infinity, no duplicate keys, bounded nesting."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise SessionFormatError("the file is larger than 20 MB")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SessionFormatError(f"not UTF-8 text (byte {exc.start})") from exc
    else:
        text = raw
    if not text.strip():
        raise SessionFormatError("the file is empty")
    if _nesting_depth(text) > MAX_NESTING:
        raise SessionFormatError(f"nested more than {MAX_NESTING} levels deep")
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as exc:
        raise SessionFormatError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    except (ValueError, RecursionError) as exc:  # from the hooks (or the int-string limit)
        raise SessionFormatError(f"not valid JSON: {exc}") from exc


# A JSON string, or an unterminated one running to the end of the text.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\[\s\S][^"\\]*)*(?:"|\\?\Z)')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _nesting_depth(text: str) -> int:
    """Deepest bracket nesting outside strings (checked before json recurses).

    The regular expressions drop the strings and everything but brackets at C speed,
    so only the brackets are walked here (a character loop took 8 ms for 360 KB).
    """
    depth = deepest = 0
    for ch in _NOT_BRACKET.sub("", _JSON_STRING.sub("", text)):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _bounded_int(digits: str) -> int:
    # Checked here rather than left to Python's int-string limit, which an environment
    # variable can switch off (and converting millions of digits then takes minutes).
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    return int(digits)


def session_from_dict(data: Any) -> Session:
    data = migrate(data)
    r = _Reader(data, "")
    deck = deck_from_dict(r.obj("deck").data, "deck")
    board = board_from_dict(r.obj("board").data, "board")
    groups_raw = r.array("groups")
    if not groups_raw:
        raise SessionFormatError("a session needs at least one group", "groups")
    groups = [_group_from_dict(g, f"groups[{i}]", deck, board) for i, g in enumerate(groups_raw)]
    _unique([g.id for g in groups], "groups", "id")
    return Session(
        title=r.text("title"),
        created=r.text("created"),
        deck=deck,
        board=board,
        groups=groups,
        venue=r.text("venue", ""),
        facilitator=r.text("facilitator", ""),
    )


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


# Migration steps, one per version: MIGRATIONS[n] turns a version-n file (a dict, already
# known to be an object of this format) into a version n+1 file. A step may raise
# SessionFormatError naming the field. When SCHEMA_VERSION becomes 2, add MIGRATIONS[1]
# and a golden file tests/golden/session-v2.json; keep session-v1.json: it must still load.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def deck_from_dict(data: Any, where: str = "deck") -> Deck:
    r = _Reader(data, where)
    cards = [card_from_dict(c, f"{where}.cards[{i}]") for i, c in enumerate(r.array("cards"))]
    _unique([c.id for c in cards], f"{where}.cards", "id")
    return _build(Deck, where, id=r.text("id"), title=r.text("title"), cards=tuple(cards))


def card_from_dict(data: Any, where: str) -> Card:
    r = _Reader(data, where)
    kind = r.text("kind")
    if kind not in CARD_KINDS:
        raise SessionFormatError(
            f"unknown kind {kind!r} (expected one of {', '.join(CARD_KINDS)})", f"{where}.kind"
        )
    card_id = r.text("id")
    if not card_id:
        raise SessionFormatError("the id is empty", f"{where}.id")
    title = r.text("title")
    if not title.strip():
        raise SessionFormatError("the title is empty", f"{where}.title")
    return _build(
        Card,
        where,
        id=card_id,
        kind=kind,
        title=title,
        text=r.text("text", ""),
        more=r.text("more", ""),
        source=r.text("source", ""),
    )


def board_from_dict(data: Any, where: str = "board") -> Board:
    r = _Reader(data, where)
    size = r.numbers("size", 2)
    regions_raw = r.array("regions")
    if not regions_raw:
        raise SessionFormatError("a board needs at least one region", f"{where}.regions")
    regions = []
    for i, item in enumerate(regions_raw):
        rr = _Reader(item, f"{where}.regions[{i}]")
        regions.append(
            Region(
                id=rr.text("id"),
                label=rr.text("label"),
                rect=rr.rect("rect"),
                zone=rr.text("zone", ""),
                description=rr.text("description", ""),
                band=rr.text("band", ""),
            )
        )
    _unique([reg.id for reg in regions], f"{where}.regions", "id")
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
    )


def _group_from_dict(data: Any, where: str, deck: Deck, board: Board) -> Group:
    r = _Reader(data, where)
    colour = r.text("colour")
    try:
        check_colour(colour)
    except DomainError as exc:
        raise SessionFormatError(str(exc), f"{where}.colour") from exc
    cards = [card_from_dict(c, f"{where}.cards[{i}]") for i, c in enumerate(r.array("cards", []))]
    known = {c.id for c in deck.cards}
    for i, card in enumerate(cards):
        if card.id in known:
            raise SessionFormatError(
                f"duplicate card id {card.id!r} (already in the deck or this group)",
                f"{where}.cards[{i}].id",
            )
        known.add(card.id)
    placements = []
    placed: set[str] = set()
    for i, item in enumerate(r.array("placements", [])):
        pw = f"{where}.placements[{i}]"
        pr = _Reader(item, pw)
        card_id, region_id = pr.text("card"), pr.text("region")
        if card_id not in known:
            raise SessionFormatError(f"unknown card {card_id!r}", f"{pw}.card")
        if board.region(region_id) is None:
            raise SessionFormatError(f"unknown region {region_id!r}", f"{pw}.region")
        if card_id in placed:
            raise SessionFormatError(
                f"card {card_id!r} is placed twice in this group", f"{pw}.card"
            )
        placed.add(card_id)
        placements.append(Placement(card_id, region_id, pr.text("note", "")))
    return Group(
        id=r.text("id"), name=r.text("name"), colour=colour, cards=cards, placements=placements
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

    def array(self, key: str, default: Any = _MISSING) -> list[Any]:
        value = self._get(key, default)
        if not isinstance(value, list):
            raise SessionFormatError(f"expected a list, found {_type_name(value)}", self._path(key))
        return value

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
        if w <= 0 or h <= 0:
            raise SessionFormatError("width and height must be positive", self._path(key))
        return (x, y, w, h)


def _build(cls: Any, where: str, **kwargs: Any) -> Any:
    try:
        return cls(**kwargs)
    except DomainError as exc:
        raise SessionFormatError(str(exc), where) from exc


def _unique(ids: list[str], where: str, key: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(ids):
        if value in seen:
            raise SessionFormatError(f"duplicate id {value!r}", f"{where}[{i}].{key}")
        seen.add(value)


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
            "placements": [
                {"card": p.card, "region": p.region, "note": p.note} for p in g.placements
            ],
        }
        for g in session.groups
    ]
    return data


def deck_to_dict(deck: Deck) -> dict[str, Any]:
    return {"id": deck.id, "title": deck.title, "cards": [card_to_dict(c) for c in deck.cards]}


def card_to_dict(card: Card) -> dict[str, Any]:
    data = {"id": card.id, "kind": card.kind, "title": card.title, "text": card.text}
    if card.more:
        data["more"] = card.more
    if card.source:
        data["source"] = card.source
    return data


def board_to_dict(board: Board) -> dict[str, Any]:
    def region(r: Region) -> dict[str, Any]:
        data: dict[str, Any] = {"id": r.id, "label": r.label, "rect": _num_list(r.rect)}
        for key in ("zone", "band", "description"):
            if getattr(r, key):
                data[key] = getattr(r, key)
        return data

    data: dict[str, Any] = {"id": board.id, "title": board.title}
    if board.source:
        data["source"] = board.source
    return data | {
        "size": _num_list(board.size),
        "regions": [region(r) for r in board.regions],
        "decorations": [
            {"kind": d.kind, "text": d.text, "rect": _num_list(d.rect)} for d in board.decorations
        ],
    }


def _num_list(values: tuple[float, ...]) -> list[float | int]:
    return [int(v) if float(v).is_integer() else v for v in values]


def session_to_json(session: Session) -> str:
    return json.dumps(session_to_dict(session), ensure_ascii=False, indent=2) + "\n"


def save_session(session: Session, path: str | os.PathLike[str], keep_backup: bool = True) -> None:
    """Write atomically: temp file in the same folder, fsync, rename over the target.

    The previous file is kept as FILE.bak. On any failure the old file is intact
    and OSError propagates for the caller to report.
    """
    try:
        data = session_to_json(session).encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate cannot be written as UTF-8
        raise OSError(errno.EINVAL, "a text in the session has an invalid character") from exc
    if len(data) > MAX_FILE_BYTES:  # it could not be opened again
        raise OSError(
            errno.EFBIG,
            f"the session is larger than {MAX_FILE_BYTES // 2**20} MB, "
            "the most a session file may be",
        )
    target = Path(path)
    if keep_backup and target.exists():
        _copy_to_backup(target)
    atomic_write_bytes(target, data)


def atomic_write_text(target: Path, text: str, keep_backup: bool = False) -> None:
    if keep_backup and target.exists():
        _copy_to_backup(target)
    atomic_write_bytes(target, text.encode("utf-8"))


def atomic_write_bytes(target: Path, data: bytes, mode: int | None = None) -> None:
    """Write data to target atomically; the file keeps target's mode unless mode is given."""
    folder = target.parent if str(target.parent) else Path(".")
    file_mode = _file_mode(target) if mode is None else mode
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:  # closes fd on every path from here
            os.fchmod(handle.fileno(), file_mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_folder(folder)
    remove_stale_temp_files(target)


STALE_TEMP_SECONDS = 10 * 60


def remove_stale_temp_files(target: Path, now: float | None = None) -> list[Path]:
    """Remove temporary files a killed save left beside target (".NAME.xxxx.tmp").

    Only files older than STALE_TEMP_SECONDS go: a younger one may belong to a save
    in progress in another instance. Returns what was removed.
    """
    folder = target.parent if str(target.parent) else Path(".")
    cutoff = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    removed = []
    for leftover in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
        try:
            if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue  # tidying up must never fail a save
    return removed


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0666 less umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _copy_to_backup(target: Path) -> None:
    """Keep the previous version as FILE.bak; the target itself is never missing."""
    backup = target.with_name(target.name + ".bak")
    try:
        # The backup gets the target's mode: a private session must not leave a readable copy.
        atomic_write_bytes(backup, target.read_bytes(), mode=_file_mode(target))
    except OSError:
        pass  # a missing backup must not stop the save itself


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
