"""A new session from set-up choices: defaults alone give a usable session."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from coprod_desktop.domain.model import GROUP_COLOURS, CardDraft
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_schema import session_from_dict, session_to_dict
from coprod_desktop.files.session_setup import (
    DEFAULT_GROUP_COUNT,
    DEFAULT_TITLE,
    SetupChoices,
    SetupError,
    build_session,
    choices_from_dict,
    choices_to_dict,
    default_group_names,
    parse_group_names,
)

NOW = datetime(2026, 3, 18, 19, 30, tzinfo=UTC)


def test_the_defaults_alone_give_a_usable_session() -> None:
    s = build_session(SetupChoices(), NOW)
    assert s.title == DEFAULT_TITLE
    assert [g.name for g in s.groups] == default_group_names(DEFAULT_GROUP_COUNT)
    assert [g.name for g in s.groups] == ["Group 1", "Group 2", "Group 3"]
    assert [g.colour for g in s.groups] == list(GROUP_COLOURS[:3])
    assert len({g.id for g in s.groups}) == 3
    assert s.deck == content.deck()
    assert s.board == content.board()
    assert s.created == "2026-03-18T19:30:00+00:00"
    data = session_to_dict(s)
    assert session_to_dict(session_from_dict(copy.deepcopy(data))) == data


def test_every_choice_reaches_the_session() -> None:
    choices = SetupChoices(
        title="  Health   workshop ",
        date="2026-04-02",
        venue=" Cardiff ",
        facilitator="Ana",
        group_names=("Red", "Blue"),
    )
    s = build_session(choices, NOW)
    assert (s.title, s.created, s.venue, s.facilitator) == (
        "Health workshop",
        "2026-04-02",
        "Cardiff",
        "Ana",
    )
    assert [g.name for g in s.groups] == ["Red", "Blue"]


def test_todays_date_keeps_the_time() -> None:
    assert build_session(SetupChoices(date="2026-03-18"), NOW).created == NOW.isoformat()


def test_an_empty_title_falls_back_to_the_default() -> None:
    assert build_session(SetupChoices(title="   "), NOW).title == DEFAULT_TITLE


@pytest.mark.parametrize("count", [1, 12])
def test_one_to_twelve_groups(count: int) -> None:
    s = build_session(SetupChoices(group_count=count), NOW)
    assert len(s.groups) == count
    assert len({g.colour for g in s.groups}) == count


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        (SetupChoices(group_count=0), "groups: 0 groups; choose 1 to 12"),
        (SetupChoices(group_count=13), "choose 1 to 12"),
        (SetupChoices(group_names=tuple(f"T{i}" for i in range(13))), "at most 12 groups"),
        (SetupChoices(group_names=("Red", "red")), 'two groups are called "red"'),
        (SetupChoices(group_names=("  ", "")), "at least one group name"),
        (SetupChoices(group_names=("x" * 41,)), "longer than 40"),
        (SetupChoices(date="18/03/2026"), 'date: "18/03/2026" is not a date'),
        (
            SetupChoices(board_id="nope"),
            'board: no built-in board "nope" (known: matrix-and-ladder)',
        ),
        (SetupChoices(deck_id="nope"), 'deck: no built-in deck "nope"'),
        (SetupChoices(deck_id=""), "deck: no cards"),
        (SetupChoices(title="t" * 201), "title: longer than 200"),
    ],
)
def test_bad_choices_name_the_field(choices: SetupChoices, message: str) -> None:
    with pytest.raises(SetupError) as info:
        build_session(choices, NOW)
    assert message in str(info.value)


def test_parse_group_names() -> None:
    assert parse_group_names("Red, Blue\nGreen;  Table   4 ,,\n") == [
        "Red",
        "Blue",
        "Green",
        "Table 4",
    ]
    assert parse_group_names(" \n, ") == []


def test_imported_cards_only() -> None:
    drafts = (CardDraft("activity", "Walk"), CardDraft("principle", "Assets", "text"))
    s = build_session(SetupChoices(deck_id="", imported=drafts, imported_from="local.csv"), NOW)
    assert s.deck.title == "Cards from local.csv"
    assert [(c.kind, c.title) for c in s.deck.cards] == [
        ("activity", "Walk"),
        ("principle", "Assets"),
    ]
    assert s.deck != content.deck()


def test_built_in_plus_imported_cards_get_unique_ids() -> None:
    builtin = content.deck()
    clash = CardDraft(builtin.cards[0].kind, builtin.cards[0].title)
    s = build_session(SetupChoices(imported=(clash, clash), imported_from="x.csv"), NOW)
    assert len(s.deck.cards) == len(builtin.cards) + 2
    assert len({c.id for c in s.deck.cards}) == len(s.deck.cards)
    assert s.deck.title == f"{builtin.title} + x.csv"
    assert content.deck() == builtin  # the built-in deck is untouched


def test_choices_are_remembered_without_the_imported_cards_or_the_date() -> None:
    choices = SetupChoices(
        title="T",
        date="2026-01-01",
        venue="V",
        facilitator="F",
        group_names=("A", "B"),
        group_count=2,
        imported=(CardDraft("activity", "X"),),
    )
    data = choices_to_dict(choices)
    assert "imported" not in data and "date" not in data
    back = choices_from_dict(data)
    assert back == SetupChoices(
        title="T", venue="V", facilitator="F", group_names=("A", "B"), group_count=2
    )


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "text",
        [],
        {"title": 5, "group_count": 99, "group_names": [1, 2]},
        {"board_id": "gone", "deck_id": "gone"},
        {"group_count": True},
        {"deck_id": ""},
    ],
)
def test_remembered_choices_that_are_broken_fall_back_to_defaults(stored) -> None:
    choices = choices_from_dict(stored)
    build_session(choices, NOW)  # always usable
    assert choices == SetupChoices()
