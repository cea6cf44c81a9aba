"""Card codes: one scheme for the printed cards and the typed-in paper sort."""

from __future__ import annotations

from coprod_desktop.domain import card_codes as cc
from coprod_desktop.domain.kinds import CARD_KINDS
from coprod_desktop.domain.model import Card
from coprod_desktop.files.session_file import load_session


def card(card_id: str, kind: str) -> Card:
    return Card(card_id, kind, card_id.title(), "")


def test_every_kind_has_a_letter_and_letters_differ() -> None:
    assert set(cc.PREFIXES) == set(CARD_KINDS)
    assert len(set(cc.PREFIXES.values())) == len(cc.PREFIXES)


def test_codes_number_each_kind_in_deck_order_padded_to_the_kinds_count() -> None:
    activities = [card(f"a{i}", "activity") for i in range(1, 13)]
    deck = [activities[0], card("p1", "principle"), *activities[1:], card("n1", "non_example")]
    deck.insert(3, card("p2", "principle"))
    own = [card("own1", "custom"), card("own2", "activity")]
    codes = cc.card_codes(deck, own)
    assert codes["p1"] == "P1" and codes["p2"] == "P2"
    assert codes["a1"] == "A01" and codes["a7"] == "A07" and codes["a12"] == "A12"
    assert codes["n1"] == "N1"
    # Own cards continue the C series, whatever their kind.
    assert codes["own1"] == "C1" and codes["own2"] == "C2"
    assert len(set(codes.values())) == len(codes)


def test_the_deck_custom_cards_come_before_the_groups_own() -> None:
    codes = cc.card_codes([card("d", "custom")], [card("g", "custom")])
    assert codes == {"d": "C1", "g": "C2"}


def test_session_codes_cover_the_deck_and_every_groups_own_cards(example_path) -> None:
    session = load_session(example_path)
    codes = cc.session_codes(session)
    own = [c.id for g in session.groups for c in g.cards]
    assert own
    assert set(codes) == {c.id for c in session.deck.cards} | set(own)
    assert all(codes[i].startswith("C") for i in own)


def test_code_key_ignores_case_padding_and_a_dash() -> None:
    assert cc.code_key("a07") == cc.code_key("A7") == cc.code_key("A-007") == "A7"
    assert cc.code_key("p3") == "P3"
    for bad in ("", "7", "AB7", "A", "A7x", "A 7", "Ä7"):
        assert cc.code_key(bad) is None, bad


def test_split_codes_takes_spaces_commas_and_semicolons() -> None:
    assert cc.split_codes(" A07  A12,P3;n2\tC1 ") == ["A07", "A12", "P3", "n2", "C1"]
    assert cc.split_codes("   ") == []


def test_read_codes_says_what_each_code_does() -> None:
    codes = {"a7": "A07", "a12": "A12", "p3": "P3", "n2": "N2", "own": "C1", "other": "C2"}
    placeable = {"a7", "a12", "p3", "n2", "own"}
    current = {"a12": "cell-1", "p3": "cell-2"}
    typed = cc.read_codes("a7 A12 P3 x9 hello A7 C2 n02 c1", codes, placeable, current, "cell-1")
    assert [(t.token, t.status) for t in typed] == [
        ("a7", cc.PLACE),
        ("A12", cc.HERE),
        ("P3", cc.MOVE),
        ("x9", cc.UNKNOWN),
        ("hello", cc.NOT_A_CODE),
        ("A7", cc.REPEAT),
        ("C2", cc.OTHER_GROUP),
        ("n02", cc.PLACE),
        ("c1", cc.PLACE),
    ]
    assert typed[2].region == "cell-2" and typed[0].code == "A07"
    assert cc.to_place(typed) == ["a7", "p3", "n2", "own"]


def test_read_codes_gives_each_code_its_card_and_region_and_nothing_more() -> None:
    """Every field of every answer: a problem names no card and no region; only HERE and
    MOVE name a region (mutation testing found the rest unchecked)."""
    codes = {"a7": "A07", "a12": "A12", "p3": "P3", "other": "C2"}
    placeable = {"a7", "a12", "p3"}
    current = {"a12": "cell-1", "p3": "cell-2"}
    typed = cc.read_codes("a7 A12 P3 x9 hello A7 C2", codes, placeable, current, "cell-1")
    T = cc.TypedCode
    assert typed == [
        T("a7", "A07", "a7", cc.PLACE, ""),
        T("A12", "A12", "a12", cc.HERE, "cell-1"),
        T("P3", "P3", "p3", cc.MOVE, "cell-2"),
        T("x9", "", "", cc.UNKNOWN, ""),
        T("hello", "", "", cc.NOT_A_CODE, ""),
        T("A7", "A07", "a7", cc.REPEAT, ""),
        T("C2", "C2", "other", cc.OTHER_GROUP, ""),
    ]
