"""Cards to and from CSV (a spreadsheet export), with a report for each row.

The header row names the columns: kind, title and text are required; more,
source and id are optional; other columns are ignored (and reported). UTF-8 with
or without a byte order mark; commas, semicolons or tabs between fields; quoted
fields may hold commas and newlines. A title has at most model.MAX_CARD_TITLE
characters (it is read from the back of the room).

Export writes kind, title, text, more, source and id, in the tray's kind order.
Importing an export again is safe (a round trip): each row is one of
- already in the deck: the row's id is a deck card's and its kind, title, text,
  more and source are that card's; or, without a known id, every field equals
  some deck card's. Nothing to do, and the preview says so (not an error);
- skipped, with the reason: no title, unknown kind, a title too long, the id of
  a deck card whose content differs (import adds cards, it never changes one:
  edit it in the deck editor, or clear the id to add a new card), or the same
  kind and title as a deck card or an earlier row (a duplicate);
- imported as a new card. The app chooses its id; an id in the file only ever
  names a card already in the deck.
So importing an export into the same deck adds nothing; into a fresh session's
deck, it adds the cards that deck lacks.

Formulas: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
return before one) as a formula, so a card titled '=HYPERLINK(...)' would become a live
link. Export follows OWASP's CSV injection advice and puts a ' before any field that
starts with one of those characters, after any number of 's (see protect_formula);
import takes exactly that one ' off again, so a round trip gives back every field.

A problem with the whole file (too big, empty, not UTF-8, malformed quoting, a
missing column) raises CsvCardsError naming the row. Nothing is applied here:
the caller adds the report's cards in one step, or not at all. No Qt here.

Bounds (issue 17, item 7): a file at the size limit can hold 280,000 rows. They are
read one at a time (never all kept), and the report lists at most MAX_LISTED_ROWS
skipped rows and MAX_LISTED_ROWS rows already in the deck, in row order, counting
the rest (skipped_count, in_deck_count): memory stays of the order of the file, and
the preview has a few thousand rows at most. A progress callback hears the share of
the file read now and then; returning False cancels (ImportCancelled).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from coprod_desktop.domain.kinds import CARD_KINDS, KIND_LABELS
from coprod_desktop.domain.model import Card, CardDraft
from coprod_desktop.domain.rules import MAX_DECK_CARDS, title_problem
from coprod_desktop.files.csv_format import OPTIONAL_COLUMNS as OPTIONAL_COLUMNS
from coprod_desktop.files.csv_format import REQUIRED_COLUMNS as REQUIRED_COLUMNS
from coprod_desktop.files.csv_format import format_hint as format_hint
from coprod_desktop.files.file_checks import read_regular_bytes

MAX_CSV_BYTES = 5 * 1024 * 1024
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
MAX_LENGTHS = {"text": 2000, "more": 10000, "source": 1000}  # the title: model.MAX_CARD_TITLE
DELIMITERS = (",", ";", "\t")
MAX_LISTED_ROWS = 1000  # skipped rows, and rows already in the deck, listed in a report
PROGRESS_EVERY = 2000  # rows between two calls of the progress callback

Progress = Callable[[float], bool]  # the share of the file read; False: stop reading


class CsvCardsError(ValueError):
    """A CSV file that cannot be imported at all; the message says where and why."""


class ImportCancelled(Exception):
    """The progress callback asked to stop: nothing was read into a report."""


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
    in_deck: tuple[SkippedRow, ...] = ()  # rows that are cards the deck already has
    more_skipped: int = 0  # skipped rows past the first MAX_LISTED_ROWS, not listed
    more_in_deck: int = 0  # the same for rows already in the deck

    @property
    def skipped_count(self) -> int:
        return len(self.skipped) + self.more_skipped

    @property
    def in_deck_count(self) -> int:
        return len(self.in_deck) + self.more_in_deck

    def summary(self) -> str:
        text = f"{len(self.cards)} card(s) to import"
        if self.in_deck_count:
            text += f", {self.in_deck_count:,} already in the deck"
        if self.skipped_count:
            text += f", {self.skipped_count:,} row(s) skipped"
        return text


IN_DECK = "already in the deck"


# Kind names a spreadsheet might use, besides the file format's own.
_KIND_ALIASES = {
    **{k: k for k in CARD_KINDS},
    **{label.lower(): kind for kind, label in KIND_LABELS.items()},
    "non-example": "non_example",
    "non example": "non_example",
    "nonexample": "non_example",
    "not": "non_example",
    "co-production is not": "non_example",
    "principles": "principle",
    "activities": "activity",
    "own": "custom",
    "own card": "custom",
}


def kind_from_text(text: str) -> str | None:
    key = " ".join(text.strip().lower().replace("…", "...").rstrip(". ").split())
    return _KIND_ALIASES.get(key)


# --- reading ----------------------------------------------------------------------


def read_cards_csv(
    path: str | os.PathLike[str], existing: Iterable[Card] = (), progress: Progress | None = None
) -> ImportReport:
    """Read and check a CSV file; the size is checked before anything is read."""
    p = Path(path)
    try:
        size = p.stat().st_size
        _check_size(size)
        data = read_regular_bytes(p, MAX_CSV_BYTES)  # a pipe is refused, not waited for
    except OSError as exc:
        raise CsvCardsError(f"cannot read the file ({exc.strerror or exc})") from exc
    return parse_cards_csv(data, existing, progress)


def parse_cards_csv(
    data: bytes, existing: Iterable[Card] = (), progress: Progress | None = None
) -> ImportReport:
    """Check every row against the existing cards (the deck): a row may be one of them
    already, a duplicate of one (same kind and title) or new; they also take room in the
    deck (at most MAX_DECK_CARDS in all). progress: see the module's docstring."""
    _check_size(len(data))
    text = _decode(data)
    del data  # the text is all that is needed now
    if not text.strip():
        raise CsvCardsError("the file is empty: expected a header row with kind, title, text")
    delimiter = _delimiter(text)
    lines = max(1, text.count("\n"))  # for the progress: records are about lines
    records = _records(text, delimiter)
    header_row, header = next(((n, r) for n, r in records if any(f.strip() for f in r)), (0, []))
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
        raise CsvCardsError(f'row {header_row}: the column "{repeated}" appears twice')
    index = {c: columns.index(c) for c in COLUMNS if c in columns}
    ignored = tuple(c for c in columns if c and c not in COLUMNS)

    deck = _Deck(existing)
    room = MAX_DECK_CARDS - len(deck.cards)
    seen = {_key(c.kind, c.title): 0 for c in deck.cards}
    cards: list[CardDraft] = []
    rows: list[int] = []
    skipped = _Listed()
    in_deck = _Listed()
    data_rows = 0
    for number, record in records:
        if progress is not None and number % PROGRESS_EVERY == 0:
            if not progress(min(1.0, number / lines)):
                raise ImportCancelled()
        if number <= header_row or not any(f.strip() for f in record):
            continue  # blank lines and rows of empty cells, as spreadsheets export them
        data_rows += 1
        fields = {c: record[i] if i < len(record) else "" for c, i in index.items()}
        title = fields["title"].strip()
        reason = _row_problem(fields, record, len(columns))
        if reason:
            skipped.append(SkippedRow(number, reason, _one_line(title)))
            continue
        kind = kind_from_text(fields["kind"]) or ""
        draft = CardDraft(
            kind,
            title,
            fields["text"].strip(),
            fields.get("more", "").strip(),
            fields.get("source", "").strip(),
        )
        reason = deck.match(draft, fields.get("id", "").strip())
        if reason == IN_DECK:
            in_deck.append(SkippedRow(number, IN_DECK, _one_line(title)))
            continue
        reason = reason or _length_problem(fields) or _duplicate(seen.get(_key(kind, title)))
        if not reason and len(cards) >= room:
            reason = f"the deck is full (at most {MAX_DECK_CARDS} cards)"
        if reason:
            skipped.append(SkippedRow(number, reason, _one_line(title)))
            continue
        seen[_key(kind, title)] = number
        cards.append(draft)
        rows.append(number)
    if data_rows == 0:
        raise CsvCardsError(
            f"no cards: the file has a header row (row {header_row}) but no rows below it"
        )
    if progress is not None and not progress(1.0):
        raise ImportCancelled()
    return ImportReport(
        tuple(cards),
        tuple(rows),
        tuple(skipped.rows),
        ignored,
        tuple(in_deck.rows),
        more_skipped=skipped.more,
        more_in_deck=in_deck.more,
    )


class _Listed:
    """The first MAX_LISTED_ROWS rows appended, and how many more there were."""

    def __init__(self) -> None:
        self.rows: list[SkippedRow] = []
        self.more = 0

    def append(self, row: SkippedRow) -> None:
        if len(self.rows) < MAX_LISTED_ROWS:
            self.rows.append(row)
        else:
            self.more += 1


class _Deck:
    """The existing cards, looked up by id and by content."""

    def __init__(self, cards: Iterable[Card]) -> None:
        self.cards = list(cards)
        self.by_id = {c.id: c for c in self.cards}
        self.contents = {_content(CardDraft.of(c)) for c in self.cards}

    def match(self, draft: CardDraft, card_id: str) -> str:
        """IN_DECK when the row is a card the deck has; why it is skipped when its id names
        a deck card with other content; "" otherwise (a new card, or a duplicate)."""
        same_id = self.by_id.get(card_id) if card_id else None
        if same_id is None:
            return IN_DECK if _content(draft) in self.contents else ""
        if _content(CardDraft.of(same_id)) == _content(draft):
            return IN_DECK
        return (
            f'the deck\'s card "{card_id}" ("{_one_line(same_id.title)[:40]}") differs from '
            "this row; import adds cards and never changes one: edit it in the deck "
            "editor, or clear the id cell to add a new card"
        )


def _content(draft: CardDraft) -> tuple[str, ...]:
    """What makes two cards the same card, whatever the spreadsheet did to line ends."""
    return tuple(
        value.replace("\r\n", "\n").strip()
        for value in (draft.kind, draft.title, draft.text, draft.more, draft.source)
    )


def _row_problem(fields: dict[str, str], record: list[str], width: int) -> str:
    if len(record) > width and any(f.strip() for f in record[width:]):
        return (
            f"{len(record)} fields but the header has {width} "
            "(a comma in a field that is not in quotes?)"
        )
    title = fields["title"].strip()
    if not title:
        return "missing title"
    raw_kind = fields["kind"].strip()
    kind = kind_from_text(raw_kind)
    if kind is None:
        shown = f'unknown kind "{_one_line(raw_kind)[:40]}"' if raw_kind else "missing kind"
        return f"{shown} (expected {', '.join(CARD_KINDS)})"
    return ""


def _length_problem(fields: dict[str, str]) -> str:
    too_long = title_problem(fields["title"])
    if too_long:
        return too_long
    for column, limit in MAX_LENGTHS.items():
        if len(fields.get(column, "").strip()) > limit:
            return f"{column} longer than {limit} characters"
    return ""


def _duplicate(earlier: int | None) -> str:
    if earlier is None:
        return ""
    if earlier == 0:
        return "duplicate: the deck has another card of this kind with this title"
    return f"duplicate of row {earlier}"


def _check_size(size: int) -> None:
    if size > MAX_CSV_BYTES:
        raise CsvCardsError(
            f"the file is {size / 1e6:.1f} MB; a card file is at most "
            f"{MAX_CSV_BYTES // (1024 * 1024)} MB"
        )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise CsvCardsError(
            f'row {row}: not UTF-8 text (byte {exc.start + 1}); save the spreadsheet as "CSV UTF-8"'
        ) from exc


def _delimiter(text: str) -> str:
    """Comma unless the first line names the columns with semicolons or tabs."""
    first = text.lstrip("\r\n").split("\n", 1)[0].lower()
    for delimiter in DELIMITERS:
        if all(
            c in [f.strip().strip('"') for f in first.split(delimiter)] for c in REQUIRED_COLUMNS
        ):
            return delimiter
    return ","


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Every record with its row number, one at a time; malformed quoting names the row
    (raised when that row is reached: the caller applies nothing before the end)."""
    if "\x00" in text:
        row = text[: text.index("\x00")].count("\n") + 1
        raise CsvCardsError(f"row {row}: the file contains a NUL byte (is it really CSV?)")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    try:
        for record in reader:
            number += 1
            yield number, [unprotect_formula(f) for f in record]
    except csv.Error as exc:
        raise CsvCardsError(
            f"row {number + 1} (line {reader.line_num}): malformed CSV: {exc}; "
            "check the quotes in that row"
        ) from exc


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def protect_formula(value: str) -> str:
    """value with a ' in front if a spreadsheet would read it as a formula. Values that
    already start with 's before such a character get one more, so unprotect_formula
    can tell the two apart."""
    return "'" + value if value.lstrip("'").startswith(FORMULA_STARTS) else value


def unprotect_formula(value: str) -> str:
    """The inverse of protect_formula: one leading ' off a protected formula, no more."""
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _key(kind: str, title: str) -> tuple[str, str]:
    return kind, " ".join(title.casefold().split())


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- writing ----------------------------------------------------------------------


def cards_to_csv(cards: Iterable[Card]) -> str:
    """The same format as import: a header, then kind, title, text, more, source, id."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for card in cards:
        fields = (card.kind, card.title, card.text, card.more, card.source, card.id)
        writer.writerow([protect_formula(f) for f in fields])
    return out.getvalue()


def write_cards_csv(cards: Iterable[Card], path: str | os.PathLike[str]) -> None:
    """Write atomically, UTF-8 with a byte order mark so spreadsheets read the accents."""
    from coprod_desktop.files.atomic_write import atomic_write_bytes

    atomic_write_bytes(Path(path), cards_to_csv(cards).encode("utf-8-sig"))
