"""The one rule set (domain/rules.py): the loader, the model's operations and the window
agree, because they all ask the domain. The three failures that led to it, reproduced."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop.cli.main import main
from coprod_desktop.domain import rules
from coprod_desktop.domain.errors import DomainError, join_path
from coprod_desktop.domain.model import Arrangement, CardDraft, Group, Placement
from coprod_desktop.files import builtin
from coprod_desktop.files.session_file import session_from_json
from coprod_desktop.files.session_schema import SessionFormatError, session_to_dict
from tests.pdf_text import pdf_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "sessions" / "community-health-workshop.json"


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def refused(data: dict[str, Any]) -> SessionFormatError:
    with pytest.raises(SessionFormatError) as caught:
        session_from_json(json.dumps(data))
    return caught.value


# --- 1. two groups owning the same card id -------------------------------------------
def test_two_groups_owning_one_card_id_is_refused_at_the_second() -> None:
    data = example()
    own = {"id": "own-shared", "kind": "custom", "title": "Shared", "text": ""}
    data["groups"][0]["cards"].append(dict(own))
    data["groups"][2]["cards"].insert(0, dict(own))
    error = refused(data)
    assert error.where == "groups[2].cards[0].id"  # the first owner in the file keeps it
    assert "duplicate card id 'own-shared'" in error.reason


def test_a_group_card_with_a_deck_card_id_is_refused() -> None:
    data = example()
    data["groups"][0]["cards"].append(dict(data["deck"]["cards"][0]))
    error = refused(data)
    assert error.where == f"groups[0].cards[{len(data['groups'][0]['cards']) - 1}].id"


def test_own_cards_of_a_loaded_session_can_be_added_and_copied() -> None:
    """What used to fail after loading such a file: a group adds a card, copies a board."""
    session = session_from_json(EXAMPLE.read_text(encoding="utf-8"))
    first, second = session.groups[0], session.groups[1]
    card = session.add_group_card(first.id, CardDraft("custom", "Tea with the council"))
    session.place(first.id, card.id, session.board.regions[0].id)
    session.copy_arrangement(first.id, second.id)
    rules.check_session(session)


# --- 2. boards that cannot be drawn ---------------------------------------------------
@pytest.mark.parametrize("size", [[0, 0], [0, 100], [100, 0], [-5, 10]])
def test_a_board_without_area_is_refused(size: list[int]) -> None:
    data = example()
    data["board"]["size"] = size
    error = refused(data)
    assert error.where == "board.size" and "positive" in error.reason


@pytest.mark.parametrize("width", [80, 20, 1, 0.001])
def test_a_region_too_small_for_one_card_prints_its_count(tmp_path: Path, width: float) -> None:
    data = example()
    for region in data["board"]["regions"]:
        region["rect"][2] = width
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert main(["handout", str(path), "-o", str(tmp_path / "h.pdf")]) == 0
    text = pdf_text(tmp_path / "h.pdf")
    assert "more" in text  # "+N more" where the cards could not be drawn
    first_title = data["deck"]["cards"][0]["title"].split()[0]
    assert first_title in text  # and the listing still names every card


# --- 3. names, ids and limits ---------------------------------------------------------
@pytest.mark.parametrize(("key", "value"), [("name", ""), ("name", "   "), ("id", ""), ("id", " ")])
def test_empty_group_names_and_ids_are_refused(key: str, value: str) -> None:
    data = example()
    data["groups"][1][key] = value
    error = refused(data)
    assert error.where == f"groups[1].{key}" and "empty" in error.reason


def test_more_groups_than_the_window_can_show_are_refused() -> None:
    data = example()
    template = data["groups"][0]
    data["groups"] = [
        {**template, "id": f"g{i}", "name": f"Table {i}", "cards": []}
        for i in range(rules.MAX_GROUPS + 1)
    ]
    error = refused(data)
    assert error.where == "groups" and f"at most {rules.MAX_GROUPS}" in error.reason
    data["groups"] = data["groups"][: rules.MAX_GROUPS]
    assert len(session_from_json(json.dumps(data)).groups) == rules.MAX_GROUPS


def test_seven_thousand_groups_are_refused_quickly() -> None:
    data = example()
    template = {**data["groups"][0], "cards": [], "placements": [], "notes": {}}
    data["groups"] = [{**template, "id": f"g{i}", "name": f"T{i}"} for i in range(7000)]
    assert refused(data).where == "groups"


def test_too_many_groups_are_refused_before_any_is_read() -> None:
    """The count is checked first: reading 7,000 full groups took 20 s only to refuse them."""
    data = example()
    data["groups"] = [*data["groups"], *({"broken": True} for _ in range(10))]
    error = refused(data)
    assert error.where == "groups" and "at most 12" in error.reason


def test_the_model_refuses_a_thirteenth_group() -> None:
    session = builtin.new_session("t", [f"G{i}" for i in range(rules.MAX_GROUPS)])
    with pytest.raises(DomainError, match="at most 12"):
        session.add_group("one too many")
    assert len(session.groups) == rules.MAX_GROUPS


def test_a_group_with_too_many_own_cards_is_refused() -> None:
    data = example()
    data["groups"][0]["cards"] = [
        {"id": f"own-{i}", "kind": "custom", "title": f"Card {i}", "text": ""}
        for i in range(rules.MAX_GROUP_CARDS + 1)
    ]
    error = refused(data)
    assert error.where == "groups[0].cards"


def test_inserting_a_group_checks_it_like_the_loader() -> None:
    session = builtin.new_session("t", ["A", "B"])
    for bad in (Group("g9", " ", "#000000"), Group("", "C", "#000000"), Group("g9", "C", "red")):
        with pytest.raises(DomainError):
            session.insert_group(0, bad)
    assert [g.name for g in session.groups] == ["A", "B"]


def test_a_region_of_zero_size_is_refused_with_its_path() -> None:
    """A zero width is refused, not only a negative one (a surviving mutant before)."""
    for rect in ([10, 10, 0, 50], [10, 10, 50, 0]):
        data = example()
        data["board"]["regions"][2]["rect"] = rect
        error = refused(data)
        assert error.where == "board.regions[2].rect"


def test_a_saved_session_obeys_the_rules_that_loading_checks() -> None:
    session = session_from_json(EXAMPLE.read_text(encoding="utf-8"))
    again = session_from_json(json.dumps(session_to_dict(session)))
    assert again == session


def test_placements_name_their_field() -> None:
    data = example()
    first = data["groups"][0]["placements"][0]
    data["groups"][0]["placements"].append(dict(first))
    at = len(data["groups"][0]["placements"]) - 1
    error = refused(data)
    assert error.where == f"groups[0].placements[{at}]"
    assert f"card {first['card']!r} already has a place on the" in error.reason
    session = builtin.new_session("t", ["A"])
    card = session.deck.cards[0].id
    region = session.board.regions[0].id
    with pytest.raises(DomainError) as caught:
        session.set_arrangement(session.groups[0].id, Arrangement((Placement(card, region),) * 2))
    assert caught.value.field == "placements[1]"


def test_paths_join_like_the_file() -> None:
    assert join_path("groups[1]", "placements[3].region") == "groups[1].placements[3].region"
    assert join_path("deck", "[0]") == "deck[0]"
    assert join_path("", "size") == "size" and join_path("board", "") == "board"
    assert DomainError("x", "rect").within("board.regions[2]").field == "board.regions[2].rect"
