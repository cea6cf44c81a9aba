"""Cards from and to CSV: a report for every row, whole-file errors that name the row."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coprod_desktop.domain.model import Card, CardDraft
from coprod_desktop.files import builtin as content
from coprod_desktop.files.csv_cards import (
    MAX_CSV_BYTES,
    CsvCardsError,
    cards_to_csv,
    kind_from_text,
    parse_cards_csv,
    read_cards_csv,
    write_cards_csv,
)

HEADER = "kind,title,text,more,source\r\n"


def parse(text: str, existing: list[Card] | None = None):
    return parse_cards_csv(text.encode("utf-8"), existing or [])


def test_a_simple_file_gives_drafts_with_row_numbers() -> None:
    report = parse(
        HEADER + "activity,Walking group,Neighbours walk together,,Local\r\n"
        "principle,Assets,People are assets,More words,NEF\r\n"
    )
    assert report.cards == (
        CardDraft("activity", "Walking group", "Neighbours walk together", "", "Local"),
        CardDraft("principle", "Assets", "People are assets", "More words", "NEF"),
    )
    assert report.rows == (2, 3)
    assert report.skipped == ()
    assert report.summary() == "2 card(s) to import"


def test_utf8_with_and_without_bom_give_the_same_cards() -> None:
    text = "kind,title,text\nactivity,Café à Cardiff,Ελληνικά and 日本語\n"
    plain = parse_cards_csv(text.encode("utf-8"))
    bom = parse_cards_csv(text.encode("utf-8-sig"))
    assert plain == bom
    assert plain.cards[0].title == "Café à Cardiff"


def test_quoted_fields_hold_commas_quotes_and_newlines() -> None:
    report = parse('kind,title,text\nactivity,"Tea, cake, talk","Line one\nLine ""two"", too"\n')
    assert report.cards[0].title == "Tea, cake, talk"
    assert report.cards[0].text == 'Line one\nLine "two", too'


def test_a_row_with_newlines_counts_as_one_row() -> None:
    report = parse('kind,title,text\nactivity,A,"1\n2\n3"\nbogus,B,x\n')
    assert report.skipped[0].row == 3


def test_header_is_case_insensitive_in_any_order_with_extra_columns_ignored() -> None:
    report = parse("Title , NOTES,Text,Kind\nMy card,ignored,Body,Activity\n")
    assert report.cards == (CardDraft("activity", "My card", "Body"),)
    assert report.ignored_columns == ("notes",)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_separated_files(delimiter: str) -> None:
    report = parse(
        delimiter.join(["kind", "title", "text"])
        + "\n"
        + delimiter.join(["activity", "A, with comma", "x"])
        + "\n"
    )
    assert report.cards[0].title == "A, with comma"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("principle", "principle"),
        ("Principle", "principle"),
        ("ACTIVITY", "activity"),
        ("non_example", "non_example"),
        ("Non-example", "non_example"),
        ("Co-production is not ...", "non_example"),
        ("co-production is not…", "non_example"),
        ("custom", "custom"),
        ("Our own card", "custom"),
        ("  activity ", "activity"),
        ("banana", None),
        ("", None),
    ],
)
def test_kind_names(kind: str, expected: str | None) -> None:
    assert kind_from_text(kind) == expected


def test_rows_are_skipped_with_their_number_and_reason() -> None:
    existing = [Card("x", "activity", "Already here", "")]
    report = parse(
        "kind,title,text\n"
        "activity,Good,one\n"  # 2
        "activity,,no title\n"  # 3
        "banana,Fruit,unknown kind\n"  # 4
        ",No kind,\n"  # 5
        "activity,good,dup of 2\n"  # 6 (case and spaces do not matter)
        "activity,Already here,x\n"  # 7
        "principle,Good,other kind\n"  # 8 same title, other kind: fine
        "activity,Extra,x,y\n"  # 9 one field too many
        ",,\n"  # blank: not reported
        "\n",
        existing,
    )
    assert [c.title for c in report.cards] == ["Good", "Good"]
    assert report.rows == (2, 8)
    reasons = {s.row: s.reason for s in report.skipped}
    assert reasons[3] == "missing title"
    assert reasons[4].startswith('unknown kind "banana"')
    assert reasons[5].startswith("missing kind")
    assert reasons[6] == "duplicate of row 2"
    assert reasons[7] == "duplicate: the deck has another card of this kind with this title"
    assert reasons[9].startswith("4 fields but the header has 3")
    assert sorted(reasons) == [3, 4, 5, 6, 7, 9]
    assert report.skipped[1].title == "Fruit"
    assert report.summary() == "2 card(s) to import, 6 row(s) skipped"


def test_an_overlong_title_skips_the_row_and_says_why() -> None:
    """At most 60 characters (model.MAX_CARD_TITLE): a 61-character title is skipped with
    the reason; 60 is fine; spaces around the title do not count."""
    long_title, fine = "y" * 61, "z" * 60
    report = parse(
        f"kind,title,text\nactivity,{long_title},t\nactivity,ok,t\n"
        f"activity,  {fine}  ,t\nactivity,{'w' * 150},t\n"
    )
    assert [s.row for s in report.skipped] == [2, 5]
    assert report.skipped[0].reason == (
        "the title has 61 characters; at most 60 (titles are read from the back of the room; "
        "put the rest in the text)"
    )
    assert report.skipped[1].reason.startswith("the title has 150 characters")
    assert [c.title for c in report.cards] == ["ok", fine]


def test_missing_trailing_fields_are_empty() -> None:
    report = parse("kind,title,text,more,source\nactivity,Short\n")
    assert report.cards == (CardDraft("activity", "Short"),)


# --- whole-file errors ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\n\r\n  \n", "the file is empty"),
        (b"\xef\xbb\xbf", "the file is empty"),
        (b"kind,title,text\n", "no cards"),
        (b"kind,title,text\n,,\n\n", "no cards"),
        (b"kind,title\nactivity,A\n", "row 1: the header row needs the column(s) text"),
        (b"\nname,description\n", "row 2: the header row needs the column(s) kind, title, text"),
        (b"kind,title,text,title\nactivity,A,B,C\n", 'the column "title" appears twice'),
        (b'kind,title,text\nactivity,"unclosed,x\nactivity,B,y\n', "row 2 (line"),
        (b'kind,title,text\nactivity,A,x\nactivity,"B"junk,y\n', "row 3 (line 3): malformed CSV"),
        (b"kind,title,text\nactivity,Caf\xe9,x\n", "row 2: not UTF-8"),
        (b"kind,title,text\nactivity,A\x00,x\n", "row 2: the file contains a NUL byte"),
    ],
)
def test_whole_file_errors_name_the_row(data: bytes, message: str) -> None:
    with pytest.raises(CsvCardsError, match=re.escape(message)):
        parse_cards_csv(data)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.write(HEADER.encode())
        handle.truncate(10 * 1024 * 1024)
    opened: list[str] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    with pytest.raises(CsvCardsError, match="10.5 MB; a card file is at most 5 MB"):
        read_cards_csv(big)
    assert opened == []
    with pytest.raises(CsvCardsError, match="at most 5 MB"):
        parse_cards_csv(b"x" * (MAX_CSV_BYTES + 1))


def test_an_unreadable_file_is_a_csv_error(tmp_path: Path) -> None:
    with pytest.raises(CsvCardsError, match="cannot read the file"):
        read_cards_csv(tmp_path / "missing.csv")
    with pytest.raises(CsvCardsError, match="cannot read the file"):
        read_cards_csv(tmp_path)


# --- export --------------------------------------------------------------------------


def test_export_then_import_gives_the_same_cards(tmp_path: Path) -> None:
    deck = content.deck()
    path = tmp_path / "deck.csv"
    write_cards_csv(deck.cards, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfkind,title,text,more,source,id\r\n")
    report = read_cards_csv(path)
    assert report.skipped == () and report.in_deck == ()
    assert report.cards == tuple(CardDraft.of(c) for c in deck.cards)


def test_export_quotes_what_needs_quoting() -> None:
    text = cards_to_csv([Card("a", "custom", 'Say "hi", then', "two\nlines")])
    assert text == (
        'kind,title,text,more,source,id\r\ncustom,"Say ""hi"", then","two\nlines",,,a\r\n'
    )
    assert parse(text).cards == (CardDraft("custom", 'Say "hi", then', "two\nlines"),)


def test_reimporting_an_export_into_the_same_deck_finds_every_card_already_there() -> None:
    """A round trip is not an error: every row is reported as already in the deck."""
    deck = content.deck()
    report = parse_cards_csv(cards_to_csv(deck.cards).encode(), deck.cards)
    assert report.cards == () and report.skipped == ()
    assert [r.row for r in report.in_deck] == list(range(2, len(deck.cards) + 2))
    assert {r.reason for r in report.in_deck} == {"already in the deck"}
    assert report.summary() == f"0 card(s) to import, {len(deck.cards)} already in the deck"


def test_rows_without_ids_that_equal_a_deck_card_are_already_in_the_deck() -> None:
    """Older exports and hand-made files have no id column: a row whose every field equals
    a deck card's is that card; same kind and title with other text is a duplicate."""
    deck = [Card("x", "activity", "Walk", "Neighbours walk\ntogether", "", "Local")]
    report = parse(
        "kind,title,text,more,source\n"
        'activity,Walk,"Neighbours walk\r\ntogether",,Local\n'  # 2 the same card
        "activity,Walk,Other words,,Local\n"  # 3 duplicate title
        "principle,Walk,Neighbours walk,,\n",
        deck,
    )  # 4 another kind: new
    assert [r.row for r in report.in_deck] == [2]
    assert [(r.row, r.reason) for r in report.skipped] == [
        (3, "duplicate: the deck has another card of this kind with this title")
    ]
    assert report.rows == (4,)


def test_an_id_names_a_deck_card_and_differences_are_not_imported() -> None:
    deck = [
        Card("activity-walk", "activity", "Walk", "Old text"),
        Card("activity-talk", "activity", "Talk", ""),
    ]
    report = parse(
        "kind,title,text,id\n"
        "activity,Walk,Old text,activity-walk\n"  # 2 the same card
        "activity,Walk,New text,activity-walk\n"  # 3 edited in the spreadsheet
        "activity,Stroll,Old text,activity-walk\n"  # 4 a copied row, new title
        "activity,Run,,activity-unknown\n"  # 5 an id the deck lacks: new
        "activity,Talk,,\n",
        deck,
    )  # 6 no id, equal content
    assert [r.row for r in report.in_deck] == [2, 6]
    skipped = {r.row: r.reason for r in report.skipped}
    assert sorted(skipped) == [3, 4]
    assert skipped[3].startswith('the deck\'s card "activity-walk" ("Walk") differs from this row')
    assert "clear the id cell to add a new card" in skipped[4]
    assert report.cards == (CardDraft("activity", "Run"),)
    assert "id" not in report.ignored_columns


def test_round_trip_into_a_fresh_session_adds_only_what_its_deck_lacks(tmp_path: Path) -> None:
    """Export a session's edited deck, import it into a new session with the built-in deck:
    the built-in cards are already there, the added card comes in, the edited card is named."""
    from coprod_desktop.domain.model import in_kind_order

    first = content.new_session("First", ["Red"])
    (added,) = first.add_deck_cards([CardDraft("activity", "Street party", "Fun", "", "Us")])
    edited = first.deck.cards[0]
    first.edit_deck_card(
        edited.id, CardDraft(edited.kind, edited.title, "Our own words", edited.more, edited.source)
    )
    path = tmp_path / "deck.csv"
    write_cards_csv(in_kind_order(first.deck.cards), path)

    fresh = content.new_session("Second", ["Blue"])
    report = read_cards_csv(path, fresh.deck.cards)
    assert report.cards == (CardDraft.of(added),)
    assert len(report.in_deck) == len(fresh.deck.cards) - 1
    assert [r.title for r in report.skipped] == [edited.title]
    assert f'"{edited.id}"' in report.skipped[0].reason
    (new,) = fresh.add_deck_cards(report.cards)
    assert new.id == added.id  # the same title and kind give the same id
    again = read_cards_csv(path, fresh.deck.cards)  # and once more: nothing new
    assert again.cards == () and len(again.in_deck) == len(fresh.deck.cards) - 1


def test_rows_past_a_full_deck_are_skipped_with_the_reason() -> None:
    from coprod_desktop.domain.rules import MAX_DECK_CARDS

    existing = [Card(f"c{i}", "activity", f"Existing {i}", "") for i in range(MAX_DECK_CARDS - 2)]
    rows = "".join(f"activity,New {i},x\n" for i in range(4))
    report = parse("kind,title,text\n" + rows, existing)
    assert [c.title for c in report.cards] == ["New 0", "New 1"]
    assert [(s.row, s.reason) for s in report.skipped] == [
        (4, "the deck is full (at most 500 cards)"),
        (5, "the deck is full (at most 500 cards)"),
    ]
