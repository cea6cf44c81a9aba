"""The reference prose of the handout, read from resources/reference/coproduction.json.

The text lives in that file, not in layout code, so it can be read, corrected or
translated without touching ReportLab. Pure Python: no ReportLab, no Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from coprod_desktop.files.builtin import ContentError, resources_dir

REFERENCE_FILE = "coproduction.json"


@dataclass(frozen=True, slots=True)
class Item:
    title: str
    text: str
    quote: str = ""  # the exact words of a definition, printed in quotation marks
    why: tuple[str, ...] = ()  # for a story: why it is co-production
    source: str = ""


@dataclass(frozen=True, slots=True)
class Part:
    """A reference section: an introduction, its items and the source for all of them."""

    title: str
    intro: str
    items: tuple[Item, ...]
    source: str = ""


@dataclass(frozen=True, slots=True)
class ReferenceText:
    definitions: Part
    principles: Part
    ladder: Part
    bands: dict[str, Item]  # "to", "for", "with"
    matrix: Item
    degrees: Part
    non_examples: Part
    stories: Part
    questions: Part  # items hold the questions in their text
    wellbeing: Item | None = None  # what the sources say of well-being (headings only)


def reference_path() -> Path:
    return resources_dir() / "reference" / REFERENCE_FILE


@cache
def reference_text() -> ReferenceText:
    """The built-in reference text (read once per process)."""
    return load_reference(reference_path())


def load_reference(path: Path) -> ReferenceText:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(f"cannot read {path}: {exc}") from exc
    try:
        return _parse(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ContentError(f"{path}: broken reference text ({type(exc).__name__}: {exc})") from exc


def _parse(data: dict[str, Any]) -> ReferenceText:
    ladder = data["ladder"]
    questions = data["questions"]
    return ReferenceText(
        definitions=_part(data["definitions"], "Definitions"),
        principles=_part(data["principles"], "The six principles of co-production"),
        ladder=Part(
            "The ladder of co-production", _text(ladder["intro"]), (), _text(ladder["source"])
        ),
        bands={key: _item(value) for key, value in ladder["bands"].items()},
        matrix=_item(data["matrix"]),
        degrees=_part(data["degrees"], "Three degrees of co-production"),
        non_examples=_part(data["not"], "What co-production is not"),
        stories=_part(data["stories"], "Three stories of co-production"),
        questions=Part(
            _text(questions["title"]),
            _text(questions["intro"]),
            tuple(Item("", _text(q)) for q in questions["items"]),
        ),
        wellbeing=_item(data["wellbeing"]) if "wellbeing" in data else None,
    )


@dataclass(frozen=True, slots=True)
class Pack:
    """An optional reference pack (resources/reference/ID.json, format coprod-reference-pack):
    a part printed after the stories, and questions added to the questions page."""

    id: str
    part: Part
    questions: tuple[str, ...]


def pack_ids() -> tuple[str, ...]:
    """The built-in packs, by file name (every reference file but the main one)."""
    folder = reference_path().parent
    return tuple(sorted(p.stem for p in folder.glob("*.json") if p.name != REFERENCE_FILE))


@cache
def reference_pack(pack_id: str) -> Pack:
    if pack_id not in pack_ids():
        raise ContentError(f"no reference pack {pack_id!r} (known: {', '.join(pack_ids())})")
    return load_pack(reference_path().parent / f"{pack_id}.json")


def load_pack(path: Path) -> Pack:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(f"cannot read {path}: {exc}") from exc
    try:
        if data.get("format") != "coprod-reference-pack":
            raise ValueError(f"format {data.get('format')!r} is not coprod-reference-pack")
        return Pack(
            id=_text(data["id"]),
            part=_part(data, _text(data["title"])),
            questions=tuple(_text(q) for q in data.get("questions", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ContentError(f"{path}: broken reference pack ({type(exc).__name__}: {exc})") from exc


def _part(data: dict[str, Any], title: str) -> Part:
    return Part(
        title=_text(data.get("title", title)),
        intro=_text(data.get("intro", "")),
        items=tuple(_item(item) for item in data["items"]),
        source=_text(data.get("source", "")),
    )


def _item(data: dict[str, Any]) -> Item:
    return Item(
        title=_text(data["title"]),
        text=_text(data["text"]),
        quote=_text(data.get("quote", "")),
        why=tuple(_text(w) for w in data.get("why", ())),
        source=_text(data.get("source", "")),
    )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}: {value!r}")
    return value
