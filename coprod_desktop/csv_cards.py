"""Cards to and from CSV (a spreadsheet export), with a report for each row.

The header row names the columns: kind, title and text are required; more and
source are optional; other columns are ignored (and reported). UTF-8 with or
without a byte order mark; commas, semicolons or tabs between fields; quoted
fields may hold commas and newlines.

A problem with the whole file (too big, empty, not UTF-8, malformed quoting, a
missing column) raises CsvCardsError naming the row. A problem with one row (no
title, unknown kind, a duplicate) skips that row and says why. Nothing is
applied here: the caller adds the report's cards in one step, or not at all.
No Qt here.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .model import CARD_KINDS, KIND_LABELS, MAX_DECK_CARDS, Card, CardDraft, title_problem

MAX_CSV_BYTES = 5 * 1024 * 1024
REQUIRED_COLUMNS = ("kind", "title", "text")
OPTIONAL_COLUMNS = ("more", "source")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
MAX_LENGTHS = {"text": 2000, "more": 10000, "source": 1000}  # the title: model.MAX_CARD_TITLE
DELIMITERS = (",", ";", "\t")


class CsvCardsError(ValueError):
    """A CSV file that cannot be imported at all; the message says where and why."""


@dataclass(frozen=True, slots=True)
class SkippedRow:
    row: int  # the spreadsheet's row number: the header is row 1
    reason: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class ImportReport:
    cards: tuple[CardDraft, ...]
    rows: tuple[int, ...]  # the row number of each card
    skipped: tuple[SkippedRow, ...]
    ignored_columns: tuple[str, ...] = ()

    def summary(self) -> str:
        text = f"{len(self.cards)} card(s) to import"
        if self.skipped:
            text += f", {len(self.skipped)} row(s) skipped"
        return text


# Kind names a spreadsheet might use, besides the file format's own.
_KIND_ALIASES = {
    **{k: k for k in CARD_KINDS},
    **{label.lower(): kind for kind, label in KIND_LABELS.items()},
    "non-example": "non_example", "non example": "non_example", "nonexample": "non_example",
    "not": "non_example", "co-production is not": "non_example",
    "principles": "principle", "activities": "activity", "own": "custom", "own card": "custom",
}


def kind_from_text(text: str) -> str | None:
    key = " ".join(text.strip().lower().replace("…", "...").rstrip(". ").split())
    return _KIND_ALIASES.get(key)


# --- reading ----------------------------------------------------------------------


def read_cards_csv(path: str | os.PathLike[str], existing: Iterable[Card] = ()) -> ImportReport:
    """Read and check a CSV file; the size is checked before anything is read."""
    p = Path(path)
    try:
        size = p.stat().st_size
        _check_size(size)
        with p.open("rb") as handle:
            data = handle.read(MAX_CSV_BYTES + 1)
    except OSError as exc:
        raise CsvCardsError(f"cannot read the file ({exc.strerror or exc})") from exc
    return parse_cards_csv(data, existing)


def parse_cards_csv(data: bytes, existing: Iterable[Card] = ()) -> ImportReport:
    """Check every row; existing cards count for duplicates (same kind and title) and
    take room in the deck (at most MAX_DECK_CARDS in all)."""
    _check_size(len(data))
    text = _decode(data)
    if not text.strip():
        raise CsvCardsError("the file is empty: expected a header row with kind, title, text")
    delimiter = _delimiter(text)
    records = _records(text, delimiter)
    header_row, header = next(((n, r) for n, r in records if any(f.strip() for f in r)),
                              (0, []))
    columns = [name.strip().lower() for name in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        found = ", ".join(f'"{c}"' for c in columns if c) or "nothing"
        raise CsvCardsError(
            f"row {header_row}: the header row needs the column(s) {', '.join(missing)} "
            f"(found {found})"
        )
    repeated = next((c for c in COLUMNS if columns.count(c) > 1), None)
    if repeated:
        raise CsvCardsError(f"row {header_row}: the column \"{repeated}\" appears twice")
    index = {c: columns.index(c) for c in COLUMNS if c in columns}
    ignored = tuple(c for c in columns if c and c not in COLUMNS)

    existing = list(existing)
    room = MAX_DECK_CARDS - len(existing)
    seen = {_key(c.kind, c.title): 0 for c in existing}
    cards: list[CardDraft] = []
    rows: list[int] = []
    skipped: list[SkippedRow] = []
    data_rows = 0
    for number, record in records:
        if number <= header_row or not any(f.strip() for f in record):
            continue  # blank lines and rows of empty cells, as spreadsheets export them
        data_rows += 1
        fields = {c: record[i] if i < len(record) else "" for c, i in index.items()}
        title = fields["title"].strip()
        reason = _row_problem(fields, record, len(columns), seen)
        if reason:
            skipped.append(SkippedRow(number, reason, _one_line(title)))
            continue
        if len(cards) >= room:
            skipped.append(SkippedRow(number, f"the deck is full (at most {MAX_DECK_CARDS} "
                                      "cards)", _one_line(title)))
            continue
        kind = kind_from_text(fields["kind"]) or ""
        seen[_key(kind, title)] = number
        cards.append(CardDraft(kind, title, fields["text"].strip(), fields.get("more", "").strip(),
                               fields.get("source", "").strip()))
        rows.append(number)
    if data_rows == 0:
        raise CsvCardsError(f"no cards: the file has a header row (row {header_row}) but no rows "
                            "below it")
    return ImportReport(tuple(cards), tuple(rows), tuple(skipped), ignored)


def _row_problem(fields: dict[str, str], record: list[str], width: int,
                 seen: dict[tuple[str, str], int]) -> str:
    if len(record) > width and any(f.strip() for f in record[width:]):
        return (f"{len(record)} fields but the header has {width} "
                "(a comma in a field that is not in quotes?)")
    title = fields["title"].strip()
    if not title:
        return "missing title"
    raw_kind = fields["kind"].strip()
    kind = kind_from_text(raw_kind)
    if kind is None:
        shown = f'unknown kind "{_one_line(raw_kind)[:40]}"' if raw_kind else "missing kind"
        return f"{shown} (expected {', '.join(CARD_KINDS)})"
    too_long = title_problem(title)
    if too_long:
        return too_long
    for column, limit in MAX_LENGTHS.items():
        if len(fields.get(column, "").strip()) > limit:
            return f"{column} longer than {limit} characters"
    earlier = seen.get(_key(kind, title))
    if earlier is not None:
        return "duplicate: already in the deck" if earlier == 0 else f"duplicate of row {earlier}"
    return ""


def _check_size(size: int) -> None:
    if size > MAX_CSV_BYTES:
        raise CsvCardsError(f"the file is {size / 1e6:.1f} MB; a card file is at most "
                            f"{MAX_CSV_BYTES // (1024 * 1024)} MB")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise CsvCardsError(
            f"row {row}: not UTF-8 text (byte {exc.start + 1}); save the spreadsheet as "
            "\"CSV UTF-8\""
        ) from exc


def _delimiter(text: str) -> str:
    """Comma unless the first line names the columns with semicolons or tabs."""
    first = text.lstrip("\r\n").split("\n", 1)[0].lower()
    for delimiter in DELIMITERS:
        if all(c in [f.strip().strip('"') for f in first.split(delimiter)]
               for c in REQUIRED_COLUMNS):
            return delimiter
    return ","


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Every record with its row number; malformed quoting names the row."""
    if "\x00" in text:
        row = text[: text.index("\x00")].count("\n") + 1
        raise CsvCardsError(f"row {row}: the file contains a NUL byte (is it really CSV?)")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for record in reader:
            number += 1
            records.append((number, record))
    except csv.Error as exc:
        raise CsvCardsError(
            f"row {number + 1} (line {reader.line_num}): malformed CSV: {exc}; "
            "check the quotes in that row"
        ) from exc
    return records


def _key(kind: str, title: str) -> tuple[str, str]:
    return kind, " ".join(title.casefold().split())


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- writing ----------------------------------------------------------------------


def cards_to_csv(cards: Iterable[Card]) -> str:
    """The same format as import: a header, then kind, title, text, more, source."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for card in cards:
        writer.writerow([card.kind, card.title, card.text, card.more, card.source])
    return out.getvalue()


def write_cards_csv(cards: Iterable[Card], path: str | os.PathLike[str]) -> None:
    """Write atomically, UTF-8 with a byte order mark so spreadsheets read the accents."""
    from .storage import atomic_write_bytes

    atomic_write_bytes(Path(path), cards_to_csv(cards).encode("utf-8-sig"))
